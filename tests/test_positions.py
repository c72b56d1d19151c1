"""Policy positions: checking them, policy distance, the range theories of coalition
formation, the median party and the core, compatibility graphs from positions.

Published values: Lijphart's hypothetical legislature (Patterns of Democracy, 1999,
ch. 6), as reproduced by a secondary source; the Bundestag elected in 2021 with the
Chapel Hill Expert Survey 2019 left-right placements. Independent brute force: every
coalition enumerated, ranges and closedness recomputed, the core by convex hulls.
"""

import math
import pickle
import warnings
from decimal import Decimal
from fractions import Fraction as F
from itertools import combinations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import powerindex as pi
from powerindex.politics.positions import Positions, check_positions

# -- checking positions ----------------------------------------------------------------------


def test_positions_are_exact_and_take_every_shape():
    placed = check_positions({"A": 0.1, "B": F(1, 3), "C": Decimal("2.5"), "D": np.int64(4)})
    assert placed.dimensions == 1 and not placed.ordinal
    assert placed["A"] == (F(1, 10),) and placed["C"] == (F(5, 2),)
    planar = check_positions({"A": (1, 2), "B": [3, 4.5], "C": np.array([0.5, -1])})
    assert planar["B"] == (3, F(9, 2)) and planar["C"] == (F(1, 2), -1)
    order = check_positions(["L", "C", "R"])
    assert order.ordinal and order["R"] == (2,)
    pandas = pytest.importorskip("pandas")
    assert check_positions(pandas.Series({"A": 1.5, "B": 2}))["A"] == (F(3, 2),)
    assert pickle.loads(pickle.dumps(order)) == order
    assert isinstance(order, Positions) and check_positions(order, ["L", "C", "R"]) == order
    assert repr(order) == "<Positions: an order of 3 players>"


def test_any_hashable_player_name():
    game = pi.WeightedGame([2, 1, 2], 3, players=[("a", 1), 7, "z"])
    positions = {("a", 1): 0, 7: 5, "z": 9}
    assert pi.policy_range([("a", 1), 7], positions) == 5
    assert pi.median_party(game, positions).party == 7
    assert pi.shapley_owen(game, positions)[7] == 1


@pytest.mark.parametrize("positions, error, named", [
    ({"A": 1, "B": (1, 2)}, pi.PositionError, "'A' has 1, 'B' has 2"),
    ({"A": 1, "B": float("nan")}, pi.PositionError, "'B'"),
    ({"A": 1, "B": (0, float("inf"))}, pi.PositionError, "'B'"),
    ({"A": "left", "B": 1}, pi.InvalidTypeError, "'A'"),
    ({"A": True, "B": 1}, pi.InvalidTypeError, "'A'"),
    ({"A": None, "B": 1}, pi.InvalidTypeError, "'A'"),
    ({"A": ("x", 1), "B": (1, 2)}, pi.InvalidTypeError, "'A'"),
    ({"A": (), "B": 1}, pi.PositionError, "'A' is empty"),
    ({}, pi.PositionError, "no positions"),
    (["A", "B", "A"], pi.PositionError, "'A' twice"),
    ("AB", pi.InvalidTypeError, "positions must map"),
    (42, pi.InvalidTypeError, "positions must map"),
])
def test_bad_positions_are_refused_naming_the_player(positions, error, named):
    with pytest.raises(error, match=named):
        check_positions(positions)


def test_positions_of_strangers_and_missing_positions_are_named():
    game = pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"])
    with pytest.raises(pi.UnknownPlayerError, match="'D'"):
        pi.median_party(game, {"A": 0, "B": 1, "C": 2, "D": 3})
    with pytest.raises(pi.PositionError, match="player 'C', which has none"):
        pi.median_party(game, {"A": 0, "B": 1})
    with pytest.raises(pi.PositionError, match="'C'"):
        pi.closed_minimal_range_coalitions(game, {"A": 0, "B": 1})
    # Errors are ValueErrors and TypeErrors for callers who do not know the package.
    assert issubclass(pi.PositionError, ValueError)
    assert issubclass(pi.PositionError, pi.PowerIndexError)


