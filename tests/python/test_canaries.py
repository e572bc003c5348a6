"""Personal-data canaries from Python: the canary sweep of
tests/corpus/manifest.json (a full person record with a fake name and
personnummer in every string, number and key) through evaluation,
certificate issue and coordination, and the same values through population
tables (cells and column names) and credential verification. No exception
text, path, finding message or error column may repeat a canary.
tests/test_canaries.cpp and tests/capi/corpus.cpp run the same sweep."""

from __future__ import annotations

import copy
import datetime
import json
import re
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List

import pandas as pd
import pytest

import yrkesresan

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
SPEC: Dict[str, Any] = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))["canary_sweep"]
BASE: Dict[str, Any] = json.loads((CORPUS / SPEC["base"]).read_text(encoding="utf-8"))
AS_OF = datetime.date.fromisoformat(SPEC["as_of"])
TERM = (datetime.date.fromisoformat(SPEC["term"]["from"]), datetime.date.fromisoformat(SPEC["term"]["to"]))
NAME, PNR = SPEC["values"][0], SPEC["values"][3]


def repeats(text: str) -> bool:
    return SPEC["surname"] in text.lower() or "1212121212" in re.sub(r"\D", "", text)


def sweep(node: Any = None, edit: Callable[[Any], Any] = lambda d: d) -> Iterator[Any]:
    """Every record of the sweep (as tests/canary_sweep.hpp builds it)."""
    if node is None:
        node = BASE
    if isinstance(node, (str, int, float)) and not isinstance(node, bool):
        for value in [*SPEC["values"], SPEC["number"]]:
            yield edit(value)
        return
    if isinstance(node, list):
        for i, child in enumerate(node):
            yield from sweep(child, lambda v, i=i, node=node: edit([*node[:i], v, *node[i + 1:]]))
        return
    for key in SPEC["keys"]:
        yield edit({**node, key: "x"})
    for name, child in node.items():
        for key in SPEC["keys"]:
            yield edit({(key if k == name else k): v for k, v in node.items()})
        yield from sweep(child, lambda v, name=name, node=node: edit({**node, name: v}))


DOCUMENTS = [json.dumps(d, ensure_ascii=False) for d in sweep()]


def error_texts(e: yrkesresan.Error) -> List[str]:
    return [str(e), repr(e), *(x for p in e.problems for x in (p.path, p.message))]


def finding_texts(ev: Any) -> List[str]:
    texts = [w.message for w in ev.warnings]
    texts += [r.message for c in ev.components for r in c.reasons]
    texts += [m.message for mod in ev.modules for m in mod.missing]
    texts += [m.message for c in ev.certificates for m in c.missing]
    return texts


@pytest.fixture(scope="module")
def gr() -> yrkesresan.Program:
    return yrkesresan.Program.builtin("gr-barn-unga")


def test_the_sweep_is_the_cpp_sweep() -> None:
    # Same construction as tests/canary_sweep.hpp: one record per value and
    # number in every leaf, per key in every object and for every key.
    assert len(DOCUMENTS) == 713


def test_no_error_or_finding_repeats_a_canary(gr: yrkesresan.Program) -> None:
    leaks: List[str] = []
    errors = evaluations = 0
    for doc in DOCUMENTS:
        texts: List[str] = []
        try:
            for language in ("sv", "en"):
                texts += finding_texts(gr.evaluate(doc, AS_OF, language))
                evaluations += 1
        except yrkesresan.Error as e:
            errors += 1
            texts += error_texts(e)
        for component in ("introduktionsprogram", "handledning"):
            try:
                gr.issue_certificate(doc, AS_OF, component)
            except yrkesresan.Error as e:
                texts += error_texts(e)
        try:
            yrkesresan.coordinate(gr, [doc], as_of=AS_OF, term=TERM)
        except yrkesresan.Error as e:
            texts += error_texts(e)
        leaks += [f"{doc}: {t}" for t in texts if repeats(t)]
    assert leaks == []
    assert errors > 150 and evaluations > 100


def population_tables() -> Iterator[Dict[str, Any]]:
    persons = pd.DataFrame([{"id": "p-1", "municipality": "kungalv", "employment_start": "2026-01-12", "unit": "u",
                             "FA": "p-2"}])
    events = pd.DataFrame([{"person": "p-1", "type": "item_done", "item": "nycklar", "date": "2026-01-13"}])
    leaves = pd.DataFrame([{"person": "p-1", "from": "2026-06-15", "to": "2026-08-09", "kind": "parental"}])
    assignments = pd.DataFrame([{"person": "p-1", "item": "nycklar", "codes": "EC"}])
    tables = {"persons": persons, "events": events, "leaves": leaves, "assignments": assignments}
    for value in [*SPEC["values"], SPEC["number"]]:
        for table, frame in tables.items():
            for column in frame.columns:
                changed = copy.deepcopy(tables)
                changed[table] = frame.assign(**{column: [value]})
                yield changed
    for key in SPEC["keys"]:
        for table, frame in tables.items():
            changed = copy.deepcopy(tables)
            changed[table] = frame.assign(**{key: ["x"]})
            yield changed


