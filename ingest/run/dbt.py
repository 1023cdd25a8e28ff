"""`dbt build` (and the docs page) in a process of its own, `ingest.run.dbt_child`, so DuckDB
closes and checkpoints the file before it is published; its progress read from the dbt
events the child forwards as they come, and what failed described with the offending rows."""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ingest.run.dbt_child import BUILD_COMMAND, DOCS_PAGE
from ingest.run.errors import BuildError
from ingest.run.progress import Progress

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
    docs_seconds: float = 0.0
    docs_page: Path | None = None


@dataclass
class _Phases:
    """Tracks, from dbt's events, when each kind of node (seeds, models, tests) is done."""

    progress: Progress
    expected: dict[str, int] = field(default_factory=dict)
    counts: dict[str, Counter] = field(default_factory=dict)
    phase_started: dict[str, float] = field(default_factory=dict)
    parse_seconds: float = 0.0
    child_steps: dict[str, dict] = field(default_factory=dict)  # parse | build | docs

    def event(self, event: dict) -> None:
        name = event.get("info", {}).get("name")
        data = event.get("data", {})
        now = time.perf_counter()
        if name == "ChildStep":
            self.child_steps[data["step"]] = data
            return
        if name == "FoundStats":  # at the build's start, after the child's parse step
            self.parse_seconds = self.child_steps.get("parse", {}).get("seconds", 0.0)
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


def _child_command(target_dir: Path, log_dir: Path, strict: bool, docs: bool) -> list[str]:
    variables = json.dumps({"quarantine_reports": not strict})
    command = [sys.executable, "-m", "ingest.run.dbt_child", str(target_dir), str(log_dir)]
    return [*command, variables, *(["--docs"] if docs else [])]


def _environment(database: Path) -> dict[str, str]:
    return os.environ | {
        "WAREHOUSE_BUILD_PATH": str(database),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    }


class DbtChild:
    """The dbt process (`ingest.run.dbt_child`), started before the raw tables exist: it
    imports dbt and parses the project (seconds of one core) while the ingest runs, then
    waits for `build` (`with DbtChild(...) as child: child.build(progress)`). Leaving the
    `with` block without building stops it; it has touched neither the database nor
    anything a later build reads (dbt reads a broken saved parse as none)."""

    def __init__(
        self,
        database: Path,
        target_dir: Path,
        log_dir: Path,
        strict: bool = False,
        docs: bool = False,
    ) -> None:
        self.target_dir = target_dir
        self.database = database
        self.docs = docs
        self.process = subprocess.Popen(
            _child_command(target_dir, log_dir, strict, docs),
            env=_environment(database),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
        )

    def __enter__(self) -> DbtChild:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):  # a command the child never read
                    stream.close()

    def build(self, progress: Progress) -> DbtRun:
        """Tell the child to build; BuildError listing what failed and why, else what ran,
        the warnings (tests of severity warn that found rows) and the docs page. dbt's log
        goes to `log_dir / 'dbt.log'`; `target_dir` may hold an earlier build's saved
        parse."""
        results_file = self.target_dir / "run_results.json"
        results_file.unlink(missing_ok=True)  # an earlier build's
        process = self.process
        assert process.stdin is not None and process.stdout is not None
        started = time.perf_counter()
        with contextlib.suppress(BrokenPipeError):  # the child ended: its parse failed
            process.stdin.write(f"{BUILD_COMMAND}\n")
            process.stdin.close()
        phases = _Phases(progress)
        other_output: list[str] = []
        for line in process.stdout:
            try:
                event = json.loads(line)
            except ValueError:
                other_output.append(line)
                continue
            phases.event(event)
        process.wait()
        steps = phases.child_steps
        build = steps.get("build", {})
        run = DbtRun(
            counts=phases.counts,
            parse_seconds=phases.parse_seconds,
            seconds=build.get("seconds", time.perf_counter() - started),
        )
        if not results_file.exists() or not build:
            problems = [step["message"] for step in steps.values() if step.get("message")]
            raise BuildError(
                "dbt build did not run:\n" + "".join(other_output[-40:]) + "\n".join(problems)
            )
        results = json.loads(results_file.read_text(encoding="utf-8"))["results"]
        if process.returncode != 0:
            failures = _describe_failures(results, self.database) or build.get("message", "")
            raise BuildError("dbt build failed:\n" + failures)
        run.warnings = [
            f"{r['unique_id']}: {r['message']}" for r in results if r["status"] == "warn"
        ]
        if self.docs:
            run.docs_seconds, run.docs_page = _docs_page(
                steps.get("docs", {}), self.target_dir, other_output
            )
        return run


def _docs_page(step: dict, target_dir: Path, other_output: list[str]) -> tuple[float, Path]:
    page = target_dir / DOCS_PAGE
    if not step.get("ok") or not page.exists():
        said = step.get("message", "") or "".join(other_output[-40:])
        raise BuildError(f"dbt docs generate failed:\n{said[-4000:]}")
    return float(step["seconds"]), page


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
