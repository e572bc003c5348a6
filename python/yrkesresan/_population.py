"""Population evaluation: DataFrames in, tidy DataFrames out, in one call.

The frames are turned into NumPy columns once (dates as day numbers, strings
dictionary-encoded) and handed to the C++ core, which evaluates every person
with the GIL released on every core. No rule lives here: this module only
converts columns. Each kind of column is read the cheapest way it allows:
Categoricals and datetime64 as they are; object and ``string`` columns of
text (what ``read_csv`` gives) in C++, without a Python call per cell;
pyarrow-backed columns (``read_parquet``, ``dtype_backend="pyarrow"``, a
``pyarrow.Table``) from their Arrow buffers, text dictionary-encoded by
Arrow and each distinct ISO date parsed once.
"""

from __future__ import annotations

import datetime
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np

from . import _core
from .errors import _make, _member_path

if TYPE_CHECKING:
    import numpy.typing as npt
    import pandas as pd

    from ._program import Program

__all__ = ["Population", "PERSON_COLUMNS", "ROLE_COLUMNS"]

#: Columns the persons frame may have besides the named roles.
PERSON_COLUMNS = ("id", "municipality", "unit", "employment_start", "hired_on", "profession_start",
                  "prior_experience_months", "mentor_municipality", "mentor_profession_start",
                  "mentor_prior_experience_months")
#: Columns naming the people of the person record, one per role (the library's table).
ROLE_COLUMNS: Tuple[str, ...] = tuple(_core.named_roles())
_EVENT_COLUMNS = ("person", "type", "ref", "item", "module", "component", "date", "round")
_LEAVE_COLUMNS = ("person", "from", "to", "kind")
_ASSIGNMENT_COLUMNS = ("person", "item", "codes")
_PLANNED_COLUMNS = ("person", "item", "date")

_I32 = np.int32
_NAT = np.iinfo(np.int64).min


@dataclass(frozen=True)
class Population:
    """The result of :meth:`Program.evaluate_population`.

    ``persons``: one row per person, in input order: ``person`` (the id),
    ``experience_months``, ``months_at_employment_start``, ``leave_days``,
    ``next_month_on``, ``phase``, per checklist ``<id>.due``, ``<id>.done``,
    ``<id>.waived``, ``<id>.blocked``, ``<id>.overdue``, ``<id>.pending``,
    ``<id>.unassigned``, ``<id>.total``, ``<id>.complete``,
    ``<id>.completed_on``, per component ``<id>.eligibility``,
    ``<id>.window_from``, ``<id>.window_to``, ``<id>.started_on``,
    ``<id>.completed_on``, per certificate ``<id>.certificate`` and
    ``<id>.certificate_completed_on``, per recommendation ``<id>.applies``
    (whether it applies on as_of), then ``overdue`` (all checklists), ``warnings``,
    ``layers`` (the overlays that apply to the person, comma-separated: an
    overlay with ``applies_from`` after the employment start does not),
    ``error`` and ``error_path``. Columns named from the program's ids are
    generated from the program, not fixed here. Asked for ``outputs``, only
    those columns (and ``person``, ``error``, ``error_path``) are there.
    ``items``: one row per person x checklist item: ``person``, ``checklist``,
    ``section``, ``item``, ``responsible``, ``state``, ``due``, ``planned``,
    ``done``; built on first access when asked for lazily, and an error to
    read when not asked for (``items=False``).
    """

    program: str
    program_version: str
    as_of: datetime.date
    persons: "pd.DataFrame"
    #: The items frame, a function building it (items="lazy"), or None (items=False).
    _items: Any = field(default=None, repr=False, compare=False)

    @property
    def items(self) -> "pd.DataFrame":
        """The items frame; with ``items="lazy"`` built here, once."""
        if self._items is None:
            raise LookupError('the items table was not asked for: evaluate_population(..., items=True or "lazy")')
        if callable(self._items):
            object.__setattr__(self, "_items", self._items())
        frame: "pd.DataFrame" = self._items
        return frame

    @property
    def has_items(self) -> bool:
        """Whether the items table was asked for (built yet or not)."""
        return self._items is not None

    def __getstate__(self) -> Dict[str, Any]:
        # A pickle holds the items themselves: a lazy table is built first.
        if callable(self._items):
            self.items
        return dict(self.__dict__)

    def __repr__(self) -> str:
        items = ("items on first access" if callable(self._items)
                 else f"{len(self.items)} item rows" if self.has_items else "no items")
        return (f"<Population {self.program} {self.program_version} on {self.as_of}: "
                f"{len(self.persons)} persons, {items}>")


