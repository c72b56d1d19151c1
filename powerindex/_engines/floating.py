"""Power indices of weighted games in floating point, with an error bound (private).

The exact engine (:mod:`generating`) counts coalitions, and counts pass 2**1024 -- the
float64 range -- at about a thousand players. Here the same generating functions are
taken as *probability distributions* instead, which stay in [0, 1] however many players:

* Banzhaf: each player is in the coalition with probability 1/2, so
  D = prod_j (1 + x^{w_j}) / 2 is the distribution of the coalition's weight, and the
  swing probability of i (the absolute Banzhaf index, swings / 2**(n-1)) is the mass of
  the others' distribution d = D / ((1 + x^{w_i}) / 2) on i's swing window.
* Shapley-Shubik: phi_i = (1/n) sum_k Pr[i swings at a uniformly random k-subset of the
  others], so row k of the table holds the weight distribution of a random k-subset of
  all players, E[k] = C[k] / C(n, k) (counts scaled per row, Bilbao et al. 2000's table
  normalized); adding a player is the convex combination
  E[k] <- (1 - k/j) E[k] + (k/j) x^w E[k - 1].

Nothing overflows; entries that underflow are below 2**-1022 and count in the bound.

Deletion is where floating point is dangerous: dividing a factor out is a recurrence
with subtractions. In probability units it reads d[t] = 2 D[t] - d[t - w] (Banzhaf) and
d[k] = n/(n-k) D[k] - k/(n-k) x^w d[k - 1] (by size), whose error is multiplied at each
step by 1 and k/(n-k) respectively: it does not grow exponentially as long as
k <= (n - 1)/2. Larger sizes are never deleted: a k-subset of the others swings for i
exactly when its complement, an (n-1-k)-subset, weighs W - w_i - (its weight), so sizes
above (n - 1)/2 are counted on their complements, in a second window. The windows
themselves are alternating sums of block masses (Banzhaf: sums of the distribution over
blocks of w columns, pairwise summed; by size: differences of blocked prefix sums).

Error bound: every table entry is a sum of non-negative terms, so its relative error is
at most gamma_K = K u / (1 - K u) (u = 2**-53) for K the number of rounding steps on
its way (Higham 2002, Section 3.1); the alternating sums and their coefficients add
theirs. The bound returned is computed from the magnitudes actually summed (a running
error bound, Higham 2002, Section 3.3): for player i,
gamma_K * sum_j |coefficient_j| * (mass or prefix sums of term j), plus n b 2**-1074 for
underflow. It is rigorous for IEEE double arithmetic and typically a few orders of
magnitude above the actual error.

Costs, with n players, T = max(q, W - q + 1) columns (integer units after the common
divisor) and d distinct weights: Banzhaf O(n T + d T) time, O(T) memory; Shapley-Shubik
O(n^2 T / 2) time and O(n T / 2) memory (rows up to (n - 1)/2 only), and O(d n^2) for the
deletions.

References
----------
.. [1] J. M. Bilbao, J. R. Fernandez, A. Jimenez Losada and J. J. Lopez, "Generating
   functions for computing power indices efficiently", TOP 8 (2000), 191-213.
   https://doi.org/10.1007/BF02628555
.. [2] T. Uno, "Efficient computation of power indices for weighted majority games",
   ISAAC 2012, LNCS 7676, 679-689. https://doi.org/10.1007/978-3-642-35261-4_70
.. [3] N. J. Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., SIAM, 2002.
   https://doi.org/10.1137/1.9780898718027
"""

import math

import numpy as np

from .generating import _setup

UNIT_ROUNDOFF = 2.0**-53
_TINY = 2.0**-1074


def _gamma(k):
    """gamma_k = k u / (1 - k u): the relative error of k roundings (Higham, Lemma 3.1)."""
    return k * UNIT_ROUNDOFF / (1 - k * UNIT_ROUNDOFF)


