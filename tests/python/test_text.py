from ingest.text import join_fragments, page_furniture
from ingest.tokens import split_values as split_line

from .conftest import NACKA_2017_T1, NACKA_2020_FEB, NORRTALJE_2025_AUG, report_line, report_lines


def test_label_keeps_its_own_numbers() -> None:
    # 000 line 448: `21-64` and `år` belong to the label.
    split = split_line(report_line(NACKA_2017_T1, 448))
    assert split.label == "Vuxna 21-64 år"
    assert split.cell_tokens[:4] == ["6", "443", "-20", "380"]


def test_numbers_only_line_with_leading_empty_cell() -> None:
    # 000 line 444: ` -552 -552      ` = empty revenue, cost, net, five empty cells.
    split = split_line(report_line(NACKA_2017_T1, 444))
    assert split.label == ""
    assert split.leading_space
    assert split.cell_tokens == ["", "-552", "-552", "", "", "", "", ""]


def test_page_start_space_before_a_label_is_not_a_cell() -> None:
    # 002 line 1104 starts a new page: ` LSS/SoL yngre 65 år 25 700 …`
    split = split_line(" LSS/SoL yngre 65 år 25 700 -386 118 -360 418 -345 418 -15 000 ")
    assert split.label == "LSS/SoL yngre 65 år"
    assert split.cell_tokens[0] == "25"


def test_header_line_with_a_number_is_all_label() -> None:
    assert split_line(report_line(NORRTALJE_2025_AUG, 1361)).label == "Ansvar: 5 - Socialnämnd"
    assert split_line(report_line(NORRTALJE_2025_AUG, 1361)).cell_tokens == []


def test_wrapped_label_split_inside_a_word_is_joined_without_space() -> None:
    # 003 lines 253-256: `Myndighet och` / `huvudmannaska` / `p`
    fragments = [report_line(NACKA_2020_FEB, n) for n in (253, 254, 256)]
    assert join_fragments(fragments) == "Myndighet och huvudmannaskap"
    # 000 lines 441-442: `Ankomstregistrerad` / `e fakturor`
    fragments = [report_line(NACKA_2017_T1, n) for n in (441, 442)]
    assert join_fragments(fragments) == "Ankomstregistrerade fakturor"


def test_wrapped_label_over_blank_lines() -> None:
    # 000 lines 455-457: `Gemensam`, blank, `socialtjänst`
    fragments = [report_line(NACKA_2017_T1, n) for n in (455, 456, 457)]
    assert join_fragments(fragments) == "Gemensam socialtjänst"


def test_page_footer_is_furniture_but_repeated_header_cells_are_not() -> None:
    lines = list(report_lines(NORRTALJE_2025_AUG))
    furniture = page_furniture(lines)
    assert report_line(NORRTALJE_2025_AUG, 337).startswith("DELÅRSRAPPORT PER AUGUSTI 2025")
    assert {337, 663, 1162} <= furniture
    assert 1364 not in furniture  # `Aug 2025`, a header cell repeated in every table


def test_unicode_minus_and_en_dash_before_digits_are_minus_signs() -> None:
    split = split_line("Barn och unga 1 584 \u221238 196 \u201336 612 ")
    assert split.label == "Barn och unga"
    assert split.cell_tokens == ["1", "584", "-38", "196", "-36", "612"]
    # An en dash between words stays in the label.
    assert (
        split_line("Individ \u2013 och familjeomsorg 12 ").label
        == "Individ \u2013 och familjeomsorg"
    )
