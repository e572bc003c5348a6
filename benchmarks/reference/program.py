"""R9: a program read as data from data/programs/<id>.json.

Nothing here knows GR or Uppsala: every id, deadline, window and threshold
comes from the JSON file. Only what the rules need is kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

PROGRAMS = Path(__file__).resolve().parents[2] / "data" / "programs"

# The order codes are listed in (evaluation schema: "EC, 1:e, FA, AD, SJ, EJ").
CODE_ORDER = ("EC", "1:e", "FA", "AD", "SJ", "EJ")


@dataclass
class Due:
    """A due rule (docs/rules.md R1, R3): one of "within N months of the
    start", "N days before the first working day" and "N days after the
    hiring decision", the last with the rule that applies when the record has
    no hiring decision (`otherwise`). A checklist or item with no rule has
    no deadline."""
    months_after_start: Optional[int] = None
    days_before_start: Optional[int] = None
    days_after_hired: Optional[int] = None
    otherwise: Optional["Due"] = None


@dataclass
class Item:
    id: str
    checklist: str
    section: str
    codes: Tuple[str, ...]
    due: Optional[Due]
    requires: Tuple[str, ...]
    added: bool = False
    planned: Optional[int] = None  # the person's plan dates it (a day): its due for that person (R3)


@dataclass
class Checklist:
    id: str
    due: Optional[Due]
    handover_to: Optional[str]
    codes: Tuple[str, ...]        # default codes of its items
    requires: Tuple[str, ...]     # prerequisites of every item of the list
    sections: List[str]
    items: List[Item]


@dataclass
class Window:
    clock: str  # "employment" or "experience"
    from_months: int
    to_months: int


@dataclass
class Module:
    id: str
    has_task: bool
    requires_attended: Tuple[str, ...]
    requires_homework: Tuple[str, ...]


@dataclass
class Component:
    id: str
    kind: str  # course, supervision, mentor, introduktor, annual
    window: Optional[Window]
    obligation: str = "duty"  # duty (the default), offer or recommendation (R9)
    organiser: Optional[str] = None  # the organiser's id, when the program names one
    target_max_months: Optional[int] = None
    modules: List[Module] = field(default_factory=list)
    certificate: Optional[Dict[str, Any]] = None
    hours_per_week: List[Tuple[int, int, float]] = field(default_factory=list)
    other_municipality: bool = False
    more_experienced: bool = False
    holder_named_by: Optional[str] = None  # window_start or window_end; None: the program sets no date
    per_year: int = 0
    at_least: bool = False


@dataclass
class Phase:
    id: str
    from_months: int
    to_months: Optional[int]


@dataclass
class Recommendation:
    id: str
    value: Any
    window: Optional[Window]


@dataclass
class Program:
    id: str
    version: str
    phases: List[Phase]
    checklists: List[Checklist]
    components: List[Component]
    recommendations: List[Recommendation]
    layers: List[str] = field(default_factory=list)


def _due(d: Optional[Dict[str, Any]]) -> Optional[Due]:
    if d is None:
        return None
    return Due(d.get("months_after_start"), d.get("days_before_start"), d.get("days_after_hired"),
               _due(d.get("otherwise")))


def _window(w: Optional[Dict[str, Any]]) -> Optional[Window]:
    return None if w is None else Window(w["clock"], w["from_months"], w["to_months"])


def order_codes(codes: Any) -> Tuple[str, ...]:
    return tuple(c for c in CODE_ORDER if c in codes)


def from_json(doc: Dict[str, Any]) -> Program:
    checklists = []
    for c in doc.get("checklists", []):
        default_codes = order_codes(c.get("responsible", []))
        items = []
        for s in c["sections"]:
            for i in s["items"]:
                codes = order_codes(i["responsible"]) if "responsible" in i else default_codes
                items.append(Item(i["id"], c["id"], s["id"], codes, _due(i.get("due")),
                                  tuple(i.get("requires", []))))
        checklists.append(Checklist(c["id"], _due(c.get("due")), c.get("handover_to"), default_codes,
                                    tuple(c.get("requires", [])), [s["id"] for s in c["sections"]], items))
    components = []
    for c in doc.get("components", []):
        organiser = c.get("organiser")
        comp = Component(c["id"], c["kind"], _window(c.get("window")), c.get("obligation", "duty"),
                         organiser["id"] if organiser else None)
        if "target" in c:
            comp.target_max_months = c["target"]["max_experience_months_at_employment"]
        for m in c.get("modules", []):
            req = m.get("requires", {})
            comp.modules.append(Module(m["id"], bool(m.get("tasks")), tuple(req.get("attended", [])),
                                       tuple(req.get("homework", []))))
        comp.certificate = c.get("certificate")
        comp.hours_per_week = [(h["from_months"], h["to_months"], float(h["hours"]))
                               for h in c.get("hours_per_week", [])]
        comp.other_municipality = bool(c.get("other_municipality", False))
        comp.more_experienced = bool(c.get("more_experienced", False))
        comp.holder_named_by = c.get("holder_named_by", {}).get("at")
        comp.per_year = int(c.get("per_year", 0))
        comp.at_least = bool(c.get("at_least", False))
        components.append(comp)
    phases = [Phase(p["id"], p["from_months"], p.get("to_months")) for p in doc["phases"]]
    recommendations = [Recommendation(r["id"], r["value"], _window(r.get("window")))
                       for r in doc.get("recommendations", [])]
    return Program(doc["id"], doc["version"], phases, checklists, components, recommendations,
                   list(doc.get("layers", [])))


def load(name_or_path: str) -> Program:
    """A program by id (``gr-barn-unga``) from data/programs/, or from a path."""
    path = Path(name_or_path)
    if not path.suffix:
        path = PROGRAMS / f"{name_or_path}.json"
    with open(path, encoding="utf-8") as f:
        return from_json(json.load(f))
