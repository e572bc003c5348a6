#!/usr/bin/env python3
"""Writes the bad-input corpus: one file per case under tests/corpus/<kind>/
and tests/corpus/manifest.json, which every face runs (tests/test_corpus.cpp,
tests/capi/corpus.cpp, tests/python/test_corpus.py).

The files are committed; the test command never runs this script. Run it
after adding or changing a case (the expectations below are written by hand,
never computed by the library):

    .venv/bin/python tests/corpus/make_corpus.py

Credential cases start from a credential the library signs with a fixed
test key; variants that must fail at a later check than the one changed are
re-signed here (eddsa-jcs-2022 from the specification, with the
`cryptography` and `rfc8785` packages), so that each reaches the check it
names.
"""

from __future__ import annotations

import copy
import datetime
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any, Dict, List, Optional, Union

import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

import yrkesresan

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
SUITE = "tests/vectors/JSONTestSuite/test_parsing"

# Fake personal values (docs/limits.md, "Personal data"): a name nobody has
# and Skatteverket's classic test personnummer (Tolvan Tolvansson).
NAME = "Astrid Canarysdotter"
PNR = "19121212-1212"
PNR12 = "191212121212"
CANARIES = [NAME, PNR]

AS_OF = "2026-11-22"
NOW = "2026-11-22T10:00:00Z"

cases: List[Dict[str, Any]] = []
Doc = Union[bytes, str, Any]


def write(kind: str, name: str, doc: Doc) -> str:
    rel = f"{kind}/{name}.json"
    path = CORPUS / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(doc, bytes):
        path.write_bytes(doc)
    elif isinstance(doc, Raw):
        path.write_bytes(doc.text.encode("utf-8"))
    else:
        path.write_bytes(json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8") + b"\n")
    return rel


class Raw:
    """JSON text written as is (duplicate keys, odd numbers)."""

    def __init__(self, text: str) -> None:
        self.text = text


def case(kind: str, name: str, doc: Doc, expect: Dict[str, Any], note: str = "", **extra: Any) -> None:
    entry: Dict[str, Any] = {"file": write(kind, name, doc), "kind": kind, "expect": expect}
    entry.update(extra)
    if note:
        entry["note"] = note
    assert not any(c["file"] == entry["file"] for c in cases), entry["file"]
    cases.append(entry)


def err(code: str, path: str = "") -> Dict[str, Any]:
    return {"code": code, "path": path}


def warns(*codes: str) -> Dict[str, Any]:
    return {"warnings": list(codes)}


def status(s: str) -> Dict[str, Any]:
    return {"status": s}


def put(doc: Any, pointer: str, value: Any) -> Any:
    """A copy of doc with the JSON Pointer set (an array index one past the end appends)."""
    out = copy.deepcopy(doc)
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]
    node = out
    for p in parts[:-1]:
        node = node[int(p)] if isinstance(node, list) else node[p]
    last = parts[-1]
    if isinstance(node, list):
        if int(last) == len(node):
            node.append(value)
        else:
            node[int(last)] = value
    else:
        node[last] = value
    return out


def drop(doc: Any, pointer: str) -> Any:
    out = copy.deepcopy(doc)
    parts = pointer.split("/")[1:]
    node = out
    for p in parts[:-1]:
        node = node[int(p)] if isinstance(node, list) else node[p]
    if isinstance(node, list):
        del node[int(parts[-1])]
    else:
        del node[parts[-1]]
    return out


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


# ---- person records (kind "person": read, then evaluated on AS_OF) ----------

P0: Dict[str, Any] = {"id": "p-1042", "municipality": "kungalv", "employment_start": "2026-01-12"}


def person(**fields: Any) -> Dict[str, Any]:
    return {**P0, **fields}


def ev(type_: str, ref: str, date: str, **more: str) -> Dict[str, str]:
    key = {"item_done": "item", "module_attended": "module", "homework_submitted": "module",
           "session_attended": "component", "certificate_issued": "component"}[type_]
    return {"type": type_, key: ref, "date": date, **more}


