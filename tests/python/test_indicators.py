"""Indicator tables on real report lines: headers, the spacing that places lone values, the
assessment words, every table of every report, and the reviewed 002 placements."""

import csv
import re
from datetime import date
from decimal import Decimal
from functools import cache

import pytest

from ingest.goals.followup import read_assessment
from ingest.goals.strategic import find_strategic_goal_tables, holds_value, uncited_value_lines
from ingest.indicators import (
    IndicatorTable,
    find_indicator_tables,
    parse_column_header,
    place_values,
    split_level_mark,
)
from ingest.periods import MONTHS
from ingest.records import table_slug
from ingest.rejects import Reject
from ingest.reviewed import (
    PlacementOverride,
    ReviewedDataError,
    read_curated_spans,
    read_placement_overrides,
)
from ingest.text import Line, join_fragments, page_furniture, read_lines
from ingest.tokens import split_values

from .conftest import (
    NACKA_2014_T2,
    NACKA_2018_T1,
    NACKA_2020_FEB,
    NORRTALJE_2025_AUG,
    PROJECT_ROOT,
    REPORTS,
    paginate,
    report_line,
    report_lines,
)

D = Decimal
REFERENCE = PROJECT_ROOT / "seeds" / "reference"
PERIODS = {
    NACKA_2018_T1: (date(2018, 1, 1), date(2018, 4, 30)),
    NACKA_2014_T2: (date(2014, 1, 1), date(2014, 8, 31)),
    NACKA_2020_FEB: (date(2020, 1, 1), date(2020, 2, 29)),
    NORRTALJE_2025_AUG: (date(2025, 1, 1), date(2025, 8, 31)),
}
T1_2018 = PERIODS[NACKA_2018_T1]
AUG_2025 = PERIODS[NORRTALJE_2025_AUG]


def tables_of(
    lines: list[Line], report_id: str, overrides: dict[int, PlacementOverride] | None = None
) -> list[IndicatorTable]:
    tables, failures = read_indicators(lines, report_id, overrides)
    assert failures == []
    return tables


def read_indicators(
    lines: list[Line], report_id: str, overrides: dict[int, PlacementOverride] | None = None
) -> tuple[list[IndicatorTable], list[Reject]]:
    start, end = PERIODS[report_id]
    return find_indicator_tables(lines, page_furniture(lines), start, end, overrides)


@cache
def indicator_tables(report_id: str) -> tuple[IndicatorTable, ...]:
    return tuple(tables_of(list(report_lines(report_id)), report_id))


def values_by_header(report_id: str, indicator_start: str) -> dict[str, Decimal | None]:
    row = next(
        row
        for table in indicator_tables(report_id)
        for row in table.rows
        if row.indicator.startswith(indicator_start)
    )
    return {cell.column.header: cell.value for cell in row.cells}


def values_line(report_id: str, number: int, columns: int, tail: set[str] | None = None):
    """Place the values of one real line as `columns` indicator columns."""
    text = report_line(report_id, number)
    if tail is None and text.rstrip().endswith("T1"):  # 001: strip the tertial marker
        text = text.rstrip(" ")[: -len("T1")]
    values = split_values(text, tail)
    assert values.cell_tokens
    header = parse_column_header("Mål 2025", *AUG_2025)
    return values, place_values(values, [header] * columns)


