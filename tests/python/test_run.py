"""The pieces of an unattended run, without a dbt build: the lock between real processes,
the scratch folders a killed build leaves, the run records kept, and the raw schema that
everything derives from."""

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from ingest.cli import SOURCES_FILE, main
from ingest.folder import extract_reports
from ingest.run.lock import BuildLock, LockBusy, holder_path
from ingest.run.record import RunRecord, prune_runs, run_records
from ingest.run.scratch import leftovers, new_scratch, remove_leftovers
from ingest.schema import RAW_TABLES, RecordList, sources_yml

from .conftest import NACKA_2018_T1, REPORTS


def _extract_text(report_id: str, text: str):  # noqa: ANN202 - an Extraction
    from ingest.extract import extract_text
    from ingest.inputs import decode_report
    from ingest.reviewed import read_reviewed

    return extract_text(decode_report(Path(f"{report_id}.txt"), text.encode()), read_reviewed())


def hold_lock(output: Path) -> subprocess.Popen:
    """Another process that takes the output's lock and keeps it until killed."""
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from ingest.run.lock import BuildLock
        with BuildLock(Path({str(output)!r}), Path("/srv/reports")):
            print("locked", flush=True)
            time.sleep(600)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline() == "locked\n"
    return process


def test_the_lock_is_held_across_processes_and_taken_over_when_its_holder_dies(
    tmp_path: Path,
) -> None:
    output = tmp_path / "warehouse.duckdb"
    holder = hold_lock(output)
    try:
        with pytest.raises(LockBusy) as busy, BuildLock(output, tmp_path, wait_seconds=0):
            pass
        assert str(busy.value).startswith(
            f"another build of {output} is running (pid {holder.pid} on "
        )
        assert str(busy.value).endswith(", reports /srv/reports)")
        waited = []
        with (
            pytest.raises(LockBusy, match=r"; gave up after 1 s$"),
            BuildLock(output, tmp_path, wait_seconds=1, on_wait=waited.append),
        ):
            pass
        assert [h.pid for h in waited] == [holder.pid]
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    # the kernel released the killed holder's lock; its holder file tells what happened
    with BuildLock(output, tmp_path, wait_seconds=0) as lock:
        assert lock.taken_over is not None and lock.taken_over.pid == holder.pid
        assert json.loads(holder_path(output).read_text())["pid"] == os.getpid()
    assert not holder_path(output).exists()
    with BuildLock(output, tmp_path, wait_seconds=0) as lock:
        assert lock.taken_over is None


def test_a_waiting_build_goes_on_when_the_holder_ends(tmp_path: Path) -> None:
    output = tmp_path / "warehouse.duckdb"
    holder = hold_lock(output)
    started = time.monotonic()
    subprocess.Popen(["sh", "-c", f"sleep 1; kill {holder.pid}"])
    with BuildLock(output, tmp_path) as lock:
        assert lock.waited_seconds >= 0.5
    assert time.monotonic() - started < 30
    holder.wait()


def test_leftovers_are_only_the_scratch_folders_of_that_output(tmp_path: Path) -> None:
    output = tmp_path / "warehouse.duckdb"
    mine = new_scratch(output)
    (mine / "warehouse.duckdb.wal").write_bytes(b"partial")
    other = new_scratch(tmp_path / "other.duckdb")
    legacy = tmp_path / "warehouse-build-abc123"
    legacy.mkdir()
    (legacy / "warehouse.duckdb").write_bytes(b"partial")
    unrelated = tmp_path / "warehouse-build-notes"
    unrelated.mkdir()
    assert leftovers(output) == sorted([mine, legacy])
    assert remove_leftovers(output) == sorted([mine, legacy])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([other.name, unrelated.name])


