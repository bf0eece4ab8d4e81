"""Every number, amount, percentage and date a person reads: the templates' filters, and
the same text for the terminal, messages, `sammanstallning.xlsx` and the change report.

Digit groups and the space before a unit are no-break spaces (U+00A0); a negative
number has a real minus sign (U+2212). Amounts are whole kronor (int); anything
else is refused, so a float can never reach a paper. One rounding rule: half away
from zero, in exact integer arithmetic (`_half_up`). Text for a terminal or a
message is the same text with ordinary spaces (`as_terminal`).

babel's Swedish locale (2.19) was weighed and not used: its format_decimal and
format_percent write a hyphen-minus (U+002D) for sv_SE, round half to even unless every
call is wrapped in a decimal context, and take Decimals, not the exact Fractions the
figures are.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction

NBSP = "\u00a0"
DIGIT_SPACE = re.compile(r"(?<=\d) (?=\d)")
MINUS = "\u2212"
NO_FIGURE = "–"  # en dash: a figure that does not apply (no share, no comparison)
MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)


def _whole(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"ett belopp ska vara hela kronor (int), inte {type(n).__name__}")
    return n


def _grouped(n: int) -> str:
    text = f"{abs(n):,}".replace(",", NBSP)
    return MINUS + text if n < 0 else text


def belopp(n: int) -> str:
    """Belopp med tusentalsavgränsare, för tabeller under rubriken »kr«.

    375000 → "375 000"
    """
    return _grouped(_whole(n))


def as_terminal(text: str) -> str:
    """A paper's text with ordinary spaces, for a terminal or a message (not a template filter):
    the same characters otherwise, so the figures read the same everywhere."""
    return text.replace(NBSP, " ")


def unbroken_numbers(text: str) -> str:
    """A space between two digits made non-breaking, so that a postcode (»103 51«) or a
    telephone number (»021-00 00 00«) is never split over two lines.

    "Försäkringskassan, 103 51 Stockholm" → "Försäkringskassan, 103\u00a051 Stockholm"
    """
    return DIGIT_SPACE.sub(NBSP, text)


def plain_grouped(n: int) -> str:
    """Digit groups with ordinary spaces, for messages on a terminal (not a template filter).

    1000000 → "1 000 000"
    """
    return as_terminal(belopp(n))


def kronor(n: int) -> str:
    """Belopp i löptext.

    375000 → "375 000 kronor"
    """
    return f"{belopp(n)}{NBSP}kronor"


def kr(n: int) -> str:
    """Belopp med kort enhet.

    375000 → "375 000 kr"
    """
    return f"{belopp(n)}{NBSP}kr"


def forandring(n: int) -> str:
    """Förändring med tecken.

    80425 → "+80 425", -12000 → "−12 000"
    """
    n = _whole(n)
    return f"+{_grouped(n)}" if n > 0 else _grouped(n)


def _exact(x: object) -> Decimal:
    if isinstance(x, bool):
        raise TypeError("en andel ska vara ett tal")
    if isinstance(x, Fraction):
        return Decimal(x.numerator) / Decimal(x.denominator)
    if isinstance(x, float):
        return Decimal(repr(x))
    if isinstance(x, (int, Decimal)):
        return Decimal(x)
    raise TypeError(f"en andel ska vara ett tal, inte {type(x).__name__}")


def _half_up(x: Fraction, scale: int) -> int:
    """x × scale rounded to a whole number, halves away from zero, exactly."""
    units, rest = divmod(abs(x.numerator) * scale, x.denominator)
    units += 2 * rest >= x.denominator
    return -units if x < 0 else units


def nearest_krona(x: Fraction) -> int:
    """An exact amount rounded to whole kronor for display (half away from zero); never used
    to divide money (that is `money.split`).

    Fraction(5, 2) → 3
    """
    return _half_up(x, 1)


def megabytes(size: int) -> str:
    """A size in bytes as whole megabytes (MiB, half up), for a message.

    3 * 1024 * 1024 → "3 MB"
    """
    return f"{plain_grouped(_half_up(Fraction(size, 1024 * 1024), 1))} MB"


def _percent(x: object, decimaler: int, sign: bool) -> str:
    """Rounded half away from zero, exactly: integer arithmetic on the exact fraction."""
    if x is None:
        return NO_FIGURE
    exact = x if isinstance(x, Fraction) else Fraction(_exact(x))
    units = _half_up(exact, 100 * 10**decimaler)
    whole, part = divmod(abs(units), 10**decimaler)
    text = f"{whole},{part:0{decimaler}d}" if decimaler else str(whole)
    if units < 0:
        text = MINUS + text
    elif sign and units:
        text = "+" + text
    return f"{text}{NBSP}%"


def procent(x: object, decimaler: int = 1) -> str:
    """Andel som procent med decimalkomma.

    Fraction(214, 1000) → "21,4 %"
    """
    return _percent(x, decimaler, sign=False)


def forandring_procent(x: object, decimaler: int = 1) -> str:
    """Förändring i procent med tecken; None (ingen jämförelse) blir »–«.

    Fraction(80425, 375000) → "+21,4 %"
    """
    return _percent(x, decimaler, sign=True)


def plain_procent(x: object, decimaler: int = 1) -> str:
    """`procent` with ordinary spaces, for a terminal or a message (not a template filter).

    Fraction(1, 80) → "1,3 %"
    """
    return as_terminal(procent(x, decimaler))


def plain_procent_exact(x: Fraction, most: int = 4) -> str:
    """A percentage with the decimals it needs (at most `most`), for a message that shows
    what the user wrote (not a template filter).

    Fraction(23, 20) → "115 %", Fraction(9999, 10000) → "99,99 %"
    """
    needed = next((d for d in range(most) if (x * 100 * 10**d).denominator == 1), most)
    return plain_procent(x, needed)


NUMBER_WORDS = (
    "noll",
    "en",
    "två",
    "tre",
    "fyra",
    "fem",
    "sex",
    "sju",
    "åtta",
    "nio",
    "tio",
    "elva",
    "tolv",
)
NEUTER_ONE = "ett"


def tal(n: int, genus: str = "utrum") -> str:
    """Tal i löptext: ord upp till tolv, siffror därefter; »ett« med genus="neutrum".

    3 → "tre", 10 → "tio", 13 → "13", (1, "neutrum") → "ett"
    """
    n = _whole(n)
    if 0 <= n <= 12:
        return NEUTER_ONE if n == 1 and genus == "neutrum" else NUMBER_WORDS[n]
    return belopp(n)


def procent_text(x: object, decimaler: int = 1) -> str:
    """Andel i löptext, med ordet procent.

    Fraction(80425, 375000) → "21,4 procent"
    """
    return procent(x, decimaler).replace(f"{NBSP}%", f"{NBSP}procent")


def forandring_text(n: int) -> str:
    """Förändring i löptext, i ord och utan tecken.

    80425 → "en ökning med 80 425 kronor", -12000 → "en minskning med 12 000 kronor",
    0 → "oförändrat"
    """
    n = _whole(n)
    if n == 0:
        return "oförändrat"
    return f"en {'ökning' if n > 0 else 'minskning'} med {kronor(abs(n))}"


def citat(text: object) -> str:
    """Titel på ett annat ärende eller en handling, inom svenska citattecken.

    "Beslut om att delta i länsprocess" → "”Beslut om att delta i länsprocess”"
    """
    return f"\u201d{text}\u201d"


def datum(d: dt.date) -> str:
    """Datum i löptext.

    date(2022, 3, 31) → "31 mars 2022"
    """
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def iso(d: dt.date) -> str:
    """Datum i brevhuvud och tabeller.

    date(2022, 3, 31) → "2022-03-31"
    """
    if isinstance(d, dt.datetime):
        d = d.date()
    return d.isoformat()


def lista(items) -> str:
    """Uppräkning i löptext, utan komma före »och«.

    ["A", "B", "C"] → "A, B och C"
    """
    items = [str(i) for i in items]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} och {items[-1]}"


FILTERS = {
    "belopp": belopp,
    "kronor": kronor,
    "kr": kr,
    "forandring": forandring,
    "procent": procent,
    "forandring_procent": forandring_procent,
    "datum": datum,
    "iso": iso,
    "lista": lista,
    "tal": tal,
    "procent_text": procent_text,
    "forandring_text": forandring_text,
    "citat": citat,
}
FILTER_EXAMPLES = {
    "belopp": (375000,),
    "kronor": (375000,),
    "kr": (375000,),
    "forandring": (80425,),
    "procent": (Fraction(80425, 375000),),
    "forandring_procent": (Fraction(-12000, 375000),),
    "datum": (dt.date(2022, 3, 31),),
    "iso": (dt.date(2022, 3, 31),),
    "lista": (["Försäkringskassan", "Arbetsförmedlingen", "Region Västmanland"],),
    "tal": (3,),
    "procent_text": (Fraction(80425, 375000),),
    "forandring_text": (80425,),
    "citat": ("Beslut om att delta i länsprocess",),
}
