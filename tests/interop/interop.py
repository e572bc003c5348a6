"""The Python side of the third-party checks (scripts/test-interop.sh).

    interop.py issue OUT       credentials issued through Python (did:web, did:key)
    interop.py schema OUT      every credential in OUT against 1EdTech's official
                               OB 3.0 AchievementCredential and Profile JSON Schemas
    interop.py library OUT     the library verifies what Digital Bazaar's stack signed
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

import jsonschema

import yrkesresan
from yrkesresan import IssuerProfile, SigningKey

ROOT = Path(__file__).resolve().parents[2]
OB = ROOT / "tests" / "vectors" / "openbadges-3.0"
NOW = "2026-11-22T10:00:00Z"


def person():
    attended = {"m1": "2026-05-20", "m2": "2026-06-03", "m3": "2026-06-17", "m4": "2026-08-19",
                "m5": "2026-09-02", "m6": "2026-09-16", "m7": "2026-09-30", "m8": "2026-10-07"}
    homework = {"m1": "2026-05-27", "m2": "2026-06-10", "m3": "2026-06-24", "m5": "2026-09-09", "m7": "2026-10-05"}
    return {"id": "p-0001", "municipality": "ale", "employment_start": "2026-01-12",
            "events": [{"type": "module_attended", "module": m, "date": d} for m, d in attended.items()]
            + [{"type": "homework_submitted", "module": m, "date": d} for m, d in homework.items()]}


def issue(out: Path) -> None:
    cert = yrkesresan.Program.builtin("gr-barn-unga").issue_certificate(person(), datetime.date(2026, 11, 1),
                                                                         "introduktionsprogram")
    key = SigningKey.from_seed(bytes(range(0x50, 0x70)))
    kungalv = IssuerProfile(yrkesresan.did_web_from_url("https://www.kungalv.se/socialtjansten"), "Kungälvs kommun")
    (out / "kungalv.did.json").write_text(yrkesresan.did_document(kungalv.id, [key.public_key_multibase]), "utf-8")
    (out / "python-did-web.vc.json").write_text(yrkesresan.sign_certificate(cert, kungalv, key), "utf-8")
    own = IssuerProfile(key.did_key, "Kungälvs kommun")
    (out / "python-did-key.vc.json").write_text(yrkesresan.sign_certificate(cert, own, key), "utf-8")


def schema(out: Path) -> None:
    """Every credential the library issued (C++, C ABI, Python) against the official schemas.

    Digital Bazaar's own credential is left out: its stack writes a single
    proof object, which the OB 3.0 schema refuses."""
    credential_schema = json.loads((OB / "achievementcredential.schema.json").read_text("utf-8"))
    profile_schema = json.loads((OB / "profile.schema.json").read_text("utf-8"))
    checker = jsonschema.Draft201909Validator.FORMAT_CHECKER
    credential_validator = jsonschema.Draft201909Validator(credential_schema, format_checker=checker)
    profile_validator = jsonschema.Draft201909Validator(profile_schema, format_checker=checker)
    files = sorted(f for f in out.glob("*.vc.json") if not f.name.startswith("digitalbazaar"))
    assert len(files) >= 7, [f.name for f in files]
    for f in files:
        vc = json.loads(f.read_text("utf-8"))
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in credential_validator.iter_errors(vc)]
        errors += [f"issuer/{'/'.join(map(str, e.absolute_path))}: {e.message}"
                   for e in profile_validator.iter_errors(vc["issuer"])]
        assert not errors, f"{f.name} fails the OB 3.0 JSON Schema: {errors[:5]}"
        assert isinstance(vc["proof"], list)
    # The schemas are not a formality: a single proof object, as the library once wrote it, fails.
    single = json.loads(files[0].read_text("utf-8"))
    single["proof"] = single["proof"][0]
    assert not credential_validator.is_valid(single)
    print(f"interop: {len(files)} credentials valid against the OB 3.0 AchievementCredential and Profile JSON Schemas")


def library(out: Path) -> None:
    """The library accepts the credential Digital Bazaar's stack signed, and refuses it changed."""
    signed = (out / "digitalbazaar-signed.vc.json").read_text("utf-8")
    doc = json.loads(signed)
    trusted = {"issuers": [{"id": doc["issuer"]["id"], "name": "Signed by Digital Bazaar's stack"}]}
    result = yrkesresan.verify_credential(signed, trusted, now=NOW)
    assert result.status == "ok", result
    assert result.content["completed_on"] == "2026-10-07"
    doc["yrkesresanIntyg"]["hours"] = 84
    assert yrkesresan.verify_credential(json.dumps(doc), trusted, now=NOW).status == "bad_signature"
    print("interop: the library verifies the credential Digital Bazaar's stack signed (and refuses it tampered)")


if __name__ == "__main__":
    command, folder = sys.argv[1], Path(sys.argv[2])
    {"issue": issue, "schema": schema, "library": library}[command](folder)
