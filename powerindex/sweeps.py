"""Scenario sweeps: one index over thousands of independent games, on any executor.

An analyst rarely asks about one game. Every merger of two blocs, every shift of a few
seats that an election's uncertainty allows, every compatibility graph on a handful of
disputed edges: each is a game of its own, and a sweep computes the same index on all of
them. The games are independent, so the work spreads over processes or machines.

* :func:`pairwise_mergers`, :func:`seat_shifts` and :func:`graph_variants` generate the
  scenarios: an ordered ``dict`` from scenario name to game (or to
  :class:`~powerindex.Scenario`, a game with a compatibility graph).
* :func:`sweep` maps a function (an index such as :func:`~powerindex.shapley_shubik`) over
  such a mapping with any :class:`concurrent.futures.Executor` -- a process pool by
  default, a Dask cluster's ``Client.get_executor()`` to go beyond one machine -- and
  returns the results in the order of the scenarios.
* :func:`sweep_table` gives one player's value in every scenario as a
  :class:`~powerindex.Table`.

Results are exact and the same whatever the executor: every task travels pickled, also
to an executor running in the calling process, and results come back attached to the
caller's own games.

Examples
--------
>>> from concurrent.futures import ThreadPoolExecutor
>>> import powerindex as pi
>>> from powerindex.sweeps import pairwise_mergers, sweep
>>> iraq = pi.WeightedGame([91, 89, 70, 57, 18], 163,
...                        players=["Iraqiya", "SoL", "INA", "Kurds", "Small"])
>>> mergers = pairwise_mergers(iraq)
>>> len(mergers), mergers["SoL+INA"]
(10, <WeightedGame [163; 91, 159, 57, 18]>)
>>> with ThreadPoolExecutor(2) as pool:
...     power = sweep(mergers, pi.shapley_shubik, executor=pool)
>>> power["SoL+INA"]["Kurds"]
Fraction(1, 6)
"""

import inspect
import io
import os
import pickle
import sys
import traceback
from collections.abc import Mapping
from concurrent.futures import Executor, ProcessPoolExecutor
from fractions import Fraction
from itertools import combinations
from math import ceil

from .errors import (
    GraphError,
    InvalidPlayerError,
    InvalidTypeError,
    PowerIndexError,
    SweepError,
    UnknownPlayerError,
)
from .games import Game, SimpleGame, WeightedGame
from .indices import shapley_shubik
from .leverage import Scenario
from .results import PowerIndexResult
from .tables import Table

__all__ = [
    "pairwise_mergers",
    "seat_shifts",
    "graph_variants",
    "sweep",
    "sweep_table",
    "SweepError",
]

#: Tasks per chunk are capped so that progress stays smooth and chunks stay small.
MAX_CHUNKSIZE = 256
#: Chunks per worker aimed at by the automatic chunk size (slack for uneven tasks).
CHUNKS_PER_WORKER = 4
#: What a game computes for itself and keeps in its ``__dict__``; never shipped.
_CACHES = frozenset(Game._CACHE_KEYS)


# -- generators ------------------------------------------------------------------------------
def _check_game(game, function):
    if not isinstance(game, Game):
        raise InvalidTypeError(
            f"{function} needs a game (WeightedGame, SimpleGame, ...), got {type(game).__name__}"
        )


