"""Power indices counted from swings: Shapley-Shubik, Banzhaf, swings and Coleman.

A player *swings* (is *critical*) at a coalition S not containing it when S loses and
S + {i} wins. Shapley-Shubik weighs swings by coalition size; Banzhaf, Penrose and
Coleman count them. For weighted games they come from generating functions
(``method="generating"``), otherwise from enumeration (``"enumerate"``); for decimals
only, ``method="float"`` (Shapley-Shubik and Banzhaf of weighted games) returns a
:class:`~powerindex.FloatPowerIndexResult` of floats with a proved bound on their error.

Examples
--------
The EEC Council of Ministers of 1958 (quota 12 of 17):

>>> import powerindex as pi
>>> eec = pi.WeightedGame([4, 4, 4, 2, 2, 1], 12,
...                       players=["FR", "DE", "IT", "BE", "NL", "LU"])
>>> print(pi.shapley_shubik(eec))
Shapley-Shubik index of <WeightedGame [12; 4, 4, 4, 2, 2, 1]>
player  value     decimal
FR       7/30  0.23333333
DE       7/30  0.23333333
IT       7/30  0.23333333
BE       3/20  0.15000000
NL       3/20  0.15000000
LU          0  0.00000000
>>> pi.swings(eec).to_dict()
{'FR': 10, 'DE': 10, 'IT': 10, 'BE': 6, 'NL': 6, 'LU': 0}
>>> eec.dummies
('LU',)
"""

from fractions import Fraction
from math import factorial

from .._checks import check_flag
from .._engines import dispatch
from .._progress import Progress, check_progress
from ..errors import GameTooLargeError
from ..games.base import check_game
from .results import FloatPowerIndexResult, PowerIndexResult

__all__ = [
    "shapley_shubik",
    "banzhaf",
    "swings",
    "coleman_prevent",
    "coleman_initiate",
    "coleman_collectivity",
]


def _result(index, game, values, method):
    return PowerIndexResult(index, game, dict(zip(game.players, values, strict=True)), method)


def _method(game, method, allowed, index, by_size=False):
    """The algorithm for ``index`` on ``game``, after checking that it is a game."""
    check_game(game, index)
    return dispatch.resolve_method(game, method, allowed, index, by_size=by_size)


def _float_result(index, game, values, bounds):
    """Float values with their bounds, each clamped to [0, 1].

    Every index computed in floats lies in [0, 1], so moving a value that rounding put
    just outside (a null player's -2.7e-18) to the nearest end only brings it closer to
    the true value: the bound stays valid.
    """
    clamped = [min(max(value, 0.0), 1.0) for value in values]
    return FloatPowerIndexResult(index, game, dict(zip(game.players, clamped, strict=True)),
                                 "float", dict(zip(game.players, bounds, strict=True)))


def _followed(game, index, progress, label, unit):
    """The float engine's ``(values, bounds)`` for ``index``, with a progress bar."""
    bar = Progress(progress, label, unit)
    values, bounds = dispatch.float_values(game, index, bar.step)
    if bar.target is not None:  # computed now, not taken from the game's cache
        bar.finish(bar.target)
    return values, bounds


def _float_banzhaf(game, normalized, progress=None):
    values, bounds = _followed(game, "banzhaf_absolute", progress, "Banzhaf (float)",
                               "steps")
    if not normalized:
        return _float_result("banzhaf_absolute", game, values, bounds)
    total, spread = sum(values), sum(bounds)
    if total <= spread:
        raise GameTooLargeError("the swing probabilities are too small for a float normalized"
                                " Banzhaf index with a meaningful error bound")
    # |b'/T' - b/T| <= (e + (b/T) E) / (T - E), plus the roundings of the sum and quotient
    normalized_values = [v / total for v in values]
    normalized_bounds = [(e + abs(v) * spread) / (total - spread)
                         + (len(values) + 2) * 2.0**-53 * abs(v)
                         for v, e in zip(normalized_values, bounds, strict=True)]
    return _float_result("banzhaf", game, normalized_values, normalized_bounds)