def person_cases() -> None:
    k = "person"
    # The document and its required fields.
    case(k, "not-an-object-array", [], err("wrong_type"))
    case(k, "not-an-object-string", "p-1042", err("wrong_type"))
    case(k, "not-an-object-null", None, err("wrong_type"))
    case(k, "not-an-object-number", 1042, err("wrong_type"))
    case(k, "empty-object", {}, err("missing_field", "/id"))
    case(k, "missing-municipality", drop(P0, "/municipality"), err("missing_field", "/municipality"))
    case(k, "missing-employment-start", drop(P0, "/employment_start"), err("missing_field", "/employment_start"))
    case(k, "id-number", person(id=1042), err("wrong_type", "/id"))
    case(k, "id-empty", person(id=""), err("invalid_value", "/id"))
    case(k, "id-array", person(id=["p-1042"]), err("wrong_type", "/id"))
    case(k, "municipality-null", person(municipality=None), err("wrong_type", "/municipality"))
    case(k, "unit-number", person(unit=7), err("wrong_type", "/unit"))
    case(k, "unit-too-long", person(unit="u" * 4097), err("limit_exceeded", "/unit"))
    # Dates.
    for name, value in [("feb-30", "2026-02-30"), ("month-13", "2026-13-01"), ("month-00", "2026-00-10"),
                        ("day-00", "2026-01-00"), ("feb-29-not-leap", "2025-02-29"), ("apr-31", "2026-04-31"),
                        ("no-padding", "2026-1-12"), ("compact", "20260112"), ("with-time", "2026-01-12T00:00:00"),
                        ("leading-space", " 2026-01-12"), ("slashes", "2026/01/12"), ("empty", ""),
                        ("year-0", "0000-01-12"), ("text", "tolfte januari")]:
        case(k, f"employment-start-{name}", person(employment_start=value), err("invalid_date", "/employment_start"))
    case(k, "employment-start-number", person(employment_start=20260112), err("wrong_type", "/employment_start"))
    case(k, "hired-on-after-start", person(hired_on="2026-01-13"), err("reversed_period", "/hired_on"))
    case(k, "profession-start-apr-31", person(profession_start="2026-04-31"), err("invalid_date", "/profession_start"))
    # Integers.
    m = "/prior_experience_months"
    for name, literal, code in [("601", "601", "invalid_value"), ("minus-1", "-1", "invalid_value"),
                                ("int64-max", "9223372036854775807", "invalid_value"),
                                ("uint64-max", "18446744073709551615", "invalid_value"),
                                ("beyond-64-bits", "18446744073709551616", "limit_exceeded"),
                                ("beyond-minus-64-bits", "-9223372036854775809", "limit_exceeded"),
                                ("1e400", "1e400", "limit_exceeded"), ("minus-1e400", "-1e400", "limit_exceeded"),
                                ("fraction", "1.5", "wrong_type"), ("one-point-zero", "1.0", "wrong_type"),
                                ("exponent", "1e1", "wrong_type"), ("minus-zero", "-0", "wrong_type"),
                                ("underflow", "1e-400", "wrong_type"), ("string", '"12"', "wrong_type"),
                                ("boolean", "true", "wrong_type"), ("null", "null", "wrong_type")]:
        text = json.dumps(P0)[:-1] + f', "prior_experience_months": {literal}}}'
        case(k, f"prior-months-{name}", Raw(text), err(code, m))
    # Leaves.
    leave = {"from": "2026-06-15", "to": "2026-08-09", "kind": "parental"}
    case(k, "leaves-object", person(leaves=leave), err("wrong_type", "/leaves"))
    case(k, "leave-string", person(leaves=["2026-06-15/2026-08-09"]), err("wrong_type", "/leaves/0"))
    case(k, "leave-missing-from", person(leaves=[drop(leave, "/from")]), err("missing_field", "/leaves/0/from"))
    case(k, "leave-reversed", person(leaves=[put(leave, "/to", "2026-06-14")]), err("reversed_period", "/leaves/0/to"))
    case(k, "leave-reversed-second", person(leaves=[leave, {"from": "2026-10-02", "to": "2026-10-01"}]),
         err("reversed_period", "/leaves/1/to"))
    case(k, "leave-kind-unknown", person(leaves=[put(leave, "/kind", "vacation")]), err("invalid_value", "/leaves/0/kind"))
    case(k, "leave-unknown-field", person(leaves=[put(leave, "/reason", "x")]), err("unknown_field", "/leaves/0/reason"))
    case(k, "leave-from-feb-30", person(leaves=[put(leave, "/from", "2026-02-30")]), err("invalid_date", "/leaves/0/from"))
    # People.
    case(k, "people-array", person(people=["p-2001"]), err("wrong_type", "/people"))
    case(k, "people-unknown-role", person(people={"boss": "p-2001"}), err("unknown_field", "/people/boss"))
    case(k, "people-role-lowercase", person(people={"fa": "p-2001"}), err("unknown_field", "/people/fa"))
    case(k, "people-id-number", person(people={"FA": 2001}), err("wrong_type", "/people/FA"))
    case(k, "people-id-empty", person(people={"EC": ""}), err("invalid_value", "/people/EC"))
    # Plan.
    case(k, "plan-array", person(plan=[]), err("wrong_type", "/plan"))
    case(k, "plan-unknown-field", person(plan={"extra": {}}), err("unknown_field", "/plan/extra"))
    case(k, "assignment-unknown-code", person(plan={"assignments": {"nycklar": ["XX"]}}),
         err("unknown_code", "/plan/assignments/nycklar/0"))
    case(k, "assignment-code-lowercase", person(plan={"assignments": {"nycklar": ["ec"]}}),
         err("unknown_code", "/plan/assignments/nycklar/0"))
    case(k, "assignment-ej-with-ec", person(plan={"assignments": {"nycklar": ["EJ", "EC"]}}),
         err("conflicting_codes", "/plan/assignments/nycklar"))
    case(k, "assignment-codes-string", person(plan={"assignments": {"nycklar": "EC"}}),
         err("wrong_type", "/plan/assignments/nycklar"))
    case(k, "assignment-key-not-an-id", person(plan={"assignments": {"Nycklar och kort": ["EC"]}}),
         err("invalid_value", "/plan/assignments"))
    case(k, "assignment-unknown-item", person(plan={"assignments": {"no-such-item": ["EC"]}}),
         err("unknown_reference", "/plan/assignments/no-such-item"))
    case(k, "assignment-removed-item", person(plan={"assignments": {"visitkort": ["EC"]}, "removed_items": ["visitkort"]}),
         err("unknown_reference", "/plan/assignments/visitkort"))
    added = {"id": "egen-punkt", "checklist": "introduktion", "section": "tjansten", "label": "Egen punkt",
             "responsible": ["1:e"]}
    case(k, "added-item-missing-label", person(plan={"added_items": [drop(added, "/label")]}),
         err("missing_field", "/plan/added_items/0/label"))
    case(k, "added-item-empty-label", person(plan={"added_items": [put(added, "/label", "")]}),
         err("invalid_value", "/plan/added_items/0/label"))
    case(k, "added-item-id-not-an-id", person(plan={"added_items": [put(added, "/id", "Egen punkt")]}),
         err("invalid_value", "/plan/added_items/0/id"))
    case(k, "added-item-id-of-program-item", person(plan={"added_items": [put(added, "/id", "nycklar")]}),
         err("duplicate_id", "/plan/added_items/0/id"))
    case(k, "added-items-same-id", person(plan={"added_items": [added, put(added, "/label", "Igen")]}),
         err("duplicate_id", "/plan/added_items/1/id"))
    case(k, "added-item-unknown-checklist", person(plan={"added_items": [put(added, "/checklist", "no-such-list")]}),
         err("unknown_reference", "/plan/added_items/0/checklist"))
    case(k, "added-item-unknown-section", person(plan={"added_items": [put(added, "/section", "no-such-section")]}),
         err("unknown_reference", "/plan/added_items/0/section"))
    case(k, "added-item-unknown-code", person(plan={"added_items": [put(added, "/responsible", ["boss"])]}),
         err("unknown_code", "/plan/added_items/0/responsible/0"))
    case(k, "added-item-unknown-field", person(plan={"added_items": [put(added, "/due", {"months_after_start": 1})]}),
         err("unknown_field", "/plan/added_items/0/due"))
    case(k, "removed-item-unknown", person(plan={"removed_items": ["no-such-item"]}),
         err("unknown_reference", "/plan/removed_items/0"))
    case(k, "removed-item-twice", person(plan={"removed_items": ["visitkort", "visitkort"]}),
         err("duplicate_id", "/plan/removed_items/1"))
    case(k, "removed-item-number", person(plan={"removed_items": [7]}), err("wrong_type", "/plan/removed_items/0"))
    # Events.
    done = ev("item_done", "nycklar", "2026-01-13")
    case(k, "events-object", person(events=done), err("wrong_type", "/events"))
    case(k, "event-string", person(events=["nycklar"]), err("wrong_type", "/events/0"))
    case(k, "event-missing-type", person(events=[drop(done, "/type")]), err("missing_field", "/events/0/type"))
    case(k, "event-type-unknown", person(events=[put(done, "/type", "item_started")]), err("invalid_value", "/events/0/type"))
    case(k, "event-type-number", person(events=[put(done, "/type", 1)]), err("wrong_type", "/events/0/type"))
    case(k, "event-missing-item", person(events=[drop(done, "/item")]), err("missing_field", "/events/0/item"))
    case(k, "event-missing-date", person(events=[drop(done, "/date")]), err("missing_field", "/events/0/date"))
    case(k, "event-date-feb-30", person(events=[put(done, "/date", "2026-02-30")]), err("invalid_date", "/events/0/date"))
    case(k, "event-in-the-future", person(events=[done, put(done, "/date", "2026-11-23")]),
         err("future_event", "/events/1/date"))
    case(k, "event-unknown-field", person(events=[put(done, "/note", "x")]), err("unknown_field", "/events/0/note"))
    case(k, "event-item-not-an-id", person(events=[put(done, "/item", "Nycklar")]), err("invalid_value", "/events/0/item"))
    case(k, "event-item-done-with-round", person(events=[put(done, "/round", "2026-1")]),
         err("unknown_field", "/events/0/round"))
    case(k, "event-item-as-module", person(events=[{"type": "item_done", "module": "m1", "date": "2026-05-20"}]),
         err("unknown_field", "/events/0/module"))
    case(k, "event-round-number", person(events=[{**ev("module_attended", "m1", "2026-05-20"), "round": 2026}]),
         err("wrong_type", "/events/0/round"))
    # An event naming a component of the wrong kind cannot be read as any fact.
    case(k, "event-session-for-course", person(events=[ev("session_attended", "introduktionsprogram", "2026-05-20")]),
         err("unknown_reference", "/events/0/component"))
    case(k, "event-certificate-without-one", person(events=[ev("certificate_issued", "mentor", "2026-05-20")]),
         err("unknown_reference", "/events/0/component"))
    # The mentor.
    mentor = {"id": "p-3001", "municipality": "ale", "profession_start": "2018-01-08"}
    case(k, "mentor-missing-id", person(mentor=drop(mentor, "/id")), err("missing_field", "/mentor/id"))
    case(k, "mentor-differs-from-people", person(people={"mentor": "p-3002"}, mentor=mentor), err("invalid_value", "/mentor/id"))
    case(k, "mentor-months-601", person(mentor={**mentor, "prior_experience_months": 601}),
         err("invalid_value", "/mentor/prior_experience_months"))
    case(k, "mentor-unknown-field", person(mentor={**mentor, "name": "x"}), err("unknown_field", "/mentor/name"))
    # Fields the format does not define.
    case(k, "unknown-field", person(personnummer="x"), err("unknown_field", "/personnummer"))
    case(k, "misspelt-field", person(employmnet_start="2026-01-12"), err("unknown_field", "/employmnet_start"))
    case(k, "capitalised-field", person(Municipality="kungalv"), err("unknown_field", ""),
         note="a key starting with a capital is not repeated; the message suggests 'municipality'")
    # Malformed JSON and limits, written as bytes.
    base = json.dumps(P0)[:-1]
    case(k, "duplicate-key", Raw(base + ', "id": "p-1043"}'), err("parse_error"))
    case(k, "duplicate-key-in-event", Raw(base + ', "events": [{"type": "item_done", "item": "nycklar", '
                                           '"date": "2026-01-13", "date": "2026-01-14"}]}'), err("parse_error", "/events/0"))
    case(k, "invalid-utf8", (base + ', "unit": "').encode() + b"\xc3\x28" + b'"}', err("parse_error"))
    case(k, "invalid-utf8-overlong", (base + ', "unit": "').encode() + b"\xc0\xaf" + b'"}', err("parse_error"))
    case(k, "invalid-utf8-surrogate-bytes", (base + ', "unit": "').encode() + b"\xed\xa0\x80" + b'"}', err("parse_error"))
    case(k, "latin1-text", (base + ', "unit": "').encode() + "Kungälv".encode("latin-1") + b'"}', err("parse_error"))
    case(k, "lone-surrogate-escape", Raw(base + ', "unit": "\\ud800"}'), err("parse_error"))
    case(k, "utf16-document", json.dumps(P0).encode("utf-16"), err("parse_error"))
    case(k, "trailing-comma", Raw(base + ",}"), err("parse_error"))
    case(k, "comment", Raw("// a person\n" + json.dumps(P0)), err("parse_error"))
    case(k, "trailing-garbage", Raw(json.dumps(P0) + " x"), err("parse_error"))
    case(k, "two-documents", Raw(json.dumps(P0) + json.dumps(P0)), err("parse_error"))
    case(k, "empty-document", b"", err("parse_error"))
    case(k, "whitespace-only", b" \n\t ", err("parse_error"))
    case(k, "single-quotes", Raw("{'id': 'p-1042'}"), err("parse_error"))
    case(k, "nan", Raw(base + ', "prior_experience_months": NaN}'), err("parse_error"))
    case(k, "raw-control-character", Raw(base + ', "unit": "a\tb"}'), err("parse_error"))
    case(k, "truncated", Raw(json.dumps(P0)[:-5]), err("parse_error"))
    case(k, "nul-then-more", json.dumps(P0).encode() + b'\x00{"unit": 1}', err("parse_error"),
         note="a reader that stops at NUL would take the record before it (C strings end there)")
    case(k, "nul-byte", (base + ', "unit": "a').encode() + b"\x00" + b'"}', err("parse_error"))
    case(k, "nested-33-deep", Raw(base + ', "x": ' + nested(32) + "}"), err("limit_exceeded", "/x" + "/0" * 31))
    case(k, "nested-32-deep", Raw(base + ', "x": ' + nested(31) + "}"), err("unknown_field", "/x"),
         note="at the depth limit the parser reads it; the field is then unknown")
    case(k, "key-too-long", Raw(base + ', "' + "k" * 4097 + '": 1}'), err("limit_exceeded"))

    # Recorded facts that contradict the rules: kept, reported as warnings.
    case(k, "warning-prerequisite-item", person(events=[ev("item_done", "ad-skicka-valkomstbrev", "2026-01-05"),
                                                         ev("item_done", "ec-forbered-valkomstbrev", "2026-01-08")]),
         warns("prerequisite_violation"))
    whole = [ev("module_attended", "m1", "2026-05-20", round="2026-1"), ev("homework_submitted", "m1", "2026-05-27"),
             ev("module_attended", "m2", "2026-06-03", round="2026-1"), ev("homework_submitted", "m2", "2026-06-10")]
    case(k, "warning-prerequisite-module", person(events=whole + [ev("module_attended", "m4", "2026-06-17", round="2026-1")]),
         warns("prerequisite_violation"), as_of="2026-07-01")
    case(k, "warning-duplicate-event", person(events=[done, put(done, "/date", "2026-01-20")]), warns("duplicate_event"))
    case(k, "warning-event-for-removed-item", person(plan={"removed_items": ["visitkort"]},
                                                     events=[ev("item_done", "visitkort", "2026-01-13")]),
         warns("event_for_removed_item"))
    # Facts about what the (layered) program does not have: kept, not refused.
    case(k, "warning-unknown-item", person(events=[put(done, "/item", "no-such-item")]), warns("unknown_in_program"))
    case(k, "warning-unknown-module", person(events=[ev("module_attended", "m9", "2026-05-20", round="2026-1")]),
         warns("unknown_in_program"))
    case(k, "warning-homework-unknown-module", person(events=[ev("homework_submitted", "m0", "2026-05-20")]),
         warns("unknown_in_program"))
    case(k, "warning-session-unknown-component",
         person(events=[ev("session_attended", "no-such-component", "2026-05-20")]), warns("unknown_in_program"))
    case(k, "warning-certificate-unknown-component",
         person(events=[ev("certificate_issued", "no-such-component", "2026-05-20")]), warns("unknown_in_program"))
    case(k, "warning-fadder-not-named", person(plan={"assignments": {"nycklar": ["FA"]}}), warns("fadder_not_named"))
    case(k, "warning-forste-not-named", person(plan={"assignments": {"nycklar": ["1:e"]}}), warns("forste_not_named"))
    case(k, "warning-mentor-same-municipality",
         person(people={"mentor": "p-3001"}, mentor={**mentor, "municipality": "kungalv"}),
         warns("mentor_same_municipality"))
    case(k, "warning-mentor-not-more-experienced",
         person(profession_start="2020-01-01", people={"mentor": "p-3001"},
                mentor={**mentor, "profession_start": "2025-01-01"}),
         warns("mentor_not_more_experienced"))
    case(k, "warning-homework-without-task", person(events=whole + [ev("module_attended", "m3", "2026-06-17", round="2026-1"),
                                                                    ev("homework_submitted", "m3", "2026-06-24"),
                                                                    ev("module_attended", "m4", "2026-08-19", round="2026-1"),
                                                                    ev("homework_submitted", "m4", "2026-08-26")]),
         warns("homework_without_task"))
    case(k, "warning-started-outside-window", person(events=[ev("module_attended", "m1", "2026-01-20", round="2026-0")]),
         warns("started_outside_window"))
    case(k, "warning-certificate-issued-early", person(events=whole + [ev("certificate_issued", "introduktionsprogram", "2026-07-01")]),
         warns("certificate_issued_early"))
    case(k, "warning-more-than-offered",
         {"id": "p-7001", "municipality": "uppsala", "employment_start": "2025-01-13",
          "events": [ev("session_attended", "workshop", f"2026-0{m}-10") for m in range(1, 3)]},
         warns("more_than_offered"), program="uppsala-bistand-lss")


