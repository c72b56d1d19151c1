"""Who governs with whom: a formateur's partners and the classic coalition theories.

* :func:`governing_coalitions` and :func:`formateur_partners` -- for a party asked to
  form a government: the coalitions it can govern with and which partners it cannot do
  without;
* :func:`coalition_theories` -- the coalitions predicted by the classic theories:
  minimal winning (von Neumann-Morgenstern), minimum size, minimum weight (Riker),
  minimal connected winning (Axelrod) on an ideological order, and with policy positions
  minimal range (Leiserson, :func:`minimal_range_coalitions`) and closed minimal range
  (De Swaan, :func:`closed_minimal_range_coalitions`).

Examples
--------
>>> import powerindex as pi
>>> iraq = pi.WeightedGame([91, 89, 70, 57, 18], 163,
...                        players=["Iraqiya", "SoL", "INA", "Kurds", "Small"])
>>> [str(c) for c in pi.governing_coalitions(iraq, "Kurds")][:2]
['Iraqiya + INA + Kurds (218 seats)', 'Iraqiya + Kurds + Small (166 seats)']
"""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from fractions import Fraction

from ..errors import InvalidGameError, InvalidTypeError
from ..games.base import label
from ..indices.coalitions import minimal_winning_coalitions, minimum_size_winning_coalitions
from ..present.tables import Table
from .graphs import is_connected_coalition, rule_phrase
from .positions import check_positions, seats_of, squared_diameter
from .restriction import restrict

__all__ = [
    "Coalition",
    "governing_coalitions",
    "formateur_partners",
    "coalition_theories",
    "minimal_range_coalitions",
    "closed_minimal_range_coalitions",
    "seats_of",
]


@dataclass(frozen=True)
class Coalition:
    """A coalition with its seats: ``members`` in player order, ``seats`` or None."""

    members: tuple
    seats: object = None

    def __str__(self):
        names = " + ".join(label(m) for m in self.members)
        if self.seats is None:
            return names
        return f"{names} ({self.seats} {'seat' if self.seats == 1 else 'seats'})"



def _coalitions_with_seats(game, coalitions):
    seats, _ = seats_of(game)
    result = []
    for coalition in coalitions:
        members = tuple(p for p in game.players if p in coalition)
        total = None if seats is None else sum(Fraction(seats[p]) for p in members)
        if total is not None and total.denominator == 1:
            total = int(total)
        result.append(Coalition(members, total))
    return result



def _effective(game, graph, rule):
    if graph is None:
        return game
    return restrict(game, graph, rule=rule)



def governing_coalitions(game, formateur, graph=None, *, rule="clique"):
    """The governments a formateur can lead: the minimal winning coalitions (that can form
    under the graph, if any) to which it belongs.

    A coalition qualifies when it wins, contains ``formateur``, can form under the graph,
    and loses (or can no longer form) without any one of its members -- the formateur
    included: a party whose partners could govern without it has nothing to offer them.

    Parameters
    ----------
    game : Game
    formateur : str
    graph : networkx.Graph, optional
    rule : {"connected", "clique"}, optional

    Returns
    -------
    list of Coalition
        Ordered by size, then player order; each with its seats when the game has weights.

    Notes
    -----
    Cost: that of :func:`~powerindex.minimal_winning_coalitions` of the (restricted) game.

    Examples
    --------
    >>> import powerindex as pi
    >>> iraq = pi.WeightedGame([91, 89, 70, 57, 18], 163,
    ...                        players=["Iraqiya", "SoL", "INA", "Kurds", "Small"])
    >>> [str(c) for c in pi.governing_coalitions(iraq, "Kurds")]
    ['Iraqiya + INA + Kurds (218 seats)', 'Iraqiya + Kurds + Small (166 seats)',
     'SoL + INA + Kurds (216 seats)', 'SoL + Kurds + Small (164 seats)']
    """
    game._check_player(formateur)
    minimal = minimal_winning_coalitions(_effective(game, graph, rule))
    return _coalitions_with_seats(game, [c for c in minimal if formateur in c])



