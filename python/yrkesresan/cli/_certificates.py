"""keygen and certificate issue|sign|verify|html: the intyg and the signed
credential that carries it (docs/certificates.md). A private key only ever
goes to a file the owner alone can read; it is never printed."""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import asdict

from .. import _core
from .._credential import (IssuerProfile, SigningKey, certificate_html, create_status_list, did_document,
                           did_web_document_url, did_web_from_url, revoke_in_status_list, sign_certificate,
                           verify_credential)
from ._common import EXIT_IO, EXIT_NOT_VERIFIED, EXIT_OK, EXIT_USAGE, load_program, write_output
from ._tables import read_text


def _keygen(args: argparse.Namespace) -> int:
    key = SigningKey.generate()
    try:
        # O_EXCL: never overwrite a key; 0600 from the start, not chmod after writing.
        fd = os.open(args.out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        import sys
        sys.stderr.write("yrkesresan: the key file exists already; a key is never overwritten\n")
        return EXIT_IO
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(key.private_key_multibase() + "\n")
    os.chmod(args.out, 0o600)  # whatever the umask left
    # Only the public half: what a receiver puts on its trusted-issuer list.
    print(json.dumps({"publicKeyMultibase": key.public_key_multibase, "did": key.did_key,
                      "verificationMethod": key.did_key_verification_method}))
    return EXIT_OK


def read_key(path: str) -> SigningKey:
    return SigningKey.from_multibase(read_text(path).strip())


def _certificate(args: argparse.Namespace) -> _core.Certificate:
    program = load_program(args.program, args.overlay)
    return program.issue_certificate(read_text(args.person), args.as_of, args.component, args.issuer or None)


def _issue(args: argparse.Namespace) -> int:
    write_output(_certificate(args).to_json() + "\n", args.out)
    return EXIT_OK


def _sign(args: argparse.Namespace) -> int:
    issuer = IssuerProfile(args.issuer_id, args.issuer_name, args.issuer_url or "", args.issuer_email or "")
    vc = sign_certificate(_certificate(args), issuer, read_key(args.key), valid_from=args.valid_from,
                          status_list=args.status_list, status_list_index=args.status_list_index)
    write_output(vc + "\n", args.out)
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    result = verify_credential(read_text(args.credential), read_text(args.trusted), now=args.now,
                               status_lists=[read_text(path) for path in args.status_list])
    print(json.dumps(asdict(result), ensure_ascii=False))
    return EXIT_OK if result.ok else EXIT_NOT_VERIFIED


def _status_list(args: argparse.Namespace) -> int:
    issuer = IssuerProfile(args.issuer_id, args.issuer_name)
    write_output(create_status_list(args.url, issuer, read_key(args.key), valid_from=args.valid_from) + "\n", args.out)
    return EXIT_OK


def _revoke(args: argparse.Namespace) -> int:
    revoked = revoke_in_status_list(read_text(args.status_list), args.index, read_key(args.key),
                                    valid_from=args.valid_from)
    write_output(revoked + "\n", args.out)
    return EXIT_OK


def _did_document(args: argparse.Namespace) -> int:
    import sys
    did = did_web_from_url(args.did) if args.did.startswith("https://") else args.did
    keys = [read_key(path).public_key_multibase for path in args.key] + list(args.public_key)
    if not keys:
        sys.stderr.write("yrkesresan: did-document needs a --key or a --public-key\n")
        return EXIT_USAGE
    write_output(did_document(did, keys) + "\n", args.out)
    if did.startswith("did:web:"):
        sys.stderr.write(f"yrkesresan: publish it at {did_web_document_url(did)}\n")
    return EXIT_OK


def _html(args: argparse.Namespace) -> int:
    write_output(certificate_html(read_text(args.credential)), args.out)
    return EXIT_OK


def add(sub: "argparse._SubParsersAction[argparse.ArgumentParser]", common: argparse.ArgumentParser,
        program_options: argparse.ArgumentParser) -> None:
    from ._common import parse_date

    p = sub.add_parser("keygen", parents=[common], help="a signing key, written to a file (0600), never printed",
                       description="Makes an Ed25519 signing key and writes it (Multikey) to FILE, readable by "
                                   "its owner only; prints the public key and its did:key.")
    p.add_argument("--out", required=True, metavar="FILE", help="the key file (must not exist)")
    p.set_defaults(run=_keygen)

    p = sub.add_parser("did-document", parents=[common], help="the DID document (did.json) an issuer publishes",
                       description="The DID document of an issuer: its keys as Multikey assertion methods "
                                   "(<did>#key-1, ...), the current key first. An https URL gives its did:web.")
    p.add_argument("did", metavar="DID_OR_URL", help="did:web:www.ale.se, or https://www.ale.se")
    p.add_argument("--key", action="append", default=[], metavar="FILE", help="a key file: its public half is listed")
    p.add_argument("--public-key", action="append", default=[], metavar="MULTIBASE",
                   help="an older public key (z6Mk...), listed after the key files")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(run=_did_document)

    p = sub.add_parser("certificate", parents=[common], help="issue, sign, verify and print certificates",
                       description="Certificates (intyg) and the signed credentials that carry them "
                                   "(docs/certificates.md).")
    verbs = p.add_subparsers(dest="verb", required=True, metavar="VERB")
    person = argparse.ArgumentParser(add_help=False, parents=[program_options])
    person.add_argument("person", metavar="PERSON.json", help="the person record ('-': standard input)")
    person.add_argument("--as-of", type=parse_date, required=True, metavar="DATE", help="the date, YYYY-MM-DD")
    person.add_argument("--component", required=True, help="the component, e.g. introduktionsprogram")
    person.add_argument("--issuer", help="the issuing organisation's name on the certificate (default: the program's)")
    person.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")

    v = verbs.add_parser("issue", parents=[common, person], help="the certificate, when its requirements are met",
                         description="The certificate document (JSON), when its requirements are met on the date "
                                     "(exit 8 with every missing requirement otherwise).")
    v.set_defaults(run=_issue)
    v = verbs.add_parser("sign", parents=[common, person], help="the signed credential (OpenBadgeCredential)",
                         description="Issues the certificate and signs it as an OpenBadgeCredential "
                                     "(eddsa-jcs-2022) with the key in --key.")
    v.add_argument("--key", required=True, metavar="FILE", help="the key file written by keygen")
    v.add_argument("--issuer-id", required=True, metavar="URI", help="the issuer's id (https URL or DID)")
    v.add_argument("--issuer-name", required=True, metavar="NAME")
    v.add_argument("--issuer-url", metavar="URL")
    v.add_argument("--issuer-email", metavar="EMAIL")
    v.add_argument("--valid-from", metavar="TIME", help="xsd:dateTimeStamp (default: the completion date 00:00Z)")
    v.add_argument("--status-list", metavar="URL", help="the issuer's status list (certificate status-list), to revoke by")
    v.add_argument("--status-list-index", type=int, default=0, metavar="N",
                   help="this credential's entry in the status list (each index handed out once)")
    v.set_defaults(run=_sign)
    v = verbs.add_parser("verify", parents=[common], help="verify a signed credential offline",
                         description="Verifies a signed credential against a trusted-issuer list; prints the "
                                     "result (JSON); exit 9 unless it is ok.")
    v.add_argument("credential", metavar="CREDENTIAL.json")
    v.add_argument("--trusted", required=True, metavar="FILE", help='{"issuers": [{"id", "name", "keys": [...]}]}')
    v.add_argument("--now", metavar="TIME", help="the time of verification (default: now, UTC)")
    v.add_argument("--status-list", action="append", default=[], metavar="FILE",
                   help="an issuer's status list held here (nothing is fetched); repeat for several")
    v.set_defaults(run=_verify)
    signer = argparse.ArgumentParser(add_help=False)
    signer.add_argument("--key", required=True, metavar="FILE", help="the issuer's key file (keygen)")
    signer.add_argument("--valid-from", required=True, metavar="TIME", help="xsd:dateTimeStamp, e.g. 2026-11-22T10:00:00Z")
    signer.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    v = verbs.add_parser("status-list", parents=[common, signer], help="a new signed status list, for revocation",
                         description="A new status list credential (W3C Bitstring Status List, revocation), "
                                     "none revoked, signed with --key; publish it at URL.")
    v.add_argument("url", metavar="URL", help="where the list will be published")
    v.add_argument("--issuer-id", required=True, metavar="URI")
    v.add_argument("--issuer-name", required=True, metavar="NAME")
    v.set_defaults(run=_status_list)
    v = verbs.add_parser("revoke", parents=[common, signer], help="revoke a credential in its status list",
                         description="The status list with entry --index revoked, signed again; publish it in "
                                     "place of the old one. Revocation is for good.")
    v.add_argument("status_list", metavar="STATUS_LIST.json")
    v.add_argument("--index", type=int, required=True, metavar="N", help="the credential's status list index")
    v.set_defaults(run=_revoke)
    v = verbs.add_parser("html", parents=[common], help="a printable page of a signed credential",
                         description="A printable page (HTML, Swedish) of a signed credential; it does not verify.")
    v.add_argument("credential", metavar="CREDENTIAL.json")
    v.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    v.set_defaults(run=_html)
