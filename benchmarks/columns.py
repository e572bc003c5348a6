"""The population from the columns people have, side by side in one run, and
what an analyst would write instead (benchmarks/run.py prints both).

Population from columns: the generator's frames (Categoricals and
datetime64) against the same people written to CSV and Parquet once and read
back as people read them: text (``read_csv``: object strings, ISO dates as
text), pyarrow columns (``read_csv(engine="pyarrow", dtype_backend="pyarrow")``:
string and date32), Parquet with ``dtype_backend="pyarrow"`` (dictionary and
timestamp) and a ``pyarrow.Table`` (``pyarrow.parquet.read_table``). Each is
checked to give the Categoricals' answers.

pandas baseline: three answers written with vectorised pandas and NumPy from
the text columns, as an analyst would without the library: experience months
(completed months from the profession start moved earlier by prior credit,
paused by leave, months that clamp), the phase, and the introduktion
checklist's overdue count (due dates from the employment clock paused by
leave, the plan's dates, done events, EJ waivers). It is exact for this
program's introduktion list and the generated data, and checked to agree with
the library on every person. The same three answers as an OpenFisca model
(benchmarks/openfisca_model.py), where openfisca-core is installed. Against
both, the library is asked for those three answers only (outputs=, no items
frame), and its full evaluation is timed beside them.
"""

from __future__ import annotations

import datetime
import json
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import numpy as np
import pandas as pd

Frames = Dict[str, Any]
Goal = Tuple[str, float, float, str]


def _best(times: Dict[str, float], name: str, f: Callable[[], Any]) -> Any:
    t = time.perf_counter()
    out = f()
    times[name] = min(times.get(name, float("inf")), time.perf_counter() - t)
    return out


def read_back(frames: Frames, folder: Path) -> Dict[str, Frames]:
    """The frames written once as CSV and Parquet, read back the ways people read them."""
    import pyarrow.parquet as pq

    for name, frame in frames.items():
        frame.to_csv(folder / f"{name}.csv", index=False)
        frame.to_parquet(folder / f"{name}.parquet", index=False)
    readers: Dict[str, Callable[[str], Any]] = {
        "text (read_csv: object strings, ISO dates)": lambda n: pd.read_csv(folder / f"{n}.csv"),
        "pyarrow (read_csv, dtype_backend=pyarrow)": lambda n: pd.read_csv(
            folder / f"{n}.csv", engine="pyarrow", dtype_backend="pyarrow"),
        "pyarrow (read_parquet, dtype_backend=pyarrow)": lambda n: pd.read_parquet(
            folder / f"{n}.parquet", dtype_backend="pyarrow"),
        "pyarrow.Table (pyarrow.parquet.read_table)": lambda n: pq.read_table(folder / f"{n}.parquet"),
    }
    return {kind: {n: read(n) for n in frames} for kind, read in readers.items()}


TEXT = "text (read_csv: object strings, ISO dates)"
PYARROW = "pyarrow (read_csv, dtype_backend=pyarrow)"
CATEGORICAL = "Categoricals and datetime64"


# The pandas baseline ---------------------------------------------------------------------------

def _day(values: Any) -> np.ndarray:
    """ISO text (or datetimes) as datetime64[D]; NaT where missing."""
    return pd.to_datetime(values, format="%Y-%m-%d").to_numpy().astype("datetime64[D]")


def add_months(days: np.ndarray, months: Any) -> np.ndarray:
    """Month arithmetic that clamps: the day of month where it exists, else the month's last day."""
    month = days.astype("datetime64[M]")
    day_of_month = (days - month.astype("datetime64[D]")).astype(np.int64)
    target = month + np.asarray(months).astype("timedelta64[M]")
    first = target.astype("datetime64[D]")
    length = ((target + 1).astype("datetime64[D]") - first).astype(np.int64)
    out: np.ndarray = first + np.minimum(day_of_month, length - 1).astype("timedelta64[D]")
    return out


class Leave:
    """Each person's leave as disjoint half-open day ranges (overlaps merged)."""

    def __init__(self, person: np.ndarray, first: np.ndarray, last: np.ndarray, persons: int) -> None:
        order = np.lexsort((first, person))
        person, start, end = person[order], first[order].astype(np.int64), last[order].astype(np.int64) + 1
        reach = pd.Series(end).groupby(person).cummax().groupby(person).shift(1).to_numpy()
        start = np.where(np.isnan(reach), start, np.maximum(start, np.nan_to_num(reach, nan=0)).astype(np.int64))
        keep = end > start
        self.person, self.start, self.end, self.persons = person[keep], start[keep], end[keep], persons

    def days(self, since: np.ndarray, until: np.ndarray) -> np.ndarray:
        """Leave days in [since, until) per person (day numbers)."""
        lo = np.maximum(self.start, since[self.person])
        hi = np.minimum(self.end, until[self.person])
        out: np.ndarray = np.bincount(self.person, weights=np.maximum(hi - lo, 0), minlength=self.persons)
        return out.astype(np.int64)


