"""Policy positions of the players: checking them, the policy distance of a coalition, and
compatibility graphs drawn from them.

A *position* places a player in a policy space, as expert surveys and manifesto codings
place parties:

* one dimension -- a number per player (a left-right score), given as a mapping
  ``{player: number}``; or *only an order*, a list of the players from left to right,
  whose ranks 0, 1, 2, ... then stand in for positions (distances are counted in steps,
  as Leiserson and De Swaan counted them);
* several dimensions -- a tuple of numbers per player, ``{player: (x, y)}``; every player
  has the same number of them.

Numbers are exact: ints, Fractions, Decimals and floats, a float read as the decimal it
prints as (``0.1`` is 1/10), as weights are. A mapping may leave players out; a function
that needs the position of a player without one says which player lacks it.

* :func:`policy_range` -- the ideological range of a coalition (Leiserson);
* :func:`policy_variance` -- the seat-weighted spread of a coalition around its mean;
* :func:`compatibility_graph_from_positions` -- an edge between players close enough on
  the policy space, or neighbours on the order.

Examples
--------
>>> import powerindex as pi
>>> left_right = {"Left": 2, "Centre": 5, "Right": 8}
>>> pi.policy_range({"Left", "Centre"}, left_right)
3
>>> g = pi.WeightedGame([40, 20, 40], 51, players=["Left", "Centre", "Right"])
>>> pi.policy_variance(g, {"Left", "Centre"}, left_right)
Fraction(2, 1)
"""

import math
import numbers
from collections.abc import Hashable, Iterable, Mapping
from decimal import Decimal
from fractions import Fraction

from .._checks import check_whole
from .._numbers import simplest, to_fraction
from ..errors import (
    InvalidArgumentError,
    InvalidTypeError,
    PositionError,
    UnknownPlayerError,
)
from ..games.base import Game, check_game
from ..games.weighted import WeightedGame

__all__ = [
    "Positions",
    "check_positions",
    "plain_position",
    "seats_of",
    "policy_range",
    "policy_variance",
    "compatibility_graph_from_positions",
]


# -- checked positions --------------------------------------------------------------------------
class Positions(Mapping):
    """Checked positions: a read-only mapping player -> tuple of Fractions (one a dimension).

    Build one with :func:`check_positions`; every function that takes positions accepts
    one as well as a plain mapping (or an order).

    Attributes
    ----------
    dimensions : int
        Number of dimensions (1 for an order).
    ordinal : bool
        True when only an order was given: the coordinates are ranks 0, 1, 2, ...
    """

    __slots__ = ("_coords", "dimensions", "ordinal")

    def __init__(self, coords, dimensions, ordinal=False):
        object.__setattr__(self, "_coords", dict(coords))
        object.__setattr__(self, "dimensions", dimensions)
        object.__setattr__(self, "ordinal", ordinal)

    def __setattr__(self, name, value):
        raise AttributeError("Positions are read-only")

    def __reduce__(self):
        return Positions, (self._coords, self.dimensions, self.ordinal)

    def __getitem__(self, player):
        return self._coords[player]

    def __iter__(self):
        return iter(self._coords)

    def __len__(self):
        return len(self._coords)

    def __repr__(self):
        kind = "an order of" if self.ordinal else f"{self.dimensions}-dimensional positions of"
        return f"<Positions: {kind} {len(self)} players>"

    def require(self, players, purpose):
        """The coordinates of ``players`` (a list of tuples), or a PositionError naming the
        first player without a position."""
        coords = []
        for player in players:
            try:
                coords.append(self._coords[player])
            except (KeyError, TypeError):
                raise PositionError(
                    f"{purpose} needs the position of player {player!r}, which has none;"
                    f" positions are given for {list(self._coords)}"
                ) from None
        return coords

    def plain(self):
        """Player -> position as plain exact numbers: an int or Fraction on one dimension,
        a tuple of them on several (what a game file holds)."""
        def simple(point):
            values = tuple(simplest(x) for x in point)
            return values[0] if self.dimensions == 1 else values
        return {player: simple(point) for player, point in self._coords.items()}

    def line(self, purpose):
        """Player -> the one coordinate, or a PositionError when there are several."""
        if self.dimensions != 1:
            raise PositionError(
                f"{purpose} needs positions on one dimension, got {self.dimensions}; pass"
                " one of them, e.g. {player: position[0] for player, position in"
                " positions.items()}"
            )
        return {player: coords[0] for player, coords in self._coords.items()}


