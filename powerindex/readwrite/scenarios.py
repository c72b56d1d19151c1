"""Scenarios of a game file: the changes that make one scenario out of the base game.

A game file states a base game and named scenarios, each a :class:`ScenarioChanges`:
new seats, parties dropped, added, split into parts or renamed, a new quota, pairs made
compatible or incompatible, blocs merged, unions added, another rule, new positions.
:func:`apply_changes` turns the changes into a :class:`~powerindex.Scenario` on the base
game of a :class:`~powerindex.GameSpec`.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from .._structures import partition
from ..errors import InvalidGameError, InvalidTypeError, PowerIndexError, UnknownPlayerError
from ..games.weighted import WeightedGame
from ..politics.graphs import RULES, check_pairs, merge_graph
from ..politics.leverage import Scenario
from ..politics.positions import check_positions, plain_position

__all__ = ["ScenarioChanges", "apply_changes", "ChangeError", "normal_unions",
           "named_unions", "MERGE_KEYS"]

_MERGE_KEYS = MERGE_KEYS = ("members", "name")


def _check_party(game, party):
    if party not in game.players:
        raise UnknownPlayerError(
            f"{party!r} is not a player of this game; players are {list(game.players)}"
        )


# -- the objects a file describes ----------------------------------------------------------------
def normal_unions(unions):
    """None, a tuple of tuples (unnamed unions) or a dict name -> tuple (named unions)."""
    if unions is None:
        return None
    if isinstance(unions, Mapping):
        normal = {name: tuple(members) if not isinstance(members, str) else members
                  for name, members in unions.items()}
    elif isinstance(unions, str) or not isinstance(unions, Iterable):
        return unions  # left for partition() to reject with its own message
    else:
        normal = tuple(tuple(m) if not isinstance(m, str) and isinstance(m, Iterable) else m
                       for m in unions)
    return normal or None


def named_unions(unions):
    """Unions as a dict name -> list of members (unnamed unions named as pi.owen names them)."""
    if unions is None:
        return {}
    if isinstance(unions, Mapping):
        return {name: list(members) for name, members in unions.items()}
    return {"+".join(members): list(members) for members in unions}


def _normal_pairs(pairs, what):
    if isinstance(pairs, str) or not isinstance(pairs, Iterable):
        raise InvalidTypeError(f"{what} must be a list of pairs of party names, got {pairs!r}")
    normal = []
    for pair in pairs:
        if isinstance(pair, str) or not isinstance(pair, Iterable):
            raise InvalidTypeError(f"each entry of {what} must be a pair of names, got {pair!r}")
        normal.append(tuple(pair))
    return tuple(normal)


def _normal_merges(merges):
    if isinstance(merges, str) or not isinstance(merges, Iterable):
        raise InvalidTypeError(f"merge must be a list of merges, got {merges!r}")
    normal = []
    for entry in merges:
        if isinstance(entry, Mapping):
            unknown = set(entry) - set(_MERGE_KEYS)
            if unknown or "members" not in entry:
                raise InvalidTypeError(
                    "a merge is a list of names or {'members': [...], 'name': ...}, got"
                    f" {entry!r}"
                )
            members, name = entry["members"], entry.get("name")
        elif (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], tuple)
              and (entry[1] is None or isinstance(entry[1], str))):
            members, name = entry  # already normal
        elif isinstance(entry, str) or not isinstance(entry, Iterable):
            raise InvalidTypeError(f"a merge is a list of party names, got {entry!r}")
        else:
            members, name = entry, None
        if isinstance(members, str) or not isinstance(members, Iterable):
            raise InvalidTypeError(f"a merge's members must be a list of names, got {members!r}")
        normal.append((tuple(members), name))
    return tuple(normal)


@dataclass(frozen=True)
class ScenarioChanges:
    """The modifications that make one scenario out of the base game of a :class:`GameSpec`.

    They apply in this order: seats, drop, add, split, rename, quota, compatible,
    incompatible, merge, unions, rule, positions. Seats and drop name the base game's
    parties; the changes after rename name the parties by their new names.

    Parameters
    ----------
    description : str, optional
        Free text.
    seats : mapping of str to number, optional
        New seats for some parties.
    drop : sequence of str, optional
        Parties that leave the game (they vote no). Their pairs in the graph and their
        places in unions go with them.
    quota : number or Share, optional
        A new quota. Without one the base quota applies: a share is resolved against the
        new total, a number of seats is kept as it is.
    compatible, incompatible : sequence of pairs of str, optional
        Pairs that become compatible (edges added to the graph) or incompatible (edges
        removed). Without a base graph, everyone starts compatible with everyone.
    merge : sequence, optional
        Blocs that vote as one player: each a list of at least two names, or a
        ``(members, name)`` pair, or ``{"members": [...], "name": ...}``. The name defaults
        to the members joined by ``"+"``; the bloc is compatible with a party when every
        member was (:func:`~powerindex.merge_graph`) and takes the members' place in a union.
        Its position is the seat-weighted mean of its members' positions when they all have
        one and hold seats, else it has none (unless ``positions`` gives it).
    unions : list of lists of str, or dict of str to list of str, optional
        A priori unions added to the base game's.
    rule : {"connected", "clique"}, optional
        A different rule for the graph.
    positions : mapping of str to number or tuple, optional
        New positions for some parties (blocs included), replacing the base positions.
        A dropped party's position goes with it.
    graph : str, optional
        The name of one of the file's other graphs (``[graphs.NAME]``) to start from
        instead of the base graph, or ``"none"`` for no graph at all.
    add : mapping of str to number, optional
        New parties and their seats, after the others. A new party is compatible with
        every party in the graph (``incompatible`` removes pairs), is in no union, and has
        a position only if ``positions`` gives it one.
    split : mapping of str to mapping of str to number, optional
        Parties split into named parts whose seats sum to the party's
        (:meth:`~powerindex.WeightedGame.split`). The parts take the party's place: its
        edges of the graph (and an edge between every two parts), its union, its position.
        A part needs a name of its own; :func:`~powerindex.compare` shows the party's row as
        the sum of its parts.
    rename : mapping of str to str, optional
        New names for parties (after add and split, so parts and new parties may be
        renamed too), in the graph, the unions and the positions;
        :func:`~powerindex.compare` traces a renamed party under its first name.

    Raises
    ------
    InvalidTypeError
        A field of the wrong shape (for instance a merge given as a bare string).
    PositionError
        A position that is not a number or a tuple of numbers (NaN, empty).
    """

    description: str = ""
    seats: tuple = ()
    drop: tuple = ()
    quota: object = None
    compatible: tuple = ()
    incompatible: tuple = ()
    merge: tuple = ()
    unions: object = None
    rule: object = None
    positions: tuple = ()
    graph: object = None
    add: tuple = ()
    split: tuple = ()
    rename: tuple = ()

    def __post_init__(self):
        if not isinstance(self.description, str):
            raise InvalidTypeError(f"description must be a string, got {self.description!r}")
        seats = self.seats.items() if isinstance(self.seats, Mapping) else self.seats
        if isinstance(seats, str) or not isinstance(seats, Iterable):
            raise InvalidTypeError(f"seats must map party names to seats, got {self.seats!r}")
        object.__setattr__(self, "seats", tuple((name, value) for name, value in seats))
        if isinstance(self.drop, str) or not isinstance(self.drop, Iterable):
            raise InvalidTypeError(f"drop must be a list of party names, got {self.drop!r}")
        object.__setattr__(self, "drop", tuple(self.drop))
        object.__setattr__(self, "compatible", _normal_pairs(self.compatible, "compatible"))
        object.__setattr__(self, "incompatible",
                           _normal_pairs(self.incompatible, "incompatible"))
        object.__setattr__(self, "merge", _normal_merges(self.merge))
        object.__setattr__(self, "unions", normal_unions(self.unions))
        positions = (self.positions.items() if isinstance(self.positions, Mapping)
                     else self.positions)
        if isinstance(positions, str) or not isinstance(positions, Iterable):
            raise InvalidTypeError(
                f"positions must map party names to positions, got {self.positions!r}")
        object.__setattr__(self, "positions", tuple(
            (name, plain_position(name, value)) for name, value in positions))
        object.__setattr__(self, "add", _pairs_of(self.add, "add", "party names to seats"))
        object.__setattr__(self, "split", tuple(
            (party, _pairs_of(parts, f"the split of {party!r}", "part names to seats"))
            for party, parts in _pairs_of(self.split, "split",
                                          "party names to their parts")))
        object.__setattr__(self, "rename", _pairs_of(self.rename, "rename",
                                                     "old names to new names"))


def _pairs_of(value, what, meaning):
    """A mapping (or its items) as a tuple of ``(key, value)`` pairs."""
    items = value.items() if isinstance(value, Mapping) else value
    if isinstance(items, str) or not isinstance(items, Iterable):
        raise InvalidTypeError(f"{what} must map {meaning}, got {value!r}")
    pairs = []
    for item in items:
        if isinstance(item, str) or not isinstance(item, Iterable) or len(tuple(item)) != 2:
            raise InvalidTypeError(f"{what} must map {meaning}, got {value!r}")
        pairs.append(tuple(item))
    return tuple(pairs)


class ChangeError(Exception):
    """A change that does not apply: the field of ScenarioChanges at fault and the error."""

    def __init__(self, field, error):
        super().__init__(str(error))
        self.field = field
        self.error = error


def _guard(field, action, *args, **kwargs):
    try:
        return action(*args, **kwargs)
    except PowerIndexError as exc:
        raise ChangeError(field, exc) from None


def apply_changes(spec, changes):
    """The pi.Scenario of ``changes`` on the base game of ``spec`` (raises ChangeError)."""
    game = _changed_game(spec, changes)
    graph = _changed_graph(spec, changes, game.players)
    unions = _reshaped_unions(_surviving_unions(spec, changes.drop), changes)
    positions = _reshaped_positions(spec.positions or {}, changes)
    positions = {p: x for p, x in positions.items() if p in game.players}
    for members, name in changes.merge:
        positions = _merged_positions(positions, game, members, name)
        game, graph = _merged(game, graph, unions, members, name)
    _add_unions(unions, changes.unions)
    if unions:
        _guard("unions", partition, game, unions)
    rule = spec.rule if changes.rule is None else changes.rule
    if rule not in RULES:
        raise ChangeError("rule", InvalidGameError(
            f"the rule must be 'connected' or 'clique', got {rule!r}"))
    positions = _new_positions(positions, changes.positions, game)
    return Scenario(game, graph, unions or None, rule, positions)


def _changed_game(spec, changes):
    """The base game with new seats, parties dropped and a new quota."""
    game = spec.game
    weights = dict(zip(game.players, game.weights, strict=True))
    for party, seats in changes.seats:
        _guard("seats", _check_party, game, party)
        weights[party] = seats
    for party in changes.drop:
        _guard("drop", _check_party, game, party)
        if party not in weights:
            raise ChangeError("drop", InvalidGameError(f"{party!r} is dropped twice"))
        del weights[party]
    if not weights:
        raise ChangeError("drop", InvalidGameError("every party is dropped: no game is left"))
    for party, seats in changes.add:
        if party in weights or party in changes.drop:
            raise ChangeError("add", InvalidGameError(
                f"{party!r} is already a party of this game: add new parties only (change"
                " its seats with 'seats')"))
        weights[party] = seats
    quota = changes.quota
    blame = "quota"
    if quota is None:
        quota = spec.quota_share if spec.quota_share is not None else game.quota
        blame = "drop" if changes.drop else "add" if changes.add else "seats"
    try:
        game = WeightedGame(list(weights.values()), quota, list(weights))
    except PowerIndexError as exc:
        if blame == "drop" and isinstance(quota, int | Fraction):
            exc = InvalidGameError(
                f"without {', '.join(map(repr, changes.drop))} the others cannot reach the"
                f" quota {quota} ({exc}); give the scenario its own quota"
            )
        raise ChangeError(blame, exc) from None
    for party, parts in changes.split:
        for part, _ in parts:
            if part == party:
                raise ChangeError("split", InvalidGameError(
                    f"a part of {party!r} is named {party!r}: give each part a name of its"
                    " own (the party's name stands for the whole in comparisons)"))
        game = _guard("split", game.split, party, dict(parts))
    if changes.rename:
        game = _guard("rename", game.rename, dict(changes.rename))
    return game


def _reshaped_graph(graph, changes):
    """The graph with the scenario's new parties, parts and names."""
    import networkx as nx  # on first use (start-up): see powerindex/__init__.py
    for party, _ in changes.add:
        graph.add_edges_from((party, other) for other in list(graph.nodes))
        graph.add_node(party)
    for party, parts in changes.split:
        if party not in graph:
            continue
        neighbours = list(graph.neighbors(party))
        graph.remove_node(party)
        names = [part for part, _ in parts]
        graph.add_nodes_from(names)
        graph.add_edges_from((part, other) for part in names for other in neighbours)
        graph.add_edges_from((a, b) for i, a in enumerate(names) for b in names[i + 1:])
    if changes.rename:
        graph = nx.relabel_nodes(graph, dict(changes.rename), copy=True)
    return graph


