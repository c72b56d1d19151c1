"""Equivalent weighted representations of a game with the least total integer weight.

Many weight vectors describe the same weighted game: ``[51; 49, 48, 3]`` and ``[2; 1, 1, 1]``
have exactly the same winning coalitions. :func:`minimum_sum_representation` finds, among all
non-negative integer weights and quotas that give the same winning coalitions, one whose total
weight is least (and, among those, whose quota is least). It also decides whether a simple game
is weighted at all.

Examples
--------
>>> import powerindex as pi
>>> from powerindex.games import minimum_sum_representation
>>> small = minimum_sum_representation(pi.WeightedGame([49, 48, 3], 51))
>>> small.weights, small.quota
((1, 1, 1), 2)
"""

import numpy as np

from .._engines.enumeration import MAX_PLAYERS, _pairs
from ..errors import GameTooLargeError, InvalidGameError, InvalidTypeError, PowerIndexError
from .base import Game
from .weighted import _quiet_weighted

__all__ = ["minimum_sum_representation"]

#: Refuse integer programs with more rows (minimal winning plus maximal losing coalitions).
MAX_CONSTRAINTS = 200_000


def _check_game(game):
    if not isinstance(game, Game):
        raise InvalidTypeError(
            f"minimum_sum_representation needs a game, got {type(game).__name__}"
        )
    if game.n > MAX_PLAYERS:
        raise GameTooLargeError(
            f"minimum_sum_representation enumerates all 2**{game.n} coalitions; it handles at"
            f" most {MAX_PLAYERS} players"
        )


def _minimal_winning_masks(table, n):
    """Winning coalitions that lose without any one of their members."""
    minimal = table.copy()
    for i in range(n):
        without, with_i = _pairs(minimal, i)
        table_without, _ = _pairs(table, i)
        with_i &= ~table_without
    return np.flatnonzero(minimal)


def _maximal_losing_masks(table, n):
    """Losing coalitions that win when any absent player joins."""
    maximal = ~table
    for i in range(n):
        without, _ = _pairs(maximal, i)
        _, table_with_i = _pairs(table, i)
        without &= table_with_i
    return np.flatnonzero(maximal)


def _membership(masks, n):
    """0/1 matrix: row k has a 1 in column i when player i belongs to coalition masks[k]."""
    masks = np.asarray(masks, dtype=np.int64)
    return ((masks[:, None] >> np.arange(n, dtype=np.int64)) & 1).astype(np.float64)


def _solve(objective, constraints, bounds, game):
    from scipy.optimize import milp

    result = milp(objective, constraints=constraints, integrality=np.ones(len(objective)),
                  bounds=bounds)
    if result.status == 2:
        raise InvalidGameError(
            f"{type(game).__name__} on players {list(game.players)} is not a weighted game:"
            " no weights and quota represent it"
        )
    if result.status != 0 or result.x is None:
        raise PowerIndexError(
            f"the integer program for the minimum sum representation failed: {result.message}"
        )
    return [int(round(value)) for value in result.x]


