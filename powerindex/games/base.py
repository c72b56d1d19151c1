"""The protocol every simple game shares, and the composition of games by ``&`` and ``|``.

A *simple game* on a finite set of players N says, for every coalition S of N, whether S
wins. It is *monotone* (a superset of a winning coalition wins), the empty coalition
loses and the grand coalition N wins. Every index in powerindex takes any simple game.

A kind of game is a subclass of :class:`Game` that checks its input in ``__init__`` and
provides one method, ``_build_plan()``: its *counting plan*, which tells the engines what
to count (integer weights and quota, a composition of plans, or a winning rule on bit
masks; see ``docs/architecture.md``). Everything else -- coalition queries, structure,
composition -- is derived here from ``players`` and the plan.

Games are immutable values: their attributes cannot be set or deleted after
construction, transformations return new games, and every game pickles and copies
(without what it computed for itself, which it computes again when asked).

Composition is part of the protocol: ``g1 & g2`` (:class:`CompositeGame`) wins when both
games win (a double majority: vector-weighted games such as the EU Council) and
``g1 | g2`` when either does.
"""

from collections.abc import Hashable, Iterable
from functools import cached_property

import numpy as np

from .._engines import dispatch
from .._engines.plans import Composition
from ..errors import (
    IncompatibleGamesError,
    InvalidGameError,
    InvalidPlayerError,
    InvalidTypeError,
    UnknownPlayerError,
)

__all__ = ["Game", "CompositeGame", "check_game", "check_players", "default_names"]


def check_players(players, count=None):
    """Validate player names and return them as a tuple, in the order given.

    Any hashable name is accepted (str, int, tuple ...), as networkx accepts nodes;
    ``None``, empty or blank strings, unhashable and duplicate names are refused.
    """
    if isinstance(players, str | bytes) or not isinstance(players, Iterable):
        raise InvalidTypeError(
            f"players must be a sequence of names, got {type(players).__name__}"
        )
    names = tuple(players)
    for position, name in enumerate(names, start=1):
        check_name(name, f"player {position}")
    if not names:
        raise InvalidPlayerError("a game needs at least one player")
    seen = set()
    for name in names:
        if name in seen:
            raise InvalidPlayerError(f"duplicate player name {name!r}")
        seen.add(name)
    if count is not None and len(names) != count:
        raise InvalidPlayerError(
            f"{len(names)} player names for {count} weights: give one name per weight"
        )
    return names


def check_name(name, what):
    """Refuse a name that cannot stand for a player (``what`` says which one it is)."""
    if name is None:
        raise InvalidPlayerError(f"{what} has no name (None)")
    if not isinstance(name, Hashable):
        raise InvalidTypeError(
            f"{what} has the name {name!r} ({type(name).__name__}), which is not hashable;"
            " names must be hashable (str, int, tuple ...)"
        )
    if isinstance(name, str) and not name.strip():
        raise InvalidPlayerError(f"{what} has an empty name")
    try:
        hash(name)
    except TypeError:
        raise InvalidTypeError(
            f"{what} has the name {name!r}, which is not hashable (it contains an"
            " unhashable part); names must be hashable (str, int, tuple ...)"
        ) from None


def check_game(game, what):
    """Refuse anything but a simple game, naming the function (``what``) that needs one."""
    if not isinstance(game, Game):
        raise InvalidTypeError(
            f"{what} needs a game (a simple game: WeightedGame, SimpleGame, ...), got"
            f" {type(game).__name__}"
        )
    return game


def default_names(count):
    """``"P1", "P2", ...``: the names of players given without names."""
    return tuple(f"P{i}" for i in range(1, count + 1))


def label(name):
    """A player's name as text, for tables and messages."""
    return name if isinstance(name, str) else str(name)