def pairwise_mergers(game):
    """Every merger of two players into one bloc.

    Parameters
    ----------
    game : Game
        A :class:`~powerindex.WeightedGame` (the bloc's weight is the sum of the two) or a
        composition of them. A :class:`~powerindex.SimpleGame` merges too, but its
        mergers cannot be pickled, so :func:`sweep` refuses them.

    Returns
    -------
    dict of str to Game
        ``n (n - 1) / 2`` scenarios, one per pair of players in player order. The name of a
        scenario is the name of its bloc, ``"A+B"`` (see
        :meth:`~powerindex.WeightedGame.merge`), and the bloc takes A's place.

    Raises
    ------
    InvalidTypeError
        ``game`` is not a game.
    InvalidPlayerError
        The game has one player, or a bloc's name ``"A+B"`` is already taken by another
        player or by another merger (names that contain ``"+"`` themselves).

    Notes
    -----
    Cost: n (n - 1) / 2 merges of O(n) each.

    Examples
    --------
    >>> import powerindex as pi
    >>> from powerindex.sweeps import pairwise_mergers
    >>> g = pi.WeightedGame([3, 2, 2], 4, players=["A", "B", "C"])
    >>> pairwise_mergers(g)
    {'A+B': <WeightedGame [4; 5, 2]>, 'A+C': <WeightedGame [4; 5, 2]>,
     'B+C': <WeightedGame [4; 3, 4]>}
    >>> pairwise_mergers(g)["A+C"].players
    ('A+C', 'B')
    """
    _check_game(game, "pairwise_mergers")
    if game.n < 2:
        raise InvalidPlayerError(f"a merger needs two players; the game has only {game.players}")
    scenarios = {}
    for i, first in enumerate(game.players):
        for second in game.players[i + 1:]:
            name = f"{first}+{second}"
            if name in scenarios or name in game.players:
                taken = "another merger" if name in scenarios else "a player"
                raise InvalidPlayerError(
                    f"the merger of {first!r} and {second!r} would be called {name!r}, like"
                    f" {taken}; rename the players whose names contain '+'"
                )
            scenarios[name] = game.merge([first, second], name=name)
    return scenarios


def seat_shifts(game, max_seats=1):
    """Every transfer of 1 to ``max_seats`` seats from one party to another.

    An election's uncertainty -- the last seats of a count, a recount, a court ruling --
    moves a few seats between parties. Each scenario moves ``s`` seats (units of weight)
    from party A to party B and keeps the quota, so the total weight is unchanged.

    Parameters
    ----------
    game : WeightedGame
    max_seats : int, optional
        The largest transfer, at least 1 (default 1).

    Returns
    -------
    dict of str to WeightedGame
        One scenario per transfer ``(s, A, B)`` with A != B and A holding at least ``s``
        seats: first every 1-seat transfer, then every 2-seat one, and so on, each in
        player order of A then B. A scenario is named ``"A -> B (s seats)"``. For n parties
        holding at least ``max_seats`` seats each there are ``max_seats n (n - 1)``.

    Raises
    ------
    InvalidTypeError
        ``game`` is not a WeightedGame, or ``max_seats`` is not a positive int.

    Notes
    -----
    Cost: O(max_seats n^2) games of O(n) each. To study other seat vectors (from a list of
    projections, say), build the games directly:
    ``{name: pi.WeightedGame(seats, game.quota, game.players) for name, seats in ...}``.

    Examples
    --------
    >>> import powerindex as pi
    >>> from powerindex.sweeps import seat_shifts
    >>> g = pi.WeightedGame([3, 2, 1], 4, players=["A", "B", "C"])
    >>> shifts = seat_shifts(g, max_seats=2)
    >>> len(shifts)
    10
    >>> list(shifts)[:3]
    ['A -> B (1 seat)', 'A -> C (1 seat)', 'B -> A (1 seat)']
    >>> shifts["B -> C (2 seats)"]
    <WeightedGame [4; 3, 0, 3]>
    """
    if not isinstance(game, WeightedGame):
        raise InvalidTypeError(
            f"seat_shifts needs a WeightedGame (seats to move), got {type(game).__name__}"
        )
    if isinstance(max_seats, bool) or not isinstance(max_seats, int) or max_seats < 1:
        raise InvalidTypeError(f"max_seats must be a positive int, got {max_seats!r}")
    weights = [Fraction(w) for w in game.weights]
    scenarios = {}
    for seats in range(1, max_seats + 1):
        unit = "seat" if seats == 1 else "seats"
        for a, giver in enumerate(game.players):
            if weights[a] < seats:
                continue
            for b, taker in enumerate(game.players):
                if b == a:
                    continue
                shifted = list(weights)
                shifted[a] -= seats
                shifted[b] += seats
                scenarios[f"{giver} -> {taker} ({seats} {unit})"] = WeightedGame(
                    [_simplest(w) for w in shifted], game.quota, game.players)
    return scenarios


def _simplest(value):
    return value.numerator if value.denominator == 1 else value


