"""Windows on the person's clocks and the eligibility they give (R1, R4-R6).

A window "from N to M months" is [reached_on(N), reached_on(M)) on the
employment clock or the experience clock, shown with inclusive days.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Tuple

from .dates import Day, Period, iso
from .person import Person
from .program import Window

# The reason code that explains each eligibility (evaluation schema, reason).
REASON = {"completed": "completed", "in_progress": "started", "not_targeted": "not_targeted",
          "not_yet": "window_not_open", "eligible": "window_open", "window_passed": "window_passed"}


def period(window: Window, person: Person) -> Period:
    clock = person.employment if window.clock == "employment" else person.experience
    return clock.reached_on(window.from_months), clock.reached_on(window.to_months)


def shown(p: Period) -> Dict[str, Optional[str]]:
    return {"from": iso(p[0]), "to": iso(p[1] - 1)}


def by_window(p: Period, as_of: Day) -> str:
    """Before, inside or after a window: not_yet, eligible, window_passed."""
    if as_of < p[0]:
        return "not_yet"
    return "eligible" if as_of < p[1] else "window_passed"


def closed_before_employment(window: Optional[Window], p: Optional[Period], person: Person) -> bool:
    """R4 (revision 2): a window on the experience clock that closed before
    the employment began; the person came with more experience than the
    component is for. Only the experience clock runs before the employment:
    a window on the employment clock is judged by the window alone."""
    return window is not None and p is not None and window.clock == "experience" and p[1] <= person.employment_start


def targeted(max_months: Optional[int], person: Person, window: Optional[Window] = None,
             p: Optional[Period] = None) -> bool:
    """R4: new in the profession, judged on experience at the employment start
    (where the program sets a target group), and a window that had not closed
    before the employment began."""
    if closed_before_employment(window, p, person):
        return False
    return max_months is None or person.experience.months_on(person.employment_start) < max_months


def asks_after_window(obligation: str) -> bool:
    """R9 (revision 2): only a duty's passed window asks EC to act; a passed
    offer or recommendation is reported as not taken up and asks nothing."""
    return obligation == "duty"


def started_or_window(started: Optional[Day], completed: Optional[Day], is_targeted: bool, p: Period,
                      as_of: Day) -> str:
    """Course and supervision: a recorded start or completion wins over the
    target group (a manager may enrol anyone); otherwise the window decides."""
    if completed is not None:
        return "completed"
    if started is not None:
        return "in_progress"
    if not is_targeted:
        return "not_targeted"
    return by_window(p, as_of)


def row(component_id: str, kind: str, eligibility: str, p: Optional[Period], reason: Optional[str] = None,
        started: Optional[Day] = None, completed: Optional[Day] = None) -> Tuple[Dict[str, Any], str]:
    code = reason or REASON[eligibility]
    return ({"id": component_id, "kind": kind, "eligibility": eligibility,
             "window": None if p is None else shown(p), "reasons": [{"code": code, "ref": component_id}],
             "started_on": iso(started), "completed_on": iso(completed)}, code)
