"""The population as person records (data/schema/person.schema.json):
dicts, or JSON lines. The frames are the source; a record holds exactly what
the frames say about one person, so the per-person and the population API
see the same facts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional

import numpy as np
import pandas as pd

from .persons import LEAVE_KINDS

if TYPE_CHECKING:
    from .tables import Population

# The field naming what an event concerns, by type (docs/contract.md).
REF_FIELD = {"item_done": "item", "module_attended": "module", "homework_submitted": "module",
             "session_attended": "component", "certificate_issued": "component"}
ROLES = ("EC", "1:e", "FA", "AD", "introduktor", "mentor")


def _iso(series: "pd.Series[Any]") -> List[Optional[str]]:
    values = series.to_numpy().astype("datetime64[D]")
    missing = np.isnat(values)
    days = values.astype(np.int64)
    if missing.all():
        return [None] * len(days)
    low, high = days[~missing].min(), days[~missing].max()
    # Each distinct day formatted once: a table over the range, then a lookup.
    table = np.append(np.datetime_as_string(np.arange(low, high + 1).astype("datetime64[D]")).astype(object), None)
    return table[np.where(missing, len(table) - 1, days - low)].tolist()


def _labels(series: "pd.Series[Any]") -> List[Optional[str]]:
    cat = series.cat
    labels = np.append(np.asarray(cat.categories, dtype=object), None)
    return list(labels[cat.codes.to_numpy()])  # code -1 picks the None at the end


def _groups(person: "pd.Series[Any]", n: int) -> "tuple[np.ndarray, np.ndarray]":
    """Row order grouping a long table by person, and each person's offsets."""
    codes = person.cat.codes.to_numpy()
    order = np.argsort(codes, kind="stable")
    return order, np.searchsorted(codes[order], np.arange(n + 1))


class _Columns:
    """The frames as plain Python lists, person by person."""

    def __init__(self, pop: "Population") -> None:
        p = pop.persons
        self.n = n = len(p)
        if list(pop.events["person"].cat.categories) != list(p["id"].astype(str)):
            raise ValueError("records read the generator's own frames (person categories in row order)")
        self.ids = list(p["id"].astype(str))
        self.municipality, self.unit = _labels(p["municipality"]), _labels(p["unit"])
        self.start, self.hired = _iso(p["employment_start"]), _iso(p["hired_on"])
        self.profession = _iso(p["profession_start"])
        self.prior = p["prior_experience_months"].to_numpy().tolist()
        self.roles = {r: _labels(p[r]) for r in ROLES if r in p}
        self.m_muni, self.m_start = _labels(p["mentor_municipality"]), _iso(p["mentor_profession_start"])
        self.m_prior = p["mentor_prior_experience_months"].to_numpy(dtype=float, na_value=np.nan).tolist()

        e = pop.events
        order, self.e_at = _groups(e["person"], n)
        self.e_type, self.e_ref, self.e_date, self.e_round = (
            np.asarray(x, dtype=object)[order].tolist()
            for x in (_labels(e["type"]), _labels(e["ref"]), _iso(e["date"]), _labels(e["round"])))
        lv = pop.leaves
        order, self.l_at = _groups(lv["person"], n)
        self.l_from, self.l_to, self.l_kind = (np.asarray(x, dtype=object)[order].tolist()
                                               for x in (_iso(lv["from"]), _iso(lv["to"]), _labels(lv["kind"])))
        a = pop.assignments
        order, self.a_at = _groups(a["person"], n)
        self.a_item, self.a_codes = (np.asarray(x, dtype=object)[order].tolist()
                                     for x in (_labels(a["item"]), _labels(a["codes"])))
        d = pop.planned
        order, self.d_at = _groups(d["person"], n)
        self.d_item, self.d_date = (np.asarray(x, dtype=object)[order].tolist()
                                    for x in (_labels(d["item"]), _iso(d["date"])))

    def person(self, i: int) -> Dict[str, Any]:
        """Person i's record without its events."""
        r: Dict[str, Any] = {"id": self.ids[i], "municipality": self.municipality[i]}
        if self.unit[i] is not None:
            r["unit"] = self.unit[i]
        r["employment_start"] = self.start[i]
        if self.hired[i] is not None:
            r["hired_on"] = self.hired[i]
        if self.profession[i] is not None:
            r["profession_start"] = self.profession[i]
        if self.prior[i]:
            r["prior_experience_months"] = int(self.prior[i])
        lo, hi = self.l_at[i], self.l_at[i + 1]
        if hi > lo:
            r["leaves"] = [{"from": self.l_from[k], "to": self.l_to[k], "kind": self.l_kind[k] or LEAVE_KINDS[-1]}
                           for k in range(lo, hi)]
        people = {role: holders[i] for role, holders in self.roles.items() if holders[i] is not None}
        if people:
            r["people"] = people
        plan: Dict[str, Any] = {}
        lo, hi = self.a_at[i], self.a_at[i + 1]
        if hi > lo:
            plan["assignments"] = {self.a_item[k]: self.a_codes[k].split(",") for k in range(lo, hi)}
        lo, hi = self.d_at[i], self.d_at[i + 1]
        if hi > lo:
            plan["planned"] = {self.d_item[k]: self.d_date[k] for k in range(lo, hi)}
        if plan:
            r["plan"] = plan
        if self.m_muni[i] is not None:
            mentor: Dict[str, Any] = {"id": people["mentor"], "municipality": self.m_muni[i],
                                      "profession_start": self.m_start[i]}
            prior = self.m_prior[i]
            if prior == prior and prior:  # not NaN, not 0
                mentor["prior_experience_months"] = int(prior)
            r["mentor"] = mentor
        return r


def records(pop: "Population") -> Iterator[Dict[str, Any]]:
    c = _Columns(pop)
    events = [{"type": t, REF_FIELD[t]: ref, "date": d} if rnd is None else
              {"type": t, REF_FIELD[t]: ref, "date": d, "round": rnd}
              for t, ref, d, rnd in zip(c.e_type, c.e_ref, c.e_date, c.e_round)]
    for i in range(c.n):
        r = c.person(i)
        lo, hi = c.e_at[i], c.e_at[i + 1]
        if hi > lo:
            r["events"] = events[lo:hi]
        yield r


def write_jsonl(pop: "Population", path: "str | Path") -> int:
    """One record per line; returns the number of lines. Events are written
    as text directly (ids and dates need no escaping), the rest by json."""
    c = _Columns(pop)
    events = [f'{{"type":"{t}","{REF_FIELD[t]}":"{ref}","date":"{d}"}}' if rnd is None else
              f'{{"type":"{t}","{REF_FIELD[t]}":"{ref}","date":"{d}","round":{json.dumps(rnd)}}}'
              for t, ref, d, rnd in zip(c.e_type, c.e_ref, c.e_date, c.e_round)]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(c.n):
            head = json.dumps(c.person(i), ensure_ascii=False, separators=(",", ":"))
            lo, hi = c.e_at[i], c.e_at[i + 1]
            if hi > lo:
                f.write(f'{head[:-1]},"events":[{",".join(events[lo:hi])}]}}\n')
            else:
                f.write(head + "\n")
    return c.n
