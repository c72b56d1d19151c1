"""General TU games: numbers instead of win/lose.

A *transferable-utility (TU) game* on a finite set of players N gives every coalition S a
*worth* v(S), a number the members of S can share as they like; v(empty) = 0. A simple
game is the TU game with v(S) = 1 when S wins and 0 otherwise. Here the worth can be
anything -- the cabinet posts a coalition controls, the money a joint project saves.

Build one with :class:`TUGame` from

* a function of a coalition (a ``frozenset`` of names) returning a number, or
* a mapping from coalitions to numbers (missing coalitions are an error unless a
  ``default`` is given; the empty coalition may be left out), or
* a simple game, :meth:`TUGame.from_simple_game` (or :func:`to_tu_game`).

Values, all exact Fractions:

* :func:`shapley_value` [1]_ and :func:`banzhaf_value` [2]_;
* the Myerson value of a communication graph, :func:`powerindex.graphs.myerson` [3]_;
* the Owen and Banzhaf-Owen values of a priori unions, :func:`powerindex.unions.owen` and
  :func:`powerindex.unions.banzhaf_owen` [4]_;
* the :func:`nucleolus` [5]_, by a sequence of linear programs solved in floating point
  and then recovered and certified exactly.

References
----------
.. [1] L. S. Shapley, "A value for n-person games", in Contributions to the Theory of
   Games II, Annals of Mathematics Studies 28 (1953), 307-317.
.. [2] J. F. Banzhaf III, "Weighted voting doesn't work: a mathematical analysis",
   Rutgers Law Review 19 (1965), 317-343.
.. [3] R. B. Myerson, "Graphs and cooperation in games", Mathematics of Operations
   Research 2(3) (1977), 225-229. https://doi.org/10.1287/moor.2.3.225
.. [4] G. Owen, "Values of games with a priori unions", in R. Henn and O. Moeschlin
   (eds.), Mathematical Economics and Game Theory, Lecture Notes in Economics and
   Mathematical Systems 141, Springer, 1977, 76-88.
.. [5] D. Schmeidler, "The nucleolus of a characteristic function game", SIAM Journal on
   Applied Mathematics 17(6) (1969), 1163-1170. https://doi.org/10.1137/0117107

Examples
--------
The glove game: L owns a left glove, R1 and R2 a right glove each, and a pair sells for 1.

>>> import powerindex as pi
>>> from powerindex.tu import TUGame, nucleolus, shapley_value
>>> gloves = TUGame(["L", "R1", "R2"],
...                 lambda s: min(len(s & {"L"}), len(s & {"R1", "R2"})))
>>> gloves
<TUGame of 3 players>
>>> shapley_value(gloves).to_dict()
{'L': Fraction(2, 3), 'R1': Fraction(1, 6), 'R2': Fraction(1, 6)}
>>> nucleolus(gloves).to_dict()
{'L': Fraction(1, 1), 'R1': Fraction(0, 1), 'R2': Fraction(0, 1)}
"""

import math
from collections.abc import Iterable, Mapping
from fractions import Fraction
from math import factorial

import numpy as np

from ._engines import enumeration
from ._numbers import lcm_of_denominators, simplest, to_fraction
from .errors import (
    GameTooLargeError,
    InvalidGameError,
    InvalidTypeError,
    NucleolusError,
    UnknownPlayerError,
)
from .games import Game, _check_players
from .results import PowerIndexResult

__all__ = [
    "TUGame",
    "to_tu_game",
    "shapley_value",
    "banzhaf_value",
    "nucleolus",
    "NucleolusError",
]

#: Default limit of :func:`nucleolus`: every LP has 2**n rows.
NUCLEOLUS_MAX_PLAYERS = 15