# ---- person records carrying fake personal values (every face checks that
# no message, path or warning repeats them) ----------------------------------

def canary_cases() -> None:
    k = "person"
    c = "canary"
    leave = {"from": "2026-06-15", "to": "2026-08-09", "kind": "parental"}
    case(k, f"{c}-id-with-bad-date", person(id=NAME, employment_start=PNR), err("invalid_date", "/employment_start"))
    case(k, f"{c}-municipality-unknown-field", person(municipality=PNR, extra=NAME), err("unknown_field", "/extra"))
    case(k, f"{c}-unit-reversed-leave", person(unit=NAME, leaves=[put(leave, "/to", "2026-06-01")]),
         err("reversed_period", "/leaves/0/to"))
    case(k, f"{c}-unknown-field-name", person(**{NAME: "x"}), err("unknown_field"))
    case(k, f"{c}-unknown-field-pnr", person(**{PNR: NAME}), err("unknown_field"))
    case(k, f"{c}-unknown-field-pnr12", person(**{PNR12: 1}), err("unknown_field"))
    case(k, f"{c}-people-role-name", person(people={NAME: "p-2001"}), err("unknown_field", "/people"))
    case(k, f"{c}-people-holder", person(people={"FA": NAME, "EC": PNR}, events=[ev("item_done", PNR12, "2026-01-13")]),
         warns("unknown_in_program"))
    case(k, f"{c}-event-item-name", person(events=[ev("item_done", NAME, "2026-01-13")]), err("invalid_value", "/events/0/item"))
    case(k, f"{c}-event-module", person(events=[ev("module_attended", PNR, "2026-05-20", round=NAME)]),
         warns("unknown_in_program"))
    case(k, f"{c}-event-component", person(events=[ev("session_attended", NAME, "2026-05-20")]),
         err("invalid_value", "/events/0/component"))
    case(k, f"{c}-event-type", person(events=[{"type": NAME, "item": PNR, "date": "2026-01-13"}]),
         err("invalid_value", "/events/0/type"))
    case(k, f"{c}-event-date", person(events=[ev("item_done", "nycklar", NAME)]), err("invalid_date", "/events/0/date"))
    case(k, f"{c}-event-date-pnr", person(events=[ev("item_done", "nycklar", PNR)]), err("invalid_date", "/events/0/date"))
    case(k, f"{c}-round-future", person(events=[ev("module_attended", "m1", "2026-12-01", round=NAME)]),
         err("future_event", "/events/0/date"))
    case(k, f"{c}-certificate-field", person(events=[ev("certificate_issued", "mentor", "2026-05-20", certificate=PNR)]),
         err("unknown_reference", "/events/0/component"))
    case(k, f"{c}-event-unknown-field", person(events=[{**ev("item_done", "nycklar", "2026-01-13"), NAME: PNR}]),
         err("unknown_field", "/events/0"))
    case(k, f"{c}-leave-kind", person(leaves=[put(leave, "/kind", NAME)]), err("invalid_value", "/leaves/0/kind"))
    case(k, f"{c}-leave-dates", person(leaves=[{"from": PNR, "to": NAME}]), err("invalid_date", "/leaves/0/from"))
    case(k, f"{c}-hired-on", person(hired_on=PNR12), err("invalid_date", "/hired_on"))
    case(k, f"{c}-months-string", person(prior_experience_months=PNR), err("wrong_type", "/prior_experience_months"))
    case(k, f"{c}-months-number", person(prior_experience_months=int(PNR12)), err("invalid_value", "/prior_experience_months"))
    case(k, f"{c}-assignment-key-name", person(plan={"assignments": {NAME: ["EC"]}}), err("invalid_value", "/plan/assignments"))
    case(k, f"{c}-assignment-key-pnr", person(plan={"assignments": {PNR: ["XX"]}}), err("unknown_code", "/plan/assignments"))
    case(k, f"{c}-assignment-key-pnr12", person(plan={"assignments": {PNR12: ["EC"]}}),
         err("unknown_reference", "/plan/assignments"))
    case(k, f"{c}-assignment-code", person(plan={"assignments": {"nycklar": [NAME]}}),
         err("unknown_code", "/plan/assignments/nycklar/0"))
    added = {"id": PNR12, "checklist": "introduktion", "section": "tjansten", "label": NAME, "comment": PNR,
             "responsible": ["1:e"]}
    case(k, f"{c}-added-item-checklist", person(plan={"added_items": [put(added, "/checklist", NAME)]}),
         err("unknown_reference", "/plan/added_items/0/checklist"))
    case(k, f"{c}-added-item-section", person(plan={"added_items": [put(added, "/section", PNR)]}),
         err("unknown_reference", "/plan/added_items/0/section"))
    case(k, f"{c}-added-item-id", person(plan={"added_items": [put(added, "/id", NAME)]}),
         err("invalid_value", "/plan/added_items/0/id"))
    case(k, f"{c}-added-items-twice", person(plan={"added_items": [added, added]}), err("duplicate_id", "/plan/added_items/1/id"))
    case(k, f"{c}-removed-item", person(plan={"removed_items": [NAME, PNR]}), err("unknown_reference", "/plan/removed_items/0"))
    case(k, f"{c}-mentor", person(people={"mentor": NAME}, mentor={"id": PNR, "municipality": NAME, "profession_start": "2018-01-08"}),
         err("invalid_value", "/mentor/id"))
    case(k, f"{c}-duplicate-key", Raw(json.dumps(person(unit=NAME))[:-1] + f', "unit": "{PNR}"}}'), err("parse_error"))
    case(k, f"{c}-huge-number-under-name", Raw(json.dumps(P0)[:-1] + f', "{NAME}": 1e999}}'), err("limit_exceeded"))
    case(k, f"{c}-too-long-under-pnr", Raw(json.dumps(P0)[:-1] + f', "{PNR}": "{"x" * 4097}"}}'), err("limit_exceeded"))
    case(k, f"{c}-deep-under-name", Raw(json.dumps(P0)[:-1] + f', "{NAME}": {nested(40)}}}'), err("limit_exceeded"))
    case(k, f"{c}-invalid-utf8-after-name", (json.dumps(person(unit=NAME))[:-1] + ', "x": "').encode() + b"\xff\"}",
         err("parse_error"))
    # Warnings about records that carry them.
    case(k, f"{c}-warning-duplicate-added-item",
         person(unit=NAME, plan={"added_items": [added]},
                events=[ev("item_done", PNR12, "2026-02-01"), ev("item_done", PNR12, "2026-02-02")]),
         warns("duplicate_event"))
    case(k, f"{c}-warning-mentor",
         person(municipality=NAME, people={"mentor": PNR, "FA": NAME}, mentor={"id": PNR, "municipality": NAME,
                                                                                "profession_start": "2026-01-01"}),
         warns("mentor_same_municipality", "mentor_not_more_experienced"))
    case(k, f"{c}-warning-rounds",
         person(id=PNR, events=[ev("module_attended", "m1", "2026-01-20", round=NAME),
                                ev("homework_submitted", "m1", "2026-01-27"),
                                ev("certificate_issued", "introduktionsprogram", "2026-02-01", certificate=PNR)]),
         warns("started_outside_window", "certificate_issued_early"))
    case(k, f"{c}-warning-fadder", person(id=NAME, unit=PNR, plan={"assignments": {"nycklar": ["FA"]}}),
         warns("fadder_not_named"))


