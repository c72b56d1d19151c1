"""From the command line's arguments to a game or a game file (private)."""

import argparse
import math
import os
import sys
from fractions import Fraction
from pathlib import Path

from .._numbers import lcm_of_denominators
from ..errors import PowerIndexError
from ..games.weighted import WeightedGame
from ..politics.leverage import Scenario
from ..readwrite import FORMATS, MAX_TOTAL_WEIGHT, read_game
from ..readwrite._text import number_from_text, quota_from_text
from ._common import _INDICES, _THEORIES, _InputError, _short, _UsageError


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


def _positive_int(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {_short(text)}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value}")
    return value


def _seed(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {_short(text)}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a seed >= 0, got {value}")
    return value


def _positive_float(text):
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {_short(text)}") from None
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"expected a positive number, got {_short(text)}")
    return value


def _fraction_below_one(text):
    value = _positive_float(text)
    if value >= 1:
        raise argparse.ArgumentTypeError(f"expected a number between 0 and 1, got {text}")
    return value


def _probability(text):
    """argparse type of a probability: an exact number in [0, 1] (0.8 is 4/5)."""
    try:
        value = Fraction(text.strip())
    except (ValueError, ZeroDivisionError):
        raise argparse.ArgumentTypeError(f"expected a probability (0.8, 4/5), got"
                                         f" {_short(text)}") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"a probability is between 0 and 1, got {text}")
    return value


def _discount(text):
    """argparse type of --delta: an exact discount factor in [0, 1)."""
    value = _probability(text)
    if value == 1:
        raise argparse.ArgumentTypeError("the discount factor must be below 1 (the model"
                                         " needs impatience), got 1")
    return value


def _distance(text):
    """argparse type of --graph-within: an exact distance >= 0."""
    try:
        value = Fraction(text.strip())
    except (ValueError, ZeroDivisionError):
        raise argparse.ArgumentTypeError(f"expected a distance, got {_short(text)}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"a distance is at least 0, got {text}")
    return value


def _named_probability(text):
    """argparse type of --yes: ``NAME=P``."""
    name, equals, value = text.rpartition("=")
    if not equals or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=P (Kurds=0.8), got {_short(text)}")
    return name.strip(), _probability(value)


def _split_spec(text):
    """argparse type of --split: ``NAME=PART:SEATS,PART:SEATS``."""
    name, equals, rest = text.partition("=")
    parts = {}
    for item in rest.split(",") if equals else ():
        part, colon, seats = item.rpartition(":")
        try:
            parts[part.strip()] = Fraction(seats.strip())
        except (ValueError, ZeroDivisionError):
            parts = None
            break
        if not colon or not part.strip():
            parts = None
            break
    if not equals or not name.strip() or not parts:
        raise argparse.ArgumentTypeError(
            f"expected NAME=PART:SEATS,PART:SEATS (Kurds=loyal:46,rebels:11), got"
            f" {_short(text, 60)}")
    return name.strip(), {p: int(s) if s.denominator == 1 else s for p, s in parts.items()}


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
        value = number_from_text(number)
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


def _inline_game(items, quota_text, names_text, sampling=False):
    """The WeightedGame of ``--quota Q w1 w2 ...`` (or ``NAME=SEATS`` items); the limit on
    the total integer weight does not apply to a Monte Carlo estimate (``sampling``)."""
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
    if total > MAX_TOTAL_WEIGHT and not sampling:
        digits = len(str(int(total)))
        shown = str(int(total)) if digits <= 30 else f"a number of {digits} digits"
        raise _InputError(
            f"the weights are too large or too finely divided: scaled to whole numbers they"
            f" total {shown}, above the limit of {MAX_TOTAL_WEIGHT} that exact computation"
            " allows (the same limit as for game files): type them with fewer decimals, or"
            " ask for a Monte Carlo estimate (--samples N or --precision E), which has no"
            " such limit"
        )
    # Whole weights as ints, so that the game prints [163; 91, 89] and not Fractions.
    weights = [int(w) if w.denominator == 1 else w for w in weights]
    return WeightedGame(weights, quota, names)


def _quota(text):
    try:
        return quota_from_text(text)
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
        if not getattr(args, "game", None) and _looks_like_weight(path):
            raise _UsageError(f"{_short(path)} is a weight, but this command compares game"
                              " files (.toml, .json, .csv); for a game typed in as weights use"
                              " 'powerindex indices' or 'powerindex leverage'")
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
    sampling = (getattr(args, "samples", None) is not None
                or getattr(args, "precision", None) is not None)
    return _Source(Scenario(_inline_game(items, args.quota, args.names, sampling)), "game")


def _order(source):
    """The file's ideological order, if it fits the players of the chosen scenario."""
    if source.spec is None or source.spec.order is None:
        return None
    order = source.spec.order
    return order if sorted(order) == sorted(source.scenario.game.players) else None
