"""Generating functions for composed weighted games, exact in integers (private).

A composition (:class:`~plans.Composition`) whose parts (after flattening nested
compositions) are all weight thresholds is a *vector-weighted* game:
a coalition's outcome is a monotone and/or formula of threshold tests ``w_d(S) >= q``.
Three kinds of dimension occur:

* **size** -- a component with all weights equal (a member count, "55% of the members",
  "all but three members") tests only the number of members k, which the
  Shapley-Shubik index tracks anyway: it costs nothing extra.
* **one weighting** (the population, the votes) -- the full product
  prod_j (1 + y x^{w_j}) counts coalitions by size and weight, exactly the table of
  :mod:`generating` [2]_.
* **two weightings** (votes and population under Nice) -- prod_j (1 + y z^{a_j} x^{b_j})
  counts them by size, first and second weight; the first weight is kept in full, the
  second truncated.

Components with the same weights up to a common factor share a dimension. Because the
formula is monotone, for fixed size k (and first weight v) a coalition wins exactly when
its last weight reaches a threshold theta(k, v), one of 0, a quota of that dimension, or
infinity. Player i (size 1, weights a_i, b_i) swings at a coalition S of the others of
size k, first weight v and last weight t exactly when
theta(k + 1, v + a_i) - b_i <= t < theta(k, v): a window in t, as in the weighted engine,
now depending on (k, v). Window counts come from prefix sums of the product with factor
i divided out (deletion, Uno 2012 [3]_) by the alternating sum
sum_j (-1)^j P[k - j, v - j a_i, x - j b_i]; an unbounded window uses the marginal
count by (size, first weight), itself a product with deletion (binomial coefficients
when there is no first weight). Coalitions are counted directly or, when that needs a
smaller table, by their complements among the others (the weighted engine's dual).

Cost, with n players, V the total first weight (0 when there is none) and b the bound
of the last weight (the largest finite threshold, or W - (smallest positive threshold)
+ 1 for complements, whichever is smaller): O(n^2 (V + 1) b) time for the product and
O(n (V + 1) b) memory, then O(n^2 (V + 1)) per distinct weight vector for the
deletions. The table is refused above ``MAX_CELLS`` cells (the caller then enumerates);
three or more distinct weightings are refused too.

Counts are int64 when n <= 56 (every alternating sum stays below 2**62) and Python
integers otherwise.

References
----------
.. [1] J. M. Bilbao, J. R. Fernandez, N. Jimenez and J. J. Lopez, "Voting power in the
   European Union enlargement", European Journal of Operational Research 143 (2002),
   181-196. https://doi.org/10.1016/S0377-2217(01)00334-4
.. [2] J. M. Bilbao, J. R. Fernandez, A. Jimenez Losada and J. J. Lopez, "Generating
   functions for computing power indices efficiently", TOP 8 (2000), 191-213.
   https://doi.org/10.1007/BF02628555
.. [3] T. Uno, "Efficient computation of power indices for weighted majority games",
   in Algorithms and Computation (ISAAC 2012), LNCS 7676, 679-689.
   https://doi.org/10.1007/978-3-642-35261-4_70
"""

import math
from dataclasses import dataclass

import numpy as np

from .plans import Composition, WeightThreshold

#: Largest (sizes x first weights x last weights) table the engine builds.
MAX_CELLS = 1 << 24

_INF = -1  # marker of an infinite threshold in integer arrays


@dataclass(frozen=True)
class _Leaf:
    """One threshold test: ``size >= quota`` (dim None) or ``weight_dim >= quota``."""

    dim: object
    quota: int


@dataclass(frozen=True)
class _Node:
    operation: str
    children: tuple


@dataclass(frozen=True)
class Plan:
    """A composite of weighted games as a formula over size and weight dimensions."""

    n: int
    formula: object
    weights: tuple  # weights[d] = integer weights of dimension d, one per player
    quotas: tuple  # quotas[d] = sorted distinct quotas of dimension d


