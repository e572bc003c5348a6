"""R3: the person's plan (program checklists layered with the individual
plan), the state of every item, per-checklist counts, and what the plan asks
of each role.

State precedence (docs/interpretations.md, R3): done, waived, overdue,
blocked, pending. A prerequisite is satisfied when it is done, waived (EJ) or
removed from the plan; an open item with open prerequisites names them in
``blocked_by``. An item is due on the date the person's written plan gives
it, else by its own due rule, else by its list's; with none of these it has
no deadline and is never overdue (R3).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from . import dates
from .dates import Day, iso
from .person import Person
from .program import Due, Item, Program, order_codes

STATES = ("done", "waived", "blocked", "overdue", "pending")
WAIVED = ("EJ",)
# A code that needs a named person (R3: "FA requires a named fadder; 1:e a named 1:e").
NAMED_CODES = {"FA": "fadder_not_named", "1:e": "forste_not_named"}


def plan_items(program: Program, person: Person) -> Dict[str, List[Item]]:
    """Each checklist's items after layering: the program's, minus those the
    plan removes, plus those it adds (at the end of their section), with the
    plan's codes replacing the defaults. An added item is an item of its list:
    the list's default codes (program schema: "default codes of its items")
    apply when it names none, and the list's `requires` ("apply to every item
    of the list") apply to it as to the others."""
    removed = set(person.removed_items)
    out: Dict[str, List[Item]] = {}
    for c in program.checklists:
        items = [i for i in c.items if i.id not in removed]
        for a in person.added_items:
            if a["checklist"] != c.id:
                continue
            section = a.get("section", c.sections[-1])
            codes = order_codes(a["responsible"]) if "responsible" in a else c.codes
            planned = dates.parse(a["planned"]) if "planned" in a else None
            added = Item(a["id"], c.id, section, codes, None, (), added=True, planned=planned)
            last = max((k for k, i in enumerate(items) if i.section == section), default=None)
            if last is None:  # an empty section: after the sections before it
                order = c.sections.index(section) if section in c.sections else len(c.sections)
                last = max((k for k, i in enumerate(items) if c.sections.index(i.section) < order),
                           default=-1)
            items.insert(last + 1, added)
        out[c.id] = [Item(i.id, i.checklist, i.section, person.assignments.get(i.id, i.codes), i.due, i.requires,
                          i.added, person.planned.get(i.id, i.planned)) for i in items]
    return out


def due_day(due: Optional[Due], person: Person) -> Optional[Day]:
    """R1: "within N months" is [start, reached_on(N)) on the employment clock
    (moved by leave), shown by its last day; "N days before the first working
    day" is the start minus N days (0: the first day itself); "N days after
    the hiring decision" is hired_on plus N days, or the rule's `otherwise`
    when the record has no hiring decision. Days are not moved by leave.
    No rule: no deadline."""
    if due is None:
        return None
    if due.months_after_start is not None:
        return person.employment.reached_on(due.months_after_start) - 1
    if due.days_after_hired is not None:
        if person.hired_on is not None:
            return person.hired_on + due.days_after_hired
        return due_day(due.otherwise, person)
    assert due.days_before_start is not None
    return person.employment_start - due.days_before_start


def evaluate(program: Program, person: Person, as_of: Day, warnings: List[Dict[str, Any]],
             actions: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    layered = plan_items(program, person)
    in_plan = {i.id: i for items in layered.values() for i in items}
    done: Dict[str, Day] = {}
    for item_id, days in person.item_done.items():
        if item_id not in in_plan:
            for d in days:
                warnings.append({"code": "event_for_removed_item", "ref": item_id, "date": iso(d)})
            continue
        done[item_id] = days[0]  # the earliest completion counts
        for d in days[1:]:
            warnings.append({"code": "duplicate_event", "ref": item_id, "date": iso(d)})

    def satisfied(prerequisite: str, on: Day) -> bool:
        item = in_plan.get(prerequisite)
        if item is None or item.codes == WAIVED:  # removed, or nothing to wait for
            return True
        d = done.get(prerequisite)
        return d is not None and d <= on

    out = []
    needing: Dict[str, List[Optional[Day]]] = {code: [] for code in NAMED_CODES}  # open items' due days
    for c in program.checklists:
        items = layered[c.id]
        checklist_due = due_day(c.due, person)
        summary = {s: 0 for s in STATES}
        rows = []
        dues: List[Optional[Day]] = []
        unassigned: List[str] = []
        unassigned_due: List[Optional[Day]] = []
        for item in items:
            if item.planned is not None:  # the written plan's date is the due (R3)
                item_due: Optional[Day] = item.planned
            else:
                item_due = due_day(item.due, person) if item.due else checklist_due
            requires = [r for r in c.requires + item.requires if r != item.id]
            done_on = done.get(item.id)
            if done_on is not None:  # one warning per prerequisite not met on the day it was done
                for r in requires:
                    if not satisfied(r, done_on):
                        warnings.append({"code": "prerequisite_violation", "ref": item.id, "date": iso(done_on)})
            open_requires = [r for r in requires if not satisfied(r, as_of)]
            if done_on is not None:
                state = "done"
            elif item.codes == WAIVED:
                state = "waived"
            elif item_due is not None and as_of > item_due:
                state = "overdue"
            elif open_requires:
                state = "blocked"
            else:
                state = "pending"
            summary[state] += 1
            row: Dict[str, Any] = {"id": item.id, "section": item.section, "responsible": list(item.codes),
                                   "state": state, "due": iso(item_due), "planned": iso(item.planned),
                                   "done": iso(done_on)}
            if state != "done" and open_requires:
                row["blocked_by"] = open_requires
            if item.added:
                row["added"] = True
            rows.append(row)
            dues.append(item_due)
            if not item.codes:
                unassigned.append(item.id)
                if state != "done":  # a deadline already met asks for nothing
                    unassigned_due.append(item_due)
            if state in ("blocked", "overdue", "pending"):
                for code in item.codes:
                    actions.append({"role": code, "kind": "item", "due": iso(item_due), "checklist": c.id,
                                    "item": item.id, "state": state})
        complete = all(r["state"] in ("done", "waived") for r in rows)
        done_days = [done[i.id] for i in items if i.id in done]
        completed_on = max(done_days) if complete and done_days else None
        summary["unassigned"] = len(unassigned)
        summary["total"] = len(rows)
        if unassigned and not complete:  # a complete list needs no more planning
            actions.append({"role": "EC", "kind": "assign_codes", "due": _soonest(unassigned_due),
                            "checklist": c.id})
        for code in NAMED_CODES:
            needing[code] += [d for i, r, d in zip(items, rows, dues)
                              if code in i.codes and r["state"] not in ("done", "waived")]
        out.append({"id": c.id, "due": iso(checklist_due), "complete": complete, "completed_on": iso(completed_on),
                    "handed_to": c.handover_to if complete else None, "summary": summary,
                    "unassigned": unassigned, "items": rows})
    # Open items coded FA (1:e) with nobody named: the plan is valid but cannot
    # be carried out (docs/interpretations.md, R3): one warning per code and an
    # action for EC to name someone, by the soonest such item.
    for code, warning in NAMED_CODES.items():
        if needing[code] and code not in person.people:
            warnings.append({"code": warning, "ref": code})
            actions.append({"role": "EC", "kind": "name_role_holder", "due": _soonest(needing[code])})
    return out


def _soonest(days: List[Optional[Day]]) -> Optional[str]:
    dated = [d for d in days if d is not None]
    return iso(min(dated)) if dated else None

