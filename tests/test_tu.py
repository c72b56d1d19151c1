"""Tests of powerindex.tu: TU games, Shapley, Banzhaf, Myerson, Owen values, the nucleolus.

References are independent brute force written here (permutations, naive sums over
subsets, breadth-first search), published examples, and hypothesis properties.
"""

import itertools
import math
import random
from fractions import Fraction

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import powerindex as pi
from powerindex.errors import (
    GameTooLargeError,
    GraphError,
    InvalidGameError,
    InvalidTypeError,
    InvalidUnionsError,
    UnknownPlayerError,
)
from powerindex.politics import myerson
from powerindex.politics.unions import banzhaf_owen, owen
from powerindex.tu import (
    TUGame,
    banzhaf_value,
    nucleolus,
    shapley_value,
    to_tu_game,
)

NAMES = ["A", "B", "C", "D", "E", "F"]


# -- brute force, written naively ----------------------------------------------------------------
def all_coalitions(players):
    return [frozenset(c) for r in range(len(players) + 1)
            for c in itertools.combinations(players, r)]


def brute_shapley(players, v):
    """Average marginal contribution over all n! orders."""
    totals = dict.fromkeys(players, Fraction(0))
    orders = list(itertools.permutations(players))
    for order in orders:
        before = frozenset()
        for p in order:
            totals[p] += v(before | {p}) - v(before)
            before = before | {p}
    return {p: totals[p] / len(orders) for p in players}


def brute_banzhaf(players, v):
    result = {}
    for p in players:
        others = [q for q in players if q != p]
        total = sum((v(s | {p}) - v(s) for s in all_coalitions(others)), Fraction(0))
        result[p] = total / 2 ** (len(players) - 1)
    return result


def bfs_components(coalition, edges):
    """Connected components of the subgraph induced on ``coalition``, by plain BFS."""
    left = set(coalition)
    components = []
    while left:
        start = left.pop()
        component, queue = {start}, [start]
        while queue:
            node = queue.pop(0)
            for a, b in edges:
                for here, there in ((a, b), (b, a)):
                    if here == node and there in left:
                        left.discard(there)
                        component.add(there)
                        queue.append(there)
        components.append(frozenset(component))
    return components


def brute_myerson(players, v, edges):
    def restricted(s):
        return sum((v(c) for c in bfs_components(s, edges)), Fraction(0))

    return brute_shapley(players, restricted)


def brute_owen(players, v, unions):
    """Average marginal contribution over the orders that keep every union together."""
    def contiguous(order):
        for union in unions:
            places = sorted(order.index(p) for p in union)
            if places[-1] - places[0] != len(places) - 1:
                return False
        return True

    orders = [o for o in itertools.permutations(players) if contiguous(o)]
    totals = dict.fromkeys(players, Fraction(0))
    for order in orders:
        before = frozenset()
        for p in order:
            totals[p] += v(before | {p}) - v(before)
            before = before | {p}
    return {p: totals[p] / len(orders) for p in players}


def brute_banzhaf_owen(players, v, unions):
    result = {}
    for k, union in enumerate(unions):
        others = [u for j, u in enumerate(unions) if j != k]
        for p in union:
            total = Fraction(0)
            for r in range(len(others) + 1):
                for chosen in itertools.combinations(others, r):
                    outside = frozenset().union(*chosen)
                    for t in all_coalitions([q for q in union if q != p]):
                        total += v(outside | t | {p}) - v(outside | t)
            result[p] = total / 2 ** (len(unions) - 1 + len(union) - 1)
    return result


def excess_vector(players, v, x):
    """Excesses of all proper non-empty coalitions, in decreasing order."""
    values = [v(s) - sum((x[p] for p in s), Fraction(0))
              for s in all_coalitions(players) if 0 < len(s) < len(players)]
    return sorted(values, reverse=True)


def in_core(players, v, x):
    return all(sum((x[p] for p in s), Fraction(0)) >= v(s) for s in all_coalitions(players))


# -- strategies -----------------------------------------------------------------------------------
numbers = st.one_of(
    st.integers(-10, 30),
    st.fractions(min_value=-5, max_value=20, max_denominator=6),
)


@st.composite
def tu_games(draw, min_players=1, max_players=5):
    n = draw(st.integers(min_players, max_players))
    players = NAMES[:n]
    worths = {s: draw(numbers) for s in all_coalitions(players) if s}
    worths[frozenset()] = Fraction(0)
    return players, worths


