"""Comparing the library's evaluation document with the reference's.

``project`` reduces a library document (``Evaluation.to_dict()``) to what the
reference computes: codes, states, dates, counts. Warnings and actions are
compared as multisets (their order among equals is not a rule); the
library's actions must still come soonest first, undated last.
``first_difference`` names the first field where two documents differ.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

# Human texts: not compared.
TEXT_KEYS = frozenset({"label", "message", "source", "what", "comment", "language"})


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in TEXT_KEYS}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _sorted(rows: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))


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
    doc = _strip(library_doc)
    for cert in doc["certificates"]:
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
