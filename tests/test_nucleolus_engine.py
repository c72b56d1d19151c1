"""The nucleolus engine: its quick paths against the slow ones, and an independent exact
reference.

The engine solves each stage's LP through scipy's HiGHS bindings (linprog as the
fallback), tests the span of the fixed coalitions with an integer basis of its orthogonal
complement, and solves the exact point and each dual certificate by a float guess checked
exactly (elimination as the fallback). Every quick path is checked here against its
fallback, and the nucleolus and prenucleolus of small games against an independent exact
method that uses no LP at all.
"""

import itertools
import random
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tu_games import issue_game

import powerindex as pi
from powerindex.tu import _nucleolus_lp, _stage_lp
from powerindex.tu._rational import rref, solve_by_floats, solve_exact

F = Fraction


def published_games():
    """Games with a known nucleolus: the glove game (Shapley and Shubik), the Talmud's
    estate of 200 (Aumann and Maschler 1985: 50, 75, 75), the three-player majority game
    (1/3 each) and a weighted majority game."""
    claims = {"a": 100, "b": 200, "c": 300}
    return [
        pi.TUGame(["L", "R1", "R2"], lambda s: min(len(s & {"L"}), len(s & {"R1", "R2"}))),
        pi.TUGame(list(claims), lambda s: max(0, 200 - sum(
            c for p, c in claims.items() if p not in s))),
        pi.TUGame(["A", "B", "C"], lambda s: int(len(s) >= 2)),
        pi.to_tu_game(pi.WeightedGame([5, 4, 3, 3, 2, 2, 1, 1, 1], 12)),
    ]


def all_games():
    return published_games() + [issue_game(n, seed) for n in (5, 7, 9) for seed in (0, 1)]


# -- quick paths against their fallbacks -------------------------------------------------------
def test_published_values():
    glove, talmud, majority, _ = published_games()
    assert pi.nucleolus(glove).to_dict() == {"L": 1, "R1": 0, "R2": 0}
    assert pi.nucleolus(talmud).to_dict() == {"a": 50, "b": 75, "c": 75}
    assert pi.nucleolus(majority).to_dict() == {p: F(1, 3) for p in "ABC"}
    # the brute-force reference below reproduces them too
    assert brute_force_nucleolus(glove) == [1, 0, 0]
    assert brute_force_nucleolus(talmud) == [50, 75, 75]
    assert brute_force_nucleolus(majority) == [F(1, 3)] * 3


def test_linprog_fallback_gives_the_same_points(monkeypatch):
    expected = [(pi.nucleolus(g).to_dict(), pi.prenucleolus(g).to_dict()) for g in all_games()]
    monkeypatch.setattr(_stage_lp, "_highs", None)
    assert isinstance(_stage_lp.stage_program(2, None, 1.0),
                      _stage_lp.LinprogProgram)
    got = [(pi.nucleolus(g).to_dict(), pi.prenucleolus(g).to_dict()) for g in all_games()]
    assert got == expected


def test_elimination_fallback_gives_the_same_points(monkeypatch):
    expected = [pi.nucleolus(g).to_dict() for g in all_games()]
    calls = []

    def refuse(coefficients, rhs):
        calls.append(len(coefficients))
        return None

    monkeypatch.setattr(_nucleolus_lp, "solve_by_floats", refuse)
    assert [pi.nucleolus(g).to_dict() for g in all_games()] == expected
    assert calls  # the quick path was asked, and the elimination answered instead


def test_a_wrong_guess_is_never_returned():
    """A singular or inconsistent system gives None, never a non-solution."""
    assert solve_by_floats([[1, 1], [1, 1]], [1, 1]) is None  # rank 1
    assert solve_by_floats([[1, 0], [0, 1], [1, 1]], [1, 1, 3]) is None  # inconsistent
    assert solve_by_floats([[1, 0], [0, 1], [1, 1]], [1, 2, 3]) == [1, 2]
    assert solve_by_floats([[2, 1], [1, 3]], [1, 0]) == [F(3, 5), F(-1, 5)]


@settings(max_examples=200)
@given(st.integers(1, 6), st.data())
def test_property_float_guesses_are_the_exact_solution_or_none(k, data):
    """Small integer systems: the guess finds the unique solution whenever there is one
    (the determinants are small), and gives None otherwise."""
    m = data.draw(st.integers(k, k + 3))
    rows = [[data.draw(st.integers(-1, 2)) for _ in range(k)] for _ in range(m)]
    if data.draw(st.booleans()):  # consistent: the right-hand side of an integer point
        point = [data.draw(st.integers(-20, 20)) for _ in range(k)]
        rhs = [sum(a * z for a, z in zip(row, point, strict=True)) for row in rows]
    else:
        rhs = [data.draw(st.integers(-50, 50)) for _ in range(m)]
    guess = solve_by_floats(rows, rhs)
    exact, rank = solve_exact(rows, rhs)
    if exact is not None and rank == k:
        assert guess == exact
    else:
        assert guess is None


@settings(max_examples=100)
@given(st.integers(2, 7), st.lists(st.integers(1, 126), min_size=1, max_size=10),
       st.booleans())
