"""Scenarios that change the parliament: parties added, split into parts, renamed, a new
quota (another vote); WeightedGame.rename, Game.whole, and pi.compare tracing a split party
as the sum of its parts and a renamed party under its first name.

Expected values are computed independently: the parts' values from the split game itself
(its own exact Shapley-Shubik, checked elsewhere against brute force), summed here; the
scenario games are written out by hand from the file texts.
"""

from fractions import Fraction

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import powerindex as pi
from powerindex.errors import GameFileError
from powerindex.readwrite import ScenarioChanges, dumps, loads

PLAYERS = ["Iraqiya", "SoL", "INA", "Kurds", "Small"]
IRAQ = pi.WeightedGame([91, 89, 70, 57, 18], 163, players=PLAYERS)
KURDS = {"KDP+PUK": 43, "Gorran": 8, "Kurdish Islamists": 6}

FILE = """\
title = "Iraq, 2010 (blocs)"
majority = true
parties = [
    { name = "Iraqiya", seats = 91 },
    { name = "SoL", seats = 89 },
    { name = "INA", seats = 70 },
    { name = "Kurds", seats = 57 },
    { name = "Small", seats = 18 },
]

[positions]
Iraqiya = 6
SoL = 4
INA = 2
Kurds = 7
Small = 5

[graph]
incompatible = [["Iraqiya", "SoL"]]

[unions]
Shia = ["SoL", "INA"]

[scenarios.kurds_split]
split = { Kurds = { "KDP+PUK" = 43, Gorran = 8, "Kurdish Islamists" = 6 } }
incompatible = [["Gorran", "KDP+PUK"]]

[scenarios.sadrists]
rename = { INA = "Sadrists" }
merge = [{ members = ["SoL", "Sadrists"], name = "National Alliance" }]

[scenarios.newcomers]
add = { Newcomers = 10 }
positions = { Newcomers = 3 }

[scenarios.two_thirds]
description = "another vote: a two-thirds majority"
quota = "2/3"
"""


# -- WeightedGame.rename and Game.whole ----------------------------------------------------
def test_rename_keeps_weights_order_and_traces_members():
    renamed = IRAQ.rename({"INA": "Sadrists", "Small": "Small lists"})
    assert renamed.players == ("Iraqiya", "SoL", "Sadrists", "Kurds", "Small lists")
    assert renamed.weights == IRAQ.weights and renamed.quota == IRAQ.quota
    assert renamed.members("Sadrists") == ("INA",)
    assert renamed.members("Iraqiya") == ("Iraqiya",)
    assert pi.shapley_shubik(renamed)["Sadrists"] == pi.shapley_shubik(IRAQ)["INA"]


def test_rename_swaps_and_keeps_blocs_and_parts():
    swapped = IRAQ.rename({"SoL": "INA", "INA": "SoL"})
    assert swapped.players == ("Iraqiya", "INA", "SoL", "Kurds", "Small")
    assert swapped.weight("INA") == 89 and swapped.members("INA") == ("SoL",)
    bloc = IRAQ.merge(["SoL", "INA"], name="NA").rename({"NA": "National Alliance"})
    assert bloc.members("National Alliance") == ("SoL", "INA")
    part = IRAQ.split("Kurds", KURDS).rename({"Gorran": "Change"})
    assert part.whole("Change") == ("Kurds",) and part.origin("Change") == "Kurds"


@pytest.mark.parametrize("names, error, message", [
    ({"Kurdz": "K"}, pi.UnknownPlayerError, "'Kurdz' is not a player"),
    ({"INA": "SoL"}, pi.InvalidPlayerError, "'SoL' would name two players"),
    ({"INA": " "}, pi.InvalidPlayerError, "empty name"),
    ({"INA": None}, pi.InvalidPlayerError, "has no name"),
    ([("INA", "X")], pi.InvalidTypeError, "mapping of old names to new names"),
])
def test_rename_refuses_bad_names(names, error, message):
    with pytest.raises(error, match=message):
        IRAQ.rename(names)


def test_whole_of_parts_blocs_and_plain_players():
    split = IRAQ.split("Kurds", KURDS)
    assert {p: split.whole(p) for p in KURDS} == dict.fromkeys(KURDS, ("Kurds",))
    assert split.whole("SoL") == ("SoL",)
    na = IRAQ.merge(["SoL", "INA"], name="NA").split("NA", {"SoL'": 80, "INA'": 79})
    assert na.whole("INA'") == ("SoL", "INA")
    again = split.split("Gorran", {"G1": 5, "G2": 3})
    assert again.whole("G2") == ("Kurds",)
    with pytest.raises(pi.UnknownPlayerError):
        split.whole("Kurds")


