"""Player names: any hashable, as networkx nodes are, in the order given.

networkx graphs often have integer nodes and TU games in the literature number their
players 1..n, so names are not only strings: int, tuple, frozenset ... are accepted, and
unhashable, None, empty and duplicate names are refused with the package's own errors.
A pandas Series of weights gives its index as the names. (Regression tests of the
Foundations II issue: only str used to be accepted.)
"""

import pickle
from fractions import Fraction

import brute
import networkx as nx
import pytest

import powerindex as pi

pytestmark = pytest.mark.filterwarnings("ignore::powerindex.ImproperGameWarning")

NAMES = {
    "int": [1, 2, 3, 4],
    "tuple": [("SPD", 1), ("CDU", 2), ("Greens", 3), ("FDP", 4)],
    "mixed": ["A", 2, (3, "x"), frozenset({"d"})],
}
WEIGHTS = [4, 3, 2, 1]
QUOTA = 6


@pytest.mark.parametrize("kind", list(NAMES))
def test_indices_of_a_game_with_hashable_names_match_brute_force(kind):
    names = NAMES[kind]
    game = pi.WeightedGame(WEIGHTS, QUOTA, players=names)
    assert game.players == tuple(names)  # the order given is kept
    wins = brute.weighted(WEIGHTS, QUOTA, names)
    assert pi.shapley_shubik(game).to_dict() == brute.shapley_shubik_permutations(names, wins)
    assert pi.swings(game).to_dict() == brute.swings(names, wins)
    assert pi.holler(game).to_dict() == brute.holler(names, wins)
    assert pi.johnston(game).to_dict() == brute.johnston(names, wins)
    assert set(pi.minimal_winning_coalitions(game)) == set(
        brute.minimal_winning_coalitions(names, wins))


def test_integer_names_go_through_every_layer():
    game = pi.WeightedGame([3, 2, 2, 1], 5, players=[1, 2, 3, 4])
    graph = nx.path_graph([1, 2, 3, 4])
    restricted = pi.restrict(game, graph, rule="clique")
    # On the path 1-2-3-4 the only winning cliques are {1, 2}: 1 and 2 are veto players.
    assert restricted.veto_players == (1, 2)
    assert pi.myerson(game, graph) == pi.shapley_shubik(pi.restrict(game, graph,
                                                                    rule="connected"))
    merged = game.merge([2, 3])
    assert merged.players == (1, "2+3", 4) and merged.members("2+3") == (2, 3)
    assert game.merge([2, 3], name=23).players == (1, 23, 4)
    assert pi.owen(game, [[2, 3]]).to_dict() == pi.owen(game, {"bloc": [2, 3]}).to_dict()
    assert pi.quotient_game(game, [[2, 3]]).players == ("2+3", 1, 4)
    assert game.drop([3, 4], quota=3).players == (1, 2)
    table = pi.leverage(game)
    assert table.column("player")[0] == 1
    assert "player" in str(table) and "1" in str(pi.shapley_shubik(game))
    theories = pi.coalition_theories(game, order=[4, 3, 2, 1])
    assert str(theories["minimal winning"][0]) == "1 + 2 (5 seats)"
    compared = pi.compare({"base": game, "merged": merged})
    assert "2 + 3" in compared.column("members")
    assert pickle.loads(pickle.dumps(game)) == game


def test_tu_games_number_their_players():
    # The airport game of Littlechild and Owen (1973), players numbered 1..3.
    cost = {1: 1, 2: 2, 3: 4}
    airport = pi.TUGame([1, 2, 3], lambda s: max((cost[p] for p in s), default=0))
    assert pi.shapley_value(airport).to_dict() == {1: Fraction(1, 3), 2: Fraction(5, 6),
                                                  3: Fraction(17, 6)}
    assert "{1, 2}" in str(airport)


def test_a_mapping_of_weights_gives_the_names():
    game = pi.WeightedGame({10: 3, 20: 2, 30: 2}, 4)
    assert game.players == (10, 20, 30) and game.weights == (3, 2, 2)


def test_a_pandas_series_gives_its_index_as_the_names():
    pandas = pytest.importorskip("pandas")
    seats = pandas.Series([206, 197, 118, 92, 83, 39, 1],
                          index=["SPD", "CDU/CSU", "Greens", "FDP", "AfD", "Linke", "SSW"])
    game = pi.WeightedGame(seats, 369)
    assert game.players == ("SPD", "CDU/CSU", "Greens", "FDP", "AfD", "Linke", "SSW")
    assert game.weights == (206, 197, 118, 92, 83, 39, 1)
    with pytest.raises(pi.InvalidPlayerError, match="mapping of weights or players"):
        pi.WeightedGame(seats, 369, players=list("abcdefg"))


@pytest.mark.parametrize("players, error, message", [
    (["A", ["B"], "C"], pi.InvalidTypeError, "player 2 has the name \\['B'\\].*not hashable"),
    (["A", ("B", ["x"]), "C"], pi.InvalidTypeError, "not hashable"),
    (["A", None, "C"], pi.InvalidPlayerError, "player 2 has no name"),
    (["A", "", "C"], pi.InvalidPlayerError, "player 2 has an empty name"),
    ([1, 2, 1], pi.InvalidPlayerError, "duplicate player name 1"),
    ([1, True, 3], pi.InvalidPlayerError, "duplicate player name True"),
])
def test_bad_names_are_refused(players, error, message):
    with pytest.raises(error, match=message):
        pi.WeightedGame([1, 1, 1], 2, players=players)
    with pytest.raises(error, match=message):
        pi.SimpleGame(players, lambda s: len(s) >= 2)
    with pytest.raises(error, match=message):
        pi.TUGame(players, lambda s: len(s))


def test_an_unknown_name_is_an_unknown_player():
    game = pi.WeightedGame([2, 1, 1], 3, players=[1, 2, 3])
    with pytest.raises(pi.UnknownPlayerError, match="'1' is not a player"):
        game.weight("1")
    with pytest.raises(pi.UnknownPlayerError):
        pi.shapley_shubik(game)[[1]]
