"""money.split: the one largest-remainder function."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.money import split


def reference(amount, weights):
    """Plain largest remainder with Fractions: floor, then the rest by fraction, ties by order."""
    total = sum(weights)
    if total == 0:
        weights, total = [1] * len(weights), len(weights)
    quotas = [Fraction(amount) * w / total for w in weights]
    floors = [q.numerator // q.denominator for q in quotas]
    ranked = sorted(range(len(quotas)), key=lambda i: (floors[i] - quotas[i], i))
    for i in ranked[: amount - sum(floors)]:
        floors[i] += 1
    return floors


def test_examples():
    assert split(10, [1, 1, 1]) == [4, 3, 3]
    assert split(500_000, [4_532_764, 12_100_000, 2_813_684]) == [116_545, 311_111, 72_344]
    assert split(100, [Fraction(1, 2), Fraction(1, 4), Fraction(1, 4)]) == [50, 25, 25]
    assert split(0, [3, 4]) == [0, 0]
    assert split(7, [0, 0]) == [4, 3]


def test_ties_go_to_the_earlier_row():
    assert split(1, [1, 1]) == [1, 0]
    assert split(2, [1, 1, 1]) == [1, 1, 0]


@pytest.mark.parametrize(("amount", "weights", "error"), [
    (10.0, [1], TypeError), (True, [1], TypeError), (-1, [1], ValueError),
    (10, [1, -1], ValueError), (10, [], ValueError),
])
def test_refuses(amount, weights, error):
    with pytest.raises(error):
        split(amount, weights)


amounts = st.integers(min_value=0, max_value=10**10)
weights = st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=20)


@given(amounts, weights)
def test_shares_add_up_and_match_a_plain_fraction_computation(amount, ws):
    shares = split(amount, ws)
    assert sum(shares) == amount
    assert all(isinstance(s, int) and s >= 0 for s in shares)
    assert shares == reference(amount, ws)
    total = sum(ws) or len(ws)
    for share, w in zip(shares, ws if sum(ws) else [1] * len(ws)):
        assert abs(share - Fraction(amount * w, total)) < 1