def minimum_sum_representation(game):
    """An equivalent weighted game with the least total integer weight.

    Among all non-negative integer weights ``w`` and positive integer quotas ``q`` such that
    ``[q; w]`` has exactly the winning coalitions of ``game``, returns one with the least
    total weight; among those, one with the least quota.

    Parameters
    ----------
    game : Game
        A weighted game, or any simple game (then it is tested for being weighted).

    Returns
    -------
    WeightedGame
        A new game on the same players, in the same order, with integer weights and quota.

    Raises
    ------
    InvalidGameError
        ``game`` is not weighted: no weights and quota give its winning coalitions.
    GameTooLargeError
        More than 26 players, or more than 200,000 minimal winning and maximal losing
        coalitions together.
    InvalidTypeError
        ``game`` is not a game.
    PowerIndexError
        The integer-programming solver failed (for instance on a huge instance).

    Notes
    -----
    An integer linear program solved by HiGHS through ``scipy.optimize.milp``: variables
    ``w_1, ..., w_n >= 0`` and ``q >= 1``, one constraint ``w(S) >= q`` for every minimal
    winning coalition S and ``w(T) <= q - 1`` for every maximal losing coalition T. By
    monotonicity these imply the same for every winning and losing coalition. The total
    weight is minimised first; then, with the total fixed, the quota. The solver works in
    floating point, so the rounded answer is checked exactly against the game's winning table.
    A game is weighted exactly when the program is feasible (a real representation can be
    scaled and made rational), so infeasibility proves the game is not weighted.

    Finding the coalitions enumerates all 2**n coalitions: O(n 2**n) time; the integer
    program is NP-hard in general, but small for the games this handles in practice.
    Minimum sum representations are studied in [1]_ and [2]_. No symmetry is imposed:
    averaging the weights of two equivalent players keeps a representation valid with the
    same total, but may leave the integers, so equal weights for equivalent players are not
    assumed (the solver may give them different weights).

    References
    ----------
    .. [1] J. Freixas and X. Molinero, "On the existence of a minimum integer representation
       for weighted voting systems", *Annals of Operations Research* 166 (2009) 243-260.
    .. [2] S. Kurz, "On minimum sum representations for weighted voting games", *Annals of
       Operations Research* 196 (2012) 361-369.

    Examples
    --------
    The EEC Council of Ministers of 1958: Luxembourg is a dummy and gets weight 0.

    >>> import powerindex as pi
    >>> from powerindex.games import minimum_sum_representation
    >>> eec = pi.WeightedGame([4, 4, 4, 2, 2, 1], 12,
    ...                       players=["FR", "DE", "IT", "BE", "NL", "LU"])
    >>> small = minimum_sum_representation(eec)
    >>> small.weights, small.quota
    ((2, 2, 2, 1, 1, 0), 6)
    >>> pi.shapley_shubik(small) == pi.shapley_shubik(eec)
    True

    A simple game that is weighted, and one that is not:

    >>> veto = pi.SimpleGame(["A", "B", "C"], [{"A", "B"}, {"A", "C"}])
    >>> g = minimum_sum_representation(veto)
    >>> g.weights, g.quota
    ((2, 1, 1), 3)
    >>> two_pairs = pi.SimpleGame(["A", "B", "C", "D"], [{"A", "B"}, {"C", "D"}])
    >>> minimum_sum_representation(two_pairs)
    Traceback (most recent call last):
    ...
    powerindex.errors.InvalidGameError: SimpleGame on players ['A', 'B', 'C', 'D'] is not a \
weighted game: no weights and quota represent it
    """
    # scipy's integer programming is imported here, not with the package: it is the
    # slowest import of all and only this function needs it.
    from scipy.optimize import Bounds, LinearConstraint
    from scipy.sparse import csr_array

    _check_game(game)
    n = game.n
    table = np.asarray(game._winning_table(), dtype=bool)
    winning = _minimal_winning_masks(table, n)
    losing = _maximal_losing_masks(table, n)
    if len(winning) + len(losing) > MAX_CONSTRAINTS:
        raise GameTooLargeError(
            f"the game has {len(winning)} minimal winning and {len(losing)} maximal losing"
            f" coalitions; minimum_sum_representation handles at most {MAX_CONSTRAINTS}"
            " together"
        )
    # Columns: w_1 .. w_n, then q.
    rows = np.vstack([
        np.hstack([_membership(winning, n), -np.ones((len(winning), 1))]),
        np.hstack([_membership(losing, n), -np.ones((len(losing), 1))]),
    ])
    lower = np.concatenate([np.zeros(len(winning)), np.full(len(losing), -np.inf)])
    upper = np.concatenate([np.full(len(winning), np.inf), np.full(len(losing), -1.0)])
    coalitions = LinearConstraint(csr_array(rows), lower, upper)
    bounds = Bounds(np.concatenate([np.zeros(n), [1.0]]), np.full(n + 1, np.inf))

    total_weight = np.concatenate([np.ones(n), [0.0]])
    first = _solve(total_weight, [coalitions], bounds, game)
    least_total = sum(first[:n])
    fixed_total = LinearConstraint(total_weight[None, :], least_total, least_total)
    quota_only = np.concatenate([np.zeros(n), [1.0]])
    second = _solve(quota_only, [coalitions, fixed_total], bounds, game)
    weights, quota = second[:n], second[n]

    result = _quiet_weighted(weights, quota, game.players)
    if not np.array_equal(np.asarray(result._winning_table(), dtype=bool), table):
        raise PowerIndexError(
            f"internal error: the representation [{quota}; {weights}] found by the integer"
            " program does not give the same winning coalitions; please report it"
        )
    return result
