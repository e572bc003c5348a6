"""A person record given as Python data (a dict, any Mapping; dates as
datetime.date or ISO text) is read in C++ without JSON text, and is refused
exactly as its JSON text is: the same code and JSON Pointer for every case of
the bad-input corpus that a dict can hold, the same limits, no personal value
in any message. Values JSON has no type for are refused where they stand."""

from __future__ import annotations

import collections
import datetime
import json
import re
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

import pytest

import yrkesresan
from scenario_support import ROOT

CORPUS = ROOT / "tests" / "corpus"
MANIFEST: Dict[str, Any] = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
AS_OF = datetime.date.fromisoformat(MANIFEST["defaults"]["as_of"])
GR = yrkesresan.Program.builtin("gr-barn-unga")


class NotForADict(Exception):
    """JSON text a dict cannot hold as it is: a syntax error, a key twice, a
    NaN, a -0 (json.loads gives the int 0, which is valid); or a document that
    is a JSON string (a str is taken as JSON text)."""


def _reject(*_: Any) -> Any:
    raise NotForADict()


def _int(text: str) -> int:
    if text.lstrip("-").strip("0") == "" and text.startswith("-"):
        raise NotForADict()
    return int(text)


def _pairs(pairs: List[Tuple[str, Any]]) -> Dict[str, Any]:
    if len({k for k, _ in pairs}) != len(pairs):
        raise NotForADict()
    return dict(pairs)


def as_python(data: bytes) -> Any:
    """The document as json.loads gives it, or NotForADict."""
    try:
        text = data.decode("utf-8")
        document = json.loads(text, parse_constant=_reject, parse_int=_int, object_pairs_hook=_pairs)
    except (UnicodeDecodeError, ValueError):
        raise NotForADict() from None
    if isinstance(document, str):
        raise NotForADict()
    return document


def outcome(record: Any, program: yrkesresan.Program = GR, language: str = "sv") -> Tuple[str, str, str]:
    """(code, path, message) of the refusal, or ("", "", evaluation JSON)."""
    try:
        return "", "", program.evaluate(record, AS_OF, language).to_json()
    except yrkesresan.Error as e:
        return e.code, e.path, e.message


def leaks(texts: List[str]) -> List[str]:
    canaries = [c.lower() for c in MANIFEST["canaries"]]
    digits = MANIFEST["canary_digits"]
    return [t for t in texts if any(c in t.lower() for c in canaries) or digits in re.sub(r"\D", "", t)]


PERSON_CASES = [c for c in MANIFEST["cases"] if c["kind"] == "person"]


@pytest.mark.parametrize("case", PERSON_CASES, ids=[c["file"] for c in PERSON_CASES])
def test_corpus_case_as_a_dict(case: Dict[str, Any]) -> None:
    data = (CORPUS / case["file"]).read_bytes()
    try:
        record = as_python(data)
    except NotForADict:
        pytest.skip("JSON text a dict cannot hold")
    program = yrkesresan.Program.builtin(case.get("program", MANIFEST["defaults"]["program"]))
    text = outcome(data.decode("utf-8"), program)
    as_dict = outcome(record, program)
    assert as_dict[:2] == text[:2]
    if not text[0]:
        assert as_dict == text  # the same evaluation
    assert leaks([as_dict[2]] if as_dict[0] else []) == []


def test_most_person_cases_apply_to_a_dict() -> None:
    applies = 0
    for case in PERSON_CASES:
        try:
            as_python((CORPUS / case["file"]).read_bytes())
            applies += 1
        except NotForADict:
            pass
    assert applies >= 150 and applies < len(PERSON_CASES)


