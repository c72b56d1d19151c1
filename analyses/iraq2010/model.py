"""The Iraq 2010 parliament as games: data, models of the small lists, graphs and scenarios.

Everything here uses only the public powerindex API. The choices an analyst can disagree
with live in seats.csv and assumptions.toml, not in this code.
"""

import csv
import sys
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import powerindex as pi

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
SEATS_FILE = HERE / "seats.csv"
ASSUMPTIONS_FILE = HERE / "assumptions.toml"
QUOTA = 163
TOTAL_SEATS = 325
KURDS = "Kurds"
MALIKI = "State of Law"
NATIONAL_ALLIANCE = "National Alliance"
GRAND_PACT = "Grand pact"

SHORT_MODEL_NAMES = {"blocs": "block of 18", "groups": "6/4/8", "lists": "small lists apart",
                     "all-lists": "all lists apart"}

# How the 325 seats are grouped into players. Each model maps a row of seats.csv to
# the player it belongs to.
MODELS = OrderedDict(
    [
        ("blocs", ("Small lists as one block of 18 (design card)",
                   lambda row: row["bloc"])),
        ("groups", ("Small lists as Tawafuq 6, Unity Alliance 4, minorities 8",
                    lambda row: row["group"])),
        ("lists", ("Every small list separately",
                   lambda row: row["bloc"] if row["bloc"] != "Small lists" else row["short"])),
        ("all-lists", ("Every list separately, the Kurdish parties too",
                       lambda row: row["short"])),
    ]
)


def read_seats(path=SEATS_FILE):
    """The rows of seats.csv, checked: named lists with positive whole seats adding to 325."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    required = ("list", "short", "seats", "bloc", "group")
    for line, row in enumerate(rows, start=2):
        for field in required:
            if not (row.get(field) or "").strip():
                raise ValueError(f"{path}, line {line}: the field {field!r} is empty")
        seats = row["seats"]
        if not seats.isdigit() or int(seats) <= 0:
            raise ValueError(
                f"{path}, line {line}: seats must be a positive integer, got {seats!r}"
            )
        row["seats"] = int(seats)
    total = sum(row["seats"] for row in rows)
    if total != TOTAL_SEATS:
        raise ValueError(f"{path}: the seats add up to {total}, not {TOTAL_SEATS}")
    return rows


def read_assumptions(path=ASSUMPTIONS_FILE):
    """The graphs, rule and pacts of assumptions.toml."""
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    if data.get("rule") not in ("clique", "connected"):
        raise ValueError(f"{path}: rule must be 'clique' or 'connected', got {data.get('rule')!r}")
    for name, graph in data["graphs"].items():
        for pair in graph["incompatible"]:
            if len(pair) != 2:
                raise ValueError(f"{path}: graph {name!r} has a pair that is not two names: {pair}")
    return data


def build_game(rows, model):
    """The weighted game of one model: lists grouped into players, seats added up."""
    _, player_of = MODELS[model]
    seats = OrderedDict()
    for row in rows:
        player = player_of(row)
        seats[player] = seats.get(player, 0) + row["seats"]
    return pi.WeightedGame(list(seats.values()), QUOTA, players=list(seats))


def kurdish_players(rows, model):
    """The players of a model that make up the Kurdish bloc."""
    _, player_of = MODELS[model]
    return sorted({player_of(row) for row in rows if row["bloc"] == KURDS},
                  key=[player_of(r) for r in rows].index)


def build_graph(game, assumptions, graph_name):
    """The compatibility graph of one assumption, over the players of one model."""
    pairs = [tuple(pair) for pair in assumptions["graphs"][graph_name]["incompatible"]
             if pair[0] in game.players and pair[1] in game.players]
    return pi.compatibility_graph(game, incompatible=pairs)


@dataclass(frozen=True)
class Case:
    """One scenario under one model and one graph."""

    key: str
    label: str
    title: str
    scenario: pi.Scenario
    formateur: str
    kurds: tuple  # the players that make up the Kurdish bloc in this scenario


def scenarios(rows, assumptions, model, graph_name):
    """The scenarios of the report, in order, for one model and one graph."""
    game = build_game(rows, model)
    graph = build_graph(game, assumptions, graph_name)
    rule = assumptions["rule"]
    kurds = tuple(kurdish_players(rows, model))
    sadr = assumptions["pacts"]["sadr_backs_maliki"]
    grand = assumptions["pacts"]["grand_coalition"]

    merged = game.merge(sadr, name=NATIONAL_ALLIANCE)
    merged_graph = pi.merge_graph(graph, sadr, NATIONAL_ALLIANCE)
    # The grand coalition deal settles the quarrels among its members, whatever the graph.
    settled = graph.copy()
    settled.add_edges_from((a, b) for a in grand for b in grand if a < b)
    grand_game = game.merge(grand, name=GRAND_PACT)
    grand_graph = pi.merge_graph(settled, grand, GRAND_PACT)
    return [
        Case("deadlock", "1", "1. Deadlock (March-September 2010)",
             pi.Scenario(game, graph, rule=rule), MALIKI, kurds),
        Case("sadr-merged", "2a", "2a. Sadr backs Maliki: State of Law and INA merged",
             pi.Scenario(merged, merged_graph, rule=rule), NATIONAL_ALLIANCE, kurds),
        Case("sadr-union", "2b", "2b. Sadr backs Maliki: State of Law and INA as an a priori union",
             pi.Scenario(game, graph, unions=[sadr], rule=rule), MALIKI, kurds),
        Case("grand-merged", "3a", "3a. Grand coalition talk: Iraqiya, State of Law, INA merged",
             pi.Scenario(grand_game, grand_graph, rule=rule), GRAND_PACT, kurds),
        Case("grand-union", "3b", "3b. Grand coalition talk: Iraqiya, State of Law, INA as a union",
             pi.Scenario(game, settled, unions=[grand], rule=rule), MALIKI, kurds),
    ]
