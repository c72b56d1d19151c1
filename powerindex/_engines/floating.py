"""Power indices of weighted games in floating point, with an error bound (private).

The exact engine (:mod:`generating`) counts coalitions, and counts pass 2**1024 -- the
float64 range -- at about a thousand players. Here the same generating functions are
taken as *probability distributions* instead, which stay in [0, 1] however many players:
each player is in the coalition with probability 1/2, so D = prod_j (1 + x^{w_j}) / 2 is
the distribution of the coalition's weight, and the swing probability of i (the absolute
Banzhaf index, swings / 2**(n-1)) is the mass of the others' distribution
d = D / ((1 + x^{w_i}) / 2) on i's swing window. Shapley-Shubik in floating point is
:mod:`quadrature`: the same table at other probabilities than 1/2, integrated over them.

Nothing overflows; entries that underflow are below 2**-1022 and count in the bound.

Deletion is where floating point is dangerous: dividing a factor out is a recurrence
with subtractions, d[t] = 2 D[t] - d[t - w], whose error is multiplied by 1 at each
step: it does not grow. The window itself is an alternating sum of block masses (sums of
the distribution over blocks of w columns, pairwise summed).

Error bound: every table entry is a sum of non-negative terms, so its relative error is
at most gamma_K = K u / (1 - K u) (u = 2**-53) for K the number of rounding steps on
its way (Higham 2002, Section 3.1); the alternating sums add theirs. The bound returned
is computed from the magnitudes actually summed (a running error bound, Higham 2002,
Section 3.3): for player i, gamma_K * sum_j (mass of block j), plus n b 2**-1074 for
underflow. It is rigorous for IEEE double arithmetic and typically a few orders of
magnitude above the actual error.

Costs, with n players, b = min(q, W - q + 1) columns (integer units after the common
divisor) and d distinct weights: O(n b + d b) time, O(b) memory.

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


def table_columns(int_weights, int_quota):
    """Columns of the distribution: the bound b = min(q, W - q + 1) in integer units."""
    return _setup(int_weights, int_quota).bound


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
