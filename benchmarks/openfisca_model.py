"""The same three answers as the pandas baseline (benchmarks/columns.py) as an
OpenFisca model: experience months paused by leave, the phase, and the
introduktion checklist's overdue count. Benchmark-only: openfisca-core is
installed by scripts/bench.sh, never by the test command.

OpenFisca has one value per person and variable, and no long tables, so the
adapter turns the text columns into its inputs first (as a user of it would):
each person's merged leave in a fixed number of slots, and per introduktion
item whether it is still open (not done, not EJ) and the plan's date for it.
The formulas then work on whole columns, as OpenFisca's do. The timing covers
the adapter and the simulation, from the same text frames as the library.
"""

from __future__ import annotations

import datetime
from typing import Any, Dict, List

import numpy as np
import pandas as pd

from .columns import Leave, _day, add_months, completed_months

NONE = -(2**31) + 1  # a day that is not given


def _checklist(program_json: Dict[str, Any]) -> Dict[str, Any]:
    return next(c for c in program_json["checklists"] if c["id"] == "introduktion")


def build_system(program_json: Dict[str, Any], leave_slots: int) -> Any:
    from openfisca_core.entities import build_entity
    from openfisca_core.periods import DAY
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem
    from openfisca_core.variables import Variable

    person = build_entity(key="person", plural="persons", label="A social worker", is_person=True)

    def variable(name: str, kind: type, formula: Any = None, default: Any = None) -> type:
        attrs: Dict[str, Any] = {"value_type": kind, "entity": person, "definition_period": DAY,
                                 "label": name}
        if default is not None:
            attrs["default_value"] = default
        if formula is not None:
            attrs["formula"] = formula
        return type(name, (Variable,), attrs)

    def day(values: np.ndarray) -> np.ndarray:
        return values.astype(np.int64).astype("datetime64[D]")

    def leave_days(p: Any, period: Any, since: np.ndarray, until: np.ndarray) -> np.ndarray:
        total = np.zeros(len(since), dtype=np.int64)
        for k in range(leave_slots):
            start = p(f"leave_start_{k}", period).astype(np.int64)
            end = p(f"leave_end_{k}", period).astype(np.int64)
            total += np.maximum(np.minimum(end, until) - np.maximum(start, since), 0)
        return total

    def experience_anchor(p: Any, period: Any) -> np.ndarray:
        anchor: np.ndarray = add_months(day(p("profession_start", period)),
                                        -p("prior_experience_months", period)).astype(np.int64)
        return anchor

    def experience_months(p: Any, period: Any) -> np.ndarray:
        anchor = p("experience_anchor", period).astype(np.int64)
        today = p("as_of", period).astype(np.int64)
        paused = leave_days(p, period, anchor, today)
        months = completed_months(day(anchor), day(today - paused))
        out: np.ndarray = np.where(today > anchor, months, 0)
        return out

    phases = program_json["phases"]
    bounds = [ph["from_months"] for ph in phases[1:]]

    def phase(p: Any, period: Any) -> np.ndarray:
        out: np.ndarray = np.searchsorted(bounds, p("experience_months", period), side="right")
        return out

    checklist = _checklist(program_json)
    items = [i for s in checklist["sections"] for i in s["items"]]

    def employment_due(months: int) -> Any:
        def formula(p: Any, period: Any) -> np.ndarray:
            start = p("employment_start", period).astype(np.int64)
            target = add_months(day(start), months).astype(np.int64)
            reached = target.copy()
            while True:  # the least day D with target + leave days in [start, D) <= D
                pushed = target + leave_days(p, period, start, reached)
                if not (pushed > reached).any():
                    out: np.ndarray = reached - 1
                    return out
                reached = np.maximum(reached, pushed)
        return formula

    def due_of(p: Any, period: Any, rule: Any) -> np.ndarray:
        if not rule:
            rule = checklist["due"]
        if "days_before_start" in rule:
            out: np.ndarray = p("employment_start", period).astype(np.int64) - rule["days_before_start"]
            return out
        return p(f"employment_due_{rule['months_after_start']}", period).astype(np.int64)

    def overdue(p: Any, period: Any) -> np.ndarray:
        today = p("as_of", period).astype(np.int64)
        count = np.zeros(len(today), dtype=np.int64)
        for i in items:
            planned = p(f"planned_{i['id']}", period).astype(np.int64)
            due = np.where(planned != NONE, planned, due_of(p, period, i.get("due")))
            count += p(f"open_{i['id']}", period) & (today > due)
        return count

    variables: List[type] = [
        variable("employment_start", int), variable("profession_start", int),
        variable("prior_experience_months", int), variable("as_of", int),
        variable("experience_anchor", int, experience_anchor),
        variable("experience_months", int, experience_months),
        variable("phase", int, phase),
        variable("introduktion_overdue", int, overdue),
    ]
    months_rules = {r["months_after_start"] for r in [checklist["due"]] + [i["due"] for i in items if i.get("due")]
                    if "months_after_start" in r}
    variables += [variable(f"employment_due_{m}", int, employment_due(m)) for m in sorted(months_rules)]
    for k in range(leave_slots):
        variables += [variable(f"leave_start_{k}", int, default=0), variable(f"leave_end_{k}", int, default=0)]
    for i in items:
        variables += [variable(f"open_{i['id']}", bool, default=True), variable(f"planned_{i['id']}", int, default=NONE)]

    system = TaxBenefitSystem([person])
    for v in variables:
        system.add_variable(v)
    return system


