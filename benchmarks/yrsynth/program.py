"""What the generator needs to know of a program, read from its JSON.

The generator writes events for whatever the program defines (its items,
modules and components), so the same code makes GR and Uppsala populations.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

PROGRAMS = Path(__file__).resolve().parents[2] / "data" / "programs"


@dataclass(frozen=True)
class ItemSpec:
    id: str
    checklist: str
    months_after_start: Optional[int]  # due within N months of the start ...
    days_before_start: Optional[int]   # ... or N days before it
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


def _due(d: Optional[Dict[str, Any]]) -> Tuple[Optional[int], Optional[int]]:
    d = d or {}
    return d.get("months_after_start"), d.get("days_before_start")


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
        months, days = _due(i.get("due") or c.get("due"))
        codes = i.get("responsible", c.get("responsible", []))
        requires = tuple(index[r] for r in list(c.get("requires", [])) + list(i.get("requires", [])) if r in index)
        items.append(ItemSpec(i["id"], c["id"], months, days, bool(codes), requires))
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
