"""yrkesresan.check_program: the same findings as the C++ checker
(tests/test_authoring.cpp), from text, a path, a dict or bytes."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Dict

import pytest

import yrkesresan

CLEAN: Dict[str, Any] = {
    "format": 1,
    "id": "exempel",
    "version": "1",
    "valid_from": "2026-01-01",
    "title": "Exempel",
    "sources": {"001": "Exempelkommunens introduktionsplan"},
    "phases": [
        {"id": "ny", "label": "Ny", "from_months": 0, "to_months": 12,
         "source": {"seed": "001", "pages": "1", "quote": "det första året"}},
        {"id": "erfaren", "label": "Erfaren", "from_months": 12},
    ],
    "checklists": [
        {"id": "start", "label": "Start", "due": {"months_after_start": 1}, "responsible": ["EC"],
         "sections": [{"id": "s", "label": "S", "items": [
             {"id": "nycklar", "label": "Nycklar"},
             {"id": "dator", "label": "Dator", "requires": ["nycklar"]}]}]},
    ],
    "components": [
        {"id": "handledning", "kind": "supervision", "label": "Handledning",
         "target": {"max_experience_months_at_employment": 12},
         "window": {"clock": "experience", "from_months": 0, "to_months": 24},
         "sessions": 6, "session_hours": 2, "group": {"min": 3, "max": 6},
         "certificate": {"min_sessions": 5, "within_months": 24}},
    ],
}


def clean() -> Dict[str, Any]:
    return copy.deepcopy(CLEAN)


def test_a_clean_program_has_nothing_to_say_in_every_form(tmp_path: Path) -> None:
    text = json.dumps(CLEAN, indent=2, ensure_ascii=False)
    path = tmp_path / "exempel.json"
    path.write_text(text, encoding="utf-8")
    for source in (CLEAN, text, str(path), path, text.encode()):
        assert yrkesresan.check_program(source) == []


def test_a_warning_names_its_place_and_the_program_still_loads() -> None:
    p = clean()
    p["components"][0]["certificate"]["min_sessions"] = 7
    text = json.dumps(p, indent=2)
    [finding] = yrkesresan.check_program(text)
    assert finding.severity == "warning"
    assert finding.code == "certificate_unreachable"
    assert finding.document == 0
    assert finding.path == "/components/0/certificate/min_sessions"
    line = text.splitlines()[finding.line - 1]
    assert line[finding.column - 1 :].startswith('"min_sessions": 7')
    assert str(finding).startswith(f"{finding.line}:{finding.column}: warning: certificate_unreachable: /components/0/")
    yrkesresan.Program.from_json(text)


def test_errors_come_first_with_the_loader_s_codes_and_places() -> None:
    [finding] = yrkesresan.check_program('{\n  "format": 1,\n}')
    assert (finding.severity, finding.code, finding.line, finding.column) == ("error", "parse_error", 3, 1)
    assert "a comma after the last member" in finding.message
    # Not UTF-8 and a lone surrogate are findings too, not exceptions.
    [finding] = yrkesresan.check_program(b'{"title": "\xff"}')
    assert (finding.code, finding.document) == ("parse_error", 0)
    assert "line 1, column 12" in finding.message


def test_overlays_are_checked_in_order() -> None:
    overlay = {
        "format": 1, "overlay": "kommun", "level": "municipality", "program": "exempel",
        "remove_items": ["nycklar"],
        "add_items": [{"checklist": "start", "id": "passerkort", "label": "Passerkort", "requires": ["nycklar"]}],
    }
    wrong_program = dict(overlay, overlay="annan", program="annat", remove_items=[], add_items=[])
    findings = yrkesresan.check_program(CLEAN, [overlay, wrong_program])
    assert [(f.severity, f.code, f.document, f.path) for f in findings] == [
        ("error", "invalid_value", 2, "/program"),
        ("warning", "requires_removed_item", 1, "/add_items/0/requires/0"),
    ]


def test_a_missing_file_raises() -> None:
    with pytest.raises(OSError):
        yrkesresan.check_program("no/such/program.json")


def test_the_templates_load_check_clean_and_evaluate(root: Path) -> None:
    import datetime

    program, overlay = root / "data/templates/program.json", root / "data/templates/overlay.json"
    assert yrkesresan.check_program(program, [overlay]) == []
    p = yrkesresan.Program.from_file(program, overlays=[overlay])
    ev = p.evaluate(
        {"id": "p-1", "municipality": "exempelkommun", "employment_start": "2026-02-02",
         "events": [{"type": "item_done", "item": "nycklar", "date": "2026-02-02"}]},
        as_of=datetime.date(2026, 6, 1),
    )
    assert ev.phase.id == "introduktion"
    states = {i.id: i.state for c in ev.checklists for i in c.items}
    assert states["nycklar"] == "done"
    assert states["kommun-intranat"] == "overdue"
    assert "fadder" not in states


def test_an_overlay_sets_deadlines_and_settings() -> None:
    adapt = {
        "format": 1, "overlay": "kommun", "level": "municipality", "program": "exempel",
        "set_due": {"dator": {"days_before_start": 3}},
        "set_component": {"handledning": {"sessions": 4}},
    }
    p = yrkesresan.Program.from_json(CLEAN, overlays=[adapt])
    assert p.layers == ["municipality:kommun"]
    [finding] = yrkesresan.check_program(CLEAN, [adapt])
    assert (finding.code, finding.document, finding.path) == (
        "certificate_unreachable", 1, "/set_component/handledning/certificate/min_sessions")
    with pytest.raises(yrkesresan.InputError) as e:
        yrkesresan.Program.from_json(CLEAN, overlays=[dict(adapt, set_component={"handledning": {"sessions": 0}})])
    assert e.value.path == "/set_component/handledning/sessions"
