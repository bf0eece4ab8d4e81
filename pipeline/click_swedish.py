"""Click's own words (usage errors, help headings) in Swedish, and output that survives any
terminal.

Click marks its texts for gettext but ships no Swedish catalogue, so `install()` gives
click's modules a gettext function that looks the English text up in `TEXTS` (a text not
listed stays English, and the tests name the ones a user meets). `safe_streams()` makes
stdout and stderr write characters their encoding lacks (cp1252 has no "−") as their
nearest ASCII instead of failing.
"""

from __future__ import annotations

import codecs
import contextlib
import sys

import click

TEXTS = {
    "Usage:": "Användning:",
    "Options": "Flaggor",
    "Commands": "Kommandon",
    "Positional arguments": "Argument",
    "Show this message and exit.": "Visa den här hjälpen och avsluta.",
    "Show the version and exit.": "Visa versionen och avsluta.",
    "Error: {message}": "Fel: {message}",
    "Try '{command} {option}' for help.": "Skriv '{command} {option}' för hjälp.",
    "Aborted!": "Avbrutet.",
    "No such command {name!r}.": "Det finns inget kommando som heter {name!r}.",
    "No such option {name!r}.": "Det finns ingen flagga som heter {name!r}.",
    "No such option: {name}": "Det finns ingen flagga som heter {name}",
    "Missing command.": "Ett kommando saknas.",
    "Missing argument": "Argument saknas",
    "Missing option": "Flagga saknas",
    "Missing parameter": "Värde saknas",
    "Missing {param_type}": "{param_type} saknas",
    "Missing parameter: {param_name}": "Värde saknas: {param_name}",
    "Invalid value: {message}": "Ogiltigt värde: {message}",
    "Invalid value for {param_hint}: {message}": "Ogiltigt värde för {param_hint}: {message}",
    "{value!r} is not a valid {number_type}.": "{value!r} är inte ett giltigt heltal.",
    "{value} is not in the range {range}.": "{value} ligger inte i intervallet {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} är inte ja eller nej. Giltiga värden: {states}",
    "Option {name!r} does not take a value.": "Flaggan {name!r} tar inget värde.",
    "Option {name!r} requires an argument.": "Flaggan {name!r} behöver ett värde.",
    "Option {name!r} requires {nargs} arguments.": "Flaggan {name!r} behöver {nargs} värden.",
    "Got unexpected extra argument ({args})": "Oväntat extra argument ({args})",
    "Got unexpected extra arguments ({args})": "Oväntade extra argument ({args})",
    "Did you mean {possibility}?": "Menade du {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Menade du någon av: {possibilities}?)",
    "{value!r} does not match the format {format}.": "{value!r} är inte ett datum i formen ÅÅÅÅ-MM-DD.",
    "{value!r} does not match the formats {formats}.": "{value!r} har ingen av formerna {formats}.",
    "{value!r} is not {choice}.": "{value!r} är inte {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} är inte ett av {choices}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} finns inte.",
    "{name} {filename!r} is a file.": "{name} {filename!r} är en fil.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} är en mapp.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} går inte att läsa.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} går inte att skriva.",
    "Could not open file {filename!r}: {message}": "Kunde inte öppna {filename!r}: {message}",
    "file": "fil",
    "directory": "mapp",
    "path": "sökväg",
    "default: {default}": "standard: {default}",
    "required": "krävs",
    "env var: {var}": "miljövariabel: {var}",
    "unknown error": "okänt fel",
    "(dynamic)": "(beräknas)",
}
MODULES = ("core", "exceptions", "parser", "types", "decorators", "formatting", "termui")
# what a terminal without these characters shows instead
ASCII = {
    "\u2212": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u00bb": '"',
    "\u00ab": '"',
    "\u2192": "->",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00a7": "S",
}


def gettext(message: str) -> str:
    return TEXTS.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


def install() -> None:
    """Give click's modules the Swedish gettext (they look up `_` and `ngettext` when a text
    is shown, so this works for every command)."""
    for name in MODULES:
        module = sys.modules.get(f"click.{name}") or __import__(f"click.{name}", fromlist=["_"])
        if hasattr(module, "_"):
            setattr(module, "_", gettext)  # noqa: B010 (click's module has no such attribute to type)
        if hasattr(module, "ngettext"):
            setattr(module, "ngettext", ngettext)  # noqa: B010


def nearest_ascii(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(ASCII.get(c, "?") for c in bad), error.end


codecs.register_error("papers-ascii", nearest_ascii)


def safe_streams() -> None:
    """stdout and stderr never fail on a character their encoding lacks."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="papers-ascii")


class SwedishCommand(click.Command):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[FLAGGOR]")
        super().__init__(*args, **kwargs)


class SwedishGroup(click.Group):
    command_class = SwedishCommand

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[FLAGGOR]")
        kwargs.setdefault("subcommand_metavar", "KOMMANDO [ARGUMENT]...")
        super().__init__(*args, **kwargs)

    def main(self, *args, **kwargs):
        install()
        safe_streams()
        return super().main(*args, **kwargs)
