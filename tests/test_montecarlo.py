"""Tests of powerindex.estimate: sampling estimates with confidence intervals.

Exact references: the naive brute force of tests/brute.py (every ordering, every coalition)
for Shapley-Shubik and Banzhaf, the library's exact pi.myerson and pi.owen (tested against
their own brute force in test_graphs.py and test_unions.py) for small games, and closed
forms derived below by hand for large games built to have them. Every run has a fixed seed,
so every test is deterministic.
"""

import io
import math
import time
import warnings
from fractions import Fraction as F

import brute
import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import powerindex as pi
from powerindex import InvalidSamplingError, PrecisionWarning
from powerindex.estimate import Estimate, estimate

pytestmark = pytest.mark.filterwarnings("ignore::powerindex.ImproperGameWarning")

# The EEC Council of Ministers, 1958: [12; 4, 4, 4, 2, 2, 1] (Luxembourg a dummy).
EEC_WEIGHTS = [4, 4, 4, 2, 2, 1]
EEC_PLAYERS = ["FR", "DE", "IT", "BE", "NL", "LU"]


def eec():
    return pi.WeightedGame(EEC_WEIGHTS, 12, players=EEC_PLAYERS)


def brute_ss(weights, quota, players):
    return brute.shapley_shubik_permutations(players, brute.weighted(weights, quota, players))


# Agreement tests ask for every player's exact value inside its interval at once, so they
# use 99.9 % intervals; the calibration of the 95 % level is tested across seeds below.
SURE = 0.999


def covered(result, exact):
    """Players whose exact value lies in the confidence interval."""
    return [p for p in exact if result.intervals[p][0] <= exact[p] <= result.intervals[p][1]]


# -- agreement with exact values -------------------------------------------------------------
@pytest.mark.parametrize("method", ["permutation", "antithetic", "stratified", "auto"])
def test_shapley_shubik_eec_within_intervals(method):
    exact = brute_ss(EEC_WEIGHTS, 12, EEC_PLAYERS)
    assert exact["FR"] == F(7, 30) and exact["LU"] == 0  # the published values
    result = estimate(eec(), samples=20_000, seed=11, confidence=SURE, method=method)
    assert covered(result, exact) == EEC_PLAYERS
    assert max(abs(result[p] - exact[p]) for p in exact) < 0.015


@pytest.mark.parametrize("normalized", [True, False])
@pytest.mark.parametrize("method", ["coalition", "stratified"])
def test_banzhaf_within_intervals(normalized, method):
    weights, quota = [4, 4, 4, 2, 2, 1, 3, 5], 14
    players = brute.default_players(8)
    wins = brute.weighted(weights, quota, players)
    exact = brute.banzhaf(players, wins) if normalized else brute.absolute_banzhaf(players, wins)
    index = "banzhaf" if normalized else "banzhaf_absolute"
    result = estimate(pi.WeightedGame(weights, quota), index, samples=20_000, seed=4,
                      confidence=SURE, method=method)
    assert covered(result, exact) == players
    assert result.method == method


def test_banzhaf_of_a_rule_by_its_winning_function():
    players = [f"v{i}" for i in range(7)]
    chair = players[0]

    def wins(s):
        return chair in s and len(s) >= 3 or len(s) >= 5

    exact = brute.absolute_banzhaf(players, wins)
    result = estimate(pi.SimpleGame(players, wins), "banzhaf_absolute", samples=4_000, seed=2,
                      confidence=SURE)
    assert covered(result, exact) == players


def test_myerson_within_intervals_proper_and_improper():
    for weights, quota in (([4, 4, 4, 2, 2, 1, 3, 5], 14), ([3, 3, 2, 2, 1, 1], 5)):
        game = pi.WeightedGame(weights, quota)
        graph = nx.cycle_graph(game.players)
        graph.add_edge("P1", "P4")
        exact = pi.myerson(game, graph).to_float()
        for method in ("permutation", "antithetic", "stratified"):
            result = estimate(game, "myerson", graph=graph, samples=10_000, seed=8, confidence=SURE,
                              method=method)
            assert covered(result, exact) == list(game.players), (weights, method)


