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
#: The series of a window is cut off when r^j is below this (relative to the mass).
_CUTOFF = 2.0**-64


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


def window_mass(table, w, low, high, r, keep, mass):
    """Mass of the others' distribution (``table``, the distribution at probability p,
    divided by (1 - p) + p x^w, ``r`` = p / (1 - p) <= 1, ``keep`` = 1 - p) on
    [low, high): ``(value, magnitude, error bound)``, the magnitude being the sum of the
    absolute values of the terms (what the table's own rounding error scales with), the
    bound covering the block sums, the series and its cut-off, not the table itself.

    Dividing the factor out gives d[t] = sum_j (-r)^j D[t - j w] / (1 - p); summed over the
    window, each term is a block mass of D (pairwise summed), the window shifted left by
    j w. With r < 1 the series is cut off once r^j is below 2**-64.
    """
    if high <= low:
        return 0.0, 0.0, 0.0
    columns = len(table)
    if w >= columns:
        # the factor sent its "in" part past the table: the others' table is D / (1 - p)
        total = float(table[low:high].sum()) / keep
        steps = math.ceil(math.log2(max(high - low, 1))) + 22
        return total, total, total * _gamma(steps)
    terms = -(-high // w)
    if r < 1:
        # r^J below the cut-off: later terms hold at most r^J of the mass
        terms = min(terms, max(1, math.ceil(math.log(_CUTOFF) / math.log(r))))
    span = terms * w
    start = high - span
    segment = np.zeros(span, dtype=np.float64)
    segment[max(0, -start):] = table[max(0, start):high]
    blocks = segment.reshape(terms, w)
    if high - low < w:  # low == 0: one term, the window is shorter than a block
        blocks = blocks.copy()
        blocks[0, : w - (high - low)] = 0.0
    masses = blocks.sum(axis=1)[::-1]  # masses[j]: the window shifted left by j w
    coefficients = np.cumprod(np.full(terms, -r))
    coefficients = np.concatenate([[1.0], coefficients[:-1]])  # (-r)^j
    value = float(masses @ coefficients) / keep
    magnitude = float(masses @ np.abs(coefficients)) / keep
    tail = 0.0
    if start > 0:  # the cut-off: sum_{j >= J} r^j B_j <= r^J (mass below start)
        tail = r**terms * (1 + _gamma(terms + 64)) * mass / keep
    steps = math.ceil(math.log2(w)) + 22 + 2 * terms + 4
    return value, magnitude, magnitude * _gamma(steps) + tail


def swing_probabilities(int_weights, int_quota, step=None):
    """Absolute Banzhaf index (swing probability) of every player, and an error bound.

    ``step(done, total)``, if given, is called after each player is added to the table and
    after each distinct weight's window is read (``total`` of them in all).

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
    distinct = sorted(set(weights))
    total, done = n + len(distinct), 0
    for w in weights:
        done += 1
        if step is not None:
            step(done, total)
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
    mass = float(dist.sum())
    for w in distinct:
        done += 1
        if step is not None:
            step(done, total)
        if w == 0:
            by_weight[w] = (0.0, 0.0)  # a null player
            continue
        # at p = 1/2: d = 2 D / (1 + x^w), an alternating series of block masses
        value, magnitude, error = window_mass(dist, w, *counting.window(w), 1.0, 0.5, mass)
        by_weight[w] = (value, error + magnitude * _gamma(n) + n * bound * _TINY)
    values = [float(by_weight[w][0]) for w in weights]
    bounds = [float(by_weight[w][1]) for w in weights]
    return values, bounds
