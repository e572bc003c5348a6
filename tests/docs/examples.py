#!/usr/bin/env python3
"""The code examples of README.md and docs/**/*.md, run so that they cannot drift.

Every fenced block of those files is one of:

- ```cpp / ```c: a program, compiled and linked against the library of the
  build (tests/docs/CMakeLists.txt: the C++ API, or the C ABI's shared
  library), run by CTest as ``docs.<lang>.<file>:<line>`` from a scratch
  directory; it must exit 0. A block without a ``main`` is a tour: its
  ``#include``, ``using namespace`` and ``namespace x = y;`` lines go first,
  the rest becomes the body of ``int main()``. The examples check what their
  comments promise with ``assert`` (compiled without NDEBUG).
- ```python: run by pytest (tests/python/test_docs_examples.py) against the
  installed package, from a scratch directory; a block with ``>>>`` prompts
  is a doctest.
- ```json: parsed (strictly: no duplicate keys; a block that is one member,
  ``"name": value``, is read inside braces); a whole document the library
  reads (a program, an overlay, a person record, a coordination request, a
  trusted-issuer list) is also loaded by pytest (json_kind below).
- ```text: words or a diagram, not code.
- ```sh: run with bash from the repository root when marked
  ``<!-- example: run -->`` (only commands that are safe and quick inside
  the test command: no builds, no benchmarks, not the test command itself).
- any block at all, marked as not runnable by an HTML comment right before
  its fence, with the reason: ``<!-- example: skip (why) -->``. A shell
  block has to be marked one way or the other.

``<!-- example: continues -->`` before a fence continues the previous block
of the same language in the same file: one C/C++ program, or one Python
namespace.

  examples.py check [--build-dir DIR]   every block accounted for; JSON and
                                        shell blocks run; counts printed
  examples.py summary                   the counts only
  examples.py extract OUT_DIR           writes the C/C++ programs and
                                        OUT_DIR/examples.cmake (CMake's configure step)
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[2]

# Fence languages and what is done with them.
LANGUAGES = {
    "cpp": "cpp", "c++": "cpp",
    "c": "c",
    "python": "python", "py": "python", "pycon": "python",
    "json": "json",
    "sh": "sh", "bash": "sh", "shell": "sh",
    "text": "text",
}

FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
DIRECTIVE = re.compile(r"^\s*<!--\s*example:\s*(?P<what>skip|continues|run)\b\s*(?P<rest>.*?)\s*-->\s*$")


class ExampleError(Exception):
    pass


@dataclass
class Block:
    path: Path        # absolute
    line: int         # 1-based line of the first line of code (after the fence)
    info: str         # the fence's language word as written
    kind: str         # cpp, c, python, json, sh, text, or "" for an unknown language
    text: str
    skip: Optional[str] = None  # the reason, when marked not runnable
    continues: bool = False
    run: bool = False           # a shell block marked to run

    @property
    def name(self) -> str:
        return f"{self.path.relative_to(ROOT).as_posix()}:{self.line}"


@dataclass
class Program:
    """One runnable example: a block and the blocks that continue it."""
    kind: str
    blocks: List[Block] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.blocks[0].name


def markdown_files() -> List[Path]:
    files = [ROOT / "README.md"]
    files += sorted(p for p in (ROOT / "docs").rglob("*.md") if p.is_file())
    return files


def blocks_of(path: Path) -> List[Block]:
    lines = path.read_text(encoding="utf-8").split("\n")
    found: List[Block] = []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, indent = m.group("fence"), len(m.group("indent"))
        info = m.group("info").strip().split(" ")[0] if m.group("info").strip() else ""
        # The directive: the nearest non-blank line above the fence.
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        directive = DIRECTIVE.match(lines[j]) if j >= 0 else None
        if j >= 0 and not directive and re.match(r"^\s*<!--\s*example\b", lines[j]):
            raise ExampleError(f"{path.relative_to(ROOT)}:{j + 1}: not a directive this runner knows: "
                               f"<!-- example: skip (why) -->, <!-- example: continues --> or <!-- example: run -->")
        body: List[str] = []
        k = i + 1
        while k < len(lines):
            close = FENCE.match(lines[k])
            if close and close.group("fence")[0] == fence[0] and len(close.group("fence")) >= len(fence) \
                    and not close.group("info").strip():
                break
            body.append(lines[k][indent:] if lines[k][:indent].strip() == "" else lines[k])
            k += 1
        else:
            raise ExampleError(f"{path.relative_to(ROOT)}:{i + 1}: a code block that is never closed")
        block = Block(path=path, line=i + 2, info=info, kind=LANGUAGES.get(info.lower(), ""),
                      text="\n".join(body) + "\n")
        if directive:
            if directive.group("what") == "skip":
                reason = directive.group("rest").strip()
                if not (reason.startswith("(") and reason.endswith(")") and len(reason) > 2):
                    raise ExampleError(f"{path.relative_to(ROOT)}:{j + 1}: say why: <!-- example: skip (why) -->")
                block.skip = reason[1:-1]
            elif directive.group("what") == "run":
                block.run = True
            else:
                block.continues = True
        found.append(block)
        i = k + 1
    return found


def all_blocks() -> List[Block]:
    return [b for path in markdown_files() for b in blocks_of(path)]


def programs(kind: str, blocks: Optional[List[Block]] = None) -> List[Program]:
    """The runnable examples of one kind, continued blocks joined."""
    result: List[Program] = []
    last: Dict[Tuple[Path, str], Program] = {}
    for b in blocks if blocks is not None else all_blocks():
        if b.kind != kind or b.skip is not None:
            continue
        key = (b.path, b.kind)
        if b.continues:
            if key not in last:
                raise ExampleError(f"{b.name}: 'continues', but no {b.info} block comes before it")
            last[key].blocks.append(b)
            continue
        program = Program(kind=kind, blocks=[b])
        last[key] = program
        result.append(program)
    return result


# C and C++ --------------------------------------------------------------------------

MAIN = re.compile(r"\bint\s+main\s*\(")
HOISTED = re.compile(r"^\s*(#\s*include\b|using\s+namespace\b|namespace\s+\w+\s*=)")


def c_source(program: Program) -> str:
    """The compilable source of a C/C++ example, with #line directives into the Markdown."""
    def located(b: Block, offset: int) -> str:
        return f'#line {b.line + offset} "{b.path.relative_to(ROOT).as_posix()}"\n'

    if any(MAIN.search(b.text) for b in program.blocks):
        return "".join(located(b, 0) + b.text for b in program.blocks)
    head: List[str] = []
    body: List[str] = []
    for b in program.blocks:
        placed = False  # a #line is needed before the next line of the body (never inside a raw string)
        for n, line in enumerate(b.text.rstrip("\n").split("\n")):
            if HOISTED.match(line):
                head.append(located(b, n) + line + "\n")
                placed = False
            else:
                body.append(("" if placed else located(b, n)) + line + "\n")
                placed = True
    return "".join(head) + "int main() {\n" + "".join(body) + "    return 0;\n}\n"