@st.composite
def convex_games(draw, max_players=5):
    """Additive part plus a non-negative combination of unanimity games: supermodular."""
    n = draw(st.integers(2, max_players))
    players = NAMES[:n]
    additive = {p: draw(st.integers(-3, 5)) for p in players}
    carriers = [s for s in all_coalitions(players) if len(s) >= 2]
    weights = {s: draw(st.integers(0, 6)) for s in carriers}

    def v(s):
        return Fraction(sum(additive[p] for p in s)
                        + sum(w for t, w in weights.items() if t <= s))

    return players, v


@st.composite
def partitions(draw, players):
    labels = [draw(st.integers(0, len(players) - 1)) for _ in players]
    groups = {}
    for p, label in zip(players, labels, strict=True):
        groups.setdefault(label, []).append(p)
    return list(groups.values())


# -- construction ---------------------------------------------------------------------------------
def test_callable_and_mapping_agree():
    def worth(s):
        return len(s) ** 2

    from_function = TUGame(["A", "B", "C"], worth)
    mapping = {tuple(sorted(s)): len(s) ** 2 for s in all_coalitions("ABC") if s}
    from_mapping = TUGame(["A", "B", "C"], mapping)
    assert from_function == from_mapping
    assert from_function.value({"A", "C"}) == 4
    assert from_function.value(()) == 0
    assert from_function.players == ("A", "B", "C")
    assert from_function.n == 3
    assert repr(from_function) == "<TUGame of 3 players>"


def test_mapping_keys_of_any_order_and_kind():
    tu = TUGame(["A", "B"], {frozenset({"A"}): 1, ("B",): Fraction(1, 2), ("B", "A"): 2,
                             (): 0})
    assert tu.value(["A", "B"]) == 2
    assert tu.value({"B"}) == Fraction(1, 2)


def test_floats_are_read_as_printed_decimals():
    tu = TUGame(["A", "B"], {("A",): 0.1, ("B",): 0.2, ("A", "B"): 0.3})
    assert tu.value({"A", "B"}) == Fraction(3, 10)
    assert shapley_value(tu).to_dict() == {"A": Fraction(1, 10), "B": Fraction(2, 10)}


def test_default_fills_missing_coalitions():
    tu = TUGame(["A", "B", "C"], {("A", "B"): 1}, default=Fraction(1, 3))
    assert tu.value({"A", "B"}) == 1
    assert tu.value({"C"}) == Fraction(1, 3)
    assert tu.value(set()) == 0


def test_game_is_immutable_and_hashable():
    tu = TUGame(["A", "B"], lambda s: len(s))
    with pytest.raises(AttributeError):
        tu.players = ("X", "Y")
    assert hash(tu) == hash(TUGame(["A", "B"], lambda s: len(s)))
    assert tu != TUGame(["A", "B"], lambda s: 2 * len(s))


def test_str_lists_the_worths():
    text = str(TUGame(["A", "B"], {("A",): 1, ("B",): 0, ("A", "B"): Fraction(5, 2)}))
    assert text.splitlines()[-1].split() == ["{A,", "B}", "5/2"]


def test_inputs_are_not_mutated():
    worths = {("A",): 1, ("B",): 1, ("A", "B"): 3}
    copy = dict(worths)
    TUGame(["A", "B"], worths)
    assert worths == copy


# -- bad input ------------------------------------------------------------------------------------
def test_empty_coalition_must_be_worth_zero():
    with pytest.raises(InvalidGameError, match="empty coalition must be 0"):
        TUGame(["A", "B"], lambda s: 1)
    with pytest.raises(InvalidGameError, match="empty coalition"):
        TUGame(["A"], {(): 2, ("A",): 1})


def test_unknown_player_in_a_mapping_key():
    with pytest.raises(UnknownPlayerError, match="'Z'"):
        TUGame(["A", "B"], {("A", "Z"): 1}, default=0)


def test_non_numeric_worth_names_the_coalition():
    with pytest.raises(InvalidTypeError, match=r"coalition \{'A', 'B'\}"):
        TUGame(["A", "B"], {("A",): 1, ("B",): 1, ("A", "B"): "three"})
    with pytest.raises(InvalidTypeError, match=r"coalition \{'B'\}"):
        TUGame(["A", "B"], lambda s: None if s == {"B"} else len(s))
    with pytest.raises(InvalidTypeError, match="must be a number"):
        TUGame(["A", "B"], lambda s: len(s) > 1)  # a bool is not a worth


