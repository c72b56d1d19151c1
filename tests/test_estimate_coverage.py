"""Coverage of the confidence intervals of pi.estimate, player by player, at small samples.

A 95 % interval must contain the exact value in 95 % of runs for every player, also for
a player so rarely pivotal that 100 samples often show it not at all (where a normal
interval with the sample variance is [0, 0]). Each coverage test runs one estimator over
REPETITIONS seeds on a small game with exact values and counts, for each player, how often
its interval covers.

The games: RARE = [9; 4, 4, 1, 1, 1, 1], where a small player is pivotal in 1 order in 60
and swings in 1 coalition in 32; Myerson's value on the complete graph, which is the
Shapley value; Owen's value with the union {P3, P4}, where P3 and P4 get 1/60. Exact values
from the brute force of tests/brute.py, and from pi.owen (itself tested against a brute
force in test_unions.py) and pi.myerson (test_graphs.py) where brute.py has none.
"""

import math
from collections import Counter
from fractions import Fraction as F

import brute
import networkx as nx
import pytest

import powerindex as pi
from powerindex.estimate import estimate

LEVEL = 0.95
REPETITIONS = 200
SAMPLES = 100
# The observed coverage of an interval that covers at rate LEVEL is a binomial proportion
# over REPETITIONS runs with standard deviation sqrt(LEVEL * (1 - LEVEL) / REPETITIONS)
# = 0.0154; we accept down to three of them below LEVEL, 0.904. A correct interval falls
# below that with probability about 0.15 % per player; the defects this guards against
# covered 24 % to 87 %.
FLOOR = LEVEL - 3 * math.sqrt(LEVEL * (1 - LEVEL) / REPETITIONS)

RARE_WEIGHTS, RARE_QUOTA = [4, 4, 1, 1, 1, 1], 9
PLAYERS = brute.default_players(6)
UNIONS = [["P3", "P4"]]
def rare():
    return pi.WeightedGame(RARE_WEIGHTS, RARE_QUOTA)


def improper():
    """[5; 3, 3, 2, 2, 1, 1] on the path P1 - P2 - P5 - P3 - P4 - P6: {P1, P2} and
    {P3, P4, P6} both win, so P5 joining them contributes -1 to Myerson's game."""
    with pytest.warns(pi.ImproperGameWarning):
        game = pi.WeightedGame([3, 3, 2, 2, 1, 1], 5)
    return game, nx.path_graph(["P1", "P2", "P5", "P3", "P4", "P6"])


def exact_values(index):
    wins = brute.weighted(RARE_WEIGHTS, RARE_QUOTA, PLAYERS)
    if index in ("shapley_shubik", "myerson"):  # Myerson on the complete graph: Shapley
        return brute.shapley_shubik_permutations(PLAYERS, wins)
    if index == "banzhaf":
        return brute.banzhaf(PLAYERS, wins)
    if index == "banzhaf_absolute":
        return brute.absolute_banzhaf(PLAYERS, wins)
    return dict(pi.owen(rare(), UNIONS))


def structure(index, game):
    if index == "myerson":
        return {"graph": nx.complete_graph(game.players)}
    return {"unions": UNIONS} if index == "owen" else {}


def coverage(game, index, method, exact, **kwargs):
    """Share of REPETITIONS seeds in which each player's interval contains its value;
    every interval must also have positive width."""
    hits = Counter()
    for seed in range(REPETITIONS):
        result = estimate(game, index, samples=SAMPLES, seed=seed, method=method,
                          confidence=LEVEL, **kwargs)
        for player, (low, high) in result.intervals.items():
            assert low < high, (seed, player, low, high)
            hits[player] += low <= exact[player] <= high
    return {player: hits[player] / REPETITIONS for player in game.players}


