"""Portfolio allocation against Gamson's law, and the least-squares fit across governments."""

import random
from fractions import Fraction as F

import numpy as np
import pytest

import powerindex as pi

BUNDESTAG_2021 = {"SPD": 206, "CDU/CSU": 197, "Greens": 118, "FDP": 92, "AfD": 83,
                  "Linke": 39, "SSW": 1}


@pytest.fixture
def bundestag():
    """The Bundestag as elected on 26 September 2021 (final result: 736 seats, majority
    369; bundeswahlleiterin.de press release 52/21)."""
    return pi.WeightedGame(BUNDESTAG_2021, 369)


def test_scholz_cabinet(bundestag):
    """The Scholz cabinet of December 2021: besides the chancellor (SPD), SPD 7 ministers
    (with the head of the Chancellery), Greens 5, FDP 4 (tagesschau.de, 24 November 2021,
    "Ressortverteilung der Ampel-Parteien"). Gamson shares 103/208, 59/208, 23/104 of the
    coalition's 416 seats."""
    table = pi.portfolio_allocation(bundestag, {"SPD": 7, "Greens": 5, "FDP": 4})
    assert table.column("party") == ["SPD", "Greens", "FDP"]
    assert table.column("seat share") == [F(103, 208), F(59, 208), F(23, 104)]
    assert table.column("office share") == [F(7, 16), F(5, 16), F(1, 4)]
    assert table.column("vs Gamson") == [F(7, 16) - F(103, 208), F(5, 16) - F(59, 208),
                                         F(1, 4) - F(23, 104)]
    assert table.notes == ("Government: 3 parties, 416 seats, 16 offices.",)
    # the largest party is underpaid, the small ones overpaid (Browne and Franklin 1973)
    assert table.column("vs Gamson")[0] < 0 < table.column("vs Gamson")[2]


def test_power_from_a_name_a_function_or_a_result(bundestag):
    offices = {"SPD": 7, "Greens": 5, "FDP": 4}
    by_name = pi.portfolio_allocation(bundestag, offices, power="banzhaf")
    by_function = pi.portfolio_allocation(bundestag, offices, power=pi.banzhaf)
    by_result = pi.portfolio_allocation(bundestag, offices, power=pi.banzhaf(bundestag))
    assert by_name.rows == by_function.rows == by_result.rows
    shares = by_name.column("power share")
    assert sum(shares) == 1 and shares[1] == shares[2]  # Greens and FDP interchangeable
    bargaining = pi.baron_ferejohn(bundestag, F(9, 10), first="SPD")
    table = pi.portfolio_allocation(bundestag, offices, power=bargaining)
    payoffs = [bargaining[p] for p in offices]
    assert table.column("power share") == [x / sum(payoffs) for x in payoffs]


def test_portfolios_weighted_by_importance():
    g = pi.WeightedGame({"A": 60, "B": 40, "C": 10}, 56)
    offices = {"A": ["finance", "interior"], "B": ["culture", "sport", "transport"]}
    table = pi.portfolio_allocation(g, offices)
    assert table.column("offices") == [2, 3]
    weighted = pi.portfolio_allocation(g, offices, importance={
        "finance": 3, "interior": 2, "culture": F(1, 2), "sport": 0.5, "transport": 1})
    assert weighted.column("offices") == [5, 2]
    assert weighted.column("office share") == [F(5, 7), F(2, 7)]


def test_one_party_government():
    g = pi.WeightedGame({"A": 60, "B": 40}, 51)
    table = pi.portfolio_allocation(g, {"A": 12}, power="shapley_shubik")
    assert table.rows[0][2:] == (1, 12, 1, 0, 1, 0)
    assert table.notes == ("Government: 1 party, 60 seats, 12 offices.",)


