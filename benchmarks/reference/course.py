"""R4: the introduction course: modules, prerequisites, homework, the start
window and the certificate ("Intyg utfärdas efter genomgånget program": all
modules attended and all homework submitted).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from . import windows
from .certificates import certificate
from .dates import Day, iso
from .person import Person
from .program import Component


def evaluate(comp: Component, person: Person, as_of: Day, warnings: List[Dict[str, Any]],
             actions: List[Dict[str, Any]]) -> Tuple[Dict[str, Any], List[Dict[str, Any]], Optional[Dict[str, Any]]]:
    attended: Dict[str, Day] = {}
    rounds: Dict[str, Optional[str]] = {}
    homework: Dict[str, Day] = {}
    for m in comp.modules:
        if m.id in person.attended:
            attended[m.id], rounds[m.id] = person.attended[m.id][0]  # the first attendance counts
        days = person.homework.get(m.id, [])
        if m.has_task and days:
            homework[m.id] = days[0]  # the first submission counts
        elif days:
            for d in days:
                warnings.append({"code": "homework_without_task", "ref": m.id, "date": iso(d)})

    def unmet(m_requires_attended: Tuple[str, ...], m_requires_homework: Tuple[str, ...],
              on: Day) -> List[Dict[str, Any]]:
        missing = [{"code": "module_not_attended", "ref": r} for r in m_requires_attended
                   if attended.get(r, on + 1) > on]
        missing += [{"code": "homework_not_submitted", "ref": r} for r in m_requires_homework
                    if homework.get(r, on + 1) > on]
        return missing

    modules = []
    for m in comp.modules:
        first = attended.get(m.id)
        if first is not None:
            # R4: an attendance that contradicts the prerequisites is kept and reported.
            # One warning per prerequisite not met on that day.
            for _ in unmet(m.requires_attended, m.requires_homework, first):
                warnings.append({"code": "prerequisite_violation", "ref": m.id, "date": iso(first)})
            state, missing = "completed", []
        else:
            missing = unmet(m.requires_attended, m.requires_homework, as_of)
            state = "locked" if missing else "available"
        modules.append({"id": m.id, "component": comp.id, "state": state, "missing": missing,
                        "attended": iso(first), "round": rounds.get(m.id) if first is not None else None,
                        "homework_required": m.has_task, "homework_submitted": iso(homework.get(m.id))})
        if first is not None and m.has_task and m.id not in homework:
            actions.append({"role": "SJ", "kind": "submit_homework", "due": None, "component": comp.id,
                            "item": m.id})

    cert_missing: List[Dict[str, Any]] = []
    last_met: List[Day] = []
    for m in comp.modules:
        if m.id in attended:
            last_met.append(attended[m.id])
        else:
            cert_missing.append({"code": "module_not_attended", "ref": m.id})
        if m.has_task:
            if m.id in homework:
                last_met.append(homework[m.id])
            else:
                cert_missing.append({"code": "homework_not_submitted", "ref": m.id})
    completed_on = max(last_met) if not cert_missing and last_met else None
    cert = certificate(comp.id, cert_missing, completed_on, person, warnings, actions) \
        if comp.certificate is not None else None

    started = min(attended.values()) if attended else None
    p = windows.period(comp.window, person) if comp.window else None
    is_targeted = windows.targeted(comp.target_max_months, person, comp.window, p)
    window_or_open = p if p is not None else (person.employment_start, as_of + 1)
    eligibility = windows.started_or_window(started, completed_on, is_targeted, window_or_open, as_of)
    if started is not None and is_targeted and not (window_or_open[0] <= started < window_or_open[1]):
        warnings.append({"code": "started_outside_window", "ref": comp.id, "date": iso(started)})
    if eligibility == "eligible" or eligibility == "window_passed" and windows.asks_after_window(comp.obligation):
        actions.append({"role": "EC", "kind": "enrol", "due": iso(window_or_open[1] - 1), "component": comp.id})
    row, _ = windows.row(comp.id, comp.kind, eligibility, p, started=started, completed=completed_on)
    return row, modules, cert