def openfisca_answers(program_json: Dict[str, Any], frames: Dict[str, Any], as_of: datetime.date) -> pd.DataFrame:
    """The adapter (text columns to OpenFisca's inputs), then the simulation."""
    from openfisca_core.simulation_builder import SimulationBuilder

    persons, events, leaves = frames["persons"], frames["events"], frames["leaves"]
    assignments, planned = frames["assignments"], frames["planned"]
    n = len(persons)
    ids = pd.Index(persons["id"])
    start = _day(persons["employment_start"]).astype(np.int64)
    profession = _day(persons["profession_start"]).astype(np.int64)
    profession = np.where(profession == np.iinfo(np.int64).min, start, profession)
    leave = Leave(ids.get_indexer(leaves["person"]), _day(leaves["from"]).astype(np.int64),
                  _day(leaves["to"]).astype(np.int64), n)
    slot = pd.Series(leave.person).groupby(leave.person).cumcount().to_numpy()
    slots = int(slot.max(initial=-1)) + 1
    system = build_system(program_json, slots)
    simulation = SimulationBuilder().build_default_simulation(system, n)
    period = as_of.isoformat()  # every variable is for the evaluation day
    simulation.set_input("employment_start", period, start)
    simulation.set_input("profession_start", period, profession)
    simulation.set_input("prior_experience_months", period,
                         persons["prior_experience_months"].fillna(0).to_numpy(dtype=np.int64))
    simulation.set_input("as_of", period, np.full(n, np.datetime64(as_of, "D").astype(np.int64)))
    for k in range(slots):
        at = slot == k
        for name, values in ((f"leave_start_{k}", leave.start), (f"leave_end_{k}", leave.end)):
            column = np.zeros(n, dtype=np.int64)
            column[leave.person[at]] = values[at]
            simulation.set_input(name, period, column)

    items = [i["id"] for s in _checklist(program_json)["sections"] for i in s["items"]]
    item_ids = pd.Index(items)
    is_open = np.ones((n, len(items)), dtype=bool)
    done = (events["type"] == "item_done").to_numpy()
    rows, cols = ids.get_indexer(events["person"][done]), item_ids.get_indexer(events["ref"][done])
    is_open[rows[cols >= 0], cols[cols >= 0]] = False
    waived = (assignments["codes"] == "EJ").to_numpy()
    rows, cols = ids.get_indexer(assignments["person"][waived]), item_ids.get_indexer(assignments["item"][waived])
    is_open[rows[cols >= 0], cols[cols >= 0]] = False
    dated = np.full((n, len(items)), NONE, dtype=np.int64)
    rows, cols = ids.get_indexer(planned["person"]), item_ids.get_indexer(planned["item"])
    mine = cols >= 0
    dated[rows[mine], cols[mine]] = _day(planned["date"][mine]).astype(np.int64)
    for k, item in enumerate(items):
        simulation.set_input(f"open_{item}", period, is_open[:, k])
        simulation.set_input(f"planned_{item}", period, dated[:, k])

    phases = [p["id"] for p in program_json["phases"]]
    return pd.DataFrame({
        "person": persons["id"].to_numpy(),
        "experience_months": simulation.calculate("experience_months", period),
        "phase": pd.Categorical.from_codes(simulation.calculate("phase", period), categories=phases),
        "introduktion.overdue": simulation.calculate("introduktion_overdue", period),
    })
