"""A second, independent client of the C ABI: drives libyrkesresan_c through
ctypes (no pybind11) and checks it agrees with the Python package on every
shared scenario file, document for document.

The library is looked up in $YR_CAPI_LIBRARY, else in the default CMake build
(build/default/capi/). The module is skipped only when that file is absent.
"""

from __future__ import annotations

import ctypes
import datetime
import json
import os
from pathlib import Path
from typing import Any, List, Optional, Tuple

import pytest
import yrkesresan
from scenario_support import ROOT, load_scenario, overlay_paths, program_file, scenario_params, scenario_program

YR_OK = 0


def _library_path() -> Optional[Path]:
    env = os.environ.get("YR_CAPI_LIBRARY")
    candidates = [Path(env)] if env else []
    candidates += [ROOT / "build" / "default" / "capi" / "libyrkesresan_c.so"]
    return next((p for p in candidates if p.is_file()), None)


LIBRARY = _library_path()
pytestmark = pytest.mark.skipif(LIBRARY is None, reason="libyrkesresan_c.so is not built (build/default/capi/)")


class YrError(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("kind", ctypes.c_char_p), ("message", ctypes.c_char_p),
                ("path", ctypes.c_char_p), ("problems", ctypes.c_char_p)]


class YrEvaluateOptions(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("language", ctypes.c_int)]


class CApi:
    """The few functions of capi/include/yrkesresan/yrkesresan.h this test needs."""

    def __init__(self, path: Path) -> None:
        lib = ctypes.CDLL(str(path))
        lib.yr_version_string.restype = ctypes.c_char_p
        lib.yr_error_last.restype = ctypes.POINTER(YrError)
        lib.yr_string_free.argtypes = [ctypes.c_void_p]
        lib.yr_program_load.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_char_p), ctypes.c_size_t,
                                        ctypes.POINTER(ctypes.c_void_p)]
        lib.yr_program_load_json.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_char_p), ctypes.c_size_t,
                                             ctypes.POINTER(ctypes.c_void_p)]
        lib.yr_program_free.argtypes = [ctypes.c_void_p]
        lib.yr_program_definition.argtypes = [ctypes.c_void_p]
        lib.yr_program_definition.restype = ctypes.c_char_p
        lib.yr_evaluate.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p,
                                    ctypes.POINTER(YrEvaluateOptions), ctypes.POINTER(ctypes.c_void_p)]
        self.lib = lib

    def last_error(self) -> Tuple[str, str]:
        e = self.lib.yr_error_last().contents
        return (e.kind or b"").decode(), (e.path or b"").decode()

    def load(self, program: str, overlays: List[str], definition: Optional[str] = None) -> ctypes.c_void_p:
        """A built-in program by id, or (``definition``) one from its JSON text."""
        array = (ctypes.c_char_p * max(1, len(overlays)))(*[o.encode() for o in overlays])
        out = ctypes.c_void_p()
        if definition is not None:
            rc = self.lib.yr_program_load_json(definition.encode(), array, len(overlays), ctypes.byref(out))
        else:
            rc = self.lib.yr_program_load(program.encode(), array, len(overlays), ctypes.byref(out))
        assert rc == YR_OK, self.last_error()
        return out

    def evaluate(self, program: ctypes.c_void_p, person: str, as_of: str, language: int = 0) -> Tuple[int, Any]:
        out = ctypes.c_void_p()
        options = YrEvaluateOptions(1, language)
        rc = self.lib.yr_evaluate(program, person.encode(), as_of.encode(), ctypes.byref(options), ctypes.byref(out))
        if rc != YR_OK:
            assert not out.value  # out-parameters are NULL after a failure
            return rc, self.last_error()
        try:
            return rc, json.loads(ctypes.string_at(out.value).decode())
        finally:
            self.lib.yr_string_free(out)


@pytest.fixture(scope="module")
def capi() -> CApi:
    assert LIBRARY is not None
    return CApi(LIBRARY)


def test_same_version(capi: CApi) -> None:
    assert capi.lib.yr_version_string().decode() == yrkesresan.__version__


@pytest.mark.parametrize("path", scenario_params())
@pytest.mark.parametrize("language", ["sv", "en"])
def test_c_abi_agrees_with_python(capi: CApi, path: Path, language: str) -> None:
    sc = load_scenario(path)
    overlays = [p.read_text(encoding="utf-8") for p in overlay_paths(sc)]
    path = program_file(sc)
    handle = capi.load(sc.get("program", ""), overlays, path.read_text(encoding="utf-8") if path else None)
    try:
        program = scenario_program(sc)
        # The same effective program on both faces.
        assert json.loads(capi.lib.yr_program_definition(handle).decode()) == program.to_dict()
        person = json.dumps(sc["person"])
        rc, result = capi.evaluate(handle, person, sc["as_of"], 1 if language == "en" else 0)
        as_of = datetime.date.fromisoformat(sc["as_of"])
        if "error" in sc:
            assert rc < 0
            with pytest.raises(yrkesresan.Error) as info:
                program.evaluate(person, as_of=as_of, language=language)
            assert result == (info.value.code, info.value.path) == (sc["error"]["code"], sc["error"]["path"])
        else:
            assert rc == YR_OK
            assert result == program.evaluate(person, as_of=as_of, language=language).to_dict()
    finally:
        capi.lib.yr_program_free(handle)