def test_myerson_of_a_rule_game_and_complete_graph_is_shapley_shubik():
    players = ["a", "b", "c", "d", "e"]

    def wins(s):
        return len(s) >= 3 and "a" in s

    game = pi.SimpleGame(players, wins)
    exact = brute.shapley_shubik_permutations(players, wins)
    result = estimate(game, "myerson", graph=nx.complete_graph(players), samples=6_000, seed=1,
                      confidence=SURE)
    assert covered(result, exact) == players


def test_owen_within_intervals_and_efficient():
    game = pi.WeightedGame([48, 37, 27, 17, 9, 5], 72,
                           players=["PP", "PSOE", "Podemos", "Cs", "X", "Y"])
    unions = [["PP", "Cs"], ["PSOE", "X", "Y"]]
    exact = pi.owen(game, unions).to_float()
    for method in ("permutation", "antithetic"):
        result = estimate(game, "owen", unions=unions, samples=20_000, seed=3, confidence=SURE,
                          method=method)
        assert covered(result, exact) == list(game.players)
        assert math.isclose(sum(result.values()), 1.0, abs_tol=1e-12)


# -- coverage across seeds -------------------------------------------------------------------
@pytest.mark.parametrize("index, method", [
    ("shapley_shubik", "permutation"),
    ("shapley_shubik", "antithetic"),
    ("shapley_shubik", "stratified"),
    ("banzhaf", "coalition"),
    ("banzhaf_absolute", "coalition"),
])
def test_coverage_of_95_percent_intervals_over_50_seeds(index, method):
    weights, quota = [5, 4, 3, 2, 1], 9
    players = brute.default_players(5)
    wins = brute.weighted(weights, quota, players)
    exact = {"shapley_shubik": brute.shapley_shubik_permutations(players, wins),
             "banzhaf": brute.banzhaf(players, wins),
             "banzhaf_absolute": brute.absolute_banzhaf(players, wins)}[index]
    game = pi.WeightedGame(weights, quota)
    hits = sum(len(covered(estimate(game, index, samples=600, seed=seed, method=method), exact))
               for seed in range(50))
    # 250 intervals, each nominally 95 %: fewer than 85 % would be a defect (a binomial
    # with p = 0.95 falls below 212 / 250 with probability under 1e-5).
    assert hits >= 0.85 * 250


# -- efficiency, variance ----------------------------------------------------------------------
@pytest.mark.parametrize("method", ["permutation", "antithetic"])
def test_shapley_shubik_estimates_sum_to_one(method):
    game = pi.WeightedGame([7] * 5 + [1] * 10, 39)
    result = estimate(game, samples=3_001, seed=5, method=method)
    assert math.isclose(sum(result.values()), 1.0, abs_tol=1e-12)


def test_antithetic_and_stratified_not_worse_than_plain_on_the_security_council():
    """UN Security Council: quota 39 of 45, far from half, where pairing orders pays."""
    game = pi.WeightedGame([7] * 5 + [1] * 10, 39)

    def spread(method):
        runs = np.array([list(estimate(game, samples=2_000, seed=s, method=method).values())
                         for s in range(20)])
        return runs.var(axis=0, ddof=1).sum()

    plain = spread("permutation")
    assert spread("antithetic") < plain
    assert spread("stratified") < plain
    reported = {m: sum(e**2 for e in estimate(game, samples=20_000, seed=1,
                                              method=m).standard_error.values())
                for m in ("permutation", "antithetic", "stratified")}
    assert reported["antithetic"] < reported["permutation"]
    assert reported["stratified"] < reported["permutation"]


