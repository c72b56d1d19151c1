"""Game files: a parliament, its quota, who can sit with whom, and scenarios, in TOML, JSON
or CSV.

:func:`read_game` turns a game file into a :class:`GameSpec` (:mod:`.reading`, with the
parsers and line finding of :mod:`.parsing`); :func:`write_game` writes one back
(:mod:`.writing`), so that a game written out and read back is the same game;
:func:`loads` and :func:`dumps` do the same with text. Scenarios are
:class:`ScenarioChanges` applied to the base game (:mod:`.scenarios`). The format is
documented in ``docs/file-format.md``. TU game files (a worth for every coalition) are
read by :func:`read_tu_game` (:mod:`.tu_file`).
"""

from ._text import FORMATS, MAX_TOTAL_WEIGHT
from .reading import loads, read_game
from .scenarios import ScenarioChanges
from .spec import GameSpec
from .tu_file import loads_tu_game, read_tu_game
from .writing import dumps, write_game

__all__ = ["GameSpec", "ScenarioChanges", "read_game", "write_game", "loads", "dumps",
           "FORMATS", "MAX_TOTAL_WEIGHT", "read_tu_game", "loads_tu_game"]