def _require_pandas() -> None:
    try:
        import pandas  # noqa: F401
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("population evaluation needs pandas: pip install 'yrkesresan[pandas]'") from e


def _check_columns(frame: "pd.DataFrame", table: str, allowed: Tuple[str, ...], required: Tuple[str, ...]) -> None:
    for column in frame.columns:
        if column not in allowed:
            raise _make("unknown_field", _member_path(f"/{table}", str(column)), f"not a column of the {table} table")
    for column in required:
        if column not in frame.columns:
            raise _make("missing_field", f"/{table}/{column}", "required column is missing")


def _day_or_not(value: Any) -> Any:
    """One cell as a datetime64[D], or None where it is not a calendar date."""
    if isinstance(value, datetime.datetime):  # pd.Timestamp too: times are not dates
        return None
    try:
        return np.datetime64(value, "D") if isinstance(value, (str, datetime.date, np.datetime64)) else None
    except ValueError:
        return None


def _missing_cells() -> Tuple[Any, ...]:
    """The cells besides None and NaN that pandas reads as missing."""
    import pandas as pd
    return (pd.NA, pd.NaT)


def _arrow(series: "pd.Series[Any]") -> Any:
    """The pyarrow ChunkedArray behind a pyarrow-backed column, or None."""
    import pandas as pd
    dtype = series.dtype
    if not (isinstance(dtype, pd.ArrowDtype) or getattr(dtype, "storage", None) in ("pyarrow", "pyarrow_numpy")):
        return None
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]  # the column is backed by it
    array: Any = series.array
    data = array.__arrow_array__()
    return data if isinstance(data, pa.ChunkedArray) else pa.chunked_array([data])


def _arrow_text(data: Any) -> Tuple["npt.NDArray[np.int32]", List[str]]:
    """An Arrow string column dictionary-encoded in C++ from its buffers."""
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
    offset_type = np.int64 if pa.types.is_large_string(data.type) else np.int32
    chunks = []
    for c in data.chunks:
        validity, offsets, text = c.buffers()
        chunks.append((None if validity is None or c.null_count == 0 else np.frombuffer(validity, dtype=np.uint8),
                       np.frombuffer(offsets, dtype=offset_type) if offsets is not None else np.zeros(1, offset_type),
                       np.frombuffer(text, dtype=np.uint8) if text is not None else np.zeros(0, np.uint8),
                       c.offset, len(c)))
    return _core.encode_arrow_text(chunks)


def _arrow_dictionary(data: Any) -> Tuple["npt.NDArray[np.int32]", List[Any]]:
    """An Arrow column dictionary-encoded: codes (-1: null) and the dictionary's values."""
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
    import pyarrow.compute as pc  # type: ignore[import-untyped, unused-ignore]
    if pa.types.is_string(data.type) or pa.types.is_large_string(data.type):
        return _arrow_text(data)
    if not pa.types.is_dictionary(data.type):
        data = pc.dictionary_encode(data)
    chunks = data.chunks
    if any(not c.dictionary.equals(chunks[0].dictionary) for c in chunks[1:]):
        data = data.unify_dictionaries()
        chunks = data.chunks
    if not chunks:
        return np.empty(0, dtype=_I32), []
    indices = pa.chunked_array([c.indices for c in chunks]).cast(pa.int32())
    codes = pc.fill_null(indices, -1).to_numpy().astype(_I32, copy=False)
    values: List[Any] = chunks[0].dictionary.to_numpy(zero_copy_only=False).tolist()  # far faster than to_pylist
    return codes, values