def test_nan_worth_is_an_invalid_game():
    with pytest.raises(InvalidGameError, match=r"\{'A'\}"):
        TUGame(["A", "B"], {("A",): float("nan"), ("B",): 1, ("A", "B"): 2})


def test_a_bare_string_key_is_refused():
    with pytest.raises(InvalidTypeError, match="string"):
        TUGame(["A", "B"], {"A": 1, ("B",): 1, ("A", "B"): 2})
    with pytest.raises(InvalidTypeError, match="collection"):
        TUGame(["A", "B"], {1: 1}, default=0)


def test_missing_coalition_without_default():
    with pytest.raises(InvalidGameError, match=r"\{'B'\}.*default="):
        TUGame(["A", "B"], {("A",): 1, ("A", "B"): 2})


def test_coalition_given_twice_with_different_worths():
    with pytest.raises(InvalidGameError, match="twice"):
        TUGame(["A", "B"], {("A", "B"): 1, ("B", "A"): 2}, default=0)


def test_wrong_kinds_of_value_and_players():
    with pytest.raises(InvalidTypeError):
        TUGame(["A", "B"], [1, 2, 3])
    with pytest.raises(InvalidTypeError, match="default"):
        TUGame(["A", "B"], lambda s: len(s), default=0)
    with pytest.raises(pi.InvalidPlayerError):
        TUGame(["A", "A"], lambda s: len(s))
    with pytest.raises(InvalidTypeError):
        TUGame("AB", lambda s: len(s))
    with pytest.raises(InvalidTypeError):
        shapley_value({"A": 1})


def test_value_of_a_bad_coalition():
    tu = TUGame(["A", "B"], lambda s: len(s))
    with pytest.raises(InvalidTypeError, match="string"):
        tu.value("A")
    with pytest.raises(UnknownPlayerError, match="'Z'"):
        tu.value({"Z"})


def test_too_many_players():
    with pytest.raises(GameTooLargeError, match="2\\*\\*27"):
        TUGame([f"P{i}" for i in range(27)], lambda s: 0)


# -- Shapley and Banzhaf --------------------------------------------------------------------------
def test_glove_game_shapley():
    # The glove game: one left glove (L), two right gloves; a pair is worth 1. By hand, L
    # adds 1 in the 4 of the 6 orders where it is not first: 2/3; R1 and R2 share 1/3.
    gloves = TUGame(["L", "R1", "R2"], lambda s: min(len(s & {"L"}), len(s & {"R1", "R2"})))
    assert shapley_value(gloves).to_dict() == {
        "L": Fraction(2, 3), "R1": Fraction(1, 6), "R2": Fraction(1, 6)}
    assert gloves.shapley_value() == shapley_value(gloves)


@pytest.mark.parametrize("costs", [[1, 2, 4], [3, 3, 5, 10], [1, 4, 4, 6, 7, 11]])
def test_airport_game_littlechild_owen(costs):
    # Littlechild and Owen (1973), Management Science 20(3), 370-372: in the airport game
    # c(S) = max cost in S, each runway segment is split equally among the planes using it.
    players = NAMES[:len(costs)]
    cost = dict(zip(players, costs, strict=True))
    airport = TUGame(players, lambda s: max((cost[p] for p in s), default=0))
    ordered = sorted(costs)
    expected = {}
    for p in players:
        position = ordered.index(cost[p]) + ordered.count(cost[p]) - 1
        expected[p] = sum(
            (Fraction(ordered[j] - (ordered[j - 1] if j else 0), len(costs) - j)
             for j in range(position + 1)),
            Fraction(0),
        )
    assert shapley_value(airport).to_dict() == expected


@settings(max_examples=60, deadline=None)
@given(tu_games(max_players=5))
def test_property_shapley_matches_permutations(game):
    players, worths = game
    tu = TUGame(players, worths)
    assert shapley_value(tu).to_dict() == brute_shapley(players, worths.__getitem__)


@settings(max_examples=60, deadline=None)
@given(tu_games(max_players=6))
def test_property_banzhaf_matches_naive_sum(game):
    players, worths = game
    tu = TUGame(players, worths)
    assert banzhaf_value(tu).to_dict() == brute_banzhaf(players, worths.__getitem__)


