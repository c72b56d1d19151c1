"""The Owen and Banzhaf-Owen values of weighted games by generating functions.

Three checks: against enumeration of all coalitions (the other engine, by the subset
formula) on random small games, both routes of the engine (dense and sparse); against an
independent dynamic programme in Python integers on games too large to enumerate, with more
than 62 unions or members (several limbs); and properties that tie the values to other
engines at sizes no enumeration reaches (efficiency, the quotient game property,
Banzhaf-Owen of the trivial structures).
"""

import random
from fractions import Fraction
from math import factorial

import pytest
from hypothesis import given
from hypothesis import strategies as st

import powerindex as pi
from powerindex._engines import unions as engine
from powerindex.politics.unions import banzhaf_owen, owen


def _random_unions(players, rng):
    order = list(players)
    rng.shuffle(order)
    unions, start = [], 0
    while start < len(order):
        size = rng.randint(1, len(order) - start)
        unions.append(order[start:start + size])
        start += size
    return unions


@st.composite
def games_with_unions(draw):
    n = draw(st.integers(1, 9))
    weights = draw(st.lists(st.integers(0, 30), min_size=n, max_size=n))
    if sum(weights) == 0:
        weights[0] = 1
    quota = draw(st.integers(1, sum(weights)))
    seed = draw(st.integers(0, 2**32 - 1))
    game = pi.WeightedGame(weights, quota)
    return game, _random_unions(game.players, random.Random(seed))


@pytest.mark.filterwarnings("ignore::powerindex.ImproperGameWarning")
@pytest.mark.parametrize("route", ["dense", "sparse"])
@given(case=games_with_unions())
def test_agrees_with_enumeration(route, case):
    game, unions = case
    ratio = engine._SPARSE_RATIO
    engine._SPARSE_RATIO = -1 if route == "sparse" else 10**9
    try:
        for index in (owen, banzhaf_owen):
            generated = index(game, unions, method="generating")
            enumerated = index(game, unions, method="enumerate")
            assert generated.method == "generating"
            assert dict(generated) == dict(enumerated)
    finally:
        engine._SPARSE_RATIO = ratio


# -- an independent dynamic programme -------------------------------------------------------------
def _counts_by_size(weights, bound):
    """[r][x]: subsets of ``weights`` with r members weighing x < bound (Python integers)."""
    table = [[0] * bound for _ in range(len(weights) + 1)]
    table[0][0] = 1
    for w in weights:
        for r in range(len(weights), 0, -1):
            row, below = table[r], table[r - 1]
            for x in range(bound - 1, w - 1, -1):
                if below[x - w]:
                    row[x] += below[x - w]
    return table


def _reference(weights, quota, groups, shapley):
    """Owen or Banzhaf-Owen values from the two-level sum, each level counted afresh."""
    m = len(groups)
    union_weights = [sum(weights[i] for i in g) for g in groups]
    values = [Fraction(0)] * len(weights)
    outer_cache = {}
    for k, group in enumerate(groups):
        key = tuple(sorted(union_weights[:k] + union_weights[k + 1:]))
        if key not in outer_cache:
            outer_cache[key] = _counts_by_size(list(key), quota)
        outer = outer_cache[key]
        p = len(group)
        for i in group:
            others = [weights[j] for j in group if j != i]
            inner = _counts_by_size(others, quota)
            total = 0
            for r in range(m):
                for t in range(p):
                    pairs = 0
                    for y, count in enumerate(inner[t]):
                        if count:
                            low, high = max(0, quota - weights[i] - y), quota - y
                            pairs += count * sum(outer[r][max(low, 0):max(high, 0)])
                    if pairs:
                        size_weight = (factorial(r) * factorial(m - 1 - r)
                                       * factorial(t) * factorial(p - 1 - t)) if shapley else 1
                        total += size_weight * pairs
            denominator = factorial(m) * factorial(p) if shapley else 2 ** (m - 1 + p - 1)
            values[i] = Fraction(total, denominator)
    return values


@pytest.mark.parametrize("shapley", [True, False])
def test_many_unions_several_limbs(shapley):
    """70 unions (counts of sets of unions pass 2**62: three limbs) of one to three members."""
    rng = random.Random(7)
    weights, groups = [], []
    for _ in range(70):
        size = rng.randint(1, 3)
        groups.append(list(range(len(weights), len(weights) + size)))
        weights += [rng.randint(0, 3) for _ in range(size)]
    weights[0] = max(weights[0], 1)
    quota = sum(weights) // 2 + 1
    got = engine.union_values(weights, quota, groups, shapley)
    assert got == _reference(weights, quota, groups, shapley)


@pytest.mark.parametrize("shapley", [True, False])
@pytest.mark.parametrize("route", ["dense", "sparse"])
def test_a_union_of_seventy_members(shapley, route, monkeypatch):
    """One union of 70 (its inner counts pass 2**62) beside two heavy single players."""
    monkeypatch.setattr(engine, "_SPARSE_RATIO", -1 if route == "sparse" else 10**9)
    rng = random.Random(3)
    members = [rng.randint(1, 2) for _ in range(70)]
    weights = members + [40, 35]
    groups = [list(range(70)), [70], [71]]
    quota = 90
    got = engine.union_values(weights, quota, groups, shapley)
    assert got == _reference(weights, quota, groups, shapley)


