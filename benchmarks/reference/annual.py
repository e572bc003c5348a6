"""R7: activities counted per calendar year (Uppsala: yrkeshandledning four
times a year, a workshop once, a föredrag at least once). Every year from the
year of employment is counted. The year the employment starts in is offered
only in part (unless the employment starts on 1 January): partial_year,
counted and not judged. A full year is met when the count is reached, else
open while it runs and not_met after (docs/rules.md, R7).
"""

from __future__ import annotations

import datetime
from typing import Any, Dict, List

from .dates import Day
from .person import Person
from .program import Component


def evaluate(comp: Component, person: Person, as_of: Day, warnings: List[Dict[str, Any]]) -> Dict[str, Any]:
    start = datetime.date.fromordinal(person.employment_start)
    first_year = start.year
    first_year_in_full = (start.month, start.day) == (1, 1)
    this_year = datetime.date.fromordinal(as_of).year
    per_year: Dict[int, int] = {}
    for d in person.sessions.get(comp.id, []):
        year = datetime.date.fromordinal(d).year
        per_year[year] = per_year.get(year, 0) + 1
    years = []
    for year in range(first_year, this_year + 1):
        attended = per_year.get(year, 0)
        if year == first_year and not first_year_in_full:
            state = "partial_year"
        elif attended >= comp.per_year:
            state = "met"
        else:
            state = "open" if year == this_year else "not_met"
        if not comp.at_least and attended > comp.per_year:
            warnings.append({"code": "more_than_offered", "ref": comp.id})
        years.append({"year": year, "required": comp.per_year, "attended": attended, "state": state})
    started = as_of >= person.employment_start
    return {"id": comp.id, "kind": comp.kind, "eligibility": "eligible" if started else "not_yet", "window": None,
            # The reason reports the count of the current year, when it is counted.
            "reasons": [{"code": "annual_status", "ref": comp.id}] if years else [],
            "started_on": None, "completed_on": None, "years": years}