def formateur_partners(game, formateur, graph=None, *, rule="clique"):
    """The partners a formateur can govern with, and which of them it cannot do without.

    Parameters
    ----------
    game : Game
    formateur : str
        The player asked to form a government.
    graph : networkx.Graph, optional
        Compatibility graph: only coalitions that can form under ``rule`` count.
    rule : {"connected", "clique"}, optional

    Returns
    -------
    Table
        One row per partner that belongs to at least one of the formateur's
        :func:`governing_coalitions`: its seats, in how many of them it sits, and whether
        it is *pivotal* for the formateur -- it sits in every one of them, so the
        formateur cannot reach the quota without it. Pivotal partners first, then by
        number of coalitions. The notes list the governing coalitions.

    Notes
    -----
    Cost: that of :func:`~powerindex.minimal_winning_coalitions` of the (restricted) game.

    Examples
    --------
    >>> import powerindex as pi
    >>> g = pi.WeightedGame([45, 40, 10, 5], 51, players=["A", "B", "C", "D"])
    >>> table = pi.formateur_partners(g, "B")
    >>> print(table)  # doctest: +ELLIPSIS
    Partners of B in <WeightedGame [51; 45, 40, 10, 5]>
    partner  seats  governing coalitions  pivotal
    A           45                     1
    C           10                     1
    D            5                     1
    B can govern in 2 coalitions: ...
    >>> table.notes[0].split(": ", 1)[1].split(". ")[0]
    'A + B (85 seats); B + C + D (55 seats)'
    >>> [row[0] for row in pi.formateur_partners(g, "D").rows if row[3]]  # D needs both
    ['B', 'C']
    """
    coalitions = governing_coalitions(game, formateur, graph, rule=rule)
    seats, _ = seats_of(game)
    rows = []
    for partner in game.players:
        count = sum(1 for c in coalitions if partner in c.members)
        if partner == formateur or not count:
            continue
        pivotal = count == len(coalitions)
        rows.append([partner, None if seats is None else seats[partner], count, pivotal])
    rows.sort(key=lambda row: (not row[3], -row[2]))
    if not coalitions:
        notes = [f"{formateur} cannot form a winning coalition under these assumptions."]
    elif coalitions[0].members == (formateur,):
        notes = [f"{formateur} wins alone: it needs no partner."]
    else:
        listed = "; ".join(str(c) for c in coalitions)
        pivotal = [row[0] for row in rows if row[3]]
        plural = "coalition" if len(coalitions) == 1 else "coalitions"
        notes = [f"{formateur} can govern in {len(coalitions)} {plural}: {listed}."
                 + (f" Pivotal partners: {', '.join(pivotal)}." if pivotal else
                    f" No partner is pivotal: {formateur} can do without any one of them.")]
    return Table(["partner", "seats", "governing coalitions", "pivotal"], rows,
                 title=f"Partners of {formateur} in {game!r}"
                 + ("" if graph is None else f" where {rule_phrase(rule)}"), notes=notes)



def check_order(game, order):
    if isinstance(order, str) or not isinstance(order, Iterable):
        raise InvalidTypeError(
            f"the ideological order must be a list of player names, got {order!r}"
        )
    order = list(order)
    for name in order:
        if not isinstance(name, Hashable):
            raise InvalidTypeError(f"the ideological order lists {name!r}, not a player name")
    if set(order) != set(game.players) or len(set(order)) != len(order):
        raise InvalidGameError(
            "the ideological order must list every player exactly once; got"
            f" {order} for players {list(game.players)}"
        )
    return order



def _former(game, graph, rule):
    """A test of a coalition: can it form (under the graph) and win?"""
    if graph is None:
        return game.is_winning
    restricted = restrict(game, graph, rule=rule)

    def forms(coalition):
        feasible = (is_connected_coalition(graph, coalition) if rule == "connected"
                    else all(graph.has_edge(a, b) for a in coalition for b in coalition
                             if a != b))
        return feasible and restricted.is_winning(coalition)

    return forms


def _by_size_and_order(game, coalitions):
    return sorted(coalitions, key=lambda c: (len(c), sorted(game._position[p] for p in c)))


def _minimal_connected_winning(game, graph, rule, order):
    """Intervals of the order that can form and win, with no smaller such interval inside."""
    forms = _former(game, graph, rule)
    forming = [(start, stop) for start in range(len(order))
               for stop in range(start + 1, len(order) + 1)
               if forms(frozenset(order[start:stop]))]
    minimal = [(a, b) for a, b in forming
               if not any(a <= c and d <= b and (c, d) != (a, b) for c, d in forming)]
    return _by_size_and_order(game, [frozenset(order[a:b]) for a, b in minimal])


