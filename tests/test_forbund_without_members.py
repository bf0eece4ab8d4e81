"""A förbund with no members (no kommun of its own, and no region or stat party, which belong
to every förbund) is an error naming its cell: nobody could take a share of its capital."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.compute import compute
from pipeline.problems import UserError
from pipeline.validate import load

TOMT = "Samordningsförbundet Tomt"


def only_kommuner(sheets) -> dict:
    """The example county without its region and state parties, the kommuner paying it all."""
    sheets["Parter"] = [r for r in sheets["Parter"] if r[2] not in ("region", "stat")]
    names = {r[0] for r in sheets["Parter"]}
    sheets["Medlemsbidrag"] = [r for r in sheets["Medlemsbidrag"] if r[0] in names or r[0] == "Part"]
    for row in sheets["Parametrar"]:
        row[1] = {"Andel stat": "0 %", "Andel region": "0 %", "Andel kommuner": "100 %"}.get(
            row[0], row[1]
        )
    return sheets


def test_forbund_without_members_is_an_error(sheets, write_workbook, templates):
    only_kommuner(sheets)["Förbund"].append([TOMT, None, 100_000, dt.date(2022, 12, 31)])
    rad = len(sheets["Förbund"])
    with pytest.raises(UserError) as info:
        load(write_workbook(sheets), templates)
    assert [p.message() for p in info.value.problems] == [
        f"Förbund!A{rad} (Förbund): förbundet har inga medlemmar: ingen kommun på bladet Parter "
        "har det i kolumnen Förbund, och det finns ingen region eller stat (de är medlemmar i "
        "alla förbund). Skriv förbundet på dess kommuner på bladet Parter, eller ta bort raden."
    ]


def test_county_of_kommuner_only_is_computed(sheets, write_workbook, templates):
    bok = load(write_workbook(only_kommuner(sheets)), templates)
    figures = compute(bok)
    shares = figures.parter.set_index("namn")["kapitalandel"]
    for row in figures.kapital.itertuples():
        members = bok.parter[bok.parter["forbund"] == row.forbund]["namn"]
        assert sum(int(shares[n]) for n in members) == row.kvar


def test_forbund_with_only_region_and_state_members_is_computed(sheets, write_workbook, templates):
    sheets["Förbund"].append([TOMT, None, 100_000, dt.date(2022, 12, 31)])
    figures = compute(load(write_workbook(sheets), templates))
    assert TOMT in list(figures.kapital["forbund"])
