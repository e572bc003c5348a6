"""The HTTP service: the JSON contract over HTTP, on Starlette.

Programs and overlays are loaded once, when the app is made; a request reads
its body, calls the library and answers: nothing is kept between requests,
and nothing from a body is ever logged (no access log of bodies, errors
carry codes and paths only)."""

from __future__ import annotations

import asyncio
import datetime
import json
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, Optional, Sequence

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from .. import __version__, _core
from .._credential import IssuerProfile, SigningKey, did_document, revoke_in_status_list, sign_certificate, verify_credential
from .._program import Program
from ..errors import Error, NotFoundError, ParseError, RequirementsNotMetError, _make, _utf8
from . import _openapi

STATIC = Path(__file__).resolve().parent / "static"


@dataclass(frozen=True)
class Limits:
    body_bytes: int = 1 << 20          # one record: the contract's limit for a person record
    batch_body_bytes: int = 32 << 20
    batch_records: int = 1000
    seconds: float = 10.0
    inline_bytes: int = 64 << 10     # a record up to this size is evaluated on the event loop, not in a thread


@dataclass
class Config:
    overlays: List[str] = field(default_factory=list)
    key: Optional[str] = None          # the path of a key file written by `yrkesresan keygen`
    issuer_id: str = ""
    issuer_name: str = ""
    limits: Limits = Limits()
    programs: List[str] = field(default_factory=list)  # program definition files served beside the built-in ones

    @staticmethod
    def from_environment() -> "Config":
        """What `yrkesresan serve` hands each worker process (paths and names, never a key)."""
        raw = json.loads(os.environ.get("YRKESRESAN_SERVICE", "{}"))
        return Config(raw.get("overlays", []), raw.get("key"), raw.get("issuer_id", ""), raw.get("issuer_name", ""),
                      programs=raw.get("programs", []))


def error_response(error: Error) -> JSONResponse:
    # limit_exceeded inside a document (a string, a batch past its size) is a
    # 422 like any refused value; 413 is kept for a body past its size.
    status = 422
    if isinstance(error, ParseError) and error.code == "parse_error":
        status = 400
    elif isinstance(error, NotFoundError):
        status = 404
    elif isinstance(error, RequirementsNotMetError):
        status = 409
    return JSONResponse({"code": error.code, "path": error.path, "message": error.message,
                         "problems": [{"code": p.code, "path": p.path, "message": p.message} for p in error.problems]},
                        status_code=status)


def _problem(status: int, code: str, path: str, message: str) -> JSONResponse:
    problem = {"code": code, "path": path, "message": message}
    return JSONResponse({**problem, "problems": [problem]}, status_code=status)


def load_programs(overlay_paths: Sequence[str], program_paths: Sequence[str] = ()) -> Dict[str, Program]:
    """Every built-in program and every program file, by id, and each one with the overlays given
    for it, in order (`gr-barn-unga+kungalv`)."""
    programs = {pid: Program.builtin(pid) for pid in Program.builtin_ids()}
    files: Dict[str, str] = {}
    for path in program_paths:
        program = Program.from_file(path)
        if program.id in programs:  # one id, one program: a file never stands in for another
            raise _make("duplicate_id", "/id", "a program file has the id of a program the service already serves")
        programs[program.id], files[program.id] = program, path
    chains: Dict[str, List[str]] = {}
    for path in overlay_paths:
        try:
            document = json.loads(_utf8(Path(path).read_bytes()))
        except json.JSONDecodeError as e:
            raise _make("parse_error", "", f"malformed JSON at line {e.lineno} column {e.colno}") from None
        target = document.get("program") if isinstance(document, dict) else None
        chains.setdefault(target if isinstance(target, str) else "", []).append(path)
    for pid, paths in chains.items():
        layered = Program.from_file(files[pid], overlays=paths) if pid in files else Program.builtin(pid, overlays=paths)
        programs["+".join([pid] + [layer.split(":")[-1] for layer in layered.layers])] = layered
    return programs


