"""The generating-function engine for composed weighted games (and, or, member counts),
checked against a naive brute force written here and against enumeration.

The brute force lists every coalition with itertools, decides it by the components'
weights and quotas directly, and applies the textbook formulas of Shapley-Shubik and
Banzhaf; it shares no code with powerindex.
"""

import csv
import warnings
from fractions import Fraction
from itertools import combinations
from math import ceil, factorial
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import powerindex as pi
from powerindex._engines import vector
from powerindex.errors import InvalidMethodError

ANALYSIS_MEMBERS = Path(__file__).resolve().parent.parent / "analyses" / "eu_council" / (
    "members.csv")


# -- brute force -----------------------------------------------------------------------------
def brute(n, wins):
    """(Shapley-Shubik, swings, winning count) of the game on players 0..n-1 whose winning
    rule is ``wins(frozenset)``."""
    ss = [Fraction(0)] * n
    swings = [0] * n
    winning = 0
    for size in range(n + 1):
        for coalition in combinations(range(n), size):
            s = frozenset(coalition)
            if wins(s):
                winning += 1
            for i in range(n):
                if i in s or wins(s) or not wins(s | {i}):
                    continue
                swings[i] += 1
                ss[i] += Fraction(factorial(size) * factorial(n - size - 1), factorial(n))
    return ss, swings, winning


def formula_rule(tree):
    """A winning rule from ("and"|"or", [...]) trees with (weights, quota) leaves."""
    if isinstance(tree[0], str):
        operation, children = tree
        rules = [formula_rule(c) for c in children]
        combine = all if operation == "and" else any
        return lambda s: combine(r(s) for r in rules)
    weights, quota = tree
    return lambda s: sum(weights[i] for i in s) >= quota


def build(tree, names):
    if isinstance(tree[0], str):
        operation, children = tree
        games = [build(c, names) for c in children]
        game = games[0]
        for other in games[1:]:
            game = game & other if operation == "and" else game | other
        return game
    weights, quota = tree
    return pi.WeightedGame(weights, quota, players=names)


