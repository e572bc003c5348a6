"""Certificates that travel between municipalities: the intyg as a signed
W3C Verifiable Credential 2.0 / Open Badges 3.0 ``OpenBadgeCredential``
(cryptosuite eddsa-jcs-2022: Ed25519 over RFC 8785 JSON canonicalization),
verified offline against the issuers the host trusts.

    key = SigningKey.generate()        # once, in a key set-up step; store it safely
    issuer = IssuerProfile("https://www.kungalv.se/socialtjansten", "Kungälvs kommun")
    vc = sign_certificate(certificate, issuer, key)
    trusted = [TrustedIssuer(issuer.id, issuer.name, [TrustedKey(key.public_key_multibase)])]
    verify_credential(vc, trusted).status      # "ok"

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
    "certificate_html",
    "canonicalize_json",
]

#: The reasons a verification gives, ``"ok"`` first.
STATUSES = ("ok", "malformed", "wrong_cryptosuite", "unknown_issuer", "bad_signature", "not_yet_valid", "expired")


@dataclass(frozen=True)
class IssuerProfile:
    """The issuing organisation as the credential names it (an Open Badges Profile)."""

    id: str  #: a URI: https URL or DID
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
                     created: Union[datetime.datetime, str, None] = None) -> str:
    """The signed OpenBadgeCredential of ``certificate``, canonical JSON text.

    ``verification_method`` is the URL of the key (default: its did:key);
    ``valid_from`` defaults to the completion date at 00:00Z and ``created``
    to ``valid_from``, so that signing the same certificate with the same key
    gives the same bytes.
    """
    return _core.sign_certificate(certificate, issuer.id, issuer.name, issuer.url, issuer.email, key,
                                  verification_method or "", _time(valid_from, "valid_from"),
                                  _time(created, "created"))


def _issuer_tuples(trusted: Union[Sequence[TrustedIssuer], str, Mapping[str, Any]]) -> List[Any]:
    if isinstance(trusted, (str, Mapping)):
        return list(_core.trusted_issuers_from_json(_unicode(trusted) if isinstance(trusted, str) else json.dumps(trusted)))
    return [(t.id, t.name, [(k.public_key_multibase, k.verification_method) for k in t.keys]) for t in trusted]


def verify_credential(credential: Union[str, bytes],
                      trusted: Union[Sequence[TrustedIssuer], str, Mapping[str, Any]], *,
                      now: Union[datetime.datetime, str, None] = None) -> VerificationResult:
    """Verifies a signed credential offline against the trusted issuers.

    ``trusted``: TrustedIssuer objects, or the JSON list
    ``{"issuers": [{"id", "name", "keys": [{"publicKeyMultibase", "verificationMethod"}]}]}``.
    ``now``: the time of verification (default: the current time, UTC).
    A bad credential is a status, never an exception.
    """
    when = _time(now if now is not None else datetime.datetime.now(datetime.timezone.utc), "now")
    issuers = _issuer_tuples(trusted)
    try:
        text = _text(credential)
    except ParseError as e:  # not UTF-8: judged, as the core judges unreadable text
        return VerificationResult("malformed", e.message, "", "", "", "", None)
    status, message, credential_id, issuer_id, issuer_name, valid_from, content = _core.verify_credential(
        text, issuers, when)
    return VerificationResult(status, message, credential_id, issuer_id, issuer_name, valid_from,
                              json.loads(content) if content else None)


def trusted_issuers_from_json(text: str) -> List[TrustedIssuer]:
    """Reads a trusted-issuer list (the JSON form :func:`verify_credential` takes)."""
    return [TrustedIssuer(i, n, tuple(TrustedKey(k, m) for k, m in keys))
            for i, n, keys in _core.trusted_issuers_from_json(_unicode(text))]


def certificate_html(credential: Union[str, bytes]) -> str:
    """A printable page (HTML, Swedish, print CSS) of a signed credential; it embeds the credential.

    It does not verify: call :func:`verify_credential` first.
    """
    return _core.certificate_html(_text(credential))


def canonicalize_json(text: Union[str, bytes]) -> str:
    """RFC 8785 canonical form of JSON text, read strictly (no duplicate keys)."""
    return _core.canonicalize_json(_text(text))
