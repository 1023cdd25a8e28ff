"""Nothing is counted twice: which of a folder's report texts are loaded.

A report is known by its content (the hash of its normalised text, inputs.py) and by what it
says it is: municipality, committee, kind and period. The same content under a second file
name is loaded once, from the file whose name reviewed entries use (its reviewed
discrepancies and overrides keep applying), else from the first file name in sort order;
the others are skipped as duplicates. Two different texts that say they are the same
report are a conflict: neither is loaded (a guess could publish the wrong one), unless a
reviewed entry of `seeds/reference/report_revisions.csv` says which replaces which (a
revised report).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from ingest.inputs import ReportText

REVISIONS_FILE = "seeds/reference/report_revisions.csv"


@dataclass(frozen=True)
class Revision:
    """Reviewed: `report_id` is a revised version of `replaces_report_id`."""

    report_id: str
    replaces_report_id: str
    justification: str


@dataclass(frozen=True)
class ReportIdentity:
    municipality_code: str
    committee: str | None
    report_kind: str
    period_start: date
    period_end: date

    def describe(self, municipality: str) -> str:
        committee = self.committee or "no committee named"
        return (
            f"{municipality} ({committee}), {self.report_kind} "
            f"{self.period_start.isoformat()}..{self.period_end.isoformat()}"
        )


@dataclass(frozen=True)
class Duplicate:
    text: ReportText
    same_as: ReportText


def split_duplicates(
    texts: Sequence[ReportText], reviewed_ids: Collection[str] = ()
) -> tuple[list[ReportText], list[Duplicate]]:
    """The texts to read, one per content (the one reviewed entries name, else the first
    file name), in file-name order, and the duplicates skipped, each with the file it
    repeats."""

    def preference(text: ReportText) -> tuple[bool, str]:
        return text.report_id not in reviewed_ids, text.path.name

    first: dict[str, ReportText] = {}
    duplicates: list[Duplicate] = []
    for text in sorted(texts, key=preference):
        kept = first.setdefault(text.content_sha256, text)
        if kept is not text:
            duplicates.append(Duplicate(text, kept))
    return sorted(first.values(), key=lambda t: t.path.name), duplicates


@dataclass(frozen=True)
class Resolution:
    superseded: dict[str, str]  # report id -> the report id of its reviewed revision
    conflicts: dict[str, list[str]]  # report id -> the other report ids claiming its identity


def resolve_identities(
    identities: dict[str, ReportIdentity], revisions: Sequence[Revision]
) -> Resolution:
    """Reports that claim the same identity: the ones a reviewed revision replaces are
    superseded; where more than one is left, every one left is in conflict."""
    replaced_by = {r.replaces_report_id: r.report_id for r in revisions}
    groups: dict[ReportIdentity, list[str]] = defaultdict(list)
    for report_id, identity in sorted(identities.items()):
        groups[identity].append(report_id)
    superseded: dict[str, str] = {}
    conflicts: dict[str, list[str]] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        for report_id in members:
            if replaced_by.get(report_id) in members:
                superseded[report_id] = replaced_by[report_id]
        left = [report_id for report_id in members if report_id not in superseded]
        if len(left) > 1:
            for report_id in left:
                conflicts[report_id] = [other for other in left if other != report_id]
    return Resolution(superseded, conflicts)