# -- policy distance ------------------------------------------------------------------------


def test_policy_range_on_a_line_an_order_and_a_plane():
    assert pi.policy_range({"A", "C"}, {"A": 1.5, "B": 2, "C": F(7, 2)}) == 2
    assert pi.policy_range({"B"}, {"A": 1.5, "B": 2}) == 0
    assert pi.policy_range(["A", "C"], ["A", "B", "C"]) == 2
    assert pi.policy_range(["A", "B"], {"A": 0.1, "B": 0.3}) == F(1, 5)
    square = {"A": (0, 0), "B": (1, 0), "C": (1, 1), "D": (0, 1)}
    assert pi.policy_range(["A", "B", "C"], square) == pytest.approx(math.sqrt(2))
    assert pi.policy_range(["A", "B"], {"A": (0, 0), "B": (F(3, 7), F(4, 7))}) == F(5, 7)


def test_policy_range_refuses_bad_coalitions():
    with pytest.raises(pi.PositionError, match="'C'"):
        pi.policy_range({"A", "C"}, {"A": 1, "B": 2})
    with pytest.raises(pi.InvalidArgumentError, match="empty"):
        pi.policy_range(set(), {"A": 1})
    with pytest.raises(pi.InvalidTypeError, match="collection"):
        pi.policy_range("A", {"A": 1})


def _variance(weights, points):
    total = sum(weights)
    means = [sum(w * p[k] for w, p in zip(weights, points, strict=True)) / total
             for k in range(len(points[0]))]
    return sum(w * sum((p[k] - means[k]) ** 2 for k in range(len(p)))
               for w, p in zip(weights, points, strict=True)) / total


def test_policy_variance_weights_by_seats():
    game = pi.WeightedGame([3, 1, 2], 4, players=["A", "B", "C"])
    positions = {"A": (0, 1), "B": (4, 1), "C": (F(1, 2), 7)}
    for coalition in (["A", "B"], ["A", "C"], ["A", "B", "C"]):
        expected = _variance([game.weight(p) for p in coalition],
                             [tuple(F(x) for x in positions[p]) for p in coalition])
        assert pi.policy_variance(game, coalition, positions) == expected
    # A game without seats counts every member once.
    rule = pi.SimpleGame(["A", "B", "C"], [{"A", "B"}, {"A", "C"}])
    assert pi.policy_variance(rule, ["A", "B"], {"A": 0, "B": 4, "C": 9}) == 4


def test_policy_variance_refuses_what_it_cannot_weigh():
    game = pi.WeightedGame([3, 0, 0], 2, players=["A", "B", "C"])
    with pytest.raises(pi.InvalidArgumentError, match="no seats"):
        pi.policy_variance(game, ["B", "C"], {"A": 0, "B": 1, "C": 2})
    with pytest.raises(pi.UnknownPlayerError, match="'D'"):
        pi.policy_variance(game, ["A", "D"], {"A": 0, "B": 1, "C": 2})


# -- coalition theories: Lijphart's hypothetical legislature ---------------------------------

LIJPHART = pi.WeightedGame([8, 21, 26, 12, 33], 51, players=["A", "B", "C", "D", "E"])
LIJPHART_ORDER = ["A", "B", "C", "D", "E"]


def _names(coalitions):
    return ["".join(c.members) for c in coalitions]


