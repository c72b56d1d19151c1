"""The Table type: every renderer keeps the exact values and the layout a reader expects."""

import csv
import io
from fractions import Fraction

import pytest

import powerindex as pi


def sample():
    return pi.Table(["player", "seats", "power", "veto"],
                    [["A|B", 3, Fraction(1, 3), True], ["C_1", 2, Fraction(2, 3), False],
                     ["D", 0, None, False]],
                    title="Power & seats")


def test_csv_keeps_exact_and_decimal_values():
    rows = list(csv.reader(io.StringIO(sample().to_csv())))
    assert rows[0] == ["player", "seats", "power", "power (decimal)", "veto"]
    assert rows[1] == ["A|B", "3", "1/3", "0.3333333333333333", "true"]
    assert Fraction(rows[2][2]) == Fraction(2, 3)
    assert rows[3] == ["D", "0", "", "", "false"]


def test_markdown_escapes_pipes_and_aligns_numbers():
    lines = sample().to_markdown().splitlines()
    assert lines[0] == "| player | seats | power | veto |"
    assert lines[1] == "|:---|---:|---:|:---|"
    assert lines[2] == "| A\\|B | 3 | 1/3 (0.3333) | yes |"
    assert lines[4] == "| D | 0 | - |  |"


def test_latex_uses_booktabs_fractions_and_escapes():
    latex = sample().to_latex()
    assert r"\caption{Power \& seats}" in latex
    assert r"\toprule" in latex and r"\bottomrule" in latex
    assert r"$\frac{1}{3}$ (0.3333)" in latex
    assert r"C\_1" in latex


def test_text_rendering():
    text = str(sample()).splitlines()
    assert text[0] == "Power & seats"
    assert text[1].split() == ["player", "seats", "power", "veto"]
    assert text[2].split() == ["A|B", "3", "1/3", "(0.3333)", "yes"]


def test_records_and_column():
    table = sample()
    assert table.records()[1] == {"player": "C_1", "seats": 2, "power": Fraction(2, 3),
                                  "veto": False}
    assert table.column("seats") == [3, 2, 0]
    with pytest.raises(pi.InvalidTypeError, match="no column 'votes'"):
        table.column("votes")


def test_rows_must_match_columns():
    with pytest.raises(pi.InvalidTypeError, match="row 2 has 1 cells for 2 columns"):
        pi.Table(["a", "b"], [[1, 2], [3]])


def test_result_to_table():
    result = pi.shapley_shubik(pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"]))
    table = result.to_table()
    assert table.columns == ("player", "Shapley-Shubik index")
    # [3; 2, 1, 1]: A is pivotal in 4 of the 6 orders.
    assert table.column("Shapley-Shubik index") == [Fraction(2, 3), Fraction(1, 6),
                                                    Fraction(1, 6)]


def test_merged_players_remember_their_members():
    game = pi.WeightedGame([91, 89, 70, 57], 163, players=["Iraqiya", "SoL", "INA", "Kurds"])
    alliance = game.merge(["SoL", "INA"], name="NA")
    assert alliance.members("NA") == ("SoL", "INA")
    assert alliance.members("Kurds") == ("Kurds",)
    bigger = alliance.merge(["Kurds", "NA"], name="Gov")
    assert bigger.members("Gov") == ("SoL", "INA", "Kurds")  # in player order
    assert alliance.drop("Kurds", quota=100).members("NA") == ("SoL", "INA")
    rule = pi.SimpleGame(["A", "B", "C"], lambda s: len(s) >= 2).merge(["A", "C"], name="AC")
    assert rule.members("AC") == ("A", "C")
    with pytest.raises(pi.UnknownPlayerError):
        alliance.members("SoL")
