"""Small helpers for frames that hold Python objects (ints, Fractions, dates, None).

pandas 3 infers a string dtype for lists of str and turns None into NaN; the
pipeline's frames keep plain Python values, so columns are always set through here.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd


def with_column(frame: pd.DataFrame, name: str, values: Iterable) -> pd.DataFrame:
    """A copy of `frame` with column `name` set to `values`, kept as Python objects."""
    frame = frame.copy()
    frame[name] = pd.Series(list(values), index=frame.index, dtype=object)
    return frame


def object_frame(columns: dict[str, Iterable]) -> pd.DataFrame:
    return pd.DataFrame({k: pd.Series(list(v), dtype=object) for k, v in columns.items()})
