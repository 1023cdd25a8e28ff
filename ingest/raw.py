"""Load the ingest's raw tables into a DuckDB database, with DuckDB's own CSV reader.

The raw layer of the warehouse: one table per record kind in schema `raw`, typed by
schema.py, that dbt reads as sources (`source('ingest', 'raw_reports')`). The CSV files are
written first (seeds.py) so the load is DuckDB's reader at its own speed, not a row-by-row
insert from Python.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ingest.extract import Extraction
from ingest.schema import RAW_SCHEMA, RAW_TABLES
from ingest.seeds import write_seeds


def load_raw(extraction: Extraction, database: Path, csv_dir: Path) -> dict[str, int]:
    """Write the raw tables' CSV files to `csv_dir` and (re)create them in `database`;
    returns the rows loaded per table."""
    import duckdb

    counts = write_seeds(extraction, csv_dir)
    with duckdb.connect(str(database), config=profile_config_options()) as connection:
        connection.execute(f"create schema if not exists {RAW_SCHEMA}")
        for name, table in RAW_TABLES.items():
            connection.execute(
                f"create or replace table {RAW_SCHEMA}.{name} as "
                f"select * from read_csv(?, header = true, delim = ',', quote = '\"', "
                f"escape = '\"', columns = {_struct(table.columns)}, auto_detect = false)",
                [str(csv_dir / f"{name}.csv")],
            )
    return counts


PROFILES = Path(__file__).resolve().parent.parent / "profiles.yml"


@cache
def profile_config_options() -> dict[str, str]:
    """The DuckDB settings of the dbt profile (profiles.yml), for the connection that
    creates the database: a file's storage version is set when it is created, so the file
    the build starts must already be the one older readers can open."""
    import yaml

    profile = yaml.safe_load(PROFILES.read_text(encoding="utf-8"))
    (outputs,) = (p["outputs"] for p in profile.values())
    return {key: str(value) for key, value in outputs["build"].get("config_options", {}).items()}


def _struct(columns: dict[str, str]) -> str:
    """`{'report_id': 'VARCHAR', ...}`: the `columns` argument of read_csv."""
    return (
        "{" + ", ".join(f"'{column}': '{data_type}'" for column, data_type in columns.items()) + "}"
    )