def test_lijphart_hypothetical_legislature():
    """Lijphart, *Patterns of Democracy* (Yale University Press, 1999), chapter 6: five
    parties A 8, B 21, C 26, D 12, E 33 from left to right, 51 of 100 seats to win.
    Predicted coalitions as tabulated there, read from the reproduction in Stefanova and
    Lehuta (2003), "Coalition building and the power index of parties in this process"
    (a secondary source: the research notes could not reach the book's page):
    minimal winning ABC, ADE, BCD, BE, CE; minimum size ADE; minimal range (ordinal)
    ABC, BCD, CE; minimal connected winning ABC, BCD, CDE; median party C."""
    theories = pi.coalition_theories(LIJPHART, order=LIJPHART_ORDER, positions=LIJPHART_ORDER)
    assert sorted(_names(theories["minimal winning"])) == ["ABC", "ADE", "BCD", "BE", "CE"]
    assert _names(theories["minimum weight"]) == ["ADE"]
    assert sorted(_names(theories["minimal range"])) == ["ABC", "BCD", "CE"]
    assert sorted(_names(theories["minimal connected winning"])) == ["ABC", "BCD", "CDE"]
    assert pi.median_party(LIJPHART, LIJPHART_ORDER).party == "C"
    # Constructed (not in the source): De Swaan's closed coalitions of smallest range
    # are the winning intervals of two steps; CDE keeps D although CE wins without it.
    assert sorted(_names(theories["closed minimal range"])) == ["ABC", "BCD", "CDE"]


def test_ordinal_and_numeric_ranges_can_disagree():
    numbers = {"A": 0, "B": 5, "C": 6, "D": 6.5, "E": 20}
    assert _names(pi.minimal_range_coalitions(LIJPHART, numbers)) == ["BCD"]
    assert _names(pi.closed_minimal_range_coalitions(LIJPHART, numbers)) == ["BCD"]


def test_closed_coalitions_include_players_at_an_extreme_position():
    game = pi.WeightedGame([30, 30, 10, 30], 51, players=["A", "B", "C", "D"])
    closed = pi.closed_minimal_range_coalitions(game, {"A": 0, "B": 4, "C": 6, "D": 6})
    assert _names(closed) == ["BCD"]  # C sits with D at 6: B + D alone is not closed
    assert _names(pi.minimal_range_coalitions(game, {"A": 0, "B": 4, "C": 6, "D": 6})) == [
        "BD"]


def test_range_theories_under_a_compatibility_graph():
    graph = pi.compatibility_graph(LIJPHART, incompatible=[("C", "E")])
    theories = pi.coalition_theories(LIJPHART, graph, positions=LIJPHART_ORDER, rule="clique")
    assert sorted(_names(theories["minimal range"])) == ["ABC", "BCD"]
    assert sorted(_names(theories["closed minimal range"])) == ["ABC", "BCD"]


def test_several_dimensions_have_a_minimal_range_but_no_closed_one():
    plane = {"A": (0, 0), "B": (1, 0), "C": (2, 1), "D": (5, 5), "E": (2, 2)}
    theories = pi.coalition_theories(LIJPHART, positions=plane)
    assert "closed minimal range" not in theories
    assert _names(theories["minimal range"]) == ["CE"]  # 1 apart; A to C is sqrt(5)
    with pytest.raises(pi.PositionError, match="one dimension"):
        pi.closed_minimal_range_coalitions(LIJPHART, plane)


def test_coalition_theories_unchanged_without_positions():
    assert list(pi.coalition_theories(LIJPHART)) == ["minimal winning", "minimum size",
                                                     "minimum weight"]


def test_a_dummy_needs_no_position_for_minimal_range():
    game = pi.WeightedGame([3, 3, 3, 1], 5, players=["A", "B", "C", "D"])
    assert game.dummies == ("D",)
    assert _names(pi.minimal_range_coalitions(game, {"A": 0, "B": 1, "C": 3})) == ["AB"]


# -- the Bundestag elected in 2021 -----------------------------------------------------------

#: Seats as elected (final official result, 15 October 2021: 736 seats, 369 to win).
BUNDESTAG = pi.WeightedGame({"SPD": 206, "CDU/CSU": 197, "Greens": 118, "FDP": 92,
                             "AfD": 83, "Linke": 39, "SSW": 1}, 369)
