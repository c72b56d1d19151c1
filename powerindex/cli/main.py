"""The ``powerindex`` command: indices, scenario comparisons, kingmaker tables and coalitions.

A thin layer over the library: every number comes from the functions of
:mod:`powerindex` (:func:`~powerindex.shapley_shubik`, :func:`~powerindex.leverage`,
:func:`~powerindex.compare`, :func:`~powerindex.coalition_theories` ...), every game file is
read by :func:`~powerindex.read_game`, every table is rendered by
:class:`~powerindex.Table`. The commands:

* ``powerindex indices`` -- power indices of a game given inline
  (``--quota 163 91 89 70 57 18``, names by ``--names`` or ``NAME=SEATS``) or in a game
  file (TOML, JSON, CSV), under the file's compatibility graph;
* ``powerindex compare`` -- the base game of a file and its scenarios side by side, or the
  games of several files;
* ``powerindex leverage`` -- the kingmaker table (power against seats);
* ``powerindex coalitions`` -- the minimal winning, minimum size, minimum weight,
  minimal connected winning and (with positions) minimal range and closed minimal range
  coalitions (feasible ones, under the file's graph);
* ``powerindex positions``, ``bargain``, ``portfolios``, ``swing`` -- the median party and
  the Shapley-Owen index, Baron-Ferejohn payoffs, a government's offices against seats and
  power, swing probabilities with uncertain votes (:mod:`powerindex.cli.politics`);
* ``powerindex report`` -- the whole report of a parliament from its game file.

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

import contextlib
import os
import re
import sys
import traceback
import warnings

from ..errors import PowerIndexError
from ._common import PROG, _GaveUp, _InputError, _UsageError, _write
from .commands import _finish, _output_format, _render
from .parser import _parser
from .watchdog import _watchdog

__all__ = ["main"]

#: Rows of a text table printed on standard output; a file gets every row.
TERMINAL_ROWS = 200

# The library's errors speak to Python users; on the command line the same advice names
# the command's options.
_FOR_THE_COMMAND_LINE = (
    ("pi.estimate()", "--samples N or --precision E (a Monte Carlo estimate)"),
    ("method='enumerate'", "--method enumerate"),
    ("method='float'", "--method float"),
    ("method='auto'", "--method auto"),
    ("method='generating'", "--method generating"),
    ("pass a larger samples= as the cap", "give a larger --samples as the cap"),
    ("raise max_players= to try more", "use the library for more"),
    ("round them to a stated resolution with game.rounded(resolution)",
     "type them with fewer decimals"),
)
_UNKNOWN_METHOD = re.compile(r"unknown method '(\w+)' for (\w+); choose one of")


def _for_the_command_line(message):
    for python, option in _FOR_THE_COMMAND_LINE:
        message = message.replace(python, option)
    return _UNKNOWN_METHOD.sub(r"--method \1 does not apply to \2; for it choose one of",
                               message)


def _error(message):
    _write(sys.stderr, f"{PROG}: error: {_for_the_command_line(message)}\n")


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
        _execute(args)
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


def _execute(args):
    """Compute the command's table under the watchdog, then write it (and its figure)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            with _watchdog(args.time_limit):
                table, figure = args.run(args)
                rows = None if args.output is not None else TERMINAL_ROWS
                text = _render(_finish(table, args), _output_format(args), max_rows=rows)
        finally:
            for message in dict.fromkeys(str(w.message) for w in caught):
                _write(sys.stderr, f"{PROG}: warning: {_for_the_command_line(message)}\n")
    if figure is not None:
        _save_figure(figure, args.plot)
    if args.output is None:
        _write(sys.stdout, text)
        return
    try:
        with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as exc:
        raise _InputError(f"cannot write {args.output}: {exc.strerror or exc}") from None


def _save_figure(figure, path):
    from ..present import plot

    try:
        plot.save(figure, path)
    except OSError as exc:
        raise _InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    except ValueError as exc:  # matplotlib: an unknown image format
        raise _InputError(f"cannot write {path}: {exc}") from None
