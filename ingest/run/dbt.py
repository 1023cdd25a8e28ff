"""`dbt build` in its own process (so DuckDB closes and checkpoints the file before it is
published), its progress read from dbt's JSON log events as they come, and what failed
described with the offending rows."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ingest.run.errors import BuildError
from ingest.run.progress import Progress

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MAX_FAILURE_ROWS = 20
RESULT_EVENTS = {
    "LogSeedResult": "seeds",
    "LogModelResult": "models",
    "LogTestResult": "tests",
}
_FOUND = {"seeds": r"(\d+) seeds?", "models": r"(\d+) models?", "tests": r"(\d+) data tests?"}
PHASE_NAMES = {"seeds": "dbt seeds", "models": "dbt models", "tests": "dbt tests"}


@dataclass
class DbtRun:
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, Counter] = field(default_factory=dict)  # phase -> status -> nodes
    parse_seconds: float = 0.0
    seconds: float = 0.0


@dataclass
class _Phases:
    """Tracks, from dbt's events, when each kind of node (seeds, models, tests) is done."""

    progress: Progress
    started: float
    expected: dict[str, int] = field(default_factory=dict)
    counts: dict[str, Counter] = field(default_factory=dict)
    phase_started: dict[str, float] = field(default_factory=dict)
    parse_seconds: float = 0.0

    def event(self, event: dict) -> None:
        name = event.get("info", {}).get("name")
        data = event.get("data", {})
        now = time.perf_counter()
        if name == "FoundStats":
            self.parse_seconds = now - self.started
            stats = data.get("stat_line", "")
            for phase, pattern in _FOUND.items():
                match = re.search(pattern, stats)
                self.expected[phase] = int(match.group(1)) if match else 0
            self.progress.record("dbt parse", self.parse_seconds, stats)
            return
        phase = RESULT_EVENTS.get(name or "")
        if phase is None:
            return
        self.phase_started.setdefault(phase, now)
        status = data.get("status") or data.get("node_info", {}).get("node_status", "unknown")
        counts = self.counts.setdefault(phase, Counter())
        counts[str(status).lower()] += 1
        if str(status).lower() in ("fail", "error"):
            node = data.get("node_info", {}).get("node_name") or data.get("name")
            self.progress.say(f"{PHASE_NAMES[phase]}: {str(status).upper()} {node}")
        if sum(counts.values()) == self.expected.get(phase):
            detail = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
            self.progress.record(PHASE_NAMES[phase], now - self.phase_started[phase], detail)


def _dbt_command(verb: list[str], target_dir: Path, log_dir: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "dbt.cli.main",
        *verb,
        "--project-dir",
        str(PROJECT_ROOT),
        "--profiles-dir",
        str(PROJECT_ROOT),
        "--target-path",
        str(target_dir),
        "--log-path",
        str(log_dir),
    ]


def _environment(database: Path) -> dict[str, str]:
    return os.environ | {
        "WAREHOUSE_BUILD_PATH": str(database),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }


def _vars(strict: bool) -> list[str]:
    return ["--vars", json.dumps({"quarantine_reports": not strict})]


def generate_docs(database: Path, target_dir: Path, log_dir: Path, strict: bool = False) -> Path:
    """`dbt docs generate --static` on the built `database` (after run_dbt with the same
    vars, whose saved parse it reuses; the build compiled every node already, so no second
    compile); returns the static page. BuildError when dbt cannot write it."""
    command = [
        *_dbt_command(["docs", "generate", "--static", "--no-compile"], target_dir, log_dir),
        *_vars(strict),
        "--quiet",
    ]
    (target_dir / "static_index.html").unlink(missing_ok=True)
    done = subprocess.run(command, env=_environment(database), capture_output=True, text=True)
    page = target_dir / "static_index.html"
    if done.returncode != 0 or not page.exists():
        raise BuildError(f"dbt docs generate failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return page


def run_dbt(
    database: Path, target_dir: Path, log_dir: Path, progress: Progress, strict: bool = False
) -> DbtRun:
    """`dbt build` into `database`; BuildError listing what failed and why, else what ran
    and the warnings (tests of severity warn that found rows). dbt's log goes to
    `log_dir / 'dbt.log'`; `target_dir` may hold an earlier build's saved parse."""
    environment = _environment(database)
    command = [
        *_dbt_command(["build"], target_dir, log_dir),
        "--log-format",
        "json",
        *_vars(strict),
    ]
    results_file = target_dir / "run_results.json"
    results_file.unlink(missing_ok=True)  # an earlier build's
    started = time.perf_counter()
    phases = _Phases(progress, started)
    other_output: list[str] = []
    with subprocess.Popen(
        command,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            try:
                phases.event(json.loads(line))
            except ValueError:
                other_output.append(line)
    run = DbtRun(
        counts=phases.counts,
        parse_seconds=phases.parse_seconds,
        seconds=time.perf_counter() - started,
    )
    if not results_file.exists():
        raise BuildError(f"dbt build did not run:\n{''.join(other_output[-40:])}")
    results = json.loads(results_file.read_text(encoding="utf-8"))["results"]
    if process.returncode != 0:
        raise BuildError("dbt build failed:\n" + _describe_failures(results, database))
    run.warnings = [f"{r['unique_id']}: {r['message']}" for r in results if r["status"] == "warn"]
    return run


def _describe_failures(results: list[dict], database: Path) -> str:
    """One paragraph per failed node; for a failed data test, the offending rows."""
    import duckdb

    lines: list[str] = []
    for result in results:
        if result["status"] not in ("fail", "error"):
            continue
        lines.append(f"- {result['unique_id']}: {result['message']}")
        if not result["unique_id"].startswith("test.") or not result.get("compiled_code"):
            continue
        try:
            with duckdb.connect(str(database), read_only=True) as connection:
                query = f"select * from ({result['compiled_code']}) limit {MAX_FAILURE_ROWS}"
                frame = connection.sql(query).df()
        except duckdb.Error as error:
            lines.append(f"    (could not list its rows: {error})")
            continue
        for record in frame.to_dict("records"):
            lines.append("    " + _describe_row(record))
    return "\n".join(lines)


def _describe_row(record: dict) -> str:
    if {"report_id", "indicator", "rule", "detail"} <= record.keys():
        return (
            f"report {record['report_id']}, indicator {record['indicator']!r} "
            f"(line {record.get('source_line')}): {record['rule']}: {record['detail']}"
        )
    if {"report_id", "table_id", "row_label", "expected_value", "printed_value"} <= record.keys():
        return (
            f"report {record['report_id']}, table {record['table_id']}, "
            f"row {record['row_label']!r} (line {record.get('source_line')}), "
            f"column {record.get('column_header')!r}: {record.get('rule')} expected "
            f"{record['expected_value']}, printed {record['printed_value']}, difference "
            f"{record['printed_value'] - record['expected_value']}"
        )
    return ", ".join(f"{key}={value}" for key, value in record.items())
