"""Report metadata from what reports say: every sentence pattern on real lines and on lines
written in the same style, the choice among disagreeing evidence, and the manifest."""

import re
from datetime import date

import pytest

from ingest.metadata import MetadataError, resolve_metadata
from ingest.metadata.names import detect_committee, detect_municipality, names_pattern
from ingest.metadata.period import collect_evidence, decide_period, flatten, phrase_matches
from ingest.metadata.phrases import RULES
from ingest.reviewed import read_manifest, read_municipalities
from ingest.text import Line, page_furniture, read_lines

from .conftest import (
    NACKA_2014_T2,
    NACKA_2017_T1,
    NACKA_2018_T1,
    NACKA_2020_FEB,
    NORRTALJE_2025_AUG,
    PROJECT_ROOT,
    report_line,
    report_lines,
)
from .next_reports import next_report

ALL_REPORTS = (NACKA_2014_T2, NACKA_2017_T1, NACKA_2018_T1, NACKA_2020_FEB, NORRTALJE_2025_AUG)

REFERENCE = PROJECT_ROOT / "seeds" / "reference"
MUNICIPALITIES = read_municipalities(REFERENCE / "municipalities.csv")


def lines_of(*texts: str) -> list[Line]:
    return read_lines("\n".join(texts))


def evidence_of(text: str) -> list[tuple[str, str | None, int | None, int | None]]:
    """(rule, kind, year, last month) of every phrase found in `text`."""
    lines = lines_of(text)
    return [(e.rule, e.kind, e.year, e.month) for e in collect_evidence(lines, set())]


def period_of(*texts: str) -> tuple[str, date, date] | None:
    lines = lines_of(*texts)
    decision = decide_period(collect_evidence(lines, page_furniture(lines)))
    return None if decision is None else (decision.report_kind, *decision_dates(decision))


def decision_dates(decision) -> tuple[date, date]:  # noqa: ANN001
    return decision.period_start, decision.period_end


def test_reference_has_all_290_municipalities_with_text_codes() -> None:
    assert len(MUNICIPALITIES) == 290
    assert MUNICIPALITIES["Nacka"] == "0182"
    assert MUNICIPALITIES["Norrtälje"] == "0188"


@pytest.mark.parametrize(
    ("report_id", "kind", "start", "end"),
    [
        # no title: `Prognosen för tertial 1` (line 71), `perioden januari till april` (348)
        (NACKA_2017_T1, "tertial_report", date(2017, 1, 1), date(2017, 4, 30)),
        # no title; `januari-mars 2018` (line 36) is outweighed by `januari-april 2018` (391)
        (NACKA_2018_T1, "tertial_report", date(2018, 1, 1), date(2018, 4, 30)),
        (NACKA_2014_T2, "tertial_report", date(2014, 1, 1), date(2014, 8, 31)),
        # no title: `Ack utfall 2020` and the latest month columns `Prel feb`, `februari`
        (NACKA_2020_FEB, "monthly_report", date(2020, 1, 1), date(2020, 2, 29)),
        (NORRTALJE_2025_AUG, "interim_report", date(2025, 1, 1), date(2025, 8, 31)),
    ],
)
def test_every_bundled_report_says_its_kind_and_period(report_id, kind, start, end) -> None:
    lines = list(report_lines(report_id))
    meta = resolve_metadata(report_id, lines, page_furniture(lines), {}, MUNICIPALITIES)
    assert (meta.report_kind, meta.period_start, meta.period_end) == (kind, start, end)
    assert meta.source == "text"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # real lines
        (report_line(NACKA_2014_T2, 3), [("title", "tertial_report", 2014, 8)]),
        (report_line(NORRTALJE_2025_AUG, 337), [("title", "interim_report", 2025, 8)]),
        (report_line(NACKA_2018_T1, 391), [("period", None, 2018, 4)]),
        (report_line(NACKA_2017_T1, 348), [("period", None, None, 4)]),
        (report_line(NORRTALJE_2025_AUG, 52), [("period", None, None, 8)]),
        (report_line(NACKA_2017_T1, 71), [("tertial", "tertial_report", None, 4)]),
        (report_line(NACKA_2017_T1, 13), [("tertial", "tertial_report", None, 4)]),
        (report_line(NACKA_2020_FEB, 121), [("latest_month", None, None, 2)]),
        (report_line(NACKA_2020_FEB, 410), [("latest_month", None, None, 2)]),
        (report_line(NACKA_2018_T1, 492), [("year", None, 2018, None), ("year", None, 2018, None)]),
        # lines written in the same style
        ("Tertialbokslut T2 2018 ", [("title", "tertial_report", 2018, 8)]),
        ("Tertialrapport 2 ", [("title", "tertial_report", None, 8)]),
        ("Delårsrapport 2 2019 ", [("title", "interim_report", 2019, 8)]),
        ("Delårsrapport per april 2026 ", [("title", "interim_report", 2026, 4)]),
        ("Månadsrapport februari 2021 ", [("title", "monthly_report", 2021, 2)]),
        ("Årsredovisning 2024 ", [("title", "annual_report", 2024, 12)]),
        ("Verksamhetsberättelse 2023 ", [("title", "annual_report", 2023, 12)]),
        (
            "Utfallet för perioden januari-augusti 2018 är -512,3 miljoner kronor. ",
            [("period", None, 2018, 8)],
        ),
        ("Nämnden redovisar per den 31 augusti ett överskott. ", [("period", None, None, 8)]),
        ("Ack utfall jan-feb visar ett underskott. ", [("period", None, None, 2)]),
        ("Utfall jan-aug 2018 ", [("header", None, 2018, 8)]),
        ("Budget Jan - Apr 2026 ", [("header", None, 2026, 4)]),
        ("Prognosen för tertial 2 är oförändrad. ", [("tertial", "tertial_report", None, 8)]),
        (
            "Under det andra tertialet har arbetet fortsatt. ",
            [("tertial", "tertial_report", None, 8)],
        ),
    ],
)
def test_each_sentence_pattern_is_evidence(text, expected) -> None:
    assert evidence_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # real lines that speak of other reports and periods
        report_line(NACKA_2018_T1, 66),  # `återrapporteras till tertialbokslut 2`
        report_line(NORRTALJE_2025_AUG, 1416),  # `Vid delår per april prognostiserades`
        report_line(NORRTALJE_2025_AUG, 1245),  # `per december föregående`
        report_line(NACKA_2018_T1, 57),  # `månadsrapporten för mars`, the report before
        # and lines written in the same style
        "Resultatet redovisas till tertialbokslut 3. ",
        "Prognosen är bättre än vid delårsrapport per augusti 2024. ",
        "Kostnaderna för perioden september - december får inte överstiga budget. ",
    ],
)
def test_phrases_about_other_reports_are_no_evidence(text) -> None:
    assert [rule for rule, *_ in evidence_of(text) if rule != "year"] == []


