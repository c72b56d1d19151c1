"""The probability of being decisive (Owen's multilinear extension) and splitting a bloc:
hand-checked values, the absolute Banzhaf index at p = 1/2, Shapley-Shubik as its integral,
an independent brute force, properties, errors."""

import math
import pickle
import random
from fractions import Fraction as F

import brute
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import powerindex as pi

pytestmark = pytest.mark.filterwarnings("ignore::powerindex.ImproperGameWarning")

PROBABILITIES = [F(0), F(1), F(1, 2), F(1, 3), F(9, 10), F(4, 5), F(1, 7)]


def weighted_cases():
    return st.lists(st.integers(0, 8), min_size=1, max_size=7).filter(
        lambda w: sum(w) > 0).flatmap(lambda w: st.tuples(
            st.just(w), st.integers(1, sum(w)),
            st.lists(st.sampled_from(PROBABILITIES), min_size=len(w), max_size=len(w))))


# -- hand-checked values -----------------------------------------------------------------------
def test_three_players_hand_checked():
    """[3; 2, 1, 1] with p = (9/10, 1/2, 1/5): A decides unless B and C both vote no,
    1 - (1/2)(4/5); B when A votes yes and C no, (9/10)(4/5); C when A votes yes and B
    no, (9/10)(1/2) (research notes, table 5.3; checked by hand)."""
    g = pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"])
    p = {"A": F(9, 10), "B": F(1, 2), "C": F(1, 5)}
    result = pi.swing_probability(g, p)
    assert result.to_dict() == {"A": F(3, 5), "B": F(18, 25), "C": F(9, 20)}
    assert result.index == "swing_probability"
    assert result.title == "probability of being decisive"


def test_half_is_the_absolute_banzhaf_index_of_a_published_game():
    """At p = 1/2 the derivative of the multilinear extension is the absolute Banzhaf index
    (Owen 1975, NRLQ 22(4)); [6; 4, 3, 2, 1] gives (5/8, 3/8, 3/8, 1/8)."""
    g = pi.WeightedGame([4, 3, 2, 1], 6)
    assert pi.swing_probability(g, F(1, 2)).to_dict() == dict(
        zip(g.players, [F(5, 8), F(3, 8), F(3, 8), F(1, 8)], strict=True))


def test_eec_council_at_half_equals_banzhaf():
    eec = pi.WeightedGame([4, 4, 4, 2, 2, 1], 12, players=["FR", "DE", "IT", "BE", "NL", "LU"])
    assert pi.swing_probability(eec, 0.5) == pi.banzhaf(eec, normalized=False)


@settings(deadline=None, max_examples=150)
@given(weighted_cases())
def test_property_half_equals_absolute_banzhaf(case):
    weights, quota, _ = case
    g = pi.WeightedGame(weights, quota)
    assert pi.swing_probability(g, F(1, 2)) == pi.banzhaf(g, normalized=False)
    assert pi.swing_probability(g, F(1, 2), method="enumerate") == pi.banzhaf(
        g, normalized=False)


def test_half_equals_absolute_banzhaf_on_other_games():
    unsc = pi.WeightedGame([7] * 5 + [1] * 10, 39)
    assert pi.swing_probability(unsc, F(1, 2)) == pi.banzhaf(unsc, normalized=False)
    simple = pi.SimpleGame(list("ABCD"), [{"A", "B"}, {"A", "C", "D"}, {"B", "C", "D"}])
    assert pi.swing_probability(simple, F(1, 2)) == pi.banzhaf(simple, normalized=False)
    players = list("ABCDE")
    both = (pi.WeightedGame([5, 4, 3, 2, 1], 8, players)
            & pi.WeightedGame([1, 1, 1, 1, 1], 3, players))
    assert pi.swing_probability(both, F(1, 2)) == pi.banzhaf(both, normalized=False)


