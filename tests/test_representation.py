"""Tests of powerindex.representation: minimum sum integer representations.

The reference is brute force written here: winning coalitions from the weights by naive
sums, and minimality by trying every smaller integer weight vector.
"""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import powerindex as pi
from powerindex.errors import (
    GameTooLargeError,
    InvalidGameError,
    InvalidTypeError,
)
from powerindex.games import minimum_sum_representation, representation

# Random and textbook games with low quotas are improper; that warning is not under test here.
pytestmark = pytest.mark.filterwarnings("ignore::powerindex.errors.ImproperGameWarning")


# -- brute force, written naively ----------------------------------------------------------------
def coalitions(n):
    return [c for r in range(n + 1) for c in itertools.combinations(range(n), r)]


def winning_set(weights, quota):
    return {c for c in coalitions(len(weights)) if sum(weights[i] for i in c) >= quota}


def same_winning(game, weights, quota):
    """The game's winning coalitions, asked one by one by name, equal those of [quota; weights]."""
    names = game.players
    from_game = {c for c in coalitions(game.n) if game.is_winning({names[i] for i in c})}
    return from_game == winning_set(weights, quota)


def least_quota_for(weights, winning, n):
    """The least quota with which ``weights`` gives exactly ``winning``, or None."""
    losing = [c for c in coalitions(n) if c not in winning]
    top_losing = max(sum(weights[i] for i in c) for c in losing)  # the empty coalition loses
    bottom_winning = min(sum(weights[i] for i in c) for c in winning)
    return top_losing + 1 if top_losing < bottom_winning else None


def vectors_up_to(n, total):
    """Every vector of n non-negative integers with sum at most ``total``."""
    if n == 0:
        yield ()
        return
    for first in range(total + 1):
        for rest in vectors_up_to(n - 1, total - first):
            yield (first, *rest)


def assert_minimum(weights, quota, found):
    """No integer representation has a smaller total, or the same total and a smaller quota."""
    n = len(weights)
    winning = winning_set(weights, quota)
    found_total = sum(found.weights)
    for vector in vectors_up_to(n, found_total):
        q = least_quota_for(vector, winning, n)
        if q is None:
            continue
        assert (sum(vector), q) >= (found_total, found.quota), (vector, q)


weighted_games = st.integers(1, 9).flatmap(
    lambda n: st.tuples(
        st.lists(st.integers(0, 20), min_size=n, max_size=n).filter(lambda w: sum(w) > 0),
        st.floats(0.05, 1.0),
    )
).map(lambda t: (t[0], max(1, round(t[1] * sum(t[0])))))


# -- known examples, verified by hand ------------------------------------------------------------
def test_three_player_majority():
    # 49+48, 49+3 and 48+3 all reach 51, no single player does: simple majority of three.
    g = minimum_sum_representation(pi.WeightedGame([49, 48, 3], 51, players=["A", "B", "C"]))
    assert isinstance(g, pi.WeightedGame)
    assert g.players == ("A", "B", "C")
    assert g.weights == (1, 1, 1) and g.quota == 2


def test_already_minimum():
    # [4; 3, 2, 2, 1]: winning AB, AC, AD, BC; BD, CD and A lose. A+D wins but A loses, so
    # w_D >= 1; w_B + w_C >= q > w_B + w_D forces w_C > w_D, likewise w_B > w_D, and
    # w_A + w_D >= q > w_B + w_D forces w_A > w_B: total >= 3 + 2 + 2 + 1 = 8, quota 4.
    game = pi.WeightedGame([3, 2, 2, 1], 4)
    g = minimum_sum_representation(game)
    assert g.weights == (3, 2, 2, 1) and g.quota == 4
    assert_minimum([3, 2, 2, 1], 4, g)


def test_eec_1958_luxembourg_gets_zero():
    players = ["FR", "DE", "IT", "BE", "NL", "LU"]
    eec = pi.WeightedGame([4, 4, 4, 2, 2, 1], 12, players=players)
    g = minimum_sum_representation(eec)
    # Three big, or two big and both small, reach 12 of 17; Luxembourg never swings.
    assert g.players == tuple(players)
    assert g.weights == (2, 2, 2, 1, 1, 0) and g.quota == 6
    assert same_winning(eec, [2, 2, 2, 1, 1, 0], 6)
    assert_minimum([4, 4, 4, 2, 2, 1], 12, g)
    assert pi.shapley_shubik(g) == pi.shapley_shubik(eec)
    assert pi.banzhaf(g) == pi.banzhaf(eec)


