"""Runs of i.i.d. samples, their running moments and their confidence intervals (private).

A *unit* is one independent draw: an order of the players (or an antithetic pair of
orders), or a coalition. :class:`UnitRun` keeps the running sums of the units' per-player
values; :class:`StratifiedRun` keeps them per stratum (player, coalition size) and
allocates new draws by Neyman's rule. Each turns its sums into estimates, standard errors
and confidence intervals.
"""

import numpy as np

__all__ = ["UnitRun", "StratifiedRun", "wilson", "normal"]


class _Moments:
    """Running sums of i.i.d. per-unit vectors Y (one entry per player) and of their total T."""

    def __init__(self, n):
        self.units = 0
        self.sum = np.zeros(n)
        self.sum_squares = np.zeros(n)
        self.total = 0.0
        self.total_squares = 0.0
        self.cross = np.zeros(n)

    def add(self, values):
        totals = values.sum(axis=1)
        self.units += len(values)
        self.sum += values.sum(axis=0)
        self.sum_squares += (values * values).sum(axis=0)
        self.total += totals.sum()
        self.total_squares += (totals * totals).sum()
        self.cross += (values * totals[:, None]).sum(axis=0)


class UnitRun:
    """Samples i.i.d. units (orders, antithetic pairs, coalitions) in batches."""

    def __init__(self, draw, n, per_unit, batch, *, bernoulli, ratio, bounded):
        self.draw = draw  # (rng, count) -> array (count, n) of per-unit values
        self.moments = _Moments(n)
        self.per_unit = per_unit
        self.batch = batch
        self.bernoulli = bernoulli
        self.ratio = ratio
        self.bounded = bounded

    @property
    def samples(self):
        return self.moments.units * self.per_unit

    def advance(self, rng, target, report):
        units = -(-target // self.per_unit)
        while self.moments.units < units:
            count = min(self.batch, units - self.moments.units)
            self.moments.add(self.draw(rng, count))
            report(self.samples)

    def summary(self, z):
        s = self.moments
        m = s.units
        mean = s.sum / m
        if self.ratio:
            if s.total == 0:
                nan = np.full(len(mean), np.nan)
                return nan, nan, np.zeros(len(mean)), np.ones(len(mean))
            ratio = s.sum / s.total
            residual = s.sum_squares - 2 * ratio * s.cross + ratio**2 * s.total_squares
            error = np.sqrt(np.maximum(residual, 0) / max(m - 1, 1) / m) / (s.total / m)
            return ratio, error, *normal(ratio, error, z, self.bounded)
        variance = np.maximum(s.sum_squares - m * mean**2, 0) / max(m - 1, 1)
        error = np.sqrt(variance / m)
        if self.bernoulli:
            return mean, error, *wilson(mean, m, z)
        low, high = normal(mean, error, z, self.bounded)
        if self.bounded:
            # All observations equal (0 or 1): the normal interval would be empty, so use the
            # Wilson interval of m Bernoulli trials, which is not.
            low_w, high_w = wilson(mean, m, z)
            flat = variance == 0
            low, high = np.where(flat, low_w, low), np.where(flat, high_w, high)
        return mean, error, low, high


def wilson(p, m, z):
    """Wilson score interval for a proportion p observed in m trials."""
    z2 = z * z
    centre = (p + z2 / (2 * m)) / (1 + z2 / m)
    half = z / (1 + z2 / m) * np.sqrt(p * (1 - p) / m + z2 / (4 * m * m))
    # At p = 0 (or 1) the lower (upper) end is 0 (1) exactly; rounding would leave 1e-19.
    low = np.where(p <= 0, 0.0, np.maximum(centre - half, 0.0))
    high = np.where(p >= 1, 1.0, np.minimum(centre + half, 1.0))
    return low, high


def normal(mean, error, z, bounded):
    low, high = mean - z * error, mean + z * error
    if bounded:
        low, high = np.maximum(low, 0.0), np.minimum(high, 1.0)
    return low, high


# -- stratified sampling (Castro et al. 2017) ---------------------------------------------
class StratifiedRun:
    """Strata (player i, size k of the coalition before i), optimum allocation after a pilot.

    ``value_i = sum_k weight[k] * E[marginal contribution of i to a random k-subset of the
    others]``: weight[k] = 1/n for the Shapley value, C(n-1, k) / 2**(n-1) for the Banzhaf
    measure.
    """

    def __init__(self, game, contribution, weights, *, ratio, bounded, pilot):
        n = game.n
        self.game = game
        self.contribution = contribution  # (rng, i, sizes) -> marginal contributions
        self.weights = np.asarray(weights, dtype=float)
        self.counts = np.zeros((n, n), dtype=np.int64)
        self.sums = np.zeros((n, n))
        self.sum_squares = np.zeros((n, n))
        self.ratio = ratio
        self.bounded = bounded
        self.pilot = pilot

    @property
    def samples(self):
        return -(-int(self.counts.sum()) // self.game.n)

    def _variances(self):
        counts = np.maximum(self.counts, 1)
        means = self.sums / counts
        variance = np.maximum(self.sum_squares - counts * means**2, 0) / np.maximum(counts - 1, 1)
        # A stratum whose draws all agreed has sample variance 0, which need not be its true
        # variance: floor it at that of a proportion 1/2 success in counts + 1 trials.
        floor = 0.5 / (counts + 1) * (1 - 0.5 / (counts + 1))
        return means, np.maximum(variance, floor)

    def advance(self, rng, target, report):
        n = self.game.n
        if not self.counts.any():
            self._draw(rng, np.full((n, n), self.pilot, dtype=np.int64), report)
        budget = target * n - int(self.counts.sum())
        if budget > 0:
            _, variance = self._variances()
            score = self.weights[None, :] * np.sqrt(variance)
            self._draw(rng, _largest_remainder(score, budget), report)

    def _draw(self, rng, allocation, report):
        n = self.game.n
        for i in range(n):
            sizes = np.repeat(np.arange(n), allocation[i])
            if not len(sizes):
                continue
            values = self.contribution(rng, i, sizes)
            self.counts[i] += allocation[i]
            self.sums[i] += np.bincount(sizes, weights=values, minlength=n)
            self.sum_squares[i] += np.bincount(sizes, weights=values * values, minlength=n)
            report(self.samples)

    def summary(self, z):
        means, variance = self._variances()
        estimates = means @ self.weights
        variances = (variance / np.maximum(self.counts, 1)) @ (self.weights**2)
        if self.ratio:
            total = estimates.sum()
            if total == 0:
                n = len(estimates)
                nan = np.full(n, np.nan)
                return nan, nan, np.zeros(n), np.ones(n)
            share = estimates / total
            # Delta method; the players' estimates are independent (separate draws).
            variances = ((total - estimates) ** 2 * variances
                         + estimates**2 * (variances.sum() - variances)) / total**4
            estimates = share
        error = np.sqrt(variances)
        return estimates, error, *normal(estimates, error, z, self.bounded)


def _largest_remainder(score, budget):
    """Split ``budget`` into integers proportional to ``score`` (equal if all zero)."""
    flat = score.ravel()
    if flat.sum() <= 0:
        flat = np.ones_like(flat)
    exact = flat / flat.sum() * budget
    allocation = np.floor(exact).astype(np.int64)
    rest = budget - int(allocation.sum())
    if rest:
        allocation[np.argsort(allocation - exact, kind="stable")[:rest]] += 1
    return allocation.reshape(score.shape)
