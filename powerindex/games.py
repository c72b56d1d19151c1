"""Simple games: who wins, who loses.

A *simple game* on a finite set of players N says, for every coalition S of N, whether S
wins. It is *monotone* (a superset of a winning coalition wins), the empty coalition
loses and the grand coalition N wins. Every index in powerindex takes any simple game.

There are three ways to build one:

* :class:`WeightedGame` -- the workhorse: each player has a weight and a coalition wins
  when its total weight reaches the quota, ``[q; w1, ..., wn]``.
* :class:`SimpleGame` -- any monotone rule, given as a function of a coalition or as the
  list of its minimal winning coalitions.
* composition -- ``g1 & g2`` wins when both games win (a double majority: vector-weighted
  games such as the EU Council) and ``g1 | g2`` when either does.

Games are immutable values; transformations (:meth:`~WeightedGame.merge`,
:meth:`~WeightedGame.drop`) return new games.

Examples
--------
>>> import powerindex as pi
>>> g = pi.WeightedGame([91, 89, 70, 57, 18], 163,
...                     players=["Iraqiya", "SoL", "INA", "Kurds", "Others"])
>>> g
<WeightedGame [163; 91, 89, 70, 57, 18]>
>>> g.is_winning({"SoL", "INA"})
False
>>> g.is_winning({"SoL", "INA", "Others"})
True
>>> g.merge(["SoL", "INA"], name="NA")
<WeightedGame [163; 91, 159, 57, 18]>
"""

import math
import warnings
from collections.abc import Iterable, Mapping
from fractions import Fraction
from functools import cached_property

import numpy as np

from ._engines import enumeration
from ._numbers import lcm_of_denominators, simplest, to_fraction
from .errors import (
    GameTooLargeError,
    ImproperGameWarning,
    IncompatibleGamesError,
    InvalidGameError,
    InvalidPlayerError,
    InvalidQuotaError,
    InvalidTypeError,
    InvalidWeightError,
    UnknownPlayerError,
)
from .quotas import Share

__all__ = ["Game", "WeightedGame", "SimpleGame", "CompositeGame"]


def _check_players(players, count=None):
    """Validate player names and return them as a tuple of str."""
    if isinstance(players, str) or not isinstance(players, Iterable):
        raise InvalidTypeError(
            f"players must be a sequence of names, got {type(players).__name__}"
        )
    names = tuple(players)
    for position, name in enumerate(names, start=1):
        if not isinstance(name, str):
            raise InvalidTypeError(
                f"player {position} has name {name!r} ({type(name).__name__}); names must be str"
            )
        if not name.strip():
            raise InvalidPlayerError(f"player {position} has an empty name")
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


def _default_names(count):
    return tuple(f"P{i}" for i in range(1, count + 1))