def graph_variants(game, base_graph, disputed_edges, *, rule="connected", unions=None,
                   skip_infeasible=True):
    """Every compatibility graph on a set of disputed edges: 2**d scenarios for d edges.

    When analysts disagree on whether some pairs of parties can govern together, each
    disputed pair may be an edge or not. The variants keep the undisputed part of
    ``base_graph`` and take every subset of the disputed edges.

    Parameters
    ----------
    game : Game
    base_graph : networkx.Graph
        The compatibility graph on the players (see :func:`~powerindex.restrict`). Whether
        it contains a disputed edge does not matter: each variant decides. Not modified.
    disputed_edges : iterable of pairs of str
        Distinct pairs of players.
    rule : {"connected", "clique"}, optional
    unions : list of lists of str, or dict, optional
        A priori unions, the same in every scenario.
    skip_infeasible : bool, optional
        Leave out the variants under which no winning coalition can form (where
        :func:`~powerindex.restrict` raises GraphError); default True. With False, every
        variant is returned and :func:`sweep` raises GraphError, naming the scenario, at
        the first infeasible one.

    Returns
    -------
    dict of str to Scenario
        ``Scenario(game, graph, unions, rule)`` for each subset of the disputed edges, by
        increasing number of edges, then in the order of ``disputed_edges``. A scenario is
        named by its disputed edges present, ``"A/B, C/D"``, or ``"none"``.

    Raises
    ------
    GraphError
        ``base_graph`` does not fit the game (see :func:`~powerindex.restrict`), or a pair
        is listed twice or joins a player to itself.
    UnknownPlayerError
        A disputed pair or a union names a non-player.
    InvalidMethodError
        Unknown ``rule``.
    InvalidUnionsError
        ``unions`` overlap or are malformed.

    Notes
    -----
    Cost: 2**d graph copies of O(n + m), plus with ``skip_infeasible`` one feasibility test
    (the components or cliques of the grand coalition) per variant. The restriction itself
    is left to the workers of :func:`sweep`.

    References
    ----------
    .. [1] R. B. Myerson, "Graphs and cooperation in games", Mathematics of Operations
       Research 2(3) (1977), 225-229. https://doi.org/10.1287/moor.2.3.225

    Examples
    --------
    A and C refuse each other; whether B can sit with A, and with C, is disputed:

    >>> import networkx as nx
    >>> import powerindex as pi
    >>> from powerindex.sweeps import graph_variants
    >>> g = pi.WeightedGame([2, 2, 2], 4, players=["A", "B", "C"])
    >>> base = nx.empty_graph(["A", "B", "C"])
    >>> variants = graph_variants(g, base, [("A", "B"), ("B", "C")])
    >>> list(variants)
    ['A/B', 'B/C', 'A/B, B/C']
    >>> sorted(variants["A/B, B/C"].graph.edges())
    [('A', 'B'), ('B', 'C')]

    Without either edge nobody can govern, so that variant is left out unless asked for:

    >>> len(graph_variants(g, base, [("A", "B"), ("B", "C")], skip_infeasible=False))
    4
    """
    from .graphs import _check_game as _check_simple_game
    from .graphs import _check_graph, _check_pairs, _check_rule, restrict

    _check_simple_game(game, "graph_variants")
    _check_rule(rule, "graph_variants")
    _check_graph(game.players, base_graph)
    pairs = _check_pairs(game.players, disputed_edges, "disputed_edges")
    seen = set()
    for pair in pairs:
        if frozenset(pair) in seen:
            raise GraphError(f"the disputed edge {pair!r} is listed twice")
        seen.add(frozenset(pair))
    if unions is not None:
        from .unions import _partition

        _partition(game, unions)
    base = base_graph.copy()
    base.remove_edges_from(pairs)
    scenarios = {}
    for size in range(len(pairs) + 1):
        for chosen in combinations(pairs, size):
            graph = base.copy()
            graph.add_edges_from(chosen)
            if skip_infeasible:
                try:
                    restrict(game, graph, rule=rule)
                except GraphError:
                    continue
            name = ", ".join(f"{u}/{v}" for u, v in chosen) or "none"
            scenarios[name] = Scenario(game, graph, unions, rule)
    return scenarios


# -- pickling without caches -------------------------------------------------------------------
def _restore_game(cls, state):
    game = cls.__new__(cls)
    game.__dict__.update(state)
    return game


