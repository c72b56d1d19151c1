"""Shapley-Shubik and Banzhaf in floating point (``method="float"``) and their error bound.

References: exact Fractions from brute force (tests/brute.py) on small games and, where
that is out of reach, from the exact engine (``method="generating"``, itself tested
against brute force and naive counts); the bound must hold for every player.
"""

import csv
import io
import random
from fractions import Fraction

import brute
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import powerindex as pi
from powerindex._engines import quadrature
from powerindex.errors import GameTooLargeError, InvalidMethodError
from powerindex.indices import FloatPowerIndexResult

# Random games here include improper ones on purpose (low quotas); the warning is tested
# in test_games.py.
pytestmark = pytest.mark.filterwarnings("ignore::powerindex.ImproperGameWarning")


def game_of(weights, quota):
    return pi.WeightedGame(weights, quota, players=[f"P{i}" for i in range(len(weights))])


def assert_within_bound(approx, exact):
    assert isinstance(approx, FloatPowerIndexResult)
    assert approx.method == "float"
    for player, value in exact.items():
        assert isinstance(approx[player], float)
        error = abs(Fraction(approx[player]) - Fraction(value))
        assert error <= Fraction(approx.errors[player]), (player, approx[player], value)
        assert approx.errors[player] <= approx.error_bound


def test_unsc_published_values():
    # UN Security Council, Shapley-Shubik 421/2145 and 4/2145 (Shapley & Shubik 1954)
    unsc = pi.WeightedGame([7] * 5 + [1] * 10, 39)
    approx = pi.shapley_shubik(unsc, method="float")
    assert abs(approx["P1"] - 421 / 2145) <= approx.errors["P1"]
    assert abs(approx["P6"] - 4 / 2145) <= approx.errors["P6"]
    assert approx.error_bound < 1e-13


@st.composite
def small_weighted(draw):
    n = draw(st.integers(1, 9))
    weights = draw(st.lists(st.integers(0, 40), min_size=n, max_size=n))
    if sum(weights) == 0:
        weights[0] = 1
    quota = draw(st.integers(1, sum(weights)))
    return weights, quota


@given(small_weighted())
@settings(deadline=None, max_examples=80)
def test_property_float_within_bound_of_brute_force(case):
    weights, quota = case
    game = game_of(weights, quota)
    players = list(game.players)
    wins = brute.weighted(weights, quota, players=players)
    assert_within_bound(pi.shapley_shubik(game, method="float"),
                        brute.shapley_shubik_subsets(players, wins))
    assert_within_bound(pi.banzhaf(game, method="float", normalized=False),
                        brute.absolute_banzhaf(players, wins))
    if any(brute.swings(players, wins).values()):
        assert_within_bound(pi.banzhaf(game, method="float"), brute.banzhaf(players, wins))


@pytest.mark.parametrize("index", ["shapley_shubik", "banzhaf", "banzhaf_absolute"])
def test_float_values_of_null_players_are_not_negative(index):
    # [10; 10, 1, 1, 1]: P1 is a dictator, the others null players (exact value 0). The
    # float engines gave them -2.7e-18, inside the bound; values are now clamped to the
    # interval [0, 1] that the true value lies in, which keeps the bound valid.
    game = pi.WeightedGame([10, 1, 1, 1], 10)
    if index == "shapley_shubik":
        result = pi.shapley_shubik(game, method="float")
    else:
        result = pi.banzhaf(game, method="float", normalized=index == "banzhaf")
    assert result.to_dict() == {"P1": 1.0, "P2": 0.0, "P3": 0.0, "P4": 0.0}
    assert all(bound >= 0 for bound in result.errors.values())


@given(small_weighted())
@settings(deadline=None, max_examples=60)
def test_property_float_values_lie_in_the_unit_interval(case):
    weights, quota = case
    game = game_of(weights, quota)
    for result in (pi.shapley_shubik(game, method="float"),
                   pi.banzhaf(game, method="float", normalized=False)):
        assert all(0.0 <= value <= 1.0 for value in result.values())


