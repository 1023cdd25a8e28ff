"""Reports → raw tables → dbt → a published DuckDB file, safe to run unattended.

Before anything is created, the reports folder and the output's folder are checked (a clear
BuildError names the path). Then, holding the output's lock (run/lock.py: one build at a
time per output; a second waits, or gives up with `wait_seconds=0`), the build removes what
killed builds of the same output left (run/scratch.py) and works in a scratch folder of its
own beside the output: it starts dbt, which parses the project meanwhile (run/dbt.py),
reads every report (inputs.py, identity.py, extract.py), loads the records into the raw
schema of a new database with DuckDB's reader (raw.py), has dbt build it while Great
Expectations validates the records of the reports it parsed (those from the parse cache
passed when they were parsed), writes the dbt docs
page and the dashboard (publish/), and replaces the output and the two pages only when the
validation and every model and test passed, so a failed build never replaces the last good
warehouse. A report whose numbers break a rule is quarantined inside the build (its facts
stay out of the marts) and the others publish; with `strict`, such a breach fails the build.
"""

from __future__ import annotations

import os
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ingest.cache import ParseCache
from ingest.extract import Extraction
from ingest.folder import extract_reports
from ingest.inputs import DEFAULT_MAX_REPORT_BYTES, InputError, ReportText, check_reports_folder
from ingest.outcome import BuildOutcome, read_outcome
from ingest.publish.dashboard import DASHBOARD_SUFFIX, failed_dashboard, write_dashboard
from ingest.raw import load_raw
from ingest.run.dbt import DbtChild, DbtRun
from ingest.run.errors import BuildError
from ingest.run.lock import BuildLock, Holder
from ingest.run.progress import Progress
from ingest.run.record import RunRecord
from ingest.run.scratch import dbt_target, new_scratch, parse_cache, remove_leftovers
from ingest.seeds import write_seeds

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REPORTS = PROJECT_ROOT / "reports"
DEFAULT_INGESTED = PROJECT_ROOT / "ingested"
DEFAULT_OUTPUT = PROJECT_ROOT / "warehouse.duckdb"
DOCS_SUFFIX = "-docs.html"  # the dbt docs site, one static page beside the warehouse

__all__ = ["BuildError", "BuildSummary", "build", "ingest", "root_causes"]


@dataclass
class BuildSummary:
    extraction: Extraction
    raw_counts: dict[str, int]
    ingest_seconds: float
    dbt_seconds: float
    warnings: list[str]
    outcome: BuildOutcome
    dbt: DbtRun = field(default_factory=DbtRun)


def ingest(
    reports_dir: Path,
    validate: bool = True,
    progress: Progress | None = None,
    max_report_bytes: int = DEFAULT_MAX_REPORT_BYTES,
    cache: ParseCache | None = None,
) -> Extraction:
    """Read every entry of `reports_dir`; BuildError when the folder has nothing to read or
    the records fail validation."""
    progress = progress or Progress(stream=None)

    def report_done(text: ReportText, out: Extraction | None, seconds: float | None) -> None:
        detail = (
            f"{_count(out.tables, 'table')}, {_count(out.indicator_rows, 'indicator row')}, "
            f"{_count(out.rejects, 'rejected line')}"
            if out is not None
            else "not loaded"
        )
        if seconds is None:
            detail, seconds = f"{detail} (from the parse cache)", 0.0
        progress.record(f"ingest {text.path.name}", seconds, detail)

    try:
        with progress.step("ingest") as step:
            extraction = extract_reports(reports_dir, None, max_report_bytes, report_done, cache)
            step.detail = (
                f"{extraction.loaded_files} of {len(extraction.input_files)} files loaded, "
                f"{len(extraction.tables)} tables, {len(extraction.rows)} rows"
                + (f"; {_count(range(cache.hits), 'report')} from the parse cache" if cache else "")
            )
    except InputError as error:
        raise BuildError(str(error)) from error
    if validate:
        _raise_on_failures(validate_records(extraction, progress))
    return extraction