def target_name(program: Program) -> str:
    b = program.blocks[0]
    return "yr_doc_" + re.sub(r"[^A-Za-z0-9]+", "_", f"{b.path.relative_to(ROOT).as_posix()}_{b.line}")


def extract(out_dir: Path) -> None:
    """Writes every C/C++ example and examples.cmake (files rewritten only when changed)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    blocks = all_blocks()
    lines = ["# Generated by tests/docs/examples.py from the Markdown: do not edit.\n"]
    wanted = {"examples.cmake"}
    for kind, ext in (("cpp", "cpp"), ("c", "c")):
        for program in programs(kind, blocks):
            stem = target_name(program)
            source = f"{stem}.{ext}"
            wanted.add(source)
            write_if_changed(out_dir / source, c_source(program))
            lines.append(f"yr_doc_example(docs.{kind}.{program.name} {kind} {stem} "
                         f"${{CMAKE_CURRENT_BINARY_DIR}}/examples/{source})\n")
    for stale in out_dir.iterdir():
        if stale.suffix in (".c", ".cpp") and stale.name not in wanted:
            stale.unlink()
    write_if_changed(out_dir / "examples.cmake", "".join(lines))


def write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


# Python -----------------------------------------------------------------------------

def run_python(program: Program) -> None:
    """Runs a Python example in one fresh namespace; raises on a failure."""
    import doctest

    namespace: Dict[str, object] = {"__name__": "__main__"}
    for b in program.blocks:
        if re.search(r"^\s*>>> ", b.text, re.M):
            parser = doctest.DocTestParser()
            test = parser.get_doctest(b.text, namespace, b.name, str(b.path), b.line - 1)
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
            report: List[str] = []
            runner.run(test, out=report.append, clear_globs=False)
            if runner.failures:
                raise AssertionError("".join(report))
        else:
            code = compile("\n" * (b.line - 1) + b.text, str(b.path), "exec")
            exec(code, namespace)


# The check ----------------------------------------------------------------------------

def strict_json(text: str) -> object:
    def no_duplicates(pairs: List[Tuple[str, object]]) -> Dict[str, object]:
        keys = [k for k, _ in pairs]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise ValueError(f"duplicate keys {duplicates}")
        return dict(pairs)
    return json.loads(text, object_pairs_hook=no_duplicates)


def json_document(block: Block) -> object:
    """The JSON of a block; a block holding one member ("name": value) is read inside braces."""
    try:
        return strict_json(block.text)
    except ValueError:
        if not block.text.lstrip().startswith('"'):
            raise
        return strict_json("{" + block.text + "}")


def json_kind(document: object) -> str:
    """Which document of the library a JSON example is, by its members; "" for a fragment."""
    if not isinstance(document, dict):
        return ""
    if "overlay" in document and "program" in document:
        return "overlay"
    if "phases" in document and "format" in document:
        return "program"
    if "persons" in document and "as_of" in document:
        return "coordination request"
    if "employment_start" in document:
        return "person record"
    if "issuers" in document:
        return "trusted issuers"
    return ""


def check(build_dir: Optional[Path], summary: bool = False) -> int:
    """Accounts for every block, parses the JSON, runs the shell blocks marked to run, prints
    the counts. ``summary``: only the counts (after the suites that run the examples passed)."""
    blocks = all_blocks()
    problems: List[str] = []
    counts: Dict[str, int] = {}
    skipped: List[Block] = []
    loaded: List[str] = []  # the kinds of the JSON documents pytest loads

    def count(what: str) -> None:
        counts[what] = counts.get(what, 0) + 1

    for b in blocks:
        if b.skip is not None:
            skipped.append(b)
            continue
        if b.kind == "":
            problems.append(f"{b.name}: a ```{b.info or '(no language)'} block: give it a language this runner "
                            f"knows ({', '.join(sorted(set(LANGUAGES)))}) or mark it "
                            f"<!-- example: skip (why) -->")
        elif b.kind == "json":
            try:
                kind = json_kind(json_document(b))
                count("json blocks parsed")
                if kind:
                    loaded.append(kind)
            except ValueError as e:
                problems.append(f"{b.name}: not strict JSON: {e}")
        elif b.kind == "sh" and not b.run:
            problems.append(f"{b.name}: a shell block runs only when marked <!-- example: run --> "
                            f"(safe and quick inside the test command), else <!-- example: skip (why) -->")
        elif b.kind == "sh" and summary:
            count("shell blocks run (CTest docs.blocks)")
        elif b.kind == "sh":
            started = time.monotonic()
            run = subprocess.run(["bash", "-euo", "pipefail", "-c", b.text], cwd=ROOT,
                                 capture_output=True, text=True)
            if run.returncode != 0:
                problems.append(f"{b.name}: the shell block exited {run.returncode}:\n{run.stdout}{run.stderr}")
            else:
                count("shell blocks run")
                print(f"  ran {b.name} ({time.monotonic() - started:.1f} s)")
        elif b.kind == "text":
            count("text blocks (words, not code)")
        # cpp, c and python are counted below, as programs.

    try:
        for kind, where in (("cpp", "CTest docs.cpp.*"), ("c", "CTest docs.c.*"),
                            ("python", "pytest tests/python/test_docs_examples.py")):
            progs = programs(kind, blocks)
            n_blocks = sum(len(p.blocks) for p in progs)
            if progs:
                counts[f"{kind} blocks, as {len(progs)} programs run by {where}"] = n_blocks
    except ExampleError as e:
        problems.append(str(e))

    # The configure step extracted the C/C++ programs the Markdown holds now.
    if build_dir is not None:
        generated = build_dir / "examples"
        for kind, ext in (("cpp", "cpp"), ("c", "c")):
            for program in programs(kind, blocks):
                f = generated / f"{target_name(program)}.{ext}"
                if not f.exists() or f.read_text(encoding="utf-8") != c_source(program):
                    problems.append(f"{program.name}: the build compiled another version of this example: "
                                    f"reconfigure ({f.relative_to(build_dir.parent.parent)})")

    if skipped:
        counts["blocks marked not runnable"] = len(skipped)
    print("Code blocks of README.md and docs/" + (", every one run or checked:" if summary else ":"))
    for what, n in counts.items():
        print(f"  {n:3d} {what}")
        if what == "json blocks parsed" and loaded:
            print(f"      {len(loaded)} of them whole documents the library loads in pytest: {', '.join(loaded)}")
    for b in skipped:
        print(f"      skipped {b.name} ({b.info}): {b.skip}")
    for p in problems:
        print(f"FAIL {p}")
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check")
    c.add_argument("--build-dir", type=Path, help="the CMake folder of tests/docs, to compare what it compiled")
    sub.add_parser("summary", help="the counts only (scripts/test.sh, after every suite passed)")
    e = sub.add_parser("extract")
    e.add_argument("out_dir", type=Path)
    args = parser.parse_args()
    try:
        if args.command == "extract":
            extract(args.out_dir)
            return 0
        if args.command == "summary":
            return check(None, summary=True)
        return check(args.build_dir)
    except ExampleError as e:
        print(f"FAIL {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
