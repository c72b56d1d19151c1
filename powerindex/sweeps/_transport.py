"""What travels between the caller and the workers of a sweep (private).

Tasks and results travel pickled, also to an executor in the calling process, so that a
sweep gives the same results on any executor. Games pickle without what they computed for
themselves; a result comes back without its game (the caller attaches its own); an
exception comes back with the worker's traceback as text.
"""

import pickle
import traceback

from ..errors import InvalidTypeError
from ..games.base import Game
from ..games.simple import SimpleGame
from ..indices.results import PowerIndexResult
from ..politics.leverage import Scenario

__all__ = ["dumps", "unpicklable_game", "IndexValues", "Failure", "RemoteTraceback",
           "run_chunk"]


def dumps(obj):
    """Pickle ``obj`` (games pickle without their caches)."""
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def unpicklable_game(game):
    """Why a game cannot be pickled, and what to do instead (None if nothing is known)."""
    rule = getattr(game, "_rule", None) if isinstance(game, SimpleGame) else None
    if rule is not None:
        return (f"its winning rule {rule!r} is a lambda or a local function; define the"
                " rule with def at the top level of a module, or give the list of minimal"
                " winning coalitions instead of a rule")
    parts = [getattr(game, "base_game", None), *getattr(game, "components", ())]
    for part in parts:
        reason = unpicklable_game(part) if isinstance(part, Game) else None
        if reason is not None:
            return f"a game it is built on cannot: {reason}"
    return None


# -- the worker --------------------------------------------------------------------------------
class IndexValues:
    """A PowerIndexResult on its way back, without its game (the caller has it)."""

    __slots__ = ("index", "values", "method")

    def __init__(self, index, values, method):
        self.index, self.values, self.method = index, values, method

    def __reduce__(self):
        return IndexValues, (self.index, self.values, self.method)


class RemoteTraceback(Exception):
    def __str__(self):
        return self.args[0]


class Failure:
    """An exception raised by a task, with the worker's traceback as text."""

    def __init__(self, exception, trace):
        self.exception, self.trace = exception, trace

    def __reduce__(self):
        return Failure, (self.exception, self.trace)

    @classmethod
    def of(cls, exception):
        trace = "".join(traceback.format_exception(type(exception), exception,
                                                   exception.__traceback__))
        try:
            pickle.loads(pickle.dumps(exception))
        except Exception:
            exception = RuntimeError(f"{type(exception).__name__}: {exception}")
        return cls(exception, trace)


def _apply(function, value):
    if isinstance(value, Scenario):
        game = value.effective_game
        result = function(game) if value.unions is None else function(game, value.unions)
    else:
        game = value
        result = function(game)
    if isinstance(result, PowerIndexResult) and result.game is game:
        return IndexValues(result.index, result.to_dict(), result.method)
    return result


def run_chunk(payload):
    """Run one chunk in a worker: pickled ``(function, values)`` in, pickled outcomes out.

    The chunk stops at its first failure: the caller reports the first failing scenario.
    """
    function, values = pickle.loads(payload)
    outcomes = []
    for value in values:
        try:
            outcomes.append(_apply(function, value))
        except Exception as exc:
            outcomes.append(Failure.of(exc))
            break
    try:
        return dumps(outcomes)
    except Exception:
        checked = []
        for outcome in outcomes:
            try:
                dumps(outcome)
            except Exception as exc:
                outcome = Failure.of(InvalidTypeError(
                    f"the result ({type(outcome).__name__}) cannot be pickled to be sent back:"
                    f" {exc}; return plain values (dicts, Fractions, Tables) from the function"))
            checked.append(outcome)
        return dumps(checked)
