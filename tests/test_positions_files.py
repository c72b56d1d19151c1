"""Positions in game files: a [positions] table in TOML and JSON, position columns in CSV
(other columns ignored), GameSpec.positions, scenarios that merge, drop or move parties,
and round trips through every format."""

import re
from fractions import Fraction as F

import pytest

import powerindex as pi
from powerindex.readwrite import GameSpec, ScenarioChanges, dumps, loads

BUNDESTAG_TOML = '''
title = "Bundestag 2021, CDU and CSU apart"
majority = true
parties = [
    { name = "SPD", seats = 206 },
    { name = "CDU", seats = 152 },
    { name = "CSU", seats = 45 },
    { name = "Greens", seats = 118 },
    { name = "FDP", seats = 92 },
    { name = "AfD", seats = 83 },
    { name = "Linke", seats = 39 },
    { name = "SSW", seats = 1 },
]

[positions]   # CHES 2019 lrgen and galtan; no placement for the SSW
SPD = [3.6190476, 3.3809524]
CDU = [5.8571429, 5.8571429]
CSU = [7.1904764, 7.2857141]
Greens = [3.2380953, 1.0952381]
FDP = [6.4285712, 3.4285715]
AfD = [9.2380953, 9.5238094]
Linke = [1.4285715, 2.8095238]

[scenarios.union]
merge = [{ members = ["CDU", "CSU"], name = "CDU/CSU" }]

[scenarios.without_ssw]
drop = ["SSW"]
positions = { Linke = [1, 3] }
'''


def test_toml_positions_are_exact_and_partial():
    spec = loads(BUNDESTAG_TOML, "toml")
    assert spec.positions["SPD"] == (F("3.6190476"), F("3.3809524"))
    assert "SSW" not in spec.positions
    assert spec.base.positions == spec.positions
    assert "positions on 2 dimensions" in repr(spec)
    assert pi.median_party(spec.game.drop("SSW"), spec.positions).medians[0] == ("CDU",)


def test_a_merged_bloc_sits_at_the_seat_weighted_mean_of_its_members():
    spec = loads(BUNDESTAG_TOML, "toml")
    union = spec.scenarios["union"]
    assert union.positions["CDU/CSU"] == (
        (152 * F("5.8571429") + 45 * F("7.1904764")) / 197,
        (152 * F("5.8571429") + 45 * F("7.2857141")) / 197)
    assert "CDU" not in union.positions and "SSW" not in union.positions


def test_a_dropped_party_takes_its_position_and_a_scenario_can_move_others():
    scenario = loads(BUNDESTAG_TOML, "toml").scenarios["without_ssw"]
    assert "SSW" not in scenario.game.players
    assert scenario.positions["Linke"] == (1, 3)
    assert scenario.positions["SPD"] == (F("3.6190476"), F("3.3809524"))


def test_a_bloc_without_every_member_placed_has_no_position():
    spec = loads(BUNDESTAG_TOML.replace('[scenarios.union]\n', '[scenarios.union]\n'
                                        'description = "with the SSW"\n').replace(
        'members = ["CDU", "CSU"], name = "CDU/CSU"', 'members = ["CSU", "SSW"], name = "X"'),
        "toml")
    assert "X" not in spec.scenarios["union"].positions


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_round_trip_with_positions_and_scenario_positions(fmt):
    spec = loads(BUNDESTAG_TOML, "toml")
    again = loads(dumps(spec, fmt), fmt)
    assert again == spec
    assert again.scenarios["without_ssw"].positions == spec.scenarios["without_ssw"].positions
    # Decimals are written as the decimals they are, exact fractions as "a/b".
    assert "3.6190476" in dumps(spec, fmt)
    odd = GameSpec(pi.WeightedGame([2, 1], 2, players=["A", "B"]),
                   positions={"A": F(1, 3), "B": -2})
    assert '"1/3"' in dumps(odd, fmt) and loads(dumps(odd, fmt), fmt) == odd


def test_toml_positions_section_as_written():
    spec = GameSpec(pi.WeightedGame([2, 1], 2, players=["Left bloc", "B"]),
                    positions={"Left bloc": 1.5, "B": 7})
    assert dumps(spec, "toml").split("\n\n")[1] == '[positions]\n"Left bloc" = 1.5\nB = 7\n'


def test_json_positions_table():
    text = ('{"quota": 3, "parties": [{"name": "A", "seats": 2}, {"name": "B", "seats": 2}],'
            ' "positions": {"A": -1.25, "B": "7/2"}}')
    assert loads(text, "json").positions == {"A": F(-5, 4), "B": F(7, 2)}


# -- CSV -------------------------------------------------------------------------------------


def test_csv_position_column_and_ignored_columns():
    text = ("# quota: majority\n"
            "party,seats,colour,position,leader\n"
            "SPD,206,red,3.6190476,Scholz\n"
            "SSW,1,blue,,Seidler\n")
    spec = loads(text, "csv")
    assert spec.positions == {"SPD": F("3.6190476")}
    assert spec.game.weights == (206, 1)


def test_csv_several_dimensions_in_any_column_order():
    text = ("# quota: 3\n"
            "position_2,party,position_1,seats\n"
            "5,A,1,2\n"
            "-1,B,1/3,2\n")
    assert loads(text, "csv").positions == {"A": (1, 5), "B": (F(1, 3), -1)}


