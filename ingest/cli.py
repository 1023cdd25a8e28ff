"""`warehouse build` and `warehouse ingest`: reports → seeds → dbt → published DuckDB file.

The build runs into a scratch file beside the output and replaces the output only when every
dbt model and test passed, so a failed build never replaces the last good warehouse.
"""

from __future__ import annotations

import argparse
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

from ingest.extract import Extraction, extract_reports, read_municipalities
from ingest.seeds import write_seeds

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REPORTS = PROJECT_ROOT / "reports"
DEFAULT_SEEDS = PROJECT_ROOT / "seeds" / "ingested"
DEFAULT_OUTPUT = PROJECT_ROOT / "warehouse.duckdb"
SCRATCH_SEEDS = PROJECT_ROOT / ".ingest"
MUNICIPALITIES = PROJECT_ROOT / "seeds" / "reference" / "municipalities.csv"
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
    findings: list[str]


def ingest(reports_dir: Path, seeds_dir: Path, validate: bool = True) -> tuple[Extraction, dict]:
    """Read every report in `reports_dir` and write the ingest seeds to `seeds_dir`."""
    extraction = extract_reports(reports_dir, read_municipalities(MUNICIPALITIES))
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


def run_dbt(database: Path, seeds_dir: Path, target_dir: Path) -> list[str]:
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


def build(reports_dir: Path, output: Path) -> BuildSummary:
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
        warnings = run_dbt(database, seeds_dir, scratch_dir / "target")
        findings = read_findings(database)
        os.replace(database, output)
        finished = time.perf_counter()
    return BuildSummary(
        extraction, counts, ingested - started, finished - ingested, warnings, findings
    )


def read_findings(database: Path) -> list[str]:
    """The indicators whose reported assessment its numbers contradict (findings about the
    reports, not failures), one line each."""
    import duckdb

    with duckdb.connect(str(database), read_only=True) as connection:
        rows = connection.sql(
            """
            select report_id, indicator, source_line, finding, reported_assessment,
                is_fulfilled
            from marts.dq_indicator_assessments
            order by report_id, source_line
            """
        ).fetchall()
    return [
        f"{report_id}:{line} {indicator!r}: {finding} (reported {assessment}, computed "
        f"fulfilled = {fulfilled})"
        for report_id, indicator, line, finding, assessment, fulfilled in rows
    ]


def _print_summary(summary: BuildSummary, output: Path) -> None:
    extraction = summary.extraction
    print(f"published {output}")
    print(
        f"  {len(extraction.reports)} reports, {len(extraction.tables)} tables, "
        f"{len(extraction.rows)} rows, {sum(c['amount'] is not None for c in extraction.cells)} "
        f"amounts (ingest {summary.ingest_seconds:.1f} s, dbt {summary.dbt_seconds:.1f} s)"
    )
    print(
        f"  {len(extraction.indicator_rows)} indicator rows, "
        f"{sum(v['value'] is not None for v in extraction.indicator_values)} indicator values, "
        f"{len(extraction.status_items)} goal and initiative status items"
    )
    for finding in summary.findings:
        print(f"  FINDING {finding}")
    for warning in summary.warnings:
        print(f"  WARNING {warning}")
    if extraction.rejects:
        print(f"  {len(extraction.rejects)} REJECTED (see marts.dq_ingest_rejects):")
        for reject in extraction.rejects:
            line = reject["source_line"] or "-"
            print(
                f"    {reject['file_name']}:{line} {reject['row_label'] or ''}: {reject['reason']}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="warehouse", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="ingest reports and publish the warehouse")
    build_cmd.add_argument("--reports", type=Path, default=DEFAULT_REPORTS)
    build_cmd.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    ingest_cmd = commands.add_parser("ingest", help="only write the ingest seeds")
    ingest_cmd.add_argument("--reports", type=Path, default=DEFAULT_REPORTS)
    ingest_cmd.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = parser.parse_args(argv)
    try:
        if args.command == "ingest":
            extraction, counts = ingest(args.reports, args.seeds)
            print(f"wrote {args.seeds}: {counts}")
        else:
            summary = build(args.reports, args.output)
            _print_summary(summary, args.output)
            extraction = summary.extraction
    except (BuildError, FileNotFoundError) as error:
        kept = getattr(args, "output", None)
        print(f"BUILD FAILED ({kept or 'nothing'} left as it was)\n{error}", file=sys.stderr)
        return 1
    for message in extraction.errors:
        print(f"ERROR {message}", file=sys.stderr)
    return 2 if extraction.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
