"""The HTTP service under a bounded load on loopback, beside the Python API
called directly in the same run (scripts/bench-service.sh).

One-person evaluations (the sample cohort's p-1004: 80 items, 48 overdue):
wrk drives POST /programs/gr-barn-unga/evaluate on `yrkesresan serve
--workers 2` for a fixed time and connection count; the direct figures time
``Program.evaluate(text, as_of).to_json()``, the call the endpoint makes,
in one process and in two (the service's two workers). Prints a Markdown
table for the README."""

from __future__ import annotations

import argparse
import datetime
import json
import multiprocessing
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import List, Tuple

ROOT = Path(__file__).resolve().parents[1]
AS_OF = datetime.date(2026, 11, 22)


def record_text() -> str:
    cohort = json.loads((ROOT / "examples" / "cohort.json").read_text(encoding="utf-8"))
    return json.dumps(next(r for r in cohort if r["id"] == "p-1004"), ensure_ascii=False)


def direct(seconds: float) -> Tuple[int, List[float]]:
    import yrkesresan
    program, text = yrkesresan.Program.builtin("gr-barn-unga"), record_text()
    latencies: List[float] = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        t0 = time.perf_counter()
        program.evaluate(text, AS_OF).to_json()
        latencies.append(time.perf_counter() - t0)
    return len(latencies), latencies


def p99(values: List[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def wrk(url: str, seconds: int, connections: int, body: str) -> Tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "post.lua"
        script.write_text('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                          f"wrk.body = {json.dumps(body)}\n", encoding="utf-8")
        out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script), url],
                             capture_output=True, text=True, check=True, timeout=seconds + 60).stdout
    if "Non-2xx" in out:
        raise SystemExit("bench-service: the service answered errors under load:\n" + out)
    rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))  # type: ignore[union-attr]
    value, unit = re.search(r"99%\s+([0-9.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
    return rps, float(value) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[unit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=10, help="length of each measurement (default 10)")
    parser.add_argument("--connections", type=int, default=8, help="wrk's open connections (default 8)")
    args = parser.parse_args()

    n, latencies = direct(args.seconds)
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        both = pool.map(direct, [args.seconds, args.seconds])
    n2 = sum(c for c, _ in both)

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "yrkesresan.cli", "serve", "--host", "127.0.0.1",
                               "--port", str(port), "--workers", "2"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/health", timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        url = f"{base}/programs/gr-barn-unga/evaluate?as_of={AS_OF}"
        wrk(url, 2, args.connections, record_text())  # warm-up
        rps, http_p99 = wrk(url, args.seconds, args.connections, record_text())
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(f"One-person evaluations (p-1004), {os.cpu_count()} cores, {datetime.date.today()}, "
          f"{args.seconds} s each; wrk -t2 -c{args.connections} on loopback:\n")
    print("| face | evaluations/s | p99 latency |")
    print("|---|---:|---:|")
    print(f"| Python API, `Program.evaluate(...).to_json()`, 1 process | {n / args.seconds:,.0f} | {p99(latencies) * 1e3:.2f} ms |")
    print(f"| Python API, 2 processes | {n2 / args.seconds:,.0f} | {p99([x for _, l in both for x in l]) * 1e3:.2f} ms |")
    print(f"| HTTP `POST /programs/gr-barn-unga/evaluate`, `serve --workers 2` | {rps:,.0f} | {http_p99:.2f} ms |")


if __name__ == "__main__":
    main()
