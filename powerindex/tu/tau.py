"""The tau value of a TU game (Tijs 1981): a compromise between two bounds.

Player i's *utopia payoff* is what it adds to everyone else, M_i = v(N) - v(N - i): more
would make the others leave. Its *minimal right* is the most it can secure in a coalition
that pays every other member its utopia payoff,
m_i = max{ v(S) - sum_{j in S, j != i} M_j : S contains i }. A game is *quasi-balanced*
when m <= M and sum m <= v(N) <= sum M; its tau value is then the efficient point on the
segment from m to M [1]_.

References
----------
.. [1] S. H. Tijs, "Bounds for the core and the tau-value", in O. Moeschlin and D.
   Pallaschke (eds.), Game Theory and Mathematical Economics, North-Holland, 1981,
   123-132.
"""

from fractions import Fraction

import numpy as np

from .._engines import enumeration
from ..errors import InvalidGameError
from ..indices.results import PowerIndexResult
from .game import as_tu

__all__ = ["tau_value"]


def tau_value(game):
    """The tau value: the efficient compromise between minimal rights and utopia payoffs.

    Parameters
    ----------
    game : TUGame or Game
        A simple game is read as its TU game.

    Returns
    -------
    PowerIndexResult
        Index ``"tau_value"``, method ``"exact"``: Fractions summing to v(N).

    Raises
    ------
    InvalidGameError
        The game is not quasi-balanced (the message says which condition fails): the tau
        value is not defined.
    InvalidTypeError
        Not a game.

    Notes
    -----
    tau = m + alpha (M - m) with alpha chosen so that the shares sum to v(N) (tau = m
    when M = m) [1]_. Exact, O(n 2**n).

    References
    ----------
    .. [1] S. H. Tijs, "Bounds for the core and the tau-value", in O. Moeschlin and D.
       Pallaschke (eds.), Game Theory and Mathematical Economics, North-Holland, 1981,
       123-132.

    Examples
    --------
    The glove game: L's utopia payoff and minimal right are both the pair.

    >>> import powerindex as pi
    >>> gloves = pi.TUGame(["L", "R1", "R2"],
    ...                    lambda s: min(len(s & {"L"}), len(s & {"R1", "R2"})))
    >>> pi.tau_value(gloves).to_dict()
    {'L': Fraction(1, 1), 'R1': Fraction(0, 1), 'R2': Fraction(0, 1)}
    >>> pi.tau_value(pi.TUGame(["a", "b"], {("a",): 1, ("b",): 0, ("a", "b"): 4})).to_dict()
    {'a': Fraction(5, 2), 'b': Fraction(3, 2)}
    """
    game = as_tu(game, "tau_value")
    n = game.n
    ints = game._int_list()
    full = (1 << n) - 1
    utopia = [ints[full] - ints[full & ~(1 << i)] for i in range(n)]
    masks = np.arange(1 << n)
    worths = np.array(ints, dtype=object)
    paid = enumeration.subset_sums(utopia)  # the members' utopia payoffs, summed
    rights = []
    for i in range(n):
        holding = masks[masks >> i & 1 == 1]
        rights.append(max(worths[holding] - paid[holding] + utopia[i]))
    players = game.players
    for i in range(n):
        if rights[i] > utopia[i]:
            raise InvalidGameError(
                f"the game is not quasi-balanced: {players[i]!r}'s minimal right"
                f" {Fraction(int(rights[i]), game._scale)} exceeds its utopia payoff"
                f" {Fraction(utopia[i], game._scale)}, so the tau value is not defined"
            )
    low, high, total = sum(rights), sum(utopia), ints[full]
    if not low <= total <= high:
        raise InvalidGameError(
            "the game is not quasi-balanced: v(N) ="
            f" {Fraction(total, game._scale)} lies outside [sum of minimal rights,"
            f" sum of utopia payoffs] = [{Fraction(int(low), game._scale)},"
            f" {Fraction(high, game._scale)}], so the tau value is not defined"
        )
    alpha = Fraction(0) if high == low else Fraction(int(total - low), int(high - low))
    shares = [Fraction(int(m), game._scale) + alpha * Fraction(int(big - m), game._scale)
              for m, big in zip(rights, utopia, strict=True)]
    return PowerIndexResult("tau_value", game, dict(zip(players, shares, strict=True)), "exact")
