"""The population from the columns people have: Categoricals and datetime64,
object text and ISO dates (what read_csv gives), pandas ``string`` columns,
pyarrow-backed columns (read_parquet, read_csv with dtype_backend="pyarrow")
and a pyarrow.Table all give the same answers, and a bad date refuses its row
alone in each."""

from __future__ import annotations

import datetime
import io
from typing import Any, Callable, Dict

import pandas as pd
import pytest
import yrkesresan
from yrkesresan import Program

D = datetime.date
Frames = Dict[str, Any]


@pytest.fixture(scope="module")
def frames(region: Any) -> Frames:
    planned = region.assignments.iloc[::7][["person", "item"]].assign(date=pd.Timestamp("2026-03-02"))
    return {"persons": region.persons, "events": region.events, "leaves": region.leaves,
            "assignments": region.assignments, "planned": planned.reset_index(drop=True), "as_of": region.as_of}


def _tables(f: Frames) -> Dict[str, pd.DataFrame]:
    return {k: v for k, v in f.items() if k != "as_of"}


def as_csv(f: Frames, **read: Any) -> Dict[str, Any]:
    return {k: pd.read_csv(io.StringIO(v.to_csv(index=False)), **read) for k, v in _tables(f).items()}


def as_categorical(f: Frames) -> Dict[str, Any]:
    return {k: v.astype({c: "category" for c in v.columns if v[c].dtype == object}) for k, v in _tables(f).items()}


def as_string(f: Frames) -> Dict[str, Any]:
    text = as_csv(f)
    return {k: v.astype({c: "string" for c in v.columns if v[c].dtype == object}) for k, v in text.items()}


def as_parquet(f: Frames, **read: Any) -> Dict[str, Any]:
    pytest.importorskip("pyarrow")
    out = {}
    for k, v in as_categorical(f).items():
        buffer = io.BytesIO()
        v.to_parquet(buffer, index=False)
        buffer.seek(0)
        out[k] = pd.read_parquet(buffer, **read)
    return out


def as_table_of_text(f: Frames) -> Dict[str, Any]:
    pa = pytest.importorskip("pyarrow")
    return {k: pa.Table.from_pandas(v, preserve_index=False) for k, v in as_csv(f).items()}


def as_table_of_dictionaries(f: Frames) -> Dict[str, Any]:
    pq = pytest.importorskip("pyarrow.parquet")
    out = {}
    for k, v in as_categorical(f).items():
        buffer = io.BytesIO()
        v.to_parquet(buffer, index=False)
        buffer.seek(0)
        out[k] = pq.read_table(buffer)
    return out


