"""The benchmark harness: every face of yrkesresan on the same generated data,
side by side in one run, with the ratios of the speed goals (README, Speed).

    scripts/bench.sh                      # builds, installs, then runs this
    .venv/bin/python benchmarks/run.py [--persons 50000] [--sizes 1000,10000,100000,1000000]

Faces, in persons per second:
  Python population API  DataFrames in, DataFrames out (Program.evaluate_population)
  decode-only floor      the same call reading the same frames and writing the same
                         columns, no rule applied (the machine's limit for this shape)
  C++ API                per person, yr-bench-evaluate (Google Benchmark)
  C ABI                  per person, JSON in and out (yr_evaluate)
  JSON parse             PersonRecord::from_json alone
  Python per person      dict in, dict out: Program.evaluate(record).to_dict(), one by one,
                         the results kept and dropped (the reference alike)
  Python evaluate_many   the same records in one call (every core), as documents (as_dicts=True)
                         and as Evaluation objects
  Python reference       benchmarks/reference, plain Python, the same records, dict in and out
Columns: the population from text (read_csv), pyarrow columns and a pyarrow.Table
beside the Categoricals, and a vectorised pandas baseline (benchmarks/columns.py).
Memory: the peak resident memory the population call adds, per person, beside
the columnar input's own size, at each size (a child process per size).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Dict, List

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yrkesresan as yr  # noqa: E402
from yrkesresan import _population  # noqa: E402

from benchmarks import columns, reference  # noqa: E402
from benchmarks.yrsynth import generate  # noqa: E402

SEED = 2026


def best_of(runs: int, f: Callable[[], Any]) -> float:
    """The fastest of `runs` timings: the least disturbed by the rest of the machine."""
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t)
    return best


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def population_api(program: yr.Program, pop: Any, runs: int) -> Dict[str, float]:
    frames = pop.frames
    args = (program, frames["persons"], frames["events"], frames["leaves"], frames["assignments"], pop.as_of, 0, False)
    evaluate = best_of(runs, lambda: program.evaluate_population(*frames.values(), as_of=pop.as_of))
    floor = best_of(runs, lambda: _population.evaluate_population(*args, decode_only=True, planned=frames["planned"]))
    return {"evaluate": evaluate, "floor": floor}


def native(binary: Path, records: List[Dict[str, Any]], as_of: datetime.date, program: str) -> Dict[str, float]:
    """Persons per second of the C++ and C faces (Google Benchmark's items_per_second)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "persons.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        out = subprocess.run(
            [str(binary), "--records", str(path), "--as-of", as_of.isoformat(), "--program", program,
             "--benchmark_format=json", "--benchmark_min_time=1"],
            check=True, capture_output=True, text=True).stdout
    return {b["name"]: float(b["items_per_second"]) for b in json.loads(out)["benchmarks"]}


def per_person_python(program: yr.Program, ref_program: Any, records: List[Dict[str, Any]], as_of: datetime.date,
                      runs: int) -> Dict[str, float]:
    """Persons per second of the Python API and the reference on the same records, dicts in and
    dicts out: every result kept (as the reference's evaluate_many keeps its documents), and each
    result dropped as soon as it is made (a stream: written out, summed up). Kept, every document
    stays in fresh memory that the cyclic collector walks again as the heap grows, on both sides."""
    n = len(records)

    def stream_python() -> None:
        for r in records:
            program.evaluate(r, as_of).to_dict()

    def stream_reference() -> None:
        for r in records:
            reference.evaluate(ref_program, r, as_of)

    return {
        "dict": n / best_of(runs, lambda: [program.evaluate(r, as_of).to_dict() for r in records]),
        "many_dict": n / best_of(runs, lambda: program.evaluate_many(records, as_of, as_dicts=True)),
        "many": n / best_of(runs, lambda: program.evaluate_many(records, as_of)),
        "dict_stream": n / best_of(runs, stream_python),
        "reference_stream": n / best_of(runs, stream_reference),
    }


MEMORY_CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[3])
import yrkesresan as yr
from benchmarks.yrsynth import generate

def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1]) * 1024
    raise KeyError(key)

pop = generate(int(sys.argv[1]), seed=int(sys.argv[2]))
frames = pop.frames
program = yr.Program.builtin("gr-barn-unga")
program.evaluate_population(*pop.until(pop.as_of).frames.values(), as_of=pop.as_of)  # warm up: code, pools
input_bytes = int(sum(f.memory_usage(deep=True).sum() for f in frames.values()))
with open("/proc/self/clear_refs", "w") as f:  # resets VmHWM to the current RSS
    f.write("5")
before = status("VmRSS:")
import time
t = time.perf_counter()
result = program.evaluate_population(*frames.values(), as_of=pop.as_of)
seconds = time.perf_counter() - t
peak = status("VmHWM:")
print(json.dumps({"persons": len(frames["persons"]), "events": len(frames["events"]), "input_bytes": input_bytes,
                  "peak_added_bytes": peak - before, "seconds": seconds,
                  "output_bytes": int(result.persons.memory_usage(deep=True).sum() + result.items.memory_usage(deep=True).sum())}))