# --- headers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "period", "role", "start", "end"),
    [
        ("Utfall 2016", T1_2018, "actual", date(2016, 1, 1), date(2016, 12, 31)),
        # the report's own year: the outcome so far (T1 = January-April)
        ("Utfall 2018", T1_2018, "actual", date(2018, 1, 1), date(2018, 4, 30)),
        ("Mål", T1_2018, "target", date(2018, 1, 1), date(2018, 12, 31)),
        ("Utfall Aug 2025", AUG_2025, "actual", date(2025, 1, 1), date(2025, 8, 31)),
        ("Mål 2025", AUG_2025, "target", date(2025, 1, 1), date(2025, 12, 31)),
        ("Prognos 2025", AUG_2025, "forecast", date(2025, 1, 1), date(2025, 12, 31)),
        ("nov-19", PERIODS[NACKA_2020_FEB], "actual", date(2019, 11, 1), date(2019, 11, 30)),
        ("januari", PERIODS[NACKA_2020_FEB], "actual", date(2020, 1, 1), date(2020, 1, 31)),
        ("februari", PERIODS[NACKA_2020_FEB], "actual", date(2020, 2, 1), date(2020, 2, 29)),
        # a month after the report's period is last year's
        ("december", PERIODS[NACKA_2020_FEB], "actual", date(2019, 12, 1), date(2019, 12, 31)),
    ],
)
def test_column_headers_name_role_and_period(header, period, role, start, end) -> None:
    column = parse_column_header(header, *period)
    assert (column.value_role, column.period_start, column.period_end) == (role, start, end)


def test_an_unknown_column_header_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown indicator column header 'Budget 2025'"):
        parse_column_header("Budget 2025", *AUG_2025)


def test_every_month_name_is_a_month_header() -> None:
    for name in MONTHS:
        assert parse_column_header(name, *AUG_2025).value_role == "actual"


# --- the spacing places lone values ----------------------------------------------------


def test_a_lone_value_between_empty_cells_is_placed_by_the_spacing() -> None:
    # 001 line 230 `  84,4 %  T1`: 2016 and 2017 empty, 2018 = 84,4, target empty. The text
    # (line 245) agrees: (167 - 26) / 167 = 84,4 % of LSS housing inside the municipality.
    values, cells = values_line(NACKA_2018_T1, 230, 4)
    assert values.cell_tokens == ["", "", "84,4", ""]
    assert [c.value for c in cells] == [None, None, D("84.4"), None]
    assert cells[2].is_percent


def test_a_printed_dash_is_an_empty_outcome_not_a_minus_sign() -> None:
    # 001 line 141 `- 54 % 36 % 75 % T1`: 2016 `-`, 2017 54, 2018 36, target 75.
    _, cells = values_line(NACKA_2018_T1, 141, 4)
    assert [(c.printed_text, c.value) for c in cells] == [
        ("-", None),
        ("54", D(54)),
        ("36", D(36)),
        ("75", D(75)),
    ]


def test_label_and_a_thousands_number_on_one_line() -> None:
    # 001 line 152: `(N) Antal besök … verksamhet   1 645  T1`: 1 645 is one number, in 2018.
    values, cells = values_line(NACKA_2018_T1, 152, 4)
    assert values.label == "(N) Antal besök i Socialpsykiatrins öppna verksamhet"
    assert [c.value for c in cells] == [None, None, D(1645), None]
    assert split_level_mark(values.label) == (
        "N",
        "Antal besök i Socialpsykiatrins öppna verksamhet",
    )


def test_an_outcome_missing_between_two_values() -> None:
    # 001 line 358 ` 86 %  75 % T1`: 2017 = 86, no 2018 outcome (the text, line 380: reported
    # yearly in Kolada, not per tertial), target 75.
    _, cells = values_line(NACKA_2018_T1, 358, 4)
    assert [c.value for c in cells] == [None, D(86), None, D(75)]