def _reduced(int_weights, int_quota):
    """Weights and quota divided by the weights' common divisor, and their total (the
    exact engine's reduction, :func:`generating._setup`)."""
    counting = _setup(int_weights, int_quota)
    return counting.weights, counting.quota, counting.total


def table_cells(int_weights, int_quota):
    """Cells of the Shapley-Shubik table: ((n - 1)/2 + 1) rows times the columns."""
    weights, quota, total = _reduced(int_weights, int_quota)
    return ((len(weights) - 1) // 2 + 1) * max(quota, total - quota + 1)


def _blocked_prefix(table):
    """Prefix sums along the last axis, with a leading zero column, summed in blocks of
    about sqrt(T): each has relative error at most gamma_{2 sqrt(T) + 2} (non-negative)."""
    *lead, columns = table.shape
    block = max(1, math.isqrt(columns))
    blocks = -(-columns // block)
    padded = np.zeros((*lead, blocks * block), dtype=np.float64)
    padded[..., :columns] = table
    inner = np.cumsum(padded.reshape(*lead, blocks, block), axis=-1)
    offsets = np.zeros((*lead, blocks), dtype=np.float64)
    np.cumsum(inner[..., :-1, -1], axis=-1, out=offsets[..., 1:])
    prefix = np.zeros((*lead, columns + 1), dtype=np.float64)
    prefix[..., 1:] = (inner + offsets[..., None]).reshape(*lead, -1)[..., :columns]
    return prefix, block + blocks + 2


def swing_probabilities(int_weights, int_quota):
    """Absolute Banzhaf index (swing probability) of every player, and an error bound.

    Returns
    -------
    values : list of float
    bounds : list of float
        ``abs(values[i] - exact[i]) <= bounds[i]``.
    """
    counting = _setup(int_weights, int_quota)
    weights, bound = counting.weights, counting.bound
    n = len(weights)
    dist = np.zeros(bound, dtype=np.float64)
    dist[0] = 1.0
    spare = np.zeros_like(dist)
    for w in weights:
        if w == 0:
            continue
        if w >= bound:
            dist *= 0.5
            continue
        spare[:w] = dist[:w]
        np.add(dist[w:], dist[:-w], out=spare[w:])
        spare *= 0.5
        dist, spare = spare, dist
    by_weight = {}
    for w in set(weights):
        low, high = counting.window(w)
        if w == 0:
            by_weight[w] = (0.0, 0.0)
            continue
        if low == 0 or w >= bound:
            # a single window: no deletion term beyond j = 0 reaches a column
            terms = -(-high // w) if w < bound else 1
        else:
            terms = -(-high // w)
        if w >= bound:
            mass = math.fsum(dist[low:high].tolist())
            # the others' distribution is D * 2 (the factor sent everything past the bound)
            by_weight[w] = (2 * mass, 2 * mass * _gamma(n + 2) + n * bound * _TINY)
            continue
        span = terms * w
        segment = np.zeros(span, dtype=np.float64)
        start = high - span
        segment[max(0, -start):] = dist[max(0, start):high]
        blocks = segment.reshape(terms, w)
        if low == 0:
            # the first window [0, high) is shorter than w: mask its left part
            blocks = blocks.copy()
            blocks[0, : w - (high - low)] = 0.0
        masses = blocks.sum(axis=1)[::-1]  # masses[j]: window shifted left by j w
        signs = np.where(np.arange(terms) % 2, -1.0, 1.0)
        value = 2.0 * float(masses @ signs)
        magnitude = 2.0 * float(masses.sum())
        steps = n + math.ceil(math.log2(w)) + 2 * terms + 4
        by_weight[w] = (value, magnitude * _gamma(steps) + n * bound * _TINY)
    values = [float(by_weight[w][0]) for w in weights]
    bounds = [float(by_weight[w][1]) for w in weights]
    return values, bounds


def _deletion_coefficients(n, rows):
    """``G[k, j]``, k, j <= rows: coefficient of x^{j w} E[k - j] in d[k] (others' table)."""
    alpha = np.array([n / (n - k) for k in range(rows + 1)])
    beta = np.array([k / (n - k) for k in range(rows + 1)])
    coefficients = np.zeros((rows + 1, rows + 1))
    coefficients[:, 0] = alpha
    for k in range(1, rows + 1):
        coefficients[k, 1:] = beta[k] * coefficients[k - 1, :-1]
    return coefficients


def shapley_shubik(int_weights, int_quota):
    """Shapley-Shubik index of every player, and an error bound, in floating point.

    Returns
    -------
    values : list of float
    bounds : list of float
        ``abs(values[i] - exact[i]) <= bounds[i]``.
    """
    weights, quota, total = _reduced(int_weights, int_quota)
    n = len(weights)
    if n == 1:
        return [1.0], [0.0]
    columns = max(quota, total - quota + 1)
    rows = (n - 1) // 2  # sizes deleted forward; larger ones through complements
    order = sorted(weights)
    lightest = [0, *np.cumsum(order).tolist()]
    table = np.zeros((rows + 1, columns), dtype=np.float64)
    table[0, 0] = 1.0
    spare = np.empty(columns, dtype=np.float64)
    reach = 1
    for j, w in enumerate(order, start=1):
        reach = min(columns, reach + w)
        for k in range(min(rows, j), 0, -1):
            keep, move = (j - k) / j, k / j
            table[k, :reach] *= keep
            start = lightest[k - 1] + w
            if start < reach:
                np.multiply(table[k - 1, start - w:reach - w], move,
                            out=spare[:reach - start])
                table[k, start:reach] += spare[:reach - start]
    prefix, cumulative_steps = _blocked_prefix(table)
    del table
    steps = 3 * n + cumulative_steps + 2 * rows + 8
    gamma = _gamma(steps)
    coefficients = _deletion_coefficients(n, rows)
    k_index = np.arange(rows + 1)[:, None]

    def window_masses(w, low, high):
        """Per size k <= rows: Pr[a random k-subset of the others weighs in [low, high)]
        and the magnitude summed for it."""
        if high <= 0:
            zero = np.zeros(rows + 1)
            return zero, zero
        terms = min(rows + 1, -(-high // w)) if w else 1
        shifts = np.arange(terms) * w
        upper = np.clip(high - shifts, 0, columns)
        lower = np.clip(low - shifts, 0, columns)
        j = np.arange(terms)[None, :]
        source = k_index - j
        inside = source >= 0
        source = np.where(inside, source, 0)
        hi_part = prefix[source, upper[None, :]]
        lo_part = prefix[source, lower[None, :]]
        coefficient = np.where(inside, coefficients[:, :terms], 0.0)
        signs = np.where(np.arange(terms) % 2, -1.0, 1.0)
        value = ((hi_part - lo_part) * coefficient * signs).sum(axis=1)
        magnitude = ((hi_part + lo_part) * coefficient).sum(axis=1)
        return value, magnitude

    complements = n - 1 - (rows + 1)  # sizes k' = 0 .. this, i.e. k = n - 1 - k' > rows
    values, bounds = {}, {}
    for w in set(weights):
        small, small_mag = window_masses(w, max(0, quota - w), min(quota, columns))
        big, big_mag = window_masses(w, max(0, total - quota - w + 1),
                                     min(total - quota + 1, columns))
        probability = small.sum() + big[:complements + 1].sum()
        magnitude = small_mag.sum() + big_mag[:complements + 1].sum()
        values[w] = float(probability) / n
        bounds[w] = (magnitude * gamma + n * _gamma(n + 2) + n * columns * _TINY) / n \
            + _gamma(n + 2) * abs(values[w])
    return [float(values[w]) for w in weights], [float(bounds[w]) for w in weights]
