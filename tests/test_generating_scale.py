"""Exact generating functions at scale: multi-word (limb) counts against references.

The engine keeps counts past 2**62 as 31-bit limbs of int64 with lazy carries
(powerindex/_engines/generating.py). References here are independent: brute force over
all coalitions (tests/brute.py) for small games, and for large ones a naive dynamic
programme in Python integers written below (counts of the others' coalitions by weight
and size for each player separately, no deletion, no limbs).
"""

import random
from fractions import Fraction
from math import factorial
from unittest import mock

import brute
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import powerindex as pi
from powerindex._engines import generating

# Random games here include improper ones on purpose (low quotas); the warning is tested
# in test_games.py.
pytestmark = pytest.mark.filterwarnings("ignore::powerindex.ImproperGameWarning")

SETTINGS = settings(deadline=None, max_examples=60)


def _others_by_size(weights, skip, limit):
    """rows[k][t]: coalitions of k players other than ``skip`` weighing t < limit."""
    rows = [[0] * limit for _ in range(len(weights))]
    rows[0][0] = 1
    seen = 0
    for i, w in enumerate(weights):
        if i == skip:
            continue
        seen += 1
        for k in range(seen, 0, -1):
            above, below = rows[k], rows[k - 1]
            for t in range(limit - 1, w - 1, -1):
                above[t] += below[t - w]
    return rows


def naive_swings_by_size(weights, quota):
    """swings[i][k] straight from the definition: q - w_i <= w(S) < q, |S| = k."""
    result = []
    for i, w in enumerate(weights):
        rows = _others_by_size(weights, i, quota)
        result.append([sum(row[max(0, quota - w):quota]) for row in rows])
    return result


def naive_shapley_shubik(weights, quota):
    n = len(weights)
    return [Fraction(sum(c * factorial(k) * factorial(n - k - 1) for k, c in enumerate(row)),
                     factorial(n)) for row in naive_swings_by_size(weights, quota)]


def naive_swings(weights, quota):
    """Swings by weight only: coalitions of the others weighing in [q - w_i, q)."""
    result = []
    for i, w in enumerate(weights):
        counts = [1] + [0] * (quota - 1)
        for j, v in enumerate(weights):
            if j != i:
                for t in range(quota - 1, v - 1, -1):
                    counts[t] += counts[t - v]
        result.append(sum(counts[max(0, quota - w):quota]))
    return result


def game_of(weights, quota):
    return pi.WeightedGame(weights, quota, players=[f"P{i}" for i in range(len(weights))])


@pytest.mark.parametrize("n, top, seed", [(70, 12, 1), (90, 6, 2), (100, 3, 3)])
def test_large_games_against_naive_counts(n, top, seed):
    # n > 62 players: the counts need three or four limbs and several carry rounds
    rng = random.Random(seed)
    weights = [rng.randint(1, top) for _ in range(n)]
    quota = sum(weights) // 2 + 1
    game = game_of(weights, quota)
    assert list(pi.swings(game).values()) == naive_swings(weights, quota)
    assert list(pi.shapley_shubik(game).values()) == naive_shapley_shubik(weights, quota)


def test_dual_bound_with_many_players():
    # quota above half the total: the engine counts complements (W - q + 1 < q)
    rng = random.Random(7)
    weights = [rng.randint(1, 5) for _ in range(70)]
    quota = (3 * sum(weights)) // 4
    game = game_of(weights, quota)
    assert list(pi.swings(game).values()) == naive_swings(weights, quota)
    assert list(pi.shapley_shubik(game).values()) == naive_shapley_shubik(weights, quota)


def test_heavy_players_and_common_divisor():
    # weights at or above the bound never enter the product; a common factor 3
    weights = [3 * w for w in [40, 1, 2, 2, 3, 1, 1, 2, 3, 2] * 7]
    quota = 3 * 60
    game = game_of(weights, quota)
    assert list(pi.swings(game).values()) == naive_swings(weights, quota)
    assert list(pi.shapley_shubik(game).values()) == naive_shapley_shubik(weights, quota)


def test_counts_past_two_to_the_64():
    # 100 equal players, majority: swings C(99, 49) > 2**95 and 2**100 coalitions
    game = pi.WeightedGame([1] * 100, 51)
    from math import comb

    assert set(pi.swings(game).values()) == {comb(99, 50)}
    assert pi.coleman_collectivity(game) == Fraction(sum(comb(100, k) for k in range(51, 101)),
                                                     2**100)
    assert set(pi.shapley_shubik(game).values()) == {Fraction(1, 100)}


def test_random200_banzhaf_matches_enumeration_free_reference():
    # the benchmark's random200 game: limb counts against Python-integer counts
    rng = random.Random(1)
    weights = [rng.randint(1, 1000) for _ in range(200)]
    quota = sum(weights) // 2 + 1
    counts = [1] + [0] * (quota - 1)
    for w in weights:
        for t in range(quota - 1, w - 1, -1):
            counts[t] += counts[t - w]
    game = game_of(weights, quota)
    swings = pi.swings(game)
    for i in (0, 57, 199):
        # divide player i out exactly in Python integers: c[t] = C[t] - c[t - w]
        w = weights[i]
        others = counts[:]
        for t in range(w, quota):
            others[t] = counts[t] - others[t - w]
        assert swings[f"P{i}"] == sum(others[quota - w:quota])
    winning = 2**200 - sum(counts)
    assert pi.coleman_collectivity(game) == Fraction(winning, 2**200)


@st.composite
def small_weighted(draw):
    n = draw(st.integers(1, 9))
    weights = draw(st.lists(st.integers(0, 30), min_size=n, max_size=n))
    if sum(weights) == 0:
        weights[0] = 1
    quota = draw(st.integers(1, sum(weights)))
    return weights, quota


