"""The ``powerindex`` command: indices, scenario comparisons, kingmaker tables and coalitions.

A thin layer over the library: every number comes from the functions of
:mod:`powerindex` (:func:`~powerindex.shapley_shubik`, :func:`~powerindex.leverage`,
:func:`~powerindex.compare`, :func:`~powerindex.coalition_theories` ...), every game file is
read by :func:`~powerindex.read_game`, every table is rendered by
:class:`~powerindex.Table`. Four commands:

* ``powerindex indices`` -- power indices of a game given inline
  (``--quota 163 91 89 70 57 18``, names by ``--names`` or ``NAME=SEATS``) or in a game
  file (TOML, JSON, CSV), under the file's compatibility graph;
* ``powerindex compare`` -- the base game of a file and its scenarios side by side, or the
  games of several files;
* ``powerindex leverage`` -- the kingmaker table (power against seats);
* ``powerindex coalitions`` -- the minimal winning, minimum size, minimum weight and
  minimal connected winning coalitions (feasible ones, under the file's graph).

Output is an aligned text table by default, or Markdown, CSV, LaTeX, HTML or JSON
(``--format``), exact fractions with decimals or decimals only (``--decimal``);
``--plot FILE`` draws a figure where one makes sense. Errors print
``powerindex: error: <message>`` (for a file: the file, line and field) and exit with
status 1; a malformed command line exits with status 2; never a traceback unless
``--debug`` asks for one. ``docs/cli.md`` is the user's guide.

Examples
--------
>>> from powerindex.cli import main
>>> main(["indices", "--quota", "163", "--index", "shapley_shubik",
...       "Iraqiya=91", "SoL=89", "INA=70", "Kurds=57", "Small=18"])
Power indices of <WeightedGame [163; 91, 89, 70, 57, 18]>
player   seats  Shapley-Shubik
Iraqiya     91   3/10 (0.3000)
SoL         89   3/10 (0.3000)
INA         70   2/15 (0.1333)
Kurds       57   2/15 (0.1333)
Small       18   2/15 (0.1333)
0
"""

import argparse
import contextlib
import math
import os
import signal
import sys
import threading
import time
import traceback
import warnings
from fractions import Fraction
from pathlib import Path

from ._numbers import lcm_of_denominators
from .errors import PowerIndexError
from .games import WeightedGame
from .indices import (
    banzhaf,
    coleman_initiate,
    coleman_prevent,
    deegan_packel,
    holler,
    johnston,
    shapley_shubik,
    swings,
)
from .io import FORMATS, MAX_TOTAL_WEIGHT, _number_from_text, _quota_from_text, read_game
from .leverage import Scenario, coalition_theories, compare, leverage
from .tables import Table
from .unions import banzhaf_owen, owen

__all__ = ["main"]

PROG = "powerindex"

#: Seconds a command may compute before it gives up (``--time-limit``; 0: no limit).
DEFAULT_TIME_LIMIT = 120

#: Bytes of memory a command may add to the process before it gives up (Linux only). The
#: library's counting tables alone may take 1-2 GB (2**26 cells each) for a legitimate game.
MEMORY_LIMIT = 4 * 1024**3

OUTPUT_FORMATS = ("text", "markdown", "csv", "latex", "json", "html")
_SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".csv": "csv", ".tex": "latex",
                   ".json": "json", ".html": "html", ".htm": "html", ".txt": "text"}

# name -> (column heading, function of (game, unions)); the order is that of --index all.
_INDICES = {
    "shapley_shubik": ("Shapley-Shubik", lambda game, unions: shapley_shubik(game)),
    "banzhaf": ("Banzhaf", lambda game, unions: banzhaf(game)),
    "banzhaf_absolute": ("Banzhaf (absolute)",
                         lambda game, unions: banzhaf(game, normalized=False)),
    "swings": ("swings", lambda game, unions: swings(game)),
    "coleman_prevent": ("Coleman prevent", lambda game, unions: coleman_prevent(game)),
    "coleman_initiate": ("Coleman initiate", lambda game, unions: coleman_initiate(game)),
    "johnston": ("Johnston", lambda game, unions: johnston(game)),
    "deegan_packel": ("Deegan-Packel", lambda game, unions: deegan_packel(game)),
    "holler": ("Holler", lambda game, unions: holler(game)),
    "owen": ("Owen", lambda game, unions: owen(game, unions)),
    "banzhaf_owen": ("Banzhaf-Owen", lambda game, unions: banzhaf_owen(game, unions)),
}
_NEED_UNIONS = ("owen", "banzhaf_owen")
_DEFAULT_INDICES = ("shapley_shubik", "banzhaf")

