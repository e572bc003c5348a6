"""Program.evaluate_many: many records in one call, evaluated on every core
with the GIL released; the same answers as evaluate() record by record, and
a refused record's error named by its index."""

from __future__ import annotations

import datetime
import json
from typing import Any, Dict, List

import pytest

import yrkesresan
from scenario_support import ROOT, SCENARIOS, load_scenario, scenario_program

GR = yrkesresan.Program.builtin("gr-barn-unga")
COHORT: List[Dict[str, Any]] = json.loads((ROOT / "examples" / "cohort.json").read_text(encoding="utf-8"))
AS_OF = datetime.date(2026, 11, 22)


def documents(evaluations: List[Any]) -> List[str]:
    return [e.to_json() for e in evaluations]


@pytest.mark.parametrize("threads", [1, 2, 0])
@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_cohort_as_one_by_one(threads: int, language: str) -> None:
    records = COHORT * 5  # more records than threads, each evaluated alone
    one_by_one = [GR.evaluate(r, AS_OF, language).to_json() for r in records]
    assert documents(GR.evaluate_many(records, AS_OF, language, threads=threads)) == one_by_one


@pytest.mark.parametrize("threads", [1, 3])
def test_documents_as_one_by_one(threads: int) -> None:
    # Enough records for reading, evaluating and building to overlap.
    records: List[Any] = [dict(r, id=f"p-{i}") for i, r in enumerate(COHORT * 40)]
    records[100] = dict(records[100], employment_start="2026-02-30")
    records[333] = json.dumps(records[333])
    kept = GR.evaluate_many(records, AS_OF, "en", errors="keep", as_dicts=True, threads=threads)
    assert len(kept) == len(records)
    for i, (record, doc) in enumerate(zip(records, kept)):
        if i == 100:
            assert (doc.code, doc.path) == ("invalid_date", "/100/employment_start")
        else:
            assert doc == GR.evaluate(record, AS_OF, "en").to_dict()
    with pytest.raises(yrkesresan.InputError) as info:
        GR.evaluate_many(records, AS_OF, as_dicts=True, threads=threads)
    assert info.value.path == "/100/employment_start"


def test_every_scenario_as_one_by_one() -> None:
    compared = 0
    for path in SCENARIOS:
        sc = load_scenario(path)
        if "error" in sc:
            continue
        program = scenario_program(sc)
        as_of = datetime.date.fromisoformat(sc["as_of"])
        records = [sc["person"], json.dumps(sc["person"]), sc["person"]]  # data and text alike
        got = documents(program.evaluate_many(records, as_of))
        want = program.evaluate(sc["person"], as_of).to_json()
        assert got == [want] * 3, path.name
        compared += 1
    assert compared >= 5


def refused(records: List[Any]) -> List[Any]:
    return GR.evaluate_many(records, AS_OF, errors="keep")


def test_a_refused_record_is_named_by_its_index() -> None:
    good = COHORT[0]
    bad_type = dict(good, employment_start=datetime.datetime(2026, 1, 12))
    future = dict(good, events=[{"type": "item_done", "item": "nycklar", "date": "2027-01-01"}])
    records = [good, bad_type, good, future, "{not json"]
    kept = refused(records)
    assert [type(x).__name__ for x in kept] == ["Evaluation", "InputError", "Evaluation", "ConflictError", "ParseError"]
    assert [(x.code, x.path) for x in kept if isinstance(x, yrkesresan.Error)] == [
        ("wrong_type", "/1/employment_start"), ("future_event", "/3/events/0/date"), ("parse_error", "/4")]
    assert all(p.path.startswith("/3/") for p in kept[3].problems)
    assert kept[0].to_json() == kept[2].to_json() == GR.evaluate(good, AS_OF).to_json()
    with pytest.raises(yrkesresan.InputError) as info:
        GR.evaluate_many(records, AS_OF)
    assert (info.value.code, info.value.path) == ("wrong_type", "/1/employment_start")


def test_the_first_refused_record_is_raised_whether_read_or_evaluated() -> None:
    good = COHORT[0]
    future = dict(good, events=[{"type": "item_done", "item": "nycklar", "date": "2027-01-01"}])
    records: List[Any] = [good, good, future, good, dict(good, id=7)]
    with pytest.raises(yrkesresan.Error) as info:
        GR.evaluate_many(records, AS_OF, threads=2)
    assert (info.value.code, info.value.path) == ("future_event", "/2/events/0/date")


def test_any_iterable_and_none() -> None:
    assert GR.evaluate_many([], AS_OF) == []
    assert documents(GR.evaluate_many((r for r in COHORT[:3]), AS_OF)) == documents(GR.evaluate_many(COHORT[:3], AS_OF))


@pytest.mark.parametrize("call", [
    lambda: GR.evaluate_many(COHORT, AS_OF, errors="ignore"),
    lambda: GR.evaluate_many(COHORT[0], AS_OF),
    lambda: GR.evaluate_many(json.dumps(COHORT), AS_OF),
    lambda: GR.evaluate_many(COHORT, datetime.datetime(2026, 11, 22)),
])
def test_misuse_is_refused(call: Any) -> None:
    with pytest.raises((ValueError, TypeError)):
        call()


def test_an_unknown_language_is_an_input_error() -> None:
    with pytest.raises(yrkesresan.InputError):
        GR.evaluate_many(COHORT, AS_OF, "de")
