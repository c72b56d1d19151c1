"""Tests of powerindex.graphs: restricted games, the Myerson value, compatibility graphs.

The reference below is written naively and independently of the library: coalitions are
frozensets of names, components come from a plain breadth-first search, cliques from
checking every pair, and values from the subset formulas with Fractions. Hand-derived
examples say how each number was obtained.
"""

import random
from fractions import Fraction as F
from itertools import combinations
from math import factorial

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import powerindex as pi
from powerindex.politics import compatibility_graph, is_connected_coalition, myerson, restrict

pytestmark = pytest.mark.filterwarnings("ignore::powerindex.ImproperGameWarning")


# -- the naive reference ----------------------------------------------------------------------
def subsets(players):
    return [frozenset(c) for k in range(len(players) + 1) for c in combinations(players, k)]


def weighted_rule(players, weights, quota):
    weight = dict(zip(players, weights, strict=True))
    return lambda coalition: sum(weight[p] for p in coalition) >= quota


def components(coalition, edges):
    """Connected components of the coalition in the graph given as a set of frozenset pairs."""
    left, found = set(coalition), []
    while left:
        start = left.pop()
        component, queue = {start}, [start]
        while queue:
            here = queue.pop()
            for other in list(left):
                if frozenset((here, other)) in edges:
                    left.remove(other)
                    component.add(other)
                    queue.append(other)
        found.append(frozenset(component))
    return found


def is_clique(coalition, edges):
    return all(frozenset(pair) in edges for pair in combinations(coalition, 2))


def restricted_rule(wins, edges, rule):
    if rule == "connected":
        return lambda s: any(wins(k) for k in components(s, edges))
    return lambda s: any(wins(c) for c in subsets(sorted(s)) if is_clique(c, edges))


def shapley(players, worth):
    """Shapley value by the subset formula, for a worth function on frozensets."""
    n = len(players)
    values = {}
    for i in players:
        others = [p for p in players if p != i]
        values[i] = sum(
            (F(factorial(len(s)) * factorial(n - len(s) - 1), factorial(n))
             * (worth(s | {i}) - worth(s)) for s in subsets(others)),
            F(0),
        )
    return values


def banzhaf(players, wins):
    swings = {i: sum(1 for s in subsets([p for p in players if p != i])
                     if wins(s | {i}) and not wins(s)) for i in players}
    total = sum(swings.values())
    return {i: F(c, total) for i, c in swings.items()}


def myerson_worth(wins, edges):
    """Myerson's v/G: the number of winning components (Myerson 1977's sum)."""
    return lambda s: sum(1 for k in components(s, edges) if wins(k))


def make_graph(players, edges):
    graph = nx.Graph()
    graph.add_nodes_from(players)
    graph.add_edges_from(tuple(e) for e in edges)
    return graph


def random_case(rng, max_n=9):
    n = rng.randint(1, max_n)
    players = [f"P{i}" for i in range(1, n + 1)]
    weights = [rng.randint(0, 9) for _ in range(n)]
    weights[0] = max(weights[0], 1)
    quota = rng.randint(1, sum(weights))
    density = rng.random()
    edges = {frozenset(pair) for pair in combinations(players, 2) if rng.random() < density}
    return players, weights, quota, edges


@st.composite
def cases(draw, max_n=7):
    n = draw(st.integers(1, max_n))
    players = [f"P{i}" for i in range(1, n + 1)]
    weights = draw(st.lists(st.integers(0, 9), min_size=n, max_size=n))
    weights[0] = max(weights[0], 1)
    quota = draw(st.integers(1, sum(weights)))
    pairs = list(combinations(players, 2))
    chosen = draw(st.lists(st.booleans(), min_size=len(pairs), max_size=len(pairs)))
    edges = {frozenset(p) for p, keep in zip(pairs, chosen, strict=True) if keep}
    return players, weights, quota, edges


