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

Exact counts in machine words
-----------------------------
Counts reach 2**n, far beyond int64, but the product only ever *adds* counts. They are
kept as multi-word integers: digit l of every count (radix 2**31) in its own int64
array, a *limb*. A step adds a shifted copy of the table to itself, limb by limb, so
every digit at most doubles; starting below 2**31, digits stay below 2**62 for 31 steps,
and only then are the carries propagated (lazy carry normalization, as in
multi-precision arithmetic [4]_, Section 4.3.1). With at most 62 players below the bound one
limb holds the whole count (below 2**62) and is never normalized. Only the limbs a count
can reach are stored: a coalition count by size k is at most C(m, k) for the m players
below the bound, so limb l holds the sizes with C(m, k) >= 2**(31 l), and the weight-
only table adds a limb to its updates each time the number of players added passes a
multiple of 31. A limb costs what one modulus of a multi-modular (Chinese remainder)
computation with 31-bit primes costs, but limbs need no reconstruction and, since they
join as the counts grow, about half as many limb updates are made. Window sums, the
only quantities the indices need, are then taken limb by limb in int64 and joined into
Python integers once per (weight, size): the results are the same integers as with
Python-integer counts, and the same Fractions follow.

Players are added in increasing order of weight, so that the early steps touch only the
columns a coalition of the players so far can reach. The weight-only product also keeps
only the columns up to half the weight of the players so far, the rest following from the
symmetry C[t] = C[total - t] of a coalition and its complement, and skips, in each limb,
the low columns whose counts are too small to reach that limb (:func:`_prefix_table`).

Small games skip the limbs: their counts are one Python integer by Kronecker substitution,
by weight for at most 62 factors and 2048 columns (Iraq, the US Electoral College; see
:func:`_swing_windows_small`), by size and weight for at most 62 factors and 4096 cells
(Iraq; :func:`_swing_windows_by_size_small`), because there the fixed cost of the numpy
calls, not the arithmetic, is what a call costs.

Costs, with n players, b = min(q, W - q + 1) the bound, d distinct weights below it and
m of the players below it: weight counts O(n b (1 + n / 62)) word additions for the product
(about half of that for a quota near half the total, by the symmetry), O(b (1 + m / 31))
words of memory, and O(b (1 + m / 31) sum_w 1 / w) additions for the deletions, over the
distinct weights w; weight-and-size counts O(n b sum_k (1 + log2 C(m, k) / 31)) -- about
O(n^3 b / 90) -- and O(n^2 b) memory in words, for the product, and O(n^2 b) for the
deletions.

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
.. [4] D. E. Knuth, The Art of Computer Programming, Vol. 2: Seminumerical Algorithms,
   3rd ed., Addison-Wesley, 1997.
