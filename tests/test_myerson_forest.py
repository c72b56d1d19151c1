"""The Myerson value of weighted games on forests (paths, trees) by generating functions.

Checked against enumeration of all coalitions (the other algorithm) on random small games
and forests, the path route against the tree route on paths too long to enumerate, and
Myerson's axioms at sizes no enumeration reaches: component efficiency and fairness
(removing a link changes both ends' values by the same amount) [Myerson 1977].
"""

import random

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import powerindex as pi
from powerindex._engines import forest
from powerindex.politics.myerson import myerson


@st.composite
def games_on_forests(draw):
    n = draw(st.integers(1, 10))
    weights = draw(st.lists(st.integers(0, 12), min_size=n, max_size=n))
    if sum(weights) == 0:
        weights[0] = 1
    quota = draw(st.integers(1, sum(weights)))
    game = pi.WeightedGame(weights, quota)
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    shape = draw(st.sampled_from(["path", "tree", "forest"]))
    if shape == "path" or n == 1:
        order = list(game.players)
        rng.shuffle(order)
        graph = nx.path_graph(order)
    else:
        tree = nx.random_labeled_tree(n, seed=rng.randrange(10**6))
        graph = nx.relabel_nodes(tree, dict(enumerate(game.players)))
    if shape == "forest":
        for edge in list(graph.edges()):
            if rng.random() < 0.3:
                graph.remove_edge(*edge)
    return game, graph


@pytest.mark.filterwarnings("ignore::powerindex.ImproperGameWarning")
@given(case=games_on_forests())
def test_agrees_with_enumeration(case):
    game, graph = case
    generated = myerson(game, graph, method="generating")
    assert generated.method == "generating"
    assert dict(generated) == dict(myerson(game, graph, method="enumerate"))


@pytest.mark.filterwarnings("ignore::powerindex.ImproperGameWarning")
@given(case=games_on_forests())
def test_the_tree_route_agrees_on_paths_too(case):
    game, graph = case
    position = {p: i for i, p in enumerate(game.players)}
    neighbours = [[position[q] for q in graph[p]] for p in game.players]
    weights, quota = list(game.weights), game.quota
    assert forest.myerson_on_forest(weights, quota, neighbours, "tree") == \
        list(myerson(game, graph, method="enumerate").values())


def _line(n, seed, quota_share=(1, 2)):
    rng = random.Random(seed)
    weights = [rng.randint(1, 30) for _ in range(n)]
    quota = sum(weights) * quota_share[0] // quota_share[1] + 1
    game = pi.WeightedGame(weights, quota)
    return game, nx.path_graph(game.players)


def test_path_and_tree_routes_agree_beyond_enumeration():
    game, graph = _line(45, seed=4)
    neighbours = [[j for j in (i - 1, i + 1) if 0 <= j < game.n] for i in range(game.n)]
    by_path = forest.myerson_on_forest(list(game.weights), game.quota, neighbours, "path")
    by_tree = forest.myerson_on_forest(list(game.weights), game.quota, neighbours, "tree")
    assert by_path == by_tree
    assert sum(by_path) == 1


def test_component_efficiency_and_fairness_at_150_players():
    """Myerson's two axioms on a line of 150 parties, and on the line cut at one link."""
    game, graph = _line(150, seed=8)
    values = myerson(game, graph)
    assert values.method == "generating"
    assert sum(values.values()) == 1  # one component, and it wins
    cut = graph.copy()
    left, right = game.players[70], game.players[71]
    cut.remove_edge(left, right)
    after = myerson(game, cut)
    assert values[left] - after[left] == values[right] - after[right]  # fairness
    weight = dict(zip(game.players, game.weights, strict=True))
    for component in nx.connected_components(cut):
        worth = int(sum(weight[p] for p in component) >= game.quota)
        assert sum(after[p] for p in component) == worth  # component efficiency


def test_fairness_on_a_tree_of_70_players():
    """Counts beyond 2**63 (Python integers): fairness for a link of a random tree."""
    rng = random.Random(5)
    weights = [rng.randint(1, 4) for _ in range(70)]
    game = pi.WeightedGame(weights, sum(weights) // 2 + 1)
    tree = nx.relabel_nodes(nx.random_labeled_tree(70, seed=11), dict(enumerate(game.players)))
    values = myerson(game, tree)
    assert values.method == "generating" and sum(values.values()) == 1
    a, b = next(iter(tree.edges()))
    cut = tree.copy()
    cut.remove_edge(a, b)
    after = myerson(game, cut)
    assert values[a] - after[a] == values[b] - after[b]


def test_a_reversed_line_of_equal_parties_is_symmetric():
    game = pi.WeightedGame([1] * 60, 31)
    values = myerson(game, nx.path_graph(game.players))
    ordered = [values[p] for p in game.players]
    assert ordered == ordered[::-1]
    assert ordered[0] < ordered[10] < ordered[29]


def test_weights_with_a_common_divisor_and_huge_weights():
    game = pi.WeightedGame([300000, 200000, 100000, 500000], 600000, players=list("abcd"))
    graph = nx.Graph([("a", "b"), ("b", "c"), ("b", "d")])  # a star: the tree route
    assert dict(myerson(game, graph)) == dict(myerson(game, graph, method="enumerate"))


# -- dispatch ---------------------------------------------------------------------------------
def test_graphs_with_cycles_and_games_without_weights_are_enumerated():
    game = pi.WeightedGame([3, 2, 2, 1], 5, players=list("abcd"))
    cycle = nx.cycle_graph(list("abcd"))
    assert myerson(game, cycle).method == "enumerate"
    with pytest.raises(pi.InvalidMethodError, match="cycle"):
        myerson(game, cycle, method="generating")
    simple = pi.SimpleGame(list("abc"), [["a", "b"]])
    assert myerson(simple, nx.path_graph("abc")).method == "enumerate"
    with pytest.raises(pi.InvalidMethodError, match="WeightedGame"):
        myerson(simple, nx.path_graph("abc"), method="generating")
    with pytest.raises(pi.InvalidMethodError, match="unknown method 'fast'"):
        myerson(game, cycle, method="fast")
    tu = pi.TUGame(list("ab"), lambda s: len(s))
    with pytest.raises(pi.InvalidMethodError, match="TU game"):
        myerson(tu, nx.path_graph("ab"), method="generating")


def test_large_cycles_and_oversized_trees_are_refused(monkeypatch):
    game = pi.WeightedGame([1] * 30, 16)
    with pytest.raises(pi.GameTooLargeError):
        myerson(game, nx.cycle_graph(game.players))
    monkeypatch.setattr(forest, "MAX_TREE_WORK", 10)
    star = nx.star_graph(game.players)
    with pytest.raises(pi.GameTooLargeError, match="table cells"):
        myerson(game, star)
    small = pi.WeightedGame([2, 1, 1, 1], 3, players=list("abcd"))
    assert myerson(small, nx.star_graph(list("abcd"))).method == "enumerate"
    assert myerson(game, nx.path_graph(game.players)).method == "generating"  # paths: no tables
