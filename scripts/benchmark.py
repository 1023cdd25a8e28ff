"""Time the two halves of a build separately, against a reference measured in the same run,
and print the figures.

    bash scripts/benchmark.sh [--runs N]

Ingest (read reports, find and parse tables, GX validation) and the load of the raw tables
into DuckDB run in this process; the dbt build runs as the CLI runs it, in its own process,
into a scratch database. The whole `warehouse build` (lock, ingest, load, dbt, publish) is
timed as a command too, into a new output (dbt parses the project in full) and then again
into the same output (the nightly case: dbt's saved parse and the parse cache). The
reference is a trivial dbt project (one model, one test) built the same way, interleaved
run by run with the warehouse's, so a noisy machine shows in both. A second reference, dbt's
floor, is a trivial project with as many seeds, models and data tests as the warehouse's
(each a one-row table or a not_null test on one): what dbt itself spends per node, before
any of the warehouse's SQL.
Reports the median and range over N runs, the ratios of the medians, and the peak memory
(max RSS) of each half.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ingest.build import DEFAULT_REPORTS, ingest
from ingest.folder import extract_reports
from ingest.raw import load_raw
from ingest.run.dbt import DbtChild
from ingest.run.progress import Progress

TRIVIAL_PROJECT = {
    "dbt_project.yml": "name: trivial\nversion: '1.0'\nconfig-version: 2\nprofile: trivial\n",
    "profiles.yml": (
        "trivial:\n  target: build\n  outputs:\n    build:\n      type: duckdb\n"
        "      path: \"{{ env_var('TRIVIAL_PATH') }}\"\n      threads: 2\n"
    ),
    "models/one.sql": "select 1 as one\n",
    "models/one.yml": (
        "version: 2\nmodels:\n  - name: one\n    columns:\n      - name: one\n"
        "        data_tests: [not_null]\n"
    ),
}


def floor_project(manifest: Path) -> dict[str, str]:
    """A trivial project with the seeds, models and data tests the warehouse's manifest has."""
    nodes = json.loads(manifest.read_text(encoding="utf-8"))["nodes"].values()
    count = {kind: sum(n["resource_type"] == kind for n in nodes) for kind in ("seed", "model")}
    tests = sum(n["resource_type"] == "test" for n in nodes)
    models, per_model = count["model"], math.ceil(tests / count["model"])
    files = {name: text.replace("trivial", "floor") for name, text in TRIVIAL_PROJECT.items()}
    del files["models/one.sql"], files["models/one.yml"]
    files |= {f"seeds/seed{i}.csv": "a,b\n1,x\n" for i in range(count["seed"])}
    columns = ", ".join(f"{i} as c{i}" for i in range(per_model))
    files |= {f"models/m{i}.sql": f"select {columns}\n" for i in range(models)}
    tested = [(i % models, i // models) for i in range(tests)]
    files["models/m.yml"] = "version: 2\nmodels:\n" + "".join(
        f"  - name: m{model}\n    columns:\n"
        + "".join(
            f"      - name: c{column}\n        data_tests: [not_null]\n"
            for m, column in tested
            if m == model
        )
        for model in range(models)
    )
    files["dbt_project.yml"] += "models:\n  floor:\n    +materialized: table\n"
    return files


def write_project(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def _max_rss_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def trivial_build(project: Path, run: int) -> float:
    environment = os.environ | {"TRIVIAL_PATH": str(project / f"run{run}.duckdb")}
    command = [
        sys.executable,
        "-m",
        "dbt.cli.main",
        "build",
        "--project-dir",
        str(project),
        "--profiles-dir",
        str(project),
        "--target-path",
        str(project / f"target{run}"),
        "--quiet",
    ]
    started = time.perf_counter()
    subprocess.run(command, env=environment, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    parse_times: list[float] = []
    ingest_times: list[float] = []
    load_times: list[float] = []
    dbt_times: list[float] = []
    build_times: list[float] = []
    rebuild_times: list[float] = []
    reference_times: list[float] = []
    floor_times: list[float] = []
    quiet = Progress(stream=None)
    with tempfile.TemporaryDirectory() as scratch:
        trivial, floor = Path(scratch) / "trivial", Path(scratch) / "floor"
        write_project(trivial, TRIVIAL_PROJECT)
        for _ in range(args.runs):
            started = time.perf_counter()
            extract_reports(DEFAULT_REPORTS)
            parse_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            extraction = ingest(DEFAULT_REPORTS)
            ingest_times.append(time.perf_counter() - started)
        ingest_rss = _max_rss_mib(resource.RUSAGE_SELF)
        for run in range(args.runs):
            reference_times.append(trivial_build(trivial, run))
            target = Path(scratch) / f"run{run}"
            target.mkdir()
            started = time.perf_counter()
            load_raw(extraction, target / "warehouse.duckdb", target / "raw")
            load_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            with DbtChild(target / "warehouse.duckdb", target / "target", target / "logs") as dbt:
                dbt.build(quiet)
            dbt_times.append(time.perf_counter() - started)
            if run == 0:
                write_project(floor, floor_project(target / "target" / "manifest.json"))
            floor_times.append(trivial_build(floor, run))
            started = time.perf_counter()
            output = Path(scratch) / f"build{run}.duckdb"
            command = ["warehouse", "build", "--quiet", "--output", str(output)]
            subprocess.run(command, check=True, capture_output=True)
            build_times.append(time.perf_counter() - started)
            # the nightly case: the same output again, with dbt's saved parse and the parse cache
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            rebuild_times.append(time.perf_counter() - started)
        dbt_rss = _max_rss_mib(resource.RUSAGE_CHILDREN)
        size_kib = (Path(scratch) / "build0.duckdb").stat().st_size / 1024

    def line(name: str, times: list[float]) -> str:
        return (
            f"{name:<40} median {statistics.median(times):6.2f} s"
            f"  (min {min(times):.2f}, max {max(times):.2f}, {len(times)} runs)"
        )

    reports = len(list(DEFAULT_REPORTS.glob("*.txt")))
    reference = statistics.median(reference_times)
    print(f"machine: {platform.machine()}, Python {platform.python_version()}, {reports} reports")
    print(line("ingest: parse", parse_times))
    print(line("ingest: parse + GX validate", ingest_times))
    print(line("load raw tables into DuckDB", load_times))
    print(line("dbt build (seeds, models, tests)", dbt_times))
    print(line("warehouse build (the whole command)", build_times))
    print(line("warehouse build again (same output)", rebuild_times))
    print(line("reference: trivial dbt build (1 model)", reference_times))
    print(line("reference: dbt floor (as many nodes)", floor_times))
    print(f"dbt build / reference: {statistics.median(dbt_times) / reference:.1f}x (medians)")
    print(f"warehouse build / reference: {statistics.median(build_times) / reference:.1f}x")
    again = statistics.median(rebuild_times) / reference
    print(f"warehouse build again / reference: {again:.1f}x")
    print(f"dbt floor / reference: {statistics.median(floor_times) / reference:.1f}x")
    print(f"peak memory: ingest process {ingest_rss:.0f} MiB, child processes {dbt_rss:.0f} MiB")
    print(f"warehouse file: {size_kib:.0f} KiB")


if __name__ == "__main__":
    main()