class Game:
    """The protocol shared by every simple game.

    Subclasses provide ``players`` and ``_wins(mask)``, where bit ``i`` of the integer
    ``mask`` stands for ``players[i]``. Everything else -- the winning table used by the
    enumeration engine, coalition queries, structural properties -- is derived here.
    """

    players: tuple
    #: Merged players: name -> the original players it stands for (set by merge()).
    _blocs = {}
    #: What a game computes for itself; left out when it is pickled (sent to a worker).
    _CACHE_KEYS = ("_engine_cache", "_cached_table", "_reachable_sums", "_divided_weights",
                   "_position")

    def __getstate__(self):
        state = dict(self.__dict__)
        for key in self._CACHE_KEYS:
            state.pop(key, None)
        return state

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

    def _with_blocs_of_merge(self, merged, positions, name):
        """Return ``merged`` (the result of merging ``positions`` into ``name``) with its
        record of which original players each bloc stands for."""
        members = tuple(m for i in positions for m in self.members(self.players[i]))
        blocs = {p: ms for p, ms in self._blocs.items() if p in merged.players and p != name}
        blocs[name] = members
        merged._blocs = blocs
        return merged

    def _carry_blocs(self, derived):
        """Return ``derived`` (a game on a subset of these players) with their bloc records."""
        derived._blocs = {p: ms for p, ms in self._blocs.items() if p in derived.players}
        return derived

    def _names(self, mask):
        """The coalition of a bit mask, as a frozenset of names."""
        return frozenset(name for i, name in enumerate(self.players) if mask >> i & 1)

    def is_winning(self, coalition):
        """Whether a coalition wins.

        Parameters
        ----------
        coalition : iterable of str
            Player names (any order; repetitions are ignored).

        Returns
        -------
        bool
        """
        return bool(self._wins(self._mask(coalition)))

    def _wins(self, mask):
        raise NotImplementedError

    def _winning_table(self):
        """Boolean array of length 2**n: entry ``mask`` says whether that coalition wins."""
        return self._cached_table

    @cached_property
    def _cached_table(self):
        table = self._build_table()
        table.setflags(write=False)
        return table

    def _build_table(self):
        enumeration.check_size(self.n)
        return np.fromiter((self._wins(mask) for mask in range(1 << self.n)), bool, 1 << self.n)

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
        name = "+".join(members) if name is None else name
        if not isinstance(name, str) or not name.strip():
            raise InvalidPlayerError(f"the merged player needs a non-empty name, got {name!r}")
        if name in self._position and name not in members:
            raise InvalidPlayerError(f"{name!r} is already a player; choose another name")
        return sorted(positions), name

    # -- structure ----------------------------------------------------------------------
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
        return tuple(p for i, p in enumerate(self.players) if not self._wins(grand & ~(1 << i)))

    @property
    def dummies(self):
        """Players who are never critical (a null player in every index), in player order."""
        from .indices import swings

        counts = swings(self)
        return tuple(p for p in self.players if counts[p] == 0)

    def __str__(self):
        return repr(self)


def _exact_weight(name, weight):
    """A weight as an exact Fraction, or the package's error naming the player."""
    try:
        return to_fraction(weight, f"the weight of player {name!r}")
    except InvalidTypeError:
        raise
    except ValueError as exc:
        raise InvalidWeightError(str(exc)) from None