def check_against_reference(players, weights, quota, edges, rule):
    game = pi.WeightedGame(weights, quota, players=players)
    wins = weighted_rule(players, weights, quota)
    restricted_wins = restricted_rule(wins, edges, rule)
    graph = make_graph(players, edges)
    if not restricted_wins(frozenset(players)):
        with pytest.raises(pi.GraphError, match="no feasible winning coalition"):
            restrict(game, graph, rule)
        return
    restricted = restrict(game, graph, rule)
    everyone = subsets(players)
    # the rule for one coalition and the vectorised table, both against the reference
    assert {s for s in everyone if restricted.is_winning(s)} == {
        s for s in everyone if restricted_wins(s)}
    assert set(pi.winning_coalitions(restricted)) == {s for s in everyone if restricted_wins(s)}
    assert pi.shapley_shubik(restricted) == shapley(
        players, lambda s: int(restricted_wins(s)))
    assert pi.banzhaf(restricted) == banzhaf(players, restricted_wins)


# -- agreement with the reference -------------------------------------------------------------
@pytest.mark.parametrize("rule", ["connected", "clique"])
@pytest.mark.parametrize("seed", range(25))
def test_restrict_matches_reference_on_random_games(seed, rule):
    rng = random.Random(1000 * seed + len(rule))
    check_against_reference(*random_case(rng), rule)


@pytest.mark.parametrize("seed", range(25))
def test_myerson_matches_reference_on_random_games(seed):
    players, weights, quota, edges = random_case(random.Random(7 + seed))
    game = pi.WeightedGame(weights, quota, players=players)
    wins = weighted_rule(players, weights, quota)
    result = myerson(game, make_graph(players, edges))
    assert result == shapley(players, myerson_worth(wins, edges))
    assert result.index == "myerson" and result.game is game


@settings(deadline=None, max_examples=150)
@given(cases(), st.sampled_from(["connected", "clique"]))
def test_property_restrict_agrees_with_reference(case, rule):
    check_against_reference(*case, rule)


@settings(deadline=None, max_examples=150)
@given(cases())
def test_property_myerson_agrees_with_reference(case):
    players, weights, quota, edges = case
    game = pi.WeightedGame(weights, quota, players=players)
    expected = shapley(players, myerson_worth(weighted_rule(players, weights, quota), edges))
    assert myerson(game, make_graph(players, edges)) == expected


@settings(deadline=None, max_examples=150)
@given(cases())
def test_property_myerson_of_proper_game_is_shapley_shubik_of_restriction(case):
    players, weights, quota, edges = case
    game = pi.WeightedGame(weights, quota, players=players)
    graph = make_graph(players, edges)
    wins = weighted_rule(players, weights, quota)
    if not game.is_proper or not any(wins(k) for k in components(players, edges)):
        return
    assert myerson(game, graph) == pi.shapley_shubik(restrict(game, graph, rule="connected"))


# -- axioms --------------------------------------------------------------------------------
@settings(deadline=None, max_examples=200)
@given(cases())
def test_property_component_efficiency(case):
    """Myerson (1977): the values of each component of the graph sum to its worth."""
    players, weights, quota, edges = case
    game = pi.WeightedGame(weights, quota, players=players)
    values = myerson(game, make_graph(players, edges))
    wins = weighted_rule(players, weights, quota)
    for component in components(players, edges):
        assert sum(values[p] for p in component) == (1 if wins(component) else 0)


@settings(deadline=None, max_examples=200)
@given(cases(), st.data())
def test_property_fairness(case, data):
    """Myerson (1977): removing the link i - j changes i's and j's values equally."""
    players, weights, quota, edges = case
    if not edges:
        return
    link = data.draw(st.sampled_from(sorted(tuple(sorted(e)) for e in edges)))
    game = pi.WeightedGame(weights, quota, players=players)
    before = myerson(game, make_graph(players, edges))
    after = myerson(game, make_graph(players, edges - {frozenset(link)}))
    i, j = link
    assert before[i] - after[i] == before[j] - after[j]