def test_the_rare_game_has_rare_players():
    assert exact_values("shapley_shubik")["P6"] == F(1, 60)
    assert exact_values("banzhaf")["P6"] == F(1, 34)
    assert exact_values("banzhaf_absolute")["P6"] == F(1, 32)
    assert exact_values("owen")["P3"] == F(1, 60)
    assert dict(pi.myerson(rare(), nx.complete_graph(PLAYERS))) == exact_values("myerson")


@pytest.mark.parametrize("index, method", [
    ("shapley_shubik", "permutation"),
    ("shapley_shubik", "antithetic"),
    ("shapley_shubik", "stratified"),
    ("banzhaf", "coalition"),
    ("banzhaf", "stratified"),
    ("banzhaf_absolute", "coalition"),
    ("banzhaf_absolute", "stratified"),
    ("myerson", "permutation"),
    ("myerson", "antithetic"),
    ("myerson", "stratified"),
    ("owen", "permutation"),
    ("owen", "antithetic"),
])
def test_every_players_interval_covers_at_the_stated_rate(index, method):
    game = rare()
    covered = coverage(game, index, method, exact_values(index), **structure(index, game))
    assert min(covered.values()) >= FLOOR, covered


@pytest.mark.parametrize("method", ["permutation", "antithetic"])
def test_myerson_intervals_cover_with_negative_contributions(method):
    game, graph = improper()
    exact = dict(pi.myerson(game, graph))
    assert exact["P5"] == F(-1, 12)
    covered = coverage(game, "myerson", method, exact, graph=graph)
    assert min(covered.values()) >= FLOOR, covered


# -- the reported cases ----------------------------------------------------------------------
def test_a_player_never_seen_to_swing_gets_a_proper_interval():
    """The issue's case: in 200 coalitions of the Security Council P9 never swings."""
    unsc = pi.WeightedGame([7] * 5 + [1] * 10, 39)
    result = estimate(unsc, "banzhaf", samples=200, seed=4)
    low, high = result.confidence_interval("P9")
    assert result["P9"] == 0.0 and low == 0.0
    assert pi.banzhaf(unsc)["P9"] == F(21, 1270) and high >= 21 / 1270


def test_a_player_never_seen_pivotal_in_myersons_value_gets_a_proper_interval():
    game = rare()
    result = estimate(game, "myerson", graph=nx.complete_graph(game.players), samples=100,
                      seed=1)
    low, high = result.confidence_interval("P6")
    assert result["P6"] == 0.0  # 100 orders miss a player pivotal in 1 in 60 (19 % of runs)
    assert low <= 0 and high >= 1 / 60  # was [0, 0]


# -- tight for large samples -------------------------------------------------------------------
@pytest.mark.parametrize("index, method, samples", [
    ("shapley_shubik", "permutation", 20_000),
    ("shapley_shubik", "antithetic", 20_000),
    ("shapley_shubik", "stratified", 20_000),
    ("banzhaf", "coalition", 20_000),
    ("banzhaf", "stratified", 20_000),
    ("banzhaf_absolute", "coalition", 20_000),
    ("banzhaf_absolute", "stratified", 20_000),
    ("myerson", "antithetic", 4_000),
    ("owen", "permutation", 20_000),
])
def test_intervals_close_to_the_normal_ones_for_large_samples(index, method, samples):
    """The small-sample safeguards add widths of order 1 / samples (a continuity correction,
    pseudo-observations), against the sampling error's 1 / sqrt(samples): every half-width
    is within 10 % of z standard errors, plus 12 / samples for Luxembourg, a dummy, whose
    standard error is 0 but whose interval cannot be."""
    eec = pi.WeightedGame([4, 4, 4, 2, 2, 1], 12)
    result = estimate(eec, index, samples=samples, seed=3, method=method,
                      **structure(index, eec))
    z = 1.959963984540054
    for player, (low, high) in result.intervals.items():
        half = max(high - result[player], result[player] - low)
        assert half <= 1.1 * z * result.standard_error[player] + 12 / samples, player
