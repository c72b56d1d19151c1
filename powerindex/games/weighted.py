"""Weighted majority games ``[q; w1, ..., wn]``: the workhorse of powerindex.

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

import warnings
from collections.abc import Iterable, Mapping
from fractions import Fraction
from functools import cached_property

from .._engines.plans import WeightThreshold
from .._numbers import lcm_of_denominators, simplest, to_fraction
from ..errors import (
    GameTooLargeError,
    ImproperGameWarning,
    InvalidPlayerError,
    InvalidQuotaError,
    InvalidTypeError,
    InvalidWeightError,
)
from ._subset_sums import SubsetSums
from .base import Game, check_name, check_players, default_names, label
from .quotas import Share

__all__ = ["WeightedGame"]

#: Bit operations the construction may spend deciding properness exactly (about 0.1 s);
#: beyond it an undecided game warns that it *may* be improper.
PROPERNESS_BUDGET = 1 << 30


def _exact_weight(name, weight):
    """A weight as an exact Fraction, or the package's error naming the player."""
    try:
        return to_fraction(weight, f"the weight of player {name!r}")
    except InvalidTypeError:
        raise
    except ValueError as exc:
        raise InvalidWeightError(str(exc)) from None


def _names_and_weights(weights, players):
    """``(names, weights as a list)`` from a sequence, a mapping or a pandas Series."""
    if isinstance(weights, Mapping) or (
            not isinstance(weights, str | bytes) and callable(getattr(weights, "items", None))
            and callable(getattr(weights, "keys", None))):
        if players is not None:
            raise InvalidPlayerError("give either a mapping of weights or players, not both")
        pairs = list(weights.items())
        players, weights = [name for name, _ in pairs], [weight for _, weight in pairs]
    elif isinstance(weights, str | bytes) or not isinstance(weights, Iterable):
        raise InvalidTypeError(
            f"weights must be a sequence of numbers, got {type(weights).__name__}"
        )
    try:
        weights = list(weights)
    except TypeError:
        raise InvalidTypeError(
            f"weights must be a sequence of numbers, got {weights!r}"
            f" ({type(weights).__name__}), which cannot be iterated"
        ) from None
    if not weights:
        raise InvalidPlayerError("a game needs at least one player")
    names = (default_names(len(weights)) if players is None
             else check_players(players, len(weights)))
    return names, weights


def _exact_weights(names, weights):
    """``(exact weights, scale)``: ints or Fractions, and the lcm of their denominators."""
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
    return tuple(exact), scale


