"""money.split: the one largest-remainder function."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.money import split


def plain_split(amount: int, weights: list) -> list[int]:
    """Largest remainder written out by hand: floor every exact quota, then one krona each to
    the largest fractional parts, ties to the lower index; all-zero weights count as equal."""
    weights = [Fraction(w) for w in weights]
    if not any(weights):
        weights = [Fraction(1)] * len(weights)
    quotas = [Fraction(amount) * w / sum(weights) for w in weights]
    floors = [int(q) for q in quotas]  # quotas are >= 0, so int() floors
    fractions = [(q - f, -i) for i, (q, f) in enumerate(zip(quotas, floors))]
    for _ in range(amount - sum(floors)):
        best = max(range(len(fractions)), key=lambda i: fractions[i])
        floors[best] += 1
        fractions[best] = (Fraction(-1), 0)  # one krona each at most
    return floors


@pytest.mark.parametrize(
    ("amount", "weights", "shares"),
    [
        (10, [1, 1, 1], [4, 3, 3]),
        (2, [1, 1, 1], [1, 1, 0]),  # ties go to the earlier rows
        (1, [5, 5], [1, 0]),
        (11, [1, 2, 2], [2, 5, 4]),  # 2.2, 4.4, 4.4: the krona left over goes to the earlier .4
        (100, [Fraction(1, 2), Fraction(1, 4), Fraction(1, 4)], [50, 25, 25]),
        (10, [Fraction(1, 3), Fraction(2, 3)], [3, 7]),
        (500_000, [4_532_764, 12_100_000, 2_813_684], [116_545, 311_111, 72_344]),
        (0, [3, 4], [0, 0]),
        (0, [], []),
        (7, [0, 0], [4, 3]),  # all-zero weights: equal shares
        (5, [0, 3], [0, 5]),
    ],
)
def test_examples(amount, weights, shares):
    assert split(amount, weights) == shares


@pytest.mark.parametrize(
    ("amount", "weights", "error"),
    [
        (10.0, [1], TypeError),
        (True, [1], TypeError),
        (Fraction(10), [1], TypeError),
        (-1, [1], ValueError),
        (10, [1, -1], ValueError),
        (10, [Fraction(-1, 2), 1], ValueError),
        (10, [], ValueError),
    ],
)
def test_refuses(amount, weights, error):
    with pytest.raises(error):
        split(amount, weights)


amounts = st.integers(min_value=0, max_value=10**10)
weight = st.one_of(
    st.integers(min_value=0, max_value=10**7),
    st.fractions(min_value=0, max_value=1000, max_denominator=1000),
)
weight_lists = st.lists(weight, min_size=1, max_size=20)


@given(amounts, weight_lists)
def test_shares_add_up_exactly_and_none_is_negative(amount, weights):
    shares = split(amount, weights)
    assert len(shares) == len(weights)
    assert sum(shares) == amount
    assert all(type(s) is int and s >= 0 for s in shares)


@given(amounts, weight_lists)
def test_each_share_is_within_one_krona_of_its_quota(amount, weights):
    shares = split(amount, weights)
    total = sum(Fraction(w) for w in weights)
    quotas = (
        [amount * Fraction(w) / total for w in weights]
        if total
        else [Fraction(amount, len(weights))] * len(weights)
    )
    assert all(abs(s - q) < 1 for s, q in zip(shares, quotas))


@given(amounts, weight_lists)
def test_equals_a_plain_fraction_computation(amount, weights):
    assert split(amount, weights) == plain_split(amount, weights)


@given(st.integers(0, 50), st.lists(st.integers(0, 3), min_size=1, max_size=8))
def test_equals_a_plain_fraction_computation_with_many_ties(amount, weights):
    assert split(amount, weights) == plain_split(amount, weights)
