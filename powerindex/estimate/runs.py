"""Runs of i.i.d. samples, their running moments and their confidence intervals (private).

A *unit* is one independent draw: an order of the players (or an antithetic pair of
orders), or a coalition. :class:`UnitRun` keeps the running sums of the units' per-player
values; :class:`StratifiedRun` keeps them per stratum (player, coalition size) and
allocates new draws by Neyman's rule. Each turns its sums into estimates, standard errors
and confidence intervals (constructed in :mod:`.intervals`).
"""

from statistics import NormalDist

import numpy as np

from .intervals import (
    agresti_coull,
    clopper_pearson,
    fieller_interval,
    lattice_variance,
    stratified_score_interval,
    stratified_variance,
)

__all__ = ["UnitRun", "StratifiedRun"]


def _z_value(confidence):
    return NormalDist().inv_cdf((1 + confidence) / 2)


def _undefined(n):
    """Estimates of a ratio whose denominator was never observed: nan, intervals [0, 1]."""
    nan = np.full(n, np.nan)
    return nan, nan, np.zeros(n), np.ones(n)


class _Moments:
    """Running sums of i.i.d. per-unit vectors Y (one entry per player) and of their total T."""

    def __init__(self, n):
        self.units = 0
        self.sum = np.zeros(n)
        self.sum_squares = np.zeros(n)
        self.total = 0.0
        self.total_squares = 0.0
        self.cross = np.zeros(n)
        self.lowest = np.zeros(n)  # the range of the values seen, at least [0, 1]
        self.highest = np.ones(n)

    def add(self, values):
        totals = values.sum(axis=1)
        self.lowest = np.minimum(self.lowest, values.min(axis=0))
        self.highest = np.maximum(self.highest, values.max(axis=0))
        self.units += len(values)
        self.sum += values.sum(axis=0)
        self.sum_squares += (values * values).sum(axis=0)
        self.total += totals.sum()
        self.total_squares += (totals * totals).sum()
        self.cross += (values * totals[:, None]).sum(axis=0)

    def covariances(self):
        """Sample variances of Y, of T - Y (the other players' total) and their covariance."""
        m = self.units
        dof = max(m - 1, 1)
        mean, mean_total = self.sum / m, self.total / m
        own = np.maximum(self.sum_squares - m * mean**2, 0) / dof
        with_total = (self.cross - m * mean * mean_total) / dof
        of_total = max(self.total_squares - m * mean_total**2, 0) / dof
        covariance = with_total - own
        rest = np.maximum(of_total - 2 * with_total + own, 0)
        return own, rest, covariance


class UnitRun:
    """Samples i.i.d. units (orders, antithetic pairs, coalitions) in batches.

    The per-unit values are averages of ``per_unit`` integers (marginal contributions of
    a simple game along an order, or swing indicators); with ``bernoulli`` they are 0 or
    1. ``ratio``: the estimate is a player's share of the sum over the players (the
    normalized Banzhaf index). ``bounded``: the estimated values lie in [0, 1].
    """

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

    @property
    def interval_method(self):
        if self.ratio:
            return "fieller"
        return "clopper-pearson" if self.bernoulli else "agresti-coull"

    def advance(self, rng, target, report):
        units = -(-target // self.per_unit)
        while self.moments.units < units:
            count = min(self.batch, units - self.moments.units)
            self.moments.add(self.draw(rng, count))
            report(self.samples)

    def summary(self, confidence):
        """Estimates, standard errors and the ends of the intervals, one entry per player."""
        s = self.moments
        m = s.units
        z = _z_value(confidence)
        mean = s.sum / m
        own, rest, covariance = s.covariances()
        if self.ratio:
            return self._ratio_summary(mean, own, rest, covariance, z)
        error = np.sqrt(own / m)
        if self.bernoulli:
            return mean, error, *clopper_pearson(s.sum, m, confidence)
        # Myerson's contributions can be negative (a player joining two winning
        # components); the pseudo-observations go to the ends of the range seen.
        return mean, error, *agresti_coull(mean, own, m, z, self.bounded, s.lowest, s.highest)

    def _ratio_summary(self, mean, own, rest, covariance, z):
        """The normalized Banzhaf index: swings of a player over all swings (Fieller)."""
        s = self.moments
        m = s.units
        if s.total == 0:
            return _undefined(len(mean))
        others = s.total / m - mean

        def numerator_variance(eta):
            # A swing indicator with mean eta has the variance eta * (1 - eta).
            return np.maximum(own, lattice_variance(np.minimum(eta, 1.0))) / m

        ratio, (low, high) = fieller_interval(mean, others, numerator_variance, rest / m,
                                              covariance / m, z, correction=1 / (2 * m))
        # Delta method, for the reported standard error.
        total = s.total / m
        residual = (1 - ratio) ** 2 * own - 2 * ratio * (1 - ratio) * covariance \
            + ratio**2 * rest
        error = np.sqrt(np.maximum(residual, 0) / m) / total
        return ratio, error, low, high


# -- stratified sampling (Castro et al. 2017) ---------------------------------------------
class StratifiedRun:
    """Strata (player i, size k of the coalition before i), optimum allocation after a pilot.

    ``value_i = sum_k weight[k] * E[marginal contribution of i to a random k-subset of the
    others]``: weight[k] = 1/n for the Shapley value, C(n-1, k) / 2**(n-1) for the Banzhaf
    measure.
    """

    interval_method = "score"

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
        if ratio:
            self.interval_method = "fieller"

    @property
    def samples(self):
        return -(-int(self.counts.sum()) // self.game.n)

    def _sample_variances(self):
        counts = np.maximum(self.counts, 1)
        means = self.sums / counts
        variance = np.maximum(self.sum_squares - counts * means**2, 0) / np.maximum(counts - 1, 1)
        return means, variance

    def _variances(self):
        means, variance = self._sample_variances()
        counts = np.maximum(self.counts, 1)
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

    def summary(self, confidence):
        """Estimates, standard errors and the ends of the intervals, one entry per player."""
        z = _z_value(confidence)
        counts = np.maximum(self.counts, 1)
        means, raw = self._sample_variances()
        # The reported standard errors use the allocation's floored stratum variances.
        variances = (self._variances()[1] / counts) @ (self.weights**2)
        if self.ratio:
            return self._ratio_summary(means, raw, counts, variances, z)
        estimates, (low, high) = stratified_score_interval(means, raw, counts, self.weights,
                                                           z, self.bounded)
        return estimates, np.sqrt(variances), low, high

    def _ratio_summary(self, means, raw, counts, variances, z):
        """The normalized Banzhaf index: a player's swing rate over the sum of all (Fieller)."""
        n = len(means)
        estimates = means @ self.weights
        total = estimates.sum()
        if total == 0:
            return _undefined(n)
        at_estimates = stratified_variance(means, raw, counts, self.weights, np.zeros(n),
                                           self.bounded)

        def numerator_variance(eta):
            return stratified_variance(means, raw, counts, self.weights, eta - estimates,
                                       self.bounded)

        correction = (self.weights / (2 * counts)).max(axis=1)
        share, (low, high) = fieller_interval(
            estimates, total - estimates, numerator_variance,
            at_estimates.sum() - at_estimates, 0.0, z, correction)
        # Delta method; the players' estimates are independent (separate draws).
        errors = ((total - estimates) ** 2 * variances
                  + estimates**2 * (variances.sum() - variances)) / total**4
        return share, np.sqrt(errors), low, high


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
