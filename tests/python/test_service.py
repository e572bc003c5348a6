"""The HTTP service: in-process (Starlette's test client) for what each
endpoint answers, every answer validated against /openapi.json; then a real
server on 127.0.0.1 started by the test, with schemathesis generating
requests from /openapi.json against it (no 5xx, every response valid)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Dict, Iterator

import pytest

pytest.importorskip("starlette")
from jsonschema import Draft202012Validator  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from yrkesresan.service import Config, Limits, create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
COHORT = json.loads((ROOT / "examples" / "cohort.json").read_text(encoding="utf-8"))
CANARY = "Astrid Canarysdotter 19121212-1212"
ATTENDED = {"m1": "2026-05-20", "m2": "2026-06-03", "m3": "2026-06-17", "m4": "2026-08-19",
            "m5": "2026-09-02", "m6": "2026-09-16", "m7": "2026-09-30", "m8": "2026-10-07"}
HOMEWORK = {"m1": "2026-05-27", "m2": "2026-06-10", "m3": "2026-06-24", "m5": "2026-09-09", "m7": "2026-10-05"}
COMPLETED = {"id": "p-1043", "municipality": "ale", "employment_start": "2026-01-12",
             "events": [{"type": "module_attended", "module": m, "date": d} for m, d in ATTENDED.items()]
             + [{"type": "homework_submitted", "module": m, "date": d} for m, d in HOMEWORK.items()]}


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from yrkesresan import SigningKey
    path = tmp_path_factory.mktemp("key") / "issuer.key"
    path.write_text(SigningKey.generate().private_key_multibase())
    return path


@pytest.fixture(scope="module")
def client(key_file: Path) -> TestClient:
    config = Config([str(ROOT / "data/overlays/example-kungalv.json")], str(key_file),
                    "https://www.kungalv.se/socialtjansten", "Kungälvs kommun", Limits(batch_records=5))
    return TestClient(create_app(config))


@pytest.fixture(scope="module")
def openapi(client: TestClient) -> Dict[str, Any]:
    document: Dict[str, Any] = client.get("/openapi.json").json()
    return document


def check(openapi: Dict[str, Any], response: Any, path: str, method: str = "post") -> Any:
    """The response's body valid against what /openapi.json says of that status."""
    declared = openapi["paths"][path][method]["responses"][str(response.status_code)]
    schema = declared["content"]["application/json"]["schema"]
    body = response.json()
    Draft202012Validator({**schema, "components": openapi["components"]}).validate(body)
    return body


def test_openapi_is_built_from_the_schemas(openapi: Dict[str, Any]) -> None:
    assert openapi["openapi"] == "3.1.0"
    person = json.loads((ROOT / "data/schema/person.schema.json").read_text(encoding="utf-8"))
    assert openapi["components"]["schemas"]["PersonRecord"]["required"] == person["required"]
    assert set(person["$defs"]) <= {k.split(".", 1)[1] for k in openapi["components"]["schemas"] if k.startswith("PersonRecord.")}
    assert "$defs" not in json.dumps(openapi)  # every reference resolves inside the document


def test_health_version_and_programs(client: TestClient, openapi: Dict[str, Any]) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    programs = check(openapi, client.get("/programs"), "/programs", "get")
    assert [p["id"] for p in programs] == ["gr-barn-unga", "uppsala-bistand-lss", "gr-barn-unga+kungalv"]
    assert programs[2]["layers"] == ["municipality:kungalv"]
    check(openapi, client.get("/version"), "/version", "get")
    check(openapi, client.get("/programs/uppsala-bistand-lss"), "/programs/{program}", "get")
    book = client.get("/programs/gr-barn-unga/rule-book")
    assert book.text == (ROOT / "docs/programs/gr-barn-unga.md").read_text(encoding="utf-8")
    assert client.get("/programs/gr-barn-unga/rule-book?format=html").headers["content-type"].startswith("text/html")