RECORD: Dict[str, Any] = {
    "id": "p-1042", "municipality": "kungalv", "employment_start": "2026-01-12", "hired_on": "2025-12-01",
    "prior_experience_months": 3,
    "leaves": [{"from": "2026-03-01", "to": "2026-04-25", "kind": "parental"}],
    "people": {"FA": "p-2001", "mentor": "p-7001"},
    "mentor": {"id": "p-7001", "municipality": "ale", "profession_start": "2015-08-17"},
    "plan": {"assignments": {"nycklar": ["FA"], "bbic": ["1:e", "SJ"]}, "removed_items": ["visitkort"],
             "planned": {"bbic": "2026-04-30"},
             "added_items": [{"id": "besok-barnahus", "checklist": "introduktion", "label": "Besök på Barnahus",
                              "planned": "2026-03-16", "responsible": ["FA"]}]},
    "events": [{"type": "item_done", "item": "nycklar", "date": "2026-01-13"},
               {"type": "module_attended", "module": "m1", "date": "2026-05-20", "round": "2026-1"},
               {"type": "homework_submitted", "module": "m1", "date": "2026-05-27"}],
}


def with_dates(value: Any) -> Any:
    """Every ISO date text of a record as a datetime.date."""
    if isinstance(value, dict):
        return {k: with_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [with_dates(v) for v in value]
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return datetime.date.fromisoformat(value)
    return value


def test_a_dict_a_mapping_dates_and_text_give_one_evaluation() -> None:
    text = outcome(json.dumps(RECORD))
    assert text[0] == ""
    assert outcome(RECORD) == text
    assert outcome(with_dates(RECORD)) == text
    ordered = json.loads(json.dumps(RECORD), object_pairs_hook=collections.OrderedDict)
    assert outcome(ordered) == text  # a dict subclass: the strict path
    assert outcome(json.dumps(RECORD).encode("utf-8")) == text

    class Record(Mapping[str, Any]):  # not a dict at all
        def __init__(self, d: Dict[str, Any]) -> None:
            self.d = d

        def __getitem__(self, k: str) -> Any:
            return self.d[k]

        def __iter__(self) -> Any:
            return iter(self.d)

        def __len__(self) -> int:
            return len(self.d)

    assert outcome(Record(RECORD)) == text
    assert outcome(dict(RECORD, leaves=[tuple(RECORD["leaves"])][0])) == text  # tuples are arrays


def changed(path: str, value: Any) -> Dict[str, Any]:
    """RECORD with the value at the JSON Pointer `path` replaced."""
    record = json.loads(json.dumps(RECORD))
    *parents, last = path.strip("/").split("/")
    node = record
    for p in parents:
        node = node[int(p)] if isinstance(node, list) else node[p]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return record


@pytest.mark.parametrize("path", ["/employment_start", "/leaves/0/to", "/events/1/date", "/plan/planned/bbic",
                                  "/mentor/profession_start", "/plan/added_items/0/planned"])
def test_a_datetime_is_refused_where_a_date_goes(path: str) -> None:
    code, where, message = outcome(changed(path, datetime.datetime(2026, 1, 12, 8, 30)))
    assert (code, where) == ("wrong_type", path)
    assert "datetime" in message
    # As JSON text, a number there is refused alike.
    assert outcome(json.dumps(changed(path, 20260112)))[:2] == ("wrong_type", path)


@pytest.mark.parametrize("value", [True, False, 3.0, "3", None, [3], datetime.date(2026, 1, 1), {1, 2}, b"3"])
def test_only_an_int_is_an_integer(value: Any) -> None:
    assert outcome(changed("/prior_experience_months", value))[:2] == ("wrong_type", "/prior_experience_months")


@pytest.mark.parametrize("value", [2**64, -(2**63) - 1, float("inf"), float("-inf"), float("nan")])
def test_a_number_json_cannot_hold_is_past_a_limit(value: Any) -> None:
    assert outcome(changed("/prior_experience_months", value))[:2] == ("limit_exceeded", "/prior_experience_months")


def test_integers_at_the_64_bit_edges_are_values_out_of_range() -> None:
    for value in (2**64 - 1, 2**63, -(2**63), 601, -1):
        assert outcome(changed("/prior_experience_months", value))[:2] == ("invalid_value", "/prior_experience_months")


def test_a_value_json_has_no_type_for_under_an_unknown_key_is_an_unknown_field() -> None:
    assert outcome(dict(RECORD, extra=datetime.datetime(2026, 1, 1)))[:2] == ("unknown_field", "/extra")
    assert outcome(dict(RECORD, **{"Astrid Canarysdotter": object()}))[:2] == ("unknown_field", "")


def test_a_key_that_is_not_a_str_is_refused() -> None:
    record = dict(RECORD, people={"FA": "p-2001", 7: "p-2002"})
    assert outcome(record)[:2] == ("wrong_type", "/people")


def test_a_lone_surrogate_is_a_parse_error() -> None:
    assert outcome(dict(RECORD, unit="\ud800"))[:2] == ("parse_error", "")


def test_a_dict_is_held_to_the_document_size_of_its_json_text() -> None:
    # Past 1 MiB as compact JSON text, under an unknown field: the limit comes first.
    big = dict(RECORD, notes=["x" * 4000] * 263)
    assert len(json.dumps(big, separators=(",", ":")).encode()) > 1 << 20
    assert outcome(big)[:2] == outcome(json.dumps(big, separators=(",", ":")))[:2] == ("limit_exceeded", "")
    small = dict(RECORD, notes=["x" * 4000] * 250)
    assert len(json.dumps(small, separators=(",", ":")).encode()) < 1 << 20
    assert outcome(small)[:2] == ("unknown_field", "/notes")


def test_nesting_and_item_limits() -> None:
    deep: Any = {}
    node = deep
    for _ in range(40):
        node["x"] = {}
        node = node["x"]
    text = outcome(json.dumps(dict(RECORD, x=deep)))
    assert text[0] == "limit_exceeded"
    assert outcome(dict(RECORD, x=deep))[:2] == text[:2]
    itself: Dict[str, Any] = dict(RECORD)
    itself["x"] = itself  # a cycle: stops at the depth limit
    assert outcome(itself)[0] == "limit_exceeded"
    many = dict(RECORD, events=[RECORD["events"][0]] * 10_001)
    assert outcome(many)[:2] == outcome(json.dumps(many))[:2] == ("limit_exceeded", "/events")


def test_canary_values_never_reach_a_message() -> None:
    name, pnr = MANIFEST["canaries"]
    cases: List[Any] = [
        dict(RECORD, employment_start=name), dict(RECORD, **{name: 1}), dict(RECORD, **{pnr: datetime.datetime.now()}),
        dict(RECORD, people={name: "p-1"}), dict(RECORD, people={"FA": {pnr: 1}}),
        changed("/plan/assignments", {pnr: ["FA"]}), changed("/leaves/0/kind", name),
        dict(RECORD, unit=name + "\ud800"), dict(RECORD, **{name: float("inf")}), dict(RECORD, **{pnr: 2**70}),
    ]
    messages = []
    for record in cases:
        code, path, message = outcome(record)
        assert code
        messages += [path, message]
    assert leaks(messages) == []


def test_the_record_is_not_changed() -> None:
    record = with_dates(RECORD)
    before = repr(record)
    GR.evaluate(record, AS_OF)
    assert repr(record) == before


def test_a_certificate_takes_a_dict_too() -> None:
    attended = {f"m{i}": f"2026-0{i}-10" for i in range(1, 9)}
    homework = {m: d.replace("-10", "-12") for m, d in attended.items() if m in ("m1", "m2", "m3", "m5", "m7")}
    record = {"id": "p-1043", "municipality": "ale", "employment_start": "2026-01-12",
              "events": [{"type": "module_attended", "module": m, "date": d} for m, d in attended.items()]
              + [{"type": "homework_submitted", "module": m, "date": datetime.date.fromisoformat(d)}
                 for m, d in homework.items()]}
    as_of = datetime.date(2026, 11, 1)
    from_dict = GR.issue_certificate(record, as_of, "introduktionsprogram")
    from_text = GR.issue_certificate(json.dumps(record, default=str), as_of, "introduktionsprogram")
    assert from_dict.to_json() == from_text.to_json()
    with pytest.raises(yrkesresan.InputError) as info:
        GR.issue_certificate(dict(record, employment_start=datetime.datetime(2026, 1, 12)), as_of,
                             "introduktionsprogram")
    assert (info.value.code, info.value.path) == ("wrong_type", "/employment_start")