class _LeanPickler(pickle.Pickler):
    """Pickles games without what they computed for themselves (winning tables, counts)."""

    def reducer_override(self, obj):
        if isinstance(obj, Game):
            state = {k: v for k, v in vars(obj).items() if k not in _CACHES}
            return _restore_game, (type(obj), state)
        return NotImplemented


def _dumps(obj):
    buffer = io.BytesIO()
    _LeanPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(obj)
    return buffer.getvalue()


def _unpicklable_game(game):
    """Why a game cannot be pickled, and what to do instead (None if nothing is known)."""
    if isinstance(game, SimpleGame) and getattr(game, "_rule", None) is not None:
        return (f"its winning rule {game._rule!r} is a lambda or a local function; define the"
                " rule with def at the top level of a module, or give the list of minimal"
                " winning coalitions instead of a rule")
    if isinstance(game, SimpleGame) and hasattr(game, "base_game"):
        return ("it is a restricted game (restrict); pass Scenario(game, graph) instead, and"
                " the restriction is made in the worker")
    if isinstance(game, SimpleGame) and getattr(game, "_mask_rule", None) is not None:
        return ("it was derived from a SimpleGame (merge, drop, ...) and keeps local functions;"
                " rebuild it as pi.SimpleGame(game.players,"
                " pi.minimal_winning_coalitions(game))")
    if isinstance(game, Game) and hasattr(game, "components"):
        for part in game.components:
            reason = _unpicklable_game(part)
            if reason is not None:
                return f"a component cannot: {reason}"
    return None


# -- the worker --------------------------------------------------------------------------------
class _IndexValues:
    """A PowerIndexResult on its way back, without its game (the caller has it)."""

    __slots__ = ("index", "values", "method")

    def __init__(self, index, values, method):
        self.index, self.values, self.method = index, values, method

    def __reduce__(self):
        return _IndexValues, (self.index, self.values, self.method)


class _RemoteTraceback(Exception):
    def __str__(self):
        return self.args[0]


class _Failure:
    """An exception raised by a task, with the worker's traceback as text."""

    def __init__(self, exception, trace):
        self.exception, self.trace = exception, trace

    def __reduce__(self):
        return _Failure, (self.exception, self.trace)

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
        return _IndexValues(result.index, result.to_dict(), result.method)
    return result


def _run_chunk(payload):
    """Run one chunk in a worker: pickled ``(function, values)`` in, pickled outcomes out.

    The chunk stops at its first failure: the caller reports the first failing scenario.
    """
    function, values = pickle.loads(payload)
    outcomes = []
    for value in values:
        try:
            outcomes.append(_apply(function, value))
        except Exception as exc:
            outcomes.append(_Failure.of(exc))
            break
    try:
        return _dumps(outcomes)
    except Exception:
        checked = []
        for outcome in outcomes:
            try:
                _dumps(outcome)
            except Exception as exc:
                outcome = _Failure.of(InvalidTypeError(
                    f"the result ({type(outcome).__name__}) cannot be pickled to be sent back:"
                    f" {exc}; return plain values (dicts, Fractions, Tables) from the function"))
            checked.append(outcome)
        return _dumps(checked)


# -- the caller's side -------------------------------------------------------------------------
def _check_scenarios(scenarios, function):
    if not isinstance(scenarios, Mapping):
        raise InvalidTypeError(
            f"{function} needs a mapping from scenario name to game or Scenario, got"
            f" {type(scenarios).__name__}"
        )
    items = list(scenarios.items())
    for name, value in items:
        if not isinstance(value, Game | Scenario):
            raise InvalidTypeError(
                f"scenario {name!r} is a {type(value).__name__}; a scenario must be a game or"
                " a Scenario"
            )
    return items


def _target(name, value):
    """The game the function is applied to, built here too so that results attach to it."""
    if isinstance(value, Game):
        return value
    try:
        return value.effective_game
    except PowerIndexError as exc:
        raise type(exc)(f"scenario {name!r}: {exc}") from None