def minimal_range_coalitions(game, positions, graph=None, *, rule="clique"):
    """Leiserson's minimal range coalitions: the minimal winning coalitions of smallest
    ideological range.

    Parameters
    ----------
    game : Game
    positions : mapping or sequence
        Player -> number or tuple of numbers, or an order of the players (left to right);
        see :mod:`powerindex.politics.positions`. Only the members of minimal winning
        coalitions need one (a dummy may lack it).
    graph : networkx.Graph, optional
        Only coalitions that can form under ``rule`` are considered.
    rule : {"connected", "clique"}, optional

    Returns
    -------
    list of Coalition
        The minimal winning coalitions (of the restricted game, with a graph) whose
        :func:`~powerindex.policy_range` is the smallest, ordered by size, then player
        order; each with its seats when the game has weights.

    Raises
    ------
    PositionError
        A member of a minimal winning coalition without a position (named).

    Notes
    -----
    Leiserson's theory [1]_ [2]_: parties prefer the minimal winning coalition whose
    members are ideologically closest, measured by the range between its extreme
    members -- in steps on an ordinal scale (give an order), or as a distance (give
    numbers). On several dimensions the range is the Euclidean diameter. Ranges are
    compared exactly (squared, on several dimensions). Cost: that of
    :func:`~powerindex.minimal_winning_coalitions` plus O(s) per coalition of s members
    on one dimension, O(s^2 d) on d dimensions.

    References
    ----------
    .. [1] M. Leiserson, *Coalitions in Politics: A Theoretical and Empirical Study*,
       PhD dissertation, Yale University, 1966.
    .. [2] M. Leiserson, "Factions and coalitions in one-party Japan: an interpretation
       based on the theory of games", American Political Science Review 62(3) (1968),
       770-787.

    Examples
    --------
    >>> import powerindex as pi
    >>> g = pi.WeightedGame([40, 25, 20, 15], 51, players=["Left", "Centre", "Right", "Far"])
    >>> left_right = {"Left": 0, "Centre": 5, "Right": 6, "Far": 7}
    >>> [str(c) for c in pi.minimal_range_coalitions(g, left_right)]
    ['Centre + Right + Far (60 seats)']

    Only the order known, the range counts steps, and Left is one step from Centre:

    >>> [str(c) for c in pi.minimal_range_coalitions(g, ["Left", "Centre", "Right", "Far"])]
    ['Left + Centre (65 seats)']
    """
    placed = check_positions(positions, game)
    ranged = []
    for coalition in minimal_winning_coalitions(_effective(game, graph, rule)):
        members = [p for p in game.players if p in coalition]
        points = placed.require(members, "minimal_range_coalitions")
        ranged.append((squared_diameter(points), coalition))
    least = min(width for width, _ in ranged)
    return _coalitions_with_seats(game, [c for width, c in ranged if width == least])


def closed_minimal_range_coalitions(game, positions, graph=None, *, rule="clique"):
    """De Swaan's closed minimal range coalitions: closed winning coalitions of smallest
    range on one policy dimension.

    Parameters
    ----------
    game : Game
    positions : mapping or sequence
        Player -> number on one dimension, or an order of the players (left to right);
        every player needs one.
    graph : networkx.Graph, optional
        Only coalitions that can form under ``rule`` are considered.
    rule : {"connected", "clique"}, optional

    Returns
    -------
    list of Coalition
        The closed coalitions that (can form and) win whose range is the smallest,
        ordered by size, then player order; each with its seats when the game has weights.

    Raises
    ------
    PositionError
        A player without a position (named), or positions on several dimensions.

    Notes
    -----
    A coalition is *closed* (De Swaan [1]_) when it has no gap: every player whose
    position lies between those of its extreme members belongs to it -- players at the
    same position as an extreme member included, so a closed coalition is the set of
    players in an interval ``[a, b]`` of the dimension. The theory predicts the closed
    winning coalitions of minimal range. They need not be minimal winning: a party in
    the middle stays in even when the others could win without it (on distinct
    positions each of them is one of Axelrod's minimal connected winning coalitions).
    Laver and Schofield [2]_ (chapter 5) compare it with the other theories. Cost
    O(n^2) coalition tests for n players.

    References
    ----------
    .. [1] A. de Swaan, *Coalition Theories and Cabinet Formations: A Study of Formal
       Theories of Coalition Formation Applied to Nine European Parliaments after 1918*,
       Elsevier, Amsterdam, 1973.
    .. [2] M. Laver and N. Schofield, *Multiparty Government: The Politics of Coalition in
       Europe*, Oxford University Press, 1990.

    Examples
    --------
    >>> import powerindex as pi
    >>> g = pi.WeightedGame([30, 30, 10, 30], 51, players=["A", "B", "C", "D"])
    >>> left_right = {"A": 0, "B": 4, "C": 5, "D": 6}
    >>> [str(c) for c in pi.closed_minimal_range_coalitions(g, left_right)]
    ['B + C + D (70 seats)']
    >>> [str(c) for c in pi.minimal_range_coalitions(g, left_right)]  # C lies between
    ['B + D (60 seats)']
    """
    placed = check_positions(positions, game)
    line = placed.line("closed_minimal_range_coalitions")
    placed.require(game.players, "closed_minimal_range_coalitions")
    forms = _former(game, graph, rule)
    distinct = sorted(set(line.values()))
    best, found = None, []
    for i, low in enumerate(distinct):
        for high in distinct[i:]:
            if best is not None and high - low > best:
                break
            coalition = frozenset(p for p in game.players if low <= line[p] <= high)
            if forms(coalition):
                if best is None or high - low < best:
                    best, found = high - low, []
                found.append(coalition)
                break  # a wider interval from this end has a larger range
    return _coalitions_with_seats(game, _by_size_and_order(game, found))


