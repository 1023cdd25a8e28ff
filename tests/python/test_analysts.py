"""For analysts and BI tools, on the warehouse of the five reports: every mart column
described in the database, comparable activities, sick-leave measures apart, misprints
beside what the arithmetic gives, the exports, the BI connections, and the README's
queries."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from ingest.cli import main
from ingest.publish.exports import KOLADA_EXPORTS

from .conftest import NACKA_2014_T2, NACKA_2017_T1, NACKA_2018_T1, PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_every_mart_and_mart_column_carries_its_description(warehouse) -> None:
    undescribed = warehouse.execute(
        """select table_name, column_name from duckdb_columns()
        where schema_name = 'marts' and coalesce(comment, '') = ''"""
    ).fetchall()
    assert undescribed == []
    tables = warehouse.execute(
        """select count(*), count(*) filter (where coalesce(comment, '') <> '')
        from duckdb_tables() where schema_name = 'marts'"""
    ).fetchone()
    assert tables[0] >= 28 and tables[0] == tables[1]
    # written once, in a docs block, for every mart that has the column
    comments = {
        comment
        for (comment,) in warehouse.execute(
            """select distinct comment from duckdb_columns()
            where schema_name = 'marts' and column_name = 'municipality_code'"""
        ).fetchall()
    }
    assert comments == {
        "SCB's four-digit municipality code, as text with its leading zero (Nacka `0182`, "
        "Norrtälje `0188`): the key to national statistics (Kolada, SCB)."
    }
    (absence_kind,) = warehouse.execute(
        """select comment from duckdb_columns() where schema_name = 'marts'
        and table_name = 'fct_sick_leave' and column_name = 'absence_kind'"""
    ).fetchone()
    assert absence_kind.startswith("total (all sick leave, SKL's key figure 1) | short")


def test_every_budget_row_of_the_five_reports_has_an_activity(warehouse) -> None:
    assert warehouse.execute(
        "select count(*) from marts.fct_budget_outcome where activity_key is null"
    ).fetchone() == (0,)
    assert warehouse.execute("select count(*) from marts.dq_unmapped_activities").fetchone() == (0,)
    children = warehouse.execute(
        """select distinct report_id, row_label from marts.fct_budget_outcome
        where activity_key = 'children_youth' order by 1"""
    ).fetchall()
    assert children == [
        (NACKA_2017_T1, "Barn och unga"),
        (NACKA_2018_T1, "Barn och unga"),
        (NACKA_2014_T2, "IFO/Barn & Ungdom"),
        ("003_ce56c14ef47a6a38", "Barn och unga"),
    ]
    (labels,) = warehouse.execute(
        """select printed_labels from marts.dim_activity
        where activity_key = 'individual_family_care'"""
    ).fetchone()
    assert labels == "Avd f barn & vuxna; Placeringskostnader"


def readme_sql() -> list[str]:
    """The README's SQL examples, one statement each, as DuckDB splits them."""
    blocks = re.findall(r"```sql\n(.*?)```", README, re.DOTALL)
    return [s.query.strip().rstrip(";") for b in blocks for s in duckdb.extract_statements(b)]


def test_the_readme_queries_run_and_answer(warehouse) -> None:
    queries = readme_sql()
    assert len(queries) >= 10
    empty = []
    for query in queries:
        if not warehouse.execute(query).fetchall():
            empty.append(query.splitlines()[0].rstrip(";"))
    # the five reports have no unmapped file and no contradicted assessment
    assert empty == [
        "select * from marts.dq_indicator_assessments",
        "select file_name, input_status, same_as_file, detail",
    ]


def test_the_activity_example_compares_children_and_youth_across_reports(warehouse) -> None:
    (query,) = [q for q in readme_sql() if "as net_actual_tkr" in q]
    rows = warehouse.execute(query).fetchall()
    children = [(str(r[1]), r[3]) for r in rows if r[2] == "Barn och unga"]
    # Nacka: T1 2017, T1 2018, February 2020 (002's T2 2014 prints no actual per activity)
    assert children == [
        ("2017-04-30", Decimal("-36612.0000")),
        ("2018-04-30", Decimal("-40604.0000")),
        ("2020-02-29", Decimal("-27563.0000")),  # 003 line 237: 1 157 -28 720 -27 563
    ]


def test_sick_leave_measures_and_units_do_not_mix(warehouse) -> None:
    kinds = warehouse.execute(
        "select distinct absence_kind from marts.fct_sick_leave where sick_leave_pct > 10"
    ).fetchall()
    assert sorted(k for (k,) in kinds) == ["long", "total"]
    assert warehouse.execute(
        """select count(*), max(long_term_share_pct) from marts.fct_sick_leave
        where absence_kind = 'long_share' and sick_leave_pct is null"""
    ).fetchone() == (20, Decimal("100.0000"))
    units = warehouse.execute(
        """select org_unit_key from marts.fct_sick_leave
        where org_unit = 'MH STJ LSS-gruppen' and absence_kind = 'total' order by 1"""
    ).fetchall()
    assert units == [("21400",), ("21410",)]  # 000 lines 588 and 590