#: Chapel Hill Expert Survey 2019 (Bakker et al. 2020), file CHES2019V3.csv, column lrgen
#: (0 extreme left, 10 extreme right); CDU/CSU is the seat-weighted mean of CDU (152
#: seats) and CSU (45). The SSW has no CHES placement.
LRGEN = {"SPD": F("3.6190476"), "Greens": F("3.2380953"), "FDP": F("6.4285712"),
         "AfD": F("9.2380953"), "Linke": F("1.4285715"),
         "CDU/CSU": (152 * F("5.8571429") + 45 * F("7.1904764")) / 197}


def test_bundestag_2021_coalition_theories():
    """Seats: the final result of the 2021 federal election; positions: CHES 2019 lrgen.
    The traffic-light government (SPD, Greens, FDP) is minimal winning but neither of
    smallest range nor closed: CDU/CSU sits between SPD and FDP."""
    assert BUNDESTAG.dummies == ("Linke", "SSW")
    theories = pi.coalition_theories(BUNDESTAG.drop("SSW"), positions=LRGEN)
    traffic_light = ("SPD", "Greens", "FDP")
    assert traffic_light in [c.members for c in theories["minimal winning"]]
    assert [str(c) for c in theories["minimal range"]] == ["SPD + CDU/CSU (403 seats)"]
    assert [str(c) for c in theories["closed minimal range"]] == ["SPD + CDU/CSU (403 seats)"]
    assert pi.policy_range(traffic_light, LRGEN) == F("6.4285712") - F("3.2380953")
    # The SSW is a dummy: it needs no position for Leiserson's theory.
    assert pi.minimal_range_coalitions(BUNDESTAG, LRGEN) == theories["minimal range"]


def test_bundestag_2021_median_party():
    """CDU/CSU holds the median legislator on CHES lrgen: 363 seats lie to its left,
    175 to its right (the SSW, placed anywhere, cannot tip either side)."""
    for ssw in (0, 10):
        result = pi.median_party(BUNDESTAG, {**LRGEN, "SSW": ssw})
        assert result.party == "CDU/CSU" and result.core == ("CDU/CSU",)
    row = pi.median_party(BUNDESTAG.drop("SSW"), LRGEN).to_table().rows[0]
    assert row[1] == "CDU/CSU" and row[3:] == (363, 175)


# -- the median party and the core -----------------------------------------------------------


def test_median_party_ties_and_quotas():
    even = pi.WeightedGame([50, 50], 51, players=["A", "B"])
    result = pi.median_party(even, {"A": 0, "B": 1})
    assert result.medians == (("A", "B"),) and result.party is None
    assert "no single median party" in str(result)
    two_thirds = pi.WeightedGame([20, 20, 20, 20, 20], pi.share("2/3"),
                                 players=list("ABCDE"))
    assert pi.median_party(two_thirds, list("ABCDE")).medians == (("B", "C", "D"),)
    shared = pi.WeightedGame([30, 20, 20, 30], 51, players=list("ABCD"))
    assert pi.median_party(shared, {"A": 0, "B": 1, "C": 1, "D": 2}).medians == (("B", "C"),)


def test_median_party_of_a_game_without_weights():
    game = pi.SimpleGame(list("ABC"), lambda s: len(s) >= 2)
    result = pi.median_party(game, {"A": 0, "B": 3, "C": 9})
    assert result.party == "B"
    assert result.to_table().rows == (("dimension 1", "B", 3, None, None),)


def test_core_in_two_dimensions():
    game = pi.WeightedGame([30, 15, 40, 15], 51, players=list("ABCD"))
    inside = pi.median_party(game, {"A": (0, 0), "B": (4, 0), "C": (1, 1), "D": (0, 4)})
    assert inside.party == "C" and inside.core == ("C",) and "core party" in str(inside)
    outside = pi.median_party(game, {"A": (0, 0), "B": (4, 0), "C": (3, 3), "D": (0, 4)},
                              dimension_names=["economy", "society"])
    assert outside.party == "C" and outside.core == ()
    assert outside.beaten_by == {"C": frozenset("ABD")}
    assert outside.to_table().column("dimension") == ["economy", "society"]


