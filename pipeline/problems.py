"""Problems the user must fix: collected as values, reported all at once, in Swedish."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the workbook or a template.

    `where` is a cell reference such as ``Parter!E7`` or a file name; `header`
    the column's header as the user wrote it; `value` what was found; `expected`
    what should be there, as a Swedish phrase ("ett heltal större än 0"). A problem that
    concerns no value (a missing sheet, a file that cannot be read) is made with `note`.
    """

    where: str
    expected: str
    value: object = None
    header: str | None = None
    found: bool = True  # False (only through `note`): the message says nothing about a value

    @classmethod
    def note(cls, where: str, text: str, header: str | None = None) -> Problem:
        """A problem told in a sentence of its own, without a value found and expected:
        "Parametrar: parametern »Län« saknas; …"."""
        return cls(where, text, header=header, found=False)

    def message(self) -> str:
        head = f"{self.where}"
        if self.header:
            head += f" ({self.header})"
        if not self.found:
            return f"{head}: {self.expected}"
        return f"{head}: fann {describe(self.value)}, förväntade {self.expected}."


def describe(value: object) -> str:
    if value is None or value == "":
        return "en tom cell"
    if isinstance(value, bool):
        return "»SANT«" if value else "»FALSKT«"
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, float):
        value = repr(value).replace(".", ",")
    return f"»{value}«"


class UserError(Exception):
    """Raised with every problem found; the CLI prints them and exits with 2."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(p.message() for p in problems))
        self.problems = problems