def test_errors_agree_on_a_bad_record(capi: CApi) -> None:
    handle = capi.load("gr-barn-unga", [])
    try:
        person = json.dumps({"id": "p-1", "municipality": "lerum", "employment_start": "2026-01-12",
                             "leaves": [{"from": "2026-03-01", "to": "2026-02-01"}]})
        rc, error = capi.evaluate(handle, person, "2026-06-01")
        assert rc < 0
        with pytest.raises(yrkesresan.Error) as info:
            yrkesresan.Program.builtin("gr-barn-unga").evaluate(person, as_of=datetime.date(2026, 6, 1))
        assert error == (info.value.code, info.value.path) == ("reversed_period", "/leaves/0/to")
    finally:
        capi.lib.yr_program_free(handle)


# Each C return code and the Python exception for the same class of failure
# (capi/include/yrkesresan/yrkesresan.h, yrkesresan.errors): one to one.
PYTHON_CLASS_OF_RC = {
    -5: yrkesresan.ParseError, -6: yrkesresan.LimitError, -7: yrkesresan.InputError, -8: yrkesresan.IdError,
    -9: yrkesresan.ProgramError, -10: yrkesresan.ConflictError, -4: yrkesresan.NotFoundError,
    -11: yrkesresan.RequirementsNotMetError,
}


def test_the_bad_input_corpus_fails_in_the_same_class_in_c_and_python(capi: CApi) -> None:
    corpus = ROOT / "tests" / "corpus"
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    gr = yrkesresan.Program.builtin("gr-barn-unga")
    handle = capi.load("gr-barn-unga", [])
    seen = set()
    try:
        for case in manifest["cases"]:
            if case["kind"] not in ("program", "overlay", "person") or "code" not in case["expect"]:
                continue
            data = (corpus / case["file"]).read_bytes()
            if b"\0" in data:
                continue  # a C string ends at its first NUL (the length-taking _r calls are tests/capi/corpus.cpp's)
            as_of = case.get("as_of", manifest["defaults"]["as_of"])
            out = ctypes.c_void_p()
            if case["kind"] == "program":
                rc = capi.lib.yr_program_load_json(data, (ctypes.c_char_p * 1)(), 0, ctypes.byref(out))
                call: Any = lambda: yrkesresan._core.Program.from_json(data)  # noqa: E731
            elif case["kind"] == "overlay":
                rc = capi.lib.yr_program_load(b"gr-barn-unga", (ctypes.c_char_p * 1)(data), 1, ctypes.byref(out))
                call = lambda: gr._core.with_overlays([data])  # noqa: E731
            else:
                options = YrEvaluateOptions(1, 0)
                rc = capi.lib.yr_evaluate(handle, data, as_of.encode(), ctypes.byref(options), ctypes.byref(out))
                call = lambda: gr._core.evaluate(data, datetime.date.fromisoformat(as_of), "sv")  # noqa: E731
            if rc == YR_OK:
                (capi.lib.yr_program_free if case["kind"] != "person" else capi.lib.yr_string_free)(out)
            assert rc in PYTHON_CLASS_OF_RC, (case["file"], rc)
            with pytest.raises(yrkesresan.Error) as info:
                call()
            assert type(info.value) is PYTHON_CLASS_OF_RC[rc], (case["file"], rc, info.value.code)
            assert capi.last_error()[0] == info.value.code, case["file"]
            seen.add(rc)
    finally:
        capi.lib.yr_program_free(handle)
    # The corpus reaches every class these three inputs can fail in.
    assert seen >= {-5, -6, -7, -8, -9, -10}


def _r_functions(lib: Any) -> None:
    """Declares the length-taking *_r forms the whole-corpus test drives."""
    out = [ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_size_t), ctypes.POINTER(ctypes.c_void_p)]
    text = [ctypes.c_char_p, ctypes.c_size_t]
    lib.yr_program_load_json_r.argtypes = [*text, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t,
                                           ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]
    lib.yr_program_load_r.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_char_p),
                                      ctypes.POINTER(ctypes.c_size_t), ctypes.c_size_t,
                                      ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]
    lib.yr_evaluate_r.argtypes = [ctypes.c_void_p, *text, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t, *out]
    lib.yr_certificate_issue_r.argtypes = [ctypes.c_void_p, *text, ctypes.c_char_p, ctypes.c_char_p,
                                           ctypes.c_char_p, ctypes.c_size_t, *out]
    lib.yr_coordinate_r.argtypes = [ctypes.c_void_p, *text, *out]
    lib.yr_credential_verify_r.argtypes = [*text, *text, ctypes.c_char_p, *out]
    lib.yr_vocabularies_r.argtypes = out


