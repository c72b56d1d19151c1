"""TU games: a worth for every coalition, and the values of one.

A *transferable-utility (TU) game* on a finite set of players N gives every coalition S a
*worth* v(S), a number the members of S can share as they like; v(empty) = 0. A simple
game is the TU game with v(S) = 1 when S wins and 0 otherwise.

:class:`TUGame` holds the 2**n worths exactly, as integers over one common denominator,
and computes its values from them: Shapley, Banzhaf, Myerson, Owen, Banzhaf-Owen and the
nucleolus (the public functions of :mod:`powerindex.tu` take a TUGame or a simple game
and call these).
"""

import math
from collections.abc import Iterable, Mapping
from fractions import Fraction
from math import factorial

import numpy as np

from .._checks import check_flag, check_whole
from .._engines import enumeration
from .._numbers import lcm_of_denominators, simplest, to_fraction
from .._structures import check_graph, partition
from ..errors import (
    GameTooLargeError,
    InvalidGameError,
    InvalidTypeError,
    UnknownPlayerError,
)
from ..games.base import Game, check_players
from ..indices.results import PowerIndexResult
from ._worths import (
    banzhaf_numerators,
    graph_restricted,
    int_array,
    shapley_numerators,
    union_values,
)

__all__ = ["TUGame", "to_tu_game", "as_tu", "check_lp_size", "NUCLEOLUS_MAX_PLAYERS"]

#: Default limit of the nucleolus: every LP has 2**n rows.
NUCLEOLUS_MAX_PLAYERS = 18


def _restore(players, ints, scale):
    """Rebuild a pickled TUGame (the other half of ``TUGame.__reduce__``)."""
    return TUGame._from_ints(players, ints, scale)