def _check_function(function, items):
    if not callable(function):
        raise InvalidTypeError(f"function must be callable, got {type(function).__name__}")
    try:
        _dumps(function)
    except Exception as exc:
        raise InvalidTypeError(
            f"the function {function!r} cannot be pickled to be sent to the workers ({exc});"
            " use a function defined with def at the top level of a module, or"
            " functools.partial of one (not a lambda or a nested function)"
        ) from None
    with_unions = next((name for name, value in items
                        if isinstance(value, Scenario) and value.unions is not None), None)
    if with_unions is None:
        return
    try:
        inspect.signature(function).bind(None, None)
    except TypeError:
        raise InvalidTypeError(
            f"scenario {with_unions!r} has a priori unions, so the function is called as"
            f" function(game, unions), which {getattr(function, '__name__', function)!r}"
            " does not accept; use pi.owen or pi.banzhaf_owen"
        ) from None
    except ValueError:  # no signature to check (some builtins): let the call decide
        pass


def _payload(function, chunk):
    """The pickled task of one chunk; an unpicklable scenario is named in the error."""
    try:
        return _dumps((function, [value for _, value in chunk]))
    except Exception:
        pass
    for name, value in chunk:
        try:
            _dumps(value)
        except Exception as exc:
            games = [value] if isinstance(value, Game) else [value.game]
            reason = next((r for r in map(_unpicklable_game, games) if r), None)
            raise InvalidTypeError(
                f"scenario {name!r} cannot be pickled to be sent to the workers: "
                + (reason if reason is not None else str(exc))
            ) from None
    raise InvalidTypeError("the scenarios cannot be pickled together")  # pragma: no cover


def _workers(executor):
    count = getattr(executor, "_max_workers", None)
    return count if isinstance(count, int) and count > 0 else (os.cpu_count() or 1)


def _chunk_size(chunksize, tasks, workers):
    if chunksize is None:
        return max(1, min(MAX_CHUNKSIZE, ceil(tasks / (CHUNKS_PER_WORKER * workers))))
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise InvalidTypeError(f"chunksize must be a positive int or None, got {chunksize!r}")
    return chunksize


def _reporter(progress):
    if progress is False or progress is None:
        return None
    if progress is True:
        def report(done, total):
            sys.stderr.write(f"\rsweep: {done}/{total} scenarios")
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()
        return report
    if callable(progress):
        return progress
    raise InvalidTypeError(
        f"progress must be True, False or a function (done, total), got {progress!r}"
    )


def _restore(outcome, target):
    if isinstance(outcome, _IndexValues):
        return PowerIndexResult(outcome.index, target, outcome.values, outcome.method)
    return outcome


def _failure(name, failure):
    exception = failure.exception
    exception.__cause__ = _RemoteTraceback(f"\n\"\"\"\n{failure.trace}\"\"\"")
    error = SweepError(f"scenario {name!r} failed: {type(exception).__name__}: {exception}",
                       scenario=name)
    error.__cause__ = exception
    return error