_THEORIES = {
    "minimal": "minimal winning",
    "minimum-size": "minimum size",
    "minimum-weight": "minimum weight",
    "connected": "minimal connected winning",
}


class _UsageError(Exception):
    """A command line that makes no sense: exit status 2, with the usage."""


class _InputError(Exception):
    """An input that the command cannot use: exit status 1."""


class _GaveUp(BaseException):
    """Raised by the watchdog: the computation passed its time or memory limit.

    A BaseException, so that no ``except Exception`` on the way can swallow it.
    """


# -- reading the arguments -----------------------------------------------------------------------
def _short(text, limit=40):
    text = str(text)
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def _index_list(text):
    """argparse type of --index: comma-separated index names, or 'all'."""
    names = [part.strip().lower().replace("-", "_") for part in text.split(",")]
    if names == ["all"]:
        return ["all"]
    for name in names:
        if name not in _INDICES:
            raise argparse.ArgumentTypeError(
                f"unknown index {_short(name)}; choose from {', '.join(_INDICES)} or all"
            )
    return list(dict.fromkeys(names))


def _theory_list(text):
    """argparse type of --theory: comma-separated theory names, or 'all'."""
    names = [part.strip().lower().replace("_", "-") for part in text.split(",")]
    if names == ["all"]:
        return list(_THEORIES)
    for name in names:
        if name not in _THEORIES:
            raise argparse.ArgumentTypeError(
                f"unknown theory {_short(name)}; choose from {', '.join(_THEORIES)} or all"
            )
    return list(dict.fromkeys(names))