KINDS: Dict[str, Callable[[Frames], Dict[str, Any]]] = {
    "categorical": as_categorical,
    "object text (read_csv)": as_csv,
    "pandas string": as_string,
    "pyarrow csv (date32, string)": lambda f: as_csv(f, dtype_backend="pyarrow", engine="pyarrow"),
    "pyarrow text (string, ISO text dates)": lambda f: as_csv(f, dtype_backend="pyarrow"),
    "pyarrow parquet (dictionary, timestamp)": lambda f: as_parquet(f, dtype_backend="pyarrow"),
    "parquet (categorical)": as_parquet,
    "pyarrow.Table of text": as_table_of_text,
    "pyarrow.Table of dictionaries": as_table_of_dictionaries,
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_kind_of_column_gives_the_same_answers(gr: Program, frames: Frames, kind: str) -> None:
    want = gr.evaluate_population(**_tables(frames), as_of=frames["as_of"])
    got = gr.evaluate_population(**KINDS[kind](frames), as_of=frames["as_of"])
    assert want.persons["error"].isna().all() if "error" in want.persons else True
    pd.testing.assert_frame_equal(got.persons, want.persons)
    pd.testing.assert_frame_equal(got.items, want.items)


def _bad_dates(kind: str) -> Dict[str, Any]:
    pa = pytest.importorskip("pyarrow")
    persons = pd.DataFrame({"id": ["a", "b", "c", "d"], "municipality": "ale",
                            "employment_start": ["2026-01-12", "2026-02-30", None, "2026-03-02"]})
    events = pd.DataFrame({"person": ["a", "d", "d"], "type": "item_done", "item": ["nycklar", "nycklar", "bbic"],
                           "date": ["2026-01-13", "2026-13-01", "2026-03-05"]})
    if kind == "pyarrow string":
        text = pd.ArrowDtype(pa.string())
        return {"persons": persons.astype(text), "events": events.astype(text)}
    if kind == "pyarrow dictionary":
        dictionary = pd.ArrowDtype(pa.dictionary(pa.int32(), pa.string()))
        return {"persons": persons.astype(dictionary), "events": events.astype(dictionary)}
    return {"persons": pa.Table.from_pandas(persons), "events": pa.Table.from_pandas(events)}


@pytest.mark.parametrize("kind", ["pyarrow string", "pyarrow dictionary", "pyarrow.Table"])
def test_one_impossible_date_refuses_its_row_alone(gr: Program, kind: str) -> None:
    tables = _bad_dates(kind)
    kept = gr.evaluate_population(**tables, as_of=D(2026, 6, 1), errors="keep").persons
    errors = [None if pd.isna(e) else (e, kept["error_path"].iloc[i]) for i, e in enumerate(kept["error"])]
    assert errors == [None, ("invalid_date", "/persons/1/employment_start"),
                      ("missing_field", "/persons/2/employment_start"), ("invalid_date", "/events/1/date")]
    assert kept["experience_months"].iloc[0] == 4
    with pytest.raises(yrkesresan.InputError) as info:
        gr.evaluate_population(**tables, as_of=D(2026, 6, 1))
    assert (info.value.code, info.value.path) == ("invalid_date", "/persons/1/employment_start")


def test_arrow_times_in_a_time_zone_are_not_dates(gr: Program) -> None:
    pa = pytest.importorskip("pyarrow")
    starts = pa.array([datetime.datetime(2026, 1, 12), None], pa.timestamp("s", tz="UTC"))
    persons = pa.table({"id": ["a", "b"], "municipality": ["ale", "ale"], "employment_start": starts})
    kept = gr.evaluate_population(persons, as_of=D(2026, 6, 1), errors="keep").persons
    assert kept["error"].tolist() == ["invalid_date", "missing_field"]


def test_text_cells_that_are_not_iso_dates(gr: Program) -> None:
    """Only YYYY-MM-DD is a date in text, as in the person record; a date
    object or a missing cell mixed in is read as such."""
    starts = ["2026-01-12", "2026-1-12", "12/01/2026", D(2026, 1, 12), float("nan"), "1899-12-31", pd.NaT,
              datetime.datetime(2026, 1, 12)]
    persons = pd.DataFrame({"id": [f"p{i}" for i in range(len(starts))], "municipality": "ale",
                            "employment_start": pd.Series(starts, dtype=object)})
    kept = gr.evaluate_population(persons, as_of=D(2026, 6, 1), errors="keep").persons
    errors = [e if isinstance(e, str) else "" for e in kept["error"]]
    assert errors == ["", "invalid_date", "invalid_date", "", "missing_field", "invalid_date", "missing_field",
                      "invalid_date"]


def test_text_with_other_values_is_read_as_before(gr: Program) -> None:
    # Numbers among the ids: not text, so read by pandas, as their text.
    persons = pd.DataFrame({"id": pd.Series([7, "b"], dtype=object), "municipality": ["ale", "ale"],
                            "employment_start": ["2026-01-12", "2026-01-12"]})
    events = pd.DataFrame({"person": pd.Series([7, "b"], dtype=object), "type": "item_done",
                           "item": ["nycklar", "bbic"], "date": ["2026-01-13", "2026-01-14"]})
    pop = gr.evaluate_population(persons, events, as_of=D(2026, 6, 1))
    items = pop.items.set_index(["person", "item"])
    assert items.loc[("7", "nycklar"), "state"] == "done" and items.loc[("b", "bbic"), "state"] == "done"