def test_auto_avoids_antithetic_pairs_in_a_decisive_game():
    """In a majority game with an odd total an order and its reverse have the same pivot."""
    order = [3, 1, 4, 0, 6, 2, 5]
    game = pi.WeightedGame([1, 1, 2, 2, 3, 4, 2], 8)  # total 15, decisive
    reverse_pivots = []
    for sequence in (order, order[::-1]):
        total = 0
        for p in sequence:
            total += [1, 1, 2, 2, 3, 4, 2][p]
            if total >= 8:
                reverse_pivots.append(p)
                break
    assert reverse_pivots[0] == reverse_pivots[1]
    assert estimate(game, samples=2_000, seed=0).method == "permutation"
    assert estimate(pi.WeightedGame([7] * 5 + [1] * 10, 39), samples=2_000,
                    seed=0).method == "antithetic"


# -- reproducibility -------------------------------------------------------------------------
@pytest.mark.parametrize("index, kwargs", [
    ("shapley_shubik", {}),
    ("shapley_shubik", {"method": "stratified"}),
    ("banzhaf", {}),
    ("owen", {"unions": [["FR", "DE"]]}),
    ("myerson", {"graph": nx.path_graph(EEC_PLAYERS)}),
])
def test_same_seed_same_numbers(index, kwargs):
    first = estimate(eec(), index, samples=1_500, seed=123, **kwargs)
    second = estimate(eec(), index, samples=1_500, seed=123, **kwargs)
    other = estimate(eec(), index, samples=1_500, seed=124, **kwargs)
    assert first.to_dict() == second.to_dict() and first.intervals == second.intervals
    assert first.seed == 123 and first.samples == second.samples
    assert other.to_dict() != first.to_dict()


def test_seed_none_is_recorded_and_reproduces():
    first = estimate(eec(), samples=1_000)
    assert isinstance(first.seed, int)
    again = estimate(eec(), samples=1_000, seed=first.seed)
    assert again.to_dict() == first.to_dict()
    from_generator = estimate(eec(), samples=1_000, seed=np.random.default_rng(3))
    assert from_generator.seed is None


def test_precision_reached_and_reproducible():
    game = pi.WeightedGame([7] * 5 + [1] * 10, 39)
    first = estimate(game, precision=0.004, seed=9)
    assert first.half_width <= 0.004 and first.precision == 0.004
    assert first.samples >= 1_000
    assert estimate(game, precision=0.004, seed=9).to_dict() == first.to_dict()
    exact = pi.shapley_shubik(game).to_float()
    assert max(abs(first[p] - exact[p]) for p in exact) <= 0.004 * 1.5


def test_precision_not_reached_within_the_cap_warns():
    with pytest.warns(PrecisionWarning, match="not reached"):
        result = estimate(eec(), precision=1e-5, samples=3_000, seed=1)
    assert result.samples == 3_000


def test_unanimity_to_precision_warns_instead_of_crashing():
    """Unanimity of 30: a swing needs the other 29 present, probability 2**-29, so none is
    seen and the normalized index has no estimate. This used to raise "cannot convert
    float NaN to integer" at the first precision check (the cap of 20,000 samples keeps
    the test fast; the default cap of 1,000,000 takes the same path)."""
    game = pi.WeightedGame([1] * 30, 30)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = estimate(game, "banzhaf", precision=0.01, samples=20_000, seed=1)
    messages = [str(w.message) for w in caught if issubclass(w.category, PrecisionWarning)]
    assert any("not reached" in m for m in messages)
    assert any("no swing was observed" in m and "banzhaf_absolute" in m for m in messages)
    assert result.samples == 20_000
    assert all(math.isnan(v) for v in result.values())
    assert set(result.intervals.values()) == {(0.0, 1.0)}
    # The absolute measure it points to bounds every swing probability from above.
    absolute = estimate(game, "banzhaf_absolute", samples=20_000, seed=1)
    assert all(high < 1e-3 for _, high in absolute.intervals.values())