def test_property_the_span_test_agrees_with_elimination(n, masks, python_integers):
    """The orthogonal basis says a coalition is new exactly when it raises the rank of the
    grand coalition and the coalitions added before it (rank by exact elimination), in
    machine integers and in Python integers (the route for large entries)."""
    full = (1 << n) - 1
    masks = [m % full or 1 for m in masks]
    orthogonal = _nucleolus_lp._Orthogonal(n)
    if python_integers:
        orthogonal.columns = orthogonal.columns.astype(object)
    rows = [[1] * n]

    def vector(mask):
        return [(mask >> i) & 1 for i in range(n)]

    for mask in masks:
        before = len(rref(rows, n)[1])
        raises = len(rref(rows + [vector(mask)], n)[1]) > before
        everyone = np.arange(1, full)
        new = orthogonal.independent(everyone)
        expected = [len(rref(rows + [vector(int(m))], n)[1]) > before for m in everyone]
        assert new.tolist() == expected
        assert orthogonal.add(_nucleolus_lp._incidence(np.array([mask]), n)[0]) == raises
        if raises:
            rows.append(vector(mask))
    if python_integers:
        assert all(type(x) is int for x in orthogonal.columns.ravel())


# -- worths as an array --------------------------------------------------------------------------
def test_an_integer_array_of_worths_is_kept_without_python_calls():
    worths = np.array([0, 1, 2, 4, 3, 5, 6, 9], dtype=np.int32)
    game = pi.TUGame.from_worths(["A", "B", "C"], worths)
    assert game == pi.TUGame.from_worths(["A", "B", "C"], worths.tolist())
    assert game == pi.TUGame(["A", "B", "C"], dict(zip(
        [(), ("A",), ("B",), ("A", "B"), ("C",), ("A", "C"), ("B", "C"), ("A", "B", "C")],
        worths.tolist(), strict=True)))
    assert hash(game) == hash(pi.TUGame.from_worths(["A", "B", "C"], worths.tolist()))
    worths[7] = 100  # the game keeps its own copy
    assert game.value({"A", "B", "C"}) == 9
    unsigned = pi.TUGame.from_worths(["A", "B"], np.array([0, 1, 1, 3], dtype=np.uint8))
    assert pi.nucleolus(unsigned).to_dict() == {"A": F(3, 2), "B": F(3, 2)}
    with pytest.raises(pi.InvalidGameError, match="empty coalition must be 0, got 5"):
        pi.TUGame.from_worths(["A", "B"], np.array([5, 1, 1, 3]))


def test_worths_beyond_machine_integers_are_exact():
    big = 10**30
    worths = [0, 0, 0, 2 * big]
    game = pi.TUGame.from_worths(["A", "B"], np.array(worths, dtype=object))
    assert pi.nucleolus(game).to_dict() == {"A": big, "B": big}
    near = np.array([0, 0, 0, 2**62 - 2], dtype=np.uint64)  # int64 holds it, sums do not
    assert pi.nucleolus(pi.TUGame.from_worths(["A", "B"], near)).to_dict() == {
        "A": 2**61 - 1, "B": 2**61 - 1}


# -- an independent exact reference -------------------------------------------------------------
def brute_force_nucleolus(game, pre=False):
    """The (pre)nucleolus without LPs, exactly, for a few players.

    The nucleolus is the unique solution of x(N) = v(N), x_i = v({i}) for the lower bounds
    tight there, and x(S) = v(S) - eps_t for the coalitions fixed at stage t; eliminating
    each eps_t leaves n independent equations among x(N) = v(N), x_i = v({i}) and
    x(S) - x(T) = v(S) - v(T) (Maschler, Peleg and Shapley 1979, section 6). So it is among
    the points solving efficiency and n - 1 of the others; of those that are imputations
    (pre-imputations with ``pre``), it is the one whose excesses, sorted in decreasing
    order, are lexicographically smallest (Schmeidler 1969).
    """
    n = game.n
    full = (1 << n) - 1
    v = [game._worth(m) for m in range(1 << n)]

    def row(mask):
        return [(mask >> i) & 1 for i in range(n)]

    equations = [] if pre else [(row(1 << i), v[1 << i]) for i in range(n)]
    for s, t in itertools.combinations(range(1, full), 2):
        equations.append(([a - b for a, b in zip(row(s), row(t), strict=True)], v[s] - v[t]))
    best, point = None, None
    for chosen in itertools.combinations(equations, n - 1):
        system = [[1] * n] + [r for r, _ in chosen]
        solution, rank = solve_exact(system, [v[full]] + [b for _, b in chosen])
        if solution is None or rank < n:
            continue
        if not pre and any(solution[i] < v[1 << i] for i in range(n)):
            continue
        excesses = sorted((v[m] - sum(solution[i] for i in range(n) if m >> i & 1)
                           for m in range(1, full)), reverse=True)
        if best is None or excesses < best:
            best, point = excesses, solution
    return point


@st.composite
def tiny_games(draw):
    n = draw(st.integers(2, 3))
    worths = [0] + [draw(st.integers(-4, 12)) for _ in range((1 << n) - 1)]
    alone = sum(worths[1 << i] for i in range(n))
    worths[-1] = max(worths[-1], alone)  # imputations exist
    return pi.TUGame.from_worths([f"p{i}" for i in range(n)], worths)


@settings(max_examples=80)
@given(tiny_games())
def test_property_nucleolus_and_prenucleolus_match_the_brute_force(game):
    assert list(pi.nucleolus(game).values()) == brute_force_nucleolus(game)
    assert list(pi.prenucleolus(game).values()) == brute_force_nucleolus(game, pre=True)


def test_four_players_match_the_brute_force():
    """One game of four players (138,415 systems for the brute force, a few seconds)."""
    rng = random.Random(0)
    worths = [0] + [rng.randint(0, 9) for _ in range(14)] + [20]
    game = pi.TUGame.from_worths(["a", "b", "c", "d"], worths)
    assert list(pi.nucleolus(game).values()) == brute_force_nucleolus(game)
