"""Regional coordination (docs/coordination.md): supervision groups
that mix municipalities (R5), groups for annual activities (R7), mentors from
another municipality (R6), and the coordinator's term plan over a
population, with pandas frames for analysts.

The algorithms and the rules are in the C++ core; this module converts.
"""

from __future__ import annotations

import datetime
import json
import numbers
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union, cast

import numpy as np

from . import _core
from ._population import _check_columns, _days, _integers, _require_pandas
from ._program import PersonRecord, _check_date, _json_default
from .errors import _unicode

if TYPE_CHECKING:
    import pandas as pd

    from ._program import Program

__all__ = ["CoordinationReport", "coordinate", "form_supervision_groups", "match_mentors"]

#: Mentors offering time: a DataFrame or mappings with ``id``, ``municipality``,
#: ``profession_start`` and optionally ``prior_experience_months`` and ``capacity``.
Mentors = Union["pd.DataFrame", Iterable[Mapping[str, Any]]]

#: Annual activities to form groups for: mappings as the request document has
#: them, ``{"component": "yrkeshandledning", "year": 2027, "group": {"min": 6,
#: "max": 8}}``; ``year`` defaults to the year the term starts in, ``group``
#: is needed when the program sets no size.
AnnualGroups = Iterable[Mapping[str, Any]]


def _text(series: "pd.Series[Any]", table: str, column: str) -> List[str]:
    if bool(series.isna().any()):
        from .errors import _make
        raise _make("missing_field", f"/{table}/{column}", "a value is missing")
    values = [str(v) for v in series.tolist()]
    try:
        "".join(values).encode("utf-8")
    except UnicodeEncodeError:  # pybind11's own error would quote every argument
        from .errors import _make
        raise _make("parse_error", f"/{table}/{column}", "text that is not valid Unicode (a lone surrogate)") from None
    return values


def _start_by(frame: "pd.DataFrame", table: str) -> "np.ndarray[Any, np.dtype[np.int32]]":
    if "start_by" in frame.columns:
        return _days(frame["start_by"], table, "start_by")
    return np.full(len(frame), _core.missing_value, dtype=np.int32)


def form_supervision_groups(candidates: "pd.DataFrame", *, min_size: int, max_size: int,
                            mix_municipalities: bool = True) -> "pd.DataFrame":
    """Supervision groups of ``min_size``..``max_size`` (GR: 6-8) that mix municipalities (R5).

    ``candidates`` has the columns ``id`` and ``municipality``, and optionally
    ``start_by`` (the last day of the person's window: among one municipality,
    the sooner is placed first when not everyone can be). Returns the
    candidates in input order with ``group`` (1, 2, ...; missing when
    unplaced) and ``reason`` (``too_few_people``, ``groups_full`` or missing).
    The frame's ``attrs["objective"]`` holds the objective reached: placed,
    same_municipality_pairs, pairs_lower_bound, size_spread, groups.
    """
    _require_pandas()
    import pandas as pd
    _check_columns(candidates, "candidates", ("id", "municipality", "start_by"), ("id", "municipality"))
    group, reason, objective = _core.form_supervision_groups(
        _text(candidates["id"], "candidates", "id"), _text(candidates["municipality"], "candidates", "municipality"),
        _start_by(candidates, "candidates"), int(min_size), int(max_size), bool(mix_municipalities))
    out = pd.DataFrame({
        "id": candidates["id"].to_numpy(),
        "municipality": candidates["municipality"].to_numpy(),
        "group": pd.array([int(g) if g > 0 else None for g in group.tolist()], dtype="Int32"),
        "reason": pd.array([r or None for r in reason], dtype="object"),
    }, index=candidates.index)
    out.attrs["objective"] = dict(objective)
    return out


