"""The Myerson value of a weighted game on a forest, without enumeration (private).

On a graph without cycles a player i who joins a coalition S merges with i the components
of S that touch i: one per neighbour j in S, the component T_j of S containing j in the
branch behind j. Every other component of S stays as it was. So i's marginal contribution
to Myerson's graph-restricted game is v(K) - sum_j v(T_j), K = {i} + the T_j, and the
Myerson value (the Shapley value of that game [1]_) is a sum over the connected
coalitions K containing i and over the T_j, each weighted by how many coalitions S have
them, by size.

Two routes:

* **Paths** (every component of the graph a path: parties on a left-right line). The
  connected coalitions are intervals, so K = [a, b] with a - 1 and b + 1 outside S, and
  everyone farther away free. A coalition of size s has Shapley weight
  s! (n-1-s)! / n!; summed over the free players, K with its w outer neighbours kept out
  weighs m! w! / (m + w + 1)!, m = |K| - 1 (the share of the orders in which K's other
  members come before the player and the w after it). Summed with prefix sums over the
  lengths, O(n^2) exact integer operations for the whole line, for any weights and
  quota.
* **Trees** (any forest). The generating function of a branch behind j, rooted away from
  i, by the size of S in the branch and the weight of T_j [2]_::

      F_j(y, x) = (1 + y)^(n_j - 1) + y x^{w_j} prod_{c child of j} F_c(y, x)

  (j outside S: the rest of the branch free; j inside: j, and each child's branch).
  Weights are counted up to the quota, heavier ones together. For each i the product of
  its branches gives the sizes and weights of K, and each branch alone those of T_j. Every
  branch table is built once for each direction of its edge (rerooting: prefix and suffix
  products of the branches at each node), and the last product at a node is only summed
  above the threshold, never built: O(n^3 q^2) at most, with n players and quota q, far
  less on trees of small branches.

Counts are exact integers (int64 below 63 players, Python integers above); the values are
Fractions.

References
----------
.. [1] R. B. Myerson, "Graphs and cooperation in games", Mathematics of Operations
   Research 2(3) (1977), 225-229. https://doi.org/10.1287/moor.2.3.225
.. [2] J. R. Fernandez, E. Algaba, J. M. Bilbao, A. Jimenez, N. Jimenez and J. J. Lopez,
   "Generating functions for computing the Myerson value", Annals of Operations Research
   109 (2002), 143-158. https://doi.org/10.1023/A:1016348001805
"""

import math
from fractions import Fraction
from math import comb, factorial

import numpy as np

__all__ = ["forest_kind", "myerson_on_forest", "tree_cells"]

#: Largest (sizes x weights) table the tree route builds, and the most cell updates per
#: player (``tree_cells``) it accepts.
MAX_TREE_WORK = 1 << 30


def forest_kind(neighbours):
    """``"path"``, ``"tree"`` (a forest, not all paths) or None (a cycle), of the
    adjacency lists ``neighbours`` (one list of neighbour positions per player)."""
    n = len(neighbours)
    edges = sum(len(a) for a in neighbours) // 2
    seen = [False] * n
    components = 0
    for start in range(n):
        if seen[start]:
            continue
        components += 1
        seen[start] = True
        stack = [start]
        while stack:
            v = stack.pop()
            for u in neighbours[v]:
                if not seen[u]:
                    seen[u] = True
                    stack.append(u)
    if edges != n - components:
        return None
    return "path" if all(len(a) <= 2 for a in neighbours) else "tree"


