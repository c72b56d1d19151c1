"""Exact outcomes of many sampled coalitions at once (private).

The samplers draw orders and coalitions in batches; this module decides them exactly,
from the game's counting plan: weight thresholds and their compositions vectorised
(numpy sums, or float sums with a rounding bound and an exact redo near the quota for
weights beyond 64 bits), any other game through its rule, by binary search along each
order. :class:`Communication` follows Myerson's graph-restricted game along an order
with a union-find.
"""

from itertools import accumulate
from operator import or_

import numpy as np

from .._engines.plans import Composition, WeightThreshold
from ..politics._masks import adjacency, components

__all__ = ["int64_weights", "pivot_positions", "wins_with_and_without", "vectorised",
           "Communication"]


def int64_weights(plan):
    """The integer weights and quota as int64, or None when their total could overflow."""
    if sum(plan.weights) < 2**62:
        return np.array(plan.weights, dtype=np.int64), plan.quota
    return None


def _weighted_pivots(plan, orders):
    """Position of the pivot in each row of ``orders`` in a weighted game, exactly."""
    fit = int64_weights(plan)
    if fit is not None:
        weights, quota = fit
        return (np.cumsum(weights[orders], axis=1) < quota).sum(axis=1)
    # Huge integer weights: prefix sums in floats, scaled to a total of 1, with a bound on
    # their rounding error; a row whose crossing falls inside the bound is redone exactly.
    ints, quota = plan.weights, plan.quota
    total = sum(ints)
    n = len(ints)
    shares = np.array([w / total for w in ints])
    prefix = np.cumsum(shares[orders], axis=1)
    tolerance = (4 * n + 8) * np.finfo(float).eps
    level = quota / total
    low = (prefix < level - tolerance).sum(axis=1)
    high = (prefix < level + tolerance).sum(axis=1)
    positions = high
    for row in np.nonzero(low != high)[0]:
        order = orders[row]
        running = sum(ints[p] for p in order[:low[row]])
        for k in range(low[row], n):
            running += ints[order[k]]
            if running >= quota:
                positions[row] = k
                break
    return positions


def _huge_wins_with_and_without(plan, members):
    """``_wins_with_and_without`` for integer weights beyond 64 bits: float sums with a
    rounding bound, and exact Python integers for the rows with an entry inside the bound."""
    ints, quota = plan.weights, plan.quota
    total = sum(ints)
    n = len(ints)
    shares = np.array([w / total for w in ints])
    present = members.astype(float)
    sums = (present @ shares)[:, None]
    with_i = sums + (1 - present) * shares
    without_i = sums - present * shares
    tolerance = (4 * n + 8) * np.finfo(float).eps
    level = quota / total
    doubtful = ((np.abs(with_i - level) <= tolerance)
                | (np.abs(without_i - level) <= tolerance)).any(axis=1)
    wins_with, wins_without = with_i >= level, without_i >= level
    for row in np.nonzero(doubtful)[0]:
        inside = members[row]
        exact = sum(w for w, x in zip(ints, inside.tolist(), strict=True) if x)
        for i in range(n):
            plus, minus = (exact, exact - ints[i]) if inside[i] else (exact + ints[i], exact)
            wins_with[row, i], wins_without[row, i] = plus >= quota, minus >= quota
    return wins_with, wins_without


def pivot_positions(plan, orders):
    """For each row of ``orders`` (a batch of orders of player positions), where its pivot is.

    The pivot is the first player whose arrival makes the coalition win. Weighted games and
    their compositions are vectorised; any other game is asked ``wins`` by binary search
    over the prefixes of each order (monotone games only), O(log n) questions per order.
    """
    if isinstance(plan, WeightThreshold):
        return _weighted_pivots(plan, orders)
    if isinstance(plan, Composition):
        parts = np.stack([pivot_positions(part, orders) for part in plan.parts])
        # All parts win from the last of their pivots on; any from the first.
        return parts.max(axis=0) if plan.operation == "and" else parts.min(axis=0)
    bits = [1 << i for i in range(plan.n)]
    positions = np.empty(len(orders), dtype=np.int64)
    for row, order in enumerate(orders.tolist()):
        prefixes = list(accumulate((bits[p] for p in order), or_))
        low, high = 0, plan.n - 1
        while low < high:
            middle = (low + high) // 2
            if plan.wins(prefixes[middle]):
                high = middle
            else:
                low = middle + 1
        positions[row] = low
    return positions


def wins_with_and_without(plan, members):
    """For a bool batch ``members`` (rows = coalitions S), whether S + i and S - i win."""
    if isinstance(plan, WeightThreshold):
        fit = int64_weights(plan)
        if fit is not None:
            weights, quota = fit
            present = members.astype(np.int64)
            total = (present * weights).sum(axis=1)[:, None]
            return (total + (1 - present) * weights >= quota,
                    total - present * weights >= quota)
        return _huge_wins_with_and_without(plan, members)
    if isinstance(plan, Composition):
        parts = [wins_with_and_without(part, members) for part in plan.parts]
        combine = np.logical_and if plan.operation == "and" else np.logical_or
        return (combine.reduce([w for w, _ in parts]), combine.reduce([w for _, w in parts]))
    n = plan.n
    with_i = np.empty(members.shape, dtype=bool)
    without_i = np.empty(members.shape, dtype=bool)
    for row, present in enumerate(members.tolist()):
        mask = sum(1 << i for i, inside in enumerate(present) if inside)
        base = plan.wins(mask)
        for i in range(n):
            other = plan.wins(mask ^ (1 << i))
            with_i[row, i], without_i[row, i] = (base, other) if present[i] else (other, base)
    return with_i, without_i


# -- Myerson's communication game ----------------------------------------------------------
class Communication:
    """Worths of Myerson's graph-restricted game v/G: the number of winning components."""

    def __init__(self, game, graph):
        self.plan = plan = game.counting_plan()
        self.n = game.n
        self.adjacency = adjacency(game.players, graph)
        self.neighbours = [[j for j in range(game.n) if a >> j & 1] for a in self.adjacency]
        self.weighted = isinstance(plan, WeightThreshold)

    def contributions(self, order):
        """Marginal contribution of each player to v/G along one order (union-find)."""
        n = self.n
        parent = list(range(n))
        present = [False] * n
        weighted = self.weighted
        ints = self.plan.weights if weighted else None
        quota = self.plan.quota if weighted else None
        size = [0] * n  # the component's weight (weighted games) or bit mask (others)
        winning = [False] * n
        result = np.zeros(n)

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for p in order:
            present[p] = True
            roots = {find(q) for q in self.neighbours[p] if present[q]}
            lost = sum(winning[r] for r in roots)
            joined = ints[p] if weighted else 1 << p
            for r in roots:
                joined = joined + size[r] if weighted else joined | size[r]
                parent[r] = p
            size[p] = joined
            winning[p] = joined >= quota if weighted else bool(self.plan.wins(joined))
            result[p] = winning[p] - lost
        return result

    def worth(self, mask):
        return sum(bool(self.plan.wins(c)) for c in components(self.adjacency, mask))


def vectorised(plan):
    """Whether the plan's outcomes are computed in numpy batches (weights, compositions)."""
    if isinstance(plan, WeightThreshold):
        return True
    if isinstance(plan, Composition):
        return all(vectorised(part) for part in plan.parts)
    return False
