"""The certificate id, recomputed outside the library from what it stands for
(docs/interpretations.md, R8): SHA-256 over the canonical JSON (RFC 8785, by
the independent rfc8785 package) of person, program id and version,
component, completion date and the parts with their dates; the first 32 hex
digits. The same facts give the same id; another fact another id."""

from __future__ import annotations

import datetime
import hashlib
import json
from typing import Any, Dict

import rfc8785

import yrkesresan
from scenario_support import ROOT

SCENARIO = json.loads((ROOT / "tests" / "scenarios" / "r4-course-certificate-due.json").read_text(encoding="utf-8"))


def expected_id(ev: Dict[str, Any], component: str) -> str:
    cert = next(c for c in ev["certificates"] if c["component"] == component)
    parts = [[m["id"], m["attended"], m["homework_submitted"] or ""]
             for m in ev["modules"] if m["component"] == component and m["attended"]]
    key = {"completed_on": cert["completed_on"], "component": component, "parts": parts,
           "person": ev["person"], "program": ev["program"], "program_version": ev["program_version"]}
    return "urn:yrkesresan:intyg:" + hashlib.sha256(rfc8785.dumps(key)).hexdigest()[:32]


def test_the_course_certificate_id_is_the_hash_of_what_it_stands_for() -> None:
    gr = yrkesresan.Program.builtin(SCENARIO["program"])
    as_of = datetime.date.fromisoformat(SCENARIO["as_of"])
    ev = gr.evaluate(SCENARIO["person"], as_of=as_of).to_dict()
    cert = next(c for c in ev["certificates"] if c["component"] == "introduktionsprogram")
    assert cert["certificate_id"] == expected_id(ev, "introduktionsprogram")
    # Another fact (a later homework date), another id; the recomputation follows it.
    person = json.loads(json.dumps(SCENARIO["person"]))
    homework = next(e for e in person["events"] if e["type"] == "homework_submitted" and e["module"] == "m1")
    homework["date"] = "2026-05-28"
    other = gr.evaluate(person, as_of=as_of).to_dict()
    other_id = next(c for c in other["certificates"] if c["component"] == "introduktionsprogram")["certificate_id"]
    assert other_id != cert["certificate_id"] and other_id == expected_id(other, "introduktionsprogram")
