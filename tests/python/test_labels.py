"""label_en in program data: an English evaluation shows it where the label
appears and in the sentences that name it; Swedish ones, certificates and
the program definition keep the label as the program states it."""

from __future__ import annotations

import datetime
import json
from typing import Any, Dict

import pytest

import yrkesresan

PERSON = {"id": "p-1", "municipality": "kungalv", "employment_start": "2026-01-12"}
AS_OF = datetime.date(2026, 5, 1)


def _with_english() -> Dict[str, Any]:
    definition: Dict[str, Any] = yrkesresan.Program.builtin("gr-barn-unga").to_dict()
    definition["phases"][0]["label_en"] = "Introduction"
    checklist = definition["checklists"][0]
    checklist["label_en"] = "Introduction checklist"
    checklist["sections"][0]["items"][0]["label_en"] = "The first item"
    course = next(c for c in definition["components"] if c["id"] == "introduktionsprogram")
    course["label_en"] = "Introduction programme"
    course["modules"][0]["label_en"] = "Module one"
    definition["recommendations"][0]["label_en"] = "A recommendation"
    return definition


def test_english_evaluations_show_label_en() -> None:
    definition = _with_english()
    program = yrkesresan.Program.from_json(definition)
    en = program.evaluate(PERSON, AS_OF, language="en").to_dict()
    sv = program.evaluate(PERSON, AS_OF).to_dict()
    swedish = yrkesresan.Program.builtin("gr-barn-unga").evaluate(PERSON, AS_OF).to_dict()
    assert sv == swedish  # Swedish evaluations never see label_en

    assert en["phase"]["label"] == "Introduction"
    assert en["checklists"][0]["label"] == "Introduction checklist"
    first_item = definition["checklists"][0]["sections"][0]["items"][0]["id"]
    assert next(i for i in en["checklists"][0]["items"] if i["id"] == first_item)["label"] == "The first item"
    course = next(c for c in en["components"] if c["id"] == "introduktionsprogram")
    assert course["label"] == "Introduction programme"
    assert any("Introduction programme" in r["message"] for r in course["reasons"])
    m1 = next(m for m in en["modules"] if m["id"] == "m1")
    assert m1["label"] == "Module one"
    assert en["recommendations"][0]["label"] == "A recommendation"
    missing = next(c for c in en["certificates"] if c["component"] == "introduktionsprogram")["missing"]
    assert "Module one" in missing[0]["message"]
    # Labels without label_en stay as the program states them.
    m2 = next(m for m in en["modules"] if m["id"] == "m2")
    assert m2["label"] == next(m for m in sv["modules"] if m["id"] == "m2")["label"]


def test_the_definition_keeps_label_en() -> None:
    program = yrkesresan.Program.from_json(_with_english())
    again = yrkesresan.Program.from_json(program.to_json())
    assert again.evaluate(PERSON, AS_OF, language="en").to_dict() == program.evaluate(PERSON, AS_OF, language="en").to_dict()


@pytest.mark.parametrize("value, code", [("", "invalid_value"), (3, "wrong_type")])
def test_label_en_is_checked(value: object, code: str) -> None:
    definition = _with_english()
    definition["components"][0]["label_en"] = value
    with pytest.raises(yrkesresan.Error) as info:
        yrkesresan.Program.from_json(json.loads(json.dumps(definition)))
    assert (info.value.code, info.value.path) == (code, "/components/0/label_en")