# -- the game ---------------------------------------------------------------------------------
class TUGame:
    """A cooperative game with transferable utility, given by its characteristic function.

    Parameters
    ----------
    players : sequence of hashable names
        Unique names (str, int, tuple ...); bit ``i`` of a coalition's mask is
        ``players[i]``. Games in the literature often number their players 1..n.
    value : callable or mapping
        Either a function taking a ``frozenset`` of names and returning the worth of that
        coalition (it is called once for each of the 2**n coalitions), or a mapping from
        coalitions to worths. A coalition key is a ``frozenset`` or ``tuple`` of names (any
        hashable iterable of names that is not a string; the order and repetitions of names
        do not matter); the empty coalition may be left out (its worth is 0).
        Worths are int, Fraction, Decimal or float (a float is read as the decimal it
        prints as: ``0.1`` is exactly 1/10).
    default : number, optional
        Only with a mapping: the worth of every coalition not in it. Without it, a mapping
        must give every non-empty coalition.

    Attributes
    ----------
    players : tuple of str
    n : int

    Raises
    ------
    InvalidGameError
        v(empty) is not 0; a worth is NaN or infinite; a mapping misses a coalition (and no
        ``default``) or gives one coalition two different worths.
    UnknownPlayerError
        A mapping's coalition names someone who is not a player.
    InvalidTypeError
        A worth is not a number (the message names the coalition), a coalition key is a
        bare string or not a collection, ``value`` is neither callable nor a mapping, or
        ``default`` is given with a callable.
    InvalidPlayerError
        Names are empty or duplicated.
    GameTooLargeError
        More than 26 players.

    Notes
    -----
    The game is an immutable value. Its 2**n worths are read and converted once, at
    construction, and kept as integers over one common denominator: O(2**n) time and
    memory (and 2**n calls of a ``value`` function). Two games are equal when they have the
    same players in the same order and the same worths.

    Examples
    --------
    >>> import powerindex as pi
    >>> from powerindex.tu import TUGame
    >>> v = TUGame(["A", "B"], {("A",): 1, ("B",): 2, ("A", "B"): 4.5})
    >>> v.value({"A", "B"}), v.value([])
    (Fraction(9, 2), Fraction(0, 1))
    >>> print(v)
    TUGame of 2 players
    coalition  worth
    {}             0
    {A}            1
    {B}            2
    {A, B}       9/2
    >>> TUGame(["A", "B"], {("A",): 1}, default=0).value({"A", "B"})
    Fraction(0, 1)
    """

    __slots__ = ("_players", "_position", "_scale", "_ints", "_list_cache")

    def __init__(self, players, value, *, default=None):
        players = check_players(players)
        _check_tu_size(len(players))
        object.__setattr__(self, "_players", players)
        object.__setattr__(self, "_position", {name: i for i, name in enumerate(players)})
        n = len(players)
        if callable(value) and not isinstance(value, Mapping):
            if default is not None:
                raise InvalidTypeError(
                    "default= applies only to a mapping of coalitions to worths, not to a"
                    " function"
                )
            worths = [self._convert(value(self._names(mask)), mask) for mask in range(1 << n)]
        elif isinstance(value, Mapping):
            worths = self._worths_from_mapping(value, default)
        else:
            raise InvalidTypeError(
                "value must be a function of a coalition or a mapping from coalitions to"
                f" worths, got {type(value).__name__}"
            )
        if worths[0] != 0:
            raise InvalidGameError(
                f"the worth of the empty coalition must be 0, got {simplest(worths[0])}"
            )
        self._store(worths)

    # -- construction helpers ---------------------------------------------------------------
    def __setattr__(self, name, value):
        raise AttributeError(f"a TUGame is immutable: cannot set {name!r}")

    def __delattr__(self, name):
        raise AttributeError(f"a TUGame is immutable: cannot delete {name!r}")

    def __reduce__(self):
        # Rebuilt from the worths' integers, as _from_ints does; the caches are not sent.
        return _restore, (self._players, self._int_list(), self._scale)

    def _store(self, worths):
        scale = lcm_of_denominators(worths)
        object.__setattr__(self, "_scale", scale)
        object.__setattr__(self, "_ints", int_array([int(w * scale) for w in worths], self.n))
        object.__setattr__(self, "_list_cache", None)

    @classmethod
    def _from_ints(cls, players, ints, scale):
        """Internal constructor: worths ``ints[mask] / scale`` (ints a list of Python ints)."""
        game = cls.__new__(cls)
        object.__setattr__(game, "_players", tuple(players))
        object.__setattr__(game, "_position", {p: i for i, p in enumerate(players)})
        divisor = math.gcd(scale, *ints) or 1
        if divisor > 1:
            ints = [x // divisor for x in ints]
            scale //= divisor
        object.__setattr__(game, "_scale", scale)
        object.__setattr__(game, "_ints", int_array(ints, len(players)))
        object.__setattr__(game, "_list_cache", None)
        return game

    @classmethod
    def _from_int_array(cls, players, array):
        """Internal constructor from a numpy array of integer worths (denominator 1), without
        a Python call per coalition where int64 holds them (as ``int_array`` decides)."""
        n = len(players)
        if array.dtype.kind == "u" and array.size and int(array.max()) >= 2**63:
            return cls._from_ints(players, array.tolist(), 1)
        array = array.astype(np.int64)
        largest = max(int(array.max()), -int(array.min()))
        if largest >= 2 ** (62 - n):
            return cls._from_ints(players, array.tolist(), 1)
        game = cls.__new__(cls)
        object.__setattr__(game, "_players", tuple(players))
        object.__setattr__(game, "_position", {p: i for i, p in enumerate(players)})
        object.__setattr__(game, "_scale", 1)
        object.__setattr__(game, "_ints", array.copy())  # the caller's array may change
        object.__setattr__(game, "_list_cache", None)
        return game

    def _convert(self, worth, mask):
        what = f"the worth of coalition {self._describe(mask)}"
        try:
            return to_fraction(worth, what)
        except InvalidTypeError:
            raise
        except ValueError as exc:
            raise InvalidGameError(str(exc)) from None

    def _worths_from_mapping(self, mapping, default):
        n = self.n
        given = {}
        for key, worth in mapping.items():
            mask = self._key_mask(key)
            converted = self._convert(worth, mask)
            if mask in given and given[mask] != converted:
                raise InvalidGameError(
                    f"coalition {self._describe(mask)} is given twice, with worths"
                    f" {simplest(given[mask])} and {simplest(converted)}"
                )
            given[mask] = converted
        if default is None:
            missing = [mask for mask in range(1, 1 << n) if mask not in given]
            if missing:
                raise InvalidGameError(
                    f"the worth of coalition {self._describe(missing[0])} is not given"
                    f" ({len(missing)} of the {(1 << n) - 1} non-empty coalitions are"
                    " missing); give every coalition or pass default= for the others"
                )
            fill = Fraction(0)
        else:
            try:
                fill = to_fraction(default, "default")
            except InvalidTypeError:
                raise
            except ValueError as exc:
                raise InvalidGameError(str(exc)) from None
        worths = [fill] * (1 << n)
        worths[0] = Fraction(0)
        for mask, worth in given.items():
            worths[mask] = worth
        return worths

    def _key_mask(self, key):
        if isinstance(key, str | bytes):
            raise InvalidTypeError(
                f"the coalition key {key!r} is a string; a coalition is a collection of player"
                f" names: write ({key!r},) or frozenset({{{key!r}}})"
            )
        if not isinstance(key, Iterable):
            raise InvalidTypeError(
                f"the coalition key {key!r} ({type(key).__name__}) is not a collection of"
                " player names; use a tuple or a frozenset"
            )
        mask = 0
        for name in key:
            try:
                mask |= 1 << self._position[name]
            except (KeyError, TypeError):
                raise UnknownPlayerError(
                    f"the coalition {key!r} names {name!r}, which is not a player; players are"
                    f" {list(self._players)}"
                ) from None
        return mask

    @classmethod
    def from_worths(cls, players, worths):
        """A TU game from the worths of all 2**n coalitions, in bit order.

        Parameters
        ----------
        players : sequence of hashable names
            Bit ``i`` of a coalition's index is ``players[i]``.
        worths : sequence or numpy array of numbers
            ``worths[mask]`` is the worth of the coalition of the players whose bits are set
            in ``mask``; ``2**n`` values, the first (the empty coalition) 0. An integer
            array is taken as it is, without a Python call per coalition; other numbers are
            read exactly (a float as the decimal it prints as).

        Returns
        -------
        TUGame

        Raises
        ------
        InvalidGameError
            The wrong number of worths, v(empty) not 0, or a worth NaN or infinite.
        InvalidTypeError
            A worth is not a number.

        Examples
        --------
        >>> import powerindex as pi
        >>> game = pi.TUGame.from_worths(["A", "B"], [0, 1, 2, 4])
        >>> game.value({"A"}), game.value({"B"}), game.value({"A", "B"})
        (Fraction(1, 1), Fraction(2, 1), Fraction(4, 1))
        """
        players = check_players(players)
        _check_tu_size(len(players))
        count = 1 << len(players)
        if len(worths) != count:
            raise InvalidGameError(
                f"{len(players)} players have {count} coalitions (the empty one first), but"
                f" {len(worths)} worths were given"
            )
        array = np.asarray(worths) if not isinstance(worths, np.ndarray) else worths
        if array.dtype.kind in "iu" and array.ndim == 1:
            if array[0] != 0:
                raise InvalidGameError("the worth of the empty coalition must be 0, got"
                                       f" {int(array[0])}")
            return cls._from_int_array(players, array)
        else:
            probe = cls.__new__(cls)
            object.__setattr__(probe, "_players", players)
            fractions = [probe._convert(w, mask) for mask, w in enumerate(worths)]
            scale = lcm_of_denominators(fractions)
            ints = [int(f * scale) for f in fractions]
        if ints[0] != 0:
            empty = simplest(Fraction(ints[0], scale))
            raise InvalidGameError(f"the worth of the empty coalition must be 0, got {empty}")
        return cls._from_ints(players, ints, scale)

    @classmethod
    def from_simple_game(cls, game):
        """The TU game of a simple game: v(S) = 1 when S wins, else 0.

        Parameters
        ----------
        game : Game
            A WeightedGame, SimpleGame or composite game.

        Returns
        -------
        TUGame

        Raises
        ------
        InvalidTypeError
            ``game`` is not a simple game.
        GameTooLargeError
            More than 26 players.

        Notes
        -----
        Cost: the winning table of the game, O(2**n).

        Examples
        --------
        >>> import powerindex as pi
        >>> from powerindex.tu import TUGame
        >>> tu = TUGame.from_simple_game(pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"]))
        >>> tu.value({"A", "B"}), tu.value({"B", "C"})
        (Fraction(1, 1), Fraction(0, 1))
        """
        if not isinstance(game, Game):
            raise InvalidTypeError(
                f"from_simple_game needs a simple game (WeightedGame, SimpleGame, ...), got"
                f" {type(game).__name__}"
            )
        _check_tu_size(game.n)
        table = game.counting_plan().winning_table()
        return cls._from_ints(game.players, [int(b) for b in table], 1)

    # -- reading ------------------------------------------------------------------------------
    @property
    def players(self):
        """The player names, in order (tuple of str)."""
        return self._players

    @property
    def n(self):
        """Number of players."""
        return len(self._players)

    def _names(self, mask):
        return frozenset(p for i, p in enumerate(self._players) if mask >> i & 1)

    def _describe(self, mask):
        return "{" + ", ".join(repr(p) for i, p in enumerate(self._players) if mask >> i & 1) + "}"

    def _mask(self, coalition):
        if isinstance(coalition, str | bytes):
            raise InvalidTypeError(
                f"a coalition is a collection of player names, got the string {coalition!r};"
                f" write {{{coalition!r}}} for a one-player coalition"
            )
        if not isinstance(coalition, Iterable):
            raise InvalidTypeError(
                f"a coalition is a collection of player names, got {type(coalition).__name__}"
            )
        mask = 0
        for name in coalition:
            try:
                mask |= 1 << self._position[name]
            except (KeyError, TypeError):
                raise UnknownPlayerError(
                    f"{name!r} is not a player of this game; players are {list(self._players)}"
                ) from None
        return mask

    def _int_list(self):
        """The worths times the common denominator, as a list of Python ints (cached)."""
        if self._list_cache is None:
            object.__setattr__(self, "_list_cache", self._ints.tolist())  # Python ints
        return self._list_cache

    def _worth(self, mask):
        return Fraction(int(self._ints[mask]), self._scale)

    def value(self, coalition):
        """The worth v(S) of a coalition.

        Parameters
        ----------
        coalition : iterable of str
            Player names (any order; repetitions are ignored).

        Returns
        -------
        Fraction

        Raises
        ------
        UnknownPlayerError
            A name is not a player.
        InvalidTypeError
            ``coalition`` is a bare string or not a collection.
        """
        return self._worth(self._mask(coalition))

    # -- values -----------------------------------------------------------------------------
    def shapley_value(self):
        """The Shapley value; see :func:`~powerindex.shapley_value`."""
        numerators = shapley_numerators(self._ints, self.n)
        denominator = self._scale * factorial(self.n)
        return _result("shapley_value", self, [Fraction(v, denominator) for v in numerators])

    def banzhaf_value(self, normalized=False):
        """The Banzhaf value; see :func:`~powerindex.banzhaf_value`."""
        check_flag(normalized, "normalized")
        numerators = banzhaf_numerators(self._ints, self.n)
        if not normalized:
            denominator = self._scale * 2 ** (self.n - 1)
            return _result("banzhaf_value", self,
                           [Fraction(v, denominator) for v in numerators])
        if sum(numerators) == 0:
            raise InvalidGameError(
                "the Banzhaf values of this game sum to 0, so they cannot be normalized; use"
                " normalized=False"
            )
        denominator = sum(numerators)
        return _result("banzhaf_value_normalized", self,
                       [Fraction(v, denominator) for v in numerators])

    def nucleolus(self, *, max_players=NUCLEOLUS_MAX_PLAYERS):
        """The nucleolus; see :func:`~powerindex.nucleolus`."""
        check_lp_size(self, "the nucleolus", max_players)
        n = self.n
        ints = self._ints
        full = (1 << n) - 1
        alone = sum(int(ints[1 << i]) for i in range(n))
        if int(ints[full]) < alone:
            raise InvalidGameError(
                f"the game has no imputation: v(N) = {simplest(self._worth(full))} is less"
                f" than the {simplest(Fraction(alone, self._scale))} the players get alone,"
                " so the nucleolus is not defined"
            )
        from ._nucleolus_lp import nucleolus_point  # its LP machinery, only when asked

        return _result("nucleolus", self, nucleolus_point(self._players, ints, self._scale),
                       "lp_sequence")

    def myerson_value(self, graph):
        """Myerson value: the Shapley value of the graph-restricted game (Myerson 1977).

        ``v/G(S)`` is the sum of v(C) over the connected components C of the subgraph of
        ``graph`` induced on S; see :func:`~powerindex.myerson`. Cost: O(n 2**n) for the
        restricted game (a search per coalition) plus the Shapley value.
        """
        check_graph(self._players, graph)
        position = self._position
        neighbours = [0] * self.n
        for i, player in enumerate(self._players):
            for other in graph[player]:
                neighbours[i] |= 1 << position[other]
        restricted = graph_restricted(self._int_list(), neighbours, self.n)
        values = shapley_numerators(int_array(restricted, self.n), self.n)
        denominator = self._scale * factorial(self.n)
        return _result("myerson", self, [Fraction(v, denominator) for v in values])

    def union_value(self, unions, index):
        """Owen (``index="owen"``, Owen 1977) or Banzhaf-Owen (``"banzhaf_owen"``, Owen
        1982) value with a priori unions; see :func:`~powerindex.owen`.

        Cost: O(2**(m + p_k - 2)) coalitions for each member of union k (m unions, p_k
        members), at most O(n 2**n).
        """
        groups = [members for _, members in partition(self, unions)]
        values = union_values(self._int_list(), groups, self.n, shapley=index == "owen")
        return _result(index, self, [v / self._scale for v in values])

    # -- values, printing ---------------------------------------------------------------------
    def __eq__(self, other):
        if not isinstance(other, TUGame):
            return NotImplemented
        return (
            self._players == other._players
            and self._scale == other._scale
            and np.array_equal(self._ints, other._ints)
        )

    def __hash__(self):
        return hash((TUGame, self._players, self._scale, tuple(int(x) for x in self._ints[:64])))

    def __repr__(self):
        return f"<TUGame of {self.n} players>"

    def __str__(self):
        if self.n > 5:
            return repr(self)
        names = [
            "{" + ", ".join(str(p) for i, p in enumerate(self._players) if mask >> i & 1)
            + "}"
            for mask in range(1 << self.n)
        ]
        order = sorted(range(1 << self.n), key=lambda mask: (mask.bit_count(), mask))
        worths = [str(simplest(self._worth(mask))) for mask in range(1 << self.n)]
        left = max(len("coalition"), *(len(s) for s in names))
        right = max(len("worth"), *(len(s) for s in worths))
        lines = [f"TUGame of {self.n} players", f"{'coalition':<{left}}  {'worth':>{right}}"]
        lines += [f"{names[mask]:<{left}}  {worths[mask]:>{right}}" for mask in order]
        return "\n".join(lines)


def check_lp_size(game, what, max_players):
    """Refuse, naming ``what``, a game of more than ``max_players`` players for the
    sequence of linear programs of the (pre)nucleolus and the least core."""
    max_players = check_whole(max_players, "max_players", minimum=1)
    n = game.n
    if n > max_players:
        raise GameTooLargeError(
            f"{what} of {n} players solves up to {n - 1} linear programs over 2**{n}"
            f" coalitions each; at most {max_players} players by default (raise"
            " max_players= to try more)"
        )


def _check_tu_size(n):
    if n > enumeration.MAX_PLAYERS:
        raise GameTooLargeError(
            f"a TU game stores the worth of each of its 2**{n} coalitions; at most"
            f" {enumeration.MAX_PLAYERS} players are supported"
        )


def _result(index, game, values, method="enumerate"):
    return PowerIndexResult(index, game, dict(zip(game.players, values, strict=True)), method)


def to_tu_game(game):
    """The TU game of a simple game (v(S) = 1 if S wins, else 0); a TU game is returned as is.

    Parameters
    ----------
    game : Game or TUGame

    Returns
    -------
    TUGame

    Raises
    ------
    InvalidTypeError
        Neither a simple game nor a TU game.

    Examples
    --------
    >>> import powerindex as pi
    >>> from powerindex.tu import to_tu_game
    >>> to_tu_game(pi.WeightedGame([1, 1, 1], 2)).value({"P1", "P3"})
    Fraction(1, 1)
    """
    if isinstance(game, TUGame):
        return game
    return TUGame.from_simple_game(game)


def as_tu(game, function):
    if isinstance(game, TUGame):
        return game
    if isinstance(game, Game):
        return TUGame.from_simple_game(game)
    raise InvalidTypeError(
        f"{function} needs a TUGame or a simple game, got {type(game).__name__}"
    )
