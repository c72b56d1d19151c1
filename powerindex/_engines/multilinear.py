"""Owen's multilinear extension: the probability of being decisive, exactly (private).

Every player j votes yes independently with probability p_j = a_j / D (all over one
common denominator D). Player i is *decisive* when the others' yes-weight Y satisfies
q - w_i <= Y < q: its vote decides. That probability is the partial derivative of the
multilinear extension of the game in x_i (Owen 1972).

Weighted games: the generating function prod_j ((D - a_j) + a_j x^{w_j}) over the
players who are not certain (0 < p_j < 1) has integer coefficients; the coefficient of
x^t, over D^r, is the probability that those r players bring weight t. Players certain
to vote yes add their weight to every coalition, and players certain to vote no add
nothing. Player i's own factor is divided out again -- c'_t = (c_t - a_i c'_{t - w_i})
/ (D - a_i), an exact integer division, "deletion" as for power indices (Uno 2012) --
and its window summed. Only coefficients below the quota are needed; when the quota is
above half the total weight the complementary count is smaller: i is decisive when the
others' no-weight N satisfies W - q - w_i < N <= W - q, the same problem for the
probabilities 1 - p_j and the quota W - q + 1.

Other games: every coalition's probability, as an integer over D^n, by doubling over
the players, and a sum over the coalitions at which i swings, from the winning table.

Costs, for r uncertain players, bound b = min(q, W - q + 1) in integer weight units and
numbers of about r log2 D bits: O((r + d) b) big-integer operations for d distinct
(weight, probability) pairs; enumeration O(n 2**n).

References
----------
.. [1] G. Owen, "Multilinear extensions of games", Management Science 18 (1972),
   P64-P79. https://doi.org/10.1287/mnsc.18.5.64
.. [2] T. Uno, "Efficient computation of power indices for weighted majority games",
   ISAAC 2012, LNCS 7676, 679-689. https://doi.org/10.1007/978-3-642-35261-4_70
"""

import math
from fractions import Fraction

import numpy as np

__all__ = ["decisive_weighted", "decisive_enumerated", "table_cells", "MAX_CELLS"]

#: Largest coefficient table (entries, big integers) of the weighted engine.
MAX_CELLS = 1 << 22


def _scaled(probabilities):
    """``(numerators, D)``: each probability as a_j / D over the common denominator D."""
    denominator = math.lcm(1, *(p.denominator for p in probabilities))
    return [int(p * denominator) for p in probabilities], denominator


def table_cells(int_weights, int_quota):
    """Coefficients the weighted engine keeps: the bound min(q, W - q + 1)."""
    total = sum(int_weights)
    return min(int_quota, total - int_quota + 1)


def decisive_weighted(int_weights, int_quota, probabilities):
    """Per player, the probability (Fraction) that its vote decides, in a weighted game.

    ``probabilities`` are Fractions in [0, 1], one per player.
    """
    total = sum(int_weights)
    if total - int_quota + 1 < int_quota:
        # count the others' no-votes instead: the same problem, complemented
        return decisive_weighted(int_weights, total - int_quota + 1,
                                 [1 - p for p in probabilities])
    numerators, denominator = _scaled(probabilities)
    uncertain = [j for j, a in enumerate(numerators) if 0 < a < denominator]
    certain_weight = sum(w for w, a in zip(int_weights, numerators, strict=True)
                         if a == denominator)
    bound = int_quota  # coefficients of degrees 0 .. q - 1
    product = _product([(int_weights[j], numerators[j]) for j in uncertain], denominator,
                       bound)
    deleted = {}
    results = []
    for w, a in zip(int_weights, numerators, strict=True):
        fixed = certain_weight - (w if a == denominator else 0)
        if 0 < a < denominator:
            if (w, a) not in deleted:
                deleted[(w, a)] = _divided(product, w, a, denominator)
            coefficients, count = deleted[(w, a)], len(uncertain) - 1
        else:
            coefficients, count = product, len(uncertain)
        # decisive when q - w <= fixed + random < q
        low, high = max(0, int_quota - w - fixed), int_quota - fixed
        favourable = sum(coefficients[max(low, 0):max(min(high, bound), 0)].tolist())
        results.append(Fraction(favourable, denominator ** count))
    return results


def _product(factors, denominator, bound):
    """Coefficients 0 .. bound - 1 of prod ((D - a) + a x^w), as Python integers."""
    coefficients = np.zeros(bound, dtype=object)
    coefficients[:] = 0
    if bound:
        coefficients[0] = 1
    for w, a in sorted(factors):
        shifted = coefficients[:bound - w] * a if w < bound else None
        coefficients = coefficients * (denominator - a)
        if shifted is not None:
            coefficients[w:] += shifted
    return coefficients


def _divided(product, w, a, denominator):
    """The product without one factor (D - a) + a x^w: c'_t = (c_t - a c'_{t-w}) / (D - a),
    exactly, a block of w coefficients at a time."""
    if w == 0:  # the factor is the constant D
        return product // denominator
    result = np.empty(len(product), dtype=object)
    keep = denominator - a
    for start in range(0, len(product), w):
        block = product[start:start + w]
        if start >= w:
            block = block - a * result[start - w:start - w + len(block)]
        result[start:start + len(block)] = block // keep
    return result


def decisive_enumerated(table, n, probabilities):
    """Per player, the probability that its vote decides, from the winning table."""
    numerators, denominator = _scaled(probabilities)
    weight = np.ones(1, dtype=object)
    for a in numerators:  # the probability of every coalition, times D^n
        weight = np.concatenate([weight * (denominator - a), weight * a])
    masks = np.arange(1 << n, dtype=np.int64)
    table = np.asarray(table, dtype=bool)
    results = []
    for i, a in enumerate(numerators):
        bit = 1 << i
        without = masks[(masks & bit) == 0]
        swings = without[table[without | bit] & ~table[without]]
        # the probability of the others' votes: the coalition's weight with i voting
        # no (or yes), divided by that vote's factor
        if a < denominator:
            total = sum(weight[swings].tolist())
            results.append(Fraction(total, (denominator - a) * denominator ** (n - 1)))
        else:
            total = sum(weight[swings | bit].tolist())
            results.append(Fraction(total, a * denominator ** (n - 1)))
    return results
