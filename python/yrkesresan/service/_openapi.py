"""The OpenAPI 3.1 document of the service, built from the JSON Schemas in
data/schema (shipped as yrkesresan/schema): one source of truth, no second
hand-written model. Each schema's $defs become components named
``<Document>.<def>`` and its local references are rewritten to them, so any
OpenAPI tool resolves them without following $id."""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict

from .. import __version__
from .._credential import STATUSES

#: Schema file stem -> component name.
DOCUMENTS = {"person": "PersonRecord", "evaluation": "Evaluation", "program": "ProgramDefinition",
             "coordination-request": "CoordinationRequest", "coordination": "CoordinationReport", "error": "Error"}


def schema_dir() -> Path:
    installed = Path(__file__).resolve().parent.parent / "schema"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[3] / "data" / "schema"  # a source checkout


def _rewrite(node: Any, name: str) -> Any:
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                document, _, fragment = v.partition("#")
                target = DOCUMENTS[document.removesuffix(".schema.json")] if document else name
                v = f"#/components/schemas/{target}"
                if fragment.startswith("/$defs/"):
                    v += "." + fragment[len("/$defs/"):]
            out[k] = _rewrite(v, name)
        return out
    if isinstance(node, list):
        return [_rewrite(v, name) for v in node]
    return node


def components() -> Dict[str, Any]:
    schemas: Dict[str, Any] = {}
    for stem, name in DOCUMENTS.items():
        document = json.loads((schema_dir() / f"{stem}.schema.json").read_text(encoding="utf-8"))
        defs = document.pop("$defs", {})
        for key in ("$schema", "$id"):
            document.pop(key, None)
        schemas[name] = _rewrite(document, name)
        for def_name, definition in defs.items():
            schemas[f"{name}.{def_name}"] = _rewrite(definition, name)
    return schemas


def _ref(name: str) -> Dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: Dict[str, Any], description: str) -> Dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_ERRORS = {
    "400": _json(_ref("Error"), "not well-formed JSON (parse_error)"),
    "404": _json(_ref("Error"), "no such program, component or route (not_found)"),
    "408": _json(_ref("Error"), "the request took longer than the service allows (limit_exceeded)"),
    "409": _json(_ref("Error"), "a certificate asked for before its requirements are met (requirements_not_met)"),
    "413": _json(_ref("Error"), "a body past the service's size limit (limit_exceeded)"),
    "415": _json(_ref("Error"), "a body that is not application/json"),
    "422": _json(_ref("Error"), "a document the contract refuses, a batch past its size included: code and "
                                "JSON Pointer of every problem"),
}
_PROGRAM = {"name": "program", "in": "path", "required": True,
            "description": "a program id, or a program with the overlays loaded at start (`gr-barn-unga+kungalv`)",
            "schema": {"type": "string", "pattern": "^[a-z0-9_.:+-]{1,200}$"}}
_AS_OF = {"name": "as_of", "in": "query", "required": True, "description": "the evaluation date",
          "schema": {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}}
_LANG = {"name": "lang", "in": "query", "required": False, "description": "language of the messages",
         "schema": {"type": "string", "enum": ["sv", "en"], "default": "sv"}}
_COMPONENT = {"name": "component", "in": "path", "required": True, "description": "the component, e.g. introduktionsprogram",
              "schema": {"type": "string", "pattern": "^[a-z0-9_.:-]{1,64}$"}}


def _op(summary: str, ok: Dict[str, Any], parameters: Any = (), body: Any = None, errors: Any = ("404", "408", "422"),
        op_id: str = "") -> Dict[str, Any]:
    op: Dict[str, Any] = {"summary": summary, "operationId": op_id, "parameters": list(parameters),
                          "responses": {"200": ok, **{c: _ERRORS[c] for c in errors}}}
    if body is not None:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
        for c in ("400", "413", "415"):
            op["responses"].setdefault(c, _ERRORS[c])
    return op


