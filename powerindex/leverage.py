"""Kingmaker leverage: who holds power beyond their seats, and whom a formateur needs.

A *scenario* is a game plus the assumptions an analyst adds to it: a compatibility graph
(which parties can sit together; see :func:`~powerindex.restrict`) and a priori unions
(parties pledged to bargain together; see :func:`~powerindex.owen`). This module turns a
scenario into the tables an analyst reports:

* :func:`leverage` -- one row per player: seats, seat share, Shapley-Shubik (Owen with
  unions), Banzhaf (Banzhaf-Owen with unions), swings, power per seat share, membership of
  minimal winning coalitions, veto and dummy flags, and a one-line summary;
* :func:`compare` -- each player's index across named scenarios and the change between
  them, with merged blocs traced to their members;
* :func:`formateur_partners` and :func:`governing_coalitions` -- for a party asked to
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
>>> table = pi.leverage(iraq)
>>> table.notes[0]
'Beyond their seats: Small 2.41x, SoL 1.10x, Iraqiya 1.07x. Below: Kurds 0.76x, INA 0.62x.
 No veto players; no dummies.'
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise

from .coalitions import minimal_winning_coalitions
from .errors import InvalidGameError, InvalidMethodError, InvalidTypeError, UnknownPlayerError
from .games import Game, WeightedGame
from .indices import banzhaf, shapley_shubik, swings
from .tables import Table

__all__ = [
    "Scenario",
    "leverage",
    "compare",
    "formateur_partners",
    "governing_coalitions",
    "coalition_theories",
    "Coalition",
]


@dataclass(frozen=True)
class Scenario:
    """A game with the assumptions of one scenario.

    Parameters
    ----------
    game : Game
    graph : networkx.Graph, optional
        Compatibility graph on the players; coalitions must be able to form under ``rule``.
    unions : list of lists of str, or dict, optional
        A priori unions (players not named are singletons).
    rule : {"connected", "clique"}, optional
        How the graph restricts coalitions (see :func:`~powerindex.restrict`).
    """

    game: Game
    graph: object = None
    unions: object = None
    rule: str = "connected"

    def __post_init__(self):
        if not isinstance(self.game, Game):
            raise InvalidTypeError(f"a scenario needs a game, got {type(self.game).__name__}")

    @property
    def effective_game(self):
        """The game after the graph's restriction (the game itself without a graph)."""
        if self.graph is None:
            return self.game
        from .graphs import restrict

        return restrict(self.game, self.graph, rule=self.rule)

    def power(self, index):
        """Each player's value of ``index`` ("shapley_shubik" or "banzhaf") in this scenario.

        With unions, Shapley-Shubik becomes the Owen value and Banzhaf the Banzhaf-Owen
        value normalized to sum to 1.
        """
        game = self.effective_game
        if self.unions is None:
            function = {"shapley_shubik": shapley_shubik, "banzhaf": banzhaf}.get(index)
            if function is None:
                raise InvalidMethodError(
                    f"unknown index {index!r}; choose 'shapley_shubik' or 'banzhaf'"
                )
            return function(game).to_dict()
        from .unions import banzhaf_owen, owen

        if index == "shapley_shubik":
            return owen(game, self.unions).to_dict()
        if index == "banzhaf":
            raw = banzhaf_owen(game, self.unions).to_dict()
            total = sum(raw.values(), Fraction(0))
            return {p: v / total for p, v in raw.items()}
        raise InvalidMethodError(
            f"unknown index {index!r}; choose 'shapley_shubik' or 'banzhaf'"
        )


def _scenario(value):
    if isinstance(value, Scenario):
        return value
    if isinstance(value, Game):
        return Scenario(value)
    raise InvalidTypeError(f"expected a game or a Scenario, got {type(value).__name__}")


def _seats(game):
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
        names = " + ".join(self.members)
        if self.seats is None:
            return names
        return f"{names} ({self.seats} {'seat' if self.seats == 1 else 'seats'})"


def _coalitions_with_seats(game, coalitions):
    seats, _ = _seats(game)
    result = []
    for coalition in coalitions:
        members = tuple(p for p in game.players if p in coalition)
        total = None if seats is None else sum(Fraction(seats[p]) for p in members)
        if total is not None and total.denominator == 1:
            total = int(total)
        result.append(Coalition(members, total))
    return result


