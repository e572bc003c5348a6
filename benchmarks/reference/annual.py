"""R7: activities counted per calendar year (Uppsala: yrkeshandledning four
times a year, a workshop once, a föredrag at least once). Every year from the
year of employment counts with the full number; the year still running is
open (docs/interpretations.md, R7).
"""

from __future__ import annotations

import datetime
from typing import Any, Dict, List

from .dates import Day
from .person import Person
from .program import Component


def evaluate(comp: Component, person: Person, as_of: Day, warnings: List[Dict[str, Any]]) -> Dict[str, Any]:
    first_year = datetime.date.fromordinal(person.employment_start).year
    this_year = datetime.date.fromordinal(as_of).year
    per_year: Dict[int, int] = {}
    for d in person.sessions.get(comp.id, []):
        year = datetime.date.fromordinal(d).year
        per_year[year] = per_year.get(year, 0) + 1
    years = []
    for year in range(first_year, this_year + 1):
        attended = per_year.get(year, 0)
        if attended >= comp.per_year:
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
