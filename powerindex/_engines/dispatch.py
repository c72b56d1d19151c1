"""Choose an algorithm for what an index needs, and remember the answer (private).

The dispatcher sees a game only through its counting plan (:mod:`plans`):
``game.counting_plan()`` is a :class:`~plans.WeightThreshold`, a
:class:`~plans.Composition` or a :class:`~plans.WinningRule`. What an engine computed is
kept in the plan's cache, so asking for Shapley-Shubik and Banzhaf of the same game
counts its coalitions once.

``method="generating"`` covers weight thresholds (:mod:`generating`) and compositions of
thresholds with at most two distinct weightings besides member counts, when their
counting table stays within :data:`vector.MAX_CELLS` (:mod:`vector`); ``"auto"`` picks it
for both and enumerates every other game. ``method="float"`` (Shapley-Shubik and Banzhaf
of weighted games only) runs :mod:`floating` (Banzhaf) and :mod:`quadrature`
(Shapley-Shubik) and is never picked by ``"auto"``.
"""

from importlib import import_module

from ..errors import GameTooLargeError, InvalidMethodError
from . import enumeration, generating
from .plans import Composition, WeightThreshold

#: Up to this many players, "auto" enumerates when the counting table would be larger
#: than n 2**n words and than a million words (few players with huge weights).
ENUMERATE_BELOW = 20

SWING_METHODS = ("auto", "generating", "enumerate")
#: Shapley-Shubik and Banzhaf also take ``"float"``: floating point with an error bound.
FLOAT_SWING_METHODS = (*SWING_METHODS, "float")
#: Most columns of a float table (8 bytes each; the engines hold two or three at once).
MAX_FLOAT_COLUMNS = 1 << 25
COALITION_METHODS = ("auto", "backtrack", "enumerate")
#: The probability of being decisive (Owen's multilinear extension).
MULTILINEAR_METHODS = ("auto", "generating", "enumerate")


class _OnFirstUse:
    """An engine used less often (compositions, floats, backtracking), imported when one
    of its names is first asked for: every ``import powerindex`` would pay for it
    otherwise."""

    def __init__(self, name):
        self._name = name

    def __getattr__(self, attribute):
        return getattr(import_module(f".{self._name}", __package__), attribute)


backtrack = _OnFirstUse("backtrack")
floating = _OnFirstUse("floating")
multilinear = _OnFirstUse("multilinear")
quadrature = _OnFirstUse("quadrature")
vector = _OnFirstUse("vector")


def _cached(plan, key, compute):
    if key not in plan.cache:
        plan.cache[key] = compute()
    return plan.cache[key]


def _kind(game):
    return type(game).__name__


def resolve_method(game, method, allowed, index, by_size=False):
    """The algorithm to use: ``method`` checked against the game, or the default for it.

    ``by_size`` says that the index needs swings by coalition size (a larger counting
    table). A weighted game whose table would pass the engine's limit
    (:func:`generating.table_cells`) is enumerated under ``"auto"`` when it has at most
    26 players, and refused otherwise.
    """
    if not isinstance(method, str) or method not in allowed:
        raise InvalidMethodError(
            f"unknown method {method!r} for {index}; choose one of {', '.join(allowed)}"
        )
    plan = game.counting_plan()
    weighted = isinstance(plan, WeightThreshold)
    if method == "float":
        return _resolve_float(game, plan, weighted, index, by_size)
    if weighted and method in ("auto", "generating") and "generating" in allowed:
        cells, limit = generating.table_cells(plan.weights, plan.quota, by_size)
        if (method == "auto" and plan.n <= ENUMERATE_BELOW
                and cells > max(plan.n << plan.n, 1 << 20)):
            # Few players with huge weights: visiting the 2**n coalitions is cheaper.
            return "enumerate"
        if cells > limit:
            if method == "auto" and plan.n <= enumeration.MAX_PLAYERS:
                return "enumerate"
            raise GameTooLargeError(
                f"{index} by generating functions would need a table of {cells} cells"
                f" ({_gib(cells)} GiB) for this game, more than the {limit} ({_gib(limit)}"
                " GiB, half the memory available now) it may take: too many players with"
                " weights too large in integer units" + _estimate_advice(index, "; ")
                + ("" if method == "auto" else "; use method='enumerate' for up to 26 players")
            )
    composed = "generating" in allowed and not weighted and _vector_table(plan) is not None
    if method == "auto":
        if weighted:
            return allowed[1]
        return "generating" if composed else "enumerate"
    if method == "generating" and composed:
        return method
    if method != "enumerate" and not weighted:
        _refuse(game, plan, method)
    return method


