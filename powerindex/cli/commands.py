"""The four commands, each from parsed arguments to a table (and maybe a figure) (private)."""

import math
from fractions import Fraction
from pathlib import Path

from ..errors import PositionError
from ..estimate import estimate
from ..games.weighted import WeightedGame
from ..politics.formation import coalition_theories
from ..politics.leverage import compare, leverage, scenario_kinds
from ..politics.positions import policy_range
from ..present.tables import Table
from ._common import (
    _DEFAULT_INDICES,
    _ESTIMATED,
    _INDICES,
    _NEED_UNIONS,
    _RANGE_THEORIES,
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


def _figure_title(source, what):
    """A figure's title: the game file's title (or the game), what is drawn, the scenario."""
    title = source.spec.title if source.spec is not None and source.spec.title else None
    heading = f"{title}: {what}" if title else what[0].upper() + what[1:]
    return heading if source.label in ("base", "game") else f"{heading} ({source.label})"


def _feasible(rule):
    return ("connected coalitions of its compatibility graph" if rule == "connected"
            else "cliques of its compatibility graph (every pair compatible)")


def _run_indices(args):
    source = _source(args)
    scenario = source.scenario
    unions = scenario.unions
    names = _index_names(args, unions)
    game = scenario.effective_game
    sampling = args.samples is not None or args.precision is not None
    if args.seed is not None and not sampling:
        raise _UsageError("--seed goes with --samples or --precision (a Monte Carlo estimate)")
    if sampling:
        columns, cells, notes = _estimated_columns(args, game, unions, names)
    else:
        columns, cells, notes = _exact_columns(args, game, unions, names)
    seats = _seats(scenario.game)
    rows = [[player, seats[player], *(cell(player) for cell in cells)]
            for player in game.players]
    if scenario.graph is not None:
        notes.insert(0, f"Only {_feasible(scenario.rule)} can form; the indices are those of"
                        " the restricted game.")
    if unions is not None and not set(names) & set(_NEED_UNIONS):
        notes.append("The game has a priori unions: --index owen,banzhaf_owen uses them.")
    table = Table(["player", "seats", *columns], rows,
                  title=f"Power indices of {_describe(source)}", notes=notes)
    return table, None


def _index_names(args, unions):
    names = list(args.index or _DEFAULT_INDICES)
    if names == ["all"]:
        names = [name for name in _INDICES if unions is not None or name not in _NEED_UNIONS]
    if unions is None:
        needing = [name for name in names if name in _NEED_UNIONS]
        if needing:
            raise _InputError(f"{needing[0]} needs a priori unions, and this game has none:"
                              " give them in a game file (unions = [[...], ...])")
    return names


def _exact_columns(args, game, unions, names):
    """``(headings, cell functions, notes)`` of the indices computed by ``--method``."""
    results = [_INDICES[name][1](game, unions, args.method) for name in names]
    notes = []
    if args.method == "float":
        bound = max(result.error_bound for result in results)
        notes.append(f"Floating point (--method float): every value is within {bound:.1e}"
                     " of the exact one.")
    return ([_INDICES[name][0] for name in names],
            [result.__getitem__ for result in results], notes)


def _estimated_columns(args, game, unions, names):
    """``(headings, cell functions, notes)`` of Monte Carlo estimates with intervals."""
    if args.method != "auto":
        raise _UsageError("--method is for exact and float values; a Monte Carlo estimate"
                          " (--samples, --precision) chooses its own sampler")
    refused = [name for name in names if name not in _ESTIMATED]
    if refused:
        raise _UsageError(f"{refused[0]} cannot be estimated by sampling; --samples and"
                          f" --precision estimate {', '.join(_ESTIMATED)}")
    level = f"{args.confidence * 100:g}%"
    headings, cells, notes = [], [], []
    for name in names:
        estimated = estimate(game, _ESTIMATED[name], samples=args.samples,
                             precision=args.precision, confidence=args.confidence,
                             seed=args.seed, unions=unions if name == "owen" else None)
        headings += [f"{_INDICES[name][0]} (estimate)", f"{level} interval"]
        cells += [estimated.__getitem__, _interval_text(estimated, args.digits)]
        notes.append(f"{_INDICES[name][0]}: Monte Carlo estimate from {estimated.samples}"
                     f" samples ({estimated.method}); --seed {estimated.seed} repeats it.")
    return headings, cells, notes


def _interval_text(estimated, digits):
    """The interval of each player, rounded outwards so that the printed one contains it."""
    unit = 10**digits

    def cell(player):
        low, high = estimated.confidence_interval(player)
        low, high = math.floor(low * unit) / unit, math.ceil(high * unit) / unit
        return f"[{low:.{digits}f}, {high:.{digits}f}]"

    return cell


def _run_leverage(args):
    source = _source(args)
    scenario = source.scenario
    table = leverage(scenario.game, scenario.graph, scenario.unions, rule=scenario.rule,
                     nucleolus=args.nucleolus)
    figure = None
    if args.plot:
        from ..present import plot

        figure = plot.power_vs_seats({source.label: table},
                                     title=_figure_title(source, "power against seat share"))
    return table, figure


def _run_coalitions(args):
    source = _source(args)
    scenario = source.scenario
    wanted = args.theory or list(_THEORIES)
    order = _order(source)
    theories, positions, extra = _theories(args, scenario, order,
                                           _range_positions(args, scenario, wanted))
    rows, counts = [], []
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
        if key in _RANGE_THEORIES and name not in theories:
            if args.theory and positions is not None:
                raise _InputError("closed minimal range coalitions need positions on one"
                                  " dimension (De Swaan's theory orders the parties)")
            continue
        found = theories.get(name, [])  # no minimum weight when nothing can win
        rows += [[name, " + ".join(map(str, c.members)), len(c.members), c.seats,
                  *([_range_cell(c.members, positions)] if positions is not None else [])]
                 for c in found]
        counts.append(f"{name}: {len(found)}")
    notes = ["Coalitions found: " + "; ".join(counts) + ".", *extra]
    if positions is not None:
        notes.append("Range: the distance between the coalition's two furthest members"
                     " (Euclidean on several dimensions).")
    if scenario.graph is not None:
        notes.append(f"Only {_feasible(scenario.rule)} count (feasible coalitions).")
    columns = ["theory", "coalition", "members", "seats",
               *(["range"] if positions is not None else [])]
    title = f"Coalitions of {_describe(source)}"
    table = Table(columns, rows, title=title, notes=notes)
    figure = None
    if args.plot:
        if scenario.graph is None:
            raise _InputError("--plot draws the compatibility graph, and this game has none"
                              " (give one in a game file: [graph] incompatible = [...])")
        from ..present import plot

        power = scenario.power("shapley_shubik")
        figure = plot.compatibility_graph_figure(
            scenario.graph, power=power, seats=_seats(scenario.game),
            title=_figure_title(source, "compatibility graph"))
    return table, figure


def _range_positions(args, scenario, wanted):
    """The scenario's positions when a range theory is among ``wanted``, else None;
    refused when a range theory is asked for by name and the file has none."""
    if not any(key in _RANGE_THEORIES for key in wanted):
        return None
    if not scenario.positions:
        if args.theory is not None:
            raise _InputError("the range theories need the parties' positions: give a"
                              " [positions] table in a game file (see docs/positions.md)")
        return None
    return scenario.positions


def _theories(args, scenario, order, positions):
    """``(theories, positions, notes)``: the library's coalition theories; when the
    positions do not serve (a party that needs one lacks it) and the range theories were
    not asked for by name, the others, with a note that says why."""
    try:
        return coalition_theories(scenario.game, scenario.graph, order, rule=scenario.rule,
                                  positions=positions), positions, []
    except PositionError as exc:
        if positions is None or args.theory is not None:
            raise
        theories = coalition_theories(scenario.game, scenario.graph, order,
                                      rule=scenario.rule)
        return theories, None, [f"No range theories: {exc}."]


def _range_cell(members, positions):
    try:
        return policy_range(members, positions)
    except PositionError:
        return None


def _run_compare(args):
    if not args.files:
        raise _UsageError("give at least one game file")
    several = len(args.files) > 1
    stems = [Path(path).stem for path in args.files]
    scenarios, titles = {}, []
    for path, stem in zip(args.files, stems, strict=True):
        spec = _read(path, args)
        titles.append(spec.title)
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

        heading = table.title.split(" across")[0] + " across scenarios"
        named = [title for title in titles if title]
        figure = plot.scenario_changes(
            table, title=f"{named[0]}: {heading}" if len(named) == 1 and not several
            else heading, kinds=scenario_kinds(scenarios))
    return table, figure


def _run_report(args):
    """Write the report of a game file; the 'table' is the line that says where."""
    from ..present.html import ReportError
    from ..study import write_report

    if args.input_format is None and not Path(args.file).suffix:
        raise _UsageError("give the game file's format by its suffix (.toml, .json, .csv)"
                          " or with --input-format")
    spec = _read(args.file, args)
    narrative = None
    if args.narrative is not None:
        try:
            narrative = Path(args.narrative).read_text(encoding="utf-8")
        except OSError as exc:
            raise _InputError(f"cannot read {args.narrative}: {exc.strerror or exc}") from None
    if args.formateur is not None and args.formateur not in spec.game.players:
        raise _InputError(f"the formateur {_short(args.formateur)} is not a party of"
                          f" {args.file}; its parties: {', '.join(map(str, spec.game.players))}")
    out = Path(args.out)
    try:
        path = write_report(spec, out, narrative=narrative, formateur=args.formateur,
                            figures=not args.no_figures)
    except ReportError as exc:
        raise _InputError(f"{args.narrative}: {exc}") from None
    tables = len(list((out / "tables").glob("*.csv")))
    return (f"wrote {path} and {out / 'report.html'}, with {tables} tables in"
            f" {out / 'tables'}" + ("" if args.no_figures else f" and figures in"
                                    f" {out / 'figures'}")), None


# -- output -------------------------------------------------------------------------------------
def _decimal_cell(cell, digits):
    if isinstance(cell, Fraction):
        return round(float(cell), digits)
    return cell


def _finish(table, args):
    """The table with the requested digits, and decimals only with --decimal."""
    if isinstance(table, str):  # a command that writes files says where
        return table
    rows = table.rows
    if args.decimal:
        rows = [[_decimal_cell(cell, args.digits) for cell in row] for row in rows]
    return Table(table.columns, rows, title=table.title, digits=args.digits, notes=table.notes)


def _render(table, fmt, max_rows=None):
    if isinstance(table, str):
        return table + "\n"
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
        text = table.to_text(max_rows=max_rows, omitted="... {count} rows not shown: --format"
                             " csv (or markdown, json ...) or --output FILE gives every"
                             " row ...")
    return text if text.endswith("\n") else text + "\n"


def _output_format(args):
    if args.format is not None:
        return args.format
    if args.output is None:
        return "text"
    suffix = Path(args.output).suffix.lower()
    if suffix not in _SUFFIX_FORMATS:
        known = ", ".join(sorted(_SUFFIX_FORMATS))
        raise _UsageError(f"cannot tell the format of {_short(args.output)} from its suffix"
                          f" {suffix or '(none)'!r}: name the file {known}, or give --format")
    return _SUFFIX_FORMATS[suffix]