def test_population_tables_repeat_no_canary(gr: yrkesresan.Program) -> None:
    leaks: List[str] = []
    for tables in population_tables():
        for errors in ("raise", "keep"):
            texts: List[str] = []
            try:
                result = gr.evaluate_population(tables["persons"], tables["events"], tables["leaves"], tables["assignments"],
                                                as_of=AS_OF, errors=errors)
                texts += [str(x) for x in result.persons["error"].tolist() + result.persons["error_path"].tolist()]
            except yrkesresan.Error as e:
                texts += error_texts(e)
            leaks += [t for t in texts if repeats(t)]
    assert leaks == []


def test_credentials_about_a_canary_person_repeat_nothing(gr: yrkesresan.Program) -> None:
    person = copy.deepcopy(BASE)
    person["id"] = f"{NAME} {PNR}"
    person["events"] = [{"type": "module_attended", "module": m, "date": "2026-09-01", "round": NAME}
                        for m in ("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8")]
    person["events"] += [{"type": "homework_submitted", "module": m, "date": "2026-09-02"} for m in ("m1", "m2", "m3", "m5", "m7")]
    cert = gr.issue_certificate(person, datetime.date(2026, 11, 1), "introduktionsprogram")
    key = yrkesresan.SigningKey.from_seed(bytes(32))
    vc = yrkesresan.sign_certificate(cert, yrkesresan.IssuerProfile("https://www.kungalv.se/socialtjansten", NAME), key)
    assert repeats(vc)  # the subject is the person: the credential carries the id
    messages: List[str] = []
    for trusted in ([], [yrkesresan.TrustedIssuer("https://www.kungalv.se/socialtjansten", "x", [])]):
        for text in (vc, vc.replace("Canarysdotter", "Kanarysdotter", 1), vc.encode("utf-8").replace(b"Astrid", b"\xff", 1)):
            messages.append(yrkesresan.verify_credential(text, trusted, now="2026-11-22T10:00:00Z").message)
    assert [m for m in messages if repeats(m)] == []
    # A trusted-issuer list with the canaries as keys and values.
    for bad in ({"issuers": [{"id": NAME, "keys": [{"publicKeyMultibase": PNR}]}]},
                {"issuers": [{"id": "x", "keys": [], NAME: PNR}]}, {PNR: [NAME]}):
        with pytest.raises(yrkesresan.Error) as info:
            yrkesresan.trusted_issuers_from_json(json.dumps(bad))
        assert [t for t in error_texts(info.value) if repeats(t)] == []


def test_python_shows_the_keys_the_core_shows(gr: yrkesresan.Program) -> None:
    # Population tables name columns with the core's rule (errors._member_path over _core.key_may_be_shown):
    # the path each key gets from the core is the one Python gives it.
    from yrkesresan.errors import _member_path

    keys = ["colour", "employmnet_start", "Employment_start", "$schema", "@id", "x.y:z-w_v", "000", "12345", "123456",
            "a1b2c3d4e5f6", "EC", "ec", "1:e", "Åsa", "x y", "a/b", "k" * 64, "k" * 65, *SPEC["keys"], *SPEC["values"]]
    for key in keys:
        with pytest.raises(yrkesresan.InputError) as info:
            gr.evaluate({"id": "p-1", "municipality": "kungalv", "employment_start": "2026-01-12", key: 1}, AS_OF)
        assert (info.value.code, info.value.path) == ("unknown_field", _member_path("", key)), key


def test_text_that_is_not_unicode_repeats_nothing(gr: yrkesresan.Program) -> None:
    # A lone surrogate cannot cross into the library; pybind11's own error
    # would quote the whole argument, so each entry point refuses it first.
    person = {**BASE, "id": f"{NAME} {PNR}", "unit": "\ud800"}
    text = json.dumps(person, ensure_ascii=False)
    attempts: List[Callable[[], Any]] = [
        lambda: gr.evaluate(person, AS_OF),
        lambda: gr.evaluate(text, AS_OF),
        lambda: gr.issue_certificate(text, AS_OF, "introduktionsprogram"),
        lambda: yrkesresan.coordinate(gr, [person], as_of=AS_OF, term=TERM),
        lambda: yrkesresan.Program.from_json(text),
        lambda: yrkesresan.trusted_issuers_from_json(text),
        lambda: gr.evaluate_population(pd.DataFrame([{"id": f"{NAME} \ud800", "municipality": "kungalv",
                                                      "employment_start": "2026-01-12"}]), as_of=AS_OF),
    ]
    for attempt in attempts:
        with pytest.raises(yrkesresan.ParseError) as info:
            attempt()
        assert [t for t in error_texts(info.value) if repeats(t)] == []
    assert yrkesresan.verify_credential(text, []).status == "malformed"


def test_coordination_tables_repeat_nothing() -> None:
    people = pd.DataFrame({"id": [NAME, PNR, "p-3"], "municipality": ["kungalv", NAME, "ale"]})
    for frame in (people.assign(id=[NAME, "\ud800", "p-3"]), people.assign(colour=[1, 2, 3]),
                  people.rename(columns={"id": NAME})):
        with pytest.raises(yrkesresan.Error) as info:
            yrkesresan.form_supervision_groups(frame, min_size=2, max_size=3)
        assert [t for t in error_texts(info.value) if repeats(t)] == []
    adepts = people.assign(experience_months=[0, 1, 2])
    with pytest.raises(yrkesresan.ParseError) as info:
        yrkesresan.match_mentors(adepts.assign(municipality=["\udcff", "a", "b"]), adepts)
    assert [t for t in error_texts(info.value) if repeats(t)] == []
