"""The kernel and the prekernel of a TU game: balanced maximum surpluses.

The *maximum surplus* of player i over player j at an allocation x is the most i can gain
in a coalition without j, s_ij(x) = max{ v(S) - x(S) : S contains i, not j } [1]_. At a
point of the *prekernel* every two players balance, s_ij = s_ji; at a point of the
*kernel* (an imputation) a player who outweighs another, s_ij > s_ji, may only claim when
the other is at its worth alone, x_j = v({j}) [1]_ [2]_. The nucleolus always lies in the
kernel and the prenucleolus in the prekernel [3]_.

References
----------
.. [1] M. Davis and M. Maschler, "The kernel of a cooperative game", Naval Research
   Logistics Quarterly 12(3) (1965), 223-259. https://doi.org/10.1002/nav.3800120303
.. [2] M. Maschler, B. Peleg and L. S. Shapley, "Geometric properties of the kernel,
   nucleolus and related solution concepts", Mathematics of Operations Research 4(4)
   (1979), 303-338. https://doi.org/10.1287/moor.4.4.303
.. [3] D. Schmeidler, "The nucleolus of a characteristic function game", SIAM Journal on
   Applied Mathematics 17(6) (1969), 1163-1170. https://doi.org/10.1137/0117107
"""

from fractions import Fraction

import numpy as np

from ..indices.results import PowerIndexResult
from ._allocations import excesses, read_allocation
from .game import NUCLEOLUS_MAX_PLAYERS, as_tu

__all__ = ["maximum_surpluses", "in_kernel", "in_prekernel", "kernel_point"]


def _surplus_table(game, shares):
    """``(s, excess, denominator)``: s[i][j] as integers over ``denominator``."""
    excess, denominator = excesses(game, shares)
    n = game.n
    masks = np.arange(1 << n)
    table = [[None] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            if i != j:
                table[i][j] = max(excess[(masks >> i & 1 == 1) & (masks >> j & 1 == 0)])
    return table, excess, denominator


def maximum_surpluses(game, allocation):
    """The maximum surpluses s_ij(x) = max{ v(S) - x(S) : i in S, j not in S }.

    Parameters
    ----------
    game : TUGame or Game
        A simple game is read as its TU game.
    allocation : mapping or sequence
        A share for every player (as for :func:`~powerindex.in_core`).

    Returns
    -------
    dict
        ``{(i, j): Fraction}`` for every ordered pair of distinct players.

    Notes
    -----
    Exact, O(n^2 2**n).

    Examples
    --------
    >>> import powerindex as pi
    >>> majority = pi.TUGame(["A", "B", "C"], lambda s: int(len(s) >= 2))
    >>> surplus = pi.maximum_surpluses(majority, [Fraction(1, 3)] * 3)
    >>> surplus[("A", "B")], surplus[("B", "A")]
    (Fraction(1, 3), Fraction(1, 3))
    """
    game = as_tu(game, "maximum_surpluses")
    table, _, denominator = _surplus_table(game, read_allocation(game, allocation))
    players = game.players
    return {(players[i], players[j]): Fraction(int(table[i][j]), denominator)
            for i in range(game.n) for j in range(game.n) if i != j}


def in_prekernel(game, allocation):
    """Whether a pre-imputation lies in the prekernel: s_ij(x) = s_ji(x) for all i, j.

    Parameters
    ----------
    game : TUGame or Game
    allocation : mapping or sequence
        As for :func:`~powerindex.in_core`.

    Returns
    -------
    bool
        False when x(N) differs from v(N).

    Examples
    --------
    >>> import powerindex as pi
    >>> game = pi.TUGame(["A", "B"], {("A",): 3, ("B",): 0, ("A", "B"): 1})
    >>> pi.in_prekernel(game, [2, -1]), pi.in_prekernel(game, [3, -2])
    (True, False)
    """
    game = as_tu(game, "in_prekernel")
    table, excess, _ = _surplus_table(game, read_allocation(game, allocation))
    if excess[-1] != 0:
        return False
    n = game.n
    return all(table[i][j] == table[j][i] for i in range(n) for j in range(i + 1, n))


def in_kernel(game, allocation):
    """Whether an imputation lies in the kernel (Davis and Maschler).

    x must be an imputation (x(N) = v(N), x_i >= v({i})), and for every two players
    (s_ij(x) - s_ji(x)) (x_j - v({j})) <= 0: whoever is outweighed sits at its worth alone.

    Parameters
    ----------
    game : TUGame or Game
    allocation : mapping or sequence
        As for :func:`~powerindex.in_core`.

    Returns
    -------
    bool
        False when x is not an imputation.

    Examples
    --------
    The glove game's kernel is its nucleolus, L taking the pair:

    >>> import powerindex as pi
    >>> gloves = pi.TUGame(["L", "R1", "R2"],
    ...                    lambda s: min(len(s & {"L"}), len(s & {"R1", "R2"})))
    >>> pi.in_kernel(gloves, [1, 0, 0]), pi.in_kernel(gloves, [0.5, 0.25, 0.25])
    (True, False)
    """
    game = as_tu(game, "in_kernel")
    table, excess, _ = _surplus_table(game, read_allocation(game, allocation))
    n = game.n
    if excess[-1] != 0 or any(excess[1 << i] > 0 for i in range(n)):
        return False
    # excess[{j}] = v({j}) - x_j, so x_j - v({j}) = -excess[{j}]
    return all((table[i][j] - table[j][i]) * -excess[1 << j] <= 0
               for i in range(n) for j in range(n) if i != j)


def kernel_point(game, *, max_players=NUCLEOLUS_MAX_PLAYERS):
    """A point of the kernel: the nucleolus, which always lies in it.

    Parameters
    ----------
    game : TUGame or Game
    max_players : int, optional
        As for :func:`~powerindex.nucleolus` (default 18).

    Returns
    -------
    PowerIndexResult
        Index ``"kernel_point"``, method ``"nucleolus"``: exact Fractions, an imputation
        that :func:`in_kernel` accepts.

    Raises
    ------
    InvalidGameError
        The imputation set is empty (no kernel).
    GameTooLargeError, NucleolusError
        As for :func:`~powerindex.nucleolus`.

    Notes
    -----
    The kernel may hold more points; the nucleolus is the one every game has (Schmeidler
    [1]_; Maschler, Peleg and Shapley [2]_), computed exactly and certified.

    References
    ----------
    .. [1] D. Schmeidler, "The nucleolus of a characteristic function game", SIAM Journal
       on Applied Mathematics 17(6) (1969), 1163-1170. https://doi.org/10.1137/0117107
    .. [2] M. Maschler, B. Peleg and L. S. Shapley, "Geometric properties of the kernel,
       nucleolus and related solution concepts", Mathematics of Operations Research 4(4)
       (1979), 303-338. https://doi.org/10.1287/moor.4.4.303

    Examples
    --------
    >>> import powerindex as pi
    >>> majority = pi.TUGame(["A", "B", "C"], lambda s: int(len(s) >= 2))
    >>> point = pi.kernel_point(majority)
    >>> point.to_dict(), pi.in_kernel(majority, point)
    ({'A': Fraction(1, 3), 'B': Fraction(1, 3), 'C': Fraction(1, 3)}, True)
    """
    game = as_tu(game, "kernel_point")
    point = game.nucleolus(max_players=max_players)
    return PowerIndexResult("kernel_point", game, point.to_dict(), "nucleolus")