def _reshaped_unions(unions, changes):
    """The unions (a dict by name) with split parties' parts and new names."""
    parts = {party: [part for part, _ in split] for party, split in changes.split}
    names = dict(changes.rename)
    return {union: [names.get(p, p) for m in members for p in parts.get(m, [m])]
            for union, members in unions.items()}


def _reshaped_positions(positions, changes):
    """The positions with split parties' parts placed where the party was, renamed."""
    moved = dict(positions)
    for party, parts in changes.split:
        if party in moved:
            place = moved.pop(party)
            moved.update((part, place) for part, _ in parts)
    names = dict(changes.rename)
    return {names.get(p, p): x for p, x in moved.items()}


def _starting_graph(spec, name):
    """The scenario's graph before its changes: the base graph, a named one, or none."""
    if name is None:
        return None if spec.graph is None else spec.graph.copy()
    if name == "none":
        return None
    if name not in spec.graphs:
        known = ", ".join(map(repr, spec.graphs)) or "none: add a [graphs.NAME] table"
        raise ChangeError("graph", InvalidGameError(
            f"no graph named {name!r}; the file's graphs are {known} (or \"none\")"))
    return spec.graphs[name].graph.copy()


def _changed_graph(spec, changes, names):
    """The starting graph without the dropped parties, with pairs added and removed."""
    import networkx as nx  # on first use (start-up): see powerindex/__init__.py
    graph = _starting_graph(spec, changes.graph)
    if graph is not None:
        graph.remove_nodes_from(changes.drop)
        graph = _reshaped_graph(graph, changes)
    if changes.compatible or changes.incompatible:
        if graph is None:
            graph = nx.complete_graph(names)
        added = _guard("compatible", check_pairs, names, changes.compatible, "compatible")
        removed = _guard("incompatible", check_pairs, names, changes.incompatible,
                         "incompatible")
        graph.add_edges_from(added)
        graph.remove_edges_from(removed)
    return graph


