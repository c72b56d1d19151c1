"""Choose an algorithm for what an index needs, and remember the answer (private).

Games are immutable, so what an engine computed for a game is kept on the game: asking
for Shapley-Shubik and Banzhaf of the same game enumerates its coalitions once.
"""

from ..errors import InvalidMethodError, InvalidTypeError
from . import backtrack, enumeration, generating

SWING_METHODS = ("auto", "generating", "enumerate")
COALITION_METHODS = ("auto", "backtrack", "enumerate")


def resolve_method(game, method, allowed, index):
    """The algorithm to use: ``method`` checked against the game, or the default for it."""
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
    if method == "auto":
        return allowed[1] if weighted else "enumerate"
    if method != "enumerate" and not weighted:
        raise InvalidMethodError(
            f"method {method!r} needs a WeightedGame, but this is a {type(game).__name__};"
            " use method='enumerate' or 'auto'"
        )
    return method


def _cached(game, key, compute):
    cache = game.__dict__.setdefault("_engine_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def swings_by_size(game, method):
    """``counts[i][k]``: swings of player i at coalitions of k other players."""
    if method == "generating":
        return _cached(game, "swings_by_size/generating",
                       lambda: generating.swings_by_size(game._int_weights, game._int_quota))
    return _cached(game, "swings_by_size/enumerate",
                   lambda: enumeration.swings_by_size(game._winning_table(), game.n))


def swing_counts(game, method):
    """``(swings per player, number of winning coalitions)``."""
    if method == "generating":
        return _cached(game, "swings/generating",
                       lambda: generating.swing_counts(game._int_weights, game._int_quota))

    def by_enumeration():
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