def coalition_theories(game, graph=None, order=None, *, rule="clique", positions=None):
    """The coalitions predicted by the classic theories of coalition formation.

    Parameters
    ----------
    game : Game
    graph : networkx.Graph, optional
        Only coalitions that can form under ``rule`` are considered.
    order : sequence of str, optional
        An ideological order of all the players (left to right), for Axelrod's theory.
    positions : mapping or sequence, optional
        Policy positions (see :mod:`powerindex.politics.positions`), for Leiserson's and
        De Swaan's theories.

    Returns
    -------
    dict of str to list of Coalition
        ``"minimal winning"`` -- winning, and losing without any one member (von
        Neumann and Morgenstern); ``"minimum size"`` -- of those, the fewest members;
        ``"minimum weight"`` -- of those, the fewest seats (Riker's size principle; only
        for weighted games); ``"minimal connected winning"`` (with ``order``) --
        coalitions of players adjacent on the order that win and lose without either end
        member (Axelrod); ``"minimal range"`` (with ``positions``) -- the minimal winning
        coalitions of smallest range (Leiserson, :func:`minimal_range_coalitions`);
        ``"closed minimal range"`` (with ``positions`` on one dimension) -- the closed
        winning coalitions of smallest range (De Swaan,
        :func:`closed_minimal_range_coalitions`). With a graph, every theory is applied
        to feasible coalitions.

    Notes
    -----
    Axelrod's minimal connected winning coalitions are the intervals of the order that
    can form and win while no shorter interval inside them can; without a graph that is
    the same as losing without either end member. With a graph, "can form" means
    connected (or a clique) in the graph as well. Cost O(n^2) coalition tests and
    O(n^4) comparisons of intervals; the other theories cost what the minimal winning
    coalitions of the (restricted) game cost.

    References
    ----------
    .. [1] J. von Neumann and O. Morgenstern, *Theory of Games and Economic Behavior*,
       Princeton University Press, 1944.
    .. [2] W. H. Riker, *The Theory of Political Coalitions*, Yale University Press, 1962.
    .. [3] R. Axelrod, *Conflict of Interest*, Markham, 1970.
    .. [4] M. Leiserson, *Coalitions in Politics: A Theoretical and Empirical Study*,
       PhD dissertation, Yale University, 1966.
    .. [5] A. de Swaan, *Coalition Theories and Cabinet Formations*, Elsevier, Amsterdam,
       1973.

    Examples
    --------
    >>> import powerindex as pi
    >>> g = pi.WeightedGame([40, 25, 20, 15], 51, players=["Left", "Centre", "Right", "Far"])
    >>> theories = pi.coalition_theories(g, order=["Left", "Centre", "Right", "Far"])
    >>> [str(c) for c in theories["minimum weight"]]
    ['Left + Far (55 seats)']
    >>> [str(c) for c in theories["minimal connected winning"]]
    ['Left + Centre (65 seats)', 'Centre + Right + Far (60 seats)']
    >>> theories = pi.coalition_theories(g, positions={"Left": 1, "Centre": 6, "Right": 7,
    ...                                                "Far": 9})
    >>> [str(c) for c in theories["minimal range"]]
    ['Centre + Right + Far (60 seats)']
    >>> [str(c) for c in theories["closed minimal range"]]
    ['Centre + Right + Far (60 seats)']
    """
    effective = game
    if graph is not None:
        effective = restrict(game, graph, rule=rule)
    theories = {
        "minimal winning": minimal_winning_coalitions(effective),
        "minimum size": minimum_size_winning_coalitions(effective),
    }
    with_seats = _coalitions_with_seats(game, theories["minimal winning"])
    theories = {name: _coalitions_with_seats(game, coalitions)
                for name, coalitions in theories.items()}
    if with_seats and with_seats[0].seats is not None:
        least = min(c.seats for c in with_seats)
        theories["minimum weight"] = [c for c in with_seats if c.seats == least]
    if order is not None:
        theories["minimal connected winning"] = _coalitions_with_seats(
            game, _minimal_connected_winning(game, graph, rule, check_order(game, order))
        )
    if positions is not None:
        placed = check_positions(positions, game)
        theories["minimal range"] = minimal_range_coalitions(game, placed, graph, rule=rule)
        if placed.dimensions == 1:
            theories["closed minimal range"] = closed_minimal_range_coalitions(
                game, placed, graph, rule=rule)
    return theories
