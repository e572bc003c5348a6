"""Helpers shared by the Python tests: the repository root, the shared scenario
files and their pattern match (tests/scenarios/README.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted((ROOT / "tests" / "scenarios").glob("*.json"))


def mismatch(expected: Any, actual: Any, path: str = "") -> str:
    """Empty when `actual` matches the pattern `expected`; otherwise where and why not."""
    # {"exactly": [...]}: as many elements, each matching in order; {"none": [...]}: no element matches any.
    if isinstance(expected, dict) and len(expected) == 1 and isinstance(actual, list) and (
            "exactly" in expected or "none" in expected):
        if "exactly" in expected:
            want = expected["exactly"]
            if not isinstance(want, list) or len(want) != len(actual):
                return f"{path}: expected exactly {len(want)} elements, got {len(actual)}"
            for i, (w, have) in enumerate(zip(want, actual)):
                m = mismatch(w, have, f"{path}/{i}")
                if m:
                    return m
            return ""
        for unwanted in expected["none"]:
            for i, have in enumerate(actual):
                if not mismatch(unwanted, have):
                    return f"{path}/{i}: matches {json.dumps(unwanted)}, which none may"
        return ""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{path}: expected an object"
        for key, want in expected.items():
            if key not in actual:
                return f"{path}/{key}: missing"
            m = mismatch(want, actual[key], f"{path}/{key}")
            if m:
                return m
        return ""
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return f"{path}: expected an array"
        if not expected and actual:  # an empty array matches only an empty array
            return f"{path}: expected an empty array, got {len(actual)}"
        for i, want in enumerate(expected):
            keyed = isinstance(want, dict) and "id" in want
            why = f"{path}/{i}: no element matches"
            for have in actual:
                if keyed and isinstance(have, dict) and have.get("id") != want["id"]:
                    continue
                m = mismatch(want, have, f"{path}/{i}")
                if not m:
                    break
                if keyed:
                    why = m
            else:
                return why
        return ""
    if type(expected) is not type(actual) and not (isinstance(expected, (int, float)) and isinstance(actual, (int, float))
                                                   and not isinstance(expected, bool) and not isinstance(actual, bool)):
        return f"{path}: expected {json.dumps(expected)}, got {json.dumps(actual)}"
    if expected != actual:
        return f"{path}: expected {json.dumps(expected)}, got {json.dumps(actual)}"
    return ""


def load_scenario(path: Path) -> Dict[str, Any]:
    data: Dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def overlay_paths(scenario: Dict[str, Any]) -> List[Path]:
    return [ROOT / o for o in scenario.get("overlays", [])]


def program_file(scenario: Dict[str, Any]) -> Optional[Path]:
    """The program definition file a scenario names (`program_file`, from the repository root), if any."""
    return ROOT / scenario["program_file"] if "program_file" in scenario else None


def scenario_program(scenario: Dict[str, Any]) -> Any:
    """The scenario's program with its overlays: a built-in one by `program`, or one from `program_file`."""
    import yrkesresan

    path = program_file(scenario)
    if path is not None:
        return yrkesresan.Program.from_file(path, overlays=overlay_paths(scenario))
    return yrkesresan.Program.builtin(scenario["program"], overlays=overlay_paths(scenario))


def scenario_params() -> List[Any]:
    return [pytest.param(p, id=p.stem) for p in SCENARIOS]
