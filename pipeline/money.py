"""Dividing an amount of whole kronor: the one place where it happens."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from numbers import Rational


def split(amount: int, weights: Sequence[Rational | int]) -> list[int]:
    """Divide `amount` kronor in proportion to `weights` by the largest-remainder method.

    Every share is floored, then the kronor left over go one by one to the largest
    fractional parts; ties go to the earlier receiver (the order of the workbook's
    rows). The shares always add up to `amount` exactly. When every weight is zero,
    the amount is shared equally.

    >>> split(10, [1, 1, 1])
    [4, 3, 3]
    """
    exact = _checked(amount, weights)
    if not exact:
        return []
    total = sum(exact)
    if total == 0:
        exact = [Fraction(1)] * len(exact)
        total = Fraction(len(exact))
    quotas = [amount * w / total for w in exact]
    shares = [q.numerator // q.denominator for q in quotas]
    left = amount - sum(shares)
    order = sorted(range(len(quotas)), key=lambda i: (-(quotas[i] - shares[i]), i))
    for i in order[:left]:
        shares[i] += 1
    return shares


def _checked(amount: int, weights: Sequence[Rational | int]) -> list[Fraction]:
    """The weights as exact Fractions, after refusing what cannot be divided."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"amount must be whole kronor (int), not {type(amount).__name__}")
    if amount < 0:
        raise ValueError("amount must be 0 or more")
    exact = [Fraction(w) for w in weights]
    if any(w < 0 for w in exact):
        raise ValueError("weights must be 0 or more")
    if amount and not exact:
        raise ValueError("cannot divide an amount between no receivers")
    return exact
