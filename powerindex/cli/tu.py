"""The ``tu`` command: solutions of a TU game read from a TU game file (private)."""

from ..errors import PowerIndexError
from ..present.tables import Table
from ..readwrite.tu_file import read_tu_game
from ..tu import (
    core_vertices,
    is_convex,
    is_superadditive,
    least_core,
    nucleolus,
    prenucleolus,
    shapley_value,
    tau_value,
)
from ..tu.values import banzhaf_value
from ._common import _UsageError

#: name -> (column heading, function of the game returning a result)
SOLUTIONS = {
    "shapley": ("Shapley", shapley_value),
    "banzhaf": ("Banzhaf", banzhaf_value),
    "nucleolus": ("nucleolus", nucleolus),
    "prenucleolus": ("prenucleolus", prenucleolus),
    "tau": ("tau value", tau_value),
    "least_core": ("least core point", lambda game: least_core(game).point),
}
DEFAULT_SOLUTIONS = "shapley,nucleolus,tau"
#: Above this, the command does not check superadditivity (3**n pairs of coalitions).
PROPERTIES_MAX_PLAYERS = 15


def _solutions(text):
    names = [name.strip() for name in text.split(",") if name.strip()]
    if names == ["all"]:
        return list(SOLUTIONS)
    unknown = [name for name in names if name not in SOLUTIONS]
    if unknown or not names:
        raise _UsageError(
            (f"unknown solution {unknown[0]!r}" if unknown else "no solution named")
            + f"; choose from {', '.join(SOLUTIONS)} or all"
        )
    return names


def _run_tu(args):
    game = read_tu_game(args.file)
    names = _solutions(args.solution)
    if args.core:
        vertices = core_vertices(game, max_players=max(game.n, 1))
        rows = [[k + 1, *vertex.values()] for k, vertex in enumerate(vertices)]
        notes = [] if rows else ["The core is empty."]
        return Table(["vertex", *game.players], rows, title=f"Core vertices of {args.file}",
                     notes=notes), None
    columns, notes = [], []
    for name in names:
        heading, function = SOLUTIONS[name]
        try:
            columns.append((heading, function(game)))
        except PowerIndexError as exc:  # e.g. no tau value: say why, keep the others
            notes.append(f"{heading}: {exc}")
    rows = [[player, *(result[player] for _, result in columns)] for player in game.players]
    try:
        epsilon = least_core(game).epsilon  # at most 0 exactly when the game is balanced
        notes.append(f"Least core: epsilon = {epsilon} (the core is "
                     f"{'not empty' if epsilon <= 0 else 'empty'}).")
    except PowerIndexError as exc:
        notes.append(f"Least core: {exc}")
    if game.n <= PROPERTIES_MAX_PLAYERS:
        notes.append(f"The game is {'' if is_superadditive(game) else 'not '}superadditive"
                     f" and {'' if is_convex(game) else 'not '}convex.")
    else:
        notes.append(f"Superadditivity and convexity are checked up to"
                     f" {PROPERTIES_MAX_PLAYERS} players (3**n pairs of coalitions).")
    return Table(["player", *(heading for heading, _ in columns)], rows,
                 title=f"Solutions of {args.file}", notes=notes), None