@settings(deadline=None, max_examples=150)
@given(cases())
def test_property_complete_graph_changes_nothing(case):
    players, weights, quota, _ = case
    game = pi.WeightedGame(weights, quota, players=players)
    complete = nx.complete_graph(players)
    expected = pi.shapley_shubik(game)
    assert myerson(game, complete) == expected
    for rule in ("connected", "clique"):
        restricted = restrict(game, complete, rule)
        assert set(pi.winning_coalitions(restricted)) == set(pi.winning_coalitions(game))
        assert pi.shapley_shubik(restricted) == expected


@settings(deadline=None, max_examples=150)
@given(cases())
def test_property_empty_graph_leaves_only_those_who_win_alone(case):
    players, weights, quota, _ = case
    game = pi.WeightedGame(weights, quota, players=players)
    empty = nx.empty_graph(players)
    expected = {p: F(1) if w >= quota else F(0) for p, w in zip(players, weights, strict=True)}
    assert myerson(game, empty) == expected


@settings(deadline=None, max_examples=100)
@given(cases(), st.sampled_from(["connected", "clique"]))
def test_property_inputs_not_mutated(case, rule):
    players, weights, quota, edges = case
    game = pi.WeightedGame(weights, quota, players=players)
    graph = make_graph(players, edges)
    graph.graph["name"] = "coalition talks"
    graph.nodes[players[0]]["seats"] = 7
    snapshot = (list(graph.nodes(data=True)), list(graph.edges(data=True)), dict(graph.graph))
    myerson(game, graph)
    try:
        restricted = restrict(game, graph, rule)
    except pi.GraphError:
        restricted = None
    assert (list(graph.nodes(data=True)), list(graph.edges(data=True)),
            dict(graph.graph)) == snapshot
    assert not nx.is_frozen(graph)
    if restricted is not None:
        assert nx.is_frozen(restricted.graph)
        graph.add_edges_from(combinations(players, 2))
        assert restricted.graph.number_of_edges() == len(edges)


# -- worked examples ----------------------------------------------------------------------
def test_myerson_1977_majority_of_three_on_a_line():
    """Myerson, R. B. (1977). Graphs and cooperation in games. Mathematics of Operations
    Research 2(3):225-229. DOI 10.1287/moor.2.3.225 (the value and its axioms; the numbers
    below are derived by hand from the definition).

    Simple majority of three, players linked 1 - 2 - 3. By hand: the coalitions that can
    win are {1,2}, {2,3} and {1,2,3} ({1,3} is two components of one player each), so 2 is
    a veto player. In the 6 orders 2 pivots unless it comes first: 4/6 = 2/3; 1 pivots only
    in the order 2,1,3 and 3 only in 2,3,1: 1/6 each.
    """
    game = pi.WeightedGame([1, 1, 1], 2, players=["1", "2", "3"])
    line = nx.path_graph(["1", "2", "3"])
    expected = {"1": F(1, 6), "2": F(2, 3), "3": F(1, 6)}
    assert myerson(game, line) == expected
    assert pi.shapley_shubik(restrict(game, line)) == expected
    # with only the link 1 - 2, {1,2} is the only winning coalition that can form: the
    # restricted game is the unanimity game of 1 and 2, who split the unit.
    single = nx.Graph([("1", "2")])
    single.add_node("3")
    assert myerson(game, single) == {"1": F(1, 2), "2": F(1, 2), "3": F(0)}
    # fairness on the removed link 2 - 3: 2 loses 2/3 - 1/2 = 1/6, 3 loses 1/6 - 0 = 1/6
    assert expected["2"] - F(1, 2) == expected["3"] - F(0)


