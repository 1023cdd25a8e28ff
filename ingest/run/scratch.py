"""Scratch folders: each build works in a folder of its own beside the output
(`warehouse.duckdb.build-20261207T030000Z-4242/`: the database being built, the raw CSV
files, dbt's target and log), which it removes when it ends. A killed build cannot, so the
next build of the same output removes what is left, under the output's lock (lock.py), so
never a folder of a build that is still running. Folders of other outputs are left alone.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

SCRATCH_INFIX = ".build-"
LEGACY_PREFIX = "warehouse-build-"  # the folders of builds before the lock, beside the output


def scratch_pattern(output: Path) -> str:
    return f"{output.name}{SCRATCH_INFIX}*"


def new_scratch(output: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = output.with_name(f"{output.name}{SCRATCH_INFIX}{stamp}-{os.getpid()}")
    folder.mkdir()
    return folder


def leftovers(output: Path) -> list[Path]:
    """Scratch folders of earlier builds of `output` (call it holding the output's lock)."""
    found = [path for path in output.parent.glob(scratch_pattern(output)) if path.is_dir()]
    found += [
        path
        for path in output.parent.glob(f"{LEGACY_PREFIX}*")
        if path.is_dir() and (path / output.name).exists()
    ]
    return sorted(found)


def remove_leftovers(output: Path) -> list[Path]:
    """Remove what killed builds of `output` left; returns the folders removed."""
    removed = leftovers(output)
    for folder in removed:
        shutil.rmtree(folder, ignore_errors=True)
    return removed
