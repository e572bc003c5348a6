"""Evaluation.to_dict() is built in C++ without JSON text: it must be exactly
json.loads(to_json()), with the same types (an int is no float), the same key
order and nothing shared between documents that could be changed, for every
shared scenario and the demo cohort, in Swedish and English."""

from __future__ import annotations

import datetime
import json
from typing import Any, Dict, List

import pytest

import yrkesresan
from scenario_support import ROOT, SCENARIOS, load_scenario, scenario_program

COHORT: List[Dict[str, Any]] = json.loads((ROOT / "examples" / "cohort.json").read_text(encoding="utf-8"))


def same(a: Any, b: Any, path: str = "") -> str:
    """Empty when `a` and `b` are equal with equal types and key orders; else where they are not."""
    if type(a) is not type(b):
        return f"{path}: {type(a).__name__} against {type(b).__name__}"
    if isinstance(a, dict):
        if list(a) != list(b):
            return f"{path}: keys {list(a)} against {list(b)}"
        for k in a:
            why = same(a[k], b[k], f"{path}/{k}")
            if why:
                return why
        return ""
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items against {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            why = same(x, y, f"{path}/{i}")
            if why:
                return why
        return ""
    return "" if a == b else f"{path}: {a!r} against {b!r}"


def test_the_comparison_can_fail() -> None:
    assert same({"a": 1, "b": [2.0]}, {"a": 1, "b": [2.0]}) == ""
    assert same({"a": 1}, {"a": 1.0}) != ""
    assert same({"a": 1, "b": 2}, {"b": 2, "a": 1}) != ""
    assert same([None], [False]) != ""


def evaluations() -> List[Any]:
    cases = []
    for path in SCENARIOS:
        sc = load_scenario(path)
        if "error" not in sc:
            cases.append(pytest.param(path, id=path.stem))
    return cases


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("path", evaluations())
def test_every_scenario(path: Any, language: str) -> None:
    sc = load_scenario(path)
    ev = scenario_program(sc).evaluate(sc["person"], datetime.date.fromisoformat(sc["as_of"]), language)
    assert same(ev.to_dict(), json.loads(ev.to_json())) == ""


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_demo_cohort(language: str) -> None:
    gr = yrkesresan.Program.builtin("gr-barn-unga")
    for as_of in (datetime.date(2026, 11, 22), datetime.date(2027, 6, 1)):
        for ev in gr.evaluate_many(COHORT, as_of, language):
            assert same(ev.to_dict(), json.loads(ev.to_json())) == ""


def test_documents_share_nothing_mutable() -> None:
    gr = yrkesresan.Program.builtin("gr-barn-unga")
    ev = gr.evaluate(COHORT[0], datetime.date(2026, 11, 22))
    first, second = ev.to_dict(), ev.to_dict()
    first["checklists"][0]["items"][0]["responsible"].append("XX")
    first["checklists"][0]["label"] = "changed"
    assert same(second, json.loads(ev.to_json())) == ""
    assert same(ev.to_dict(), json.loads(ev.to_json())) == ""
