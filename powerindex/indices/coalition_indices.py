"""Power indices counted from coalitions: Johnston, Deegan-Packel and Holler.

Deegan-Packel and Holler look only at the minimal winning coalitions, Johnston at the
winning coalitions with a critical member. For weighted games these are found by
backtracking (``method="backtrack"``) without listing all 2**n coalitions, otherwise by
enumeration. The coalitions can be astronomically many (C(40, 21) minimal winning
coalitions for 40 equal players): the backtracking gives up with a GameTooLargeError
after a bounded search, and these indices have no sampled estimate.

Examples
--------
>>> import powerindex as pi
>>> g = pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"])
>>> pi.holler(g).to_dict()
{'A': Fraction(1, 2), 'B': Fraction(1, 4), 'C': Fraction(1, 4)}
"""

from fractions import Fraction

from .._engines import dispatch
from ..games.base import check_game
from .results import PowerIndexResult

__all__ = ["johnston", "deegan_packel", "holler"]


def _result(index, game, values, method):
    return PowerIndexResult(index, game, dict(zip(game.players, values, strict=True)), method)


def johnston(game, *, method="auto"):
    """Johnston index: swings shared among the critical members of each coalition.

    For every winning coalition S with c(S) >= 1 critical members (members whose exit
    makes S lose), each critical member receives 1/c(S). The totals are normalized to
    sum to 1 (they add up to the number of such coalitions).

    Parameters
    ----------
    game : Game
    method : {"auto", "backtrack", "enumerate"}, optional
        ``"backtrack"`` (weighted games; their default): visits only the winning
        coalitions that have a critical member. ``"enumerate"``: every coalition.

    Returns
    -------
    PowerIndexResult
        Fractions that sum to 1.

    Notes
    -----
    Cost: ``"backtrack"`` O(n V) for V winning coalitions with a critical member (which
    can itself be exponential in n); ``"enumerate"`` O(n 2**n).

    References
    ----------
    .. [1] R. J. Johnston, "On the measurement of power: some reactions to Laver",
       Environment and Planning A 10 (1978), 907-914. https://doi.org/10.1068/a100907

    Examples
    --------
    >>> import powerindex as pi
    >>> pi.johnston(pi.WeightedGame([2, 1, 1], 3)).to_dict()
    {'P1': Fraction(2, 3), 'P2': Fraction(1, 6), 'P3': Fraction(1, 6)}
    """
    check_game(game, "johnston")
    method = dispatch.resolve_method(game, method, dispatch.COALITION_METHODS, "johnston")
    tallies = dispatch.johnston_tallies(game, method)
    raw = [sum((Fraction(count, c) for c, count in tally.items()), Fraction(0))
           for tally in tallies]
    total = sum(raw, Fraction(0))
    return _result("johnston", game, [r / total for r in raw], method)


def _minimal_winning(game, method, index):
    check_game(game, index)
    method = dispatch.resolve_method(game, method, dispatch.COALITION_METHODS, index)
    return dispatch.minimal_winning_masks(game, method), method


def deegan_packel(game, *, method="auto"):
    """Deegan-Packel index: minimal winning coalitions equally likely, spoils split equally.

    ``rho_i = (1/|M|) * sum over S in M containing i of 1/|S|``, where M is the set of
    minimal winning coalitions.

    Parameters
    ----------
    game : Game
    method : {"auto", "backtrack", "enumerate"}, optional
        ``"backtrack"`` (weighted games; their default) lists the minimal winning
        coalitions directly; ``"enumerate"`` derives them from all 2**n coalitions.

    Returns
    -------
    PowerIndexResult
        Fractions that sum to 1.

    Notes
    -----
    Cost: ``"backtrack"`` O(n |M|); ``"enumerate"`` O(n 2**n).

    References
    ----------
    .. [1] J. Deegan and E. W. Packel, "A new index of power for simple n-person games",
       International Journal of Game Theory 7 (1978), 113-123.
       https://doi.org/10.1007/BF01753239

    Examples
    --------
    >>> import powerindex as pi
    >>> pi.deegan_packel(pi.WeightedGame([2, 1, 1], 3)).to_dict()
    {'P1': Fraction(1, 2), 'P2': Fraction(1, 4), 'P3': Fraction(1, 4)}
    """
    masks, method = _minimal_winning(game, method, "deegan_packel")
    values = [Fraction(0)] * game.n
    for mask in masks:
        share = Fraction(1, mask.bit_count())
        for i in range(game.n):
            if mask >> i & 1:
                values[i] += share
    return _result("deegan_packel", game, [v / len(masks) for v in values], method)


def holler(game, *, method="auto"):
    """Holler's public good index: membership in minimal winning coalitions, normalized.

    ``h_i = m_i / sum_j m_j``, where m_i is the number of minimal winning coalitions
    containing i. The winning coalition's gain is a public good, so only membership of a
    minimal winning coalition counts, not its size.

    Parameters
    ----------
    game : Game
    method : {"auto", "backtrack", "enumerate"}, optional
        As for :func:`deegan_packel`.

    Returns
    -------
    PowerIndexResult
        Fractions that sum to 1.

    Notes
    -----
    Cost as for :func:`deegan_packel`.

    References
    ----------
    .. [1] M. J. Holler, "Forming coalitions and measuring voting power", Political
       Studies 30 (1982), 262-271. https://doi.org/10.1111/j.1467-9248.1982.tb00537.x
    .. [2] M. J. Holler and E. W. Packel, "Power, luck and the right index", Journal of
       Economics 43 (1983), 21-29. https://doi.org/10.1007/BF01283881

    Examples
    --------
    >>> import powerindex as pi
    >>> pi.holler(pi.WeightedGame([2, 1, 1], 3)).to_dict()
    {'P1': Fraction(1, 2), 'P2': Fraction(1, 4), 'P3': Fraction(1, 4)}
    """
    masks, method = _minimal_winning(game, method, "holler")
    counts = [sum(1 for mask in masks if mask >> i & 1) for i in range(game.n)]
    total = sum(counts)
    return _result("holler", game, [Fraction(c, total) for c in counts], method)
