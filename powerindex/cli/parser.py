"""The command line's grammar: the commands, their options and their examples (private)."""

import argparse
from fractions import Fraction

from .._version import __version__
from ._common import _INDICES, _METHODS, _THEORIES, DEFAULT_TIME_LIMIT, OUTPUT_FORMATS, PROG
from .commands import _run_coalitions, _run_compare, _run_indices, _run_leverage, _run_report
from .inputs import (
    _digits,
    _discount,
    _distance,
    _fraction_below_one,
    _index_list,
    _named_probability,
    _positive_float,
    _positive_int,
    _probability,
    _seconds,
    _seed,
    _split_spec,
    _theory_list,
)
from .politics import _run_bargain, _run_portfolios, _run_positions, _run_swing
from .tu import DEFAULT_SOLUTIONS, SOLUTIONS, _run_tu

_INDICES_EXAMPLES = """\
examples:
  powerindex indices --quota 163 91 89 70 57 18
  powerindex indices --quota 163 --names Iraqiya,SoL,INA,Kurds,Small 91 89 70 57 18
  powerindex indices --quota majority Iraqiya=91 SoL=89 INA=70 Kurds=57 Small=18
  powerindex indices --quota 2/3 --index all 4 4 4 2 2 1
  powerindex indices iraq.toml --scenario sadr_backs_maliki --format markdown
  powerindex indices seats.csv --quota 65% --decimal --digits 3
  powerindex indices holders.csv --quota majority --method float
  powerindex indices holders.csv --quota majority --samples 100000 --seed 1
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
  powerindex leverage iraq.toml --scenario red_line --plot leverage.png
  powerindex leverage iraq.toml --format latex --output leverage.tex
"""

_TU_EXAMPLES = """\
examples:
  powerindex tu gloves.toml
  powerindex tu gloves.toml --solution all --format markdown
  powerindex tu gloves.toml --core
"""

_COALITIONS_EXAMPLES = """\
examples:
  powerindex coalitions --quota 163 Iraqiya=91 SoL=89 INA=70 Kurds=57 Small=18
  powerindex coalitions iraq.toml --theory minimal,connected
  powerindex coalitions iraq.toml --scenario red_line --plot graph.png
"""

_POSITIONS_EXAMPLES = """\
examples:
  powerindex positions bundestag2021.toml
  powerindex positions bundestag2021.toml --graph-within 3 --format markdown
  powerindex positions europe.toml --samples 100000 --seed 1     # three dimensions
"""

_BARGAIN_EXAMPLES = """\
examples:
  powerindex bargain --quota majority A=1 B=1 C=1 D=1 E=1 --recognition equal
  powerindex bargain bundestag2021.toml --delta 0.9 --formateur
  powerindex bargain bundestag2021.toml --formateur SPD --show proposals
"""

_PORTFOLIOS_EXAMPLES = """\
examples:
  powerindex portfolios bundestag2021.toml
  powerindex portfolios bundestag2021.toml --index baron-ferejohn --delta 0.9
  powerindex portfolios cabinets.toml --fit
"""

_SWING_EXAMPLES = """\
examples:
  powerindex swing --quota 163 Iraqiya=91 SoL=89 INA=70 Kurds=57 Small=18 --yes INA=0.8
  powerindex swing --quota 163 Iraqiya=91 SoL=89 INA=70 Kurds=57 Small=18 \\
      --split Kurds=KDP+PUK:43,Gorran:8,Islamists:6
  powerindex swing bundestag2021.toml --default 0.5 --yes FDP=0.7
"""

_REPORT_EXAMPLES = """\
examples:
  powerindex report bundestag.toml                 # writes ./report/report.html and more
  powerindex report bundestag.toml -o out --narrative words.md --formateur SPD
"""