"""

import math
import os
import sys
from dataclasses import dataclass
from itertools import accumulate

import numpy as np

from ..errors import InvalidArgumentError

#: Radix of a limb: every limb holds 31-bit digits between carry normalizations.
DIGIT_BITS = 31
_MASK = (1 << DIGIT_BITS) - 1
#: Steps between two carry normalizations: digits below 2**31 double at most once per
#: step, so they stay below 2**62 < 2**63.
_STEPS_PER_CARRY = 31
#: Tables of at most this many columns are updated all rows at once.
_NARROW = 4096


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

    @property
    def small(self):
        """The weights below the bound, in increasing order: the factors of the product."""
        return sorted(w for w in self.weights if w < self.bound)


#: Counting tables of up to this many 8-byte words (summed over the limbs) are always
#: allowed: 2**26 words, 512 MiB.
MAX_CELLS = 1 << 26
#: Larger tables may take up to this share of the memory available when they are asked
#: for (:func:`max_cells`) ...
MEMORY_SHARE = 0.5
#: ... and never more than 2**31 words (16 GiB): the prefix sums of 31-bit digits over
#: fewer columns than that stay below 2**62.
CEILING_CELLS = 1 << 31
#: Bytes the caller lets the tables grow to (None: only the available memory counts). The
#: command line sets its own memory limit here, so that the engine refuses a table the
#: command would give up on anyway, with advice instead of a stop.
memory_budget = None


def available_memory():
    """Bytes this process can still take: the system's available memory (Linux
    ``MemAvailable``, else the free pages), within the address-space limit if one is set
    and within :data:`memory_budget`; None when the system does not say."""
    available = None
    try:
        with open("/proc/meminfo") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    available = int(line.split()[1]) * 1024
                    break
    except (OSError, ValueError, IndexError):
        pass
    if available is None:
        try:
            available = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        except (AttributeError, ValueError, OSError):
            return memory_budget
    if memory_budget is not None:
        available = min(available, memory_budget)
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_AS)
        if soft != resource.RLIM_INFINITY:
            with open("/proc/self/statm") as statm:
                used = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
            available = min(available, max(0, soft - used))
    except (ImportError, OSError, ValueError):
        pass
    return available


#: Environment variable that replaces the share: bytes ("12G", "800M", "5e9") or a
#: percentage of the available memory ("75%").
MEMORY_VARIABLE = "POWERINDEX_MAX_MEMORY"

_UNITS = {"K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}


def _memory_setting(text, available):
    """Bytes from :data:`MEMORY_VARIABLE`'s value (a malformed one raises
    InvalidArgumentError, a ValueError, naming the variable)."""
    value = text.strip().upper().removesuffix("B")
    try:
        if value.endswith("%"):
            if available is None:
                return None
            return int(available * float(value[:-1]) / 100)
        if value and value[-1] in _UNITS:
            return int(float(value[:-1]) * _UNITS[value[-1]])
        return int(float(value))
    except ValueError:
        raise InvalidArgumentError(
            f"{MEMORY_VARIABLE}={text!r} is neither bytes (12G, 800M, 5e9) nor a share of"
            " the available memory (75%)"
        ) from None


def max_cells():
    """The largest counting table allowed now, in words: :data:`MEMORY_SHARE` of the
    available memory (or what :data:`MEMORY_VARIABLE` says), at least :data:`MAX_CELLS`
    and at most :data:`CEILING_CELLS`."""
    available = available_memory()
    setting = os.environ.get(MEMORY_VARIABLE)
    if setting:
        allowed = _memory_setting(setting, available)
    else:
        allowed = None if available is None else int(available * MEMORY_SHARE)
    if allowed is None:
        return MAX_CELLS
    if memory_budget is not None:  # the caller's limit holds whatever the setting says
        allowed = min(allowed, memory_budget)
    return min(CEILING_CELLS, max(MAX_CELLS, allowed // 8))


def table_cells(int_weights, int_quota, by_size):
    """``(words, limit)``: words of the counting table for these weights (bound times the
    limbs, summed over the size rows by size) and the most the engine allows now
    (:func:`max_cells`)."""
    counting = _setup(int_weights, int_quota)
    m = len(counting.small)
    if by_size:
        sizes = _size_rows(counting.small, counting.bound)
        rows = sum(hi - lo + 1 for lo, hi in _limb_rows(m, sizes))
    else:
        rows = _limbs_for(m)
    cells = counting.bound * rows
    return cells, (MAX_CELLS if cells <= MAX_CELLS else max_cells())


def _setup(int_weights, int_quota):
    divisor = math.gcd(*int_weights) or 1
    weights = tuple(w // divisor for w in int_weights)
    quota = -(-int_quota // divisor)
    total = sum(weights)
    dual = total - quota + 1 < quota
    bound = total - quota + 1 if dual else quota
    return _Counting(weights, bound, dual, quota, total)


def _limbs_for(players):
    """Limbs for counts up to 2**players: one int64 (never normalized) up to 62 players."""
    return 1 if players <= 62 else players // DIGIT_BITS + 1


def _limb_rows(m, sizes=None):
    """Per limb l, the size rows ``(first, last)`` whose counts (at most C(m, k)) can have a
    nonzero digit l: those with C(m, k) >= 2**(31 l). Contiguous, as C(m, k) is unimodal.
    Only sizes up to ``sizes`` (default m) are stored."""
    sizes = m if sizes is None else sizes
    if m <= 62:
        return [(0, sizes)]
    bits = [math.comb(m, k).bit_length() for k in range(sizes + 1)]
    ranges = []
    for limb in range(_limbs_for(max(bits) - 1) if bits else 1):
        rows = [k for k in range(sizes + 1) if bits[k] > DIGIT_BITS * limb]
        ranges.append((rows[0], rows[-1]))
    return ranges


#: Words of a carry temporary in :func:`_normalize` (a few row strips at a time).
_CARRY_WORDS = 1 << 18


def _normalize(arrays, offsets, sizes, columns):
    """Propagate the carries of the by-size limb arrays, low to high, in place.

    Limb ``l + 1`` may cover fewer rows (leading axis) than limb ``l``: ``offsets`` gives
    the first row of each. The rows it lacks carry nothing into it, as their counts are
    below 2**(31 (l + 1)). Only sizes below ``sizes`` and the first ``columns`` columns
    can be nonzero; they are carried a strip of rows at a time, so that the temporaries
    stay small (and in cache).
    """
    strip = max(1, _CARRY_WORDS // max(columns, 1))
    for lower, upper, below, above in zip(arrays, arrays[1:], offsets, offsets[1:],
                                          strict=False):
        # lower's rows r hold size below + r, which is row below + r - above of upper
        first = max(0, above - below)
        last = min(len(lower), sizes - below, above + len(upper) - below)
        for start in range(0, min(len(lower), sizes - below), strip):
            rows = slice(start, min(start + strip, len(lower), sizes - below))
            carry = lower[rows, :columns] >> DIGIT_BITS
            lower[rows, :columns] &= _MASK
            into = slice(max(rows.start, first), min(rows.stop, last))
            if into.stop > into.start:
                upper[into.start + below - above:into.stop + below - above, :columns] += \
                    carry[into.start - rows.start:into.stop - rows.start]


def _extend_by_mirror(table, total, stored, columns):
    """Fill ``table[stored:columns]`` from P[t] = P[total - t] (zero for t > total).

    Every column filled is above half the total, so its source is below ``stored``.
    """
    inside = min(columns, total + 1) - stored
    if inside > 0:
        source = total - stored  # column t = stored takes P[total - stored], then down
        table[stored:stored + inside] = table[source - inside + 1:source + 1][::-1]
    else:
        inside = 0
    if stored + inside < columns:
        table[stored + inside:columns] = 0


def _carry(limbs, lows, columns):
    """Propagate the carries of the first ``columns`` of the limbs, low to high, in place.

    ``lows[l]``: limb l is zero below that column. A carry into limb l + 1 comes from a
    digit of limb l of at least 2**31, so from a column at or above ``lows[l]``, and may
    lower ``lows[l + 1]``; the column where it starts is looked for in the stretch below
    the old ``lows[l + 1]`` only.
    """
    for limb in range(len(limbs) - 1):
        low = lows[limb]
        if low >= columns:
            break  # this limb and the ones above are zero
        lower = limbs[limb][low:columns]
        carry = lower >> DIGIT_BITS
        lower &= _MASK
        limbs[limb + 1][low:columns] += carry
        below = carry[:max(0, lows[limb + 1] - low)]
        if below.any():
            lows[limb + 1] = low + int(np.argmax(below != 0))


def _prefix_table(weights, bound):
    """Prefix sums ``P[l, t]`` (limb l, radix 2**31) of the number of coalitions weighing
    less than t, for t = 0..bound: an int64 array of L rows and ``bound + 1`` columns.
    ``weights`` sorted, all below ``bound``.

    The coefficients of prod (1 + x^w) below the bound are built in the rows (after a
    zero column), normalized, then summed up in place. Two savings:

    * The coefficients are symmetric, C[t] = C[total - t] for the total weight of the
      players so far (a coalition and its complement among them). Only the columns up to
      half the total are kept, ``min(bound, total // 2 + 1)``, and before each block of
      steps the table is extended by this mirror to the columns the block will end with.
      With the quota near half the total this halves the columns of the last steps:
      about a third of all the work.
    * Limb l is zero below the first column whose count reaches 2**(31 l) (counts are
      small far from the middle): about a quarter of the limb columns, which are skipped
      (:func:`_carry` keeps track of where each limb starts).

    The steps run in blocks of 31 between carry normalizations, one limb at a time
    through a block, so that a limb and the one scratch row it alternates with stay in
    cache for the whole block; the carries run over the limbs a count can have reached.
    Memory: the table and one scratch row. Nothing else of the table's size is
    allocated (fresh memory costs a page fault per page at first touch).
    """
    table = np.zeros((_limbs_for(len(weights)), bound + 1), dtype=np.int64)
    limbs = [row[1:] for row in table]  # column 0 stays the prefix sums' P[0] = 0
    scratch = np.empty(bound, dtype=np.int64)  # holds anything below a limb's low
    limbs[0][0] = 1
    lows = [0] + [bound] * (len(limbs) - 1)  # limb l is zero below lows[l]
    total, stored = 0, 1  # weight of the players so far; columns kept
    for begin in range(0, len(weights), _STEPS_PER_CARRY):
        block = weights[begin:begin + _STEPS_PER_CARRY]
        # counts are below 2**steps: the limbs above are still zero
        active = min(len(limbs), (begin + len(block)) // DIGIT_BITS + 1)
        end_total = total + sum(block)
        end = min(bound, end_total // 2 + 1)  # the columns kept after the block
        for limb in range(active):
            row, low = limbs[limb], lows[limb]  # P[t] + P[t - w] is zero below low too
            _extend_by_mirror(row, total, stored, end)
            old, new = row, scratch
            for w in block:
                if w == 0:
                    old[low:end] *= 2
                    continue
                # new = old + old shifted by w (an in-place += would copy the overlap)
                split = max(low, min(low + w, end))
                new[low:split] = old[low:split]
                if end > split:
                    np.add(old[split:end], old[split - w:end - w], out=new[split:end])
                old, new = new, old
            if old is not row:
                row[low:end] = old[low:end]
        total, stored = end_total, end
        _carry(limbs[:active], lows, stored)
    for limb in limbs:
        _extend_by_mirror(limb, total, stored, bound)
        np.cumsum(limb, out=limb)
    return table


#: Tables of at most this many columns, for at most 62 factors, are counted in Python
#: integers (:func:`_swing_windows_small`).
_SMALL_COLUMNS = 2048


def _words(value, count):
    """The first ``count`` 64-bit words of a non-negative Python integer below 2**63 each
    (no numpy: small games are dominated by fixed costs)."""
    return memoryview(value.to_bytes(8 * count, sys.byteorder)).cast("q")


def _swing_windows_small(counting):
    """``(coalitions_below, {w: window count})`` of :func:`swing_counts` for small games.

    The product by Kronecker substitution: evaluated at x = 2**64 the polynomial is one
    Python integer whose 64-bit words are the counts (each below 2**62 with at most 62
    factors), and multiplying by (1 + x^w) is one shift and one addition. The prefix sums
    are then a Python list, and each alternating window sum of :func:`_window_without`
    four sums of list slices with stride 2w. For small games this does what the limb
    engine does at a fraction of its fixed cost (a few numpy calls per factor and per
    weight), which dominates there.
    """
    bound = counting.bound
    mask = (1 << (64 * bound)) - 1
    value, reach = 1, 1
    for w in counting.small:
        value += value << (64 * w)
        reach += w
        if reach > bound:
            value &= mask
    counts = _words(value, bound)
    prefix = list(accumulate(counts, initial=0))  # prefix[t]: coalitions weighing < t
    windows = {}
    for w in set(counting.weights):
        low, high = counting.window(w)
        if w == 0:
            windows[w] = (prefix[high] - prefix[low]) // 2
            continue
        # sum_j (-1)^j (P[high - j w] - P[low - j w]), terms with a negative column are 0
        windows[w] = (sum(prefix[high::-2 * w]) - sum(prefix[high - w::-2 * w])
                      if high >= w else prefix[high]) \
            - (sum(prefix[low::-2 * w]) - sum(prefix[low - w::-2 * w])
               if low >= w else prefix[low])
    return prefix[bound], windows


def _join(digits):
    """The integer with these int64 digit sums (limb l has weight 2**(31 l))."""
    return sum(int(d) << (DIGIT_BITS * limb) for limb, d in enumerate(digits))


def _cumulative(counts):
    """In place (the by-size table is too large to copy): ``counts[..., t]`` becomes the
    sum of the counts at columns <= t.

    The prefix sum P[t] of the columns *below* t is then ``counts[..., t - 1]`` (0 for
    t = 0): see :func:`_prefix_at`. Digits below 2**31 over fewer than 2**31 columns (the
    engine's ceiling, :data:`CEILING_CELLS`) stay below 2**62.
    """
    np.cumsum(counts, axis=-1, out=counts)
    return counts


def _prefix_at(cumulative, columns):
    """``P[..., columns]`` (sums of the columns below each) from :func:`_cumulative`."""
    values = cumulative[..., np.maximum(columns - 1, 0)]
    values[..., columns == 0] = 0
    return values


def _window_offsets(w, low, high, terms):
    """Column pairs (high - j w, low - j w) of the alternating sum, j = 0, 1, ... while the
    upper end stays positive (at most ``terms`` of them)."""
    if w == 0:
        count = terms
    else:
        count = min(terms, -(-high // w))
    steps = np.arange(count) * w
    return high - steps, np.maximum(low - steps, 0)


def _alternating(words, column, w):
    """Per limb, sum_j (-1)^j words[:, column - j w] over the columns >= 0, modulo 2**64.

    Two strided sums, no copy of the table. They wrap around in unsigned 64-bit
    arithmetic (well defined, unlike signed overflow); the differences that
    :func:`_window_without` takes are small, so they come out exact.
    """
    sums = words[:, column::-2 * w].sum(axis=1, dtype=np.uint64)
    if column >= w:
        sums -= words[:, column - w::-2 * w].sum(axis=1, dtype=np.uint64)
    return sums


def _window_without(prefix, w, low, high):
    """Coalitions of the others weighing in [low, high), from the prefix sums of all.

    ``prefix[l, t]``: digit l of the number of coalitions weighing less than t.
    Dividing (1 + x^w) out of the product gives c[t] = C[t] - c[t - w], that is
    c[t] = sum_j (-1)^j C[t - j w]; summed over the window, each term is a difference of
    prefix sums: sum_j (-1)^j (P[high - j w] - P[low - j w]). That costs O(bound / w) per
    limb instead of a pass over the whole array (for w = 0, c = C / 2). The windows of the
    terms are disjoint (high - low <= w), so each limb's sum is at most the sum of its
    digits over all columns in magnitude: below 2**57 for normalized limbs (digits below
    2**31), at most 2**62 for a single limb (all the coalitions of at most 62 players).
    So the difference of the two alternating sums of :func:`_alternating`, taken modulo
    2**64, is that sum exactly.
    """
    if w == 0:
        return _join(prefix[:, high] - prefix[:, low]) // 2
    words = prefix.view(np.uint64)
    digits = _alternating(words, high, w) - _alternating(words, low, w)
    return _join(digits.view(np.int64))


def swing_counts(int_weights, int_quota):
    """Number of swings of every player, and the number of winning coalitions.

    Returns
    -------
    swings : list of int
    winning : int
    """
    counting = _setup(int_weights, int_quota)
    n = len(counting.weights)
    small = counting.small
    if len(small) <= 62 and counting.bound <= _SMALL_COLUMNS:
        coalitions_below, by_weight = _swing_windows_small(counting)
        winning = coalitions_below if counting.dual else 2**n - coalitions_below
        return [by_weight[w] for w in counting.weights], winning
    prefix = _prefix_table(small, counting.bound)
    coalitions_below = _join(prefix[:, -1])
    winning = coalitions_below if counting.dual else 2**n - coalitions_below
    by_weight = {w: _window_without(prefix, w, *counting.window(w))
                 for w in set(counting.weights)}
    return [by_weight[w] for w in counting.weights], winning


def _size_rows(weights, bound):
    """Sizes a coalition below ``bound`` can have: k with the k lightest weighing < bound."""
    lightest = 0
    for k, w in enumerate(sorted(weights)):
        lightest += w
        if lightest >= bound:
            return k
    return len(weights)


#: By-size tables of at least this many words are built by several threads (numpy's
#: additions release the GIL), one group of limbs each.
_THREADED_CELLS = 1 << 22


def _threads():
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _steps(array, first, last, block, begin, reaches, lightest, bound):
    """Multiply one limb (size rows ``first``..``last``) by the factors (1 + y x^w) of
    ``block``, the factors ``begin``, ``begin + 1``, ... of the product.

    Limbs are independent between carry normalizations: row k of a limb takes row k - 1
    of the same limb, and the row below a limb's first is zero in that limb's digit.
    """
    for offset, w in enumerate(block):
        filled = begin + offset  # factors already in the product
        reach = reaches[filled]  # columns at and above this are still zero after this step
        top = min(last, filled + 1)
        if bound <= _NARROW and top > first:
            # few columns: one vectorized update (with numpy's copy of the overlap)
            # beats a Python loop over the rows
            start = lightest[first] + w
            if w == 0:
                array[1:top - first + 1] += array[:top - first]
            elif start < reach:
                array[1:top - first + 1, start:reach] += \
                    array[:top - first, start - w:reach - w]
            continue
        for k in range(top, first, -1):
            start = lightest[k - 1] + w
            if w == 0:
                array[k - first] += array[k - 1 - first]
            elif start < reach:
                array[k - first, start:reach] += array[k - 1 - first, start - w:reach - w]


def _limb_groups(ranges, workers):
    """The limbs split into ``workers`` groups of about equal rows (largest first)."""
    groups = [[] for _ in range(workers)]
    loads = [0] * workers
    for limb in sorted(range(len(ranges)), key=lambda i: ranges[i][0] - ranges[i][1]):
        lightest_group = loads.index(min(loads))
        groups[lightest_group].append(limb)
        loads[lightest_group] += ranges[limb][1] - ranges[limb][0] + 1
    return [group for group in groups if group]


def _product_by_size(weights, bound):
    """Coefficients [k, t] of prod (1 + y x^w) for t below ``bound``, by size and weight:
    ``(arrays, offsets)``, limb l an int64 array of the size rows from ``offsets[l]``.

    ``weights`` sorted and below ``bound``. With the lightest players first, row k is zero
    left of the weight of the k lightest (and rows with that weight at or above the bound
    are never stored), and every column right of the weight of all players so far.
    Between two carry normalizations the limbs are updated independently, by several
    threads for large tables.
    """
    ranges = _limb_rows(len(weights), _size_rows(weights, bound))
    arrays = [np.zeros((hi - lo + 1, bound), dtype=np.int64) for lo, hi in ranges]
    offsets = [lo for lo, _ in ranges]
    lightest = [0, *np.cumsum(weights).tolist()]
    reaches = [min(bound, 1 + total) for total in lightest[1:]]
    arrays[0][0, 0] = 1
    cells = sum(array.size for array in arrays)
    workers = min(_threads(), len(arrays)) if cells >= _THREADED_CELLS else 1
    groups = _limb_groups(ranges, workers)

    def run(group, block, begin):
        for limb in group:
            _steps(arrays[limb], *ranges[limb], block, begin, reaches, lightest, bound)

    pool = None
    if len(groups) > 1:  # imported here: concurrent.futures would cost every start-up 7 ms
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(len(groups))
    try:
        for begin in range(0, len(weights), _STEPS_PER_CARRY):
            block = weights[begin:begin + _STEPS_PER_CARRY]
            if pool is None:
                run(groups[0], block, begin)
            else:
                for done in [pool.submit(run, group, block, begin) for group in groups]:
                    done.result()
            end = begin + len(block)
            if end % _STEPS_PER_CARRY == 0:
                _normalize(arrays, offsets, end + 1, reaches[end - 1])
    finally:
        if pool is not None:
            pool.shutdown()
    _normalize(arrays, offsets, len(weights) + 1, reaches[-1] if weights else 1)
    return arrays, offsets


def _window_by_size_without(arrays, offsets, w, low, high, sizes):
    """Per size k: coalitions of k others weighing in [low, high), from cumulative limbs.

    Dividing (1 + y x^w) out gives c[k][t] = sum_j (-1)^j C[k - j][t - j w], so the window
    sum for size k is sum_j (-1)^j (P[k - j][high - j w] - P[k - j][low - j w]): one
    column difference per j, shifted down j rows. O(n min(n, bound / w)) per limb.
    """
    upper, lower = _window_offsets(w, low, high, sizes)
    j = np.arange(len(upper))
    sign = np.where(j % 2, -1, 1)
    k = np.arange(sizes)[:, None]
    result = np.zeros(sizes, dtype=object)
    for limb, (array, first) in enumerate(zip(arrays, offsets, strict=True)):
        columns = _prefix_at(array, upper) - _prefix_at(array, lower)  # rows x terms
        rows = k - j[None, :] - first
        inside = (rows >= 0) & (rows < len(array))
        picked = columns[np.clip(rows, 0, len(array) - 1), j[None, :]]
        digits = np.where(inside, picked * sign, 0).sum(axis=1)
        result += digits.astype(object) * (1 << (DIGIT_BITS * limb))
    return [int(c) for c in result]


#: By-size tables of at most this many cells (sizes times columns), for at most 62
#: factors, are counted in Python integers (:func:`_swing_windows_by_size_small`).
_SMALL_CELLS = 4096


def _swing_windows_by_size_small(counting, sizes):
    """``{w: per-size window counts}`` of :func:`swings_by_size` for small games.

    The product by size by Kronecker substitution in two variables: count [k, t] is the
    64-bit word k S + t of one Python integer (rows of S = 2 b words, so that a shift by
    a row and w columns never carries a column below the bound into the next row), and
    multiplying by (1 + y x^w) is one shift, one addition and one mask clearing the
    columns at and above the bound. Then the alternating sums of
    :func:`_window_by_size_without` over Python lists.
    """
    bound, small = counting.bound, counting.small
    rows, stride = len(small) + 1, 2 * counting.bound
    mask = int.from_bytes((b"\xff" * (8 * bound) + bytes(8 * bound)) * rows, "little")
    value = 1
    for w in small:
        value = (value + (value << (64 * (stride + w)))) & mask
    counts = _words(value, stride * rows)
    prefix = [list(accumulate(counts[k * stride:k * stride + bound], initial=0))
              for k in range(rows)]  # prefix[k][t]: coalitions of size k weighing < t
    windows = {}
    for w in set(counting.weights):
        low, high = counting.window(w)
        # sum_j (-1)^j (P[k - j][high - j w] - P[k - j][low - j w]) while high - j w > 0
        terms = min(sizes, -(-high // w)) if w else sizes
        per_size = []
        for k in range(sizes):
            total = 0
            for j in range(max(0, k - rows + 1), min(terms, k + 1)):  # rows k - j <= m
                row = prefix[k - j]
                term = row[high - j * w] - row[max(low - j * w, 0)]
                total += -term if j % 2 else term
            per_size.append(total)
        windows[w] = per_size[::-1] if counting.dual else per_size
    return windows


def swings_by_size(int_weights, int_quota):
    """``counts[i][k]``: swings of player i at coalitions of k other players."""
    counting = _setup(int_weights, int_quota)
    n = len(counting.weights)
    if len(counting.small) <= 62 and (len(counting.small) + 1) * counting.bound <= _SMALL_CELLS:
        by_weight = _swing_windows_by_size_small(counting, n)
        return [by_weight[w] for w in counting.weights]
    arrays, offsets = _product_by_size(counting.small, counting.bound)
    for array in arrays:
        _cumulative(array)
    by_weight = {}
    for w in set(counting.weights):
        low, high = counting.window(w)
        per_size = _window_by_size_without(arrays, offsets, w, low, high, n)
        by_weight[w] = per_size[::-1] if counting.dual else per_size
    return [by_weight[w] for w in counting.weights]
