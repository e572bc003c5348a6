"""A reference implementation of the yrkesresan rules in plain Python.

Written from docs/rules.md, docs/interpretations.md and the program data
(data/programs/*.json, read as data: no program's ids or numbers live here),
not from the C++ engine, so that the two can be checked against each other
(tests/python/test_differential.py) and raced (the benchmarks). Standard
library only.

    from benchmarks.reference import load_program, evaluate, evaluate_many

    gr = load_program("gr-barn-unga")              # or a path to a program JSON
    doc = evaluate(gr, record, "2026-11-22")        # record: a person record (dict)
    docs = evaluate_many(gr, records, "2026-11-22")  # the benchmark's timing hook

``evaluate`` returns the evaluation document (data/schema/evaluation.schema.json)
without its human texts (labels, messages, sources, actions' ``what``) and
with ``certificate_id`` as a boolean; ``as_of`` is an ISO date string or a
``datetime.date``. Records are trusted to be valid: validation is the
library's job. Overlays are not supported.

Files by rule: dates (R1: dates, leave, clocks), program (R9: reading the
program), person (the record), checklists (R3), course (R4), supervision (R5),
support (R6: mentor, introduktör), annual (R7), certificates (R8), windows
(eligibility from the clocks), document (the evaluation).
"""

from __future__ import annotations

import datetime
from typing import Any, Dict, Iterable, List, Union

from . import dates
from .document import evaluate_person
from .person import read
from .program import Program, load

__all__ = ["Program", "load_program", "evaluate", "evaluate_many"]

DateLike = Union[str, datetime.date]


def load_program(name_or_path: str) -> Program:
    """A program by id from data/programs/ (``gr-barn-unga``) or from a JSON path."""
    return load(name_or_path)


def _day(as_of: DateLike) -> int:
    return as_of.toordinal() if isinstance(as_of, datetime.date) else dates.parse(as_of)


def evaluate(program: Program, record: Dict[str, Any], as_of: DateLike) -> Dict[str, Any]:
    """One person record (a dict, docs/contract.md) on `as_of`."""
    return evaluate_person(program, read(record), _day(as_of))


def evaluate_many(program: Program, records: Iterable[Dict[str, Any]], as_of: DateLike) -> List[Dict[str, Any]]:
    """Every record on `as_of`, in order: what the benchmarks time."""
    day = _day(as_of)
    return [evaluate_person(program, read(r), day) for r in records]