def _pairs(positions):
    """``(pairs, ordinal)`` from a mapping, a pandas Series or an order (a list of names)."""
    if isinstance(positions, Mapping) or (
            not isinstance(positions, str | bytes)
            and callable(getattr(positions, "items", None))
            and callable(getattr(positions, "keys", None))):
        return list(positions.items()), False
    if isinstance(positions, str | bytes) or not isinstance(positions, Iterable):
        raise InvalidTypeError(
            "positions must map players to numbers or tuples of numbers, or list the"
            f" players in order from left to right; got {type(positions).__name__}"
        )
    order = list(positions)
    for name in order:
        if not isinstance(name, Hashable):
            raise InvalidTypeError(f"an order of players lists {name!r}, not a player name")
    repeated = [name for name in order if order.count(name) > 1]
    if repeated:
        raise PositionError(f"the order lists {repeated[0]!r} twice")
    return [(name, rank) for rank, name in enumerate(order)], True


def _coordinate(player, value):
    what = f"the position of player {player!r}"
    try:
        return to_fraction(value, what)
    except InvalidTypeError:
        raise
    except ValueError as exc:
        raise PositionError(str(exc)) from None


def _coordinates(player, value):
    """A position as a tuple of Fractions (numbers, tuples, lists and numpy arrays)."""
    if isinstance(value, numbers.Real | Decimal) and not isinstance(value, bool):
        return (_coordinate(player, value),)
    if isinstance(value, str | bytes | bool) or not isinstance(value, Iterable):
        raise InvalidTypeError(
            f"the position of player {player!r} must be a number or a tuple of numbers,"
            f" got {value!r} ({type(value).__name__})"
        )
    try:
        items = tuple(value)
    except TypeError:
        raise InvalidTypeError(
            f"the position of player {player!r} must be a number or a tuple of numbers,"
            f" got {value!r}"
        ) from None
    if not items:
        raise PositionError(f"the position of player {player!r} is empty: give at least one"
                            " number")
    return tuple(_coordinate(player, item) for item in items)


def plain_position(player, value):
    """One position as plain exact numbers: an int or Fraction, or a tuple of them (the
    package's error, naming ``player``, for anything else)."""
    point = tuple(simplest(x) for x in _coordinates(player, value))
    return point[0] if isinstance(value, numbers.Real | Decimal) else point


def check_positions(positions, players=None):
    """Check positions and return them as :class:`Positions`.

    Parameters
    ----------
    positions : mapping, pandas Series, sequence or Positions
        Player -> number (one dimension) or tuple of numbers (several); or a list of
        the players from left to right (an order: their ranks are their positions).
    players : Game or sequence of names, optional
        The players the positions must belong to: a name that is not one of them is an
        error. Players may lack a position (functions that need one say so).

    Returns
    -------
    Positions

    Raises
    ------
    PositionError
        No positions, players with different numbers of dimensions, an empty tuple, NaN
        or an infinity, a player listed twice in an order.
    InvalidTypeError
        A position that is not a number or a tuple of numbers (a string, a bool, None).
    UnknownPlayerError
        A position given for someone who is not a player.

    Examples
    --------
    >>> from powerindex.politics.positions import check_positions
    >>> check_positions({"A": 1.5, "B": (2, 3)})
    Traceback (most recent call last):
    ...
    powerindex.errors.PositionError: players have positions of different dimensions: 'A'
     has 1, 'B' has 2
    >>> check_positions(["A", "B", "C"])["C"]
    (Fraction(2, 1),)
    """
    if isinstance(players, Game):
        players = players.players
    known = None if players is None else set(players)
    if isinstance(positions, Positions):
        pairs, ordinal = list(positions.items()), positions.ordinal
    else:
        pairs, ordinal = _pairs(positions)
    if not pairs:
        raise PositionError("no positions were given")
    coords, first = {}, None
    for player, value in pairs:
        if known is not None and (not isinstance(player, Hashable) or player not in known):
            raise UnknownPlayerError(
                f"a position is given for {player!r}, which is not a player; players are"
                f" {list(players)}"
            )
        point = value if isinstance(positions, Positions) else _coordinates(player, value)
        if first is None:
            first = (player, len(point))
        elif len(point) != first[1]:
            raise PositionError(
                f"players have positions of different dimensions: {first[0]!r} has"
                f" {first[1]}, {player!r} has {len(point)}"
            )
        coords[player] = point
    return Positions(coords, first[1], ordinal)


