"""The program checker: what an author of a program and its overlays is told
before anyone is evaluated against them (docs/authoring.md, "Checking a
program")."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable, List, Mapping, NamedTuple, Union

from . import _core
from .errors import Error, _unicode, _utf8

__all__ = ["CheckFinding", "check_program", "ProgramSource"]

#: A program or an overlay to check: its JSON text, the path of a file
#: holding it (``str`` or ``os.PathLike``), the document as a dict, or bytes.
#: A ``str`` whose first non-blank character is ``{`` is JSON text; any other
#: ``str`` is a path.
ProgramSource = Union[str, bytes, "os.PathLike[str]", Mapping[str, Any]]


class CheckFinding(NamedTuple):
    """One finding of :func:`check_program`."""

    severity: str  #: "error" (the program does not load) or "warning" (it loads but cannot be right)
    code: str  #: an error code (errors.py) or a warning code (docs/authoring.md)
    document: int  #: 0 the program, k the k-th overlay (1-based)
    path: str  #: JSON Pointer into that document; "" = the document
    line: int  #: 1-based line in that document's text; 0 when not known
    column: int  #: 1-based column (in characters); 0 when not known
    message: str  #: English; never a personal value

    def __str__(self) -> str:
        place = f"{self.line}:{self.column}" if self.line else "-"
        return f"{place}: {self.severity}: {self.code}: {self.path or '(document)'}: {self.message}"


def _text(source: ProgramSource) -> str:
    if isinstance(source, Mapping):
        return _unicode(json.dumps(source, ensure_ascii=False))
    if isinstance(source, bytes):
        return _utf8(source)
    if isinstance(source, str) and source.lstrip()[:1] == "{":
        return _unicode(source)
    return _utf8(Path(source).read_bytes())


def check_program(program: ProgramSource, overlays: Iterable[ProgramSource] = ()) -> List[CheckFinding]:
    """Checks a program definition and the overlays to be layered on it, in
    order, and returns every finding: errors first (what stops the program
    loading, as :meth:`Program.from_json` reports it), then warnings (what
    loads but cannot be right). An empty list: nothing to say.

    Never raises for a bad document: every problem is a finding, placed by
    its document, JSON Pointer, line and column. A file that cannot be read
    raises ``OSError``.

    >>> import yrkesresan
    >>> [f.code for f in yrkesresan.check_program('{"format": 1,}')]
    ['parse_error']
    """
    documents: List[str] = []
    for index, source in enumerate([program, *overlays]):
        try:
            documents.append(_text(source))
        except Error as e:  # not UTF-8, or a lone surrogate: the document's first and only finding
            return [CheckFinding("error", p.code, index, p.path, 0, 0, p.message) for p in e.problems]
    return [CheckFinding(*f) for f in _core.check_program(documents[0], documents[1:])]
