"""Any monotone simple game, given by a rule or by its minimal winning coalitions.

:class:`SimpleGame` is the general kind of game: a winning rule (a function of a
coalition) or a list of winning coalitions. Games derived from another game by grouping
its players -- a merger, a player dropped, the players listed in another order, the
quotient game of a priori unions -- are SimpleGames too, whose rule asks the original
game (:func:`grouped_game`); they hold no closure, so they pickle like any game.
"""

from collections.abc import Iterable

import numpy as np

from .._engines import enumeration
from .._engines.plans import WinningRule
from ..errors import InvalidGameError, InvalidTypeError
from .base import Game, check_players

__all__ = ["SimpleGame", "grouped_game"]


class SimpleGame(Game):
    """Any monotone simple game, given by a rule or by its minimal winning coalitions.

    Parameters
    ----------
    players : sequence of hashable names
        Unique names (str, int, tuple ...), in the order to report them.
    winning : callable or iterable of coalitions
        Either a function taking a ``frozenset`` of names and returning True when that
        coalition wins, or a list of coalitions (each an iterable of names) that win: a
        coalition wins when it contains one of them. Listing the minimal winning
        coalitions is the usual way; listing more is harmless.

    Raises
    ------
    InvalidGameError
        The empty coalition wins, the grand coalition loses, or (found when the game is
        first enumerated) the rule is not monotone.
    UnknownPlayerError
        A listed coalition names a non-player.
    InvalidTypeError
        ``winning`` is neither callable nor a collection, or the rule returns a non-bool.

    Notes
    -----
    A rule is evaluated on every one of the 2**n coalitions when an index is computed
    (once; the table is kept), so rules suit games up to about 25 players. A game with a
    rule pickles when its rule does (a function defined at the top level of a module).

    Examples
    --------
    >>> import powerindex as pi
    >>> unsc_like = pi.SimpleGame(["A", "B", "C"], [{"A", "B"}, {"A", "C"}])
    >>> unsc_like.veto_players
    ('A',)
    >>> two_of_three = pi.SimpleGame(["X", "Y", "Z"], lambda s: len(s) >= 2)
    >>> two_of_three.is_winning({"X", "Z"})
    True
    """

    def __init__(self, players, winning):
        self._set(players=check_players(players))
        if callable(winning):
            self._set(_rule=winning, _generators=None)
        elif isinstance(winning, str) or not isinstance(winning, Iterable):
            raise InvalidTypeError(
                "winning must be a function of a coalition or a list of winning coalitions,"
                f" got {type(winning).__name__}"
            )
        else:
            masks = {self._mask(coalition) for coalition in winning}
            if not masks:
                raise InvalidGameError("no winning coalition was given: nobody could ever win")
            self._set(_rule=None, _generators=_minimal_masks(masks))
        self._check_ends()

    def _check_ends(self):
        plan = self.counting_plan()
        if plan.wins(0):
            raise InvalidGameError("the empty coalition wins: then every coalition would win")
        if not plan.wins((1 << self.n) - 1):
            raise InvalidGameError("the grand coalition of all players loses: nobody could win")

    @classmethod
    def _derived(cls, players, rule):
        """A game on ``players`` whose mask rule is ``rule`` (a picklable object with
        ``wins(mask)`` and ``table()``)."""
        game = cls.__new__(cls)
        game._set(players=tuple(players), _rule=None, _generators=None, _derived_rule=rule)
        return game

    def _build_plan(self):
        if self._generators is not None:
            generators, n = self._generators, self.n

            def wins(mask):
                return any(g & mask == g for g in generators)

            return WinningRule(n, wins, lambda: enumeration.upward_closure(generators, n))
        rule = getattr(self, "_derived_rule", None)
        if rule is not None:
            return WinningRule(self.n, rule.wins, rule.table)
        return WinningRule(self.n, self._ask_rule, self._checked_table)

    def _ask_rule(self, mask):
        result = self._rule(self._names(mask))
        if not isinstance(result, bool | np.bool_):
            raise InvalidTypeError(
                f"the winning rule returned {result!r} ({type(result).__name__}) for"
                f" {sorted(self._names(mask), key=self._position.get)}; it must return True"
                " or False"
            )
        return bool(result)

    def _checked_table(self):
        n = self.n
        enumeration.check_size(n)
        table = np.fromiter((self._ask_rule(mask) for mask in range(1 << n)), bool, 1 << n)
        violation = enumeration.monotonicity_violation(table, n)
        if violation is not None:
            mask, player = violation
            members = sorted(self._names(mask), key=self._position.get)
            raise InvalidGameError(
                f"the winning rule is not monotone: {members} wins but adding"
                f" {self.players[player]!r} makes it lose"
            )
        return table

    def merge(self, members, name=None):
        """Merge several players into one bloc that always votes together.

        A coalition of the new game wins when the coalition of the original players it
        stands for wins. See :meth:`WeightedGame.merge` for the parameters.
        """
        positions, name = self._check_members(members, name)
        return self._with_blocs_of_merge(_merged_game(self, positions, name), positions, name)

    def drop(self, players):
        """The game without some players, who are taken to vote no.

        Parameters
        ----------
        players : player name or list of names

        Raises
        ------
        InvalidGameError
            If the others cannot win without them (one of them is a veto player).
        """
        return self._carry_blocs(_dropped_game(self, self._check_dropped(players)))

    def _reordered(self, players):
        return grouped_game(self, players, [[self._position[p]] for p in players])

    def __repr__(self):
        return f"<SimpleGame of {self.n} players>"


def _minimal_masks(masks):
    """The inclusion-minimal elements of a set of bit masks."""
    ordered = sorted(masks, key=int.bit_count)
    minimal = []
    for mask in ordered:
        if not any(m & mask == m for m in minimal):
            minimal.append(mask)
    return tuple(minimal)


class _Grouped:
    """The rule of a game whose player j stands for a group of another game's players."""

    def __init__(self, game, groups):
        self.game = game
        self.bits = [sum(1 << i for i in group) for group in groups]

    def _expand(self, mask):
        original = 0
        for j, bits in enumerate(self.bits):
            if mask >> j & 1:
                original |= bits
        return original

    def wins(self, mask):
        return self.game.counting_plan().wins(self._expand(mask))

    def table(self):
        enumeration.check_size(len(self.bits))
        return self.game.counting_plan().winning_table()[enumeration.mask_map(self.bits)]


def grouped_game(game, players, groups):
    """A SimpleGame whose player ``players[j]`` stands for the original players
    ``groups[j]`` (positions) of ``game``: a coalition wins when the coalition of the
    original players it stands for wins; original players in no group vote no."""
    return SimpleGame._derived(players, _Grouped(game, groups))


def _merged_game(game, positions, name):
    first, merged = positions[0], set(positions)
    players, groups = [], []
    for i, player in enumerate(game.players):
        if i == first:
            players.append(name)
            groups.append(positions)
        elif i not in merged:
            players.append(player)
            groups.append([i])
    return grouped_game(game, players, groups)


def _dropped_game(game, positions):
    keep = [i for i in range(game.n) if i not in positions]
    if not game.counting_plan().wins(sum(1 << i for i in keep)):
        dropped = [game.players[i] for i in positions]
        raise InvalidGameError(
            f"{dropped[0]!r} is a veto player: without it no coalition can win"
            if len(dropped) == 1 else
            f"without {dropped} no coalition can win (they hold a veto together)"
        )
    return grouped_game(game, [game.players[i] for i in keep], [[i] for i in keep])
