"""Baron-Ferejohn bargaining: closed forms, published and constructed values, an
independent check of the equilibrium conditions (tests/brute.py), properties, errors."""

import math
import pickle
import random
import warnings
from fractions import Fraction as F

import brute
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import powerindex as pi
from powerindex.politics import _exact_lp

pytestmark = pytest.mark.filterwarnings("ignore::powerindex.ImproperGameWarning")

DELTAS = [F(0), F(1, 3), F(1, 2), F(9, 10), F(99, 100)]


def check_equilibrium(game, result, wins=None):
    """The result passes the definition's conditions, checked from scratch in brute.py."""
    players = list(game.players)
    if wins is None:
        wins = brute.weighted(game.weights, game.quota, players)
    mixtures = {p: result.coalitions(p) for p in players}
    tolerance = 0 if result.exact else 1e-9
    problems = brute.baron_ferejohn_violations(
        players, wins, result.recognition, result.delta, result.continuation, mixtures,
        tolerance)
    assert problems == []
    if result.exact:  # every cheapest coalition, with no superfluous partner
        for i in players:
            expected = set()
            coalitions = [c for c in brute.winning_coalitions(players, wins) if i in c]
            cost = {c: sum(result.continuation[j] for j in c if j != i) for c in coalitions}
            low = min(cost.values())
            for c in coalitions:
                if cost[c] == low and all(not wins(c - {j}) for j in c if j != i):
                    expected.add(c)
            assert set(result.cheapest_coalitions(i)) == expected


