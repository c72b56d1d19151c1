"""Values of TU games: Shapley and Banzhaf (exact Fractions).

Both take a :class:`~powerindex.TUGame` or a simple game (converted with
:func:`~powerindex.to_tu_game`). The Myerson value of a communication graph and the
Owen and Banzhaf-Owen values of a priori unions take TU games too, through
:func:`~powerindex.myerson`, :func:`~powerindex.owen` and :func:`~powerindex.banzhaf_owen`.

References
----------
.. [1] L. S. Shapley, "A value for n-person games", in Contributions to the Theory of
   Games II, Annals of Mathematics Studies 28 (1953), 307-317.
.. [2] J. F. Banzhaf III, "Weighted voting doesn't work: a mathematical analysis",
   Rutgers Law Review 19 (1965), 317-343.
"""

from .._checks import check_flag
from .game import as_tu

__all__ = ["shapley_value", "banzhaf_value"]


def shapley_value(game):
    """The Shapley value: each player's average marginal contribution over all orders.

    Players join one by one in a uniformly random order; each receives what its arrival
    adds to the worth of the coalition before it::

        phi_i = sum over S not containing i of |S|! (n - |S| - 1)! / n! * (v(S + i) - v(S))

    The unique value that is efficient (sums to v(N)), symmetric, additive and gives 0 to
    null players [1]_. For a simple game it is the Shapley-Shubik index.

    Parameters
    ----------
    game : TUGame or Game
        A simple game is converted with :func:`to_tu_game`.

    Returns
    -------
    PowerIndexResult
        Index ``"shapley_value"``: a Fraction per player, summing to v(N).

    Raises
    ------
    InvalidTypeError
        Not a game.

    Notes
    -----
    Cost: O(n 2**n) integer additions (numpy), after the 2**n worths are known.

    References
    ----------
    .. [1] L. S. Shapley, "A value for n-person games", in Contributions to the Theory of
       Games II, Annals of Mathematics Studies 28 (1953), 307-317.

    Examples
    --------
    An airport with three plane types needing runways costing 1, 2 and 4; the cost game
    c(S) is the longest runway S needs. The Shapley value splits each segment equally
    among those who use it [2]_: 1/3, 1/3 + 1/2, 1/3 + 1/2 + 2.

    >>> import powerindex as pi
    >>> from powerindex.tu import TUGame, shapley_value
    >>> cost = {"a": 1, "b": 2, "c": 4}
    >>> airport = TUGame(list(cost), lambda s: max((cost[p] for p in s), default=0))
    >>> shapley_value(airport).to_dict()
    {'a': Fraction(1, 3), 'b': Fraction(5, 6), 'c': Fraction(17, 6)}

    .. [2] S. C. Littlechild and G. Owen, "A simple expression for the Shapley value in a
       special case", Management Science 20(3) (1973), 370-372.
       https://doi.org/10.1287/mnsc.20.3.370
    """
    return as_tu(game, "shapley_value").shapley_value()


def banzhaf_value(game, normalized=False):
    """The Banzhaf value: the average marginal contribution over coalitions of the others.

    ``beta_i = 2**-(n-1) * sum over S not containing i of (v(S + i) - v(S))``: the
    expected contribution of i when each other player joins independently with
    probability 1/2 [1]_. For a simple game it is the absolute (Penrose-Banzhaf) index.

    Parameters
    ----------
    game : TUGame or Game
        A simple game is converted with :func:`to_tu_game`.
    normalized : bool, optional
        If True, divide by the sum of the values, so that they sum to 1 (for a simple game:
        the normalized Banzhaf index).

    Returns
    -------
    PowerIndexResult
        Index ``"banzhaf_value"`` (or ``"banzhaf_value_normalized"``): Fractions.

    Raises
    ------
    InvalidGameError
        ``normalized=True`` and the values sum to 0, so they cannot be normalized.
    InvalidTypeError
        Not a game.

    Notes
    -----
    Unlike the Shapley value, the Banzhaf value need not sum to v(N). Cost: O(n 2**n)
    integer additions.

    References
    ----------
    .. [1] J. F. Banzhaf III, "Weighted voting doesn't work: a mathematical analysis",
       Rutgers Law Review 19 (1965), 317-343.
    .. [2] P. Dubey and L. S. Shapley, "Mathematical properties of the Banzhaf power
       index", Mathematics of Operations Research 4 (1979), 99-131.
       https://doi.org/10.1287/moor.4.2.99

    Examples
    --------
    >>> import powerindex as pi
    >>> from powerindex.tu import TUGame, banzhaf_value
    >>> v = TUGame(["A", "B", "C"], lambda s: len(s) ** 2)
    >>> banzhaf_value(v).to_dict()
    {'A': Fraction(3, 1), 'B': Fraction(3, 1), 'C': Fraction(3, 1)}
    >>> banzhaf_value(v, normalized=True)["A"]
    Fraction(1, 3)
    """
    check_flag(normalized, "normalized")
    return as_tu(game, "banzhaf_value").banzhaf_value(normalized=normalized)
