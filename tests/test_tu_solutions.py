"""Set-valued and other solutions of TU games: core, least core, prenucleolus, kernel,
Weber set, tau value, and the properties superadditive, convex, balanced.

Three kinds of checks: published examples (the source named in each test), independent
brute force (core vertices from every system of tight constraints), and properties
(hypothesis) that tie the solutions to each other.
"""

import itertools
import math
import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tu_games import issue_game

import powerindex as pi
from powerindex.tu import core as core_module
from powerindex.tu._rational import solve_exact
from powerindex.tu.weber import _inside_hull

F = Fraction


def gloves():
    return pi.TUGame(["L", "R1", "R2"], lambda s: min(len(s & {"L"}), len(s & {"R1", "R2"})))


def majority():
    return pi.TUGame(["A", "B", "C"], lambda s: int(len(s) >= 2))


def bankruptcy(estate, claims):
    """v(S) = max(0, E - claims of the others) (O'Neill 1982; Aumann and Maschler 1985)."""
    return pi.TUGame(list(claims), lambda s: max(0, estate - sum(
        c for p, c in claims.items() if p not in s)))


# -- published examples ---------------------------------------------------------------------------
def test_three_player_majority_game_least_core():
    """Maschler, Peleg and Shapley (1979): the least core of the three-player majority game
    is the point (1/3, 1/3, 1/3) at eps = 1/3; its core is empty."""
    least = pi.least_core(majority())
    assert least.epsilon == F(1, 3)
    assert least.point.to_dict() == {"A": F(1, 3), "B": F(1, 3), "C": F(1, 3)}
    assert pi.core_vertices(majority()) == []
    assert not pi.is_balanced(majority())
    with pytest.raises(pi.InvalidGameError, match="not quasi-balanced"):
        pi.tau_value(majority())


def test_glove_game():
    """Shapley and Shubik (1969), market games: one left glove, two right ones; the core is
    the single point giving the pair's worth to the scarce side."""
    game = gloves()
    assert [v.to_dict() for v in pi.core_vertices(game)] == [{"L": 1, "R1": 0, "R2": 0}]
    assert pi.in_core(game, {"L": 1, "R1": 0, "R2": 0})
    assert not pi.in_core(game, [F(1, 2), F(1, 4), F(1, 4)])
    assert pi.is_balanced(game) and pi.is_superadditive(game) and not pi.is_convex(game)
    assert pi.least_core(game).epsilon == 0
    assert pi.kernel_point(game).to_dict() == {"L": 1, "R1": 0, "R2": 0}
    assert pi.tau_value(game).to_dict() == {"L": 1, "R1": 0, "R2": 0}


def test_talmud_bankruptcy_game():
    """Aumann and Maschler (1985): the nucleolus of the bankruptcy game with estate 200 and
    claims 100, 200, 300 is the Talmud's (50, 75, 75). Curiel, Maschler and Tijs (1987,
    "Bankruptcy games", Zeitschrift fuer Operations Research 31, A143-A159): bankruptcy
    games are convex, and their tau value is the adjusted proportional rule, here
    200 * (100, 200, 200) / 500 = (40, 80, 80)."""
    game = bankruptcy(200, {"a": 100, "b": 200, "c": 300})
    assert pi.is_convex(game)
    assert pi.tau_value(game).to_dict() == {"a": 40, "b": 80, "c": 80}
    talmud = pi.nucleolus(game)
    assert talmud.to_dict() == {"a": 50, "b": 75, "c": 75}
    assert pi.in_kernel(game, talmud) and pi.in_core(game, talmud)
    assert pi.prenucleolus(game).to_dict() == talmud.to_dict()


def test_two_player_games_give_the_standard_solution():
    """Tijs (1981) and Maschler, Peleg and Shapley (1979): for two players the tau value
    and the prenucleolus both split the surplus v(12) - v(1) - v(2) equally."""
    game = pi.TUGame(["a", "b"], {("a",): 1, ("b",): 0, ("a", "b"): 4})
    standard = {"a": F(5, 2), "b": F(3, 2)}
    assert pi.tau_value(game).to_dict() == standard
    assert pi.prenucleolus(game).to_dict() == standard
    assert pi.least_core(game).epsilon == F(-3, 2)