def test_evaluate_one_person(client: TestClient, openapi: Dict[str, Any]) -> None:
    response = client.post("/programs/gr-barn-unga/evaluate?as_of=2026-11-22&lang=en", json=COHORT[3])
    assert response.status_code == 200
    ev = check(openapi, response, "/programs/{program}/evaluate")
    assert (ev["person"], ev["language"], ev["checklists"][0]["summary"]["overdue"]) == ("p-1004", "en", 48)
    layered = client.post("/programs/gr-barn-unga+kungalv/evaluate?as_of=2026-11-22", json=COHORT[3]).json()
    assert layered["language"] == "sv"


@pytest.mark.parametrize("url,body,status,code,path", [
    ("/programs/gr-barn-unga/evaluate?as_of=2026-11-22", {**COHORT[0], "employment_start": CANARY}, 422, "invalid_date", "/employment_start"),
    ("/programs/gr-barn-unga/evaluate?as_of=2026-11-22", {**COHORT[0], "nickname": CANARY}, 422, "unknown_field", "/nickname"),
    ("/programs/gr-barn-unga/evaluate?as_of=2026-02-30", COHORT[0], 422, "invalid_date", "/as_of"),
    ("/programs/gr-barn-unga/evaluate", COHORT[0], 422, "missing_field", "/as_of"),
    ("/programs/gr-barn-unga/evaluate?as_of=2026-11-22&lang=fi", COHORT[0], 422, "invalid_value", "/lang"),
    ("/programs/no-such/evaluate?as_of=2026-11-22", COHORT[0], 404, "not_found", ""),
    ("/programs/gr-barn-unga/evaluate-batch?as_of=2026-11-22", COHORT[:6], 422, "limit_exceeded", ""),
    ("/programs/gr-barn-unga/certificates/introduktionsprogram?as_of=2026-11-22", COHORT[0], 409, "requirements_not_met", ""),
])
def test_bad_input_is_a_typed_4xx(client: TestClient, openapi: Dict[str, Any], url: str, body: Any, status: int,
                                  code: str, path: str) -> None:
    response = client.post(url, json=body)
    assert response.status_code == status
    error = check(openapi, response, url.split("?")[0].replace("gr-barn-unga", "{program}").replace("no-such", "{program}")
                  .replace("introduktionsprogram", "{component}"))
    assert error["code"] == code and (error["path"] == path or code == "requirements_not_met")
    assert CANARY not in response.text


def test_bodies_past_the_limits_and_not_json(client: TestClient) -> None:
    big = client.post("/programs/gr-barn-unga/evaluate?as_of=2026-11-22", content=b" " * (2 << 20))
    assert big.status_code == 413 and big.json()["code"] == "limit_exceeded"
    broken = client.post("/programs/gr-barn-unga/evaluate?as_of=2026-11-22", content=b"{")
    assert broken.status_code == 400 and broken.json()["code"] == "parse_error"
    latin1 = client.post("/programs/gr-barn-unga/evaluate?as_of=2026-11-22", content=b'{"id": "\xe5"}')
    assert latin1.status_code == 400
    form = client.post("/programs/gr-barn-unga/evaluate?as_of=2026-11-22", content=b"a=b",
                       headers={"content-type": "application/x-www-form-urlencoded"})
    assert form.status_code == 415 and form.json()["problems"]
    assert client.get("/nowhere").json()["code"] == "not_found"


def test_batch_keeps_each_records_error_in_place(client: TestClient, openapi: Dict[str, Any]) -> None:
    body = [COHORT[0], {**COHORT[1], "employment_start": CANARY}, COHORT[2]]
    response = client.post("/programs/gr-barn-unga/evaluate-batch?as_of=2026-11-22", json=body)
    results = check(openapi, response, "/programs/{program}/evaluate-batch")["results"]
    assert [sorted(r) for r in results] == [["evaluation"], ["error"], ["evaluation"]]
    assert (results[1]["error"]["code"], results[1]["error"]["path"]) == ("invalid_date", "/1/employment_start")
    assert CANARY not in response.text