def completed_months(anchor: np.ndarray, on: np.ndarray) -> np.ndarray:
    months = (on.astype("datetime64[M]") - anchor.astype("datetime64[M]")).astype(np.int64)
    months -= add_months(anchor, months) > on
    out: np.ndarray = np.maximum(months, 0)
    return out


def pandas_baseline(program_json: Dict[str, Any], frames: Frames, as_of: datetime.date) -> pd.DataFrame:
    """experience_months, phase and introduktion.overdue per person, vectorised."""
    persons, events, leaves = frames["persons"], frames["events"], frames["leaves"]
    assignments, planned = frames["assignments"], frames["planned"]
    n = len(persons)
    today = np.datetime64(as_of, "D")
    ids = pd.Index(persons["id"])
    start = _day(persons["employment_start"])
    profession = _day(persons["profession_start"])
    profession = np.where(np.isnat(profession), start, profession)
    prior = persons["prior_experience_months"].fillna(0).to_numpy(dtype=np.int64)
    leave = Leave(ids.get_indexer(leaves["person"]), _day(leaves["from"]).astype(np.int64),
                  _day(leaves["to"]).astype(np.int64), n)

    # Experience (R1): "N months" reached when add_months(anchor, N) + leave days since the anchor <= the day.
    anchor = add_months(profession, -prior)
    paused = leave.days(anchor.astype(np.int64), np.full(n, today.astype(np.int64)))
    months = np.where(today > anchor, completed_months(anchor, today - paused.astype("timedelta64[D]")), 0)
    phases = program_json["phases"]
    bounds = [p["from_months"] for p in phases[1:]]
    phase = pd.Categorical.from_codes(np.searchsorted(bounds, months, side="right"),
                                      categories=[p["id"] for p in phases])

    # The introduktion list's due dates: the employment clock (paused by leave) or days before the start.
    checklist = next(c for c in program_json["checklists"] if c["id"] == "introduktion")
    items = [i for s in checklist["sections"] for i in s["items"]]
    item_ids = pd.Index([i["id"] for i in items])

    def due(rule: Dict[str, int]) -> np.ndarray:
        if "days_before_start" in rule:
            out: np.ndarray = start.astype(np.int64) - rule["days_before_start"]
            return out
        if set(rule) != {"months_after_start"}:
            raise NotImplementedError(f"the baseline has no due rule {rule}")
        target = add_months(start, rule["months_after_start"]).astype(np.int64)
        reached = target.copy()
        while True:  # the least day D with target + leave days in [start, D) <= D
            pushed = target + leave.days(start.astype(np.int64), reached)
            if not (pushed > reached).any():
                return reached - 1
            reached = np.maximum(reached, pushed)

    list_due = due(checklist["due"])
    dues = np.stack([due(i["due"]) if i.get("due") else list_due for i in items], axis=1)
    rows = ids.get_indexer(planned["person"])
    cols = item_ids.get_indexer(planned["item"])
    mine = cols >= 0
    dues[rows[mine], cols[mine]] = _day(planned["date"][mine]).astype(np.int64)
    open_ = np.ones((n, len(items)), dtype=bool)
    done = (events["type"] == "item_done").to_numpy()
    rows, cols = ids.get_indexer(events["person"][done]), item_ids.get_indexer(events["ref"][done])
    open_[rows[cols >= 0], cols[cols >= 0]] = False
    waived = (assignments["codes"] == "EJ").to_numpy()
    rows, cols = ids.get_indexer(assignments["person"][waived]), item_ids.get_indexer(assignments["item"][waived])
    open_[rows[cols >= 0], cols[cols >= 0]] = False
    overdue = (open_ & (today.astype(np.int64) > dues)).sum(axis=1)
    return pd.DataFrame({"person": persons["id"].to_numpy(), "experience_months": months, "phase": phase,
                         "introduktion.overdue": overdue})


