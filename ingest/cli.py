"""`warehouse build` and `warehouse ingest`.

Exit status of `build`: 0 published, every report whole; 1 nothing published (the previous
warehouse is left as it was); 2 published, but some report is not in the marts or not all of
it (not loaded, quarantined, a truncated table, table-shaped lines and nothing placed): the
first lines printed name the file, the line and the cause.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ingest.build import (
    DEFAULT_OUTPUT,
    DEFAULT_REPORTS,
    DEFAULT_SEEDS,
    BuildError,
    BuildSummary,
    build,
    ingest,
    root_causes,
)

EXIT_PUBLISHED = 0
EXIT_FAILED = 1
EXIT_PARTIAL = 2


def summary_lines(summary: BuildSummary, output: Path) -> list[str]:
    """The build's report, most urgent first: reports left out and why (the ingest's root
    cause before the rule it broke), warnings, then what was placed, findings, rejects."""
    outcome, extraction = summary.outcome, summary.extraction
    statuses = [c.load_status for c in outcome.coverage]
    lines = [
        f"published {output}: {len(statuses)} reports, {statuses.count('published')} published, "
        f"{statuses.count('quarantined')} quarantined, {statuses.count('rejected')} not loaded"
    ]
    lines += [f"NOT LOADED {c.warning}" for c in outcome.coverage if c.load_status == "rejected"]
    for report in outcome.coverage:
        if report.load_status == "quarantined":
            lines.append(
                f"QUARANTINED {report.file_name}: its numbers break rules no reviewed entry "
                "explains; its facts are left out (marts.dq_quarantined_reports)"
            )
            for breach in (b for b in outcome.breaches if b.file_name == report.file_name):
                if breach.root_cause:
                    lines.append(f"  root cause at the ingest: {breach.root_cause}")
                lines.append(f"  {breach.rule} (line {breach.source_line}): {breach.detail}")
    for report in outcome.coverage:
        if report.load_status != "rejected" and report.warning:
            lines.append(f"WARNING {report.file_name}: {report.warning}")
    lines.append(
        f"  {len(extraction.tables)} tables, {len(extraction.rows)} rows, "
        f"{sum(c['amount'] is not None for c in extraction.cells)} amounts, "
        f"{len(extraction.indicator_rows)} indicator rows, "
        f"{sum(v['value'] is not None for v in extraction.indicator_values)} indicator values, "
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
    return lines


def main(argv: list[str] | None = None) -> int:
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
    ingest_cmd = commands.add_parser("ingest", help="only write the ingest seeds")
    ingest_cmd.add_argument("--reports", type=Path, default=DEFAULT_REPORTS)
    ingest_cmd.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = parser.parse_args(argv)
    try:
        if args.command == "ingest":
            _, counts = ingest(args.reports, args.seeds)
            print(f"wrote {args.seeds}: {counts}")
            return EXIT_PUBLISHED
        summary = build(args.reports, args.output, strict=args.strict)
    except (BuildError, FileNotFoundError) as error:
        kept = getattr(args, "output", None)
        print(f"BUILD FAILED ({kept or 'nothing'} left as it was)\n{error}", file=sys.stderr)
        return EXIT_FAILED
    print("\n".join(summary_lines(summary, args.output)))
    return EXIT_PARTIAL if summary.outcome.is_partial else EXIT_PUBLISHED


if __name__ == "__main__":
    raise SystemExit(main())