# -- large games -------------------------------------------------------------------------------
def test_500_players_with_huge_denominators():
    """One big player of weight 100 + 1/D and 499 of weight 1, D about 10**40, quota
    300 + 1/(2D). The big player pivots exactly when it arrives after k = 200, ..., 300
    small players, so its index is 101/500; outcomes hinge on differences of 1/D, far below
    float resolution."""
    denominator = 10**40 + 7
    weights = [100 + F(1, denominator)] + [1] * 499
    game = pi.WeightedGame(weights, 300 + F(1, 2 * denominator))
    assert sum(game.integer_representation[1]) > 2**62
    start = time.perf_counter()
    result = estimate(game, samples=20_000, seed=2, confidence=SURE)
    assert time.perf_counter() - start < 10
    low, high = result.confidence_interval("P1")
    assert low <= 101 / 500 <= high and high - low < 0.02
    assert math.isclose(sum(result.values()), 1.0, abs_tol=1e-9)
    banzhaf = estimate(game, "banzhaf_absolute", samples=4_000, seed=2, confidence=SURE)
    # P1 swings when the others weigh 200, ..., 300 out of 499 fair coins.
    swing = sum(math.comb(499, k) for k in range(200, 301)) / 2**499
    low, high = banzhaf.confidence_interval("P1")
    assert low <= swing <= high


def test_500_random_fraction_weights_runs_in_seconds():
    rng = np.random.default_rng(0)
    weights = [F(int(a), int(b)) for a, b in zip(rng.integers(1, 10**6, 500),
                                                 rng.integers(10**5, 10**6, 500), strict=True)]
    game = pi.WeightedGame(weights, pi.MAJORITY)
    start = time.perf_counter()
    result = estimate(game, samples=10_000, seed=1)
    assert time.perf_counter() - start < 10
    assert all(lo <= result[p] <= hi for p, (lo, hi) in result.intervals.items())
    assert 0 < result.half_width < 0.01
    heaviest = game.players[int(np.argmax([float(w) for w in weights]))]
    lightest = game.players[int(np.argmin([float(w) for w in weights]))]
    assert result[heaviest] > result[lightest]


def test_rule_over_60_players():
    """p0 must be in, with 30 others: p0 pivots when it arrives after at least 30 others,
    in half the positions, so its index is 1/2 and each other player's 1/118."""
    players = [f"p{i}" for i in range(60)]
    game = pi.SimpleGame(players, lambda s: "p0" in s and len(s) >= 31)
    result = estimate(game, samples=4_000, seed=6)
    low, high = result.confidence_interval("p0")
    assert low <= 0.5 <= high
    others = [p for p in players if p != "p0"]
    assert sum(low <= 1 / 118 <= high for low, high in (result.intervals[p] for p in others)) >= 50


def test_myerson_on_a_long_path_sums_to_one():
    """Simple majority of 41 on a path: only connected coalitions form; the sum of marginal
    contributions along any order is v/G(N) = 1."""
    game = pi.WeightedGame([1] * 41, 21)
    result = estimate(game, "myerson", graph=nx.path_graph(game.players), samples=2_000, seed=0)
    assert math.isclose(sum(result.values()), 1.0, abs_tol=1e-12)
    # Only the centre of the path can be pivot to all 21-player windows through it.
    assert result["P21"] == max(result.values())


# -- the result ----------------------------------------------------------------------------
def test_estimate_is_a_read_only_mapping_with_a_table():
    result = estimate(eec(), samples=2_000, seed=1)
    assert isinstance(result, Estimate) and list(result) == EEC_PLAYERS and len(result) == 6
    assert result.confidence == 0.95 and result.index == "shapley_shubik"
    with pytest.raises(AttributeError):
        result.samples = 5
    with pytest.raises(pi.UnknownPlayerError, match="'UK'"):
        result.confidence_interval("UK")
    with pytest.raises(pi.UnknownPlayerError):
        result["UK"]
    text = str(result)
    assert "95% interval" in text and "seed 1" in text
    assert all(p in text for p in EEC_PLAYERS)
    table = result.to_table()
    assert table.column("player") == EEC_PLAYERS
    assert "\u00b1" in repr(result)
    low, high = result.confidence_interval("FR")
    assert low <= result["FR"] <= high