def seats_of(game):
    """``(player -> seats, total)`` of the weighted game underneath, or ``(None, None)``.

    A restricted game has the seats of its base game; a composite game has several
    weights per player (seats and members, say), none of them *the* seats, so it has none.
    """
    while hasattr(game, "base_game"):
        game = game.base_game
    if isinstance(game, WeightedGame):
        return dict(zip(game.players, game.weights, strict=True)), game.total_weight
    return None, None


def _members(coalition):
    if isinstance(coalition, str) or not isinstance(coalition, Iterable):
        raise InvalidTypeError(
            f"a coalition is a collection of player names, got {coalition!r}"
        )
    members = list(dict.fromkeys(coalition))
    if not members:
        raise InvalidArgumentError("the coalition is empty: it has no policy distance")
    return members


# -- policy distance ----------------------------------------------------------------------------
def squared_diameter(points):
    """The largest squared Euclidean distance between two of ``points`` (exact)."""
    if len(points[0]) == 1:
        values = [p[0] for p in points]
        return (max(values) - min(values)) ** 2
    return max((sum((a - b) ** 2 for a, b in zip(p, q, strict=True))
                for i, p in enumerate(points) for q in points[i + 1:]), default=Fraction(0))


def exact_sqrt(square):
    """The square root of a non-negative Fraction: exact when rational, else a float."""
    square = Fraction(square)
    top, bottom = math.isqrt(square.numerator), math.isqrt(square.denominator)
    if top * top == square.numerator and bottom * bottom == square.denominator:
        return simplest(Fraction(top, bottom))
    return math.sqrt(square)


def policy_range(coalition, positions):
    """The ideological range of a coalition: the distance between its two furthest members.

    Parameters
    ----------
    coalition : iterable of player names
    positions : mapping or sequence
        Player -> number or tuple of numbers, or an order of the players (see
        :mod:`powerindex.politics.positions`).

    Returns
    -------
    int, Fraction or float
        On one dimension the largest minus the smallest position, exact (in steps for an
        order). On several, the Euclidean diameter of the members' positions: exact (int
        or Fraction) when it is rational, else a float (the correctly rounded square root
        of the exact squared diameter, within one unit in the last place).

    Raises
    ------
    PositionError
        A member without a position (named), or positions that do not check.
    InvalidArgumentError
        An empty coalition.

    Notes
    -----
    Leiserson's range is the number of steps on an ordinal left-right scale between the
    coalition's extreme members [1]_; with numbers it is their distance. Cost O(s) on one
    dimension, O(s^2 d) on d dimensions for s members.

    References
    ----------
    .. [1] M. Leiserson, "Factions and coalitions in one-party Japan: an interpretation
       based on the theory of games", American Political Science Review 62(3) (1968),
       770-787. https://doi.org/10.2307/1953429

    Examples
    --------
    >>> import powerindex as pi
    >>> pi.policy_range(["B", "D"], ["A", "B", "C", "D"])  # an order: 2 steps
    2
    >>> pi.policy_range({"X", "Y"}, {"X": (0, 0), "Y": (3, 4), "Z": (1, 1)})
    5
    >>> pi.policy_range({"X", "Z"}, {"X": (0, 0), "Y": (3, 4), "Z": (1, 1)})
    1.4142135623730951
    """
    placed = check_positions(positions)
    points = placed.require(_members(coalition), "policy_range")
    return exact_sqrt(squared_diameter(points))


def policy_variance(game, coalition, positions):
    """The seat-weighted variance of a coalition's positions around its seat-weighted mean.

    Parameters
    ----------
    game : Game
        Gives the seats (the weights of the weighted game underneath); in a game without
        seats (a :class:`~powerindex.SimpleGame`) every member counts once.
    coalition : iterable of player names
    positions : mapping or sequence
        As for :func:`policy_range`, checked against the game's players.

    Returns
    -------
    Fraction
        ``sum(w_i |x_i - m|^2) / sum(w_i)`` over the members, where ``m`` is the
        seat-weighted mean position and ``|.|`` the Euclidean norm (on several dimensions
        the sum of the variances of the dimensions). Exact.

    Raises
    ------
    PositionError
        A member without a position (named).
    UnknownPlayerError
        A member or a position's player that is not a player.
    InvalidArgumentError
        An empty coalition, or one whose members hold no seats at all.

    Notes
    -----
    A measure of a coalition's policy spread that, unlike the range, counts how many
    seats sit far from the coalition's centre (the kind of "policy distance" compared by
    De Swaan's tests of coalition theories [1]_). Cost O(s d) for s members.

    References
    ----------
    .. [1] A. de Swaan, *Coalition Theories and Cabinet Formations*, Elsevier, Amsterdam,
       1973.

    Examples
    --------
    >>> import powerindex as pi
    >>> g = pi.WeightedGame([3, 1, 2], 4, players=["A", "B", "C"])
    >>> pi.policy_variance(g, {"A", "B"}, {"A": 0, "B": 4, "C": 10})
    Fraction(3, 1)
    """
    check_game(game, "policy_variance")
    placed = check_positions(positions, game)
    members = _members(coalition)
    for member in members:
        game._check_player(member)
    points = placed.require(members, "policy_variance")
    seats, _ = seats_of(game)
    weights = [Fraction(1) if seats is None else Fraction(seats[m]) for m in members]
    total = sum(weights)
    if total == 0:
        raise InvalidArgumentError(
            f"the members {members} hold no seats: a seat-weighted variance is undefined"
        )
    variance = Fraction(0)
    for axis in range(placed.dimensions):
        mean = sum(w * p[axis] for w, p in zip(weights, points, strict=True)) / total
        variance += sum(w * (p[axis] - mean) ** 2
                        for w, p in zip(weights, points, strict=True)) / total
    return variance