def test_unanimity_on_a_path_makes_the_middle_men_veto_players():
    """Owen, G. (1986). Values of graph-restricted games. SIAM J. Algebraic Discrete Methods
    7(2):210-220: on a tree, the unanimity game of T restricts to the unanimity game of the
    smallest subtree containing T. By hand for the path A - B - C - D and T = {A, D}: a
    connected coalition holding A and D holds B and C, so all four are needed: 1/4 each.
    """
    players = ["A", "B", "C", "D"]
    game = pi.SimpleGame(players, [{"A", "D"}])
    path = nx.path_graph(players)
    expected = {p: F(1, 4) for p in players}
    assert myerson(game, path) == expected
    restricted = restrict(game, path, rule="connected")
    assert pi.minimal_winning_coalitions(restricted) == [frozenset(players)]
    assert pi.shapley_shubik(restricted) == expected


def test_apex_game_on_a_star():
    """Apex game [3; 2, 1, 1, 1] (apex A), linked as a star around A. By hand: the minor
    players' coalition {B, C, D} is no longer connected, so the restricted game's minimal
    winning coalitions are {A, x}; A pivots unless first (3/4), a minor player only when
    first with A second (1/4 * 1/3 = 1/12). Without the graph: A 1/2, minors 1/6 each.
    """
    players = ["A", "B", "C", "D"]
    game = pi.WeightedGame([2, 1, 1, 1], 3, players=players)
    assert pi.shapley_shubik(game) == {"A": F(1, 2), "B": F(1, 6), "C": F(1, 6), "D": F(1, 6)}
    star = nx.star_graph(players)
    expected = {"A": F(3, 4), "B": F(1, 12), "C": F(1, 12), "D": F(1, 12)}
    assert pi.shapley_shubik(restrict(game, star)) == expected
    assert myerson(game, star) == expected
    assert restrict(game, star).veto_players == ("A",)


def test_connected_and_clique_rules_differ():
    """[5; 3, 2, 2, 1] on A, B, C, D with A and B incompatible. Minimal winning coalitions
    of the game: {A,B}, {A,C}, {B,C,D}. By hand:

    * connected rule: {A,B} is not connected, {A,B,D} is (through D) and wins: minimal
      winning {A,C}, {B,C,D}, {A,B,D}. Pivot counts over the 24 orders: A 8, B 4, C 8, D 4.
    * clique rule: {A,B,D} is no clique and holds no winning clique ({A,D} and {B,D} are
      too light): minimal winning {A,C}, {B,C,D}. Pivots: A 6, B 2, C 14, D 2.
    * unrestricted: A 10, B 6, C 6, D 2.
    """
    players = ["A", "B", "C", "D"]
    game = pi.WeightedGame([3, 2, 2, 1], 5, players=players)
    graph = compatibility_graph(game, incompatible=[("A", "B")])
    assert pi.shapley_shubik(game) == {"A": F(10, 24), "B": F(6, 24), "C": F(6, 24),
                                       "D": F(2, 24)}
    connected = restrict(game, graph, rule="connected")
    clique = restrict(game, graph, rule="clique")
    assert set(pi.minimal_winning_coalitions(connected)) == {
        frozenset("AC"), frozenset("BCD"), frozenset("ABD")}
    assert set(pi.minimal_winning_coalitions(clique)) == {frozenset("AC"), frozenset("BCD")}
    assert pi.shapley_shubik(connected) == {"A": F(8, 24), "B": F(4, 24), "C": F(8, 24),
                                            "D": F(4, 24)}
    assert pi.shapley_shubik(clique) == {"A": F(6, 24), "B": F(2, 24), "C": F(14, 24),
                                         "D": F(2, 24)}
    assert clique.veto_players == ("C",)
    assert myerson(game, graph) == pi.shapley_shubik(connected)