def test_interim_values_lines_with_assessment_and_trend() -> None:
    tail = {"Uppfyllt", "Ej", "Inget", "Delvis"}
    # 004 line 542: three empty outcomes, then August 19 %, target 65 %, forecast 30 %
    # (the comment, line 549: the forecast is revised down to 30 %).
    values, cells = values_line(NORRTALJE_2025_AUG, 542, 6, tail)
    assert [c.value for c in cells] == [None, None, None, D(19), D(65), D(30)]
    assert read_assessment(values.tail) == ("Ej uppfyllt", "Negativ")
    # 004 line 415: the responsible unit, four empty cells, the target 5 %, no forecast.
    values, cells = values_line(NORRTALJE_2025_AUG, 415, 6, tail)
    assert values.label == "Förvaltningskontoret"
    assert [c.value for c in cells] == [None, None, None, None, D(5), None]
    # 004 line 751: six empty cells, `Inget värde` (angivet on the next line).
    values, cells = values_line(NORRTALJE_2025_AUG, 751, 6, tail)
    assert [c.value for c in cells] == [None] * 6
    # 004 line 1204: 2024 = 101 days, August 104, target 95 (the label: `målvärde 95 dgr`),
    # forecast 102.
    _, cells = values_line(NORRTALJE_2025_AUG, 1204, 6, tail)
    assert [c.value for c in cells] == [None, None, D(101), D(104), D(95), D(102)]
    # 004 line 1252: a negative target, -15 % (placement days shall fall).
    _, cells = values_line(NORRTALJE_2025_AUG, 1252, 6, tail)
    assert [c.value for c in cells] == [None, None, D(4), D(25), D(-15), D(17)]


def test_a_line_with_more_numbers_than_columns_is_rejected_not_guessed() -> None:
    # Seven numbers for six columns: any two neighbours could be one number with a thousands
    # group (`399 480`), so five readings fit and none is taken.
    values = split_values("578 534 448 399 480 450 12 Uppfyllt Negativ ", {"Uppfyllt"})
    assert values.cell_tokens
    header = parse_column_header("Mål 2025", *AUG_2025)
    with pytest.raises(ValueError, match="5 readings of '578 534 448 399 480 450 12' as 6 columns"):
        place_values(values, [header] * 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Uppfyllt Positiv", ("Uppfyllt", "Positiv")),
        ("Ej uppfyllt Ej utvärderad", ("Ej uppfyllt", "Ej utvärderad")),
        ("Inget värde angivet Ej utvärderad", ("Inget värde angivet", "Ej utvärderad")),
        ("Uppfyllt  Ej utvärderad  ", ("Uppfyllt", "Ej utvärderad")),
    ],
)
def test_assessment_and_trend_words(text, expected) -> None:
    assert read_assessment(text) == expected


def test_unknown_assessment_words_are_an_error() -> None:
    with pytest.raises(ValueError, match="unknown assessment"):
        read_assessment("Uppfyllt Bra")


# --- every table of every report -------------------------------------------------------


def test_tables_found_per_report() -> None:
    shapes = {
        report_id: [(t.layout, t.title_line, len(t.rows)) for t in indicator_tables(report_id)]
        for report_id in PERIODS
    }
    assert shapes[NACKA_2018_T1] == [
        ("tertial_outcomes", 129, 4),
        ("tertial_outcomes", 214, 2),
        ("tertial_outcomes", 274, 3),
        ("tertial_outcomes", 339, 3),
    ]
    assert shapes[NACKA_2020_FEB] == [("monthly", 376, 12)]
    assert shapes[NACKA_2014_T2] == []  # the strategic-goal tables are read by review
    assert [title_line for _, title_line, _ in shapes[NORRTALJE_2025_AUG]] == [
        350,
        384,
        439,
        503,
        716,
        779,
        860,
        1045,
        1113,
        1174,
    ]
    assert sum(rows for _, _, rows in shapes[NORRTALJE_2025_AUG]) == 17
    assert all(not t.rejects for r in PERIODS for t in indicator_tables(r))


def test_tertial_report_rows() -> None:
    table = indicator_tables(NACKA_2018_T1)[3]
    assert [(r.indicator_level, r.goal_area) for r in table.rows] == [
        ("N", "2.4 Maximalt värde för skattepengarna")
    ] * 3
    assert values_by_header(NACKA_2018_T1, "Antal unga i behov") == {
        "Utfall 2016": D(199),
        "Utfall 2017": D(232),
        "Utfall 2018": D(128),
        "Mål": D(70),
    }
    assert values_by_header(NACKA_2018_T1, "Andel ungdomar som fått insats på MiniMaria") == {
        "Utfall 2016": None,
        "Utfall 2017": None,
        "Utfall 2018": None,
        "Mål": D(60),
    }