class Game:
    """The protocol shared by every simple game.

    Subclasses set ``players`` in ``__init__`` (through :meth:`_set`) and provide
    ``_build_plan()``, the counting plan of the game, where bit ``i`` of a coalition's
    mask stands for ``players[i]``.
    """

    players: tuple
    #: Merged players: name -> the original players it stands for (set by merge()).
    _blocs = {}
    #: Parts of split players: name -> the player it was split from (set by split()).
    _origins = {}
    #: Parts of split players: name -> the original players of the whole it was split
    #: from (what that whole's members() were), so comparisons can sum the parts.
    _wholes = {}
    #: What a game computes for itself; left out when it is pickled or copied.
    _CACHE_KEYS = ("_plan", "_position")

    # -- immutability and pickling ------------------------------------------------------------
    def _set(self, **attributes):
        """Set attributes during construction (games are read-only afterwards)."""
        for name, value in attributes.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name, value):
        raise AttributeError(
            f"a {type(self).__name__} is immutable: cannot set {name!r}; build a new game"
            " instead"
        )

    def __delattr__(self, name):
        raise AttributeError(
            f"a {type(self).__name__} is immutable: cannot delete {name!r}"
        )

    def __getstate__(self):
        state = dict(self.__dict__)
        for key in self._CACHE_KEYS:
            state.pop(key, None)
        return state

    # -- the engine interface ------------------------------------------------------------------
    @cached_property
    def _plan(self):
        return self._build_plan()

    def counting_plan(self):
        """What the engines count for this game (the one interface between them).

        Returns
        -------
        CountingPlan
            A ``WeightThreshold``, ``Composition`` or ``WinningRule`` from
            ``powerindex._engines.plans``, the same object for the game's lifetime: the
            engines keep their counts in it.
        """
        return self._plan

    def _build_plan(self):
        raise NotImplementedError

    # -- players and coalitions -------------------------------------------------------------
    @property
    def n(self):
        """Number of players."""
        return len(self.players)

    @cached_property
    def _position(self):
        return {name: i for i, name in enumerate(self.players)}

    def _check_player(self, name):
        try:
            return self._position[name]
        except (KeyError, TypeError):
            raise UnknownPlayerError(
                f"{name!r} is not a player of this game; players are {list(self.players)}"
            ) from None

    def _mask(self, coalition):
        """Bit mask of a coalition given as an iterable of player names."""
        if isinstance(coalition, str):
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
            mask |= 1 << self._check_player(name)
        return mask

    def members(self, player):
        """The original players that ``player`` stands for.

        A player created by :meth:`merge` lists the players merged into it (through any
        number of merges), in player order; any other player stands for itself.

        Examples
        --------
        >>> import powerindex as pi
        >>> g = pi.WeightedGame([3, 2, 2, 1], 5, players=["A", "B", "C", "D"])
        >>> g.merge(["B", "C"], name="BC").merge(["BC", "D"], name="BCD").members("BCD")
        ('B', 'C', 'D')
        """
        self._check_player(player)
        return self._blocs.get(player, (player,))

    def origin(self, player):
        """The player that ``player`` was split from, or ``player`` itself.

        A part made by :meth:`WeightedGame.split` traces back to the player it was split
        from (through any number of splits and merges of other players); any other
        player is its own origin.

        Examples
        --------
        >>> import powerindex as pi
        >>> g = pi.WeightedGame([5, 3, 2], 6, players=["A", "B", "C"])
        >>> g.split("A", {"A loyal": 4, "A rebels": 1}).origin("A rebels")
        'A'
        """
        self._check_player(player)
        return self._origins.get(player, player)

    def _with_blocs_of_merge(self, merged, positions, name):
        """Return ``merged`` (the result of merging ``positions`` into ``name``) with its
        record of which original players each bloc stands for."""
        members = tuple(m for i in positions for m in self.members(self.players[i]))
        blocs = {p: ms for p, ms in self._blocs.items() if p in merged._position and p != name}
        blocs[name] = members
        object.__setattr__(merged, "_blocs", blocs)
        object.__setattr__(merged, "_origins", {
            p: o for p, o in self._origins.items() if p in merged._position and p != name})
        # A part merged into a bloc is still a part of its whole: comparisons need it.
        object.__setattr__(merged, "_wholes", {
            p: w for p, w in self._wholes.items() if p != name})
        return merged

    def _carry_blocs(self, derived):
        """Return ``derived`` (a game on a subset of these players) with their bloc records."""
        object.__setattr__(derived, "_blocs", {p: ms for p, ms in self._blocs.items()
                                               if p in derived._position})
        object.__setattr__(derived, "_origins", {p: o for p, o in self._origins.items()
                                                 if p in derived._position})
        atoms = {m for p in derived.players for m in derived._blocs.get(p, (p,))}
        object.__setattr__(derived, "_wholes", {p: w for p, w in self._wholes.items()
                                               if p in atoms})
        return derived

    def whole(self, player):
        """The original players of the whole that ``player`` is a part of.

        For a part made by :meth:`WeightedGame.split`, the members (see :meth:`members`)
        of the player it was split from; for any other player, its own members.
        Comparisons across scenarios use it to sum a split party's parts.

        Examples
        --------
        >>> import powerindex as pi
        >>> g = pi.WeightedGame([5, 3, 2], 6, players=["A", "B", "C"])
        >>> bc = g.merge(["B", "C"], name="BC").split("BC", {"B'": 4, "C'": 1})
        >>> bc.whole("C'"), bc.whole("A")
        (('B', 'C'), ('A',))
        """
        self._check_player(player)
        return self._wholes.get(player, self._blocs.get(player, (player,)))

    def _names(self, mask):
        """The coalition of a bit mask, as a frozenset of names."""
        return frozenset(name for i, name in enumerate(self.players) if mask >> i & 1)

    def is_winning(self, coalition):
        """Whether a coalition wins.

        Parameters
        ----------
        coalition : iterable of player names
            Any order; repetitions are ignored.

        Returns
        -------
        bool
        """
        return bool(self.counting_plan().wins(self._mask(coalition)))

    # -- composition ----------------------------------------------------------------------
    def __and__(self, other):
        return CompositeGame._combine("and", self, other)

    def __or__(self, other):
        return CompositeGame._combine("or", self, other)

    def _reordered(self, players):
        """The same game with its players listed in another order."""
        raise NotImplementedError

    # -- transformations ----------------------------------------------------------------------
    def _check_members(self, members, name):
        if isinstance(members, str) or not isinstance(members, Iterable):
            raise InvalidTypeError("merge needs a list of player names")
        members = list(members)
        if len(members) < 2:
            raise InvalidPlayerError(f"merging needs at least two players, got {members}")
        positions = [self._check_player(m) for m in members]
        if len(set(positions)) != len(positions):
            raise InvalidPlayerError(f"a player is named twice in the merge {members}")
        if name is None:
            name = "+".join(label(m) for m in members)
        if name is None or not isinstance(name, Hashable) or (
                isinstance(name, str) and not name.strip()):
            raise InvalidPlayerError(f"the merged player needs a non-empty name, got {name!r}")
        if name in self._position and name not in members:
            raise InvalidPlayerError(f"{name!r} is already a player; choose another name")
        return sorted(positions), name

    def _check_dropped(self, players):
        """Positions of the players to drop, given as one name or a list of names."""
        if (isinstance(players, str) or not isinstance(players, Iterable)
                or (isinstance(players, Hashable) and players in self._position)):
            players = [players]  # one name (a tuple may itself be a player's name)
        players = list(players)
        if not players:
            raise InvalidPlayerError("drop needs at least one player")
        positions = [self._check_player(p) for p in players]
        if len(set(positions)) != len(positions):
            raise InvalidPlayerError(f"a player is named twice in the drop {players}")
        if len(positions) >= self.n:
            raise InvalidPlayerError(
                f"cannot drop {players}: no player would be left"
                if len(positions) > 1 else f"cannot drop {players[0]!r}, the only player"
            )
        return positions

    # -- structure ----------------------------------------------------------------------
    def _winning_table(self):
        return self.counting_plan().winning_table()

    @property
    def is_proper(self):
        """True when no two disjoint coalitions both win (S wins implies N - S loses)."""
        table = self._winning_table()
        return not np.any(table & table[::-1])

    @property
    def is_strong(self):
        """True when, of every coalition and its complement, at least one wins."""
        table = self._winning_table()
        return bool(np.all(table | table[::-1]))

    @property
    def is_decisive(self):
        """True when the game is proper and strong (exactly one of S and N - S wins)."""
        return self.is_proper and self.is_strong

    @property
    def veto_players(self):
        """Players without whom no coalition wins, in player order."""
        grand = (1 << self.n) - 1
        plan = self.counting_plan()
        return tuple(p for i, p in enumerate(self.players) if not plan.wins(grand & ~(1 << i)))

    @property
    def dummies(self):
        """Players who are never critical (a null player in every index), in player order."""
        method = dispatch.resolve_method(self, "auto", dispatch.SWING_METHODS, "dummies")
        counts, _ = dispatch.swing_counts(self, method)
        return tuple(p for p, c in zip(self.players, counts, strict=True) if c == 0)

    def __str__(self):
        return repr(self)


