"""Games and results are read-only in fact, and every one of them pickles and copies.

Regression tests of the Foundations II issue: ``g.players = (...)`` used to be accepted
and left the game inconsistent; a TUGame and any result holding one could not be pickled
or copied; games made by merge or drop of a SimpleGame, restricted games and quotient
games held closures and did not pickle either (sweeps ship games to workers).
"""

import copy
import pickle

import networkx as nx
import pytest

import powerindex as pi

pytestmark = pytest.mark.filterwarnings("ignore::powerindex.ImproperGameWarning")

IRAQ = pi.WeightedGame([91, 89, 70, 57, 18], 163,
                       players=["Iraqiya", "SoL", "INA", "Kurds", "Small"])
VETO = pi.SimpleGame(["A", "B", "C"], [{"A", "B"}, {"A", "C"}])


def every_kind_of_game():
    """One game of each kind the library builds, by name."""
    heads = pi.WeightedGame([1] * 5, 3, players=IRAQ.players)
    line = nx.path_graph(IRAQ.players)
    return {
        "weighted": IRAQ,
        "fractional weights": pi.WeightedGame([0.5, 0.25, 0.25], 0.6),
        "simple from coalitions": VETO,
        "composite and": IRAQ & heads,
        "composite or": IRAQ | heads,
        "merged weighted": IRAQ.merge(["SoL", "INA"], name="NA"),
        "merged simple": VETO.merge(["B", "C"]),
        "dropped simple": VETO.drop("C"),
        "dropped composite": (IRAQ & heads).drop("Small"),
        "restricted connected": pi.restrict(IRAQ, line),
        "restricted clique": pi.restrict(IRAQ, nx.complete_graph(IRAQ.players), rule="clique"),
        "restricted then merged": pi.restrict(IRAQ, line).merge(["SoL", "INA"]),
        "quotient": pi.quotient_game(IRAQ, {"NA": ["SoL", "INA"]}),
    }


GAMES = every_kind_of_game()


@pytest.mark.parametrize("name", list(GAMES))
def test_a_game_cannot_be_changed(name):
    game = GAMES[name]
    players = game.players
    with pytest.raises(AttributeError, match="immutable"):
        game.players = ("W", "X", "Y", "Z")
    with pytest.raises(AttributeError, match="immutable"):
        game.anything = 1
    with pytest.raises(AttributeError, match="immutable"):
        del game.players
    assert game.players == players
    assert pi.shapley_shubik(game).to_dict() == pi.shapley_shubik(GAMES[name]).to_dict()


def test_setting_players_no_longer_leaves_the_game_inconsistent():
    game = pi.WeightedGame([3, 2, 2], 4, players=["A", "B", "C"])
    before = hash(game)
    with pytest.raises(AttributeError):
        game.players = ("W", "X", "Y", "Z")
    assert hash(game) == before
    assert game.is_winning({"A", "B"}) and game.weight("C") == 2


@pytest.mark.parametrize("name", list(GAMES))
@pytest.mark.parametrize("clone", [lambda g: pickle.loads(pickle.dumps(g)), copy.copy,
                                   copy.deepcopy], ids=["pickle", "copy", "deepcopy"])
def test_every_game_pickles_and_copies_with_the_same_values(name, clone):
    game = GAMES[name]
    expected = pi.shapley_shubik(game).to_dict()
    twin = clone(game)
    assert type(twin) is type(game)
    assert twin.players == game.players
    assert pi.shapley_shubik(twin).to_dict() == expected
    assert pi.banzhaf(twin).to_dict() == pi.banzhaf(game).to_dict()
    assert [twin.members(p) for p in twin.players] == [game.members(p) for p in game.players]


def test_a_restricted_game_keeps_its_graph_and_rule_through_pickle():
    restricted = GAMES["restricted clique"]
    twin = pickle.loads(pickle.dumps(restricted))
    assert twin.rule == "clique"
    assert set(map(frozenset, twin.graph.edges)) == set(map(frozenset, restricted.graph.edges))
    assert twin.base_game == IRAQ
    assert repr(twin) == repr(restricted)


def gloves():
    return pi.TUGame(["L", "R1", "R2"], lambda s: min(len(s & {"L"}), len(s & {"R1", "R2"})))


@pytest.mark.parametrize("clone", [lambda g: pickle.loads(pickle.dumps(g)), copy.copy,
                                   copy.deepcopy], ids=["pickle", "copy", "deepcopy"])
def test_tu_games_and_their_results_pickle_and_copy(clone):
    tu = gloves()
    twin = clone(tu)
    assert twin == tu and hash(twin) == hash(tu)
    assert pi.nucleolus(twin) == pi.nucleolus(tu)
    for result in (pi.shapley_value(tu), pi.nucleolus(tu), pi.banzhaf_value(tu),
                   pi.myerson(tu, nx.path_graph(["L", "R1", "R2"]))):
        copied = clone(result)
        assert copied == result and copied.index == result.index and copied.game == tu


def test_a_tu_game_cannot_be_changed():
    tu = gloves()
    with pytest.raises(AttributeError, match="immutable"):
        tu._players = ("x",)
    with pytest.raises(AttributeError, match="immutable"):
        del tu._ints


@pytest.mark.parametrize("result", [
    pi.shapley_shubik(IRAQ),
    pi.banzhaf(IRAQ, method="float"),
    pi.estimate(IRAQ, samples=300, seed=1),
], ids=["exact", "float", "estimate"])
def test_results_are_read_only_and_pickle(result):
    with pytest.raises(AttributeError, match="read-only"):
        result._values = {}
    with pytest.raises(AttributeError, match="read-only"):
        result.game = VETO
    twin = pickle.loads(pickle.dumps(result))
    assert twin == result and type(twin) is type(result)
    assert copy.deepcopy(result) == result
    assert str(twin) == str(result)


def test_a_pickled_game_does_not_carry_what_it_computed():
    used = pi.WeightedGame([91, 89, 70, 57, 18], 163, players=IRAQ.players)
    fresh = pi.WeightedGame([91, 89, 70, 57, 18], 163, players=IRAQ.players)
    pi.banzhaf(used, method="enumerate")
    assert used.counting_plan().cache  # the winning table and the counts are kept ...
    assert len(pickle.dumps(used)) == len(pickle.dumps(fresh))  # ... but not shipped