def _digits(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {_short(text)}") from None
    if not 0 <= value <= 30:
        raise argparse.ArgumentTypeError(f"digits must be between 0 and 30, got {value}")
    return value


def _seconds(text):
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {_short(text)}") \
            from None
    if not (math.isfinite(value) and value >= 0):
        raise argparse.ArgumentTypeError(f"expected a number of seconds >= 0, got {_short(text)}")
    return value


def _weight(item):
    """``"91"`` -> (None, 91); ``"Kurds=57"`` -> ("Kurds", 57). _UsageError if neither."""
    name, equals, number = item.rpartition("=")
    if equals:
        name = name.strip()
        if not name:
            raise _UsageError(f"{_short(item)}: a name is missing before '='")
    else:
        name = None
    try:
        value = _number_from_text(number)
    except ValueError as exc:
        if str(exc) == "too long":
            raise _UsageError(f"{_short(item)} is too long for a weight ({len(number.strip())}"
                              " characters; at most 100)") from None
        raise _UsageError(
            f"{_short(item)} is not a weight: write a number (91, 8.5, 17/3) or NAME=SEATS"
            " (Kurds=57), or give a game file alone"
        ) from None
    return name, value


def _looks_like_weight(item):
    try:
        _weight(item)
    except _UsageError:
        return False
    return True


def _inline_game(items, quota_text, names_text):
    """The WeightedGame of ``--quota Q w1 w2 ...`` (or ``NAME=SEATS`` items)."""
    parsed = [_weight(item) for item in items]
    named = [name is not None for name, _ in parsed]
    if any(named) and not all(named):
        raise _UsageError("give every weight as NAME=SEATS, or none of them")
    if all(named) and names_text is not None:
        raise _UsageError("give the names either by --names or as NAME=SEATS, not both")
    if quota_text is None:
        raise _UsageError("a game given by its weights needs --quota (163, 2/3, 65%, majority)")
    quota = _quota(quota_text)
    weights = [value for _, value in parsed]
    if all(named):
        names = [name for name, _ in parsed]
    elif names_text is not None:
        names = [name.strip() for name in names_text.split(",")]
    else:
        names = None
    scale = lcm_of_denominators(weights)
    total = sum(w * scale for w in weights)
    if total > MAX_TOTAL_WEIGHT:
        digits = len(str(int(total)))
        shown = str(int(total)) if digits <= 30 else f"a number of {digits} digits"
        raise _InputError(
            f"the weights are too large or too finely divided: scaled to whole numbers they"
            f" total {shown}, above the limit of {MAX_TOTAL_WEIGHT} that exact computation"
            " allows (the same limit as for game files)"
        )
    # Whole weights as ints, so that the game prints [163; 91, 89] and not Fractions.
    weights = [int(w) if w.denominator == 1 else w for w in weights]
    return WeightedGame(weights, quota, names)


def _quota(text):
    try:
        return _quota_from_text(text)
    except (ValueError, PowerIndexError) as exc:
        raise _UsageError(
            f"cannot read the quota {_short(text)}: {exc}; write seats (163, 162.5) or a share"
            " of the total (2/3, 65%, more than 1/2, majority)"
        ) from None


def _read(path, args):
    """A GameSpec from a file path, or from standard input for ``-``."""
    quota = args.quota if getattr(args, "quota", None) is not None else None
    if quota is not None:
        quota = _quota(quota)  # the same grammar; a usage error if it cannot be read
    if path == "-":
        if args.input_format is None:
            raise _UsageError("reading a game from standard input needs --input-format"
                              " (toml, json or csv)")
        return read_game(sys.stdin.buffer, format=args.input_format, quota=quota)
    if args.input_format is None and Path(path).suffix.lower().lstrip(".") not in FORMATS:
        if os.path.exists(path):
            raise _UsageError(f"cannot tell the format of {path} from its name: give"
                              " --input-format toml, json or csv")
        raise _UsageError(f"{_short(path)} is neither a weight (91, 8.5, 17/3, Kurds=57) nor a"
                          " game file (.toml, .json, .csv)")
    try:
        return read_game(path, format=args.input_format, quota=quota)
    except OSError as exc:
        raise _InputError(f"cannot read {path}: {exc.strerror or exc}") from None


class _Source:
    """The game a command works on: a Scenario, its label, and the file's spec if any."""

    def __init__(self, scenario, label, spec=None, path=None):
        self.scenario = scenario
        self.label = label
        self.spec = spec
        self.path = path


def _source(args):
    items = args.game
    if not items:
        raise _UsageError("give a game: weights with --quota (--quota 163 91 89 70) or a file")
    if len(items) == 1 and not _looks_like_weight(items[0]):
        if args.names is not None:
            raise _UsageError("--names is for a game given by its weights; a file names its"
                              " parties")
        path = items[0]
        spec = _read(path, args)
        if args.scenario is None:
            return _Source(spec.base, "base", spec, path)
        scenarios = spec.scenarios
        if args.scenario not in scenarios:
            known = ", ".join(map(repr, scenarios)) or "none"
            raise _InputError(f"{path} has no scenario {_short(args.scenario)}; its scenarios:"
                              f" {known}")
        return _Source(scenarios[args.scenario], args.scenario, spec, path)
    if args.scenario is not None:
        raise _UsageError("--scenario picks a scenario of a game file")
    if args.input_format is not None:
        raise _UsageError("--input-format is for a game file")
    return _Source(Scenario(_inline_game(items, args.quota, args.names)), "game")


def _order(source):
    """The file's ideological order, if it fits the players of the chosen scenario."""
    if source.spec is None or source.spec.order is None:
        return None
    order = source.spec.order
    return order if sorted(order) == sorted(source.scenario.game.players) else None


# -- the commands --------------------------------------------------------------------------------
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
        from . import plot

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
        from . import plot

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
        from . import plot

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


def _write(stream, text):
    """Write text, escaping what the stream's encoding cannot hold instead of failing."""
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
    stream.flush()


# -- the watchdog -------------------------------------------------------------------------------
def _resident_bytes():
    """The memory the process uses now (Linux), or None where that cannot be read."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


@contextlib.contextmanager
def _watchdog(seconds):
    """Give up (raise _GaveUp) after ``seconds``, or when memory grows by MEMORY_LIMIT.

    Some outputs are exponential in the number of players (a game of 40 equal players has
    about 10**11 minimal winning coalitions): a command must stop rather than hang. Uses
    SIGALRM, so it only acts in the main thread of a Unix process.
    """
    usable = (hasattr(signal, "setitimer") and seconds
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return
    deadline = time.monotonic() + seconds
    start = _resident_bytes()

    def check(signum, frame):
        if time.monotonic() >= deadline:
            raise _GaveUp(f"gave up after {seconds:g} seconds (--time-limit)")
        now = _resident_bytes()
        if start is not None and now is not None and now - start > MEMORY_LIMIT:
            raise _GaveUp(f"gave up after using more than {MEMORY_LIMIT // 1024**3} GB of"
                          " memory")

    previous = signal.signal(signal.SIGALRM, check)
    interval = min(0.25, seconds)
    signal.setitimer(signal.ITIMER_REAL, interval, interval)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- the parser ---------------------------------------------------------------------------------
_INDICES_EXAMPLES = """\
examples:
  powerindex indices --quota 163 91 89 70 57 18
  powerindex indices --quota 163 --names Iraqiya,SoL,INA,Kurds,Small 91 89 70 57 18
  powerindex indices --quota majority Iraqiya=91 SoL=89 INA=70 Kurds=57 Small=18
  powerindex indices --quota 2/3 --index all 4 4 4 2 2 1
  powerindex indices iraq.toml --scenario sadr_backs_maliki --format markdown
  powerindex indices seats.csv --quota 65% --decimal --digits 3
"""

_COMPARE_EXAMPLES = """\
examples:
  powerindex compare iraq.toml                     # the base game and all its scenarios
  powerindex compare iraq.toml --scenario base --scenario sadr_backs_maliki
  powerindex compare iraq.toml --baseline base --index banzhaf --plot changes.png
  powerindex compare before.toml after.toml --format csv --output changes.csv
"""

_LEVERAGE_EXAMPLES = """\
examples:
  powerindex leverage --quota 163 Iraqiya=91 SoL=89 INA=70 Kurds=57 Small=18
  powerindex leverage iraq.toml --scenario sadrist_red_line --plot leverage.png
  powerindex leverage iraq.toml --format latex --output leverage.tex
"""

_COALITIONS_EXAMPLES = """\
examples:
  powerindex coalitions --quota 163 Iraqiya=91 SoL=89 INA=70 Kurds=57 Small=18
  powerindex coalitions iraq.toml --theory minimal,connected
  powerindex coalitions iraq.toml --scenario sadrist_red_line --plot graph.png
"""

_MAIN_EXAMPLES = """\
commands:
  indices      power indices of a game (inline or from a file)
  compare      the same players across scenarios or files
  leverage     who holds power beyond their seats (the kingmaker table)
  coalitions   minimal winning, minimum size and weight, connected coalitions

examples:
  powerindex indices --quota 163 91 89 70 57 18
  powerindex compare iraq.toml
  powerindex leverage iraq.toml --format markdown
  powerindex coalitions iraq.toml --scenario sadrist_red_line

Run 'powerindex COMMAND --help' for the options of a command; docs/cli.md is the guide,
docs/file-format.md the format of game files. Exit status: 0 done, 1 bad input (the
message names the file, line and field), 2 bad command line.
"""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors name the command and exit with status 2."""


def _common_options():
    common = argparse.ArgumentParser(add_help=False)
    out = common.add_argument_group("output")
    out.add_argument("--format", "-f", choices=OUTPUT_FORMATS, default=None,
                     help="text (an aligned table; the default), markdown, csv, latex, json or"
                          " html; by default guessed from the suffix of --output")
    out.add_argument("--output", "-o", metavar="FILE", default=None,
                     help="write the table to FILE instead of standard output")
    out.add_argument("--decimal", action="store_true",
                     help="decimals only (rounded to --digits places) instead of exact"
                          " fractions with their decimals")
    out.add_argument("--digits", type=_digits, default=4, metavar="N",
                     help="decimal places shown (default 4)")
    run = common.add_argument_group("running")
    run.add_argument("--time-limit", type=_seconds, default=DEFAULT_TIME_LIMIT,
                     metavar="SECONDS",
                     help=f"give up after SECONDS (default {DEFAULT_TIME_LIMIT}; 0: no limit)")
    run.add_argument("--debug", action="store_true",
                     help="show the traceback of an error")
    return common


def _game_options(parser, scenario_help):
    game = parser.add_argument_group("the game")
    game.add_argument("game", nargs="*", metavar="GAME",
                      help="the weights (91 89 70, or NAME=SEATS pairs such as Kurds=57), or"
                           " one game file (.toml, .json, .csv; - for standard input)")
    game.add_argument("--quota", "-q", metavar="Q",
                      help="seats needed (163, 162.5) or a share of the total (2/3, 65%%,"
                           " 'more than 1/2', majority); required for weights, overrides a"
                           " file's quota")
    game.add_argument("--names", "-n", metavar="A,B,C",
                      help="comma-separated names of the players of inline weights")
    game.add_argument("--scenario", "-s", metavar="NAME", help=scenario_help)
    game.add_argument("--input-format", choices=("toml", "json", "csv"),
                      help="the format of the game file (default: its suffix)")


def _parser():
    common = _common_options()
    parser = _Parser(
        prog=PROG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Exact power indices for voting games: weights and quota on the command"
                    " line, or a game file with a compatibility graph, unions and scenarios.",
        epilog=_MAIN_EXAMPLES,
    )
    from . import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name, help_text, description, examples):
        sub = commands.add_parser(name, parents=[common], help=help_text,
                                  description=description, epilog=examples,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        sub.set_defaults(parser=sub)
        return sub

    sub = command("indices", "power indices of a game",
                  "Power indices of a weighted game, given inline or in a game file. With a"
                  " file, the indices are those of the game restricted by its compatibility"
                  " graph; its a priori unions give the Owen and Banzhaf-Owen values.",
                  _INDICES_EXAMPLES)
    _game_options(sub, "a scenario of the game file instead of its base game")
    sub.add_argument("--index", "-i", type=_index_list, metavar="LIST",
                     help="comma-separated indices: " + ", ".join(_INDICES)
                          + "; or all (default: shapley_shubik,banzhaf)")
    sub.set_defaults(run=_run_indices, plot=None)

    sub = command("compare", "the same players across scenarios or files",
                  "Each player's power across scenarios: the base game of one file and all its"
                  " scenarios (or those chosen by --scenario), or the base games of several"
                  " files, with the change from one to the next (or from --baseline). Merged"
                  " blocs are traced to their members.", _COMPARE_EXAMPLES)
    sub.add_argument("files", nargs="*", metavar="FILE",
                     help="game files (.toml, .json, .csv)")
    sub.add_argument("--scenario", "-s", action="append", metavar="NAME",
                     help="a scenario to include (repeat the option; 'base' is the game"
                          " itself); with several files, taken from each")
    sub.add_argument("--baseline", "-b", metavar="NAME",
                     help="report changes from this column instead of between neighbours")
    sub.add_argument("--index", "-i", choices=("shapley_shubik", "banzhaf"),
                     help="shapley_shubik (Owen with unions; the default) or banzhaf"
                          " (Banzhaf-Owen, normalized, with unions)")
    sub.add_argument("--quota", "-q", metavar="Q",
                     help="a quota that replaces the files' (needed for CSV without one)")
    sub.add_argument("--input-format", choices=("toml", "json", "csv"),
                     help="the format of the files (default: their suffix)")
    sub.add_argument("--plot", metavar="FILE",
                     help="draw the values as grouped bars (PNG, or by suffix: .svg, .pdf)")
    sub.set_defaults(run=_run_compare)

    sub = command("leverage", "who holds power beyond their seats (kingmakers)",
                  "The kingmaker table: seats, seat share, Shapley-Shubik (Owen with unions),"
                  " Banzhaf, swings, power per seat share, membership of minimal winning"
                  " coalitions, veto and dummy players, and a one-line summary.",
                  _LEVERAGE_EXAMPLES)
    _game_options(sub, "a scenario of the game file instead of its base game")
    sub.add_argument("--plot", metavar="FILE",
                     help="draw power against seat share (PNG, or by suffix: .svg, .pdf)")
    sub.set_defaults(run=_run_leverage)

    sub = command("coalitions", "minimal winning and other predicted coalitions",
                  "The coalitions predicted by the classic theories: minimal winning (von"
                  " Neumann-Morgenstern), minimum size, minimum weight (Riker) and, with an"
                  " ideological order in the file, minimal connected winning (Axelrod). With a"
                  " compatibility graph, only feasible coalitions count.",
                  _COALITIONS_EXAMPLES)
    _game_options(sub, "a scenario of the game file instead of its base game")
    sub.add_argument("--theory", "-t", type=_theory_list, metavar="LIST",
                     help="comma-separated: " + ", ".join(_THEORIES) + "; or all (the"
                          " default; connected only with an order)")
    sub.add_argument("--plot", metavar="FILE",
                     help="draw the compatibility graph, node area by Shapley-Shubik power")
    sub.set_defaults(run=_run_coalitions)
    return parser


# -- main -----------------------------------------------------------------------------------------
def _error(message):
    _write(sys.stderr, f"{PROG}: error: {message}\n")


def _exit_status(code):
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    _write(sys.stderr, f"{code}\n")  # pragma: no cover - argparse exits with ints
    return 1


def main(argv=None):
    """Run the ``powerindex`` command.

    Parameters
    ----------
    argv : list of str, optional
        The arguments after the program name (default ``sys.argv[1:]``).

    Returns
    -------
    int
        The exit status: 0 when done, 1 for input that cannot be used (a game file with
        an error, a game the library refuses, a computation too large), 2 for a
        malformed command line. Messages go to standard error as
        ``powerindex: error: <message>``; no traceback unless ``--debug``.

    Notes
    -----
    Every command runs under a watchdog (``--time-limit``, default 120 seconds, and a
    memory limit of 4 GB more than at the start, on Linux): lists of coalitions are
    exponential in the number of players, and a command must give up rather than hang.

    Examples
    --------
    >>> from powerindex.cli import main
    >>> main(["coalitions", "--quota", "3", "--theory", "minimal", "A=2", "B=1", "C=1"])
    Coalitions of <WeightedGame [3; 2, 1, 1]>
    theory           coalition  members  seats
    minimal winning  A + B            2      3
    minimal winning  A + C            2      3
    Coalitions found: minimal winning: 2.
    0
    """
    parser = _parser()
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return _exit_status(exc.code)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    debug = args.debug
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                with _watchdog(args.time_limit):
                    table, figure = args.run(args)
                    text = _render(_finish(table, args), _output_format(args))
            finally:
                for message in dict.fromkeys(str(w.message) for w in caught):
                    _write(sys.stderr, f"{PROG}: warning: {message}\n")
        if figure is not None:
            from . import plot

            try:
                plot.save(figure, args.plot)
            except OSError as exc:
                raise _InputError(f"cannot write {args.plot}: {exc.strerror or exc}") from None
            except ValueError as exc:  # matplotlib: an unknown image format
                raise _InputError(f"cannot write {args.plot}: {exc}") from None
        if args.output is not None:
            try:
                with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
                    handle.write(text)
            except OSError as exc:
                raise _InputError(f"cannot write {args.output}: {exc.strerror or exc}") \
                    from None
        else:
            _write(sys.stdout, text)
        return 0
    except _UsageError as exc:
        if debug:
            traceback.print_exc()
        args.parser.print_usage(sys.stderr)
        _write(sys.stderr, f"{args.parser.prog}: error: {exc}\n")
        return 2
    except (_InputError, PowerIndexError, OSError, ImportError, _GaveUp) as exc:
        if debug:
            traceback.print_exc()
        message = str(exc)
        if isinstance(exc, _GaveUp):
            message += ("; the computation is too large (lists of coalitions grow"
                        " exponentially with the number of players): raise --time-limit, or"
                        " ask for less (fewer indices, fewer players)")
        _error(message)
        return 1
    except BrokenPipeError:
        # The reader went away (powerindex ... | head): nothing more to say.
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep interpreter exit quiet
        return 1
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except (MemoryError, RecursionError) as exc:
        if debug:
            traceback.print_exc()
        _error(f"the input is too large or too deeply nested ({type(exc).__name__})")
        return 1
    except Exception as exc:  # a bug: say so, without a traceback unless asked
        if debug:
            traceback.print_exc()
        _error(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the"
               " traceback, and please report it)")
        return 1
