"""The Python examples of README.md and docs/, run as written against the
installed package, each from an empty folder (tests/docs/examples.py finds
them; the C and C++ examples run in CTest as docs.c.* and docs.cpp.*)."""

from __future__ import annotations

import datetime
import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any, Dict

import pytest
import yrkesresan
from yrkesresan import _core

_ROOT = Path(__file__).resolve().parents[2]


def _examples() -> Any:
    spec = importlib.util.spec_from_file_location("yr_doc_examples", _ROOT / "tests" / "docs" / "examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


examples = _examples()
PROGRAMS = examples.programs("python")


def test_the_docs_have_python_examples() -> None:
    assert sum(len(p.blocks) for p in PROGRAMS) >= 5


@pytest.mark.parametrize("program", PROGRAMS, ids=[p.name for p in PROGRAMS])
def test_python_example(program: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    examples.run_python(program)


JSON_BLOCKS = [b for b in examples.all_blocks() if b.kind == "json" and b.skip is None
               and examples.json_kind(examples.json_document(b))]


def _written_programs() -> Dict[str, Any]:
    """Programs that are not built in, by id: those the docs show whole, the
    templates and the examples, which the docs' overlays and records may be for."""
    found: Dict[str, Any] = {}
    documents = [examples.json_document(b) for b in JSON_BLOCKS]
    for folder in ("data/templates", "data/examples"):
        documents += [json.loads(p.read_text(encoding="utf-8")) for p in sorted((_ROOT / folder).glob("*.json"))]
    for document in documents:
        if examples.json_kind(document) == "program":
            found.setdefault(document["id"], document)
    return found


def _latest_date(text: str) -> datetime.date:
    return max(datetime.date.fromisoformat(d) for d in re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text))


@pytest.mark.parametrize("block", JSON_BLOCKS, ids=[b.name for b in JSON_BLOCKS])
def test_json_example(block: Any) -> None:
    """A whole document in the docs is one the library reads as it is."""
    document = examples.json_document(block)
    kind = examples.json_kind(document)
    text = json.dumps(document)
    written = _written_programs()
    if kind == "overlay":
        if document["program"] in written:
            yrkesresan.Program.from_json(written[document["program"]], overlays=[document])
        else:
            yrkesresan.Program.builtin(document["program"], overlays=[document])
    elif kind == "program":
        yrkesresan.Program.from_json(document)
    elif kind == "trusted issuers":
        assert yrkesresan.trusted_issuers_from_json(text)
    else:
        # A person record or a coordination request, for one of the built-in programs
        # (or for a program the docs, the templates or the examples hold).
        problems = []
        candidates = [(pid, lambda pid=pid: yrkesresan.Program.builtin(pid)) for pid in yrkesresan.Program.builtin_ids()]
        candidates += [(pid, lambda d=d: yrkesresan.Program.from_json(d)) for pid, d in written.items()]
        for program_id, make in candidates:
            program = make()
            try:
                if kind == "person record":
                    program.evaluate(document, as_of=_latest_date(block.text))
                else:
                    _core.coordinate(program._core, text)
                return
            except yrkesresan.Error as e:
                problems.append(f"{program_id}: {e}")
        pytest.fail(f"{block.name}: no program reads this {kind}: " + "; ".join(problems))


@pytest.mark.parametrize("name", ["program.json", "overlay.json"])
def test_the_guide_shows_the_templates_as_they_are(name: str) -> None:
    """docs/authoring.md explains the templates of data/templates/ shown whole: the files, not a copy that drifts."""
    template = json.loads((_ROOT / "data" / "templates" / name).read_text(encoding="utf-8"))
    shown = [examples.json_document(b) for b in examples.blocks_of(_ROOT / "docs" / "authoring.md")
             if b.kind == "json" and b.skip is None]
    assert template in shown, f"docs/authoring.md does not show data/templates/{name} as it is"
