"""Small helpers for frames that hold Python objects (text, dates, None, Fractions).

pandas 3 infers a string dtype for lists of str and turns None into NaN; the workbook's
frames keep plain Python values, so their columns are set through here. Amounts that
are computed are int64 columns (`compute.py`); a column that may lack a value is made
an object column with None (`optional`), never a float column with NaN.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd


def with_column(frame: pd.DataFrame, name: str, values: Iterable) -> pd.DataFrame:
    """A copy of `frame` with column `name` set to `values`, kept as Python objects."""
    frame = frame.copy()
    frame[name] = pd.Series(list(values), index=frame.index, dtype=object)
    return frame


def optional(values: pd.Series) -> pd.Series:
    """The column as Python values (int, not numpy.int64), None where there is none."""
    return values.astype(object).where(values.notna(), None)