def test_the_prenucleolus_leaves_the_imputations_when_the_game_is_not_zero_monotonic():
    game = pi.TUGame(["A", "B"], {("A",): 3, ("B",): 0, ("A", "B"): 1})
    pre = pi.prenucleolus(game)
    assert pre.to_dict() == {"A": 2, "B": -1}
    assert pi.in_prekernel(game, pre) and not pi.in_prekernel(game, [3, -2])
    with pytest.raises(pi.InvalidGameError, match="no imputation"):
        pi.nucleolus(game)


def test_a_weighted_game_through_its_characteristic_function():
    """The parliament side: the nucleolus and the least core of a weighted game, beside
    its power indices (Iraq 2010, 163 of 325)."""
    iraq = pi.WeightedGame([91, 89, 70, 57, 18], 163,
                           players=["Iraqiya", "SoL", "INA", "Kurds", "Small"])
    least = pi.least_core(iraq)
    assert least.epsilon > 0  # no core: a majority game without a veto player
    assert sum(least.point.values()) == 1
    nucleolus = pi.nucleolus(iraq)
    assert sum(nucleolus.values()) == 1
    assert pi.in_kernel(iraq, nucleolus)
    assert not pi.is_balanced(iraq)


# -- brute force -----------------------------------------------------------------------------------
def _brute_core_vertices(game):
    """Every point where n independent constraints (efficiency and n - 1 coalitions) are
    tight and every constraint holds: the vertices, by enumeration."""
    n, players = game.n, game.players
    full = (1 << n) - 1
    worth = [game._worth(m) for m in range(1 << n)]
    rows = [[(m >> i) & 1 for i in range(n)] for m in range(1, full)]
    found = set()
    for chosen in itertools.combinations(range(1, full), n - 1):
        system = [[1] * n] + [rows[m - 1] for m in chosen]
        rhs = [worth[full]] + [worth[m] for m in chosen]
        solution, rank = solve_exact(system, rhs)
        if solution is None or rank < n:
            continue
        if all(sum(solution[i] for i in range(n) if m >> i & 1) >= worth[m]
               for m in range(1, full)):
            found.add(tuple(solution))
    return sorted(found), players


@st.composite
def small_games(draw, low=2, high=4):
    n = draw(st.integers(low, high))
    players = [f"p{i}" for i in range(n)]
    worths = {m: draw(st.integers(-3, 12)) for m in range(1, 1 << n)}
    worths[(1 << n) - 1] = draw(st.integers(0, 30))
    return pi.TUGame(players, lambda s: worths[sum(1 << players.index(p) for p in s)]
                     if s else 0)


@settings(max_examples=60)
@given(game=small_games())
def test_core_vertices_agree_with_brute_force(game):
    expected, _ = _brute_core_vertices(game)
    got = [tuple(v.values()) for v in pi.core_vertices(game)]
    assert got == expected
    assert pi.is_balanced(game) == bool(expected)
    assert all(pi.in_core(game, v) for v in pi.core_vertices(game))


def test_the_guides_water_plant_and_cost_games_by_brute_force():
    """The core vertices shown in docs/guide.md and docs/cli.md, by enumeration."""
    guide = pi.TUGame(["A", "B", "C"], {("A", "B"): 60, ("A", "C"): 60, ("A", "B", "C"): 72},
                      default=0)
    plant = pi.TUGame(["A", "B", "C"], {("A", "B"): 60, ("A", "C"): 60, ("B", "C"): 30,
                                        ("A", "B", "C"): 90}, default=0)
    for game, shown in ((guide, [(48, 12, 12), (60, 0, 12), (60, 12, 0), (72, 0, 0)]),
                        (plant, [(30, 30, 30), (60, 0, 30), (60, 30, 0)])):
        expected, _ = _brute_core_vertices(game)
        assert expected == [tuple(F(x) for x in v) for v in shown]
        assert [tuple(v.values()) for v in pi.core_vertices(game)] == expected