def leverage(game, graph=None, unions=None, *, rule="connected"):
    """Who holds leverage: power against seats for every player of a scenario.

    Parameters
    ----------
    game : Game
    graph : networkx.Graph, optional
        Compatibility graph: only coalitions that can form under ``rule`` count.
    unions : list of lists of str, or dict, optional
        A priori unions: the indices become Owen and (normalized) Banzhaf-Owen.
    rule : {"connected", "clique"}, optional

    Returns
    -------
    Table
        Columns: player, members (when a player is a merged bloc), seats, seat share
        (empty for games without weights, composite games included),
        Shapley-Shubik (or Owen), Banzhaf (or Banzhaf-Owen), swings, power / seat share
        (Shapley-Shubik or Owen over the seat share), minimal winning (the number of
        minimal winning, feasible coalitions the player belongs to), veto, dummy -- the
        last four describe the (restricted) game itself, unions aside. Rows are
        in decreasing order of power, then of seats. ``table.notes[0]`` says in one line
        who holds power beyond their seats (power / seat share above 1), who below, and
        who has a veto or none at all.

    Notes
    -----
    Cost: that of the indices on the (restricted) game, O(n 2**n) with a graph or unions
    (enumeration), less for a plain weighted game.

    Examples
    --------
    >>> import powerindex as pi
    >>> g = pi.WeightedGame([3, 2, 1], 4, players=["A", "B", "C"])
    >>> table = pi.leverage(g)
    >>> table.columns[:6]
    ('player', 'seats', 'seat share', 'Shapley-Shubik', 'Banzhaf', 'swings')
    >>> table.column("Shapley-Shubik")
    [Fraction(2, 3), Fraction(1, 6), Fraction(1, 6)]
    >>> table.column("power / seat share")
    [Fraction(4, 3), Fraction(1, 2), Fraction(1, 1)]
    >>> table.notes[0]
    'Beyond their seats: A 1.33x. Below: B 0.50x. Veto: A; no dummies.'
    """
    scenario = Scenario(game, graph, unions, rule)
    effective = scenario.effective_game
    power = scenario.power("shapley_shubik")
    banzhaf_values = scenario.power("banzhaf")
    swing_counts = swings(effective)
    minimal = minimal_winning_coalitions(effective)
    membership = {p: sum(1 for c in minimal if p in c) for p in game.players}
    veto, dummies = set(effective.veto_players), set(effective.dummies)
    seats, total = _seats(game)
    with_members = any(len(game.members(p)) > 1 for p in game.players)
    power_name = "Owen" if unions is not None else "Shapley-Shubik"
    banzhaf_name = "Banzhaf-Owen" if unions is not None else "Banzhaf"
    columns = ["player", *(["members"] if with_members else []), "seats", "seat share",
               power_name, banzhaf_name, "swings", "power / seat share", "minimal winning",
               "veto", "dummy"]
    rows, ratios = [], {}
    for player in game.players:
        seat = None if seats is None else seats[player]
        share = None if seats is None else Fraction(seat) / Fraction(total)
        ratio = None if not share else power[player] / share
        ratios[player] = ratio
        members = [" + ".join(game.members(player))] if with_members else []
        rows.append([player, *members, seat, share, power[player], banzhaf_values[player],
                     swing_counts[player], ratio, membership[player], player in veto,
                     player in dummies])
    def rank(i):
        player = game.players[i]
        return -power[player], -Fraction(seats[player]) if seats else 0, i

    order = sorted(range(len(rows)), key=rank)
    title = f"Leverage in {game!r}" + (" under a compatibility graph" if graph is not None
                                       else "") + (" with a priori unions"
                                                   if unions is not None else "")
    summary = _summary(game, ratios, veto, dummies, [game.players[i] for i in order])
    return Table(columns, [rows[i] for i in order], title=title, notes=[summary])


def _summary(game, ratios, veto, dummies, order):
    above = [p for p in order if ratios[p] is not None and ratios[p] > 1]
    below = [p for p in order if ratios[p] is not None and ratios[p] < 1]

    def listing(players):
        ranked = sorted(players, key=lambda p: -ratios[p])
        return ", ".join(f"{p} {float(ratios[p]):.2f}x" for p in ranked)

    parts = []
    if above:
        parts.append(f"Beyond their seats: {listing(above)}.")
    if below:
        parts.append(f"Below: {listing(below)}.")
    if all(r is None for r in ratios.values()):
        parts.append("No seats to compare with.")
    vetoes = ", ".join(p for p in game.players if p in veto)
    nulls = ", ".join(p for p in game.players if p in dummies)
    parts.append((f"Veto: {vetoes}" if vetoes else "No veto players") + "; "
                 + (f"dummies: {nulls}." if nulls else "no dummies."))
    return " ".join(parts)