def test_monthly_report_rows_and_their_arithmetic() -> None:
    (table,) = indicator_tables(NACKA_2020_FEB)
    assert [c.header for c in table.columns] == ["nov-19", "dec-19", "januari", "februari"]
    long_ones = values_by_header(NACKA_2020_FEB, "Antal placeringar i jourhem")
    ongoing = values_by_header(NACKA_2020_FEB, "Antal pågående placeringar i jourhem")
    share = values_by_header(NACKA_2020_FEB, "Andel av pågående placeringar i jourhem")
    # Lines 398, 400, 402: `  10`, `   25`, `   40%` all stand in January, and 10 / 25 = 40 %.
    assert long_ones == {"nov-19": None, "dec-19": None, "januari": D(10)}
    assert ongoing["januari"] == D(25) and share["januari"] == D(40)
    assert long_ones["januari"] / ongoing["januari"] * 100 == share["januari"]
    # The second header adds February: `Antal tillsvidare anställda som slutat   0 2`.
    assert values_by_header(NACKA_2020_FEB, "Antal tillsvidare anställda som slutat") == {
        "nov-19": None,
        "dec-19": None,
        "januari": D(0),
        "februari": D(2),
    }
    groups = {row.goal_area for row in table.rows}
    assert groups == {
        "1.1 BARNS DELAKTIGHET",
        "2.2 PLACERADE BARN I JOURHEM/FAMILJEHEM",
        "5.2 KONTINUITET",
    }


def test_interim_report_rows() -> None:
    rows = [row for table in indicator_tables(NORRTALJE_2025_AUG) for row in table.rows]
    first = rows[0]
    assert (first.indicator, first.indicator_level, first.responsible_unit) == (
        "Budgetföljsamhet (grad av budgetavvikelse i % per nämnd).",
        "KF",
        "Förvaltningskontoret",
    )
    assert (first.goal_area, first.label_line, first.source_line) == (
        "1.1. En ekonomi i balans.",
        372,
        377,
    )
    assert [cell.value for cell in first.cells] == [
        D("5.6"), D("6.2"), D("-4.1"), D("4.0"), D("0.0"), D("1.0")
    ]  # fmt: skip
    # the assessment wraps over a blank line: `Ej` / `uppfyllt` / `` / `Negativ` (1252-1255)
    placement_days = next(r for r in rows if r.indicator.startswith("Placeringsdygn"))
    assert (placement_days.reported_assessment, placement_days.reported_trend) == (
        "Ej uppfyllt",
        "Negativ",
    )
    # a word broken without its trailing space: `utvärdera` / `d` (1234-1235)
    decisions = next(r for r in rows if r.indicator.startswith("För ärenden som överskrider"))
    assert (decisions.reported_assessment, decisions.reported_trend) == (
        "Inget värde angivet",
        "Ej utvärderad",
    )
    # The text (line 710): `Fyra indikatorer kan inte följas upp` under goal 3.2.
    cannot = [
        r
        for r in rows
        if r.goal_area and r.goal_area.startswith("3.2.") and all(c.value is None for c in r.cells)
    ]
    assert len(cannot) == 4
    assert {r.indicator_level for r in rows} == {"KF", "Nämnd"}
    assert {r.responsible_unit for r in rows} == {
        "Förvaltningskontoret",
        "Avdelningen för försörjning och arbete",
        "Avdelningen för stöd och utveckling",
        "Avdelningen för Barn och Vuxna",
    }


def test_a_table_title_printed_right_under_a_comment_starts_a_new_table() -> None:
    # 004 line 778 is the last comment line and 779 ` Indikator (KF) Ansvarig`, no blank.
    assert report_line(NORRTALJE_2025_AUG, 779).startswith(" Indikator (KF)")
    table = next(t for t in indicator_tables(NORRTALJE_2025_AUG) if t.title_line == 779)
    assert [r.source_line for r in table.rows] == [816, 835, 853]


