"""Everything a game file says: :class:`GameSpec`.

A *game file* states a weighted game the way an analyst writes it down: the parties and
their seats, the quota (as seats or as a share of the total), and optionally a
compatibility graph, a priori unions, an ideological order, policy positions and named
scenarios that modify the base game (:mod:`.scenarios`).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from .._structures import check_graph, partition
from ..errors import InvalidGameError, InvalidTypeError, UnknownPlayerError
from ..games.quotas import Share
from ..games.weighted import WeightedGame
from ..politics.formation import check_order
from ..politics.graphs import RULES
from ..politics.leverage import Scenario
from ..politics.positions import check_positions
from .record import Government, NamedGraph, Note, Source
from .scenarios import ChangeError, ScenarioChanges, apply_changes, normal_unions

__all__ = ["GameSpec"]


@dataclass(frozen=True, eq=False)
class GameSpec:
    """Everything a game file says: the game, its graph, unions, order, positions and
    scenarios.

    Parameters
    ----------
    game : WeightedGame
        The base game: parties, seats and quota.
    graph : networkx.Graph, optional
        Compatibility graph on the parties (a copy is kept).
    rule : {"connected", "clique"}, optional
        How the graph restricts coalitions (see :func:`~powerindex.restrict`).
    unions : list of lists of str, or dict of str to list of str, optional
        A priori unions.
    order : sequence of str, optional
        An ideological order of all the parties (left to right).
    changes : mapping of str to ScenarioChanges, optional
        Named scenarios, as modifications of the base game (a mapping of keyword
        arguments of :class:`ScenarioChanges` is accepted too).
    title : str, optional
    quota_share : Share, optional
        The quota as the file stated it, when it was a share of the total (written back
        that way, and re-applied when a scenario changes the seats).
    positions : mapping, optional
        Policy positions: party -> number or tuple of numbers (see
        :mod:`powerindex.politics.positions`); parties may lack one. Kept as exact
        numbers (ints and Fractions, tuples of them on several dimensions).
    graphs : mapping of str to NamedGraph, optional
        Alternative compatibility graphs, by name (for the report's sensitivity section;
        a scenario picks one with ``graph=``).
    sources : mapping of str to Source, optional
        The sources the file cites, by key.
    notes : mapping, optional
        What backs each item (a :class:`~powerindex.readwrite.record.Note` by the item's
        key, see :func:`~powerindex.readwrite.record.note_key`): the seats of a party, a
        graph, a pair of it, a scenario, a government.
    governments : sequence of Government, optional
        Governments that formed, with the offices each party held.
    formateur : party name, optional
        The party asked to form a government: a party of the base game, or a bloc that a
        scenario forms (the formateur of the scenarios it is a party of; elsewhere the
        largest party).

    Attributes
    ----------
    scenarios : dict of str to Scenario
        The scenarios built from ``changes`` (a new dict on every access).
    base : Scenario
        The base game with its graph, unions and rule.

    Raises
    ------
    InvalidTypeError
        ``game`` is not a WeightedGame, or a field has the wrong type.
    GraphError, InvalidUnionsError, UnknownPlayerError, InvalidGameError, PositionError
        The graph, unions, order or positions do not fit the players, or a scenario's
        changes do not apply (the error of the library function that refused them).

    Notes
    -----
    Equality compares the game, the graph's nodes and edges, the rule, unions, order,
    scenario changes, title, quota share and positions.
    """

    game: WeightedGame
    graph: object = None
    rule: str = "clique"
    unions: object = None
    order: object = None
    changes: Mapping = field(default_factory=dict)
    title: str = ""
    quota_share: object = None
    positions: object = None
    graphs: Mapping = field(default_factory=dict)
    sources: Mapping = field(default_factory=dict)
    notes: Mapping = field(default_factory=dict)
    governments: tuple = ()
    formateur: object = None

    def __post_init__(self):
        if not isinstance(self.game, WeightedGame):
            raise InvalidTypeError(
                f"a game file holds a WeightedGame, got {type(self.game).__name__}"
            )
        if self.graph is not None:
            check_graph(self.game.players, self.graph)
            object.__setattr__(self, "graph", self.graph.copy())
        if self.rule not in RULES:
            raise InvalidGameError(f"the rule must be 'connected' or 'clique', got {self.rule!r}")
        unions = normal_unions(self.unions)
        if unions is not None:
            partition(self.game, unions)
        object.__setattr__(self, "unions", unions)
        if self.order is not None:
            object.__setattr__(self, "order", tuple(check_order(self.game, self.order)))
        if self.positions is not None:
            object.__setattr__(self, "positions", _plain_positions(self.game, self.positions))
        if not isinstance(self.title, str):
            raise InvalidTypeError(f"the title must be a string, got {self.title!r}")
        if self.quota_share is not None and not isinstance(self.quota_share, Share):
            raise InvalidTypeError(f"quota_share must be a Share, got {self.quota_share!r}")
        _check_record(self)
        if not isinstance(self.changes, Mapping):
            raise InvalidTypeError("changes must map scenario names to ScenarioChanges")
        changes = {}
        for name, change in self.changes.items():
            if not isinstance(name, str) or not name.strip():
                raise InvalidTypeError(f"a scenario needs a non-empty name, got {name!r}")
            changes[name] = (change if isinstance(change, ScenarioChanges)
                             else ScenarioChanges(**change))
        object.__setattr__(self, "changes", changes)
        scenarios = {}
        for name, change in changes.items():
            try:
                scenarios[name] = apply_changes(self, change)
            except ChangeError as exc:
                raise exc.error from None
        object.__setattr__(self, "_scenarios", scenarios)
        _check_scenario_references(self)

    @property
    def scenarios(self):
        """Scenario name -> :class:`~powerindex.Scenario`, in the order of the file."""
        return dict(self._scenarios)

    @property
    def base(self):
        """The base game as a :class:`~powerindex.Scenario` (graph, unions and rule)."""
        return Scenario(self.game, self.graph, self.unions, self.rule, self.positions)

    def _key(self):
        graph = None if self.graph is None else (
            tuple(self.graph.nodes), frozenset(frozenset(e) for e in self.graph.edges))
        return (self.game, graph, self.rule, self.unions, self.order, self.changes,
                self.title, self.quota_share, self.positions, self.graphs, self.sources,
                self.notes, self.governments, self.formateur)

    def __eq__(self, other):
        if not isinstance(other, GameSpec):
            return NotImplemented
        return self._key() == other._key()

    def __repr__(self):
        parts = [f"{self.game.n} parties, quota {self.game.quota} of {self.game.total_weight}"]
        if self.graph is not None:
            parts.append(f"{self.rule} graph with {self.graph.number_of_edges()} edges")
        if self.unions:
            parts.append(f"{len(self.unions)} union" + ("s" if len(self.unions) > 1 else ""))
        if self.positions:
            first = next(iter(self.positions.values()))
            dimensions = len(first) if isinstance(first, tuple) else 1
            parts.append(f"positions on {dimensions} dimension"
                         + ("s" if dimensions > 1 else ""))
        if self.changes:
            parts.append(f"{len(self.changes)} scenario" + ("s" if len(self.changes) > 1 else ""))
        title = f" {self.title!r}" if self.title else ""
        return f"<GameSpec{title}: {', '.join(parts)}>"


def _check_scenario_references(spec):
    """A government that formed in a scenario names that scenario's players; the
    formateur is a party of the base game or of a scenario (a bloc formed later)."""
    if spec.formateur is not None:
        known = list(spec.game.players)
        for scenario in spec._scenarios.values():
            known += [p for p in scenario.game.players if p not in known]
        if spec.formateur not in known:
            error = UnknownPlayerError(f"the formateur {spec.formateur!r} is not a party of"
                                       f" the game or of any scenario; the parties are {known}")
            error.field = "formateur"  # the game file's key, for the reader's message
            raise error
    for government in spec.governments:
        if government.scenario is None:
            continue
        if government.scenario not in spec._scenarios:
            raise UnknownPlayerError(
                f"government {government.name!r} formed in scenario {government.scenario!r},"
                f" which the file does not define; its scenarios are"
                f" {list(spec._scenarios)}")
        players = spec._scenarios[government.scenario].game.players
        strangers = [p for p in government.parties if p not in players]
        if strangers:
            raise UnknownPlayerError(
                f"government {government.name!r} names {strangers[0]!r}, which is not a"
                f" party of scenario {government.scenario!r}; its parties are {list(players)}")


def _check_record(spec):
    """Check the named graphs, sources, notes, governments and formateur of a spec."""
    players = spec.game.players
    for name, named in spec.graphs.items():
        if not isinstance(named, NamedGraph):
            raise InvalidTypeError(f"graph {name!r} must be a NamedGraph, got"
                                   f" {type(named).__name__}")
        check_graph(players, named.graph)
    object.__setattr__(spec, "graphs", dict(spec.graphs))
    for key, source in spec.sources.items():
        if not isinstance(source, Source):
            raise InvalidTypeError(f"source {key!r} must be a Source, got"
                                   f" {type(source).__name__}")
    object.__setattr__(spec, "sources", dict(spec.sources))
    for key, note in spec.notes.items():
        unknown = [k for k in getattr(note, "sources", ()) if k not in spec.sources]
        if not isinstance(note, Note) or unknown:
            raise InvalidGameError(f"the note of {key!r} cites unknown sources {unknown}"
                                   if unknown else f"the note of {key!r} must be a Note")
    object.__setattr__(spec, "notes", dict(spec.notes))
    governments = tuple(spec.governments)
    for government in governments:
        if not isinstance(government, Government):
            raise InvalidTypeError(f"a government must be a Government, got"
                                   f" {type(government).__name__}")
        if government.scenario is not None:
            continue  # checked against its scenario's players once the scenarios are built
        strangers = [p for p in government.parties if p not in players]
        if strangers:
            raise UnknownPlayerError(f"government {government.name!r} names {strangers[0]!r},"
                                     f" which is not a party; the parties are {list(players)}")
    object.__setattr__(spec, "governments", governments)


def _plain_positions(game, positions):
    """Positions as a dict party -> exact number or tuple (an order is refused: a file
    states an order as ``order``)."""
    if not isinstance(positions, Mapping) and not callable(getattr(positions, "items", None)):
        raise InvalidTypeError(
            "the positions of a game file map parties to numbers or tuples of numbers;"
            " give an ideological order as order="
        )
    if isinstance(positions, Mapping) and not positions:
        return None
    return check_positions(positions, game).plain()
