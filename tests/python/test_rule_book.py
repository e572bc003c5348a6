"""The rule book through Python: the same text as the C++ library (the
committed docs/programs/ files, which the C++ suite holds to rule_book()) and
as the C ABI (through ctypes, as test_ctypes_abi.py drives it)."""

from __future__ import annotations

import ctypes
import json
import pickle

import pytest
import yrkesresan
from scenario_support import ROOT
from test_ctypes_abi import LIBRARY, CApi

YR_OK = 0
FORMATS = {"markdown": (0, ".md"), "html": (1, ".html")}
OVERLAYS = [ROOT / "data" / "overlays" / "example-kungalv.json",
            ROOT / "data" / "overlays" / "example-kungalv-utredning.json"]


def c_rule_book(capi: CApi, handle: ctypes.c_void_p, format: int) -> str:
    capi.lib.yr_program_rule_book.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p)]
    out = ctypes.c_void_p()
    rc = capi.lib.yr_program_rule_book(handle, format, ctypes.byref(out))
    assert rc == YR_OK, capi.last_error()
    assert out.value is not None
    try:
        return ctypes.string_at(out.value).decode("utf-8")
    finally:
        capi.lib.yr_string_free(out)


@pytest.mark.parametrize("program", yrkesresan.Program.builtin_ids())
@pytest.mark.parametrize("format", sorted(FORMATS))
def test_python_gives_the_committed_rule_book(program: str, format: str) -> None:
    committed = ROOT / "docs" / "programs" / (program + FORMATS[format][1])
    book = yrkesresan.Program.builtin(program).rule_book(format)
    assert book == committed.read_text(encoding="utf-8"), (
        f"{committed.relative_to(ROOT)} differs from Program.rule_book: "
        "cmake --build --preset default --target rule-books regenerates it")


@pytest.mark.skipif(LIBRARY is None, reason="libyrkesresan_c.so is not built (build/default/capi/)")
@pytest.mark.parametrize("program", yrkesresan.Program.builtin_ids())
@pytest.mark.parametrize("format", sorted(FORMATS))
@pytest.mark.parametrize("with_overlays", [False, True])
def test_c_abi_gives_the_same_rule_book(program: str, format: str, with_overlays: bool) -> None:
    overlays = OVERLAYS if with_overlays and program == "gr-barn-unga" else []
    assert LIBRARY is not None
    capi = CApi(LIBRARY)
    handle = capi.load(program, [p.read_text(encoding="utf-8") for p in overlays])
    try:
        from_c = c_rule_book(capi, handle, FORMATS[format][0])
    finally:
        capi.lib.yr_program_free(handle)
    assert from_c == yrkesresan.Program.builtin(program, overlays=overlays).rule_book(format)


def test_rule_book_says_the_rules_beside_their_sources() -> None:
    gr = yrkesresan.Program.builtin("gr-barn-unga")
    md = gr.rule_book()
    assert md.startswith("# Regelbok: De första åren som socialsekreterare")
    assert f"- **Version:** {gr.version}" in md
    assert "7 dagar efter beslut om anställning (annars dagen före första arbetsdagen)" in md
    assert "| Presentera fadder (`presentera-fadder`) | – | – | första arbetsdagen | – |" in md
    assert "> Starta inom 4 mån" in md
    assert "**Antagande (står inte i källan):**" in md
    html = gr.rule_book(format="html")
    assert html.startswith('<!DOCTYPE html>\n<html lang="sv">')
    assert '<figure class="citat"><blockquote>' in html


def test_rule_book_escapes_a_program_from_json() -> None:
    definition = json.loads((ROOT / "data" / "programs" / "gr-barn-unga.json").read_text(encoding="utf-8"))
    definition["checklists"][0]["sections"][0]["items"][0]["label"] = "Ring <chef> & 'kolla'"
    program = yrkesresan.Program.from_json(definition)
    html = program.rule_book("html")
    assert "Ring &lt;chef&gt; &amp; &#39;kolla&#39; (<code>valkomstbrev</code>)" in html
    assert "<chef>" not in html
    assert "| Ring \\<chef\\> \\& 'kolla' (`valkomstbrev`) |" in program.rule_book("markdown")


def test_rule_book_refuses_another_format() -> None:
    with pytest.raises(yrkesresan.InputError) as info:
        yrkesresan.Program.builtin("gr-barn-unga").rule_book("pdf")
    assert info.value.code == "invalid_value"


def test_rule_book_of_a_pickled_program_is_the_same() -> None:
    program = yrkesresan.Program.builtin("uppsala-bistand-lss")
    assert pickle.loads(pickle.dumps(program)).rule_book("html") == program.rule_book("html")