def match_mentors(adepts: "pd.DataFrame", mentors: "pd.DataFrame", *, other_municipality: bool = True,
                  more_experienced: bool = True) -> "pd.DataFrame":
    """As many adepts as possible each with a mentor (R6): from another
    municipality and more experienced (as the rules say), no mentor above
    capacity; a maximum matching.

    ``adepts``: ``id``, ``municipality``, ``experience_months`` and optionally
    ``start_by``. ``mentors``: ``id``, ``municipality``, ``experience_months``
    and optionally ``capacity`` (1 by default). Returns the adepts in input
    order with ``mentor``, ``mentor_municipality``,
    ``mentor_experience_months`` (missing when unmatched), ``reason``
    (``no_eligible_mentor``, ``mentors_at_capacity`` or missing) and
    ``eligible_mentors``. ``attrs["remaining_capacity"]`` holds each mentor's
    places left, in the mentors' order.
    """
    _require_pandas()
    import pandas as pd
    _check_columns(adepts, "adepts", ("id", "municipality", "experience_months", "start_by"),
                   ("id", "municipality", "experience_months"))
    _check_columns(mentors, "mentors", ("id", "municipality", "experience_months", "capacity"),
                   ("id", "municipality", "experience_months"))
    capacity = (_integers(mentors["capacity"], "mentors", "capacity") if "capacity" in mentors.columns
                else np.ones(len(mentors), dtype=np.int32))
    capacity = np.where(capacity == _core.missing_value, 1, capacity).astype(np.int32)
    mentor, reason, eligible, remaining = _core.match_mentors(
        _text(adepts["id"], "adepts", "id"), _text(adepts["municipality"], "adepts", "municipality"),
        _integers(adepts["experience_months"], "adepts", "experience_months"), _start_by(adepts, "adepts"),
        _text(mentors["id"], "mentors", "id"), _text(mentors["municipality"], "mentors", "municipality"),
        _integers(mentors["experience_months"], "mentors", "experience_months"), capacity,
        bool(other_municipality), bool(more_experienced))
    matched = mentor >= 0
    rows = np.where(matched, mentor, 0)

    def pick(column: str, dtype: str) -> Any:
        values = mentors[column].to_numpy()[rows] if len(mentors) else np.zeros(len(adepts), dtype=object)
        return pd.array([v if m else None for v, m in zip(values.tolist(), matched.tolist())], dtype=dtype)

    out = pd.DataFrame({
        "id": adepts["id"].to_numpy(),
        "municipality": adepts["municipality"].to_numpy(),
        "experience_months": adepts["experience_months"].to_numpy(),
        "mentor": pick("id", "object"),
        "mentor_municipality": pick("municipality", "object"),
        "mentor_experience_months": pick("experience_months", "Int32"),
        "reason": pd.array([r or None for r in reason], dtype="object"),
        "eligible_mentors": eligible,
    }, index=adepts.index)
    out.attrs["remaining_capacity"] = remaining.tolist()
    return out


def _mentor_records(mentors: Optional[Mentors]) -> List[Dict[str, Any]]:
    if mentors is None:
        return []
    if type(mentors).__name__ == "DataFrame" and hasattr(mentors, "to_dict"):
        import pandas as pd
        records: List[Dict[str, Any]] = []
        for row in cast("pd.DataFrame", mentors).to_dict("records"):
            record = {str(k): v for k, v in row.items() if not (v is None or (isinstance(v, float) and np.isnan(v)))}
            start = record.get("profession_start")
            if isinstance(start, pd.Timestamp):
                record["profession_start"] = start.date()
            for key in ("prior_experience_months", "capacity"):
                if key in record:
                    record[key] = int(record[key])
            records.append(record)
        return records
    return [dict(m) for m in cast(Iterable[Mapping[str, Any]], mentors)]


def _integer(value: Any) -> Any:
    # NumPy's integers (a year read from a frame) as Python's; anything else as given, for the reader to judge.
    return int(value) if isinstance(value, numbers.Integral) and not isinstance(value, bool) else value


def _annual_records(annual_groups: Optional[AnnualGroups]) -> List[Dict[str, Any]]:
    records: List[Dict[str, Any]] = []
    for entry in annual_groups or ():
        record = dict(entry)
        if "year" in record:
            record["year"] = _integer(record["year"])
        if isinstance(record.get("group"), Mapping):
            record["group"] = {k: _integer(v) for k, v in record["group"].items()}
        records.append(record)
    return records


def _person_document(person: PersonRecord) -> Any:
    return json.loads(person) if isinstance(person, str) else person