def validate_records(extraction: Extraction, progress: Progress, detail: str = "") -> list:
    """The records' Great Expectations failures (GX is imported here, only when it runs)."""
    with progress.step("validate (Great Expectations)") as step:
        from ingest.validate import validate_extraction

        step.detail = detail
        return validate_extraction(extraction)


def validate_parsed(extraction: Extraction, cache: ParseCache, progress: Progress) -> list:
    """Validate the reports this build parsed (the cache's reports passed when they were
    parsed) and the folder's own records; keep the parsed ones in the cache if they pass."""
    parsed = extraction.of_reports(cache.staged.keys())
    detail = (
        f"{_count(parsed.reports, 'report')} parsed by this build; "
        f"{len(extraction.reports) - len(parsed.reports)} from the parse cache passed before"
    )
    failures = validate_records(parsed, progress, detail)
    if not failures:
        cache.commit()
    return failures


def _raise_on_failures(failures: list) -> None:
    if failures:
        raise BuildError(
            "ingest output failed validation:\n" + "\n".join(f"  {f}" for f in failures)
        )


def _count(items, noun: str) -> str:  # noqa: ANN001 - anything with a length
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"


def write_ingested(reports_dir: Path, folder: Path) -> dict[str, int]:
    """The raw tables as CSV files (`warehouse ingest`): the reviewable copy."""
    return write_seeds(ingest(reports_dir), folder)


def root_causes(extraction: Extraction) -> list[str]:
    """What the ingest could not read, file and line first: the cause a later broken rule
    usually has."""
    return [
        f"{reject['file_name']}:{reject['source_line'] or '-'}"
        f"{' (table ' + reject['table_id'] + ')' if reject['table_id'] else ''}: "
        f"{reject['reason']}" + (f": {reject['printed_text']!r}" if reject["printed_text"] else "")
        for reject in extraction.rejects
    ]


def check_output(output: Path) -> Path:
    """The output path made absolute; BuildError when its folder cannot take it. Nothing
    is created."""
    output = Path(os.path.abspath(output))
    folder = output.parent
    if not folder.exists():
        raise BuildError(
            f"the output folder {folder} does not exist: create it first (mkdir -p {folder})"
        )
    if not folder.is_dir():
        raise BuildError(f"the output's folder {folder} is not a folder")
    if output.is_dir():
        raise BuildError(f"the output {output} is a folder, not a database file")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BuildError(
            f"cannot write in the output folder {folder} (read-only or not ours): the build "
            "writes its scratch folder, lock and logs beside the output"
        )
    return output


def build(
    reports_dir: Path,
    output: Path,
    strict: bool = False,
    *,
    progress: Progress | None = None,
    record: RunRecord | None = None,
    wait_seconds: float | None = None,
    max_report_bytes: int = DEFAULT_MAX_REPORT_BYTES,
) -> BuildSummary:
    """Ingest `reports_dir` and publish a tested warehouse at `output` (atomically)."""
    progress = progress or Progress(stream=None)
    reports_dir = Path(os.path.abspath(reports_dir))
    try:
        check_reports_folder(reports_dir)
    except InputError as error:
        raise BuildError(str(error)) from error
    output = check_output(output)

    def waiting(holder: Holder | None) -> None:
        who = holder.describe() if holder else "holder unknown"
        progress.say(f"waiting for the build of {output} that is running ({who})")

    try:
        lock = BuildLock(output, reports_dir, wait_seconds, waiting)
        with lock:
            if lock.taken_over is not None:
                killed = lock.taken_over.describe()
                progress.say(f"took over the lock of a build that did not finish ({killed})")
            for folder in remove_leftovers(output):
                progress.say(f"removed {folder.name}, left by a build that did not finish")
            scratch = new_scratch(output)
            try:
                return _build_in(
                    scratch, reports_dir, output, strict, progress, record, max_report_bytes
                )
            finally:
                if record is not None:
                    record.keep_dbt_log(scratch / "dbt-logs" / "dbt.log")
                shutil.rmtree(scratch, ignore_errors=True)
    except OSError as error:
        raise BuildError(f"cannot write beside the output {output}: {error}") from error


