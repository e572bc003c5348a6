"""The exceptions the library raises, each carrying a stable ``code`` and a
JSON Pointer ``path`` to the offending value (docs/contract.md, "Errors").

Messages name the problem and where it is, never a personal value.
"""

from __future__ import annotations

from typing import Dict, NamedTuple, Sequence, Tuple

__all__ = [
    "Error",
    "ParseError",
    "InputError",
    "LimitError",
    "ConflictError",
    "IdError",
    "ProgramError",
    "NotFoundError",
    "RequirementsNotMetError",
    "Problem",
]


class Problem(NamedTuple):
    """One problem in a rejected document."""

    code: str
    path: str
    message: str


class Error(ValueError):
    """Base of every error the library raises.

    ``code`` is the stable snake_case code of the error, ``path`` its JSON
    Pointer ("" = the whole document), ``problems`` every problem found. For
    most errors the first problem is the error itself; a
    RequirementsNotMetError's problems are the missing requirements, each
    with its own code (``homework_not_submitted``) and path (``/modules/m7``).
    """

    code: str
    path: str
    message: str
    problems: Tuple[Problem, ...]

    def __init__(self, text: str, problems: Sequence[Problem], summary: Problem | None = None) -> None:
        super().__init__(text)
        if not problems:
            problems = [Problem("invalid_value", "", text)]
        self.problems = tuple(problems)
        self.code, self.path, self.message = summary if summary is not None else self.problems[0]


class ParseError(Error):
    """Not well-formed JSON, or input beyond the library's limits."""


class LimitError(ParseError):
    """Input past one of the library's limits (docs/limits.md): size, depth, lengths, counts."""


class InputError(Error):
    """A value of the wrong type or outside what the format allows, or an id used twice."""


class ConflictError(InputError):
    """A record that contradicts the evaluation: a completion recorded after the evaluation date."""


class IdError(Error):
    """An id that names nothing."""


class ProgramError(Error):
    """A program whose phases or prerequisites do not hold together."""


class NotFoundError(Error, LookupError):
    """No built-in program with that id."""


class RequirementsNotMetError(Error):
    """A certificate asked for before its requirements are met.

    ``code`` is ``requirements_not_met`` and ``path`` ""; ``problems`` lists
    each missing requirement with the code of the evaluation's
    ``certificates[].missing`` finding (``module_not_attended``,
    ``homework_not_submitted``, ``sessions_missing``,
    ``attendance_period_over``) and the path of what is missing in the
    program (``/modules/m7``, ``/components/handledning``).
    """


# Each class of error (the C++ table, error_class in yrkesresan/error.hpp,
# which the C ABI's return codes follow too) and its exception.
_EXCEPTION_OF_CLASS = {
    "parse": ParseError,
    "limit": LimitError,
    "format": InputError,
    "reference": IdError,
    "rules": ProgramError,
    "conflict": ConflictError,
    "not_found": NotFoundError,
    "not_met": RequirementsNotMetError,
}


def _class_of_code() -> Dict[str, type[Error]]:
    from . import _core
    return {code: _EXCEPTION_OF_CLASS[cls] for code, cls in _core.error_classes().items()}


_CLASS_OF_CODE = _class_of_code()


def error_class(code: str) -> type[Error]:
    """The exception class raised for a code (Error for a code this version does not know)."""
    return _CLASS_OF_CODE.get(code, Error)


def _make(code: str, path: str, message: str) -> Error:
    """An error raised on the Python side (table columns), shaped like the core's."""
    text = f"[yrkesresan.{code}] {path or '(document)'}: {message}"
    return error_class(code)(text, [Problem(code, path, message)])


def _member_path(parent: str, key: str) -> str:
    """``parent/key``, or ``parent`` when the key may not be shown: the rule of
    the core's readers (key_may_be_shown, through _core). A key shaped like a
    field name or an id, with fewer than six digits, is shown; a name
    ("Astrid Canarysdotter") or a personnummer is not. The rule admits ASCII
    only, so text that is not (a lone surrogate included) is not shown."""
    from . import _core

    shown = key.isascii() and _core.key_may_be_shown(key)
    return f"{parent}/{key.replace('~', '~0').replace('/', '~1')}" if shown else parent


def _unicode(text: str) -> str:
    """``text``, checked to be valid Unicode: a lone surrogate is a ParseError.
    (Left to pybind11, it is a TypeError whose message quotes every argument:
    the whole record.)"""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        line = text.count("\n", 0, e.start) + 1
        column = e.start - (text.rfind("\n", 0, e.start) + 1) + 1
        raise _make(
            "parse_error", "", f"malformed JSON at line {line}, column {column} (character {e.start}): a lone surrogate"
        ) from None
    return text


def _utf8(data: bytes) -> str:
    """JSON text from bytes; bytes that are not UTF-8 are a ParseError, as in the core."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line_start = data.rfind(b"\n", 0, e.start) + 1
        line = data.count(b"\n", 0, e.start) + 1
        column = len(data[line_start : e.start].decode("utf-8", errors="replace")) + 1
        raise _make(
            "parse_error", "", f"malformed JSON at line {line}, column {column} (byte {e.start}): not UTF-8"
        ) from None


def _from_core(
    problems: Sequence[Tuple[str, str, str]], text: str, summary: Tuple[str, str, str] | None = None
) -> Error:
    """Called by the compiled module to turn yrkesresan::Error into Python;
    ``summary`` is the error's own (code, path, message)."""
    ps = [Problem(*p) for p in problems]
    own = Problem(*summary) if summary is not None else (ps[0] if ps else None)
    return error_class(own.code if own else "invalid_value")(text, ps, own)