# A full person record and the spellings the canary sweep places in each of
# its strings, numbers and keys (tests/canary_sweep.hpp, test_canaries.py).
CANARY_BASE = {
    "id": "p-1042", "municipality": "kungalv", "unit": "barn-unga", "employment_start": "2026-01-12",
    "hired_on": "2025-12-10", "profession_start": "2026-01-12", "prior_experience_months": 0,
    "leaves": [{"from": "2026-06-15", "to": "2026-08-09", "kind": "parental"}],
    "people": {"EC": "p-0100", "1:e": "p-0300", "FA": "p-2001", "AD": "p-0110", "introduktor": "p-2001", "mentor": "p-3001"},
    "mentor": {"id": "p-3001", "municipality": "ale", "profession_start": "2018-01-08", "prior_experience_months": 12},
    "plan": {"assignments": {"nycklar": ["EC", "FA"]},
             "added_items": [{"id": "egen-punkt", "checklist": "introduktion", "section": "tjansten", "label": "Egen punkt",
                              "comment": "kommentar", "responsible": ["1:e"]}],
             "removed_items": ["visitkort"]},
    "events": [ev("item_done", "nycklar", "2026-01-13"), ev("item_done", "egen-punkt", "2026-02-02"),
               ev("module_attended", "m1", "2026-05-20", round="2026-1"), ev("homework_submitted", "m1", "2026-05-27"),
               ev("session_attended", "handledning", "2026-09-01"),
               ev("certificate_issued", "introduktionsprogram", "2026-10-01", certificate="urn:x")],
}
CANARY_SWEEP = {
    "base": "canary-base.json",
    "as_of": AS_OF,
    "term": {"from": "2027-01-11", "to": "2027-06-11"},
    # Any spelling may stand in a value; in a key only those not shaped like a
    # field name, as a misspelt field written like one is named (docs/contract.md).
    "values": [NAME, NAME.upper(), "astrid.canarysdotter", PNR, PNR12, PNR[2:], PNR12[2:],
               "Canarysdotter, Astrid " + PNR],
    "number": int(PNR12),
    "keys": [NAME, PNR, PNR12, PNR[2:]],
    "repeats": "the surname in any case, or the ten digits once all but digits are dropped",
    "surname": "canarysdotter",
}


# ---- program definitions (kind "program": loaded from the file) -------------

