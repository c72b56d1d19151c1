"""Values of TU games from their integer worths (private).

The worths of a TU game are kept as integers over one common denominator, one per bit
mask. These functions compute, in exact integers, the sums the values are made of:
worths by coalition size (Shapley, Banzhaf), Myerson's graph-restricted game, and the
two-level sums of the Owen and Banzhaf-Owen values. They know nothing of the TUGame
class, which calls them.
"""

from fractions import Fraction
from math import factorial

import numpy as np

from .._engines import enumeration

__all__ = ["sums_by_size", "shapley_numerators", "banzhaf_numerators", "graph_restricted",
           "union_values", "int_array"]


def int_array(ints, n):
    """A numpy array of the integers: int64 when every sum of 2**n of them fits, else object."""
    largest = max(max(ints, default=0), -min(ints, default=0))
    dtype = np.int64 if largest < 2 ** (62 - n) else object
    return np.array(ints, dtype=dtype)


def sums_by_size(ints, n):
    """Sums of worths by coalition size: over all coalitions, and over those containing i.

    Returns ``(total, containing)`` with ``total[k]`` the sum of v(S) over |S| = k and
    ``containing[i][k]`` the sum over |S| = k with i in S, as Python ints.
    """
    sizes = enumeration.popcounts(n).astype(np.intp)
    dtype = ints.dtype
    total = np.zeros(n + 1, dtype=dtype)
    np.add.at(total, sizes, ints)
    containing = []
    for i in range(n):
        with_i = enumeration._pairs(ints, i)[1].ravel()
        sizes_with = enumeration._pairs(sizes, i)[1].ravel()
        sums = np.zeros(n + 1, dtype=dtype)
        np.add.at(sums, sizes_with, with_i)
        containing.append([int(s) for s in sums])
    return [int(t) for t in total], containing


def shapley_numerators(ints, n):
    """n! times the Shapley value of the game with integer worths ``ints`` (Python ints)."""
    total, containing = sums_by_size(ints, n)
    # phi_i = sum_{S containing i} w(|S| - 1) v(S) - sum_{S not containing i} w(|S|) v(S),
    # w(s) = s! (n - s - 1)! / n!; the numerators below are n! w.
    weight = [factorial(s) * factorial(n - s - 1) for s in range(n)]
    numerators = []
    for row in containing:
        gain = sum(row[k] * weight[k - 1] for k in range(1, n + 1))
        loss = sum((total[k] - row[k]) * weight[k] for k in range(n))
        numerators.append(gain - loss)
    return numerators


def banzhaf_numerators(ints, n):
    """2**(n-1) times the Banzhaf value of the game with integer worths ``ints``."""
    total, containing = sums_by_size(ints, n)
    grand_sum = sum(total)
    return [2 * sum(row) - grand_sum for row in containing]


def graph_restricted(ints, neighbours, n):
    """Worths of Myerson's graph-restricted game: v/G(S) = sum of v over S's components.

    The component of the lowest member of S is grown by breadth-first search inside S;
    the rest of S is a smaller mask, already done.
    """
    restricted = [0] * (1 << n)
    for mask in range(1, 1 << n):
        component = frontier = mask & -mask
        while frontier:
            reach = 0
            while frontier:
                low = frontier & -frontier
                reach |= neighbours[low.bit_length() - 1]
                frontier ^= low
            frontier = reach & mask & ~component
            component |= frontier
        restricted[mask] = ints[component] + restricted[mask ^ component]
    return restricted


def union_values(ints, groups, n, shapley):
    """Owen (``shapley=True``) or Banzhaf-Owen values, times the common denominator.

    For i in union k, the coalitions Q_R + T (R a set of other unions, T a subset of the
    rest of union k) are weighted by r! (m-r-1)! / m! * t! (p-t-1)! / p! (Owen) or by
    1 / 2**(m-1) * 1 / 2**(p-1) (Banzhaf-Owen). Marginal contributions are first summed
    by (r, t) in integers; only the m * p totals are multiplied by the weights.
    """
    group_masks = [sum(1 << i for i in group) for group in groups]
    m = len(groups)
    values = [Fraction(0)] * n
    for k, group in enumerate(groups):
        outer = [(0, 0)]
        for j, group_mask in enumerate(group_masks):
            if j != k:
                outer += [(q | group_mask, r + 1) for q, r in outer]
        p = len(group)
        for i in group:
            bit = 1 << i
            rest = group_masks[k] & ~bit
            inner = []
            sub = rest
            while True:
                inner.append((sub, sub.bit_count()))
                if sub == 0:
                    break
                sub = (sub - 1) & rest
            sums = [[0] * p for _ in range(m)]
            for q, r in outer:
                row = sums[r]
                for t_mask, t in inner:
                    s = q | t_mask
                    row[t] += ints[s | bit] - ints[s]
            if shapley:
                value = sum(
                    (Fraction(sums[r][t] * factorial(r) * factorial(m - r - 1)
                              * factorial(t) * factorial(p - t - 1),
                              factorial(m) * factorial(p))
                     for r in range(m) for t in range(p) if sums[r][t]),
                    Fraction(0),
                )
            else:
                value = Fraction(sum(map(sum, sums)), 2 ** (m - 1 + p - 1))
            values[i] = value
    return values
