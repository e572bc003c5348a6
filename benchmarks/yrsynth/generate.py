"""The generator: a seeded synthetic population of social workers.

Chunks of people are generated one after the other, each from its own
stream of the seed (numpy's SeedSequence), so a population is the same for a
given (seed, persons, settings) whatever the machine, and memory stays
bounded at any size.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Dict, List

import numpy as np

from . import events as ev
from .persons import MISSING, make_leaves, make_people, make_planned, make_plans
from .program import ProgramSpec, load
from .region import Region, make_region


@dataclass(frozen=True)
class Settings:
    persons: int = 2000
    seed: int = 2026
    program: str = "gr-barn-unga"
    data_end: datetime.date = datetime.date(2026, 11, 2)  # the last day with records
    years: int = 10                   # of hiring before data_end
    events_per_person: float = 100.0  # the average aimed at (GR: reached through ongoing supervision)
    municipalities: int = 290
    zipf: float = 1.0
    chunk: int = 20_000
    # Order of a person's events in the tables and records: "shuffled" (the
    # library must not depend on it), "date", or "kind" (as generated).
    event_order: str = "shuffled"


@dataclass
class Chunk:
    """One chunk's tables as arrays; person indices are global rows."""
    people: Dict[str, np.ndarray]
    roles: Dict[str, np.ndarray]
    leaves: Dict[str, np.ndarray]
    plans: np.ndarray
    planned: np.ndarray  # per person and item: the day the plan gives it, MISSING for none
    events: Dict[str, np.ndarray]


def _day(d: datetime.date) -> int:
    return int(np.datetime64(d, "D").astype(np.int64))


def make_chunk(settings: Settings, spec: ProgramSpec, region: Region, index: int, first_row: int, n: int) -> Chunk:
    rng = np.random.default_rng([settings.seed, 1, index])
    data_end = _day(settings.data_end)
    first_day = data_end - 365 * settings.years
    p = make_people(rng, region, n, first_day, data_end)
    leaves = make_leaves(rng, p, data_end)
    plans = make_plans(rng, region, p, spec)
    planned = make_planned(rng, p, spec)
    end = np.minimum(p.left, data_end)
    parts: List[ev.Events] = []
    if spec.items:
        parts.append(ev.item_events(rng, region, p, spec, plans, planned))
    if spec.course:
        parts.append(ev.course_events(rng, region, p, spec))
    if spec.annual:
        parts.append(ev.annual_events(rng, region, p, spec, end))
    events = ev.cut(ev.concat(parts), end)
    if spec.supervision:
        wanted = settings.events_per_person * n - len(events["person"])
        events = ev.concat([events, ev.supervision_events(rng, region, p, spec, end, wanted)])
    # One int64 sort key: the person in the high bits, the order within in the low 24.
    if settings.event_order == "shuffled":
        within = rng.integers(0, 1 << 24, len(events["person"]))
    elif settings.event_order == "date":
        within = events["date"] - events["date"].min(initial=0)
    elif settings.event_order == "kind":
        within = np.zeros(len(events["person"]), dtype=np.int64)  # the stable sort keeps them as made
    else:
        raise ValueError(f"event_order: shuffled, date or kind, not {settings.event_order!r}")
    order = np.argsort((events["person"] << 24) | within, kind="stable")
    # Compact types: at a million people the tables are most of the memory.
    compact = {"person": np.int32, "type": np.int8, "ref": np.int16, "date": np.int32, "round": np.int16}
    events = {k: v[order].astype(compact[k]) for k, v in events.items()}
    events["person"] += np.int32(first_row)
    leaves["person"] = leaves["person"] + first_row
    people = {"muni": p.muni, "unit": p.unit, "start": p.start, "hired": p.hired_on, "profession": p.profession,
              "prior": p.prior, "mentor": p.mentor}
    return Chunk(people, p.roles, leaves, plans, planned, events)


def generate_chunks(settings: Settings) -> "tuple[ProgramSpec, Region, List[Chunk]]":
    spec = load(settings.program)
    data_end = _day(settings.data_end)
    region = make_region(np.random.default_rng([settings.seed, 0]), settings.municipalities, settings.zipf,
                         data_end - 365 * settings.years, data_end)
    chunks = []
    for index, first in enumerate(range(0, settings.persons, settings.chunk)):
        n = min(settings.chunk, settings.persons - first)
        chunks.append(make_chunk(settings, spec, region, index, first, n))
    return spec, region, chunks


__all__ = ["Settings", "generate_chunks", "MISSING"]
