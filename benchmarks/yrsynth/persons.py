"""People, their leave and their plans, for one chunk of the population.

Days are integers (days since 1970-01-01); MISSING marks "not given".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict

import numpy as np

from .program import MONTH_DAYS, ProgramSpec, deadline
from .region import FADDERS, FORSTE, INTRODUKTORER, MENTORS, UNITS, Region

MISSING = np.iinfo(np.int64).min
# Hires peak in August and January (the terms' starts), few in July and December.
MONTH_WEIGHTS = np.array([2.5, 1.0, 1.0, 0.8, 0.7, 0.8, 0.3, 3.0, 1.5, 1.0, 0.8, 0.3])
MONTH_WEIGHTS = MONTH_WEIGHTS / MONTH_WEIGHTS.sum()
# Codes a unit manager writes into a plan (assignments' dictionary).
CODES = ["EC", "FA", "1:e", "SJ", "AD", "FA,SJ", "EC,FA", "1:e,SJ", "AD,SJ", "EJ"]
EJ = CODES.index("EJ")
_NEW = np.array([0.15, 0.33, 0.12, 0.10, 0.05, 0.08, 0.06, 0.03, 0.03, 0.05])
_EXPERIENCED = np.concatenate([_NEW[:-1] / _NEW[:-1].sum() * 0.55, [0.45]])
_OVERRIDES = np.array([EJ, CODES.index("EC"), CODES.index("AD"), CODES.index("EC,FA")])
LEAVE_KINDS = ["parental", "sick", "study", "other"]


@dataclass
class People:
    """One chunk's persons table as arrays (row i is person i of the chunk)."""

    muni: np.ndarray
    unit: np.ndarray              # index into UNITS
    start: np.ndarray             # employment_start
    hired: np.ndarray             # the hiring decision (what the people involved act on)
    hired_on: np.ndarray          # hired_on as recorded: the decision, or MISSING where the record omits it
    profession: np.ndarray        # profession_start or MISSING
    prior: np.ndarray             # prior_experience_months (0: none)
    left: np.ndarray              # last day with records (turnover), or past the data's end
    roles: Dict[str, np.ndarray]  # role -> holder code (-1: nobody), see holder_ids
    mentor: np.ndarray            # index into the region's mentor pool (-1: none)
    new_in_profession: np.ndarray  # experience at start below a year (approximately; for uptake only)
    experience_anchor: np.ndarray  # approximate anchor of the experience clock


def holder_ids(region: Region) -> Dict[str, list]:
    """The ids of the people holding each role, by holder code."""
    m = region.count
    return {
        "EC": [f"ec-{k:03d}-{u}" for k in range(m) for u in range(len(UNITS))],
        "AD": [f"ad-{k:03d}" for k in range(m)],
        "FA": [f"fa-{k:03d}-{j}" for k in range(m) for j in range(FADDERS)],
        "1:e": [f"forste-{k:03d}-{j}" for k in range(m) for j in range(FORSTE)],
        "introduktor": [f"intro-{k:03d}-{j}" for k in range(m) for j in range(INTRODUKTORER)],
        "mentor": [f"mentor-{k:03d}-{j}" for k in range(m) for j in range(MENTORS)],
    }


def make_people(rng: np.random.Generator, region: Region, n: int, first_day: int, data_end: int) -> People:
    muni = rng.choice(region.count, size=n, p=region.weights)
    unit = (rng.random(n) * region.units[muni]).astype(np.int64)

    # Employment starts with seasonal peaks, mostly early in the month.
    first_month = np.datetime64(first_day, "D").astype("datetime64[M]").astype(np.int64)
    last_month = np.datetime64(data_end + 45, "D").astype("datetime64[M]").astype(np.int64)
    years = rng.integers(first_month // 12, last_month // 12 + 1, n)
    month = years * 12 + rng.choice(12, size=n, p=MONTH_WEIGHTS)
    month = np.clip(month, first_month, last_month)
    day = np.minimum(rng.geometric(0.25, n) - 1, 27)
    start = month.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64) + day
    start = np.minimum(start, data_end + 45)
    hired = start - rng.integers(14, 150, n)
    hired_on = np.where(rng.random(n) < 0.85, hired, MISSING)  # some records leave the decision out

    experienced = rng.random(n) < 0.25
    prior = np.where(experienced, rng.integers(1, 121, n), 0)
    elsewhere = rng.random(n) < 0.1  # relevant work before this employer
    profession = np.where(elsewhere, start - rng.integers(30, 2000, n), MISSING)
    anchor = np.where(elsewhere, profession, start) - (prior * MONTH_DAYS).astype(np.int64)
    new_in_profession = start - anchor < 365

    # Turnover: many leave within a few years; their record simply stops.
    left = start + 90 + rng.exponential(365 * 6, n).astype(np.int64)

    roles = {
        "EC": muni * len(UNITS) + unit,
        "AD": np.where(rng.random(n) < 0.9, muni, -1),
        "FA": np.where(rng.random(n) < 0.85, muni * FADDERS + rng.integers(0, FADDERS, n), -1),
        "1:e": np.where(rng.random(n) < 0.8, muni * FORSTE + rng.integers(0, FORSTE, n), -1),
        "introduktor": np.where(rng.random(n) < 0.6, muni * INTRODUKTORER + rng.integers(0, INTRODUKTORER, n), -1),
    }
    # A mentor, mostly from another municipality (R6), for about a third.
    other = (muni + rng.integers(1, region.count, n)) % region.count
    mentor_muni = np.where(rng.random(n) < 0.85, other, muni)
    mentor = np.where(rng.random(n) < 0.35, mentor_muni * MENTORS + rng.integers(0, MENTORS, n), -1)
    roles["mentor"] = mentor
    return People(muni, unit, start, hired, hired_on, profession, prior, left, roles, mentor, new_in_profession,
                  anchor)


