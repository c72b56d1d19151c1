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
* the formateur's view is in :mod:`powerindex.politics.formation`.

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

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from itertools import pairwise

from ..errors import InvalidMethodError, InvalidTypeError, UnknownPlayerError
from ..games.base import Game, label
from ..indices.coalitions import minimal_winning_coalitions
from ..indices.swing_indices import banzhaf, shapley_shubik, swings
from ..present.tables import Table
from .formation import seats_of
from .graphs import rule_phrase
from .restriction import restrict
from .unions import banzhaf_owen, owen

__all__ = ["Scenario", "leverage", "compare"]


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
    positions : mapping, optional
        Policy positions of the players (see :mod:`powerindex.politics.positions`), for
        the spatial tools; they do not change :meth:`power`.
    """

    game: Game
    graph: object = None
    unions: object = None
    rule: str = "clique"
    positions: object = None

    def __post_init__(self):
        if not isinstance(self.game, Game):
            raise InvalidTypeError(f"a scenario needs a game, got {type(self.game).__name__}")

    @cached_property
    def effective_game(self):
        """The game after the graph's restriction (the game itself without a graph); made
        once per scenario, so that its winning table is counted once."""
        if self.graph is None:
            return self.game
        return restrict(self.game, self.graph, rule=self.rule)

    @property
    def kind(self):
        """What sets this scenario apart, in a short phrase for legends and notes:
        "merged blocs", "a priori unions", "graph" (a restriction), joined by commas, or
        "" for a plain game."""
        parts = []
        if any(len(self.game.members(player)) > 1 for player in self.game.players):
            parts.append("merged blocs")
        if self.unions:
            parts.append("a priori unions")
        if self.graph is not None:
            parts.append("graph")
        return ", ".join(parts)

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



def leverage(game, graph=None, unions=None, *, rule="clique", nucleolus=False):
    """Who holds leverage: power against seats for every player of a scenario.

    Parameters
    ----------
    game : Game
    graph : networkx.Graph, optional
        Compatibility graph: only coalitions that can form under ``rule`` count.
    unions : list of lists of str, or dict, optional
        A priori unions: the indices become Owen and (normalized) Banzhaf-Owen.
    rule : {"connected", "clique"}, optional
    nucleolus : bool, optional
        Add the nucleolus of the (restricted) game's characteristic function (v(S) = 1
        when S wins and can form), exact, after the Banzhaf column: the allocation that
        leaves the most aggrieved coalition least aggrieved. Up to 18 players (see
        :func:`~powerindex.nucleolus`); it ignores a priori unions.

    Returns
    -------
    Table
        Columns: player, members (when a player is a merged bloc), seats, seat share
        (empty for games without weights, composite games included),
        Shapley-Shubik (or Owen), Banzhaf (or Banzhaf-Owen), nucleolus (when asked for),
        swings, power / seat share
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

    With the nucleolus beside the indices (here A, the veto player, gets everything: the
    core is not empty and the nucleolus lies in it):

    >>> pi.leverage(g, nucleolus=True).column("nucleolus")
    [Fraction(1, 1), Fraction(0, 1), Fraction(0, 1)]
    """
    if not isinstance(nucleolus, bool):
        raise InvalidTypeError(f"nucleolus must be True or False, got {nucleolus!r}")
    scenario = Scenario(game, graph, unions, rule)
    effective = scenario.effective_game
    power = scenario.power("shapley_shubik")
    banzhaf_values = scenario.power("banzhaf")
    # Swings and minimal winning coalitions describe the game without its unions: beside
    # Owen values they would mislead, so a table with unions leaves them out.
    counts = None if unions is not None else (swings(effective), minimal_winning_coalitions(
        effective).membership())
    veto, dummies = set(effective.veto_players), set(effective.dummies)
    centre = None
    if nucleolus:
        from ..tu.nucleolus import nucleolus as nucleolus_of

        centre = nucleolus_of(effective)
    seats, total = seats_of(game)
    with_members = any(len(game.members(p)) > 1 for p in game.players)
    power_name = "Owen" if unions is not None else "Shapley-Shubik"
    banzhaf_name = "Banzhaf-Owen" if unions is not None else "Banzhaf"
    columns = ["player", *(["members"] if with_members else []), "seats", "seat share",
               power_name, banzhaf_name, *(["nucleolus"] if centre else []),
               *(["swings"] if counts else []),
               "power / seat share", *(["minimal winning"] if counts else []), "veto",
               "dummy"]
    rows, ratios = [], {}
    for player in game.players:
        seat = None if seats is None else seats[player]
        share = None if seats is None else Fraction(seat) / Fraction(total)
        ratio = None if not share else power[player] / share
        ratios[player] = ratio
        members = [" + ".join(map(label, game.members(player)))] if with_members else []
        swing = [counts[0][player]] if counts else []
        membership = [counts[1][player]] if counts else []
        share_of_centre = [centre[player]] if centre else []
        rows.append([player, *members, seat, share, power[player], banzhaf_values[player],
                     *share_of_centre, *swing, ratio, *membership, player in veto,
                     player in dummies])

    def rank(i):
        player = game.players[i]
        return -power[player], -Fraction(seats[player]) if seats else 0, i

    order = sorted(range(len(rows)), key=rank)
    summary = _summary(game, ratios, veto, dummies, [game.players[i] for i in order])
    return Table(columns, [rows[i] for i in order], title=_title(game, graph, unions, rule),
                 notes=[summary])


def _title(game, graph, unions, rule):
    title = f"Leverage in {game!r}"
    if graph is not None:
        title += f" where {rule_phrase(rule)}"
    return title + (" with a priori unions" if unions is not None else "")


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
    vetoes = ", ".join(label(p) for p in game.players if p in veto)
    nulls = ", ".join(label(p) for p in game.players if p in dummies)
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
        their values; where a player is part of a bloc (or absent), its cell is empty. A
        party split into parts (:meth:`WeightedGame.split`) is traced the other way: where
        it is split, its row shows the sum of its parts (empty if a part sits in a bloc). A
        renamed player (:meth:`WeightedGame.rename`) keeps the row of its first name. The
        notes say which scenarios merge blocs, have unions, split or rename parties.

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
    rows, per_scenario, splits, shown_as = {}, [], [], {}
    for scenario_name, scenario in named:
        power = scenario.power(index)
        game = scenario.game
        values = {}
        for player in game.players:
            members = game.members(player)
            key = frozenset(members)
            values[key] = power[player]
            rows.setdefault(key, (player, members))
            shown_as.setdefault(key, []).append((scenario_name, player))
        per_scenario.append(values)
        splits.append(_split_parts(game))
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
    for key, (name, members) in rows.items():
        cells = [_cell(values, _expanded(key, parts))
                 for values, parts in zip(per_scenario, splits, strict=True)]
        deltas = [None if cells[a] is None or cells[b] is None else cells[b] - cells[a]
                  for a, b in steps]
        member_cell = [" + ".join(map(label, members))] if with_members else []
        table_rows.append([name, *member_cell, *cells, *deltas])
    title = {"shapley_shubik": "Shapley-Shubik (Owen with unions)",
             "banzhaf": "Banzhaf (Banzhaf-Owen with unions)"}[index] + " across scenarios"
    notes = ["Where a bloc's members act separately, its row shows the sum of their values;"
             " '-' marks a player that is inside a bloc, or absent, in that scenario."
             ] if with_members else []
    if any(splits):
        notes.append("A split party's row shows the sum of its parts where it is split.")
    renamed = [f"{label(rows[key][0])} is "
               + ", ".join(f"{label(player)!r} in {where}" for where, player in shown
                           if player != rows[key][0])
               for key, shown in shown_as.items()
               if any(player != rows[key][0] for _, player in shown)]
    if renamed:
        notes.append("Renamed: " + "; ".join(renamed) + ".")
    for kind, meaning in (("merged blocs", "each votes as one player"),
                          ("a priori unions", "their members bargain together: the Owen"
                           " value")):
        having = [name for name, scenario in named if kind in scenario.kind]
        if having:
            notes.append(f"{kind.capitalize()} in {', '.join(having)} ({meaning}).")
    return Table(columns, table_rows, title=title, notes=notes)


def scenario_kinds(scenarios):
    """``{name: kind}`` of a mapping of scenarios or games (see :attr:`Scenario.kind`),
    for the legend of :func:`~powerindex.present.plot.scenario_changes`."""
    return {str(name): _scenario(value).kind for name, value in scenarios.items()}



def _split_parts(game):
    """``{whole: parts}`` of a game's split players: the original players of each whole
    that was split (as a frozenset) and the names standing for its parts."""
    atoms = {m for p in game.players for m in game.members(p)}
    parts = {}
    for player in game.players:
        for atom in game.members(player):
            whole = frozenset(game._wholes.get(atom, ()))
            if whole and atom in atoms:
                parts.setdefault(whole, set()).add(atom)
    return parts


def _expanded(key, parts):
    """A row's players in terms of one scenario's: a split whole becomes its parts."""
    for whole, names in parts.items():
        if whole <= key:
            key = (key - whole) | names
    return frozenset(key)


def _cell(values, key):
    if key in values:
        return values[key]
    inside = [k for k in values if k <= key]
    if any(k & key and not k <= key for k in values) or not inside:
        return None
    if frozenset().union(*inside) != key:
        return None
    return sum((values[k] for k in inside), Fraction(0))
