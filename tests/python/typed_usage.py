"""Checked by `mypy --strict` in scripts/test-python.sh (not collected by
pytest): typical use of the public API must type-check against the stubs."""

from __future__ import annotations

import datetime
import pickle
from typing import Dict, List, Optional, Tuple

import pandas as pd

import yrkesresan
from yrkesresan import Evaluation, Population, Program


def overdue_by_checklist(ev: Evaluation) -> Dict[str, int]:
    return {c.id: c.summary.overdue for c in ev.checklists}


def course_window(ev: Evaluation) -> Optional[Tuple[datetime.date, datetime.date]]:
    return ev.component("introduktionsprogram").window


def main() -> None:
    gr: Program = Program.builtin("gr-barn-unga", overlays=["data/overlays/example-kungalv.json"])
    again: Program = pickle.loads(pickle.dumps(gr))
    ev = again.evaluate({"id": "p-1", "municipality": "kungalv", "employment_start": datetime.date(2026, 1, 12)},
                        as_of=datetime.date(2026, 6, 1), language="en")
    months: int = ev.experience_months
    due: Optional[datetime.date] = ev.item("nycklar").due
    codes: List[str] = ev.item("nycklar").responsible
    states: List[str] = [m.state for m in ev.modules]
    statuses: Dict[str, str] = {c.component: c.status for c in ev.certificates}
    doc = ev.to_dict()
    print(months, due, codes, states, statuses, doc["phase"], overdue_by_checklist(ev), course_window(ev))
    many = gr.evaluate_many([{"id": "p-2", "municipality": "ale", "employment_start": "2026-01-12"}],
                            datetime.date(2026, 6, 1), errors="keep", as_dicts=True, threads=1)
    print(len(many))
    book: str = gr.rule_book(format="html")
    print(len(book), gr.rule_book()[:40])
    try:
        gr.issue_certificate({"id": "p-1", "municipality": "kungalv", "employment_start": "2026-01-12"},
                             datetime.date(2026, 6, 1), "introduktionsprogram")
    except yrkesresan.RequirementsNotMetError as e:
        code: str = e.code
        path: str = e.path
        print(code, path, [p.message for p in e.problems])
    persons = pd.DataFrame({"id": ["a"], "municipality": ["ale"], "employment_start": ["2026-01-12"]})
    pop: Population = gr.evaluate_population(persons, as_of=datetime.date(2026, 6, 1), threads=2)
    frame: pd.DataFrame = pop.persons
    print(frame["phase"].value_counts(), pop.items.shape)


if __name__ == "__main__":
    main()