def _values(tables: list[IndicatorTable]) -> list[tuple]:
    return [
        (
            row.indicator,
            row.indicator_level,
            row.goal_area,
            row.responsible_unit,
            row.reported_assessment,
            row.reported_trend,
            tuple(c.value for c in row.cells),
        )
        for table in tables
        for row in table.rows
    ]


def _cells(tables: list[IndicatorTable]) -> list[tuple]:
    return [values[4:] for values in _values(tables)]


@pytest.mark.parametrize("every", [3, 7, 23])
@pytest.mark.parametrize("report_id", list(PERIODS))
def test_every_indicator_table_reads_the_same_when_paginated_differently(
    report_id: str, every: int
) -> None:
    """A running footer every few lines, inside labels, units and assessments too."""
    text = "\n".join(line.text for line in report_lines(report_id))
    lines = read_lines(paginate(text, every))
    tables = tables_of(lines, report_id)
    assert all(not table.rejects for table in tables)
    assert _values(tables) == _values(list(indicator_tables(report_id)))


def test_a_later_report_of_the_same_family_is_read_without_new_code() -> None:
    """The 004 tables one year on: other years in the headers, other positions."""
    text = (REPORTS / f"{NORRTALJE_2025_AUG}.txt").read_text(encoding="utf-8")
    shifted = "\n\n\n" + text.replace("2025", "2026").replace("2024", "2025")
    lines = read_lines(shifted)
    tables, _ = find_indicator_tables(
        lines, page_furniture(lines), date(2026, 1, 1), date(2026, 8, 31)
    )
    assert [c.header for c in tables[0].columns][-3:] == [
        "Utfall Aug 2026",
        "Mål 2026",
        "Prognos 2026",
    ]
    assert _cells(tables) == _cells(list(indicator_tables(NORRTALJE_2025_AUG)))


# --- 002's strategic-goal tables: reviewed placements ----------------------------------


def curated_rows() -> list[dict[str, str]]:
    with (REFERENCE / "indicator_curated_values.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_reviewed_value_is_printed_on_its_cited_lines() -> None:
    for row in curated_rows():
        first, last = int(row["source_line"]), int(row["source_last_line"])
        printed = join_fragments([report_line(row["report_id"], n) for n in range(first, last + 1)])
        assert row["printed_text"] in printed, (row["source_line"], row["printed_text"])


def test_every_reviewed_value_and_comparator_is_the_printed_ones() -> None:
    # `>=80%` → >= 80, `+/- 20mkr=T1` → +/- 20, `- 35 mnkr T2` → -35, `3.4%` → 3.4
    printed = re.compile(r"^(?P<comparator>>=|<=|>|<|\+/-)? ?(?P<number>-? ?\d+(?:[.,]\d+)?)")
    for row in curated_rows():
        match = printed.match(row["printed_text"])
        if match is None:  # `Fastställa nuläget`: a target without a number
            assert (row["value"], row["comparator"]) == ("", ""), row
            continue
        number = match.group("number").replace(" ", "").replace(",", ".")
        assert D(row["value"]) == D(number), row
        comparator = match.group("comparator") or ""
        assert row["comparator"] == (comparator if row["value_role"] == "target" else ""), row
        assert (row["is_percent"] == "true") == ("%" in row["printed_text"]), row


def test_every_number_of_the_strategic_goal_tables_is_placed_by_review() -> None:
    lines = list(report_lines(NACKA_2014_T2))
    tables = find_strategic_goal_tables(lines)
    assert [(t.title, t.title_line) for t in tables] == [
        ("Strategisk mål tabell 2014 (Verksamhetsresultat)", 355),
        ("Strategisk mål tabell 2014 (Insatta resurser)", 1313),
    ]
    spans = read_curated_spans(REFERENCE / "indicator_curated_values.csv")
    assert {s.table_id for s in spans} == {table_slug(t.title) for t in tables}
    for table in tables:
        assert uncited_value_lines(table, NACKA_2014_T2, table_slug(table.title), spans) == []
    # Dropping a reviewed entry leaves its number unplaced, and the ingest lists it.
    without_granskning = [s for s in spans if s.first_line != 512]
    uncited = uncited_value_lines(
        tables[0], NACKA_2014_T2, table_slug(tables[0].title), without_granskning
    )
    assert [line.number for line in uncited] == [512]


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("5 5 ", True),
        (">=80% ", True),
        ("Socialtjänsten ska ha rättssäker  Granskning >2 ", True),
        ("Effektivt Socialtjänsten ska verka för  Kostnader >3,4 % 3.4% ", True),
        ("- 35 ", True),
        ("20mkr", True),
        ("T3 ", False),
        ("kvalitet med IT-stöd år 2015 ", False),
        ("gare(2 ", False),
    ],
)
def test_which_lines_of_a_strategic_goal_table_hold_a_number(text: str, holds: bool) -> None:
    assert holds_value(text) is holds


