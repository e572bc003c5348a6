"""The `yrkesresan` command end to end on the example data: every command in a
subprocess, as a shell user runs it; errors on stderr with code and path,
never a traceback or a value from the input."""

from __future__ import annotations

import contextlib
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any, List

import pytest

from yrkesresan.cli import main

ROOT = Path(__file__).resolve().parents[2]
COHORT = ROOT / "examples" / "cohort.json"
DEMO = ROOT / "build" / "default" / "examples" / "yrkesresan-demo"
CANARY = "Astrid Canarysdotter 19121212-1212"

# A person who attended every module and did the homework (README's p-1043).
ATTENDED = {"m1": "2026-05-20", "m2": "2026-06-03", "m3": "2026-06-17", "m4": "2026-08-19",
            "m5": "2026-09-02", "m6": "2026-09-16", "m7": "2026-09-30", "m8": "2026-10-07"}
HOMEWORK = {"m1": "2026-05-27", "m2": "2026-06-10", "m3": "2026-06-24", "m5": "2026-09-09", "m7": "2026-10-05"}
COMPLETED = {"id": "p-1043", "municipality": "ale", "employment_start": "2026-01-12",
             "events": [{"type": "module_attended", "module": m, "date": d} for m, d in ATTENDED.items()]
             + [{"type": "homework_submitted", "module": m, "date": d} for m, d in HOMEWORK.items()]}


def run(*args: Any, input: str | None = None) -> subprocess.CompletedProcess[str]:
    """The command in its own process (standard input given), else in this one: the same main()."""
    if input is not None:
        result = subprocess.run([sys.executable, "-m", "yrkesresan.cli", *map(str, args)], capture_output=True,
                                text=True, input=input, cwd=ROOT, timeout=120)
    else:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main([str(a) for a in args])
            except SystemExit as e:  # argparse: --help, usage errors
                code = int(e.code or 0)
        result = subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    return result


