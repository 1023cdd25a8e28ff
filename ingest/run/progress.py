"""The build's steps as they run: a line when a step starts and one when it ends, with its
time, on stderr (stdout keeps the verdict); every step is also kept for the run record."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import TextIO


@dataclass
class Step:
    name: str
    seconds: float = 0.0
    detail: str = ""
    status: str = "ok"  # ok | failed

    def as_record(self) -> dict[str, object]:
        return {
            "step": self.name,
            "seconds": round(self.seconds, 3),
            "status": self.status,
            "detail": self.detail,
        }


@dataclass
class Progress:
    stream: TextIO | None = field(default_factory=lambda: sys.stderr)
    steps: list[Step] = field(default_factory=list)

    def say(self, message: str) -> None:
        if self.stream is not None:
            print(
                f"[{datetime.now().strftime('%H:%M:%S')}] {message}", file=self.stream, flush=True
            )

    @contextmanager
    def step(self, name: str, announce: bool = True) -> Iterator[Step]:
        """Time the block as one step; the block may set `step.detail`."""
        step = Step(name)
        if announce:
            self.say(f"{name} ...")
        started = time.perf_counter()
        try:
            yield step
        except BaseException:
            step.status = "failed"
            raise
        finally:
            step.seconds = time.perf_counter() - started
            self.steps.append(step)
            ending = "FAILED" if step.status == "failed" else "done"
            detail = f": {step.detail}" if step.detail else ""
            self.say(f"{name} {ending} in {step.seconds:.1f} s{detail}")

    def record(self, name: str, seconds: float, detail: str = "") -> None:
        """A step timed elsewhere (a report read, a dbt phase)."""
        self.steps.append(Step(name, seconds, detail))
        self.say(f"{name} done in {seconds:.1f} s{': ' + detail if detail else ''}")
