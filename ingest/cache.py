"""Parse results kept between builds, so a rebuild with one new report parses one report.

An entry is one report's records, stored under a key of everything they depend on: the
report's text (its content hash), its file (name, size, encoding and line endings, which
its report record carries), the ingest's code and the reviewed data it reads
(seeds/reference). Change any of them and the report is parsed
again; nothing is ever reused across a code or review change. Entries no build asked for
are removed when a build ends, so the cache holds one build's reports.

A build stages what it parsed and commits it once Great Expectations passed those records:
an entry is a report the ingest's own validation accepted, so a later build validates only
the reports it parsed itself (the suites are code, so their change is a code change too).
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ingest.inputs import ReportText

INGEST_DIR = Path(__file__).resolve().parent
REFERENCE_DIR = INGEST_DIR.parent / "seeds" / "reference"
SUFFIX = ".pickle"
STAGED_SUFFIX = ".staged"  # parsed, not yet validated


@cache
def fingerprint() -> str:
    """The hash of the ingest's code and of the reviewed data it reads."""
    digest = hashlib.sha256()
    for path in sorted(INGEST_DIR.rglob("*.py")) + sorted(REFERENCE_DIR.glob("*.csv")):
        digest.update(path.relative_to(INGEST_DIR.parent).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class CacheFiles:
    """Where an entry is and how it is written: what a parse worker needs (small to send)."""

    folder: Path
    code: str

    def key(self, text: ReportText) -> str:
        parts = (
            self.code,
            text.path.name,
            str(text.size_bytes),
            text.encoding,
            text.line_endings,
            text.content_sha256,
        )
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def write_staged(self, text: ReportText, value: object) -> None:
        """Keep `value` for `text`, not yet validated."""
        key = self.key(text)
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = self.folder / f"{key}.{os.getpid()}.partial"
        with partial.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(self.folder / f"{key}{STAGED_SUFFIX}")


class ParseCache:
    def __init__(self, folder: Path, code_fingerprint: str | None = None) -> None:
        self.files = CacheFiles(folder, code_fingerprint or fingerprint())
        self.used: set[str] = set()
        self.staged: dict[str, str] = {}  # report id -> key, parsed by this build
        self.hits = 0
        self.misses = 0

    @property
    def folder(self) -> Path:
        return self.files.folder

    def key(self, text: ReportText) -> str:
        return self.files.key(text)

    def get(self, text: ReportText) -> object | None:
        key = self.key(text)
        self.used.add(key)
        path = self.folder / f"{key}{SUFFIX}"
        try:
            with path.open("rb") as handle:
                value = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, text: ReportText, value: object) -> None:
        """Keep `value` for `text`, validated."""
        self.stage(text, value)
        self.commit()

    def stage(self, text: ReportText, value: object) -> None:
        """Keep `value` for `text`, to be read back only after `commit`."""
        self.files.write_staged(text, value)
        self.mark_staged(text)

    def mark_staged(self, text: ReportText) -> None:
        """`text`'s entry was staged (by a parse worker, with `files`)."""
        key = self.key(text)
        self.used.add(key)
        self.staged[text.report_id] = key

    def commit(self) -> None:
        """The staged entries passed validation: later builds read them."""
        for key in self.staged.values():
            (self.folder / f"{key}{STAGED_SUFFIX}").replace(self.folder / f"{key}{SUFFIX}")
        self.staged.clear()

    def prune(self) -> int:
        """Remove the entries this build did not ask for; returns how many."""
        removed = 0
        for path in self.folder.glob("*"):
            if path.stem not in self.used or path.suffix != SUFFIX:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
