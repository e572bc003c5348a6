"""What every command shares: exit codes by error class, errors on stderr in
the contract's shape (code, JSON Pointer, message; never a traceback, never
a value from the input), program loading, dates and the progress bar."""

from __future__ import annotations

import datetime
import json
import os
import sys
from pathlib import Path
from typing import Any, List, Optional, Sequence, TextIO

from .. import errors as _errors
from .._program import Program

#: Exit codes: what went wrong, by the error's class (docs/contract.md, "Errors").
EXIT_OK = 0
EXIT_FAILED = 1            # a check that found problems, a diff that found differences
EXIT_USAGE = 2             # a command line argparse refuses
EXIT_PARSE = 3             # parse_error, limit_exceeded
EXIT_INPUT = 4             # wrong_type, missing_field, unknown_field, invalid_*, duplicate_id, future_event, ...
EXIT_ID = 5                # unknown_reference
EXIT_PROGRAM = 6           # phase_gap, phase_overlap, cycle
EXIT_NOT_FOUND = 7         # not_found
EXIT_REQUIREMENTS = 8      # requirements_not_met
EXIT_NOT_VERIFIED = 9      # a credential that does not verify
EXIT_IO = 10               # a file that cannot be read or written
EXIT_INTERNAL = 70         # a fault of this program (EX_SOFTWARE)

EXIT_CODES_HELP = """exit codes:
  0 done; 1 problems found (check, diff); 2 usage; 3 parse_error or limit_exceeded;
  4 an invalid value (wrong_type, missing_field, unknown_field, invalid_value, invalid_date, duplicate_id, ...);
  5 unknown_reference; 6 a program that does not hold together (phase_gap, cycle, ...);
  7 not_found; 8 requirements_not_met; 9 a credential that does not verify; 10 a file not read or written;
  70 an internal fault.
errors go to stderr as "code at /json/pointer: message" (--error-format json: the contract's error
document), never with a value from the input."""


def exit_code(error: _errors.Error) -> int:
    for cls, code in ((_errors.ParseError, EXIT_PARSE), (_errors.InputError, EXIT_INPUT), (_errors.IdError, EXIT_ID),
                      (_errors.ProgramError, EXIT_PROGRAM), (_errors.NotFoundError, EXIT_NOT_FOUND),
                      (_errors.RequirementsNotMetError, EXIT_REQUIREMENTS)):
        if isinstance(error, cls):
            return code
    return EXIT_INPUT


def error_document(error: _errors.Error) -> dict[str, Any]:
    """The contract's error: the first problem's code, path and message, and every problem."""
    return {"code": error.code, "path": error.path, "message": error.message,
            "problems": [{"code": p.code, "path": p.path, "message": p.message} for p in error.problems]}


def report_error(error: _errors.Error, form: str, where: str = "", stream: Optional[TextIO] = None) -> None:
    out = stream or sys.stderr
    if form == "json":
        document = error_document(error)
        if where:
            document["input"] = where
        out.write(json.dumps(document, ensure_ascii=False) + "\n")
        return
    prefix = f"yrkesresan: {where}: " if where else "yrkesresan: "
    problems = list(error.problems)
    if problems and (error.code, error.path, error.message) != tuple(problems[0]):
        # An error with problems of its own (requirements_not_met: what is missing).
        out.write(f"{prefix}{error.code} at {error.path or '(document)'}: {error.message}\n")
        prefix += "  "
    for p in problems:
        out.write(f"{prefix}{p.code} at {p.path or '(document)'}: {p.message}\n")


def parse_date(text: str) -> datetime.date:
    """A calendar date YYYY-MM-DD (argparse type: a bad one is a usage error)."""
    import argparse
    try:
        if len(text) != 10:
            raise ValueError
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("a date is YYYY-MM-DD and must exist") from None


def load_program(spec: str, overlays: Sequence[str] = ()) -> Program:
    """A built-in program by id, or a program definition file; overlays are files, in order."""
    if spec in Program.builtin_ids():
        return Program.builtin(spec, overlays=list(overlays))
    if spec.endswith(".json") or os.path.sep in spec or Path(spec).is_file():
        return Program.from_file(spec, overlays=list(overlays))
    return Program.builtin(spec, overlays=list(overlays))  # NotFoundError names the problem


def write_output(text: str, out: Optional[str]) -> None:
    if out and out != "-":
        Path(out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


class Progress:
    """A progress bar on stderr, only when it is a terminal and the work is long."""

    def __init__(self, total: int, label: str, enabled: Optional[bool] = None, minimum: int = 200) -> None:
        self.total, self.label, self.done = total, label, 0
        if enabled is None:
            enabled = sys.stderr.isatty() and total >= minimum
        self.enabled = enabled
        self._shown = -1

    def __call__(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        percent = self.done * 100 // max(self.total, 1)
        if percent != self._shown:
            self._shown = percent
            filled = percent // 5
            sys.stderr.write(f"\r{self.label} [{'#' * filled}{'.' * (20 - filled)}] {self.done}/{self.total}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self._shown >= 0:
            sys.stderr.write("\n")


def lines(items: List[str]) -> str:
    return "".join(f"{i}\n" for i in items)
