"""The Jinja environment a template runs in: sandboxed, immutable and bounded.

- Immutable: a template cannot change the lists and dicts of the context
  (`{{ kapital.rader.clear() }}` is a template error), so one paper can never change
  another.
- No loader: `{% include %}`, `{% import %}` and `{% extends %}` are template errors.
- Bounded: `range()` gives at most MAX_RANGE numbers; `*`, `**` and `%` and the
  filters that pad or repeat refuse results past MAX_LENGTH; every paper has a budget of
  steps (loop turns, attribute look-ups, calls, printed values) and of seconds, checked
  from inside Jinja, so the limit holds in worker processes and on Windows alike.
- No raw markup: `safe` and `urlize` are not filters here (their output would be written
  into the document's XML unescaped); every printed value is escaped.
- Pictures: a printed `Image` (see `images.py`) becomes a picture in the part being
  rendered; a docxtpl Subdoc is refused.
"""

from __future__ import annotations

import functools
import time

from jinja2 import StrictUndefined, TemplateRuntimeError, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from .formatting import FILTERS, plain_grouped

MAX_RANGE = 10_000  # numbers from one range()
MAX_LENGTH = 1_000_000  # characters or items from one operation
MAX_STEPS = 5_000_000  # loop turns, look-ups and calls in one paper
MAX_SECONDS = 20.0  # rendering one paper
CLOCK_EVERY = 4096  # steps between two looks at the clock
REFUSED_FILTERS = ("safe", "urlize")  # they write raw markup into the XML
DICT_ATTRIBUTES = frozenset(dir(dict))  # `d.items` is the method, as in Jinja; `d.typ` is d["typ"]
PLAIN = frozenset({str, int, float, bool, type(None), Markup})  # printed as they are


class LimitError(TemplateRuntimeError):
    """A template went past one of the limits above; `token` is what to look for in the
    template's tags (range, *, a filter's name)."""

    def __init__(self, message: str, token: str = ""):
        super().__init__(message)
        self.token = token


class PaperEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox with limits. `start()` before each paper resets the budget; `picture`
    (set by the renderer for the part being rendered) turns a printed value into a picture
    or passes it on."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, **options):
        super().__init__(**options)
        self.steps = 0
        self.deadline = float("inf")
        self.picture = None  # set per part being rendered, see compiled.py
        self.markup_printed = False  # a printed value wrote XML of its own (RichText...)

    def start(self) -> None:
        self.steps = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def step(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > MAX_STEPS:
            raise LimitError(
                f"mallen tar för många steg (mer än {plain_grouped(MAX_STEPS)} varv, "
                "uppslag och anrop för en handling); en loop tar aldrig slut"
            )
        if (count != 1 or self.steps % CLOCK_EVERY == 0) and time.monotonic() > self.deadline:
            raise LimitError(
                f"mallen tar mer än {MAX_SECONDS:.0f} sekunder för en handling; en loop tar aldrig slut"
            )

    def getattr(self, obj, attribute):
        self.steps += 1  # self.step(), inlined: this runs for every look-up
        if self.steps % CLOCK_EVERY == 0 or self.steps > MAX_STEPS:
            self.step(0)
        if type(obj) is dict and attribute not in DICT_ATTRIBUTES and attribute in obj:
            value = obj[attribute]  # what Jinja's look-up ends in, without its AttributeError
        else:
            value = super().getattr(obj, attribute)
        if type(value) is str and len(value) > MAX_LENGTH:
            sized_value(value)
        return value

    def getitem(self, obj, argument):
        self.steps += 1
        if self.steps % CLOCK_EVERY == 0 or self.steps > MAX_STEPS:
            self.step(0)
        value = super().getitem(obj, argument)
        if type(value) is str and len(value) > MAX_LENGTH:
            sized_value(value)
        return value

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
        __self.step()
        for value in (*args, *kwargs.values()):
            sized_value(value)
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context, operator, left, right):
        self.step()
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int):
                    bounded(len(seq) * times, f"{operator_text(left, right)}", "*")
        elif operator == "**" and isinstance(left, int) and isinstance(right, int):
            if right > 0 and abs(left) > 1 and abs(left).bit_length() * right > 4 * 1024:
                raise LimitError(f"talet {left} ** {right} är för stort", "**")
        elif operator == "%" and isinstance(left, str):
            result = super().call_binop(context, operator, left, right)
            bounded(len(result), "formateringen med %", "%")
            return result
        return super().call_binop(context, operator, left, right)

    def bounded_range(self, *args) -> list[int]:
        numbers = range(*args)
        if len(numbers) > MAX_RANGE:
            raise LimitError(
                f"range() ger {plain_grouped(len(numbers))} tal, högst "
                f"{plain_grouped(MAX_RANGE)} tillåts",
                "range",
            )
        self.step(len(numbers) + 1)
        return list(numbers)


def operator_text(left, right) -> str:
    def short(value):
        text = repr(value)
        return text if len(text) < 20 else text[:17] + "…"

    return f"{short(left)} * {short(right)}"


def bounded(length: int, what: str, token: str = "") -> None:
    if length > MAX_LENGTH:
        raise LimitError(
            f"{what} ger {plain_grouped(length)} tecken, högst {plain_grouped(MAX_LENGTH)} tillåts",
            token,
        )


def sized_value(value):
    """A value read or passed inside a template, refused when it has grown past
    MAX_LENGTH (a string doubled in a loop through a namespace or a macro)."""
    if isinstance(value, str) and len(value) > MAX_LENGTH:
        bounded(len(value), "en text som mallen bygger upp", "~")
    return value


def paper_environment() -> PaperEnvironment:
    env = PaperEnvironment(undefined=StrictUndefined, autoescape=True, keep_trailing_newline=True)
    for name in REFUSED_FILTERS:
        env.filters.pop(name, None)
    for name in ("center", "indent", "wordwrap", "truncate"):  # a width as argument
        env.filters[name] = sized(name, env.filters[name])
    for name in ("join", "replace", "format"):  # a result that can grow
        env.filters[name] = sized_result(name, env.filters[name])
    env.filters.update({name: checked(name, f) for name, f in FILTERS.items()})
    env.globals["range"] = env.bounded_range

    def finalize(value):  # every printed value: plain values pass at once
        if type(value) in PLAIN or env.picture is None:
            return value
        return env.picture(value)

    env.finalize = finalize
    return env


def sized_result(name: str, function):
    """A builtin filter whose result is bounded (it is called often: kept lean)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        result = function(*args, **kwargs)
        if isinstance(result, str) and len(result) > MAX_LENGTH:
            bounded(len(result), f"filtret {name}", name)
        return result

    return wrapper


def sized(name: str, function):
    """A builtin filter whose numeric arguments and result are bounded."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool) and value > MAX_LENGTH:
                bounded(value, f"filtret {name}", name)
        result = function(*args, **kwargs)
        if isinstance(result, str):
            bounded(len(result), f"filtret {name}", name)
        return result

    return wrapper


def checked(name: str, function):
    """A filter that reports an undefined variable as such, and a wrong kind of value as a
    template error naming the filter (not as a crash)."""

    @functools.wraps(function)
    def wrapper(value, *args):
        if isinstance(value, Undefined):
            value._fail_with_undefined_error()
        try:
            return function(value, *args)
        except (TypeError, ValueError, AttributeError) as exc:
            raise TemplateRuntimeError(
                f"filtret {name} kan inte användas på värdet {value!r}: {exc}"
            ) from None

    return wrapper