def test_no_core_check_in_three_dimensions():
    game = pi.WeightedGame([30, 15, 40, 15], 51, players=list("ABCD"))
    result = pi.median_party(game, {"A": (0, 0, 0), "B": (4, 0, 1), "C": (1, 1, 1),
                                    "D": (0, 4, 2)})
    assert result.party == "C" and result.core is None
    assert "not checked" in str(result)
    with pytest.raises(pi.InvalidTypeError, match="2 names for 3"):
        pi.median_party(game, {"A": (0, 0, 0), "B": (4, 0, 1), "C": (1, 1, 1),
                               "D": (0, 4, 2)}, dimension_names=["x", "y"])


def _in_hull(point, points):
    """Whether ``point`` lies in the convex hull of ``points`` (exact, Caratheodory:
    in a triangle, on a segment, or equal to one of them)."""
    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    if point in points:
        return True
    for a, b in combinations(points, 2):
        if cross(a, b, point) == 0 and min(a[0], b[0]) <= point[0] <= max(a[0], b[0]) \
                and min(a[1], b[1]) <= point[1] <= max(a[1], b[1]):
            return True
    for a, b, c in combinations(points, 3):
        signs = [cross(a, b, point), cross(b, c, point), cross(c, a, point)]
        if all(s >= 0 for s in signs) or all(s <= 0 for s in signs):
            if cross(a, b, c) != 0:
                return True
    return False


@st.composite
def planar_games(draw):
    n = draw(st.integers(2, 6))
    players = [f"P{i}" for i in range(n)]
    seats = draw(st.lists(st.integers(0, 5), min_size=n, max_size=n))
    if sum(seats) == 0:
        seats[0] = 1
    quota = draw(st.integers(1, sum(seats)))
    points = draw(st.lists(st.tuples(st.integers(-4, 4), st.integers(-4, 4)),
                           min_size=n, max_size=n))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pi.ImproperGameWarning)
        game = pi.WeightedGame(seats, quota, players=players)
    return game, dict(zip(players, points, strict=True))


@given(planar_games())
def test_property_core_matches_convex_hulls_of_minimal_winning_coalitions(case):
    """A position is at the core exactly when it lies in the convex hull of every
    minimal winning coalition (else the coalition can agree on a policy all its members
    prefer): an independent, exact check of the angular test."""
    game, positions = case
    result = pi.median_party(game, positions)
    minimal = pi.minimal_winning_coalitions(game)
    for p in game.players:
        if all(p in players for players in result.medians):
            expected = all(_in_hull(positions[p], [positions[q] for q in c])
                           for c in minimal)
            assert (p in result.core) == expected


@given(planar_games())
def test_property_median_on_a_line_by_brute_force(case):
    game, positions = case
    line = {p: x for p, (x, _) in positions.items()}
    medians = pi.median_party(game, line).medians[0]
    for p in game.players:
        left = [q for q in game.players if line[q] < line[p]]
        right = [q for q in game.players if line[q] > line[p]]
        assert (p in medians) == (not game.is_winning(left) and not game.is_winning(right))


# -- range theories by brute force -----------------------------------------------------------


def _all_coalitions(players):
    return [frozenset(c) for r in range(1, len(players) + 1)
            for c in combinations(players, r)]


@given(planar_games())
def test_property_range_theories_by_brute_force(case):
    game, positions = case
    line = {p: x for p, (x, _) in positions.items()}
    coalitions = _all_coalitions(game.players)

    def width(c):
        return max(line[p] for p in c) - min(line[p] for p in c)

    minimal = [c for c in coalitions if game.is_winning(c)
               and not any(game.is_winning(c - {p}) for p in c)]
    least = min(width(c) for c in minimal)
    expected = {c for c in minimal if width(c) == least}
    assert {frozenset(c.members) for c in pi.minimal_range_coalitions(game, line)} == expected
    closed = [c for c in coalitions if game.is_winning(c) and c == {
        p for p in game.players if min(line[q] for q in c) <= line[p] <= max(line[q] for q in c)}]
    least = min(width(c) for c in closed)
    expected = {c for c in closed if width(c) == least}
    found = pi.closed_minimal_range_coalitions(game, line)
    assert {frozenset(c.members) for c in found} == expected


