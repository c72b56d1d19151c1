"""The library agrees exactly with the independent brute-force reference in tests/brute.py.

Every index is checked with every method that applies to the game ("auto", "generating",
"enumerate", "backtrack"); methods that do not apply must raise pi.InvalidMethodError.
Games: hand-picked weighted games, seeded random weighted games (n = 1..12), random simple
games given by minimal winning coalitions or by callables, and compositions g1 & g2, g1 | g2.
"""

import random
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction as F
from functools import cache
from typing import Any

import brute
import pytest

import powerindex as pi

pytestmark = pytest.mark.filterwarnings("ignore::powerindex.ImproperGameWarning")

METHODS = ("auto", "generating", "enumerate", "backtrack")
COUNTING = frozenset({"auto", "generating", "enumerate"})
MWC_BASED = frozenset({"auto", "enumerate", "backtrack"})
# index name -> methods applicable to a WeightedGame (any other game: "auto" and "enumerate")
WEIGHTED_METHODS = {
    "shapley_shubik": COUNTING,
    "banzhaf": COUNTING,
    "absolute_banzhaf": COUNTING,
    "swings": COUNTING,
    "coleman_prevent": COUNTING,
    "coleman_initiate": COUNTING,
    "coleman_collectivity": COUNTING,
    "johnston": MWC_BASED,
    "deegan_packel": MWC_BASED,
    "holler": MWC_BASED,
}
SIMPLE_METHODS = frozenset({"auto", "enumerate"})
INDEX_NAMES = tuple(WEIGHTED_METHODS)


def compute(name, game, method):
    """Call the library's index `name` (absolute_banzhaf is banzhaf(normalized=False))."""
    if name == "absolute_banzhaf":
        return pi.banzhaf(game, normalized=False, method=method)
    if name == "banzhaf":
        return pi.banzhaf(game, normalized=True, method=method)
    return getattr(pi, name)(game, method=method)


