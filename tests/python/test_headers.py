import pytest

from ingest.families.budget import LEXICON as BUDGET_LEXICON
from ingest.headers import HeaderError, column_headers

NACKA_TERTIAL = (
    "Verksamhet, tkr Ack utfall 2018 Ack budget 2018 Helår budget och prognos 2018 "
    "Kostnader (-) Intäkter (+) Utfall intäkter Utfall kostnader Utfall netto Budget netto "
    "Budget- avvikelse Budget netto Prognos netto Prognos avvikelse"
)


def test_nacka_tertial_header_deals_columns_to_their_groups() -> None:
    assert column_headers(NACKA_TERTIAL, BUDGET_LEXICON) == [
        "Ack utfall 2018 | Utfall intäkter",
        "Ack utfall 2018 | Utfall kostnader",
        "Ack utfall 2018 | Utfall netto",
        "Ack budget 2018 | Budget netto",
        "Ack budget 2018 | Budget-avvikelse",
        "Helår budget och prognos 2018 | Budget netto",
        "Helår budget och prognos 2018 | Prognos netto",
        "Helår budget och prognos 2018 | Prognos avvikelse",
    ]


def test_nacka_monthly_header_with_budget_revenue_and_cost() -> None:
    text = (
        "Verksamhet, tkr Ack utfall 2020 Ack budget 2020 Helår budget och prognos 2020 "
        "Kostnader (-) Intäkter (+) Utfall intäkter Utfall kostnader Utfall netto "
        "Budget intäkter Budget kostnader Budget netto Budget- avvikelse Budget netto "
        "Prognos netto Prognos avvikelse"
    )
    headers = column_headers(text, BUDGET_LEXICON)
    assert len(headers) == 10
    assert headers[3:8] == [
        "Ack budget 2020 | Budget intäkter",
        "Ack budget 2020 | Budget kostnader",
        "Ack budget 2020 | Budget netto",
        "Ack budget 2020 | Budget-avvikelse",
        "Helår budget och prognos 2020 | Budget netto",
    ]


def test_annual_forecast_header_spans_only_its_own_columns() -> None:
    # 002 lines 1096-1099: the sub-headers come after the stand-alone columns in the text.
    text = (
        "Verksamhet, tkr Årsprognos 2014 Årsbudget 2014 Budgetavvikelse "
        "Kostnader (-) Intäkter (+) Intäkter Kostnader Netto"
    )
    assert column_headers(text, BUDGET_LEXICON) == [
        "Årsprognos 2014 | Intäkter",
        "Årsprognos 2014 | Kostnader",
        "Årsprognos 2014 | Netto",
        "Årsbudget 2014",
        "Budgetavvikelse",
    ]


def test_norrtalje_flat_header() -> None:
    text = (
        "Driftredovisning Ansvar: 5 - Socialnämnd Budget Jan - Aug 2025 Utfall Jan - Aug 2025 "
        "Avvikelse Jan - Aug 2025 Utfall Jan - Aug 2024 Budget helår 2025 Prognos 4 Avvikelse "
        "Budget-Prognos"
    )
    assert column_headers(text, BUDGET_LEXICON) == [
        "Budget Jan - Aug 2025",
        "Utfall Jan - Aug 2025",
        "Avvikelse Jan - Aug 2025",
        "Utfall Jan - Aug 2024",
        "Budget helår 2025",
        "Prognos 4",
        "Avvikelse Budget-Prognos",
    ]


def test_other_period_reads_the_same_way() -> None:
    text = NACKA_TERTIAL.replace("2018", "2019")
    assert column_headers(text, BUDGET_LEXICON)[0] == "Ack utfall 2019 | Utfall intäkter"


def test_unknown_header_text_is_an_error_not_a_guess() -> None:
    with pytest.raises(HeaderError, match="Avvikelse mot plan"):
        column_headers("Verksamhet, tkr Utfall netto Avvikelse mot plan", BUDGET_LEXICON)
