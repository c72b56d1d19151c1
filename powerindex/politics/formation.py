"""Who governs with whom: a formateur's partners and the classic coalition theories.

* :func:`governing_coalitions` and :func:`formateur_partners` -- for a party asked to
  form a government: the coalitions it can govern with and which partners it cannot do
  without;
* :func:`coalition_theories` -- the coalitions predicted by the classic theories:
  minimal winning (von Neumann-Morgenstern), minimum size, minimum weight (Riker) and
  minimal connected winning (Axelrod) on an ideological order.

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
from ..games.weighted import WeightedGame
from ..indices.coalitions import minimal_winning_coalitions, minimum_size_winning_coalitions
from ..present.tables import Table
from .graphs import is_connected_coalition
from .restriction import restrict

__all__ = [
    "Coalition",
    "governing_coalitions",
    "formateur_partners",
    "coalition_theories",
    "seats_of",
]


def seats_of(game):
    """Player -> seats (weight) from the weighted game underneath, or None without one.

    A composite game has several weights per player (seats and members, say), none of
    them *the* seats, so it has none here.
    """
    while hasattr(game, "base_game"):
        game = game.base_game
    if isinstance(game, WeightedGame):
        return dict(zip(game.players, game.weights, strict=True)), game.total_weight
    return None, None



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



def governing_coalitions(game, formateur, graph=None, *, rule="connected"):
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



def formateur_partners(game, formateur, graph=None, *, rule="connected"):
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
                 title=f"Partners of {formateur} in {game!r}", notes=notes)



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



def _minimal_connected_winning(game, graph, rule, order):
    """Intervals of the order that can form and win, with no smaller such interval inside."""
    if graph is None:
        def forms(coalition):
            return game.is_winning(coalition)
    else:
        restricted = restrict(game, graph, rule=rule)

        def forms(coalition):
            feasible = (is_connected_coalition(graph, coalition) if rule == "connected"
                        else all(graph.has_edge(a, b) for a in coalition for b in coalition
                                 if a != b))
            return feasible and restricted.is_winning(coalition)

    forming = [(start, stop) for start in range(len(order))
               for stop in range(start + 1, len(order) + 1)
               if forms(frozenset(order[start:stop]))]
    minimal = [(a, b) for a, b in forming
               if not any(a <= c and d <= b and (c, d) != (a, b) for c, d in forming)]
    found = [frozenset(order[a:b]) for a, b in minimal]
    return sorted(found, key=lambda c: (len(c), sorted(game._position[p] for p in c)))



def coalition_theories(game, graph=None, order=None, *, rule="connected"):
    """The coalitions predicted by the classic theories of coalition formation.

    Parameters
    ----------
    game : Game
    graph : networkx.Graph, optional
        Only coalitions that can form under ``rule`` are considered.
    order : sequence of str, optional
        An ideological order of all the players (left to right), for Axelrod's theory.

    Returns
    -------
    dict of str to list of Coalition
        ``"minimal winning"`` -- winning, and losing without any one member (von
        Neumann and Morgenstern); ``"minimum size"`` -- of those, the fewest members;
        ``"minimum weight"`` -- of those, the fewest seats (Riker's size principle; only
        for weighted games); ``"minimal connected winning"`` (with ``order``) --
        coalitions of players adjacent on the order that win and lose without either end
        member (Axelrod). With a graph, every theory is applied to feasible coalitions.

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

    Examples
    --------
    >>> import powerindex as pi
    >>> g = pi.WeightedGame([40, 25, 20, 15], 51, players=["Left", "Centre", "Right", "Far"])
    >>> theories = pi.coalition_theories(g, order=["Left", "Centre", "Right", "Far"])
    >>> [str(c) for c in theories["minimum weight"]]
    ['Left + Far (55 seats)']
    >>> [str(c) for c in theories["minimal connected winning"]]
    ['Left + Centre (65 seats)', 'Centre + Right + Far (60 seats)']
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
    return theories
