"""A certificate asked for too early: RequirementsNotMetError carries each
missing requirement as data (its own code and the path of what is missing),
the same codes the evaluation's certificates[].missing findings have."""

from __future__ import annotations

import datetime

import pytest

import yrkesresan

PERSON = {"id": "p-1", "municipality": "kungalv", "employment_start": "2026-01-12"}
AS_OF = datetime.date(2026, 2, 1)


def test_every_missing_requirement_has_its_code_and_path() -> None:
    gr = yrkesresan.Program.builtin("gr-barn-unga")
    with pytest.raises(yrkesresan.RequirementsNotMetError) as info:
        gr.issue_certificate(PERSON, AS_OF, "introduktionsprogram")
    e = info.value
    assert (e.code, e.path) == ("requirements_not_met", "")
    # The message stays the first missing requirement's, as before.
    assert e.message == e.problems[0].message
    assert e.message.startswith("module_not_attended m1: ")
    assert [(p.code, p.path) for p in e.problems][:2] == [
        ("module_not_attended", "/modules/m1"),
        ("homework_not_submitted", "/modules/m1"),
    ]
    # The evaluation's findings name the same requirements with the same codes.
    evaluation = gr.evaluate(PERSON, AS_OF).to_dict()
    course = next(c for c in evaluation["certificates"] if c["component"] == "introduktionsprogram")
    assert [(m["code"], "/modules/" + m["ref"]) for m in course["missing"]] == [(p.code, p.path) for p in e.problems]


def test_the_missing_codes_map_to_the_class() -> None:
    from yrkesresan.errors import error_class

    for code in ("module_not_attended", "homework_not_submitted", "sessions_missing", "attendance_period_over"):
        assert error_class(code) is yrkesresan.RequirementsNotMetError