def test_another_years_tertial_is_outweighed_by_the_reports_own() -> None:
    # 001 line 677 `läget för tertial 1 2017` in a report on 2018
    assert period_of(
        "Ack utfall 2018 ", "jämfört med läget för tertial 1 2017. ", "Prognosen för tertial 2 "
    ) == ("tertial_report", date(2018, 1, 1), date(2018, 8, 31))


def test_the_most_specific_evidence_wins_and_the_choice_is_recorded() -> None:
    lines = list(report_lines(NACKA_2018_T1))
    decision = decide_period(collect_evidence(lines, page_furniture(lines)))
    assert decision.period_end == date(2018, 4, 30)
    assert "'perioden januari-april 2018' (line 391)" in decision.explanation
    assert "outweighed: " in decision.explanation
    assert "'perioden januari-mars 2018' (line 36)" in decision.explanation


def test_a_title_decides_alone() -> None:
    assert period_of(
        "Tertialbokslut T2 2014 - social- och äldrenämnden ",
        "Kostnaderna för perioden januari-april 2014 ",
        "Prognosen för tertial 1 ",
    ) == ("tertial_report", date(2014, 1, 1), date(2014, 8, 31))


def test_a_report_without_kind_words_is_monthly_or_annual_by_its_period() -> None:
    assert period_of("Ack utfall 2021 ", "Jan Prel mar Genomsnitt ") == (
        "monthly_report",
        date(2021, 1, 1),
        date(2021, 3, 31),
    )
    assert period_of("Ack utfall 2021 ", "Utfallet för perioden januari-december 2021 ") == (
        "annual_report",
        date(2021, 1, 1),
        date(2021, 12, 31),
    )


def test_evidence_that_ties_decides_nothing() -> None:
    assert period_of("Prognosen för tertial 1 och för tertial 2. Ack utfall 2019 ") is None
    assert period_of("Inga perioder här. ") is None


def test_municipality_and_committee_from_text() -> None:
    names = list(MUNICIPALITIES)
    assert detect_municipality(report_lines(NORRTALJE_2025_AUG), names).name == "Norrtälje"
    assert detect_municipality(report_lines(NACKA_2014_T2), names).name == "Nacka"
    assert detect_committee(report_lines(NACKA_2014_T2)).name == "Social- och äldrenämnden"
    # 001 names the committee only in the genitive: `socialnämndens uppdrag` (line 192)
    committee = detect_committee(report_lines(NACKA_2018_T1))
    assert (committee.name, committee.first_line) == ("Socialnämnden", 192)


@pytest.mark.parametrize(
    ("text", "committee"),
    [
        (
            "Vård- och omsorgsnämnden beslutar. Vård- och omsorgsnämndens budget.",
            "Vård- och omsorgsnämnden",
        ),
        ("Arbetsmarknads- och socialnämnden i Ale.", "Arbetsmarknads- och socialnämnden"),
        ("Individ- och familjeomsorgsnämnden", "Individ- och familjeomsorgsnämnden"),
        ("Nämnden informerades på marsnämnden.", None),  # no committee named in full
    ],
)
def test_committee_names_in_the_same_style(text, committee) -> None:
    found = detect_committee(lines_of(text))
    assert (found.name if found else None) == committee


