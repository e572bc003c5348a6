"""Cohorts as files: a JSON array of person records, JSON lines (one record a
line), or tables (CSV or Parquet) in the columns of the population API
(README, "A whole population"): a persons table and, optionally, events,
leaves, assignments and planned tables. Tables become person records here,
column by column; the library checks them as it checks any record."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, List, Optional

from .._population import PERSON_COLUMNS, ROLE_COLUMNS
from ..errors import _make, _utf8

if TYPE_CHECKING:
    import pandas as pd

TABLE_SUFFIXES = (".csv", ".parquet")
_EVENT_FIELD = {"item_done": "item", "module_attended": "module", "homework_submitted": "module",
                "session_attended": "component", "certificate_issued": "component"}


def read_json_document(path: str) -> Any:
    """A JSON document from a file ("-": standard input), UTF-8, as the library reads text."""
    import sys
    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    text = _utf8(data)
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise _make("parse_error", "", f"malformed JSON at line {e.lineno} column {e.colno}") from None


def read_text(path: str) -> str:
    import sys
    return _utf8(sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes())


def read_table(path: str, table: str) -> "pd.DataFrame":
    """A CSV or Parquet table; CSV cells stay text (the library reads dates and numbers)."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the environment
        raise SystemExit("yrkesresan: tables need pandas (and pyarrow for Parquet): pip install 'yrkesresan[cli]'")
    if not path.endswith(TABLE_SUFFIXES):
        raise _make("invalid_value", f"/{table}", "a table is a .csv or .parquet file")
    try:
        if path.endswith(".parquet"):
            return pd.read_parquet(path)
        return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    except OSError:
        raise
    except Exception:  # the readers' messages may quote cells: only the table is named
        raise _make("parse_error", f"/{table}", "not a readable table") from None


def read_records(path: str, events: Optional[str] = None, leaves: Optional[str] = None,
                 assignments: Optional[str] = None, planned: Optional[str] = None) -> List[Any]:
    """The person records of a cohort file, in file order."""
    if path.endswith(TABLE_SUFFIXES):
        return records_from_tables(read_table(path, "persons"),
                                   read_table(events, "events") if events else None,
                                   read_table(leaves, "leaves") if leaves else None,
                                   read_table(assignments, "assignments") if assignments else None,
                                   read_table(planned, "planned") if planned else None)
    if path.endswith((".jsonl", ".ndjson")):
        records = []
        for number, line in enumerate(read_text(path).splitlines()):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError:
                    raise _make("parse_error", f"/{number}", f"malformed JSON on line {number + 1}") from None
        return records
    document = read_json_document(path)
    if not isinstance(document, list):
        raise _make("wrong_type", "", "a cohort is a JSON array of person records (or JSON lines, CSV, Parquet)")
    return document


def _present(value: Any) -> bool:
    try:
        import pandas as pd
        return not bool(pd.isna(value))
    except (TypeError, ValueError):
        return True


def _text(value: Any) -> Any:
    """A cell as the record holds it: dates as ISO text, whole numbers as int."""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if hasattr(value, "item"):  # a NumPy scalar
        return value.item()
    return value


def _whole(value: Any) -> int:
    """A whole number from a cell: 24, "24", or 24.0 (a CSV column with gaps)."""
    number = float(_text(value))
    if not number.is_integer():
        raise ValueError
    return int(number)


def _check(frame: "pd.DataFrame", table: str, allowed: tuple[str, ...], required: tuple[str, ...]) -> None:
    from .._population import _check_columns
    _check_columns(frame, table, allowed, required)


