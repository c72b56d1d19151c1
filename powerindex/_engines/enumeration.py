"""Enumeration of all 2**n coalitions with numpy bit-mask arrays (private).

A game is held as its *winning table*: a boolean array whose entry ``mask`` says whether
the coalition with that bit mask wins (bit i is player i). Reshaping the table to
``(-1, 2, 2**i)`` pairs every coalition without player i (``[:, 0, :]``) with the same
coalition plus i (``[:, 1, :]``), so each per-player quantity is one vectorised pass.

Cost: O(n 2**n) time and O(2**n) bytes of memory; refused above ``MAX_PLAYERS``.
"""

import numpy as np

from ..errors import GameTooLargeError

MAX_PLAYERS = 26


def check_size(n):
    """Refuse to enumerate games whose table would not fit in memory."""
    if n > MAX_PLAYERS:
        raise GameTooLargeError(
            f"enumerating all 2**{n} coalitions is beyond this method (at most {MAX_PLAYERS}"
            " players); for a weighted game use method='generating' or 'backtrack'"
        )


def _doubling(start, steps):
    """Build an array over all masks by doubling: entry for mask | bit i from entry for mask."""
    array = start
    for step in steps:
        array = np.concatenate([array, step(array)])
    return array


def subset_sums(int_weights):
    """Total integer weight of every coalition, indexed by bit mask.

    int64 when no partial sum can pass 2**62 (the sum of the absolute values is below it:
    negative integers too, as TU games' shares and excesses have), else Python integers.
    """
    bound = sum(abs(w) for w in int_weights)
    dtype = np.int64 if bound < 2**62 else object
    start = np.zeros(1, dtype=dtype)
    return _doubling(start, [lambda a, w=w: a + w for w in int_weights])


def popcounts(n):
    """Number of members of every coalition, indexed by bit mask."""
    return _doubling(np.zeros(1, dtype=np.uint8), [lambda a: a + 1] * n)


def mask_map(bits):
    """For a relabelled game whose player j stands for the original bits ``bits[j]``: the
    original mask of every new mask."""
    return _doubling(np.zeros(1, dtype=np.int64), [lambda a, b=b: a | b for b in bits])


def _pairs(array, i):
    """Views of ``array`` over the coalitions without player i and with player i."""
    view = array.reshape(-1, 2, 1 << i)
    return view[:, 0, :], view[:, 1, :]


def upward_closure(generators, n):
    """Winning table of the game whose winning coalitions contain one of ``generators``."""
    table = np.zeros(1 << n, dtype=bool)
    table[list(generators)] = True
    return upward_closure_of_table(table, n)


def upward_closure_of_table(table, n):
    """A new table marking every coalition that contains a coalition marked in ``table``."""
    table = table.copy()
    for i in range(n):
        without, with_i = _pairs(table, i)
        with_i |= without
    return table


def monotonicity_violation(table, n):
    """A (winning mask, player) whose addition makes the coalition lose, or None."""
    for i in range(n):
        without, with_i = _pairs(table, i)
        bad = without & ~with_i
        if bad.any():
            # the masks without i, filtered to the bad ones: values, not positions
            masks = _pairs(np.arange(1 << n), i)[0].ravel()[bad.ravel()]
            return int(masks[0]), i
    return None


def _critical(table, i):
    """Per coalition without i: whether i turns it from losing to winning."""
    without, with_i = _pairs(table, i)
    return (with_i & ~without).ravel()


def swing_counts(table, n):
    """Number of swings of each player: coalitions S without i, S losing, S + i winning."""
    return [int(np.count_nonzero(_critical(table, i))) for i in range(n)]


def swings_by_size(table, n):
    """``counts[i][k]``: swings of player i at coalitions S (without i) of k members."""
    sizes = popcounts(n)
    result = []
    for i in range(n):
        sizes_without = _pairs(sizes, i)[0].ravel()
        per_size = np.bincount(sizes_without[_critical(table, i)], minlength=n)
        result.append([int(c) for c in per_size[:n]])
    return result


def winning_count(table):
    """Number of winning coalitions."""
    return int(np.count_nonzero(table))


def _critical_members(table, n):
    """Per winning coalition: how many of its members are critical (their exit makes it lose)."""
    counts = np.zeros(1 << n, dtype=np.uint8)
    for i in range(n):
        without, with_i = _pairs(table, i)
        _, count_with = _pairs(counts, i)
        count_with += with_i & ~without
    return counts


def minimal_winning_masks(table, n):
    """Bit masks of the minimal winning coalitions (every member critical), ascending."""
    minimal = table & (_critical_members(table, n) == popcounts(n))
    return [int(m) for m in np.flatnonzero(minimal)]


def johnston_tallies(table, n):
    """``tallies[i][c]``: winning coalitions with c critical members in which i is critical."""
    counts = _critical_members(table, n)
    tallies = []
    for i in range(n):
        count_with = _pairs(counts, i)[1].ravel()
        per_c = np.bincount(count_with[_critical(table, i)], minlength=n + 1)
        tallies.append({c: int(k) for c, k in enumerate(per_c) if k and c})
    return tallies