@settings(max_examples=40, deadline=None)
@given(tu_games(max_players=6))
def test_property_shapley_efficiency_and_symmetry(game):
    players, worths = game
    tu = TUGame(players, worths)
    values = shapley_value(tu)
    assert sum(values.values()) == worths[frozenset(players)]
    for a, b in itertools.combinations(players, 2):
        others = [p for p in players if p not in (a, b)]
        if all(worths[s | {a}] == worths[s | {b}] for s in all_coalitions(others)):
            assert values[a] == values[b]


def test_banzhaf_normalized():
    tu = TUGame(["A", "B", "C"], {("A",): 1, ("B",): 0, ("C",): 0, ("A", "B"): 1,
                                  ("A", "C"): 1, ("B", "C"): 0, ("A", "B", "C"): 2})
    # Marginals of A: 1, 1, 1, 2 -> 5/4; of B and C: 0, 0, 0, 1 -> 1/4 each.
    assert banzhaf_value(tu).to_dict() == {"A": Fraction(5, 4), "B": Fraction(1, 4),
                                           "C": Fraction(1, 4)}
    normalized = banzhaf_value(tu, normalized=True)
    assert normalized.to_dict() == {"A": Fraction(5, 7), "B": Fraction(1, 7),
                                    "C": Fraction(1, 7)}
    assert tu.banzhaf_value(normalized=True) == normalized


def test_banzhaf_normalized_of_a_zero_sum_is_an_error():
    tu = TUGame(["A", "B"], {("A",): 1, ("B",): -1, ("A", "B"): 0})
    assert sum(banzhaf_value(tu).values()) == 0
    with pytest.raises(InvalidGameError, match="sum to 0"):
        banzhaf_value(tu, normalized=True)