class CompositeGame(Game):
    """Games on the same players combined by ``&`` (all must win) or ``|`` (any may win).

    ``g1 & g2`` is how a double majority is written: the EU Council's "55% of the
    members and 65% of the population" is a member-count game ``&`` a population game.
    Build one with the operators rather than directly.

    Attributes
    ----------
    operation : {"and", "or"}
    components : tuple of Game
        Each over the same players, listed in the same order.

    Examples
    --------
    >>> import powerindex as pi
    >>> seats = pi.WeightedGame([5, 3, 1], 5, players=["A", "B", "C"])
    >>> heads = pi.WeightedGame([1, 1, 1], 2, players=["A", "B", "C"])
    >>> both = seats & heads
    >>> both.is_winning({"A"}), both.is_winning({"A", "C"})
    (False, True)
    """

    def __init__(self, operation, components):
        if operation not in ("and", "or"):
            raise InvalidGameError(f"operation must be 'and' or 'or', got {operation!r}")
        components = tuple(components)
        if len(components) < 2:
            raise InvalidGameError("a composite game needs at least two component games")
        for game in components:
            if not isinstance(game, Game):
                raise InvalidTypeError(f"cannot combine a game with {type(game).__name__}")
        first = components[0]
        aligned = [first]
        for game in components[1:]:
            if set(game.players) != set(first.players):
                only_first = [p for p in first.players if p not in game._position]
                only_other = [p for p in game.players if p not in first._position]
                raise IncompatibleGamesError(
                    "games combined with & or | must have the same players; only in the first:"
                    f" {only_first}, only in the other: {only_other}"
                )
            aligned.append(game if game.players == first.players else game._reordered(
                first.players))
        self._set(operation=operation, components=tuple(aligned), players=first.players)

    @classmethod
    def _combine(cls, operation, left, right):
        if not isinstance(right, Game):
            return NotImplemented
        parts = []
        for game in (left, right):
            if isinstance(game, CompositeGame) and game.operation == operation:
                parts.extend(game.components)
            else:
                parts.append(game)
        return cls(operation, parts)

    def _build_plan(self):
        return Composition(self.operation, [game.counting_plan() for game in self.components])

    def merge(self, members, name=None):
        """Merge players into one bloc in every component (see :meth:`WeightedGame.merge`)."""
        positions, name = self._check_members(members, name)
        parts = [game.merge([self.players[i] for i in positions], name)
                 for game in self.components]
        return self._with_blocs_of_merge(CompositeGame(self.operation, parts), positions, name)

    def drop(self, players):
        """The game without some players, who are taken to vote no, in every component.

        Parameters
        ----------
        players : player name or list of names

        Raises
        ------
        InvalidGameError
            ``"and"``: a component cannot win without them; ``"or"``: no component can.
        """
        positions = self._check_dropped(players)
        names = [self.players[i] for i in positions]
        if self.operation == "and":
            parts = [game.drop(names) for game in self.components]
        else:
            left = (1 << self.n) - 1 - sum(1 << i for i in positions)
            parts = [game.drop(names) for game in self.components
                     if game.counting_plan().wins(left)]
            if not parts:
                raise InvalidGameError(
                    f"without {names} no component can win: nobody could win"
                )
        derived = parts[0] if len(parts) == 1 else CompositeGame(self.operation, parts)
        return self._carry_blocs(derived)

    def _reordered(self, players):
        return CompositeGame(self.operation, [g._reordered(players) for g in self.components])

    def __eq__(self, other):
        if not isinstance(other, CompositeGame):
            return NotImplemented
        return (self.operation, self.components) == (other.operation, other.components)

    def __hash__(self):
        return hash((CompositeGame, self.operation, self.components))

    def __repr__(self):
        symbol = " & " if self.operation == "and" else " | "
        return "<" + symbol.join(repr(g).strip("<>") for g in self.components) + ">"