@lru_cache(maxsize=1)
def document(max_batch: int) -> Dict[str, Any]:
    schemas = components()
    schemas["BatchResult"] = {
        "type": "object", "additionalProperties": False, "required": ["results"],
        "properties": {"results": {"type": "array", "items": {"oneOf": [
            {"type": "object", "additionalProperties": False, "required": ["evaluation"],
             "properties": {"evaluation": _ref("Evaluation")}},
            {"type": "object", "additionalProperties": False, "required": ["error"],
             "properties": {"error": _ref("Error")}}]}}}}
    schemas["ProgramSummary"] = {
        "type": "object", "additionalProperties": False, "required": ["id", "program", "version", "title", "layers"],
        "properties": {"id": {"type": "string"}, "program": {"type": "string"}, "version": {"type": "string"},
                       "title": {"type": "string"}, "layers": {"type": "array", "items": {"type": "string"}}}}
    schemas["VerificationRequest"] = {
        "type": "object", "additionalProperties": False, "required": ["credential", "trusted"],
        "properties": {"credential": {"type": "object", "description": "a signed OpenBadgeCredential"},
                       "trusted": {"type": "object", "description": "the trusted-issuer list (docs/certificates.md)"},
                       "now": {"type": "string", "description": "xsd:dateTimeStamp; default: now"},
                       "status_lists": {"type": "array", "items": {"type": "object"},
                                        "description": "the issuers' status list credentials held by the caller"}}}
    schemas["VerificationResult"] = {
        "type": "object", "additionalProperties": False,
        "required": ["status", "message", "credential_id", "issuer_id", "issuer_name", "valid_from", "content"],
        "properties": {"status": {"enum": list(STATUSES)},
                       "message": {"type": "string"}, "credential_id": {"type": "string"},
                       "issuer_id": {"type": "string"}, "issuer_name": {"type": "string"},
                       "valid_from": {"type": "string"}, "content": {"type": ["object", "null"]}}}
    certificate = {"type": "object", "description": "the certificate document (docs/certificates.md)"}
    evaluation = _json(_ref("Evaluation"), "the evaluation document")
    paths = {
        "/health": {"get": _op("the service is up", _json({"type": "object", "required": ["status"],
                                                            "properties": {"status": {"const": "ok"}}}, "up"),
                               errors=(), op_id="health")},
        "/version": {"get": _op("versions of the service and its programs", _json(
            {"type": "object", "required": ["version", "programs"],
             "properties": {"version": {"type": "string"}, "programs": {"type": "array", "items": _ref("ProgramSummary")}}},
            "versions"), errors=(), op_id="version")},
        "/programs": {"get": _op("the programs this service evaluates against", _json(
            {"type": "array", "items": _ref("ProgramSummary")}, "programs"), errors=(), op_id="listPrograms")},
        "/programs/{program}": {"get": _op("a program's effective definition", _json(_ref("ProgramDefinition"), "the definition"),
                                           [_PROGRAM], errors=("404",), op_id="getProgram")},
        "/programs/{program}/rule-book": {"get": _op(
            "the program's rule book (Swedish)",
            {"description": "the rule book", "content": {"text/markdown": {"schema": {"type": "string"}},
                                                          "text/html": {"schema": {"type": "string"}}}},
            [_PROGRAM, {"name": "format", "in": "query", "required": False,
                        "schema": {"type": "string", "enum": ["markdown", "html"], "default": "markdown"}}],
            errors=("404", "422"), op_id="getRuleBook")},
        "/programs/{program}/evaluate": {"post": _op("evaluate one person record", evaluation, [_PROGRAM, _AS_OF, _LANG],
                                                     _ref("PersonRecord"), op_id="evaluate")},
        "/programs/{program}/evaluate-batch": {"post": _op(
            f"evaluate up to {max_batch} person records; each result is an evaluation or that record's error",
            _json(_ref("BatchResult"), "one result per record, in order"), [_PROGRAM, _AS_OF, _LANG],
            {"type": "array", "maxItems": max_batch,
             "items": {"type": "object", "description": "a person record (PersonRecord): each is checked on its "
                                                        "own, and one refused is reported in its place"}},
            op_id="evaluateBatch")},
        "/programs/{program}/certificates/{component}": {"post": _op(
            "issue a component's certificate when its requirements are met", _json(certificate, "the certificate"),
            [_PROGRAM, _COMPONENT, _AS_OF, _LANG], _ref("PersonRecord"), errors=("404", "408", "409", "422"),
            op_id="issueCertificate")},
        "/programs/{program}/certificates/{component}/credential": {"post": _op(
            "issue and sign the certificate as an OpenBadgeCredential with the service's key",
            _json({"type": "object", "description": "the signed credential"}, "the signed credential"),
            [_PROGRAM, _COMPONENT, _AS_OF, _LANG], _ref("PersonRecord"), errors=("404", "408", "409", "422"),
            op_id="signCertificate")},
        "/credentials/verify": {"post": _op("verify a signed credential offline", _json(_ref("VerificationResult"), "the result"),
                                            body=_ref("VerificationRequest"), errors=("408", "422"),
                                            op_id="verifyCredential")},
        "/status-lists/revoke": {"post": _op(
            "revoke entry index of a status list, signed again with the service's key, valid from now",
            _json({"type": "object", "description": "the new status list credential"}, "the new status list"),
            [{"name": "index", "in": "query", "required": True, "schema": {"type": "integer", "minimum": 0}}],
            {"type": "object", "description": "the status list credential"}, errors=("404", "408", "422"),
            op_id="revoke")},
        "/.well-known/did.json": {"get": _op(
            "the DID document of the service's did:web issuer and key",
            _json({"type": "object", "description": "the DID document"}, "the DID document"), errors=("404",),
            op_id="didDocument")},
        "/programs/{program}/coordinate": {"post": _op("the coordinator's term plan", _json(_ref("CoordinationReport"), "the plan"),
                                                       [_PROGRAM], _ref("CoordinationRequest"), op_id="coordinate")},
    }
    return {"openapi": "3.1.0",
            "info": {"title": "yrkesresan", "version": __version__,
                     "description": "The rules of Swedish introduction programs for social workers on the JSON "
                                    "contract (docs/contract.md). Person records are pseudonymous; errors never "
                                    "repeat an input value."},
            "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
            "paths": paths, "components": {"schemas": schemas}}


def copy_of(max_batch: int) -> Dict[str, Any]:
    return copy.deepcopy(document(max_batch))
