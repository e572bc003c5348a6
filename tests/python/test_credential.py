"""Certificates that travel, from Python: signing, verifying with
reason codes, the printable page; and a verifier built only from
independent libraries (cryptography's Ed25519 over OpenSSL, the rfc8785
package's JCS, hashlib) that accepts the library's credentials, checked
first on the W3C eddsa-jcs-2022 vectors."""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from pathlib import Path
from typing import Any, Dict, List

import pytest
import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

import yrkesresan
from yrkesresan import IssuerProfile, Program, SigningKey, TrustedIssuer, TrustedKey

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "tests" / "vectors"
NOW = datetime.datetime(2026, 11, 22, 10, 0, tzinfo=datetime.timezone.utc)
ISSUER = IssuerProfile("https://www.kungalv.se/socialtjansten", "Kungälvs kommun, socialtjänsten")


# ---- an independent eddsa-jcs-2022 verifier ---------------------------------

_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def _base58btc(text: str) -> bytes:
    number = 0
    for ch in text:
        number = number * 58 + _ALPHABET.index(ch)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def _ed25519_key(did_key_method: str) -> Ed25519PublicKey:
    multibase = did_key_method.split("#")[0].removeprefix("did:key:")
    assert multibase.startswith("z")
    raw = _base58btc(multibase[1:])
    assert raw[:2] == b"\xed\x01" and len(raw) == 34  # multicodec ed25519-pub
    return Ed25519PublicKey.from_public_bytes(raw[2:])


def independent_verify(secured: Dict[str, Any]) -> bool:
    """VC DI EdDSA 3.3.2 (eddsa-jcs-2022), from the specification alone;
    every proof of a proof set over the document without its proofs."""
    document = dict(secured)
    proofs = document.pop("proof")
    return all(_verify_one(dict(document), dict(p)) for p in (proofs if isinstance(proofs, list) else [proofs]))


def _verify_one(document: Dict[str, Any], proof: Dict[str, Any]) -> bool:
    proof_value = proof.pop("proofValue")
    assert proof["type"] == "DataIntegrityProof" and proof["cryptosuite"] == "eddsa-jcs-2022"
    if "@context" in proof:
        assert document["@context"][: len(proof["@context"])] == proof["@context"]
        document["@context"] = proof["@context"]
    config_hash = hashlib.sha256(rfc8785.dumps(proof)).digest()
    document_hash = hashlib.sha256(rfc8785.dumps(document)).digest()
    assert proof_value.startswith("z")
    try:
        _ed25519_key(proof["verificationMethod"]).verify(_base58btc(proof_value[1:]), config_hash + document_hash)
    except InvalidSignature:
        return False
    return True


# ---- fixtures ---------------------------------------------------------------

def _events() -> List[Dict[str, str]]:
    events = []
    for module, date in [("m1", "2026-05-20"), ("m2", "2026-06-03"), ("m3", "2026-06-17"), ("m4", "2026-08-19"),
                         ("m5", "2026-09-02"), ("m6", "2026-09-16"), ("m7", "2026-09-30"), ("m8", "2026-10-07")]:
        events.append({"type": "module_attended", "module": module, "date": date, "round": "2026-1"})
    for module, date in [("m1", "2026-05-27"), ("m2", "2026-06-10"), ("m3", "2026-06-24"), ("m5", "2026-09-09"),
                         ("m7", "2026-10-05")]:
        events.append({"type": "homework_submitted", "module": module, "date": date})
    return events


@pytest.fixture(scope="module")
def certificate() -> yrkesresan.Certificate:
    person = {"id": "p-0001", "municipality": "kungalv", "employment_start": "2026-01-12",
              "hired_on": "2025-11-20", "events": _events()}
    return Program.builtin("gr-barn-unga").issue_certificate(person, datetime.date(2026, 11, 1), "introduktionsprogram")


@pytest.fixture(scope="module")
def key() -> SigningKey:
    return SigningKey.from_seed(bytes(range(32)))


@pytest.fixture(scope="module")
def trusted(key: SigningKey) -> List[TrustedIssuer]:
    return [TrustedIssuer(ISSUER.id, ISSUER.name, (TrustedKey(key.public_key_multibase),))]


@pytest.fixture(scope="module")
def signed(certificate: yrkesresan.Certificate, key: SigningKey) -> str:
    return yrkesresan.sign_certificate(certificate, ISSUER, key)


# ---- the independent verifier itself, on the W3C vectors --------------------

def test_the_independent_verifier_accepts_the_w3c_vector_and_rejects_a_change() -> None:
    signed_vector = json.loads((VECTORS / "vc-di-eddsa" / "eddsa-jcs-2022" / "signedJCS.json").read_text())
    assert independent_verify(signed_vector)
    signed_vector["credentialSubject"]["alumniOf"] = "Another School"
    assert not independent_verify(signed_vector)


def test_rfc8785_package_and_library_agree_on_the_rfc_vectors() -> None:
    data = VECTORS / "json-canonicalization" / "testdata"
    for source in sorted((data / "input").glob("*.json")):
        expected = (data / "output" / source.name).read_bytes()
        assert yrkesresan.canonicalize_json(source.read_bytes()).encode() == expected, source.name
        assert rfc8785.dumps(json.loads(source.read_bytes())) == expected, source.name


# ---- the library's credentials ------------------------------------------------