def same_frames(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    """Equal column by column, Categoricals by their codes (pandas' assert_frame_equal
    takes minutes on millions of item rows)."""
    if list(a.columns) != list(b.columns):
        return False
    for c in b.columns:
        x, y = a[c], b[c]
        if isinstance(y.dtype, pd.CategoricalDtype):
            if not (isinstance(x.dtype, pd.CategoricalDtype) and x.cat.categories.equals(y.cat.categories)
                    and np.array_equal(x.cat.codes.to_numpy(), y.cat.codes.to_numpy())):
                return False
        elif x.dtype != y.dtype or not x.equals(y):
            return False
    return True


# The report ------------------------------------------------------------------------------------

def report(program: Any, frames: Frames, as_of: datetime.date, runs: int) -> List[Goal]:
    """Prints the population from every kind of column and the pandas baseline; returns their goals."""
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        kinds: Dict[str, Frames] = {CATEGORICAL: frames, **read_back(frames, Path(tmp))}
        print(f"\npopulation from the columns people have (written and read back in {time.perf_counter() - t:.0f} s; "
              f"best of {runs}, kinds interleaved)")
    times: Dict[str, float] = {}
    results: Dict[str, Any] = {}
    for _ in range(runs):
        for kind, f in kinds.items():
            results[kind] = _best(times, kind, lambda: program.evaluate_population(**f, as_of=as_of))
    want = results[CATEGORICAL]
    for kind, got in results.items():  # the same answers from every kind of column
        for table in ("persons", "items"):
            if not same_frames(getattr(got, table), getattr(want, table)):
                raise SystemExit(f"{kind}: the {table} differ from the Categoricals'")
    base = times[CATEGORICAL]
    for kind, seconds in times.items():
        print(f"  {kind:<48} {seconds:>7.2f} s  {len(want.persons) / seconds:>10,.0f} persons/s  "
              f"{seconds / base:>5.2f}x the Categoricals")
    goals: List[Goal] = [
        ("population from text / from Categoricals", times[TEXT] / base, 1.5, "≤"),
        ("population from pyarrow columns / from Categoricals", times[PYARROW] / base, 1.2, "≤"),
    ]

    text = kinds[TEXT]
    program_json = json.loads(program.to_json())
    seconds: Dict[str, float] = {}
    for _ in range(runs):
        baseline = _best(seconds, "pandas", lambda: pandas_baseline(program_json, text, as_of))
        library = _best(seconds, "library", lambda: program.evaluate_population(
            **text, as_of=as_of, outputs=THREE_ANSWERS, items=False))
        full = _best(seconds, "full", lambda: program.evaluate_population(**text, as_of=as_of))
    ours = library.persons
    disagree = agreement(baseline, ours, full.persons)
    print("\nlibrary vs pandas baseline (vectorised pandas from the text columns: experience months paused by leave,\n"
          "phase, introduktion overdue count; the library asked for these three answers, and its full evaluation)")
    print(f"  pandas baseline, three answers   {seconds['pandas']:>7.2f} s")
    print(f"  library, three answers asked for {seconds['library']:>7.2f} s")
    print(f"  library, every answer            {seconds['full']:>7.2f} s")
    print(f"  persons where they disagree      " + ", ".join(f"{c} {k}" for c, k in disagree.items()))
    if any(disagree.values()):
        raise SystemExit("the pandas baseline and the library disagree")
    goals.append(("library (three answers) vs pandas baseline, times faster", seconds["pandas"] / seconds["library"],
                  2.0, "≥"))
    goals += openfisca(program_json, text, as_of, runs, ours, full.persons, seconds["library"], seconds["full"])
    return goals


#: The answers both baselines give, and all the library is asked for beside them.
THREE_ANSWERS = ["experience_months", "phase", "introduktion.overdue"]


def agreement(theirs: pd.DataFrame, ours: pd.DataFrame, full: pd.DataFrame) -> Dict[str, int]:
    """Persons where a baseline disagrees with the library, asked for the three answers or
    evaluating everything (each person counted once per answer)."""
    return {c: int(((theirs[c].to_numpy() != ours[c].to_numpy()) | (full[c].to_numpy() != ours[c].to_numpy())).sum())
            for c in THREE_ANSWERS}


def openfisca(program_json: Dict[str, Any], text: Frames, as_of: datetime.date, runs: int, ours: pd.DataFrame,
              full: pd.DataFrame, library_seconds: float, full_seconds: float) -> List[Goal]:
    """The OpenFisca model of the same three answers, where openfisca-core is installed (scripts/bench.sh)."""
    try:
        import openfisca_core  # noqa: F401
    except ImportError:
        print("\nOpenFisca: openfisca-core is not installed (scripts/bench.sh installs it); skipped")
        return []
    from .openfisca_model import openfisca_answers

    seconds: Dict[str, float] = {}
    for _ in range(runs):
        theirs = _best(seconds, "openfisca", lambda: openfisca_answers(program_json, text, as_of))
    disagree = agreement(theirs, ours, full)
    print("\nlibrary vs OpenFisca (openfisca-core, the same three answers from the same text columns; the adapter\n"
          "that turns the long tables into its per-person inputs counted; the library asked for these three\n"
          "answers, and its full evaluation)")
    print(f"  OpenFisca, three answers         {seconds['openfisca']:>7.2f} s")
    print(f"  library, three answers asked for {library_seconds:>7.2f} s")
    print(f"  library, every answer            {full_seconds:>7.2f} s")
    print(f"  persons where they disagree      " + ", ".join(f"{c} {k}" for c, k in disagree.items()))
    if any(disagree.values()):
        raise SystemExit("the OpenFisca model and the library disagree")
    return [("library (three answers) vs OpenFisca, times faster", seconds["openfisca"] / library_seconds, 3.0, "≥"),
            ("library (every answer) vs OpenFisca, times faster", seconds["openfisca"] / full_seconds, 1.0, "≥")]
