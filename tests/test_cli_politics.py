"""The command line of positions and bargaining: ``positions``, ``bargain``, ``portfolios``,
``swing`` and the range theories of ``coalitions``.

The commands are a thin layer over the library, so their numbers are checked three ways:
against closed forms derived by hand (three voters at the corners of an equilateral
triangle share the Shapley-Owen index equally, Shapley and Owen 1989; Baron and Ferejohn's
closed form for n equal players under majority rule with equal recognition, Baron and
Ferejohn 1989; offices exactly proportional to seats give Gamson's line), against an
independent brute force (tests/brute.py: swing probabilities by every coalition), and
against the library's functions, themselves tested against brute force and published
values. Then the errors: a clear message and exit status 1 (bad input) or 2 (bad command
line).
"""

import itertools
import json
from fractions import Fraction

import brute
import pytest

import powerindex as pi
from powerindex.cli import main

pytestmark = pytest.mark.filterwarnings("ignore::powerindex.ImproperGameWarning")

ONE_DIMENSION = """\
title = "Five parties on a line"
majority = true
formateur = "C"
parties = [
    { name = "A", seats = 30 },
    { name = "B", seats = 25 },
    { name = "C", seats = 20 },
    { name = "D", seats = 15 },
    { name = "E", seats = 10 },
]

[positions]
A = 1
B = 3
C = 5
D = "13/2"
E = 9

[[governments]]
name = "First"
parties = ["A", "B"]
offices = { A = 6, B = 5 }
importance = { A = 3, B = 9 }

[[governments]]
name = "Second"
parties = ["A", "C"]
offices = { A = 3, C = 2 }
"""

TRIANGLE = """\
majority = true
parties = [
    { name = "X", seats = 1 },
    { name = "Y", seats = 1 },
    { name = "Z", seats = 1 },
]

[positions]
X = [0, 0]
Y = [2, 0]
Z = [1, "1.7320508075688772"]
"""

THREE_DIMENSIONS = """\
majority = true
parties = [
    { name = "P", seats = 4 },
    { name = "Q", seats = 3 },
    { name = "R", seats = 2 },
    { name = "S", seats = 2 },
]

[positions]
P = [0, 0, 0]
Q = [1, 0, 2]
R = [0, 3, 1]
S = [2, 2, 2]
"""


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def records(text):
    return json.loads(text)["records"]


def exact(value):
    return Fraction(value) if isinstance(value, str) else value


@pytest.fixture
def line_file(tmp_path):
    path = tmp_path / "line.toml"
    path.write_text(ONE_DIMENSION, encoding="utf-8")
    return path


def spec_of(text):
    return pi.readwrite.loads(text, "toml")


# -- positions -------------------------------------------------------------------------------
def test_positions_on_one_dimension_are_exact_and_name_the_median(capsys, line_file):
    code, out, _ = run(capsys, "positions", line_file, "--format", "json")
    assert code == 0
    rows = {r["party"]: r for r in records(out)}
    spec = spec_of(ONE_DIMENSION)
    expected = pi.shapley_owen(spec.game, spec.positions)
    assert {p: exact(r["Shapley-Owen"]) for p, r in rows.items()} == expected.to_dict()
    # 100 seats, 51 to win: from the left A (30) and B (25) reach 55, from the right E, D,
    # C and B reach 70: B (at 3) holds the median seat.
    assert [p for p, r in rows.items() if r["median on"] == "yes"] == ["B"]
    assert pi.median_party(spec.game, spec.positions).party == "B"
    notes = json.loads(out)["notes"]
    assert notes[0].startswith("B is the median party")


def test_positions_of_an_equilateral_triangle_give_a_third_each(capsys, tmp_path):
    path = tmp_path / "triangle.toml"
    path.write_text(TRIANGLE, encoding="utf-8")
    code, out, _ = run(capsys, "positions", path, "--format", "json")
    assert code == 0
    values = [r["Shapley-Owen"] for r in records(out)]
    # Each interior angle is pi/3, so each voter is the pivot in a third of the directions.
    assert values == pytest.approx([1 / 3] * 3, abs=1e-12)
    assert "within" in json.loads(out)["notes"][1]


