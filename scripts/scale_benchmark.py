"""How the build scales with the number of reports: a corpus of N distinct reports, built
end to end, against a trivial dbt build timed just before it (the machines are noisy:
compare `wall / reference` across runs); per step (from the build's own run record; dbt's
models and tests overlap on its threads, so they add up to more than its build), with
reports/s and raw-table rows/s end to end, the parse's reports/s, peak memory and the
growth exponent of the wall time between sizes; then one report added to the largest
corpus and built again.

    bash scripts/benchmark.sh --scale 5 100 1000

The corpus is made from the bundled five by the next-report generator the tests use
(tests/python/next_reports.py): another municipality of the 290, the next period, headers
and labels printed anew, a row more or less with the totals kept right, footers moved; past
the first 1 450 (one report per source and municipality) the same reports two years later,
four years later and so on, up to 14 500 distinct reports (by even years: the two tertial
reports of 2017 and 2018 moved by odd years would claim each other's periods, a conflict,
and the build would load neither).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import platform
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from scripts.benchmark import TRIVIAL_PROJECT, trivial_build, write_project  # noqa: E402
from tests.python.conftest import (  # noqa: E402
    NACKA_2014_T2,
    NACKA_2017_T1,
    NACKA_2018_T1,
    NACKA_2020_FEB,
    NORRTALJE_2025_AUG,
)
from tests.python.next_reports import next_report  # noqa: E402

SOURCES = (NACKA_2017_T1, NACKA_2018_T1, NACKA_2014_T2, NACKA_2020_FEB, NORRTALJE_2025_AUG)
STEPS = (
    "ingest",
    "validate (Great Expectations)",
    "load raw tables (DuckDB)",
    "dbt parse",
    "dbt models",
    "dbt tests",
    "dbt build",
    "dbt docs generate",
    "dashboard",
    "publish",
)
LOAD_STEP = "load raw tables (DuckDB)"  # its detail: `2960160 rows in 11 tables`
SOURCE_MUNICIPALITIES = {"Nacka", "Norrtälje"}
YEARS_ON = range(0, 20, 2)


def municipalities() -> list[str]:
    path = PROJECT_ROOT / "seeds" / "reference" / "municipalities.csv"
    with path.open(encoding="utf-8") as handle:
        names = [row["municipality"] for row in csv.DictReader(handle)]
    return [name for name in names if name not in SOURCE_MUNICIPALITIES]


def write_corpus(folder: Path, count: int) -> None:
    """`count` distinct reports in `folder` (the first `count` of a fixed order, so a larger
    corpus holds the smaller ones)."""
    folder.mkdir(parents=True, exist_ok=True)
    names = municipalities()
    plan = [
        (source, name, years_on) for years_on in YEARS_ON for name in names for source in SOURCES
    ][:count]
    if len(plan) < count:
        raise SystemExit(f"the generator makes at most {len(plan)} distinct reports")
    for seed, (source, municipality, years_on) in enumerate(plan):
        change = (None, "add", "remove")[seed % 3]
        report = next_report(source, municipality, seed, row_change=change, years_on=years_on)
        path = folder / f"{report.name}.txt"
        if not path.exists():
            path.write_text(report.text, encoding="utf-8")


@dataclass(frozen=True)
class Built:
    wall: float
    steps: dict[str, float]  # seconds per step, from the build's run record
    raw_rows: int  # the rows of the raw tables the build loaded
    code: int

    def figures(self, reports: int, reference: float) -> list[str]:
        """The wall time (also in trivial dbt builds timed just before), each step's
        seconds, reports/s and rows/s end to end."""
        return [
            f"{self.wall:.1f}",
            f"{reference:.1f}",
            f"{self.wall / reference:.1f}x",
            *(f"{self.steps.get(step, float('nan')):.1f}" for step in STEPS),
            f"{reports / self.wall:.1f}",
            f"{self.raw_rows / self.wall:.0f}",
        ]


def build(reports: Path, output: Path) -> Built:
    """One `warehouse build` of `reports` into `output`, timed."""
    started = time.perf_counter()
    command = [sys.executable, "-m", "ingest.cli", "build", "--quiet"]
    done = subprocess.run(
        [*command, "--reports", str(reports), "--output", str(output)],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
    )
    wall = time.perf_counter() - started
    if done.returncode not in (0, 2):
        raise SystemExit(f"build of {reports} failed:\n{done.stdout[-3000:]}")
    (record,) = sorted((output.parent / "logs").glob(f"{output.stem}-*.json"))[-1:]
    recorded = json.loads(record.read_text(encoding="utf-8"))["steps"]
    steps = {step["step"]: step["seconds"] for step in recorded if step["step"] in STEPS}
    (load,) = (step for step in recorded if step["step"] == LOAD_STEP)
    return Built(wall, steps, int(load["detail"].split()[0]), done.returncode)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", type=int, nargs="+")
    parser.add_argument(
        "--corpus", type=Path, help="keep the generated reports here, for the next run"
    )
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    header = ["reports", "wall s", "reference s", "wall / reference", *STEPS]
    header += ["reports/s", "raw rows/s"]
    header += ["ingest reports/s", "peak MiB", "growth"]
    print(" | ".join(header))
    previous: tuple[int, float] | None = None
    with tempfile.TemporaryDirectory() as scratch:
        corpus = args.corpus or Path(scratch) / "corpus"
        trivial = Path(scratch) / "trivial"
        write_project(trivial, TRIVIAL_PROJECT)
        for size in args.sizes:
            folder = Path(scratch) / f"reports{size}"
            write_corpus(corpus, size)
            folder.mkdir()
            for path in sorted(corpus.iterdir())[:size]:
                (folder / path.name).symlink_to(path)
            output = Path(scratch) / f"out{size}" / "warehouse.duckdb"
            output.parent.mkdir()
            reference = trivial_build(trivial, size)
            built = build(folder, output)
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            growth = (
                f"{math.log(built.wall / previous[1]) / math.log(size / previous[0]):.2f}"
                if previous
                else "-"
            )
            rate = size / built.steps["ingest"] if built.steps.get("ingest") else float("nan")
            print(
                " | ".join(
                    [
                        str(size),
                        *built.figures(size, reference),
                        f"{rate:.1f}",
                        f"{peak:.0f}",
                        growth,
                    ]
                )
                + ("" if built.code == 0 else " (exit 2)")
            )
            previous = (size, built.wall)
        # one report more on the largest corpus (of a year no report of it is from): parsed
        # alone, the rest from the parse cache
        later = YEARS_ON[-1] + YEARS_ON.step
        extra = next_report(NACKA_2020_FEB, municipalities()[-1], 99999, years_on=later)
        if not (folder / f"{extra.name}.txt").exists():
            (folder / f"{extra.name}.txt").write_text(extra.text, encoding="utf-8")
        reference = trivial_build(trivial, 0)
        built = build(folder, output)
        figures = built.figures(size + 1, reference)
        print(" | ".join([f"{size} + 1 (rebuild)", *figures, "-", "-", "-"]))


if __name__ == "__main__":
    main()