def shapley_shubik(game, *, method="auto", progress=None):
    """Shapley-Shubik index: the chance of being pivotal in a random order of players.

    Players join a coalition one by one in a uniformly random order; the *pivot* is the
    one whose arrival makes the coalition win. The index of i is the probability that i
    is the pivot::

        phi_i = sum over S not containing i, i swings at S, of |S|! (n - |S| - 1)! / n!

    It is the Shapley value of the simple game.

    Parameters
    ----------
    game : Game
    method : {"auto", "generating", "enumerate", "float"}, optional
        ``"generating"`` (weighted games; the default for them): generating functions in
        weight and coalition size, all players in one pass. ``"enumerate"`` (any game,
        the default otherwise): every coalition's outcome, vectorised. ``"float"``
        (weighted games; never chosen by ``"auto"``): generating functions as probability
        distributions in floating point, integrated by Gauss-Legendre quadrature over
        Owen's multilinear extension, for games too large for exact counts; values are
        floats with a bound on their error.
    progress : bool, writable stream or None, optional
        For ``method="float"``, a progress bar as :func:`~powerindex.estimate` draws one:
        True on stderr, a stream, False for none; None (the default) shows one on a
        terminal only when the run looks long. The exact methods report no progress.

    Returns
    -------
    PowerIndexResult
        Fractions that sum to 1; with ``method="float"`` a
        :class:`FloatPowerIndexResult` of floats whose ``error_bound`` bounds the absolute
        error of every value.

    Raises
    ------
    InvalidMethodError
        Unknown method, or ``"generating"`` for a game that is not weighted.
    GameTooLargeError
        ``"enumerate"`` on more than 26 players; ``"generating"`` when the counting table
        would take more than half the memory available (tables of 2**26 words, 512 MiB,
        are always allowed; none above 2**31 words) -- ``"auto"`` then enumerates games
        of up to 26 players; ``"float"`` above 2**25 table columns.

    Notes
    -----
    Cost: ``"generating"`` O(n^2 b) time and O(n b) memory, with b = min(q, W - q + 1) in
    integer weight units after dividing out the common factor of the weights [3]_, [4]_,
    counts held exactly as multi-word integers in 31-bit limbs (about n^3 b / 90 word
    additions); ``"enumerate"`` O(n 2**n).

    ``"float"``: about n / 4 tables of O(n T) time each and O(T) memory, with
    T = max(q, W - q + 1). The index is the integral over p in [0, 1] of the probability
    that i swings when every other player joins with probability p [6]_, a polynomial of
    degree n - 1 in p, so ceil(n / 2) Gauss-Legendre nodes give it exactly but for
    rounding; at each node the table is the weight distribution of such a random
    coalition (nothing overflows however many players), and the nodes p and 1 - p share
    one table. The error bound is a running bound built from the magnitudes summed
    (Higham 2002 [5]_), plus the rounding of the nodes and weights, which are computed
    to 40 digits; on a 200-player game the actual relative error is about 1e-14.
    Refused (GameTooLargeError) above 2**25 columns.

    References
    ----------
    .. [1] L. S. Shapley and M. Shubik, "A method for evaluating the distribution of power
       in a committee system", American Political Science Review 48 (1954), 787-792.
       https://doi.org/10.2307/1951053
    .. [2] L. S. Shapley, "A value for n-person games", in Contributions to the Theory of
       Games II, Annals of Mathematics Studies 28 (1953), 307-317.
    .. [3] J. M. Bilbao, J. R. Fernandez, A. Jimenez Losada and J. J. Lopez, "Generating
       functions for computing power indices efficiently", TOP 8 (2000), 191-213.
       https://doi.org/10.1007/BF02628555
    .. [4] T. Uno, "Efficient computation of power indices for weighted majority games",
       ISAAC 2012, LNCS 7676, 679-689. https://doi.org/10.1007/978-3-642-35261-4_70
    .. [5] N. J. Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., SIAM,
       2002. https://doi.org/10.1137/1.9780898718027
    .. [6] G. Owen, "Multilinear extensions of games", Management Science 18 (1972),
       P64-P79. https://doi.org/10.1287/mnsc.18.5.64

    Examples
    --------
    The UN Security Council: five permanent members with a veto, ten others, nine votes
    needed [1]_.

    >>> import powerindex as pi
    >>> unsc = pi.WeightedGame([7] * 5 + [1] * 10, 39)
    >>> ss = pi.shapley_shubik(unsc)
    >>> ss["P1"], ss["P6"]
    (Fraction(421, 2145), Fraction(4, 2145))
    >>> approx = pi.shapley_shubik(unsc, method="float")
    >>> abs(approx["P1"] - 421 / 2145) <= approx.error_bound < 1e-12
    True
    """
    check_progress(progress)
    method = _method(game, method, dispatch.FLOAT_SWING_METHODS,
                                     "shapley_shubik", by_size=True)
    if method == "float":
        values, bounds = _followed(game, "shapley_shubik", progress,
                                   "Shapley-Shubik (float)", "quadrature nodes")
        return _float_result("shapley_shubik", game, values, bounds)
    n = game.n
    # One integer numerator per player over the common denominator n!: Fraction
    # arithmetic once per player, not once per coalition size.
    weight = [factorial(k) * factorial(n - k - 1) for k in range(n)]
    counts = dispatch.swings_by_size(game, method)
    values = [Fraction(sum(c * weight[k] for k, c in enumerate(row)), factorial(n))
              for row in counts]
    return _result("shapley_shubik", game, values, method)


