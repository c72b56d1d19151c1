"""The four commands, each from parsed arguments to a table (and maybe a figure) (private)."""

from fractions import Fraction
from pathlib import Path

from ..games.weighted import WeightedGame
from ..politics.formation import coalition_theories
from ..politics.leverage import compare, leverage
from ..present.tables import Table
from ._common import (
    _DEFAULT_INDICES,
    _INDICES,
    _NEED_UNIONS,
    _SUFFIX_FORMATS,
    _THEORIES,
    _InputError,
    _short,
    _UsageError,
)
from .inputs import _order, _read, _source


def _seats(game):
    if isinstance(game, WeightedGame):
        return dict(zip(game.players, game.weights, strict=True))
    return None  # pragma: no cover - every game of the command line is weighted


def _describe(source):
    scenario = source.scenario
    parts = [repr(scenario.game)]
    if source.spec is not None and source.label != "base":
        parts.append(f"(scenario {source.label!r})")
    if scenario.graph is not None:
        parts.append(f"restricted to {_feasible(scenario.rule)}")
    return " ".join(parts)


def _feasible(rule):
    return ("connected coalitions of its compatibility graph" if rule == "connected"
            else "cliques of its compatibility graph (every pair compatible)")


def _run_indices(args):
    source = _source(args)
    scenario = source.scenario
    unions = scenario.unions
    names = list(args.index or _DEFAULT_INDICES)
    if names == ["all"]:
        names = [name for name in _INDICES if unions is not None or name not in _NEED_UNIONS]
    if unions is None:
        needing = [name for name in names if name in _NEED_UNIONS]
        if needing:
            raise _InputError(f"{needing[0]} needs a priori unions, and this game has none:"
                              " give them in a game file (unions = [[...], ...])")
    game = scenario.effective_game
    results = [_INDICES[name][1](game, unions) for name in names]
    seats = _seats(scenario.game)
    rows = [[player, seats[player], *(result[player] for result in results)]
            for player in game.players]
    columns = ["player", "seats", *(_INDICES[name][0] for name in names)]
    notes = []
    if scenario.graph is not None:
        notes.append(f"Only {_feasible(scenario.rule)} can form; the indices are those of"
                     " the restricted game.")
    if unions is not None and not set(names) & set(_NEED_UNIONS):
        notes.append("The game has a priori unions: --index owen,banzhaf_owen uses them.")
    table = Table(columns, rows, title=f"Power indices of {_describe(source)}", notes=notes)
    return table, None


def _run_leverage(args):
    source = _source(args)
    scenario = source.scenario
    table = leverage(scenario.game, scenario.graph, scenario.unions, rule=scenario.rule)
    figure = None
    if args.plot:
        from ..present import plot

        figure = plot.power_vs_seats({source.label: table}, title=table.title)
    return table, figure


def _run_coalitions(args):
    source = _source(args)
    scenario = source.scenario
    wanted = args.theory or list(_THEORIES)
    order = _order(source)
    theories = coalition_theories(scenario.game, scenario.graph, order, rule=scenario.rule)
    rows, counts, extra = [], [], []
    for key in wanted:
        name = _THEORIES[key]
        if key == "connected" and name not in theories:
            if args.theory:
                raise _InputError(
                    "minimal connected winning coalitions need an ideological order of the"
                    " players: give order = [...] in a game file"
                    + (" (the file's order lists the base game's parties, which this scenario"
                       " changes)" if source.spec is not None and source.spec.order else "")
                )
            if order is None and source.spec is not None and source.spec.order is not None:
                extra.append("No minimal connected winning coalitions: the file's order lists"
                             " the base game's parties, which this scenario changes.")
            continue
        found = theories.get(name, [])  # no minimum weight when nothing can win
        rows += [[name, " + ".join(c.members), len(c.members), c.seats] for c in found]
        counts.append(f"{name}: {len(found)}")
    notes = ["Coalitions found: " + "; ".join(counts) + ".", *extra]
    if scenario.graph is not None:
        notes.append(f"Only {_feasible(scenario.rule)} count (feasible coalitions).")
    title = f"Coalitions of {_describe(source)}"
    table = Table(["theory", "coalition", "members", "seats"], rows, title=title, notes=notes)
    figure = None
    if args.plot:
        if scenario.graph is None:
            raise _InputError("--plot draws the compatibility graph, and this game has none"
                              " (give one in a game file: [graph] incompatible = [...])")
        from ..present import plot

        power = scenario.power("shapley_shubik")
        figure = plot.compatibility_graph_figure(scenario.graph, power=power,
                                                 seats=_seats(scenario.game),
                                                 title=f"Compatibility graph: {source.label}")
    return table, figure


def _run_compare(args):
    if not args.files:
        raise _UsageError("give at least one game file")
    several = len(args.files) > 1
    stems = [Path(path).stem for path in args.files]
    scenarios = {}
    for path, stem in zip(args.files, stems, strict=True):
        spec = _read(path, args)
        label = (stem if stems.count(stem) == 1 else path) if several else "base"
        chosen = args.scenario
        available = spec.scenarios
        for name in chosen or ():
            if name != "base" and name not in available:
                known = ", ".join(map(repr, available)) or "none"
                raise _InputError(f"{path} has no scenario {_short(name)}; its scenarios:"
                                  f" {known} (and base, the game itself)")
        if chosen is None:
            chosen = ["base", *available] if not several else ["base"]
        for name in chosen:
            value = spec.base if name == "base" else available[name]
            shown = name if not several else (label if name == "base" else f"{label}: {name}")
            if shown in scenarios:
                raise _UsageError(f"{_short(shown)} is named twice")
            scenarios[shown] = value
    index = args.index or "shapley_shubik"
    table = compare(scenarios, index=index, baseline=args.baseline)
    figure = None
    if args.plot:
        from ..present import plot

        figure = plot.scenario_changes(table)
    return table, figure


# -- output -------------------------------------------------------------------------------------
def _decimal_cell(cell, digits):
    if isinstance(cell, Fraction):
        return round(float(cell), digits)
    return cell


def _finish(table, args):
    """The table with the requested digits, and decimals only with --decimal."""
    rows = table.rows
    if args.decimal:
        rows = [[_decimal_cell(cell, args.digits) for cell in row] for row in rows]
    return Table(table.columns, rows, title=table.title, digits=args.digits, notes=table.notes)


def _render(table, fmt):
    if fmt == "markdown":
        text = table.to_markdown()
    elif fmt == "csv":
        text = table.to_csv()
    elif fmt == "latex":
        text = table.to_latex()
    elif fmt == "html":
        text = table.to_html()
    elif fmt == "json":
        text = table.to_json(indent=2)
    else:
        text = str(table)
    return text if text.endswith("\n") else text + "\n"


def _output_format(args):
    if args.format is not None:
        return args.format
    if args.output is not None:
        return _SUFFIX_FORMATS.get(Path(args.output).suffix.lower(), "text")
    return "text"
