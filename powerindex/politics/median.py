"""The median party on each policy dimension, and whether a party sits at the core.

On one dimension the party holding the median legislator cannot be beaten: the parties
on its left cannot win without it, nor those on its right, so any policy away from its
position loses to it (Black's median voter theorem applied to parties). On several
dimensions a party may be the median on every one of them and still be beaten: it sits at
the *core* -- no winning coalition can agree on a policy all its members prefer to the
party's position -- only when it lies on every median line, which in two dimensions or
more is rare [1]_ [2]_. :func:`median_party` finds the median parties and checks the core
exactly in two dimensions.

References
----------
.. [1] M. Laver and N. Schofield, *Multiparty Government: The Politics of Coalition in
   Europe*, Oxford University Press, 1990.
.. [2] C. R. Plott, "A notion of equilibrium and its possibility under majority rule",
   American Economic Review 57(4) (1967), 787-806.

Examples
--------
>>> import powerindex as pi
>>> g = pi.WeightedGame([30, 15, 40, 15], 51, players=["A", "B", "C", "D"])
>>> result = pi.median_party(g, {"A": 1, "B": 4, "C": 6, "D": 9})
>>> result.party, result.core
('C', ('C',))
"""

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from .._engines.plans import WeightThreshold
from ..errors import InvalidTypeError
from ..games.base import check_game, label
from ..present.tables import Table
from .positions import check_positions, seats_of

__all__ = ["MedianParty", "median_party"]


@dataclass(frozen=True)
class MedianParty:
    """The median parties of a game on each policy dimension; see :func:`median_party`.

    Attributes
    ----------
    game : Game
    positions : Positions
        The checked positions.
    medians : tuple of tuples
        For each dimension, the players at the median position (usually one; two when
        the seats split exactly in half between neighbours, more when players share the
        position).
    party : player name or None
        The one player at a median position on every dimension (on one dimension: the
        median party); None when no player is, or when several are (players sharing the
        median position, or an exact split of the seats between two parties).
    core : tuple or None
        The players whose position is at the core: no winning coalition lies strictly on
        one side of any line (hyperplane) through it. Checked exactly on one and two
        dimensions; None on three or more, where it is not checked.
    beaten_by : dict
        For a player median on every dimension whose position is not at the core: a
        winning coalition lying strictly on one side of a line through it (a new dict on
        every access, from ``blocking``, the same as ``(player, coalition)`` pairs).
    dimension_names : tuple of str
        Names of the dimensions, for the table.
    """

    game: object
    positions: object
    medians: tuple
    party: object
    core: object
    blocking: tuple = ()
    dimension_names: tuple = ()

    @property
    def beaten_by(self):
        """Candidate -> a winning coalition strictly on one side of a line through it."""
        return dict(self.blocking)

    def to_table(self):
        """A :class:`~powerindex.Table`: per dimension, each median party, its position
        and the seats strictly to its left and right (when the game has seats); the
        verdict on the core in the notes."""
        seats, _ = seats_of(self.game)
        rows = []
        for axis, players in enumerate(self.medians):
            for player in players:
                value = self.positions[player][axis]
                left = [p for p in self.game.players if self.positions[p][axis] < value]
                right = [p for p in self.game.players if self.positions[p][axis] > value]
                rows.append([self.dimension_names[axis], label(player),
                             int(value) if value.denominator == 1 else float(value),
                             _seats(seats, left), _seats(seats, right)])
        return Table(["dimension", "median party", "position", "seats left", "seats right"],
                     rows, title=f"Median parties of {self.game!r}", notes=self._notes())

    def _notes(self):
        many = len(self.medians) > 1
        everywhere = [p for p in self.game.players
                      if all(p in players for players in self.medians)]
        if self.party is None:
            if len(everywhere) > 1:
                return [f"{', '.join(map(label, everywhere))} are each median"
                        + (" on every dimension" if many else "")
                        + " (they share the position, or the seats split exactly between"
                        " them): no single median party."]
            return ["No party is median on every dimension, so no party is at the core."]
        name = label(self.party)
        if not many:
            return [f"{name} is the median party: no winning coalition lies on either side"
                    " of its position."]
        if self.core is None:
            return [f"{name} is the median party on every dimension; whether it is at the"
                    " core is not checked in more than two dimensions."]
        if self.party in self.core:
            return [f"{name} is the median party on every dimension and lies on every"
                    " median line: it is a core party (no winning coalition can agree on a"
                    " policy all its members prefer to its position)."]
        blocking = " + ".join(label(p) for p in self.game.players
                              if p in self.beaten_by[self.party])
        return [f"{name} is the median party on every dimension but not a core party: it"
                f" does not lie on every median line ({blocking} wins and lies strictly on"
                " one side of a line through its position)."]

    def __str__(self):
        return str(self.to_table())


