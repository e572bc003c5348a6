"""The Pythonic API: programs, overlays, evaluate, result objects, errors,
dates, pickling, notebook views."""

from __future__ import annotations

import datetime
import json
import pickle
from pathlib import Path

import pytest
import yrkesresan
from yrkesresan import Program

D = datetime.date
NEWCOMER = {"id": "p-0001", "municipality": "kungalv", "employment_start": "2026-01-12", "hired_on": "2025-11-20"}


@pytest.fixture(scope="module")
def gr() -> Program:
    return Program.builtin("gr-barn-unga")


def test_public_names_are_exported() -> None:
    for name in yrkesresan.__all__:
        assert hasattr(yrkesresan, name), name
    assert yrkesresan.__version__.count(".") == 2


def test_builtin_programs(gr: Program) -> None:
    assert {"gr-barn-unga", "uppsala-bistand-lss"} <= set(Program.builtin_ids())
    assert gr.id == "gr-barn-unga"
    assert [p.id for p in gr.phases] == ["introduktion", "fordjupning", "specialist"]
    assert gr.phase_at(24).id == "fordjupning"
    assert "introduktion" in gr.checklist_ids
    assert isinstance(gr.valid_from, D)
    uppsala = Program.builtin("uppsala-bistand-lss")
    assert [p.id for p in uppsala.phases] == ["medarbetare"]  # no phases of its own
    assert gr.changes[0].version == gr.version and gr.changes[0].summary


def test_overlays_from_files_and_dicts(gr: Program, root: Path) -> None:
    kungalv = root / "data" / "overlays" / "example-kungalv.json"
    unit = root / "data" / "overlays" / "example-kungalv-utredning.json"
    layered = Program.builtin("gr-barn-unga", overlays=[kungalv, str(unit)])
    assert len(layered.layers) == 2
    same = gr.with_overlays(json.loads(kungalv.read_text(encoding="utf-8")), unit)
    assert same == layered
    assert gr.layers == []  # gr is unchanged
    ids = {item[0] for item in layered.items}
    assert "utredning-ga-bredvid" in ids and "utredning-ga-bredvid" not in {i[0] for i in gr.items}


def test_from_json_and_from_file(gr: Program, tmp_path: Path) -> None:
    path = tmp_path / "program.json"
    path.write_text(gr.to_json(), encoding="utf-8")
    assert Program.from_file(path) == gr
    assert Program.from_json(gr.to_dict()) == gr


def test_programs_pickle(gr: Program, root: Path) -> None:
    layered = gr.with_overlays(root / "data" / "overlays" / "example-kungalv.json")
    again = pickle.loads(pickle.dumps(layered))
    assert again == layered
    assert again.layers == layered.layers
    ev1 = layered.evaluate(NEWCOMER, as_of=D(2026, 3, 1))
    ev2 = again.evaluate(NEWCOMER, as_of=D(2026, 3, 1))
    assert ev1.to_dict() == ev2.to_dict()


def test_evaluate_gives_attribute_access_and_the_cpp_document(gr: Program) -> None:
    person = dict(NEWCOMER, plan={"assignments": {"nycklar": ["FA"]}}, people={"FA": "p-2001"},
                  leaves=[{"from": D(2026, 3, 1), "to": D(2026, 3, 10), "kind": "sick"}])
    ev = gr.evaluate(person, as_of=D(2026, 5, 12))
    assert isinstance(ev, yrkesresan.Evaluation)
    assert ev.as_of == D(2026, 5, 12) and type(ev.as_of) is D
    assert ev.experience_months == ev.experience.months == 3
    assert ev.experience.leave_days == 10
    nycklar = ev.item("nycklar")
    assert nycklar.responsible == ["FA"]
    assert nycklar.due == D(2026, 5, 21)
    assert nycklar.state == "pending"
    assert nycklar.done is None
    intro = ev.checklist("introduktion")
    assert intro.summary.total == len(intro.items)
    doc = ev.to_dict()
    assert doc == json.loads(ev.to_json())
    assert doc["checklists"][0]["id"] == ev.checklists[0].id
    assert doc["as_of"] == "2026-05-12"
    with pytest.raises(KeyError):
        ev.item("no-such-item")


def test_a_json_text_person_and_english_messages(gr: Program) -> None:
    ev = gr.evaluate(json.dumps(dict(NEWCOMER, plan={"assignments": {"nycklar": ["FA"]}})), as_of=D(2026, 2, 1),
                     language="en")
    assert ev.language == "en"
    assert any(w.code == "fadder_not_named" for w in ev.warnings)
    with pytest.raises(yrkesresan.InputError):
        gr.evaluate(NEWCOMER, as_of=D(2026, 2, 1), language="fi")