# -- compare: parts summed, renames traced ----------------------------------------------------
def _row(table, player):
    return dict(zip(table.columns, table.rows[table.column("player").index(player)],
                    strict=True))


def test_compare_shows_a_split_party_as_the_sum_of_its_parts():
    split = IRAQ.split("Kurds", KURDS)
    table = pi.compare({"whole": IRAQ, "split": split})
    parts = pi.shapley_shubik(split)
    assert _row(table, "Kurds")["split"] == sum(parts[p] for p in KURDS) == Fraction(4, 35)
    assert _row(table, "Kurds")["whole"] == Fraction(2, 15)
    gorran = _row(table, "Gorran")
    assert gorran["whole"] is None and gorran["split"] == parts["Gorran"]
    assert any("sum of its parts" in note for note in table.notes)


def test_a_part_inside_a_bloc_leaves_the_whole_without_a_value():
    mixed = IRAQ.split("Kurds", KURDS).merge(["SoL", "Gorran"], name="X")
    table = pi.compare({"whole": IRAQ, "mixed": mixed})
    assert _row(table, "Kurds")["mixed"] is None
    # The bloc's row in the base game is not traceable either: Gorran did not exist there.
    assert _row(table, "X")["whole"] is None
    assert _row(table, "X")["mixed"] == pi.shapley_shubik(mixed)["X"]


def test_a_part_that_keeps_the_party_name_is_summed_into_the_party_row():
    rebels = IRAQ.split("Kurds", {"Kurds": 50, "Kurdish rebels": 7})
    table = pi.compare({"whole": IRAQ, "rebels": rebels})
    values = pi.shapley_shubik(rebels)
    assert _row(table, "Kurds")["rebels"] == values["Kurds"] + values["Kurdish rebels"]