def test_certificates_sign_and_verify(client: TestClient, openapi: Dict[str, Any], key_file: Path) -> None:
    from yrkesresan import SigningKey
    url = "/programs/gr-barn-unga/certificates/introduktionsprogram"
    certificate = client.post(f"{url}?as_of=2026-11-01", json=COMPLETED).json()
    assert certificate["id"].startswith("urn:yrkesresan:intyg:")
    credential = client.post(f"{url}/credential?as_of=2026-11-01", json=COMPLETED)
    assert credential.status_code == 200
    public = SigningKey.from_multibase(key_file.read_text()).public_key_multibase
    trusted = {"issuers": [{"id": "https://www.kungalv.se/socialtjansten", "name": "Kungälvs kommun",
                            "keys": [{"publicKeyMultibase": public}]}]}
    verified = client.post("/credentials/verify", json={"credential": credential.json(), "trusted": trusted,
                                                         "now": "2026-11-22T10:00:00Z"})
    assert check(openapi, verified, "/credentials/verify")["status"] == "ok"
    stranger = client.post("/credentials/verify", json={"credential": credential.json(), "trusted": {"issuers": []},
                                                         "now": "2026-11-22T10:00:00Z"})
    assert stranger.json()["status"] == "unknown_issuer"


def test_coordinate(client: TestClient, openapi: Dict[str, Any]) -> None:
    request = {"as_of": "2026-11-22", "term": {"from": "2027-01-01", "to": "2027-06-30"}, "persons": COHORT}
    report = check(openapi, client.post("/programs/gr-barn-unga/coordinate", json=request), "/programs/{program}/coordinate")
    assert report["program"] == "gr-barn-unga"


def test_the_page_is_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and '<html lang="sv">' in page.text and "page.js" in page.text
    assert "render" in client.get("/page.js").text