@pytest.mark.parametrize("seed, n, top", [(1, 40, 100), (2, 64, 30), (3, 90, 1000)])
def test_float_within_bound_of_exact(seed, n, top):
    rng = random.Random(seed)
    weights = [rng.randint(1, top) for _ in range(n)]
    for quota in (sum(weights) // 2 + 1, (2 * sum(weights)) // 3, sum(weights) // 4):
        game = game_of(weights, quota)
        assert_within_bound(pi.shapley_shubik(game, method="float"), pi.shapley_shubik(game))
        assert_within_bound(pi.banzhaf(game, method="float"), pi.banzhaf(game))
        assert_within_bound(pi.banzhaf(game, method="float", normalized=False),
                            pi.banzhaf(game, normalized=False))


# US Electoral College 2024-2028, alphabetical by state name with DC (electoral votes =
# House seats of the 2020 census apportionment + 2; DC 3 by the 23rd Amendment); 538 votes.
US_EC_2024 = [9, 3, 11, 6, 54, 10, 7, 3, 3, 30, 16, 4, 4, 19, 11, 6, 6, 8, 8, 4, 10, 11, 15,
              10, 6, 10, 4, 5, 6, 4, 14, 5, 28, 16, 3, 17, 7, 8, 19, 4, 9, 3, 11, 40, 6, 3,
              13, 12, 4, 10, 3]


def test_us_ec_data():
    # 51 electors' lists (50 states and DC), 538 votes in all
    assert len(US_EC_2024) == 51 and sum(US_EC_2024) == 538


def _eu27_populations():
    from analyses.eu_council import model

    with open(model.MEMBERS_FILE, newline="", encoding="utf-8") as handle:
        # in thousands, rounded half up, as the engines' tests have always used them
        return [(int(row["population"]) + 500) // 1000 for row in csv.DictReader(handle)]


def _random(seed, n, top):
    rng = random.Random(seed)
    return [rng.randint(1, top) for _ in range(n)]


# Issue 5: the float path agrees with the exact one to a relative error of 1e-12 or
# better on the benchmark games (benchmarks/run.py builds the same ones).
RELATIVE_ERROR_GAMES = {
    "iraq2010": (lambda: [91, 89, 70, 57, 18], lambda w: 163, "both"),
    "us_ec": (lambda: US_EC_2024, lambda w: 270, "both"),
    "eu27_65%": (_eu27_populations, lambda w: -(-65 * sum(w) // 100), "both"),
    "random200": (lambda: _random(1, 200, 1000), lambda w: sum(w) // 2 + 1, "both"),
    # exact Shapley-Shubik at 1000 players is out of the suite's reach
    "random1000": (lambda: _random(2, 1000, 1000), lambda w: sum(w) // 2 + 1, "banzhaf"),
}


@pytest.mark.parametrize("name", RELATIVE_ERROR_GAMES)
def test_float_relative_error_below_1e_12(name):
    weights_of, quota_of, indices = RELATIVE_ERROR_GAMES[name]
    weights = weights_of()
    game = game_of(weights, quota_of(weights))
    for index in (pi.banzhaf,) if indices == "banzhaf" else (pi.banzhaf, pi.shapley_shubik):
        exact = index(game)
        approx = index(game, method="float")
        assert_within_bound(approx, exact)
        for player, value in exact.items():
            assert abs(approx[player] - float(value)) <= 1e-12 * float(value), player


def test_no_overflow_past_2_to_the_1024():
    # 1100 players: 2**1100 coalitions, beyond float64 as counts
    rng = random.Random(5)
    weights = [rng.randint(1, 50) for _ in range(1100)]
    game = game_of(weights, sum(weights) // 2 + 1)
    banzhaf = pi.banzhaf(game, method="float")
    assert abs(sum(banzhaf.values()) - 1) <= len(weights) * banzhaf.error_bound
    assert all(value > 0 for value in banzhaf.values())
    # equal weights, equal values; heavier never less
    by_weight = {}
    for w, value in zip(weights, banzhaf.values(), strict=True):
        by_weight.setdefault(w, set()).add(value)
    assert all(len(values) == 1 for values in by_weight.values())
    ordered = [by_weight[w].pop() for w in sorted(by_weight)]
    assert ordered == sorted(ordered)


def test_shapley_shubik_1000_players_sums_to_one():
    rng = random.Random(3)
    weights = [rng.randint(1, 20) for _ in range(1000)]
    game = game_of(weights, sum(weights) // 2 + 1)
    result = pi.shapley_shubik(game, method="float")
    assert abs(sum(result.values()) - 1) <= len(weights) * result.error_bound
    assert result.error_bound < 1e-11


def test_equal_players_exact_values():
    # 1500 equal players, majority: every index is 1/1500 by symmetry
    game = pi.WeightedGame([1] * 1500, 751)
    for result in (pi.shapley_shubik(game, method="float"), pi.banzhaf(game, method="float")):
        for value in result.values():
            assert abs(value - 1 / 1500) <= result.error_bound + 2**-60


def test_float_needs_a_weighted_game_and_fits():
    simple = pi.WeightedGame([2, 1, 1], 3) & pi.WeightedGame([1, 1, 1], 2)
    with pytest.raises(InvalidMethodError, match="float"):
        pi.shapley_shubik(simple, method="float")
    with pytest.raises(InvalidMethodError):
        pi.swings(pi.WeightedGame([2, 1, 1], 3), method="float")
    huge = pi.WeightedGame([10**6 + i for i in range(200)], 10**8)
    with pytest.raises(GameTooLargeError, match="floating point"):
        pi.shapley_shubik(huge, method="float")


# Gauss-Legendre rules on [0, 1] in closed form (Abramowitz and Stegun 1964, Table 25.4,
# mapped from [-1, 1]): 2 points (1 -+ 1/sqrt 3)/2 with weights 1/2; 3 points 1/2 and
# (1 -+ sqrt(3/5))/2 with weights 4/9 and 5/18.
@pytest.mark.parametrize("count, pairs, middle", [
    (1, [], 1.0),
    (2, [((1 - 3**-0.5) / 2, 0.5)], 0.0),
    (3, [((1 - 0.6**0.5) / 2, 5 / 18)], 4 / 9),
])
def test_gauss_legendre_closed_forms(count, pairs, middle):
    got_pairs, got_middle = quadrature.gauss_legendre(count)
    assert got_middle == pytest.approx(middle, rel=1e-15)
    assert len(got_pairs) == len(pairs)
    for (p, weight), (want_p, want_weight) in zip(got_pairs, pairs, strict=True):
        assert p == pytest.approx(want_p, rel=1e-15, abs=1e-16)
        assert weight == pytest.approx(want_weight, rel=1e-15)


@pytest.mark.parametrize("count", [4, 25, 50, 251])
def test_gauss_legendre_integrates_polynomials_exactly(count):
    # degree up to 2 count - 1: integral of p^k over [0, 1] is 1 / (k + 1), in Fractions
    # from the rounded nodes and weights (so the check sees their rounding only)
    pairs, middle = quadrature.gauss_legendre(count)
    nodes = [Fraction(p) for p, _ in pairs] + [1 - Fraction(p) for p, _ in pairs]
    weights = [Fraction(w) for _, w in pairs] * 2
    if middle:
        nodes.append(Fraction(1, 2))
        weights.append(Fraction(middle))
    assert all(0 < p < 1 for p in nodes) and len(set(nodes)) == count
    for k in (0, 1, 2, count, 2 * count - 1):
        integral = sum(w * p**k for p, w in zip(nodes, weights, strict=True))
        assert abs(integral - Fraction(1, k + 1)) <= 1e-14, k


def test_large_totals_within_bound_of_exact():
    # totals in the millions: a by-size float table would need 15 x 2.1 million cells; the
    # quadrature holds one row of 2.1 million. Exact by generating functions (the quota
    # high, so the exact bound is W - q + 1, about 0.9 million) for reference.
    rng = random.Random(8)
    weights = [rng.randint(1, 200_000) for _ in range(30)]
    quota = (7 * sum(weights)) // 10
    game = game_of(weights, quota)
    exact = pi.shapley_shubik(game)
    approx = pi.shapley_shubik(game, method="float")
    assert_within_bound(approx, exact)
    for player, value in exact.items():
        assert abs(approx[player] - float(value)) <= 1e-12 * float(value), player


# -- progress of long float runs -------------------------------------------------------------
@pytest.mark.parametrize("index, label, unit", [
    (pi.shapley_shubik, "Shapley-Shubik (float)", "quadrature nodes"),
    (pi.banzhaf, "Banzhaf (float)", "steps"),
])
def test_float_runs_report_progress_to_a_stream(index, label, unit):
    game = pi.WeightedGame([7] * 5 + [1] * 10, 39)
    stream = io.StringIO()
    result = index(game, method="float", progress=stream)
    text = stream.getvalue()
    assert text.startswith(f"\r{label} [") and text.endswith("\n")
    last = text.rstrip("\n").split("\r")[-1]
    # Shapley-Shubik: ceil(15 / 2) = 8 Gauss-Legendre nodes, 4 pairs (p, 1 - p) and none at
    # 1/2; Banzhaf: 15 players and 2 distinct weights.
    total = 4 if index is pi.shapley_shubik else 17
    assert f"100% {total}/{total} {unit}" in last
    # The progress bar changes nothing in the values.
    assert result.to_dict() == index(pi.WeightedGame([7] * 5 + [1] * 10, 39),
                                     method="float", progress=False).to_dict()


def test_float_progress_false_and_cached_results_write_nothing(capsys):
    game = pi.WeightedGame([5, 4, 3, 2], 8)
    pi.banzhaf(game, method="float", progress=False)
    stream = io.StringIO()
    pi.banzhaf(game, method="float", progress=stream)  # cached in the game: no run
    assert stream.getvalue() == "" and capsys.readouterr().err == ""


def test_float_progress_must_be_a_flag_or_a_stream():
    with pytest.raises(pi.InvalidTypeError, match="progress must be True, False, None or a"
                                                  " writable stream, got 3"):
        pi.shapley_shubik(pi.WeightedGame([2, 1], 2), method="float", progress=3)