def _integral(game):
    """The exact integral over t in [0, 1] of the decisiveness at p = (t, ..., t): a
    polynomial of degree n - 1, integrated by interpolation at n rational nodes."""
    n = game.n
    nodes = [F(k, max(n - 1, 1)) for k in range(n)] if n > 1 else [F(1, 2)]
    # quadrature weights: the integrals of the Lagrange basis polynomials
    weights = []
    for k, node in enumerate(nodes):
        basis = [F(1)]
        for j, other in enumerate(nodes):
            if j != k:
                factor = [-other / (node - other), 1 / (node - other)]
                basis = [sum(basis[a] * factor[b] for a in range(len(basis))
                             for b in range(2) if a + b == c) for c in range(len(basis) + 1)]
        weights.append(sum(c / (power + 1) for power, c in enumerate(basis)))
    values = [pi.swing_probability(game, node).to_dict() for node in nodes]
    return {p: sum(w * v[p] for w, v in zip(weights, values, strict=True))
            for p in game.players}


@pytest.mark.parametrize(("weights", "quota"), [
    ([2, 1, 1], 3), ([4, 3, 2, 1], 6), ([91, 89, 70, 57, 18], 163),
    ([4, 4, 4, 2, 2, 1], 12), ([7, 7, 7, 1, 1, 1], 16)])
def test_integral_over_a_common_p_is_shapley_shubik(weights, quota):
    """Owen (1972): the Shapley value is the integral of the multilinear extension's
    derivative along the diagonal."""
    g = pi.WeightedGame(weights, quota)
    assert _integral(g) == pi.shapley_shubik(g).to_dict()


# -- independent brute force -----------------------------------------------------------------
@settings(deadline=None, max_examples=150)
@given(weighted_cases())
def test_property_agrees_with_brute_force(case):
    weights, quota, probabilities = case
    g = pi.WeightedGame(weights, quota)
    p = dict(zip(g.players, probabilities, strict=True))
    expected = brute.swing_probability(list(g.players), brute.weighted(weights, quota,
                                                                       list(g.players)), p)
    assert pi.swing_probability(g, p).to_dict() == expected
    assert pi.swing_probability(g, p, method="enumerate").to_dict() == expected


def test_simple_game_against_brute_force():
    rng = random.Random(3)
    for _ in range(20):
        players = list("ABCDE")
        generators = [set(rng.sample(players, rng.randint(2, 4))) for _ in range(3)]
        g = pi.SimpleGame(players, generators)
        p = {q: rng.choice(PROBABILITIES) for q in players}
        assert pi.swing_probability(g, p).to_dict() == brute.swing_probability(
            players, g.is_winning, p)


