"""The Swedish filters: no-break spaces, real minus signs, exact rounding, no floats."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.formatting import (
    FILTER_EXAMPLES,
    FILTERS,
    belopp,
    datum,
    forandring,
    forandring_procent,
    iso,
    kr,
    kronor,
    lista,
    nearest_krona,
    plain_grouped,
    plain_procent,
    plain_procent_exact,
    procent,
)

NB = "\u00a0"
MINUS = "\u2212"


def test_amounts():
    assert belopp(375000) == f"375{NB}000"
    assert kronor(375000) == f"375{NB}000{NB}kronor"
    assert kr(4861612) == f"4{NB}861{NB}612{NB}kr"
    assert belopp(0) == "0"
    assert belopp(-12000) == f"{MINUS}12{NB}000"


def test_changes():
    assert forandring(80425) == f"+80{NB}425"
    assert forandring(-12000) == f"{MINUS}12{NB}000"
    assert forandring(0) == "0"


@pytest.mark.parametrize("value", [375000.0, Fraction(1, 2), True, None, "375000"])
def test_amount_filters_refuse_anything_but_whole_kronor(value):
    with pytest.raises(TypeError):
        belopp(value)


def test_percentages():
    assert procent(Fraction(80425, 375000)) == f"21,4{NB}%"
    assert procent(0.2145) == f"21,5{NB}%"  # what was typed is what is rounded
    assert procent(Fraction(1, 4), 0) == f"25{NB}%"
    assert procent(Fraction(1, 4)) == f"25,0{NB}%"
    assert procent(Fraction(-1, 3)) == f"{MINUS}33,3{NB}%"
    assert forandring_procent(Fraction(80425, 375000)) == f"+21,4{NB}%"
    assert forandring_procent(Fraction(-12000, 375000)) == f"{MINUS}3,2{NB}%"
    assert forandring_procent(0) == f"0,0{NB}%"
    assert procent(None) == "–" and forandring_procent(None) == "–"


def test_one_rounding_rule_half_away_from_zero():
    assert procent(Fraction(1, 80)) == f"1,3{NB}%"  # 1,25 %
    assert procent(Fraction(-1, 80)) == f"{MINUS}1,3{NB}%"
    assert procent(Fraction(1, 8), 0) == f"13{NB}%"
    assert procent(Fraction(-1, 10**6)) == f"0,0{NB}%"  # no minus sign on a zero
    assert [nearest_krona(Fraction(n, 2)) for n in (5, 3, 1, -1, -3)] == [3, 2, 1, -1, -2]
    assert nearest_krona(Fraction(2000499, 1000)) == 2000


def test_terminal_text_is_the_papers_text_with_ordinary_spaces():
    assert plain_procent(Fraction(1, 80)) == "1,3 %"
    assert plain_procent(Fraction(80425, 375000)) == procent(Fraction(80425, 375000)).replace(NB, " ")
    assert plain_grouped(-1_234_567) == f"{MINUS}1 234 567"


@pytest.mark.parametrize(
    ("share", "text"),
    [
        (Fraction(23, 20), "115 %"),
        (Fraction(9999, 10000), "99,99 %"),
        (Fraction(1, 3) * 3 + Fraction(1, 10**5), "100,001 %"),
        (Fraction(1, 3), "33,3333 %"),
        (Fraction(1, 10**7), "0,0000 %"),
    ],
)
def test_a_share_the_user_wrote_keeps_its_decimals(share, text):
    assert plain_procent_exact(share) == text


def test_dates_and_lists():
    assert datum(dt.date(2022, 3, 31)) == "31 mars 2022"
    assert datum(dt.date(2024, 1, 1)) == "1 januari 2024"
    assert iso(dt.datetime(2022, 3, 31, 12, 0)) == "2022-03-31"
    assert (
        lista(["Arbetsförmedlingen", "Försäkringskassan", "Region Västmanland"])
        == "Arbetsförmedlingen, Försäkringskassan och Region Västmanland"
    )
    assert lista(["A", "B"]) == "A och B"
    assert lista(["A"]) == "A"
    assert lista([]) == ""


def test_every_filter_has_an_example_and_a_docstring():
    assert set(FILTERS) == set(FILTER_EXAMPLES)
    for name, function in FILTERS.items():
        assert function.__doc__
        assert isinstance(function(*FILTER_EXAMPLES[name]), str)


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_belopp_round_trips(n):
    assert int(belopp(n).replace(NB, "").replace(MINUS, "-")) == n


@given(st.integers(-(10**6), 10**6), st.integers(1, 10**6), st.integers(0, 3))
def test_percent_rounds_half_away_from_zero_exactly(num, den, decimals):
    text = procent(Fraction(num, den), decimals).replace(NB + "%", "")
    value = Fraction(text.replace(MINUS, "-").replace(",", "."))
    exact = Fraction(num * 100, den)
    step = Fraction(1, 10**decimals)
    assert abs(value - exact) <= step / 2
    if abs(value - exact) == step / 2:
        assert abs(value) > abs(exact)


def test_megabytes_round_half_up_like_every_other_figure():
    from pipeline.formatting import megabytes

    assert megabytes(5 * 1024 * 1024 // 2) == "3 MB"  # 2,5 MB: half up, not to the even 2
    assert megabytes(2048 * 1024 * 1024) == "2 048 MB"


def test_digit_groups_are_kept_together_but_words_are_not():
    from pipeline.formatting import unbroken_numbers

    assert unbroken_numbers("Box 103, 103 51 Stockholm") == "Box 103, 103\u00a051 Stockholm"
    assert unbroken_numbers("021-00 00 00") == "021-00\u00a000\u00a000"