def test_gamson_fit_is_exact_least_squares():
    rng = random.Random(2)
    governments = []
    for _ in range(12):
        seats = {f"P{i}": rng.randint(1, 100) for i in range(6)}
        g = pi.WeightedGame(seats, sum(seats.values()) // 2 + 1)
        parties = rng.sample(sorted(seats), rng.randint(2, 4))
        governments.append((g, {p: rng.randint(1, 8) for p in parties}))
    fit = pi.gamson_fit(governments)
    tables = [pi.portfolio_allocation(*government) for government in governments]
    assert pi.gamson_fit(tables) == fit
    x = [float(v) for t in tables for v in t.column("seat share")]
    y = [float(v) for t in tables for v in t.column("office share")]
    slope, intercept = np.polyfit(x, y, 1)
    assert isinstance(fit.slope, F) and isinstance(fit.r_squared, F)
    assert float(fit.slope) == pytest.approx(slope, rel=1e-12)
    assert float(fit.intercept) == pytest.approx(intercept, rel=1e-12, abs=1e-14)
    assert float(fit.r_squared) == pytest.approx(np.corrcoef(x, y)[0, 1] ** 2, rel=1e-12)
    assert fit.n == len(x)


def test_gamson_fit_of_perfectly_proportional_governments():
    g = pi.WeightedGame({"A": 50, "B": 30, "C": 20}, 51)
    fit = pi.gamson_fit([(g, {"A": 5, "B": 3}), (g, {"A": 5, "C": 2})])
    assert (fit.slope, fit.intercept, fit.r_squared, fit.n) == (1, 0, 1, 4)
    assert "Gamson's law: slope 1, intercept 0." in str(fit)
    assert fit.to_dict() == {"slope": 1, "intercept": 0, "r_squared": 1, "n": 4}


def test_gamson_fit_on_power_and_flat_offices():
    g = pi.WeightedGame({"A": 40, "B": 35, "C": 25}, 51)  # any two parties win
    tables = [pi.portfolio_allocation(g, {"A": 1, "B": 1}, power="shapley_shubik"),
              pi.portfolio_allocation(g, {"A": 1, "C": 1}, power="shapley_shubik")]
    flat = pi.gamson_fit(tables)
    assert flat.slope == 0 and flat.intercept == F(1, 2) and flat.r_squared is None
    with pytest.raises(pi.InvalidArgumentError, match="same power share"):
        pi.gamson_fit(tables, x="power share")


@pytest.mark.parametrize(("offices", "kwargs", "error", "match"), [
    ({"Z": 2}, {}, pi.UnknownPlayerError, "'Z'"),
    ({"A": -1}, {}, pi.InvalidArgumentError, "offices of 'A' must be >= 0"),
    ({"A": float("inf")}, {}, pi.InvalidArgumentError, "finite"),
    ({"A": "two"}, {}, pi.InvalidTypeError, "number or a list of portfolios"),
    ({"A": 0, "B": 0}, {}, pi.InvalidArgumentError, "holds no offices"),
    ({}, {}, pi.InvalidArgumentError, "names no party"),
    ([("A", 1)], {}, pi.InvalidTypeError, "mapping"),
    ({"A": ["x"], "B": ["x"]}, {}, pi.InvalidArgumentError, "held by both 'A' and 'B'"),
    ({"A": ["x", "y"]}, {"importance": {"x": 1}}, pi.InvalidArgumentError, "'y'"),
    ({"A": ["x"]}, {"importance": {"x": -1}}, pi.InvalidArgumentError, "importance"),
    ({"A": 1}, {"power": "nucleolus"}, pi.InvalidArgumentError, "unknown power index"),
    ({"A": 1}, {"power": 3}, pi.InvalidTypeError, "power must be"),
    ({"A": 1}, {"power": {"A": -1}}, pi.InvalidArgumentError, "power of 'A'"),
    ({"C": 1}, {}, pi.InvalidArgumentError, "hold no seats"),
])
def test_bad_allocations(offices, kwargs, error, match):
    g = pi.WeightedGame({"A": 50, "B": 30, "C": 0}, 51)
    with pytest.raises(error, match=match):
        pi.portfolio_allocation(g, offices, **kwargs)


def test_games_without_seats_and_bad_fits():
    simple = pi.SimpleGame(["A", "B"], [{"A", "B"}])
    with pytest.raises(pi.InvalidArgumentError, match="needs seats"):
        pi.portfolio_allocation(simple, {"A": 1})
    g = pi.WeightedGame({"A": 50, "B": 30}, 51)
    with pytest.raises(pi.InvalidArgumentError, match="at least two parties"):
        pi.gamson_fit([(g, {"A": 1})])
    with pytest.raises(pi.InvalidTypeError, match="government 1 is a dict"):
        pi.gamson_fit([{"A": 1}])
    with pytest.raises(pi.InvalidArgumentError, match="no column 'power share'"):
        pi.gamson_fit([(g, {"A": 1, "B": 1})], x="power share")
    with pytest.raises(pi.InvalidTypeError, match="governments must be"):
        pi.gamson_fit(3)
