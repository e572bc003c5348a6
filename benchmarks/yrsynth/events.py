"""Events for one chunk of people, kind by kind, vectorised over people.

Each function returns arrays (person, type, ref, date, round) in the
generator's codes: `type` indexes TYPES, `ref` the program's refs (items,
modules, components), `round` the region's round labels (-1: none). Events
after a person's last day (turnover) or after the data's end are dropped by
the caller.
"""

from __future__ import annotations

from typing import Dict, List

import numpy as np

from .persons import EJ, MISSING, People
from .program import MONTH_DAYS, ProgramSpec, deadline
from .region import Region

TYPES = ["item_done", "module_attended", "homework_submitted", "session_attended", "certificate_issued"]
ITEM, MODULE, HOMEWORK, SESSION, CERTIFICATE = range(len(TYPES))
Events = Dict[str, np.ndarray]


def _events(person: np.ndarray, kind: int, ref: np.ndarray, date: np.ndarray, round_: np.ndarray = None) -> Events:
    n = len(person)
    return {"person": person.astype(np.int64), "type": np.full(n, kind, dtype=np.int8),
            "ref": np.broadcast_to(ref, (n,)).astype(np.int32), "date": date.astype(np.int64),
            "round": (np.full(n, -1, dtype=np.int32) if round_ is None else round_.astype(np.int32))}


def concat(parts: List[Events]) -> Events:
    return {k: np.concatenate([p[k] for p in parts]) for k in ("person", "type", "ref", "date", "round")}


def cut(events: Events, end: np.ndarray) -> Events:
    """Only what happened by the person's last day (turnover, the data's end)."""
    keep = events["date"] <= end[events["person"]]
    return {k: v[keep] for k, v in events.items()}


def item_events(rng: np.random.Generator, region: Region, p: People, spec: ProgramSpec,
                codes: np.ndarray, planned: np.ndarray) -> Events:
    """Checklist items done, on time or late (per municipality), some never;
    prerequisites are mostly respected; a few items are recorded twice. An
    item's deadline is the plan's date where it gives one, else its due rule
    (the hiring decision's for "Informera administratör", whether or not the
    record carries it); work on it starts at the hiring decision when the
    deadline falls before the first weeks, else at the start. An item with
    no deadline is done some time in the first year."""
    n, k = len(p.start), len(spec.items)
    waived = codes == EJ
    chance = np.where(waived, 0.1, region.diligence[p.muni][:, None])
    done = rng.random((n, k), dtype=np.float32) < chance
    late = rng.random((n, k), dtype=np.float32) < region.late_share[p.muni][:, None]
    late_by = rng.standard_exponential((n, k), dtype=np.float32) * region.lateness[p.muni][:, None]
    u = rng.random((n, k), dtype=np.float32)
    date = np.empty((n, k), dtype=np.int64)
    known = p.hired_on != MISSING
    for j, item in enumerate(spec.items):
        rule = deadline(item.due, p.start, p.hired, known)
        dated = planned[:, j] != MISSING
        if rule is None and not dated.any():
            date[:, j] = p.start + (365 * u[:, j] ** 1.3).astype(np.int64)
            continue
        last = np.where(dated, planned[:, j], p.start + 364 if rule is None else rule)
        origin = np.where(last < p.start + 14, np.minimum(p.hired, last), p.start)
        on_time = origin + (np.maximum(last - origin, 1) * u[:, j] ** 1.3).astype(np.int64)
        # Late by days for deadlines before the start, by weeks after it.
        lag = np.where(last < p.start + 14, late_by[:, j] / 3, late_by[:, j]).astype(np.int64)
        date[:, j] = np.where(late[:, j] & ((rule is not None) | dated), last + 1 + lag, on_time)
    for _ in range(2):  # prerequisites first, mostly (a chain of two settles in two passes)
        for j, item in enumerate(spec.items):
            if not item.requires:
                continue
            req = list(item.requires)
            ready = done[:, req].all(axis=1) & (rng.random(n) < 0.97)
            after = date[:, req].max(axis=1) + rng.integers(0, 3, n)
            date[:, j] = np.where(ready & done[:, j], np.maximum(date[:, j], after), date[:, j])
    who, which = np.nonzero(done)
    parts = [_events(who, ITEM, which, date[who, which])]
    again = rng.random(len(who)) < 0.01
    parts.append(_events(who[again], ITEM, which[again], date[who, which][again] + rng.integers(0, 30, int(again.sum()))))
    return concat(parts)


