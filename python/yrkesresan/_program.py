"""Program: a loaded, validated, immutable program definition (GR, Uppsala or
a local adaptation) and the entry points that evaluate people against it."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _core
from .errors import _unicode, _utf8

if TYPE_CHECKING:
    import pandas as pd

    from ._population import Population

__all__ = ["Program", "Overlay", "PersonRecord"]

#: An overlay: the overlay document itself, or the path of a JSON file holding it.
Overlay = Union[Mapping[str, Any], str, "os.PathLike[str]"]
#: A person record (docs/contract.md): a dict (dates may be ``datetime.date``) or JSON text.
PersonRecord = Union[Mapping[str, Any], str]


def _json_default(value: object) -> str:
    if isinstance(value, datetime.datetime):
        raise TypeError("person records hold calendar dates, not datetimes")
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _dumps(document: Mapping[str, Any]) -> str:
    return _unicode(json.dumps(document, default=_json_default, ensure_ascii=False))


def _overlay_text(overlay: Overlay) -> str:
    if isinstance(overlay, Mapping):
        return _dumps(overlay)
    return _utf8(Path(overlay).read_bytes())


def _check_date(as_of: object) -> datetime.date:
    if isinstance(as_of, datetime.datetime) or not isinstance(as_of, datetime.date):
        raise TypeError("as_of must be a datetime.date (no times: the rules take calendar dates)")
    _core.check_date(as_of.year, as_of.month, as_of.day)
    return as_of


class Program:
    """A program definition after its overlays; immutable and picklable.

    Load one with :meth:`builtin`, :meth:`from_json` or :meth:`from_file`;
    overlays (municipality, then unit) are layered on in the order given.
    """

    __slots__ = ("_core",)

    def __init__(self, core: _core.Program) -> None:
        self._core = core

    # Loading -------------------------------------------------------------
    @classmethod
    def builtin(cls, id: str, overlays: Iterable[Overlay] = ()) -> "Program":
        """A program shipped inside the library (see :meth:`builtin_ids`)."""
        return cls(_core.Program.builtin(id)).with_overlays(*overlays)

    @staticmethod
    def builtin_ids() -> List[str]:
        """The ids of the programs shipped inside the library."""
        return _core.Program.builtin_ids()

    @classmethod
    def from_json(cls, definition: Union[str, Mapping[str, Any]], overlays: Iterable[Overlay] = ()) -> "Program":
        """A program from its definition (JSON text or the parsed document)."""
        text = _unicode(definition) if isinstance(definition, str) else _dumps(definition)
        return cls(_core.Program.from_json(text)).with_overlays(*overlays)

    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"], overlays: Iterable[Overlay] = ()) -> "Program":
        """A program from a JSON file."""
        return cls.from_json(_utf8(Path(path).read_bytes()), overlays)

    def with_overlays(self, *overlays: Overlay) -> "Program":
        """A new program with these overlays layered on; this one is unchanged."""
        if not overlays:
            return self
        return Program(self._core.with_overlays([_overlay_text(o) for o in overlays]))

    # What it is ------------------------------------------------------------
    @property
    def id(self) -> str:
        return self._core.id

    @property
    def version(self) -> str:
        return self._core.version

    @property
    def title(self) -> str:
        return self._core.title

    @property
    def valid_from(self) -> datetime.date:
        return self._core.valid_from

    @property
    def layers(self) -> List[str]:
        """Ids of the overlays applied, in order."""
        return self._core.layers

    @property
    def changes(self) -> List[_core.ProgramChange]:
        """The program's changelog, newest first: version, date, summary, sources."""
        return self._core.changes

    @property
    def phases(self) -> List[_core.Phase]:
        return self._core.phases

    @property
    def checklist_ids(self) -> List[str]:
        return self._core.checklist_ids

    @property
    def items(self) -> List[Tuple[str, str, str, str, List[str]]]:
        """(id, checklist, section, label, default codes) of every item, in display order."""
        return self._core.items

    def phase_at(self, months: int) -> _core.Phase:
        """The phase holding an experience of ``months``."""
        return self._core.phase_at(months)

    def to_json(self) -> str:
        """The effective definition after overlays; ``Program.from_json`` rebuilds an equal program."""
        return self._core.to_json()

    def to_dict(self) -> Any:
        return json.loads(self._core.to_json())

    def rule_book(self, format: str = "markdown") -> str:
        """The program's rule book, in Swedish: the whole program in words for a
        reviewer, every rule beside its citation (the quoted words, document and
        page, and the interpretation or assumption, marked as such).

        ``format`` is ``"markdown"`` (CommonMark with tables) or ``"html"`` (one
        self-contained, printable page). The same text as the C++
        ``rule_book()`` and the C ABI's ``yr_program_rule_book``; the rule books
        of the built-in programs are in docs/programs/. Raises InputError for
        another format.
        """
        return self._core.rule_book(format)

    # Evaluating --------------------------------------------------------------
    def evaluate(self, person: PersonRecord, as_of: datetime.date, language: str = "sv") -> _core.Evaluation:
        """Evaluates one person record (docs/contract.md) on ``as_of`` (messages in ``language``: sv or en).

        ``person`` is a dict (or any Mapping) with dates as ``datetime.date``
        or ISO text, read in C++ without a detour through JSON text, or the
        record as JSON text. Either is refused the same way, with the same
        code and JSON Pointer: a ``datetime.datetime`` (or another value JSON
        has no type for) where a date or a string goes is ``wrong_type``, as
        a number there would be, and a dict is held to the limits of
        docs/limits.md as its compact JSON text would be.
        """
        if isinstance(person, str):
            person = _unicode(person)
        return self._core.evaluate(person, _check_date(as_of), language)

    def evaluate_many(
        self,
        records: Iterable[PersonRecord],
        as_of: datetime.date,
        language: str = "sv",
        *,
        errors: str = "raise",
        as_dicts: bool = False,
        threads: int = 0,
    ) -> List[Any]:
        """Evaluates every record on ``as_of``, in order, on every core.

        The records (dicts or JSON text, as :meth:`evaluate` takes) are read
        with the GIL held and handed as they are read to ``threads`` threads
        (0: every core), which evaluate them in C++ without it; meanwhile the
        finished ones become the results, in order. Each result is what
        :meth:`evaluate` gives for the record, or with ``as_dicts=True`` its
        document, ``evaluate(record).to_dict()`` (built while the rest are
        still being evaluated). A refused record's error has its paths under
        the record's index (``/3/events/0/date``), as in the service's batch:
        ``errors="raise"`` raises the first refused record's error;
        ``errors="keep"`` puts the error (the exception object, not raised) in
        the record's place in the list.
        """
        if errors not in ("raise", "keep"):
            raise ValueError('errors is "raise" or "keep"')
        if isinstance(records, (str, bytes, Mapping)):
            raise TypeError("records is an iterable of person records (a list of dicts or JSON texts)")
        return self._core.evaluate_many(records, _check_date(as_of), language, errors == "keep", as_dicts, threads)

    def issue_certificate(self, person: PersonRecord, as_of: datetime.date, component: str,
                          issuer: Optional[str] = None) -> _core.Certificate:
        """Issues the certificate (intyg) of ``component`` when its requirements are met on ``as_of``.

        Idempotent: the same person, program version, component and facts give
        the same certificate id and content. Raises RequirementsNotMetError
        naming what is missing otherwise. ``issuer`` defaults to the program's
        organisation.
        """
        if isinstance(person, str):
            person = _unicode(person)
        return _core.issue_certificate(self._core, person, _check_date(as_of), component, issuer or "")

    def evaluate_population(
        self,
        persons: "pd.DataFrame",
        events: Optional["pd.DataFrame"] = None,
        leaves: Optional["pd.DataFrame"] = None,
        assignments: Optional["pd.DataFrame"] = None,
        planned: Optional["pd.DataFrame"] = None,
        *,
        as_of: datetime.date,
        threads: int = 0,
        errors: str = "raise",
        outputs: Optional[Sequence[str]] = None,
        items: Union[bool, str] = True,
    ) -> "Population":
        """Evaluates a whole population in one call; see :mod:`yrkesresan._population`.

        ``persons``: one row per person (``id``, ``municipality``,
        ``employment_start``; optional ``unit``, ``hired_on``,
        ``profession_start``, ``prior_experience_months`` and one column per
        named role: ``EC``, ``1:e``, ``FA``, ``AD``, ``introduktor``, ``mentor``;
        the mentor's profile in ``mentor_municipality``,
        ``mentor_profession_start``, ``mentor_prior_experience_months``).
        ``events``: one row per event (``person``, ``type``, ``ref`` or
        ``item``/``module``/``component``, ``date``, optional ``round``).
        ``leaves``: ``person``, ``from``, ``to`` (inclusive), optional ``kind``.
        ``assignments``: ``person``, ``item``, ``codes`` ("EC,FA" or a list).
        ``planned``: ``person``, ``item``, ``date``: the written plan's date
        for the item, which becomes its due for that person.
        Each frame may also be a ``pyarrow.Table``; columns may be
        Categoricals, text (object or ``string``, dates as ISO text or
        ``datetime.date``), datetime64 or pyarrow-backed.
        ``threads``: 0 uses every core. ``errors``: "raise" raises the first
        person's error; "keep" reports errors in the ``error`` and
        ``error_path`` columns.
        ``outputs``: the person columns wanted (default: every one), each a
        column's name (``"experience_months"``, ``"introduktion.overdue"``)
        or a group: ``"experience"``, a checklist's id, a component's id
        (with its certificate), ``"certificates"``, ``"recommendations"``,
        ``"totals"`` (``overdue``, ``warnings``); ``person``, ``error`` and
        ``error_path`` are always there. What is not asked for is neither
        computed (where the rules allow) nor built; an unknown name raises
        :class:`InputError` with the path ``/outputs/<index>``.
        ``items``: True builds the items frame; False neither computes nor
        builds it (reading ``Population.items`` raises LookupError);
        ``"lazy"`` computes its columns but builds the DataFrame on the
        first read of ``Population.items``.
        """
        from ._population import evaluate_population

        if errors not in ("raise", "keep"):
            raise ValueError('errors is "raise" or "keep"')
        return evaluate_population(
            self, persons, events, leaves, assignments, _check_date(as_of), threads, errors == "keep",
            planned=planned, outputs=outputs, items=items,
        )

    # Python protocol -----------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        return isinstance(other, Program) and self.to_json() == other.to_json()

    def __hash__(self) -> int:
        return hash(self.to_json())

    def __reduce__(self) -> Tuple[Any, Tuple[str]]:
        return (Program.from_json, (self.to_json(),))

    def __repr__(self) -> str:
        layers = f", layers {', '.join(self.layers)}" if self.layers else ""
        return f"<Program {self.id} {self.version}{layers}>"

    def _repr_html_(self) -> str:
        from ._html import program_html

        return program_html(self)