def test_confidence_level_widens_intervals():
    narrow = estimate(eec(), samples=2_000, seed=1, confidence=0.8, method="antithetic")
    wide = estimate(eec(), samples=2_000, seed=1, confidence=0.99, method="antithetic")
    assert narrow.to_dict() == wide.to_dict()
    assert narrow.half_width < wide.half_width


# -- progress --------------------------------------------------------------------------------
def test_progress_to_a_stream(capsys):
    stream = io.StringIO()
    estimate(eec(), samples=5_000, seed=1, progress=stream)
    assert "100%" in stream.getvalue() and "5000/5000" in stream.getvalue()
    estimate(eec(), samples=5_000, seed=1, progress=False)
    estimate(eec(), samples=5_000, seed=1)
    assert capsys.readouterr().err == ""


def test_progress_true_writes_to_stderr(capsys):
    estimate(eec(), samples=1_000, seed=1, progress=True)
    assert "shapley_shubik" in capsys.readouterr().err


# -- validation ------------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, error, message", [
    ({"index": "shapley"}, pi.InvalidMethodError, "unknown index 'shapley'"),
    ({"method": "quasi"}, pi.InvalidMethodError, "unknown method 'quasi'"),
    ({"index": "owen", "method": "stratified", "unions": [["FR", "DE"]]},
     pi.InvalidMethodError, "stratified"),
    ({"samples": 0}, InvalidSamplingError, "samples must be positive"),
    ({"samples": -5}, InvalidSamplingError, "samples"),
    ({"samples": 10.5}, pi.InvalidTypeError, "whole number"),
    ({"samples": True}, pi.InvalidTypeError, "whole number"),
    ({"precision": 0}, InvalidSamplingError, "precision must be positive"),
    ({"precision": -0.1}, InvalidSamplingError, "precision"),
    ({"precision": "0.1"}, pi.InvalidTypeError, "precision"),
    ({"confidence": 0}, InvalidSamplingError, "between 0 and 1"),
    ({"confidence": 1}, InvalidSamplingError, "between 0 and 1"),
    ({"confidence": 1.5}, InvalidSamplingError, "between 0 and 1"),
    ({"confidence": float("nan")}, InvalidSamplingError, "confidence"),
    ({"seed": -1}, pi.InvalidTypeError, "seed"),
    ({"seed": "abc"}, pi.InvalidTypeError, "seed"),
    ({"progress": 3}, pi.InvalidTypeError, "progress"),
    ({"graph": nx.path_graph(EEC_PLAYERS)}, pi.GraphError, "myerson"),
    ({"index": "myerson"}, pi.GraphError, "graph="),
    ({"index": "myerson", "graph": nx.path_graph(["FR", "DE"])}, pi.GraphError, "missing"),
    ({"index": "owen"}, pi.InvalidUnionsError, "unions="),
    ({"unions": [["FR", "DE"]]}, pi.InvalidUnionsError, "owen"),
    ({"index": "owen", "unions": [["FR", "UK"]]}, pi.UnknownPlayerError, "'UK'"),
    ({"method": "stratified", "samples": 11}, InvalidSamplingError, "at least 2 \\* n = 12"),
])
def test_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        estimate(eec(), **kwargs)


def test_errors_are_value_errors_and_not_a_game():
    with pytest.raises(ValueError):
        estimate(eec(), samples=0)
    with pytest.raises(pi.InvalidTypeError, match="simple game"):
        estimate({"A": 1}, samples=10)


def test_inputs_not_mutated():
    graph = nx.path_graph(EEC_PLAYERS)
    edges = sorted(graph.edges())
    unions = [["FR", "DE"], ["IT"]]
    estimate(eec(), "myerson", graph=graph, samples=200, seed=1)
    estimate(eec(), "owen", unions=unions, samples=200, seed=1)
    assert sorted(graph.edges()) == edges and unions == [["FR", "DE"], ["IT"]]