class CoordinationReport:
    """A coordinator's term plan (data/schema/coordination.schema.json).

    ``document`` is the report as a dict; the properties give its sections as
    pandas DataFrames, one row per person (groups, pairs) or entry.
    """

    __slots__ = ("document",)

    def __init__(self, document: Dict[str, Any]) -> None:
        self.document = document

    def __repr__(self) -> str:
        s = self.document["summary"]
        return (f"<CoordinationReport {self.document['program']} on {self.document['as_of']}, term "
                f"{self.document['term']['from']}..{self.document['term']['to']}: {s['persons']} persons, "
                f"{s['supervision_groups']} groups, {s['annual_groups']} annual groups, "
                f"{s['mentor_pairs']} mentor pairs>")

    def to_json(self) -> str:
        return json.dumps(self.document, ensure_ascii=False)

    @property
    def summary(self) -> Dict[str, int]:
        return dict(self.document["summary"])

    @staticmethod
    def _frame(rows: List[Dict[str, Any]], columns: List[str], dates: Tuple[str, ...] = ()) -> "pd.DataFrame":
        _require_pandas()
        import pandas as pd
        frame = pd.DataFrame(rows, columns=columns)
        for column in dates:
            frame[column] = [datetime.date.fromisoformat(v) if isinstance(v, str) else v for v in frame[column]]
        return frame

    @property
    def course_starts(self) -> "pd.DataFrame":
        """Who should start the course this term; soonest closing window first."""
        rows = [{**{k: e[k] for k in ("person", "municipality", "component", "eligibility", "closes_in_term",
                                      "closes_before_term")},
                 "window_from": e["window"]["from"], "window_to": e["window"]["to"]}
                for e in self.document["course_starts"]]
        return self._frame(rows, ["person", "municipality", "component", "eligibility", "window_from", "window_to",
                                  "closes_in_term", "closes_before_term"], ("window_from", "window_to"))

    @property
    def windows_passed(self) -> "pd.DataFrame":
        rows = [{"person": e["person"], "municipality": e["municipality"], "component": e["component"],
                 "window_from": e["window"]["from"], "window_to": e["window"]["to"]}
                for e in self.document["windows_passed"]]
        return self._frame(rows, ["person", "municipality", "component", "window_from", "window_to"],
                           ("window_from", "window_to"))

    @property
    def groups(self) -> "pd.DataFrame":
        """Proposed supervision groups: one row per member."""
        rows = [{"component": plan["component"], "group": g["group"], "size": g["size"], "person": m["person"],
                 "municipality": m["municipality"]}
                for plan in self.document["supervision"] for g in plan["groups"] for m in g["members"]]
        return self._frame(rows, ["component", "group", "size", "person", "municipality"])

    @property
    def unplaced(self) -> "pd.DataFrame":
        rows = [{"component": plan["component"], **u} for plan in self.document["supervision"]
                for u in plan["unplaced"]]
        return self._frame(rows, ["component", "person", "municipality", "reason", "message"])

    @property
    def annual_groups(self) -> "pd.DataFrame":
        """Proposed groups for the annual activities asked for: one row per
        member; ``joins_on`` is the employment start of those who join during
        the year (missing for those employed from its first day)."""
        rows: List[Dict[str, Any]] = []
        for plan in self.document["annual_groups"]:
            joining = {j["person"]: j["employment_start"] for j in plan["joining"]}
            rows += [{"component": plan["component"], "year": plan["year"], "group": g["group"], "size": g["size"],
                      "person": m["person"], "municipality": m["municipality"], "joins_on": joining.get(m["person"])}
                     for g in plan["groups"] for m in g["members"]]
        return self._frame(rows, ["component", "year", "group", "size", "person", "municipality", "joins_on"],
                           ("joins_on",))

    @property
    def annual_unplaced(self) -> "pd.DataFrame":
        """Those employed in the year whom no group of an annual activity holds."""
        rows = [{"component": plan["component"], "year": plan["year"], **u} for plan in self.document["annual_groups"]
                for u in plan["unplaced"]]
        return self._frame(rows, ["component", "year", "person", "municipality", "reason", "message"])

    @property
    def pairs(self) -> "pd.DataFrame":
        """Proposed mentor pairs: one row per adept matched."""
        rows = [{"component": plan["component"], **p} for plan in self.document["mentoring"] for p in plan["pairs"]]
        return self._frame(rows, ["component", "adept", "adept_municipality", "adept_experience_months", "mentor",
                                  "mentor_municipality", "mentor_experience_months"])

    @property
    def unmatched(self) -> "pd.DataFrame":
        rows = [{"component": plan["component"], **u} for plan in self.document["mentoring"]
                for u in plan["unmatched"]]
        return self._frame(rows, ["component", "adept", "municipality", "experience_months", "reason",
                                  "eligible_mentors", "message"])

    @property
    def certificates_due(self) -> "pd.DataFrame":
        return self._frame(list(self.document["certificates_due"]),
                           ["person", "municipality", "component", "completed_on", "certificate_id"], ("completed_on",))

    @property
    def introduktor_hours(self) -> "pd.DataFrame":
        """Introduktör hours over the term: one row per newcomer (introduktor missing: none named)."""
        intro = self.document["introduktor_hours"]
        rows: List[Dict[str, Any]] = []
        if intro is not None:
            for load in intro["introduktors"]:
                rows += [{"introduktor": load["introduktor"], **n} for n in load["newcomers"]]
            rows += [{"introduktor": None, **n} for n in intro["without_introduktor"]]
        return self._frame(rows, ["introduktor", "person", "municipality", "hours"])


def coordinate(program: "Program", persons: Iterable[PersonRecord], *, as_of: datetime.date,
               term: Tuple[datetime.date, datetime.date], mentors: Optional[Mentors] = None,
               annual_groups: Optional[AnnualGroups] = None, language: str = "sv") -> CoordinationReport:
    """The coordinator's report over a population on ``as_of`` for ``term``
    (first and last day, both inclusive): who should start the course, who has
    passed a window, supervision groups, groups for the ``annual_groups``
    asked for (everyone employed in the year, mixing municipalities as the
    program says), mentor pairs, certificates due and introduktör hours. Every
    person is evaluated by the rules engine; errors point into the request
    ("/persons/3/employment_start", "/annual_groups/0/group")."""
    first, last = term
    request = {
        "as_of": _check_date(as_of),
        "term": {"from": _check_date(first), "to": _check_date(last)},
        "language": language,
        "persons": [_person_document(p) for p in persons],
        "mentors": _mentor_records(mentors),
    }
    if annual_groups is not None:
        request["annual_groups"] = _annual_records(annual_groups)
    text = _unicode(json.dumps(request, default=_json_default, ensure_ascii=False))
    return CoordinationReport(json.loads(_core.coordinate(program._core, text)))
