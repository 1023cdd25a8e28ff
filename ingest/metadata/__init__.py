"""Report metadata: municipality, committee, kind and period, with the evidence for each.

Read from what the report says (metadata/period.py, metadata/names.py); where the text does
not say it, from the reviewed manifest (`seeds/reference/report_manifest.csv`). Where both
say something they must agree. A report is rejected whole only when its municipality or its
period cannot be established; a committee the text does not name in full stays empty, a
finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ingest.metadata.names import detect_committee, detect_municipality
from ingest.metadata.period import collect_evidence, decide_period
from ingest.text import Line

REPORT_KINDS = ("tertial_report", "interim_report", "monthly_report", "annual_report")
MANIFEST_FILE = "seeds/reference/report_manifest.csv"
_REQUIRED = {"municipality": "municipality", "period_end": "period"}


class MetadataError(ValueError):
    pass


@dataclass(frozen=True)
class ReportMetadata:
    report_id: str
    municipality: str
    municipality_code: str
    committee: str | None
    report_kind: str
    period_start: date
    period_end: date
    source: str  # text | text+manifest | manifest
    evidence: str  # why each field has its value, with lines

    @property
    def findings(self) -> list[str]:
        if self.committee is None:
            return ["the text names no committee in full (only `nämnden`): committee left empty"]
        return []


@dataclass(frozen=True)
class _Field:
    value: object
    evidence: str


def _from_text(
    lines: Sequence[Line], furniture: set[int], municipalities: dict[str, str]
) -> dict[str, _Field | None]:
    municipality = detect_municipality(lines, list(municipalities))
    committee = detect_committee(lines)
    period = decide_period(collect_evidence(lines, furniture))
    fields: dict[str, _Field | None] = {
        "municipality": _Field(municipality.name, municipality.evidence) if municipality else None,
        "committee": _Field(committee.name, committee.evidence) if committee else None,
        "report_kind": None,
        "period_start": None,
        "period_end": None,
    }
    if period is not None:
        fields["report_kind"] = _Field(period.report_kind, period.explanation)
        fields["period_start"] = _Field(period.period_start, "")
        fields["period_end"] = _Field(period.period_end, "")
    return fields


def _from_manifest(row: dict[str, str]) -> dict[str, object]:
    said: dict[str, object] = {}
    for key in ("municipality", "committee", "report_kind", "period_start", "period_end"):
        value = (row.get(key) or "").strip()
        if value:
            said[key] = date.fromisoformat(value) if key.startswith("period_") else value
    return said


def resolve_metadata(
    report_id: str,
    lines: Sequence[Line],
    furniture: set[int],
    manifest: dict[str, dict[str, str]],
    municipalities: dict[str, str],
) -> ReportMetadata:
    """What the text says, completed by the manifest; MetadataError when municipality or
    period stay unknown, or the two disagree."""
    found = _from_text(lines, furniture, municipalities)
    reviewed = _from_manifest(manifest.get(report_id, {}))
    values: dict[str, object] = {}
    evidence: list[str] = []
    for key, field in found.items():
        listed = reviewed.get(key)
        if field is not None and listed is not None and field.value != listed:
            raise MetadataError(
                f"{key} is {field.value!r} in the text but {listed!r} in the manifest"
            )
        if field is not None:
            values[key] = field.value
            if field.evidence:
                evidence.append(f"{key}: {field.evidence}")
        elif listed is not None:
            values[key] = listed
            evidence.append(f"{key}: manifest ({manifest[report_id]['evidence']})")
    missing = [name for key, name in _REQUIRED.items() if key not in values]
    if missing:
        raise MetadataError(
            f"cannot establish its {' or '.join(missing)} from the text "
            f"(no title such as `Tertialbokslut T2 2018`, no `Utfallet för perioden januari-"
            f"augusti 2018`, no municipality named twice); add the report to {MANIFEST_FILE}"
        )
    municipality = str(values["municipality"])
    if municipality not in municipalities:
        raise MetadataError(f"unknown municipality {municipality!r}")
    if values["report_kind"] not in REPORT_KINDS:
        raise MetadataError(f"unknown report_kind {values['report_kind']!r}")
    used_manifest = any(key in reviewed and found[key] is None for key in found)
    return ReportMetadata(
        report_id=report_id,
        municipality=municipality,
        municipality_code=municipalities[municipality],
        committee=values.get("committee"),  # type: ignore[arg-type]
        report_kind=str(values["report_kind"]),
        period_start=values.get("period_start") or date(values["period_end"].year, 1, 1),  # type: ignore[union-attr]
        period_end=values["period_end"],  # type: ignore[arg-type]
        source="text+manifest" if used_manifest else "text",
        evidence="; ".join(evidence),
    )