def test_convex_games_by_double_description_give_the_marginal_vectors(monkeypatch):
    """Shapley (1971): a convex game's core vertices are its marginal vectors. The double
    description route (with the convex shortcut switched off) must find exactly them."""
    rng = random.Random(5)
    for n in (3, 4, 5):
        players = [f"p{i}" for i in range(n)]
        weight = dict(zip(players, [rng.randint(1, 5) for _ in players], strict=True))
        game = pi.TUGame(players, lambda s, w=weight: sum(w[p] for p in s) ** 2)
        assert pi.is_convex(game)
        marginal = [tuple(v.values()) for v in pi.marginal_vectors(game)]
        monkeypatch.setattr(core_module, "is_convex", lambda g: False)
        assert [tuple(v.values()) for v in pi.core_vertices(game)] == marginal
        monkeypatch.undo()
        assert len(pi.weber_set(game)) == len(marginal)


# -- properties ------------------------------------------------------------------------------------
@settings(max_examples=40)
@given(game=small_games(3, 5))
def test_the_nucleolus_is_in_the_kernel_and_in_a_non_empty_core(game):
    try:
        nucleolus = pi.nucleolus(game)
    except pi.InvalidGameError:  # no imputation
        return
    assert pi.in_kernel(game, nucleolus)
    if pi.is_balanced(game):
        assert pi.in_core(game, nucleolus)


@settings(max_examples=40)
@given(game=small_games(2, 5))
def test_the_prenucleolus_is_in_the_prekernel_and_the_least_core(game):
    least = pi.least_core(game)
    pre = pi.prenucleolus(game)
    assert least.point.to_dict() == pre.to_dict()
    assert pi.in_prekernel(game, pre)
    excess, denominator = core_module.excesses(game, list(pre.values()))
    assert max(excess[1:-1]) == least.epsilon * denominator  # its largest excess is eps


@settings(max_examples=40)
@given(game=small_games(2, 4))
def test_the_core_lies_in_the_weber_set(game):
    marginal = [tuple(v.values()) for v in pi.marginal_vectors(game)]
    for vertex in pi.core_vertices(game):
        point = tuple(vertex.values())
        assert point in marginal or _inside_hull(point, marginal)


def _superadditive(draw_worths, n):
    """Close a random game under superadditivity: v(S) = max over splits."""
    v = dict(draw_worths)
    for m in sorted(range(1, 1 << n), key=int.bit_count):
        s = (m - 1) & m
        while s:
            v[m] = max(v[m], v[s] + v[m & ~s])
            s = (s - 1) & m
    return v


@settings(max_examples=40)
@given(n=st.integers(2, 5), seed=st.integers(0, 10**6))
def test_prenucleolus_is_the_nucleolus_of_superadditive_games(n, seed):
    rng = random.Random(seed)
    players = [f"p{i}" for i in range(n)]
    v = _superadditive({m: rng.randint(0, 10) for m in range(1, 1 << n)}, n)
    game = pi.TUGame(players, lambda s: v[sum(1 << players.index(p) for p in s)] if s else 0)
    assert pi.is_superadditive(game)
    assert pi.prenucleolus(game).to_dict() == pi.nucleolus(game).to_dict()


@settings(max_examples=40)
@given(n=st.integers(2, 6), seed=st.integers(0, 10**6))
def test_convex_games_are_superadditive_balanced_and_have_an_efficient_tau_value(n, seed):
    rng = random.Random(seed)
    players = [f"p{i}" for i in range(n)]
    weights = [rng.randint(0, 6) for _ in players]
    power = rng.choice([2, 3])
    game = pi.TUGame(players, lambda s: sum(weights[players.index(p)] for p in s) ** power)
    assert pi.is_convex(game) and pi.is_superadditive(game) and pi.is_balanced(game)
    tau = pi.tau_value(game)
    assert sum(tau.values()) == game.value(players)
    assert pi.in_core(game, pi.shapley_value(game))  # Shapley (1971): in the core


