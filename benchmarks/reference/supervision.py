"""R5: group supervision. Sessions count per distinct day; the certificate
asks for `min_sessions` inside [first, first + `within_months`) (docs/
interpretations.md, R5) and is completed on the session that reaches it.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from . import windows
from .certificates import certificate
from .dates import Day, add_months, iso
from .person import Person
from .program import Component


def evaluate(comp: Component, person: Person, as_of: Day, warnings: List[Dict[str, Any]],
             actions: List[Dict[str, Any]]) -> Tuple[Dict[str, Any], Optional[Dict[str, Any]]]:
    days: List[Day] = []
    for d in person.sessions.get(comp.id, []):
        if days and days[-1] == d:
            warnings.append({"code": "duplicate_event", "ref": comp.id, "date": iso(d)})
        else:
            days.append(d)
    first = days[0] if days else None
    cert_rule = comp.certificate
    required = int(cert_rule["min_sessions"]) if cert_rule else 0
    counted: List[Day] = []
    period_over = False
    if first is not None:
        end = add_months(first, int(cert_rule["within_months"])) if cert_rule else None
        counted = [d for d in days if end is None or d < end]
        period_over = end is not None and as_of >= end
    completed_on = counted[required - 1] if cert_rule and len(counted) >= required else None

    cert = None
    if cert_rule is not None:
        missing: List[Dict[str, Any]] = []
        if completed_on is None:
            code = "attendance_period_over" if period_over else "sessions_missing"
            missing.append({"code": code, "ref": comp.id})
        cert = certificate(comp.id, missing, completed_on, person, warnings, actions)

    p = windows.period(comp.window, person) if comp.window else (person.employment_start, as_of + 1)
    # Revision 2: no target group of its own unless the program sets one; a
    # window that closed before the employment still puts the person outside.
    is_targeted = windows.targeted(comp.target_max_months, person, comp.window, p if comp.window else None)
    eligibility = windows.started_or_window(first, completed_on, is_targeted, p, as_of)
    if first is not None and is_targeted and not (p[0] <= first < p[1]):
        warnings.append({"code": "started_outside_window", "ref": comp.id, "date": iso(first)})
    # An offer (supervision in GR) not taken up asks nothing of EC once its window passed.
    if eligibility == "eligible" or eligibility == "window_passed" and windows.asks_after_window(comp.obligation):
        actions.append({"role": "EC", "kind": "enrol", "due": iso(p[1] - 1), "component": comp.id})
    row, _ = windows.row(comp.id, comp.kind, eligibility, p if comp.window else None, started=first,
                         completed=completed_on)
    row["sessions_counted"] = len(counted)
    row["sessions_required"] = required
    return row, cert