def test_dictator_and_dummies():
    g = minimum_sum_representation(pi.WeightedGame([10, 3, 3], 10))
    assert g.weights == (1, 0, 0) and g.quota == 1


def test_unanimity():
    g = minimum_sum_representation(pi.WeightedGame([5, 7, 9], 21))
    assert g.weights == (1, 1, 1) and g.quota == 3


def test_single_player():
    g = minimum_sum_representation(pi.WeightedGame([7], 3, players=["Solo"]))
    assert g.players == ("Solo",) and g.weights == (1,) and g.quota == 1


def test_weighted_simple_game():
    # A is a veto player and needs B or C: [3; 2, 1, 1]; total 3 is impossible because
    # w_A + w_B >= q > max(w_A, w_B + w_C) needs w_B >= 1, w_C >= 1 and w_A > w_B + w_C - 1.
    veto = pi.SimpleGame(["A", "B", "C"], [{"A", "B"}, {"A", "C"}])
    g = minimum_sum_representation(veto)
    assert isinstance(g, pi.WeightedGame)
    assert g.weights == (2, 1, 1) and g.quota == 3
    assert same_winning(veto, [2, 1, 1], 3)
    assert_minimum([2, 1, 1], 3, g)


def test_not_weighted_simple_game():
    # AB and CD win, AC and BD lose: w_A+w_B+w_C+w_D >= 2q > w_A+w_C+w_B+w_D. Not weighted.
    two_pairs = pi.SimpleGame(["A", "B", "C", "D"], [{"A", "B"}, {"C", "D"}])
    with pytest.raises(InvalidGameError, match="not a weighted game"):
        minimum_sum_representation(two_pairs)


def test_input_not_changed():
    game = pi.WeightedGame([49, 48, 3], 51)
    minimum_sum_representation(game)
    assert game.weights == (49, 48, 3) and game.quota == 51


# -- errors --------------------------------------------------------------------------------------
def test_not_a_game():
    with pytest.raises(InvalidTypeError, match="needs a game"):
        minimum_sum_representation([1, 2, 3])


def test_too_many_players():
    with pytest.raises(GameTooLargeError, match="at most 26 players"):
        minimum_sum_representation(pi.WeightedGame([1] * 27, 14))


def test_too_many_coalitions(monkeypatch):
    monkeypatch.setattr(representation, "MAX_CONSTRAINTS", 5)
    # Majority of 5: 10 minimal winning and 10 maximal losing coalitions.
    with pytest.raises(GameTooLargeError, match="10 minimal winning and 10 maximal losing"):
        minimum_sum_representation(pi.WeightedGame([1] * 5, 3))


# -- properties ----------------------------------------------------------------------------------
@settings(deadline=None, max_examples=100)
@given(weighted_games)
def test_property_same_winning_coalitions(game_data):
    weights, quota = game_data
    game = pi.WeightedGame(weights, quota)
    g = minimum_sum_representation(game)
    assert g.players == game.players
    assert all(isinstance(w, int) and w >= 0 for w in g.weights) and g.quota >= 1
    assert same_winning(game, list(g.weights), g.quota)
    assert sum(g.weights) <= sum(weights)
    assert pi.shapley_shubik(g) == pi.shapley_shubik(game)


@settings(deadline=None, max_examples=100)
@given(st.integers(1, 4).flatmap(
    lambda n: st.lists(st.integers(0, 8), min_size=n, max_size=n).filter(lambda w: sum(w) > 0)
), st.floats(0.05, 1.0))
def test_property_minimum_by_brute_force(weights, fraction):
    quota = max(1, round(fraction * sum(weights)))
    g = minimum_sum_representation(pi.WeightedGame(weights, quota))
    assert winning_set(list(g.weights), g.quota) == winning_set(weights, quota)
    assert_minimum(weights, quota, g)
