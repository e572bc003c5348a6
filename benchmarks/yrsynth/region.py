"""The fixed part of a synthetic population: municipalities and their habits,
the people who hold roles there, and the course's round schedule.

290 municipalities (Sweden's count) with Zipf-distributed sizes, each with
its own diligence with checklists, lateness, course and supervision uptake,
so that analyses have differences to find. Invented names and numbers only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List

import numpy as np

UNITS = ["barn-unga-utredning", "barn-unga-mottagning", "familjehem", "ekonomiskt-bistand"]
FADDERS = 6       # per municipality
FORSTE = 2        # 1:e socialsekreterare per municipality
INTRODUKTORER = 6
MENTORS = 4


@dataclass(frozen=True)
class Region:
    names: List[str]
    weights: np.ndarray         # share of the population per municipality
    units: np.ndarray           # number of units per municipality
    diligence: np.ndarray       # chance an item is ever done
    late_share: np.ndarray      # chance a done item is done after its deadline
    lateness: np.ndarray        # mean days late, when late
    plans_filled: np.ndarray    # chance the unit manager codes the plan
    course_uptake: np.ndarray   # chance a newcomer is sent to the course
    supervision_uptake: np.ndarray
    continues: np.ndarray       # chance supervision goes on after the program year
    annual_attendance: np.ndarray
    mentor_start: np.ndarray    # profession start (day) of each mentor in the pools
    mentor_prior: np.ndarray    # prior experience months of each mentor
    round_starts: np.ndarray    # first day of each course round (days since 1970-01-01)
    round_labels: List[str]

    @property
    def count(self) -> int:
        return len(self.names)


def make_region(rng: np.random.Generator, municipalities: int, zipf: float, first_day: int,
                last_day: int) -> Region:
    ranks = np.arange(1, municipalities + 1, dtype=float)
    weights = 1.0 / ranks ** zipf
    weights /= weights.sum()
    order = rng.permutation(municipalities)  # the largest need not be number 1
    names = [f"kommun-{k:03d}" for k in range(1, municipalities + 1)]

    def habit(low: float, high: float) -> np.ndarray:
        return rng.uniform(low, high, municipalities)

    mentors = municipalities * MENTORS
    mentor_start = last_day - rng.integers(6 * 365, 30 * 365, mentors)
    mentor_prior = np.where(rng.random(mentors) < 0.2, rng.integers(6, 60, mentors), 0)

    # Two rounds a year (spring and autumn), each eight modules a fortnight apart.
    first_year = int(np.datetime64(first_day, "D").astype("datetime64[Y]").astype(int)) + 1970 - 1
    last_year = int(np.datetime64(last_day, "D").astype("datetime64[Y]").astype(int)) + 1970 + 2
    starts, labels = [], []
    for year in range(first_year, last_year + 1):
        for k, month in ((1, "02"), (2, "09")):
            day = int(np.datetime64(f"{year}-{month}-01", "D").astype(np.int64)) + int(rng.integers(0, 10))
            starts.append(day)
            labels.append(f"{year}-{k}")
    return Region(
        names=names, weights=weights[order], units=rng.integers(1, len(UNITS) + 1, municipalities),
        diligence=habit(0.6, 0.98), late_share=habit(0.05, 0.4), lateness=habit(7.0, 90.0),
        plans_filled=habit(0.5, 1.0), course_uptake=habit(0.5, 0.95), supervision_uptake=habit(0.4, 0.9),
        continues=habit(0.3, 0.9), annual_attendance=habit(0.6, 0.95),
        mentor_start=mentor_start, mentor_prior=mentor_prior,
        round_starts=np.array(starts, dtype=np.int64), round_labels=labels)
