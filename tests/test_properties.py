"""Property-based tests (hypothesis) of the axioms every power index must satisfy."""

import warnings
from collections.abc import Mapping
from fractions import Fraction as F
from itertools import combinations

import brute
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import powerindex as pi

pytestmark = pytest.mark.filterwarnings("ignore::powerindex.ImproperGameWarning")

PER_PLAYER = (
    "shapley_shubik",
    "banzhaf",
    "absolute_banzhaf",
    "swings",
    "coleman_prevent",
    "coleman_initiate",
    "johnston",
    "deegan_packel",
    "holler",
)
EFFICIENT = ("shapley_shubik", "banzhaf", "johnston", "deegan_packel", "holler")
COUNTING = ("shapley_shubik", "banzhaf", "absolute_banzhaf", "swings", "coleman_prevent",
            "coleman_initiate", "coleman_collectivity")
MWC_BASED = ("johnston", "deegan_packel", "holler")

FAST = settings(deadline=None, max_examples=200)
SLOW = settings(deadline=None, max_examples=100)


def compute(name, game, method="auto"):
    """The library's index `name` (absolute_banzhaf is banzhaf(normalized=False))."""
    if name == "absolute_banzhaf":
        return pi.banzhaf(game, normalized=False, method=method)
    return getattr(pi, name)(game, method=method)


def every_index(game, method="auto"):
    """All per-player indices of a game, as dicts, plus coleman_collectivity."""
    values = {name: dict(compute(name, game, method)) for name in PER_PLAYER}
    values["coleman_collectivity"] = pi.coleman_collectivity(game, method=method)
    return values


