"""Report metadata: municipality, committee, kind and period.

Read from the text where the text says it (a title such as `Tertialbokslut T2 2014` or
`DELÅRSRAPPORT PER AUGUSTI 2025`); otherwise from the reviewed manifest
(`reports/manifest.csv`). Where both say something, they must agree.
"""

from __future__ import annotations

import calendar
import csv
import re
from collections import Counter
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path

REPORT_KINDS = ("tertial_report", "interim_report", "monthly_report")
MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ],
        start=1,
    )
}
_COMMITTEE = re.compile(r"\b((?:[Ss]ocial|[Ää]ldre)(?: ?- och [a-zåäö]+)?nämnden)\b")


class MetadataError(ValueError):
    pass


@dataclass(frozen=True)
class ReportMetadata:
    report_id: str
    municipality: str | None = None
    municipality_code: str | None = None
    committee: str | None = None
    report_kind: str | None = None
    period_start: date | None = None
    period_end: date | None = None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def detect_period(text: str) -> tuple[str, date, date] | None:
    """Report kind and period from a title line, if the report has one."""
    tertial = re.search(r"Tertialbokslut T([123]) (?:för )?((?:19|20)\d\d)", text)
    if tertial:
        number, year = int(tertial.group(1)), int(tertial.group(2))
        return "tertial_report", date(year, 1, 1), _month_end(year, 4 * number)
    interim = re.search(r"DELÅRSRAPPORT PER ([A-ZÅÄÖ]+) ((?:19|20)\d\d)", text, re.IGNORECASE)
    if interim and interim.group(1).lower() in MONTHS:
        year, month = int(interim.group(2)), MONTHS[interim.group(1).lower()]
        return "interim_report", date(year, 1, 1), _month_end(year, month)
    monthly = re.search(r"Månadsrapport ([a-zåäö]+) ((?:19|20)\d\d)", text, re.IGNORECASE)
    if monthly and monthly.group(1).lower() in MONTHS:
        year, month = int(monthly.group(2)), MONTHS[monthly.group(1).lower()]
        return "monthly_report", date(year, 1, 1), _month_end(year, month)
    return _tertial_from_body(text)


def _tertial_from_body(text: str) -> tuple[str, date, date] | None:
    """A tertial report without a title: the text names one tertial (`Prognosen för
    tertial 1`; `tertial 1 2017` names another year's) and its economic table one year
    (`Ack utfall 2018`)."""
    tertials = set(re.findall(r"\btertial(?:et)? ([123])\b(?! (?:19|20)\d\d)", text, re.I))
    years = set(re.findall(r"\bAck utfall ((?:19|20)\d\d)\b", text))
    if len(tertials) != 1 or len(years) != 1:
        return None
    number, year = int(tertials.pop()), int(years.pop())
    return "tertial_report", date(year, 1, 1), _month_end(year, 4 * number)


def detect_municipality(text: str, names: list[str]) -> str | None:
    """The municipality named most often in the text (`Nacka`, `Nackas`, `Norrtälje kommun`)."""
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    counts = Counter(re.findall(rf"\b({alternatives})s?\b", text)).most_common(2)
    if not counts or counts[0][1] < 2 or (len(counts) > 1 and counts[0][1] == counts[1][1]):
        return None
    return counts[0][0]


def detect_committee(text: str) -> str | None:
    """The committee named most often (`Socialnämnden`, `Social- och äldrenämnden`)."""
    counts = Counter(re.sub(r" - ", "- ", match).capitalize() for match in _COMMITTEE.findall(text))
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def read_manifest(path: Path) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["report_id"]: row for row in csv.DictReader(handle)}


def _from_manifest(report_id: str, row: dict[str, str]) -> ReportMetadata:
    def text(key: str) -> str | None:
        return (row.get(key) or "").strip() or None

    def day(key: str) -> date | None:
        value = text(key)
        return date.fromisoformat(value) if value else None

    return ReportMetadata(
        report_id=report_id,
        municipality=text("municipality"),
        committee=text("committee"),
        report_kind=text("report_kind"),
        period_start=day("period_start"),
        period_end=day("period_end"),
    )


def resolve_metadata(
    report_id: str,
    text: str,
    manifest: dict[str, dict[str, str]],
    municipalities: dict[str, str],
    file_name: str,
) -> ReportMetadata:
    """Combine what the text says with the manifest; every field must end up known."""
    detected = ReportMetadata(
        report_id=report_id,
        municipality=detect_municipality(text, list(municipalities)),
        committee=detect_committee(text),
    )
    period = detect_period(text)
    if period:
        kind, start, end = period
        detected = replace(detected, report_kind=kind, period_start=start, period_end=end)
    reviewed = _from_manifest(report_id, manifest.get(report_id, {}))
    merged: dict[str, object] = {"report_id": report_id}
    for spec in fields(ReportMetadata):
        if spec.name in ("report_id", "municipality_code"):
            continue
        found, listed = getattr(detected, spec.name), getattr(reviewed, spec.name)
        if found is not None and listed is not None and found != listed:
            raise MetadataError(
                f"{file_name}: {spec.name} is {found!r} in the text but {listed!r} in the manifest"
            )
        merged[spec.name] = listed if listed is not None else found
    missing = [name for name, value in merged.items() if value is None]
    if missing:
        raise MetadataError(
            f"{file_name}: cannot determine {', '.join(missing)} from the text; "
            "add the report to reports/manifest.csv"
        )
    municipality = str(merged["municipality"])
    if municipality not in municipalities:
        raise MetadataError(f"{file_name}: unknown municipality {municipality!r}")
    if merged["report_kind"] not in REPORT_KINDS:
        raise MetadataError(f"{file_name}: unknown report_kind {merged['report_kind']!r}")
    return ReportMetadata(
        report_id=report_id,
        municipality=municipality,
        municipality_code=municipalities[municipality],
        committee=str(merged["committee"]),
        report_kind=str(merged["report_kind"]),
        period_start=merged["period_start"],  # type: ignore[arg-type]
        period_end=merged["period_end"],  # type: ignore[arg-type]
    )
