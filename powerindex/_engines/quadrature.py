"""Shapley-Shubik in floating point in O(T) memory, by Gauss-Legendre quadrature (private).

Owen's multilinear extension gives the Shapley-Shubik index as an integral [1]_:

    phi_i = integral over p in [0, 1] of f_i(p),
    f_i(p) = Pr[i swings at S], S a random coalition of the others, each in with
             probability p independently,

and f_i is a polynomial of degree n - 1 in p (a Bernstein polynomial whose coefficients
are i's swing probabilities by coalition size). A K-point Gauss-Legendre rule integrates
polynomials of degree 2K - 1 exactly, so K = ceil(n / 2) nodes give phi_i exactly but for
rounding. At each node the weight distribution of a random coalition,
D_p = prod_j ((1 - p) + p x^{w_j}), is one table of T columns, like the float Banzhaf
engine's at p = 1/2 [2]_, instead of a table by coalition size and weight: O(T) memory
instead of O(n T), and no deletion by size (whose recurrence is unstable for large sizes).

The nodes come in pairs p and 1 - p. One distribution serves both: a coalition of the
others drawn with probability 1 - p is the complement of one drawn with probability p, so
f_i(1 - p) is the mass of the same table on the complementary window. For p <= 1/2,
player i is divided out of D_p as d = D_p / ((1 - p) (1 + r x^{w_i})), r = p / (1 - p)
<= 1: the window mass is sum_j (-r)^j B_j / (1 - p) over block masses B_j of D_p, a
series whose terms shrink like r^j, so it is cut off once r^j is below 2**-64 of the
table's mass (the rest goes into the bound).

Error bound (for IEEE double arithmetic, as in :mod:`floating`): every entry of D_p is a
sum of non-negative terms with at most ``6 n + 10`` roundings on its way (the steps, the
rounding of r and of 1 - p, the factors (1 - p)^k folded in every 64 steps), the block
masses add numpy's pairwise summation (at most ``log2(w) + 20`` more), the geometric
weights and their sum ``2 J + 4`` for J terms; so the error of each f_i(p) is at most
gamma times the magnitude summed, plus the cut-off tail and n T 2**-1074 for underflow.
The nodes and weights are computed to 40 significant digits (Newton's method on the
three-term recurrence of the Legendre polynomial, finished in decimal arithmetic; see
:func:`gauss_legendre`) and rounded to double: with |f_i'| <= n - 1 (a Bernstein
polynomial of degree n - 1 with coefficients in [0, 1]) that adds at most (n - 1) u / 2
for the nodes and u for the weights, u = 2**-53. The rest of the bound is a running
bound in the sense of Higham (2002), Section 3.3, computed from the magnitudes actually
summed.

Costs, with n players, T = max(q, W - q + 1) columns, d distinct weights: about n / 4
tables of O(n T) time each, O(T) memory; the windows O(d T) per node at worst (p near
1/2), much less for the nodes near 0, whose series are short.

References
----------
.. [1] G. Owen, "Multilinear extensions of games", Management Science 18 (1972), P64-P79.
   https://doi.org/10.1287/mnsc.18.5.64
.. [2] J. M. Bilbao, J. R. Fernandez, A. Jimenez Losada and J. J. Lopez, "Generating
   functions for computing power indices efficiently", TOP 8 (2000), 191-213.
   https://doi.org/10.1007/BF02628555
.. [3] G. H. Golub and J. H. Welsch, "Calculation of Gauss quadrature rules", Mathematics
   of Computation 23 (1969), 221-230. https://doi.org/10.1090/S0025-5718-69-99647-1
.. [4] N. J. Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., SIAM, 2002.
   https://doi.org/10.1137/1.9780898718027
"""

from decimal import Decimal, localcontext
from functools import lru_cache

import numpy as np

from .floating import _TINY, UNIT_ROUNDOFF, _gamma, _reduced, window_mass

#: Significant digits of the nodes and weights before they are rounded to double.
_DIGITS = 40
#: Steps between two foldings of the factors (1 - p) into the table: the unscaled
#: entries grow at most by (1 + r)^64 <= 2**64 in between.
_FOLD = 64


def _legendre(x, count):
    """``(P_count(x), P_count - 1(x))`` by the three-term recurrence (Decimal or numpy)."""
    previous, current = x * 0 + 1, x
    for k in range(1, count):
        previous, current = current, ((2 * k + 1) * x * current - k * previous) / (k + 1)
    return current, previous


def _newton_step(x, count):
    """One Newton step towards a root of P_count, and the derivative P'_count at x."""
    value, below = _legendre(x, count)
    slope = count * (x * value - below) / (x * x - 1)
    return x - value / slope, slope


