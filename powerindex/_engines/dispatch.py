"""Choose an algorithm for what an index needs, and remember the answer (private).

Games are immutable, so what an engine computed for a game is kept on the game: asking
for Shapley-Shubik and Banzhaf of the same game enumerates its coalitions once.

``method="generating"`` covers weighted games (:mod:`generating`) and compositions of
weighted games with at most two distinct weightings besides member counts, when their
counting table stays within :data:`vector.MAX_CELLS` (:mod:`vector`); ``"auto"`` picks it
for both and enumerates every other game. ``method="float"`` (Shapley-Shubik and Banzhaf
of weighted games only) runs :mod:`floating` (Banzhaf) and :mod:`quadrature`
(Shapley-Shubik) and is never picked by ``"auto"``.
"""

from ..errors import GameTooLargeError, InvalidMethodError, InvalidTypeError
from . import backtrack, enumeration, floating, generating, quadrature, vector

#: Up to this many players, "auto" enumerates when the counting table would be larger
#: than n 2**n words and than a million words (few players with huge weights).
ENUMERATE_BELOW = 20

SWING_METHODS = ("auto", "generating", "enumerate")
#: Shapley-Shubik and Banzhaf also take ``"float"``: floating point with an error bound.
FLOAT_SWING_METHODS = (*SWING_METHODS, "float")
#: Most columns of a float table (8 bytes each; the engines hold two or three at once).
MAX_FLOAT_COLUMNS = 1 << 25
COALITION_METHODS = ("auto", "backtrack", "enumerate")


def resolve_method(game, method, allowed, index, by_size=False):
    """The algorithm to use: ``method`` checked against the game, or the default for it.

    ``by_size`` says that the index needs swings by coalition size (a larger counting
    table). A weighted game whose table would pass the engine's limit
    (:func:`generating.table_cells`) is enumerated under ``"auto"`` when it has at most
    26 players, and refused otherwise.
    """
    from ..games import Game, WeightedGame

    if not isinstance(game, Game):
        raise InvalidTypeError(
            f"{index} needs a game (WeightedGame, SimpleGame, ...), got {type(game).__name__}"
        )
    if method not in allowed:
        raise InvalidMethodError(
            f"unknown method {method!r} for {index}; choose one of {', '.join(allowed)}"
        )
    weighted = isinstance(game, WeightedGame)
    if method == "float":
        return _resolve_float(game, weighted, index, by_size)
    composed = "generating" in allowed and not weighted and _vector_table(game) is not None
    if weighted and method in ("auto", "generating") and "generating" in allowed:
        cells, limit = generating.table_cells(game._int_weights, game._int_quota, by_size)
        if (method == "auto" and game.n <= ENUMERATE_BELOW
                and cells > max(game.n << game.n, 1 << 20)):
            # Few players with huge weights: visiting the 2**n coalitions is cheaper.
            return "enumerate"
        if cells > limit:
            if method == "auto" and game.n <= enumeration.MAX_PLAYERS:
                return "enumerate"
            raise GameTooLargeError(
                f"{index} by generating functions would need a table of {cells} cells for"
                f" this game (at most {limit}): too many players with weights too large in"
                " integer units; for an estimate with a confidence interval use"
                " pi.estimate()"
                + ("" if method == "auto" else ", or method='enumerate' for up to 26 players")
            )
    if method == "auto":
        if weighted:
            return allowed[1]
        return "generating" if composed else "enumerate"
    if method == "generating" and composed:
        return method
    if method != "enumerate" and not weighted:
        if method == "generating" and vector.plan(game) is not None:
            raise InvalidMethodError(
                "method 'generating' handles compositions of weighted games with at most two"
                " distinct weightings besides member counts and a counting table of at most"
                f" {vector.MAX_CELLS} cells; this game exceeds that: use method='enumerate'"
                " or 'auto'"
            )
        needs = ("a WeightedGame or a composition of WeightedGames" if method == "generating"
                 else "a WeightedGame")
        raise InvalidMethodError(
            f"method {method!r} needs {needs}, but this is a {type(game).__name__};"
            " use method='enumerate' or 'auto'"
        )
    return method