_MAIN_EXAMPLES = """\
commands:
  indices      power indices of a game (inline or from a file)
  compare      the same players across scenarios or files
  leverage     who holds power beyond their seats (the kingmaker table)
  coalitions   minimal winning, minimum size and weight, connected and range coalitions
  positions    the median party and the Shapley-Owen spatial power index
  bargain      Baron-Ferejohn bargaining: who gets what
  portfolios   the offices of a government against seats and power (Gamson's law)
  swing        how often each party's vote decides when votes are uncertain
  report       the report of a parliament from its game file (HTML, Markdown, CSV)

examples:
  powerindex indices --quota 163 91 89 70 57 18
  powerindex compare iraq.toml
  powerindex leverage iraq.toml --format markdown
  powerindex coalitions iraq.toml --scenario red_line
  powerindex positions bundestag2021.toml
  powerindex bargain bundestag2021.toml --formateur
  powerindex portfolios bundestag2021.toml
  powerindex swing iraq.toml --yes INA=0.8
  powerindex report iraq.toml -o iraq-report

Run 'powerindex COMMAND --help' for the options of a command; docs/cli.md is the guide,
docs/file-format.md the format of game files. Exit status: 0 done, 1 bad input (the
message names the file, line and field), 2 bad command line.
"""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors name the command and exit with status 2."""


def _running_options(parser):
    run = parser.add_argument_group("running")
    run.add_argument("--time-limit", type=_seconds, default=DEFAULT_TIME_LIMIT,
                     metavar="SECONDS",
                     help=f"give up after SECONDS (default {DEFAULT_TIME_LIMIT}; 0: no limit)")
    run.add_argument("--debug", action="store_true",
                     help="show the traceback of an error")


def _common_options():
    """The options of the commands that print a table: output, then running."""
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
    _running_options(common)
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
    running = argparse.ArgumentParser(add_help=False)
    _running_options(running)
    parser = _Parser(
        prog=PROG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Exact power indices for voting games: weights and quota on the command"
                    " line, or a game file with a compatibility graph, unions and scenarios.",
        epilog=_MAIN_EXAMPLES,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name, help_text, description, examples, writes_files=False):
        sub = commands.add_parser(name, parents=[running if writes_files else common],
                                  help=help_text,
                                  description=description, epilog=examples,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        sub.set_defaults(parser=sub)
        return sub

    for add in (_add_indices, _add_compare, _add_leverage, _add_coalitions, _add_positions,
                _add_bargain, _add_portfolios, _add_swing, _add_report, _add_tu):
        add(command)
    return parser


def _add_tu(command):
    sub = command("tu", "solutions of a TU game from a TU game file",
                  "Solutions of a TU game whose worths a TU game file gives (TOML or JSON:"
                  " players and a table of coalition = worth; see docs/file-format.md):"
                  " point solutions side by side, the least core and the game's properties,"
                  " or the vertices of the core.", _TU_EXAMPLES)
    sub.add_argument("file", metavar="FILE", help="the TU game file (.toml or .json)")
    sub.add_argument("--solution", default=DEFAULT_SOLUTIONS, metavar="LIST",
                     help=f"comma-separated: {', '.join(SOLUTIONS)}; or all (default:"
                          f" {DEFAULT_SOLUTIONS})")
    sub.add_argument("--core", action="store_true",
                     help="list the vertices of the core instead")
    sub.set_defaults(run=_run_tu)


def _add_report(command):
    sub = command("report", "the report of a parliament from its game file",
                  "Write the report of a parliament from one game file: report.md, a"
                  " self-contained report.html (readable on a phone), every table as CSV in"
                  " tables/ and the figures in figures/: the seats, the power indices, the"
                  " kingmaker table of every scenario, the scenarios side by side with merged"
                  " blocs traced, the formateur's partners, the coalition theories, the"
                  " sensitivity to the graph, the method and the sources.",
                  _REPORT_EXAMPLES, writes_files=True)
    sub.add_argument("file", metavar="FILE", help="the game file (.toml, .json, .csv)")
    sub.add_argument("--out", "-o", metavar="DIR", default="report",
                     help="the folder to write into (default: ./report)")
    sub.add_argument("--narrative", metavar="FILE",
                     help="your text for the report's slots: a Markdown file whose parts"
                          " start with <!-- slot: NAME --> (summary, parliament, power,"
                          " leverage, scenarios, formateur, theories, positions,"
                          " bargaining, governments, sensitivity, method, sources)")
    sub.add_argument("--formateur", metavar="PARTY",
                     help="the party asked to form a government (default: the largest)")
    sub.add_argument("--no-figures", action="store_true",
                     help="write no figures (they need matplotlib)")
    sub.add_argument("--quota", "-q", metavar="Q", help="a quota that replaces the file's")
    sub.add_argument("--input-format", choices=("toml", "json", "csv"),
                     help="the format of the file (default: its suffix)")
    sub.set_defaults(run=_run_report, output=None, format=None, decimal=False, digits=4)


def _add_indices(command):
    sub = command("indices", "power indices of a game",
                  "Power indices of a weighted game, given inline or in a game file. With a"
                  " file, the indices are those of the game restricted by its compatibility"
                  " graph; its a priori unions give the Owen and Banzhaf-Owen values.",
                  _INDICES_EXAMPLES)
    _game_options(sub, "a scenario of the game file instead of its base game")
    sub.add_argument("--index", "-i", type=_index_list, metavar="LIST",
                     help="comma-separated indices: " + ", ".join(_INDICES)
                          + "; or all (default: shapley_shubik,banzhaf)")
    large = sub.add_argument_group("large games")
    large.add_argument("--method", "-m", choices=_METHODS, default="auto",
                       help="auto (the default: exact, the fastest algorithm for the game),"
                            " generating, enumerate, backtrack, or float (Shapley-Shubik and"
                            " Banzhaf in floating point, with a proved error bound, for games"
                            " too large for exact counts)")
    large.add_argument("--samples", type=_positive_int, metavar="N",
                       help="estimate by Monte Carlo from N random orders or coalitions, with"
                            " confidence intervals (shapley_shubik, banzhaf, banzhaf_absolute,"
                            " owen); with --precision, the most to draw")
    large.add_argument("--precision", type=_positive_float, metavar="E",
                       help="estimate by Monte Carlo until every interval's half-width is at"
                            " most E")
    large.add_argument("--seed", type=_seed, metavar="S",
                       help="seed of the Monte Carlo estimate (the same seed gives the same"
                            " numbers; default: a fresh seed, printed with the table)")
    large.add_argument("--confidence", type=_fraction_below_one, default=0.95, metavar="C",
                       help="confidence level of the intervals (default 0.95)")
    sub.set_defaults(run=_run_indices, plot=None)


def _add_compare(command):
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


def _add_leverage(command):
    sub = command("leverage", "who holds power beyond their seats (kingmakers)",
                  "The kingmaker table: seats, seat share, Shapley-Shubik (Owen with unions),"
                  " Banzhaf, swings, power per seat share, membership of minimal winning"
                  " coalitions, veto and dummy players, and a one-line summary.",
                  _LEVERAGE_EXAMPLES)
    _game_options(sub, "a scenario of the game file instead of its base game")
    sub.add_argument("--plot", metavar="FILE",
                     help="draw power against seat share (PNG, or by suffix: .svg, .pdf)")
    sub.add_argument("--nucleolus", action="store_true",
                     help="add the nucleolus of the game (exact; up to 18 players)")
    sub.set_defaults(run=_run_leverage)


def _add_coalitions(command):
    sub = command("coalitions", "minimal winning and other predicted coalitions",
                  "The coalitions predicted by the classic theories: minimal winning (von"
                  " Neumann-Morgenstern), minimum size, minimum weight (Riker), with an"
                  " ideological order in the file minimal connected winning (Axelrod), and"
                  " with positions in the file minimal range (Leiserson) and, on one"
                  " dimension, closed minimal range (De Swaan). With a compatibility graph,"
                  " only feasible coalitions count.",
                  _COALITIONS_EXAMPLES)
    _game_options(sub, "a scenario of the game file instead of its base game")
    sub.add_argument("--theory", "-t", type=_theory_list, metavar="LIST",
                     help="comma-separated: " + ", ".join(_THEORIES) + "; or all (the"
                          " default; connected only with an order, the range theories only"
                          " with positions)")
    sub.add_argument("--plot", metavar="FILE",
                     help="draw the compatibility graph, node area by Shapley-Shubik power")
    sub.set_defaults(run=_run_coalitions)


def _add_positions(command):
    sub = command("positions", "the median party and spatial power",
                  "Policy positions of a game file: each party's position, the median party"
                  " on each dimension (weighted by seats; whether one party is median on"
                  " every dimension and, in two, a core party), and the Shapley-Owen spatial"
                  " power index (exact on one dimension, the angular sweep with an error"
                  " bound on two, a Monte Carlo estimate with intervals on three or more)."
                  " A party without a position is left out, and the table says so.",
                  _POSITIONS_EXAMPLES)
    _game_options(sub, "a scenario of the game file instead of its base game")
    sampling = sub.add_argument_group("sampling (three dimensions or more)")
    sampling.add_argument("--samples", type=_positive_int, metavar="N",
                          help="estimate Shapley-Owen from N random directions (default"
                               " 10000 where sampling is needed)")
    sampling.add_argument("--seed", type=_seed, metavar="S",
                          help="seed of the sampled directions")
    sampling.add_argument("--confidence", type=_fraction_below_one, default=0.95,
                          metavar="C", help="confidence level of the intervals (default"
                                            " 0.95)")
    graph = sub.add_argument_group("a compatibility graph from the positions")
    graph.add_argument("--graph-within", type=_distance, metavar="D",
                       help="join parties at most D apart, and add a column of power in the"
                            " game restricted to the cliques of that graph")
    graph.add_argument("--graph-neighbours", type=_positive_int, metavar="K",
                       help="join parties at most K steps apart on the order (one"
                            " dimension), likewise")
    sub.set_defaults(run=_run_positions)


def _add_bargain(command):
    sub = command("bargain", "Baron-Ferejohn bargaining: who gets what",
                  "The stationary equilibrium of Baron and Ferejohn's legislative bargaining"
                  " (closed rule, infinite horizon): each party's expected share of the"
                  " gains of office, what it keeps as proposer and the price of its vote;"
                  " or each proposer's offers, or whom it includes. Exact fractions where"
                  " the equilibrium is rational. With a file, the game is restricted by its"
                  " compatibility graph.", _BARGAIN_EXAMPLES)
    _game_options(sub, "a scenario of the game file instead of its base game")
    sub.add_argument("--delta", type=_discount, default=Fraction(9, 10), metavar="D",
                     help="the discount factor, in [0, 1) (default 9/10; read exactly)")
    sub.add_argument("--recognition", metavar="R", default="seats",
                     help="who proposes: seats (in proportion to seats; the default), equal,"
                          " or NAME=P,NAME=P (probabilities summing to 1)")
    sub.add_argument("--formateur", nargs="?", const="", metavar="PARTY",
                     help="a party recognised first (a formateur); without PARTY, the game"
                          " file's formateur")
    sub.add_argument("--show", choices=("payoffs", "proposals", "inclusion"),
                     default="payoffs",
                     help="payoffs (the default), proposals (each proposer's expected"
                          " offers) or inclusion (who each proposer includes)")
    sub.set_defaults(run=_run_bargain)


def _add_portfolios(command):
    sub = command("portfolios", "the offices of a government against seats and power",
                  "For a government of the game file ([[governments]]): each party's share of"
                  " the coalition's seats, of its offices (weighted by importance with"
                  " --importance) and of its power, against Gamson's law (offices in"
                  " proportion to seats); or, with --fit, the least-squares line of office"
                  " share on seat share across all the file's governments.",
                  _PORTFOLIOS_EXAMPLES)
    _game_options(sub, "a scenario of the game file instead of its base game")
    sub.add_argument("--government", "-g", metavar="NAME",
                     help="the government (needed when the file lists several)")
    sub.add_argument("--fit", action="store_true",
                     help="the least-squares line across all the file's governments")
    sub.add_argument("--index", "-i", choices=("shapley_shubik", "banzhaf", "baron-ferejohn"),
                     default="shapley_shubik",
                     help="the power to compare with (default shapley_shubik; baron-ferejohn:"
                          " the bargaining payoffs, recognition by seats)")
    sub.add_argument("--delta", type=_discount, default=Fraction(9, 10), metavar="D",
                     help="the discount factor of --index baron-ferejohn (default 9/10)")
    sub.add_argument("--importance", action="store_true",
                     help="weigh the offices by the importance the file gives them")
    sub.set_defaults(run=_run_portfolios)


def _add_swing(command):
    sub = command("swing", "how often each party's vote decides when votes are uncertain",
                  "Swing probabilities: the chance that each party's vote decides when every"
                  " party votes yes independently with its own probability (Owen's"
                  " multilinear extension; exact for exact probabilities), beside the"
                  " absolute Banzhaf index (everyone at 1/2). --split cuts a bloc into parts"
                  " that may vote apart.", _SWING_EXAMPLES)
    _game_options(sub, "a scenario of the game file instead of its base game")
    sub.add_argument("--yes", action="append", type=_named_probability, metavar="NAME=P",
                     help="the probability that NAME votes yes (repeat for several parties)")
    sub.add_argument("--default", type=_probability, default=Fraction(1, 2), metavar="P",
                     help="the probability of the parties not named (default 1/2)")
    sub.add_argument("--split", action="append", type=_split_spec,
                     metavar="NAME=PART:SEATS,...",
                     help="split a party into parts with their seats (repeat for several)")
    sub.set_defaults(run=_run_swing)
