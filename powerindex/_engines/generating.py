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


def _divide_out(counts, w):
    """Coefficients of the product with one factor (1 + x^w) removed.

    c[t] = C[t] - c[t - w] along each residue class t mod w: an alternating cumulative
    sum, whose partial sums are the (bounded) results themselves, so no overflow.
    """
    bound = len(counts)
    if w >= bound:
        return counts
    if w == 0:
        return counts // 2
    rows = -(-bound // w)
    padded = np.zeros(rows * w, dtype=counts.dtype)
    padded[:bound] = counts
    grid = padded.reshape(rows, w)
    sign = np.where(np.arange(rows) % 2 == 0, 1, -1).astype(counts.dtype)[:, None]
    return (sign * np.cumsum(sign * grid, axis=0)).reshape(-1)[:bound]


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
    by_weight = {}
    for w in set(counting.weights):
        low, high = counting.window(w)
        others = _divide_out(counts, w)
        by_weight[w] = int(others[low:high].sum())
    return [by_weight[w] for w in counting.weights], winning


def _product_by_size(weights, bound, dtype):
    """Coefficients [k, t] of prod (1 + y x^w) for t below ``bound``: by size and weight."""
    n = len(weights)
    counts = np.zeros((n + 1, bound), dtype=dtype)
    counts[0, 0] = 1
    for w in weights:
        if w == 0:
            counts[1:] += counts[:-1].copy()
        elif w < bound:
            counts[1:, w:] += counts[:-1, :-w].copy()
    return counts


def _divide_out_by_size(counts, w):
    """Remove one factor (1 + y x^w): c[k] = C[k] - shift_w(c[k - 1]), row by row."""
    n_plus_one, bound = counts.shape
    result = np.zeros((n_plus_one - 1, bound), dtype=counts.dtype)
    if w >= bound:
        return counts[:-1].copy()
    result[0] = counts[0]
    for k in range(1, n_plus_one - 1):
        result[k] = counts[k]
        if w == 0:
            result[k] -= result[k - 1]
        else:
            result[k, w:] -= result[k - 1, :-w]
    return result


def swings_by_size(int_weights, int_quota):
    """``counts[i][k]``: swings of player i at coalitions of k other players."""
    counting = _setup(int_weights, int_quota)
    counts = _product_by_size(counting.weights, counting.bound, _dtype(counting))
    by_weight = {}
    for w in set(counting.weights):
        low, high = counting.window(w)
        others = _divide_out_by_size(counts, w)
        per_size = [int(c) for c in others[:, low:high].sum(axis=1)]
        by_weight[w] = per_size[::-1] if counting.dual else per_size
    return [by_weight[w] for w in counting.weights]