def _seats(seats, players):
    if seats is None:
        return None
    total = sum((Fraction(seats[p]) for p in players), Fraction(0))
    return int(total) if total.denominator == 1 else total


def _winning(game):
    """A test of a coalition given as player indices: wins or not (fast for weights)."""
    plan = game.counting_plan()
    if isinstance(plan, WeightThreshold):
        weights, quota = plan.weights, plan.quota
        return lambda members: sum(weights[i] for i in members) >= quota
    return lambda members: plan.wins(sum(1 << i for i in members))


def _medians_on(coordinates, wins):
    """Indices of the players at the median position of one dimension (exact)."""
    found = []
    for value in sorted(set(coordinates)):
        left = [i for i, x in enumerate(coordinates) if x < value]
        right = [i for i, x in enumerate(coordinates) if x > value]
        if not wins(left) and not wins(right):
            found += [i for i, x in enumerate(coordinates) if x == value]
    return found


def _pseudo_angle(dx, dy):
    """An exact number in [0, 4) increasing with the angle of (dx, dy) != (0, 0)."""
    if dy >= 0:
        return dy / (dx + dy) if dx > 0 else 1 + (-dx) / (dy - dx)
    return 2 + (-dy) / (-dx - dy) if dx < 0 else 3 + dx / (dx - dy)


def _beaten_by(points, centre, wins):
    """A winning set of players strictly on one side of a line through the point of
    ``centre``, or None when there is none (the point is at the core). Exact: the
    maximal open half-planes through the point hold the players whose directions from
    it span less than half a turn from some player's direction."""
    x, y = points[centre]
    around = sorted((_pseudo_angle(px - x, py - y), i) for i, (px, py) in enumerate(points)
                    if (px, py) != (x, y))
    angles = [angle for angle, _ in around]
    count, stop = len(around), 0
    for start in range(count):
        stop = max(stop, start)
        while stop + 1 < start + count and (angles[(stop + 1) % count]
                                            - angles[start]) % 4 < 2:
            stop += 1
        side = [around[k % count][1] for k in range(start, stop + 1)]
        if wins(side):
            return side
    return None


