"""Every citation of the program data against the source texts (data/sources/).

A citation is an object {"seed", "pages", "quote" | "assumption",
"interpretation"?}: every `source`, every `*_source` field and every entry of
the `sources` of a `changes` entry, in every program of data/programs/ and
every overlay of data/overlays/. Its `quote` must occur on one of the pages it
cites, compared with runs of whitespace as one space (the texts are PDF
extractions: one page is one line, tables flattened). Nothing else is
normalised: the quote is spelled as the source spells it, soft hyphenation
and lost dashes included. A rule with no words to rest on says so in
`assumption` and quotes nothing.

Pure Python on the repository's files: no compiled module needed.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Set, Tuple

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "data" / "sources"
PROGRAMS = sorted((ROOT / "data" / "programs").glob("*.json"))
OVERLAYS = sorted((ROOT / "data" / "overlays").glob("*.json"))

CITATION_KEYS = {"seed", "pages", "quote", "assumption", "interpretation"}
# "34", "28–29", "20, 31", "29–30, 38" (an en dash; a hyphen is accepted too).
PAGES = re.compile(r"^\d+(?:[–-]\d+)?(?:, \d+(?:[–-]\d+)?)*$")


def normalise(text: str) -> str:
    """Runs of whitespace (newlines included) as one space, ends trimmed."""
    return re.sub(r"\s+", " ", text).strip()


def parse_pages(pages: str) -> List[int]:
    """The pages a citation names: "28–29, 34" -> [28, 29, 34]; a range includes both ends."""
    if not PAGES.match(pages):
        raise ValueError(f"pages {pages!r} is not like \"34\", \"28–29\" or \"20, 31\"")
    result: List[int] = []
    for part in pages.split(", "):
        ends = re.split(r"[–-]", part)
        first, last = int(ends[0]), int(ends[-1])
        if last < first:
            raise ValueError(f"pages {pages!r}: the range {part!r} runs backwards")
        result.extend(range(first, last + 1))
    return result


def page_file(seed: str, page: int, sources: Path = SOURCES) -> Path:
    return sources / seed / f"{page:02d}.txt"


@lru_cache(maxsize=None)
def page_text(path: Path) -> str:
    return normalise(path.read_text(encoding="utf-8"))


def citations(node: Any, pointer: str = "") -> Iterator[Tuple[str, Any]]:
    """(JSON Pointer, citation) for every citation under node."""
    if isinstance(node, dict):
        for key, value in node.items():
            at = f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}"
            if key == "source" or key.endswith("_source"):
                yield at, value
            elif key == "changes" and isinstance(value, list):
                for i, change in enumerate(value):
                    if isinstance(change, dict):
                        for j, cited in enumerate(change.get("sources", [])):
                            yield f"{at}/{i}/sources/{j}", cited
            elif key != "sources":  # the top-level map of seeds, not citations
                yield from citations(value, at)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from citations(value, f"{pointer}/{i}")


def check_citation(
    pointer: str, citation: Any, listed_seeds: Set[str], sources: Path = SOURCES
) -> List[str]:
    """The problems of one citation, each naming the rule (pointer) and the page(s)."""
    if not isinstance(citation, dict):
        return [f"{pointer}: a citation is an object, not {citation!r}"]
    problems: List[str] = []
    unknown = sorted(set(citation) - CITATION_KEYS)
    if unknown:
        problems.append(f"{pointer}: unknown field(s) {unknown} (a citation has {sorted(CITATION_KEYS)})")
    for key in ("quote", "assumption", "interpretation"):
        if key in citation and not (isinstance(citation[key], str) and citation[key].strip()):
            problems.append(f"{pointer}: {key} must be a non-empty string")
    if "quote" not in citation and "assumption" not in citation:
        problems.append(f"{pointer}: neither a quote nor an assumption")
    seed = citation.get("seed")
    pages = citation.get("pages")
    if not isinstance(seed, str) or not isinstance(pages, str):
        return problems + [f"{pointer}: seed and pages must be strings"]
    if seed not in listed_seeds:
        problems.append(f"{pointer}: seed {seed} is not in the program's sources {sorted(listed_seeds)}")
    try:
        numbers = parse_pages(pages)
    except ValueError as error:
        return problems + [f"{pointer}: {error}"]
    missing = [n for n in numbers if not page_file(seed, n, sources).is_file()]
    if missing:
        problems.append(
            f"{pointer}: seed {seed} page(s) {', '.join(map(str, missing))} not in data/sources/{seed}/"
        )
    quote = citation.get("quote")
    if isinstance(quote, str) and not missing:
        wanted = normalise(quote)
        if not any(wanted in page_text(page_file(seed, n, sources)) for n in numbers):
            problems.append(f"{pointer}: quote {quote!r} is not on seed {seed} page(s) {pages}")
    return problems


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def program_seeds(program_id: str) -> Set[str]:
    for path in PROGRAMS:
        program = load(path)
        if program.get("id") == program_id:
            return set(program.get("sources", {}))
    raise AssertionError(f"no program {program_id!r} in data/programs/")


def document_problems(path: Path) -> List[str]:
    document = load(path)
    if "overlay" in document:
        seeds = program_seeds(document["program"])
    else:
        seeds = set(document.get("sources", {}))
    problems: List[str] = []
    for pointer, citation in citations(document):
        problems.extend(check_citation(pointer, citation, seeds))
    return problems


# --- the data --------------------------------------------------------------


@pytest.mark.parametrize("path", PROGRAMS + OVERLAYS, ids=lambda p: p.name)
def test_every_citation_quotes_its_page(path: Path) -> None:
    problems = document_problems(path)
    assert not problems, f"{path.relative_to(ROOT)}:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", PROGRAMS, ids=lambda p: p.name)
def test_programs_cite_their_rules(path: Path) -> None:
    program = load(path)
    found = list(citations(program))
    # Every rule-bearing object has its citation: the top, the experience
    # clock, each phase, checklist and component and the changes.
    assert "/experience/source" in dict(found)
    for kind in ("phases", "checklists", "components"):
        for i, _ in enumerate(program[kind]):
            assert f"/{kind}/{i}/source" in dict(found), f"{path.name}: /{kind}/{i} has no source"
    assert program.get("changes"), f"{path.name}: no changes list"
    for i, change in enumerate(program["changes"]):
        assert change.get("sources"), f"{path.name}: /changes/{i} cites no source"
    # Each seed a program lists is cited somewhere, and kept in data/sources.
    cited = {c.get("seed") for _, c in found if isinstance(c, dict)}
    for seed in program["sources"]:
        assert seed in cited, f"{path.name}: lists seed {seed} but cites none of it"
        assert (SOURCES / seed).is_dir(), f"data/sources/{seed}/ is missing"


def test_source_pages_are_the_documents_pages() -> None:
    """001 pages 7–38 and 000 page 1, each a file named by its page; no leading page number."""
    assert sorted(p.name for p in (SOURCES / "001").glob("*.txt")) == [f"{n:02d}.txt" for n in range(7, 39)]
    assert sorted(p.name for p in (SOURCES / "000").glob("*.txt")) == ["01.txt"]
    assert page_text(page_file("001", 7)).startswith("Handlingsplan för kompetens och stabilitet")
    assert page_text(page_file("001", 25)).startswith("De första åren som socialsekreterare")
    assert page_text(page_file("001", 34)).startswith("Checklista för introduktion av nyanställda")
    assert page_text(page_file("000", 1)).startswith("Program för kompetensutveckling för bistånds- och LSS")


EXAMPLES = sorted((ROOT / "data" / "examples").glob("*.json"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_the_invented_example_quotes_nothing(path: Path) -> None:
    """data/examples/ is invented (its README): it cites no real document, so every citation
    assumes and none quotes, and its seeds are its own, never a document of data/sources/."""
    document = load(path)
    program = document if "overlay" not in document else load(ROOT / "data" / "examples" / "exempel-lss.json")
    seeds = set(program.get("sources", {}))
    assert seeds and not seeds & {p.name for p in SOURCES.iterdir() if p.is_dir()}
    found = list(citations(document))
    assert found
    for pointer, citation in found:
        assert "quote" not in citation and citation.get("assumption"), f"{path.name}{pointer}: not an assumption"
        assert citation.get("seed") in seeds, f"{path.name}{pointer}: seed {citation.get('seed')!r} not in its sources"


# --- the checker ------------------------------------------------------------


def test_pages_are_read_as_sets_of_pages() -> None:
    assert parse_pages("34") == [34]
    assert parse_pages("28–29") == [28, 29]
    assert parse_pages("20, 31") == [20, 31]
    assert parse_pages("29–30, 38") == [29, 30, 38]
    assert parse_pages("20-22") == [20, 21, 22]
    for bad in ("", "34,35", "p. 34", "29–28", "34 "):
        with pytest.raises(ValueError):
            parse_pages(bad)


def test_a_quote_on_the_right_page_passes() -> None:
    citation = {"seed": "001", "pages": "20", "quote": "Deltagare 6-8 personer."}
    assert check_citation("/components/1/group/source", citation, {"001"}) == []
    # A range includes both ends; whitespace runs count as one space.
    citation = {"seed": "001", "pages": "19–20", "quote": "10 träffar\n under   ett års tid."}
    assert check_citation("/x", citation, {"001"}) == []


def test_a_quote_on_a_wrong_page_fails_naming_rule_and_page() -> None:
    citation = {"seed": "001", "pages": "31", "quote": "Deltagare 6-8 personer"}
    problems = check_citation("/components/1/group/source", citation, {"001"})
    assert len(problems) == 1
    assert "/components/1/group/source" in problems[0]
    assert "page(s) 31" in problems[0]
    # "21–22" names neither page 20 nor page 23.
    citation = {"seed": "001", "pages": "21–22", "quote": "Deltagare 6-8 personer"}
    assert check_citation("/c", citation, {"001"}) != []


def test_a_quote_with_other_words_fails() -> None:
    # Spelled otherwise than the seed (an en dash the extraction lost).
    citation = {"seed": "001", "pages": "28", "quote": "Starta inom 4 mån – 1 år"}
    assert check_citation("/w", citation, {"001"}) != []


def test_a_citation_needs_a_quote_or_an_assumption() -> None:
    problems = check_citation("/p", {"seed": "001", "pages": "22"}, {"001"})
    assert any("neither a quote nor an assumption" in p for p in problems)
    assumption = {"seed": "001", "pages": "31", "assumption": "8 av 10 tillfällen"}
    assert check_citation("/p", assumption, {"001"}) == []
    old = {"seed": "001", "pages": "31", "note": "Intyg utfärdas"}
    assert any("unknown field(s) ['note']" in p for p in check_citation("/p", old, {"001"}))


def test_the_seed_must_be_listed_and_kept() -> None:
    citation = {"seed": "001", "pages": "20", "quote": "Deltagare 6-8 personer"}
    problems = check_citation("/s", citation, {"000"})
    assert any("seed 001 is not in the program's sources" in p for p in problems)
    unknown = {"seed": "004", "pages": "2", "quote": "Yrkesresan"}
    problems = check_citation("/s", unknown, {"004"})
    assert any("page(s) 2 not in data/sources/004/" in p for p in problems)
    off = {"seed": "001", "pages": "40", "quote": "Bilaga"}
    assert any("page(s) 40 not in" in p for p in check_citation("/s", off, {"001"}))


def test_the_walker_finds_every_kind_of_citation() -> None:
    document: Dict[str, Any] = {
        "sources": {"001": "a map of seeds, not a citation"},
        "experience": {"source": {"seed": "001"}},
        "components": [{"module_hours_source": {"seed": "001"}, "window": {"source": {"seed": "001"}}}],
        "changes": [{"version": "2", "sources": [{"seed": "001"}, {"seed": "000"}]}],
    }
    found: Dict[str, Optional[Any]] = dict(citations(document))
    assert sorted(found) == [
        "/changes/0/sources/0",
        "/changes/0/sources/1",
        "/components/0/module_hours_source",
        "/components/0/window/source",
        "/experience/source",
    ]
