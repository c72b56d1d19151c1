"""Every number of a parliament's report, computed once from its game file (:class:`Study`).

A study reads a :class:`~powerindex.GameSpec` -- the parties and seats, the quota, the
compatibility graph and its rule, a priori unions, an order, named scenarios -- and
computes what the report shows: the power table and the kingmaker table of every scenario,
the scenarios side by side with merged blocs traced to their members, the formateur's
partners, the coalitions the classic theories predict, and the sensitivity of the power
table to the graph (the file's graph, and none). The sections and files are written from
it by :mod:`powerindex.study.report`.
"""

from dataclasses import replace
from fractions import Fraction

from ..errors import (
    EquilibriumError,
    GameTooLargeError,
    InvalidTypeError,
    PositionError,
    PowerIndexError,
)
from ..games.base import label
from ..indices.coalition_indices import deegan_packel, holler
from ..indices.swing_indices import banzhaf, shapley_shubik
from ..politics.bargaining import baron_ferejohn
from ..politics.formation import coalition_theories, formateur_partners, seats_of
from ..politics.graphs import rule_phrase
from ..politics.leverage import Scenario, compare, leverage
from ..politics.median import median_party
from ..politics.portfolios import gamson_fit, portfolio_allocation
from ..politics.spatial import shapley_owen
from ..politics.unions import banzhaf_owen, owen
from ..present.tables import Table
from ..readwrite.scenarios import ChangeError, apply_changes
from ..readwrite.spec import GameSpec

__all__ = ["Study"]

#: The scenario of the file's base game.
BASE = "base"
#: The graph that restricts nothing (every coalition can form).
OPEN = "no graph"


def _rule_words(rule):
    return rule_phrase(rule) + (" (every pair compatible)" if rule == "clique" else "")


