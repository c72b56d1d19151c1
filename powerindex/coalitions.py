"""Coalition queries: which coalitions win, which are minimal, where a player swings.

Each function returns a list of ``frozenset`` of player names, ordered by size and then
by the players' order in the game, so the output is stable.

Examples
--------
>>> import powerindex as pi
>>> g = pi.WeightedGame([91, 89, 70, 57, 18], 163,
...                     players=["Iraqiya", "SoL", "INA", "Kurds", "Others"])
>>> [sorted(c) for c in pi.minimum_weight_winning_coalitions(g)]
[['Kurds', 'Others', 'SoL']]
>>> [sorted(c) for c in pi.minimum_size_winning_coalitions(g)]
[['Iraqiya', 'SoL']]
"""

import numpy as np

from ._engines import dispatch
from .errors import InvalidTypeError

__all__ = [
    "winning_coalitions",
    "minimal_winning_coalitions",
    "minimum_size_winning_coalitions",
    "minimum_weight_winning_coalitions",
    "swing_coalitions",
]


def _sorted_coalitions(game, masks):
    def key(mask):
        return mask.bit_count(), [i for i in range(game.n) if mask >> i & 1]

    return [game._names(mask) for mask in sorted(masks, key=key)]


def winning_coalitions(game):
    """Every winning coalition.

    Parameters
    ----------
    game : Game

    Returns
    -------
    list of frozenset of str

    Notes
    -----
    Enumerates all 2**n coalitions: O(n 2**n), up to 26 players. The list itself can be
    as long as 2**n.

    Examples
    --------
    >>> import powerindex as pi
    >>> [sorted(c) for c in pi.winning_coalitions(pi.WeightedGame([2, 1, 1], 3))]
    [['P1', 'P2'], ['P1', 'P3'], ['P1', 'P2', 'P3']]
    """
    _check_game(game, "winning_coalitions")
    return _sorted_coalitions(game, [int(m) for m in np.flatnonzero(game._winning_table())])


def minimal_winning_coalitions(game, *, method="auto"):
    """The minimal winning coalitions: winning, but losing without any one member.

    Parameters
    ----------
    game : Game
    method : {"auto", "backtrack", "enumerate"}, optional
        ``"backtrack"`` (weighted games; their default) lists them directly, without
        visiting the other coalitions; ``"enumerate"`` derives them from all 2**n.

    Returns
    -------
    list of frozenset of str

    Notes
    -----
    Cost: ``"backtrack"`` O(n |M|) for |M| minimal winning coalitions;
    ``"enumerate"`` O(n 2**n).

    References
    ----------
    .. [1] W. H. Riker, *The Theory of Political Coalitions*, Yale University Press, 1962.

    Examples
    --------
    >>> import powerindex as pi
    >>> [sorted(c) for c in pi.minimal_winning_coalitions(pi.WeightedGame([2, 1, 1], 3))]
    [['P1', 'P2'], ['P1', 'P3']]
    """
    method = dispatch.resolve_method(game, method, dispatch.COALITION_METHODS,
                                     "minimal_winning_coalitions")
    return _sorted_coalitions(game, dispatch.minimal_winning_masks(game, method))


def minimum_size_winning_coalitions(game, *, method="auto"):
    """The winning coalitions with the fewest members (all of them minimal winning).

    Parameters
    ----------
    game : Game
    method : {"auto", "backtrack", "enumerate"}, optional
        As for :func:`minimal_winning_coalitions`.

    Returns
    -------
    list of frozenset of str

    Examples
    --------
    >>> import powerindex as pi
    >>> [sorted(c) for c in pi.minimum_size_winning_coalitions(pi.WeightedGame([3, 2, 2, 1], 5))]
    [['P1', 'P2'], ['P1', 'P3']]
    """
    method = dispatch.resolve_method(game, method, dispatch.COALITION_METHODS,
                                     "minimum_size_winning_coalitions")
    masks = dispatch.minimal_winning_masks(game, method)
    fewest = min(mask.bit_count() for mask in masks)
    return _sorted_coalitions(game, [m for m in masks if m.bit_count() == fewest])


def minimum_weight_winning_coalitions(game, *, method="auto"):
    """The minimal winning coalitions of least total weight (Riker's size principle).

    Players of weight zero never belong to a minimal winning coalition, so these are
    exactly the winning coalitions of least weight without a zero-weight member.

    Parameters
    ----------
    game : WeightedGame
    method : {"auto", "backtrack", "enumerate"}, optional
        As for :func:`minimal_winning_coalitions`.

    Returns
    -------
    list of frozenset of str

    Raises
    ------
    InvalidTypeError
        If the game has no weights.

    References
    ----------
    .. [1] W. H. Riker, *The Theory of Political Coalitions*, Yale University Press, 1962.

    Examples
    --------
    >>> import powerindex as pi
    >>> [sorted(c) for c in pi.minimum_weight_winning_coalitions(pi.WeightedGame([3, 2, 2, 1], 5))]
    [['P1', 'P2'], ['P1', 'P3'], ['P2', 'P3', 'P4']]
    """
    from .games import WeightedGame

    if not isinstance(game, WeightedGame):
        raise InvalidTypeError(
            "minimum_weight_winning_coalitions needs a WeightedGame, got"
            f" {type(game).__name__}"
        )
    method = dispatch.resolve_method(game, method, dispatch.COALITION_METHODS,
                                     "minimum_weight_winning_coalitions")
    masks = dispatch.minimal_winning_masks(game, method)

    def weight(mask):
        return sum(w for i, w in enumerate(game._int_weights) if mask >> i & 1)

    least = min(weight(mask) for mask in masks)
    return _sorted_coalitions(game, [m for m in masks if weight(m) == least])


def swing_coalitions(game, player):
    """The winning coalitions in which ``player`` is critical (its exit makes them lose).

    Parameters
    ----------
    game : Game
    player : str

    Returns
    -------
    list of frozenset of str
        Each contains ``player``; their number is ``pi.swings(game)[player]``.

    Notes
    -----
    Enumerates all 2**n coalitions: O(2**n), up to 26 players.

    Examples
    --------
    >>> import powerindex as pi
    >>> [sorted(c) for c in pi.swing_coalitions(pi.WeightedGame([2, 1, 1], 3), "P2")]
    [['P1', 'P2']]
    """
    _check_game(game, "swing_coalitions")
    bit = 1 << game._check_player(player)
    table = game._winning_table()
    masks = np.arange(len(table))
    critical = table & ((masks & bit) != 0) & ~table[masks ^ bit]
    return _sorted_coalitions(game, [int(m) for m in np.flatnonzero(critical)])


def _check_game(game, what):
    from .games import Game

    if not isinstance(game, Game):
        raise InvalidTypeError(f"{what} needs a game, got {type(game).__name__}")