def test_reviewed_placements_of_the_hard_cases() -> None:
    by_key = {(r["indicator"], r["value_role"], r["period_end"]): r for r in curated_rows()}
    granskning = "Granskning av ärenden per handläggare (2 ggr per år)"
    assert by_key[(granskning, "target", "2014-12-31")]["value"] == "2"
    assert by_key[(granskning, "target", "2014-12-31")]["comparator"] == ">"
    assert by_key[(granskning, "actual", "2014-08-31")]["source_line"] == "512"
    budget = by_key[("Avvikelse mot budget", "forecast", "2014-12-31")]
    assert (budget["value"], budget["printed_text"]) == ("-35", "- 35 mnkr T2")
    forecasts = "Årskostnadsprognoser med hög träffsäkerhet mot nämndens årsbokslut"
    assert by_key[(forecasts, "target", "2014-04-30")]["value"] == "20"
    assert by_key[(forecasts, "target", "2014-08-31")]["value"] == "15"
    assert "Summa Social- äldrenämnden" in report_line(NACKA_2014_T2, 1114)
    assert "-35 000" in report_line(NACKA_2014_T2, 1114)


# --- reviewed reference ----------------------------------------------------------------


def test_every_indicator_has_a_reviewed_unit_and_direction() -> None:
    with (REFERENCE / "indicator_reference.csv").open(encoding="utf-8") as handle:
        reference = {row["indicator"]: row for row in csv.DictReader(handle)}
    parsed = {row.indicator for r in PERIODS for t in indicator_tables(r) for row in t.rows}
    curated = {row["indicator"] for row in curated_rows()}
    assert parsed | curated == set(reference)


def test_every_restated_value_is_quoted_from_its_line() -> None:
    with (REFERENCE / "indicator_prose_checks.csv").open(encoding="utf-8") as handle:
        checks = list(csv.DictReader(handle))
    assert len(checks) == 9
    for check in checks:
        assert check["quoted_text"] in report_line(check["report_id"], int(check["source_line"]))


# --- a line the spacing cannot place: rejected, or placed by a reviewed override -------

AMBIGUOUS = "578 534 448 399 480 450 12 Uppfyllt Negativ "  # seven numbers, six columns


def with_line(report_id: str, number: int, text: str) -> list[Line]:
    texts = [line.text for line in report_lines(report_id)]
    texts[number - 1] = text
    return read_lines("\n".join(texts))


def test_an_unplaceable_values_line_is_rejected_and_the_table_goes_on() -> None:
    tables = tables_of(with_line(NORRTALJE_2025_AUG, 472, AMBIGUOUS), NORRTALJE_2025_AUG)
    table = next(t for t in tables if t.title_line == 439)
    assert [(r.line, r.label, r.reason) for r in table.rejects] == [
        (
            472,
            "Vuxna biståndsmottagare med mycket långvarigt ekonomiskt bistånd.",
            "5 readings of '578 534 448 399 480 450 12' as 6 columns",
        )
    ]
    assert [r.source_line for r in table.rows] == [491]