class Study:
    """Every number of a parliament's report, computed once.

    Parameters
    ----------
    spec : GameSpec
        The game file's content (:func:`~powerindex.read_game`).
    formateur : player name, optional
        The party asked to form a government; by default the largest party of each
        scenario (the first listed, on a tie).

    Attributes
    ----------
    title : str
        The file's title (or a description of the game without one): it heads every
        page, table and figure.
    scenarios : dict of str to Scenario
        ``"base"`` (the file's base game) and the file's scenarios, in the file's order.
    graphs : dict of str to networkx.Graph or None
        The graphs of the sensitivity section: the file's graph (if any) and ``"no
        graph"``.
    """

    #: The discount factor of the Baron-Ferejohn model in the report: an assumption, stated
    #: as one (patient parties; the payoffs barely move between 0.8 and 0.95 here).
    DELTA = Fraction(9, 10)

    def __init__(self, spec, formateur=None):
        if not isinstance(spec, GameSpec):
            raise InvalidTypeError(f"a study needs a GameSpec (pi.read_game), got"
                                   f" {type(spec).__name__}")
        self.spec = spec
        self.title = spec.title or f"A parliament of {spec.game.n} parties"
        self.formateur = formateur if formateur is not None else spec.formateur
        self.scenarios = {BASE: spec.base, **spec.scenarios}
        # display name -> the key a scenario's ``graph`` gives it (None: the base graph)
        self.graphs = {}
        if spec.graph is not None:
            self.graphs["the file's graph"] = None
        for name, named in spec.graphs.items():
            self.graphs[named.title or name] = name
        self.graphs[OPEN] = "none"
        self._leverage = {}

    # -- naming ---------------------------------------------------------------------------
    def heading(self, what, scenario=None):
        """A table's or figure's title: the study's title, what it shows, the scenario and
        the rule that restricts it."""
        title = f"{self.title}: {what}"
        if scenario is not None:
            title += f" ({scenario}"
            graph = self.scenarios[scenario].graph
            title += f"; {_rule_words(self.scenarios[scenario].rule)})" if graph is not None \
                else ")"
        return title

    def rule_words(self, rule=None):
        """The rule in words: how the graph restricts governments."""
        return _rule_words(self.spec.rule if rule is None else rule)

    # -- the tables -----------------------------------------------------------------------
    def seats_table(self):
        game = self.spec.game
        total = Fraction(game.total_weight)
        rows = [[p, w, Fraction(w) / total]
                for p, w in zip(game.players, game.weights, strict=True)]
        return Table(["party", "seats", "seat share"], rows,
                     title=self.heading("seats"),
                     notes=[f"{game.total_weight} seats; a coalition needs {game.quota}."])

    def power_table(self, name=BASE):
        """The power indices of one scenario's game (restricted by its graph)."""
        scenario = self.scenarios[name]
        game = scenario.effective_game
        columns, results, notes = [], [], []
        if scenario.unions is not None:
            candidates = [("Owen", lambda g: owen(g, scenario.unions)),
                          ("Banzhaf-Owen", lambda g: banzhaf_owen(g, scenario.unions))]
        else:
            candidates = [("Shapley-Shubik", shapley_shubik), ("Banzhaf", banzhaf),
                          ("Holler", holler), ("Deegan-Packel", deegan_packel)]
        for column, index in candidates:
            try:
                results.append(index(game))
                columns.append(column)
            except GameTooLargeError as exc:
                notes.append(f"No {column} value: {exc}")
        seats, _ = seats_of(scenario.game)
        rows = [[p, None if seats is None else seats[p], *(r[p] for r in results)]
                for p in scenario.game.players]
        return Table(["party", "seats", *columns], rows,
                     title=self.heading("power indices", name), notes=notes)

    def leverage_table(self, name=BASE):
        """The kingmaker table of one scenario (:func:`~powerindex.leverage`)."""
        if name not in self._leverage:
            scenario = self.scenarios[name]
            table = leverage(scenario.game, scenario.graph, scenario.unions,
                             rule=scenario.rule)
            table.title = self.heading("leverage (power against seats)", name)
            self._leverage[name] = table
        return self._leverage[name]

    def comparison(self, index="shapley_shubik", graph_name=None):
        """Every scenario side by side (``graph_name``: under that graph instead of each
        scenario's own), with the change from the base game."""
        scenarios = {name: self.under(name, graph_name) for name in self.scenarios}
        table = compare(scenarios, index=index, baseline=BASE)
        what = ("Shapley-Shubik (Owen with unions)" if index == "shapley_shubik" else
                "Banzhaf (Banzhaf-Owen with unions)") + " across scenarios"
        if graph_name is not None:
            what += f", {graph_name}"
            if self.graphs[graph_name] != "none":
                what += f" ({self.rule_words()})"
        table.title = self.heading(what)
        return table

    def under(self, name, graph_name):
        """Scenario ``name`` under the graph shown as ``graph_name`` (a key of
        :attr:`graphs`; the scenario's own graph when None): the scenario's changes applied
        again from that graph, so that its mergers and drops carry the graph along."""
        if graph_name is None:
            return self.scenarios[name]
        key = self.graphs[graph_name]
        spec = self.spec
        if name == BASE:
            graph = (spec.graph if key is None else None if key == "none"
                     else spec.graphs[key].graph)
            return Scenario(spec.game, graph, spec.unions, spec.rule, spec.positions)
        change = replace(spec.changes[name], graph=key)
        try:
            return apply_changes(spec, change)
        except ChangeError as exc:
            raise exc.error from None

    def formateur_of(self, name):
        """The formateur of a scenario: the study's, or the largest party."""
        game = self.scenarios[name].game
        if self.formateur is not None and self.formateur in game.players:
            return self.formateur
        seats, _ = seats_of(game)
        return max(game.players, key=lambda p: seats[p])

    def partners_table(self, name=BASE):
        scenario = self.scenarios[name]
        formateur = self.formateur_of(name)
        table = formateur_partners(scenario.game, formateur, scenario.graph,
                                   rule=scenario.rule)
        table.title = self.heading(f"partners of the formateur, {label(formateur)}", name)
        return table

    def theories_table(self, name=BASE):
        scenario = self.scenarios[name]
        order = self.spec.order if name == BASE else None
        positions = self.spec.positions if name == BASE else None
        notes = []
        try:
            theories = coalition_theories(scenario.game, scenario.graph, order,
                                          rule=scenario.rule, positions=positions or None)
        except PositionError as exc:  # a party the range theories need has no position
            theories = coalition_theories(scenario.game, scenario.graph, order,
                                          rule=scenario.rule)
            placed, note = self.placed_game() if name == BASE else (None, None)
            if placed is None:
                notes.append(f"No range theories: {exc}.")
            else:  # as the positions section does: among the parties that have one
                graph = (None if scenario.graph is None
                         else scenario.graph.subgraph(placed.players).copy())
                spatial = coalition_theories(
                    placed, graph, rule=scenario.rule,
                    positions={p: positions[p] for p in placed.players})
                theories.update({theory: found for theory, found in spatial.items()
                                 if "range" in theory})
                notes.append(f"The range theories are those of the parties with a position."
                             f" {note}")
        rows = [[theory, " + ".join(map(label, c.members)), len(c.members), c.seats]
                for theory, coalitions in theories.items() for c in coalitions]
        counts = "; ".join(f"{theory}: {len(found)}" for theory, found in theories.items())
        return Table(["theory", "coalition", "members", "seats"], rows,
                     title=self.heading("coalitions the theories predict", name),
                     notes=[f"Coalitions found: {counts}.", *notes])

    # -- positions, bargaining, governments ---------------------------------------------------
    def placed_game(self):
        """``(game, note)``: the base game of the parties that have a position, and the
        sentence that says who was left out (None when every party has one); the game is
        None when the placed parties alone cannot reach the quota."""
        game, positions = self.spec.game, self.spec.positions or {}
        missing = [p for p in game.players if p not in positions]
        if not missing:
            return game, None
        seats, _ = seats_of(game)
        who = ", ".join(f"{label(p)} ({seats[p]} seat{'' if seats[p] == 1 else 's'})"
                        for p in missing)
        try:
            placed = game.drop(missing)
        except PowerIndexError:
            return None, (f"Without a position: {who}. Without them the others cannot reach"
                          f" the quota of {game.quota}, so there is no spatial analysis.")
        return placed, (f"Without a position: {who}; left out of the spatial analysis, their"
                        f" seats counted as voting no (the quota stays {game.quota}).")

    def median_table(self):
        """The median party of the base game on each dimension (None without positions)."""
        if not self.spec.positions:
            return None
        game, note = self.placed_game()
        if game is None:
            return Table(["note"], [[note]], title=self.heading("median party"))
        table = median_party(game, self.spec.positions).to_table()
        table.title = self.heading("median party")
        if note is not None:
            table.notes = (*table.notes, note)
        return table

    def spatial_table(self):
        """The Shapley-Owen index of the base game's placed parties (None without
        positions, or when they cannot reach the quota)."""
        if not self.spec.positions:
            return None
        game, note = self.placed_game()
        if game is None:
            return None
        result = shapley_owen(game, self.spec.positions, seed=0)
        table = result.to_table()
        table.title = self.heading("Shapley-Owen spatial power")
        if note is not None:
            table.notes = (*table.notes, note)
        return table

    def bargaining_table(self, name=BASE):
        """Baron-Ferejohn payoffs, recognition by seats and with the formateur first."""
        scenario = self.scenarios[name]
        game = scenario.effective_game
        formateur = self.formateur_of(name)
        try:
            by_seats = baron_ferejohn(game, self.DELTA, "seats")
            first = baron_ferejohn(game, self.DELTA, "seats", first=formateur)
        except (GameTooLargeError, EquilibriumError) as exc:
            return Table(["note"], [[f"No Baron-Ferejohn equilibrium here: {exc}"]],
                         title=self.heading("Baron-Ferejohn bargaining", name))
        rows = [[p, by_seats[p], first[p]] for p in game.players]
        exact = by_seats.exact and first.exact
        notes = [f"Closed rule, infinite horizon, discount factor {self.DELTA} (an"
                 " assumption); recognition in proportion to seats, and the same with"
                 f" {label(formateur)} recognised first."
                 + ("" if exact else " Some payoffs are irrational: shown in floating"
                    " point, certified numerically.")]
        return Table(["party", "payoff, recognition by seats",
                      f"payoff, {label(formateur)} first"], rows,
                     title=self.heading("Baron-Ferejohn bargaining", name), notes=notes)

    def government_tables(self):
        """For each government that formed: offices against seats (Gamson) and power, the
        power being the Shapley-Shubik index of the game it formed in (the base game, or
        the scenario the file names for it) as the report computes it (restricted by that
        game's graph, with its unions' Owen value if any)."""
        tables = []
        for government in self.spec.governments:
            name = government.scenario or BASE
            scenario = self.scenarios[name]
            game = scenario.effective_game
            power = scenario.power("shapley_shubik")
            where = "the base game" if name == BASE else f"scenario {name!r}"
            note = (f"Power share: each party's Shapley-Shubik index in {where}"
                    + (" restricted by the compatibility graph" if scenario.graph is not None
                       else "") + (" (the Owen value with the unions)" if scenario.unions
                                   else "")
                    + ", as a share of the government's.")
            for offices, what in ((government.offices, "offices of the {} government"
                                   " against seats and power"),
                                  (government.importance, "the {} government's offices"
                                   " weighted by importance")):
                if not offices:
                    continue
                table = portfolio_allocation(game, dict(offices), power=power)
                table.title = self.heading(what.format(government.name))
                table.notes = (*table.notes, note)
                tables.append((government, table))
        return tables

    def gamson_fit(self):
        """The least-squares line of office share on seat share across the governments."""
        if not self.spec.governments:
            return None
        return gamson_fit([(self.scenarios[g.scenario or BASE].game, dict(g.offices))
                           for g in self.spec.governments])