def write(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def cohort() -> List[Any]:
    return list(json.loads(COHORT.read_text(encoding="utf-8")))


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "yrkesresan"
    assert script.exists(), "pip install . installs the yrkesresan command"
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("yrkesresan ")


@pytest.mark.parametrize("command", [[], ["evaluate"], ["report"], ["population"], ["coordinate"], ["program"],
                                     ["program", "list"], ["program", "show"], ["program", "check"],
                                     ["program", "render"], ["program", "diff"], ["keygen"], ["certificate"],
                                     ["certificate", "issue"], ["certificate", "sign"], ["certificate", "verify"],
                                     ["certificate", "html"], ["certificate", "status-list"],
                                     ["certificate", "revoke"], ["did-document"], ["serve"]])
def test_every_command_has_help(command: List[str]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0 and result.stdout.startswith("usage: yrkesresan")
    assert "exit codes:" in result.stdout


@pytest.mark.parametrize("lang,as_of", [("sv", "2026-11-22"), ("en", "2027-01-15")])
def test_report_prints_what_the_demo_prints(lang: str, as_of: str) -> None:
    if not DEMO.exists():
        pytest.skip("the C++ demo is not built (scripts/test.sh builds it before the Python suites)")
    demo = subprocess.run([str(DEMO), "--cohort", str(COHORT), "--as-of", as_of, "--lang", lang],
                          capture_output=True, text=True, check=True).stdout
    result = run("report", COHORT, "--as-of", as_of, "--lang", lang)
    assert result.returncode == 0, result.stderr
    assert result.stdout == demo


def test_report_reads_json_lines_csv_and_parquet_alike(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    records = cohort()[:4]
    records[0]["plan"]["planned"] = {"bbic": "2026-12-01"}
    records[1]["people"]["mentor"] = records[1]["mentor"]["id"]  # tables name the mentor in the mentor column
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    write(tmp_path / "c.json", records)
    expected = run("report", tmp_path / "c.json", "--as-of", "2026-11-22").stdout
    assert run("report", tmp_path / "c.jsonl", "--as-of", "2026-11-22").stdout == expected

    # The same people as the population API's tables.
    persons, events, leaves, assignments, planned = [], [], [], [], []
    for r in records:
        row = {k: r.get(k) for k in ("id", "municipality", "unit", "employment_start", "hired_on")}
        row.update(r.get("people", {}))
        row["prior_experience_months"] = r.get("prior_experience_months")
        if "mentor" in r:
            row.update({f"mentor_{k}": v for k, v in r["mentor"].items() if k != "id"})
        persons.append(row)
        events += [{"person": r["id"], "type": e["type"], "ref": e.get("item") or e.get("module") or e.get("component"),
                    "date": e["date"], "round": e.get("round")} for e in r.get("events", [])]
        leaves += [{"person": r["id"], **x} for x in r.get("leaves", [])]
        plan = r.get("plan", {})
        assignments += [{"person": r["id"], "item": i, "codes": ",".join(c)} for i, c in plan.get("assignments", {}).items()]
        planned += [{"person": r["id"], "item": i, "date": d} for i, d in plan.get("planned", {}).items()]
    assert not any(r.get("plan", {}).get(k) for r in records for k in ("added_items", "removed_items")), \
        "tables carry no added or removed items: choose records without them"
    for suffix in ("csv", "parquet"):
        paths = []
        for name, rows in (("persons", persons), ("events", events), ("leaves", leaves),
                           ("assignments", assignments), ("planned", planned)):
            path = tmp_path / f"{name}.{suffix}"
            frame = pd.DataFrame(rows)
            frame.to_csv(path, index=False) if suffix == "csv" else frame.to_parquet(path, index=False)
            paths.append(path)
        result = run("report", paths[0], "--events", paths[1], "--leaves", paths[2], "--assignments", paths[3],
                     "--planned", paths[4], "--as-of", "2026-11-22")
        assert result.returncode == 0, result.stderr
        assert result.stdout == expected, suffix


def test_report_as_html_holds_the_same_sections() -> None:
    result = run("report", COHORT, "--as-of", "2026-11-22", "--format", "html")
    assert result.returncode == 0
    page = result.stdout
    assert page.startswith("<!doctype html>") and 'lang="sv"' in page and "@media print" in page
    for words in ("Introduktionsläget 2026-11-22", "p-1004", "Försenat per ansvarig", "Att göra per roll"):
        assert words in page
    progress = run("report", COHORT, "--as-of", "2026-11-22", "--progress", "--out", "-")
    assert progress.stderr.endswith("report [####################] 13/13\n")  # on stderr: stdout stays the report


def test_a_bad_record_in_a_cohort_is_reported_in_place(tmp_path: Path) -> None:
    records = cohort()[:2]
    records[1]["employment_start"] = CANARY
    result = run("report", write(tmp_path / "c.json", records), "--as-of", "2026-11-22")
    assert result.returncode == 4  # an invalid value; the report is still whole
    assert "invalid_date" in result.stdout and "/employment_start" in result.stdout
    assert "p-1001" in result.stdout and CANARY not in result.stdout + result.stderr


def test_evaluate_prints_the_evaluation_document(tmp_path: Path) -> None:
    person = write(tmp_path / "p.json", cohort()[0])
    result = run("evaluate", person, "--as-of", "2026-11-22", "--lang", "en")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["person"] == "p-1001" and document["language"] == "en"
    # Standard input, and an overlay layered on.
    result = run("evaluate", "-", "--as-of", "2026-11-22", "--overlay", ROOT / "data/overlays/example-kungalv.json",
                 input=json.dumps(cohort()[0]))
    assert result.returncode == 0 and json.loads(result.stdout)["language"] == "sv"


@pytest.mark.parametrize("change,code,path,exit_code", [
    ({"employment_start": CANARY}, "invalid_date", "/employment_start", 4),
    ({"nickname": CANARY}, "unknown_field", "/nickname", 4),
    ({"plan": {"assignments": {"no-such-item": ["EC"]}}}, "unknown_reference", "/plan/assignments/no-such-item", 5),
])
def test_evaluate_errors_carry_code_and_path(tmp_path: Path, change: Any, code: str, path: str, exit_code: int) -> None:
    person = write(tmp_path / "p.json", {**cohort()[0], **change})
    result = run("evaluate", person, "--as-of", "2026-11-22", "--error-format", "json")
    assert result.returncode == exit_code and result.stdout == ""
    error = json.loads(result.stderr)
    assert (error["code"], error["path"]) == (code, path) and error["problems"][0]["code"] == code
    assert CANARY not in result.stderr
    text = run("evaluate", person, "--as-of", "2026-11-22")
    assert text.stderr.startswith(f"yrkesresan: {code} at {path}: ")


def test_exit_codes_by_class(tmp_path: Path) -> None:
    assert run("evaluate", tmp_path / "missing.json", "--as-of", "2026-11-22").returncode == 10
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    assert run("evaluate", tmp_path / "broken.json", "--as-of", "2026-11-22").returncode == 3
    person = write(tmp_path / "p.json", cohort()[0])
    assert run("evaluate", person, "--as-of", "2026-11-22", "--program", "no-such-program").returncode == 7
    assert run("evaluate", person, "--as-of", "2026-02-30").returncode == 2
    assert run("frobnicate").returncode == 2


def test_population_writes_persons_and_items_tables(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pd.DataFrame({"id": ["p-1", "p-2"], "municipality": ["ale", "lerum"],
                  "employment_start": ["2026-01-12", "2026-08-17"], "FA": ["p-9", None]}).to_csv(tmp_path / "persons.csv", index=False)
    pd.DataFrame({"person": ["p-1"], "type": ["item_done"], "item": ["nycklar"], "date": ["2026-01-13"]}).to_csv(tmp_path / "events.csv", index=False)
    pd.DataFrame({"person": ["p-2"], "from": ["2026-09-01"], "to": ["2026-09-30"], "kind": ["sick"]}).to_csv(tmp_path / "leaves.csv", index=False)
    pd.DataFrame({"person": ["p-1"], "item": ["nycklar"], "date": ["2026-02-01"]}).to_csv(tmp_path / "planned.csv", index=False)
    for form in ("csv", "parquet"):
        out = tmp_path / form
        result = run("population", tmp_path / "persons.csv", tmp_path / "events.csv", tmp_path / "leaves.csv",
                     "--planned", tmp_path / "planned.csv", "--as-of", "2026-11-02", "--out", out, "--format", form)
        assert result.returncode == 0, result.stderr
        read = pd.read_csv if form == "csv" else pd.read_parquet
        persons, items = read(out / f"persons.{form}"), read(out / f"items.{form}")
        assert list(persons["experience_months"]) == [9, 1]
        nycklar = items[(items.person == "p-1") & (items.item == "nycklar")]
        assert list(nycklar.state) == ["done"] and str(nycklar.planned.iloc[0])[:10] == "2026-02-01"
    few = tmp_path / "few"
    result = run("population", tmp_path / "persons.csv", tmp_path / "events.csv", "--as-of", "2026-11-02",
                 "--out", few, "--outputs", "experience_months,phase", "--no-items")
    assert result.returncode == 0, result.stderr
    assert list(pd.read_csv(few / "persons.csv").columns) == ["person", "experience_months", "phase", "error",
                                                              "error_path"]
    assert not (few / "items.csv").exists()
    result = run("population", tmp_path / "persons.csv", "--as-of", "2026-11-02", "--out", few, "--outputs", "nope")
    assert result.returncode != 0 and "unknown_field at /outputs/0" in result.stderr
    pd.DataFrame({"id": ["p-1"], "municipality": ["ale"], "employment_start": [CANARY]}).to_csv(tmp_path / "bad.csv", index=False)
    result = run("population", tmp_path / "bad.csv", "--as-of", "2026-11-02", "--out", tmp_path / "x")
    assert result.returncode == 4 and "invalid_date at /persons/0/employment_start" in result.stderr
    assert CANARY not in result.stderr


def test_program_commands(tmp_path: Path) -> None:
    listed = run("program", "list").stdout.splitlines()
    assert [line.split("\t")[0] for line in listed] == ["gr-barn-unga", "uppsala-bistand-lss"]
    shown = json.loads(run("program", "show", "gr-barn-unga", "--overlay",
                           ROOT / "data/overlays/example-kungalv.json").stdout)
    assert shown["id"] == "gr-barn-unga"
    definition = write(tmp_path / "gr.json", shown)
    assert run("program", "check", definition).returncode == 0
    checked = run("program", "check", ROOT / "data/overlays/example-kungalv.json")
    assert checked.returncode == 0 and "0 error(s)" in checked.stderr
    broken = write(tmp_path / "o.json", {"format": 1, "overlay": "x", "level": "municipality", "program": "gr-barn-unga",
                                         "set_responsible": {"no-such-item": ["EC"]}, "colour": "red"})
    result = run("program", "check", broken)
    assert result.returncode == 1 and "2 error(s)" in result.stderr
    assert f"{broken}" in result.stdout and ": error: unknown_field at /colour: " in result.stdout
    assert ": error: unknown_reference at /set_responsible/no-such-item: " in result.stdout
    book = run("program", "render", "gr-barn-unga", "--format", "md").stdout
    assert book == (ROOT / "docs/programs/gr-barn-unga.md").read_text(encoding="utf-8")
    assert run("program", "render", "uppsala-bistand-lss", "--format", "html").stdout.startswith("<!")
    assert run("program", "diff", "gr-barn-unga", definition).returncode == 1  # the overlay's changes
    same = run("program", "diff", "gr-barn-unga", "gr-barn-unga")
    assert same.returncode == 0 and same.stdout == ""


def test_coordinate(tmp_path: Path) -> None:
    request = write(tmp_path / "r.json", {"as_of": "2026-11-22", "term": {"from": "2027-01-01", "to": "2027-06-30"},
                                          "persons": cohort()})
    result = run("coordinate", request)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["program"] == "gr-barn-unga"
    bad = write(tmp_path / "b.json", {"as_of": "2026-11-22", "term": {"from": "2027-01-01", "to": CANARY},
                                      "persons": []})
    result = run("coordinate", bad)
    assert result.returncode == 4 and "at /term/to" in result.stderr and CANARY not in result.stderr


def test_keys_and_certificates(tmp_path: Path) -> None:
    key = tmp_path / "issuer.key"
    result = run("keygen", "--out", key)
    assert result.returncode == 0
    secret = key.read_text().strip()
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    assert secret not in result.stdout + result.stderr
    public = json.loads(result.stdout)["publicKeyMultibase"]
    assert run("keygen", "--out", key).returncode == 10 and key.read_text().strip() == secret  # never overwritten

    person = write(tmp_path / "p.json", COMPLETED)
    issued = run("certificate", "issue", person, "--as-of", "2026-11-01", "--component", "introduktionsprogram")
    assert issued.returncode == 0 and json.loads(issued.stdout)["id"].startswith("urn:yrkesresan:intyg:")
    unfinished = write(tmp_path / "u.json", {**COMPLETED, "events": COMPLETED["events"][:7]})
    early = run("certificate", "issue", unfinished, "--as-of", "2026-11-01", "--component", "introduktionsprogram")
    assert early.returncode == 8 and early.stderr.startswith("yrkesresan: requirements_not_met at (document): ")
    assert "\nyrkesresan:   module_not_attended at /modules/m8: " in early.stderr  # each missing requirement

    signed = run("certificate", "sign", person, "--as-of", "2026-11-01", "--component", "introduktionsprogram",
                 "--key", key, "--issuer-id", "https://www.kungalv.se/socialtjansten", "--issuer-name", "Kungälvs kommun")
    assert signed.returncode == 0, signed.stderr
    vc = tmp_path / "vc.json"
    vc.write_text(signed.stdout, encoding="utf-8")
    trusted = write(tmp_path / "trusted.json", {"issuers": [{"id": "https://www.kungalv.se/socialtjansten",
                                                             "name": "Kungälvs kommun",
                                                             "keys": [{"publicKeyMultibase": public}]}]})
    verified = run("certificate", "verify", vc, "--trusted", trusted, "--now", "2026-11-22T10:00:00Z")
    assert verified.returncode == 0 and json.loads(verified.stdout)["status"] == "ok"
    vc.write_text(signed.stdout.replace("Kungälvs kommun", "Kungälvs kommuN"), encoding="utf-8")
    tampered = run("certificate", "verify", vc, "--trusted", trusted, "--now", "2026-11-22T10:00:00Z")
    assert tampered.returncode == 9 and json.loads(tampered.stdout)["status"] == "bad_signature"
    vc.write_text(signed.stdout, encoding="utf-8")
    assert "<html" in run("certificate", "html", vc).stdout.lower()


def test_did_documents_status_lists_and_revocation(tmp_path: Path) -> None:
    key = tmp_path / "ale.key"
    assert run("keygen", "--out", key).returncode == 0
    did = run("did-document", "https://www.ale.se", "--key", key, "--out", tmp_path / "did.json")
    assert did.returncode == 0 and "https://www.ale.se/.well-known/did.json" in did.stderr
    document = json.loads((tmp_path / "did.json").read_text(encoding="utf-8"))
    assert document["id"] == "did:web:www.ale.se" and document["assertionMethod"] == ["did:web:www.ale.se#key-1"]
    assert run("did-document", "did:web:www.ale.se").returncode == 2  # no key given

    signer = ["--key", key, "--valid-from", "2026-11-01T00:00:00Z"]
    listed = run("certificate", "status-list", "https://www.ale.se/status/1", "--issuer-id", "did:web:www.ale.se",
                 "--issuer-name", "Ale kommun", *signer, "--out", tmp_path / "list.json")
    assert listed.returncode == 0, listed.stderr
    person = write(tmp_path / "p.json", COMPLETED)
    signed = run("certificate", "sign", person, "--as-of", "2026-11-01", "--component", "introduktionsprogram",
                 "--key", key, "--issuer-id", "did:web:www.ale.se", "--issuer-name", "Ale kommun",
                 "--status-list", "https://www.ale.se/status/1", "--status-list-index", "7", "--out", tmp_path / "vc.json")
    assert signed.returncode == 0, signed.stderr
    trusted = write(tmp_path / "trusted.json", {"issuers": [{"id": "did:web:www.ale.se", "name": "Ale kommun",
                                                             "didDocument": document}]})
    verify = ["certificate", "verify", tmp_path / "vc.json", "--trusted", trusted, "--now", "2026-11-22T10:00:00Z"]
    assert json.loads(run(*verify, "--status-list", tmp_path / "list.json").stdout)["status"] == "ok"
    revoked = run("certificate", "revoke", tmp_path / "list.json", "--index", "7", *signer, "--out", tmp_path / "list2.json")
    assert revoked.returncode == 0, revoked.stderr
    result = run(*verify, "--status-list", tmp_path / "list2.json")
    assert result.returncode == 9 and json.loads(result.stdout)["status"] == "revoked"
    assert run(*verify).returncode == 9  # no status list held: status_unavailable
    wrong = run("certificate", "revoke", tmp_path / "list.json", "--index", "10000000", *signer)
    assert wrong.returncode == 4 and wrong.stderr.startswith("yrkesresan: ")


def test_serve_refuses_a_bad_overlay_at_start(tmp_path: Path) -> None:
    pytest.importorskip("starlette")
    broken = write(tmp_path / "o.json", {"format": 1, "overlay": "x", "level": "municipality",
                                         "program": "gr-barn-unga", "colour": "red"})
    result = run("serve", "--port", "1", "--overlay", broken)  # stops before it listens
    assert result.returncode == 4 and "unknown_field at /colour" in result.stderr
    (tmp_path / "b.json").write_text("{", encoding="utf-8")
    assert run("serve", "--port", "1", "--overlay", tmp_path / "b.json").returncode == 3


def test_the_invented_example_checks_clean_and_is_served_from_its_file(tmp_path: Path) -> None:
    """data/examples/: the program written from docs/authoring.md alone, and its overlay, without a
    finding even under --strict; `serve --program FILE` refuses a broken file before it listens."""
    example, overlay = ROOT / "data/examples/exempel-lss.json", ROOT / "data/examples/exempel-lss-exempelby.json"
    assert run("program", "check", example, "--strict").returncode == 0
    assert run("program", "check", overlay, "--program", example, "--strict").returncode == 0
    (tmp_path / "b.json").write_text("{", encoding="utf-8")
    assert run("serve", "--port", "1", "--program", tmp_path / "b.json").returncode == 3


def test_program_check_reports_warnings_and_places(tmp_path: Path) -> None:
    template = json.loads((ROOT / "data/templates/program.json").read_text(encoding="utf-8"))
    assert run("program", "check", ROOT / "data/templates/program.json").returncode == 0
    assert run("program", "check", ROOT / "data/templates/overlay.json", "--program",
               ROOT / "data/templates/program.json").returncode == 0
    quiet = write(tmp_path / "p.json", {**template, "sources": {}})
    result = run("program", "check", quiet)
    assert result.returncode == 0 and f"{quiet}:1:1: warning: no_sources at (document): " in result.stdout
    assert run("program", "check", quiet, "--strict").returncode == 1
    (tmp_path / "comma.json").write_text('{"format": 1,\n "id": "x",}\n', encoding="utf-8")
    result = run("program", "check", tmp_path / "comma.json")
    assert result.returncode == 1 and f"{tmp_path / 'comma.json'}:2:12: error: parse_error at (document): " in result.stdout
    overlay = json.loads((ROOT / "data/templates/overlay.json").read_text(encoding="utf-8"))
    broken = tmp_path / "o.json"
    broken.write_text(json.dumps({**overlay, "colour": "red"}, indent=1), encoding="utf-8")
    result = run("program", "check", broken, "--program", ROOT / "data/templates/program.json")
    line = broken.read_text(encoding="utf-8").splitlines().index(' "colour": "red"') + 1
    assert result.returncode == 1 and f"{broken}:{line}:2: error: unknown_field at /colour: " in result.stdout