def _arrow_days(data: Any) -> Optional["npt.NDArray[np.int32]"]:
    """Day numbers of an Arrow date, timestamp or ISO-text column; None for other types."""
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
    import pyarrow.compute as pc  # type: ignore[import-untyped, unused-ignore]
    kind = data.type.value_type if pa.types.is_dictionary(data.type) else data.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        # Each distinct text parsed once, then spread by its codes.
        codes, labels = _arrow_dictionary(data)
        cells = np.empty(len(labels) + 1, dtype=object)  # the last: None, for code -1 (null)
        cells[:-1] = labels
        per_label = _core.parse_days(cells, ())
        assert per_label is not None
        picked: "npt.NDArray[np.int32]" = per_label[codes]
        return picked
    if pa.types.is_dictionary(data.type):
        return None
    if pa.types.is_date(kind):
        days = np.asarray(pc.fill_null(data.cast(pa.date32()).cast(pa.int32()), _core.missing_value), dtype=np.int64)
        shifted = np.clip(days + _core.unix_epoch_day_number, _core.not_a_date + 1, np.iinfo(_I32).max)
        return np.where(days == _core.missing_value, _core.missing_value, shifted).astype(_I32)
    if pa.types.is_timestamp(kind):
        present = pc.fill_null(pc.is_valid(data), False).to_numpy()
        if kind.tz is not None:  # times in a time zone are not calendar dates
            return np.where(present, _core.not_a_date, _core.missing_value).astype(_I32)
        ticks = np.asarray(pc.fill_null(data.cast(pa.int64()), _NAT), dtype=np.int64)
        return _ticks_to_days(ticks, _PER_DAY[kind.unit])
    return None


_PER_DAY = {"D": 1, "s": 86_400, "ms": 86_400_000, "us": 86_400_000_000, "ns": 86_400_000_000_000}


