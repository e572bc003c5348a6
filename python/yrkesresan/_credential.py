"""Certificates that travel between municipalities: the intyg as a signed
W3C Verifiable Credential 2.0 / Open Badges 3.0 ``OpenBadgeCredential``
(cryptosuite eddsa-jcs-2022: Ed25519 over RFC 8785 JSON canonicalization),
verified offline against the issuers the host trusts.

    key = SigningKey.generate()        # once, in a key set-up step; store it safely
    issuer = IssuerProfile(did_web_from_url("https://www.kungalv.se"), "Kungälvs kommun")
    did_json = did_document(issuer.id, [key.public_key_multibase])   # publish at did_web_document_url(issuer.id)
    vc = sign_certificate(certificate, issuer, key)
    trusted = [trusted_issuer_from_did_document(did_json, issuer.name)]
    verify_credential(vc, trusted).status      # "ok"

Revocation (W3C Bitstring Status List): :func:`create_status_list` once,
``sign_certificate(..., status_list=url, status_list_index=n)`` per credential,
:func:`revoke_in_status_list` to withdraw one, and ``verify_credential(...,
status_lists=[list])`` on the receiving side.

The key and the issuer's identity always come from the host: nothing here
makes a key unless :meth:`SigningKey.generate` is called, and no key is ever
printed or logged.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from typing import Any, List, Mapping, Optional, Sequence, Union

from . import _core
from ._core import SigningKey
from .errors import ParseError, _unicode, _utf8

__all__ = [
    "SigningKey",
    "IssuerProfile",
    "TrustedKey",
    "TrustedIssuer",
    "VerificationResult",
    "open_badge_credential",
    "sign_certificate",
    "verify_credential",
    "trusted_issuers_from_json",
    "trusted_issuer_from_did_document",
    "did_web_from_url",
    "did_web_document_url",
    "did_document",
    "create_status_list",
    "revoke_in_status_list",
    "status_list_revoked",
    "certificate_html",
    "canonicalize_json",
]

#: The reasons a verification gives, ``"ok"`` first.
STATUSES = ("ok", "malformed", "wrong_cryptosuite", "unknown_issuer", "bad_signature", "not_yet_valid", "expired",
            "revoked", "status_unavailable")


@dataclass(frozen=True)
class IssuerProfile:
    """The issuing organisation as the credential names it (an Open Badges Profile)."""

    #: a URI: best a DID that controls the signing key (did:web for a
    #: municipality, see :func:`did_web_from_url`, or the key's did:key), so
    #: that verifiers outside the library accept the credential
    id: str
    name: str
    url: str = ""
    email: str = ""


@dataclass(frozen=True)
class TrustedKey:
    """A key a trusted issuer signs with."""

    public_key_multibase: str  #: "z6Mk..."
    #: The URL proofs name for this key; "" means the key's did:key method.
    verification_method: str = ""


@dataclass(frozen=True)
class TrustedIssuer:
    """An issuer the host trusts, with its keys."""

    id: str
    name: str = ""
    keys: Sequence[TrustedKey] = field(default_factory=tuple)


@dataclass(frozen=True)
class VerificationResult:
    """The outcome of :func:`verify_credential`; ``status`` is one of :data:`STATUSES`."""

    status: str
    message: str
    credential_id: str
    issuer_id: str
    issuer_name: str
    valid_from: str
    #: The certificate's content (program, component, completion date,
    #: modules or sessions with dates, hours, issuer, language) when ``ok``.
    content: Optional[Any]

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def _time(value: Union[datetime.datetime, str, None], name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if not isinstance(value, datetime.datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise TypeError(f"{name} must be a timezone-aware datetime.datetime or an xsd:dateTimeStamp string")
    return value.astimezone(datetime.timezone.utc).isoformat().replace("+00:00", "Z")


def _text(credential: Union[str, bytes]) -> str:
    if isinstance(credential, bytes):
        return _utf8(credential)  # bytes that are not UTF-8: ParseError
    if not isinstance(credential, str):
        raise TypeError("a credential is JSON text (str or bytes); json.dumps a dict first")
    return _unicode(credential)


def open_badge_credential(certificate: _core.Certificate, issuer: IssuerProfile, *,
                          valid_from: Union[datetime.datetime, str, None] = None) -> str:
    """The unsigned credential of ``certificate``, canonical JSON text."""
    return _core.open_badge_credential(certificate, issuer.id, issuer.name, issuer.url, issuer.email,
                                       _time(valid_from, "valid_from"))


def sign_certificate(certificate: _core.Certificate, issuer: IssuerProfile, key: SigningKey, *,
                     verification_method: Optional[str] = None,
                     valid_from: Union[datetime.datetime, str, None] = None,
                     created: Union[datetime.datetime, str, None] = None,
                     status_list: Optional[str] = None, status_list_index: int = 0) -> str:
    """The signed OpenBadgeCredential of ``certificate``, canonical JSON text.

    ``verification_method`` is the URL of the key: by default ``<did>#key-1``
    for a did:web issuer (the first key of :func:`did_document`), else the
    key's did:key; a DID issuer may only name its own DID's methods.
    ``valid_from`` defaults to the completion date at 00:00Z and ``created``
    to ``valid_from``, so that signing the same certificate with the same key
    gives the same bytes. ``status_list`` (the URL of the issuer's status list
    credential, :func:`create_status_list`) and ``status_list_index`` (handed
    out by the host, each once) add the ``credentialStatus`` that lets the
    issuer revoke the credential.
    """
    return _core.sign_certificate(certificate, issuer.id, issuer.name, issuer.url, issuer.email, key,
                                  verification_method or "", _time(valid_from, "valid_from"),
                                  _time(created, "created"), status_list or "", status_list_index)


def _issuer_tuples(trusted: Union[Sequence[TrustedIssuer], str, Mapping[str, Any]]) -> List[Any]:
    if isinstance(trusted, (str, Mapping)):
        return list(_core.trusted_issuers_from_json(_unicode(trusted) if isinstance(trusted, str) else json.dumps(trusted)))
    return [(t.id, t.name, [(k.public_key_multibase, k.verification_method) for k in t.keys]) for t in trusted]


def verify_credential(credential: Union[str, bytes],
                      trusted: Union[Sequence[TrustedIssuer], str, Mapping[str, Any]], *,
                      now: Union[datetime.datetime, str, None] = None,
                      status_lists: Sequence[Union[str, bytes, Mapping[str, Any]]] = ()) -> VerificationResult:
    """Verifies a signed credential offline against the trusted issuers.

    ``trusted``: TrustedIssuer objects (e.g. from
    :func:`trusted_issuer_from_did_document`), or the JSON list
    ``{"issuers": [{"id", "name", "keys": [{"publicKeyMultibase", "verificationMethod"}], "didDocument"}]}``.
    ``now``: the time of verification (default: the current time, UTC).
    ``status_lists``: the issuers' status list credentials the host holds
    (JSON text or dicts; nothing is fetched). A credential with a
    ``credentialStatus`` is ``"revoked"`` when its bit is set in its list and
    ``"status_unavailable"`` when no list here is its issuer's, signed and
    valid. A bad credential is a status, never an exception.
    """
    when = _time(now if now is not None else datetime.datetime.now(datetime.timezone.utc), "now")
    issuers = _issuer_tuples(trusted)
    lists = [json.dumps(x) if isinstance(x, Mapping) else _text(x) for x in status_lists]
    try:
        text = _text(credential)
    except ParseError as e:  # not UTF-8: judged, as the core judges unreadable text
        return VerificationResult("malformed", e.message, "", "", "", "", None)
    status, message, credential_id, issuer_id, issuer_name, valid_from, content = _core.verify_credential(
        text, issuers, when, lists)
    return VerificationResult(status, message, credential_id, issuer_id, issuer_name, valid_from,
                              json.loads(content) if content else None)


def trusted_issuers_from_json(text: str) -> List[TrustedIssuer]:
    """Reads a trusted-issuer list (the JSON form :func:`verify_credential` takes)."""
    return [TrustedIssuer(i, n, tuple(TrustedKey(k, m) for k, m in keys))
            for i, n, keys in _core.trusted_issuers_from_json(_unicode(text))]


def trusted_issuer_from_did_document(did_document: Union[str, Mapping[str, Any]], name: str = "") -> TrustedIssuer:
    """An issuer to trust, read from its DID document (the did.json it publishes, held by the host).

    Its keys are the document's Ed25519 Multikey assertion methods. Raises
    :class:`InputError` (with the JSON Pointer of the problem) when the
    document names no such key.
    """
    text = json.dumps(did_document) if isinstance(did_document, Mapping) else _unicode(did_document)
    i, n, keys = _core.trusted_issuer_from_did_document(text, name)
    return TrustedIssuer(i, n, tuple(TrustedKey(k, m) for k, m in keys))


def did_web_from_url(https_url: str) -> str:
    """The did:web of an issuer's https URL: ``"https://www.ale.se"`` is ``"did:web:www.ale.se"``."""
    return _core.did_web_from_url(https_url)