def test_positions_on_three_dimensions_are_sampled_with_intervals(capsys, tmp_path):
    path = tmp_path / "three.toml"
    path.write_text(THREE_DIMENSIONS, encoding="utf-8")
    code, out, _ = run(capsys, "positions", path, "--samples", "3000", "--seed", "5",
                       "--format", "json")
    assert code == 0
    rows = records(out)
    spec = spec_of(THREE_DIMENSIONS)
    sampled = pi.shapley_owen(spec.game, spec.positions, method="sample", samples=3000,
                              seed=5)
    assert [r["Shapley-Owen (estimate)"] for r in rows] == [sampled[p] for p in "PQRS"]
    low, high = sampled.confidence_interval("P")
    assert rows[0]["95% interval"] == f"[{low:.4f}, {high:.4f}]"
    assert "--seed 5 repeats it" in " ".join(json.loads(out)["notes"])


def test_positions_graph_adds_the_restricted_power(capsys, line_file):
    code, out, _ = run(capsys, "positions", line_file, "--graph-neighbours", "1",
                       "--format", "json")
    assert code == 0
    spec = spec_of(ONE_DIMENSION)
    graph = pi.compatibility_graph_from_positions(spec.game, spec.positions, neighbours=1)
    expected = pi.shapley_shubik(pi.restrict(spec.game, graph))
    column = "Shapley-Shubik, restricted by positions"
    assert {r["party"]: exact(r[column]) for r in records(out)} == expected.to_dict()
    assert "(4 pairs)" in " ".join(json.loads(out)["notes"])


def test_positions_leave_out_a_party_without_one_and_say_so(capsys, tmp_path):
    path = tmp_path / "partial.toml"
    path.write_text(ONE_DIMENSION.replace('E = 9\n', ''), encoding="utf-8")
    code, out, _ = run(capsys, "positions", path)
    assert code == 0
    assert "Without a position: E; left out, their seats counted as voting no." in out
    assert "\nE " not in out


@pytest.mark.parametrize("argv, status, message", [
    (["positions", "--quota", "3", "A=2", "B=1"], 2, "positions come from a game file"),
    (["positions", "LINE", "--seed", "3"], 2, "--seed goes with sampled Shapley-Owen"),
    (["positions", "LINE", "--graph-within", "-1"], 2, "a distance is at least 0"),
    (["positions", "NOPOS"], 1, "gives no positions: add a [positions] table"),
])
def test_positions_errors(capsys, tmp_path, line_file, argv, status, message):
    nopos = tmp_path / "nopos.toml"
    nopos.write_text(ONE_DIMENSION.split("[positions]")[0], encoding="utf-8")
    argv = [{"LINE": line_file, "NOPOS": nopos}.get(a, a) for a in argv]
    code, _, err = run(capsys, *argv)
    assert code == status and message in err
    assert "Traceback" not in err


# -- bargain ---------------------------------------------------------------------------------
@pytest.mark.parametrize("n", [3, 5, 7])
def test_bargain_matches_baron_and_ferejohns_closed_form(capsys, n):
    """n (odd) equal players, majority, equal recognition: the proposer keeps
    1 - delta (n - 1) / (2n), each of its (n - 1) / 2 partners gets delta / n, and every
    ex-ante payoff is 1/n."""
    delta = Fraction(9, 10)
    players = [f"P{i}=1" for i in range(1, n + 1)]
    code, out, _ = run(capsys, "bargain", "--quota", "majority", *players,
                       "--recognition", "equal", "--delta", "0.9", "--format", "json")
    assert code == 0
    for row in records(out):
        assert exact(row["payoff"]) == Fraction(1, n)
        assert exact(row["keeps as proposer"]) == 1 - delta * (n - 1) / (2 * n)
        assert exact(row["price of its vote"]) == delta / n
    code, out, _ = run(capsys, "bargain", "--quota", "majority", *players,
                       "--recognition", "equal", "--delta", "9/10", "--show", "inclusion",
                       "--format", "json")
    # (n - 1) / 2 partners among n - 1 others: each is included with probability 1/2.
    row = records(out)[0]
    assert [exact(row[f"P{i}"]) for i in range(1, n + 1)] == [1] + [Fraction(1, 2)] * (n - 1)