# -- properties at sizes no enumeration reaches --------------------------------------------------
def _large_game(seed, players=300, union_count=25):
    rng = random.Random(seed)
    weights = [rng.randint(1, 60) for _ in range(players)]
    names = [f"p{i}" for i in range(players)]
    order = names[:]
    rng.shuffle(order)
    cuts = sorted(rng.sample(range(1, players), union_count - 1))
    unions = [order[a:b] for a, b in zip([0, *cuts], [*cuts, players], strict=True)]
    return pi.WeightedGame(weights, sum(weights) // 2 + 1, players=names), unions


@pytest.mark.parametrize("seed", [1, 2])
def test_owen_is_efficient_and_has_the_quotient_game_property(seed):
    game, unions = _large_game(seed)
    values = owen(game, unions)
    assert values.method == "generating"
    assert sum(values.values()) == 1
    weight = dict(zip(game.players, game.weights, strict=True))
    quotient = pi.WeightedGame([sum(weight[p] for p in u) for u in unions], game.quota)
    shapley = pi.shapley_shubik(quotient)
    for name, union in zip(quotient.players, unions, strict=True):
        assert sum(values[p] for p in union) == shapley[name]
        by_weight = {}
        for p in union:  # members of equal weight are symmetric inside their union
            assert by_weight.setdefault(weight[p], values[p]) == values[p]


def test_banzhaf_owen_of_the_trivial_structures_is_the_banzhaf_measure():
    game, _ = _large_game(5, players=200)
    absolute = dict(pi.banzhaf(game, normalized=False))
    assert dict(banzhaf_owen(game, [])) == absolute  # everybody alone
    assert dict(banzhaf_owen(game, [list(game.players)])) == absolute  # one union of all
    assert dict(owen(game, [list(game.players)])) == dict(pi.shapley_shubik(game))


def test_null_players_and_zero_weight_unions_get_nothing():
    game = pi.WeightedGame([5, 4, 0, 0, 3, 0], 7, players=list("abcdef"))
    unions = [["a", "c"], ["d", "f"], ["b", "e"]]
    for index in (owen, banzhaf_owen):
        values = index(game, unions, method="generating")
        assert values["c"] == values["d"] == values["f"] == 0
        assert dict(values) == dict(index(game, unions, method="enumerate"))


def test_a_union_above_the_quota():
    """A union that wins alone is no factor of the outer product (nothing to divide out)."""
    game = pi.WeightedGame([6, 5, 2, 1, 1], 8, players=list("abcde"))
    unions = [["a", "b", "c"], ["d", "e"]]
    for index in (owen, banzhaf_owen):
        assert dict(index(game, unions, method="generating")) == \
            dict(index(game, unions, method="enumerate"))


# -- dispatch ----------------------------------------------------------------------------------
def test_auto_takes_generating_functions_beyond_enumeration():
    game, unions = _large_game(9, players=120, union_count=12)
    assert owen(game, unions).method == "generating"
    assert banzhaf_owen(game, unions, method="auto").method == "generating"
    with pytest.raises(pi.GameTooLargeError, match="26"):
        owen(game, unions, method="enumerate")


def test_tables_over_the_limit_are_refused(monkeypatch):
    monkeypatch.setattr(engine, "MAX_CELLS", 1000)
    monkeypatch.setattr(engine.generating, "max_cells", lambda: 1000)
    game, unions = _large_game(4, players=60, union_count=6)
    with pytest.raises(pi.GameTooLargeError, match="tables of .* words"):
        owen(game, unions)
    small = pi.WeightedGame([401, 300, 200, 100], 600, players=list("abcd"))
    assert owen(small, [["a", "b"]]).method == "enumerate"  # 4 players: enumerated instead
    with pytest.raises(pi.GameTooLargeError, match="method='enumerate'"):
        owen(small, [["a", "b"]], method="generating")


def test_inputs_are_left_alone():
    weights, groups = [3, 2, 2, 1], [[0, 1], [2, 3]]
    saved = (list(weights), [list(g) for g in groups])
    engine.union_values(weights, 5, groups, True)
    assert (weights, groups) == saved


def test_the_documented_chamber_by_its_quotient_game():
    """The docstring's and guide's chamber (101 members, 51 needed; unions of 40 and 50 and
    11 independents): by symmetry inside a union, each member holds its union's
    Shapley-Shubik index in the quotient game (13 players, enumerated) over the union's
    size, and an independent holds its own."""
    chamber = pi.WeightedGame([1] * 101, 51)
    values = owen(chamber, {"left": chamber.players[:40], "right": chamber.players[40:90]})
    quotient = pi.WeightedGame([40, 50] + [1] * 11, 51)
    shapley = list(pi.shapley_shubik(quotient, method="enumerate").values())
    assert values["P1"] == shapley[0] / 40 == Fraction(1, 3120)
    assert values["P41"] == shapley[1] / 50 == Fraction(11, 650)
    assert values["P101"] == shapley[2] == Fraction(1, 78)
