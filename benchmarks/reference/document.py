"""One person on one date: the evaluation document without its texts.

The result has the keys of the evaluation document (data/schema/
evaluation.schema.json) minus every human text (labels, messages, sources,
an action's ``what``, an organiser's label); ``certificate_id`` is a
boolean (whether an id is given), since the id's hashing is the library's
to choose.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from . import annual, checklists, course, supervision, support, windows
from .dates import Day, iso
from .person import Person
from .program import Program

# Actions soonest first, undated last (evaluation schema, actions).
_UNDATED = "9999-99-99"


def evaluate_person(program: Program, person: Person, as_of: Day) -> Dict[str, Any]:
    warnings: List[Dict[str, Any]] = []
    actions: List[Dict[str, Any]] = []
    exp = person.experience
    months = exp.months_on(as_of)
    phase = next(p for p in program.phases if p.from_months <= months and (p.to_months is None or months < p.to_months))

    lists = checklists.evaluate(program, person, as_of, warnings, actions)
    components: List[Dict[str, Any]] = []
    modules: List[Dict[str, Any]] = []
    certificates: List[Dict[str, Any]] = []
    cert: Optional[Dict[str, Any]]
    for comp in program.components:
        if comp.kind == "course":
            row, mods, cert = course.evaluate(comp, person, as_of, warnings, actions)
            modules += mods
        elif comp.kind == "supervision":
            row, cert = supervision.evaluate(comp, person, as_of, warnings, actions)
        elif comp.kind == "mentor":
            row, cert = support.mentor(comp, person, as_of, warnings, actions), None
        elif comp.kind == "introduktor":
            row, cert = support.introduktor(comp, person, as_of, warnings, actions), None
        else:
            row, cert = annual.evaluate(comp, person, as_of, warnings), None
        # Who arranges it and how binding it is (R9): the program's data.
        row["obligation"] = comp.obligation
        row["organiser"] = {"id": comp.organiser} if comp.organiser else None
        components.append(row)
        if cert is not None:
            certificates.append(cert)

    recommendations = []
    for r in program.recommendations:
        p = windows.period(r.window, person) if r.window else None
        recommendations.append({"id": r.id, "value": r.value,
                                "applies": p is None or p[0] <= as_of < p[1],
                                "window": None if p is None else windows.shown(p)})

    actions.sort(key=lambda a: a["due"] or _UNDATED)  # stable: ties keep the order they were found in
    doc: Dict[str, Any] = {
        "person": person.id, "municipality": person.municipality,
        "program": program.id, "program_version": program.version, "layers": program.layers, "as_of": iso(as_of),
        "experience_months": months,
        "experience": {"months": months, "anchor": iso(exp.anchor), "leave_days": exp.leave_days_before(as_of),
                       "next_month_on": iso(exp.reached_on(months + 1)),
                       "months_at_employment_start": exp.months_on(person.employment_start)},
        "phase": {"id": phase.id, "from_months": phase.from_months, "to_months": phase.to_months},
        "checklists": lists, "components": components, "modules": modules, "certificates": certificates,
        "recommendations": recommendations, "actions": actions, "warnings": warnings,
    }
    if person.unit is not None:
        doc["unit"] = person.unit
    return doc

