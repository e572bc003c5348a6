"""Outputs on request: the columns asked for have the full run's values, the
rest are absent, and the items frame is built, deferred or left out as asked."""

from __future__ import annotations

import pickle
from typing import Any

import pandas as pd
import pytest
import yrkesresan
from yrkesresan import Program

THREE = ["experience_months", "phase", "introduktion.overdue"]


def _run(gr: Program, region: Any, **kw: Any) -> yrkesresan.Population:
    return gr.evaluate_population(region.persons, region.events, region.leaves, region.assignments,
                                  as_of=region.as_of, **kw)


def test_asked_columns_equal_the_full_run_and_no_others(gr: Program, region: Any) -> None:
    full = _run(gr, region)
    some = _run(gr, region, outputs=THREE, items=False)
    assert list(some.persons.columns) == ["person", *THREE, "error", "error_path"]
    pd.testing.assert_frame_equal(some.persons[["person", *THREE]], full.persons[["person", *THREE]])
    assert "warnings" not in some.persons and "layers" not in some.persons
    assert not some.has_items
    with pytest.raises(LookupError, match="items"):
        some.items  # noqa: B018 - reading it is the test
    assert "no items" in repr(some)


@pytest.mark.parametrize("keep", ["raise", "keep"])
def test_groups_name_their_columns(gr: Program, region: Any, keep: str) -> None:
    full = _run(gr, region, errors=keep)
    groups = ["experience", "introduktion", "certificates", "totals"]
    some = _run(gr, region, outputs=groups, errors=keep)
    experience = ["experience_months", "months_at_employment_start", "leave_days", "next_month_on"]
    checklist = [c for c in full.persons.columns if c.startswith("introduktion.")]
    certificates = [c for c in full.persons.columns if ".certificate" in c]
    assert len(checklist) == 10 and certificates
    assert list(some.persons.columns) == ["person", *experience, *checklist, *certificates, "overdue", "warnings",
                                          "error", "error_path"]
    pd.testing.assert_frame_equal(some.persons, full.persons[list(some.persons.columns)])
    pd.testing.assert_frame_equal(some.items, full.items)


def test_every_column_by_name_is_the_full_run(gr: Program, region: Any) -> None:
    full = _run(gr, region)
    named = _run(gr, region, outputs=[c for c in full.persons.columns])
    pd.testing.assert_frame_equal(named.persons, full.persons)


def test_a_component_gives_its_columns_and_its_certificate(gr: Program, region: Any) -> None:
    full = _run(gr, region)
    component = next(c.split(".")[0] for c in full.persons.columns if c.endswith(".certificate"))
    some = _run(gr, region, outputs=[component], items=False)
    mine = [c for c in full.persons.columns if c.startswith(component + ".")]
    assert list(some.persons.columns) == ["person", *mine, "error", "error_path"]
    pd.testing.assert_frame_equal(some.persons[mine], full.persons[mine])


def test_lazy_items_are_built_on_first_read(gr: Program, region: Any) -> None:
    full = _run(gr, region)
    lazy = _run(gr, region, outputs=THREE, items="lazy")
    assert lazy.has_items
    assert not isinstance(lazy._items, pd.DataFrame)  # not built yet
    assert "items on first access" in repr(lazy)
    assert not isinstance(lazy._items, pd.DataFrame)  # repr did not build them
    first = lazy.items
    assert first is lazy.items  # built once
    pd.testing.assert_frame_equal(first, full.items)


def test_a_pickle_holds_lazy_items_built(gr: Program, region: Any) -> None:
    full = _run(gr, region)
    lazy = _run(gr, region, outputs=THREE, items="lazy")
    back = pickle.loads(pickle.dumps(lazy))
    pd.testing.assert_frame_equal(back.items, full.items)
    pd.testing.assert_frame_equal(back.persons, lazy.persons)


def test_narrow_columns(gr: Program, region: Any) -> None:
    full = _run(gr, region)
    assert full.items["state"].cat.codes.dtype == "int8"
    assert full.persons["phase"].cat.codes.dtype == "int8"
    assert str(full.items["due"].dtype) == "datetime64[s]"
    assert full.persons["introduktion.complete"].dtype == bool


def test_an_unknown_output_is_an_input_error_with_its_place(gr: Program, region: Any) -> None:
    with pytest.raises(yrkesresan.InputError) as e:
        _run(gr, region, outputs=["phase", "no_such_column"])
    assert e.value.code == "unknown_field"
    assert e.value.path == "/outputs/1"


def test_items_must_be_true_false_or_lazy(gr: Program, region: Any) -> None:
    with pytest.raises(ValueError, match="lazy"):
        _run(gr, region, items="later")