def median_party(game, positions, *, dimension_names=None):
    """The median party on each policy dimension, and whether one party is at the core.

    Parameters
    ----------
    game : Game
        Any simple game: "the parties on one side win" is asked of the game, so a
        weighted game's quota (a majority, or a larger one) decides.
    positions : mapping or sequence
        Player -> number or tuple of numbers, or an order (see
        :mod:`powerindex.politics.positions`); every player needs one.
    dimension_names : sequence of str, optional
        Names of the dimensions for the table; default ``"dimension 1"``, ...

    Returns
    -------
    MedianParty
        With ``medians`` (per dimension), ``party`` (the one player at the median on every
        dimension, or None) and ``core``; printing shows a table with the verdict.

    Raises
    ------
    PositionError
        A player without a position (named), or positions that do not check.
    InvalidTypeError
        ``dimension_names`` that do not name each dimension.

    Notes
    -----
    On each dimension a player is *median* when the players strictly to its left do not
    win and neither do those strictly to its right. In a majority game (more than half
    of the seats) that is the party holding the median legislator; when the total is
    even and the two middle legislators belong to two parties, both are median (a tie:
    ``party`` is None). Under a larger quota (2/3, say) the players between the two
    pivotal ones are all median, and none is *the* median party unless one is alone.

    A party at the core is median on every dimension (the dimensions are particular
    lines), but not conversely: in two dimensions its position must lie on every median
    line -- no winning coalition strictly on one side of any line through it. That is
    checked exactly, by sorting the other players around the party by an exact
    pseudo-angle and testing the maximal open half-planes (one per player). In three
    dimensions or more ``core`` is None (not checked).

    Cost O(n^2) per dimension for n players (each position tests both sides), plus
    O(n^2) for the core check in two dimensions.

    References
    ----------
    .. [1] M. Laver and N. Schofield, *Multiparty Government: The Politics of Coalition in
       Europe*, Oxford University Press, 1990.
    .. [2] D. Black, "On the rationale of group decision-making", Journal of Political
       Economy 56(1) (1948), 23-34.
    .. [3] C. R. Plott, "A notion of equilibrium and its possibility under majority rule",
       American Economic Review 57(4) (1967), 787-806.

    Examples
    --------
    >>> import powerindex as pi
    >>> g = pi.WeightedGame([30, 15, 40, 15], 51, players=["A", "B", "C", "D"])
    >>> print(pi.median_party(g, {"A": 1, "B": 4, "C": 6, "D": 9}))
    Median parties of <WeightedGame [51; 30, 15, 40, 15]>
    dimension    median party  position  seats left  seats right
    dimension 1  C                    6          45           15
    C is the median party: no winning coalition lies on either side of its position.

    In two dimensions, C is the median on both axes but three parties around it can
    outvote it:

    >>> result = pi.median_party(g, {"A": (0, 0), "B": (4, 0), "C": (3, 3), "D": (0, 4)},
    ...                          dimension_names=["economy", "society"])
    >>> result.medians, result.party, result.core
    ((('C',), ('C',)), 'C', ())
    >>> result.to_table().notes[0]  # doctest: +ELLIPSIS
    'C is the median party on every dimension but not a core party: ... (A + B + D wins ...'
    """
    check_game(game, "median_party")
    placed = check_positions(positions, game)
    points = placed.require(game.players, "median_party")
    names = _dimension_names(dimension_names, placed.dimensions)
    wins = _winning(game)
    medians = tuple(tuple(game.players[i] for i in
                          _medians_on([p[axis] for p in points], wins))
                    for axis in range(placed.dimensions))
    everywhere = [p for p in game.players if all(p in players for players in medians)]
    party = everywhere[0] if len(everywhere) == 1 else None
    core, beaten = _core(game, placed.dimensions, points, medians, wins)
    return MedianParty(game, placed, medians, party, core, tuple(beaten.items()), names)


def _core(game, dimensions, points, medians, wins):
    """``(core players, {candidate: coalition beating it})``; (None, {}) above 2-D."""
    everywhere = set(medians[0]).intersection(*medians[1:])
    if dimensions == 1:
        return medians[0], {}
    if dimensions > 2:
        return None, {}
    core, beaten = [], {}
    for player in (p for p in game.players if p in everywhere):
        side = _beaten_by(points, game._position[player], wins)
        if side is None:
            core.append(player)
        else:
            beaten[player] = frozenset(game.players[i] for i in side)
    return tuple(core), beaten


def _dimension_names(names, dimensions):
    if names is None:
        return tuple(f"dimension {k}" for k in range(1, dimensions + 1))
    if isinstance(names, str) or not isinstance(names, Iterable):
        raise InvalidTypeError(f"dimension_names must be a list of names, got {names!r}")
    names = tuple(str(name) for name in names)
    if len(names) != dimensions:
        raise InvalidTypeError(f"dimension_names gives {len(names)} names for {dimensions}"
                               " dimensions")
    return names