@given(planar_games())
def test_property_closed_minimal_range_is_minimal_connected_winning(case):
    """On distinct positions each closed coalition of smallest range is one of Axelrod's
    minimal connected winning coalitions on the order of the positions."""
    game, positions = case
    line = {p: x for p, (x, _) in positions.items()}
    if len(set(line.values())) < len(line):
        return
    order = sorted(line, key=line.get)
    theories = pi.coalition_theories(game, order=order, positions=line)
    connected = {c.members for c in theories["minimal connected winning"]}
    assert all(c.members in connected for c in theories["closed minimal range"])


# -- compatibility graphs from positions -----------------------------------------------------


def test_graph_within_a_distance_and_among_neighbours():
    game = pi.WeightedGame([30, 25, 25, 20], 51, players=["L", "CL", "CR", "R"])
    line = {"L": 1, "CL": 4, "CR": 6, "R": 9}
    within = pi.compatibility_graph_from_positions(game, line, within=3)
    assert sorted(map(sorted, within.edges())) == [["CL", "CR"], ["CL", "L"], ["CR", "R"]]
    assert list(within.nodes) == list(game.players)
    two_steps = pi.compatibility_graph_from_positions(game, line, neighbours=2)
    assert two_steps.number_of_edges() == 5 and not two_steps.has_edge("L", "R")
    both = pi.compatibility_graph_from_positions(game, line, within=F(5, 2), neighbours=1)
    assert both.number_of_edges() == 3
    plane = {"L": (0, 0), "CL": (3, 4), "CR": (6, 8), "R": (0, 5)}
    assert sorted(map(sorted, pi.compatibility_graph_from_positions(
        game, plane, within=5).edges())) == [["CL", "CR"], ["CL", "L"], ["CL", "R"], ["L", "R"]]
    # From positions to a restricted game in one expression.
    restricted = pi.restrict(game, pi.compatibility_graph_from_positions(game, line, within=3))
    assert restricted.is_winning({"L", "CL"}) and not restricted.is_winning({"L", "CR", "R"})


def test_graph_neighbours_share_a_rank_at_one_position():
    graph = pi.compatibility_graph_from_positions(["A", "B", "C", "D"],
                                                  {"A": 0, "B": 1, "C": 1, "D": 2},
                                                  neighbours=1)
    assert sorted(map(sorted, graph.edges())) == [["A", "B"], ["A", "C"], ["B", "C"],
                                                  ["B", "D"], ["C", "D"]]


def test_graph_from_positions_refuses_bad_arguments():
    game = pi.WeightedGame([1, 1, 1], 2, players=["A", "B", "C"])
    line = {"A": 0, "B": 1, "C": 2}
    with pytest.raises(pi.InvalidArgumentError, match="within="):
        pi.compatibility_graph_from_positions(game, line)
    with pytest.raises(pi.InvalidArgumentError, match=">= 0"):
        pi.compatibility_graph_from_positions(game, line, within=-1)
    with pytest.raises(pi.InvalidArgumentError, match="within"):
        pi.compatibility_graph_from_positions(game, line, within=float("nan"))
    with pytest.raises(pi.InvalidArgumentError, match="at least 1"):
        pi.compatibility_graph_from_positions(game, line, neighbours=0)
    with pytest.raises(pi.InvalidTypeError, match="whole number"):
        pi.compatibility_graph_from_positions(game, line, neighbours=1.5)
    with pytest.raises(pi.PositionError, match="one dimension"):
        pi.compatibility_graph_from_positions(game, {"A": (0, 0), "B": (1, 1), "C": (2, 0)},
                                              neighbours=1)
    with pytest.raises(pi.PositionError, match="'C'"):
        pi.compatibility_graph_from_positions(game, {"A": 0, "B": 1}, within=1)