def course_events(rng: np.random.Generator, region: Region, p: People, spec: ProgramSpec) -> Events:
    """The course in rounds: newcomers join the first round after four months
    (some later, a few too early); missed modules are mostly made up in the
    next round; some drop out; homework mostly in time, some late or never."""
    n, m = len(p.start), len(spec.modules)
    base_ref = len(spec.items)
    course_ref = spec.refs.index(spec.course)
    joins = (p.new_in_profession & (rng.random(n) < region.course_uptake[p.muni])) | (rng.random(n) < 0.03)
    who = np.flatnonzero(joins)
    c = len(who)
    delay = rng.choice([0, 180, 360], size=c, p=[0.74, 0.2, 0.06])
    target = p.start[who] + 122 + delay
    early = rng.random(c) < 0.04
    target = np.where(early, p.start[who] + 20, target)
    starts = region.round_starts
    first = np.minimum(np.searchsorted(starts, target), len(starts) - 2)
    offsets = 14 * np.arange(m)
    rnd = np.repeat(first[:, None], m, axis=1)
    attended = np.ones((c, m), dtype=bool)
    missed = rng.random((c, m)) < 0.06
    made_up = rng.random((c, m)) < 0.7
    rnd = np.where(missed & made_up, rnd + 1, rnd)
    attended &= ~missed | made_up
    stop = np.where(rng.random(c) < 0.07, rng.integers(1, m, c), m)
    attended &= np.arange(m)[None, :] < stop[:, None]
    att_date = starts[rnd] + offsets[None, :]

    task = np.array([mod.has_task for mod in spec.modules], dtype=bool)
    submitted = attended & task[None, :] & (rng.random((c, m)) < 0.93)
    late = rng.random((c, m)) < 0.08
    hw_date = att_date + np.where(late, rng.integers(15, 45, (c, m)), rng.integers(3, 12, (c, m)))
    stray = attended & ~task[None, :] & (rng.random((c, m)) < 0.003)  # homework where there is no task

    i, j = np.nonzero(attended)
    parts = [_events(who[i], MODULE, base_ref + j, att_date[i, j], rnd[i, j])]
    again = rng.random(len(i)) < 0.01  # a module taken again in the next round: the first attendance counts
    later = np.minimum(rnd[i, j][again] + 1, len(starts) - 1)
    parts.append(_events(who[i][again], MODULE, base_ref + j[again], starts[later] + 14 * j[again], later))
    i, j = np.nonzero(submitted | stray)
    parts.append(_events(who[i], HOMEWORK, base_ref + j, hw_date[i, j]))
    again = rng.random(len(i)) < 0.01  # handed in twice: the first submission counts
    parts.append(_events(who[i][again], HOMEWORK, base_ref + j[again], hw_date[i, j][again] + rng.integers(1, 20, int(again.sum()))))
    if spec.course_certificate:
        complete = attended.all(axis=1) & (submitted | ~task[None, :]).all(axis=1)
        last = np.maximum(att_date.max(axis=1), np.where(submitted, hw_date, 0).max(axis=1))
        issue = complete & (rng.random(c) < 0.55)
        early = ~complete & (attended.sum(axis=1) >= m - 2) & (rng.random(c) < 0.01)
        when = np.where(issue, last + rng.integers(7, 90, c), att_date.max(axis=1) + 1)
        pick = issue | early
        parts.append(_events(who[pick], CERTIFICATE, course_ref, when[pick]))
    return concat(parts)


