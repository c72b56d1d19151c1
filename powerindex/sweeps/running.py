"""Sweeps: one index over thousands of independent games, on any executor.

:func:`sweep` maps a function (an index such as :func:`~powerindex.shapley_shubik`) over a
mapping of scenarios with any :class:`concurrent.futures.Executor` and returns the results
in the order of the scenarios; :func:`sweep_table` gives one player's value in every
scenario as a :class:`~powerindex.Table`.
"""

import inspect
import os
import pickle
import sys
from collections.abc import Mapping
from concurrent.futures import Executor, ProcessPoolExecutor
from math import ceil

from ..errors import InvalidTypeError, PowerIndexError, SweepError, UnknownPlayerError
from ..games.base import Game
from ..indices.results import PowerIndexResult
from ..indices.swing_indices import shapley_shubik
from ..politics.leverage import Scenario
from ..present.tables import Table
from ._transport import Failure, IndexValues, RemoteTraceback, dumps, run_chunk, unpicklable_game

__all__ = ["sweep", "sweep_table"]


MAX_CHUNKSIZE = 256
#: Chunks per worker aimed at by the automatic chunk size (slack for uneven tasks).
CHUNKS_PER_WORKER = 4


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
        dumps(function)
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
        return dumps((function, [value for _, value in chunk]))
    except Exception:
        pass
    for name, value in chunk:
        try:
            dumps(value)
        except Exception as exc:
            games = [value] if isinstance(value, Game) else [value.game]
            reason = next((r for r in map(unpicklable_game, games) if r), None)
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
    if isinstance(outcome, IndexValues):
        return PowerIndexResult(outcome.index, target, outcome.values, outcome.method)
    return outcome


def _failure(name, failure):
    exception = failure.exception
    exception.__cause__ = RemoteTraceback(f"\n\"\"\"\n{failure.trace}\"\"\"")
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
        scenario's game, cannot be pickled (a SimpleGame with a lambda rule, or a game
        built on one: the message says what to use instead); a scenario has unions and
        the function takes no second argument; a bad
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
            outputs = map(run_chunk, payloads)
        else:
            futures = [executor.submit(run_chunk, payload) for payload in payloads]
            outputs = map(_chunk_output, futures, starts, [size] * len(futures),
                          [items] * len(futures))
        for start, output in zip(starts, outputs, strict=True):
            for offset, outcome in enumerate(pickle.loads(output)):
                name = items[start + offset][0]
                if isinstance(outcome, Failure):
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