def _ticks_to_days(ticks: "npt.NDArray[np.int64]", per_day: int) -> "npt.NDArray[np.int32]":
    # Integer arithmetic on the raw counts: several times faster than a
    # datetime64 cast; floor division keeps dates before 1970 right.
    nat = ticks == _NAT
    out = (ticks // per_day + _core.unix_epoch_day_number).astype(_I32)
    out[nat] = _core.missing_value
    return out


def _days(series: "pd.Series[Any]", table: str, column: str) -> "npt.NDArray[np.int32]":
    """Calendar dates (datetime64, datetime.date, ISO text or Arrow dates) as the
    library's day numbers. A cell that is not a calendar date ("2026-02-30", a
    time of day) becomes `not_a_date`: the library reports that row alone, naming it."""
    import pandas as pd
    data = _arrow(series)
    if data is not None:
        days = _arrow_days(data)
        if days is not None:
            return days
        series = pd.Series(data.to_pandas(), copy=False)
    if pd.api.types.is_datetime64_any_dtype(series.dtype) and getattr(series.dtype, "tz", None) is not None:
        # Times in a time zone are not calendar dates: every row present says so.
        return np.where(series.isna().to_numpy(), _core.missing_value, _core.not_a_date).astype(_I32)
    if isinstance(series.dtype, pd.CategoricalDtype):
        # Each category read once, then spread by the codes.
        per_category = np.append(_days(pd.Series(series.cat.categories), table, column), _I32(_core.missing_value))
        picked: "npt.NDArray[np.int32]" = per_category[series.cat.codes.to_numpy()]  # code -1: missing
        return picked
    if series.dtype == object or isinstance(series.dtype, pd.StringDtype):
        # ISO text and datetime.date read in C++; any other cell: the general path below.
        days = _core.parse_days(series.to_numpy(dtype=object), _missing_cells())
        if days is not None:
            return days
    try:
        if pd.api.types.is_datetime64_any_dtype(series.dtype):
            raw = series.to_numpy()
            unit, _ = np.datetime_data(raw.dtype)
            per_day = _PER_DAY.get(unit)
            if per_day is not None:
                return _ticks_to_days(raw.view(np.int64), per_day)
            values = raw.astype("datetime64[D]")
        else:
            raw = series.to_numpy(dtype=object, copy=True)
            raw[pd.isna(raw)] = None
            first = next((v for v in raw if v is not None), None)
            if isinstance(first, datetime.datetime):
                raise ValueError("datetimes")
            values = np.array(raw, dtype="datetime64[D]")
        bad = None
    except (ValueError, TypeError):
        # Some cell is not a date: read cell by cell, so that only its row is refused.
        cells = series.to_numpy(dtype=object)
        present = ~pd.isna(cells)
        parsed = [_day_or_not(v) if p else None for v, p in zip(cells, present)]
        bad = np.array([p and d is None for d, p in zip(parsed, present)], dtype=bool)
        values = np.array([np.datetime64("NaT", "D") if d is None else d for d in parsed], dtype="datetime64[D]")
    days = values.astype(np.int64)
    missing = days == _NAT
    out = (days + _core.unix_epoch_day_number).astype(_I32)
    out[missing] = _core.missing_value
    if bad is not None:
        out[bad] = _core.not_a_date
    return out


def _strings(series: "pd.Series[Any]", lists: bool = False) -> Tuple["npt.NDArray[np.int32]", List[str]]:
    """A string column dictionary-encoded: codes (-1: missing) and labels.
    A categorical column (Arrow dictionaries read into pandas) is already
    encoded; ``lists``: cells may be lists of text, joined with commas."""
    import pandas as pd
    if isinstance(series.dtype, pd.CategoricalDtype):
        return series.cat.codes.to_numpy().astype(_I32), [str(c) for c in series.cat.categories]
    data = _arrow(series)
    if data is not None:
        import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
        if not pa.types.is_nested(data.type.value_type if pa.types.is_dictionary(data.type) else data.type):
            codes, values = _arrow_dictionary(data)
            return codes, [v if isinstance(v, str) else str(v) for v in values]
        series = pd.Series(data.to_pandas(), copy=False)
    if series.dtype == object or isinstance(series.dtype, pd.StringDtype):
        encoded = _core.encode_strings(series.to_numpy(dtype=object), _missing_cells())
        if encoded is not None:
            return encoded
    if lists:
        series = _codes_text(series)
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return codes.astype(_I32, copy=False), [str(u) for u in uniques]


def _integers(series: "pd.Series[Any]", table: str, column: str) -> "npt.NDArray[np.int32]":
    import pandas as pd
    values = pd.to_numeric(series, errors="coerce")
    bad = values.isna() & series.notna()
    as_float = values.to_numpy(dtype=float, na_value=np.nan)
    if bool(bad.any()) or bool((np.isfinite(as_float) & (as_float != np.round(as_float))).any()):
        raise _make("wrong_type", f"/{table}/{column}", "expected whole numbers")
    out = np.where(np.isnan(as_float), float(_core.missing_value), as_float)
    out = np.clip(out, np.iinfo(_I32).min, np.iinfo(_I32).max)
    return out.astype(_I32)


class _PersonIndex:
    """The persons table's ids, to find the row each long table's person names."""

    def __init__(self, ids: "npt.NDArray[np.int32]", labels: List[str]) -> None:
        import pandas as pd
        self.labels = pd.Index(labels)
        self.first_row = np.full(len(labels), -1, dtype=_I32)
        valid = np.flatnonzero(ids >= 0)[::-1]
        self.first_row[ids[valid]] = valid.astype(_I32)  # reversed: the first row wins


def _person_rows(index: _PersonIndex, column: "pd.Series[Any]") -> "npt.NDArray[np.int32]":
    """Rows of the persons table named by a long table's person column (-1: no such person)."""
    # Each distinct person looked up once, then spread by the codes.
    codes, names = _strings(column)
    by_name = index.labels.get_indexer(names)  # type: ignore[no-untyped-call]
    rows = np.append(np.where(by_name >= 0, index.first_row[by_name], -1), -1).astype(_I32)
    picked: "npt.NDArray[np.int32]" = rows[codes]  # code -1 (missing): the appended -1
    return picked


def _codes_text(series: "pd.Series[Any]") -> "pd.Series[Any]":
    """Codes as text: lists, tuples and arrays (["EC", "FA"]) joined with commas, text as it is."""
    if series.dtype != object:
        return series
    return series.map(lambda v: v if v is None or isinstance(v, str) or np.ndim(v) == 0 else ",".join(v))


class _Jobs:
    """The long tables' columns converted on two threads where some are
    pyarrow-backed (Arrow text is encoded with the GIL released, so columns
    overlap), else one after the other; results and errors in column order."""

    def __init__(self, parallel: bool) -> None:
        self._pool = ThreadPoolExecutor(2) if parallel else None
        self._jobs: List[Tuple[str, Any]] = []

    def add(self, key: str, f: Callable[..., Any], *args: Any) -> None:
        self._jobs.append((key, self._pool.submit(f, *args) if self._pool else f(*args)))

    def into(self, tables: Dict[str, Any]) -> None:
        try:
            for key, job in self._jobs:
                tables[key] = job.result() if self._pool else job
        finally:
            if self._pool:
                self._pool.shutdown(cancel_futures=True)


def _tables(persons: "pd.DataFrame", events: Optional["pd.DataFrame"], leaves: Optional["pd.DataFrame"],
            assignments: Optional["pd.DataFrame"], planned: Optional["pd.DataFrame"] = None) -> Dict[str, Any]:
    _check_columns(persons, "persons", PERSON_COLUMNS + ROLE_COLUMNS, ("id", "municipality", "employment_start"))
    t: Dict[str, Any] = {"persons": len(persons)}
    ids, id_labels = _strings(persons["id"])
    t["id"] = (ids, id_labels)
    index = _PersonIndex(ids, id_labels)
    t["municipality"] = _strings(persons["municipality"])
    if "unit" in persons:
        t["unit"] = _strings(persons["unit"])
    for column in ("employment_start", "hired_on", "profession_start", "mentor_profession_start"):
        if column in persons:
            t[column] = _days(persons[column], "persons", column)
    for column in ("prior_experience_months", "mentor_prior_experience_months"):
        if column in persons:
            t[column] = _integers(persons[column], "persons", column)
    if "mentor_municipality" in persons:
        t["mentor_municipality"] = _strings(persons["mentor_municipality"])
    t["people"] = [(role, _strings(persons[role])) for role in ROLE_COLUMNS if role in persons]

    long = [f for f in (events, leaves, assignments, planned) if f is not None and len(f)]
    jobs = _Jobs(parallel=any(_arrow(f[c]) is not None for f in long for c in f.columns))
    if events is not None and len(events):
        _check_columns(events, "events", _EVENT_COLUMNS, ("person", "type", "date"))
        ref = events["ref"] if "ref" in events else None
        for alt in ("item", "module", "component"):
            if alt in events:
                ref = events[alt] if ref is None else ref.fillna(events[alt])
        if ref is None:
            raise _make("missing_field", "/events/ref", "required column is missing")
        jobs.add("events.person", _person_rows, index, events["person"])
        jobs.add("events.type", _strings, events["type"])
        jobs.add("events.ref", _strings, ref)
        jobs.add("events.date", _days, events["date"], "events", "date")
        if "round" in events:
            jobs.add("events.round", _strings, events["round"])
    if leaves is not None and len(leaves):
        _check_columns(leaves, "leaves", _LEAVE_COLUMNS, ("person", "from", "to"))
        jobs.add("leaves.person", _person_rows, index, leaves["person"])
        jobs.add("leaves.from", _days, leaves["from"], "leaves", "from")
        jobs.add("leaves.to", _days, leaves["to"], "leaves", "to")
        if "kind" in leaves:
            jobs.add("leaves.kind", _strings, leaves["kind"])
    if assignments is not None and len(assignments):
        _check_columns(assignments, "assignments", _ASSIGNMENT_COLUMNS, _ASSIGNMENT_COLUMNS)
        jobs.add("assignments.person", _person_rows, index, assignments["person"])
        jobs.add("assignments.item", _strings, assignments["item"])
        jobs.add("assignments.codes", _strings, assignments["codes"], True)
    if planned is not None and len(planned):
        _check_columns(planned, "planned", _PLANNED_COLUMNS, _PLANNED_COLUMNS)
        jobs.add("planned.person", _person_rows, index, planned["person"])
        jobs.add("planned.item", _strings, planned["item"])
        jobs.add("planned.date", _days, planned["date"], "planned", "date")
    jobs.into(t)
    return t


def _check_unicode(tables: Dict[str, Any]) -> None:
    """Text that is not valid Unicode (a lone surrogate) cannot cross into the
    library, and pybind11's own error would quote every argument: the whole
    population. Refused here, naming the column."""
    named = [(k, v) for k, v in tables.items() if k != "people"] + list(tables.get("people", []))
    for key, value in named:
        if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], list):
            try:
                "".join(value[1]).encode("utf-8")
            except UnicodeEncodeError:
                table, _, column = key.rpartition(".")
                raise _make("parse_error", f"/{table or 'persons'}/{column}",
                            "text that is not valid Unicode (a lone surrogate)") from None


