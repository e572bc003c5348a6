"""A seeded synthetic region for the notebook and the population tests.

Thirteen municipalities (GR's member municipalities, by name only: every
number here is invented), social workers hired over five years, each with
the tables `Program.evaluate_population` reads: persons, a long events table
(checklist items done, course modules attended, homework submitted,
supervision sessions), leaves and plan assignments. Municipalities differ in
how diligently they work through the checklists, how late they are and how
often they send newcomers to the course, so the notebook has something to
find. Everything is vectorised with NumPy, so 100,000 persons take seconds.

    python examples/region.py --persons 2000 --seed 2026   # prints a summary
"""

from __future__ import annotations

import argparse
import datetime
from dataclasses import dataclass
from typing import List, Optional, Sequence

import numpy as np
import pandas as pd

import yrkesresan

__all__ = ["Region", "MUNICIPALITIES", "generate_region"]

#: GR's thirteen member municipalities: (id, relative size).
MUNICIPALITIES = [
    ("goteborg", 40), ("molndal", 6), ("kungsbacka", 7), ("partille", 4), ("harryda", 4), ("lerum", 4),
    ("alingsas", 4), ("kungalv", 4), ("ale", 3), ("stenungsund", 3), ("tjorn", 2), ("ockero", 1),
    ("lilla-edet", 2),
]
_MODULES = [f"m{k}" for k in range(1, 9)]
_HOMEWORK = {"m1", "m2", "m3", "m5", "m7"}
_CODES = np.array(["EC", "FA", "1:e", "SJ", "FA,SJ", "EC,FA"], dtype=object)


@dataclass(frozen=True)
class Region:
    """The tables of one synthetic region, ready for `Program.evaluate_population`."""

    as_of: datetime.date
    persons: pd.DataFrame
    events: pd.DataFrame
    leaves: pd.DataFrame
    assignments: pd.DataFrame

    def __repr__(self) -> str:
        return (f"<Region on {self.as_of}: {len(self.persons)} persons, {len(self.events)} events, "
                f"{len(self.leaves)} leaves, {len(self.assignments)} assignments>")


def _days(d: datetime.date) -> int:
    return int(np.datetime64(d, "D").astype(np.int64))


def _dates(days: np.ndarray) -> np.ndarray:
    return days.astype("datetime64[D]")


