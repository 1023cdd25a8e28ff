from datetime import date
from pathlib import Path

import pytest

from ingest.extract import read_municipalities
from ingest.metadata import (
    MetadataError,
    detect_committee,
    detect_municipality,
    detect_period,
    read_manifest,
    resolve_metadata,
)

from .conftest import (
    NACKA_2014_T2,
    NACKA_2017_T1,
    NACKA_2018_T1,
    NACKA_2020_FEB,
    NORRTALJE_2025_AUG,
    PROJECT_ROOT,
    REPORTS,
)

MUNICIPALITIES = read_municipalities(PROJECT_ROOT / "seeds" / "reference" / "municipalities.csv")


def text_of(report_id: str) -> str:
    return (REPORTS / f"{report_id}.txt").read_text(encoding="utf-8")


def test_reference_has_all_290_municipalities_with_text_codes() -> None:
    assert len(MUNICIPALITIES) == 290
    assert MUNICIPALITIES["Nacka"] == "0182"
    assert MUNICIPALITIES["Norrtälje"] == "0188"


def test_period_from_title_lines() -> None:
    assert detect_period(text_of(NACKA_2014_T2)) == (
        "tertial_report",
        date(2014, 1, 1),
        date(2014, 8, 31),
    )
    assert detect_period(text_of(NORRTALJE_2025_AUG)) == (
        "interim_report",
        date(2025, 1, 1),
        date(2025, 8, 31),
    )
    assert detect_period(text_of(NACKA_2020_FEB)) is None


def test_tertial_from_body_text_and_table_year() -> None:
    # 000 has no title: `Prognosen för tertial 1` (line 71) and `Ack utfall 2017` (line 412).
    assert detect_period(text_of(NACKA_2017_T1)) == (
        "tertial_report",
        date(2017, 1, 1),
        date(2017, 4, 30),
    )
    # 001 also names `Tertial 1 2017` (line 566): another year's tertial, not this report's.
    assert detect_period(text_of(NACKA_2018_T1))[2] == date(2018, 4, 30)
    # Two tertials named, nothing decided.
    assert detect_period("Prognosen för tertial 1 och tertial 2. Ack utfall 2019") is None


def test_municipality_and_committee_from_text() -> None:
    names = list(MUNICIPALITIES)
    assert detect_municipality(text_of(NORRTALJE_2025_AUG), names) == "Norrtälje"
    assert detect_municipality(text_of(NACKA_2014_T2), names) == "Nacka"
    assert detect_committee(text_of(NACKA_2014_T2)) == "Social- och äldrenämnden"


def test_manifest_fills_what_the_text_does_not_say() -> None:
    manifest = read_manifest(REPORTS / "manifest.csv")
    meta = resolve_metadata(
        NACKA_2020_FEB, text_of(NACKA_2020_FEB), manifest, MUNICIPALITIES, "003.txt"
    )
    assert (meta.municipality, meta.municipality_code) == ("Nacka", "0182")
    assert (meta.report_kind, meta.period_start, meta.period_end) == (
        "monthly_report",
        date(2020, 1, 1),
        date(2020, 2, 29),
    )


def test_report_without_metadata_is_an_error_naming_the_file() -> None:
    with pytest.raises(MetadataError, match=r"mystery\.txt: cannot determine .*report_kind"):
        resolve_metadata(
            "mystery", "Socialnämnden i Nacka. Nacka.", {}, MUNICIPALITIES, "mystery.txt"
        )


def test_manifest_contradicting_the_text_is_an_error() -> None:
    manifest = {NACKA_2014_T2: {"report_kind": "monthly_report"}}
    with pytest.raises(MetadataError, match="report_kind is 'tertial_report' in the text"):
        resolve_metadata(NACKA_2014_T2, text_of(NACKA_2014_T2), manifest, MUNICIPALITIES, "x.txt")


def test_manifest_lists_only_bundled_reports() -> None:
    manifest = read_manifest(REPORTS / "manifest.csv")
    assert set(manifest) <= {p.stem for p in Path(REPORTS).glob("*.txt")}
    assert all(row["evidence"] for row in manifest.values())
