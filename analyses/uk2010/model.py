"""The UK House of Commons of May 2010 as weighted games, one per model of who votes.

Everything here uses only the public powerindex API. The choices an analyst can disagree
with live in seats.csv and assumptions.toml, not in this code.
"""

import csv
import sys
from pathlib import Path

import powerindex as pi

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
SEATS_FILE = HERE / "seats.csv"
ASSUMPTIONS_FILE = HERE / "assumptions.toml"
TOTAL_SEATS = 650
SPEAKER = "Speaker"


def read_seats(path=SEATS_FILE):
    """The rows of seats.csv, checked: named parties with positive whole seats adding to 650."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for line, row in enumerate(rows, start=2):
        for field in ("party", "short", "seats", "votes"):
            if not (row.get(field) or "").strip():
                raise ValueError(f"{path}, line {line}: the field {field!r} is empty")
        seats = row["seats"]
        if not seats.isdigit() or int(seats) <= 0:
            raise ValueError(
                f"{path}, line {line}: seats must be a positive integer, got {seats!r}"
            )
        if row["votes"] not in ("yes", "no"):
            raise ValueError(f"{path}, line {line}: votes must be 'yes' or 'no', got"
                             f" {row['votes']!r}")
        row["seats"] = int(seats)
    total = sum(row["seats"] for row in rows)
    if total != TOTAL_SEATS:
        raise ValueError(f"{path}: the seats add up to {total}, not {TOTAL_SEATS}")
    return rows


def read_assumptions(path=ASSUMPTIONS_FILE, rows=None):
    """The models, order, graph and coalitions of assumptions.toml, checked against the seats."""
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    names = {row["short"] for row in (rows or read_seats())}

    def check(name, where):
        if name not in names:
            raise ValueError(f"{path}: {where} names {name!r}, which is not a party of seats.csv")

    for party, count in data["deputy_speakers"].items():
        check(party, "deputy_speakers")
        if not isinstance(count, int) or count < 0:
            raise ValueError(f"{path}: deputy_speakers.{party} must be a whole number")
    for key, spec in data["models"].items():
        for name in spec["excludes"]:
            check(name, f"models.{key}.excludes")
    if data["main_model"] not in data["models"]:
        raise ValueError(f"{path}: main_model {data['main_model']!r} is not one of the models")
    for name in data["order"]:
        check(name, "order")
    if data["graph"].get("rule") not in ("clique", "connected"):
        raise ValueError(f"{path}: graph.rule must be 'clique' or 'connected', got"
                         f" {data['graph'].get('rule')!r}")
    for pair in data["graph"]["incompatible"]:
        if len(pair) != 2:
            raise ValueError(f"{path}: the graph has a pair that is not two names: {pair}")
        for name in pair:
            check(name, "graph.incompatible")
    for label, members in data["coalitions"].items():
        for name in members:
            check(name, f"coalitions.{label!r}")
    return data


def voting_seats(rows, assumptions, model):
    """Player -> the seats that vote in one model (parties with none left out)."""
    spec = assumptions["models"][model]
    seats = {}
    for row in rows:
        party = row["short"]
        if party == SPEAKER or party in spec["excludes"]:
            continue
        count = row["seats"]
        if not spec["deputies_vote"]:
            count -= assumptions["deputy_speakers"].get(party, 0)
        if count > 0:
            seats[party] = count
    return seats


def counted_members(rows, assumptions, model):
    """How many members the majority is taken of: the voting seats, plus the Speaker when
    the model counts every seat (the nominal count)."""
    spec = assumptions["models"][model]
    total = sum(voting_seats(rows, assumptions, model).values())
    if SPEAKER not in spec["excludes"]:
        total += sum(row["seats"] for row in rows if row["short"] == SPEAKER)
    return total


def build_game(rows, assumptions, model):
    """The weighted game of one model: quota a strict majority of the members counted."""
    seats = voting_seats(rows, assumptions, model)
    quota = pi.MAJORITY.resolve(counted_members(rows, assumptions, model))
    return pi.WeightedGame(list(seats.values()), quota, players=list(seats))


def build_graph(game, assumptions):
    """The compatibility graph of assumptions.toml over the players of one game."""
    pairs = [tuple(pair) for pair in assumptions["graph"]["incompatible"]
             if pair[0] in game.players and pair[1] in game.players]
    return pi.compatibility_graph(game, incompatible=pairs)


def order_for(game, assumptions):
    """The ideological order restricted to the players of one game."""
    return [name for name in assumptions["order"] if name in game.players]