def compare(scenarios, *, index="shapley_shubik", baseline=None):
    """Each player's power across named scenarios, and the change from one to the next.

    Parameters
    ----------
    scenarios : mapping of str to Game or Scenario
        In the order to report them (a dict keeps insertion order).
    index : {"shapley_shubik", "banzhaf"}, optional
        With unions, the Owen or (normalized) Banzhaf-Owen value.
    baseline : str, optional
        The name of one scenario: changes are then reported from it to each other scenario
        instead of between consecutive scenarios.

    Returns
    -------
    Table
        One row per player or bloc, one column per scenario, then one column per change
        (between consecutive scenarios, or from the baseline). A merged bloc is traced
        through its members: where they act separately, the bloc's row shows the sum of
        their values; where a player is part of a bloc (or absent), its cell is empty.

    Raises
    ------
    InvalidTypeError
        If ``scenarios`` is not a non-empty mapping of games or scenarios.
    UnknownPlayerError
        If ``baseline`` is not one of the scenarios.

    Examples
    --------
    >>> import powerindex as pi
    >>> iraq = pi.WeightedGame([91, 89, 70, 57, 18], 163,
    ...                        players=["Iraqiya", "SoL", "INA", "Kurds", "Small"])
    >>> table = pi.compare({"deadlock": iraq,
    ...                     "Sadr backs Maliki": iraq.merge(["SoL", "INA"], name="NA")})
    >>> table.column("Sadr backs Maliki")
    [Fraction(1, 6), None, None, Fraction(1, 6), Fraction(1, 6), Fraction(1, 2)]
    >>> table.column("change: deadlock -> Sadr backs Maliki")
    [Fraction(-2, 15), None, None, Fraction(1, 30), Fraction(1, 30), Fraction(1, 15)]
    >>> table.column("members")[-1]
    'SoL + INA'

    The last row is the bloc: 13/30 for SoL and INA together in the deadlock (the sum of
    their values), 1/2 once merged.
    """
    if not isinstance(scenarios, Mapping) or not scenarios:
        raise InvalidTypeError("compare needs a non-empty mapping from scenario name to game")
    named = [(str(name), _scenario(value)) for name, value in scenarios.items()]
    rows, per_scenario = {}, []
    for _, scenario in named:
        power = scenario.power(index)
        game = scenario.game
        values = {}
        for player in game.players:
            members = game.members(player)
            values[frozenset(members)] = power[player]
            rows.setdefault(frozenset(members), (player, members))
        per_scenario.append(values)
    names = [name for name, _ in named]
    if baseline is None:
        steps = list(pairwise(range(len(names))))
    elif str(baseline) in names:
        base = names.index(str(baseline))
        steps = [(base, i) for i in range(len(names)) if i != base]
    else:
        raise UnknownPlayerError(f"baseline {baseline!r} is not one of the scenarios {names}")
    changes = [f"change: {names[a]} -> {names[b]}" for a, b in steps]
    with_members = any(len(members) > 1 for _, members in rows.values())
    columns = ["player", *(["members"] if with_members else []), *names, *changes]
    table_rows = []
    for key, (label, members) in rows.items():
        cells = [_cell(values, key) for values in per_scenario]
        deltas = [None if cells[a] is None or cells[b] is None else cells[b] - cells[a]
                  for a, b in steps]
        member_cell = [" + ".join(members)] if with_members else []
        table_rows.append([label, *member_cell, *cells, *deltas])
    title = {"shapley_shubik": "Shapley-Shubik (Owen with unions)",
             "banzhaf": "Banzhaf (Banzhaf-Owen with unions)"}[index] + " across scenarios"
    notes = ["Where a bloc's members act separately, its row shows the sum of their values;"
             " '-' marks a player that is inside a bloc, or absent, in that scenario."]
    return Table(columns, table_rows, title=title, notes=notes if with_members else ())


def _cell(values, key):
    if key in values:
        return values[key]
    inside = [k for k in values if k <= key]
    if any(k & key and not k <= key for k in values) or not inside:
        return None
    if frozenset().union(*inside) != key:
        return None
    return sum((values[k] for k in inside), Fraction(0))


def _effective(game, graph, rule):
    if graph is None:
        return game
    from .graphs import restrict

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
    seats, _ = _seats(game)
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


def _check_order(game, order):
    if isinstance(order, str) or not isinstance(order, Iterable):
        raise InvalidTypeError(
            f"the ideological order must be a list of player names, got {order!r}"
        )
    order = list(order)
    for name in order:
        if not isinstance(name, str):
            raise InvalidTypeError(f"the ideological order lists {name!r}, not a player name")
    if sorted(order) != sorted(game.players) or len(set(order)) != len(order):
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
        from .graphs import is_connected_coalition, restrict

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
    return sorted(found, key=lambda c: (len(c), sorted(game.players.index(p) for p in c)))


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
    from .coalitions import minimum_size_winning_coalitions

    effective = game
    if graph is not None:
        from .graphs import restrict

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
            game, _minimal_connected_winning(game, graph, rule, _check_order(game, order))
        )
    return theories