def make_weighted(weights, quota, players=None):
    """A WeightedGame with improper-game warnings silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pi.ImproperGameWarning)
        return pi.WeightedGame(weights, quota, players=players)


@st.composite
def weighted_games(draw, max_n=9):
    """(weights, quota): 1..max_n integer weights in 0..20, not all 0, quota in 1..total."""
    n = draw(st.integers(1, max_n))
    weights = draw(st.lists(st.integers(0, 20), min_size=n, max_size=n).filter(any))
    quota = draw(st.integers(1, sum(weights)))
    return weights, quota


@st.composite
def simple_games(draw):
    """(players, generators): a SimpleGame on 1..7 players from 1..5 random coalitions."""
    n = draw(st.integers(1, 7))
    players = [f"s{i}" for i in range(n)]
    gens = draw(st.lists(st.sets(st.sampled_from(players), min_size=1), min_size=1, max_size=5))
    return players, [sorted(g) for g in gens]


def make_simple(spec):
    """The SimpleGame of a simple_games() draw."""
    players, gens = spec
    return pi.SimpleGame(players, gens)


def predicate(spec):
    """The brute-force winning predicate of a simple_games() draw."""
    gens = [frozenset(g) for g in spec[1]]
    return lambda s: any(g <= s for g in gens)


@FAST
@given(weighted_games())
def test_property_efficiency_weighted(spec):
    """SS, normalized Banzhaf, Johnston, Deegan-Packel and Holler sum to exactly 1."""
    game = make_weighted(*spec)
    for name in EFFICIENT:
        assert sum(compute(name, game).values()) == 1, name


@FAST
@given(simple_games())
def test_property_efficiency_simple(spec):
    """Efficiency also holds for simple games given by coalition lists."""
    game = make_simple(spec)
    for name in EFFICIENT:
        assert sum(compute(name, game).values()) == 1, name


@FAST
@given(weighted_games())
def test_property_symmetry_equal_weights(spec):
    """Players with equal weights get equal values in every index."""
    weights, _ = spec
    game = make_weighted(*spec)
    values = every_index(game)
    players = game.players
    for i, j in combinations(range(len(weights)), 2):
        if weights[i] == weights[j]:
            for name in PER_PLAYER:
                assert values[name][players[i]] == values[name][players[j]], name


@FAST
@given(simple_games())
def test_property_symmetry_simple(spec):
    """Players that can be swapped without changing any outcome get equal values."""
    players, wins = spec[0], predicate(spec)
    coalitions = brute.all_coalitions(players)
    values = every_index(make_simple(spec))
    for a, b in combinations(players, 2):
        swap = {a: b, b: a}
        if all(wins(s) == wins(frozenset(swap.get(p, p) for p in s)) for s in coalitions):
            for name in PER_PLAYER:
                assert values[name][a] == values[name][b], name


@FAST
@given(weighted_games(max_n=8), st.data())
def test_property_null_player_weighted(spec, data):
    """A weight-0 player, and every dummy, gets 0 in every index."""
    weights, quota = spec
    weights = list(weights)
    weights.insert(data.draw(st.integers(0, len(weights))), 0)
    game = make_weighted(weights, quota)
    values = every_index(game)
    nulls = {p for p, w in zip(game.players, weights, strict=True) if w == 0}
    assert nulls <= set(game.dummies)
    for p in set(game.dummies):
        for name in PER_PLAYER:
            assert values[name][p] == 0, (name, p)


@FAST
@given(simple_games())
def test_property_dummies_get_zero_simple(spec):
    """In a simple game every dummy (including players in no coalition) gets 0 everywhere."""
    game = make_simple(spec)
    values = every_index(game)
    unused = set(spec[0]) - set().union(*map(set, spec[1]))
    assert unused <= set(game.dummies)
    for p in game.dummies:
        for name in PER_PLAYER:
            assert values[name][p] == 0, (name, p)


@FAST
@given(st.lists(st.integers(0, 20), max_size=8), st.integers(0, 5), st.integers(0, 5), st.data())
def test_property_dictator(others, extra_quota, extra_weight, data):
    """A player reaching the quota alone while the rest cannot has SS = Banzhaf = 1."""
    quota = sum(others) + 1 + extra_quota
    weights = list(others)
    d = data.draw(st.integers(0, len(weights)))
    weights.insert(d, quota + extra_weight)
    game = make_weighted(weights, quota)
    dictator = game.players[d]
    for name in ("shapley_shubik", "banzhaf"):
        result = compute(name, game)
        assert result[dictator] == 1, name
        assert all(result[p] == 0 for p in game.players if p != dictator), name


@FAST
@given(weighted_games())
def test_property_local_monotonicity(spec):
    """w_i >= w_j implies SS_i >= SS_j, Banzhaf_i >= Banzhaf_j and swings_i >= swings_j."""
    weights, _ = spec
    game = make_weighted(*spec)
    p = game.players
    for name in ("shapley_shubik", "banzhaf", "swings"):
        r = compute(name, game)
        for i in range(len(weights)):
            for j in range(len(weights)):
                if weights[i] >= weights[j]:
                    assert r[p[i]] >= r[p[j]], (name, p[i], p[j])


@SLOW
@given(weighted_games(max_n=8), st.integers(2, 50))
def test_property_scale_invariance_integer(spec, k):
    """Multiplying all weights and the quota by a positive integer changes no index."""
    weights, quota = spec
    scaled = make_weighted([w * k for w in weights], quota * k)
    assert every_index(scaled) == every_index(make_weighted(weights, quota))


@SLOW
@given(weighted_games(max_n=8), st.fractions(F(1, 100), 100, max_denominator=1000))
def test_property_scale_invariance_fraction(spec, factor):
    """Multiplying all weights and the quota by a positive Fraction changes no index."""
    weights, quota = spec
    scaled = make_weighted([w * factor for w in weights], quota * factor)
    assert every_index(scaled) == every_index(make_weighted(weights, quota))


@SLOW
@given(weighted_games())
def test_property_counting_methods_agree(spec):
    """auto == generating == enumerate for SS, Banzhaf, swings and the Coleman indices."""
    game = make_weighted(*spec)
    for name in COUNTING:
        auto = compute(name, game, "auto")
        assert compute(name, game, "generating") == auto, name
        assert compute(name, game, "enumerate") == auto, name


@SLOW
@given(weighted_games())
def test_property_mwc_methods_agree(spec):
    """backtrack == enumerate == auto for Johnston, Deegan-Packel and Holler."""
    game = make_weighted(*spec)
    for name in MWC_BASED:
        enum = dict(compute(name, game, "enumerate"))
        assert dict(compute(name, game, "backtrack")) == enum, name
        assert dict(compute(name, game, "auto")) == enum, name


@FAST
@given(weighted_games(), st.booleans())
def test_property_result_is_read_only_mapping_in_player_order(spec, named):
    """Each result is a read-only Mapping whose keys are the players, in order."""
    weights, quota = spec
    players = [f"z{len(weights) - i}" for i in range(len(weights))] if named else None
    game = make_weighted(weights, quota, players)
    expected = list(players) if named else brute.default_players(len(weights))
    assert list(game.players) == expected
    for name in PER_PLAYER:
        result = compute(name, game)
        assert isinstance(result, Mapping), name
        assert list(result) == list(result.keys()) == expected, name
        assert len(result) == len(expected), name
        assert result.to_dict() == dict(result), name
        with pytest.raises(TypeError):
            result[expected[0]] = 0


@SLOW
@given(weighted_games())
def test_property_inputs_not_mutated_weighted(spec):
    """Lists of weights and players passed in are unchanged after building and computing."""
    weights, quota = spec
    players = [f"q{i}" for i in range(len(weights))]
    weights_copy, players_copy = list(weights), list(players)
    game = make_weighted(weights, quota, players)
    every_index(game)
    every_index(game, "enumerate")
    pi.minimal_winning_coalitions(game)
    pi.minimum_weight_winning_coalitions(game)
    pi.swing_coalitions(game, players[0])
    assert weights == weights_copy
    assert players == players_copy


@FAST
@given(simple_games())
def test_property_inputs_not_mutated_simple(spec):
    """The players list and coalition lists given to SimpleGame are left unchanged."""
    players, gens = spec
    players_copy, gens_copy = list(players), [list(g) for g in gens]
    game = pi.SimpleGame(players, gens)
    every_index(game)
    pi.minimal_winning_coalitions(game)
    assert players == players_copy
    assert gens == gens_copy