def _c_outcome(capi: CApi, handle: ctypes.c_void_p, case: Any, data: bytes) -> Tuple[int, str]:
    """The return code and error code ("" on success) of a corpus case in C."""
    from test_corpus import CORPUS, setting

    lib = capi.lib
    result, size, error = ctypes.c_void_p(), ctypes.c_size_t(), ctypes.c_void_p()
    outs = (ctypes.byref(result), ctypes.byref(size), ctypes.byref(error))
    as_of = setting(case, "as_of").encode()
    kind = case["kind"]
    if kind == "program":
        rc = lib.yr_program_load_json_r(data, len(data), None, None, 0, ctypes.byref(result), ctypes.byref(error))
    elif kind == "overlay":
        rc = lib.yr_program_load_r(setting(case, "program").encode(), (ctypes.c_char_p * 1)(data),
                                   (ctypes.c_size_t * 1)(len(data)), 1, ctypes.byref(result), ctypes.byref(error))
    elif kind == "person":
        rc = lib.yr_evaluate_r(handle, data, len(data), as_of, None, 0, *outs)
    elif kind == "issue":
        rc = lib.yr_certificate_issue_r(handle, data, len(data), as_of, str(case.get("component", "")).encode(),
                                        None, 0, *outs)
    elif kind == "coordination":
        rc = lib.yr_coordinate_r(handle, data, len(data), *outs)
    else:
        trusted = (CORPUS / setting(case, "trusted")).read_bytes()
        rc = lib.yr_credential_verify_r(data, len(data), trusted, len(trusted), setting(case, "now").encode(), *outs)
    code = ""
    if rc != YR_OK:
        assert not result.value, case["file"]  # out-parameters are NULL after a failure
        document = json.loads(ctypes.string_at(error.value).decode())
        assert document["code"] == rc, case["file"]
        code = document["kind"]
        lib.yr_string_free(error)
    elif kind in ("program", "overlay"):
        lib.yr_program_free(result)
    else:
        lib.yr_string_free(result)
    return rc, code


def test_every_corpus_case_is_classified_alike_in_c_and_python(capi: CApi) -> None:
    # Every case of the bad-input corpus, every kind, through the length-taking
    # *_r forms (so documents with a NUL too): C and Python both accept it, or
    # both refuse it with the same code, in the same class of error.
    from test_corpus import CASES, CORPUS, run, setting

    _r_functions(capi.lib)
    programs = {case_program: capi.load(case_program, []) for case_program in
                {setting(case, "program") for case in CASES}}
    seen = set()
    try:
        for case in CASES:
            path = CORPUS / case["file"]
            data = path.read_bytes()
            rc, code = _c_outcome(capi, programs[setting(case, "program")], case, data)
            python = run(case["kind"], path, data, case)
            if "expect_c" in case:  # an argument in C, a field in Python: see the case's note
                assert (rc, code) == (-1, case["expect_c"]["code"]), case["file"]
                assert python.code == case["expect"]["code"], case["file"]
                continue
            assert code == python.code, (case["file"], rc)
            if python.error is None:
                assert rc == YR_OK, case["file"]
                continue
            assert type(python.error) is PYTHON_CLASS_OF_RC[rc], (case["file"], rc, python.code)
            seen.add(rc)
    finally:
        for handle in programs.values():
            capi.lib.yr_program_free(handle)
    assert seen == set(PYTHON_CLASS_OF_RC) - {-4}  # every class but not_found, which needs a builtin id


def test_the_c_vocabularies_are_the_python_ones(capi: CApi) -> None:
    from yrkesresan import _core

    _r_functions(capi.lib)
    result, size, error = ctypes.c_void_p(), ctypes.c_size_t(), ctypes.c_void_p()
    assert capi.lib.yr_vocabularies_r(ctypes.byref(result), ctypes.byref(size), ctypes.byref(error)) == YR_OK
    try:
        vocabularies = json.loads(ctypes.string_at(result.value, size.value).decode())
    finally:
        capi.lib.yr_string_free(result)
    assert vocabularies == {"error_classes": _core.error_classes(), "event_types": _core.event_types(),
                            "leave_kinds": _core.leave_kinds(), "named_roles": _core.named_roles(),
                            "roles": _core.roles()}