#: The indices :func:`powerindex.estimate` samples (the swing counts behind
#: "banzhaf" are its "banzhaf_absolute").
ESTIMATED = ("shapley_shubik", "banzhaf", "banzhaf_absolute", "swings")


def _gib(words):
    return f"{words * 8 / 2**30:.1f}"


def _estimate_advice(index, joint):
    """Point to pi.estimate() for an index it samples, and only then."""
    if index not in ESTIMATED:
        return ""
    return f"{joint} for an estimate with a confidence interval use pi.estimate()"


def _refuse(game, plan, method):
    """A method that needs weights, asked of a game without them."""
    if (method == "generating" and isinstance(plan, Composition)
            and vector.plan(plan) is not None):
        raise InvalidMethodError(
            "method 'generating' handles compositions of weighted games with at most two"
            " distinct weightings besides member counts and a counting table of at most"
            f" {vector.MAX_CELLS} cells; this game exceeds that: use method='enumerate'"
            " or 'auto'"
        )
    needs = ("a WeightedGame or a composition of WeightedGames" if method == "generating"
             else "a WeightedGame")
    raise InvalidMethodError(
        f"method {method!r} needs {needs}, but this is a {_kind(game)};"
        " use method='enumerate' or 'auto'"
    )


def _resolve_float(game, plan, weighted, index, by_size):
    if not weighted:
        raise InvalidMethodError(
            f"method 'float' needs a WeightedGame, but this is a {_kind(game)};"
            " use method='auto' for exact values"
        )
    engine = quadrature if by_size else floating
    columns = engine.table_columns(plan.weights, plan.quota)
    if columns > MAX_FLOAT_COLUMNS:
        raise GameTooLargeError(
            f"{index} in floating point would need tables of {columns} columns for this"
            f" game (at most {MAX_FLOAT_COLUMNS}): weights too large in integer units (weights"
            " given with many decimals, such as shares computed in floats, are exact"
            " fractions with a huge common denominator); round them to a stated resolution"
            " with game.rounded(resolution)" + _estimate_advice(index, ", or")
        )
    return "float"


def float_values(game, index, step=None):
    """``(values, bounds)`` of the float engine for ``index`` ("shapley_shubik" or
    "banzhaf_absolute"); ``step(done, total)`` follows a computation (not a cached
    result)."""
    plan = game.counting_plan()
    engine = (quadrature.shapley_shubik if index == "shapley_shubik"
              else floating.swing_probabilities)
    return _cached(plan, f"float/{index}", lambda: engine(plan.weights, plan.quota, step))


def _vector_table(plan):
    """The counting set-up of the composite-game engine, or None."""
    if not isinstance(plan, Composition):
        return None
    return _cached(plan, "vector/table", lambda: vector.table_plan(vector.plan(plan)))


def _enumerated_without_table(plan):
    """Compositions of weighted games beyond the table's size are enumerated in chunks."""
    return (isinstance(plan, Composition)
            and enumeration.MAX_PLAYERS < plan.n <= vector.MAX_ENUMERATED
            and vector.plan(plan) is not None)


def _chunked_swings(plan):
    return _cached(plan, "swings/enumerate-chunks",
                   lambda: vector.enumerate_swings(vector.plan(plan)))


def winning_table(game):
    """The game's winning table (read-only, built once): see ``CountingPlan``."""
    return game.counting_plan().winning_table()


