"""The dbt half of a build, run in a process of its own by `ingest.run.dbt`:

    python -m ingest.run.dbt_child TARGET_DIR LOG_DIR VARS_JSON [--docs]

`dbt parse` at once (the parent starts this process before its ingest, so dbt's start-up
and parse run while the reports are read); then, when the parent writes `build` on stdin
(the raw tables are loaded), `dbt build` and, when the build passed and `--docs` is given,
`dbt docs generate --static --no-compile`. All go through dbt's programmatic runner, so dbt
is imported, and the project read, once (a second `dbt` process costs about 5 s of start-up
and parse). The build's progress events go to stdout as JSON lines shaped like dbt's own
JSON log (`{"info": {"name": ...}, "data": {...}}`), each step's outcome as a `ChildStep`
event. The exit code is the build's: 0 passed, 1 failed, 2 did not run. The process ends
before the parent publishes, so DuckDB has closed and checkpointed the file by then.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FORWARDED_EVENTS = frozenset({"FoundStats", "LogSeedResult", "LogModelResult", "LogTestResult"})
DOCS_PAGE = "static_index.html"
BUILD_COMMAND = "build"  # the parent's line on stdin once the raw tables are loaded


_STDOUT = threading.Lock()  # dbt's worker threads fire events at once


def _emit(name: str, data: dict) -> None:
    line = json.dumps({"info": {"name": name}, "data": data}) + "\n"
    with _STDOUT:
        sys.stdout.write(line)
        sys.stdout.flush()


def _forward(message) -> None:  # noqa: ANN001 - dbt's EventMsg (protobuf)
    if message.info.name not in FORWARDED_EVENTS:
        return
    from google.protobuf.json_format import MessageToDict

    _emit(message.info.name, MessageToDict(message.data, preserving_proto_field_name=True))


def _arguments(target_dir: Path, log_dir: Path, variables: str) -> list[str]:
    return [
        "--project-dir",
        str(PROJECT_ROOT),
        "--profiles-dir",
        str(PROJECT_ROOT),
        "--target-path",
        str(target_dir),
        "--log-path",
        str(log_dir),
        # dbt's debug file log (every statement, as JSON) costs seconds per build
        "--log-level-file",
        "info",
        "--log-format-file",
        "text",
        "--no-use-colors-file",
        "--vars",
        variables,
        "--quiet",
    ]


def _step(name: str, started: float, result) -> bool:  # noqa: ANN001 - dbtRunnerResult
    problem = "" if result.success else str(result.exception or "")
    _emit(
        "ChildStep",
        {
            "step": name,
            "ok": bool(result.success),
            "seconds": time.perf_counter() - started,
            "message": problem,
        },
    )
    return bool(result.success)


def main(argv: list[str]) -> int:
    target_dir, log_dir, variables = Path(argv[0]), Path(argv[1]), argv[2]
    with_docs = "--docs" in argv[3:]
    from dbt.cli.main import dbtRunner

    arguments = _arguments(target_dir, log_dir, variables)
    started = time.perf_counter()
    parsed = dbtRunner(callbacks=[_forward]).invoke(["parse", *arguments])
    if not _step("parse", started, parsed):
        return 2
    if sys.stdin.readline().strip() != BUILD_COMMAND:  # the parent's ingest failed
        return 2
    runner = dbtRunner(manifest=parsed.result, callbacks=[_forward])
    started = time.perf_counter()
    built = runner.invoke(["build", *arguments])
    if not _step("build", started, built):
        return 1 if built.exception is None else 2
    if with_docs:
        (target_dir / DOCS_PAGE).unlink(missing_ok=True)
        started = time.perf_counter()
        documented = runner.invoke(["docs", "generate", "--static", "--no-compile", *arguments])
        _step("docs", started, documented)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