def test_improper_game_myerson_keeps_the_sum_over_components():
    """[1; 1, 1]: each player wins alone (improper). With no link, Myerson's v/G({A, B}) =
    v({A}) + v({B}) = 2 and each gets 1 (component efficiency), whereas the simple restricted
    game ("some component wins") is the original game, Shapley-Shubik 1/2 each.
    """
    game = pi.WeightedGame([1, 1], 1, players=["A", "B"])
    empty = nx.empty_graph(["A", "B"])
    assert myerson(game, empty) == {"A": F(1), "B": F(1)}
    assert pi.shapley_shubik(restrict(game, empty)) == {"A": F(1, 2), "B": F(1, 2)}


# -- the restricted game as a game ----------------------------------------------------------
def test_restricted_game_remembers_its_origin_and_is_a_simple_game():
    game = pi.WeightedGame([2, 2, 2], 4, players=["A", "B", "C"])
    graph = nx.path_graph(["A", "B", "C"])
    restricted = restrict(game, graph, rule="clique")
    assert isinstance(restricted, pi.SimpleGame)
    assert restricted.players == game.players
    assert restricted.base_game is game
    assert restricted.rule == "clique"
    assert nx.utils.graphs_equal(restricted.graph, graph)
    assert restricted.graph is not graph
    with pytest.raises(nx.NetworkXError):
        restricted.graph.add_edge("A", "C")
    # any index and any transformation applies
    assert pi.deegan_packel(restricted) == {"A": F(1, 4), "B": F(1, 2), "C": F(1, 4)}
    assert pi.holler(restricted) == {"A": F(1, 4), "B": F(1, 2), "C": F(1, 4)}
    again = restrict(restricted, nx.Graph([("A", "B"), ("B", "C"), ("A", "C")]))
    assert pi.shapley_shubik(again) == pi.shapley_shubik(restricted)
    assert pi.shapley_shubik(restricted.merge(["A", "C"], name="AC")) == {
        "AC": F(1, 2), "B": F(1, 2)}


def test_the_default_rule_is_the_clique():
    # What analysts mean by "incompatible": with Likud and Yesh Atid incompatible, a
    # government holding both cannot form, even with Shas, compatible with both, as a
    # go-between (the connected rule allows it).
    game = pi.WeightedGame([40, 30, 25, 5], 61, players=["Likud", "Yesh Atid", "NU", "Shas"])
    graph = compatibility_graph(game, incompatible=[("Likud", "Yesh Atid")])
    assert not restrict(game, graph).is_winning({"Likud", "Yesh Atid", "Shas"})
    assert restrict(game, graph, rule="connected").is_winning({"Likud", "Yesh Atid", "Shas"})
    assert restrict(game, graph).rule == "clique"
    assert pi.leverage(game, graph).title.endswith("cliques of the compatibility graph")


def test_no_feasible_winning_coalition_is_a_graph_error():
    game = pi.WeightedGame([1, 1, 1], 3, players=["A", "B", "C"])
    with pytest.raises(pi.GraphError, match="no feasible winning coalition.*clique"):
        restrict(game, nx.path_graph(["A", "B", "C"]), rule="clique")
    with pytest.raises(pi.GraphError, match=r"no connected component.*\['A', 'B'\], \['C'\]"):
        restrict(game, compatibility_graph(game, edges=[("A", "B")]), rule="connected")
    # the Myerson value is still defined: no component wins, so everybody gets 0
    assert myerson(game, nx.empty_graph(["A", "B", "C"])) == {p: 0 for p in "ABC"}


# -- bad input ------------------------------------------------------------------------------
@pytest.fixture
def game():
    return pi.WeightedGame([3, 2, 1], 4, players=["A", "B", "C"])


@pytest.mark.parametrize("function", [restrict, myerson])
def test_graph_missing_a_player_names_it(game, function):
    with pytest.raises(pi.GraphError, match="'C'.*missing"):
        function(game, nx.Graph([("A", "B")]))