def _frame(columns: List[Tuple[str, str, List[str], "npt.NDArray[Any]"]], nullable: bool) -> "pd.DataFrame":
    """The core's output columns as a DataFrame. They come in the dtypes pandas
    keeps (category codes as narrow integers, days as int64 seconds, booleans
    as int8 with -1 for none), so no column is copied but the booleans."""
    import pandas as pd
    missing = _core.missing_value
    data: Dict[str, Any] = {}
    for name, kind, categories, values in columns:
        if kind == "category":
            data[name] = pd.Categorical.from_codes(values, categories=pd.Index(categories))  # type: ignore[arg-type]
        elif kind == "day":
            data[name] = values.view("datetime64[s]")
        elif kind == "boolean":
            data[name] = pd.arrays.BooleanArray(values == 1, values < 0) if nullable else values == 1
        elif nullable:
            data[name] = pd.arrays.IntegerArray(values, values == missing)
        else:
            data[name] = values
    return pd.DataFrame(data, copy=False)


def _from_arrow(frame: Any) -> Any:
    """A pyarrow.Table as a DataFrame over the same Arrow buffers (no copy)."""
    if frame is None or not type(frame).__module__.startswith("pyarrow") or not hasattr(frame, "column_names"):
        return frame
    import pandas as pd
    return pd.DataFrame({name: frame.column(name).to_pandas(types_mapper=pd.ArrowDtype)
                         for name in frame.column_names}, copy=False)


