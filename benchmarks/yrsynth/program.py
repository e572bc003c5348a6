"""What the generator needs to know of a program, read from its JSON.

The generator writes events for whatever the program defines (its items,
modules and components), so the same code makes GR and Uppsala populations.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import numpy as np

PROGRAMS = Path(__file__).resolve().parents[2] / "data" / "programs"


@dataclass(frozen=True)
class DueSpec:
    """An item's due rule, as the program states it (absent: no deadline)."""
    months_after_start: Optional[int] = None  # within N months of the start ...
    days_before_start: Optional[int] = None   # ... or N days before it ...
    days_after_hired: Optional[int] = None    # ... or N days after the hiring decision,
    otherwise: Optional["DueSpec"] = None     # with this rule when the record has none


@dataclass(frozen=True)
class ItemSpec:
    id: str
    checklist: str
    due: Optional[DueSpec]             # the item's rule, else its checklist's; None: no deadline
    has_default_codes: bool            # the program codes it (AD, EC lists); else the plan must
    requires: Tuple[int, ...]          # indices of prerequisite items


@dataclass(frozen=True)
class ModuleSpec:
    id: str
    has_task: bool


@dataclass
class ProgramSpec:
    id: str
    items: List[ItemSpec]
    course: Optional[str] = None
    modules: List[ModuleSpec] = field(default_factory=list)
    supervision: Optional[str] = None
    sessions: int = 0
    supervision_window: Tuple[int, int] = (12, 24)  # months of experience
    supervision_certificate: Optional[Tuple[int, int]] = None  # (min_sessions, within_months)
    course_certificate: bool = False
    annual: List[Tuple[str, int]] = field(default_factory=list)  # (component id, per year)
    mentor: bool = False
    introduktor: bool = False

    @property
    def refs(self) -> List[str]:
        """Every id an event may name: items, modules, then components."""
        comps = [c for c in (self.course, self.supervision) if c] + [a for a, _ in self.annual]
        return [i.id for i in self.items] + [m.id for m in self.modules] + comps


MONTH_DAYS = 30.44


def deadline(due: Optional[DueSpec], start: np.ndarray, hired: np.ndarray,
             hired_known: np.ndarray) -> Optional[np.ndarray]:
    """Each person's last day for an item under `due`, roughly (months as
    30.44 days, leave ignored: it only steers when the generator has things
    done); None when the rule gives no deadline. `hired_known`: the record
    gives the hiring decision, else the rule's `otherwise` applies."""
    if due is None:
        return None
    if due.months_after_start is not None:
        return start + int(due.months_after_start * MONTH_DAYS) - 1
    if due.days_after_hired is not None:
        fallback = deadline(due.otherwise, start, hired, hired_known)
        after = hired + due.days_after_hired
        return after if fallback is None else np.where(hired_known, after, fallback)
    return start - (due.days_before_start or 0)


def _due(d: Optional[Dict[str, Any]]) -> Optional[DueSpec]:
    if d is None:
        return None
    return DueSpec(d.get("months_after_start"), d.get("days_before_start"), d.get("days_after_hired"),
                   _due(d.get("otherwise")))


def load(name_or_path: str) -> ProgramSpec:
    path = Path(name_or_path)
    if not path.suffix:
        path = PROGRAMS / f"{name_or_path}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    raw: List[Tuple[Dict[str, Any], Dict[str, Any]]] = [
        (c, i) for c in doc.get("checklists", []) for s in c["sections"] for i in s["items"]]
    index = {i["id"]: k for k, (_, i) in enumerate(raw)}
    items = []
    for c, i in raw:
        codes = i.get("responsible", c.get("responsible", []))
        requires = tuple(index[r] for r in list(c.get("requires", [])) + list(i.get("requires", [])) if r in index)
        items.append(ItemSpec(i["id"], c["id"], _due(i.get("due") or c.get("due")), bool(codes), requires))
    spec = ProgramSpec(doc["id"], items)
    for comp in doc.get("components", []):
        kind = comp["kind"]
        if kind == "course":
            spec.course = comp["id"]
            spec.modules = [ModuleSpec(m["id"], bool(m.get("tasks"))) for m in comp["modules"]]
            spec.course_certificate = "certificate" in comp
        elif kind == "supervision":
            spec.supervision = comp["id"]
            spec.sessions = int(comp.get("sessions", 10))
            window = comp.get("window")
            if window:
                spec.supervision_window = (int(window["from_months"]), int(window["to_months"]))
            cert = comp.get("certificate")
            if cert:
                spec.supervision_certificate = (int(cert["min_sessions"]), int(cert["within_months"]))
        elif kind == "annual":
            spec.annual.append((comp["id"], int(comp["per_year"])))
        elif kind == "mentor":
            spec.mentor = True
        elif kind == "introduktor":
            spec.introduktor = True
    return spec
