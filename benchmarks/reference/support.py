"""R6: internal support. A mentor (a more experienced colleague from another
municipality, for 24-36 months of experience in GR) and an introduktör (a
named colleague with scheduled hours a week, fewer in the second year, leave
pausing it). Mentor and introduktör are in_progress while someone is named
(before or inside the window) and completed after it (evaluation schema,
component); with nobody named, a window on the experience clock that closed
before the employment began makes them not_targeted (R4). Only an open
window asks EC to name someone, whatever the obligation.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from . import windows
from .dates import Day, iso, overlap
from .person import Person
from .program import Component


def _holder_row(comp: Component, holder: Optional[str], person: Person, as_of: Day,
                actions: List[Dict[str, Any]]) -> Dict[str, Any]:
    """The program's holder_named_by says by when to name the holder: the
    window's first day (not before the employment), or its last; no date without it."""
    assert comp.window is not None
    p = windows.period(comp.window, person)
    place = windows.by_window(p, as_of)
    # Someone named is like a course started: in progress until the window
    # closes (also when named early), completed after; the reason stays that
    # someone was named.
    if holder:
        eligibility, reason = ("completed" if place == "window_passed" else "in_progress"), "holder_named"
    elif windows.closed_before_employment(comp.window, p, person):
        # R4 (revision 2): more experience at hiring than the component is for.
        eligibility, reason = "not_targeted", "not_targeted"
    elif place == "not_yet":
        eligibility, reason = "not_yet", "window_not_open"
    elif place == "eligible":
        eligibility, reason = "eligible", "holder_missing"
    else:
        eligibility, reason = "window_passed", "window_passed"
    if eligibility == "eligible":
        due = None
        if comp.holder_named_by == "window_end":
            due = windows.shown(p)["to"]
        elif comp.holder_named_by == "window_start":
            due = iso(max(p[0], person.employment_start))
        actions.append({"role": "EC", "kind": "name_role_holder", "due": due, "component": comp.id})
    row, _ = windows.row(comp.id, comp.kind, eligibility, p, reason=reason)
    row["holder"] = holder
    return row


def mentor(comp: Component, person: Person, as_of: Day, warnings: List[Dict[str, Any]],
           actions: List[Dict[str, Any]]) -> Dict[str, Any]:
    holder = person.people.get("mentor") or (person.mentor.id if person.mentor else None)
    if person.mentor is not None:
        if comp.other_municipality and person.mentor.municipality == person.municipality:
            warnings.append({"code": "mentor_same_municipality", "ref": comp.id})
        if comp.more_experienced and (person.mentor.experience.months_on(as_of)
                                      <= person.experience.months_on(as_of)):
            warnings.append({"code": "mentor_not_more_experienced", "ref": comp.id})
    return _holder_row(comp, holder, person, as_of, actions)


def hours_owed(comp: Component, person: Person, start: Day, end: Day) -> float:
    """Hours owed in [start, end): each rate applies to its months of
    employment (on the employment clock, so leave moves them) and is owed
    only on days not on leave."""
    total = 0.0
    for from_months, to_months, hours in comp.hours_per_week:
        band = (person.employment.reached_on(from_months), person.employment.reached_on(to_months))
        span = (max(band[0], start), min(band[1], end))
        if span[0] >= span[1]:
            continue
        days = span[1] - span[0] - sum(overlap(span, leave) for leave in person.leaves)
        total += days * hours / 7
    return total


def introduktor(comp: Component, person: Person, as_of: Day, warnings: List[Dict[str, Any]],
                actions: List[Dict[str, Any]]) -> Dict[str, Any]:
    holder = person.people.get("introduktor")
    row = _holder_row(comp, holder, person, as_of, actions)
    rate = 0.0
    if as_of >= person.employment_start:
        months = person.employment.months_on(as_of)
        rate = next((h for f, t, h in comp.hours_per_week if f <= months < t), 0.0)
    row["hours_per_week"] = rate
    row["hours_owed"] = round(hours_owed(comp, person, person.employment_start, as_of + 1), 2)
    return row