@pytest.mark.parametrize("function", [restrict, myerson])
def test_graph_node_that_is_not_a_player_is_named(game, function):
    graph = nx.path_graph(["A", "B", "C", "Z"])
    with pytest.raises(pi.GraphError, match="'Z'.*not players"):
        function(game, graph)
    graph = nx.path_graph(["A", "B", "C"])
    graph.add_node(1)
    with pytest.raises(pi.GraphError, match="1 are not players"):
        function(game, graph)


@pytest.mark.parametrize("function", [restrict, myerson])
def test_self_loop_is_named(game, function):
    graph = nx.path_graph(["A", "B", "C"])
    graph.add_edge("B", "B")
    with pytest.raises(pi.GraphError, match="self-loop.*'B'"):
        function(game, graph)


@pytest.mark.parametrize("function", [restrict, myerson])
@pytest.mark.parametrize("kind", [nx.DiGraph, nx.MultiGraph, nx.MultiDiGraph])
def test_directed_and_multigraphs_are_refused(game, function, kind):
    graph = kind([("A", "B"), ("B", "C")])
    with pytest.raises(pi.GraphError, match="directed|multigraph"):
        function(game, graph)


@pytest.mark.parametrize("function", [restrict, myerson])
def test_non_graph_and_non_game_are_type_errors(game, function):
    with pytest.raises(pi.InvalidTypeError, match="networkx.Graph"):
        function(game, [("A", "B")])
    with pytest.raises(pi.InvalidTypeError, match="simple game"):
        function({"A": 1}, nx.path_graph(["A", "B", "C"]))


def test_unknown_rule(game):
    with pytest.raises(pi.InvalidMethodError, match="'conected'.*'connected' or 'clique'"):
        restrict(game, nx.path_graph(["A", "B", "C"]), rule="conected")
    with pytest.raises(pi.InvalidMethodError, match="None"):
        restrict(game, nx.path_graph(["A", "B", "C"]), rule=None)


def test_myerson_takes_a_tu_game_by_its_worths():
    # Three players on a path, v(S) = |S|**2: a TU game, not a simple game.
    tu = pi.TUGame([0, 1, 2], lambda s: len(s) ** 2)
    line = nx.path_graph(3)
    assert myerson(tu, line) == tu.myerson_value(line)
    assert sum(myerson(tu, line).values()) == 9


# -- compatibility_graph, is_connected_coalition --------------------------------------------
def test_compatibility_graph_from_edges_and_from_incompatible_pairs(game):
    from_edges = compatibility_graph(["A", "B", "C", "D"], edges=[("A", "B"), ("B", "A")])
    assert list(from_edges.nodes) == ["A", "B", "C", "D"]
    assert {frozenset(e) for e in from_edges.edges} == {frozenset("AB")}
    from_complement = compatibility_graph(
        ["A", "B", "C", "D"], incompatible=[("A", "B"), ("C", "A"), ("A", "C")])
    assert {frozenset(e) for e in from_complement.edges} == {
        frozenset("AD"), frozenset("BC"), frozenset("BD"), frozenset("CD")}
    assert {frozenset(e) for e in compatibility_graph(game, incompatible=[]).edges} == {
        frozenset("AB"), frozenset("AC"), frozenset("BC")}
    assert compatibility_graph(game, edges=[]).number_of_edges() == 0
    assert compatibility_graph(game, edges=iter([["A", "C"]])).has_edge("C", "A")


def test_compatibility_graph_bad_input(game):
    with pytest.raises(pi.GraphError, match="exactly one"):
        compatibility_graph(game)
    with pytest.raises(pi.GraphError, match="exactly one"):
        compatibility_graph(game, edges=[], incompatible=[])
    with pytest.raises(pi.UnknownPlayerError, match="'Z'"):
        compatibility_graph(game, edges=[("A", "Z")])
    with pytest.raises(pi.UnknownPlayerError, match="'Z'"):
        compatibility_graph(game, incompatible=[("Z", "A")])
    with pytest.raises(pi.GraphError, match="'B' to itself"):
        compatibility_graph(game, incompatible=[("B", "B")])
    with pytest.raises(pi.InvalidTypeError, match="pair"):
        compatibility_graph(game, edges=["AB"])
    with pytest.raises(pi.InvalidTypeError, match="3 items"):
        compatibility_graph(game, edges=[("A", "B", "C")])
    with pytest.raises(pi.InvalidTypeError, match="list of pairs"):
        compatibility_graph(game, edges="AB")
    with pytest.raises(pi.InvalidPlayerError, match="duplicate"):
        compatibility_graph(["A", "A"], edges=[])


