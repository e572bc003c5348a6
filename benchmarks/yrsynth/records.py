"""The population as CONTRACT person records (data/schema/person.schema.json):
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

# The field naming what an event concerns, by type (CONTRACT.md).
REF_FIELD = {"item_done": "item", "module_attended": "module", "homework_submitted": "module",
             "session_attended": "component", "certificate_issued": "component"}
ROLES = ("EC", "1:e", "FA", "AD", "introduktor", "mentor")


def _iso(series: "pd.Series[Any]") -> List[Optional[str]]:
    values = series.to_numpy().astype("datetime64[D]")
    text = np.datetime_as_string(values).astype(object)
    text[np.isnat(values)] = None
    return list(text)


def _labels(series: "pd.Series[Any]") -> List[Optional[str]]:
    cat = series.cat
    labels = np.append(np.asarray(cat.categories, dtype=object), None)
    return list(labels[cat.codes.to_numpy()])  # code -1 picks the None at the end


def _groups(person: "pd.Series[Any]", n: int) -> "tuple[np.ndarray, np.ndarray]":
    """Row order grouping a long table by person, and each person's offsets."""
    codes = person.cat.codes.to_numpy()
    order = np.argsort(codes, kind="stable")
    return order, np.searchsorted(codes[order], np.arange(n + 1))


def records(pop: "Population") -> Iterator[Dict[str, Any]]:
    p = pop.persons
    n = len(p)
    if list(pop.events["person"].cat.categories) != list(p["id"].astype(str)):
        raise ValueError("records() reads the generator's own frames (person categories in row order)")
    ids = list(p["id"].astype(str))
    municipality, unit = _labels(p["municipality"]), _labels(p["unit"])
    start, hired, profession = _iso(p["employment_start"]), _iso(p["hired_on"]), _iso(p["profession_start"])
    prior = p["prior_experience_months"].to_numpy().tolist()
    roles = {r: _labels(p[r]) for r in ROLES if r in p}
    m_muni, m_start = _labels(p["mentor_municipality"]), _iso(p["mentor_profession_start"])
    m_prior = p["mentor_prior_experience_months"].to_numpy(dtype=float, na_value=np.nan).tolist()

    e = pop.events
    e_order, e_at = _groups(e["person"], n)
    e_type, e_ref, e_date, e_round = (np.asarray(x, dtype=object)[e_order] for x in
                                      (_labels(e["type"]), _labels(e["ref"]), _iso(e["date"]), _labels(e["round"])))
    lv = pop.leaves
    l_order, l_at = _groups(lv["person"], n)
    l_from, l_to, l_kind = (np.asarray(x, dtype=object)[l_order] for x in
                            (_iso(lv["from"]), _iso(lv["to"]), _labels(lv["kind"])))
    a = pop.assignments
    a_order, a_at = _groups(a["person"], n)
    a_item, a_codes = (np.asarray(x, dtype=object)[a_order] for x in (_labels(a["item"]), _labels(a["codes"])))

    for i in range(n):
        r: Dict[str, Any] = {"id": ids[i], "municipality": municipality[i]}
        if unit[i] is not None:
            r["unit"] = unit[i]
        r["employment_start"] = start[i]
        if hired[i] is not None:
            r["hired_on"] = hired[i]
        if profession[i] is not None:
            r["profession_start"] = profession[i]
        if prior[i]:
            r["prior_experience_months"] = int(prior[i])
        lo, hi = l_at[i], l_at[i + 1]
        if hi > lo:
            r["leaves"] = [{"from": l_from[k], "to": l_to[k], "kind": l_kind[k] or LEAVE_KINDS[-1]}
                           for k in range(lo, hi)]
        people = {role: holders[i] for role, holders in roles.items() if holders[i] is not None}
        if people:
            r["people"] = people
        lo, hi = a_at[i], a_at[i + 1]
        if hi > lo:
            r["plan"] = {"assignments": {a_item[k]: a_codes[k].split(",") for k in range(lo, hi)}}
        lo, hi = e_at[i], e_at[i + 1]
        if hi > lo:
            events = []
            for k in range(lo, hi):
                t = e_type[k]
                event = {"type": t, REF_FIELD[t]: e_ref[k], "date": e_date[k]}
                if e_round[k] is not None:
                    event["round"] = e_round[k]
                events.append(event)
            r["events"] = events
        if m_muni[i] is not None:
            mentor: Dict[str, Any] = {"id": people["mentor"], "municipality": m_muni[i],
                                      "profession_start": m_start[i]}
            if m_prior[i] == m_prior[i] and m_prior[i]:  # not NaN, not 0
                mentor["prior_experience_months"] = int(m_prior[i])
            r["mentor"] = mentor
        yield r


def write_jsonl(pop: "Population", path: "str | Path") -> int:
    """One record per line; returns the number of lines."""
    count = 0
    with open(path, "w", encoding="utf-8") as f:
        for r in records(pop):
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")))
            f.write("\n")
            count += 1
    return count
