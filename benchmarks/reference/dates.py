"""R1: calendar dates, month arithmetic that clamps, leave and the clocks.

Dates are handled as proleptic Gregorian ordinals (``date.toordinal()``):
plain integers, so a period is a pair of numbers and a day count a
subtraction. Periods are half-open ``[start, end)`` (docs/rules.md R1).
"""

from __future__ import annotations

import calendar
import datetime
import functools
from typing import Dict, Iterable, List, Optional, Tuple

Day = int  # a date as its ordinal
Period = Tuple[Day, Day]  # half-open [start, end)


def parse(text: str) -> Day:
    return datetime.date.fromisoformat(text).toordinal()


@functools.lru_cache(maxsize=1 << 16)
def _iso(day: Day) -> str:
    return datetime.date.fromordinal(day).isoformat()


def iso(day: Optional[Day]) -> Optional[str]:
    return None if day is None else _iso(day)


def add_months(day: Day, months: int) -> Day:
    """Month arithmetic that clamps (R1): the day of month is kept where it
    exists, else the month's last day: 2026-01-31 + 1 month = 2026-02-28 and
    2026-02-28 + 1 month = 2026-03-28 (no snapping to the month's end)."""
    d = datetime.date.fromordinal(day)
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(d.day, last)).toordinal()


def merge_leaves(leaves: Iterable[Tuple[Day, Day]]) -> List[Period]:
    """Leave periods recorded with inclusive last days, as half-open periods,
    merged where they overlap or touch (docs/interpretations.md, R1)."""
    periods = sorted((start, last + 1) for start, last in leaves)
    merged: List[Period] = []
    for start, end in periods:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def overlap(a: Period, b: Period) -> int:
    """Days two half-open periods share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class Clock:
    """A clock of months counted from an anchor and paused by leave (R1).

    "N months" are reached on the first day D with
    ``add_months(anchor, N) + (leave days in [anchor, D)) <= D``. Leave
    before the anchor does not count. The experience clock is anchored at the
    profession start moved earlier by prior credit; the employment clock, from
    which deadlines such as "within 4 months" run, at the employment start.
    """

    def __init__(self, anchor: Day, leaves: List[Period]) -> None:
        self.anchor = anchor
        self.leaves = [(max(s, anchor), e) for s, e in leaves if e > anchor]
        self._reached: Dict[int, Day] = {}  # months -> day, asked for again and again

    def leave_days_before(self, day: Day) -> int:
        """Leave days in [anchor, day)."""
        return sum(overlap(p, (self.anchor, day)) for p in self.leaves)

    def reached_on(self, months: int) -> Day:
        day = self._reached.get(months)
        if day is None:
            day = self._reached[months] = self._reached_on(months)
        return day

    def _reached_on(self, months: int) -> Day:
        target = add_months(self.anchor, months)
        day = target
        # The least D with target + leave(D) <= D: leave(D) only grows with D,
        # so moving D forward by the leave found so far converges on it.
        while True:
            pushed = target + self.leave_days_before(day)
            if pushed <= day:
                return day
            day = pushed

    def months_on(self, day: Day) -> int:
        """Completed months on `day` (0 before the anchor)."""
        if day <= self.anchor:
            return 0
        a = datetime.date.fromordinal(self.anchor)
        d = datetime.date.fromordinal(day)
        months = (d.year - a.year) * 12 + (d.month - a.month)  # leave only makes it fewer
        while months > 0 and self.reached_on(months) > day:
            months -= 1
        return months
