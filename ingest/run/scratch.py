"""Scratch folders: each build works in a folder beside the output
(`warehouse.duckdb.build-scratch/`: the database being built, the raw CSV files, dbt's log),
which it removes when it ends. A killed build cannot, so the next build of the same output
removes what is left, under the output's lock (lock.py), so never a folder of a build that
is still running. Folders of other outputs are left alone.

The folder's name is the same for every build of an output (one build at a time holds the
lock), so the database dbt builds has the same path each night: dbt's saved parse
(`warehouse.duckdb.dbt-target/`, kept between builds) stays valid and dbt does not parse
the project anew (a profile whose path changed forces a full parse).
"""

from __future__ import annotations

import shutil
from pathlib import Path

SCRATCH_INFIX = ".build-"
LEGACY_PREFIX = "warehouse-build-"  # the folders of builds before the lock, beside the output


def scratch_pattern(output: Path) -> str:
    return f"{output.name}{SCRATCH_INFIX}*"


SCRATCH_NAME = "scratch"
DBT_TARGET_SUFFIX = ".dbt-target"


def new_scratch(output: Path) -> Path:
    """The build's scratch folder (call it holding the output's lock, after
    remove_leftovers)."""
    folder = output.with_name(f"{output.name}{SCRATCH_INFIX}{SCRATCH_NAME}")
    folder.mkdir()
    return folder


def dbt_target(output: Path) -> Path:
    """dbt's target folder of `output`'s builds, kept between them for dbt's saved parse."""
    return output.with_name(f"{output.name}{DBT_TARGET_SUFFIX}")


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


def parse_cache(output: Path) -> Path:
    """The parse results of `output`'s builds (ingest/cache.py), kept between them."""
    return output.with_name(f"{output.name}.parse-cache")
