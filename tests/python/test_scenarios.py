"""The shared scenario files (tests/scenarios/*.json) through the Python
package: the same cases the C++ suite and the C ABI run, the same answers."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any, Callable

import pytest
import yrkesresan
from scenario_support import SCENARIOS, load_scenario, scenario_params, scenario_program


def test_there_are_scenarios() -> None:
    assert len(SCENARIOS) >= 5


@pytest.mark.parametrize("path", scenario_params())
def test_scenario(path: Path, match: Callable[[Any, Any], str]) -> None:
    sc = load_scenario(path)
    program = scenario_program(sc)
    as_of = datetime.date.fromisoformat(sc["as_of"])
    if "error" in sc:
        with pytest.raises(yrkesresan.Error) as info:
            program.evaluate(sc["person"], as_of=as_of)
        assert info.value.code == sc["error"]["code"]
        assert info.value.path == sc["error"]["path"]
        assert isinstance(info.value, yrkesresan.errors.error_class(sc["error"]["code"]))
        return
    ev = program.evaluate(sc["person"], as_of=as_of)
    doc = ev.to_dict()
    assert match(sc["expect"], doc) == ""
    # Attribute access tells the same story as the document.
    assert ev.experience_months == doc["experience_months"]
    assert ev.phase.id == doc["phase"]["id"]
    for c, cd in zip(ev.checklists, doc["checklists"]):
        assert c.id == cd["id"]
        assert c.summary.overdue == cd["summary"]["overdue"]
        for it, itd in zip(c.items, cd["items"]):
            assert (it.id, it.state, it.responsible) == (itd["id"], itd["state"], itd["responsible"])
            assert (it.due.isoformat() if it.due else None) == itd["due"]