def test_large_weights_use_the_complement():
    """A quota above half the total counts the others' no-votes: same answer."""
    rng = random.Random(7)
    weights = [rng.randint(1, 300) for _ in range(14)]
    g = pi.WeightedGame(weights, sum(weights) * 3 // 4)
    p = {q: F(rng.randint(1, 9), 10) for q in g.players}
    assert pi.swing_probability(g, p) == pi.swing_probability(g, p, method="enumerate")


# -- properties -----------------------------------------------------------------------------
@settings(deadline=None, max_examples=100)
@given(weighted_cases(), st.sampled_from(PROBABILITIES))
def test_property_own_probability_does_not_matter(case, own):
    weights, quota, probabilities = case
    g = pi.WeightedGame(weights, quota)
    p = dict(zip(g.players, probabilities, strict=True))
    before = pi.swing_probability(g, p)
    player = g.players[0]
    after = pi.swing_probability(g, {**p, player: own})
    assert before[player] == after[player]


@settings(deadline=None, max_examples=100)
@given(weighted_cases())
def test_property_dual_game_with_complementary_probabilities(case):
    """i decides in [q; w] under p exactly when it decides in the dual game
    [W - q + 1; w] under 1 - p (yes and no exchange roles)."""
    weights, quota, probabilities = case
    g = pi.WeightedGame(weights, quota)
    dual = pi.WeightedGame(weights, sum(weights) - quota + 1)
    p = dict(zip(g.players, probabilities, strict=True))
    assert pi.swing_probability(g, p) == pi.swing_probability(
        dual, {q: 1 - x for q, x in p.items()})


@settings(deadline=None, max_examples=100)
@given(weighted_cases(), st.sampled_from(PROBABILITIES))
def test_property_heavier_players_decide_more_often_at_equal_p(case, common):
    """With the same p for the two players compared, the heavier (more desirable) one is
    decisive at least as often; not true for unequal p, so only this is asserted."""
    weights, quota, probabilities = case
    g = pi.WeightedGame(weights, quota)
    p = dict(zip(g.players, probabilities, strict=True))
    for a, wa in zip(g.players, weights, strict=True):
        for b, wb in zip(g.players, weights, strict=True):
            if wa >= wb:
                result = pi.swing_probability(g, {**p, a: common, b: common})
                assert result[a] >= result[b]


def test_certain_votes_make_decisiveness_certain_or_impossible():
    g = pi.WeightedGame([3, 2, 2, 1], 5, players=list("ABCD"))
    result = pi.swing_probability(g, {"A": 1, "B": 0, "C": 1, "D": 0})
    assert set(result.values()) <= {0, 1}
    assert result.to_dict() == {"A": 1, "B": 0, "C": 1, "D": 0}


# -- input ------------------------------------------------------------------------------------
def test_floats_are_read_as_decimals_and_series_accepted():
    pd = pytest.importorskip("pandas")
    g = pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"])
    assert pi.swing_probability(g, 0.8) == pi.swing_probability(g, F(4, 5))
    series = pd.Series({"A": 0.9, "C": 0.2})
    assert pi.swing_probability(g, series).to_dict() == {
        "A": F(3, 5), "B": F(18, 25), "C": F(9, 20)}
    assert pi.vote_probabilities(g, {"B": 1}) == [F(1, 2), F(1), F(1, 2)]


@pytest.mark.parametrize(("p", "error", "match"), [
    (F(3, 2), pi.InvalidArgumentError, r"must lie in \[0, 1\]"),
    (-0.1, pi.InvalidArgumentError, r"must lie in \[0, 1\]"),
    (float("nan"), pi.InvalidArgumentError, "finite"),
    ("0.5", pi.InvalidTypeError, "p must be a probability"),
    ([0.5, 0.5, 0.5], pi.InvalidTypeError, "p must be a probability"),
    ({"A": 2}, pi.InvalidArgumentError, "'A' votes yes"),
    ({"Z": 0.5}, pi.UnknownPlayerError, "'Z'"),
    ({"A": "x"}, pi.InvalidTypeError, "'A' votes yes"),
])
def test_bad_probabilities(p, error, match):
    g = pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"])
    with pytest.raises(error, match=match):
        pi.swing_probability(g, p)


def test_bad_method_and_game():
    g = pi.SimpleGame(["A", "B"], [{"A"}])
    with pytest.raises(pi.InvalidMethodError, match="needs a WeightedGame"):
        pi.swing_probability(g, F(1, 2), method="generating")
    with pytest.raises(pi.InvalidMethodError, match="unknown method 'float'"):
        pi.swing_probability(g, F(1, 2), method="float")
    with pytest.raises(pi.InvalidTypeError, match="swing_probability needs a game"):
        pi.swing_probability({"A": 1}, F(1, 2))
    huge = pi.WeightedGame([10**7, 10**7 + 1, 10**7 + 3] * 10, 2 * 10**8)
    with pytest.raises(pi.GameTooLargeError, match="big integers"):
        pi.swing_probability(huge, F(1, 3))


# -- splitting a bloc ----------------------------------------------------------------------------
def test_split_keeps_the_quota_and_traces_parts():
    g = pi.WeightedGame([206, 197, 118, 92, 83, 39, 1], 369,
                        players=["SPD", "CDU/CSU", "Greens", "FDP", "AfD", "Linke", "SSW"])
    split = g.split("FDP", {"FDP": 74, "FDP rebels": 18})
    assert split.players == ("SPD", "CDU/CSU", "Greens", "FDP", "FDP rebels", "AfD",
                             "Linke", "SSW")
    assert split.quota == 369 and split.total_weight == 736
    assert split.origin("FDP rebels") == "FDP" and split.origin("FDP") == "FDP"
    assert split.origin("SPD") == "SPD"
    again = split.split("FDP rebels", {"r1": 9, "r2": 9})
    assert again.origin("r2") == "FDP"
    assert again.drop("r1").origin("r2") == "FDP"
    assert pickle.loads(pickle.dumps(again)).origin("r1") == "FDP"
    assert split.merge(["FDP", "FDP rebels"], name="FDP") == g


def test_split_of_a_merged_bloc_keeps_the_other_blocs():
    g = pi.WeightedGame([3, 2, 2, 1], 5, players=list("ABCD"))
    merged = g.merge(["B", "C"], name="BC")
    split = merged.split("A", {"A1": 1, "A2": 2})
    assert split.members("BC") == ("B", "C")
    assert split.origin("A1") == "A"
    assert merged.split("BC", {"B'": 2, "C'": 2}).origin("B'") == "BC"


@settings(deadline=None, max_examples=100)
@given(st.lists(st.integers(1, 9), min_size=2, max_size=6), st.data())
def test_property_split_then_merge_is_the_original(weights, data):
    g = pi.WeightedGame(weights, sum(weights) // 2 + 1)
    player = data.draw(st.sampled_from(g.players))
    whole = g.weight(player)
    cut = data.draw(st.integers(0, whole))
    split = g.split(player, {player: cut, "rest": whole - cut})
    assert split.merge([player, "rest"], name=player) == g
    assert sum(pi.shapley_shubik(split).values()) == 1


def test_split_with_fractions_and_floats():
    g = pi.WeightedGame([F(1, 2), F(1, 4), F(1, 4)], F(1, 2), players=list("ABC"))
    split = g.split("A", {"A1": 0.25, "A2": F(1, 4)})
    assert split.weights == (F(1, 4), F(1, 4), F(1, 4), F(1, 4))


@pytest.mark.parametrize(("parts", "error", "match"), [
    ({"A1": 2, "A2": 2}, pi.InvalidWeightError, "weigh 4 in all, but 'A' weighs 5"),
    ({"A1": 6, "A2": -1}, pi.InvalidWeightError, "negative"),
    ({"A1": 5}, pi.InvalidPlayerError, "at least two parts"),
    ({"B": 2, "A2": 3}, pi.InvalidPlayerError, "'B' is already a player"),
    ({None: 2, "A2": 3}, pi.InvalidPlayerError, "has no name"),
    ({"A1": "two", "A2": 3}, pi.InvalidTypeError, "must be a number"),
    ([("A1", 2), ("A2", 3)], pi.InvalidTypeError, "mapping"),
])
def test_bad_splits(parts, error, match):
    g = pi.WeightedGame([5, 3, 2], 6, players=["A", "B", "C"])
    with pytest.raises(error, match=match):
        g.split("A", parts)


def test_split_unknown_player():
    with pytest.raises(pi.UnknownPlayerError):
        pi.WeightedGame([5, 3, 2], 6).split("Z", {"a": 1, "b": 1})


def test_cohesion_both_ways():
    """The docs' question: a bloc that is only 80% cohesive, as a split (exact indices of
    its loyal and defecting parts) and as a probability of voting with the bloc."""
    g = pi.WeightedGame([45, 35, 20], 51, players=["A", "B", "C"])
    split = g.split("A", {"A": 36, "A rebels": 9})
    banzhaf = pi.banzhaf(split)
    assert math.isclose(sum(banzhaf.values()), 1)
    probabilistic = pi.swing_probability(g, {"A": F(4, 5)})
    assert probabilistic["B"] == F(1, 2) * F(4, 5) + F(1, 2) * F(1, 5)