def test_readable_reprs(gr: Program) -> None:
    ev = gr.evaluate(NEWCOMER, as_of=D(2026, 6, 1))
    assert repr(ev).startswith("<Evaluation p-0001 on 2026-06-01: gr-barn-unga")
    assert "introduktion" in repr(ev.checklists[0])
    assert repr(ev.checklists[0].items[0]).startswith("<ItemResult ")
    html = ev._repr_html_()
    assert "<table>" in html and "p-0001" in html
    assert "<b>" in ev.checklists[0]._repr_html_()
    assert repr(gr) == f"<Program gr-barn-unga {gr.version}>"
    assert gr.title in gr._repr_html_()


def test_dates_are_calendar_dates(gr: Program) -> None:
    with pytest.raises(TypeError):
        gr.evaluate(NEWCOMER, as_of=datetime.datetime(2026, 2, 1, 12, 0))  # type: ignore[arg-type]
    # In a record, a datetime is a value of the wrong type where it stands, as a number there would be.
    with pytest.raises(yrkesresan.InputError) as wrong:
        gr.evaluate(dict(NEWCOMER, employment_start=datetime.datetime(2026, 1, 12)), as_of=D(2026, 2, 1))
    assert (wrong.value.code, wrong.value.path) == ("wrong_type", "/employment_start")
    with pytest.raises(yrkesresan.InputError) as info:
        gr.evaluate(NEWCOMER, as_of=D(1899, 12, 31))
    assert info.value.code == "invalid_date"
    # The caster round-trips dates at month ends and leap days exactly.
    early = {"id": "p-1", "municipality": "kungalv", "employment_start": "1900-01-01"}
    for day in (D(2028, 2, 29), D(2026, 12, 31), D(1900, 1, 1), D(2199, 12, 31)):
        assert gr.evaluate(early, as_of=day).as_of == day


def test_errors_carry_code_path_and_problems(gr: Program) -> None:
    with pytest.raises(yrkesresan.InputError) as info:
        gr.evaluate(dict(NEWCOMER, employment_start="2026-02-30", leaves=[{"from": "2026-03-01", "to": "2026-02-01"}]),
                    as_of=D(2026, 6, 1))
    e = info.value
    assert (e.code, e.path) == ("invalid_date", "/employment_start")
    assert [p.code for p in e.problems] == ["invalid_date", "reversed_period"]
    assert e.problems[1].path == "/leaves/0/to"
    assert "2026-02-30" not in str(e)  # never repeats a personal value
    assert isinstance(e, ValueError)
    with pytest.raises(yrkesresan.InputError) as info:
        gr.evaluate(dict(NEWCOMER, employmnet_start="2026-01-12"), as_of=D(2026, 6, 1))
    assert (info.value.code, info.value.path) == ("unknown_field", "/employmnet_start")
    with pytest.raises(yrkesresan.IdError) as ref:
        gr.evaluate(dict(NEWCOMER, events=[{"type": "session_attended", "component": "introduktionsprogram",
                                            "date": "2026-02-01"}]), as_of=D(2026, 6, 1))
    assert (ref.value.code, ref.value.path) == ("unknown_reference", "/events/0/component")
    # A fact about what the program does not have is kept and named by its place.
    kept = gr.evaluate(dict(NEWCOMER, events=[{"type": "item_done", "item": "nope", "date": "2026-02-01"}]),
                       as_of=D(2026, 6, 1))
    assert [(w.code, w.path, w.date) for w in kept.warnings] == [("unknown_in_program", "/events/0/item", D(2026, 2, 1))]
    with pytest.raises(yrkesresan.ParseError):
        gr.evaluate("{not json", as_of=D(2026, 6, 1))
    with pytest.raises(yrkesresan.NotFoundError) as nf:
        Program.builtin("no-such-program")
    assert isinstance(nf.value, LookupError) and nf.value.code == "not_found"


def test_program_errors(gr: Program) -> None:
    definition = gr.to_dict()
    definition["phases"] = definition["phases"][1:]
    with pytest.raises(yrkesresan.Error) as info:
        Program.from_json(definition)
    assert info.value.code == "phase_gap"
    assert info.value.path.startswith("/phases")
    assert isinstance(info.value, yrkesresan.ProgramError)


def test_every_core_error_code_has_a_class() -> None:
    from yrkesresan import _core
    from yrkesresan.errors import error_class

    for code in _core.error_codes():
        assert error_class(code) is not yrkesresan.Error, code
