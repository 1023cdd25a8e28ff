"""A reports folder → the records of every report loaded, each file accounted for.

Every entry of the folder gets an input record (inputs.py: read, unreadable or skipped); the
same text twice is read once and two texts claiming one report are neither loaded
(identity.py). The texts are parsed (extract.py), from the parse cache where it has them
(cache.py), on every core when there are many; a report that cannot be read is not fatal
for the others: its error, naming the file and line, becomes a reject record.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from ingest.cache import CacheFiles, ParseCache
from ingest.extract import Extraction, extract_text
from ingest.identity import REVISIONS_FILE, ReportIdentity, resolve_identities, split_duplicates
from ingest.inputs import DEFAULT_MAX_REPORT_BYTES, ReportsFolder, ReportText, read_reports_folder
from ingest.metadata import MetadataError
from ingest.records import entry_record, reject_record, text_file_record
from ingest.rejects import Reject
from ingest.reviewed import Reviewed, read_reviewed
from ingest.seeds import as_printed

NOT_LOADED = "report not loaded"

# Called after each report text is read: the text, its records (None when it was not
# loaded) and the seconds it took (None: its records came from the parse cache).
ReportDone = Callable[[ReportText, "Extraction | None", float | None], None]


def extract_reports(
    reports_dir: Path,
    reviewed: Reviewed | None = None,
    max_bytes: int = DEFAULT_MAX_REPORT_BYTES,
    on_report: ReportDone | None = None,
    cache: ParseCache | None = None,
) -> Extraction:
    """Every entry of `reports_dir` read and accounted for; InputError when the folder has
    no report text to read."""
    folder = read_reports_folder(reports_dir, max_bytes)
    return extract_folder(folder, reviewed, on_report, cache)


def extract_folder(
    folder: ReportsFolder,
    reviewed: Reviewed | None = None,
    on_report: ReportDone | None = None,
    cache: ParseCache | None = None,
    workers: int | None = None,
) -> Extraction:
    reviewed = reviewed or read_reviewed()
    result = Extraction()
    unique, duplicates = split_duplicates(folder.texts, reviewed.named_reports)
    parsed: dict[str, tuple[ReportText, Extraction]] = {}
    with _no_cycle_collection():
        for text, outcome, seconds in parse_texts(
            _distinct_ids(unique, result), reviewed, cache, workers
        ):
            if isinstance(outcome, Extraction):
                parsed[text.report_id] = (text, outcome)
            else:
                _not_loaded(result, text, "not_loaded", outcome)
            if on_report is not None:
                on_report(text, outcome if isinstance(outcome, Extraction) else None, seconds)
    resolution = resolve_identities(
        {report_id: _identity(out) for report_id, (_, out) in parsed.items()}, reviewed.revisions
    )
    files = {report_id: text.path.name for report_id, (text, _) in parsed.items()}
    for report_id, (text, out) in parsed.items():
        if report_id in resolution.superseded:
            revision = files[resolution.superseded[report_id]]
            detail = f"superseded by its reviewed revision {revision} (report_revisions.csv)"
            result.input_files.append(text_file_record(text, "superseded", detail, revision))
        elif report_id in resolution.conflicts:
            others = [files[other] for other in resolution.conflicts[report_id]]
            _not_loaded(result, text, "conflict", _conflict_reason(out, others), others)
        else:
            result.add(out)
            result.input_files.append(text_file_record(text, "loaded"))
    for duplicate in duplicates:
        kept = duplicate.same_as.path.name
        detail = f"the same text as {kept} (sha256 {duplicate.text.content_sha256[:12]}): read once"
        result.input_files.append(text_file_record(duplicate.text, "duplicate", detail, kept))
    for unreadable in folder.unreadable:
        _not_loaded_file(
            result,
            unreadable.path,
            unreadable.reason,
            unreadable.line,
            unreadable.size_bytes,
            "unreadable",
        )
    for entry in folder.skipped:
        status = "missing_text" if entry.is_missing_report else "skipped"
        if entry.is_missing_report:
            _not_loaded_file(result, entry.path, entry.reason, None, None, status)
        else:
            result.input_files.append(entry_record(entry.path, status, entry.reason))
    result.input_files.sort(key=lambda record: record["file_name"])
    return result


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Without Python's cyclic garbage collector: the records read from the parse cache or
    the workers are millions of objects that all live on, and the collector would walk them
    again and again (two thirds of the time to read 10 000 cache entries). They hold no
    reference cycles; reference counting frees everything that dies meanwhile. The parse
    workers collect as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


MIN_PARALLEL = 8  # fewer reports than this parse faster in one process than with a pool


def parse_texts(
    texts: list[ReportText],
    reviewed: Reviewed,
    cache: ParseCache | None = None,
    workers: int | None = None,
) -> Iterator[tuple[ReportText, Extraction | str, float | None]]:
    """Each text with its records (or why it could not be placed) and the seconds it took,
    in the texts' order: from the cache where it has them, else parsed, on every core when
    there are many."""
    cached = {t.report_id: cache.get(t) if cache else None for t in texts}
    files = cache.files if cache else None
    todo = [t for t in texts if cached[t.report_id] is None]
    workers = workers or os.cpu_count() or 1
    if workers > 1 and len(todo) >= MIN_PARALLEL:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context, initializer=gc.enable) as pool:
            fresh = dict(
                zip(
                    (t.report_id for t in todo),
                    pool.map(
                        _parse_one, todo, [reviewed] * len(todo), [files] * len(todo), chunksize=4
                    ),
                    strict=True,
                )
            )
    else:
        fresh = {t.report_id: _parse_one(t, reviewed, files) for t in todo}
    for text in texts:
        if cached[text.report_id] is not None:
            yield text, cached[text.report_id], None
            continue
        outcome, seconds = fresh[text.report_id]
        if cache is not None and isinstance(outcome, Extraction):
            cache.mark_staged(text)
        yield text, outcome, seconds


def _parse_one(
    text: ReportText, reviewed: Reviewed, cache: CacheFiles | None = None
) -> tuple[Extraction | str, float]:
    """One report's records, or the one-line reason it cannot be placed; and the time. The
    records are staged in the cache as printed rows here, in the worker that parsed them."""
    started = time.perf_counter()
    try:
        outcome: Extraction | str = extract_text(text, reviewed)
    except MetadataError as error:
        outcome = str(error)
    except Exception as error:  # noqa: BLE001 - a reader's bug stays with its report
        outcome = _reader_failure(error)
    if cache is not None and isinstance(outcome, Extraction):
        cache.write_staged(text, as_printed(outcome))
    return outcome, time.perf_counter() - started


def _distinct_ids(texts: list[ReportText], result: Extraction) -> list[ReportText]:
    """Texts whose report id (the file stem) no earlier file has (`a.txt`, `a.TXT`)."""
    seen: dict[str, ReportText] = {}
    for text in texts:
        if text.report_id in seen:
            reason = (
                f"{seen[text.report_id].path.name} has the same name stem, and a report's id "
                "is its file stem: rename one"
            )
            _not_loaded(result, text, "not_loaded", reason)
            continue
        seen[text.report_id] = text
    return list(seen.values())


def _reader_failure(error: Exception) -> str:
    """A reader failed on this text (a bug to report): where, so it can be found."""
    frame = traceback.extract_tb(error.__traceback__)[-1]
    where = f"{Path(frame.filename).name}:{frame.lineno}"
    return f"the ingest failed on this text ({type(error).__name__} at {where}: {error})"


def _identity(out: Extraction) -> ReportIdentity:
    (report,) = out.reports
    return ReportIdentity(
        report["municipality_code"],
        report["committee"],
        report["report_kind"],
        report["period_start"],
        report["period_end"],
    )


def _conflict_reason(out: Extraction, others: list[str]) -> str:
    (report,) = out.reports
    identity = _identity(out).describe(report["municipality"])
    return (
        f"{' and '.join(others)} also says it is {identity}, with another text: neither is "
        f"loaded; remove the wrong one, or say which replaces which in {REVISIONS_FILE}"
    )


def _not_loaded(
    result: Extraction,
    text: ReportText,
    status: str,
    reason: str,
    others: list[str] | None = None,
) -> None:
    message = f"{text.path.name}: {NOT_LOADED}: {reason}"
    result.rejects.append(
        reject_record(text.report_id, text.path.name, Reject(None, None, "", message))
    )
    same_as = ", ".join(others) if others else None
    result.input_files.append(text_file_record(text, status, reason, same_as))


def _not_loaded_file(
    result: Extraction,
    path: Path,
    reason: str,
    line: int | None,
    size: int | None,
    status: str,
) -> None:
    message = f"{path.name}{f' line {line}' if line else ''}: {NOT_LOADED}: {reason}"
    result.rejects.append(reject_record(path.stem, path.name, Reject(line, None, "", message)))
    result.input_files.append(entry_record(path, status, reason, path.stem, size))