def _build_in(
    scratch: Path,
    reports_dir: Path,
    output: Path,
    strict: bool,
    progress: Progress,
    record: RunRecord | None,
    max_report_bytes: int,
) -> BuildSummary:
    started = time.perf_counter()
    cache = ParseCache(parse_cache(output))
    database = scratch / output.name
    with DbtChild(database, dbt_target(output), scratch / "dbt-logs", strict, docs=True) as child:
        extraction = ingest(reports_dir, False, progress, max_report_bytes, cache)
        if record is not None:
            record.data["inputs"] = extraction.input_files
            record.data["rejects"] = root_causes(extraction)
        if not extraction.reports:
            raise BuildError("no report could be read:\n" + "\n".join(root_causes(extraction)))
        with progress.step("load raw tables (DuckDB)") as step:
            counts = load_raw(extraction, database, scratch / "raw")
            step.detail = f"{sum(counts.values())} rows in {len(counts)} tables"
        ingested = time.perf_counter()
        progress.say("dbt build ...")
        dbt = _dbt_while_validating(extraction, cache, child, progress)
    progress.record("dbt build", dbt.seconds)
    progress.record("dbt docs generate", dbt.docs_seconds)
    assert dbt.docs_page is not None
    docs = dbt.docs_page
    outcome = read_outcome(database)
    dashboard = scratch / f"{output.stem}{DASHBOARD_SUFFIX}"
    try:
        with progress.step("dashboard"):
            write_dashboard(database, dashboard)
    except Exception as error:  # noqa: BLE001 - the charts are not the warehouse
        problem = f"dashboard not drawn ({type(error).__name__}: {error}); the marts are whole"
        dbt.warnings.append(problem)
        dashboard.write_text(failed_dashboard(problem), encoding="utf-8")
    with progress.step("publish", announce=False) as step:
        os.replace(database, output)
        os.replace(docs, output.with_name(f"{output.stem}{DOCS_SUFFIX}"))
        os.replace(dashboard, output.with_name(dashboard.name))
        step.detail = f"{output}, {output.stem}{DOCS_SUFFIX}, {dashboard.name}"
    cache.prune()
    summary = BuildSummary(
        extraction,
        counts,
        ingested - started,
        time.perf_counter() - ingested,
        dbt.warnings,
        outcome,
        dbt,
    )
    if record is not None:
        record.data |= _record_data(summary, output)
    return summary


def _dbt_while_validating(
    extraction: Extraction, cache: ParseCache, child: DbtChild, progress: Progress
) -> DbtRun:
    """`dbt build` while GX validates the parsed records (dbt builds in its own process,
    on the other core); a validation failure is told before anything dbt found, and a dbt
    failure after the ingest's root causes."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        validation = pool.submit(validate_parsed, extraction, cache, progress)
        try:
            dbt = child.build(progress)
        except BuildError as error:
            _raise_on_failures(validation.result())
            causes = root_causes(extraction)
            if not causes:
                raise
            raise BuildError(
                "root causes at the ingest:\n" + "\n".join(f"  {c}" for c in causes) + f"\n{error}"
            ) from error
        _raise_on_failures(validation.result())
        return dbt


def _record_data(summary: BuildSummary, output: Path) -> dict[str, object]:
    outcome = summary.outcome
    return {
        "published": str(output),
        "counts": summary.raw_counts
        | {f"dbt_{phase}": dict(counts) for phase, counts in summary.dbt.counts.items()},
        "reports": [report.__dict__ for report in outcome.coverage],
        "quarantined": [c.file_name for c in outcome.coverage if c.load_status == "quarantined"],
        "breaches": [breach.__dict__ for breach in outcome.breaches],
        "findings": outcome.findings,
        "warnings": summary.warnings,
    }