@dataclass(frozen=True)
class Case:
    """A game to test: how to build it with the library and its brute-force description."""

    id: str
    players: tuple
    wins: Callable[[frozenset], bool]
    build: Callable[[], Any]
    weights: tuple | None = None  # WeightedGame only (for minimum-weight coalitions)

    def game(self):
        """A fresh library game, improper-game warnings silenced."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", pi.ImproperGameWarning)
            return self.build()


def memo(wins):
    """The predicate, memoized (the reference calls it many times on the same coalitions)."""
    return cache(wins)


def weighted_case(case_id, weights, quota, players=None, wins=None):
    """A WeightedGame case; quota may be a pi.share(...) if `wins` is given explicitly."""
    names = tuple(players) if players is not None else tuple(brute.default_players(len(weights)))
    if wins is None:
        wins = brute.weighted(weights, quota, names)
    return Case(
        case_id,
        names,
        memo(wins),
        lambda: pi.WeightedGame(list(weights), quota, players=list(players) if players else None),
        tuple(weights),
    )


def share_wins(weights, fraction, strict):
    """Brute predicate for a share quota: weight >= s*total (or > s*total when strict)."""
    ws = [brute.exact(w) for w in weights]
    names = brute.default_players(len(weights))
    total = sum(ws)
    weight_of = dict(zip(names, ws, strict=True))

    def wins(s):
        got = sum((weight_of[p] for p in s), F(0))
        return got > fraction * total if strict else got >= fraction * total

    return wins


FIXED = [
    weighted_case("3;2,1,1", [2, 1, 1], 3),
    weighted_case("51;50,49,1", [50, 49, 1], 51),
    weighted_case("5;3,2,1,1-named", [3, 2, 1, 1], 5, ["A", "B", "C", "D"]),
    weighted_case("zero-weights", [2, 0, 1, 0], 2),
    weighted_case("zero-weight-first", [0, 3, 2, 2], 4),
    weighted_case("equal-weights", [1, 1, 1, 1, 1], 3),
    weighted_case("equal-weights-even", [2, 2, 2, 2], 4),
    weighted_case("weight-above-quota", [6, 3, 3], 4),
    weighted_case("dictator", [6, 2, 2, 1], 6),
    weighted_case("dictator-above-quota", [9, 1, 1], 3),
    weighted_case("unanimity", [1, 1, 1, 1], 4),
    weighted_case("unanimity-unequal", [1, 2, 3, 4], 10),
    weighted_case("single-player", [1], 1),
    weighted_case("single-player-heavy", [5], 3),
    weighted_case("two-players-tie", [1, 1], 1),
    weighted_case("eec-1958", [4, 4, 4, 2, 2, 1], 12),
    weighted_case("fractions", [F(1, 2), F(1, 3), F(1, 6)], F(1, 2)),
    weighted_case("fraction-quota", [3, 2, 2, 1], F(9, 2)),
    weighted_case("decimals", [Decimal("0.5"), Decimal("0.25"), Decimal("0.25")], Decimal("0.5")),
    weighted_case("floats", [0.1, 0.2, 0.3, 0.4], 0.3),
    weighted_case("floats-rounding", [0.3, 0.6, 0.1], 0.9),
    weighted_case("mixed-types", [1, F(1, 2), Decimal("0.25"), 0.25, 0], 1),
    weighted_case("majority", [1, 1, 1, 1], pi.MAJORITY, wins=share_wins([1] * 4, F(1, 2), True)),
    weighted_case("two-thirds", [3, 2, 2, 1, 1], pi.share("2/3"),
                  wins=share_wins([3, 2, 2, 1, 1], F(2, 3), False)),
    weighted_case("65-percent", [40, 30, 20, 10], pi.share("65%"),
                  wins=share_wins([40, 30, 20, 10], F(13, 20), False)),
    weighted_case("strict-half-odd", [5, 4, 3, 2, 1], pi.share("1/2", strict=True),
                  wins=share_wins([5, 4, 3, 2, 1], F(1, 2), True)),
]


def random_weighted_case(seed):
    """A seeded random weighted game with 1 + seed % 12 players, some weights possibly 0."""
    rng = random.Random(seed)
    n = 1 + seed % 12
    weights = [rng.choice([0, 1, 1, 2, 3, 5, 8, 13, rng.randint(0, 40)]) for _ in range(n)]
    if sum(weights) == 0:
        weights[rng.randrange(n)] = rng.randint(1, 9)
    quota = rng.randint(1, sum(weights))
    players = [f"v{i}" for i in range(n)] if seed % 2 else None
    return weighted_case(f"random-weighted-{seed}-n{n}", weights, quota, players)


RANDOM_WEIGHTED = [random_weighted_case(seed) for seed in range(36)]


def random_generators(rng, players):
    """A few random non-empty coalitions (their upward closure is a monotone game)."""
    k = rng.randint(1, 5)
    return [frozenset(rng.sample(players, rng.randint(1, len(players)))) for _ in range(k)]


def upward_closure(generators):
    """The predicate 'contains one of the generators'."""
    return lambda s: any(g <= s for g in generators)


def mwc_list_case(seed):
    """A SimpleGame given by a random list of coalitions (not necessarily minimal)."""
    rng = random.Random(1000 + seed)
    players = tuple(f"m{i}" for i in range(rng.randint(1, 8)))
    gens = random_generators(rng, list(players))
    as_lists = [sorted(g) for g in gens]
    return Case(f"simple-mwc-{seed}-n{len(players)}", players, memo(upward_closure(gens)),
                lambda: pi.SimpleGame(list(players), as_lists))


def callable_case(seed):
    """A SimpleGame given by a callable: 'contains a generator, or reaches a weight quota'."""
    rng = random.Random(2000 + seed)
    players = tuple(f"c{i}" for i in range(rng.randint(1, 8)))
    gens = random_generators(rng, list(players))
    weights = {p: rng.randint(0, 5) for p in players}
    quota = rng.randint(1, sum(weights.values()) + 3)

    def wins(s):
        return any(g <= s for g in gens) or sum(weights[p] for p in s) >= quota

    return Case(f"simple-callable-{seed}-n{len(players)}", players, memo(wins),
                lambda: pi.SimpleGame(list(players), wins))


def security_council_case():
    """A small security council: all of 3 permanent members and at least 4 members in all."""
    players = ("P", "Q", "R", "e1", "e2", "e3", "e4", "e5")
    perm = frozenset("PQR")

    def wins(s):
        return perm <= s and len(s) >= 5

    return Case("security-council", players, memo(wins),
                lambda: pi.SimpleGame(list(players), wins))


def two_pairs_case():
    """MWCs {A,B} and {C,D}: a classic simple game that is not weighted."""
    players = ("A", "B", "C", "D")
    gens = [frozenset("AB"), frozenset("CD")]
    return Case("two-pairs", players, memo(upward_closure(gens)),
                lambda: pi.SimpleGame(list(players), [["A", "B"], ["C", "D"]]))


SIMPLE = (
    [mwc_list_case(seed) for seed in range(12)]
    + [callable_case(seed) for seed in range(8)]
    + [security_council_case(), two_pairs_case()]
)


def random_weights(rng, n):
    """n random weights in 0..9, not all zero, and a random quota."""
    weights = [rng.randint(0, 9) for _ in range(n)]
    weights[rng.randrange(n)] += 1
    return weights, rng.randint(1, sum(weights))


def composed_case(seed, op, reverse=False):
    """g1 & g2 or g1 | g2 of two random weighted games on the same players.

    With reverse=True, g2 lists the players (and weights) in the opposite order.
    """
    rng = random.Random(3000 + seed)
    n = rng.randint(1, 8)
    players = [f"w{i}" for i in range(n)]
    (w1, q1), (w2, q2) = random_weights(rng, n), random_weights(rng, n)
    b1, b2 = brute.weighted(w1, q1, players), brute.weighted(w2, q2, players)
    if op == "&":
        wins = lambda s: b1(s) and b2(s)  # noqa: E731
    else:
        wins = lambda s: b1(s) or b2(s)  # noqa: E731

    def build():
        g1 = pi.WeightedGame(w1, q1, players=players)
        if reverse:
            g2 = pi.WeightedGame(w2[::-1], q2, players=players[::-1])
        else:
            g2 = pi.WeightedGame(w2, q2, players=players)
        return g1 & g2 if op == "&" else g1 | g2

    name = ("and" if op == "&" else "or") + ("-reversed" if reverse else "")
    return Case(f"composed-{name}-{seed}-n{n}", tuple(players), memo(wins), build)


def nested_case(seed):
    """(g1 & g2) | g3 of three random weighted games."""
    rng = random.Random(4000 + seed)
    n = rng.randint(2, 8)
    players = [f"x{i}" for i in range(n)]
    specs = [random_weights(rng, n) for _ in range(3)]
    b1, b2, b3 = (brute.weighted(w, q, players) for w, q in specs)

    def build():
        g1, g2, g3 = (pi.WeightedGame(w, q, players=players) for w, q in specs)
        return (g1 & g2) | g3

    return Case(f"composed-nested-{seed}-n{n}", tuple(players),
                memo(lambda s: (b1(s) and b2(s)) or b3(s)), build)


COMPOSED = (
    [composed_case(seed, op) for seed in range(6) for op in ("&", "|")]
    + [composed_case(seed, op, reverse=True) for seed in (6, 7) for op in ("&", "|")]
    + [nested_case(seed) for seed in range(3)]
)

ALL_CASES = FIXED + RANDOM_WEIGHTED + SIMPLE + COMPOSED
WEIGHTED_CASES = FIXED + RANDOM_WEIGHTED


@cache
def reference(case):
    """All brute-force index values of a case (computed once per case)."""
    players, wins = list(case.players), case.wins
    values = brute.all_indices(players, wins)
    values["coleman_collectivity"] = brute.coleman_collectivity(players, wins)
    return values


def case_params(cases):
    """pytest params with readable ids."""
    return [pytest.param(c, id=c.id) for c in cases]


@pytest.mark.parametrize("name", INDEX_NAMES)
@pytest.mark.parametrize("case", case_params(ALL_CASES))
def test_index_matches_brute_force(case, name):
    """Each applicable method gives exactly the brute-force value; other methods are refused."""
    game = case.game()
    expected = reference(case)[name]
    weighted = isinstance(game, pi.WeightedGame)
    composed = isinstance(game, pi.CompositeGame) and all(
        isinstance(g, pi.WeightedGame) for g in game.components)
    if weighted:
        applicable = WEIGHTED_METHODS[name]
    elif composed and WEIGHTED_METHODS[name] == COUNTING:
        applicable = COUNTING  # generating functions for compositions of weighted games
    else:
        applicable = SIMPLE_METHODS
    for method in METHODS:
        if method not in applicable:
            with pytest.raises(pi.InvalidMethodError):
                compute(name, game, method)
            continue
        result = compute(name, game, method)
        if name == "coleman_collectivity":
            assert result == expected, method
            continue
        assert list(result) == list(case.players), method
        assert dict(result) == expected, method
        assert result.game is game and result.method in applicable - {"auto"}, method
        assert method == "auto" or result.method == method


@pytest.mark.parametrize("case", case_params(WEIGHTED_CASES))
def test_weighted_cases_are_weighted_games(case):
    """Every weighted case builds a pi.WeightedGame (so the weighted-only methods must apply)."""
    assert isinstance(case.game(), pi.WeightedGame)


@pytest.mark.parametrize("case", case_params(c for c in ALL_CASES if len(c.players) <= 8))
def test_shapley_shubik_matches_permutation_count(case):
    """Shapley-Shubik equals the share of the n! orderings where each player is pivotal."""
    expected = brute.shapley_shubik_permutations(list(case.players), case.wins)
    assert dict(pi.shapley_shubik(case.game())) == expected


@pytest.mark.parametrize("name", INDEX_NAMES)
def test_unknown_method_is_rejected(name):
    """A method name that does not exist raises pi.InvalidMethodError."""
    with pytest.raises(pi.InvalidMethodError):
        compute(name, FIXED[0].game(), "no-such-method")


@pytest.mark.parametrize("name", [n for n in INDEX_NAMES if n != "swings"])
def test_values_are_fractions(name):
    """Index values are exact Fractions (swings: ints)."""
    game = FIXED[2].game()
    result = compute(name, game, "auto")
    values = [result] if name == "coleman_collectivity" else list(result.values())
    assert all(isinstance(v, F) for v in values)


def test_swings_are_ints():
    """swings() returns plain ints."""
    assert all(type(v) is int for v in pi.swings(FIXED[2].game()).values())


def same_coalitions(got, expected):
    """got is a duplicate-free list of frozensets equal, as a set, to expected."""
    assert all(isinstance(c, frozenset) for c in got)
    assert len(got) == len(set(got))
    assert set(got) == set(expected)


@pytest.mark.parametrize("case", case_params(ALL_CASES))
def test_is_winning_matches_brute_force(case):
    """g.is_winning agrees with the brute-force predicate on every coalition."""
    game = case.game()
    for s in brute.all_coalitions(list(case.players)):
        assert game.is_winning(s) == case.wins(s), sorted(s)


@pytest.mark.parametrize("case", case_params(ALL_CASES))
def test_winning_and_minimal_winning_coalitions(case):
    """winning_coalitions and minimal_winning_coalitions equal the brute-force sets."""
    game, players = case.game(), list(case.players)
    same_coalitions(pi.winning_coalitions(game), brute.winning_coalitions(players, case.wins))
    same_coalitions(pi.minimal_winning_coalitions(game),
                    brute.minimal_winning_coalitions(players, case.wins))


@pytest.mark.parametrize("case", case_params(ALL_CASES))
def test_minimum_size_winning_coalitions(case):
    """minimum_size_winning_coalitions equals the brute-force set."""
    same_coalitions(pi.minimum_size_winning_coalitions(case.game()),
                    brute.minimum_size_winning_coalitions(list(case.players), case.wins))


@pytest.mark.parametrize("case", case_params(WEIGHTED_CASES))
def test_minimum_weight_winning_coalitions(case):
    """minimum_weight_winning_coalitions equals the brute-force set (minimal, least weight)."""
    expected = brute.minimum_weight_winning_coalitions(list(case.players), case.wins,
                                                       case.weights)
    same_coalitions(pi.minimum_weight_winning_coalitions(case.game()), expected)


@pytest.mark.parametrize("case", case_params(SIMPLE + COMPOSED[:2]))
def test_minimum_weight_needs_a_weighted_game(case):
    """minimum_weight_winning_coalitions refuses a game without weights."""
    with pytest.raises(pi.PowerIndexError):
        pi.minimum_weight_winning_coalitions(case.game())


@pytest.mark.parametrize("case", case_params(ALL_CASES))
def test_swing_coalitions(case):
    """swing_coalitions(g, p) equals the brute-force set for every player p."""
    game, players = case.game(), list(case.players)
    for p in players:
        same_coalitions(pi.swing_coalitions(game, p), brute.swing_coalitions(players, case.wins, p))


@pytest.mark.parametrize("case", case_params(ALL_CASES))
def test_veto_players_and_dummies(case):
    """veto_players and dummies are tuples holding exactly the brute-force players."""
    game, players = case.game(), list(case.players)
    assert isinstance(game.veto_players, tuple) and isinstance(game.dummies, tuple)
    assert sorted(game.veto_players) == sorted(brute.veto_players(players, case.wins))
    assert sorted(game.dummies) == sorted(brute.dummies(players, case.wins))


@pytest.mark.parametrize("case", case_params(ALL_CASES))
def test_proper_strong_decisive(case):
    """is_proper, is_strong and is_decisive agree with brute force."""
    game, players = case.game(), list(case.players)
    assert game.is_proper == brute.is_proper(players, case.wins)
    assert game.is_strong == brute.is_strong(players, case.wins)
    assert game.is_decisive == brute.is_decisive(players, case.wins)


@pytest.mark.parametrize("case", case_params(WEIGHTED_CASES))
def test_improper_warning_iff_improper(case):
    """A WeightedGame warns ImproperGameWarning exactly when brute force finds it improper."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        case.build()
    warned = any(issubclass(w.category, pi.ImproperGameWarning) for w in caught)
    assert warned == (not brute.is_proper(list(case.players), case.wins))
