"""Population evaluation: one call over DataFrames gives the same answers as
evaluating every person record one at a time, on one core or two."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any, Dict, List

import numpy as np
import pandas as pd
import pytest
import yrkesresan
from yrkesresan import Program

D = datetime.date


def _iso(value: Any) -> str:
    return pd.Timestamp(value).date().isoformat()


def person_records(region: Any) -> List[Dict[str, Any]]:
    """The same people as person records (the slow way, for comparison)."""
    records: Dict[str, Dict[str, Any]] = {}
    for row in region.persons.itertuples(index=False):
        r: Dict[str, Any] = {"id": row.id, "municipality": row.municipality,
                             "employment_start": _iso(row.employment_start), "hired_on": _iso(row.hired_on),
                             "prior_experience_months": int(row.prior_experience_months), "people": {}}
        me = region.persons[region.persons["id"] == row.id].iloc[0]
        for role in ("FA", "1:e", "mentor"):
            if isinstance(me[role], str):
                r["people"][role] = me[role]
        if isinstance(me["mentor_municipality"], str):
            r["mentor"] = {"id": me["mentor"], "municipality": me["mentor_municipality"],
                           "profession_start": _iso(me["mentor_profession_start"])}
        records[row.id] = r
    for row in region.leaves.itertuples(index=False):
        records[row.person].setdefault("leaves", []).append(
            {"from": _iso(getattr(row, "_1")), "to": _iso(row.to), "kind": row.kind})
    for row in region.assignments.itertuples(index=False):
        records[row.person].setdefault("plan", {"assignments": {}})["assignments"][row.item] = row.codes.split(",")
    key = {"item_done": "item", "module_attended": "module", "homework_submitted": "module",
           "session_attended": "component"}
    for row in region.events.itertuples(index=False):
        records[row.person].setdefault("events", []).append(
            {"type": row.type, key[row.type]: row.ref, "date": _iso(row.date)})
    return list(records.values())


def test_population_agrees_with_one_person_at_a_time(gr: Program, region: Any) -> None:
    pop = gr.evaluate_population(region.persons, region.events, region.leaves, region.assignments,
                                 as_of=region.as_of)
    persons = pop.persons.set_index("person")
    items = pop.items
    assert len(persons) == len(region.persons)
    for record in person_records(region):
        ev = gr.evaluate(record, as_of=region.as_of)
        row = persons.loc[record["id"]]
        assert row["experience_months"] == ev.experience_months
        assert row["phase"] == ev.phase.id
        assert row["leave_days"] == ev.experience.leave_days
        assert row["warnings"] == len(ev.warnings)
        for c in ev.checklists:
            for state in ("done", "waived", "blocked", "overdue", "pending", "unassigned", "total"):
                assert row[f"{c.id}.{state}"] == getattr(c.summary, state), (record["id"], c.id, state)
            assert bool(row[f"{c.id}.complete"]) == c.complete
        for comp in ev.components:
            assert row[f"{comp.id}.eligibility"] == comp.eligibility
            started = row[f"{comp.id}.started_on"]
            assert (None if pd.isna(started) else started.date()) == comp.started_on
        for cert in ev.certificates:
            assert row[f"{cert.component}.certificate"] == cert.status
        assert ev.recommendations  # GR recommends a share of time on cases for the first year
        for rec in ev.recommendations:
            assert bool(row[f"{rec.id}.applies"]) == rec.applies, (record["id"], rec.id)
        mine = items[items["person"] == record["id"]]
        expected = [(it.id, it.state, ",".join(it.responsible) or None) for c in ev.checklists for it in c.items]
        got = [(i, s, None if pd.isna(r) else r) for i, s, r in
               zip(mine["item"].astype(str), mine["state"].astype(str), mine["responsible"].astype(object))]
        assert got == expected


def test_one_core_and_two_give_the_same_frames(gr: Program, region: Any) -> None:
    args = (region.persons, region.events, region.leaves, region.assignments)
    one = gr.evaluate_population(*args, as_of=region.as_of, threads=1)
    two = gr.evaluate_population(*args, as_of=region.as_of, threads=2)
    pd.testing.assert_frame_equal(one.persons, two.persons)
    pd.testing.assert_frame_equal(one.items, two.items)


def test_tidy_frames_have_program_named_columns(gr: Program, region: Any) -> None:
    pop = gr.evaluate_population(region.persons, region.events, as_of=region.as_of)
    cols = set(pop.persons.columns)
    for checklist in gr.checklist_ids:
        assert {f"{checklist}.overdue", f"{checklist}.done", f"{checklist}.complete"} <= cols
    for component in ("introduktionsprogram", "handledning", "mentor", "introduktor"):
        assert f"{component}.eligibility" in cols
    assert "introduktionsprogram.certificate" in cols
    assert pop.persons["phase"].dtype == "category"
    assert str(pop.persons["introduktion.due"].dtype).startswith("datetime64")
    assert list(pop.items.columns) == ["person", "checklist", "section", "item", "responsible", "state", "due",
                                       "planned", "done"]
    assert len(pop.items) == len(region.persons) * len(gr.items)
    assert pop.persons["overdue"].sum() == (pop.items["state"] == "overdue").sum()


def test_dates_as_text_or_date_objects(gr: Program) -> None:
    base = pd.DataFrame({"id": ["a", "b"], "municipality": ["lerum", "ale"],
                         "employment_start": ["2026-01-12", "2026-02-02"]})
    as_dates = base.assign(employment_start=[D(2026, 1, 12), D(2026, 2, 2)])
    as_stamps = base.assign(employment_start=pd.to_datetime(base["employment_start"]))
    frames = [gr.evaluate_population(f, as_of=D(2026, 6, 1)).persons for f in (base, as_dates, as_stamps)]
    pd.testing.assert_frame_equal(frames[0], frames[1])
    pd.testing.assert_frame_equal(frames[0], frames[2])
    assert frames[0]["introduktion.due"].iloc[0] == pd.Timestamp("2026-05-11")


def test_population_errors_point_into_the_tables(gr: Program) -> None:
    persons = pd.DataFrame({"id": ["a", "b"], "municipality": ["lerum", "ale"],
                            "employment_start": ["2026-01-12", "2026-01-12"]})
    events = pd.DataFrame({"person": ["a", "b", "b"], "type": "item_done",
                           "item": ["nycklar", "nycklar", "postfack"],
                           "date": ["2026-01-13", "2026-01-14", "2026-03-01"]})
    with pytest.raises(yrkesresan.InputError) as info:
        gr.evaluate_population(persons, events, as_of=D(2026, 2, 1))
    assert (info.value.code, info.value.path) == ("future_event", "/events/2/date")
    kept = gr.evaluate_population(persons, events, as_of=D(2026, 2, 1), errors="keep").persons
    assert kept["error"].tolist()[1] == "future_event" and pd.isna(kept["error"].iloc[0])
    assert kept["error_path"].iloc[1] == "/events/2/date"
    assert pd.isna(kept["experience_months"].iloc[1]) and kept["experience_months"].iloc[0] == 0

    cases = [
        (dict(events=events.assign(person=["a", "zz", "b"])), "unknown_reference", "/events/1/person"),
        (dict(persons=persons.assign(id=["a", "a"])), "duplicate_id", "/persons/1/id"),
        (dict(persons=persons.assign(employment_start=["2026-01-12", "2026-02-30"])), "invalid_date",
         "/persons/1/employment_start"),
        (dict(persons=persons.assign(employmnet_start="2026-01-01")), "unknown_field", "/persons/employmnet_start"),
        (dict(persons=persons.drop(columns="municipality")), "missing_field", "/persons/municipality"),
        (dict(leaves=pd.DataFrame({"person": ["b"], "from": ["2026-03-01"], "to": ["2026-02-01"]})),
         "reversed_period", "/leaves/0/to"),
        (dict(assignments=pd.DataFrame({"person": ["a"], "item": ["bbic"], "codes": ["EJ,SJ"]})),
         "conflicting_codes", "/assignments/0/codes"),
        (dict(assignments=pd.DataFrame({"person": ["a"], "item": ["no-such-item"], "codes": ["FA"]})),
         "unknown_reference", "/assignments/0/item"),
        (dict(events=events.assign(type=["item_done", "done", "item_done"])), "invalid_value", "/events/1/type"),
        (dict(planned=pd.DataFrame({"person": ["a"], "item": ["no-such-item"], "date": ["2026-02-01"]})),
         "unknown_reference", "/planned/0/item"),
        (dict(planned=pd.DataFrame({"person": ["a", "a"], "item": ["bbic", "bbic"], "date": ["2026-02-01"] * 2})),
         "duplicate_id", "/planned/1/item"),
        (dict(planned=pd.DataFrame({"person": ["b"], "item": ["bbic"], "date": ["2026-02-30"]})),
         "invalid_date", "/planned/0/date"),
        (dict(persons=persons.assign(mentor_municipality=[None, "ale"], mentor_profession_start="2010-01-01")),
         "missing_field", "/persons/1/mentor"),
    ]
    for change, code, path in cases:
        args: Dict[str, Any] = dict(persons=persons, events=events.iloc[:2])
        args.update(change)
        with pytest.raises(yrkesresan.Error) as err:
            gr.evaluate_population(**args, as_of=D(2026, 6, 1))
        assert (err.value.code, err.value.path) == (code, path), change


def test_facts_the_program_lacks_are_kept_as_warnings(gr: Program) -> None:
    # As for one person: an event about what the layered program does not have counts as a warning, not an error.
    persons = pd.DataFrame({"id": ["a", "b"], "municipality": ["lerum", "ale"],
                            "employment_start": ["2026-01-12", "2026-01-12"]})
    events = pd.DataFrame({"person": ["a", "b", "b"], "type": ["item_done", "item_done", "module_attended"],
                           "item": ["nycklar", "no-such-item", "m9"],
                           "date": ["2026-01-13", "2026-01-14", "2026-01-15"]})
    pop = gr.evaluate_population(persons, events, as_of=D(2026, 2, 1))
    assert pop.persons["warnings"].tolist() == [0, 2]
    one = gr.evaluate({"id": "b", "municipality": "ale", "employment_start": "2026-01-12",
                       "events": [{"type": "item_done", "item": "no-such-item", "date": "2026-01-14"},
                                  {"type": "module_attended", "module": "m9", "date": "2026-01-15"}]}, as_of=D(2026, 2, 1))
    assert [w.code for w in one.warnings] == ["unknown_in_program"] * 2


def test_as_of_and_errors_arguments(gr: Program) -> None:
    persons = pd.DataFrame({"id": ["a"], "municipality": ["lerum"], "employment_start": ["2026-01-12"]})
    with pytest.raises(TypeError):
        gr.evaluate_population(persons, as_of=datetime.datetime(2026, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        gr.evaluate_population(persons, as_of=D(2026, 1, 1), errors="ignore")


def test_an_empty_population(gr: Program) -> None:
    persons = pd.DataFrame({"id": pd.Series([], dtype=object), "municipality": pd.Series([], dtype=object),
                            "employment_start": pd.Series([], dtype="datetime64[s]")})
    pop = gr.evaluate_population(persons, as_of=D(2026, 1, 1))
    assert len(pop.persons) == 0 and len(pop.items) == 0
    assert np.array_equal(pop.persons.columns[:2], ["person", "experience_months"])


def test_codes_as_text_or_lists(gr: Program) -> None:
    persons = pd.DataFrame({"id": ["a"], "municipality": ["lerum"], "employment_start": ["2026-01-12"], "FA": ["p-9"]})
    text = pd.DataFrame({"person": ["a", "a"], "item": ["nycklar", "bbic"], "codes": ["EC,FA", "EJ"]})
    lists = text.assign(codes=[["EC", "FA"], ["EJ"]])
    one = gr.evaluate_population(persons, assignments=text, as_of=D(2026, 3, 1)).items
    two = gr.evaluate_population(persons, assignments=lists, as_of=D(2026, 3, 1)).items
    pd.testing.assert_frame_equal(one, two)
    nycklar = one[one["item"] == "nycklar"].iloc[0]
    assert (nycklar["responsible"], one[one["item"] == "bbic"].iloc[0]["state"]) == ("EC,FA", "waived")


def test_planned_dates_set_the_due_as_for_one_person(gr: Program) -> None:
    persons = pd.DataFrame({"id": ["a", "b"], "municipality": ["lerum", "ale"],
                            "employment_start": ["2026-02-02", "2026-02-02"], "hired_on": ["2025-12-10", None]})
    planned = pd.DataFrame({"person": ["a", "b"], "item": ["nycklar", "bbic"], "date": ["2026-02-10", "2026-03-15"]})
    pop = gr.evaluate_population(persons, planned=planned, as_of=D(2026, 2, 11))
    items = pop.items.set_index(["person", "item"])
    assert items.loc[("a", "nycklar"), "planned"] == pd.Timestamp("2026-02-10")
    assert items.loc[("a", "nycklar"), "due"] == pd.Timestamp("2026-02-10")
    assert items.loc[("a", "nycklar"), "state"] == "overdue"
    assert pd.isna(items.loc[("b", "nycklar"), "planned"]) and items.loc[("b", "nycklar"), "state"] == "pending"
    # The hiring decision dates informing the administrator; without it, the day before the first day.
    assert items.loc[("a", "ec-informera-administrator"), "due"] == pd.Timestamp("2025-12-17")
    assert items.loc[("b", "ec-informera-administrator"), "due"] == pd.Timestamp("2026-02-01")
    for pid, record in (("a", {"hired_on": "2025-12-10", "plan": {"planned": {"nycklar": "2026-02-10"}}}),
                        ("b", {"plan": {"planned": {"bbic": "2026-03-15"}}})):
        ev = gr.evaluate({"id": pid, "municipality": "lerum", "employment_start": "2026-02-02", **record},
                         as_of=D(2026, 2, 11))
        for checklist in ev.checklists:
            for it in checklist.items:
                row = items.loc[(pid, it.id)]
                assert (it.state, it.due, it.planned) == (
                    row["state"], row["due"].date() if not pd.isna(row["due"]) else None,
                    row["planned"].date() if not pd.isna(row["planned"]) else None), it.id


def test_dated_overlays_apply_by_employment_start_as_for_one_person(gr: Program, root: Path) -> None:
    overlays = [root / "data" / "overlays" / name for name in ("example-kungalv.json", "example-kungalv-2027.json")]
    kungalv = gr.with_overlays(*overlays)
    starts = ["2026-12-31", "2027-01-01", "2026-06-01"]
    persons = pd.DataFrame({"id": ["a", "b", "c"], "municipality": "kungalv", "employment_start": starts})
    events = pd.DataFrame({"person": ["b", "a"], "type": "item_done", "item": ["kungalv-digital-akt", "nycklar"],
                           "date": ["2027-01-05", "2027-01-02"]})
    for keep in ("raise", "keep"):
        pop = kungalv.evaluate_population(persons, events, as_of=D(2027, 1, 15), errors=keep)
        assert pop.persons["layers"].tolist() == ["municipality:kungalv", "municipality:kungalv,municipality:kungalv-2027",
                                                  "municipality:kungalv"]
        items = pop.items.set_index(["person", "item"])
        for pid, start in zip("abc", starts):
            record = {"id": pid, "municipality": "kungalv", "employment_start": start,
                      "events": [{"type": "item_done", "item": r.item, "date": r.date}
                                 for r in events[events.person == pid].itertuples()]}
            ev = kungalv.evaluate(record, as_of=D(2027, 1, 15))
            mine = items.loc[pid]
            assert sorted(mine.index) == sorted(it.id for c in ev.checklists for it in c.items)
            for checklist in ev.checklists:
                for it in checklist.items:
                    row = mine.loc[it.id]
                    assert (it.state, it.due) == (row["state"], row["due"].date() if not pd.isna(row["due"]) else None)
            assert pop.persons.set_index("person").loc[pid, "warnings"] == len(ev.warnings)
    # Only the person employed from 2027 has the item; the earlier one's record of it is kept as a warning.
    assert "kungalv-digital-akt" in items.loc["b"].index and "kungalv-digital-akt" not in items.loc["a"].index
    # The program ships to workers (pickle) with its earlier programs.
    import pickle
    again = pickle.loads(pickle.dumps(kungalv))
    assert again.evaluate({"id": "a", "municipality": "kungalv", "employment_start": "2026-12-31"},
                          as_of=D(2027, 1, 15)).layers == ["municipality:kungalv"]


@pytest.mark.parametrize("dtype", ["object", "string", "category", "string[pyarrow]", "datetime"])
def test_one_impossible_date_refuses_its_row_alone(gr: Program, dtype: str) -> None:
    """With errors="keep" a bad date is that row's error, named with its row, whatever
    the column's type; the other rows are evaluated."""
    starts = pd.Series(["2026-01-12", "2026-02-30", None, "2026-03-02"])
    events = pd.DataFrame({"person": ["a", "d", "d"], "type": "item_done", "item": ["nycklar", "nycklar", "bbic"],
                           "date": ["2026-01-13", "2026-13-01", "2026-03-05"]})
    if dtype == "datetime":  # a datetime64 column cannot hold an impossible date; a time zone makes every row bad
        starts = pd.to_datetime(pd.Series(["2026-01-12", "2026-02-01", None, "2026-03-02"])).dt.tz_localize("UTC")
    elif dtype == "string[pyarrow]":
        pytest.importorskip("pyarrow")
        starts = starts.astype(dtype)
    else:
        starts = starts.astype(dtype)
    persons = pd.DataFrame({"id": ["a", "b", "c", "d"], "municipality": "ale", "employment_start": starts})
    kept = gr.evaluate_population(persons, events, as_of=D(2026, 6, 1), errors="keep").persons
    errors = [None if pd.isna(e) else (e, kept["error_path"].iloc[i]) for i, e in enumerate(kept["error"])]
    if dtype == "datetime":
        assert errors == [("invalid_date", "/persons/0/employment_start"), ("invalid_date", "/persons/1/employment_start"),
                          ("missing_field", "/persons/2/employment_start"), ("invalid_date", "/persons/3/employment_start")]
        return
    assert errors == [None, ("invalid_date", "/persons/1/employment_start"),
                      ("missing_field", "/persons/2/employment_start"), ("invalid_date", "/events/1/date")]
    assert kept["experience_months"].iloc[0] == 4
    with pytest.raises(yrkesresan.InputError) as info:
        gr.evaluate_population(persons, events, as_of=D(2026, 6, 1))
    assert (info.value.code, info.value.path) == ("invalid_date", "/persons/1/employment_start")