class WeightedGame(Game):
    """A weighted majority game ``[q; w1, ..., wn]``.

    A coalition wins when the sum of its members' weights is at least the quota ``q``.

    Parameters
    ----------
    weights : sequence of numbers, or a mapping from player name to weight
        Non-negative int, Fraction, Decimal or float (a float is read as the decimal it
        prints as: ``0.1`` is exactly 1/10). Rational weights are scaled to integers
        exactly for the algorithms; the weights you gave are kept as given.
    quota : number or Share
        The weight a coalition needs, in (0, total weight]; or a share of the total built
        with :func:`~powerindex.share` (``pi.MAJORITY``, ``pi.share("2/3")``).
    players : sequence of str, optional
        Unique non-empty names, one per weight. Default ``"P1", "P2", ...``; not allowed
        with a mapping of weights.

    Raises
    ------
    InvalidWeightError
        A weight is negative, NaN or infinite.
    InvalidQuotaError
        The quota is not positive or exceeds the total weight.
    InvalidPlayerError
        Names are empty or duplicated, or their number differs from the weights'.
    InvalidTypeError
        A weight or the quota is not a number; a name is not a string.

    Warns
    -----
    ImproperGameWarning
        When two disjoint coalitions can both win (possible only with a quota at or
        below half the total).

    Notes
    -----
    Construction costs O(n) plus, when the quota is at most half the total, an
    O(n W / 64) subset-sum test for properness (W the total integer weight).

    Examples
    --------
    >>> import powerindex as pi
    >>> eec = pi.WeightedGame([4, 4, 4, 2, 2, 1], 12,
    ...                       players=["FR", "DE", "IT", "BE", "NL", "LU"])
    >>> eec.total_weight, eec.quota
    (17, 12)
    >>> print(eec)
    WeightedGame with quota 12 of 17
    player  weight
    FR           4
    DE           4
    IT           4
    BE           2
    NL           2
    LU           1
    >>> pi.WeightedGame([0.5, 0.25, 0.25], 0.6).weights
    (Fraction(1, 2), Fraction(1, 4), Fraction(1, 4))
    """

    def __init__(self, weights, quota, players=None):
        if isinstance(weights, Mapping):
            if players is not None:
                raise InvalidPlayerError("give either a mapping of weights or players, not both")
            players, weights = list(weights.keys()), list(weights.values())
        elif isinstance(weights, str | bytes) or not isinstance(weights, Iterable):
            raise InvalidTypeError(
                f"weights must be a sequence of numbers, got {type(weights).__name__}"
            )
        weights = list(weights)
        if not weights:
            raise InvalidPlayerError("a game needs at least one player")
        names = _default_names(len(weights)) if players is None else _check_players(
            players, len(weights)
        )
        if all(type(weight) is int for weight in weights):
            exact, scale = weights, 1  # plain ints (the common case) are exact already
        else:
            exact = [_exact_weight(name, weight)
                     for name, weight in zip(names, weights, strict=True)]
            scale = lcm_of_denominators(exact)
        for name, weight, value in zip(names, weights, exact, strict=True):
            if value < 0:
                raise InvalidWeightError(f"the weight of player {name!r} is negative"
                                         f" ({weight}); weights must be >= 0")
        self.players = names
        self._weights = tuple(exact)  # exact: ints or Fractions
        self._scale = scale
        self._int_weights = tuple(int(w * scale) for w in exact)
        int_total = sum(self._int_weights)
        total = sum(exact)
        if isinstance(quota, Share):
            self._int_quota = quota.resolve(int_total)
            self._quota = (
                Fraction(self._int_quota, scale) if quota.strict else quota.fraction * total
            )
        else:
            try:
                self._quota = to_fraction(quota, "the quota")
            except InvalidTypeError:
                raise
            except ValueError as exc:
                raise InvalidQuotaError(str(exc)) from None
            # Coalition weights are multiples of 1/scale, so reaching q means reaching
            # the next multiple: ceil(q * scale) in integer units.
            self._int_quota = -((-self._quota * scale) // 1)
        if self._quota <= 0:
            raise InvalidQuotaError(
                f"the quota must be positive, got {simplest(self._quota)}: with a quota of 0 or"
                " less even the empty coalition would win"
            )
        if self._quota > total:
            raise InvalidQuotaError(
                f"the quota {simplest(self._quota)} exceeds the total weight {simplest(total)}:"
                " no coalition could win"
            )
        if 2 * self._int_quota <= sum(self._int_weights):  # else always proper
            try:
                improper, certainty = not self.is_proper, "is"
            except GameTooLargeError:
                improper, certainty = True, "may be"
            if improper:
                warnings.warn(
                    f"{self!r} {certainty} improper: two disjoint coalitions can both win"
                    f" (the quota {simplest(self._quota)} is at most half the total"
                    f" {simplest(total)})",
                    ImproperGameWarning,
                    stacklevel=2,
                )

    # -- values ---------------------------------------------------------------------------
    @property
    def weights(self):
        """The weights as given, exactly (int where integral, else Fraction)."""
        return tuple(simplest(w) for w in self._weights)

    @property
    def quota(self):
        """The quota as a number in the units of the weights (int where integral)."""
        return simplest(self._quota)

    @property
    def total_weight(self):
        """Sum of the weights."""
        return simplest(sum(self._weights, Fraction(0)))

    def weight(self, player):
        """The weight of one player."""
        return simplest(self._weights[self._check_player(player)])

    def weight_of(self, coalition):
        """Total weight of a coalition given as an iterable of names."""
        mask = self._mask(coalition)
        return simplest(sum((w for i, w in enumerate(self._weights) if mask >> i & 1), Fraction(0)))

    @property
    def integer_representation(self):
        """``(quota, weights)`` in integers: the same game with every weight scaled exactly.

        The weights are multiplied by the least common multiple of their denominators and
        the quota is rounded up to the next integer, which changes no coalition's outcome.
        """
        return self._int_quota, self._int_weights

    def _wins(self, mask):
        total = 0
        for i, w in enumerate(self._int_weights):
            if mask >> i & 1:
                total += w
        return total >= self._int_quota

    def _build_table(self):
        enumeration.check_size(self.n)
        sums = enumeration.subset_sums(self._int_weights)
        return sums >= self._int_quota

    # -- structure, by subset sums instead of enumeration ----------------------------------
    #: Largest total weight (in integer units) for the subset-sum bit set: 2**28 bits, 32 MiB.
    _BITSET_LIMIT = 1 << 28
    #: Above that, at most this many players are enumerated instead.
    _ENUMERATE_LIMIT = 22

    @cached_property
    def _divided_weights(self):
        """The integer weights divided by their greatest common divisor, and that divisor."""
        divisor = math.gcd(*self._int_weights) or 1
        return tuple(w // divisor for w in self._int_weights), divisor

    @cached_property
    def _reachable_sums(self):
        """Bit x of this integer is set when some coalition weighs exactly x times the
        common divisor of the integer weights."""
        reachable = 1
        for w in self._divided_weights[0]:
            reachable |= reachable << w
        return reachable

    def _some_coalition_weighs(self, low, high):
        """Whether some coalition's integer weight lies in [low, high].

        A subset-sum bit set, O(n W / 64), for totals up to 2**28; enumeration of the
        coalitions' weights above that, for up to 22 players.

        Raises
        ------
        GameTooLargeError
            For a larger total with more players: the question is a subset-sum problem.
        """
        weights, divisor = self._divided_weights
        low, high = -(-low // divisor), high // divisor  # every coalition weighs k * divisor
        if high < low:
            return False
        if sum(weights) <= self._BITSET_LIMIT:
            window = ((1 << (high - low + 1)) - 1) << low
            return bool(self._reachable_sums & window)
        if self.n <= self._ENUMERATE_LIMIT:
            sums = enumeration.subset_sums(weights)
            return bool(np.any((sums >= low) & (sums <= high)))
        raise GameTooLargeError(
            f"cannot decide this for {self.n} players with a total weight of"
            f" {sum(weights)} units: it is a subset-sum problem; the bit-set method stops at"
            f" {self._BITSET_LIMIT} units and enumeration at {self._ENUMERATE_LIMIT} players"
        )

    @property
    def is_proper(self):
        """True when no two disjoint coalitions both win.

        Decided by a subset-sum bit set: the game is improper when some coalition weighs
        between q and W - q, so that it and its complement both win.
        """
        quota, total = self._int_quota, sum(self._int_weights)
        return not self._some_coalition_weighs(quota, total - quota)

    @property
    def is_strong(self):
        """True when of every coalition and its complement at least one wins."""
        quota, total = self._int_quota, sum(self._int_weights)
        return not self._some_coalition_weighs(total - quota + 1, quota - 1)

    @property
    def veto_players(self):
        """Players without whom no coalition reaches the quota, in player order."""
        total = sum(self._int_weights)
        return tuple(
            p for p, w in zip(self.players, self._int_weights, strict=True)
            if total - w < self._int_quota
        )

    # -- transformations ----------------------------------------------------------------------
    def merge(self, members, name=None):
        """Merge several players into one bloc whose weight is the sum of theirs.

        Parameters
        ----------
        members : iterable of str
            At least two distinct players.
        name : str, optional
            Name of the bloc; default the members' names joined by ``"+"``. It may reuse a
            member's name. The bloc takes the place of the first member in player order.

        Returns
        -------
        WeightedGame
            The quota is unchanged.

        Raises
        ------
        UnknownPlayerError
            A member is not a player.
        InvalidPlayerError
            Fewer than two members, a member named twice, or the name of another player.

        Examples
        --------
        >>> import powerindex as pi
        >>> g = pi.WeightedGame([3, 2, 2], 4, players=["A", "B", "C"])
        >>> g.merge(["B", "C"]).players
        ('A', 'B+C')
        """
        positions, name = self._check_members(members, name)
        merged = set(positions)
        bloc = sum((self._weights[i] for i in positions), Fraction(0))
        players, weights = [], []
        for i, player in enumerate(self.players):
            if i == positions[0]:
                players.append(name)
                weights.append(bloc)
            elif i not in merged:
                players.append(player)
                weights.append(self._weights[i])
        return self._with_blocs_of_merge(
            _quiet_weighted(weights, self._quota, players), positions, name
        )

    def drop(self, player, quota=None):
        """The game without one player.

        Parameters
        ----------
        player : str
        quota : number or Share, optional
            The new quota; by default the old one is kept, so the others need as much
            weight as before (a member who leaves votes no).

        Returns
        -------
        WeightedGame

        Raises
        ------
        UnknownPlayerError
            If ``player`` is not a player.
        InvalidQuotaError
            If the others cannot reach the quota, or the game would have no player.

        Examples
        --------
        >>> import powerindex as pi
        >>> pi.WeightedGame([3, 2, 2], 4, players=["A", "B", "C"]).drop("C")
        <WeightedGame [4; 3, 2]>
        """
        position = self._check_player(player)
        if self.n == 1:
            raise InvalidPlayerError(f"cannot drop {player!r}, the only player")
        keep = [i for i in range(self.n) if i != position]
        weights = [self._weights[i] for i in keep]
        players = [self.players[i] for i in keep]
        new_quota = self._quota if quota is None else quota
        if quota is None and new_quota > sum(weights, Fraction(0)):
            raise InvalidQuotaError(
                f"without {player!r} the others weigh {simplest(sum(weights, Fraction(0)))},"
                f" below the quota {simplest(self._quota)}: pass a new quota to drop()"
            )
        return self._carry_blocs(WeightedGame(weights, new_quota, players))

    def _reordered(self, players):
        weights = [self._weights[self._position[p]] for p in players]
        return _quiet_weighted(weights, self._quota, players)

    # -- values, printing --------------------------------------------------------------------
    def __eq__(self, other):
        if not isinstance(other, WeightedGame):
            return NotImplemented
        return (self.players, self._weights, self._quota) == (
            other.players,
            other._weights,
            other._quota,
        )

    def __hash__(self):
        return hash((WeightedGame, self.players, self._weights, self._quota))

    def __repr__(self):
        if self.n <= 12:
            weights = ", ".join(str(w) for w in self.weights)
            return f"<WeightedGame [{self.quota}; {weights}]>"
        return f"<WeightedGame of {self.n} players, quota {self.quota} of {self.total_weight}>"

    def __str__(self):
        width = max(len("player"), *(len(p) for p in self.players))
        values = [str(w) for w in self.weights]
        value_width = max(len("weight"), *(len(v) for v in values))
        lines = [f"WeightedGame with quota {self.quota} of {self.total_weight}"]
        lines.append(f"{'player':<{width}}  {'weight':>{value_width}}")
        lines += [f"{p:<{width}}  {v:>{value_width}}" for p, v in zip(self.players, values,
                                                                      strict=True)]
        return "\n".join(lines)


def _quiet_weighted(weights, quota, players):
    """Build a WeightedGame derived from one already checked (no second warning)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImproperGameWarning)
        return WeightedGame(weights, quota, players)


class SimpleGame(Game):
    """Any monotone simple game, given by a rule or by its minimal winning coalitions.

    Parameters
    ----------
    players : sequence of str
        Unique non-empty names.
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
    (once; the table is kept), so rules suit games up to about 25 players.

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
        self.players = _check_players(players)
        if callable(winning):
            self._rule = winning
            self._generators = None
        elif isinstance(winning, str) or not isinstance(winning, Iterable):
            raise InvalidTypeError(
                "winning must be a function of a coalition or a list of winning coalitions,"
                f" got {type(winning).__name__}"
            )
        else:
            self._rule = None
            masks = {self._mask(coalition) for coalition in winning}
            if not masks:
                raise InvalidGameError("no winning coalition was given: nobody could ever win")
            self._generators = _minimal_masks(masks)
        if self._wins(0):
            raise InvalidGameError("the empty coalition wins: then every coalition would win")
        if not self._wins((1 << self.n) - 1):
            raise InvalidGameError("the grand coalition of all players loses: nobody could win")

    @classmethod
    def _from_mask_rule(cls, players, wins, table=None):
        """Internal constructor from a rule on bit masks (and, optionally, its table)."""
        game = cls.__new__(cls)
        game.players = tuple(players)
        game._rule = None
        game._generators = None
        game._mask_rule = wins
        game._table_source = table
        return game

    def _wins(self, mask):
        if self._generators is not None:
            return any(g & mask == g for g in self._generators)
        if self._rule is None:
            return self._mask_rule(mask)
        result = self._rule(self._names(mask))
        if not isinstance(result, bool | np.bool_):
            raise InvalidTypeError(
                f"the winning rule returned {result!r} ({type(result).__name__}) for"
                f" {sorted(self._names(mask))}; it must return True or False"
            )
        return bool(result)

    def _build_table(self):
        enumeration.check_size(self.n)
        if self._generators is not None:
            return enumeration.upward_closure(self._generators, self.n)
        if self._rule is None and self._table_source is not None:
            return self._table_source()
        table = super()._build_table()
        violation = enumeration.monotonicity_violation(table, self.n)
        if violation is not None:
            mask, player = violation
            raise InvalidGameError(
                f"the winning rule is not monotone: {sorted(self._names(mask))} wins but adding"
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

    def drop(self, player):
        """The game without one player, who is taken to vote no.

        Raises
        ------
        InvalidGameError
            If the others cannot win without that player (a veto player).
        """
        return self._carry_blocs(_dropped_game(self, self._check_player(player)))

    def _reordered(self, players):
        order = [self._position[p] for p in players]
        return _relabelled_game(self, players, [[i] for i in order])

    def __repr__(self):
        rule = getattr(self, "rule", None)
        if rule is not None and hasattr(self, "base_game"):
            kind = "connected coalitions" if rule == "connected" else "cliques"
            edges = self.graph.number_of_edges()
            return (f"<{repr(self.base_game).strip('<>')} restricted to {kind} of a graph"
                    f" with {edges} edges>")
        return f"<SimpleGame of {self.n} players>"


def _minimal_masks(masks):
    """The inclusion-minimal elements of a set of bit masks."""
    ordered = sorted(masks, key=int.bit_count)
    minimal = []
    for mask in ordered:
        if not any(m & mask == m for m in minimal):
            minimal.append(mask)
    return tuple(minimal)


def _relabelled_game(game, players, groups):
    """A SimpleGame whose player j stands for the original players ``groups[j]``."""
    bits = [sum(1 << i for i in group) for group in groups]

    def expand(mask):
        original = 0
        for j, b in enumerate(bits):
            if mask >> j & 1:
                original |= b
        return original

    def table():
        enumeration.check_size(len(players))
        return game._winning_table()[enumeration.mask_map(bits)]

    return SimpleGame._from_mask_rule(players, lambda mask: game._wins(expand(mask)), table)


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
    return _relabelled_game(game, players, groups)


def _dropped_game(game, position):
    if game.n == 1:
        raise InvalidPlayerError(f"cannot drop {game.players[0]!r}, the only player")
    keep = [i for i in range(game.n) if i != position]
    if not game._wins(sum(1 << i for i in keep)):
        raise InvalidGameError(
            f"{game.players[position]!r} is a veto player: without it no coalition can win"
        )
    return _relabelled_game(game, [game.players[i] for i in keep], [[i] for i in keep])


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
                only_first = sorted(set(first.players) - set(game.players))
                only_other = sorted(set(game.players) - set(first.players))
                raise IncompatibleGamesError(
                    "games combined with & or | must have the same players; only in the first:"
                    f" {only_first}, only in the other: {only_other}"
                )
            aligned.append(game if game.players == first.players else game._reordered(
                first.players))
        self.operation = operation
        self.components = tuple(aligned)
        self.players = first.players

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

    def _wins(self, mask):
        combine = all if self.operation == "and" else any
        return combine(game._wins(mask) for game in self.components)

    def _build_table(self):
        enumeration.check_size(self.n)
        tables = [game._winning_table() for game in self.components]
        combine = np.logical_and if self.operation == "and" else np.logical_or
        return combine.reduce(tables)

    def merge(self, members, name=None):
        """Merge players into one bloc in every component (see :meth:`WeightedGame.merge`)."""
        positions, name = self._check_members(members, name)
        parts = [game.merge([self.players[i] for i in positions], name)
                 for game in self.components]
        return self._with_blocs_of_merge(CompositeGame(self.operation, parts), positions, name)

    def drop(self, player):
        """The game without one player, who is taken to vote no, in every component."""
        position = self._check_player(player)
        if self.operation == "and":
            parts = [game.drop(player) for game in self.components]
            return self._carry_blocs(CompositeGame(self.operation, parts))
        return self._carry_blocs(_dropped_game(self, position))

    def _reordered(self, players):
        return CompositeGame(self.operation, [g._reordered(players) for g in self.components])

    def __repr__(self):
        symbol = " & " if self.operation == "and" else " | "
        return "<" + symbol.join(repr(g).strip("<>") for g in self.components) + ">"