def make_leaves(rng: np.random.Generator, p: People, data_end: int) -> Dict[str, np.ndarray]:
    """Parental, sick and study leave; some periods touch or overlap (the
    library merges them). Only leave that starts before the person left."""
    n = len(p.start)
    parts = []
    for kind, share, after, length in (("parental", 0.2, (60, 1800), (90, 480)),
                                       ("sick", 0.12, (20, 2500), (14, 200)),
                                       ("study", 0.03, (180, 2500), (30, 150)),
                                       ("other", 0.03, (-90, 2000), (5, 120))):  # some from before the start
        who = np.flatnonzero(rng.random(n) < share)
        begin = p.start[who] + rng.integers(*after, len(who))
        end = begin + rng.integers(*length, len(who))
        parts.append((who, begin, end, np.full(len(who), LEAVE_KINDS.index(kind))))
        if kind == "parental":  # sick leave right after (touching) or inside parental leave
            more = rng.random(len(who)) < 0.15
            touch = rng.random(len(who)) < 0.5
            b2 = np.where(touch, end + 1, begin + 10)
            e2 = b2 + rng.integers(7, 60, len(who))
            parts.append((who[more], b2[more], e2[more], np.full(int(more.sum()), LEAVE_KINDS.index("sick"))))
    person = np.concatenate([x[0] for x in parts])
    begin = np.concatenate([x[1] for x in parts])
    end = np.concatenate([x[2] for x in parts])
    kind = np.concatenate([x[3] for x in parts])
    keep = (begin <= np.minimum(p.left[person], data_end))
    order = np.lexsort((begin[keep], person[keep]))
    return {"person": person[keep][order], "from": begin[keep][order], "to": end[keep][order],
            "kind": kind[keep][order]}


def make_plans(rng: np.random.Generator, region: Region, p: People, spec: ProgramSpec) -> np.ndarray:
    """The code each person's plan gives each item (index into CODES), -1 for
    none: items the program leaves uncoded are coded when the manager fills
    in the plan (some forgotten); the program's own codes are seldom changed.
    Experienced hires get more EJ (R3: an adapted checklist)."""
    n, k = len(p.start), len(spec.items)
    defaults = np.array([i.has_default_codes for i in spec.items], dtype=bool)
    filled = rng.random(n) < region.plans_filled[p.muni]
    experienced = ~p.new_in_profession
    u = rng.random((n, k), dtype=np.float32)
    codes = np.where(experienced[:, None], np.searchsorted(np.cumsum(_EXPERIENCED)[:-1], u, side="right"),
                     np.searchsorted(np.cumsum(_NEW)[:-1], u, side="right")).astype(np.int8)
    forgotten = rng.random((n, k), dtype=np.float32) < 0.03
    codes[~(filled[:, None] & ~defaults[None, :] & ~forgotten)] = -1
    override = (rng.random((n, k), dtype=np.float32) < 0.02) & defaults[None, :]
    codes[override] = _OVERRIDES[rng.integers(0, len(_OVERRIDES), int(override.sum()))]
    return codes


def make_planned(rng: np.random.Generator, p: People, spec: ProgramSpec) -> np.ndarray:
    """The dates a unit manager writes into some plans (R3: "vem som ansvarar
    för vad och när"), per person and item, MISSING for none. A quarter of
    plans date a third of their items: near the item's own deadline (some
    before it, some after: the plan may give more time), or in the first
    eight months where the program gives the item none."""
    n, k = len(p.start), len(spec.items)
    dated = (rng.random(n) < 0.25)[:, None] & (rng.random((n, k), dtype=np.float32) < 0.33)
    shift = rng.integers(-20, 45, (n, k))
    spread = rng.integers(0, 240, (n, k))
    out = np.full((n, k), MISSING, dtype=np.int64)
    known = p.hired_on != MISSING
    for j, item in enumerate(spec.items):
        last = deadline(item.due, p.start, p.hired, known)
        day = p.start + spread[:, j] if last is None else np.maximum(last + shift[:, j], p.hired)
        out[:, j] = np.where(dated[:, j], day, MISSING)
    return out
