"""Individual plans that add and remove items (R3's last layer).

The population API's frames have no place for them (they carry plan codes
only), so they are made on person records: `with_plan_edits` gives some
records a plan that removes program items (events for them are kept: the
library reports them; their codes and dates go with them) and adds local
items, some of them done, some dated by the plan.
"""

from __future__ import annotations

import copy
import datetime
import random
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence

from .program import ProgramSpec, load

_CODES = [["EC"], ["FA"], ["1:e", "SJ"], ["SJ"], ["EJ"], []]


def with_plan_edits(records: Iterable[Dict[str, Any]], program: str, seed: int = 0, share: float = 0.5,
                    into: Optional[Sequence[str]] = None) -> Iterator[Dict[str, Any]]:
    """Copies of `records`, `share` of them with plan edits; seeded. Items
    are added to the checklists `into` (default: any)."""
    spec: ProgramSpec = load(program)
    rng = random.Random(seed)
    items = [i.id for i in spec.items]
    checklists = list(into) if into is not None else sorted({i.checklist for i in spec.items})
    sections = _sections(program)
    for record in records:
        if rng.random() >= share:
            yield record
            continue
        r = copy.deepcopy(record)
        plan = r.setdefault("plan", {})
        removed = rng.sample(items, rng.randint(0, 3))
        if removed:
            plan["removed_items"] = removed
            for table in ("assignments", "planned"):  # codes and dates may only name items in the plan
                for item in removed:
                    plan.get(table, {}).pop(item, None)
                if table in plan and not plan[table]:
                    del plan[table]
        added: List[Dict[str, Any]] = []
        for k in range(rng.randint(0, 2) if checklists else 0):
            checklist = rng.choice(checklists)
            item: Dict[str, Any] = {"id": f"lokal-{k + 1}", "checklist": checklist, "label": f"Lokal rutin {k + 1}"}
            if rng.random() < 0.7:
                item["section"] = rng.choice(sections[checklist])
            codes = rng.choice(_CODES)
            if codes or rng.random() < 0.5:
                item["responsible"] = list(codes)
            if rng.random() < 0.4:  # the plan dates it (R3): its due for this person
                start = datetime.date.fromisoformat(r["employment_start"])
                item["planned"] = (start + datetime.timedelta(days=rng.randint(-10, 200))).isoformat()
            added.append(item)
            dates = [e["date"] for e in r.get("events", [])]
            if dates and rng.random() < 0.5:  # done on a day something else was recorded (not after as_of)
                r.setdefault("events", []).append({"type": "item_done", "item": item["id"], "date": rng.choice(dates)})
        if added:
            plan["added_items"] = added
        if not plan:
            del r["plan"]
        yield r


def _sections(program: str) -> Dict[str, List[str]]:
    import json
    from .program import PROGRAMS
    doc = json.loads((PROGRAMS / f"{program}.json").read_text(encoding="utf-8"))
    return {c["id"]: [s["id"] for s in c["sections"]] for c in doc.get("checklists", [])}
