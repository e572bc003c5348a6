"""Write a synthetic population to files.

    python -m benchmarks.yrsynth --persons 50000 --out /tmp/pop            # JSON lines and Parquet
    python -m benchmarks.yrsynth --persons 2000 --program uppsala-bistand-lss --format jsonl --out /tmp/u

Writes persons.jsonl (one person record a line) and/or
persons/events/leaves/assignments/planned.parquet (the population API's frames,
strings as dictionary arrays; needs pyarrow), and prints what it made and
how long it took. Run from the repository root.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from pathlib import Path

from . import generate


def main(argv: "list[str] | None" = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.yrsynth", description=__doc__.split("\n\n")[0])
    parser.add_argument("--persons", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--program", default="gr-barn-unga", help="a program id or a program JSON file")
    parser.add_argument("--as-of", type=datetime.date.fromisoformat, default=None,
                        help="drop events after this day (default: the data's last day, 2026-11-02)")
    parser.add_argument("--events-per-person", type=float, default=100.0)
    parser.add_argument("--event-order", choices=("shuffled", "date", "kind"), default="shuffled")
    parser.add_argument("--format", default="jsonl,parquet", help="comma-separated: jsonl, parquet")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    pop = generate(args.persons, seed=args.seed, program=args.program,
                   events_per_person=args.events_per_person, event_order=args.event_order)
    if args.as_of is not None:
        pop = pop.until(args.as_of)
    made = time.perf_counter() - started
    print(f"{pop} in {made:.2f} s ({args.persons / made:,.0f} persons/s)")
    args.out.mkdir(parents=True, exist_ok=True)
    for fmt in filter(None, args.format.split(",")):
        started = time.perf_counter()
        if fmt == "jsonl":
            pop.write_jsonl(args.out / "persons.jsonl")
            where = args.out / "persons.jsonl"
        elif fmt == "parquet":
            pop.write_parquet(args.out)
            where = args.out / "*.parquet"
        else:
            parser.error(f"unknown format {fmt!r}")
        print(f"wrote {where} in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
