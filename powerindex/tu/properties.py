"""Properties of a TU game: superadditivity and convexity, decided exactly.

A game is *superadditive* when two disjoint coalitions together are worth at least what
they are worth apart, v(S + T) >= v(S) + v(T); *convex* (supermodular) when a player adds
at least as much to a larger coalition, v(S + i) - v(S) <= v(T + i) - v(T) for S inside T
[1]_. Convex games are superadditive and balanced; their core is the convex hull of the
marginal vectors, the Weber set [1]_ [2]_. Balancedness (a non-empty core) is
:func:`~powerindex.is_balanced`.

Examples
--------
>>> import powerindex as pi
>>> squares = pi.TUGame(["a", "b", "c"], lambda s: len(s) ** 2)
>>> pi.is_convex(squares), pi.is_superadditive(squares)
(True, True)
>>> majority = pi.TUGame(["a", "b", "c"], lambda s: int(len(s) >= 2))
>>> pi.is_convex(majority), pi.is_superadditive(majority)
(False, True)

References
----------
.. [1] L. S. Shapley, "Cores of convex games", International Journal of Game Theory 1
   (1971), 11-26. https://doi.org/10.1007/BF01753431
.. [2] R. J. Weber, "Probabilistic values for games", in A. E. Roth (ed.), The Shapley
   Value, Cambridge University Press, 1988, 101-119.
"""

import numpy as np

from .game import as_tu

__all__ = ["is_superadditive", "is_convex"]


def _worths(game):
    """The worths as integers over one denominator, an int64 array if they fit."""
    ints = game._int_list()
    largest = max(abs(w) for w in ints)
    return np.array(ints, dtype=np.int64 if largest < 2**60 else object)


def is_superadditive(game):
    """Whether v(S + T) >= v(S) + v(T) for every two disjoint coalitions S and T.

    Parameters
    ----------
    game : TUGame or Game
        A simple game is read as its TU game (superadditive exactly when it is proper).

    Returns
    -------
    bool

    Notes
    -----
    Every pair (S, T) is checked, as a coalition U = S + T and its subsets S: O(3**n)
    comparisons, vectorised one subset size at a time, exact.

    Examples
    --------
    >>> import powerindex as pi
    >>> pi.is_superadditive(pi.TUGame(["a", "b"], {("a",): 2, ("b",): 2, ("a", "b"): 3}))
    False
    """
    game = as_tu(game, "is_superadditive")
    worths = _worths(game)
    n = game.n
    masks = np.arange(1 << n)
    # every coalition U at once walks its non-empty subsets S (S -> (S - 1) & U), checking
    # v(U) >= v(S) + v(U - S)
    subset = masks.copy()
    while True:
        alive = subset > 0
        if not alive.any():
            return True
        u, s = masks[alive], subset[alive]
        rest = u & ~s
        if np.any(worths[u] < worths[s] + worths[rest]):
            return False
        subset[alive] = (s - 1) & u


def is_convex(game):
    """Whether the game is convex: v(S + i) - v(S) <= v(T + i) - v(T) for S inside T.

    Parameters
    ----------
    game : TUGame or Game
        A simple game is read as its TU game (convex exactly when it is a unanimity game
        of its veto players, or has no winning coalition at all).

    Returns
    -------
    bool

    Notes
    -----
    Equivalent to the local condition v(S + i + j) - v(S + j) >= v(S + i) - v(S) for every
    coalition S and players i, j outside it [1]_: O(n^2 2**n), vectorised, exact.

    References
    ----------
    .. [1] L. S. Shapley, "Cores of convex games", International Journal of Game Theory 1
       (1971), 11-26. https://doi.org/10.1007/BF01753431

    Examples
    --------
    >>> import powerindex as pi
    >>> pi.is_convex(pi.TUGame(["a", "b"], lambda s: len(s) ** 2))
    True
    """
    game = as_tu(game, "is_convex")
    worths = _worths(game)
    n = game.n
    masks = np.arange(1 << n)
    for i in range(n):
        for j in range(i + 1, n):
            outside = masks[(masks >> i & 1 == 0) & (masks >> j & 1 == 0)]
            with_i, with_j = outside | 1 << i, outside | 1 << j
            both = with_i | 1 << j
            if np.any(worths[both] - worths[with_j] < worths[with_i] - worths[outside]):
                return False
    return True