def swings(game, *, method="auto"):
    """Number of swings of each player (the raw Banzhaf count).

    A swing of player i is a coalition S not containing i that loses while S + {i} wins
    (equivalently, a winning coalition from which i's exit makes it lose).

    Parameters
    ----------
    game : Game
    method : {"auto", "generating", "enumerate"}, optional
        As for :func:`shapley_shubik`.

    Returns
    -------
    PowerIndexResult
        Integers.

    Notes
    -----
    Cost: ``"generating"`` O(n b + d b) for d distinct weights, with b = min(q, W - q + 1)
    in integer units [2]_; ``"enumerate"`` O(n 2**n).

    References
    ----------
    .. [1] J. F. Banzhaf III, "Weighted voting doesn't work: a mathematical analysis",
       Rutgers Law Review 19 (1965), 317-343.
    .. [2] S. J. Brams and P. J. Affuso, "Power and size: a new paradox", Theory and
       Decision 7 (1976), 29-56. https://doi.org/10.1007/BF00141101

    Examples
    --------
    >>> import powerindex as pi
    >>> pi.swings(pi.WeightedGame([2, 1, 1], 3)).to_dict()
    {'P1': 3, 'P2': 1, 'P3': 1}
    """
    method = _method(game, method, dispatch.SWING_METHODS, "swings")
    counts, _ = dispatch.swing_counts(game, method)
    return _result("swings", game, counts, method)


def banzhaf(game, *, normalized=True, method="auto", progress=None):
    """Banzhaf index: a player's share of all swings (or, absolute, its swing probability).

    Normalized (the default), ``beta_i = swings_i / sum_j swings_j``, which sums to 1.
    Absolute (``normalized=False``), the Penrose measure ``swings_i / 2**(n-1)``: the
    probability that i's vote decides the outcome when every other player votes yes or
    no with probability 1/2.

    Parameters
    ----------
    game : Game
    normalized : bool, optional
        True for the normalized index, False for the absolute (Penrose-Banzhaf) measure.
    method : {"auto", "generating", "enumerate", "float"}, optional
        As for :func:`shapley_shubik`.
    progress : bool, writable stream or None, optional
        As for :func:`shapley_shubik` (``method="float"`` only).

    Returns
    -------
    PowerIndexResult
        Fractions; with ``method="float"`` a :class:`FloatPowerIndexResult` of floats.

    Notes
    -----
    Cost as for :func:`swings`. ``"float"``: O(n b + d b) time and O(b) memory for
    b = min(q, W - q + 1) and d distinct weights; the table is the weight distribution of
    a random coalition (each player in with probability 1/2), and the error bound is a
    running bound as for :func:`shapley_shubik`. Refused (GameTooLargeError) above
    2**25 columns.

    References
    ----------
    .. [1] J. F. Banzhaf III, "Weighted voting doesn't work: a mathematical analysis",
       Rutgers Law Review 19 (1965), 317-343.
    .. [2] L. S. Penrose, "The elementary statistics of majority voting", Journal of the
       Royal Statistical Society 109 (1946), 53-57. https://doi.org/10.2307/2981392
    .. [3] P. Dubey and L. S. Shapley, "Mathematical properties of the Banzhaf power
       index", Mathematics of Operations Research 4 (1979), 99-131.
       https://doi.org/10.1287/moor.4.2.99

    Examples
    --------
    >>> import powerindex as pi
    >>> g = pi.WeightedGame([2, 1, 1], 3)
    >>> pi.banzhaf(g).to_dict()
    {'P1': Fraction(3, 5), 'P2': Fraction(1, 5), 'P3': Fraction(1, 5)}
    >>> pi.banzhaf(g, normalized=False).to_dict()
    {'P1': Fraction(3, 4), 'P2': Fraction(1, 4), 'P3': Fraction(1, 4)}
    >>> pi.banzhaf(g, method="float")["P1"]
    0.6
    """
    check_flag(normalized, "normalized")
    check_progress(progress)
    method = _method(game, method, dispatch.FLOAT_SWING_METHODS, "banzhaf")
    if method == "float":
        return _float_banzhaf(game, normalized, progress)
    counts, _ = dispatch.swing_counts(game, method)
    if normalized:
        total = sum(counts)
        return _result("banzhaf", game, [Fraction(c, total) for c in counts], method)
    coalitions = 2 ** (game.n - 1)
    return _result("banzhaf_absolute", game, [Fraction(c, coalitions) for c in counts], method)


