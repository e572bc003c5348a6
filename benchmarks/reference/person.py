"""A person record (docs/contract.md) read into what the rules need.

The record is trusted to be valid (the generator writes valid records; the
library is the one that validates input). Events are grouped by kind and
what they concern, each list in date order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from .dates import Clock, Day, Period, add_months, merge_leaves, parse
from .program import order_codes


@dataclass
class Mentor:
    id: str
    municipality: str
    experience: Clock  # a colleague's record holds no leave (interpretations, R6)


@dataclass
class Person:
    id: str
    municipality: str
    unit: Optional[str]
    employment_start: Day
    hired_on: Optional[Day]  # the hiring decision, when the record gives it
    leaves: List[Period]
    experience: Clock  # R1: from profession_start moved earlier by prior credit
    employment: Clock  # R1: deadlines relative to employment_start
    people: Dict[str, str]
    assignments: Dict[str, Tuple[str, ...]]
    added_items: List[Dict[str, Any]]
    removed_items: List[str]
    planned: Dict[str, Day]  # item -> the day the written plan gives it (R3)
    mentor: Optional[Mentor]
    # Events by what they concern; each list sorted by date.
    item_done: Dict[str, List[Day]] = field(default_factory=dict)
    attended: Dict[str, List[Tuple[Day, Optional[str]]]] = field(default_factory=dict)
    homework: Dict[str, List[Day]] = field(default_factory=dict)
    sessions: Dict[str, List[Day]] = field(default_factory=dict)
    issued: Dict[str, List[Day]] = field(default_factory=dict)


def read(record: Dict[str, Any]) -> Person:
    start = parse(record["employment_start"])
    leaves = merge_leaves((parse(l["from"]), parse(l["to"])) for l in record.get("leaves", []))
    profession_start = parse(record["profession_start"]) if "profession_start" in record else start
    anchor = add_months(profession_start, -record.get("prior_experience_months", 0))
    plan = record.get("plan", {})
    mentor = None
    if "mentor" in record:
        m = record["mentor"]
        m_anchor = add_months(parse(m["profession_start"]), -m.get("prior_experience_months", 0))
        mentor = Mentor(m["id"], m["municipality"], Clock(m_anchor, []))
    person = Person(
        id=record["id"], municipality=record["municipality"], unit=record.get("unit"),
        employment_start=start, hired_on=parse(record["hired_on"]) if "hired_on" in record else None,
        leaves=leaves,
        experience=Clock(anchor, leaves), employment=Clock(start, leaves),
        people=dict(record.get("people", {})),
        assignments={item: order_codes(codes) for item, codes in plan.get("assignments", {}).items()},
        added_items=list(plan.get("added_items", [])), removed_items=list(plan.get("removed_items", [])),
        planned={item: parse(d) for item, d in plan.get("planned", {}).items()},
        mentor=mentor)
    for e in record.get("events", []):
        kind, day = e["type"], parse(e["date"])
        if kind == "item_done":
            person.item_done.setdefault(e["item"], []).append(day)
        elif kind == "module_attended":
            person.attended.setdefault(e["module"], []).append((day, e.get("round")))
        elif kind == "homework_submitted":
            person.homework.setdefault(e["module"], []).append(day)
        elif kind == "session_attended":
            person.sessions.setdefault(e["component"], []).append(day)
        elif kind == "certificate_issued":
            person.issued.setdefault(e["component"], []).append(day)
    for groups in (person.item_done, person.homework, person.sessions, person.issued):
        for days in groups.values():
            days.sort()
    for records in person.attended.values():
        records.sort(key=lambda r: r[0])  # stable: the first recorded of a day keeps its round
    return person
