"""The issuer bound to its key through a DID, and revocation with a W3C
Bitstring Status List, from Python: the did.json the library writes, the
issuer trusted from it, a credential issued with a status entry, revoked, and
verified offline with the list the host holds."""

from __future__ import annotations

import datetime
import json

import pytest

import yrkesresan
from yrkesresan import IssuerProfile, SigningKey

NOW = "2026-11-22T10:00:00Z"
LIST_URL = "https://www.ale.se/intyg/status/1"


def _person():
    dates = ["2026-05-20", "2026-06-03", "2026-06-17", "2026-08-19", "2026-09-02", "2026-09-16", "2026-09-30", "2026-10-07"]
    events = [{"type": "module_attended", "module": f"m{i + 1}", "date": d} for i, d in enumerate(dates)]
    events += [{"type": "homework_submitted", "module": m, "date": "2026-10-07"} for m in ("m1", "m2", "m3", "m5", "m7")]
    return {"id": "p-0001", "municipality": "ale", "employment_start": "2026-01-12", "events": events}


@pytest.fixture(scope="module")
def certificate():
    return yrkesresan.Program.builtin("gr-barn-unga").issue_certificate(_person(), datetime.date(2026, 11, 1),
                                                                         "introduktionsprogram")


KEY = SigningKey.from_seed(bytes(range(32)))
ALE = IssuerProfile(yrkesresan.did_web_from_url("https://www.ale.se"), "Ale kommun")


def test_did_web_and_its_document():
    assert ALE.id == "did:web:www.ale.se"
    assert yrkesresan.did_web_document_url(ALE.id) == "https://www.ale.se/.well-known/did.json"
    doc = json.loads(yrkesresan.did_document(ALE.id, [KEY.public_key_multibase]))
    assert doc["assertionMethod"] == ["did:web:www.ale.se#key-1"]
    assert doc["verificationMethod"][0]["publicKeyMultibase"] == KEY.public_key_multibase
    trusted = yrkesresan.trusted_issuer_from_did_document(doc, "Ale")
    assert (trusted.id, trusted.keys[0].verification_method) == (ALE.id, "did:web:www.ale.se#key-1")
    with pytest.raises(yrkesresan.InputError) as e:
        yrkesresan.trusted_issuer_from_did_document({"id": "did:web:x.se"})
    assert e.value.path == "/assertionMethod"
    with pytest.raises(yrkesresan.InputError):
        yrkesresan.did_web_from_url("http://www.ale.se")


def test_a_did_web_credential_verifies_against_the_did_document(certificate):
    vc = yrkesresan.sign_certificate(certificate, ALE, KEY)
    assert json.loads(vc)["proof"][0]["verificationMethod"] == "did:web:www.ale.se#key-1"
    did_json = yrkesresan.did_document(ALE.id, [KEY.public_key_multibase])
    assert yrkesresan.verify_credential(vc, [yrkesresan.trusted_issuer_from_did_document(did_json)], now=NOW).ok
    # The same as a JSON trusted-issuer list with the document inline.
    listed = {"issuers": [{"name": "Ale", "didDocument": json.loads(did_json)}]}
    assert yrkesresan.verify_credential(vc, listed, now=NOW).status == "ok"
    # did:key: the DID is the key.
    own = IssuerProfile(KEY.did_key, "Ale kommun")
    signed = yrkesresan.sign_certificate(certificate, own, KEY)
    assert yrkesresan.verify_credential(signed, {"issuers": [{"id": KEY.did_key}]}, now=NOW).ok


def test_revocation_end_to_end(certificate):
    status_list = yrkesresan.create_status_list(LIST_URL, ALE, KEY, valid_from="2026-11-01T08:00:00Z")
    vc = yrkesresan.sign_certificate(certificate, ALE, KEY, status_list=LIST_URL, status_list_index=94567)
    assert json.loads(vc)["credentialStatus"]["statusListIndex"] == "94567"
    trusted = [yrkesresan.trusted_issuer_from_did_document(yrkesresan.did_document(ALE.id, [KEY.public_key_multibase]))]

    assert yrkesresan.verify_credential(vc, trusted, now=NOW, status_lists=[status_list]).status == "ok"
    assert yrkesresan.verify_credential(vc, trusted, now=NOW).status == "status_unavailable"

    revoked = yrkesresan.revoke_in_status_list(status_list, 94567, KEY,
                                               valid_from=datetime.datetime(2026, 11, 20, 9, tzinfo=datetime.timezone.utc))
    assert yrkesresan.status_list_revoked(revoked, 94567) and not yrkesresan.status_list_revoked(status_list, 94567)
    result = yrkesresan.verify_credential(vc, trusted, now=NOW, status_lists=[json.loads(revoked)])
    assert (result.status, result.content) == ("revoked", None)
    assert "revoked" in yrkesresan._credential.STATUSES
    with pytest.raises(yrkesresan.InputError):
        yrkesresan.revoke_in_status_list(status_list, 1 << 20, KEY, valid_from=NOW)