def evaluate_population(program: "Program", persons: "pd.DataFrame", events: Optional["pd.DataFrame"],
                        leaves: Optional["pd.DataFrame"], assignments: Optional["pd.DataFrame"],
                        as_of: datetime.date, threads: int, keep_errors: bool, decode_only: bool = False,
                        planned: Optional["pd.DataFrame"] = None, outputs: Optional[Sequence[str]] = None,
                        items: Union[bool, str] = True) -> Population:
    """``decode_only`` is the benchmarks' floor: the same frames in and out, no rule applied.
    ``outputs`` and ``items`` as in :meth:`Program.evaluate_population`."""
    _require_pandas()
    import pandas as pd

    if items not in (True, False, "lazy"):
        raise ValueError('items is True, False or "lazy"')
    wanted = None if outputs is None else [outputs] if isinstance(outputs, str) else [str(o) for o in outputs]
    persons, events, leaves, assignments, planned = (
        _from_arrow(f) for f in (persons, events, leaves, assignments, planned))
    tables = _tables(persons, events, leaves, assignments, planned)
    _check_unicode(tables)
    person_cols, item_cols = _core.evaluate_population(program._core, tables, as_of, threads, keep_errors, decode_only,
                                                       wanted, items is not False)
    del tables  # the input's codes and days: freed before the frames are built
    ids = persons["id"].astype(str).to_numpy()
    out_persons = _frame(person_cols, nullable=keep_errors)
    del person_cols
    out_persons["person"] = ids

    def items_frame() -> "pd.DataFrame":
        # The core gives the number of item rows per person, not a person per row.
        (_, _, _, rows), columns = item_cols[0], item_cols[1:]
        codes = np.repeat(np.arange(len(rows), dtype=_I32), rows)
        person = pd.Categorical.from_codes(codes, categories=pd.Index(ids))  # type: ignore[arg-type]
        frame = _frame(columns, nullable=False)
        frame.insert(0, "person", pd.Series(person, copy=False))
        return frame

    built: Any = None if items is False else items_frame if items == "lazy" else items_frame()
    return Population(program.id, program.version, as_of, out_persons, built)