def sweep(scenarios, function=shapley_shubik, *, executor=None, chunksize=None,
          progress=False):
    """Apply ``function`` to every scenario, in parallel, and return the results in order.

    Parameters
    ----------
    scenarios : mapping of name to Game or Scenario
        Such as :func:`pairwise_mergers`, :func:`seat_shifts` or :func:`graph_variants`
        return. The function gets a game as it is, and a Scenario's game after the
        restriction by its graph (``scenario.effective_game``); with a priori unions it
        is called as ``function(game, unions)`` (:func:`~powerindex.owen`,
        :func:`~powerindex.banzhaf_owen`).
    function : callable, optional
        Default :func:`~powerindex.shapley_shubik`. It is pickled, so it must be defined
        with ``def`` at the top level of a module (any index of powerindex, or
        ``functools.partial(pi.banzhaf, normalized=False)``), not a lambda. Its results
        must pickle too.
    executor : concurrent.futures.Executor, optional
        Where to run. Default: a :class:`~concurrent.futures.ProcessPoolExecutor` with
        ``os.cpu_count()`` workers (at most one per chunk), created and shut down here;
        with a single chunk the work runs in the calling process. An executor you pass --
        a process or thread pool, a Dask cluster's ``Client.get_executor()`` -- is used as
        it is and not shut down.
    chunksize : int, optional
        Scenarios per task. Default: enough for about 4 tasks per worker (the executor's
        ``_max_workers``, else ``os.cpu_count()``), at most 256. Batching keeps thousands of
        tiny games from drowning in per-task overhead; use 1 for a few expensive games.
    progress : bool or callable, optional
        True writes ``sweep: done/total scenarios`` to stderr as chunks finish; a function
        is called as ``progress(done, total)``.

    Returns
    -------
    dict
        Scenario name -> result, in the order of ``scenarios``. A
        :class:`~powerindex.PowerIndexResult` of a scenario's game is attached to the
        caller's game (the game itself, or a Scenario's ``effective_game`` rebuilt here):
        the values are exact and the same whatever the executor.

    Raises
    ------
    InvalidTypeError
        ``scenarios`` is not a mapping of games and Scenarios; the function, or a
        scenario's game, cannot be pickled (a SimpleGame with a lambda rule, a game
        derived from a SimpleGame, a restricted game: the message says what to use
        instead); a scenario has unions and the function takes no second argument; a bad
        ``executor``, ``chunksize`` or ``progress``.
    GraphError
        A Scenario's graph does not fit its game, or no winning coalition can form under
        it (the message names the scenario).
    SweepError
        The function raised for a scenario: the first such scenario, in input order, is
        named, and the exception it raised is the ``__cause__``. Results of other
        scenarios are discarded and the remaining tasks cancelled.

    Notes
    -----
    Cost: the function's cost summed over the scenarios, divided among the workers, plus
    pickling each scenario and result once (about 0.1 ms for a 14-player weighted game).
    Every task is pickled, also for an executor in the calling process, so every executor
    sees the same thing. Caches a game keeps (its winning table, swing counts) are left
    out: a game travels as its definition. On platforms that start workers by spawning
    (Windows, macOS), call :func:`sweep` under ``if __name__ == "__main__":`` in a script.

    Examples
    --------
    >>> from concurrent.futures import ThreadPoolExecutor
    >>> import powerindex as pi
    >>> from powerindex.sweeps import seat_shifts, sweep
    >>> g = pi.WeightedGame([3, 2, 1], 4, players=["A", "B", "C"])
    >>> with ThreadPoolExecutor(2) as pool:
    ...     power = sweep(seat_shifts(g), pi.banzhaf, executor=pool, chunksize=2)
    >>> list(power)
    ['A -> B (1 seat)', 'A -> C (1 seat)', 'B -> A (1 seat)', 'B -> C (1 seat)',
     'C -> A (1 seat)', 'C -> B (1 seat)']
    >>> power["C -> A (1 seat)"].to_dict()
    {'A': Fraction(1, 1), 'B': Fraction(0, 1), 'C': Fraction(0, 1)}
    """
    items = _check_scenarios(scenarios, "sweep")
    _check_function(function, items)
    if executor is not None and not isinstance(executor, Executor):
        raise InvalidTypeError(
            f"executor must be a concurrent.futures.Executor, got {type(executor).__name__}"
        )
    report = _reporter(progress)
    if not items:
        return {}
    targets = [_target(name, value) for name, value in items]
    size = _chunk_size(chunksize, len(items),
                       _workers(executor) if executor is not None else (os.cpu_count() or 1))
    starts = range(0, len(items), size)
    payloads = [_payload(function, items[start:start + size]) for start in starts]

    own = None
    if executor is None and len(payloads) > 1:
        own = executor = ProcessPoolExecutor(min(os.cpu_count() or 1, len(payloads)))
    results, futures = {}, []
    try:
        if executor is None:
            outputs = map(_run_chunk, payloads)
        else:
            futures = [executor.submit(_run_chunk, payload) for payload in payloads]
            outputs = map(_chunk_output, futures, starts, [size] * len(futures),
                          [items] * len(futures))
        for start, output in zip(starts, outputs, strict=True):
            for offset, outcome in enumerate(pickle.loads(output)):
                name = items[start + offset][0]
                if isinstance(outcome, _Failure):
                    raise _failure(name, outcome)
                results[name] = _restore(outcome, targets[start + offset])
            if report is not None:
                report(len(results), len(items))
    except BaseException:
        for future in futures:
            future.cancel()
        raise
    finally:
        if own is not None:
            own.shutdown(wait=True, cancel_futures=True)
    return results


