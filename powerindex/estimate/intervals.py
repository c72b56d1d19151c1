"""Confidence intervals of the Monte Carlo estimates (private).

Sampled marginal contributions of a simple game are integers (0 or 1 but for Myerson's
value of an improper game), so an estimate can be exactly 0, or show no spread at all,
although the value is not 0: a normal interval with the sample variance would then have
zero width. Each construction here stays valid in that case:

* :func:`clopper_pearson` -- means of 0/1 units (plain orders for Shapley-Shubik and
  Owen, coalitions for the absolute Banzhaf measure): exact binomial tails;
* :func:`agresti_coull` -- means of other units (antithetic pairs, Myerson's
  contributions): pseudo-observations at the ends of their range, and a continuity
  correction;
* :func:`stratified_score_interval` -- weighted sums of independent stratum means: a
  normal test whose variance, in each stratum, is at least the least variance that a
  distribution on the integers can have at the stratum's mean moved to the tested value
  (for 0/1 values: the variance of a proportion, as in Wilson's score interval);
* :func:`fieller_interval` -- a ratio of means (the normalized Banzhaf index): Fieller's
  test of ``numerator - r * denominator = 0``, with the numerator's variance bounded below
  at the tested ratio in the same way.

The test inversions are solved outward from the estimate by bisection
(:func:`accepted_range`), vectorised over the players.
"""

import numpy as np

__all__ = ["clopper_pearson", "agresti_coull", "lattice_variance", "accepted_range",
           "stratified_variance", "stratified_score_interval", "fieller_interval"]

#: Bisection steps: the ends are found to 2**-32 of the searched range.
STEPS = 32


def clopper_pearson(successes, trials, confidence):
    """The Clopper-Pearson interval of a proportion: ``successes`` (an array) of ``trials``.

    The ends are quantiles of beta distributions; the interval covers the true proportion
    with probability at least ``confidence``, whatever it is.
    """
    from scipy.special import betaincinv

    tail = (1 - confidence) / 2
    x = np.rint(np.asarray(successes, dtype=float))
    failures = trials - x
    low = np.where(x > 0, betaincinv(np.maximum(x, 1), failures + 1, tail), 0.0)
    high = np.where(failures > 0, betaincinv(x + 1, np.maximum(failures, 1), 1 - tail), 1.0)
    return low, high


def agresti_coull(mean, variance, units, z, bounded, lowest=0.0, highest=1.0):
    """Interval for the mean of ``units`` i.i.d. values (integers, or averages of two).

    Agresti and Coull's adjustment, generalised from proportions: ``z**2 / 2``
    pseudo-observations are added at each end of the values' range, ``lowest`` and
    ``highest`` (arrays, one per player, or numbers), and the normal interval is taken
    around the mean of the augmented sample, with its variance, widened by half a step of
    the integers over ``units`` (a continuity correction). For 0/1 values (the range
    [0, 1]) it is the Agresti-Coull interval with that correction. The
    pseudo-observations keep the variance at least about ``z**2 / (4 * units)`` when
    every unit agreed, and weigh nothing against many units. ``variance`` is the sample
    variance of the values.
    """
    pseudo = z * z / 2
    augmented = units + 2 * pseudo
    centre = (units * mean + pseudo * (lowest + highest)) / augmented
    squares = (max(units - 1, 0) * variance + units * (mean - centre) ** 2
               + pseudo * ((lowest - centre) ** 2 + (highest - centre) ** 2))
    half = z * np.sqrt(squares) / augmented + 1 / (2 * units)
    low, high = np.minimum(centre - half, mean), np.maximum(centre + half, mean)
    if bounded:
        low, high = np.maximum(low, 0.0), np.minimum(high, 1.0)
    return low, high


def lattice_variance(mean):
    """The least variance of a distribution on the integers with this mean.

    It puts all its mass on the two integers next to the mean: for a mean in [0, 1],
    ``mean * (1 - mean)``, the variance of a proportion.
    """
    below = np.floor(mean)
    return np.maximum((mean - below) * (below + 1 - mean), 0.0)