def test_an_independent_verifier_accepts_the_librarys_credential(signed: str) -> None:
    credential = json.loads(signed)
    assert independent_verify(credential)
    # The library writes canonical JSON: the same bytes as rfc8785 gives.
    assert rfc8785.dumps(credential) == signed.encode()
    credential["yrkesresanIntyg"]["hours"] = 80
    assert not independent_verify(credential)


def test_the_credential_carries_what_the_intyg_attests(signed: str, certificate: yrkesresan.Certificate,
                                                        key: SigningKey) -> None:
    vc = json.loads(signed)
    assert vc["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert vc["issuer"] == {"id": ISSUER.id, "type": ["Profile"], "name": ISSUER.name}
    assert vc["credentialSubject"]["achievement"]["name"] == certificate.component_label
    assert vc["yrkesresanIntyg"] == json.loads(certificate.content_json())
    assert vc["proof"][0]["verificationMethod"] == key.did_key_verification_method
    assert signed == yrkesresan.sign_certificate(certificate, ISSUER, key)  # deterministic


def test_verification_gives_ok_and_the_content(signed: str, trusted: List[TrustedIssuer],
                                               certificate: yrkesresan.Certificate) -> None:
    result = yrkesresan.verify_credential(signed, trusted, now=NOW)
    assert result.ok and result.status == "ok"
    assert result.credential_id == certificate.id
    assert result.issuer_name == ISSUER.name
    assert result.content == json.loads(certificate.content_json())
    assert yrkesresan.verify_credential(signed.encode(), trusted, now=NOW).ok
    assert yrkesresan.verify_credential(signed, trusted).ok  # now: the current time


def test_reason_codes(signed: str, trusted: List[TrustedIssuer], certificate: yrkesresan.Certificate) -> None:
    def status(text: str, issuers: Any = None, now: Any = NOW) -> str:
        return yrkesresan.verify_credential(text, trusted if issuers is None else issuers, now=now).status

    def edited(change: Any) -> str:
        vc = json.loads(signed)
        change(vc)
        return json.dumps(vc)

    assert status("{") == "malformed"
    assert status(signed.replace('"name":', '"name":"x","name":', 1)) == "malformed"  # a duplicate key
    assert status(edited(lambda vc: vc["proof"][0].update(cryptosuite="ecdsa-jcs-2019"))) == "wrong_cryptosuite"
    assert status(signed, []) == "unknown_issuer"
    other = SigningKey.generate()
    assert status(yrkesresan.sign_certificate(certificate, ISSUER, other)) == "unknown_issuer"
    assert status(edited(lambda vc: vc["evidence"][0].update(description="Deltog 2026-05-21"))) == "bad_signature"
    assert status(signed, now=datetime.datetime(2026, 10, 6, tzinfo=datetime.timezone.utc)) == "not_yet_valid"
    with pytest.raises(TypeError):
        status(signed, now=datetime.datetime(2026, 11, 22))  # naive: no zone


def test_single_bit_changes_are_rejected(signed: str, trusted: List[TrustedIssuer]) -> None:
    # Every bit is flipped in C++ (tests/test_credential.cpp); here a sample.
    data = signed.encode()
    for bit in range(0, len(data) * 8, 37):
        flipped = bytearray(data)
        flipped[bit // 8] ^= 1 << (bit % 8)
        try:
            text = flipped.decode("utf-8")
        except UnicodeDecodeError:
            continue  # not text: a Python caller could not even pass it
        assert yrkesresan.verify_credential(text, trusted, now=NOW).status != "ok", bit


def test_trusted_issuers_from_json(signed: str, key: SigningKey) -> None:
    text = json.dumps({"issuers": [{"id": ISSUER.id, "name": ISSUER.name,
                                    "keys": [{"publicKeyMultibase": key.public_key_multibase}]}]})
    issuers = yrkesresan.trusted_issuers_from_json(text)
    assert issuers[0].keys[0].public_key_multibase == key.public_key_multibase
    assert yrkesresan.verify_credential(signed, text, now=NOW).ok
    assert yrkesresan.verify_credential(signed, json.loads(text), now=NOW).ok
    with pytest.raises(yrkesresan.InputError) as e:
        yrkesresan.trusted_issuers_from_json('{"issuers": [{"id": "x", "keys": [{"publicKeyMultibase": "z6Mk"}]}]}')
    assert e.value.path == "/issuers/0/keys/0/publicKeyMultibase"


def test_keys_are_never_printed(key: SigningKey) -> None:
    secret = key.private_key_multibase()
    assert secret not in repr(key) and key.did_key in repr(key)
    assert SigningKey.from_multibase(secret).public_key == key.public_key
    with pytest.raises(yrkesresan.InputError) as e:
        SigningKey.from_seed(b"short")
    assert "short" not in str(e.value)


def test_the_printable_page(signed: str, trusted: List[TrustedIssuer]) -> None:
    page = yrkesresan.certificate_html(signed)
    assert '<html lang="sv">' in page and "@media print" in page
    assert "Så kontrollerar du intyget" in page and "48 timmar" in page
    embedded = re.search(r'<script type="application/vc\+ld\+json" id="intyg">(.*?)</script>', page, re.S)
    assert embedded is not None
    assert yrkesresan.verify_credential(embedded.group(1), trusted, now=NOW).ok
    assert independent_verify(json.loads(embedded.group(1)))