def test_bargain_with_the_files_formateur_first(capsys, line_file):
    code, out, _ = run(capsys, "bargain", line_file, "--formateur", "--format", "json")
    assert code == 0
    spec = spec_of(ONE_DIMENSION)
    expected = pi.baron_ferejohn(spec.game, Fraction(9, 10), "seats", first="C")
    assert {r["player"]: exact(r["payoff"]) for r in records(out)} == expected.to_dict()
    assert "C is recognised first" in " ".join(json.loads(out)["notes"])
    code, out, _ = run(capsys, "bargain", line_file, "--show", "proposals", "--formateur",
                       "A", "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("proposer,A,B,")


def test_bargain_recognition_by_name(capsys, line_file):
    code, out, _ = run(capsys, "bargain", line_file, "--recognition", "A=1/2,E=1/2",
                       "--format", "json")
    assert code == 0
    spec = spec_of(ONE_DIMENSION)
    expected = pi.baron_ferejohn(spec.game, Fraction(9, 10),
                                 {"A": Fraction(1, 2), "E": Fraction(1, 2)})
    assert {r["player"]: exact(r["payoff"]) for r in records(out)} == expected.to_dict()


@pytest.mark.parametrize("argv, status, message", [
    (["--delta", "1"], 2, "the discount factor must be below 1"),
    (["--delta", "1.5"], 2, "a probability is between 0 and 1"),
    (["--formateur", "Z"], 1, "the formateur 'Z' is not a party"),
    (["--recognition", "A=1/2,Z=1/2"], 1, "--recognition names 'Z', which is not a party"),
    (["--recognition", "half"], 2, "--recognition takes seats, equal or NAME=P"),
    (["--recognition", "A=1/2,B=1/4"], 1, "sum"),
])
def test_bargain_errors(capsys, line_file, argv, status, message):
    code, _, err = run(capsys, "bargain", line_file, *argv)
    assert code == status and message in err and "Traceback" not in err


def test_bargain_formateur_without_a_name_needs_the_files(capsys, tmp_path):
    path = tmp_path / "none.toml"
    path.write_text(ONE_DIMENSION.replace('formateur = "C"\n', ""), encoding="utf-8")
    code, _, err = run(capsys, "bargain", path, "--formateur")
    assert code == 1 and "there is none: give formateur" in err


# -- portfolios ------------------------------------------------------------------------------
def test_portfolios_of_a_government_against_seats_and_power(capsys, line_file):
    code, out, _ = run(capsys, "portfolios", line_file, "--government", "First",
                       "--format", "json")
    assert code == 0
    rows = {r["party"]: r for r in records(out)}
    # A and B hold 30 and 25 of the government's 55 seats and 6 and 5 of its 11 offices.
    assert exact(rows["A"]["seat share"]) == Fraction(30, 55)
    assert exact(rows["A"]["office share"]) == Fraction(6, 11)
    assert exact(rows["A"]["vs Gamson"]) == 0
    spec = spec_of(ONE_DIMENSION)
    power = pi.shapley_shubik(spec.game)
    assert exact(rows["B"]["power share"]) == power["B"] / (power["A"] + power["B"])


def test_portfolios_weighted_by_importance_and_by_bargaining(capsys, line_file):
    code, out, _ = run(capsys, "portfolios", line_file, "-g", "First", "--importance",
                       "--format", "json")
    assert code == 0
    assert [exact(r["office share"]) for r in records(out)] == [Fraction(1, 4), Fraction(3, 4)]
    code, out, _ = run(capsys, "portfolios", line_file, "-g", "Second", "--index",
                       "baron-ferejohn", "--delta", "1/2", "--format", "json")
    assert code == 0
    payoffs = pi.baron_ferejohn(spec_of(ONE_DIMENSION).game, Fraction(1, 2), "seats")
    share = payoffs["A"] / (payoffs["A"] + payoffs["C"])
    assert exact(records(out)[0]["power share"]) == share


def test_portfolios_fit_gives_gamsons_line_for_proportional_offices(capsys, line_file):
    # Offices exactly proportional to seats in both governments (30:25 = 6:5, 30:20 = 3:2):
    # the least-squares line is Gamson's, slope 1 and intercept 0, with r^2 = 1.
    code, out, _ = run(capsys, "portfolios", line_file, "--fit", "--format", "json")
    assert code == 0
    stats = {r["statistic"]: exact(r["value"]) for r in records(out)}
    assert stats == {"slope": 1, "intercept": 0, "r_squared": 1, "n": 4}


@pytest.mark.parametrize("argv, status, message", [
    ([], 2, "the file lists 2 governments: choose one with --government"),
    (["-g", "Third"], 1, "no government 'Third' in the file"),
    (["-g", "Second", "--importance"], 1, "gives no importance of its offices"),
])
def test_portfolios_errors(capsys, line_file, argv, status, message):
    code, _, err = run(capsys, "portfolios", line_file, *argv)
    assert code == status and message in err


def test_portfolios_need_governments(capsys, tmp_path):
    path = tmp_path / "none.toml"
    path.write_text(ONE_DIMENSION.split("[[governments]]")[0], encoding="utf-8")
    code, _, err = run(capsys, "portfolios", path)
    assert code == 1 and "lists no government: add [[governments]]" in err


# -- swing -----------------------------------------------------------------------------------
IRAQ = ["--quota", "163", "Iraqiya=91", "SoL=89", "INA=70", "Kurds=57", "Small=18"]


def test_swing_at_one_half_is_the_absolute_banzhaf_index(capsys):
    code, out, _ = run(capsys, "swing", *IRAQ, "--format", "json")
    assert code == 0
    game = pi.WeightedGame([91, 89, 70, 57, 18], 163,
                           players=["Iraqiya", "SoL", "INA", "Kurds", "Small"])
    absolute = pi.banzhaf(game, normalized=False)
    for row in records(out):
        assert exact(row["swing probability"]) == absolute[row["party"]]
        assert exact(row["change"]) == 0


def test_swing_with_a_less_than_cohesive_party_by_brute_force(capsys):
    code, out, _ = run(capsys, "swing", *IRAQ, "--yes", "INA=0.8", "--yes", "Small=1/3",
                       "--format", "json")
    assert code == 0
    players = ["Iraqiya", "SoL", "INA", "Kurds", "Small"]
    seats = dict(zip(players, [91, 89, 70, 57, 18], strict=True))
    p = dict.fromkeys(players, Fraction(1, 2)) | {"INA": Fraction(4, 5),
                                                  "Small": Fraction(1, 3)}
    expected = brute.swing_probability(players, lambda s: sum(seats[x] for x in s) >= 163, p)
    assert {r["party"]: exact(r["swing probability"]) for r in records(out)} == expected


def test_swing_split_into_defecting_parts(capsys):
    code, out, _ = run(capsys, "swing", *IRAQ, "--split", "Kurds=KDP+PUK:43,Gorran:8,Isl:6",
                       "--yes", "Gorran=0.3", "--format", "json")
    assert code == 0
    game = pi.WeightedGame([91, 89, 70, 57, 18], 163,
                           players=["Iraqiya", "SoL", "INA", "Kurds", "Small"])
    split = game.split("Kurds", {"KDP+PUK": 43, "Gorran": 8, "Isl": 6})
    expected = pi.swing_probability(split, {"Gorran": Fraction(3, 10)})
    rows = records(out)
    assert [r["party"] for r in rows] == list(split.players)
    assert {r["party"]: exact(r["swing probability"]) for r in rows} == expected.to_dict()
    assert "Split: Kurds into KDP+PUK (43), Gorran (8), Isl (6)." in json.loads(out)["notes"]


@pytest.mark.parametrize("argv, status, message", [
    (["--yes", "INA=1.5"], 2, "a probability is between 0 and 1"),
    (["--yes", "INA"], 2, "expected NAME=P"),
    (["--yes", "Sadr=0.5"], 1, "--yes names 'Sadr', which is not a party"),
    (["--default", "-0.1"], 2, "a probability is between 0 and 1"),
    (["--split", "Kurds=A:50"], 1, "--split Kurds: splitting 'Kurds' needs at least two parts"),
    (["--split", "Kurds=A:50,B:6"], 1, "weigh 56 in all, but 'Kurds' weighs 57"),
    (["--split", "Kurds"], 2, "expected NAME=PART:SEATS,PART:SEATS"),
])
def test_swing_errors(capsys, argv, status, message):
    code, _, err = run(capsys, "swing", *IRAQ, *argv)
    assert code == status and message in err and "Traceback" not in err


# -- coalitions: the range theories ------------------------------------------------------------
def test_coalitions_range_theories_from_the_files_positions(capsys, line_file):
    code, out, _ = run(capsys, "coalitions", line_file, "--theory",
                       "minimal-range,closed-minimal-range", "--format", "json")
    assert code == 0
    spec = spec_of(ONE_DIMENSION)
    found = {}
    for row in records(out):
        found.setdefault(row["theory"], []).append(row["coalition"])
        assert exact(row["range"]) == pi.policy_range(row["coalition"].split(" + "),
                                                      spec.positions)
    expected = {
        "minimal range": [" + ".join(c.members)
                          for c in pi.minimal_range_coalitions(spec.game, spec.positions)],
        "closed minimal range": [" + ".join(c.members) for c in
                                 pi.closed_minimal_range_coalitions(spec.game,
                                                                    spec.positions)]}
    assert found == expected


def test_coalitions_range_theories_are_brute_forced(capsys, line_file):
    """Leiserson: among the minimal winning coalitions, those of smallest range."""
    code, out, _ = run(capsys, "coalitions", line_file, "--theory", "minimal-range",
                       "--format", "json")
    assert code == 0
    seats = {"A": 30, "B": 25, "C": 20, "D": 15, "E": 10}
    where = {"A": 1, "B": 3, "C": 5, "D": Fraction(13, 2), "E": 9}
    minimal = [set(c) for c in brute.minimal_winning_coalitions(
        list(seats), lambda s: sum(seats[x] for x in s) > 50)]
    spread = {frozenset(c): max(where[x] for x in c) - min(where[x] for x in c)
              for c in minimal}
    least = min(spread.values())
    expected = {c for c, r in spread.items() if r == least}
    assert {frozenset(r["coalition"].split(" + ")) for r in records(out)} == expected


def test_coalitions_range_theories_refused_without_positions(capsys):
    code, _, err = run(capsys, "coalitions", *IRAQ, "--theory", "minimal-range")
    assert code == 1 and "the range theories need the parties' positions" in err
    # Asked for all, without positions: the other theories, no range column.
    code, out, _ = run(capsys, "coalitions", *IRAQ, "--format", "csv")
    assert code == 0 and "range" not in out.splitlines()[1]


def test_closed_minimal_range_needs_one_dimension(capsys, tmp_path):
    path = tmp_path / "triangle.toml"
    path.write_text(TRIANGLE, encoding="utf-8")
    code, _, err = run(capsys, "coalitions", path, "--theory", "closed-minimal-range")
    assert code == 1 and "need positions on one dimension" in err


@pytest.mark.parametrize("command", ["positions", "bargain", "portfolios", "swing"])
@pytest.mark.parametrize("fmt", ["markdown", "csv", "latex", "html"])
def test_every_format(capsys, line_file, command, fmt):
    extra = ["-g", "First"] if command == "portfolios" else []
    code, out, err = run(capsys, command, line_file, *extra, "--format", fmt)
    assert code == 0, err
    first = "player" if command == "bargain" else "party"
    if fmt in ("latex", "html"):  # these carry the title (Markdown and CSV hold the table)
        assert "Five parties on a line" in out
    assert {"markdown": f"| {first} |", "csv": f"{first},", "latex": first,
            "html": f">{first}</th>"}[fmt] in out


def test_help_lists_the_new_commands(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("positions", "bargain", "portfolios", "swing"):
        assert f"  {command} " in out
    for command in ("positions", "bargain", "portfolios", "swing"):
        code, out, _ = run(capsys, command, "--help")
        assert code == 0 and "examples:" in out


def test_no_two_commands_of_a_kind_disagree(capsys, line_file):
    """bargain and portfolios --index baron-ferejohn give the same payoffs."""
    code, out, _ = run(capsys, "bargain", line_file, "--format", "json")
    payoffs = {r["player"]: exact(r["payoff"]) for r in records(out)}
    code, out, _ = run(capsys, "portfolios", line_file, "-g", "First", "--index",
                       "baron-ferejohn", "--format", "json")
    rows = {r["party"]: exact(r["power share"]) for r in records(out)}
    assert rows["A"] == payoffs["A"] / (payoffs["A"] + payoffs["B"])
    assert list(itertools.islice(rows, 2)) == ["A", "B"]