def did_web_document_url(did: str) -> str:
    """Where a did:web publishes its DID document: ``"https://www.ale.se/.well-known/did.json"``."""
    return _core.did_web_document_url(did)


def did_document(did: str, public_keys_multibase: Sequence[str]) -> str:
    """The DID document (did.json, canonical JSON) an issuer publishes.

    Each key (``"z6Mk..."``, :attr:`SigningKey.public_key_multibase`) becomes
    a Multikey verification method ``<did>#key-1``, ``#key-2``... in order,
    and an assertionMethod. List old keys after the current one to keep
    credentials they signed verifiable.
    """
    return _core.did_document(did, list(public_keys_multibase))


def create_status_list(list_url: str, issuer: IssuerProfile, key: SigningKey, *,
                       valid_from: Union[datetime.datetime, str],
                       verification_method: Optional[str] = None) -> str:
    """A new, signed status list credential (W3C Bitstring Status List, purpose revocation).

    131,072 entries, none revoked. ``list_url`` is where the host publishes
    it; credentials name it with ``sign_certificate(..., status_list=list_url,
    status_list_index=n)``. ``valid_from`` is required (the library has no
    clock).
    """
    return _core.create_status_list(list_url, issuer.id, issuer.name, key, _time(valid_from, "valid_from"),
                                    verification_method or "")


def revoke_in_status_list(status_list: Union[str, bytes], index: int, key: SigningKey, *,
                          valid_from: Union[datetime.datetime, str],
                          verification_method: Optional[str] = None) -> str:
    """The status list with entry ``index`` revoked, signed again by its issuer's ``key``.

    Publish the result in place of the old list. Revocation is for good.
    Raises :class:`InputError` for text that is not a status list or an index
    beyond it.
    """
    return _core.revoke_in_status_list(_text(status_list), index, key, _time(valid_from, "valid_from"),
                                       verification_method or "")


def status_list_revoked(status_list: Union[str, bytes], index: int) -> bool:
    """Whether entry ``index`` of a status list is revoked (reads the list; does not verify it)."""
    return _core.status_list_revoked(_text(status_list), index)


def certificate_html(credential: Union[str, bytes]) -> str:
    """A printable page (HTML, Swedish, print CSS) of a signed credential; it embeds the credential.

    It does not verify: call :func:`verify_credential` first.
    """
    return _core.certificate_html(_text(credential))


def canonicalize_json(text: Union[str, bytes]) -> str:
    """RFC 8785 canonical form of JSON text, read strictly (no duplicate keys)."""
    return _core.canonicalize_json(_text(text))
