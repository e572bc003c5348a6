"""The bad-input corpus (tests/corpus/manifest.json) from Python: each case's
exception class, code and path, its warnings or its verification status; no
exception text, path or warning message repeats a canary; JSONTestSuite
through every kind. The C++ suite (tests/test_corpus.cpp) and the C ABI
(tests/capi/corpus.cpp) run the same manifest.

Files go in through the public API (programs and overlays as files, credentials
as bytes); a person record, certificate request or coordination request that
is not UTF-8 cannot be a Python str, so those reach the compiled module as
bytes, which is what the public functions call.
"""

from __future__ import annotations

import datetime
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

import yrkesresan
from yrkesresan import _core
from yrkesresan.errors import error_class

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
MANIFEST: Dict[str, Any] = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
CASES: List[Dict[str, Any]] = MANIFEST["cases"]
SUITE = MANIFEST["json_test_suite"]


@lru_cache(maxsize=None)
def program(program_id: str) -> yrkesresan.Program:
    return yrkesresan.Program.builtin(program_id)


def setting(case: Dict[str, Any], key: str) -> str:
    return str(case.get(key, MANIFEST["defaults"][key]))


def utf8(data: bytes) -> Optional[str]:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


class Outcome:
    def __init__(self) -> None:
        self.error: Optional[yrkesresan.Error] = None
        self.warnings: List[str] = []
        self.status = ""
        self.texts: List[str] = []

    @property
    def code(self) -> str:
        return self.error.code if self.error else ""

    @property
    def path(self) -> str:
        return self.error.path if self.error else ""


def run(kind: str, path: Path, data: bytes, case: Dict[str, Any]) -> Outcome:
    o = Outcome()
    p = program(setting(case, "program"))
    as_of = datetime.date.fromisoformat(setting(case, "as_of"))
    text = utf8(data)
    try:
        if kind == "program":
            yrkesresan.Program.from_file(path)
        elif kind == "overlay":
            p.with_overlays(path)
        elif kind == "person":
            for language in ("sv", "en"):
                ev = p.evaluate(text, as_of, language) if text is not None else p._core.evaluate(data, as_of, language)  # type: ignore[arg-type]
                for w in ev.warnings:
                    o.warnings.append(w.code)
                    o.texts.append(w.message)
        elif kind == "issue":
            component = str(case.get("component", ""))
            if text is not None:
                p.issue_certificate(text, as_of, component)
            else:
                _core.issue_certificate(p._core, data, as_of, component, "")  # type: ignore[arg-type]
        elif kind == "coordination":
            _core.coordinate(p._core, text if text is not None else data)  # type: ignore[arg-type]
        elif kind == "credential":
            trusted = (CORPUS / setting(case, "trusted")).read_text(encoding="utf-8")
            result = yrkesresan.verify_credential(data, trusted, now=setting(case, "now"))
            o.status = result.status
            o.texts.append(result.message)
        else:
            raise AssertionError(f"unknown kind {kind}")
    except yrkesresan.Error as e:
        o.error = e
        o.texts += [str(e), repr(e), *(x for pr in e.problems for x in (pr.path, pr.message))]
    return o


def leaks(o: Outcome) -> List[str]:
    canaries = [c.lower() for c in MANIFEST["canaries"]]
    digits = MANIFEST["canary_digits"]
    return [t for t in o.texts
            if any(c in t.lower() for c in canaries) or digits in re.sub(r"\D", "", t)]


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_corpus_case(case: Dict[str, Any]) -> None:
    path = CORPUS / case["file"]
    o = run(case["kind"], path, path.read_bytes(), case)
    expect = case["expect"]
    if "code" in expect:
        assert o.error is not None, "accepted"
        assert (o.code, o.path) == (expect["code"], expect["path"])
        assert type(o.error) is error_class(expect["code"])
        assert isinstance(o.error, ValueError)
    elif "warnings" in expect:
        assert o.error is None, f"{o.code} at {o.path!r}"
        assert set(expect["warnings"]) <= set(o.warnings)
    else:
        assert o.error is None, f"{o.code} at {o.path!r}"
        assert o.status == expect["status"]
    assert leaks(o) == []


def test_corpus_covers_every_kind() -> None:
    kinds = {c["kind"] for c in CASES}
    assert kinds == {"program", "overlay", "person", "credential", "issue", "coordination"}
    assert len(CASES) >= 300


def test_canary_check_can_fail() -> None:
    o = Outcome()
    o.texts = ["ASTRID CANARYSDOTTER", "/people/121212-1212"]
    assert len(leaks(o)) == 2


def suite_files() -> List[Path]:
    return sorted((ROOT / SUITE["dir"]).iterdir())


@pytest.mark.parametrize("kind", SUITE["kinds"])
def test_json_test_suite(kind: str) -> None:
    files = suite_files()
    assert len(files) == 318
    wrong: List[Tuple[str, str]] = []
    for f in files:
        o = run(kind, f, f.read_bytes(), {})
        name = f.name
        if kind == "credential":
            ok = o.error is None and o.status == "malformed"
        elif name.startswith("n_"):
            ok = o.code == ("limit_exceeded" if name in SUITE["n_deeper_than_limit"] else "parse_error")
        elif name in SUITE["y_duplicate_keys"]:
            ok = o.code == "parse_error"
        elif name.startswith("y_"):
            ok = o.code not in ("parse_error", "limit_exceeded")
        else:
            ok = True  # i_: any typed outcome (anything else would have raised here)
        if not ok:
            wrong.append((name, o.code or o.status))
    assert wrong == []