def test_a_committee_not_named_in_full_is_empty_and_a_finding() -> None:
    lines = lines_of(
        "Nämnden redovisar ett överskott. ",
        "Tertialbokslut T1 2019 ",
        "Vetlanda kommun. Vetlanda. ",
    )
    meta = resolve_metadata("x", lines, set(), {}, MUNICIPALITIES)
    assert (meta.municipality, meta.committee, meta.period_end) == (
        "Vetlanda",
        None,
        date(2019, 4, 30),
    )
    assert meta.findings == [
        "the text names no committee in full (only `nämnden`): committee left empty"
    ]


def test_the_manifest_fills_what_the_text_does_not_say() -> None:
    lines = lines_of("Socialnämnden i Nacka. Nacka. ")
    manifest = {
        "mystery": {
            "report_kind": "monthly_report",
            "period_end": "2020-02-29",
            "evidence": "reviewed: the accumulated budget is 2/12 of the year's",
        }
    }
    meta = resolve_metadata("mystery", lines, set(), manifest, MUNICIPALITIES)
    assert (meta.report_kind, meta.period_start, meta.period_end, meta.source) == (
        "monthly_report",
        date(2020, 1, 1),
        date(2020, 2, 29),
        "text+manifest",
    )
    assert "manifest (reviewed: the accumulated budget" in meta.evidence


def test_a_report_without_period_or_municipality_is_an_error_naming_what_is_missing() -> None:
    with pytest.raises(MetadataError, match="cannot establish its period from the text"):
        resolve_metadata("x", lines_of("Socialnämnden i Nacka. Nacka. "), set(), {}, MUNICIPALITIES)
    with pytest.raises(MetadataError, match="cannot establish its municipality"):
        resolve_metadata("x", lines_of("Tertialbokslut T1 2019 "), set(), {}, MUNICIPALITIES)


def test_the_manifest_contradicting_the_text_is_an_error() -> None:
    lines = list(report_lines(NACKA_2014_T2))
    manifest = {NACKA_2014_T2: {"report_kind": "monthly_report", "evidence": "x"}}
    with pytest.raises(MetadataError, match="report_kind is 'tertial_report' in the text"):
        resolve_metadata(NACKA_2014_T2, lines, page_furniture(lines), manifest, MUNICIPALITIES)


def test_the_manifest_is_empty_now_that_the_text_says_everything() -> None:
    assert read_manifest(REFERENCE / "report_manifest.csv") == {}


def _flat_texts() -> list[str]:
    """The bundled reports and next reports of them, as the period search sees them; and
    the same upper-cased (case-insensitive phrases) and with a `İ`, whose lowercase is two
    letters long (the search falls back to trying every offset)."""
    reports = [report_lines(report_id) for report_id in ALL_REPORTS]
    reports += [
        read_lines(next_report(report_id, "Östra Göinge", seed).text)
        for seed, report_id in enumerate(ALL_REPORTS)
    ]
    texts = [flatten(lines, page_furniture(list(lines))).text for lines in reports]
    return [*texts, *(text.upper() for text in texts), "İ " + texts[0]]


def test_each_period_phrase_is_searched_only_where_its_first_words_stand() -> None:
    for text in _flat_texts():
        for phrase in RULES:
            everywhere = [m.span() for m in phrase.pattern.finditer(text)]
            anchored = [m.span() for m in phrase_matches(phrase, text, text.lower())]
            assert anchored == everywhere, (phrase.rule, phrase.pattern.pattern[:40])
    budget_header = next(p for p in RULES if p.starts == ("utfall",))
    printed = "Budget helår Utfall jan-aug 2025 Utfall aug 2025"
    assert [m.group(0) for m in phrase_matches(budget_header, printed, printed.lower())] == [
        "Utfall aug 2025"
    ]


def test_the_names_pattern_finds_what_trying_every_name_longest_first_finds() -> None:
    names = tuple(MUNICIPALITIES)
    longest_first = sorted(names, key=len, reverse=True)
    every_name = re.compile(rf"\b({'|'.join(re.escape(name) for name in longest_first)})s?\b")
    texts = ["\n".join(line.text for line in report_lines(r)) for r in ALL_REPORTS]
    texts.append(" ".join(f"{name} {name}s {name}x ({name}-kommun)" for name in names))
    for text in texts:
        expected = [(m.span(), m.group(1)) for m in every_name.finditer(text)]
        assert [(m.span(), m.group(1)) for m in names_pattern(names).finditer(text)] == expected
    found = [m.group(1) for m in names_pattern(names).finditer("Upplands Väsby och Upplands-Bro")]
    assert found == ["Upplands Väsby", "Upplands-Bro"]


def test_a_title_after_the_same_phrase_in_a_sentence_is_still_a_title() -> None:
    sentence = "Nämnden föreslås fastställa Tertialbokslut T1 2017 för socialnämnden."
    assert evidence_of(f"{sentence}\n\nTertialbokslut T1 2017") == [
        ("named", "tertial_report", 2017, 4),
        ("title", "tertial_report", 2017, 4),
    ]