def test_is_connected_coalition():
    graph = compatibility_graph(["A", "B", "C", "D"], edges=[("A", "B"), ("B", "C")])
    assert is_connected_coalition(graph, ["A", "B", "C"])
    assert is_connected_coalition(graph, {"D"})
    assert not is_connected_coalition(graph, {"A", "C"})
    assert not is_connected_coalition(graph, set())
    with pytest.raises(pi.GraphError, match="'Z' is not a node"):
        is_connected_coalition(graph, {"A", "Z"})
    with pytest.raises(pi.InvalidTypeError):
        is_connected_coalition(graph, "AB")


# -- merge_graph --------------------------------------------------------------------------------
def test_merge_graph_keeps_only_partners_of_every_member():
    graph = compatibility_graph(["Iraqiya", "SoL", "INA", "Kurds"],
                                incompatible=[("Iraqiya", "INA")])
    before = sorted(graph.edges())
    merged = pi.merge_graph(graph, ["SoL", "INA"], "NA")
    assert list(merged.nodes) == ["Iraqiya", "NA", "Kurds"]
    # Iraqiya could sit with SoL but not with INA, so not with the bloc; Kurds with both.
    assert sorted(map(sorted, merged.edges())) == [["Iraqiya", "Kurds"], ["Kurds", "NA"]]
    assert sorted(graph.edges()) == before  # the input graph is unchanged


def test_merge_graph_matches_restricting_the_merged_game():
    # Restricting the merged game by the merged graph: the bloc is feasible with exactly the
    # partners both members could sit with (clique rule), checked coalition by coalition.
    game = pi.WeightedGame([4, 3, 2, 1], 6, players=["A", "B", "C", "D"])
    graph = compatibility_graph(game, incompatible=[("A", "C"), ("B", "D")])
    merged = restrict(game.merge(["A", "B"], name="AB"),
                      pi.merge_graph(graph, ["A", "B"], "AB"), rule="clique")
    assert merged.is_winning({"AB"})  # 7 seats alone
    assert not merged.is_winning({"C", "D"})  # 3 seats
    assert sorted(map(sorted, pi.merge_graph(graph, ["A", "B"], "AB").edges())) == [["C", "D"]]


@pytest.mark.parametrize(
    "members, name, message",
    [
        (["A"], "X", "at least two distinct nodes"),
        (["A", "A"], "X", "at least two distinct nodes"),
        (["A", "Z"], "X", "'Z' is not a node"),
        (["A", "B"], "C", "'C' is already a node"),
    ],
)
def test_bad_merge_graph(members, name, message):
    graph = compatibility_graph(["A", "B", "C"], edges=[("A", "B")])
    with pytest.raises(pi.GraphError, match=message):
        pi.merge_graph(graph, members, name)


def test_networkx_is_imported_only_when_a_graph_is_used():
    """Start-up: the indices need no graph, so ``import powerindex`` leaves networkx alone."""
    import subprocess
    import sys

    code = (
        "import sys, powerindex as pi\n"
        "assert 'networkx' not in sys.modules\n"
        "pi.banzhaf(pi.WeightedGame([2, 1, 1], 3))\n"
        "assert 'networkx' not in sys.modules\n"
        "g = pi.compatibility_graph(['a', 'b'], edges=[('a', 'b')])\n"
        "assert 'networkx' in sys.modules and g.number_of_edges() == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