def test_properties_on_simple_games():
    """A weighted majority game is superadditive exactly when proper; convex when it is
    the unanimity game of its veto players."""
    proper = pi.WeightedGame([3, 2, 2], 4)
    assert pi.is_superadditive(proper) and not pi.is_convex(proper)
    unanimity = pi.WeightedGame([1, 1, 1], 3)
    assert pi.is_convex(unanimity)
    with pytest.warns(pi.ImproperGameWarning):
        improper = pi.WeightedGame([1, 1, 1, 1], 2)
    assert not pi.is_superadditive(improper)


def test_marginal_vectors_average_to_the_shapley_value():
    game = bankruptcy(200, {"a": 100, "b": 200, "c": 300})
    orders = math.factorial(game.n)
    # every order's vector, with repetitions: the distinct ones weighted by their count
    total = {p: F(0) for p in game.players}
    for order in itertools.permutations(game.players):
        before = set()
        for p in order:
            total[p] += game.value(before | {p}) - game.value(before)
            before.add(p)
    assert {p: t / orders for p, t in total.items()} == pi.shapley_value(game).to_dict()
    assert len(pi.marginal_vectors(game)) <= orders


# -- input errors and limits -----------------------------------------------------------------------
@pytest.mark.parametrize(("allocation", "error", "message"), [
    ([1, 0], pi.InvalidArgumentError, "2 shares for 3 players"),
    ({"L": 1, "R1": 0}, pi.InvalidArgumentError, "nothing for 'R2'"),
    ({"L": 1, "R1": 0, "R2": 0, "X": 0}, pi.UnknownPlayerError, "'X'"),
    ([1, "zero", 0], pi.InvalidTypeError, "share of 'R1'"),
    ([1, float("nan"), 0], pi.InvalidArgumentError, "finite"),
    ("L", pi.InvalidTypeError, "mapping player -> share"),
])
def test_bad_allocations_are_named(allocation, error, message):
    for function in (pi.in_core, pi.in_kernel, pi.in_prekernel, pi.maximum_surpluses):
        with pytest.raises(error, match=message):
            function(gloves(), allocation)


def test_allocations_are_read_exactly_and_left_alone():
    allocation = {"L": 0.1, "R1": 0.45, "R2": 0.45}
    saved = dict(allocation)
    assert not pi.in_core(gloves(), allocation)
    assert allocation == saved
    surplus = pi.maximum_surpluses(gloves(), allocation)
    assert surplus[("L", "R1")] == F(9, 20)  # {L, R2}: 1 - 0.1 - 0.45, exactly


def test_size_limits_are_stated():
    players = [f"p{i}" for i in range(10)]
    big = pi.TUGame(players, lambda s: len(s) ** 2)
    with pytest.raises(pi.GameTooLargeError, match="max_players"):
        pi.core_vertices(big)
    with pytest.raises(pi.GameTooLargeError, match="10! marginal vectors"):
        pi.marginal_vectors(big)
    with pytest.raises(pi.GameTooLargeError, match="marginal_vectors"):
        pi.weber_set(big)
    with pytest.raises(pi.GameTooLargeError, match="least core"):
        pi.least_core(big, max_players=5)
    with pytest.raises(pi.GameTooLargeError, match="prenucleolus"):
        pi.prenucleolus(big, max_players=5)
    with pytest.raises(pi.InvalidTypeError):
        pi.core_vertices({"a": 1})


def test_one_player_games():
    solo = pi.TUGame(["a"], {("a",): 5})
    assert pi.least_core(solo).epsilon == 0 and pi.least_core(solo).point["a"] == 5
    assert pi.prenucleolus(solo)["a"] == 5
    assert [v.to_dict() for v in pi.core_vertices(solo)] == [{"a": 5}]
    assert pi.tau_value(solo)["a"] == 5 and pi.is_convex(solo) and pi.is_superadditive(solo)
    assert repr(pi.least_core(solo)) == "<LeastCore epsilon=0 at {a: 5}>"


