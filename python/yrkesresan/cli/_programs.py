"""program list|show|check|render|diff: programs and overlays for authors and reviewers."""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from typing import Any, Callable, List, Optional, Tuple

import yrkesresan

from .._program import Program
from ..errors import Error
from ._common import EXIT_FAILED, EXIT_OK, load_program, write_output
from ._tables import read_json_document, read_text


def _list(args: argparse.Namespace) -> int:
    for pid in Program.builtin_ids():
        p = Program.builtin(pid)
        print(f"{p.id}\t{p.version}\t{p.title}")
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    program = load_program(args.program_id, args.overlay)
    write_output(json.dumps(program.to_dict(), ensure_ascii=False, indent=2) + "\n", args.out)
    return EXIT_OK


def _is_overlay(document: Any) -> bool:
    return isinstance(document, dict) and "overlay" in document and "phases" not in document


def check_file(path: str, base: Optional[str]) -> Program:
    """Loads a program or an overlay file whole; the library reports every problem with its path."""
    document = read_json_document(path)
    if _is_overlay(document):
        program_id = base or document.get("program")
        return load_program(program_id if isinstance(program_id, str) else "", [path])
    return Program.from_json(read_text(path))


#: (document, severity, code, path, line, column, message); document names the file or program.
Finding = Tuple[str, str, str, str, int, int, str]


def _findings(path: str, base: Optional[str]) -> List[Finding]:
    """Every finding about the file (an overlay: with the program it is layered on).

    With the library's program checker, errors and the warnings of what loads
    but cannot be right, placed by line and column; without it, the loading
    errors with their paths."""
    checker: Optional[Callable[..., Any]] = getattr(yrkesresan, "check_program", None)
    if checker is not None:
        try:
            document = read_json_document(path)
        except Error:
            document = None  # the checker places the syntax error by line and column
        if _is_overlay(document):
            name = base or document.get("program")
            name = name if isinstance(name, str) else ""
            # A program file is checked as written (its lines); a built-in one as the library holds it.
            program: Any = name if name not in Program.builtin_ids() else load_program(name).to_json()
            names = [name, path]
            found = checker(program, [path])
        else:
            names = [path]
            found = checker(path)
        return [(names[min(f.document, len(names) - 1)], f.severity, f.code, f.path, f.line, f.column, f.message)
                for f in found]
    try:
        check_file(path, base)
    except Error as e:
        return [(path, "error", p.code, p.path, 0, 0, p.message) for p in e.problems]
    return []


def _check(args: argparse.Namespace) -> int:
    findings = _findings(args.file, args.program)
    for document, severity, code, pointer, line, column, message in findings:
        # A built-in program has no file of its own to point into: its path says where.
        place = f"{document}:{line}:{column}" if line and document not in Program.builtin_ids() else document
        print(f"{place}: {severity}: {code} at {pointer or '(document)'}: {message}")
    errors = sum(f[1] == "error" for f in findings)
    warnings = len(findings) - errors
    sys.stderr.write(f"yrkesresan: {errors} error(s), {warnings} warning(s)\n")
    return EXIT_FAILED if errors or (warnings and args.strict) else EXIT_OK


def _render(args: argparse.Namespace) -> int:
    program = load_program(args.program_id, args.overlay)
    write_output(program.rule_book("html" if args.format == "html" else "markdown"), args.out)
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    a, b = load_program(args.a), load_program(args.b)
    if args.what == "rule-book":
        left, right = a.rule_book("markdown"), b.rule_book("markdown")
    else:
        left, right = (json.dumps(p.to_dict(), ensure_ascii=False, indent=2) + "\n" for p in (a, b))
    diff = list(difflib.unified_diff(left.splitlines(keepends=True), right.splitlines(keepends=True),
                                     fromfile=f"{a.id} {a.version}", tofile=f"{b.id} {b.version}"))
    sys.stdout.writelines(diff)
    return EXIT_FAILED if diff else EXIT_OK


def add(sub: "argparse._SubParsersAction[argparse.ArgumentParser]", common: argparse.ArgumentParser,
        program_options: argparse.ArgumentParser) -> None:
    p = sub.add_parser("program", parents=[common], help="list, show, check, render and compare programs",
                       description="Programs and overlays: the built-in ones, a definition, a check of a file, "
                                   "the rule book, a comparison.")
    verbs = p.add_subparsers(dest="verb", required=True, metavar="VERB")
    v = verbs.add_parser("list", parents=[common], help="the built-in programs (id, version, title)",
                         description="The built-in programs: id, version and title, tab-separated.")
    v.set_defaults(run=_list)
    overlay = argparse.ArgumentParser(add_help=False)
    overlay.add_argument("--overlay", action="append", default=[], metavar="FILE",
                         help="an overlay file layered on, in order (repeat for municipality, then unit)")
    overlay.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    v = verbs.add_parser("show", parents=[common, overlay], help="the effective definition (JSON)",
                         description="The program's effective definition after overlays (JSON).")
    v.add_argument("program_id", metavar="PROGRAM", help="a built-in id or a program file")
    v.set_defaults(run=_show)
    v = verbs.add_parser("check", parents=[common], help="every problem of a program or overlay file",
                         description="Checks a program or an overlay file and prints every finding, "
                                     "FILE:LINE:COLUMN: error|warning: CODE at /json/pointer: message "
                                     "(exit 1 when there are errors).")
    v.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    v.add_argument("file", metavar="FILE", help="a program definition or an overlay (JSON)")
    v.add_argument("--program", metavar="PROGRAM",
                   help="for an overlay: the program it is layered on (default: the one it names)")
    v.set_defaults(run=_check)
    v = verbs.add_parser("render", parents=[common, overlay], help="the rule book (Markdown or HTML)",
                         description="The program's rule book, in Swedish: every rule beside its source.")
    v.add_argument("program_id", metavar="PROGRAM", help="a built-in id or a program file")
    v.add_argument("--format", choices=("md", "html"), default="md")
    v.set_defaults(run=_render)
    v = verbs.add_parser("diff", parents=[common], help="what differs between two programs",
                         description="A unified diff of two programs' effective definitions (or rule books); "
                                     "exit 1 when they differ.")
    v.add_argument("a", metavar="A", help="a built-in id or a program file")
    v.add_argument("b", metavar="B", help="a built-in id or a program file")
    v.add_argument("--what", choices=("definition", "rule-book"), default="definition")
    v.set_defaults(run=_diff)