def test_a_misprinted_cell_carries_what_its_arithmetic_gives(warehouse) -> None:
    row = warehouse.execute(
        """select amount_tkr, amount_tkr_consistent, consistency_rule, consistency_note
        from marts.fct_budget_outcome
        where report_id = ? and row_label = 'Nämnd och nämndstöd' and flow = 'net'
            and basis = 'actual'""",
        [NACKA_2017_T1],
    ).fetchone()
    assert row == (
        Decimal(-490),
        Decimal(-511),
        "net_equals_revenue_plus_cost",
        "net_equals_revenue_plus_cost gives -511.0",
    )
    # where no rule breaks, the two are the same
    assert warehouse.execute(
        """select count(*) from marts.fct_budget_outcome
        where consistency_rule is null and amount_tkr is distinct from amount_tkr_consistent"""
    ).fetchone() == (0,)


@pytest.mark.parametrize("file_format", ["parquet", "csv"])
def test_every_mart_exports_with_its_schema(
    warehouse, warehouse_path: Path, tmp_path: Path, file_format: str
) -> None:
    folder = tmp_path / "exports"
    assert (
        main(["export", "--format", file_format, "--warehouse", str(warehouse_path), str(folder)])
        == 0
    )
    marts = [
        name
        for (name,) in warehouse.execute(
            "select table_name from duckdb_tables() where schema_name = 'marts'"
        ).fetchall()
    ]
    for name in marts:
        (expected,) = warehouse.execute(f"select count(*) from marts.{name}").fetchone()
        ((count,),) = duckdb.sql(f"select count(*) from '{folder / name}.{file_format}'").fetchall()
        assert count == expected, name
    schema = json.loads((folder / "schema.json").read_text(encoding="utf-8"))
    assert sorted(schema) == sorted(marts)
    assert all(c["description"] for mart in schema.values() for c in mart["columns"])
    # Kolada's shape: municipality code, period (year), gender, value
    path = folder / f"kolada_sick_leave.{file_format}"
    source = f"read_csv('{path}', types = {{'municipality': 'VARCHAR'}})"
    sick = duckdb.sql(
        f"""select measure, municipality, period, gender, cast(value as double)
        from {source if file_format == "csv" else repr(str(path))}
        where org_unit = '21210' and measure = 'sick_leave_total'"""
    ).fetchall()
    assert sick == [("sick_leave_total", "0182", 2017, "T", 8.78)]
    assert set(KOLADA_EXPORTS) <= {p.stem for p in folder.iterdir()}


def test_bi_tools_read_the_file_read_only(warehouse_path: Path) -> None:
    query = "select count(*) from marts.fct_budget_outcome"
    with duckdb.connect(str(warehouse_path), read_only=True) as db:
        (expected,) = db.execute(query).fetchone()
    # SQLAlchemy via duckdb-engine, as Superset or a notebook opens it: its own process
    script = (
        "import sqlalchemy, sys\n"
        "engine = sqlalchemy.create_engine('duckdb:///' + sys.argv[1], "
        "connect_args={'read_only': True})\n"
        "with engine.connect() as c:\n"
        "    print(c.execute(sqlalchemy.text(sys.argv[2])).scalar())\n"
        "    print('fct_budget_outcome' in sqlalchemy.inspect(c).get_table_names('marts'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(warehouse_path), query],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == [str(expected), "True"]
    cli = Path(sys.executable).with_name("duckdb")
    version = subprocess.run([cli, "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.startswith("v1.")  # the CLI is a DuckDB 1.x reader
    done = subprocess.run(
        [cli, "-readonly", "-csv", "-noheader", str(warehouse_path), "-c", query],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == str(expected)


def test_duckdb_1_1_reads_the_file(warehouse_path: Path, tmp_path: Path) -> None:
    """BI tools often ship an older DuckDB: the file is written for 1.1 and newer."""
    uv = Path(sys.executable).with_name("uv")
    venv = tmp_path / "duckdb11"
    subprocess.run([uv, "venv", "-q", "-p", sys.executable, str(venv)], check=True)
    subprocess.run(
        [uv, "pip", "install", "-q", "--python", str(venv / "bin" / "python"), "duckdb==1.1.3"],
        check=True,
    )
    script = (
        "import duckdb, sys; db = duckdb.connect(sys.argv[1], read_only=True); "
        "print(duckdb.__version__, db.execute('select count(*) from marts.dim_report')"
        ".fetchone()[0])"
    )
    done = subprocess.run(
        [venv / "bin" / "python", "-c", script, str(warehouse_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == ["1.1.3", "5"]


def test_the_readme_python_connections_run(warehouse_path: Path) -> None:
    blocks = re.findall(r"```python\n(.*?)```", README, re.DOTALL)
    printed = []
    for block in blocks:
        done = subprocess.run(
            [sys.executable, "-c", block],
            cwd=warehouse_path.parent,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        printed.append(done.stdout)
    assert len(printed) == 2
    assert "children_youth" in printed[0] and "IFO/Barn & Ungdom" in printed[0]
    assert printed[1].strip() == "108"