@lru_cache(maxsize=16)
def gauss_legendre(count):
    """Nodes p <= 1/2 and weights of the ``count``-point Gauss-Legendre rule on [0, 1]:
    ``(pairs, middle)``, pairs a tuple of (p, weight) for the nodes below 1/2 (each
    stands for p and 1 - p, which have the same weight), middle the weight of the node
    1/2 (0.0 when ``count`` is even).

    Newton's method on P_count from x_k = -cos(pi (k - 1/4) / (count + 1/2)), first in
    double precision for all nodes at once, then twice more for each in 45-digit decimal
    arithmetic; the weights 2 / ((1 - x^2) P'(x)^2) on [-1, 1], halved for [0, 1]
    (Golub and Welsch 1969 [3]_ for the rule; the initial guess is the usual asymptotic
    one).
    """
    half = count // 2  # nodes strictly below the middle
    x = -np.cos(np.pi * (np.arange(1, half + 1) - 0.25) / (count + 0.5))
    for _ in range(8):
        x, _ = _newton_step(x, count)
    pairs = []
    with localcontext() as context:
        context.prec = _DIGITS + 5
        for guess in x.tolist():
            node = Decimal(guess)
            for _ in range(2):
                node, _ = _newton_step(node, count)
            _, slope = _newton_step(node, count)
            weight = 1 / ((1 - node * node) * slope * slope)
            pairs.append((float((1 + node) / 2), float(weight)))
        middle = 0.0
        if count % 2:
            _, slope = _newton_step(Decimal(0), count)
            middle = float(1 / (slope * slope))
    return tuple(pairs), middle


def table_columns(int_weights, int_quota):
    """Columns T = max(q, W - q + 1) of the table at every node (integer units after the
    common divisor): both windows of a player, the direct and the complementary one,
    lie below T."""
    _, quota, total = _reduced(int_weights, int_quota)
    return max(quota, total - quota + 1)


def _distribution(order, heavy, columns, p):
    """D_p below ``columns`` for the sorted weights ``order`` (all in 0 < w < columns)
    and ``heavy`` players at or above it: the table and its rounding depth."""
    r = p / (1 - p)
    keep = 1 - p
    table = np.zeros(columns, dtype=np.float64)
    table[0] = 1.0
    spare = np.empty(columns, dtype=np.float64)
    reach, pending = 1, 0
    for w in order:
        reach = min(columns, reach + w)
        np.multiply(table[: reach - w], r, out=spare[: reach - w])
        table[w:reach] += spare[: reach - w]
        pending += 1
        if pending == _FOLD:
            table[:reach] *= keep**_FOLD
            pending = 0
    table[:reach] *= keep ** (pending + heavy)
    # 2 roundings per step; r = p / (1 - p) and 1 - p rounded (at most 3 per factor in a
    # product r^a (1 - p)^b, a + b <= n); the folding factors' powers (counted as repeated
    # multiplication) and their application
    depth = 6 * (len(order) + heavy) + 10
    return table, depth


def shapley_shubik(int_weights, int_quota, step=None):
    """Shapley-Shubik index of every player, and an error bound, by quadrature.

    ``step(done, total)``, if given, is called after each quadrature node (``total`` of
    them; each costs one table of the distribution).

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
    columns = table_columns(int_weights, int_quota)
    order = sorted(w for w in weights if 0 < w < columns)
    heavy = sum(1 for w in weights if w >= columns)
    pairs, middle = gauss_legendre(-(-n // 2))
    distinct = sorted(set(weights))
    windows = {w: ((max(0, quota - w), min(quota, columns)),
                   (max(0, total - quota - w + 1), min(total - quota + 1, columns)))
               for w in distinct}
    values = dict.fromkeys(distinct, 0.0)
    sizes = dict.fromkeys(distinct, 0.0)  # sum over the nodes of weight * |value|
    errors = dict.fromkeys(distinct, 0.0)
    nodes = [(p, weight, True) for p, weight in pairs]
    if middle:
        nodes.append((0.5, middle, False))
    for done, (p, weight, paired) in enumerate(nodes, start=1):
        table, depth = _distribution(order, heavy, columns, p)
        r, keep = p / (1 - p), 1 - p
        mass = float(table.sum())
        gamma = _gamma(depth)
        for w in distinct:
            if w == 0:
                continue  # a null player: never pivotal
            (low, high), (dual_low, dual_high) = windows[w]
            value, magnitude, error = window_mass(table, w, low, high, r, keep, mass)
            if paired:  # f(1 - p): the complementary window of the same table
                other = window_mass(table, w, dual_low, dual_high, r, keep, mass)
                value, magnitude, error = (value + other[0], magnitude + other[1],
                                           error + other[2] + _gamma(1) * abs(value + other[0]))
            # the table's own rounding: relative to every block mass summed
            error += gamma * magnitude
            values[w] += weight * value
            sizes[w] += weight * abs(value)
            errors[w] += weight * error
        if step is not None:
            step(done, len(nodes))
    # the nodes and weights, rounded from 40 digits to double (|f'| <= n - 1, f in [0, 1]),
    # the final sum over the nodes, and underflow
    rounding = (n - 1) * UNIT_ROUNDOFF / 2 + 2 * UNIT_ROUNDOFF + 1e-30
    underflow = 4 * n * columns * _TINY
    bounds = {w: errors[w] * (1 + _gamma(len(nodes) + 2)) + rounding
              + _gamma(len(nodes) + 2) * sizes[w] + underflow for w in distinct}
    return [float(values[w]) for w in weights], [float(bounds[w]) for w in weights]
