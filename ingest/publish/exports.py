"""`warehouse export`: every mart as Parquet or CSV with its schema, and Kolada-shaped files
(municipality code, period, gender T/K/M, value) of sick leave and indicators, so users can
join national figures. Everything is written by DuckDB's own COPY, read-only on the
published file.
"""

from __future__ import annotations

import json
from pathlib import Path

FORMATS = ("parquet", "csv")
MARTS_SCHEMA = "marts"

# Kolada's data API gives one value per KPI, municipality (SCB code), period and gender
# (T total, K women, M men); these put the warehouse's figures in that shape.
KOLADA_EXPORTS = {
    "kolada_sick_leave": """
        select
            'sick_leave_' || absence_kind as measure,
            municipality_code as municipality,
            year(reference_period_end) as period,
            reference_period_start as period_start,
            reference_period_end as period_end,
            gender,
            org_unit_key as org_unit,
            coalesce(sick_leave_pct, long_term_share_pct) as value,
            case when absence_kind = 'long_share' then 'percent_of_sick_leave'
                else 'percent_of_working_time' end as unit,
            report_id,
            source_line
        from marts.fct_sick_leave
        order by municipality, period_end, org_unit, measure, gender
    """,
    "kolada_indicators": """
        select
            indicator_key as measure,
            municipality_code as municipality,
            year(measure_period_end) as period,
            measure_period_start as period_start,
            measure_period_end as period_end,
            'T' as gender,
            indicator,
            actual_value as value,
            unit,
            report_id,
            source_line
        from marts.fct_indicator_fulfilment
        where actual_value is not null
        order by municipality, period_end, measure
    """,
}


def mart_names(connection) -> list[str]:  # noqa: ANN001 - a duckdb connection
    return [
        name
        for (name,) in connection.execute(
            "select table_name from duckdb_tables() where schema_name = ? order by 1",
            [MARTS_SCHEMA],
        ).fetchall()
    ]


def mart_schema(connection, name: str) -> dict:  # noqa: ANN001
    """A mart's description and its columns with types and descriptions (the comments the
    build persisted from the dbt docs)."""
    (comment,) = connection.execute(
        "select comment from duckdb_tables() where schema_name = ? and table_name = ?",
        [MARTS_SCHEMA, name],
    ).fetchone()
    columns = connection.execute(
        """select column_name, data_type, comment from duckdb_columns()
        where schema_name = ? and table_name = ? order by column_index""",
        [MARTS_SCHEMA, name],
    ).fetchall()
    return {
        "table": f"{MARTS_SCHEMA}.{name}",
        "description": comment,
        "columns": [
            {"name": column, "type": data_type, "description": description}
            for column, data_type, description in columns
        ],
    }


def export_marts(database: Path, folder: Path, file_format: str) -> list[Path]:
    """Write every mart and the Kolada-shaped files into `folder` (created if missing) as
    `<name>.<format>`, and `schema.json` with every mart's columns; returns the files."""
    import duckdb

    if file_format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {file_format!r}")
    folder.mkdir(parents=True, exist_ok=True)
    options = "(format parquet)" if file_format == "parquet" else "(format csv, header true)"
    written: list[Path] = []
    with duckdb.connect(str(database), read_only=True) as connection:
        queries = {name: f"select * from {MARTS_SCHEMA}.{name}" for name in mart_names(connection)}
        schema = {name: mart_schema(connection, name) for name in queries}
        queries |= KOLADA_EXPORTS
        for name, query in queries.items():
            target = folder / f"{name}.{file_format}"
            connection.execute(f"copy ({query}) to '{_quoted(target)}' {options}")
            written.append(target)
    schema_file = folder / "schema.json"
    schema_file.write_text(json.dumps(schema, indent=2, ensure_ascii=False), encoding="utf-8")
    return [*written, schema_file]


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
