"""evaluate, report, population, coordinate: the JSON contract from the command line."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .. import _core
from . import _report
from ._common import EXIT_OK, Progress, exit_code, load_program, write_output
from ._tables import read_records, read_table, read_text


def evaluate(args: argparse.Namespace) -> int:
    program = load_program(args.program, args.overlay)
    ev = program.evaluate(read_text(args.person), args.as_of, args.lang)
    document = ev.to_json()
    write_output((json.dumps(json.loads(document), ensure_ascii=False, indent=2) if args.pretty else document) + "\n",
                 args.out)
    return EXIT_OK


def report(args: argparse.Namespace) -> int:
    program = load_program(args.program, args.overlay)
    records = read_records(args.cohort, args.events, args.leaves, args.assignments, args.planned)
    progress = Progress(len(records), "report", None if args.progress is None else args.progress)
    result = _report.build(program, records, args.as_of, args.lang, args.todo, progress)
    progress.close()
    write_output(_report.html(result) if args.format == "html" else _report.text(result), args.out)
    # The report is whole even when records were refused (each shows its error
    # in place); the exit code still says that some were.
    return exit_code(result.errors[0]) if result.errors else EXIT_OK


def population(args: argparse.Namespace) -> int:
    program = load_program(args.program, args.overlay)
    tables = [read_table(path, name) if path else None
              for path, name in ((args.events, "events"), (args.leaves, "leaves"), (args.assignments, "assignments"),
                                 (args.planned, "planned"))]
    outputs = [o for o in args.outputs.split(",") if o] if args.outputs is not None else None
    result = program.evaluate_population(read_table(args.persons, "persons"), *tables, as_of=args.as_of,
                                         errors="keep" if args.keep_errors else "raise", outputs=outputs,
                                         items=not args.no_items)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    form = args.format or ("parquet" if args.persons.endswith(".parquet") else "csv")
    frames = [("persons", result.persons)] + ([("items", result.items)] if result.has_items else [])
    for name, frame in frames:
        path = out / f"{name}.{form}"
        if form == "parquet":
            frame.to_parquet(path, index=False)
        else:
            frame.to_csv(path, index=False, date_format="%Y-%m-%d")
        print(path)
    return EXIT_OK


def coordinate(args: argparse.Namespace) -> int:
    program = load_program(args.program, args.overlay)
    document = _core.coordinate(program._core, read_text(args.request))
    write_output(document + "\n", args.out)
    return EXIT_OK


def add(sub: "argparse._SubParsersAction[argparse.ArgumentParser]", common: argparse.ArgumentParser,
        program_options: argparse.ArgumentParser) -> None:
    from ._common import parse_date

    p = sub.add_parser("evaluate", parents=[common, program_options], help="evaluate one person record",
                       description="Evaluates one person record (docs/contract.md) on a date and prints the "
                                   "evaluation document (JSON).")
    p.add_argument("person", metavar="PERSON.json", help="the person record ('-': standard input)")
    p.add_argument("--as-of", type=parse_date, required=True, metavar="DATE", help="the evaluation date, YYYY-MM-DD")
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(run=evaluate)

    p = sub.add_parser("report", parents=[common, program_options], help="the unit manager's report over a cohort",
                       description="The unit manager's report (the demo's) over a cohort: a JSON array of person "
                                   "records, JSON lines (.jsonl), or tables (.csv, .parquet) in the population API's "
                                   "columns, with --events, --leaves, --assignments and --planned tables.")
    p.add_argument("cohort", metavar="COHORT", help="cohort file (.json, .jsonl, .csv, .parquet)")
    p.add_argument("--as-of", type=parse_date, default=None, metavar="DATE",
                   help="the evaluation date, YYYY-MM-DD (default: today)")
    p.add_argument("--format", choices=("text", "html"), default="text", help="text (default) or printable HTML")
    p.add_argument("--todo", type=int, default=12, metavar="N", help="people listed per role (default 12)")
    for table in ("events", "leaves", "assignments", "planned"):
        p.add_argument(f"--{table}", metavar="TABLE", help=f"the {table} table of a CSV/Parquet cohort")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="a progress bar on stderr (default: on a terminal, for 200 people or more)")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(run=report)

    p = sub.add_parser("population", parents=[common, program_options], help="persons and items tables of a population",
                       description="Evaluates a population in one call (the population API) and writes its "
                                   "persons and items tables to DIR as CSV or Parquet.")
    p.add_argument("persons", metavar="PERSONS", help="the persons table (.csv or .parquet)")
    p.add_argument("events", metavar="EVENTS", nargs="?", help="the events table")
    p.add_argument("leaves", metavar="LEAVES", nargs="?", help="the leaves table")
    p.add_argument("assignments", metavar="ASSIGNMENTS", nargs="?", help="the plan assignments table")
    p.add_argument("--planned", metavar="TABLE", help="the written plan's dates (person, item, date)")
    p.add_argument("--as-of", type=parse_date, required=True, metavar="DATE", help="the evaluation date, YYYY-MM-DD")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for persons.<format> and items.<format>")
    p.add_argument("--format", choices=("csv", "parquet"), help="default: the persons table's")
    p.add_argument("--keep-errors", action="store_true",
                   help="a bad record fills the error and error_path columns instead of stopping")
    p.add_argument("--outputs", metavar="NAMES",
                   help="the person columns wanted, comma-separated: column names or groups (experience, "
                        "a checklist's or component's id, certificates, recommendations, totals); default: all")
    p.add_argument("--no-items", action="store_true", help="no items table (neither computed nor written)")
    p.set_defaults(run=population)

    p = sub.add_parser("coordinate", parents=[common, program_options], help="the coordinator's term plan",
                       description="The coordinator's term plan from a coordination request "
                                   "(data/schema/coordination-request.schema.json), as JSON.")
    p.add_argument("request", metavar="REQUEST.json", help="the coordination request ('-': standard input)")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(run=coordinate)

