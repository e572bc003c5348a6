"""Comparing the library's evaluation document with the reference's.

``project`` reduces a library document (``Evaluation.to_dict()``) to what the
reference computes: codes, states, dates, counts. Warnings and actions are
compared as multisets (their order among equals is not a rule); the
library's actions must still come soonest first, undated last.
``first_difference`` names the first field where two documents differ.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

# Human texts, not compared: where they sit in the document.
_TEXTS = {"phase": ("label",), "checklists": ("label",), "items": ("label", "comment"),
          "components": ("label",), "reasons": ("message", "source"), "modules": ("label",),
          "missing": ("message", "source"), "recommendations": ("label", "source"), "actions": ("what",),
          "warnings": ("message", "source")}


def _strip(rows: List[Dict[str, Any]], key: str) -> None:
    for row in rows:
        for text in _TEXTS[key]:
            row.pop(text, None)
        for inner in ("items", "reasons", "missing"):
            if inner in row:
                _strip(row[inner], inner)


_ORDER = ("code", "role", "kind", "due", "date", "ref", "checklist", "component", "item", "state")


def _sorted(rows: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    return sorted(rows, key=lambda r: tuple(str(r.get(k) or "") for k in _ORDER) + (len(r),))


def normalise(doc: Dict[str, Any]) -> Dict[str, Any]:
    """Either side, ready to compare: warnings, actions and blocked_by in a fixed order."""
    out = dict(doc)
    out["checklists"] = [dict(c, items=[_blocked_by_sorted(i) for i in c["items"]]) for c in doc["checklists"]]
    out["warnings"] = _sorted(doc["warnings"])
    out["actions"] = _sorted(doc["actions"])
    return out


def _blocked_by_sorted(item: Dict[str, Any]) -> Dict[str, Any]:
    """Open prerequisites are a set: the schema gives them no order."""
    return dict(item, blocked_by=sorted(item["blocked_by"])) if "blocked_by" in item else item


def project(library_doc: Dict[str, Any]) -> Dict[str, Any]:
    """The library's document (a fresh ``to_dict()``, changed in place) as the
    reference writes it."""
    doc = library_doc
    doc.pop("language", None)
    doc["phase"].pop("label", None)
    for key in _TEXTS:
        if key in doc and key != "phase":
            _strip(doc[key], key)
    for comp in doc["components"]:
        if comp.get("organiser"):
            comp["organiser"].pop("label", None)
    for cert in doc["certificates"]:
        _strip(cert["missing"], "missing")
        cert["certificate_id"] = cert["certificate_id"] is not None
    return doc


def actions_in_order(library_doc: Dict[str, Any]) -> bool:
    """Soonest first, undated last (evaluation schema, actions)."""
    keys = [a["due"] or "9999-99-99" for a in library_doc["actions"]]
    return keys == sorted(keys)


def first_difference(expected: Any, actual: Any, path: str = "") -> Optional[str]:
    """The JSON Pointer of the first place where `actual` differs from
    `expected`, with both values; None when they agree."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in list(expected) + [k for k in actual if k not in expected]:
            if key not in actual:
                return f"{path}/{key}: reference {expected[key]!r}, library has no such key"
            if key not in expected:
                return f"{path}/{key}: reference has no such key, library {actual[key]!r}"
            found = first_difference(expected[key], actual[key], f"{path}/{key}")
            if found:
                return found
        return None
    if isinstance(expected, list) and isinstance(actual, list):
        for i, (e, a) in enumerate(zip(expected, actual)):
            found = first_difference(e, a, f"{path}/{i}")
            if found:
                return found
        if len(expected) != len(actual):
            return f"{path}: reference has {len(expected)} entries, library {len(actual)}"
        return None
    if expected != actual or type(expected) is bool and type(actual) is not bool:
        return f"{path}: reference {expected!r}, library {actual!r}"
    return None


def population_row(doc: Dict[str, Any]) -> Dict[str, Any]:
    """A reference document as the row the population API gives for the
    person (``Population.persons``; dates as ISO text, counts as ints); the
    column names come from the program's ids in the document."""
    e = doc["experience"]
    row: Dict[str, Any] = {"person": doc["person"], "experience_months": doc["experience_months"],
                           "months_at_employment_start": e["months_at_employment_start"],
                           "leave_days": e["leave_days"], "next_month_on": e["next_month_on"],
                           "phase": doc["phase"]["id"]}
    overdue = 0
    for c in doc["checklists"]:
        row[f"{c['id']}.due"] = c["due"]
        for state, count in c["summary"].items():
            row[f"{c['id']}.{state}"] = count
        row[f"{c['id']}.complete"] = c["complete"]
        row[f"{c['id']}.completed_on"] = c["completed_on"]
        overdue += c["summary"]["overdue"]
    for comp in doc["components"]:
        window = comp["window"] or {"from": None, "to": None}
        row[f"{comp['id']}.eligibility"] = comp["eligibility"]
        row[f"{comp['id']}.window_from"] = window["from"]
        row[f"{comp['id']}.window_to"] = window["to"]
        row[f"{comp['id']}.started_on"] = comp["started_on"]
        row[f"{comp['id']}.completed_on"] = comp["completed_on"]
    for cert in doc["certificates"]:
        row[f"{cert['component']}.certificate"] = cert["status"]
        row[f"{cert['component']}.certificate_completed_on"] = cert["completed_on"]
    row["overdue"] = overdue
    row["warnings"] = len(doc["warnings"])
    return row


def item_rows(doc: Dict[str, Any]) -> List[Tuple[Any, ...]]:
    """A reference document as the population API's item rows: (person,
    checklist, section, item, responsible as "EC,FA" or None, state, due,
    planned, done)."""
    return [(doc["person"], c["id"], i["section"], i["id"], ",".join(i["responsible"]) or None, i["state"],
             i["due"], i["planned"], i["done"]) for c in doc["checklists"] for i in c["items"]]