"""


def memory_and_scaling(sizes: List[int]) -> List[Dict[str, Any]]:
    rows = []
    for n in sizes:
        out = subprocess.run([sys.executable, "-c", MEMORY_CHILD, str(n), str(SEED), str(ROOT)],
                             check=True, capture_output=True, text=True, cwd=str(ROOT)).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--persons", type=int, default=50_000, help="population for the side-by-side figures")
    ap.add_argument("--sample", type=int, default=1_000, help="records raced one by one (C++, C ABI, reference)")
    ap.add_argument("--sizes", default="1000,10000,100000,1000000", help="populations for scaling and memory")
    ap.add_argument("--runs", type=int, default=5, help="timings per figure; the best is kept")
    ap.add_argument("--bench-binary", default=str(ROOT / "build/default/benchmarks/yr-bench-evaluate"))
    args = ap.parse_args()

    print(f"yrkesresan {yr.__version__ if hasattr(yr, '__version__') else ''} benchmarks on {machine()}")
    program_id = "gr-barn-unga"
    program = yr.Program.builtin(program_id)
    t = time.perf_counter()
    pop = generate(args.persons, seed=SEED)
    events = len(pop.events)
    print(f"population: {args.persons:,} persons, {events:,} events ({events / args.persons:.0f} per person), "
          f"as of {pop.as_of}; generated in {time.perf_counter() - t:.1f} s")

    api = population_api(program, pop, args.runs)
    records = list(pop.records())[: args.sample]
    ref_program = reference.load_program(program_id)
    ref_seconds = best_of(max(1, args.runs // 2), lambda: reference.evaluate_many(ref_program, records, pop.as_of))
    ref_rate = len(records) / ref_seconds
    native_rates = native(Path(args.bench_binary), records, pop.as_of, program_id)
    per_person = per_person_python(program, ref_program, records, pop.as_of, max(1, args.runs // 2))

    n = args.persons
    rows = [
        ("Python population API (DataFrames in/out)", n / api["evaluate"]),
        ("decode-only floor (same frames, no rule)", n / api["floor"]),
        ("C++ API evaluate (parsed records)", native_rates["cxx_evaluate"]),
        ("C++ API JSON in and out", native_rates["cxx_round_trip"]),
        ("C ABI yr_evaluate (JSON in and out)", native_rates["c_abi_round_trip"]),
        ("JSON parsing alone (PersonRecord::from_json)", native_rates["json_parse"]),
        ("  the strict reader alone (nlohmann SAX into the DOM)", native_rates["json_parse_strict"]),
        ("  nlohmann SAX, a handler that keeps nothing (floor)", native_rates["json_sax_floor"]),
        ("Python per person, dict in -> dict out, kept", per_person["dict"]),
        ("Python evaluate_many, dict in -> dict out, kept", per_person["many_dict"]),
        ("Python evaluate_many, dict in -> Evaluation", per_person["many"]),
        ("Python reference (plain Python), dicts kept", ref_rate),
        ("Python per person, dict in -> dict out, dropped", per_person["dict_stream"]),
        ("Python reference (plain Python), dicts dropped", per_person["reference_stream"]),
    ]
    print("\npersons per second, same data")
    for name, rate in rows:
        print(f"  {name:<48} {rate:>14,.0f}   {1e6 / rate:>9.2f} µs/person")

    goals = [
        ("population API / decode-only floor", api["floor"] / api["evaluate"], 0.85, "≥"),
        ("population API / Python reference", (n / api["evaluate"]) / ref_rate, 100.0, "≥"),
        (f"{n:,} persons, DataFrames in and out (s)", api["evaluate"], 1.0, "<"),
        ("C ABI JSON round trip / Python reference", native_rates["c_abi_round_trip"] / ref_rate, 6.0, "≥"),
        ("Python dict->dict per person / reference, kept", per_person["dict"] / ref_rate, 5.0, "≥"),
        ("Python dict->dict per person / reference, dropped",
         per_person["dict_stream"] / per_person["reference_stream"], 5.0, "≥"),
        ("Python evaluate_many dicts / reference, kept", per_person["many_dict"] / ref_rate, 5.0, "≥"),
    ]

    goals += columns.report(program, pop.frames, pop.as_of, args.runs)

    sizes = [int(s) for s in args.sizes.split(",") if s]
    scaling = memory_and_scaling(sizes)
    print("\nscaling and memory (one child process per size; peak added = VmHWM - VmRSS before the call)")
    print(f"  {'persons':>9} {'events':>11} {'persons/s':>11} {'input B/person':>15} {'peak added B/person':>20} "
          f"{'peak/input':>10}")
    for r in scaling:
        p = r["persons"]
        print(f"  {p:>9,} {r['events']:>11,} {p / r['seconds']:>11,.0f} {r['input_bytes'] / p:>15,.0f} "
              f"{r['peak_added_bytes'] / p:>20,.0f} {r['peak_added_bytes'] / r['input_bytes']:>10.2f}")
    worst = max(r["peak_added_bytes"] / r["input_bytes"] for r in scaling)
    goals.append(("peak added memory / columnar input (worst size)", worst, 2.0, "≤"))

    print("\ngoals (measured in this run)")
    failed = 0
    for name, value, goal, op in goals:
        ok = value >= goal if op == "≥" else value < goal if op == "<" else value <= goal
        failed += not ok
        print(f"  {name:<50} {value:>10.2f}  goal {op} {goal:<6g} {'met' if ok else 'NOT MET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
