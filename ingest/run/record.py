"""The run record: what one build did, kept beside the output for after a night's run.

`logs/` beside the output holds, per run, `<output stem>-<UTC start>-<pid>.json` (start,
end, exit code, the verdict's first lines, inputs with their hashes and fate, per-step
times, counts, findings, rejects, quarantined reports, the published path) and the dbt log
of the same run (`….dbt.log`); the last `keep` runs of each output are kept.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

LOGS_FOLDER = "logs"
DEFAULT_KEEP_RUNS = 30
FIRST_LINES = 40


def logs_dir(output: Path) -> Path:
    return output.parent / LOGS_FOLDER


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class RunRecord:
    output: Path
    reports: Path
    command: list[str]
    started_at: datetime = field(default_factory=_now)
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def run_id(self) -> str:
        return f"{self.output.stem}-{self.started_at.strftime('%Y%m%dT%H%M%SZ')}-{os.getpid()}"

    def path(self) -> Path:
        return logs_dir(self.output) / f"{self.run_id}.json"

    def dbt_log_path(self) -> Path:
        return logs_dir(self.output) / f"{self.run_id}.dbt.log"

    def keep_dbt_log(self, dbt_log: Path) -> None:
        """Copy dbt's log out of the scratch folder before it is removed."""
        if dbt_log.exists():
            logs_dir(self.output).mkdir(exist_ok=True)
            shutil.copyfile(dbt_log, self.dbt_log_path())
            self.data["dbt_log"] = str(self.dbt_log_path())

    def finish(
        self, exit_code: int, lines: list[str], keep: int = DEFAULT_KEEP_RUNS
    ) -> Path | None:
        """Write the record (and prune old runs); None when the logs folder is not writable."""
        record = {
            "run_id": self.run_id,
            "started_at": self.started_at.isoformat(timespec="seconds"),
            "finished_at": _now().isoformat(timespec="seconds"),
            "exit_code": exit_code,
            "outcome": {0: "published", 1: "failed", 2: "published_partial", 3: "not_run"}.get(
                exit_code, "unknown"
            ),
            "first_lines": lines[:FIRST_LINES],
            "command": self.command,
            "reports_folder": str(self.reports),
            "output": str(self.output),
            "pid": os.getpid(),
        } | self.data
        try:
            logs_dir(self.output).mkdir(exist_ok=True)
            self.path().write_text(
                json.dumps(record, indent=2, ensure_ascii=False, default=str), encoding="utf-8"
            )
        except OSError:
            return None
        prune_runs(self.output, keep)
        return self.path()


def run_records(output: Path) -> list[Path]:
    """The run records of `output`, oldest first."""
    folder = logs_dir(output)
    if not folder.is_dir():
        return []
    name = re.compile(rf"^{re.escape(output.stem)}-\d{{8}}T\d{{6}}Z-\d+\.json$")
    return sorted(path for path in folder.iterdir() if name.match(path.name))


def latest_run(output: Path) -> dict[str, Any] | None:
    records = run_records(output)
    if not records:
        return None
    return json.loads(records[-1].read_text(encoding="utf-8"))


def prune_runs(output: Path, keep: int) -> None:
    """Keep the last `keep` runs (record and dbt log) of `output`."""
    for record in run_records(output)[:-keep] if keep > 0 else []:
        record.unlink(missing_ok=True)
        record.with_suffix(".dbt.log").unlink(missing_ok=True)
