"""The Owen and Banzhaf-Owen values of weighted games by generating functions (private).

Player i in union k (m unions, p members in union k, U_k the weight of union k) swings at
the pairs (R, T) -- R a set of other unions, T a set of the other members of k -- with
q - w_i <= w(R) + w(T) < q. Both values weight such a pair by its two sizes only::

    Owen_i         = 1 / (m! p!)            sum  r! (m-1-r)!  t! (p-1-t)!
    Banzhaf-Owen_i = 1 / (2**(m-1) 2**(p-1)) sum  1

so they follow from two tables of counts [1]_ [2]_:

* the *outer* counts alpha_k[x]: the sets R of other unions weighing x (each weighted by
  r! (m-1-r)! for the Owen value). They come from the product over all unions of
  (1 + y z^{U_l}), built once (:mod:`generating`'s limb engine), with the factor of union k
  divided out again. Only x in [q - U_k, q) is ever needed, and the quotient there is an
  alternating sum of shifted slices of the full product (c[r][x] = sum_j (-1)^j
  C[r - j][x - j U_k]), O(q) per size row and union.
* the *inner* counts beta_{k,i}[y]: the sets T of the other members of k weighing y
  (weighted by t! (p-1-t)!), from the product over the members of k with the factor of i
  divided out (b[t] = B[t] - b[t - 1] shifted by w_i, row by row).

The value of i is then the sum over y of beta[y] times the alpha counts of the window
[q - w_i - y, q - y): a difference of two prefix sums of alpha ("dense"). When few x of the
outer range carry any count -- few unions, heavy ones (the AIIB's three regional groups) --
it is cheaper the other way round: for each such x, the inner counts of the window
[q - w_i - x, q - x), read off the inner product's prefix sums by
:func:`generating._window_by_size_without` without dividing anything out ("sparse").

Costs, with W the total weight and P the largest union: the outer product O(m^2 q) word
additions by size (O(m q) for Banzhaf-Owen, by weight only), the quotients O(m q) per
union, the inner products O(p^2 U_k) per union and O(p U_k) per distinct member weight,
and the sums O(p U_k) Python-integer operations per member (dense). Every count is exact;
the values are Fractions.

References
----------
.. [1] J. M. Alonso-Meijide and C. Bowles, "Generating functions for coalitional power
   indices: an application to the IMF", Annals of Operations Research 137 (2005), 21-44.
   https://doi.org/10.1007/s10479-005-2244-z
.. [2] J. Staudacher, F. Wagner and J. Filipp, "Dynamic programming for computing power
   indices for weighted voting games with precoalitions", Games 13(1) (2022), 6.
   https://doi.org/10.3390/g13010006
"""

from fractions import Fraction
from math import factorial

import numpy as np

from . import generating

__all__ = ["union_values", "table_cells", "MAX_CELLS"]

#: Tables (words, summed over limbs and size rows) of up to 2**26 words, 512 MiB, are
#: always built; larger ones as far as :func:`generating.max_cells` allows (half the
#: memory available). Beyond, :func:`table_cells` tells the caller to refuse.
MAX_CELLS = 1 << 26


def _size_weights(size, shapley):
    """``(weights, denominator)``: r! (size-1-r)! and size! (Owen), or 1 and 2**(size-1)."""
    if shapley:
        return [factorial(r) * factorial(size - 1 - r) for r in range(size)], factorial(size)
    return [1] * size, 1 << (size - 1)


