"""Samplers: random orders, antithetic pairs, random coalitions, strata (private).

Each sampler is a function ``draw(rng, count)`` returning an array (count, n) of the
per-player values of ``count`` i.i.d. units, from one seeded generator.
"""

import numpy as np

from .._engines.plans import WeightThreshold
from .outcomes import int64_weights, pivot_positions, wins_with_and_without

__all__ = ["random_orders", "order_sampler", "antithetic_pays", "coalition_sampler",
           "stratum_contribution", "PILOT_PAIRS"]

#: Pairs of orders drawn by ``method="auto"`` to decide whether antithetic pairs pay.
PILOT_PAIRS = 200


def random_orders(rng, count, n, groups=None):
    """``count`` uniformly random orders of range(n); with ``groups``, orders in which every
    group arrives together (groups in random order, members in random order within)."""
    keys = rng.random((count, n))
    if groups is not None:
        union_of = np.empty(n, dtype=np.int64)
        for k, group in enumerate(groups):
            union_of[list(group)] = k
        rank = rng.random((count, len(groups))).argsort(axis=1).argsort(axis=1)
        keys += rank[:, union_of]
    return keys.argsort(axis=1)


def _one_hot(pivots, n):
    values = np.zeros((len(pivots), n))
    values[np.arange(len(pivots)), pivots] = 1.0
    return values


def order_sampler(game, antithetic, groups=None, communication=None):
    n = game.n
    plan = game.counting_plan()

    def values(orders):
        if communication is None:
            pivots = orders[np.arange(len(orders)), pivot_positions(plan, orders)]
            return _one_hot(pivots, n)
        return np.array([communication.contributions(order) for order in orders.tolist()])

    def draw(rng, count):
        orders = random_orders(rng, count, n, groups)
        if not antithetic:
            return values(orders)
        return (values(orders) + values(orders[:, ::-1])) / 2

    draw.values = values
    return draw


def antithetic_pays(rng, values, n, groups):
    """Whether reversed orders are negatively correlated with the orders, judged on a pilot.

    Averaging an order with its reverse lowers the variance of player i's estimate, per
    order drawn, exactly when the covariance of i's contributions in the two is negative.
    The sum of these covariances over the players is estimated on ``PILOT_PAIRS`` pairs.
    In a decisive game (exactly one of S and N - S wins, as in a majority game with an
    odd total) an order and its reverse have the same pivot, and the covariance is
    positive: pairing would double the variance.
    """
    orders = random_orders(rng, PILOT_PAIRS, n, groups)
    forward, backward = values(orders), values(orders[:, ::-1])
    covariance = (forward * backward).mean(axis=0) - forward.mean(axis=0) * backward.mean(axis=0)
    return bool(covariance.sum() < 0)


def coalition_sampler(game):
    plan = game.counting_plan()

    def draw(rng, count):
        members = rng.random((count, game.n)) < 0.5
        with_i, without_i = wins_with_and_without(plan, members)
        return (with_i & ~without_i).astype(float)

    return draw


def stratum_contribution(game, communication):
    """A function drawing, for player i and each requested size k, one random k-subset S of
    the others and returning the marginal contribution of i to S."""
    n = game.n
    plan = game.counting_plan()
    if isinstance(plan, WeightThreshold) and communication is None:
        fit = int64_weights(plan)
        if fit is not None:
            weights, quota = fit
        else:
            weights, quota = np.array(plan.weights, dtype=object), plan.quota
        rows = max(1, (1 << 18) // n)

        def contribution(rng, i, sizes):
            out = np.empty(len(sizes))
            for start in range(0, len(sizes), rows):
                chunk = sizes[start:start + rows]
                keys = rng.random((len(chunk), n))
                keys[:, i] = 2.0  # i sorts last: the first n - 1 entries order the others
                orders = keys.argsort(axis=1)[:, : n - 1]
                prefix = np.zeros((len(chunk), n), dtype=weights.dtype)
                prefix[:, 1:] = np.cumsum(weights[orders], axis=1)
                before = prefix[np.arange(len(chunk)), chunk]
                out[start:start + len(chunk)] = ((before < quota)
                                                 & (before + weights[i] >= quota))
            return out

        return contribution

    worth = communication.worth if communication is not None else plan.wins
    bits = [1 << j for j in range(n)]

    def contribution(rng, i, sizes):
        keys = rng.random((len(sizes), n))
        keys[:, i] = 2.0
        orders = keys.argsort(axis=1).tolist()
        out = np.empty(len(sizes))
        for row, (order, k) in enumerate(zip(orders, sizes.tolist(), strict=True)):
            mask = sum(bits[p] for p in order[:k])
            out[row] = int(worth(mask | bits[i])) - int(worth(mask))
        return out

    return contribution
