"""TU game files: the worth of every coalition in a table (TOML or JSON).

A TU game file names its players and gives the worths of the coalitions in a table, each
coalition written as its members joined by commas; the empty coalition is worth 0 and need
not be listed, and ``default`` gives the worth of every coalition not listed::

    # the glove game: one left glove, two right ones; a pair sells for 1
    title = "Gloves"
    players = ["L", "R1", "R2"]
    default = 0

    [worths]
    "L,R1" = 1
    "L,R2" = 1
    "L,R1,R2" = 1

JSON holds the same keys (``{"players": [...], "worths": {"L,R1": 1, ...}}``). Worths are
integers, decimals (read as written: ``0.1`` is 1/10) or fractions written as strings
(``"2/3"``).
"""

import os
import re
from fractions import Fraction

from ..errors import GameFileError, InvalidTypeError, PowerIndexError
from ..tu.game import TUGame
from .parsing import Source, _parse_json, _parse_toml, decode, key_anchor

__all__ = ["read_tu_game", "loads_tu_game"]

_FRACTION = re.compile(r"^\s*-?\d+\s*/\s*\d+\s*$")


def _fail(src, reason, field=None, key=None):
    """Raise GameFileError at the line of ``key`` (the game files' own line finding)."""
    src.fail(reason, field, anchors=() if key is None else (key_anchor(key),))


def _worth(src, key, value):
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        _fail(src, f"the worth of coalition {key!r} must be a number, got {value!r}",
              "worths", key)
    if isinstance(value, str):
        if not _FRACTION.match(value):
            _fail(src, f"the worth of coalition {key!r} must be a number or a fraction such"
                  f" as \"2/3\", got {value!r}", "worths", key)
        numerator, denominator = (int(part) for part in value.split("/"))
        if denominator == 0:
            _fail(src, f"the worth of coalition {key!r} divides by zero", "worths", key)
        return Fraction(numerator, denominator)
    return value


def _parse(src):
    # the game files' parsers: duplicate keys, NaN and syntax errors named with their line
    data = _parse_json(src) if src.format == "json" else _parse_toml(src)
    if not isinstance(data, dict):
        _fail(src, "a TU game file is a table with 'players' and 'worths'")
    unknown = sorted(set(data) - {"title", "players", "worths", "default"})
    if unknown:
        _fail(src, f"unknown key {unknown[0]!r}; a TU game file has title, players, worths"
              " and default", unknown[0], unknown[0])
    players = data.get("players")
    if not isinstance(players, list) or not players or \
            not all(isinstance(p, str) and p for p in players):
        _fail(src, "'players' must be a non-empty list of names", "players", "players")
    for name in players:
        if "," in name:
            _fail(src, f"the player name {name!r} holds a comma, which separates the members"
                  " of a coalition", "players", "players")
    worths = data.get("worths")
    if not isinstance(worths, dict):
        _fail(src, "'worths' must be a table of coalition = worth", "worths", "worths")
    mapping = {}
    for key, value in worths.items():
        members = tuple(part.strip() for part in key.split(","))
        for member in members:
            if member not in players:
                _fail(src, f"coalition {key!r} names {member!r}, which is not a player;"
                      f" players are {players}", "worths", key)
        mapping[members] = _worth(src, key, value)
    default = data.get("default")
    if default is not None:
        default = _worth(src, "default", default)
    return data.get("title"), players, mapping, default


def loads_tu_game(text, format="toml", *, path=None):  # noqa: A002 - as json.loads
    """A TU game from the text of a TU game file.

    Parameters
    ----------
    text : str
    format : {"toml", "json"}, optional
    path : str, optional
        The file's name, for error messages.

    Returns
    -------
    TUGame

    Raises
    ------
    GameFileError
        The text is not valid TOML or JSON, or a field is wrong: the message names the
        file, the line and the field (a coalition naming someone who is not a player, a
        worth that is not a number, a coalition given twice with two worths, a missing
        coalition without ``default``).

    Examples
    --------
    >>> import powerindex as pi
    >>> game = pi.loads_tu_game('''
    ... players = ["A", "B"]
    ... [worths]
    ... "A" = 1
    ... "B" = 0
    ... "A,B" = "7/2"
    ... ''')
    >>> game.value({"A", "B"}), pi.shapley_value(game)["A"]
    (Fraction(7, 2), Fraction(9, 4))
    """
    if format not in ("toml", "json"):
        raise InvalidTypeError(f"a TU game file is TOML or JSON, not {format!r}")
    src = Source(text, path, format)
    _, players, mapping, default = _parse(src)
    try:
        return TUGame(players, mapping, default=default)
    except PowerIndexError as exc:
        raise GameFileError(str(exc), path, None, "worths") from None


def read_tu_game(path):
    """Read a TU game file (``.toml`` or ``.json``); see :func:`loads_tu_game`.

    Parameters
    ----------
    path : str or os.PathLike

    Returns
    -------
    TUGame

    Raises
    ------
    GameFileError
        The file cannot be read, or its content is wrong (file, line and field named).
    """
    suffix = os.path.splitext(str(path))[1].lower()
    fmt = "json" if suffix == ".json" else "toml"
    try:
        with open(path, "rb") as handle:
            content = handle.read()
    except OSError as exc:
        raise GameFileError(f"cannot read the file: {exc.strerror}", path) from None
    # decoded as game files are: UTF-8 (a byte that is not names its line), no byte order mark
    return loads_tu_game(decode(content, str(path)), fmt, path=str(path))