# -- what the documentation and messages promise ----------------------------------------
def test_listing_too_many_coalitions_does_not_promise_a_sampled_estimate():
    """40 equal players, majority: C(40, 21) minimal winning coalitions. The message must
    not claim that pi.estimate samples what needs them (Johnston, Deegan-Packel, Holler)."""
    with pytest.raises(pi.GameTooLargeError) as raised:
        pi.minimal_winning_coalitions(pi.WeightedGame([1] * 40, 21))
    promised = str(raised.value).partition("pi.estimate()")[2].lower()
    assert "samples" in promised and "not this index" in promised
    assert not any(name in promised for name in ("johnston", "deegan", "holler", "coalition"))


@pytest.mark.parametrize("index, advised", [
    (pi.shapley_shubik, True), (pi.banzhaf, True), (pi.swings, True),
    (pi.coleman_collectivity, False), (pi.coleman_prevent, False),
    (pi.coleman_initiate, False),
])
def test_a_table_too_large_advises_estimate_only_for_what_it_samples(index, advised):
    """Coleman's indices are not sampled by pi.estimate, so their refusal must not send
    the user there."""
    # weights near 10**10: even by weight alone the table (10**10 words) passes any memory
    game = pi.WeightedGame([10**10 + i for i in range(30)], F(2, 3) * (30 * 10**10 + 435))
    with pytest.raises(pi.GameTooLargeError) as raised:
        index(game, method="generating")
    assert ("pi.estimate()" in str(raised.value)) is advised
    assert "method='enumerate'" in str(raised.value)


def test_estimate_shows_in_notebooks_and_tables_with_its_intervals():
    result = estimate(eec(), "banzhaf", samples=2_000, seed=3)
    page = result._repr_html_()
    assert page.startswith("<table") and "95% low" in page and "95% high" in page
    low, high = result.confidence_interval("FR")
    assert f"{low:.6f}" in page and f"{high:.6f}" in page
    assert f"95% confidence intervals ({result.interval_method})" in page
    frame = result.to_dataframe()
    assert list(frame["player"]) == list(eec().players)
    assert frame["95% high"].tolist() == [result.confidence_interval(p).high
                                          for p in eec().players]
    assert "&lt;WeightedGame" in page  # the game's repr is escaped, not raw HTML
    assert "95\\% low" in result.to_latex()


# -- properties ------------------------------------------------------------------------------
@st.composite
def weighted_games(draw):
    n = draw(st.integers(1, 7))
    weights = draw(st.lists(st.integers(0, 9), min_size=n, max_size=n))
    total = sum(weights)
    if total == 0:
        weights[0], total = 1, 1
    quota = draw(st.integers(total // 2 + 1, total))
    return weights, quota


@settings(deadline=None, max_examples=25)
@given(weighted_games(), st.sampled_from(["permutation", "antithetic", "auto"]),
       st.integers(0, 2**32 - 1))
def test_property_order_estimates_are_distributions_with_intervals(case, method, seed):
    weights, quota = case
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        game = pi.WeightedGame(weights, quota)
    result = estimate(game, samples=300, seed=seed, method=method)
    assert math.isclose(sum(result.values()), 1.0, abs_tol=1e-12)
    exact = pi.shapley_shubik(game)
    for p, (low, high) in result.intervals.items():
        assert 0 <= low <= result[p] <= high <= 1
        if exact[p] == 0:  # a dummy is never pivotal: estimate 0, interval from 0
            assert result[p] == 0 and low == 0


@settings(deadline=None, max_examples=25)
@given(weighted_games(), st.integers(0, 2**32 - 1))
def test_property_banzhaf_swings_only_for_non_dummies(case, seed):
    weights, quota = case
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        game = pi.WeightedGame(weights, quota)
    result = estimate(game, "banzhaf_absolute", samples=300, seed=seed)
    exact = pi.banzhaf(game, normalized=False)
    for p, (low, high) in result.intervals.items():
        assert 0 <= low <= result[p] <= high <= 1
        if exact[p] == 0:
            assert result[p] == 0
        if exact[p] == 1:
            assert result[p] == 1
