"""`warehouse status`: the published warehouse (when it was built, its reports) and how the
last run went, for an operator the morning after."""

from __future__ import annotations

from pathlib import Path

from ingest.run.lock import read_holder
from ingest.run.record import latest_run

STATUS_OK = 0
STATUS_ATTENTION = 1  # no warehouse, or the last run did not publish


def status_lines(output: Path) -> tuple[list[str], int]:
    """What to print, and 0 when a warehouse is published and the last run published too."""
    output = output.absolute()
    lines = _warehouse_lines(output)
    published = not lines[0].startswith("no warehouse")
    holder = read_holder(output)
    if holder is not None:
        lines.append(f"a build is running or was killed: {holder.describe()}")
    run = latest_run(output)
    if run is None:
        lines.append(f"no run record in {output.parent / 'logs'}")
        return lines, STATUS_OK if published else STATUS_ATTENTION
    first = run["first_lines"][0] if run.get("first_lines") else ""
    lines.append(
        f"last run {run['started_at']} .. {run['finished_at']}: {run['outcome']} "
        f"(exit {run['exit_code']}): {first}"
    )
    lines += [f"  {line}" for line in run.get("first_lines", [])[1:6]]
    lines.append(f"  run record: {run.get('run_id')}.json in {output.parent / 'logs'}")
    healthy = published and run["exit_code"] in (0, 2)
    return lines, STATUS_OK if healthy else STATUS_ATTENTION


def _warehouse_lines(output: Path) -> list[str]:
    if not output.exists():
        return [f"no warehouse at {output}"]
    import duckdb

    try:
        with duckdb.connect(str(output), read_only=True) as db:
            built_at, published, quarantined, not_loaded, skipped = db.execute(
                """select built_at_utc, reports_published, reports_quarantined,
                    reports_not_loaded, files_skipped from marts.dim_build"""
            ).fetchone()
            reports = db.execute(
                """select file_name, load_status, warning from marts.dq_report_coverage
                order by file_name"""
            ).fetchall()
    except duckdb.Error as error:
        return [f"no warehouse at {output}: it cannot be read ({error})"]
    lines = [
        f"warehouse {output}: built {built_at:%Y-%m-%d %H:%M} UTC; {published} reports "
        f"published, {quarantined} quarantined, {not_loaded} not loaded, {skipped} files skipped"
    ]
    lines += [
        f"  {file_name} {status}{': ' + warning if warning else ''}"
        for file_name, status, warning in reports
    ]
    return lines