def generate_region(persons: int = 2000, *, seed: int = 2026, as_of: datetime.date = datetime.date(2026, 11, 2),
                    years: int = 5, program: Optional[yrkesresan.Program] = None) -> Region:
    """A region of `persons` social workers hired over the `years` before `as_of`."""
    rng = np.random.default_rng(seed)
    program = program or yrkesresan.Program.builtin("gr-barn-unga")
    n = persons
    today = _days(as_of)
    ids = np.array([f"p-{i:06d}" for i in range(n)], dtype=object)

    # Municipalities and their habits.
    names = np.array([m for m, _ in MUNICIPALITIES], dtype=object)
    weights = np.array([w for _, w in MUNICIPALITIES], dtype=float)
    muni = rng.choice(len(names), size=n, p=weights / weights.sum())
    diligence = rng.uniform(0.55, 0.97, len(names))     # chance an item is ever done
    lateness = rng.uniform(5.0, 60.0, len(names))       # mean days late, when late
    course_uptake = rng.uniform(0.5, 0.95, len(names))  # chance a newcomer is sent to the course
    plans_filled = rng.uniform(0.3, 1.0, len(names))    # chance the manager codes the plan

    # Employment: hired uniformly over the years before as_of (the last week excluded).
    start = today - rng.integers(7, years * 365, n)
    hired = start - rng.integers(14, 120, n)
    experienced = rng.random(n) < 0.3
    prior = np.where(experienced, rng.integers(6, 121, n), 0)
    persons_frame = pd.DataFrame({
        "id": ids,
        "municipality": names[muni],
        "employment_start": _dates(start),
        "hired_on": _dates(hired),
        "prior_experience_months": prior.astype(np.int32),
        "FA": np.where(rng.random(n) < 0.85, np.char.add("p-fa-", muni.astype(str)).astype(object), None),
        "1:e": np.where(rng.random(n) < 0.8, np.char.add("p-1e-", muni.astype(str)).astype(object), None),
    })
    # Mentors (R6): for about half, a more experienced colleague, mostly from another municipality.
    mentored = rng.random(n) < 0.5
    mentor_muni = np.where(rng.random(n) < 0.8, (muni + rng.integers(1, len(names), n)) % len(names), muni)
    persons_frame["mentor"] = np.where(mentored, np.char.add("p-mentor-", np.arange(n).astype(str)).astype(object),
                                       None)
    persons_frame["mentor_municipality"] = np.where(mentored, names[mentor_muni], None)
    persons_frame["mentor_profession_start"] = _dates(start - rng.integers(3 * 365, 20 * 365, n))
    persons_frame.loc[~mentored, "mentor_profession_start"] = pd.NaT

    # Leave: parental for a fifth, sick leave for some; both push deadlines and the clock.
    parental = rng.random(n) < 0.2
    sick = rng.random(n) < 0.08
    p_from = start + rng.integers(30, 900, n)
    p_to = p_from + rng.integers(60, 400, n)
    s_from = start + rng.integers(10, 1200, n)
    s_to = s_from + rng.integers(14, 120, n)
    keep_p = parental & (p_from < today)
    keep_s = sick & (s_from < today)
    leaves = pd.DataFrame({
        "person": np.concatenate([ids[keep_p], ids[keep_s]]),
        "from": _dates(np.concatenate([p_from[keep_p], s_from[keep_s]])),
        "to": _dates(np.concatenate([p_to[keep_p], s_to[keep_s]])),
        "kind": ["parental"] * int(keep_p.sum()) + ["sick"] * int(keep_s.sum()),
    })

    frames: List[pd.DataFrame] = []

    def add_events(who: np.ndarray, kind: str, ref: Sequence[str] | np.ndarray, days: np.ndarray) -> None:
        ok = days <= today  # what has not happened yet is not recorded
        frames.append(pd.DataFrame({
            "person": ids[who[ok]], "type": kind,
            "ref": np.asarray(ref, dtype=object)[ok] if not isinstance(ref, str) else ref,
            "date": _dates(days[ok]),
        }))

    # Checklist items: done with a municipality's diligence, some on time, some late.
    items = program.items
    item_ids = np.array([it[0] for it in items], dtype=object)
    arrival = np.array([it[1] != "introduktion" for it in items])
    k = len(items)
    who = np.repeat(np.arange(n), k)
    item = np.tile(np.arange(k), n)
    # A well-run introduction (a municipality's diligence decides how many are) gets
    # nearly every item done, mostly in time; the others leave gaps and run late.
    well_run = rng.random(n) < diligence[muni]
    p_done = np.where(well_run, 0.998, rng.uniform(0.5, 0.95, n))
    p_late = np.where(well_run, 0.04, 0.4)
    done = rng.random(n * k) < p_done[who]
    late = rng.random(n * k) < p_late[who]
    offset = np.where(arrival[item], -rng.integers(1, 40, n * k), rng.integers(0, 115, n * k))
    offset = offset + np.where(late, rng.exponential(1.0, n * k) * lateness[muni[who]], 0).astype(np.int64)
    day = start[who] + offset
    add_events(who[done], "item_done", item_ids[item[done]], day[done])

    # Plan assignments: codes for the introduction checklist, EJ for some of the experienced.
    intro = np.flatnonzero(~arrival)
    coded = rng.random(n) < plans_filled[muni]
    a_who = np.repeat(np.flatnonzero(coded), len(intro))
    a_item = np.tile(intro, int(coded.sum()))
    codes = rng.choice(_CODES, size=len(a_who))
    codes = np.where(experienced[a_who] & (rng.random(len(a_who)) < 0.3), "EJ", codes)
    assignments = pd.DataFrame({"person": ids[a_who], "item": item_ids[a_item], "codes": codes})

    # The course (R4): newcomers new in the profession, first module 3-14 months after
    # employment start (some outside the window), one module a month, some dropping out.
    newcomer = prior < 12
    takes = newcomer & (rng.random(n) < course_uptake[muni])
    c_who = np.flatnonzero(takes)
    first = start[c_who] + rng.integers(90, 430, len(c_who))
    stops = np.where(rng.random(len(c_who)) < 0.25, rng.integers(1, 8, len(c_who)), 8)
    for m, module in enumerate(_MODULES):
        attends = stops > m
        when = first + 30 * m + rng.integers(0, 6, len(c_who))
        add_events(c_who[attends], "module_attended", np.full(int(attends.sum()), module, dtype=object),
                   when[attends])
        if module in _HOMEWORK:
            submits = attends & (rng.random(len(c_who)) < 0.93)
            add_events(c_who[submits], "homework_submitted", np.full(int(submits.sum()), module, dtype=object),
                       when[submits] + rng.integers(3, 25, int(submits.sum())))

    # Group supervision (R5): ten monthly sessions from 11-22 months of experience.
    h_who = np.flatnonzero(newcomer & (rng.random(n) < 0.7))
    h_first = start[h_who] + rng.integers(335, 670, len(h_who))
    for s in range(10):
        attends = rng.random(len(h_who)) < 0.87
        add_events(h_who[attends], "session_attended", np.full(int(attends.sum()), "handledning", dtype=object),
                   h_first[attends] + 33 * s)

    events = pd.concat(frames, ignore_index=True)
    events = events.sort_values(["person", "date"], kind="stable", ignore_index=True)
    return Region(as_of, persons_frame, events, leaves, assignments)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    region = generate_region(args.persons, seed=args.seed)
    print(region)
    program = yrkesresan.Program.builtin("gr-barn-unga")
    pop = program.evaluate_population(region.persons, region.events, region.leaves, region.assignments,
                                      as_of=region.as_of)
    print(pop)
    print(pop.persons["phase"].value_counts().to_string())


if __name__ == "__main__":
    main()