def _chunk_output(future, start, size, items):
    try:
        return future.result()
    except Exception as exc:
        names = [name for name, _ in items[start:start + size]]
        span = repr(names[0]) if len(names) == 1 else f"{names[0]!r} to {names[-1]!r}"
        raise SweepError(
            f"the task of scenarios {span} failed in the executor: {type(exc).__name__}: {exc}",
            scenario=names[0],
        ) from exc


def sweep_table(scenarios, player, function=shapley_shubik, *, executor=None, chunksize=None,
                progress=False):
    """One player's value in every scenario, as a table.

    Parameters
    ----------
    scenarios : mapping of name to Game or Scenario
    player : str
        An original player. Where it is merged into a bloc, the bloc's value is shown,
        with the bloc's name in the ``player`` column.
    function : callable, optional
        An index returning a value per player (default
        :func:`~powerindex.shapley_shubik`).
    executor, chunksize, progress
        As for :func:`sweep`.

    Returns
    -------
    Table
        Columns ``scenario``, ``player`` (the player, or the bloc holding its votes; empty
        where it is absent) and the index's title; one row per scenario, in order.

    Raises
    ------
    UnknownPlayerError
        ``player`` is in no scenario, alone or in a bloc.
    InvalidTypeError
        The function does not return a mapping from player to value; as for :func:`sweep`.
    SweepError, GraphError
        As for :func:`sweep`.

    Notes
    -----
    Cost: that of :func:`sweep`.

    Examples
    --------
    >>> from concurrent.futures import ThreadPoolExecutor
    >>> import powerindex as pi
    >>> from powerindex.sweeps import pairwise_mergers, sweep_table
    >>> iraq = pi.WeightedGame([91, 89, 70, 57, 18], 163,
    ...                        players=["Iraqiya", "SoL", "INA", "Kurds", "Small"])
    >>> with ThreadPoolExecutor(2) as pool:
    ...     table = sweep_table(pairwise_mergers(iraq), "Kurds", executor=pool)
    >>> print(table)
    Shapley-Shubik index of Kurds in 10 scenarios
    scenario       player         Shapley-Shubik index
    Iraqiya+SoL    Kurds                             0
    Iraqiya+INA    Kurds                  1/6 (0.1667)
    Iraqiya+Kurds  Iraqiya+Kurds          1/2 (0.5000)
    Iraqiya+Small  Kurds                  1/6 (0.1667)
    SoL+INA        Kurds                  1/6 (0.1667)
    SoL+Kurds      SoL+Kurds              1/2 (0.5000)
    SoL+Small      Kurds                  1/6 (0.1667)
    INA+Kurds      INA+Kurds              1/3 (0.3333)
    INA+Small      Kurds                             0
    Kurds+Small    Kurds+Small            1/3 (0.3333)

    Checked by hand: Iraqiya+SoL (180 seats) governs alone; after INA+Small (88) any two
    of the three large lists win and the Kurds are never needed; in the others the Kurds
    are one of three equal partners (1/3), one of three small partners of a bloc that
    needs any one of them (1/6), or that bloc themselves (1/2).
    """
    if not isinstance(player, str):
        raise InvalidTypeError(f"player must be a name (str), got {type(player).__name__}")
    items = _check_scenarios(scenarios, "sweep_table")
    holders = []
    for _, value in items:
        game = value if isinstance(value, Game) else value.game
        holders.append(next((p for p in game.players if player in game.members(p)), None))
    if items and all(holder is None for holder in holders):
        raise UnknownPlayerError(
            f"{player!r} is in no scenario, neither as a player nor in a bloc"
        )
    results = sweep(scenarios, function, executor=executor, chunksize=chunksize,
                    progress=progress)
    title = getattr(function, "__name__", "value")
    rows = []
    for (name, _), holder in zip(items, holders, strict=True):
        result = results[name]
        if not isinstance(result, Mapping):
            raise InvalidTypeError(
                f"sweep_table needs a function that returns a value per player; for scenario"
                f" {name!r} it returned a {type(result).__name__}"
            )
        if isinstance(result, PowerIndexResult):
            title = result.title
        rows.append([str(name), holder, None if holder is None else result[holder]])
    return Table(["scenario", "player", title], rows,
                 title=f"{title} of {player} in {len(rows)} scenarios")