def test_compare_traces_a_renamed_party_under_its_first_name():
    table = pi.compare({"base": IRAQ, "renamed": IRAQ.rename({"INA": "Sadrists"})})
    assert "Sadrists" not in table.column("player")
    assert _row(table, "INA")["change: base -> renamed"] == 0
    assert "Renamed: INA is 'Sadrists' in renamed." in table.notes


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 9), min_size=2, max_size=6), st.data())
def test_split_row_is_the_sum_of_the_parts_for_random_games(weights, data):
    total = sum(weights)
    quota = data.draw(st.integers(total // 2 + 1, total))
    game = pi.WeightedGame(weights, quota)
    player = data.draw(st.sampled_from(game.players))
    weight = game.weight(player)
    cut = data.draw(st.integers(0, weight))
    split = game.split(player, {"part 1": cut, "part 2": weight - cut})
    row = _row(pi.compare({"a": game, "b": split}, index="banzhaf"), player)
    values = pi.banzhaf(split)
    assert row["b"] == values["part 1"] + values["part 2"]
    assert row["a"] == pi.banzhaf(game)[player]


# -- game files ------------------------------------------------------------------------------
def test_file_scenarios_change_the_parliament():
    spec = loads(FILE, "toml")
    split = spec.scenarios["kurds_split"]
    assert split.game == IRAQ.split("Kurds", KURDS)
    # The parts inherit the Kurds' edges and are compatible with each other, but for the
    # pair the scenario makes incompatible.
    assert split.graph.has_edge("Gorran", "Kurdish Islamists")
    assert not split.graph.has_edge("Gorran", "KDP+PUK")
    assert all(split.graph.has_edge(part, "Iraqiya") for part in KURDS)
    assert not split.graph.has_edge("Iraqiya", "SoL")
    assert {split.positions[p] for p in KURDS} == {7}

    sadrists = spec.scenarios["sadrists"]
    assert sadrists.game.players == ("Iraqiya", "National Alliance", "Kurds", "Small")
    assert sadrists.game.members("National Alliance") == ("SoL", "INA")
    assert sadrists.unions == {"Shia": ["National Alliance"]}
    # Seat-weighted mean of SoL (89 seats at 4) and the Sadrists (70 at 2).
    assert sadrists.positions["National Alliance"] == Fraction(89 * 4 + 70 * 2, 159)

    newcomers = spec.scenarios["newcomers"]
    assert newcomers.game == pi.WeightedGame([91, 89, 70, 57, 18, 10], 168,
                                             players=[*PLAYERS, "Newcomers"])
    assert all(newcomers.graph.has_edge("Newcomers", p) for p in PLAYERS)
    assert newcomers.positions["Newcomers"] == 3 and newcomers.unions == {"Shia": ["SoL", "INA"]}

    two_thirds = spec.scenarios["two_thirds"].game
    assert two_thirds.quota == Fraction(650, 3) and two_thirds.weights == IRAQ.weights


def test_file_comparison_sums_split_parts_and_traces_the_rename():
    spec = loads(FILE, "toml")
    table = pi.compare({"base": spec.base, **spec.scenarios})
    split = spec.scenarios["kurds_split"]
    parts = split.power("shapley_shubik")
    assert _row(table, "Kurds")["kurds_split"] == sum(parts[p] for p in KURDS)
    assert _row(table, "Kurds")["base"] == spec.base.power("shapley_shubik")["Kurds"]
    assert _row(table, "National Alliance")["sadrists"] == (
        spec.scenarios["sadrists"].power("shapley_shubik")["National Alliance"])


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_new_scenario_keys_survive_a_round_trip(fmt):
    spec = loads(FILE, "toml")
    again = loads(dumps(spec, fmt), fmt)
    assert again == spec
    assert again.changes["kurds_split"].split == (("Kurds", tuple(KURDS.items())),)
    assert again.changes["sadrists"].rename == (("INA", "Sadrists"),)
    assert again.changes["newcomers"].add == (("Newcomers", 10),)


def _scenario_file(body):
    return ('majority = true\nparties = [{name="Iraqiya", seats=91}, {name="SoL", seats=89},'
            ' {name="INA", seats=70}, {name="Kurds", seats=57}]\n[scenarios.x]\n' + body + "\n")


@pytest.mark.parametrize("body, line, field, message", [
    ('split = { Kurds = { KDP = 43, Gorran = 8 } }', 4, "split",
     "the parts of 'Kurds' weigh 51 in all, but 'Kurds' weighs 57"),
    ('split = { Kurds = { Kurds = 50, Gorran = 7 } }', 4, "split",
     "a part of 'Kurds' is named 'Kurds': give each part a name of its own"),
    ('split = { Kurds = { A = 57 } }', 4, "split", "needs at least two parts"),
    ('split = { Kurdz = { A = 50, B = 7 } }', 4, "split", '"Kurdz" is not a party'),
    ('rename = { INA = "SoL" }', 4, "rename", "'SoL' would name two players"),
    ('rename = { INA = 5 }', 4, "rename", 'expected the new name of "INA"'),
    ('add = { INA = 3 }', 4, "add", '"INA" is already a party'),
    ('add = { X = -1 }', 4, "add", "expected a non-negative number, got -1"),
    ('incompatible = [["Kurds", "SoL"]]\nsplit = { Kurds = { A = 50, B = 7 } }', 4,
     "incompatible", '"Kurds" is split into "A", "B" in this scenario'),
    ('rename = {INA = "Sadrists"}\nmerge = [["INA", "SoL"]]', 5, "merge",
     '"INA" is renamed "Sadrists" in this scenario'),
])
def test_bad_scenario_changes_name_the_line_and_field(body, line, field, message):
    with pytest.raises(GameFileError) as raised:
        loads(_scenario_file(body), "toml")
    error = raised.value
    assert (error.line, error.field) == (line, field)
    assert message in str(error)


def test_changes_from_python_apply_in_the_documented_order():
    """Seats and drop use the base names; add, split, rename follow; pairs use new names."""
    spec = loads(FILE, "toml")
    changes = ScenarioChanges(seats={"Kurds": 60}, drop=["Small"], add={"New": 5},
                              split={"Kurds": {"K1": 30, "K2": 30}}, rename={"K2": "Kb"},
                              incompatible=[("K1", "Kb")])
    from powerindex.readwrite.scenarios import apply_changes

    scenario = apply_changes(spec, changes)
    assert scenario.game.players == ("Iraqiya", "SoL", "INA", "K1", "Kb", "New")
    assert scenario.game.weights == (91, 89, 70, 30, 30, 5)
    # A majority of the new total (315): more than 157.5 seats.
    assert scenario.game.quota == 158
    assert not scenario.graph.has_edge("K1", "Kb") and scenario.graph.has_edge("K1", "New")
    assert {frozenset(pair) for pair in nx.non_edges(scenario.graph)} == {
        frozenset({"K1", "Kb"}), frozenset({"Iraqiya", "SoL"})}
