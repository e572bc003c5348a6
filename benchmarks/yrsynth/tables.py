"""The population as the frames `Program.evaluate_population` reads.

Strings are pandas Categoricals (dictionary-encoded, as Arrow dictionary
arrays give them); dates are datetime64 (NaT: not given).
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Sequence

import numpy as np
import pandas as pd

from .events import TYPES
from .generate import MISSING, Chunk, Settings, generate_chunks
from .persons import CODES, LEAVE_KINDS, holder_ids
from .program import ProgramSpec
from .region import MENTORS, UNITS, Region

_NAT = np.iinfo(np.int64).min


def _dates(days: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 (MISSING: NaT) as datetime64[s], pandas' own unit."""
    return days.astype(np.int64).view("datetime64[D]").astype("datetime64[s]")


def _category(codes: np.ndarray, labels: Sequence[str]) -> pd.Categorical:
    return pd.Categorical.from_codes(codes.astype(np.int32), categories=pd.Index(list(labels), dtype=object))


def _cat(chunks: List[Chunk], part: str, key: str) -> np.ndarray:
    return np.concatenate([getattr(c, part)[key] for c in chunks])


@dataclass(frozen=True)
class Population:
    """A synthetic population: the five input frames of the population API
    (persons, events, leaves, assignments and the plans' dates, `planned`),
    the settings that made it, and the last day it has records for."""

    settings: Settings
    program: str
    as_of: datetime.date
    persons: pd.DataFrame
    events: pd.DataFrame
    leaves: pd.DataFrame
    assignments: pd.DataFrame
    planned: pd.DataFrame

    def __repr__(self) -> str:
        return (f"<Population {self.program} seed {self.settings.seed} up to {self.as_of}: {len(self.persons)} persons, "
                f"{len(self.events)} events, {len(self.leaves)} leaves, {len(self.assignments)} assignments, "
                f"{len(self.planned)} planned dates>")

    @property
    def frames(self) -> Dict[str, pd.DataFrame]:
        return {"persons": self.persons, "events": self.events, "leaves": self.leaves,
                "assignments": self.assignments, "planned": self.planned}

    def until(self, as_of: datetime.date) -> "Population":
        """What was recorded by `as_of`: the events after it dropped (the
        library refuses events after the evaluation date). Leave and the
        plans' dates are kept: both may lie ahead."""
        keep = self.events["date"].to_numpy() <= np.datetime64(as_of, "s")
        events = self.events[keep].reset_index(drop=True)
        return dataclasses.replace(self, as_of=as_of, events=events)

    def records(self) -> Iterator[Dict[str, Any]]:
        """The same people as person records (dicts), in row order."""
        from .records import records
        return records(self)

    def write_jsonl(self, path: "str | Path") -> int:
        from .records import write_jsonl
        return write_jsonl(self, path)

    def write_parquet(self, folder: "str | Path") -> None:
        """One Parquet file per frame (needs pyarrow); Categoricals become
        dictionary arrays."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for name, frame in self.frames.items():
            frame.to_parquet(folder / f"{name}.parquet", index=False)


def build(settings: Settings) -> Population:
    spec, region, chunks = generate_chunks(settings)
    n = settings.persons
    ids = [f"p-{i:07d}" for i in range(n)]
    holders = holder_ids(region)
    muni = _cat(chunks, "people", "muni")
    mentor = _cat(chunks, "people", "mentor")
    has_mentor = mentor >= 0
    safe = np.where(has_mentor, mentor, 0)
    profession = _cat(chunks, "people", "profession")
    persons: Dict[str, Any] = {
        "id": _category(np.arange(n), ids),
        "municipality": _category(muni, region.names),
        "unit": _category(_cat(chunks, "people", "unit"), UNITS),
        "employment_start": _dates(_cat(chunks, "people", "start")),
        "hired_on": _dates(_cat(chunks, "people", "hired")),
        "profession_start": _dates(np.where(profession == MISSING, _NAT, profession)),
        "prior_experience_months": _cat(chunks, "people", "prior").astype(np.int32),
    }
    for role, labels in holders.items():
        persons[role] = _category(_cat(chunks, "roles", role), labels)
    persons["mentor_municipality"] = _category(np.where(has_mentor, mentor // MENTORS, -1), region.names)
    persons["mentor_profession_start"] = _dates(np.where(has_mentor, region.mentor_start[safe], _NAT))
    persons["mentor_prior_experience_months"] = pd.array(
        np.where(has_mentor, region.mentor_prior[safe], 0), dtype="Int32")
    persons["mentor_prior_experience_months"][~has_mentor] = pd.NA

    events = pd.DataFrame({
        "person": _category(_cat(chunks, "events", "person"), ids),
        "type": _category(_cat(chunks, "events", "type"), TYPES),
        "ref": _category(_cat(chunks, "events", "ref"), spec.refs),
        "date": _dates(_cat(chunks, "events", "date")),
        "round": _category(_cat(chunks, "events", "round"), region.round_labels),
    }, copy=False)
    leaves = pd.DataFrame({
        "person": _category(_cat(chunks, "leaves", "person"), ids),
        "from": _dates(_cat(chunks, "leaves", "from")),
        "to": _dates(_cat(chunks, "leaves", "to")),
        "kind": _category(_cat(chunks, "leaves", "kind"), LEAVE_KINDS),
    }, copy=False)
    person_rows, items, codes = [], [], []
    first = 0
    for c in chunks:
        who, which = np.nonzero(c.plans >= 0)
        person_rows.append(who + first)
        items.append(which)
        codes.append(c.plans[who, which])
        first += len(c.plans)
    item_ids = [i.id for i in spec.items]
    assignments = pd.DataFrame({
        "person": _category(np.concatenate(person_rows), ids),
        "item": _category(np.concatenate(items), item_ids),
        "codes": _category(np.concatenate(codes), CODES),
    }, copy=False)
    person_rows, items, days = [], [], []
    first = 0
    for c in chunks:
        who, which = np.nonzero(c.planned != MISSING)
        person_rows.append(who + first)
        items.append(which)
        days.append(c.planned[who, which])
        first += len(c.planned)
    planned = pd.DataFrame({
        "person": _category(np.concatenate(person_rows), ids),
        "item": _category(np.concatenate(items), item_ids),
        "date": _dates(np.concatenate(days)),
    }, copy=False)
    return Population(settings, spec.id, settings.data_end, pd.DataFrame(persons, copy=False), events, leaves,
                      assignments, planned)