# -- graphs from positions ----------------------------------------------------------------------
def _ranks(line):
    """Player -> the rank of its position among the distinct positions (ties share one)."""
    distinct = sorted(set(line.values()))
    rank = {value: i for i, value in enumerate(distinct)}
    return {player: rank[value] for player, value in line.items()}


def compatibility_graph_from_positions(game, positions, *, within=None, neighbours=None):
    """A compatibility graph that joins players close to each other on the policy space.

    Parameters
    ----------
    game : Game or sequence of names
        The players: each becomes a node, in this order.
    positions : mapping or sequence
        As for :func:`policy_range`; every player needs one.
    within : number, optional
        Join two players whose positions are at most this (Euclidean) distance apart.
    neighbours : int, optional
        Join two players at most this many steps apart on the order of the positions (one
        dimension only): 1 joins each player to the next one left and right. Players at
        the same position are one step: they share a rank.

    Returns
    -------
    networkx.Graph
        Give at least one of ``within`` and ``neighbours``; with both, a pair is joined
        when either holds. Ready for :func:`~powerindex.restrict`.

    Raises
    ------
    InvalidArgumentError
        Neither ``within`` nor ``neighbours``, a negative distance, or ``neighbours`` below 1.
    PositionError
        A player without a position (named), or ``neighbours`` with several dimensions.

    Notes
    -----
    Cost O(n^2 d) for n players on d dimensions (every pair is compared, exactly).

    Examples
    --------
    >>> import powerindex as pi
    >>> g = pi.WeightedGame([30, 25, 25, 20], 51, players=["L", "CL", "CR", "R"])
    >>> left_right = {"L": 1, "CL": 4, "CR": 6, "R": 9}
    >>> sorted(pi.compatibility_graph_from_positions(g, left_right, within=3).edges())
    [('CL', 'CR'), ('CR', 'R'), ('L', 'CL')]
    >>> pi.shapley_shubik(pi.restrict(g, pi.compatibility_graph_from_positions(
    ...     g, left_right, neighbours=1), rule="connected")).to_dict()
    {'L': Fraction(1, 4), 'CL': Fraction(7, 12), 'CR': Fraction(1, 12), 'R': Fraction(1, 12)}
    """
    import networkx as nx  # on first use (start-up): see powerindex/__init__.py
    players = game.players if isinstance(game, Game) else list(game)
    placed = check_positions(positions, players)
    points = dict(zip(players, placed.require(players, "the compatibility graph"),
                      strict=True))
    if within is None and neighbours is None:
        raise InvalidArgumentError("give within= (a distance), neighbours= (steps on the"
                                   " order) or both")
    limit = None
    if within is not None:
        try:
            limit = to_fraction(within, "within")
        except InvalidTypeError:
            raise
        except ValueError as exc:
            raise InvalidArgumentError(str(exc)) from None
        if limit < 0:
            raise InvalidArgumentError(f"within must be a distance >= 0, got {within!r}")
    ranks = None
    if neighbours is not None:
        neighbours = check_whole(neighbours, "neighbours", minimum=1)
        ranks = _ranks(placed.line("neighbours="))
    graph = nx.Graph()
    graph.add_nodes_from(players)
    for i, a in enumerate(players):
        for b in players[i + 1:]:
            near = limit is not None and squared_diameter([points[a], points[b]]) <= limit ** 2
            if near or (ranks is not None and abs(ranks[a] - ranks[b]) <= neighbours):
                graph.add_edge(a, b)
    return graph