def supervision_events(rng: np.random.Generator, region: Region, p: People, spec: ProgramSpec,
                       end: np.ndarray, wanted: float) -> Events:
    """Group supervision from the start of its window on the experience clock
    (about a year of experience in GR): `sessions` sessions a month or so
    apart, most attended, a few recorded twice. It is open to whoever's
    window had not closed when they were hired, new in the profession or not
    (R5), and a few others join anyway. Where the
    municipality keeps it going, sessions go on after the program's year
    until the person's record stops, as often as it takes for this kind of
    event to number about `wanted` (the generator's events-per-person
    target; sessions after the certificate's year count for nothing, so they
    change no rule's outcome beyond the session counts)."""
    n, s = len(p.start), spec.sessions
    ref = spec.refs.index(spec.supervision)
    opens, closes = (int(m * MONTH_DAYS) for m in spec.supervision_window)
    open_at_hire = p.experience_anchor + closes > p.start
    joins = (open_at_hire & (rng.random(n) < region.supervision_uptake[p.muni])) | (rng.random(n) < 0.03)
    who = np.flatnonzero(joins)
    c = len(who)
    year_in = p.experience_anchor[who] + opens
    first = np.maximum(year_in, p.start[who] + 14) + rng.integers(0, 300, c)
    early = rng.random(c) < 0.05
    first = np.where(early, np.maximum(year_in - rng.integers(30, 200, c), p.start[who] + 7), first)
    gaps = rng.integers(25, 45, (c, s))
    gaps[:, 0] = 0
    dates = first[:, None] + np.cumsum(gaps, axis=1)
    attended = rng.random((c, s)) < 0.87
    attended[:, 0] = True
    i, j = np.nonzero(attended)
    parts = [_events(who[i], SESSION, np.int32(ref), dates[i, j])]
    twice = rng.random(len(i)) < 0.01
    parts.append(_events(who[i][twice], SESSION, np.int32(ref), dates[i, j][twice]))
    if spec.supervision_certificate:
        need, months = spec.supervision_certificate
        count = np.cumsum(attended, axis=1)
        reached = (count >= need).any(axis=1)
        nth = np.argmax(count >= need, axis=1)
        on = dates[np.arange(c), nth]
        ok = reached & (on < first + int(months * MONTH_DAYS)) & (rng.random(c) < 0.5)
        early = ~ok & (rng.random(c) < 0.01)  # issued before the requirements were met
        when = np.where(ok, on + rng.integers(7, 60, c), dates[:, s // 2] + 1)
        pick = ok | early
        parts.append(_events(who[pick], CERTIFICATE, np.int32(ref), when[pick]))
    goes_on = rng.random(c) < region.continues[p.muni[who]]
    after = dates[:, -1] + 30
    span = np.maximum(end[who] - after, 0) * goes_on
    years = span.sum() / 365.25
    parts = [cut(concat(parts), end)]
    deficit = wanted - len(parts[0]["person"])
    if deficit > 0 and years > 0:
        count = rng.poisson(deficit / years * span / 365.25)
        owner = np.repeat(np.arange(c), count)
        day = after[owner] + (rng.random(len(owner)) * span[owner]).astype(np.int64)
        parts.append(_events(who[owner], SESSION, np.int32(ref), day))
    return concat(parts)


def annual_events(rng: np.random.Generator, region: Region, p: People, spec: ProgramSpec,
                  end: np.ndarray) -> Events:
    """R7 activities offered `per_year` times a year on dates spread over the
    year; each attended at the municipality's rate, now and then one more."""
    base = spec.refs.index(spec.annual[0][0]) if spec.annual else 0
    first_year = p.start.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64)
    last_year = np.maximum(end, p.start).astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64)
    years = last_year - first_year + 1
    owner = np.repeat(np.arange(len(p.start)), years)
    year = first_year[owner] + (np.arange(len(owner)) - np.repeat(np.cumsum(years) - years, years))
    jan1 = year.astype("datetime64[Y]").astype("datetime64[D]").astype(np.int64)
    parts = []
    for a, (component, per_year) in enumerate(spec.annual):
        slot = np.arange(per_year)
        day = jan1[:, None] + 20 + (slot * 365 // per_year)[None, :] + rng.integers(0, 20, (len(owner), per_year))
        go = rng.random((len(owner), per_year)) < region.annual_attendance[p.muni[owner]][:, None]
        go &= day >= p.start[owner][:, None]  # from the employment start
        i, j = np.nonzero(go)
        parts.append(_events(owner[i], SESSION, np.int32(base + a), day[i, j]))
        more = (rng.random(len(owner)) < 0.02) & (jan1 + 360 >= p.start[owner])
        extra = np.maximum(jan1[more] + rng.integers(0, 360, int(more.sum())), p.start[owner[more]])
        parts.append(_events(owner[more], SESSION, np.int32(base + a), extra))
    return concat(parts) if parts else concat([_events(np.zeros(0, np.int64), SESSION, np.int32(0), np.zeros(0))])
