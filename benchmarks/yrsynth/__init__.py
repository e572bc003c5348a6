"""yrsynth: a seeded synthetic population of social workers for yrkesresan.

Hire dates with seasonal peaks (August, January), hiring decisions (some
records without one), prior experience (some hires past the supervision and
mentor windows already), leave (some periods touching or overlapping), plans
coded by unit managers (EJ for experienced hires, items left uncoded) and
some dated by them, checklist items done on time, late or never, course
rounds with missed and made-up modules and homework, supervision attendance
(going on after the program year where the municipality keeps it),
certificates issued, Uppsala's annual activities,
mentors and introduktörer, turnover (a leaver's record just stops) and 290
municipalities of Zipf-distributed size. Everything comes from the program's
JSON (its items, modules, components), so GR and Uppsala populations come
from the same code. Invented data only: no real person is in it.

    from benchmarks.yrsynth import generate

    pop = generate(50_000, seed=2026)            # Settings' fields as keywords
    pop.persons, pop.events, pop.leaves, pop.assignments, pop.planned   # the population API's frames
    gr.evaluate_population(*pop.frames.values(), as_of=pop.as_of)
    earlier = pop.until(datetime.date(2025, 6, 1))          # events after that day dropped
    for record in pop.records(): ...            # person records (dicts)
    pop.write_jsonl("persons.jsonl"); pop.write_parquet("frames/")

Command line: ``python -m benchmarks.yrsynth --persons 50000 --out DIR``.
The same (seed, persons, settings) give the same population.
"""

from __future__ import annotations

from typing import Any

from .generate import Settings
from .tables import Population, build

__all__ = ["Settings", "Population", "generate"]


def generate(persons: int = 2000, **settings: Any) -> Population:
    """A population of `persons` people; keywords are `Settings` fields
    (seed, program, data_end, years, events_per_person, municipalities, zipf)."""
    return build(Settings(persons=persons, **settings))
