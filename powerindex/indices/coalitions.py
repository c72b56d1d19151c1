"""Coalition queries: which coalitions win, which are minimal, where a player swings.

Each function returns :class:`Coalitions`, a read-only sequence of ``frozenset`` of player
names held compactly as bit masks, ordered by size and then by the players' order in the
game, so the output is stable.

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

from collections.abc import Sequence

import numpy as np

from .._engines import dispatch
from ..errors import InvalidTypeError
from ..games.base import check_game
from ..games.weighted import WeightedGame

__all__ = [
    "Coalitions",
    "winning_coalitions",
    "minimal_winning_coalitions",
    "minimum_size_winning_coalitions",
    "minimum_weight_winning_coalitions",
    "swing_coalitions",
]


class Coalitions(Sequence):
    """A read-only list of coalitions, held as bit masks: 8 bytes a coalition.

    Item ``k`` is a ``frozenset`` of player names, built when it is asked for; the order
    is by size, then by the players' order in the game. It compares equal to any sequence
    of the same coalitions in the same order (a list of sets included).

    Examples
    --------
    >>> import powerindex as pi
    >>> winning = pi.winning_coalitions(pi.WeightedGame([2, 1, 1], 3, players=list("ABC")))
    >>> len(winning), winning[0] == {"A", "B"}, frozenset("BC") in winning
    (3, True, False)
    >>> winning
    <Coalitions: 3 coalitions of 3 players>
    """

    __slots__ = ("_players", "_masks")

    def __init__(self, players, masks):
        object.__setattr__(self, "_players", tuple(players))
        masks = np.asarray(masks, dtype=np.int64)
        masks.setflags(write=False)
        object.__setattr__(self, "_masks", masks)

    def __setattr__(self, name, value):
        raise AttributeError("Coalitions are read-only")

    def __reduce__(self):
        return Coalitions, (self._players, self._masks)

    def _names(self, mask):
        return frozenset(p for i, p in enumerate(self._players) if mask >> i & 1)

    def __len__(self):
        return len(self._masks)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Coalitions(self._players, self._masks[index])
        return self._names(int(self._masks[index]))

    def __iter__(self):
        for mask in self._masks.tolist():
            yield self._names(mask)

    def membership(self):
        """How many of these coalitions each player belongs to: a dict in player order.

        Examples
        --------
        >>> import powerindex as pi
        >>> g = pi.WeightedGame([3, 2, 2, 1], 5, players=["A", "B", "C", "D"])
        >>> pi.minimal_winning_coalitions(g).membership()
        {'A': 2, 'B': 2, 'C': 2, 'D': 1}
        """
        return {p: int(np.count_nonzero((self._masks >> i) & 1))
                for i, p in enumerate(self._players)}

    def __contains__(self, coalition):
        position = {p: i for i, p in enumerate(self._players)}
        try:
            members = set(coalition)
            mask = sum(1 << position[p] for p in members)
        except (KeyError, TypeError):
            return False
        return bool(np.any(self._masks == mask))

    def __eq__(self, other):
        if isinstance(other, Coalitions):
            return self._players == other._players and np.array_equal(self._masks,
                                                                      other._masks)
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(
                mine == set(theirs) for mine, theirs in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None

    def __repr__(self):
        return f"<Coalitions: {len(self)} coalitions of {len(self._players)} players>"


def _lexicographic_rank(masks, n):
    """A key that orders masks of equal size by their members' positions, lowest first.

    Of two sets of the same size, the one holding the lowest player of their symmetric
    difference comes first: it has the larger bit-reversed mask, so the key is minus it.
    """
    reversed_masks = np.zeros(len(masks), dtype=np.int64)
    for i in range(n):
        reversed_masks |= ((masks >> i) & 1) << (n - 1 - i)
    return -reversed_masks


def _sorted_coalitions(game, masks):
    masks = np.asarray(list(masks) if not isinstance(masks, np.ndarray) else masks,
                       dtype=np.int64)
    sizes = np.zeros(len(masks), dtype=np.int64)
    for i in range(game.n):
        sizes += (masks >> i) & 1
    order = np.lexsort((_lexicographic_rank(masks, game.n), sizes))
    return Coalitions(game.players, masks[order])


def winning_coalitions(game):
    """Every winning coalition.

    Parameters
    ----------
    game : Game

    Returns
    -------
    Coalitions

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
    check_game(game, "winning_coalitions")
    return _sorted_coalitions(game, np.flatnonzero(dispatch.winning_table(game)))


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
    Coalitions

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
    check_game(game, "minimal_winning_coalitions")
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
    Coalitions

    Examples
    --------
    >>> import powerindex as pi
    >>> [sorted(c) for c in pi.minimum_size_winning_coalitions(pi.WeightedGame([3, 2, 2, 1], 5))]
    [['P1', 'P2'], ['P1', 'P3']]
    """
    check_game(game, "minimum_size_winning_coalitions")
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
    Coalitions

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
    if not isinstance(game, WeightedGame):
        raise InvalidTypeError(
            "minimum_weight_winning_coalitions needs a WeightedGame, got"
            f" {type(game).__name__}"
        )
    method = dispatch.resolve_method(game, method, dispatch.COALITION_METHODS,
                                     "minimum_weight_winning_coalitions")
    masks = dispatch.minimal_winning_masks(game, method)
    _, weights = game.integer_representation

    def weight(mask):
        return sum(w for i, w in enumerate(weights) if mask >> i & 1)

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
    Coalitions
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
    check_game(game, "swing_coalitions")
    bit = 1 << game._check_player(player)
    table = dispatch.winning_table(game)
    masks = np.arange(len(table))
    critical = table & ((masks & bit) != 0) & ~table[masks ^ bit]
    return _sorted_coalitions(game, np.flatnonzero(critical))
