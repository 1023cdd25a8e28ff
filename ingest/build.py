"""Reports → seeds → dbt → a published DuckDB file.

The build runs into a scratch file beside the output and replaces the output only when every
dbt model and test passed, so a failed build never replaces the last good warehouse. A
report whose numbers break a rule is quarantined inside the build (its facts stay out of the
marts) and the others publish; with `strict`, such a breach fails the build instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ingest.extract import Extraction, extract_reports
from ingest.outcome import BuildOutcome, read_outcome
from ingest.seeds import write_seeds

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REPORTS = PROJECT_ROOT / "reports"
DEFAULT_SEEDS = PROJECT_ROOT / "seeds" / "ingested"
DEFAULT_OUTPUT = PROJECT_ROOT / "warehouse.duckdb"
SCRATCH_SEEDS = PROJECT_ROOT / ".ingest"
MAX_FAILURE_ROWS = 20


class BuildError(RuntimeError):
    pass


@dataclass
class BuildSummary:
    extraction: Extraction
    seed_counts: dict[str, int]
    ingest_seconds: float
    dbt_seconds: float
    warnings: list[str]
    outcome: BuildOutcome


def ingest(reports_dir: Path, seeds_dir: Path, validate: bool = True) -> tuple[Extraction, dict]:
    """Read every report in `reports_dir` and write the ingest seeds to `seeds_dir`."""
    extraction = extract_reports(reports_dir)
    if not extraction.reports:
        raise BuildError("no report could be read:\n" + "\n".join(extraction.errors))
    if validate:
        from ingest.validate import validate_extraction

        failures = validate_extraction(extraction)
        if failures:
            raise BuildError(
                "ingest output failed validation:\n" + "\n".join(f"  {f}" for f in failures)
            )
    return extraction, write_seeds(extraction, seeds_dir)


def run_dbt(database: Path, seeds_dir: Path, target_dir: Path, strict: bool = False) -> list[str]:
    """`dbt build` into `database`; raise BuildError listing what failed and why, else
    return the warnings (tests of severity warn that found rows).

    dbt runs in its own process so that DuckDB closes (and checkpoints) the file before it
    is published.
    """
    environment = os.environ | {
        "WAREHOUSE_BUILD_PATH": str(database),
        "WAREHOUSE_INGEST_SEEDS": os.path.relpath(seeds_dir, PROJECT_ROOT),
        "WAREHOUSE_TARGET_PATH": str(target_dir),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }
    command = [
        sys.executable,
        "-m",
        "dbt.cli.main",
        "build",
        "--project-dir",
        str(PROJECT_ROOT),
        "--profiles-dir",
        str(PROJECT_ROOT),
        "--log-path",
        str(target_dir / "logs"),
        "--quiet",
        "--vars",
        json.dumps({"quarantine_reports": not strict}),
    ]
    outcome = subprocess.run(command, env=environment, capture_output=True, text=True)
    results_file = target_dir / "run_results.json"
    if not results_file.exists():
        raise BuildError(f"dbt build did not run:\n{outcome.stdout}{outcome.stderr}")
    results = json.loads(results_file.read_text(encoding="utf-8"))["results"]
    if outcome.returncode != 0:
        raise BuildError("dbt build failed:\n" + _describe_failures(results, database))
    return [f"{r['unique_id']}: {r['message']}" for r in results if r["status"] == "warn"]


def _describe_failures(results: list[dict], database: Path) -> str:
    """One paragraph per failed node; for a failed data test, the offending rows."""
    import duckdb

    lines: list[str] = []
    for result in results:
        if result["status"] not in ("fail", "error"):
            continue
        lines.append(f"- {result['unique_id']}: {result['message']}")
        if not result["unique_id"].startswith("test.") or not result.get("compiled_code"):
            continue
        try:
            with duckdb.connect(str(database), read_only=True) as connection:
                query = f"select * from ({result['compiled_code']}) limit {MAX_FAILURE_ROWS}"
                frame = connection.sql(query).df()
        except duckdb.Error as error:
            lines.append(f"    (could not list its rows: {error})")
            continue
        for record in frame.to_dict("records"):
            lines.append("    " + _describe_row(record))
    return "\n".join(lines)


def _describe_row(record: dict) -> str:
    if {"report_id", "indicator", "rule", "detail"} <= record.keys():
        return (
            f"report {record['report_id']}, indicator {record['indicator']!r} "
            f"(line {record.get('source_line')}): {record['rule']}: {record['detail']}"
        )
    if {"report_id", "table_id", "row_label", "expected_value", "printed_value"} <= record.keys():
        return (
            f"report {record['report_id']}, table {record['table_id']}, "
            f"row {record['row_label']!r} (line {record.get('source_line')}), "
            f"column {record.get('column_header')!r}: {record.get('rule')} expected "
            f"{record['expected_value']}, printed {record['printed_value']}, difference "
            f"{record['printed_value'] - record['expected_value']}"
        )
    return ", ".join(f"{key}={value}" for key, value in record.items())


def root_causes(extraction: Extraction) -> list[str]:
    """What the ingest could not read, file and line first: the cause a later broken rule
    usually has."""
    return [
        f"{reject['file_name']}:{reject['source_line'] or '-'}"
        f"{' (table ' + reject['table_id'] + ')' if reject['table_id'] else ''}: "
        f"{reject['reason']}" + (f": {reject['printed_text']!r}" if reject["printed_text"] else "")
        for reject in extraction.rejects
    ]


@contextmanager
def _seeds_folder(bundled: bool) -> Iterator[Path]:
    """Where the ingest seeds go: seeds/ingested for the bundled reports, else a scratch
    folder inside the project (dbt needs seed paths relative to the project: it mirrors them
    under its target folder, and an absolute path would overwrite the seeds themselves)."""
    if bundled:
        yield DEFAULT_SEEDS
        return
    SCRATCH_SEEDS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="seeds-", dir=SCRATCH_SEEDS) as folder:
        yield Path(folder)


def build(reports_dir: Path, output: Path, strict: bool = False) -> BuildSummary:
    """Ingest `reports_dir` and publish a tested warehouse at `output` (atomically)."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    bundled = reports_dir.resolve() == DEFAULT_REPORTS.resolve()
    with (
        tempfile.TemporaryDirectory(prefix="warehouse-build-", dir=output.parent) as scratch,
        _seeds_folder(bundled) as seeds_dir,
    ):
        scratch_dir = Path(scratch)
        started = time.perf_counter()
        extraction, counts = ingest(reports_dir, seeds_dir)
        ingested = time.perf_counter()
        database = scratch_dir / output.name
        try:
            warnings = run_dbt(database, seeds_dir, scratch_dir / "target", strict)
        except BuildError as error:
            causes = root_causes(extraction)
            if causes:
                raise BuildError(
                    "root causes at the ingest:\n"
                    + "\n".join(f"  {c}" for c in causes)
                    + f"\n{error}"
                ) from error
            raise
        outcome = read_outcome(database)
        os.replace(database, output)
        finished = time.perf_counter()
    return BuildSummary(
        extraction, counts, ingested - started, finished - ingested, warnings, outcome
    )
