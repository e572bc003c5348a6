"""The shared scenario files (tests/scenarios/*.json) through the command line
(`yrkesresan evaluate`) and the HTTP service (`POST /programs/{id}/evaluate`):
the same cases C++, the C ABI, Python and Java run, the same answers."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import pytest
from scenario_support import ROOT, load_scenario, program_file, scenario_params, scenario_program
from yrkesresan.cli import main

pytest.importorskip("starlette")
from starlette.testclient import TestClient  # noqa: E402

from yrkesresan.service import Config, create_app  # noqa: E402


def cli(args: List[str]) -> Tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("path", scenario_params())
def test_scenario_through_the_command_line(path: Path, tmp_path: Path, match: Callable[[Any, Any], str]) -> None:
    sc = load_scenario(path)
    person = tmp_path / "person.json"
    person.write_text(json.dumps(sc["person"], ensure_ascii=False), encoding="utf-8")
    path = program_file(sc)  # a program file is given to --program as its path
    args = ["evaluate", str(person), "--as-of", sc["as_of"], "--program", str(path) if path else sc["program"],
            "--error-format", "json"]
    for overlay in sc.get("overlays", []):
        args += ["--overlay", str(ROOT / overlay)]
    code, out, err = cli(args)
    if "error" in sc:
        assert code != 0
        error = json.loads(err.splitlines()[0])
        assert (error["code"], error["path"]) == (sc["error"]["code"], sc["error"]["path"])
        return
    assert code == 0, err
    assert match(sc["expect"], json.loads(out)) == ""


_clients: Dict[Tuple[str, ...], TestClient] = {}


def service_for(programs: Tuple[str, ...], overlays: Tuple[str, ...]) -> TestClient:
    """One app per set of program files and overlays, loaded once, as
    `yrkesresan serve --program ... --overlay ...` would."""
    key = programs + ("--",) + overlays
    if key not in _clients:
        _clients[key] = TestClient(create_app(Config([str(ROOT / o) for o in overlays],
                                                     programs=[str(ROOT / p) for p in programs])))
    return _clients[key]


@pytest.mark.parametrize("path", scenario_params())
def test_scenario_through_the_service(path: Path, match: Callable[[Any, Any], str]) -> None:
    sc = load_scenario(path)
    overlays = tuple(sc.get("overlays", []))
    files = (sc["program_file"],) if "program_file" in sc else ()  # served by its id
    layered = scenario_program(sc)
    # The service names a program by its id, a layered one by its overlays' ids too.
    program = "+".join([layered.id] + [layer.split(":")[-1] for layer in layered.layers])
    response = service_for(files, overlays).post(f"/programs/{program}/evaluate?as_of={sc['as_of']}",
                                                 content=json.dumps(sc["person"], ensure_ascii=False).encode(),
                                                 headers={"content-type": "application/json"})
    if "error" in sc:
        assert 400 <= response.status_code < 500
        body = response.json()
        assert (body["code"], body["path"]) == (sc["error"]["code"], sc["error"]["path"])
        return
    assert response.status_code == 200, response.text
    assert match(sc["expect"], response.json()) == ""