# -- simple games ---------------------------------------------------------------------------------
@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 9), min_size=1, max_size=7), st.data())
def test_property_simple_game_conversion_reproduces_the_indices(weights, data):
    if sum(weights) == 0:
        weights = [*weights[:-1], 1]
    quota = data.draw(st.integers(sum(weights) // 2 + 1, sum(weights)))
    game = pi.WeightedGame(weights, quota)
    tu = TUGame.from_simple_game(game)
    assert tu == to_tu_game(game)
    assert shapley_value(tu) == pi.shapley_shubik(game)
    assert shapley_value(game) == pi.shapley_shubik(game)
    assert banzhaf_value(game) == pi.banzhaf(game, normalized=False)
    assert banzhaf_value(game, normalized=True) == pi.banzhaf(game)


def test_conversion_of_a_simple_game():
    game = pi.SimpleGame(["A", "B", "C"], [{"A", "B"}, {"A", "C"}])
    tu = to_tu_game(game)
    assert [tu.value(s) for s in ({"A"}, {"A", "B"}, {"B", "C"}, {"A", "B", "C"})] == [
        0, 1, 0, 1]
    assert to_tu_game(tu) is tu
    with pytest.raises(InvalidTypeError):
        TUGame.from_simple_game(tu)


# -- Myerson value --------------------------------------------------------------------------------
@settings(max_examples=40, deadline=None)
@given(tu_games(min_players=2, max_players=5), st.data())
def test_property_myerson_matches_brute_force(game, data):
    players, worths = game
    pairs = list(itertools.combinations(players, 2))
    edges = data.draw(st.lists(st.sampled_from(pairs), unique=True))
    graph = nx.Graph(edges)
    graph.add_nodes_from(players)
    tu = TUGame(players, worths)
    result = myerson(tu, graph)
    assert result.index == "myerson"
    assert result.to_dict() == brute_myerson(players, worths.__getitem__, edges)
    # component efficiency (Myerson 1977): each component gets its worth
    for component in nx.connected_components(graph):
        assert sum(result[p] for p in component) == worths[frozenset(component)]


def test_myerson_on_the_complete_graph_is_the_shapley_value():
    tu = TUGame(["A", "B", "C", "D"], lambda s: len(s) ** 2 + (5 if "A" in s else 0))
    assert myerson(tu, nx.complete_graph(tu.players)) == shapley_value(tu)


def test_myerson_line_of_three():
    # v(ABC) = 6, v(AB) = v(BC) = 2, v(AC) = 4, singletons 0. On the path A - B - C, A and
    # C are not linked: v/G(AC) = 0. By hand, B's marginals over the orders ABC, ACB, BAC,
    # BCA, CAB, CBA are 2, 6, 0, 0, 6, 2 (sum 16) and A's are 0, 0, 2, 4, 0, 4 (sum 10):
    # (5/3, 8/3, 5/3).
    worths = {("A",): 0, ("B",): 0, ("C",): 0, ("A", "B"): 2, ("B", "C"): 2, ("A", "C"): 4,
              ("A", "B", "C"): 6}
    tu = TUGame(["A", "B", "C"], worths)
    assert myerson(tu, nx.path_graph(["A", "B", "C"])).to_dict() == {
        "A": Fraction(5, 3), "B": Fraction(8, 3), "C": Fraction(5, 3)}


def test_myerson_graph_errors():
    tu = TUGame(["A", "B", "C"], lambda s: len(s))
    with pytest.raises(GraphError, match="'Z'"):
        myerson(tu, nx.path_graph(["A", "B", "C", "Z"]))
    with pytest.raises(GraphError, match="'C'"):
        myerson(tu, nx.path_graph(["A", "B"]))
    looped = nx.path_graph(["A", "B", "C"])
    looped.add_edge("B", "B")
    with pytest.raises(GraphError, match="'B'"):
        myerson(tu, looped)
    with pytest.raises(InvalidTypeError):
        tu.myerson_value([("A", "B")])


# -- Owen and Banzhaf-Owen values -----------------------------------------------------------------
@settings(max_examples=40, deadline=None)
@given(tu_games(min_players=2, max_players=5), st.data())
def test_property_owen_matches_brute_force(game, data):
    players, worths = game
    unions = data.draw(partitions(players))
    tu = TUGame(players, worths)
    result = owen(tu, unions)
    assert result.index == "owen"
    assert result.to_dict() == brute_owen(players, worths.__getitem__, unions)
    assert banzhaf_owen(tu, unions).to_dict() == brute_banzhaf_owen(
        players, worths.__getitem__, unions)


def test_owen_with_trivial_unions_is_the_shapley_value():
    tu = TUGame(["A", "B", "C", "D"], lambda s: len(s) ** 3 - (2 if "B" in s else 0))
    assert owen(tu, []) == shapley_value(tu)
    assert owen(tu, [list(tu.players)]) == shapley_value(tu)
    assert banzhaf_owen(tu, []) == banzhaf_value(tu)


def test_owen_glove_game_union_of_the_right_gloves():
    # The two right gloves bargain as one union: the quotient game is a two-player pair
    # game, so the union gets 1/2 and L gets 1/2 (quotient game property, Owen 1977).
    gloves = TUGame(["L", "R1", "R2"], lambda s: min(len(s & {"L"}), len(s & {"R1", "R2"})))
    assert owen(gloves, {"right": ["R1", "R2"]}).to_dict() == {
        "L": Fraction(1, 2), "R1": Fraction(1, 4), "R2": Fraction(1, 4)}


def test_union_errors():
    tu = TUGame(["A", "B", "C"], lambda s: len(s))
    with pytest.raises(InvalidUnionsError, match="'A'"):
        owen(tu, [["A", "B"], ["A", "C"]])
    with pytest.raises(UnknownPlayerError, match="'Z'"):
        banzhaf_owen(tu, [["A", "Z"]])


# -- the nucleolus --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("estate", "expected"),
    [
        (100, (Fraction(100, 3), Fraction(100, 3), Fraction(100, 3))),
        (200, (50, 75, 75)),
        (300, (50, 100, 150)),
    ],
)
def test_bankruptcy_nucleolus_is_the_talmud_rule(estate, expected):
    # Aumann and Maschler (1985), J. Econ. Theory 36, 195-213: claims 100, 200, 300; the
    # nucleolus of v(S) = max(0, E - sum of the others' claims) is the Talmud's division.
    claims = {"a": 100, "b": 200, "c": 300}
    tu = TUGame(list(claims), lambda s: max(0, estate - sum(
        c for p, c in claims.items() if p not in s)))
    result = nucleolus(tu)
    assert result.index == "nucleolus"
    assert tuple(result.values()) == expected
    assert all(isinstance(v, Fraction) for v in result.values())


def test_nucleolus_by_hand():
    # v(AB) = 4, v(AC) = 2, v(BC) = 0, v(ABC) = 6, singletons 0. With x = (6 - b - c, b, c)
    # the excesses are e(AB) = c - 2, e(AC) = b - 4, e(BC) = b + c - 6, e(A) = b + c - 6,
    # e(B) = -b, e(C) = -c. The largest of -c and c - 2 is at least -1, reached only at
    # c = 1 (stage 1: C and AB fixed at -1); then max(b - 4, -b) is least at b = 2 (-2).
    # The nucleolus is (3, 2, 1).
    worths = {("A",): 0, ("B",): 0, ("C",): 0, ("A", "B"): 4, ("A", "C"): 2, ("B", "C"): 0,
              ("A", "B", "C"): 6}
    tu = TUGame(["A", "B", "C"], worths)
    assert nucleolus(tu).to_dict() == {"A": 3, "B": 2, "C": 1}
    assert tu.nucleolus() == nucleolus(tu)


def test_glove_game_nucleolus_is_the_core():
    # The core: x(L, R1) >= 1 and x(L, R2) >= 1 with x(N) = 1 force x(R2) <= 0 and
    # x(R1) <= 0, so the core is {(1, 0, 0)} and the nucleolus (in the core) is that point.
    gloves = TUGame(["L", "R1", "R2"], lambda s: min(len(s & {"L"}), len(s & {"R1", "R2"})))
    assert nucleolus(gloves).to_dict() == {"L": 1, "R1": 0, "R2": 0}


def test_nucleolus_of_a_simple_game():
    # Majority of three: the nucleolus is symmetric, (1/3, 1/3, 1/3). With a veto player
    # A ([3; 2, 1, 1]) the core is {(1, 0, 0)}.
    assert nucleolus(pi.WeightedGame([1, 1, 1], 2)).to_dict() == {
        "P1": Fraction(1, 3), "P2": Fraction(1, 3), "P3": Fraction(1, 3)}
    assert nucleolus(pi.WeightedGame([2, 1, 1], 3)).to_dict() == {"P1": 1, "P2": 0, "P3": 0}


def test_nucleolus_one_and_two_players():
    assert nucleolus(TUGame(["A"], {("A",): Fraction(7, 2)})).to_dict() == {
        "A": Fraction(7, 2)}
    # Two players: standard solution, each gets v(i) plus half the surplus.
    tu = TUGame(["A", "B"], {("A",): 1, ("B",): 3, ("A", "B"): 10})
    assert nucleolus(tu).to_dict() == {"A": 4, "B": 6}


def test_nucleolus_without_imputations_is_an_error():
    tu = TUGame(["A", "B"], {("A",): 3, ("B",): 3, ("A", "B"): 5})
    with pytest.raises(InvalidGameError, match="no imputation"):
        nucleolus(tu)


def test_nucleolus_size_limit():
    import numpy as np

    sizes = np.array([bin(mask).count("1") for mask in range(1 << 19)])
    tu = TUGame.from_worths([f"P{i}" for i in range(19)], sizes)  # default limit 18
    with pytest.raises(GameTooLargeError, match="linear programs"):
        nucleolus(tu)
    small = TUGame(["A", "B", "C", "D"], lambda s: len(s))
    with pytest.raises(GameTooLargeError, match="max_players"):
        nucleolus(small, max_players=3)


def test_nucleolus_arguments_are_checked_like_everywhere_else():
    tu = TUGame(["A", "B", "C"], lambda s: len(s) ** 2)
    with pytest.raises(InvalidTypeError, match="max_players must be a whole number"):
        nucleolus(tu, max_players="15")
    with pytest.raises(pi.InvalidArgumentError, match="max_players must be at least 1"):
        nucleolus(tu, max_players=0)
    with pytest.raises(InvalidTypeError, match="normalized must be True or False"):
        banzhaf_value(tu, normalized=1)
    with pytest.raises(InvalidTypeError, match="normalized must be True or False"):
        tu.banzhaf_value(normalized="yes")


@pytest.mark.parametrize("offset", [10**9, 10**10, 10**12, 10**15])
def test_nucleolus_moves_with_an_additive_offset_of_any_size(offset):
    # Strategic equivalence: adding offset * |S| to every worth adds offset to every share.
    # Offsets from 10**10 up used to fail ("could not be certified exactly"): the floats
    # of the LPs could not see the game beneath the offset. 20 random games of 3-6 players.
    rng = random.Random(offset)
    for _ in range(20):
        n = rng.randint(3, 6)
        players = [f"P{i}" for i in range(n)]
        worths = {c: (rng.randint(0, 60) if c else 0)
                  for k in range(n + 1) for c in itertools.combinations(players, k)}
        worths[tuple(players)] = max(worths.values()) * n  # room for an imputation
        base = TUGame(players, worths)
        shifted = TUGame(players, {c: w + offset * len(c) for c, w in worths.items()})
        expected = nucleolus(base)
        assert nucleolus(shifted).to_dict() == {p: v + offset for p, v in expected.items()}


@settings(max_examples=40, deadline=None)
@given(convex_games(max_players=5))
def test_property_nucleolus_in_the_core_of_convex_games(game):
    # A convex game has a non-empty core (Shapley 1971, "Cores of convex games", IJGT 1,
    # 11-26); the nucleolus lies in the core whenever it is non-empty.
    players, v = game
    tu = TUGame(players, v)
    x = nucleolus(tu).to_dict()
    assert in_core(players, v, x)
    assert in_core(players, v, shapley_value(tu).to_dict())  # Shapley 1971: also in core


@settings(max_examples=40, deadline=None)
@given(tu_games(min_players=2, max_players=5), st.data())
def test_property_nucleolus_is_lexicographically_minimal(game, data):
    players, worths = game
    grand = frozenset(players)
    alone = sum(worths[frozenset({p})] for p in players)
    if worths[grand] < alone:
        worths[grand] = alone + data.draw(st.integers(0, 5))
    v = worths.__getitem__
    tu = TUGame(players, worths)
    x = nucleolus(tu).to_dict()
    # an imputation
    assert sum(x.values()) == worths[grand]
    assert all(x[p] >= worths[frozenset({p})] for p in players)
    best = excess_vector(players, v, x)
    # no other imputation has a lexicographically smaller sorted excess vector: random
    # imputations, and small moves from x along transfers between two players
    surplus = worths[grand] - alone
    for _ in range(5):
        shares = [data.draw(st.integers(0, 10)) for _ in players]
        total = sum(shares) or 1
        y = {p: worths[frozenset({p})] + surplus * Fraction(s, total)
             for p, s in zip(players, shares, strict=True)}
        if sum(shares) == 0:
            y = {p: worths[frozenset({p})] for p in players}
            y[players[0]] += surplus
        assert best <= excess_vector(players, v, y)
    for giver, taker in itertools.permutations(players, 2):
        for step in (Fraction(1, 1000), Fraction(1, 7)):
            y = dict(x)
            y[giver] -= step
            y[taker] += step
            if y[giver] >= worths[frozenset({giver})]:
                assert best <= excess_vector(players, v, y)


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 6), st.lists(st.integers(0, 6), min_size=6, max_size=6))
def test_property_nucleolus_of_a_symmetric_game_is_equal_split(n, increments):
    # With v(S) = f(|S|) every player is symmetric, and the nucleolus (unique, hence
    # invariant under permutations) gives v(N)/n to each.
    f = [0]
    for step in increments[:n]:
        f.append(f[-1] + step)
    f[n] = max(f[n], n * f[1])  # keep the imputation set non-empty
    tu = TUGame(NAMES[:n], lambda s: f[len(s)])
    assert set(nucleolus(tu).values()) == {Fraction(f[n], n)}


def test_nucleolus_larger_game_exact():
    # 9 players: a weighted majority game's nucleolus must be an exact imputation whose
    # excess vector no transfer between two players improves.
    game = pi.WeightedGame([5, 4, 3, 3, 2, 2, 1, 1, 1], 12)
    x = nucleolus(game).to_dict()
    assert sum(x.values()) == 1
    tu = to_tu_game(game)

    def v(s):
        return tu.value(s)

    best = excess_vector(tu.players, v, x)
    for giver, taker in itertools.permutations(tu.players, 2):
        y = dict(x)
        y[giver] -= Fraction(1, 997)
        y[taker] += Fraction(1, 997)
        if y[giver] >= 0:
            assert best <= excess_vector(tu.players, v, y)
    assert math.isclose(sum(nucleolus(game).to_float().values()), 1.0)
