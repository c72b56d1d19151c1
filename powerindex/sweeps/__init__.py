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

from .running import sweep, sweep_table
from .variants import graph_variants, pairwise_mergers, seat_shifts

__all__ = ["pairwise_mergers", "seat_shifts", "graph_variants", "sweep", "sweep_table"]