def test_csv_round_trip_with_positions():
    spec = GameSpec(pi.WeightedGame([3, 2, 2], 4, players=["A", "B", "C"]),
                    positions={"A": (0.5, 1), "C": (F(2, 3), -3)})
    text = dumps(spec, "csv")
    assert text.splitlines()[1:] == ["party,seats,position_1,position_2", "A,3,0.5,1",
                                     "B,2,,", "C,2,2/3,-3"]
    assert loads(text, "csv") == spec
    line = GameSpec(pi.WeightedGame([3, 2], 3, players=["A", "B"]), positions={"A": 4})
    assert dumps(line, "csv").splitlines()[1:] == ["party,seats,position", "A,3,4", "B,2,"]
    assert loads(dumps(line, "csv"), "csv") == line


@pytest.mark.parametrize("text, line, message", [
    ("# quota: 2\nparty,seats,position_1,position_3\nA,3,1,2\n", 2, "'position_2' is missing"),
    ("# quota: 2\nparty,seats,position,position_1\nA,3,1,2\n", 2, "not both"),
    ("# quota: 2\nparty,seats,position1\nA,3,1\n", 2, "unknown column 'position1'"),
    ("# quota: 2\nparty,seats,seats\nA,3,1\n", 2, "appears twice"),
    ("# quota: 2\nparty,votes,position\nA,3,1\n", 2, "no column 'seats'"),
    ("# quota: 2\nparty,seats,position_1,position_2\nA,3,1,2\nB,1,1,\n", 4,
     "some dimensions but not on all"),
    ("# quota: 2\nparty,seats,position\nA,3,left\n", 3, "must be a number"),
    ("# quota: 2\nparty,seats,position\nA,3,1\nB,1,1,2\n", 4, "expected 3 cells"),
])
def test_csv_position_errors_point_at_the_line(text, line, message):
    with pytest.raises(pi.GameFileError, match=re.escape(message)) as info:
        loads(text, "csv")
    assert info.value.line == line


def test_csv_cannot_hold_scenarios_even_with_positions():
    with pytest.raises(pi.GameFileError, match="positions and quota"):
        dumps(loads(BUNDESTAG_TOML, "toml"), "csv")


# -- errors in TOML and JSON -----------------------------------------------------------------


@pytest.mark.parametrize("positions, line, message", [
    ('A = 1\nD = 2', 6, '"D" is not a party'),
    ('A = 1\nB = "left"', 6, 'must be a number or a list of numbers, got "left"'),
    ('A = 1\nB = []', 6, "empty list"),
    ('A = 1\nB = [1, 2]', 6, "every position needs the same number"),
    ('A = nan', 5, "must be a number"),
])
def test_toml_position_errors_name_line_and_party(positions, line, message):
    text = ('quota = 3\nparties = [{ name = "A", seats = 2 }, { name = "B", seats = 2 }]\n\n'
            f'[positions]\n{positions}\n')
    with pytest.raises(pi.GameFileError, match=re.escape(message)) as info:
        loads(text, "toml")
    assert info.value.line == line and info.value.field == "positions"


def test_scenario_positions_of_unknown_parties_are_refused():
    text = ('quota = 3\nparties = [{ name = "A", seats = 2 }, { name = "B", seats = 2 }]\n\n'
            '[scenarios.moved]\npositions = { C = 1 }\n')
    with pytest.raises(pi.GameFileError, match="'C' is not a party of this scenario") as info:
        loads(text, "toml")
    assert info.value.field == "positions" and info.value.line == 5


# -- GameSpec and ScenarioChanges in Python --------------------------------------------------


def test_gamespec_checks_its_positions():
    game = pi.WeightedGame([2, 1], 2, players=["A", "B"])
    with pytest.raises(pi.UnknownPlayerError, match="'C'"):
        GameSpec(game, positions={"C": 1})
    with pytest.raises(pi.PositionError, match="different dimensions"):
        GameSpec(game, positions={"A": 1, "B": (1, 2)})
    with pytest.raises(pi.InvalidTypeError, match="order="):
        GameSpec(game, positions=["A", "B"])
    assert GameSpec(game, positions={}).positions is None
    assert GameSpec(game, positions={"A": 0.1}).positions == {"A": F(1, 10)}
    assert GameSpec(game, positions={"A": 1}) != GameSpec(game, positions={"A": 2})


def test_scenario_changes_hold_exact_positions():
    change = ScenarioChanges(positions={"A": 0.5, "B": [1, 2]})
    assert change.positions == (("A", F(1, 2)), ("B", (1, 2)))
    with pytest.raises(pi.PositionError, match="'A'"):
        ScenarioChanges(positions={"A": float("nan")})
    with pytest.raises(pi.InvalidTypeError, match="positions must map"):
        ScenarioChanges(positions="A")
    game = pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"])
    spec = GameSpec(game, positions={"A": 0, "B": 2, "C": 4},
                    changes={"bc": {"merge": [["B", "C"]]}, "moved": {"positions": {"A": 3}}})
    assert spec.scenarios["bc"].positions == {"A": 0, "B+C": 3}
    assert spec.scenarios["moved"].positions == {"A": 3, "B": 2, "C": 4}
    with pytest.raises(pi.PositionError, match="different dimensions"):
        GameSpec(game, positions={"A": 0}, changes={"x": {"positions": {"B": (1, 2)}}})