def _resolve_float(game, weighted, index, by_size):
    if not weighted:
        raise InvalidMethodError(
            f"method 'float' needs a WeightedGame, but this is a {type(game).__name__};"
            " use method='auto' for exact values"
        )
    engine = quadrature if by_size else floating
    columns = engine.table_columns(game._int_weights, game._int_quota)
    if columns > MAX_FLOAT_COLUMNS:
        raise GameTooLargeError(
            f"{index} in floating point would need tables of {columns} columns for this"
            f" game (at most {MAX_FLOAT_COLUMNS}): weights too large in integer units;"
            " for an estimate with a confidence interval use pi.estimate()"
        )
    return "float"


def float_values(game, index):
    """``(values, bounds)`` of the float engine for ``index`` ("shapley_shubik" or
    "banzhaf_absolute"), cached on the game."""
    engine = (quadrature.shapley_shubik if index == "shapley_shubik"
              else floating.swing_probabilities)
    return _cached(game, f"float/{index}",
                   lambda: engine(game._int_weights, game._int_quota))


def _vector_table(game):
    """The counting set-up of the composite-game engine for ``game``, or None (cached)."""
    return _cached(game, "vector/table", lambda: vector.table_plan(vector.plan(game)))


def _cached(game, key, compute):
    cache = game.__dict__.setdefault("_engine_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def swings_by_size(game, method):
    """``counts[i][k]``: swings of player i at coalitions of k other players."""
    if method == "generating" and not hasattr(game, "_int_weights"):
        return _cached(game, "swings_by_size/generating",
                       lambda: vector.swings_by_size(_vector_table(game)))
    if method == "generating":
        return _cached(game, "swings_by_size/generating",
                       lambda: generating.swings_by_size(game._int_weights, game._int_quota))
    if _enumerated_without_table(game):
        return _cached(game, "swings/enumerate-chunks",
                       lambda: vector.enumerate_swings(vector.plan(game)))[0]
    return _cached(game, "swings_by_size/enumerate",
                   lambda: enumeration.swings_by_size(game._winning_table(), game.n))


def _enumerated_without_table(game):
    """Compositions of weighted games beyond the table's size are enumerated in chunks."""
    return (enumeration.MAX_PLAYERS < game.n <= vector.MAX_ENUMERATED
            and vector.plan(game) is not None)


def swing_counts(game, method):
    """``(swings per player, number of winning coalitions)``."""
    if method == "generating" and not hasattr(game, "_int_weights"):
        return _cached(game, "swings/generating",
                       lambda: vector.swing_counts(_vector_table(game)))
    if method == "generating":
        return _cached(game, "swings/generating",
                       lambda: generating.swing_counts(game._int_weights, game._int_quota))

    def by_enumeration():
        if _enumerated_without_table(game):
            counts, winning = _cached(game, "swings/enumerate-chunks",
                                      lambda: vector.enumerate_swings(vector.plan(game)))
            return [sum(row) for row in counts], winning
        table = game._winning_table()
        return enumeration.swing_counts(table, game.n), enumeration.winning_count(table)

    return _cached(game, "swings/enumerate", by_enumeration)


def minimal_winning_masks(game, method):
    """Bit masks of the minimal winning coalitions, in increasing order."""
    if method == "backtrack":
        return _cached(game, "minimal/backtrack", lambda: sorted(
            backtrack.minimal_winning_masks(game._int_weights, game._int_quota)))
    return _cached(game, "minimal/enumerate",
                   lambda: enumeration.minimal_winning_masks(game._winning_table(), game.n))


def johnston_tallies(game, method):
    """``tallies[i][c]``: winning coalitions with c critical members where i is critical."""
    if method == "backtrack":
        return _cached(game, "johnston/backtrack",
                       lambda: backtrack.johnston_tallies(game._int_weights, game._int_quota))
    return _cached(game, "johnston/enumerate",
                   lambda: enumeration.johnston_tallies(game._winning_table(), game.n))