@given(small_weighted())
@SETTINGS
def test_property_generating_equals_brute_force(case):
    weights, quota = case
    game = game_of(weights, quota)
    players = list(game.players)
    wins = brute.weighted(weights, quota, players=players)
    assert pi.swings(game, method="generating").to_dict() == brute.swings(players, wins)
    assert (pi.shapley_shubik(game, method="generating").to_dict()
            == brute.shapley_shubik_subsets(players, wins))


@given(st.lists(st.integers(1, 30), min_size=63, max_size=70), st.data())
@settings(deadline=None, max_examples=6)
def test_property_generating_equals_naive_past_62_players(weights, data):
    quota = data.draw(st.integers(1, sum(weights)))
    game = game_of(weights, quota)
    assert list(pi.swings(game).values()) == naive_swings(weights, quota)


@given(small_weighted())
@SETTINGS
def test_property_generating_equals_enumeration(case):
    weights, quota = case
    game = game_of(weights, quota)
    assert (pi.banzhaf(game, method="generating") == pi.banzhaf(game, method="enumerate"))
    assert (pi.shapley_shubik(game, method="generating")
            == pi.shapley_shubik(game, method="enumerate"))


def _limb_path_only():
    """Small games normally take the Python-integer paths of the engine; this turns them
    off."""
    return mock.patch.multiple(generating, _SMALL_COLUMNS=-1, _SMALL_CELLS=-1)


@given(small_weighted())
@SETTINGS
def test_property_both_weight_count_paths_equal_brute_force(case):
    # the Kronecker path (small games) and the limb path, each against enumeration
    weights, quota = case
    players = [f"P{i}" for i in range(len(weights))]
    wins = brute.weighted(weights, quota, players=players)
    by_player = brute.swings(players, wins)
    want = [by_player[p] for p in players]
    winning = len(brute.winning_coalitions(players, wins))
    assert generating.swing_counts(weights, quota) == (want, winning)
    with _limb_path_only():
        assert generating.swing_counts(weights, quota) == (want, winning)


@given(small_weighted())
@SETTINGS
def test_property_both_by_size_paths_equal_brute_force(case):
    # Shapley-Shubik from the Kronecker path by size and from the limb path
    weights, quota = case
    players = [f"P{i}" for i in range(len(weights))]
    want = brute.shapley_shubik_subsets(players, brute.weighted(weights, quota,
                                                                players=players))
    by_size = generating.swings_by_size(weights, quota)
    assert pi.shapley_shubik(game_of(weights, quota), method="generating").to_dict() == want
    with _limb_path_only():
        assert generating.swings_by_size(weights, quota) == by_size
        assert (pi.shapley_shubik(game_of(weights, quota), method="generating").to_dict()
                == want)


@given(st.lists(st.integers(0, 40), min_size=20, max_size=62), st.data())
@settings(deadline=None, max_examples=8)
def test_property_small_path_equals_naive_up_to_62_players(weights, data):
    # up to 62 factors with counts near 2**62, and bounds up to the path's column limit
    if sum(weights) == 0:
        weights[0] = 1
    quota = data.draw(st.integers(1, sum(weights)))
    swings, _ = generating.swing_counts(weights, quota)
    assert swings == naive_swings(weights, quota)
    by_size = generating.swings_by_size(weights, quota)
    assert [sum(row) for row in by_size] == swings
    with _limb_path_only():
        assert generating.swing_counts(weights, quota)[0] == swings
        assert generating.swings_by_size(weights, quota) == by_size


def _counts_by_weight(weights, bound):
    """Coalitions by weight below ``bound``, one player at a time in Python integers."""
    counts = [1] + [0] * (bound - 1)
    for w in weights:
        for t in range(bound - 1, w - 1, -1):
            counts[t] += counts[t - w]
    return counts


@st.composite
def product_case(draw):
    # up to 100 factors (four limbs), with zero weights, weights on a lattice (counts that
    # are zero next to the middle, where the mirror reads) and bounds past the total
    n = draw(st.integers(0, 100))
    step = draw(st.sampled_from([1, 1, 7]))
    weights = sorted(step * w for w in draw(st.lists(st.integers(0, 12), min_size=n,
                                                        max_size=n)))
    bound = draw(st.integers(1, sum(weights) + 10))
    return [w for w in weights if w < bound], bound


@given(product_case())
@settings(deadline=None, max_examples=40)
def test_property_prefix_table_counts_coalitions_by_weight(case):
    # the limb table (mirrored halves, skipped low columns, lazy carries) against the
    # plain count
    weights, bound = case
    table = generating._prefix_table(weights, bound)
    assert table.shape[1] == bound + 1 and not table[:, 0].any()
    digits = np.diff(table, axis=1)
    # several limbs are normalized; a single one holds the counts themselves (<= 2**62)
    top = 2**generating.DIGIT_BITS if len(table) > 1 else 2**62 + 1
    assert ((digits >= 0) & (digits < top)).all()
    counts = [generating._join(digits[:, t]) for t in range(bound)]
    assert counts == _counts_by_weight(weights, bound)


def test_the_threaded_product_gives_the_same_counts(monkeypatch):
    """Large by-size tables run their limbs in threads between carry normalizations; forced
    on for a game of 100 players (four limbs), the counts are those of one thread."""
    from powerindex._engines import generating

    rng = random.Random(12)
    weights = [rng.randint(1, 40) for _ in range(100)]
    quota = sum(weights) // 2 + 1
    single = generating.swings_by_size(weights, quota)
    monkeypatch.setattr(generating, "_THREADED_CELLS", 0)
    monkeypatch.setattr(generating, "_threads", lambda: 2)
    assert generating.swings_by_size(weights, quota) == single
