"""A line a reader could not place, with the reason: listed, never dropped."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reject:
    line: int | None
    label: str | None
    text: str
    reason: str
    table_id: str | None = None  # the table the line belongs to, where it is known