def program_cases() -> None:
    k = "program"
    u = json.loads((ROOT / "data" / "programs" / "uppsala-bistand-lss.json").read_text(encoding="utf-8"))
    gr = json.loads((ROOT / "data" / "programs" / "gr-barn-unga.json").read_text(encoding="utf-8"))
    case(k, "not-an-object", [u], err("wrong_type"))
    case(k, "empty-object", {}, err("missing_field", "/format"))
    case(k, "format-2", put(u, "/format", 2), err("invalid_value", "/format"))
    case(k, "format-string", put(u, "/format", "1"), err("wrong_type", "/format"))
    case(k, "format-one-point-zero", Raw(json.dumps(u).replace('"format": 1', '"format": 1.0', 1)), err("wrong_type", "/format"))
    case(k, "format-1e400", Raw(json.dumps(u).replace('"format": 1', '"format": 1e400', 1)), err("limit_exceeded", "/format"))
    case(k, "id-missing", drop(u, "/id"), err("missing_field", "/id"))
    case(k, "id-not-an-id", put(u, "/id", "Uppsala LSS"), err("invalid_value", "/id"))
    case(k, "id-too-long", put(u, "/id", "u" * 65), err("invalid_value", "/id"))
    case(k, "valid-from-feb-30", put(u, "/valid_from", "2019-02-30"), err("invalid_date", "/valid_from"))
    case(k, "valid-from-month-13", put(u, "/valid_from", "2019-13-01"), err("invalid_date", "/valid_from"))
    case(k, "title-empty", put(u, "/title", ""), err("invalid_value", "/title"))
    case(k, "title-number", put(u, "/title", 1), err("wrong_type", "/title"))
    case(k, "title-too-long", put(u, "/title", "t" * 4097), err("limit_exceeded", "/title"))
    case(k, "unknown-field", put(u, "/colour", "blue"), err("unknown_field", "/colour"))
    case(k, "sources-value-number", put(u, "/sources/000", 1), err("wrong_type", "/sources/000"))
    case(k, "layers-empty-id", put(u, "/layers", [""]), err("invalid_value", "/layers/0"))
    # Phases (R2).
    case(k, "phases-missing", drop(u, "/phases"), err("missing_field", "/phases"))
    case(k, "phases-object", put(u, "/phases", {}), err("wrong_type", "/phases"))
    case(k, "phases-empty", put(u, "/phases", []), err("invalid_value", "/phases"))
    # Phases that meet one another: on GR's three (Uppsala's program has one).
    case(k, "phase-gap", put(gr, "/phases/1/from_months", 25), err("phase_gap", "/phases/1"))
    case(k, "phase-overlap", put(gr, "/phases/1/from_months", 23), err("phase_overlap", "/phases/1"))
    case(k, "phase-last-closed", put(gr, "/phases/2/to_months", 100), err("phase_gap", "/phases"))
    case(k, "phase-ends-before-start", put(u, "/phases/0/to_months", 0), err("invalid_value", "/phases/0/to_months"))
    case(k, "phase-to-equals-from", put(gr, "/phases/1/to_months", 24), err("invalid_value", "/phases/1/to_months"))
    case(k, "phase-from-1201", put(gr, "/phases/2/from_months", 1201), err("invalid_value", "/phases/2/from_months"))
    case(k, "phase-from-negative", put(u, "/phases/0/from_months", -1), err("invalid_value", "/phases/0/from_months"))
    case(k, "phase-from-fraction", put(u, "/phases/0/from_months", 0.5), err("wrong_type", "/phases/0/from_months"))
    case(k, "phase-duplicate-id", put(gr, "/phases/1/id", "introduktion"), err("duplicate_id", "/phases/1/id"))
    case(k, "phase-missing-label", drop(u, "/phases/0/label"), err("missing_field", "/phases/0/label"))
    # Checklists (R3).
    cl = "/checklists/0"
    it = cl + "/sections/0/items"
    case(k, "checklists-missing", drop(u, "/checklists"), err("missing_field", "/checklists"))
    case(k, "checklist-duplicate-id", put(u, "/checklists/1", put(u["checklists"][0], "/sections/0/items/0/id", "annan-punkt")),
         err("duplicate_id", "/checklists/1/id"))
    case(k, "section-duplicate-id", put(u, cl + "/sections/1", {"id": "kommunalt-utvecklingsansvar", "label": "Igen", "items": []}),
         err("duplicate_id", cl + "/sections/1/id"))
    case(k, "item-duplicate-id", put(u, it + "/1/id", "skriven-introduktionsplan"), err("duplicate_id", it + "/1/id"))
    case(k, "item-duplicate-id-across-checklists",
         put(u, "/checklists/1", {**u["checklists"][0], "id": "annan-lista"}), err("duplicate_id", "/checklists/1/sections/0/items/0/id"))
    case(k, "item-id-uppercase", put(u, it + "/0/id", "Skriven-plan"), err("invalid_value", it + "/0/id"))
    case(k, "item-id-space", put(u, it + "/0/id", "skriven plan"), err("invalid_value", it + "/0/id"))
    case(k, "item-missing-label", drop(u, it + "/0/label"), err("missing_field", it + "/0/label"))
    case(k, "item-not-an-object", put(u, it + "/0", "skriven-introduktionsplan"), err("wrong_type", it + "/0"))
    case(k, "item-unknown-field", put(u, it + "/0/colour", "red"), err("unknown_field", it + "/0/colour"))
    case(k, "sections-object", put(u, cl + "/sections", {}), err("wrong_type", cl + "/sections"))
    case(k, "requires-unknown-item", put(u, it + "/1/requires", ["no-such-item"]), err("unknown_reference", it + "/1/requires/0"))
    case(k, "requires-itself", put(u, it + "/1/requires", ["auskultation"]), err("cycle", it + "/1/requires/0"))
    two = put(put(u, it + "/0/requires", ["auskultation"]), it + "/1/requires", ["skriven-introduktionsplan"])
    case(k, "requires-cycle-of-two", two, err("cycle", "/checklists"))
    three = put(put(put(u, it + "/0/requires", ["auskultation"]), it + "/1/requires", ["introduktor"]),
                it + "/2/requires", ["skriven-introduktionsplan"])
    case(k, "requires-cycle-of-three", three, err("cycle", "/checklists"))
    case(k, "requires-not-array", put(u, it + "/1/requires", "auskultation"), err("wrong_type", it + "/1/requires"))
    case(k, "responsible-unknown-code", put(u, cl + "/responsible", ["XX"]), err("unknown_code", cl + "/responsible/0"))
    case(k, "responsible-ej-with-ec", put(u, it + "/0/responsible", ["EJ", "EC"]), err("conflicting_codes", it + "/0/responsible"))
    case(k, "responsible-number", put(u, it + "/0/responsible", [1]), err("wrong_type", it + "/0/responsible/0"))
    case(k, "due-both", put(u, cl + "/due", {"months_after_start": 1, "days_before_start": 1}), err("invalid_value", cl + "/due"))
    case(k, "due-neither", put(u, cl + "/due", {}), err("missing_field", cl + "/due"))
    case(k, "due-months-121", put(u, cl + "/due", {"months_after_start": 121}), err("invalid_value", cl + "/due/months_after_start"))
    case(k, "due-days-367", put(u, cl + "/due", {"days_before_start": 367}), err("invalid_value", cl + "/due/days_before_start"))
    case(k, "due-unknown-field", put(u, cl + "/due", {"weeks_after_start": 2}), err("unknown_field", cl + "/due/weeks_after_start"))
    case(k, "handover-unknown-code", put(u, cl + "/handover_to", "boss"), err("unknown_code", cl + "/handover_to"))
    case(k, "source-missing-seed", drop(u, cl + "/source/seed"), err("missing_field", cl + "/source/seed"))
    case(k, "source-string", put(u, cl + "/source", "000"), err("wrong_type", cl + "/source"))
    # Components (R4-R7), on GR's program.
    case(k, "component-kind-unknown", put(gr, "/components/0/kind", "lecture"), err("invalid_value", "/components/0/kind"))
    case(k, "component-kind-missing", drop(gr, "/components/0/kind"), err("missing_field", "/components/0/kind"))
    case(k, "component-field-of-another-kind", put(gr, "/components/3/sessions", 8), err("unknown_field", "/components/3/sessions"))
    case(k, "component-duplicate-id", put(gr, "/components/1/id", "introduktionsprogram"), err("duplicate_id", "/components/1/id"))
    case(k, "module-requires-unknown", put(gr, "/components/0/modules/1/requires/attended", ["m9"]),
         err("unknown_reference", "/components/0/modules/1/requires/attended/0"))
    case(k, "module-requires-cycle", put(gr, "/components/0/modules/0/requires/attended", ["m2"]), err("cycle", "/components"))
    # Malformed JSON.
    text = json.dumps(u, ensure_ascii=False)
    case(k, "duplicate-key", Raw(text[:-1] + ', "id": "annan"}'), err("parse_error"))
    case(k, "duplicate-key-in-item", Raw(text.replace('"id": "auskultation"', '"id": "auskultation", "id": "igen"', 1)),
         err("parse_error", it + "/1"))
    case(k, "invalid-utf8-in-label", text.encode("utf-8").replace("Auskultation".encode(), b"Auskultation \xe2\x82"), err("parse_error"))
    case(k, "truncated", Raw(text[: len(text) // 2]), err("parse_error"))
    case(k, "nested-40-deep", Raw(text[:-1] + ', "x": ' + nested(40) + "}"), err("limit_exceeded", "/x" + "/0" * 31))


# ---- overlays (kind "overlay": layered on the built-in GR program) ----------

def overlay_cases() -> None:
    k = "overlay"
    o = json.loads((ROOT / "data" / "overlays" / "example-kungalv.json").read_text(encoding="utf-8"))
    s = json.loads((ROOT / "data" / "overlays" / "example-kungalv-utredning.json").read_text(encoding="utf-8"))
    case(k, "not-an-object", [o], err("wrong_type"))
    case(k, "format-missing", drop(o, "/format"), err("missing_field", "/format"))
    case(k, "format-2", put(o, "/format", 2), err("invalid_value", "/format"))
    case(k, "overlay-id-not-an-id", put(o, "/overlay", "Kungälv"), err("invalid_value", "/overlay"))
    case(k, "overlay-id-missing", drop(o, "/overlay"), err("missing_field", "/overlay"))
    case(k, "level-unknown", put(o, "/level", "region"), err("invalid_value", "/level"))
    case(k, "program-other", put(o, "/program", "uppsala-bistand-lss"), err("invalid_value", "/program"))
    case(k, "unknown-field", put(o, "/colour", "blue"), err("unknown_field", "/colour"))
    case(k, "label-too-long", put(o, "/label", "l" * 4097), err("limit_exceeded", "/label"))
    case(k, "format-1e400", Raw(json.dumps(o).replace('"format": 1', '"format": 1e400', 1)), err("limit_exceeded", "/format"))
    a = "/add_items/0"
    case(k, "add-items-object", put(o, "/add_items", o["add_items"][0]), err("wrong_type", "/add_items"))
    case(k, "add-item-unknown-checklist", put(o, a + "/checklist", "no-such-list"), err("unknown_reference", a + "/checklist"))
    case(k, "add-item-unknown-section", put(o, a + "/section", "no-such-section"), err("unknown_reference", a + "/section"))
    case(k, "add-item-existing-id", put(o, a + "/id", "nycklar"), err("duplicate_id", a + "/id"))
    case(k, "add-items-same-id", put(o, "/add_items/1", o["add_items"][0]), err("duplicate_id", "/add_items/1/id"))
    case(k, "add-item-missing-label", drop(o, a + "/label"), err("missing_field", a + "/label"))
    case(k, "add-item-empty-label", put(o, a + "/label", ""), err("invalid_value", a + "/label"))
    case(k, "add-item-id-not-an-id", put(o, a + "/id", "Signs of Safety"), err("invalid_value", a + "/id"))
    case(k, "add-item-requires-unknown", put(o, a + "/requires", ["no-such-item"]), err("unknown_reference", a + "/requires/0"))
    case(k, "add-item-unknown-code", put(o, a + "/responsible", ["boss"]), err("unknown_code", a + "/responsible/0"))
    case(k, "add-item-codes-string", put(o, a + "/responsible", "1:e"), err("wrong_type", a + "/responsible"))
    case(k, "add-item-unknown-field", put(o, a + "/colour", "red"), err("unknown_field", a + "/colour"))
    case(k, "add-item-due-both", put(o, a + "/due", {"months_after_start": 1, "days_before_start": 1}), err("invalid_value", a + "/due"))
    case(k, "remove-unknown-item", put(o, "/remove_items", ["no-such-item"]), err("unknown_reference", "/remove_items/0"))
    case(k, "remove-twice", put(o, "/remove_items", ["visitkort", "visitkort"]), err("duplicate_id", "/remove_items/1"))
    case(k, "remove-number", put(o, "/remove_items", [1]), err("wrong_type", "/remove_items/0"))
    case(k, "set-responsible-unknown-item", put(o, "/set_responsible/no-such-item", ["EC"]),
         err("unknown_reference", "/set_responsible/no-such-item"))
    case(k, "set-responsible-removed-item", put(put(o, "/remove_items", ["valkomstbrev"]), "/set_responsible/valkomstbrev", ["EC"]),
         err("unknown_reference", "/set_responsible/valkomstbrev"))
    case(k, "set-responsible-conflicting", put(o, "/set_responsible/valkomstbrev", ["EJ", "EC"]),
         err("conflicting_codes", "/set_responsible/valkomstbrev"))
    case(k, "set-responsible-string", put(o, "/set_responsible/valkomstbrev", "EC"), err("wrong_type", "/set_responsible/valkomstbrev"))
    case(k, "set-responsible-key-name", {**o, "set_responsible": {NAME: ["EC"]}}, err("unknown_reference", "/set_responsible"),
         note="a key not shaped like an id ends the path at its object")
    sec = "/add_sections/0"
    case(k, "add-section-unknown-checklist", put(s, sec + "/checklist", "no-such-list"), err("unknown_reference", sec + "/checklist"))
    case(k, "add-section-existing-id", put(s, sec + "/id", "tjansten"), err("duplicate_id", sec + "/id"))
    case(k, "add-section-missing-items", drop(s, sec + "/items"), err("missing_field", sec + "/items"))
    case(k, "add-section-id-not-an-id", put(s, sec + "/id", "Utredningsenheten"), err("invalid_value", sec + "/id"))
    case(k, "add-section-item-existing-id", put(s, sec + "/items/0/id", "nycklar"), err("duplicate_id", sec + "/items/0/id"))
    case(k, "add-section-items-cycle", put(s, sec + "/items/0/requires", ["utredning-ga-bredvid"]), err("cycle", "/checklists"),
         note="a cycle the overlay makes is found in the program it makes, so the path points into that program")
    text = json.dumps(o, ensure_ascii=False)
    case(k, "duplicate-key", Raw(text[:-1] + ', "level": "unit"}'), err("parse_error"))
    case(k, "invalid-utf8", text.encode("utf-8").replace(b"Signs of Safety", b"Signs of \xf0\x9f Safety"), err("parse_error"))
    case(k, "empty-document", b"", err("parse_error"))
    case(k, "nested-33-deep", Raw(text[:-1] + ', "x": ' + nested(32) + "}"), err("limit_exceeded", "/x" + "/0" * 31))


# ---- certificates (kind "issue": issue_certificate for a component) ---------

COURSE = [ev("module_attended", m, d, round="2026-1") for m, d in
          [("m1", "2026-05-20"), ("m2", "2026-06-03"), ("m3", "2026-06-17"), ("m4", "2026-08-19"),
           ("m5", "2026-09-02"), ("m6", "2026-09-16"), ("m7", "2026-09-30"), ("m8", "2026-10-07")]] + \
         [ev("homework_submitted", m, d) for m, d in
          [("m1", "2026-05-27"), ("m2", "2026-06-10"), ("m3", "2026-06-24"), ("m5", "2026-09-09"), ("m7", "2026-10-05")]]


def issue_cases() -> None:
    k = "issue"
    course = "introduktionsprogram"
    case(k, "requirements-not-met", person(events=COURSE[:3]), err("requirements_not_met"), component=course)
    case(k, "unknown-component", person(events=COURSE), err("unknown_reference"), component="no-such-component")
    case(k, "component-without-certificate", person(events=COURSE), err("unknown_reference"), component="mentor")
    case(k, "person-bad-date", person(employment_start="2026-02-30", events=COURSE), err("invalid_date", "/employment_start"),
         component=course)
    case(k, "future-event", person(events=COURSE + [ev("item_done", "nycklar", "2027-01-01")]), err("future_event", "/events/13/date"),
         component=course)
    case(k, "canary-not-met", person(id=NAME, unit=PNR, events=[ev("module_attended", "m1", "2026-05-20", round=NAME)]),
         err("requirements_not_met"), component=course)
    case(k, "canary-unknown-field", person(events=COURSE, **{NAME: PNR}), err("unknown_field"), component=course)


# ---- coordination requests (kind "coordination", on the built-in GR program)

def coordination_cases() -> None:
    k = "coordination"
    r = {"as_of": "2026-05-01", "term": {"from": "2026-08-17", "to": "2026-12-18"}, "language": "sv",
         "persons": [P0, person(id="p-1043", municipality="ale")], "mentors": []}
    case(k, "not-an-object", [r], err("wrong_type"))
    case(k, "as-of-missing", drop(r, "/as_of"), err("missing_field", "/as_of"))
    case(k, "as-of-feb-30", put(r, "/as_of", "2026-02-30"), err("invalid_date", "/as_of"))
    case(k, "term-reversed", put(r, "/term/to", "2026-08-16"), err("reversed_period", "/term/to"))
    case(k, "language-unknown", put(r, "/language", "fi"), err("invalid_value", "/language"))
    case(k, "person-bad-date", put(r, "/persons/1/employment_start", "2026-13-01"), err("invalid_date", "/persons/1/employment_start"))
    case(k, "person-unknown-field", put(r, "/persons/0/colour", "blue"), err("unknown_field", "/persons/0/colour"))
    case(k, "mentor-capacity-1001", put(r, "/mentors", [{"id": "m-1", "municipality": "ale", "profession_start": "2018-01-01",
                                                        "capacity": 1001}]), err("invalid_value", "/mentors/0/capacity"))
    case(k, "mentor-unknown-field", put(r, "/mentors", [{"id": "m-1", "municipality": "ale", "profession_start": "2018-01-01",
                                                        "name": "x"}]), err("unknown_field", "/mentors/0/name"))
    case(k, "duplicate-key", Raw(json.dumps(r)[:-1] + ', "as_of": "2026-05-02"}'), err("parse_error"))
    case(k, "canary-persons", put(put(r, "/persons/0", person(id=NAME, unit=PNR, **{NAME: 1})), "/persons/1/leaves",
                                  [{"from": PNR, "to": NAME}]), err("unknown_field", "/persons/0"))
    case(k, "canary-mentor", put(r, "/mentors", [{"id": NAME, "municipality": PNR, "profession_start": PNR}]),
         err("invalid_date", "/mentors/0/profession_start"))
    # Groups for an annual activity (R7): Uppsala's program sets no size for its workshop.
    annual = put(r, "/annual_groups", [{"component": "workshop"}])
    case(k, "annual-groups-no-size", annual, err("missing_field", "/annual_groups/0/group"), program="uppsala-bistand-lss")
    case(k, "annual-groups-min-only", put(annual, "/annual_groups/0/group", {"min": 6}),
         err("missing_field", "/annual_groups/0/group/max"), program="uppsala-bistand-lss")
    case(k, "annual-groups-year-text", put(annual, "/annual_groups/0/year", "2027"),
         err("wrong_type", "/annual_groups/0/year"), program="uppsala-bistand-lss")
    case(k, "annual-groups-unknown-activity", put(annual, "/annual_groups/0/component", "workshops"),
         err("unknown_reference", "/annual_groups/0/component"), program="uppsala-bistand-lss")
    case(k, "annual-groups-supervision", put(annual, "/annual_groups/0", {"component": "handledning", "group": {"min": 6, "max": 8}}),
         err("invalid_value", "/annual_groups/0/component"))


# ---- credentials (kind "credential": verified against trusted.json) ---------

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
SEED = hashlib.sha256(b"yrkesresan bad-input corpus test key").digest()
OTHER_SEED = hashlib.sha256(b"yrkesresan bad-input corpus other key").digest()


def b58(data: bytes) -> str:
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = ALPHABET[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def sign(doc: Dict[str, Any], seed: bytes = SEED) -> Dict[str, Any]:
    """eddsa-jcs-2022 (VC DI EdDSA 3.3): signs doc with its proof's options."""
    document = copy.deepcopy(doc)
    proof = document.pop("proof")[0]  # the library writes a proof set of one
    proof.pop("proofValue", None)
    data = hashlib.sha256(rfc8785.dumps(proof)).digest() + hashlib.sha256(rfc8785.dumps(document)).digest()
    proof["proofValue"] = "z" + b58(Ed25519PrivateKey.from_private_bytes(seed).sign(data))
    document["proof"] = [proof]
    return document


def credential_cases() -> None:
    k = "credential"
    key = yrkesresan.SigningKey.from_seed(SEED)
    other = yrkesresan.SigningKey.from_seed(OTHER_SEED)
    issuer = yrkesresan.IssuerProfile("https://www.kungalv.se/socialtjansten", "Kungälvs kommun, socialtjänsten")
    program = yrkesresan.Program.builtin("gr-barn-unga")
    cert = program.issue_certificate(person(events=COURSE), datetime.date(2026, 11, 1), "introduktionsprogram")
    signed = yrkesresan.sign_certificate(cert, issuer, key)
    vc = json.loads(signed)
    assert sign(vc) == vc, "the corpus signer must agree with the library"
    trusted = {"issuers": [{"id": issuer.id, "name": issuer.name, "keys": [{"publicKeyMultibase": key.public_key_multibase}]}]}
    write(k, "trusted", trusted)

    case(k, "ok-canonical", signed.encode("utf-8"), status("ok"), note="the control: the credential as signed")
    case(k, "ok-indented", vc, status("ok"), note="the same credential, not canonical: read by the general reader")
    # The credential's shape.
    for name, doc in [("not-an-object", [vc]), ("string", "credential"), ("null", None), ("number", 1)]:
        case(k, f"malformed-{name}", doc, status("malformed"))
    case(k, "malformed-empty-document", b"", status("malformed"))
    shape = [("context-missing", drop(vc, "/@context")), ("context-reversed", put(vc, "/@context", vc["@context"][::-1])),
             ("type-missing-openbadge", put(vc, "/type", ["VerifiableCredential"])), ("id-missing", drop(vc, "/id")),
             ("id-empty", put(vc, "/id", "")), ("id-number", put(vc, "/id", 1)), ("name-missing", drop(vc, "/name")),
             ("issuer-string", put(vc, "/issuer", issuer.id)), ("issuer-without-name", drop(vc, "/issuer/name")),
             ("issuer-not-profile", put(vc, "/issuer/type", ["Organization"])), ("valid-from-missing", drop(vc, "/validFrom")),
             ("valid-from-feb-30", put(vc, "/validFrom", "2026-02-30T00:00:00Z")),
             ("valid-from-date-only", put(vc, "/validFrom", "2026-11-01")),
             ("valid-from-canary", put(vc, "/validFrom", PNR)),
             ("valid-until-garbage", put(vc, "/validUntil", NAME)),
             ("subject-missing", drop(vc, "/credentialSubject")),
             ("subject-wrong-type", put(vc, "/credentialSubject/type", ["Person"])),
             ("subject-without-identifier", drop(drop(vc, "/credentialSubject/identifier"), "/credentialSubject/id")
              if "id" in vc["credentialSubject"] else drop(vc, "/credentialSubject/identifier")),
             ("achievement-without-criteria", drop(vc, "/credentialSubject/achievement/criteria")),
             ("achievement-name-empty", put(vc, "/credentialSubject/achievement/name", "")),
             ("content-array", put(vc, "/yrkesresanIntyg", [])),
             ("proof-missing", drop(vc, "/proof")), ("proof-set-nested", put(vc, "/proof", [vc["proof"]])),
             ("proof-set-empty", put(vc, "/proof", [])),
             ("proof-string", put(vc, "/proof", "z")), ("proof-without-cryptosuite", drop(vc, "/proof/0/cryptosuite")),
             ("proof-purpose", put(vc, "/proof/0/proofPurpose", "authentication")),
             ("proof-without-method", drop(vc, "/proof/0/verificationMethod")),
             ("proof-context-differs", put(vc, "/proof/0/@context", ["https://www.w3.org/ns/credentials/v2"])),
             ("proof-created-garbage", put(vc, "/proof/0/created", NAME)),
             ("proof-expires-garbage", put(vc, "/proof/0/expires", "tomorrow")),
             ("proof-value-missing", drop(vc, "/proof/0/proofValue")),
             ("proof-value-not-multibase", put(vc, "/proof/0/proofValue", "u" + vc["proof"][0]["proofValue"][1:])),
             ("proof-value-not-base58", put(vc, "/proof/0/proofValue", "z0OIl" + vc["proof"][0]["proofValue"][5:])),
             ("proof-value-short", put(vc, "/proof/0/proofValue", "z" + b58(bytes(range(1, 33)))))]
    for name, doc in shape:
        case(k, f"malformed-{name}", doc, status("malformed"))
    # Not strict JSON.
    case(k, "malformed-duplicate-key", signed[:-1].encode() + b',"name":"x"}', status("malformed"))
    case(k, "malformed-invalid-utf8", signed.encode("utf-8").replace("Kungälvs".encode(), b"Kung\xe4lvs"), status("malformed"))
    case(k, "malformed-lone-surrogate", signed.replace("Kungälvs", "Kung\\ud800lvs").encode(), status("malformed"))
    case(k, "malformed-huge-number", signed[:-1].encode() + b',"x":1e400}', status("malformed"))
    case(k, "inexact-integer", signed[:-1].encode() + b',"x":12345678901234567890123}', status("bad_signature"),
         note="read as the nearest double (I-JSON); the added member then breaks the signature")
    case(k, "malformed-nested-40-deep", (signed[:-1] + ',"x":' + nested(40) + "}").encode(), status("malformed"))
    case(k, "malformed-trailing-garbage", signed.encode() + b" x", status("malformed"))
    case(k, "malformed-byte-order-mark", b"\xef\xbb\xbf" + signed.encode(), status("malformed"))
    case(k, "malformed-truncated", signed.encode()[:-40], status("malformed"))
    # Checks past the shape: each variant is signed again, so that only the named check fails.
    case(k, "wrong-cryptosuite-rdfc", sign(put(vc, "/proof/0/cryptosuite", "eddsa-rdfc-2022")), status("wrong_cryptosuite"))
    case(k, "wrong-cryptosuite-proof-type", sign(put(vc, "/proof/0/type", "Ed25519Signature2020")), status("wrong_cryptosuite"))
    case(k, "unknown-issuer", sign(put(vc, "/issuer/id", "https://www.example.org/" + NAME.replace(" ", "-"))),
         status("unknown_issuer"))
    case(k, "unknown-key", sign(put(vc, "/proof/0/verificationMethod", other.did_key_verification_method), OTHER_SEED),
         status("unknown_issuer"))
    case(k, "bad-signature-content", put(vc, "/yrkesresanIntyg/completed_on", "2026-10-08"), status("bad_signature"))
    case(k, "bad-signature-subject", put(vc, "/credentialSubject/identifier/0/identityHash", PNR)
         if isinstance(vc["credentialSubject"].get("identifier"), list) and "identityHash" in vc["credentialSubject"]["identifier"][0]
         else put(vc, "/name", NAME), status("bad_signature"))
    value = vc["proof"][0]["proofValue"]
    flipped = value[:-1] + ("2" if value[-1] != "2" else "3")
    case(k, "bad-signature-value", put(vc, "/proof/0/proofValue", flipped), status("bad_signature"))
    case(k, "bad-signature-other-key", sign(vc, OTHER_SEED), status("bad_signature"))
    case(k, "not-yet-valid", vc, status("not_yet_valid"), now="2026-10-06T23:59:59Z")
    case(k, "not-yet-valid-created", sign(put(vc, "/proof/0/created", "2026-12-01T00:00:00Z")), status("not_yet_valid"))
    case(k, "expired", sign(put(vc, "/validUntil", "2026-11-22T09:59:59Z")), status("expired"))
    case(k, "expired-proof", sign(put(vc, "/proof/0/expires", "2026-11-01T00:00:00Z")), status("expired"))
    # The host's side: the trusted-issuer list and the time.
    bad_lists = [("trusted-not-an-object", [trusted], err("wrong_type")),
                 ("trusted-issuers-missing", {}, err("missing_field", "/issuers")),
                 ("trusted-unknown-field", put(trusted, "/issuers/0/extra", 1), err("unknown_field", "/issuers/0/extra")),
                 ("trusted-bad-multibase", put(trusted, "/issuers/0/keys/0/publicKeyMultibase", "z6Mk"),
                  err("invalid_value", "/issuers/0/keys/0/publicKeyMultibase")),
                 ("trusted-id-empty", put(trusted, "/issuers/0/id", ""), err("invalid_value", "/issuers/0/id")),
                 ("trusted-keys-missing", drop(trusted, "/issuers/0/keys"), err("missing_field", "/issuers/0/keys")),
                 ("trusted-name-key", put(trusted, "/issuers/0/" + PNR, NAME), err("unknown_field", "/issuers/0")),
                 ("trusted-duplicate-key", Raw(json.dumps(trusted)[:-1] + ', "issuers": []}'), err("parse_error"))]
    for name, doc, expect in bad_lists:
        rel = write(k, name, doc)
        case(k, f"{name}-credential", signed.encode(), expect, trusted=rel)
    case(k, "now-invalid", signed.encode(), err("invalid_value"), now="2026-13-01T00:00:00Z",
         expect_c=err("invalid_argument"), note="'now' is an argument in C: YR_EINVALID, kind invalid_argument")


# ---- JSONTestSuite, through every kind ---------------------------------------

def suite_rule() -> Dict[str, Any]:
    folder = ROOT / SUITE
    deep = []
    for f in sorted(folder.iterdir()):
        if not f.name.startswith("n_"):
            continue
        depth = best = 0
        in_string = escaped = False
        for b in f.read_bytes():
            c = chr(b)
            if in_string:
                if escaped:
                    escaped = False
                elif c == "\\":
                    escaped = True
                elif c == '"':
                    in_string = False
            elif c == '"':
                in_string = True
            elif c in "[{":
                depth += 1
                best = max(best, depth)
            elif c in "]}":
                depth -= 1
        if best > 32:
            deep.append(f.name)
    return {
        "dir": SUITE,
        "kinds": ["program", "overlay", "person", "coordination", "credential"],
        "n_": "parse_error, or limit_exceeded for the files nested deeper than 32 (n_deeper_than_limit)",
        "y_": "not parse_error or limit_exceeded (the parser accepts it; the format may not), but parse_error for y_duplicate_keys",
        "i_": "any typed outcome, never a crash",
        "credential": "every file is judged malformed (a status, never an error)",
        "n_deeper_than_limit": deep,
        "y_duplicate_keys": sorted(f.name for f in folder.iterdir() if f.name.startswith("y_object_duplicated_key")),
    }


def main() -> None:
    for sub in ("person", "program", "overlay", "issue", "coordination", "credential"):
        shutil.rmtree(CORPUS / sub, ignore_errors=True)
    person_cases()
    canary_cases()
    program_cases()
    overlay_cases()
    issue_cases()
    coordination_cases()
    credential_cases()
    write(".", "canary-base", CANARY_BASE)
    manifest = {
        "about": "The bad-input corpus. Every face runs every case: tests/test_corpus.cpp, "
                 "tests/capi/corpus.cpp (C ABI), tests/python/test_corpus.py. Written by make_corpus.py.",
        "defaults": {"program": "gr-barn-unga", "as_of": AS_OF, "now": NOW, "trusted": "credential/trusted.json"},
        "expect": {
            "code/path": "the first problem of the error: its code and JSON Pointer",
            "warnings": "evaluation succeeds (Swedish and English) with at least these warning codes",
            "status": "verification judges the credential so (never an error)",
        },
        "canaries": CANARIES,
        "canary_sweep": CANARY_SWEEP,
        "canary_digits": PNR12[2:],
        "json_test_suite": suite_rule(),
        "cases": cases,
    }
    (CORPUS / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    counts: Dict[str, int] = {}
    for c in cases:
        counts[c["kind"]] = counts.get(c["kind"], 0) + 1
    print("cases:", len(cases), counts)


if __name__ == "__main__":
    main()