def test_the_last_runs_are_kept_per_output(tmp_path: Path) -> None:
    output = tmp_path / "warehouse.duckdb"
    (tmp_path / "logs").mkdir()
    for day in range(1, 6):
        for stem in ("warehouse", "warehouse-2"):
            name = f"{stem}-202612{day:02d}T030000Z-{100 + day}"
            (tmp_path / "logs" / f"{name}.json").write_text("{}")
            (tmp_path / "logs" / f"{name}.dbt.log").write_text("")
    prune_runs(output, keep=2)
    assert [p.name for p in run_records(output)] == [
        "warehouse-20261204T030000Z-104.json",
        "warehouse-20261205T030000Z-105.json",
    ]
    assert len(run_records(tmp_path / "warehouse-2.duckdb")) == 5
    assert not (tmp_path / "logs" / "warehouse-20261201T030000Z-101.dbt.log").exists()
    record = RunRecord(output, REPORTS, ["warehouse", "build"])
    written = record.finish(1, ["BUILD FAILED (x left as it was)", "why"], keep=2)
    assert written in run_records(output) and len(run_records(output)) == 2
    assert json.loads(written.read_text())["outcome"] == "failed"


def test_every_record_has_exactly_its_raw_tables_columns() -> None:
    extraction = extract_reports(REPORTS)
    # a line of 001 that cannot be read, so the rejects have a record too
    lines = (REPORTS / f"{NACKA_2018_T1}.txt").read_text(encoding="utf-8").split("\n")
    lines[520] = "Barn och unga 1 906 -42 510 -40 6O4 -36 413 -4 191 "
    extraction.rejects += [r for r in _extract_text(NACKA_2018_T1, "\n".join(lines)).rejects]
    for name, table in RAW_TABLES.items():
        records = getattr(extraction, table.kind)
        assert records, name
        for record in records:
            assert list(record) == table.column_names, name


def test_records_are_kept_in_the_schemas_column_order_and_read_back_unchanged() -> None:
    extraction = extract_reports(REPORTS)
    cells = extraction.cells
    assert isinstance(cells, RecordList) and len(cells) == len(cells.rows) == 721
    first = cells[0]
    assert list(first) == RAW_TABLES["raw_table_cells"].column_names
    assert first["report_id"] == "000_03715a84921bc2c5"
    copy = RecordList("cells")
    copy.extend(cells)
    assert copy == cells and copy[-1] == dict(cells[-1])
    with pytest.raises(TypeError):  # a change to a record read back would be lost
        first["amount"] = 0
    moved = dict(reversed(list(first.items())))  # a builder that drifts from the schema
    with pytest.raises(ValueError, match="the raw table"):
        copy.append(moved)
    with pytest.raises(ValueError, match="the raw table"):
        copy.append({**first, "extra": 1})
    copy[0] = {**first, "amount": None}
    assert copy[0]["amount"] is None and cells[0]["amount"] == first["amount"]


def test_the_dbt_sources_are_rendered_from_the_raw_schema(capsys) -> None:
    assert SOURCES_FILE.read_text(encoding="utf-8") == sources_yml(), (
        "models/staging/_sources.yml is stale: run `warehouse schema`"
    )
    assert main(["schema", "--check"]) == 0
    assert capsys.readouterr().out.strip().endswith("_sources.yml is current")


def test_dbt_parses_before_the_raw_tables_exist_and_stops_when_not_told_to_build(
    tmp_path: Path,
) -> None:
    """The build starts dbt before its ingest: dbt's parse must not open the database the
    ingest is about to create, and a build whose ingest failed leaves no dbt behind."""
    from ingest.run.dbt import DbtChild

    database = tmp_path / "warehouse.duckdb"
    with DbtChild(database, tmp_path / "target", tmp_path / "logs") as child:
        assert child.process.stdout is not None
        events = (json.loads(line) for line in child.process.stdout if line.startswith("{"))
        parse = next(e["data"] for e in events if e["info"]["name"] == "ChildStep")
        assert (parse["step"], parse["ok"]) == ("parse", True)
        assert child.process.poll() is None  # waiting to be told to build
        assert not database.exists()
    assert child.process.returncode is not None
    assert not database.exists()
    assert (tmp_path / "target" / "partial_parse.msgpack").exists()