def tree_cells(weights, quota):
    """A bound on the table cells the tree route updates: n players, n products each."""
    n, divisor = len(weights), math.gcd(*weights) or 1
    return n * n * (n + 1) * (-(-quota // divisor) + 1)


def _shapley_weights(n):
    """s! (n-1-s)! for s = 0..n-1 (the Shapley weight of a coalition of s others, times n!)."""
    return [factorial(s) * factorial(n - 1 - s) for s in range(n)]


# -- paths ---------------------------------------------------------------------------------------
def _path_order(neighbours, start):
    order, previous, current = [start], None, start
    while True:
        following = [u for u in neighbours[current] if u != previous]
        if not following:
            return order
        previous, current = current, following[0]
        order.append(current)


def _on_line(line_weights, quota, free):
    """Numerators of the players of one path component, in line order: O(L^2).

    ``free(m, walls)``: the weight of the coalitions with m given members, ``walls``
    neighbours kept out and everyone else free. The player at p gains
    W(a, b) - W(a, p - 1) - W(p + 1, b) at K = [a, b] (W: the interval wins); each of the
    three sums runs over one end of the interval, the other end's weights being a range
    of :func:`free` over lengths (prefix sums by wall count), and W(a, b) holds from the
    first winning end on (weights are non-negative).
    """
    length = len(line_weights)
    cumulative = [0]
    for w in line_weights:
        cumulative.append(cumulative[-1] + w)
    # sums[w][x]: free(0, w) + ... + free(x - 1, w), for the lengths an interval can have
    sums = []
    for walls in range(3):
        row = [0]
        for members in range(length):
            row.append(row[-1] + free(members, walls))  # 0 where the walls do not fit
        sums.append(row)

    def lengths(walls, low, high):  # free(low, walls) + ... + free(high, walls)
        return sums[walls][high + 1] - sums[walls][low] if low <= high else 0

    def right_ends(a, first):  # sum over b = first .. L-1 of the weight of [a, b]
        if first > length - 1:
            return 0
        left = int(a > 0)
        return lengths(left + 1, first - a, length - 2 - a) + free(length - 1 - a, left)

    def left_ends(b, last):  # sum over a = 0 .. last of the weight of [a, b]
        right = int(b < length - 1)
        return lengths(1 + right, b - last, b - 1) + free(b, right)

    # first_win[a]: the first b >= a with [a, b] winning (length if none);
    # last_win[e]: the last a <= e with [a, e] winning (-1 if none)
    first_win, b = [], 0
    for a in range(length):
        b = max(b, a)
        while b < length and cumulative[b + 1] - cumulative[a] < quota:
            b += 1
        first_win.append(b)
    last_win, a = [], 0
    for e in range(length):
        while a <= e and cumulative[e + 1] - cumulative[a] >= quota:
            a += 1
        last_win.append(a - 1 if a > 0 and cumulative[e + 1] - cumulative[a - 1] >= quota
                        else -1)

    numerators = []
    for p in range(length):
        whole = sum(right_ends(a, max(p, first_win[a])) for a in range(p + 1))
        left = 0 if p == 0 else sum(right_ends(a, p) for a in range(last_win[p - 1] + 1))
        right = 0
        if p + 1 < length:
            right = sum(left_ends(b, p) for b in range(max(p + 1, first_win[p + 1]), length))
        numerators.append(whole - left - right)
    return numerators


def _on_paths(weights, quota, neighbours):
    n = len(weights)
    factorials = [1]
    for k in range(1, n + 1):
        factorials.append(factorials[-1] * k)

    # table[walls][members]: n! times the share of the orders in which the given members
    # come before the player and the walls after it, the others anywhere:
    # sum_k C(f, k) (m + k)! (f - k + w)! = n! m! w! / (m + w + 1)! (a Beta integral;
    # f = n - 1 - m - w); 0 where the walls do not fit
    table = [[factorials[n] // factorials[m + w + 1] * factorials[m] * factorials[w]
              if m + w + 1 <= n else 0 for m in range(n)] for w in range(3)]

    def free(members, walls):
        return table[walls][members]

    numerators = [0] * n
    done = [False] * n
    for start in range(n):
        if done[start] or len(neighbours[start]) > 1:
            continue
        line = _path_order(neighbours, start)  # a component: from one end to the other
        for v in line:
            done[v] = True
        for v, value in zip(line, _on_line([weights[v] for v in line], quota, free),
                            strict=True):
            numerators[v] = value
    return numerators


# -- trees ----------------------------------------------------------------------------------------
class _Tables:
    """Tables [size][weight] of counts, weights capped at the quota (the last column
    holds every weight at or above it)."""

    def __init__(self, n, cap):
        self.n, self.cap = n, cap
        self.dtype = np.int64 if n <= 62 else object

    def zeros(self, rows):
        return np.zeros((rows, self.cap + 1), dtype=self.dtype)

    def free(self, count):
        """(1 + y)^count: ``count`` players free to join, weight 0."""
        table = self.zeros(count + 1)
        table[:, 0] = [comb(count, k) for k in range(count + 1)]
        return table

    def times(self, left, right):
        """The product of two tables, weights added and capped."""
        if np.count_nonzero(right) > np.count_nonzero(left):
            left, right = right, left  # one pass per nonzero of the sparser table
        cap = self.cap
        result = self.zeros(len(left) + len(right) - 1)
        capped_left = np.cumsum(left[:, ::-1], axis=1)[:, ::-1]  # [s][t]: weight >= t
        for s, t in zip(*np.nonzero(right), strict=True):
            factor = right[s, t]
            rows = slice(s, s + len(left))
            if t < cap:
                result[rows, t:cap] += left[:, :cap - t] * factor
            result[rows, cap] += capped_left[:, cap - t] * factor
        return result

    def shifted(self, table, weight):
        """y x^weight times the table."""
        cap = self.cap
        result = self.zeros(len(table) + 1)
        if weight >= cap:
            result[1:, cap] = table.sum(axis=1)
            return result
        result[1:, weight:cap] = table[:, :cap - weight]
        result[1:, cap] = table[:, cap - weight:].sum(axis=1)
        return result

    def threshold_sums(self, left, right, threshold):
        """Per size: the counts of the product of weight at least ``threshold``, without
        building the product (O(rows^2 q) instead of O(rows^2 q^2))."""
        if threshold <= 0:
            return np.convolve(left.sum(axis=1), right.sum(axis=1))
        # at_least[s][t]: right's counts of size s weighing at least threshold - t
        tail = np.cumsum(right[:, ::-1], axis=1)[:, ::-1]  # tail[s][u]: weight >= u
        columns = np.clip(threshold - np.arange(self.cap + 1), 0, self.cap)
        at_least = tail[:, columns]
        pairs = left @ at_least.T  # [s1][s2]
        result = np.zeros(len(left) + len(right) - 1, dtype=self.dtype)
        for s1 in range(len(left)):
            result[s1:s1 + len(right)] += pairs[s1]
        return result

    def plus(self, left, right):
        rows = max(len(left), len(right))
        result = self.zeros(rows)
        result[:len(left)] += left
        result[:len(right)] += right
        return result


def _with_free(counts, free):
    """Counts by size, with ``free`` more players each free to join: a binomial convolution."""
    binomials = [comb(free, k) for k in range(free + 1)]
    result = [0] * (len(counts) + free)
    for s, c in enumerate(counts):
        if c:
            c = int(c)
            for k, b in enumerate(binomials):
                result[s + k] += c * b
    return result


def _shapley_sum(counts, shapley):
    return sum(c * shapley[s] for s, c in enumerate(counts) if c)


def _component_order(neighbours, root):
    """Breadth-first order of root's component, with each node's parent."""
    parent = {root: None}
    order = [root]
    for v in order:
        for u in neighbours[v]:
            if u not in parent:
                parent[u] = v
                order.append(u)
    return order, parent


def _on_trees(weights, quota, neighbours):
    """Rerooted: every branch table is built once, from the branches behind it.

    ``down[v]``: the branch behind v seen from its parent; ``up[v]``: the branch behind
    v's parent seen from v. At each node the product of the branch factors F of all its
    neighbours but one is a prefix times a suffix product, and the product of all of them
    gives the sizes and weights of K.
    """
    n = len(weights)
    tables = _Tables(n, quota)
    shapley = _shapley_weights(n)
    numerators = [0] * n
    placed = [False] * n
    for root in range(n):
        if placed[root]:
            continue
        order, parent = _component_order(neighbours, root)
        component = len(order)
        for v in order:
            placed[v] = True
        children = {v: [u for u in neighbours[v] if u != parent[v]] for v in order}
        size, down = {}, {}
        for v in reversed(order):
            size[v] = 1 + sum(size[c] for c in children[v])
            product = tables.free(0)
            for c in children[v]:
                product = tables.times(product, tables.plus(down[c], tables.free(size[c] - 1)))
            down[v] = tables.shifted(product, weights[v])
        up = {}
        for v in order:
            branches = [(down[c], size[c]) for c in children[v]]
            if parent[v] is not None:
                branches.append((up[v], component - size[v]))
            factors = [tables.plus(inside, tables.free(count - 1)) for inside, count in branches]
            prefix = [tables.free(0)]
            for factor in factors[:-1]:
                prefix.append(tables.times(prefix[-1], factor))
            suffix = [tables.free(0)]
            for factor in reversed(factors):
                suffix.append(tables.times(factor, suffix[-1]))
            suffix.reverse()  # suffix[k]: the product of factors k, k + 1, ...
            for k, c in enumerate(children[v]):
                up[c] = tables.shifted(tables.times(prefix[k], suffix[k + 1]), weights[v])
            # K = v with the branches' T_j; the players outside the component are free
            gains = _with_free(tables.threshold_sums(prefix[-1], factors[-1] if factors
                                                     else tables.free(0),
                                                     quota - weights[v]), n - component)
            losses = sum(_shapley_sum(_with_free(inside[:, quota], n - 1 - count), shapley)
                         for inside, count in branches)
            numerators[v] = _shapley_sum(gains, shapley) - losses
        del down, up
    return numerators


def myerson_on_forest(weights, quota, neighbours, kind):
    """The Myerson value of the weighted game [quota; weights] on a forest, as Fractions.

    ``neighbours``: the neighbour positions of each player; ``kind`` from
    :func:`forest_kind`.
    """
    n = len(weights)
    divisor = math.gcd(*weights) or 1  # smaller tables, the same game
    weights, quota = [w // divisor for w in weights], -(-quota // divisor)
    numerators = (_on_paths if kind == "path" else _on_trees)(weights, quota, neighbours)
    denominator = factorial(n)
    return [Fraction(x, denominator) for x in numerators]
