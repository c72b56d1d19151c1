"""The Weber set of a TU game: its marginal vectors.

Players join one at a time in some order and each gets what it adds to the coalition of
those before it: a *marginal vector*. The Weber set is the convex hull of the n! marginal
vectors [1]_; it contains the core, and equals it exactly when the game is convex
(Shapley [2]_; Ichiishi [3]_). The Shapley value is the average of the marginal vectors.

References
----------
.. [1] R. J. Weber, "Probabilistic values for games", in A. E. Roth (ed.), The Shapley
   Value, Cambridge University Press, 1988, 101-119.
.. [2] L. S. Shapley, "Cores of convex games", International Journal of Game Theory 1
   (1971), 11-26. https://doi.org/10.1007/BF01753431
.. [3] T. Ichiishi, "Super-modularity: applications to convex games and the greedy
   algorithm for LP", Journal of Economic Theory 25(2) (1981), 283-286.
   https://doi.org/10.1016/0022-0531(81)90007-7
"""

from fractions import Fraction
from itertools import permutations

import numpy as np

from .._checks import check_whole
from ..errors import GameTooLargeError
from ..indices.results import PowerIndexResult
from .game import as_tu

__all__ = ["weber_set", "marginal_vectors", "WEBER_MAX_PLAYERS", "MARGINAL_MAX_PLAYERS"]

#: Default limit of :func:`marginal_vectors`: n! orders.
MARGINAL_MAX_PLAYERS = 9
#: Default limit of :func:`weber_set`: one linear program per distinct marginal vector.
WEBER_MAX_PLAYERS = 6


def marginal_vectors(game, *, max_players=MARGINAL_MAX_PLAYERS):
    """The distinct marginal vectors of the game, exact, in lexicographic order.

    Parameters
    ----------
    game : TUGame or Game
        A simple game is read as its TU game.
    max_players : int, optional
        Refuse games with more players (default 9: 362,880 orders).

    Returns
    -------
    list of PowerIndexResult
        One result per distinct vector (index ``"marginal_vector"``), exact Fractions
        summing to v(N). These are the vertices of the Weber set, possibly with some that
        lie inside it (all are vertices when the game is convex).

    Raises
    ------
    GameTooLargeError
        More than ``max_players`` players.

    Notes
    -----
    All n! orders at once in numpy: prefix unions of the order's players, their worths,
    differences. O(n n!) time and memory.

    Examples
    --------
    >>> import powerindex as pi
    >>> gloves = pi.TUGame(["L", "R1", "R2"],
    ...                    lambda s: min(len(s & {"L"}), len(s & {"R1", "R2"})))
    >>> [[int(x) for x in v.values()] for v in pi.marginal_vectors(gloves)]
    [[0, 0, 1], [0, 1, 0], [1, 0, 0]]
    """
    game = as_tu(game, "marginal_vectors")
    max_players = check_whole(max_players, "max_players", minimum=1)
    n = game.n
    if n > max_players:
        raise GameTooLargeError(
            f"the Weber set of {n} players has {n}! marginal vectors; at most {max_players}"
            " players by default (raise max_players= to try more)"
        )
    ints = game._int_list()
    worths = np.array(ints, dtype=np.int64 if max(map(abs, ints)) < 2**61 else object)
    orders = np.array(list(permutations(range(n))), dtype=np.int64).reshape(-1, n)
    prefixes = np.bitwise_or.accumulate(np.left_shift(1, orders), axis=1)
    reached = worths[prefixes]
    gains = np.diff(reached, axis=1, prepend=np.zeros((len(orders), 1), dtype=reached.dtype))
    vectors = np.empty_like(gains)
    vectors[np.arange(len(orders))[:, None], orders] = gains
    distinct = sorted({tuple(int(x) for x in row) for row in vectors})
    return [PowerIndexResult("marginal_vector", game,
                             {p: Fraction(x, game._scale) for p, x in zip(game.players, row,
                                                                          strict=True)},
                             "enumerate") for row in distinct]


def weber_set(game, *, max_players=WEBER_MAX_PLAYERS):
    """The vertices of the Weber set: the marginal vectors that are extreme points.

    Parameters
    ----------
    game : TUGame or Game
    max_players : int, optional
        Refuse games with more players (default 6: up to 720 vectors, one small LP each).

    Returns
    -------
    list of PowerIndexResult
        The extreme marginal vectors (index ``"marginal_vector"``), in lexicographic
        order. For a convex game these are the vertices of the core.

    Raises
    ------
    GameTooLargeError
        More than ``max_players`` players.

    Notes
    -----
    A marginal vector is dropped when it is a convex combination of the others, decided by
    a linear feasibility problem in floating point and checked exactly (the weights found
    are rounded to Fractions, renormalised and verified; a vector is kept unless an exact
    combination is verified). O(n n!) for the vectors, one LP per vector.

    Examples
    --------
    >>> import powerindex as pi
    >>> squares = pi.TUGame(["a", "b", "c"], lambda s: len(s) ** 2)
    >>> len(pi.weber_set(squares)), len(pi.core_vertices(squares))
    (6, 6)
    """
    game = as_tu(game, "weber_set")
    max_players = check_whole(max_players, "max_players", minimum=1)
    if game.n > max_players:
        raise GameTooLargeError(
            f"the Weber set of {game.n} players has up to {game.n}! marginal vectors, each"
            f" tested by a linear program; at most {max_players} players by default (raise"
            " max_players= to try more, or use marginal_vectors)"
        )
    vectors = marginal_vectors(game, max_players=game.n)
    points = [tuple(v.values()) for v in vectors]
    return [v for k, v in enumerate(vectors)
            if not _inside_hull(points[k], points[:k] + points[k + 1:])]


def _inside_hull(point, others):
    """Whether ``point`` is an exact convex combination of ``others`` (LP, then exact)."""
    if not others:
        return False
    from scipy.optimize import linprog

    matrix = np.array([[float(x) for x in p] for p in others]).T
    target = np.array([float(x) for x in point])
    rows = np.vstack([matrix, np.ones(len(others))])
    result = linprog(np.zeros(len(others)), A_eq=rows, b_eq=np.append(target, 1.0),
                     bounds=[(0, None)] * len(others), method="highs-ds")  # a basic solution
    if result.status != 0:
        return False
    support = [k for k, weight in enumerate(result.x) if weight > 1e-9]
    return _exact_combination(point, [others[k] for k in support])


def _exact_combination(point, support):
    """Whether ``point`` is a convex combination of ``support``, solved exactly."""
    from ._rational import solve_exact

    rows = [[p[i] for p in support] for i in range(len(point))] + [[1] * len(support)]
    solution, _ = solve_exact(rows, [*point, 1])
    return solution is not None and all(w >= 0 for w in solution)