# -- the nucleolus by constraint generation, and games from a vector of worths -------------------
@pytest.mark.parametrize("n", [5, 8, 11])
def test_nucleolus_of_random_games_is_certified_and_in_the_kernel(n):
    """The LPs see only the coalitions they generate; the exact certificate covers all of
    them (a wrong point would raise NucleolusError), and the point is in the kernel."""
    for seed in range(3):
        game = issue_game(n, seed)
        nucleolus = pi.nucleolus(game)
        assert sum(nucleolus.values()) == game.value(game.players)
        assert pi.in_kernel(game, nucleolus)
        least = pi.least_core(game)
        assert pi.in_prekernel(game, least.point)


def test_a_game_from_a_vector_of_worths():
    import numpy as np

    game = pi.TUGame.from_worths(["A", "B", "C"], np.array([0, 0, 0, 1, 0, 1, 1, 1]))
    assert game == majority()
    assert pi.TUGame.from_worths(["a", "b"], [0, 0.1, F(1, 2), 1]).value({"a"}) == \
        F(1, 10)
    with pytest.raises(pi.InvalidGameError, match="4 coalitions"):
        pi.TUGame.from_worths(["a", "b"], [0, 1, 1])
    with pytest.raises(pi.InvalidGameError, match="empty coalition"):
        pi.TUGame.from_worths(["a", "b"], [1, 1, 1, 1])
    with pytest.raises(pi.InvalidTypeError, match=r"coalition \{'a'\}"):
        pi.TUGame.from_worths(["a", "b"], [0, "x", 1, 1])


# -- the nucleolus beside the power indices ----------------------------------------------------
def test_the_nucleolus_of_a_homogeneous_constant_sum_game_is_its_weights():
    """Peleg (1968, "On weights of constant-sum majority games", SIAM Journal on Applied
    Mathematics 16, 527-532): the nucleolus of a constant-sum homogeneous weighted majority
    game is its homogeneous representation, normalized. Iraq 2010 (163 of 325) is
    [4; 2, 2, 1, 1, 1]: total 7, quota 4."""
    iraq = pi.WeightedGame([91, 89, 70, 57, 18], 163,
                           players=["Iraqiya", "SoL", "INA", "Kurds", "Small"])
    assert iraq.is_decisive  # constant-sum: proper and strong
    expected = {"Iraqiya": F(2, 7), "SoL": F(2, 7), "INA": F(1, 7), "Kurds": F(1, 7),
                "Small": F(1, 7)}
    assert pi.nucleolus(iraq).to_dict() == expected
    table = pi.leverage(iraq, nucleolus=True)
    assert table.columns.index("nucleolus") == table.columns.index("Banzhaf") + 1
    assert dict(zip(table.column("player"), table.column("nucleolus"), strict=True)) == expected


def test_leverage_nucleolus_checks_and_limits(capsys):
    from powerindex.cli import main

    game = pi.WeightedGame([3, 2, 1], 4, players=["A", "B", "C"])
    assert "nucleolus" not in pi.leverage(game).columns
    with pytest.raises(pi.InvalidTypeError, match="nucleolus must be True or False"):
        pi.leverage(game, nucleolus="yes")
    with pytest.raises(pi.GameTooLargeError, match="max_players"):
        pi.leverage(pi.WeightedGame([1] * 19, 10), nucleolus=True)
    assert main(["leverage", "--quota", "4", "A=3", "B=2", "C=1", "--nucleolus",
                 "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert "nucleolus" in header.split(",")


def test_subset_sums_of_negative_integers_never_wrap():
    """The shares and utopia payoffs summed per coalition may be negative: the engine's
    subset sums choose machine integers only when no partial sum can pass 64 bits."""
    from powerindex._engines import enumeration

    values = [2**62, 2**62, -(2**63)]
    sums = enumeration.subset_sums(values)
    assert [int(s) for s in sums] == [sum(v for i, v in enumerate(values) if m >> i & 1)
                                      for m in range(8)]
    assert enumeration.subset_sums([3, -5, 7]).dtype == "int64"