def _flatten(counting, dims):
    if isinstance(counting, WeightThreshold):
        weights = counting.weights
        divisor = math.gcd(*weights)
        quota = -(-counting.quota // divisor)
        reduced = tuple(w // divisor for w in weights)
        if len(set(reduced)) == 1:
            return _Leaf(None, quota)
        dim = dims.setdefault(reduced, len(dims))
        return _Leaf(dim, quota)
    if isinstance(counting, Composition):
        return _Node(counting.operation, tuple(_flatten(p, dims) for p in counting.parts))
    return None


def plan(counting):
    """The formula of a composition of weight thresholds (a counting plan), or None for
    any other plan."""
    if not isinstance(counting, Composition):
        return None
    dims = {}
    formula = _flatten(counting, dims)
    if formula is None or _has_unknown(formula):
        return None
    weights = tuple(sorted(dims, key=dims.get))
    quotas = [set() for _ in weights]
    _collect_quotas(formula, quotas)
    return Plan(counting.n, formula, weights, tuple(tuple(sorted(q)) for q in quotas))


def _has_unknown(node):
    if node is None:
        return True
    if isinstance(node, _Leaf):
        return False
    return any(_has_unknown(child) for child in node.children)


def _collect_quotas(node, quotas):
    if isinstance(node, _Leaf):
        if node.dim is not None:
            quotas[node.dim].add(node.quota)
    else:
        for child in node.children:
            _collect_quotas(child, quotas)


def _evaluate(node, size, values):
    """The formula on numpy arrays: ``size`` and ``values[d]`` per dimension."""
    if isinstance(node, _Leaf):
        return (size if node.dim is None else values[node.dim]) >= node.quota
    results = [_evaluate(child, size, values) for child in node.children]
    combine = np.logical_and if node.operation == "and" else np.logical_or
    return combine.reduce(results)


# -- the table plan ----------------------------------------------------------------------
@dataclass(frozen=True)
class _Table:
    """Counting set-up: dimension ``first`` kept in full, ``last`` in a window."""

    n: int
    first: tuple  # first weights (all 0 when there is none)
    last: tuple  # last weights (all 0 when there is none)
    theta: np.ndarray  # theta[k, v]: least winning last weight, _INF if none
    dual: bool
    bound: int

    @property
    def first_total(self):
        return sum(self.first)

    @property
    def last_total(self):
        return sum(self.last)

    @property
    def cells(self):
        return (self.n + 1) * (self.first_total + 1) * (self.bound + 1)


def _thresholds(plan_, first_dim, last_dim):
    """theta[k, v] for sizes 0..n and first weights 0..V: the least last weight that wins."""
    n = plan_.n
    first_total = sum(plan_.weights[first_dim]) if first_dim is not None else 0
    last_total = sum(plan_.weights[last_dim]) if last_dim is not None else 0
    size, first = np.meshgrid(np.arange(n + 1), np.arange(first_total + 1), indexing="ij")
    candidates = [0] + ([q for q in plan_.quotas[last_dim] if q <= last_total]
                        if last_dim is not None else [])
    theta = np.full(size.shape, _INF, dtype=np.int64)
    for candidate in sorted(candidates, reverse=True):
        values = {}
        if first_dim is not None:
            values[first_dim] = first
        if last_dim is not None:
            values[last_dim] = np.full(size.shape, candidate)
        wins = _evaluate(plan_.formula, size, values)
        theta[wins] = candidate
    return theta


def _bounds(theta, last_total):
    finite = theta[theta != _INF]
    direct = int(finite.max()) if finite.size else 0
    positive = finite[finite > 0]
    complement = last_total - int(positive.min()) + 1 if positive.size else 0
    return max(direct, 1), max(complement, 1)


def table_plan(plan_):
    """The cheapest counting set-up for ``plan_``, or None when it exceeds the limits."""
    if plan_ is None or len(plan_.weights) > 2:
        return None
    dims = list(range(len(plan_.weights)))
    orders = [(None, None)] if not dims else (
        [(None, 0)] if len(dims) == 1 else [(0, 1), (1, 0)])
    best = None
    zeros = (0,) * plan_.n
    for first_dim, last_dim in orders:
        first = plan_.weights[first_dim] if first_dim is not None else zeros
        last = plan_.weights[last_dim] if last_dim is not None else zeros
        if (plan_.n + 1) * (sum(first) + 1) > MAX_CELLS:
            continue
        theta = _thresholds(plan_, first_dim, last_dim)
        direct, complement = _bounds(theta, sum(last))
        for dual, bound in ((False, direct), (True, complement)):
            candidate = _Table(plan_.n, first, last, theta, dual, bound)
            if candidate.cells <= MAX_CELLS and (best is None or candidate.cells < best.cells):
                best = candidate
    return best


def _dtype(n):
    return np.int64 if n <= 56 else object


def _storage(n):
    """Counts of at most 2**n coalitions: int32 storage while they fit (half the memory
    traffic of int64; sums are taken in int64), else the computing dtype."""
    return np.int32 if n <= 30 else _dtype(n)


def _rows_needed(table):
    """The largest table row (coalition size, or complement size) any count reads."""
    n, theta = table.n, table.theta
    finite = np.flatnonzero((theta != _INF).any(axis=1))
    if not finite.size:
        return 0
    if not table.dual:
        return n
    # swings at sizes k >= (least size that can win) - 1 read rows n - 1 - k; the winning
    # count reads rows n - k for the sizes k that can win.
    return max(0, min(n, n - int(finite.min()) + 1))


def _product(table, dtype):
    """Prefix sums P[k, v, x] = coalitions of size k, first weight v, last weight < x,
    for the rows k that are read."""
    first_total, bound = table.first_total, table.bound
    rows = _rows_needed(table)
    counts = np.zeros((rows + 1, first_total + 1, bound), dtype=dtype)
    counts[0, 0, 0] = 1
    filled = 0
    for a, b in zip(table.first, table.last, strict=True):
        if b >= bound:
            continue  # every coalition with this player is beyond the window
        # high rows first, so that each row adds the previous row's old values
        for row in range(min(filled, rows - 1), -1, -1):
            counts[row + 1, a:, b:] += counts[row, : first_total + 1 - a, : bound - b]
        filled += 1
    prefix = np.zeros((rows + 1, first_total + 1, bound + 1), dtype=dtype)
    np.cumsum(counts, axis=-1, out=prefix[..., 1:])
    return prefix


def _marginal(table, dtype):
    """M[k, v]: all coalitions of size k and first weight v (no truncation)."""
    n, first_total = table.n, table.first_total
    counts = np.zeros((n + 1, first_total + 1), dtype=dtype)
    counts[0, 0] = 1
    for filled, a in enumerate(table.first):
        source = counts[: filled + 1, : first_total + 1 - a].copy()
        counts[1: filled + 2, a:] += source
    return counts


def _without(array, rows, firsts, lasts, a, b):
    """Entries of ``array`` (prefix sums or marginal) with one factor (1 + y z^a x^b)
    divided out: sum_j (-1)^j array[row - j, first - j a, last - j b] at the query points.
    ``lasts`` is None for the two-dimensional marginal."""
    steps = np.arange(int(rows.max()) + 1 if len(rows) else 1)
    r = rows[:, None] - steps
    f = firsts[:, None] - steps * a
    valid = (r >= 0) & (f >= 0)
    if lasts is not None:
        x = lasts[:, None] - steps * b
        valid &= x >= 0
        gathered = array[np.where(valid, r, 0), np.where(valid, f, 0), np.where(valid, x, 0)]
    else:
        gathered = array[np.where(valid, r, 0), np.where(valid, f, 0)]
    signs = np.where(steps % 2 == 0, 1, -1)
    if array.dtype == object:
        terms = np.where(valid, gathered, 0) * signs.astype(object)
    else:
        terms = np.where(valid, gathered, 0).astype(np.int64) * signs
    return terms.sum(axis=1)


class Counter:
    """Per-player swing counts by coalition size, and the number of winning coalitions."""

    def __init__(self, table):
        self.table = table
        self.dtype = _dtype(table.n)
        self.prefix = _product(table, _storage(table.n))
        self.marginal = _marginal(table, self.dtype)

    def _count(self, a, b, sizes, firsts, lows, highs):
        """Coalitions of the others of player (a, b), at S-coordinates (size, first weight),
        whose last weight t lies in [low, high); high == _INF means unbounded."""
        table = self.table
        if table.dual:
            n, V, W = table.n, table.first_total, table.last_total
            rows = n - 1 - sizes
            firsts = V - a - firsts
            # t in [low, high)  <=>  complement weight u in [W - b - high + 1, W - b - low + 1)
            new_lows = np.where(highs == _INF, 0, W - b - highs + 1)
            new_highs = np.where(lows <= 0, _INF, W - b - lows + 1)
            lows, highs = np.maximum(new_lows, 0), new_highs
        else:
            rows = sizes
            lows = np.maximum(lows, 0)
        below_low = _without(self.prefix, rows, firsts, lows, a, b)
        bounded = highs != _INF
        below_high = np.empty(len(rows), dtype=self.dtype)
        if bounded.any():
            below_high[bounded] = _without(self.prefix, rows[bounded], firsts[bounded],
                                           highs[bounded], a, b)
        if (~bounded).any():
            below_high[~bounded] = _without(self.marginal, rows[~bounded], firsts[~bounded],
                                            None, a, b)
        return below_high - below_low

    def swings_by_size(self, a, b):
        """``counts[k]``: swings of a player with weights (a, b) at coalitions of k others."""
        table = self.table
        n, V = table.n, table.first_total
        sizes, firsts = np.meshgrid(np.arange(n), np.arange(V + 1 - a), indexing="ij")
        sizes, firsts = sizes.ravel(), firsts.ravel()
        lows = table.theta[sizes + 1, firsts + a]
        highs = table.theta[sizes, firsts]
        keep = (lows != _INF) & ((highs == _INF) | (np.maximum(lows - b, 0) < highs))
        sizes, firsts = sizes[keep], firsts[keep]
        lows, highs = lows[keep] - b, highs[keep]
        result = [0] * n
        if len(sizes):
            counts = self._count(a, b, sizes, firsts, lows, highs)
            for k, c in zip(sizes.tolist(), counts.tolist(), strict=True):
                result[k] += int(c)
        return result

    def winning(self):
        """The number of winning coalitions of all n players."""
        table = self.table
        n, V, W = table.n, table.first_total, table.last_total
        sizes, firsts = np.meshgrid(np.arange(n + 1), np.arange(V + 1), indexing="ij")
        theta = table.theta
        total = 0
        for k, v, t in zip(sizes.ravel().tolist(), firsts.ravel().tolist(),
                           theta.ravel().tolist(), strict=True):
            if t == _INF:
                continue
            every = int(self.marginal[k, v])
            if t == 0:
                total += every
            elif table.dual:
                # S wins when its complement weighs at most W - t
                total += int(self.prefix[n - k, V - v, W - t + 1])
            else:
                total += every - int(self.prefix[k, v, t])
        return total


def _players(table):
    return list(zip(table.first, table.last, strict=True))


def swings_by_size(table):
    """``counts[i][k]``: swings of player i at coalitions of k other players."""
    counter = Counter(table)
    cache = {}
    rows = []
    for a, b in _players(table):
        if (a, b) not in cache:
            cache[a, b] = counter.swings_by_size(a, b)
        rows.append(list(cache[a, b]))
    return rows


def swing_counts(table):
    """``(swings per player, number of winning coalitions)``."""
    counter = Counter(table)
    cache = {}
    counts = []
    for a, b in _players(table):
        if (a, b) not in cache:
            cache[a, b] = sum(counter.swings_by_size(a, b))
        counts.append(cache[a, b])
    return counts, counter.winning()


# -- enumeration without a table, for compositions too large for both --------------------
#: Largest composition enumerated coalition by coalition (2**30 coalitions, in chunks).
MAX_ENUMERATED = 30
_CHUNK_BITS = 20


def _sums_by_doubling(columns, count):
    """Per mask of ``count`` players: the sums of each column of ``columns`` (size first)."""
    arrays = [np.zeros(1, dtype=np.int64) for _ in columns]
    for player in range(count):
        arrays = [np.concatenate([array, array + column[player]])
                  for array, column in zip(arrays, columns, strict=True)]
    return arrays


def enumerate_swings(plan_):
    """``(counts[i][k], winning)`` by visiting all 2**n coalitions in chunks of 2**20.

    A coalition wins when the formula holds for its size and weights; member i is critical
    in a winning coalition S when the formula fails for S minus i. No table of 2**n entries
    is kept, so memory stays O(2**20); time is O(n 2**n) vectorised operations.
    """
    n = plan_.n
    columns = [(1,) * n] + [tuple(w) for w in plan_.weights]
    low_bits = min(n, _CHUNK_BITS)
    low = _sums_by_doubling([c[:low_bits] for c in columns], low_bits)
    low_masks = np.arange(1 << low_bits, dtype=np.int64)
    counts = [[0] * n for _ in range(n)]
    winning = 0
    for high in range(1 << (n - low_bits)):
        members = [low_bits + j for j in range(n - low_bits) if high >> j & 1]
        offsets = [sum(c[i] for i in members) for c in columns]
        size, *values = (array + offset for array, offset in zip(low, offsets, strict=True))
        wins = _evaluate(plan_.formula, size, values)
        winners = np.flatnonzero(wins)
        winning += len(winners)
        size = size[winners]
        values = [v[winners] for v in values]
        masks = low_masks[winners]
        for i in range(n):
            if i < low_bits:
                inside = (masks >> i) & 1 == 1
            elif i in members:
                inside = np.ones(len(winners), dtype=bool)
            else:
                continue
            reduced = [v[inside] - column[i]
                       for v, column in zip(values, columns[1:], strict=True)]
            critical = ~_evaluate(plan_.formula, size[inside] - 1, reduced)
            sizes = size[inside][critical] - 1
            for k, c in enumerate(np.bincount(sizes, minlength=n)[:n].tolist()):
                counts[i][k] += c
    return counts, winning