def records_from_tables(persons: "pd.DataFrame", events: Optional["pd.DataFrame"] = None,
                        leaves: Optional["pd.DataFrame"] = None, assignments: Optional["pd.DataFrame"] = None,
                        planned: Optional["pd.DataFrame"] = None) -> List[Dict[str, Any]]:
    """Person records from the population API's tables (rows of a person not in ``persons`` are refused)."""
    _check(persons, "persons", PERSON_COLUMNS + ROLE_COLUMNS, ("id", "municipality", "employment_start"))
    records: List[Dict[str, Any]] = []
    by_id: Dict[str, Dict[str, Any]] = {}
    for row_number, row in enumerate(persons.to_dict("records")):
        record: Dict[str, Any] = {}
        for column in ("id", "municipality", "unit", "employment_start", "hired_on", "profession_start"):
            if column in row and _present(row[column]):
                record[column] = _text(row[column])
        if "prior_experience_months" in row and _present(row["prior_experience_months"]):
            try:
                record["prior_experience_months"] = _whole(row["prior_experience_months"])
            except (TypeError, ValueError):
                raise _make("wrong_type", f"/persons/{row_number}/prior_experience_months",
                            "expected a whole number") from None
        people = {role: _text(row[role]) for role in ROLE_COLUMNS if role in row and _present(row[role])}
        if people:
            record["people"] = people
        mentor = {k[len("mentor_"):]: _text(row[k]) for k in ("mentor_municipality", "mentor_profession_start",
                                                                "mentor_prior_experience_months")
                  if k in row and _present(row[k])}
        if mentor and "mentor" in people:
            if "prior_experience_months" in mentor:
                try:
                    mentor["prior_experience_months"] = _whole(mentor["prior_experience_months"])
                except (TypeError, ValueError):
                    raise _make("wrong_type", f"/persons/{row_number}/mentor_prior_experience_months",
                                "expected a whole number") from None
            record["mentor"] = {"id": people["mentor"], **mentor}
        records.append(record)
        if "id" in record:
            by_id.setdefault(str(record["id"]), record)

    def owner(table: str, number: int, row: Dict[Any, Any]) -> Dict[str, Any]:
        person = row.get("person")
        if not _present(person) or str(_text(person)) not in by_id:
            raise _make("unknown_reference", f"/{table}/{number}/person", "names no person of the persons table")
        return by_id[str(_text(person))]

    if events is not None:
        _check(events, "events", ("person", "type", "ref", "item", "module", "component", "date", "round"),
               ("person", "type", "date"))
        for number, row in enumerate(events.to_dict("records")):
            record = owner("events", number, row)
            kind = _text(row["type"])
            event: Dict[str, Any] = {"type": kind}
            ref = next((_text(row[c]) for c in ("ref", "item", "module", "component") if c in row and _present(row[c])), None)
            if ref is not None:
                event[_EVENT_FIELD.get(str(kind), "ref")] = ref
            event["date"] = _text(row["date"])
            if "round" in row and _present(row["round"]):
                event["round"] = _text(row["round"])
            record.setdefault("events", []).append(event)
    if leaves is not None:
        _check(leaves, "leaves", ("person", "from", "to", "kind"), ("person", "from", "to"))
        for number, row in enumerate(leaves.to_dict("records")):
            leave = {k: _text(row[k]) for k in ("from", "to", "kind") if k in row and _present(row[k])}
            owner("leaves", number, row).setdefault("leaves", []).append(leave)
    if assignments is not None:
        _check(assignments, "assignments", ("person", "item", "codes"), ("person", "item", "codes"))
        for number, row in enumerate(assignments.to_dict("records")):
            codes = row["codes"]
            listed = [c.strip() for c in str(codes).split(",") if c.strip()] if _present(codes) else []
            plan = owner("assignments", number, row).setdefault("plan", {})
            plan.setdefault("assignments", {})[str(_text(row["item"]))] = listed
    if planned is not None:
        _check(planned, "planned", ("person", "item", "date"), ("person", "item", "date"))
        for number, row in enumerate(planned.to_dict("records")):
            plan = owner("planned", number, row).setdefault("plan", {})
            plan.setdefault("planned", {})[str(_text(row["item"]))] = _text(row["date"])
    return records