def _quota_in_units(quota, scale, int_total, total):
    """``(exact quota, integer quota)`` of a number or a Share."""
    if isinstance(quota, Share):
        int_quota = quota.resolve(int_total)
        exact = Fraction(int_quota, scale) if quota.strict else quota.fraction * total
        return exact, int_quota
    if isinstance(quota, str):
        raise InvalidTypeError(
            f"the quota must be a number or a share, got the string {quota!r}; for a share"
            f" of the total write pi.share({quota!r})"
        )
    try:
        exact = to_fraction(quota, "the quota")
    except InvalidTypeError:
        raise
    except ValueError as exc:
        raise InvalidQuotaError(str(exc)) from None
    # Coalition weights are multiples of 1/scale, so reaching q means reaching the next
    # multiple: ceil(q * scale) in integer units.
    return exact, -((-exact * scale) // 1)


class WeightedGame(Game):
    """A weighted majority game ``[q; w1, ..., wn]``.

    A coalition wins when the sum of its members' weights is at least the quota ``q``.

    Parameters
    ----------
    weights : sequence of numbers, or a mapping from player name to weight
        Non-negative int, Fraction, Decimal or float (a float is read as the decimal it
        prints as: ``0.1`` is exactly 1/10). Rational weights are scaled to integers
        exactly for the algorithms; the weights you gave are kept as given. A mapping
        (a dict, or a pandas Series) gives the players' names as its keys (index).
    quota : number or Share
        The weight a coalition needs, in (0, total weight]; or a share of the total built
        with :func:`~powerindex.share` (``pi.MAJORITY``, ``pi.share("2/3")``).
    players : sequence of hashable names, optional
        Unique names (str, int, tuple ...), one per weight, in the order to report them.
        Default ``"P1", "P2", ...``; not allowed with a mapping of weights.

    Raises
    ------
    InvalidWeightError
        A weight is negative, NaN or infinite.
    InvalidQuotaError
        The quota is not positive or exceeds the total weight.
    InvalidPlayerError
        Names are empty, None or duplicated, or their number differs from the weights'.
    InvalidTypeError
        A weight or the quota is not a number; a name is not hashable.

    Warns
    -----
    ImproperGameWarning
        When two disjoint coalitions can both win (possible only with a quota at or
        below half the total).

    Notes
    -----
    Construction costs O(n) plus, when the quota is at most half the total, a test for
    properness: a greedy witness (O(n log n)) and, when that finds none, an O(n W / 64)
    subset-sum bit set for a total integer weight W, within about 2**30 bit operations;
    a larger game that the greedy test does not settle warns that it *may* be improper
    (``is_proper`` decides it exactly when asked).

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
    >>> pi.WeightedGame({1: 3, 2: 2, 3: 2}, 4).players
    (1, 2, 3)
    """

    _CACHE_KEYS = (*Game._CACHE_KEYS, "_subset_sums")

    def __init__(self, weights, quota, players=None):
        names, weights = _names_and_weights(weights, players)
        exact, scale = _exact_weights(names, weights)
        if not any(exact):
            raise InvalidWeightError(
                "every weight is 0: no coalition could reach a positive quota; give the"
                " players their seats or votes"
            )
        int_weights = tuple(int(w * scale) for w in exact)
        total = sum(exact)
        exact_quota, int_quota = _quota_in_units(quota, scale, sum(int_weights), total)
        if exact_quota <= 0:
            raise InvalidQuotaError(
                f"the quota must be positive, got {simplest(exact_quota)}: with a quota of 0"
                " or less even the empty coalition would win"
            )
        if exact_quota > total:
            raise InvalidQuotaError(
                f"the quota {simplest(exact_quota)} exceeds the total weight"
                f" {simplest(total)}: no coalition could win"
            )
        self._set(players=names, _weights=exact, _scale=scale, _int_weights=int_weights,
                  _quota=exact_quota, _int_quota=int_quota)
        self._warn_if_improper()

    def _warn_if_improper(self):
        quota, total = self._int_quota, sum(self._int_weights)
        if 2 * quota > total:
            return  # always proper
        try:
            improper = self._subset_sums.some_coalition_weighs(quota, total - quota,
                                                               budget=PROPERNESS_BUDGET)
        except GameTooLargeError:  # pragma: no cover - the budget returns None instead
            improper = None
        if improper is False:
            return
        certainty = "is" if improper else "may be"
        warnings.warn(
            f"{self!r} {certainty} improper: two disjoint coalitions can both win (the quota"
            f" {simplest(self._quota)} is at most half the total {self.total_weight})",
            ImproperGameWarning,
            stacklevel=3,
        )

    def _build_plan(self):
        return WeightThreshold(self._int_weights, self._int_quota)

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

    # -- structure, by subset sums instead of enumeration ----------------------------------
    @cached_property
    def _subset_sums(self):
        return SubsetSums(self._int_weights)

    @property
    def is_proper(self):
        """True when no two disjoint coalitions both win.

        Decided by subset sums: the game is improper when some coalition weighs between
        q and W - q, so that it and its complement both win.

        Raises
        ------
        GameTooLargeError
            When the greedy test finds no such coalition and the total integer weight
            passes 2**28 units with more than 22 players (a subset-sum problem).
        """
        quota, total = self._int_quota, sum(self._int_weights)
        return not self._subset_sums.some_coalition_weighs(quota, total - quota)

    @property
    def is_strong(self):
        """True when of every coalition and its complement at least one wins."""
        quota, total = self._int_quota, sum(self._int_weights)
        return not self._subset_sums.some_coalition_weighs(total - quota + 1, quota - 1)

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
        members : iterable of player names
            At least two distinct players.
        name : hashable, optional
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

    def split(self, player, parts):
        """Split a player into parts whose weights sum to its weight: a bloc that may not
        vote as one.

        Parameters
        ----------
        player : player name
        parts : mapping of new name to weight
            At least two parts, weights >= 0 summing exactly to the player's weight. A
            part may reuse the player's name; the parts take its place in player order.

        Returns
        -------
        WeightedGame
            The quota is unchanged; :meth:`origin` traces each part back to ``player``,
            and merging the parts again (under the player's name) gives this game back.

        Raises
        ------
        UnknownPlayerError
            ``player`` is not a player.
        InvalidPlayerError
            Fewer than two parts, or a part named like another player.
        InvalidWeightError
            A negative weight, or weights that do not sum to the player's.
        InvalidTypeError
            ``parts`` is not a mapping, or a weight is not a number.

        Examples
        --------
        >>> import powerindex as pi
        >>> g = pi.WeightedGame([5, 3, 2], 6, players=["A", "B", "C"])
        >>> split = g.split("A", {"A": 4, "A rebels": 1})
        >>> split
        <WeightedGame [6; 4, 1, 3, 2]>
        >>> split.merge(["A", "A rebels"], name="A") == g
        True
        """
        position = self._check_player(player)
        names, weights = self._check_parts(player, parts)
        players = [*self.players[:position], *names, *self.players[position + 1:]]
        all_weights = [*self._weights[:position], *weights, *self._weights[position + 1:]]
        derived = self._carry_blocs(WeightedGame(all_weights, self._quota, players))
        origins = dict(derived._origins)
        origins.update(dict.fromkeys(names, self.origin(player)))
        object.__setattr__(derived, "_origins", origins)
        parts = {p: w for p, w in derived._wholes.items() if p not in names}
        parts.update(dict.fromkeys(names, self.whole(player)))
        object.__setattr__(derived, "_wholes", parts)
        blocs = {p: ms for p, ms in derived._blocs.items() if p not in names}
        object.__setattr__(derived, "_blocs", blocs)
        return derived

    def rename(self, names):
        """The same game with some players renamed.

        Parameters
        ----------
        names : mapping of old name to new name
            Players not named keep their names; the order of players is kept. Names may be
            swapped (``{"A": "B", "B": "A"}``).

        Returns
        -------
        WeightedGame
            A renamed player still stands for the same original players
            (:meth:`~powerindex.Game.members`), so :func:`~powerindex.compare` traces it
            under its first name; a renamed part stays a part of its whole.

        Raises
        ------
        InvalidTypeError
            ``names`` is not a mapping.
        UnknownPlayerError
            An old name is not a player.
        InvalidPlayerError
            A new name is empty, or would be held by two players.

        Examples
        --------
        >>> import powerindex as pi
        >>> g = pi.WeightedGame([91, 89, 70], 126, players=["Iraqiya", "SoL", "INA"])
        >>> sadrists = g.rename({"INA": "Sadrists"})
        >>> sadrists.players, sadrists.members("Sadrists")
        (('Iraqiya', 'SoL', 'Sadrists'), ('INA',))
        """
        if not isinstance(names, Mapping):
            raise InvalidTypeError(
                f"rename needs a mapping of old names to new names, got {type(names).__name__}")
        for old, new in names.items():
            self._check_player(old)
            check_name(new, f"the new name of {label(old)!r}")
        players = [names.get(p, p) for p in self.players]
        taken = {}
        for old, new in zip(self.players, players, strict=True):
            if new in taken:
                raise InvalidPlayerError(
                    f"{label(new)!r} would name two players, {label(taken[new])!r} and"
                    f" {label(old)!r}")
            taken[new] = old
        renamed = WeightedGame(self._weights, self._quota, players)
        records = {"_blocs": {}, "_origins": {}, "_wholes": {}}
        for old, new in zip(self.players, players, strict=True):
            if old in self._blocs or new != old:
                records["_blocs"][new] = self.members(old)
            if old in self._origins:
                records["_origins"][new] = self._origins[old]
            if old in self._wholes:
                records["_wholes"][new] = self._wholes[old]
        for key, record in records.items():
            object.__setattr__(renamed, key, record)
        return renamed

    def _check_parts(self, player, parts):
        """``(names, exact weights)`` of the parts of a split, checked."""
        if not callable(getattr(parts, "items", None)):
            raise InvalidTypeError(
                f"split needs a mapping of part names to weights, got {type(parts).__name__}")
        names, weights = [], []
        for name, weight in parts.items():
            check_name(name, "a part of the split")
            if name in self._position and name != player:
                raise InvalidPlayerError(f"{name!r} is already a player; choose another name")
            exact = _exact_weight(name, weight)
            if exact < 0:
                raise InvalidWeightError(f"the weight of part {name!r} is negative ({weight})")
            names.append(name)
            weights.append(exact)
        if len(names) < 2:
            raise InvalidPlayerError(f"splitting {player!r} needs at least two parts")
        whole = self._weights[self._position[player]]
        if sum(weights) != whole:
            raise InvalidWeightError(
                f"the parts of {player!r} weigh {simplest(sum(weights))} in all, but"
                f" {player!r} weighs {simplest(whole)}")
        return names, weights

    def drop(self, players, quota=None):
        """The game without some players.

        Parameters
        ----------
        players : player name or list of names
            One player, or several (as :meth:`merge` takes them).
        quota : number or Share, optional
            The new quota; by default the old one is kept, so the others need as much
            weight as before (a member who leaves votes no).

        Returns
        -------
        WeightedGame

        Raises
        ------
        UnknownPlayerError
            If a name is not a player.
        InvalidQuotaError
            If the others cannot reach the quota.
        InvalidPlayerError
            If no player would be left, or a player is named twice.

        Examples
        --------
        >>> import powerindex as pi
        >>> g = pi.WeightedGame([3, 2, 2], 4, players=["A", "B", "C"])
        >>> g.drop("C")
        <WeightedGame [4; 3, 2]>
        >>> g.drop(["B", "C"], quota=3)
        <WeightedGame [3; 3]>
        """
        positions = self._check_dropped(players)
        keep = [i for i in range(self.n) if i not in positions]
        weights = [self._weights[i] for i in keep]
        names = [self.players[i] for i in keep]
        if quota is None and self._quota > sum(weights, Fraction(0)):
            dropped = [self.players[i] for i in positions]
            who = repr(dropped[0]) if len(dropped) == 1 else str(dropped)
            raise InvalidQuotaError(
                f"without {who} the others weigh {simplest(sum(weights, Fraction(0)))},"
                f" below the quota {simplest(self._quota)}: pass a new quota to drop()"
            )
        new_quota = self._quota if quota is None else quota
        return self._carry_blocs(WeightedGame(weights, new_quota, names))

    def rounded(self, resolution):
        """The game with every weight rounded to the nearest multiple of ``resolution``.

        Weights typed as decimals are read exactly, so shares such as ``0.4 * x / total``
        computed in floats become fractions with a common denominator near 10**17, and
        integer-unit algorithms (generating functions, ``method="float"``) need tables of
        that many columns. Rounding states the resolution the data really have.

        Parameters
        ----------
        resolution : number
            Positive, in the units of the weights (``0.001`` for a tenth of a percent of
            shares that sum to 1).

        Returns
        -------
        WeightedGame
            The same players and quota; each weight ``round(w / resolution) * resolution``
            (halves to even), exact.

        Notes
        -----
        What rounding does to the result: each weight moves by at most ``resolution / 2``,
        so a coalition of k members moves by at most ``k * resolution / 2``, and only a
        coalition whose weight lies that close to the quota can change from winning to
        losing or back. Indices change only through such coalitions; when none exists the
        rounded game is the same game (the same winning coalitions) and every index is
        unchanged. The quota stays the number it is (a share given as ``pi.share`` was
        resolved against the original total).

        Raises
        ------
        InvalidWeightError
            ``resolution`` is not positive, or the rounded weights cannot reach the quota.

        Examples
        --------
        >>> import powerindex as pi
        >>> shares = pi.WeightedGame([0.4 * 7 / 17, 0.4 * 10 / 17, 0.6], 0.5)
        >>> shares.integer_representation[0] > 10**15
        True
        >>> shares.rounded(0.001).weights
        (Fraction(33, 200), Fraction(47, 200), Fraction(3, 5))
        """
        try:
            step = to_fraction(resolution, "the resolution")
        except ValueError as exc:
            raise InvalidWeightError(str(exc)) from None
        if step <= 0:
            raise InvalidWeightError(f"the resolution must be positive, got {resolution}")
        weights = [round(Fraction(w) / step) * step for w in self._weights]
        try:
            return self._carry_blocs(WeightedGame(weights, self._quota, self.players))
        except InvalidQuotaError as exc:
            raise InvalidWeightError(
                f"rounded to {simplest(step)}, the weights cannot reach the quota ({exc})"
            ) from None

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
        names = [label(p) for p in self.players]
        width = max(len("player"), *(len(p) for p in names))
        values = [str(w) for w in self.weights]
        value_width = max(len("weight"), *(len(v) for v in values))
        lines = [f"WeightedGame with quota {self.quota} of {self.total_weight}"]
        lines.append(f"{'player':<{width}}  {'weight':>{value_width}}")
        lines += [f"{p:<{width}}  {v:>{value_width}}" for p, v in zip(names, values,
                                                                      strict=True)]
        return "\n".join(lines)


def _quiet_weighted(weights, quota, players):
    """Build a WeightedGame derived from one already checked (no second warning)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImproperGameWarning)
        return WeightedGame(weights, quota, players)
