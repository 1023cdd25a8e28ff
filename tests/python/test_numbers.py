from decimal import Decimal

import pytest

from ingest.numbers import cell_readings, parse_number


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("-1 175", Decimal("-1175")),
        ("- 1 145", Decimal("-1145")),
        ("- 35", Decimal("-35")),
        ("84,4", Decimal("84.4")),
        ("1 477 490", Decimal("1477490")),
        ("0", Decimal("0")),
        ("61181", Decimal("61181")),
    ],
)
def test_parse_number_reads_swedish_formats(printed: str, value: Decimal) -> None:
    assert parse_number(printed) == value


@pytest.mark.parametrize("printed", ["", "-", "1.175", "abc", "1 17"])
def test_parse_number_rejects_non_numbers(printed: str) -> None:
    with pytest.raises(ValueError):
        parse_number(printed)


def values(reading) -> list[Decimal | None]:
    return [cell.value for cell in reading]


def test_two_numbers_or_one_is_left_open_by_digits_alone() -> None:
    # `1 584 -38 196` (000, Barn och unga): the minus starts a number, the groups do not decide.
    readings = {tuple(values(r)) for r in cell_readings("1 584 -38 196".split(" "))}
    assert (Decimal(1584), Decimal(-38196)) in readings
    assert (Decimal(1), Decimal(584), Decimal(-38196)) in readings
    assert (Decimal(1584), Decimal(-38), Decimal(196)) in readings


def test_a_group_with_a_leading_zero_cannot_start_a_number() -> None:
    # `-2 018` can only be one number: `018` is a thousands group.
    assert [values(r) for r in cell_readings(["-2", "018"])] == [[Decimal(-2018)]]


def test_doubled_space_is_an_empty_cell() -> None:
    # 004 line 1469: `Socialnämnd -1 189 -1 049 140  -1 784 -1 686 98` has an empty 4th cell.
    tokens = "-1 189 -1 049 140  -1 784 -1 686 98".split(" ")
    seven = [values(r) for r in cell_readings(tokens) if len(r) == 7]
    assert [-1189, -1049, 140, None, -1784, -1686, 98] in seven


def test_lone_minus_is_either_an_empty_cell_or_a_detached_sign() -> None:
    readings = [values(r) for r in cell_readings(["-", "35"])]
    assert [None, Decimal(35)] in readings
    assert [Decimal(-35)] in readings


def test_printed_text_is_kept() -> None:
    (reading,) = [r for r in cell_readings(["-", "1", "145"]) if len(r) == 1]
    assert reading[0].text == "- 1 145"


def test_no_break_space_glues_thousands_groups() -> None:
    # PDF exports often separate thousands with U+00A0: then `1 584` is certainly one number.
    readings = [values(r) for r in cell_readings(["1\xa0584", "-38\xa0196"])]
    assert readings == [[Decimal(1584), Decimal(-38196)]]
    assert cell_readings(["1\xa0584"])[0][0].text == "1 584"