def coleman_prevent(game, *, method="auto"):
    """Coleman's power to prevent action: swings_i / (number of winning coalitions).

    The probability that i can turn a winning coalition into a losing one by leaving it,
    given that the coalition wins (all coalitions equally likely).

    Parameters
    ----------
    game : Game
    method : {"auto", "generating", "enumerate"}, optional

    Returns
    -------
    PowerIndexResult

    Notes
    -----
    Cost as for :func:`swings`.

    References
    ----------
    .. [1] J. S. Coleman, "Control of collectivities and the power of a collectivity to
       act", in B. Lieberman (ed.), Social Choice, Gordon and Breach, 1971, 269-300.

    Examples
    --------
    >>> import powerindex as pi
    >>> pi.coleman_prevent(pi.WeightedGame([2, 1, 1], 3)).to_dict()
    {'P1': Fraction(1, 1), 'P2': Fraction(1, 3), 'P3': Fraction(1, 3)}
    """
    method = _method(game, method, dispatch.SWING_METHODS, "coleman_prevent")
    counts, winning = dispatch.swing_counts(game, method)
    return _result("coleman_prevent", game, [Fraction(c, winning) for c in counts], method)


def coleman_initiate(game, *, method="auto"):
    """Coleman's power to initiate action: swings_i / (number of losing coalitions).

    The probability that i can turn a losing coalition into a winning one by joining it,
    given that the coalition (of the others) loses.

    Parameters
    ----------
    game : Game
    method : {"auto", "generating", "enumerate"}, optional

    Returns
    -------
    PowerIndexResult

    Notes
    -----
    Cost as for :func:`swings`. Losing coalitions are counted among all 2**n
    coalitions, as in Coleman's definition [1]_ (the game must not be the one in which
    every coalition wins, which a valid game never is).

    References
    ----------
    .. [1] J. S. Coleman, "Control of collectivities and the power of a collectivity to
       act", in B. Lieberman (ed.), Social Choice, Gordon and Breach, 1971, 269-300.

    Examples
    --------
    >>> import powerindex as pi
    >>> pi.coleman_initiate(pi.WeightedGame([2, 1, 1], 3)).to_dict()
    {'P1': Fraction(3, 5), 'P2': Fraction(1, 5), 'P3': Fraction(1, 5)}
    """
    method = _method(game, method, dispatch.SWING_METHODS, "coleman_initiate")
    counts, winning = dispatch.swing_counts(game, method)
    losing = 2**game.n - winning
    return _result("coleman_initiate", game, [Fraction(c, losing) for c in counts], method)


def coleman_collectivity(game, *, method="auto"):
    """Coleman's power of the collectivity to act: the share of coalitions that win.

    Parameters
    ----------
    game : Game
    method : {"auto", "generating", "enumerate"}, optional

    Returns
    -------
    Fraction
        (number of winning coalitions) / 2**n, a property of the whole game.

    Notes
    -----
    Cost as for :func:`swings`.

    References
    ----------
    .. [1] J. S. Coleman, "Control of collectivities and the power of a collectivity to
       act", in B. Lieberman (ed.), Social Choice, Gordon and Breach, 1971, 269-300.

    Examples
    --------
    >>> import powerindex as pi
    >>> pi.coleman_collectivity(pi.WeightedGame([2, 1, 1], 3))
    Fraction(3, 8)
    """
    method = _method(game, method, dispatch.SWING_METHODS,
                                     "coleman_collectivity")
    _, winning = dispatch.swing_counts(game, method)
    return Fraction(winning, 2**game.n)