def create_app(config: Optional[Config] = None) -> Starlette:
    config = config or Config.from_environment()
    limits = config.limits
    programs = load_programs(config.overlays, config.programs)
    key = SigningKey.from_multibase(Path(config.key).read_text(encoding="ascii").strip()) if config.key else None
    issuer = IssuerProfile(config.issuer_id, config.issuer_name)
    openapi = _openapi.document(limits.batch_records)

    def program_of(request: Request) -> Program:
        name = request.path_params["program"]
        if name not in programs:
            raise _make("not_found", "", "no program of that id on this service (GET /programs lists them)")
        return programs[name]

    def as_of_of(request: Request) -> datetime.date:
        text = request.query_params.get("as_of")
        if text is None:
            raise _make("missing_field", "/as_of", "the query parameter as_of (YYYY-MM-DD) is required")
        try:
            if len(text) != 10:
                raise ValueError
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise _make("invalid_date", "/as_of", "as_of is not an existing calendar date in the form YYYY-MM-DD") from None

    def lang_of(request: Request) -> str:
        lang = request.query_params.get("lang", "sv")
        if lang not in ("sv", "en"):
            raise _make("invalid_value", "/lang", "lang is sv or en")
        return lang

    async def body_text(request: Request, limit: int) -> str:
        media = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
        if media not in ("application/json", ""):
            raise HTTPException(415)
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise HTTPException(413, f"the body is larger than {limit} bytes")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise HTTPException(413, f"the body is larger than {limit} bytes")
            chunks.append(chunk)
        return _utf8(b"".join(chunks))

    def parsed(text: str) -> Any:
        try:
            return json.loads(text)
        except json.JSONDecodeError as e:
            raise _make("parse_error", "", f"malformed JSON at line {e.lineno} column {e.colno}") from None
        except RecursionError:
            raise _make("limit_exceeded", "", "nested too deeply") from None

    async def timed(work: Callable[[], Any]) -> Any:
        try:
            return await asyncio.wait_for(run_in_threadpool(work), limits.seconds)
        except asyncio.TimeoutError:
            raise HTTPException(408) from None

    def endpoint(handler: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
        async def wrapped(request: Request) -> Response:
            try:
                return await handler(request)
            except Error as e:
                return error_response(e)
            except HTTPException:
                raise
            except Exception as e:  # a fault of ours: logged by its type only, as a message may quote a body
                logging.getLogger("yrkesresan.service").error("internal error (%s) at %s", type(e).__name__,
                                                             request.url.path)
                return _problem(500, "internal_error", "", "an internal error; it has been logged without the request")
        return wrapped

    @endpoint
    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    def summaries() -> List[Dict[str, Any]]:
        return [{"id": name, "program": p.id, "version": p.version, "title": p.title, "layers": p.layers}
                for name, p in programs.items()]

    @endpoint
    async def version(request: Request) -> Response:
        return JSONResponse({"version": __version__, "programs": summaries()})

    @endpoint
    async def list_programs(request: Request) -> Response:
        return JSONResponse(summaries())

    @endpoint
    async def get_program(request: Request) -> Response:
        return Response(program_of(request).to_json(), media_type="application/json")

    @endpoint
    async def rule_book(request: Request) -> Response:
        program = program_of(request)
        form = request.query_params.get("format", "markdown")
        if form not in ("markdown", "html"):
            raise _make("invalid_value", "/format", "format is markdown or html")
        return Response(program.rule_book(form), media_type="text/html" if form == "html" else "text/markdown")

    @endpoint
    async def evaluate(request: Request) -> Response:
        program, as_of, lang = program_of(request), as_of_of(request), lang_of(request)
        text = await body_text(request, limits.body_bytes)
        if len(text) <= limits.inline_bytes:
            # A usual record takes well under a millisecond: a hop to a thread
            # would cost more than the evaluation (README, "Speed").
            document = program.evaluate(text, as_of, lang).to_json()
        else:
            document = await timed(lambda: program.evaluate(text, as_of, lang).to_json())
        return Response(document, media_type="application/json")

    @endpoint
    async def evaluate_batch(request: Request) -> Response:
        program, as_of, lang = program_of(request), as_of_of(request), lang_of(request)
        records = parsed(await body_text(request, limits.batch_body_bytes))
        if not isinstance(records, list):
            raise _make("wrong_type", "", "a batch is a JSON array of person records")
        if len(records) > limits.batch_records:
            raise _make("limit_exceeded", "", f"a batch holds at most {limits.batch_records} records")
        for number, record in enumerate(records):
            if not isinstance(record, dict):
                raise _make("wrong_type", f"/{number}", "a person record is a JSON object")

        def run() -> str:
            # Every core; a refused record's error in its place, its paths under its index.
            parts = []
            for result in program.evaluate_many(records, as_of, lang, errors="keep"):
                if isinstance(result, Error):
                    problems = [{"code": p.code, "path": p.path, "message": p.message} for p in result.problems]
                    parts.append(json.dumps({"error": {**problems[0], "problems": problems}}))
                else:
                    parts.append('{"evaluation":' + result.to_json() + "}")
            return '{"results":[' + ",".join(parts) + "]}"
        return Response(await timed(run), media_type="application/json")

    async def certificate_of(request: Request) -> _core.Certificate:
        program, as_of = program_of(request), as_of_of(request)
        lang_of(request)
        component = request.path_params["component"]
        text = await body_text(request, limits.body_bytes)
        certificate: _core.Certificate = await timed(lambda: program.issue_certificate(text, as_of, component))
        return certificate

    @endpoint
    async def issue(request: Request) -> Response:
        return Response((await certificate_of(request)).to_json(), media_type="application/json")

    @endpoint
    async def credential(request: Request) -> Response:
        signer = signing_key()
        certificate = await certificate_of(request)
        return Response(sign_certificate(certificate, issuer, signer), media_type="application/json")

    @endpoint
    async def verify(request: Request) -> Response:
        document = parsed(await body_text(request, limits.body_bytes))
        if not isinstance(document, dict):
            raise _make("wrong_type", "", "expected an object with credential and trusted")
        for name in ("credential", "trusted"):
            if name not in document:
                raise _make("missing_field", f"/{name}", "required field is missing")
            if not isinstance(document[name], dict):
                raise _make("wrong_type", f"/{name}", "expected an object")
        for name in document:
            if name not in ("credential", "trusted", "now", "status_lists"):
                raise _make("unknown_field", "", "a field the request does not define")
        lists = document.get("status_lists", [])
        if not isinstance(lists, list) or not all(isinstance(x, dict) for x in lists):
            raise _make("wrong_type", "/status_lists", "expected an array of status list credentials")
        now = document.get("now")
        if now is not None and not isinstance(now, str):
            raise _make("wrong_type", "/now", "expected a date-time text")
        result = await timed(lambda: verify_credential(json.dumps(document["credential"], ensure_ascii=False),
                                                       document["trusted"], now=now, status_lists=lists))
        return JSONResponse(asdict(result))

    def signing_key() -> SigningKey:
        if key is None:
            raise _make("not_found", "", "this service was started without a signing key (serve --key)")
        return key

    @endpoint
    async def revoke(request: Request) -> Response:
        text = request.query_params.get("index", "")
        if not text.isdigit():
            raise _make("invalid_value" if text else "missing_field", "/index", "index is a whole number, 0 or more")
        signer = signing_key()
        status_list = await body_text(request, limits.body_bytes)
        # The service has a clock, the library has none: the new list is valid from now.
        now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        revoked = await timed(lambda: revoke_in_status_list(status_list, int(text), signer, valid_from=now))
        return Response(revoked, media_type="application/json")

    @endpoint
    async def did_json(request: Request) -> Response:
        if not config.issuer_id.startswith("did:web:"):
            raise _make("not_found", "", "this service signs as no did:web issuer (serve --issuer-id did:web:...)")
        return Response(did_document(config.issuer_id, [signing_key().public_key_multibase]),
                        media_type="application/json")

    @endpoint
    async def coordinate(request: Request) -> Response:
        program = program_of(request)
        text = await body_text(request, limits.batch_body_bytes)
        return Response(await timed(lambda: _core.coordinate(program._core, text)), media_type="application/json")

    async def openapi_document(request: Request) -> Response:
        return JSONResponse(openapi)

    async def page(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    async def script(request: Request) -> Response:
        return FileResponse(STATIC / "page.js", media_type="text/javascript; charset=utf-8")

    async def http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        code = {404: "not_found", 405: "not_found", 408: "limit_exceeded", 413: "limit_exceeded",
                415: "invalid_value"}.get(status, "invalid_value")
        message = {404: "no such route", 405: "no such method on this route",
                   408: f"the request took longer than {limits.seconds:g} s",
                   413: str(getattr(exc, "detail", "")) or "the body is too large",
                   415: "the body is application/json"}.get(status, "the request was refused")
        response = _problem(status, code, "", message)
        if isinstance(exc, HTTPException) and exc.headers:
            response.headers.update(exc.headers)  # Allow, on a 405
        return response

    routes = [
        Route("/", page), Route("/page.js", script), Route("/openapi.json", openapi_document),
        Route("/health", health), Route("/version", version), Route("/programs", list_programs),
        Route("/programs/{program}", get_program), Route("/programs/{program}/rule-book", rule_book),
        Route("/programs/{program}/evaluate", evaluate, methods=["POST"]),
        Route("/programs/{program}/evaluate-batch", evaluate_batch, methods=["POST"]),
        Route("/programs/{program}/certificates/{component}", issue, methods=["POST"]),
        Route("/programs/{program}/certificates/{component}/credential", credential, methods=["POST"]),
        Route("/programs/{program}/coordinate", coordinate, methods=["POST"]),
        Route("/credentials/verify", verify, methods=["POST"]),
        Route("/status-lists/revoke", revoke, methods=["POST"]),
        Route("/.well-known/did.json", did_json),
    ]
    return Starlette(routes=routes, exception_handlers={HTTPException: http_error})