def _surviving_unions(spec, dropped):
    """The base unions by name, without the dropped parties (and unions left empty)."""
    unions = named_unions(spec.unions)
    for name in list(unions):
        unions[name] = [m for m in unions[name] if m not in dropped]
        if not unions[name]:
            del unions[name]
    return unions


def _merged(game, graph, unions, members, name):
    """``(game, graph)`` after one merger; the bloc takes its members' place in a union."""
    game = _guard("merge", game.merge, members, name)
    bloc = name if name is not None else "+".join(map(str, members))
    if graph is not None:
        graph = _guard("merge", merge_graph, graph, members, bloc)
    holders = [u for u, ms in unions.items() if set(ms) & set(members)]
    if len(holders) > 1 or (holders and not set(members) <= set(unions[holders[0]])):
        raise ChangeError("merge", InvalidGameError(
            f"the merge of {list(members)} splits the union"
            f" {holders[0]!r}: merge parties of one union, or parties in no union"
        ))
    if holders:
        union = unions[holders[0]]
        position = min(union.index(m) for m in members)
        kept = [m for m in union if m not in members]
        kept.insert(position, bloc)
        unions[holders[0]] = kept
    return game, graph


def _merged_positions(positions, game, members, name):
    """The positions after a merger: the bloc at the seat-weighted mean of its members'
    positions, when they all have one and hold seats; else without a position."""
    bloc = name if name is not None else "+".join(map(str, members))
    kept = {p: x for p, x in positions.items() if p not in members}
    if not all(m in positions for m in members) or not all(m in game.players
                                                           for m in members):
        return kept
    seats = [Fraction(game.weight(m)) for m in members]
    if sum(seats) == 0:
        return kept
    points = [positions[m] if isinstance(positions[m], tuple) else (positions[m],)
              for m in members]
    mean = tuple(sum(w * Fraction(p[k]) for w, p in zip(seats, points, strict=True))
                 / sum(seats) for k in range(len(points[0])))
    kept[bloc] = plain_position(bloc, mean if len(mean) > 1 else mean[0])
    return kept


def _new_positions(positions, new, game):
    """The positions with the scenario's new ones, checked against the scenario's game."""
    for name, value in new:
        if name not in game.players:
            raise ChangeError("positions", UnknownPlayerError(
                f"{name!r} is not a party of this scenario; its parties are"
                f" {list(game.players)}"))
        positions[name] = value
    if not positions:
        return None
    return _guard("positions", check_positions, positions, game).plain()


def _add_unions(unions, new):
    """Add the scenario's unions to ``unions`` (a dict by name), refusing overlaps."""
    owner = {m: name for name, members in unions.items() for m in members}
    added = (new.items() if isinstance(new, Mapping)
             else (("+".join(map(str, members)), members) for members in new or ()))
    for name, members in added:
        for member in members:
            if member in owner:
                raise ChangeError("unions", InvalidGameError(
                    f"{member!r} would be in two unions, {owner[member]!r} and {name!r}"))
            owner[member] = name
        if name in unions:
            raise ChangeError("unions", InvalidGameError(f"two unions are named {name!r}"))
        unions[name] = list(members)