def override(line: int, printed: str, cells: tuple[str, ...]) -> PlacementOverride:
    return PlacementOverride(NORRTALJE_2025_AUG, line, printed, cells, "reviewed in a test")


def test_a_reviewed_override_places_what_the_spacing_cannot() -> None:
    reviewed = override(472, AMBIGUOUS, ("578", "534", "448", "399", "480", "450"))
    tables = tables_of(
        with_line(NORRTALJE_2025_AUG, 472, AMBIGUOUS), NORRTALJE_2025_AUG, {472: reviewed}
    )
    row = next(t for t in tables if t.title_line == 439).rows[0]
    assert (row.placement, row.source_line) == ("override", 472)
    assert [c.value for c in row.cells] == [D(578), D(534), D(448), D(399), D(480), D(450)]


def test_a_stale_or_needless_override_rejects_its_table_only() -> None:
    stale = override(472, "578 534 448 399 480 450 13 Uppfyllt Negativ", ("578",) * 6)
    lines = with_line(NORRTALJE_2025_AUG, 472, AMBIGUOUS)
    tables, (failure,) = read_indicators(lines, NORRTALJE_2025_AUG, {472: stale})
    assert failure.line == 472
    assert "override for line 472 was reviewed for" in failure.reason
    assert failure.reason.startswith("indicator table not read: ")
    # the other nine indicator tables of the report still load
    assert len(tables) == len(indicator_tables(NORRTALJE_2025_AUG)) - 1
    needless = override(491, report_line(NORRTALJE_2025_AUG, 491), ("252",) * 6)
    lines = list(report_lines(NORRTALJE_2025_AUG))
    _, (failure,) = read_indicators(lines, NORRTALJE_2025_AUG, {491: needless})
    assert "override for line 491 is needless" in failure.reason


def test_overrides_are_read_from_the_reviewed_seeds(tmp_path) -> None:
    assert read_placement_overrides(REFERENCE / "indicator_overrides.csv") == {}
    path = tmp_path / "indicator_overrides.csv"
    path.write_text(
        "report_id,source_line,printed_line,cells,justification\n"
        f"{NORRTALJE_2025_AUG},472,{AMBIGUOUS},578|534|448|399|480|450,the 2025 text\n",
        encoding="utf-8",
    )
    (read,) = read_placement_overrides(path)[NORRTALJE_2025_AUG].values()
    assert read.cells == ("578", "534", "448", "399", "480", "450")
    path.write_text(
        "report_id,source_line,printed_line,cells,justification\n"
        f"{NORRTALJE_2025_AUG},472,x,1|2,\n",
        encoding="utf-8",
    )
    with pytest.raises(ReviewedDataError, match="override for line 472 says no why"):
        read_placement_overrides(path)