# A real server ---------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, key_file: Path) -> Iterator[str]:
    port = free_port()
    log = tmp_path_factory.mktemp("server") / "server.log"
    with open(log, "w") as out:
        process = subprocess.Popen([sys.executable, "-m", "yrkesresan.cli", "serve", "--port", str(port),
                                    "--workers", "2", "--key", str(key_file), "--issuer-id",
                                    "https://www.kungalv.se/socialtjansten", "--issuer-name", "Kungälvs kommun"], stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/health", timeout=1).read()
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None:
                    raise AssertionError(log.read_text())
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert CANARY not in log.read_text()  # nothing from a body reaches the server's log


def test_a_real_server_on_loopback(server: str) -> None:
    request = urllib.request.Request(f"{server}/programs/gr-barn-unga/evaluate?as_of=2026-11-22",
                                     data=json.dumps(COHORT[0]).encode(), headers={"content-type": "application/json"})
    assert json.loads(urllib.request.urlopen(request, timeout=10).read())["person"] == "p-1001"
    bad = urllib.request.Request(f"{server}/programs/gr-barn-unga/evaluate?as_of=2026-11-22",
                                 data=json.dumps({**COHORT[0], "id": CANARY, "employment_start": CANARY}).encode(),
                                 headers={"content-type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(bad, timeout=10)
    assert refused.value.code == 422 and CANARY not in refused.value.read().decode()


def test_schemathesis_against_the_running_server(server: str, tmp_path: Path) -> None:
    st = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    if st is None:
        pytest.skip("schemathesis is not installed (requirements-dev.txt)")
    examples = os.environ.get("YR_SCHEMATHESIS_EXAMPLES", "25")
    # Every check but positive_data_acceptance: the library refuses more than a
    # schema can say (dates that do not exist, events after as_of, ids that
    # name nothing), each with its typed 422, so schema-valid is not always valid.
    result = subprocess.run([st, "run", f"{server}/openapi.json", "--checks", "all",
                             "--exclude-checks", "positive_data_acceptance", "--max-examples", examples,
                             "--phases", "examples,coverage,fuzzing",
                             "--seed", "18", "--request-timeout", "20", "--suppress-health-check", "all",
                             "--report", "junit", "--report-dir", str(tmp_path)],
                            capture_output=True, text=True, timeout=900, cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


def test_the_notebook_view_shows_the_pages_sections() -> None:
    import datetime

    from yrkesresan import Program
    page = (ROOT / "python/yrkesresan/service/static/page.js").read_text(encoding="utf-8")
    for language, sections in (("sv", ("Fas", "Checklistor", "Kurs, handledning och stöd", "Intyg",
                                       "Att göra per roll", "Observera", "försenad")),
                               ("en", ("Phase", "Checklists", "Course, supervision and support", "Certificates",
                                       "To do per role", "Warnings", "overdue"))):
        ev = Program.builtin("gr-barn-unga").evaluate(COHORT[3], datetime.date(2026, 11, 22), language)
        html = ev._repr_html_()
        for words in sections:
            assert words in html and f'"{words}"' in page, words
        assert "Introduktion och inskolning" in html and "Telefon, telefonpolicy" in html


def test_time_per_request_is_a_408_in_the_error_format() -> None:
    impatient = TestClient(create_app(Config(limits=Limits(seconds=1e-6))))
    response = impatient.post("/programs/gr-barn-unga/evaluate-batch?as_of=2026-11-22", json=COHORT)
    assert response.status_code == 408
    assert response.json()["code"] == "limit_exceeded" and response.json()["problems"]


def test_did_document_and_revocation(key_file: Path, openapi: Dict[str, Any]) -> None:
    from yrkesresan import IssuerProfile, SigningKey, create_status_list
    ale = TestClient(create_app(Config(key=str(key_file), issuer_id="did:web:www.ale.se", issuer_name="Ale kommun")))
    did = ale.get("/.well-known/did.json").json()
    assert did["id"] == "did:web:www.ale.se"
    key = SigningKey.from_multibase(key_file.read_text())
    status_list = create_status_list("https://www.ale.se/status/1", IssuerProfile("did:web:www.ale.se", "Ale kommun"),
                                     key, valid_from="2026-11-01T00:00:00Z")
    revoked = ale.post("/status-lists/revoke?index=3", content=status_list.encode(),
                       headers={"content-type": "application/json"})
    assert revoked.status_code == 200, revoked.text
    from yrkesresan import status_list_revoked
    assert status_list_revoked(revoked.text, 3) and not status_list_revoked(revoked.text, 4)
    assert ale.post("/status-lists/revoke?index=x", content=status_list.encode()).json()["path"] == "/index"
    unsigned = TestClient(create_app(Config()))
    assert unsigned.get("/.well-known/did.json").status_code == 404
    assert unsigned.post("/status-lists/revoke?index=3", content=status_list.encode()).status_code == 404


def test_a_fault_is_a_500_in_the_error_format_and_logs_no_body(monkeypatch: pytest.MonkeyPatch,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    from yrkesresan import Program

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise KeyError(CANARY)  # as a bug quoting the input would
    monkeypatch.setattr(Program, "evaluate", broken)
    response = TestClient(create_app(Config())).post("/programs/gr-barn-unga/evaluate?as_of=2026-11-22", json=COHORT[0])
    assert response.status_code == 500 and response.json()["code"] == "internal_error"
    assert CANARY not in response.text and CANARY not in caplog.text and "KeyError" in caplog.text


def test_a_program_file_is_served_by_its_id_with_its_overlays(tmp_path: Path) -> None:
    """`serve --program FILE`: a region's own program beside the built-in ones, layered as they are."""
    example, overlay = ROOT / "data/examples/exempel-lss.json", ROOT / "data/examples/exempel-lss-exempelby.json"
    own = TestClient(create_app(Config([str(overlay)], programs=[str(example)])))
    ids = {p["id"] for p in own.get("/programs").json()}
    assert {"gr-barn-unga", "exempel-lss", "exempel-lss+exempelby"} <= ids
    response = own.post("/programs/exempel-lss+exempelby/evaluate?as_of=2026-03-02",
                        json={"id": "ex-1", "municipality": "exempelby", "employment_start": "2026-02-02"})
    assert response.status_code == 200 and response.json()["program"] == "exempel-lss"
    # A file with a built-in program's id would stand in for it: the start is refused.
    clash = tmp_path / "clash.json"
    clash.write_text(json.dumps({**json.loads(example.read_text(encoding="utf-8")), "id": "gr-barn-unga"}),
                     encoding="utf-8")
    with pytest.raises(Exception) as info:
        create_app(Config(programs=[str(clash)]))
    assert getattr(info.value, "code", None) == "duplicate_id"
