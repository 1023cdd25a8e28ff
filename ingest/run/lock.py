"""One build at a time per output: an OS file lock beside it (`warehouse.duckdb.lock`).

The lock is the kernel's (flock, through the filelock library), so a build that is killed
releases it with its process. Who holds it is written beside it (`….lock.json`: pid, host,
start, reports folder), for the message of a build that waits, and removed when the holder
ends; a holder file left behind tells the next build that the last one was killed, and
that build takes over (and cleans up what the killed one left, scratch.py).
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

POLL_SECONDS = 0.5


class LockBusy(RuntimeError):
    """Another build of the same output holds the lock (and we would not, or no longer,
    wait)."""


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str
    started_at: str
    reports: str

    def describe(self) -> str:
        return f"pid {self.pid} on {self.host}, started {self.started_at}, reports {self.reports}"


def lock_path(output: Path) -> Path:
    return output.with_name(output.name + ".lock")


def holder_path(output: Path) -> Path:
    return output.with_name(output.name + ".lock.json")


def read_holder(output: Path) -> Holder | None:
    try:
        return Holder(**json.loads(holder_path(output).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


class BuildLock:
    """`with BuildLock(output, reports, wait_seconds, on_wait):` holds the output's lock.

    `wait_seconds` 0 gives up at once, None waits for ever; `on_wait(holder)` is called once
    when the lock is busy, before waiting. `taken_over` is the holder of a killed build
    whose lock this one took over, if any.
    """

    def __init__(
        self,
        output: Path,
        reports: Path,
        wait_seconds: float | None = None,
        on_wait: Callable[[Holder | None], None] | None = None,
    ) -> None:
        self.output, self.reports = output, reports
        self.wait_seconds, self.on_wait = wait_seconds, on_wait
        self._lock = FileLock(lock_path(output), poll_interval=POLL_SECONDS)
        self.taken_over: Holder | None = None
        self.waited_seconds = 0.0

    def __enter__(self) -> BuildLock:
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            holder = read_holder(self.output)
            if self.wait_seconds == 0:
                raise LockBusy(_busy(self.output, holder)) from None
            if self.on_wait is not None:
                self.on_wait(holder)
            started = time.monotonic()
            try:
                self._lock.acquire(timeout=-1 if self.wait_seconds is None else self.wait_seconds)
            except Timeout:
                raise LockBusy(
                    _busy(self.output, holder) + f"; gave up after {self.wait_seconds:.0f} s"
                ) from None
            self.waited_seconds = time.monotonic() - started
        self.taken_over = read_holder(self.output)
        holder = Holder(
            os.getpid(),
            socket.gethostname(),
            datetime.now(UTC).isoformat(timespec="seconds"),
            str(self.reports),
        )
        holder_path(self.output).write_text(json.dumps(holder.__dict__), encoding="utf-8")
        return self

    def __exit__(self, *exc: object) -> None:
        holder_path(self.output).unlink(missing_ok=True)
        self._lock.release()


def _busy(output: Path, holder: Holder | None) -> str:
    who = holder.describe() if holder else "holder unknown"
    return f"another build of {output} is running ({who})"
