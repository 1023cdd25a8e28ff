"""Time the two halves of a build separately and print the figures.

    bash scripts/benchmark.sh [--runs N]

Ingest (read reports, find and parse tables, GX validation, write seeds) runs in this
process; the dbt build runs as the CLI runs it, in its own process, into a scratch file.
Reports the median and range over N runs, and the peak memory (max RSS) of each half.
"""

from __future__ import annotations

import argparse
import platform
import resource
import statistics
import tempfile
import time
from pathlib import Path

from ingest.cli import DEFAULT_REPORTS, PROJECT_ROOT, ingest, run_dbt


def _max_rss_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    parse_times: list[float] = []
    ingest_times: list[float] = []
    dbt_times: list[float] = []
    with tempfile.TemporaryDirectory(dir=PROJECT_ROOT / ".ingest") as scratch:
        seeds = Path(scratch) / "seeds"
        for _ in range(args.runs):
            started = time.perf_counter()
            ingest(DEFAULT_REPORTS, seeds, validate=False)
            parse_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            ingest(DEFAULT_REPORTS, seeds)
            ingest_times.append(time.perf_counter() - started)
        ingest_rss = _max_rss_mib(resource.RUSAGE_SELF)
        for run in range(args.runs):
            target = Path(scratch) / f"run{run}"
            started = time.perf_counter()
            run_dbt(target / "warehouse.duckdb", seeds, target / "target")
            dbt_times.append(time.perf_counter() - started)
        dbt_rss = _max_rss_mib(resource.RUSAGE_CHILDREN)
        size_kib = (Path(scratch) / "run0" / "warehouse.duckdb").stat().st_size / 1024

    def line(name: str, times: list[float]) -> str:
        return (
            f"{name:<34} median {statistics.median(times):6.2f} s"
            f"  (min {min(times):.2f}, max {max(times):.2f}, {len(times)} runs)"
        )

    reports = len(list(DEFAULT_REPORTS.glob("*.txt")))
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, {reports} reports")
    print(line("ingest: parse + write seeds", parse_times))
    print(line("ingest: parse + GX validate + write", ingest_times))
    print(line("dbt build (seeds, models, tests)", dbt_times))
    print(f"peak memory: ingest process {ingest_rss:.0f} MiB, dbt process {dbt_rss:.0f} MiB")
    print(f"warehouse file: {size_kib:.0f} KiB")


if __name__ == "__main__":
    main()