# -- the game ---------------------------------------------------------------------------------
class TUGame:
    """A cooperative game with transferable utility, given by its characteristic function.

    Parameters
    ----------
    players : sequence of str
        Unique non-empty names; bit ``i`` of a coalition's mask is ``players[i]``.
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
        players = _check_players(players)
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
        raise AttributeError("a TUGame is immutable")

    def _store(self, worths):
        scale = lcm_of_denominators(worths)
        object.__setattr__(self, "_scale", scale)
        object.__setattr__(self, "_ints", _int_array([int(w * scale) for w in worths], self.n))
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
        object.__setattr__(game, "_ints", _int_array(ints, len(players)))
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
        table = game._winning_table()
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
            object.__setattr__(self, "_list_cache", [int(x) for x in self._ints])
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

    # -- values (one-line fronts to the functions) -------------------------------------------
    def shapley_value(self):
        """The Shapley value; see :func:`shapley_value`."""
        return shapley_value(self)

    def banzhaf_value(self, normalized=False):
        """The Banzhaf value; see :func:`banzhaf_value`."""
        return banzhaf_value(self, normalized=normalized)

    def nucleolus(self, *, max_players=NUCLEOLUS_MAX_PLAYERS):
        """The nucleolus; see :func:`nucleolus`."""
        return nucleolus(self, max_players=max_players)

    # -- values the graph and union functions dispatch to -----------------------------------
    def _myerson_value(self, graph):
        """Myerson value: the Shapley value of the graph-restricted game (Myerson 1977).

        ``v/G(S)`` is the sum of v(C) over the connected components C of the subgraph of
        ``graph`` induced on S. Called by :func:`powerindex.graphs.myerson`. Cost: O(n 2**n)
        for the restricted game (a search per coalition) plus the Shapley value.
        """
        from .graphs import _check_graph

        _check_graph(self._players, graph)
        position = self._position
        neighbours = [0] * self.n
        for i, player in enumerate(self._players):
            for other in graph[player]:
                neighbours[i] |= 1 << position[other]
        restricted = _graph_restricted(self._int_list(), neighbours, self.n)
        values = _shapley_numerators(_int_array(restricted, self.n), self.n)
        denominator = self._scale * factorial(self.n)
        return _result("myerson", self, [Fraction(v, denominator) for v in values],
                       "enumerate")

    def _owen_value(self, unions):
        """Owen value with a priori unions (Owen 1977); called by :func:`powerindex.unions.owen`.

        Cost: O(2**(m + p_k - 2)) coalitions for each member of union k (m unions, p_k
        members), at most O(n 2**n).
        """
        return self._union_value(unions, "owen")

    def _banzhaf_owen_value(self, unions):
        """Banzhaf-Owen value with a priori unions (Owen 1982); called by
        :func:`powerindex.unions.banzhaf_owen`. Cost as for the Owen value."""
        return self._union_value(unions, "banzhaf_owen")

    def _union_value(self, unions, index):
        from .unions import _partition

        groups = [members for _, members in _partition(self, unions)]
        values = _union_values(self._int_list(), groups, self.n, shapley=index == "owen")
        return _result(index, self, [v / self._scale for v in values], "enumerate")

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
        return hash((TUGame, self._players, self._scale, tuple(self._int_list()[:64])))

    def __repr__(self):
        return f"<TUGame of {self.n} players>"

    def __str__(self):
        if self.n > 5:
            return repr(self)
        names = [
            "{" + ", ".join(p for i, p in enumerate(self._players) if mask >> i & 1) + "}"
            for mask in range(1 << self.n)
        ]
        order = sorted(range(1 << self.n), key=lambda mask: (mask.bit_count(), mask))
        worths = [str(simplest(self._worth(mask))) for mask in range(1 << self.n)]
        left = max(len("coalition"), *(len(s) for s in names))
        right = max(len("worth"), *(len(s) for s in worths))
        lines = [f"TUGame of {self.n} players", f"{'coalition':<{left}}  {'worth':>{right}}"]
        lines += [f"{names[mask]:<{left}}  {worths[mask]:>{right}}" for mask in order]
        return "\n".join(lines)


def _check_tu_size(n):
    if n > enumeration.MAX_PLAYERS:
        raise GameTooLargeError(
            f"a TU game stores the worth of each of its 2**{n} coalitions; at most"
            f" {enumeration.MAX_PLAYERS} players are supported"
        )


def _int_array(ints, n):
    """A numpy array of the integers: int64 when every sum of 2**n of them fits, else object."""
    largest = max((abs(x) for x in ints), default=0)
    dtype = np.int64 if largest < 2 ** (62 - n) else object
    return np.array(ints, dtype=dtype)


def _result(index, game, values, method):
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


def _as_tu(game, function):
    if isinstance(game, TUGame):
        return game
    if isinstance(game, Game):
        return TUGame.from_simple_game(game)
    raise InvalidTypeError(
        f"{function} needs a TUGame or a simple game, got {type(game).__name__}"
    )


# -- Shapley and Banzhaf values ------------------------------------------------------------------
def _sums_by_size(ints, n):
    """Sums of worths by coalition size: over all coalitions, and over those containing i.

    Returns ``(total, containing)`` with ``total[k]`` the sum of v(S) over |S| = k and
    ``containing[i][k]`` the sum over |S| = k with i in S, as Python ints.
    """
    sizes = enumeration.popcounts(n).astype(np.intp)
    dtype = ints.dtype
    total = np.zeros(n + 1, dtype=dtype)
    np.add.at(total, sizes, ints)
    containing = []
    for i in range(n):
        with_i = enumeration._pairs(ints, i)[1].ravel()
        sizes_with = enumeration._pairs(sizes, i)[1].ravel()
        sums = np.zeros(n + 1, dtype=dtype)
        np.add.at(sums, sizes_with, with_i)
        containing.append([int(s) for s in sums])
    return [int(t) for t in total], containing


def _shapley_numerators(ints, n):
    """n! times the Shapley value of the game with integer worths ``ints`` (Python ints)."""
    total, containing = _sums_by_size(ints, n)
    # phi_i = sum_{S containing i} w(|S| - 1) v(S) - sum_{S not containing i} w(|S|) v(S),
    # w(s) = s! (n - s - 1)! / n!; the numerators below are n! w.
    weight = [factorial(s) * factorial(n - s - 1) for s in range(n)]
    numerators = []
    for row in containing:
        gain = sum(row[k] * weight[k - 1] for k in range(1, n + 1))
        loss = sum((total[k] - row[k]) * weight[k] for k in range(n))
        numerators.append(gain - loss)
    return numerators


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
    tu = _as_tu(game, "shapley_value")
    numerators = _shapley_numerators(tu._ints, tu.n)
    denominator = tu._scale * factorial(tu.n)
    return _result("shapley_value", tu, [Fraction(v, denominator) for v in numerators],
                   "enumerate")


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
    tu = _as_tu(game, "banzhaf_value")
    n = tu.n
    total, containing = _sums_by_size(tu._ints, n)
    grand_sum = sum(total)
    numerators = [2 * sum(row) - grand_sum for row in containing]
    if not normalized:
        denominator = tu._scale * 2 ** (n - 1)
        return _result("banzhaf_value", tu, [Fraction(v, denominator) for v in numerators],
                       "enumerate")
    if sum(numerators) == 0:
        raise InvalidGameError(
            "the Banzhaf values of this game sum to 0, so they cannot be normalized; use"
            " normalized=False"
        )
    denominator = sum(numerators)
    return _result("banzhaf_value_normalized", tu,
                   [Fraction(v, denominator) for v in numerators], "enumerate")


# -- graph-restricted game and unions ------------------------------------------------------------
def _graph_restricted(ints, neighbours, n):
    """Worths of Myerson's graph-restricted game: v/G(S) = sum of v over S's components.

    The component of the lowest member of S is grown by breadth-first search inside S;
    the rest of S is a smaller mask, already done.
    """
    restricted = [0] * (1 << n)
    for mask in range(1, 1 << n):
        component = frontier = mask & -mask
        while frontier:
            reach = 0
            while frontier:
                low = frontier & -frontier
                reach |= neighbours[low.bit_length() - 1]
                frontier ^= low
            frontier = reach & mask & ~component
            component |= frontier
        restricted[mask] = ints[component] + restricted[mask ^ component]
    return restricted


def _union_values(ints, groups, n, shapley):
    """Owen (``shapley=True``) or Banzhaf-Owen values, times the common denominator.

    For i in union k, the coalitions Q_R + T (R a set of other unions, T a subset of the
    rest of union k) are weighted by r! (m-r-1)! / m! * t! (p-t-1)! / p! (Owen) or by
    1 / 2**(m-1) * 1 / 2**(p-1) (Banzhaf-Owen). Marginal contributions are first summed
    by (r, t) in integers; only the m * p totals are multiplied by the weights.
    """
    group_masks = [sum(1 << i for i in group) for group in groups]
    m = len(groups)
    values = [Fraction(0)] * n
    for k, group in enumerate(groups):
        outer = [(0, 0)]
        for j, group_mask in enumerate(group_masks):
            if j != k:
                outer += [(q | group_mask, r + 1) for q, r in outer]
        p = len(group)
        for i in group:
            bit = 1 << i
            rest = group_masks[k] & ~bit
            inner = []
            sub = rest
            while True:
                inner.append((sub, sub.bit_count()))
                if sub == 0:
                    break
                sub = (sub - 1) & rest
            sums = [[0] * p for _ in range(m)]
            for q, r in outer:
                row = sums[r]
                for t_mask, t in inner:
                    s = q | t_mask
                    row[t] += ints[s | bit] - ints[s]
            if shapley:
                value = sum(
                    (Fraction(sums[r][t] * factorial(r) * factorial(m - r - 1)
                              * factorial(t) * factorial(p - t - 1),
                              factorial(m) * factorial(p))
                     for r in range(m) for t in range(p) if sums[r][t]),
                    Fraction(0),
                )
            else:
                value = Fraction(sum(map(sum, sums)), 2 ** (m - 1 + p - 1))
            values[i] = value
    return values


# -- exact linear algebra ------------------------------------------------------------------------
def _rref(rows, columns):
    """Reduced row echelon form over the rationals of the first ``columns`` columns.

    ``rows`` are lists of Fractions (or ints), possibly longer than ``columns`` (augmented).
    Returns the non-zero reduced rows and their pivot columns; the input is not modified.
    """
    rows = [[Fraction(x) for x in row] for row in rows]
    pivots = []
    rank = 0
    for column in range(columns):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][column]), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        lead = rows[rank][column]
        rows[rank] = [x / lead for x in rows[rank]]
        for r in range(len(rows)):
            if r != rank and rows[r][column]:
                factor = rows[r][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[rank], strict=True)]
        pivots.append(column)
        rank += 1
    return rows[:rank], pivots, rows[rank:]


def _solve_exact(coefficients, rhs):
    """One exact solution of ``coefficients @ z = rhs`` (free unknowns 0), or None if the
    system is inconsistent. Returns ``(solution, rank)``."""
    columns = len(coefficients[0])
    augmented = [list(row) + [b] for row, b in zip(coefficients, rhs, strict=True)]
    reduced, pivots, zero_rows = _rref(augmented, columns)
    if any(row[-1] != 0 for row in zero_rows):
        return None, len(pivots)
    solution = [Fraction(0)] * columns
    for row, column in zip(reduced, pivots, strict=True):
        solution[column] = row[-1]
    return solution, len(pivots)


def _solve_guided(coefficients, rhs, guide):
    """An exact solution of ``coefficients @ z = rhs`` near the float vector ``guide``.

    The free unknowns (non-pivot columns of the echelon form) take the values of
    ``guide``, read exactly; the pivot unknowns are then determined. None if inconsistent.
    """
    columns = len(coefficients[0])
    augmented = [list(row) + [b] for row, b in zip(coefficients, rhs, strict=True)]
    reduced, pivots, zero_rows = _rref(augmented, columns)
    if any(row[-1] != 0 for row in zero_rows):
        return None
    solution = [Fraction(0)] * columns
    free = [c for c in range(columns) if c not in pivots]
    for c in free:
        solution[c] = Fraction(float(guide[c]))
    for row, column in zip(reduced, pivots, strict=True):
        solution[column] = row[-1] - sum((row[c] * solution[c] for c in free), Fraction(0))
    return solution


def _null_space(rows, n):
    """An integer basis (n x d numpy array) of the vectors orthogonal to the given rows."""
    reduced, pivots, _ = _rref(rows, n)
    free = [c for c in range(n) if c not in pivots]
    basis = []
    for f in free:
        vector = [Fraction(0)] * n
        vector[f] = Fraction(1)
        for row, column in zip(reduced, pivots, strict=True):
            vector[column] = -row[f]
        scale = lcm_of_denominators(vector)
        basis.append([int(x * scale) for x in vector])
    if not basis:
        return np.zeros((n, 0), dtype=np.int64)
    largest = max(abs(x) for vector in basis for x in vector)
    dtype = np.int64 if largest * n < 2**62 else object
    return np.array(basis, dtype=dtype).T


# -- the nucleolus -------------------------------------------------------------------------------
_DUAL_TOLERANCE = 1e-9
_TIGHT_TOLERANCE = 1e-7
_HIGHS_OPTIONS = {"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10}


def _stage_lps(tu, ints, incidence, scaled):
    """Solve the sequence of LPs in floats; return the stages and the last float point.

    Stage t minimises eps subject to v(S) - x(S) <= eps for every coalition S whose
    excess is not yet fixed (not in the span of the grand coalition and the coalitions
    fixed so far), x(N) = v(N), x_i >= v({i}), and the fixed coalitions' excesses held at
    the values found. The coalitions with a positive dual multiplier have that excess in
    every optimal solution; they are fixed, and the rank of the fixed set grows by at least
    one per stage, so at most n - 1 stages are needed.
    """
    from scipy.optimize import linprog

    n = tu.n
    full = (1 << n) - 1
    players_bounds = [(scaled[1 << i], None) for i in range(n)]
    basis = [[1] * n]  # independent incidence vectors of the fixed coalitions, N first
    equalities = [(full, None)]  # (mask, stage) of the basis rows
    stages = []
    proper = np.zeros(1 << n, dtype=bool)
    proper[1:full] = True
    while len(basis) < n:
        kernel = _null_space(basis, n)
        in_span = ~np.any(incidence.dot(kernel) != 0, axis=1)
        candidates = np.flatnonzero(proper & ~in_span)
        a_ub = np.hstack([-incidence[candidates].astype(float), -np.ones((len(candidates), 1))])
        a_eq = np.array([[*((mask >> i) & 1 for i in range(n)), 0.0] for mask, _ in equalities],
                        dtype=float)
        b_eq = [scaled[mask] - (0.0 if stage is None else stages[stage]["eps"])
                for mask, stage in equalities]
        result = linprog(
            c=[0.0] * n + [1.0], A_ub=a_ub, b_ub=-scaled[candidates], A_eq=a_eq, b_eq=b_eq,
            bounds=players_bounds + [(None, None)], method="highs-ds", options=_HIGHS_OPTIONS,
        )
        if result.status != 0:
            raise NucleolusError(
                f"the linear program of stage {len(stages) + 1} of the nucleolus failed:"
                f" {result.message}"
            )
        duals = -np.asarray(result.ineqlin.marginals)
        fixed = candidates[duals > _DUAL_TOLERANCE]
        if fixed.size == 0:
            raise NucleolusError(
                f"no coalition has a positive multiplier at stage {len(stages) + 1} of the"
                " nucleolus (numerical trouble in the LP solver)"
            )
        bound_duals = np.asarray(result.lower.marginals)[:n]
        stages.append({
            "eps": float(result.x[-1]),
            "fixed": [int(mask) for mask in fixed],
            "candidates": candidates,
            "equalities": list(equalities),
            "bounds": [i for i in range(n) if bound_duals[i] > _DUAL_TOLERANCE],
            # the solver's multipliers, a guide for the exact certificate
            "duals": [*duals[duals > _DUAL_TOLERANCE],
                      *bound_duals[bound_duals > _DUAL_TOLERANCE],
                      *np.asarray(result.eqlin.marginals)],
        })
        for mask in stages[-1]["fixed"]:
            row = [(mask >> i) & 1 for i in range(n)]
            if len(_rref(basis + [row], n)[1]) > len(basis):
                basis.append(row)
                equalities.append((mask, len(stages) - 1))
        point = np.asarray(result.x[:n], dtype=float)
    return stages, point


def _recover_exact(tu, ints, stages, point, incidence, scaled):
    """The exact point: solve efficiency and tight equations in (x, eps_1, ..., eps_T).

    At the nucleolus, the equations "excess of S = eps_t" for every coalition S of stage t
    tight there, x_i = v({i}) for the tight lower bounds, and x(N) = v(N) have a unique
    solution; an independent subset of them, chosen in floating point with the coalitions
    of positive multiplier first, is solved exactly.
    """
    n, count = tu.n, len(stages)
    full = (1 << n) - 1
    size = n + count
    excess = scaled - incidence.dot(point)

    def coalition_row(mask, t):
        row = [(mask >> i) & 1 for i in range(n)] + [0] * count
        row[n + t] = 1
        return row, Fraction(ints[mask], tu._scale)

    candidates = [([1] * n + [0] * count, Fraction(ints[full], tu._scale))]
    for t, stage in enumerate(stages):
        candidates += [coalition_row(mask, t) for mask in stage["fixed"]]
    for i in range(n):
        if point[i] - scaled[1 << i] <= _TIGHT_TOLERANCE:
            row = [0] * size
            row[i] = 1
            candidates.append((row, Fraction(ints[1 << i], tu._scale)))
    for t, stage in enumerate(stages):
        gaps = np.abs(excess[stage["candidates"]] - stage["eps"])
        for position in np.argsort(gaps, kind="stable"):
            if gaps[position] > _TIGHT_TOLERANCE:
                break
            candidates.append(coalition_row(int(stage["candidates"][position]), t))

    chosen, basis = [], []
    for row, rhs in candidates:
        vector = np.array(row, dtype=float)
        residual = vector - sum((b.dot(vector) * b for b in basis), np.zeros(size))
        norm = np.linalg.norm(residual)
        if norm > 1e-9 * np.linalg.norm(vector):
            basis.append(residual / norm)
            chosen.append((row, rhs))
            if len(chosen) == size:
                break
    if len(chosen) < size:
        raise NucleolusError("the tight coalitions found by the LP solver do not determine"
                             " a unique point")
    solution, rank = _solve_exact([row for row, _ in chosen], [rhs for _, rhs in chosen])
    if solution is None or rank < size:
        raise NucleolusError("the exact system of tight coalitions is singular")
    return solution[:n], solution[n:]


def _certify(tu, ints, stages, x, eps, incidence):
    """Check exactly that ``x`` is the nucleolus; raise NucleolusError otherwise.

    Primal: x is an imputation, at every stage every candidate coalition has excess at
    most eps_t and the fixed ones exactly eps_t. Dual: at every stage, multipliers
    y_S > 0 on the fixed coalitions, nu_i >= 0 on tight lower bounds and free mu_R on the
    equalities with sum_S y_S = 1 and sum_S y_S 1_S + nu + sum_R mu_R 1_R = 0, which proves
    (weak duality, complementary slackness) that eps_t is the stage's minimum and the fixed
    coalitions are tight in every optimal solution.
    """
    n = tu.n
    full = (1 << n) - 1
    denominator = lcm_of_denominators([*x, *eps, Fraction(1, tu._scale)])
    xs = [int(value * denominator) for value in x]
    es = [int(value * denominator) for value in eps]
    factor = denominator // tu._scale
    worths = np.array([w * factor for w in ints], dtype=object)
    excess = worths - incidence.astype(object).dot(np.array(xs, dtype=object))

    def fail(reason):
        raise NucleolusError(
            f"the nucleolus found in floating point could not be certified exactly ({reason});"
            " no value is returned rather than a possibly wrong one"
        )

    if excess[full] != 0:
        fail("efficiency")
    for i in range(n):
        if excess[1 << i] > 0:
            fail(f"not an imputation: player {tu.players[i]!r} gets less than alone")
    for t, stage in enumerate(stages):
        if t and es[t] > es[t - 1]:
            fail(f"stage {t + 1} has a larger excess than stage {t}")
        if max(excess[stage["candidates"]]) > es[t]:
            fail(f"a coalition exceeds the excess of stage {t + 1}")
        if any(excess[mask] != es[t] for mask in stage["fixed"]):
            fail(f"a fixed coalition of stage {t + 1} is not tight")
        fixed, bounds, equalities = stage["fixed"], stage["bounds"], stage["equalities"]
        if any(excess[1 << i] != 0 for i in bounds):
            fail(f"a lower bound of stage {t + 1} is not tight")
        columns = len(fixed) + len(bounds) + len(equalities)
        rows = []
        for i in range(n):
            row = [(mask >> i) & 1 for mask in fixed]
            row += [int(j == i) for j in bounds]
            row += [(mask >> i) & 1 for mask, _ in equalities]
            rows.append(row)
        rows.append([1] * len(fixed) + [0] * (columns - len(fixed)))
        multipliers = _solve_guided(rows, [0] * n + [1], stage["duals"])
        if multipliers is None:
            fail(f"no dual certificate for stage {t + 1}")
        if any(y <= 0 for y in multipliers[:len(fixed)]) or any(
            nu < 0 for nu in multipliers[len(fixed):len(fixed) + len(bounds)]
        ):
            fail(f"the dual certificate of stage {t + 1} has a wrong sign")


def nucleolus(game, *, max_players=NUCLEOLUS_MAX_PLAYERS):
    """The nucleolus: the imputation that lexicographically minimises the largest excesses.

    The *excess* of a coalition S at a payoff vector x is e(S, x) = v(S) - x(S), its
    complaint. Among the *imputations* (x(N) = v(N), x_i >= v({i})), the nucleolus is the
    one whose vector of excesses, sorted in decreasing order, is lexicographically smallest
    [1]_. It exists and is unique when the imputation set is not empty, and lies in the
    core whenever the core is not empty.

    Parameters
    ----------
    game : TUGame or Game
        A simple game is converted with :func:`to_tu_game`.
    max_players : int, optional
        Refuse games with more players (default 15): every LP has a row per coalition.

    Returns
    -------
    PowerIndexResult
        Index ``"nucleolus"``, method ``"lp_sequence"``: exact Fractions summing to v(N).

    Raises
    ------
    InvalidGameError
        The imputation set is empty: v(N) < v({1}) + ... + v({n}).
    GameTooLargeError
        More than ``max_players`` players.
    NucleolusError
        The floating-point LPs could not be turned into a certified exact point (never
        observed on games of moderate size; the error is raised rather than a possibly
        wrong value returned).
    InvalidTypeError
        Not a game.

    Notes
    -----
    The sequence of linear programs of Kopelowitz [2]_ (see also Maschler, Peleg and
    Shapley [3]_): stage t minimises the largest excess eps over the coalitions whose
    excess is not yet fixed, keeping the excesses fixed at earlier stages; the coalitions
    with a positive dual multiplier are tight in every optimal solution and become fixed;
    coalitions whose incidence vector lies in the span of the fixed ones (and N) have a
    constant excess and leave the program. The rank of the fixed set grows at every stage,
    so at most n - 1 programs are solved, each with 2**n - 2 inequality rows and n + 1
    variables (HiGHS dual simplex, :func:`scipy.optimize.linprog`).

    Exactness: the programs are solved in floating point only to learn which coalitions
    are tight. The point is then computed exactly (Fractions) from efficiency and the
    tight coalitions' equations, which at the nucleolus have a unique solution, and
    certified exactly: it must satisfy every stage's constraints with the fixed excesses,
    and for every stage a dual certificate (non-negative multipliers, rational, solved
    exactly) must prove the stage's minimum. If any check fails, :class:`NucleolusError`
    is raised; no floating-point value is ever returned.

    Cost: at most n - 1 LPs of size 2**n x (n + 1), plus O(n 2**n) exact checks per stage.
    15 players take a few seconds.

    References
    ----------
    .. [1] D. Schmeidler, "The nucleolus of a characteristic function game", SIAM Journal
       on Applied Mathematics 17(6) (1969), 1163-1170. https://doi.org/10.1137/0117107
    .. [2] A. Kopelowitz, "Computation of the kernels of simple games and the nucleolus of
       n-person games", Research Memorandum 31, Department of Mathematics, The Hebrew
       University of Jerusalem, 1967.
    .. [3] M. Maschler, B. Peleg and L. S. Shapley, "Geometric properties of the kernel,
       nucleolus and related solution concepts", Mathematics of Operations Research 4(4)
       (1979), 303-338. https://doi.org/10.1287/moor.4.4.303
    .. [4] R. J. Aumann and M. Maschler, "Game theoretic analysis of a bankruptcy problem
       from the Talmud", Journal of Economic Theory 36 (1985), 195-213.
       https://doi.org/10.1016/0022-0531(85)90102-4

    Examples
    --------
    The Talmud's estate of 200 with claims 100, 200 and 300: the nucleolus of the
    bankruptcy game v(S) = max(0, E - claims of the others) is the Talmud's division [4]_.

    >>> import powerindex as pi
    >>> from powerindex.tu import TUGame, nucleolus
    >>> claims = {"a": 100, "b": 200, "c": 300}
    >>> estate = 200
    >>> def worth(s):
    ...     return max(0, estate - sum(c for p, c in claims.items() if p not in s))
    >>> nucleolus(TUGame(list(claims), worth)).to_dict()
    {'a': Fraction(50, 1), 'b': Fraction(75, 1), 'c': Fraction(75, 1)}
    """
    tu = _as_tu(game, "nucleolus")
    n = tu.n
    if n > max_players:
        raise GameTooLargeError(
            f"the nucleolus of {n} players solves up to {n - 1} linear programs with 2**{n}"
            f" rows each; at most {max_players} players by default (raise max_players= to"
            " try more)"
        )
    ints = tu._int_list()
    full = (1 << n) - 1
    alone = sum(ints[1 << i] for i in range(n))
    if ints[full] < alone:
        raise InvalidGameError(
            f"the game has no imputation: v(N) = {simplest(tu._worth(full))} is less than the"
            f" {simplest(Fraction(alone, tu._scale))} the players get alone, so the nucleolus"
            " is not defined"
        )
    if n == 1:
        return _result("nucleolus", tu, [tu._worth(full)], "lp_sequence")
    largest = max(abs(w) for w in ints) or 1
    scaled = np.array([w / largest for w in ints], dtype=float)
    masks = np.arange(1 << n)
    incidence = ((masks[:, None] >> np.arange(n)) & 1).astype(np.int64)
    stages, point = _stage_lps(tu, ints, incidence, scaled)
    x, eps = _recover_exact(tu, ints, stages, point, incidence, scaled)
    _certify(tu, ints, stages, x, eps, incidence)
    return _result("nucleolus", tu, x, "lp_sequence")