def check_against_brute(tree, n):
    names = [f"P{i}" for i in range(n)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        game = build(tree, names)
    ss, swings, winning = brute(n, formula_rule(tree))
    assert list(pi.shapley_shubik(game, method="generating").values()) == ss
    assert list(pi.swings(game, method="generating").values()) == swings
    assert pi.coleman_collectivity(game, method="generating") == Fraction(winning, 2**n)
    assert pi.shapley_shubik(game, method="enumerate").to_dict() == pi.shapley_shubik(
        game, method="generating").to_dict()


# -- strategies --------------------------------------------------------------------------------
@st.composite
def leaves(draw, n, weightings):
    if draw(st.booleans()):
        return ([1] * n, draw(st.integers(1, n)))
    weights = weightings[draw(st.integers(0, len(weightings) - 1))]
    return (weights, draw(st.integers(1, sum(weights))))


@st.composite
def composite_trees(draw, max_n=9, max_weightings=2):
    n = draw(st.integers(2, max_n))
    count = draw(st.integers(1, max_weightings))
    weightings = [draw(st.lists(st.integers(0, 9), min_size=n, max_size=n)
                       .filter(lambda w: sum(w) > 0)) for _ in range(count)]
    parts = draw(st.lists(leaves(n, weightings), min_size=2, max_size=4))
    if len(parts) > 2 and draw(st.booleans()):
        inner = (draw(st.sampled_from(["and", "or"])), parts[:2])
        tree = (draw(st.sampled_from(["and", "or"])), [inner] + parts[2:])
    else:
        tree = (draw(st.sampled_from(["and", "or"])), parts)
    return tree, n


@settings(deadline=None, max_examples=150)
@given(composite_trees())
def test_property_generating_equals_brute_force(case):
    tree, n = case
    check_against_brute(tree, n)


@settings(deadline=None, max_examples=40)
@given(composite_trees(max_n=12))
def test_property_generating_equals_enumeration_up_to_12(case):
    tree, n = case
    names = [f"P{i}" for i in range(n)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        game = build(tree, names)
    for index in (pi.shapley_shubik, pi.banzhaf, pi.coleman_prevent, pi.coleman_initiate):
        assert index(game, method="generating").to_dict() == index(
            game, method="enumerate").to_dict()


def test_double_majority_by_hand():
    # [5; 3, 2, 2] & [2; 1, 1, 1]: winning {A,B}, {A,C}, {A,B,C}: A swings 3 times, B and
    # C once each; A is pivotal in 4 of 6 orders.
    seats = pi.WeightedGame([3, 2, 2], 5, players=["A", "B", "C"])
    heads = pi.WeightedGame([1, 1, 1], 2, players=["A", "B", "C"])
    game = seats & heads
    assert pi.swings(game, method="generating").to_dict() == {"A": 3, "B": 1, "C": 1}
    assert pi.shapley_shubik(game)["A"] == Fraction(2, 3)
    assert pi.shapley_shubik(game).method == "generating"


def test_or_with_a_count_game_and_nesting():
    tree = ("or", [("and", [([5, 4, 3, 1, 1], 9), ([1] * 5, 3)]), ([1] * 5, 4)])
    check_against_brute(tree, 5)


def test_three_weightings_fall_back_to_enumeration():
    names = ["A", "B", "C", "D"]
    game = (pi.WeightedGame([3, 2, 1, 1], 4, players=names)
            & pi.WeightedGame([1, 2, 3, 1], 4, players=names)
            & pi.WeightedGame([2, 1, 1, 3], 4, players=names))
    assert pi.shapley_shubik(game).method == "enumerate"
    with pytest.raises(InvalidMethodError, match="at most two"):
        pi.shapley_shubik(game, method="generating")


def test_generating_still_refused_for_rule_games():
    game = pi.SimpleGame(["A", "B", "C"], [{"A", "B"}])
    with pytest.raises(InvalidMethodError, match="WeightedGame"):
        pi.banzhaf(game, method="generating")
    composed = game & pi.WeightedGame([1, 1, 1], 2, players=["A", "B", "C"])
    with pytest.raises(InvalidMethodError):
        pi.banzhaf(composed, method="generating")
    assert pi.banzhaf(composed).method == "enumerate"


def test_backtrack_still_needs_a_weighted_game():
    names = ["A", "B", "C"]
    game = pi.WeightedGame([2, 1, 1], 3, players=names) & pi.WeightedGame([1, 1, 1], 2,
                                                                          players=names)
    with pytest.raises(InvalidMethodError):
        pi.deegan_packel(game, method="backtrack")
    assert pi.deegan_packel(game).method == "enumerate"


def test_chunked_enumeration_matches_brute_force(monkeypatch):
    monkeypatch.setattr(vector, "_CHUNK_BITS", 3)  # several chunks, members in both parts
    tree = ("and", [([3, 2, 2, 1, 1, 1], 6), ([1, 4, 1, 2, 2, 1], 6), ([1] * 6, 4)])
    n = 6
    names = [f"P{i}" for i in range(n)]
    counts, winning = vector.enumerate_swings(vector.plan(build(tree, names).counting_plan()))
    _, swings, brute_winning = brute(n, formula_rule(tree))
    assert [sum(row) for row in counts] == swings
    assert winning == brute_winning


# -- the EU Council --------------------------------------------------------------------------
def eu_population():
    """Member codes and populations in thousands (the analysis's figures in persons,
    rounded half up): the engine's test game, small enough for generating functions."""
    with open(ANALYSIS_MEMBERS, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [r["code"] for r in rows], [(int(r["population"]) + 500) // 1000 for r in rows]


def lisbon_tree(population, n):
    """(55% of members and 65% of population) or all but three members, as a tree."""
    return ("or", [("and", [([1] * n, ceil(Fraction(55, 100) * n)),
                            (population, ceil(Fraction(65, 100) * sum(population)))]),
                   ([1] * n, n - 3)])


def test_lisbon_on_a_fourteen_member_council_equals_brute_force():
    codes, population = eu_population()
    # every other member state, from the largest: a 14-member council
    chosen = list(range(0, 27, 2))[:14]
    pops = [population[i] for i in chosen]
    check_against_brute(lisbon_tree(pops, 14), 14)


def lisbon_eu27():
    codes, population = eu_population()
    members = pi.WeightedGame([1] * 27, pi.share("55/100"), players=codes)
    pops = pi.WeightedGame(population, pi.share("65/100"), players=codes)
    return (members & pops) | pi.WeightedGame([1] * 27, 24, players=codes), codes, population


def test_lisbon_eu27_is_exact_efficient_and_ordered_by_population():
    game, codes, population = lisbon_eu27()
    ss = pi.shapley_shubik(game)
    bz = pi.banzhaf(game)
    assert ss.method == bz.method == "generating"
    assert sum(ss.values()) == 1 and sum(bz.values()) == 1
    # Equal head counts, so a more populous member is at least as desirable in every
    # component, hence in the composition: indices follow population.
    order = sorted(range(27), key=lambda i: -population[i])
    for index in (ss, bz):
        values = [index[codes[i]] for i in order]
        assert all(x >= y for x, y in zip(values, values[1:], strict=False))


def test_lisbon_eu27_winning_count_by_brute_force_over_sizes():
    # The number of winning coalitions by an independent count: by size k, those with at
    # least 24 members all win; for 15 <= k <= 23 count subsets reaching 65% by a naive
    # dictionary of subset sums per size.
    game, codes, population = lisbon_eu27()
    quota = ceil(Fraction(65, 100) * sum(population))
    by_size = [{0: 1}]
    for p in population:
        new = [dict(d) for d in by_size] + [{}]
        for k, sums in enumerate(by_size):
            for s, c in sums.items():
                new[k + 1][s + p] = new[k + 1].get(s + p, 0) + c
        by_size = new
    from math import comb
    expected = sum(comb(27, k) for k in range(24, 28)) + sum(
        c for k in range(15, 24) for s, c in by_size[k].items() if s >= quota)
    assert pi.coleman_collectivity(game) == Fraction(expected, 2**27)