# -- Baron and Ferejohn (1989): n equal players, majority, equal recognition -----------------
@pytest.mark.parametrize("n", [3, 5, 7, 9, 11, 21])
@pytest.mark.parametrize("delta", DELTAS)
def test_closed_form_majority_of_equal_players(n, delta):
    """Baron and Ferejohn (1989, APSR 83(4), 1181-1206), the stationary equilibrium of the
    closed rule with n (odd) equal members, simple majority and equal recognition: the
    proposer keeps 1 - delta (n - 1) / (2 n), each of its (n - 1) / 2 partners gets
    delta / n, every ex-ante payoff is 1 / n."""
    game = pi.WeightedGame([1] * n, (n + 1) // 2)
    result = pi.baron_ferejohn(game, delta)
    assert result.exact
    assert result.to_dict() == {p: F(1, n) for p in game.players}
    assert set(result.prices.values()) == {delta / n}
    proposal = result.proposals["P1"]
    assert proposal["P1"] == 1 - delta * F(n - 1, 2 * n)
    # the proposer buys (n - 1) / 2 of the n - 1 others, each with probability 1/2
    assert all(result.inclusion["P1"][p] == F(1, 2) for p in game.players[1:])
    assert sum(result.inclusion["P1"].values()) - 1 == (n - 1) // 2
    if n <= 9:
        for coalition, _ in result.coalitions("P1"):
            assert len(coalition) == (n + 1) // 2 and "P1" in coalition
        check_equilibrium(game, result)


@pytest.mark.parametrize(("n", "q"), [(4, 3), (5, 4), (6, 4), (5, 5), (7, 2)])
def test_quota_rule_of_equal_players(n, q):
    """Equal players, quota q, equal recognition: the proposer buys q - 1 partners at
    delta / n each (the same argument as Baron and Ferejohn's; unanimity as in Okada
    1996)."""
    game = pi.WeightedGame([1] * n, q)
    result = pi.baron_ferejohn(game, F(3, 4))
    assert result.to_dict() == {p: F(1, n) for p in game.players}
    assert result.proposals["P2"]["P2"] == 1 - F(3, 4) * F(q - 1, n)
    check_equilibrium(game, result)


# -- weighted voting: Snyder, Ting and Ansolabehere (2005), Montero (2017) -------------------
@pytest.mark.parametrize("delta", DELTAS)
@pytest.mark.parametrize(("weights", "quota"), [
    ([2, 1, 1, 1], 3),           # the apex game
    ([2, 2, 1, 1, 1], 5),        # homogeneous: every minimal winning coalition weighs 5
    ([3, 2, 2, 1, 1, 1], 6),     # homogeneous
    ([2, 2, 2, 1, 1, 1, 1], 6),  # replicated weights 2 and 1
])
def test_payoffs_proportional_to_balanced_weights(weights, quota, delta):
    """Snyder, Ting and Ansolabehere (2005, AER 95(4), 981-1004): with recognition
    proportional to the voting weights, expected payoffs are proportional to the weights
    when the weights are 'balanced'; Montero (2017, QJPS 12(3), 325-346) characterises
    when (every party in a minimum-weight winning coalition of a homogeneous game).
    We could read the abstracts only, not the theorems' exact conditions: these games
    meet Montero's condition, and the equilibrium conditions are checked from scratch."""
    game = pi.WeightedGame(weights, quota)
    result = pi.baron_ferejohn(game, delta)
    total = sum(weights)
    assert result.to_dict() == {p: F(w, total) for p, w in zip(game.players, weights,
                                                                strict=True)}
    check_equilibrium(game, result)


def test_montero_counterexample_is_not_proportional():
    """[4; 3, 2, 2]: any two parties win, so they are interchangeable: payoffs 1/3 each,
    not (3, 2, 2) / 7 -- the weight-3 party is in no minimum-weight winning coalition
    (Montero 2017's condition fails). Constructed example (research notes, B7)."""
    game = pi.WeightedGame([3, 2, 2], 4)
    result = pi.baron_ferejohn(game, F(9, 10))
    assert result.to_dict() == {p: F(1, 3) for p in game.players}
    check_equilibrium(game, result)


def test_seats_45_35_20():
    """Seats 45/35/20, quota 51 (research notes B5, after Montero's (2017) 40/40/20): any
    two parties win, so payoffs follow the true weights 1, 1, 1 -- when no recognition
    probability passes 1 / (3 - delta). With 40/40/20 and delta = 1/2 the large parties'
    0.4 is too much: both buy the small party, and the payoffs are 4/11, 4/11, 3/11
    (checked by hand: P1 keeps 1 - 3/22 and is bought by P3 half the time)."""
    game = pi.WeightedGame([45, 35, 20], 51)
    assert pi.baron_ferejohn(game, F(9, 10)).to_dict() == {p: F(1, 3) for p in game.players}
    game = pi.WeightedGame([40, 40, 20], 51)
    result = pi.baron_ferejohn(game, F(1, 2))
    assert result.to_dict() == {"P1": F(4, 11), "P2": F(4, 11), "P3": F(3, 11)}
    check_equilibrium(game, result)


@pytest.mark.parametrize(("delta", "apex"), [
    (F(1, 5), F(7, 25)), (F(1, 2), F(5, 14)), (F(3, 5), F(2, 5)), (F(9, 10), F(2, 5))])
def test_apex_game_with_equal_recognition(delta, apex):
    """Apex game [3; 2, 1, 1, 1], equal recognition: v_A = (3 - delta) / (12 - 10 delta)
    for delta <= 3/5, else 2/5 (constructed example, research notes B3-B4, checked by
    hand: small proposers always include A while delta <= 3/5)."""
    game = pi.WeightedGame([2, 1, 1, 1], 3, players=list("ABCD"))
    result = pi.baron_ferejohn(game, delta, "equal")
    assert result["A"] == apex
    assert result["B"] == (1 - apex) / 3
    check_equilibrium(game, result)


# -- irrational equilibria --------------------------------------------------------------------
def test_irrational_equilibrium_in_floats():
    """[115; 73, 98, 9, 33, 16], seat shares, delta = 9/10: the equal costs of the cheapest
    coalitions leave one free parameter, and the rates' consistency is a quadratic
    equation with an irrational root: the 9-seat party gets (5407 - sqrt(9199897)) / 31404
    (derived by hand from the ties; constructed example)."""
    game = pi.WeightedGame([73, 98, 9, 33, 16], 115)
    result = pi.baron_ferejohn(game, F(9, 10))
    assert not result.exact and result.method == "float"
    assert result["P3"] == pytest.approx((5407 - math.sqrt(9199897)) / 31404, abs=1e-15)
    assert result["P3"] == pytest.approx(result["P5"], abs=1e-15)
    assert sum(result.values()) == pytest.approx(1, abs=1e-14)
    check_equilibrium(game, result)
    assert "irrational" in str(result)


# -- independent check on many games ------------------------------------------------------------
def random_game(rng, n, high=30):
    weights = [rng.randint(1, high) for _ in range(n)]
    return pi.WeightedGame(weights, sum(weights) // 2 + 1)


@pytest.mark.parametrize("seed", range(24))
def test_random_weighted_games_meet_the_definition(seed):
    rng = random.Random(seed)
    game = random_game(rng, rng.randint(3, 7))
    delta = rng.choice(DELTAS[1:])
    recognition = rng.choice([None, "equal"])
    result = pi.baron_ferejohn(game, delta, recognition)
    check_equilibrium(game, result)


def test_supermajority_and_zero_weights():
    """A player of weight 0 is never recognised by seats and gets nothing; a 2/3 quota."""
    game = pi.WeightedGame([5, 4, 3, 0, 2], 10, players=list("ABCDE"))
    result = pi.baron_ferejohn(game, F(4, 5))
    assert result["D"] == 0
    check_equilibrium(game, result)


def test_simple_and_composite_games():
    veto = pi.SimpleGame(list("ABCD"), [{"A", "B"}, {"A", "C", "D"}])
    result = pi.baron_ferejohn(veto, F(1, 2))
    assert result.recognition == {p: F(1, 4) for p in "ABCD"}  # no seats: equal
    check_equilibrium(veto, result, wins=veto.is_winning)
    seats = pi.WeightedGame([5, 3, 2, 1], 6, players=list("ABCD"))
    heads = pi.WeightedGame([1, 1, 1, 1], 3, players=list("ABCD"))
    both = seats & heads
    result = pi.baron_ferejohn(both, F(9, 10), "equal")
    check_equilibrium(both, result, wins=both.is_winning)


def test_first_proposer():
    """A formateur recognised first proposes the cheapest coalition at the stationary
    prices: it keeps 1 - delta m and its partners get their prices."""
    game = pi.WeightedGame([2, 1, 1, 1], 3, players=list("ABCD"))
    result = pi.baron_ferejohn(game, F(1, 2), first="A")
    stationary = pi.baron_ferejohn(game, F(1, 2))
    assert result.continuation == stationary.to_dict()
    assert result.to_dict() == {"A": F(9, 10), "B": F(1, 30), "C": F(1, 30), "D": F(1, 30)}
    assert result.first == "A" and "A recognised first" in result.title
    assert "continuation" in result.to_table().columns
    recognised_always = pi.baron_ferejohn(game, F(1, 2), {"A": 1})
    assert recognised_always.to_dict() == {"A": 1, "B": 0, "C": 0, "D": 0}


def test_dictator_and_delta_zero():
    """A dictator A, equal recognition: B and C must buy A's vote at delta v_A, so
    v_A = 1/3 + (2/3) delta v_A, i.e. 1/2 at delta = 1/2, and B, C get 1/4 each."""
    game = pi.WeightedGame([6, 1, 1], 6, players=list("ABC"))
    assert pi.baron_ferejohn(game, F(1, 2), "equal").to_dict() == {
        "A": F(1, 2), "B": F(1, 4), "C": F(1, 4)}
    # by seats (6/8, 1/8, 1/8): v_A = 3/4 + delta v_A / 4 = 6/7
    assert pi.baron_ferejohn(game, F(1, 2)).to_dict() == {
        "A": F(6, 7), "B": F(1, 14), "C": F(1, 14)}
    majority = pi.WeightedGame([1, 1, 1], 2)
    assert pi.baron_ferejohn(majority, 0, {"P1": F(1, 2), "P2": F(1, 2)}).to_dict() == {
        "P1": F(1, 2), "P2": F(1, 2), "P3": 0}


# -- properties ------------------------------------------------------------------------------
small_games = st.lists(st.integers(0, 9), min_size=2, max_size=6).filter(
    lambda w: sum(w) > 0).flatmap(lambda w: st.tuples(
        st.just(w), st.integers(sum(w) // 2 + 1, sum(w)), st.sampled_from(DELTAS[:4])))


@settings(deadline=None, max_examples=60)
@given(small_games)
def test_property_payoffs_are_an_equilibrium(case):
    weights, quota, delta = case
    game = pi.WeightedGame(weights, quota)
    result = pi.baron_ferejohn(game, delta, "equal" if sum(weights) % 2 else None)
    values = result.to_dict()
    assert sum(values.values()) == pytest.approx(1, abs=1e-12)
    assert all(v >= 0 for v in values.values())
    for player, recognition in result.recognition.items():  # a proposer keeps >= 1 - delta
        assert values[player] >= recognition * (1 - delta) - 1e-12
    for a in game.players:  # interchangeable players get the same
        for b in game.players:
            if game.weight(a) == game.weight(b) and \
                    result.recognition[a] == result.recognition[b]:
                assert values[a] == values[b]
    check_equilibrium(game, result)


def test_classes_are_the_interchangeable_players():
    """Equal swings and equal recognition group exactly the interchangeable players of a
    weighted game (checked by swapping, from scratch)."""
    from powerindex.politics._classes import classes_of

    rng = random.Random(5)
    for _ in range(30):
        game = random_game(rng, rng.randint(3, 7), high=6)
        players = list(game.players)
        wins = brute.weighted(game.weights, game.quota, players)
        classes = classes_of(game, [F(0)] * game.n)
        for i, a in enumerate(players):
            for j, b in enumerate(players):
                together = any(i in c and j in c for c in classes)
                assert together == brute.interchangeable(players, wins, a, b)


def test_exact_simplex_agrees_with_the_lp():
    """The exact simplex fallback finds feasible points exactly, or says there are none."""
    rng = random.Random(1)
    for _ in range(40):
        rows = [[F(rng.randint(-3, 3)) for _ in range(5)] for _ in range(3)]
        x = [F(rng.randint(0, 3), rng.randint(1, 3)) for _ in range(5)]
        rhs = [sum(a * b for a, b in zip(row, x, strict=True)) for row in rows]
        point = _exact_lp.simplex_feasible_point(rows, rhs)
        assert point is not None and all(v >= 0 for v in point)
        assert [sum(a * b for a, b in zip(row, point, strict=True)) for row in rows] == rhs
    assert _exact_lp.simplex_feasible_point([[F(1), F(1)]], [F(-1)]) is None
    assert _exact_lp.simplex_feasible_point([[F(1), F(0)], [F(1), F(0)]],
                                              [F(1), F(2)]) is None


# -- the result --------------------------------------------------------------------------
def test_result_is_read_only_printable_and_pickles():
    game = pi.WeightedGame([3, 2, 2], 4, players=["A", "B", "C"])
    result = pi.baron_ferejohn(game, F(1, 2))
    with pytest.raises(AttributeError):
        result.delta = 1
    proposals = result.proposals
    proposals["A"]["A"] = 5
    assert result.proposals["A"]["A"] != 5
    assert pickle.loads(pickle.dumps(result)).to_dict() == result.to_dict()
    table = result.to_table()
    assert table.columns == ("player", "recognition", "payoff", "keeps as proposer",
                             "price of its vote")
    assert str(result).startswith("Baron-Ferejohn payoffs (delta = 1/2) of")
    assert result.payoffs == result.to_dict() == dict(result)


# -- errors ----------------------------------------------------------------------------------
@pytest.mark.parametrize(("delta", "error"), [
    (1, pi.InvalidArgumentError), (F(-1, 2), pi.InvalidArgumentError),
    (float("nan"), pi.InvalidArgumentError), ("0.9", pi.InvalidTypeError),
    (None, pi.InvalidTypeError)])
def test_bad_delta(delta, error):
    with pytest.raises(error, match="delta"):
        pi.baron_ferejohn(pi.WeightedGame([1, 1, 1], 2), delta)


def test_bad_recognition_and_first():
    game = pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"])
    with pytest.raises(pi.InvalidArgumentError, match="sum to 1, they sum to 1/2"):
        pi.baron_ferejohn(game, F(1, 2), {"A": F(1, 2)})
    with pytest.raises(pi.InvalidArgumentError, match="recognition probability of 'B'"):
        pi.baron_ferejohn(game, F(1, 2), {"A": F(1), "B": F(-1, 2), "C": F(1, 2)})
    with pytest.raises(pi.UnknownPlayerError, match="'Z'"):
        pi.baron_ferejohn(game, F(1, 2), {"Z": 1})
    with pytest.raises(pi.UnknownPlayerError, match="'Z'"):
        pi.baron_ferejohn(game, F(1, 2), first="Z")
    with pytest.raises(pi.InvalidArgumentError, match="unknown recognition 'largest'"):
        pi.baron_ferejohn(game, F(1, 2), "largest")
    with pytest.raises(pi.InvalidTypeError, match="recognition must be"):
        pi.baron_ferejohn(game, F(1, 2), [F(1, 3)] * 3)
    with pytest.raises(pi.InvalidArgumentError, match="needs seats"):
        pi.baron_ferejohn(pi.SimpleGame(["A", "B"], [{"A"}]), F(1, 2), "seats")
    with pytest.raises(pi.InvalidTypeError, match="baron_ferejohn needs a game"):
        pi.baron_ferejohn([1, 2], F(1, 2))


def test_too_many_distinct_players():
    game = pi.WeightedGame(list(range(1, 24)), 150)
    with pytest.raises(pi.GameTooLargeError, match="profiles"):
        pi.baron_ferejohn(game, F(1, 2))


def test_floats_only_guide():
    """The float stage alone is not the answer: the certified values are exact Fractions
    and differ from the smoothed floats."""
    game = pi.WeightedGame([39, 14, 93, 51, 62, 20], 140)
    result = pi.baron_ferejohn(game, F(9, 10))
    assert result.to_dict() == dict(zip(game.players, [F(2, 15), F(1, 15), F(1, 3), F(1, 5),
                                                       F(1, 5), F(1, 15)], strict=True))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert all(isinstance(v, F) for v in result.values())
    assert np.isfinite(list(result.to_float().values())).all()
