"""Generating functions for weighted games, exact in integers (private).

For integer weights w_1..w_n the polynomial prod_j (1 + x^{w_j}) counts coalitions by
weight: its coefficient of x^t is the number of coalitions weighing t (Brams & Affuso
1976). Adding a variable y for the size, prod_j (1 + y x^{w_j}) counts them by weight and
size (Bilbao et al. 2000). Player i swings at the coalitions S of the others with
q - w_i <= w(S) < q, so every index of the swing family follows from the coefficients of
the product *without* factor i below the quota.

All players come from one pass: the full product is built once, then each factor
(1 + x^{w_i}) is divided out again ("deletion", Uno 2012, Section 3), which costs
O(q) per player for the weight-only count and O(n q) with sizes -- instead of one new
product per player. Players with equal weights share one deletion, and weights at or
above the bound never enter the truncated product at all. When the quota is above half
the total the complementary count is smaller: a coalition loses exactly when the others
hold more than W - q, so the engine counts up to W - q + 1 instead of q.

Counts are held in numpy int64 when they cannot pass 2**62 (at most 62 players whose
weights fall below the bound) and in Python integers (numpy object arrays) otherwise, so
results are always exact.

Costs, with n players, b = min(q, W - q + 1) the bound and d distinct weights below it:
weight counts O(n b) for the product plus O(d b) for the deletions; weight-and-size
counts O(n^2 b) for both.

References
----------
.. [1] S. J. Brams and P. J. Affuso, "Power and size: a new paradox", Theory and
   Decision 7 (1976), 29-56. https://doi.org/10.1007/BF00141101
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


@dataclass(frozen=True)
class _Counting:
    """What to count: coalitions of the others weighing in [low_i, bound) for player i.

    ``dual`` means the counts are of complements (the coalition of the others that stays
    out), which turns coalition sizes k into (n - 1 - k).
    """

    weights: tuple
    bound: int
    dual: bool
    quota: int
    total: int

    def window(self, w):
        if self.dual:
            # S of the others swings for i when q - w <= w(S) < q; its complement T among
            # the others weighs W - w - w(S), so W - q - w < w(T) <= W - q.
            return max(0, self.total - self.quota - w + 1), self.bound
        return max(0, self.quota - w), self.bound


#: Largest counting table (cells) the engine builds: 2**26 cells, 512 MiB in int64; a
#: quarter of that when the counts need Python integers (tens of bytes each).
MAX_CELLS = 1 << 26
MAX_OBJECT_CELLS = 1 << 24


def table_cells(int_weights, int_quota, by_size):
    """``(cells, limit)``: cells of the counting table for these weights (bound, or
    (n + 1) * bound by size) and the most the engine allows for their number type."""
    counting = _setup(int_weights, int_quota)
    cells = counting.bound * (len(int_weights) + 1 if by_size else 1)
    return cells, MAX_CELLS if _dtype(counting) is np.int64 else MAX_OBJECT_CELLS


def _setup(int_weights, int_quota):
    divisor = math.gcd(*int_weights) or 1
    weights = tuple(w // divisor for w in int_weights)
    quota = -(-int_quota // divisor)
    total = sum(weights)
    dual = total - quota + 1 < quota
    bound = total - quota + 1 if dual else quota
    return _Counting(weights, bound, dual, quota, total)


def _dtype(counting):
    small = sum(1 for w in counting.weights if w < counting.bound)
    return np.int64 if small <= 62 else object


def _product(weights, bound, dtype):
    """Coefficients below ``bound`` of prod (1 + x^w): coalitions by weight."""
    counts = np.zeros(bound, dtype=dtype)
    counts[0] = 1
    for w in weights:
        if w == 0:
            counts *= 2
        elif w < bound:
            counts[w:] += counts[:-w].copy()
    return counts


def _prefix_sums(counts):
    """``P[..., t]`` = sum of ``counts[..., x]`` for x < t, for t = 0 .. bound (last axis)."""
    shape = counts.shape[:-1] + (counts.shape[-1] + 1,)
    prefix = np.zeros(shape, dtype=counts.dtype)
    prefix[..., 1:] = np.cumsum(counts, axis=-1)
    return prefix


def _window_offsets(w, low, high, terms):
    """Column pairs (high - j w, low - j w) of the alternating sum, j = 0, 1, ... while the
    upper end stays positive (at most ``terms`` of them)."""
    if w == 0:
        count = terms
    else:
        count = min(terms, -(-high // w))
    steps = np.arange(count) * w
    return high - steps, np.maximum(low - steps, 0)


def _window_without(prefix, w, low, high):
    """Coalitions of the others weighing in [low, high), from the prefix sums of all.

    Dividing (1 + x^w) out of the product gives c[t] = C[t] - c[t - w], that is
    c[t] = sum_j (-1)^j C[t - j w]; summed over the window, each term is a difference of
    prefix sums: sum_j (-1)^j (P[high - j w] - P[low - j w]). That costs O(bound / w)
    instead of a pass over the whole array (for w = 0, c = C / 2).
    """
    if w == 0:
        return (int(prefix[high]) - int(prefix[low])) // 2
    upper, lower = _window_offsets(w, low, high, len(prefix))
    terms = (prefix[upper] - prefix[lower]).tolist()
    return sum(terms[0::2]) - sum(terms[1::2])


def swing_counts(int_weights, int_quota):
    """Number of swings of every player, and the number of winning coalitions.

    Returns
    -------
    swings : list of int
    winning : int
    """
    counting = _setup(int_weights, int_quota)
    counts = _product(counting.weights, counting.bound, _dtype(counting))
    n = len(counting.weights)
    coalitions_below = int(counts.sum())
    winning = coalitions_below if counting.dual else 2**n - coalitions_below
    prefix = _prefix_sums(counts)
    by_weight = {}
    for w in set(counting.weights):
        low, high = counting.window(w)
        by_weight[w] = _window_without(prefix, w, low, high)
    return [by_weight[w] for w in counting.weights], winning


def _product_by_size(weights, bound, dtype):
    """Coefficients [k, t] of prod (1 + y x^w) for t below ``bound``: by size and weight."""
    n = len(weights)
    counts = np.zeros((n + 1, bound), dtype=dtype)
    counts[0, 0] = 1
    filled = 0  # rows above this are still zero: skip them
    for w in weights:
        if w >= bound:
            continue
        rows = slice(0, filled + 1)
        shifted = slice(1, filled + 2)
        if w == 0:
            counts[shifted] += counts[rows].copy()
        else:
            counts[shifted, w:] += counts[rows, :-w].copy()
        filled += 1
    return counts


def _window_by_size_without(prefix, w, low, high):
    """Per size k: coalitions of k others weighing in [low, high), from the prefix sums.

    Dividing (1 + y x^w) out gives c[k][t] = sum_j (-1)^j C[k - j][t - j w], so the window
    sum for size k is sum_j (-1)^j (P[k - j][high - j w] - P[k - j][low - j w]): one
    column difference per j, shifted down j rows. O(n min(n, bound / w)).
    """
    sizes = prefix.shape[0] - 1
    upper, lower = _window_offsets(w, low, high, sizes)
    result = np.zeros(sizes, dtype=object)
    for j, (hi, lo) in enumerate(zip(upper.tolist(), lower.tolist(), strict=True)):
        column = (prefix[: sizes - j, hi] - prefix[: sizes - j, lo]).astype(object)
        if j % 2:
            result[j:] -= column
        else:
            result[j:] += column
    return [int(c) for c in result]


def swings_by_size(int_weights, int_quota):
    """``counts[i][k]``: swings of player i at coalitions of k other players."""
    counting = _setup(int_weights, int_quota)
    counts = _product_by_size(counting.weights, counting.bound, _dtype(counting))
    prefix = _prefix_sums(counts)
    del counts
    by_weight = {}
    for w in set(counting.weights):
        low, high = counting.window(w)
        per_size = _window_by_size_without(prefix, w, low, high)
        by_weight[w] = per_size[::-1] if counting.dual else per_size
    return [by_weight[w] for w in counting.weights]