def _setup(weights, quota):
    divisor = np.gcd.reduce([w for w in weights if w] or [1])
    divisor = int(divisor)
    return [w // divisor for w in weights], -(-quota // divisor)


def table_cells(int_weights, int_quota, groups, shapley):
    """``(words, limit)``: words of the largest counting table, outer or inner, and the
    most the engine allows.

    The outer table counts the sets of unions below the quota (by size for the Owen
    value); an inner table counts the subsets of one union by size and weight, up to its
    total weight.
    """
    weights, quota = _setup(list(int_weights), int_quota)
    union_weights = sorted(u for u in (sum(weights[i] for i in g) for g in groups) if u < quota)
    if shapley:
        ranges = generating._limb_rows(
            len(union_weights), generating._size_rows(union_weights, quota))
        rows = sum(hi - lo + 1 for lo, hi in ranges)
    else:
        rows = generating._limbs_for(len(union_weights))
    inner = max((len(g) + 1) * (sum(weights[i] for i in g) + 1)
                * generating._limbs_for(len(g)) for g in groups)
    cells = max(rows * quota, inner)
    return cells, (MAX_CELLS if cells <= MAX_CELLS else max(MAX_CELLS, generating.max_cells()))


# -- joining limbs -----------------------------------------------------------------------------
def _joined(arrays, offsets, rows):
    """The by-size limb arrays as one object array of Python integers, ``rows`` rows."""
    columns = arrays[0].shape[1]
    if len(arrays) == 1 and offsets[0] == 0:
        table = arrays[0][:rows]
        if len(table) < rows:
            table = np.vstack([table, np.zeros((rows - len(table), columns), np.int64)])
        return table
    table = np.zeros((rows, columns), dtype=object)
    for limb, (array, first) in enumerate(zip(arrays, offsets, strict=True)):
        last = min(rows, first + len(array))
        if last > first:
            table[first:last] += array[:last - first].astype(object) \
                * (1 << (generating.DIGIT_BITS * limb))
    return table


# -- the outer level: other unions ---------------------------------------------------------------
def _outer_by_size(arrays, offsets, union_weight, low, quota, rows):
    """Per limb, c[r][x] = sum_j (-1)^j C[r - j][x - j U] for x in [low, quota), r < rows.

    The digits are those of the normalized product (below 2**31); at most ``rows`` terms
    add up, so the signed sums stay far below 2**63. Row r of limb l is nonzero only if
    some C[r - j] of that limb is: the limb's own rows and the ``rows`` below them.
    """
    width = quota - low
    result = []
    for array, first in zip(arrays, offsets, strict=True):
        out = np.zeros((rows, width), dtype=np.int64)
        j = 0
        while j < rows:
            shift = j * union_weight
            if shift >= quota:
                break
            start = max(low, shift)  # columns x with x - j U >= 0
            top, bottom = first + j, min(rows, first + len(array) + j)
            if bottom > top:
                piece = array[:bottom - top, start - shift:quota - shift]
                if j % 2:
                    out[top:bottom, start - low:] -= piece
                else:
                    out[top:bottom, start - low:] += piece
            j += 1
        result.append(out)
    return result


def _outer_prefix(prefix, union_weight, low, quota):
    """Prefix sums sum_{x < t} c[x] for t in [low, quota], c = C without the factor z^U.

    ``prefix`` holds the limbs of the prefix sums P of C, and low = quota - U. The
    quotient's prefix sums are the alternating sums sum_j (-1)^j P[t - j U]: with
    R[s] = P[quota - s] (reversed), P[t - j U] = R[s + j U] for s = quota - t, so a
    reshape of R into rows of U columns lines the terms up, and the alternating sum is
    the sum of the even rows minus that of the odd ones (s = U, t = low, is
    R[0] - the sum at s = 0). Per limb the P[t] do not decrease in t, so every alternating
    sum lies between 0 and its first term: the two sums wrap around in uint64, their
    difference is exact.
    """
    u = union_weight
    rows = quota // u + 1
    reversed_ = np.zeros((len(prefix), rows * u), dtype=np.uint64)
    reversed_[:, :quota + 1] = prefix[:, quota::-1].view(np.uint64)
    table = reversed_.reshape(len(prefix), rows, u)
    sums = (table[:, 0::2].sum(axis=1, dtype=np.uint64)
            - table[:, 1::2].sum(axis=1, dtype=np.uint64)).view(np.int64)
    # sums[:, s]: t = quota - s, for s in [0, U); then t = low (s = U)
    at_low = prefix[:, quota] - sums[:, 0]
    by_s = np.concatenate([sums, at_low[:, None]], axis=1)
    return _join_limbs(by_s[:, ::-1])


def _join_limbs(limbs):
    """Python integers from rows of 31-bit digits (limb l weighs 2**(31 l))."""
    total = limbs[0].astype(object)
    for limb in range(1, len(limbs)):
        total = total + limbs[limb].astype(object) * (1 << (generating.DIGIT_BITS * limb))
    return total


def _outer_counts(union_weights, quota, shapley):
    """For each union k: ``(low_k, prefix_k)``, the prefix sums of alpha_k from ``low_k``.

    ``prefix_k[t - low_k]`` is the sum of alpha_k[x] over low_k <= x < t, for t in
    [low_k, quota]; alpha_k[x] counts the sets of other unions weighing x, each weighted by
    r! (m-1-r)! for the Owen value (r its size).
    """
    m = len(union_weights)
    small = sorted(u for u in union_weights if u < quota)
    result = []
    if shapley:
        arrays, offsets = generating._product_by_size(small, quota)
        stored = max(first + len(array) for array, first in zip(arrays, offsets, strict=True))
        size_weights = np.array(_size_weights(m, True)[0], dtype=object)
        rows = min(m, stored)  # sets of other unions have fewer than m members
        for u in union_weights:
            low = max(0, quota - u)
            if u >= quota:  # not a factor of the product: nothing to divide out
                limbs = [_crop(array, first, rows, low, quota)
                         for array, first in zip(arrays, offsets, strict=True)]
            else:
                limbs = _outer_by_size(arrays, offsets, u, low, quota, rows)
            weighted = np.zeros(quota - low, dtype=object)
            for limb, digits in enumerate(limbs):
                used = np.flatnonzero(digits.any(axis=1))
                if len(used):
                    weighted += (size_weights[used] @ digits[used].astype(object)) \
                        * (1 << (generating.DIGIT_BITS * limb))
            result.append((low, _prefix_from(weighted)))
        return result
    prefix = generating._prefix_table(small, quota)
    for u in union_weights:
        low = max(0, quota - u)
        if u == 0:
            result.append((low, np.zeros(1, dtype=object)))
            continue
        if u >= quota:
            absolute = _join_limbs(prefix[:, low:quota + 1])
        else:
            absolute = _outer_prefix(prefix, u, low, quota)
        result.append((low, absolute - absolute[0]))
    return result


def _crop(array, first, rows, low, quota):
    """Rows 0..rows-1, columns [low, quota) of a limb stored from row ``first``."""
    out = np.zeros((rows, quota - low), dtype=np.int64)
    last = min(rows, first + len(array))
    if last > first:
        out[first:last] = array[:last - first, low:quota]
    return out


def _prefix_from(values):
    prefix = np.zeros(len(values) + 1, dtype=object)
    prefix[1:] = np.cumsum(values) if len(values) else []
    return prefix


# -- the inner level: the other members of the union ----------------------------------------------
def _without(table, w, rows):
    """Row recurrence b[t] = B[t] - b[t - 1] shifted by w: the product without (1 + y z^w)."""
    out = np.zeros((rows, table.shape[1]), dtype=table.dtype)
    out[0] = table[0]
    for t in range(1, rows):
        out[t] = table[t]
        if w < table.shape[1]:
            out[t, w:] -= out[t - 1, :table.shape[1] - w]
    return out


def _dense(prefix, low, quota, w, union_weight, inner, size_weights, shapley):
    """Sum over y of beta[y] (A(q - y) - A(q - w - y)), with A the outer prefix sums."""
    p = len(size_weights)
    ys = np.arange(union_weight - w + 1)
    upper = prefix[np.maximum(quota - ys, low) - low]
    lower = prefix[np.maximum(quota - w - ys, low) - low]
    window = upper - lower
    counts = _without(inner, w, p)[:, :union_weight - w + 1]
    if not shapley:  # every size weighs 1: sum the sizes first, in machine words if they fit
        return counts.sum(axis=0) @ window
    by_size = counts.astype(object) @ window if counts.dtype != object else counts @ window
    return sum(a * b for a, b in zip(size_weights, by_size, strict=True) if b)


def _sparse(alpha, low, quota, w, union_weight, inner, size_weights, shapley):
    """Sum over the x carrying outer counts of alpha[x] times the inner window counts.

    ``inner``: the inner product's cumulative limbs by size (Owen), or the limbs of its
    prefix sums by weight (Banzhaf-Owen).
    """
    p = len(size_weights)
    total = 0
    for index in np.flatnonzero(alpha != 0):
        x = low + int(index)
        high, bottom = min(quota - x, union_weight + 1), max(0, quota - w - x)
        if high <= bottom:
            continue
        if shapley:
            arrays, offsets = inner
            counts = generating._window_by_size_without(arrays, offsets, w, bottom, high, p)
            total += alpha[index] * sum(a * c for a, c in zip(size_weights, counts, strict=True))
        else:
            total += alpha[index] * generating._window_without(inner, w, bottom, high)
    return total


def _inner_tables(members, sparse, shapley):
    """What :func:`_dense` or :func:`_sparse` reads of the product over the members."""
    order = sorted(members)
    total = sum(members)
    if sparse and not shapley:
        return generating._prefix_table(order, total + 1)
    arrays, offsets = generating._product_by_size(order, total + 1)
    if sparse:
        return [generating._cumulative(array) for array in arrays], offsets
    return _joined(arrays, offsets, len(members) + 1)


#: The sparse route is taken when fewer than 1 in this many outer weights carry a count.
_SPARSE_RATIO = 64


def union_values(int_weights, int_quota, groups, shapley):
    """Owen (``shapley=True``) or Banzhaf-Owen values of a weighted game, as Fractions.

    ``groups`` partitions the player positions into unions.
    """
    weights, quota = _setup(list(int_weights), int_quota)
    n, m = len(weights), len(groups)
    union_weights = [sum(weights[i] for i in group) for group in groups]
    outer = _outer_counts(union_weights, quota, shapley)
    outer_denominator = _size_weights(m, shapley)[1]
    values = [Fraction(0)] * n
    for group, u, (low, prefix) in zip(groups, union_weights, outer, strict=True):
        members = [weights[i] for i in group]
        active = [i for i in group if weights[i] > 0]
        if not active or u == 0:
            continue  # null players
        p = len(group)
        size_weights, inner_denominator = _size_weights(p, shapley)
        alpha = np.diff(prefix)
        sparse = np.count_nonzero(alpha) * _SPARSE_RATIO < u
        inner = _inner_tables(members, sparse, shapley)
        done = {}
        for i in active:
            w = weights[i]
            if w not in done:
                if sparse:
                    numerator = _sparse(alpha, low, quota, w, u, inner, size_weights, shapley)
                else:
                    numerator = _dense(prefix, low, quota, w, u, inner, size_weights, shapley)
                done[w] = Fraction(int(numerator), outer_denominator * inner_denominator)
            values[i] = done[w]
    return values