E = None  # an empty cell
HARD_PLACEMENTS = [
    # Every row of the five reports with fewer values than columns, and its evidence.
    # 001, columns Utfall 2016, 2017, 2018 (T1), Mål.
    (NACKA_2018_T1, 141, [E, 54, 36, 75]),  # `-` printed for 2016; text line 163: 36 %
    (NACKA_2018_T1, 148, [E, 95, 99, 94]),  # text line 174: 99 %
    (NACKA_2018_T1, 152, [E, E, 1645, E]),  # text lines 183-184: 1138 + 507 = 1645
    (NACKA_2018_T1, 156, [E, E, 60, E]),  # spacing only: `anhörigstödet   60  T1`
    (NACKA_2018_T1, 223, [E, D("4.8"), D("1.4"), 5]),  # text lines 237-238: 3 / 210
    (NACKA_2018_T1, 230, [E, E, D("84.4"), E]),  # text line 245: (167 - 26) / 167
    (NACKA_2018_T1, 290, [E, E, E, 60]),  # text line 309: no outcome before T2
    (NACKA_2018_T1, 297, [E, E, E, 70]),  # text line 314: no outcome before T2
    (NACKA_2018_T1, 358, [E, 86, E, 75]),  # text line 380: measured yearly only
    (NACKA_2018_T1, 365, [E, E, 94, 100]),  # spacing only: `  94 % 100 % T1`
    # 003, columns nov-19, dec-19, januari (and februari under the second header).
    (NACKA_2020_FEB, 398, [E, E, 10]),  # 10 / 25 = 40 % (lines 398, 400, 402)
    (NACKA_2020_FEB, 400, [E, E, 25]),
    (NACKA_2020_FEB, 402, [E, E, 40]),
    (NACKA_2020_FEB, 416, [E, E, 0, 2]),  # no leaver in January: turnover 0 % (line 418)
    (NACKA_2020_FEB, 418, [E, E, 0, D("2.4")]),
    # 004, columns Utfall 2022, 2023, 2024, Aug 2025, Mål 2025, Prognos 2025.
    (NORRTALJE_2025_AUG, 415, [E, E, E, E, 5, E]),  # label: `avvika mer än 5 %`
    (NORRTALJE_2025_AUG, 542, [E, E, E, 19, 65, 30]),  # comment line 549: forecast 30 %
    (NORRTALJE_2025_AUG, 751, [E] * 6),
    (NORRTALJE_2025_AUG, 771, [E] * 6),
    (NORRTALJE_2025_AUG, 816, [E] * 6),
    (NORRTALJE_2025_AUG, 835, [E] * 6),  # text line 710: four cannot be followed up
    (NORRTALJE_2025_AUG, 896, [E, E, E, 18, 100, 30]),  # comment line 900: 17,5 %
    (NORRTALJE_2025_AUG, 1148, [E, 27, 7, 0, 20, 7]),  # spacing only: leading empty 2022
    (NORRTALJE_2025_AUG, 1204, [E, E, 101, 104, 95, 102]),  # label: `målvärde 95 dgr`
    (NORRTALJE_2025_AUG, 1229, [E, E, E, E, 100, E]),  # comment line 1238: no outcome
    (NORRTALJE_2025_AUG, 1252, [E, E, 4, 25, -15, 17]),  # comment line 1273: target missed
]


@pytest.mark.parametrize(("report_id", "line", "expected"), HARD_PLACEMENTS)
def test_every_row_with_empty_cells_is_placed_as_its_evidence_says(
    report_id: str, line: int, expected: list
) -> None:
    (row,) = [r for t in indicator_tables(report_id) for r in t.rows if r.source_line == line]
    assert [cell.value for cell in row.cells] == [None if v is None else D(v) for v in expected]


def test_the_hard_placements_are_all_the_rows_with_empty_cells() -> None:
    rows = {
        (report_id, row.source_line)
        for report_id in PERIODS
        for table in indicator_tables(report_id)
        for row in table.rows
        if any(cell.value is None for cell in row.cells)
    }
    assert rows == {(report_id, line) for report_id, line, _ in HARD_PLACEMENTS}


def test_a_values_line_with_unknown_assessment_words_is_rejected_not_skipped() -> None:
    # `Uppnått` is no assessment word, so line 472 is not read as values; the comment that
    # follows closes a row that never got its values, and the row is listed.
    lines = with_line(NORRTALJE_2025_AUG, 472, "578 534 448 399 480 450 Uppnått Negativ ")
    table = next(t for t in tables_of(lines, NORRTALJE_2025_AUG) if t.title_line == 439)
    assert [(r.line, r.text.strip(), r.reason) for r in table.rejects] == [
        (
            472,
            "578 534 448 399 480 450 Uppnått Negativ",
            "indicator row without a line that can be read",
        )
    ]
    assert [r.source_line for r in table.rows] == [491]