def accepted_range(estimate, accepts, lowest, highest):
    """The interval of the values theta with ``accepts(theta)`` around ``estimate``.

    ``accepts`` maps an array of candidate values (two rows of one value per player: for
    the lower and for the upper end) to bools of the same shape, and accepts the estimate
    itself. Each end is searched by bisection between the estimate and ``lowest``
    (``highest``); an end that ``accepts`` admits is kept as is.
    """
    estimate = np.asarray(estimate, dtype=float)
    bounds = np.stack([np.broadcast_to(lowest, estimate.shape),
                       np.broadcast_to(highest, estimate.shape)]).astype(float)
    inside, outside = np.stack([estimate, estimate]), bounds.copy()
    for _ in range(STEPS):
        middle = (inside + outside) / 2
        admitted = accepts(middle)
        inside = np.where(admitted, middle, inside)
        outside = np.where(admitted, outside, middle)
    ends = np.where(accepts(bounds), bounds, inside)
    return ends[0], ends[1]


def _admits(distance, correction, variance, z):
    """The normal test of a difference, continuity-corrected, with the given variance."""
    return np.maximum(distance - correction, 0.0) ** 2 <= z * z * variance


def stratified_variance(means, variances, counts, weights, shift, bounded):
    """Variance of ``means @ weights`` (a row per player) when its value is tested.

    Each stratum's variance is taken as at least :func:`lattice_variance` at its mean
    moved by ``shift`` (the tested value minus the estimate, one per player; the weights
    sum to 1, so the moved means average to the tested value), or at least its sample
    variance. With ``bounded`` the moved means are kept within [0, 1].
    """
    moved = means + np.asarray(shift)[..., None]
    if bounded:
        moved = np.clip(moved, 0.0, 1.0)
    floor = np.maximum(variances, lattice_variance(moved))
    return (floor / counts) @ (weights**2)


def stratified_score_interval(means, variances, counts, weights, z, bounded):
    """Estimate and interval of every player's ``sum_k weights[k] * means[player, k]``.

    ``means``, ``variances`` (sample variances) and ``counts`` are arrays (player,
    stratum) of independent strata of integer values. A value theta is kept unless
    ``|estimate - theta|``, less a continuity correction of half a step of the coarsest
    stratum, exceeds ``z`` standard deviations from :func:`stratified_variance`.
    """
    estimate = means @ weights
    correction = (weights / (2 * counts)).max(axis=1)

    def accepts(theta):
        variance = stratified_variance(means, variances, counts, weights, theta - estimate,
                                       bounded)
        return _admits(np.abs(estimate - theta), correction, variance, z)

    if bounded:
        lowest, highest = 0.0, 1.0
    else:
        # The variance is at most that with every stratum's floor at its largest, 1/4.
        widest = (np.maximum(variances, 0.25) / counts) @ (weights**2)
        reach = 2 * (correction + z * np.sqrt(widest))
        lowest, highest = estimate - reach, estimate + reach
    return estimate, accepted_range(estimate, accepts, lowest, highest)


def fieller_interval(numerator, rest, numerator_variance, rest_variance, covariance, z,
                     correction):
    """Estimate and interval of the ratio ``numerator / (numerator + rest)`` of two means.

    ``numerator`` and ``rest`` are estimated means (a player's swing rate and that of the
    others), ``rest_variance`` and ``covariance`` the variances of their estimates. A
    ratio r in [0, 1] is kept unless the estimate of ``(1 - r) * numerator - r * rest``,
    which is 0 exactly at the true ratio, is more than ``z`` standard deviations (less
    the continuity correction ``(1 - r) * correction``) from 0: Fieller's construction.
    Its variance is ``(1 - r)**2 * numerator_variance(eta) - 2 r (1 - r) covariance
    + r**2 rest_variance`` for ``eta = r * rest / (1 - r)``, the numerator's mean that r
    implies, so that the numerator's variance can be bounded below there. Where no swing
    was seen at all (``numerator + rest == 0``), every r is kept.
    """
    total = numerator + rest
    ratio = np.divide(numerator, total, out=np.zeros_like(total), where=total > 0)

    def accepts(r):
        implied = r * rest / np.maximum(1 - r, 1e-300)
        variance = ((1 - r) ** 2 * numerator_variance(implied)
                    - 2 * r * (1 - r) * covariance + r**2 * rest_variance)
        distance = np.abs((1 - r) * numerator - r * rest)
        return _admits(distance, (1 - r) * correction, np.maximum(variance, 0.0), z)

    return ratio, accepted_range(ratio, accepts, 0.0, 1.0)