def swings_by_size(game, method):
    """``counts[i][k]``: swings of player i at coalitions of k other players."""
    plan = game.counting_plan()
    if method == "generating" and isinstance(plan, WeightThreshold):
        return _cached(plan, "swings_by_size/generating",
                       lambda: generating.swings_by_size(plan.weights, plan.quota))
    if method == "generating":
        return _cached(plan, "swings_by_size/generating",
                       lambda: vector.swings_by_size(_vector_table(plan)))
    if _enumerated_without_table(plan):
        return _chunked_swings(plan)[0]
    return _cached(plan, "swings_by_size/enumerate",
                   lambda: enumeration.swings_by_size(plan.winning_table(), plan.n))


def swing_counts(game, method):
    """``(swings per player, number of winning coalitions)``."""
    plan = game.counting_plan()
    if method == "generating" and isinstance(plan, WeightThreshold):
        return _cached(plan, "swings/generating",
                       lambda: generating.swing_counts(plan.weights, plan.quota))
    if method == "generating":
        return _cached(plan, "swings/generating",
                       lambda: vector.swing_counts(_vector_table(plan)))

    def by_enumeration():
        if _enumerated_without_table(plan):
            counts, winning = _chunked_swings(plan)
            return [sum(row) for row in counts], winning
        table = plan.winning_table()
        return enumeration.swing_counts(table, plan.n), enumeration.winning_count(table)

    return _cached(plan, "swings/enumerate", by_enumeration)


def minimal_winning_masks(game, method):
    """Bit masks of the minimal winning coalitions, in increasing order."""
    plan = game.counting_plan()
    if method == "backtrack":
        return _cached(plan, "minimal/backtrack", lambda: sorted(
            backtrack.minimal_winning_masks(plan.weights, plan.quota)))
    return _cached(plan, "minimal/enumerate",
                   lambda: enumeration.minimal_winning_masks(plan.winning_table(), plan.n))


def johnston_tallies(game, method):
    """``tallies[i][c]``: winning coalitions with c critical members where i is critical."""
    plan = game.counting_plan()
    if method == "backtrack":
        return _cached(plan, "johnston/backtrack",
                       lambda: backtrack.johnston_tallies(plan.weights, plan.quota))
    return _cached(plan, "johnston/enumerate",
                   lambda: enumeration.johnston_tallies(plan.winning_table(), plan.n))


def resolve_multilinear(game, method, index):
    """The algorithm for the probabilities of being decisive: generating functions for a
    weighted game whose table fits, else enumeration of up to 26 players."""
    if not isinstance(method, str) or method not in MULTILINEAR_METHODS:
        raise InvalidMethodError(
            f"unknown method {method!r} for {index}; choose one of"
            f" {', '.join(MULTILINEAR_METHODS)}"
        )
    plan = game.counting_plan()
    weighted = isinstance(plan, WeightThreshold)
    if method == "enumerate":
        return method
    if not weighted:
        if method == "generating":
            raise InvalidMethodError(
                f"method 'generating' for {index} needs a WeightedGame, but this is a"
                f" {_kind(game)}; use method='enumerate' or 'auto'"
            )
        return "enumerate"
    cells = multilinear.table_cells(plan.weights, plan.quota)
    if cells > multilinear.MAX_CELLS:
        if method == "auto" and plan.n <= enumeration.MAX_PLAYERS:
            return "enumerate"
        raise GameTooLargeError(
            f"{index} by generating functions would need a table of {cells} big integers"
            f" for this game (at most {multilinear.MAX_CELLS}): weights too large in"
            " integer units"
            + ("" if method == "auto" else "; method='enumerate' takes up to 26 players")
        )
    return "generating"


def decisive_probabilities(game, probabilities, method):
    """Per player, the probability (Fraction) that its vote decides when player j votes
    yes with probability ``probabilities[j]`` (Fractions, in player order)."""
    plan = game.counting_plan()
    if method == "generating":
        return multilinear.decisive_weighted(plan.weights, plan.quota, probabilities)
    return multilinear.decisive_enumerated(plan.winning_table(), plan.n, probabilities)
