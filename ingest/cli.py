"""`warehouse build`, `status`, `export`, `ingest` and `schema`.

Exit status of `build`: 0 published, every report whole; 1 nothing published (the previous
warehouse is left as it was); 2 published, but some report is not in the marts or not all of
it (not loaded, quarantined, a truncated table, table-shaped lines and nothing placed); 3 not
run, another build of the same output holds its lock (`--no-wait`, or `--wait` ran out). The
verdict goes to stdout, its first line first, then the file, the line and the cause; the
steps as they run go to stderr (`--quiet` leaves them out). Every run leaves a run record
and dbt's log in `logs/` beside the output.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from ingest.build import (
    DEFAULT_INGESTED,
    DEFAULT_OUTPUT,
    DEFAULT_REPORTS,
    BuildError,
    BuildSummary,
    build,
    root_causes,
    write_ingested,
)
from ingest.inputs import DEFAULT_MAX_REPORT_BYTES
from ingest.publish.exports import FORMATS, export_marts
from ingest.raw import load_raw
from ingest.run.lock import LockBusy
from ingest.run.progress import Progress
from ingest.run.record import DEFAULT_KEEP_RUNS, RunRecord
from ingest.run.status import status_lines
from ingest.schema import sources_yml

EXIT_PUBLISHED = 0
EXIT_FAILED = 1
EXIT_PARTIAL = 2
EXIT_NOT_RUN = 3
SOURCES_FILE = Path(__file__).resolve().parent.parent / "models" / "staging" / "_sources.yml"
SKIPPED_STATUSES = ("duplicate", "superseded", "skipped")


def _value_counts(database: Path) -> tuple[int, int]:
    """How many table cells and indicator values have a number, from the published raw
    tables (the parse cache's reports are printed rows in the build, not records)."""
    import duckdb

    with duckdb.connect(str(database), read_only=True) as connection:
        (counts,) = connection.execute(
            "select (select count(amount) from raw.raw_table_cells),"
            " (select count(value) from raw.raw_indicator_values)"
        ).fetchall()
    return counts


def summary_lines(summary: BuildSummary, output: Path) -> list[str]:
    """The build's report, most urgent first: reports left out and why (the ingest's root
    cause before the rule it broke), warnings, then what was placed, findings, rejects."""
    outcome, extraction = summary.outcome, summary.extraction
    statuses = [c.load_status for c in outcome.coverage]
    skipped = [f for f in extraction.input_files if f["input_status"] in SKIPPED_STATUSES]
    lines = [
        f"published {output}: {len(statuses)} reports, {statuses.count('published')} published, "
        f"{statuses.count('quarantined')} quarantined, {statuses.count('rejected')} not loaded"
        + (f"; {len(skipped)} files skipped" if skipped else "")
    ]
    lines += [f"NOT LOADED {c.warning}" for c in outcome.coverage if c.load_status == "rejected"]
    lines += [
        f"SKIPPED {f['file_name']}: {f['input_status']}: {f['detail']}"
        for f in skipped
        if f["input_status"] != "skipped"
    ]
    for report in outcome.coverage:
        if report.load_status == "quarantined":
            lines.append(
                f"QUARANTINED {report.file_name}: its numbers break rules no reviewed entry "
                "explains; its facts are left out (marts.dq_quarantined_reports)"
            )
            told: set[str] = set()
            for breach in (b for b in outcome.breaches if b.file_name == report.file_name):
                if breach.root_cause and breach.root_cause not in told:
                    lines.append(f"  root cause at the ingest: {breach.root_cause}")
                    told.add(breach.root_cause)
                lines.append(f"  {breach.rule} (line {breach.source_line}): {breach.detail}")
    for report in outcome.coverage:
        if report.load_status != "rejected" and report.warning:
            lines.append(f"WARNING {report.file_name}: {report.warning}")
    amounts, indicator_values = _value_counts(output)
    lines.append(
        f"  {len(extraction.tables)} tables, {len(extraction.rows)} rows, "
        f"{amounts} amounts, "
        f"{len(extraction.indicator_rows)} indicator rows, "
        f"{indicator_values} indicator values, "
        f"{len(extraction.status_items)} status items "
        f"(ingest {summary.ingest_seconds:.1f} s, dbt {summary.dbt_seconds:.1f} s)"
    )
    for report in outcome.coverage:
        if report.load_status == "rejected":
            continue
        lines.append(
            f"  {report.file_name} {report.load_status}: {report.tables_read} "
            f"table{'' if report.tables_read == 1 else 's'} "
            f"({report.table_families or 'none'}), {report.lines_placed} of "
            f"{report.table_shaped_lines} table-shaped lines placed, "
            f"{report.lines_rejected} rejected"
        )
    lines += [f"  FINDING {finding}" for finding in outcome.findings]
    lines += [f"  WARNING {warning}" for warning in summary.warnings]
    rejected = [c for c in root_causes(extraction) if "report not loaded" not in c]
    if rejected:
        lines.append(f"  {len(rejected)} REJECTED (see marts.dq_ingest_rejects):")
        lines += [f"    {cause}" for cause in rejected]
    lines += [
        f"  SKIPPED {f['file_name']}: {f['detail']}"
        for f in skipped
        if f["input_status"] == "skipped"
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "status":
        lines, code = status_lines(args.output)
        print("\n".join(lines))
        return code
    if args.command == "schema":
        return _schema(args.check)
    if args.command == "ingest":
        return _ingest(args)
    if args.command == "export":
        return _export(args)
    return _build(args, argv if argv is not None else sys.argv[1:])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="warehouse", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="ingest reports and publish the warehouse")
    build_cmd.add_argument("--reports", type=Path, default=DEFAULT_REPORTS)
    build_cmd.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    build_cmd.add_argument(
        "--strict",
        action="store_true",
        help="a rule breach fails the build instead of quarantining its report",
    )
    waiting = build_cmd.add_mutually_exclusive_group()
    waiting.add_argument(
        "--no-wait",
        action="store_true",
        help="exit at once (status 3) when another build of the same output is running",
    )
    waiting.add_argument(
        "--wait",
        type=float,
        default=None,
        metavar="SECONDS",
        help="wait at most this long for another build of the same output (default: for ever)",
    )
    build_cmd.add_argument(
        "--max-report-mb",
        type=float,
        default=DEFAULT_MAX_REPORT_BYTES / 1024 / 1024,
        help="a larger report file is not read (default %(default).0f)",
    )
    build_cmd.add_argument(
        "--keep-runs",
        type=int,
        default=DEFAULT_KEEP_RUNS,
        help="run records and dbt logs kept in logs/ beside the output (default %(default)s)",
    )
    build_cmd.add_argument("--quiet", action="store_true", help="print no progress on stderr")
    export_cmd = commands.add_parser(
        "export", help="write every mart (and Kolada-shaped files) as Parquet or CSV"
    )
    export_cmd.add_argument("folder", type=Path, help="where the files go (created if missing)")
    export_cmd.add_argument("--format", choices=FORMATS, default="parquet")
    export_cmd.add_argument("--warehouse", type=Path, default=DEFAULT_OUTPUT)
    status_cmd = commands.add_parser("status", help="the published warehouse and the last run")
    status_cmd.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    ingest_cmd = commands.add_parser(
        "ingest", help="only read the reports: write the raw tables as CSV, or load a database"
    )
    ingest_cmd.add_argument("--reports", type=Path, default=DEFAULT_REPORTS)
    ingest_cmd.add_argument("--csv", type=Path, default=DEFAULT_INGESTED, help="CSV folder")
    ingest_cmd.add_argument(
        "--database", type=Path, help="also load the raw tables into this DuckDB file"
    )
    schema_cmd = commands.add_parser("schema", help="render models/staging/_sources.yml")
    schema_cmd.add_argument("--check", action="store_true", help="only say if it is current")
    return parser


def _build(args: argparse.Namespace, argv: list[str]) -> int:
    output = args.output
    record = RunRecord(Path(os.path.abspath(output)), args.reports, ["warehouse", *argv])
    progress = Progress(stream=None if args.quiet else sys.stderr)
    try:
        summary = build(
            args.reports,
            output,
            strict=args.strict,
            progress=progress,
            record=record,
            wait_seconds=0 if args.no_wait else args.wait,
            max_report_bytes=int(args.max_report_mb * 1024 * 1024),
        )
        lines = summary_lines(summary, output)
        code = EXIT_PARTIAL if summary.outcome.is_partial else EXIT_PUBLISHED
    except LockBusy as busy:
        lines = [f"NOT RUN: {busy}; nothing published, {output} left as it was"]
        code = EXIT_NOT_RUN
    except BuildError as error:
        lines = [f"BUILD FAILED ({output} left as it was)", *str(error).splitlines()]
        code = EXIT_FAILED
    except Exception as error:  # noqa: BLE001 - an operator gets a verdict, not a traceback
        record.data["traceback"] = traceback.format_exc()
        lines = [
            f"BUILD FAILED ({output} left as it was): internal error, a bug to report",
            f"{type(error).__name__}: {error} (the traceback is in the run record)",
        ]
        code = EXIT_FAILED
    record.data["steps"] = [step.as_record() for step in progress.steps]
    print("\n".join(lines))
    written = record.finish(code, lines, args.keep_runs)
    progress.say(f"run record: {written}" if written else "no run record: logs/ not writable")
    return code


def _ingest(args: argparse.Namespace) -> int:
    try:
        if args.database is None:
            counts = write_ingested(args.reports, args.csv)
            print(f"wrote {args.csv}: {counts}")
            return EXIT_PUBLISHED
        from ingest.build import ingest

        counts = load_raw(ingest(args.reports), args.database, args.csv)
        print(f"loaded the raw tables into {args.database} (CSV in {args.csv}): {counts}")
    except BuildError as error:
        print(f"INGEST FAILED\n{error}")
        return EXIT_FAILED
    return EXIT_PUBLISHED


def _export(args: argparse.Namespace) -> int:
    if not args.warehouse.exists():
        print(f"EXPORT FAILED: no warehouse at {args.warehouse} (build it first)")
        return EXIT_FAILED
    written = export_marts(args.warehouse, args.folder, args.format)
    print(f"wrote {len(written)} files to {args.folder}: " + ", ".join(p.name for p in written))
    return EXIT_PUBLISHED


def _schema(check: bool) -> int:
    rendered = sources_yml()
    current = SOURCES_FILE.read_text(encoding="utf-8") if SOURCES_FILE.exists() else ""
    if check:
        print(f"{SOURCES_FILE} is {'current' if current == rendered else 'STALE'}")
        return EXIT_PUBLISHED if current == rendered else EXIT_FAILED
    SOURCES_FILE.write_text(rendered, encoding="utf-8")
    print(f"wrote {SOURCES_FILE}")
    return EXIT_PUBLISHED


if __name__ == "__main__":
    raise SystemExit(main())
