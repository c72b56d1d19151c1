"""Monte Carlo estimates of power indices with confidence intervals, for games beyond exact methods.

The exact algorithms stop somewhere: enumeration at 26 players, generating functions when the
integer weights (the weights times the common denominator) are astronomically large, the
Myerson and Owen values at 26 players. :func:`estimate` samples instead. It draws random
orders of the players or random coalitions from a seeded generator, and returns an
:class:`Estimate`. That is a read-only mapping from player to a float estimate. It carries a
confidence interval and a standard error for every player, and the number of samples, the
seed and the method that produced it.

What is sampled:

* Shapley-Shubik index -- random orders of the players, one pivot per order [1]_;
* Banzhaf index -- random coalitions (each player in with probability 1/2), the swing rate
  of every player; the normalized index as a ratio of swing rates;
* Myerson value -- random orders, the marginal contribution of each player to the number
  of winning connected components of the coalition that precedes it;
* Owen value -- random orders in which the members of every union arrive together.

Variance reduction: *antithetic* orders, where each order is paired with its reverse [3]_,
and *stratified* sampling by player and coalition size with optimum (Neyman) allocation
[2]_.

Examples
--------
>>> import powerindex as pi
>>> from powerindex.montecarlo import estimate
>>> eec = pi.WeightedGame([4, 4, 4, 2, 2, 1], 12,
...                       players=["FR", "DE", "IT", "BE", "NL", "LU"])
>>> result = estimate(eec, samples=20_000, seed=1)
>>> low, high = result.confidence_interval("FR")
>>> bool(low <= 7 / 30 <= high), round(sum(result.values()), 12)
(True, 1.0)

References
----------
.. [1] J. Castro, D. Gomez and J. Tejada, "Polynomial calculation of the Shapley value
   based on sampling", Computers & Operations Research 36(5) (2009), 1726-1730.
   https://doi.org/10.1016/j.cor.2008.04.004
.. [2] J. Castro, D. Gomez, E. Molina and J. Tejada, "Improving polynomial estimation of
   the Shapley value by stratified random sampling with optimum allocation", Computers &
   Operations Research 82 (2017), 180-188.
.. [3] R. Mitchell, J. Cooper, E. Frank and G. Holmes, "Sampling permutations for Shapley
   value estimation", Journal of Machine Learning Research 23 (2022), paper 43, 1-46.
"""

import math
import sys
import time
import warnings
from collections import namedtuple
from fractions import Fraction
from itertools import accumulate
from numbers import Integral, Real
from operator import or_

import numpy as np

from .errors import (
    GraphError,
    InvalidMethodError,
    InvalidSamplingError,
    InvalidTypeError,
    InvalidUnionsError,
    PrecisionWarning,
)
from .games import CompositeGame, Game, WeightedGame
from .results import INDEX_TITLES, _PlayerValues

__all__ = [
    "estimate",
    "Estimate",
    "ConfidenceInterval",
    "InvalidSamplingError",
    "PrecisionWarning",
]

#: Samples drawn when neither ``samples`` nor ``precision`` is given.
DEFAULT_SAMPLES = 10_000
#: The most samples a run with ``precision`` draws unless ``samples`` sets another cap.
DEFAULT_CAP = 1_000_000
#: Samples drawn before the precision rule may stop a run (its variance estimates need them).
MIN_SAMPLES = 1_000
#: Pairs of orders drawn by ``method="auto"`` to decide whether antithetic pairs pay.
PILOT_PAIRS = 200
#: A run expected to take longer than this (seconds) shows a progress bar when stderr is a
#: terminal and ``progress`` is left at None.
LONG_RUN = 10.0

METHODS = {
    "shapley_shubik": ("auto", "permutation", "antithetic", "stratified"),
    "myerson": ("auto", "permutation", "antithetic", "stratified"),
    "owen": ("auto", "permutation", "antithetic"),
    "banzhaf": ("auto", "coalition", "stratified"),
    "banzhaf_absolute": ("auto", "coalition", "stratified"),
}
AUTO = {"banzhaf": "coalition", "banzhaf_absolute": "coalition"}


ConfidenceInterval = namedtuple("ConfidenceInterval", ["low", "high"])
ConfidenceInterval.__doc__ = """A confidence interval ``(low, high)`` of one estimate."""


# -- the result ------------------------------------------------------------------------------
class Estimate(_PlayerValues):
    """Monte Carlo estimates of one index for every player, each with its confidence interval.

    A read-only mapping from player (in the game's order) to the estimate, a float. Build
    one with :func:`estimate`.

    Attributes
    ----------
    index : str
        Machine name of the index, e.g. ``"shapley_shubik"``.
    game : Game
        The game estimated.
    method : str
        The sampling scheme: ``"permutation"``, ``"antithetic"``, ``"stratified"`` or
        ``"coalition"``.
    samples : int
        Random orders (or coalitions, for the Banzhaf index) drawn; for
        ``method="stratified"``, the marginal contributions drawn divided by n (an order
        yields n of them), rounded up.
    confidence : float
        The confidence level of the intervals, e.g. 0.95.
    seed : int or None
        The seed that reproduces the run (``estimate(..., seed=result.seed)`` with the same
        arguments gives the same numbers); None when a ``numpy.random.Generator`` was passed.
    precision : float or None
        The half-width asked for, if any.
    interval_method : str
        How the intervals were computed: ``"wilson"`` or ``"normal"``.
    """

    __slots__ = ("index", "game", "method", "samples", "confidence", "seed", "precision",
                 "interval_method", "_values", "_errors", "_intervals")

    def __init__(self, index, game, values, errors, intervals, *, method, samples, confidence,
                 seed, precision, interval_method):
        self.index = index
        self.game = game
        self.method = method
        self.samples = samples
        self.confidence = confidence
        self.seed = seed
        self.precision = precision
        self.interval_method = interval_method
        self._values = dict(zip(game.players, map(float, values), strict=True))
        self._errors = dict(zip(game.players, map(float, errors), strict=True))
        self._intervals = {
            p: ConfidenceInterval(float(lo), float(hi))
            for p, lo, hi in zip(game.players, intervals[0], intervals[1], strict=True)
        }

    def __setattr__(self, name, value):
        if hasattr(self, "_intervals"):
            raise AttributeError("an Estimate is read-only")
        object.__setattr__(self, name, value)

    @property
    def title(self):
        """Human name of the index, e.g. ``"Shapley-Shubik index"``."""
        return INDEX_TITLES.get(self.index, self.index)

    def confidence_interval(self, player):
        """The confidence interval of one player's estimate, as ``(low, high)``.

        Raises
        ------
        UnknownPlayerError
            If ``player`` is not a player.
        """
        return self._intervals[self._check(player)]

    @property
    def intervals(self):
        """Every player's confidence interval: a dict player -> ``(low, high)``."""
        return dict(self._intervals)

    @property
    def standard_error(self):
        """Every player's estimated standard error: a dict player -> float."""
        return dict(self._errors)

    @property
    def half_width(self):
        """The largest distance from an estimate to an end of its interval."""
        return max(max(hi - v, v - lo) for v, (lo, hi) in
                   zip(self._values.values(), self._intervals.values(), strict=True))

    def to_dict(self):
        """A plain ``dict`` from player to estimate."""
        return dict(self._values)

    to_float = to_dict

    def to_table(self):
        """A :class:`~powerindex.Table`: player, estimate, standard error, interval ends."""
        from .tables import Table

        level = f"{self.confidence:.0%}"
        rows = [[p, v, self._errors[p], *self._intervals[p]] for p, v in self._values.items()]
        return Table(["player", "estimate", "std. error", f"{level} low", f"{level} high"],
                     rows, title=self._heading(), digits=6)

    def _heading(self):
        unit = "coalitions" if self.method == "coalition" else "orders"
        if self.method == "stratified":
            unit = "orders' worth of marginal contributions"
        seed = "" if self.seed is None else f", seed {self.seed}"
        return (f"{self.title} of {self.game!r}: Monte Carlo estimate ({self.method},"
                f" {self.samples} {unit}{seed})")

    def __repr__(self):
        items = ", ".join(f"{p!r}: {v:.4g} \u00b1 {max(hi - v, v - lo):.2g}"
                          for (p, v), (lo, hi) in zip(self._values.items(),
                                                       self._intervals.values(), strict=True))
        return f"<{self.index} estimate {{{items}}}>"

    def __str__(self):
        level = f"{self.confidence:.0%}"
        header = ["player", "estimate", "std. error", f"{level} interval"]
        rows = [[p, f"{v:.6f}", f"{self._errors[p]:.6f}",
                 f"[{self._intervals[p].low:.6f}, {self._intervals[p].high:.6f}]"]
                for p, v in self._values.items()]
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
        lines = [self._heading()]
        lines.append("  ".join([header[0].ljust(widths[0])]
                               + [h.rjust(w) for h, w in zip(header[1:], widths[1:],
                                                            strict=True)]))
        for row in rows:
            lines.append("  ".join([row[0].ljust(widths[0])]
                                   + [c.rjust(w) for c, w in zip(row[1:], widths[1:],
                                                                strict=True)]))
        return "\n".join(lines)


# -- exact outcomes of many coalitions at once -------------------------------------------------
def _int64_weights(game):
    """The integer weights and quota as int64, or None when their total could overflow."""
    if sum(game._int_weights) < 2**62:
        return np.array(game._int_weights, dtype=np.int64), game._int_quota
    return None


def _weighted_pivots(game, orders):
    """Position of the pivot in each row of ``orders`` in a weighted game, exactly."""
    fit = _int64_weights(game)
    if fit is not None:
        weights, quota = fit
        return (np.cumsum(weights[orders], axis=1) < quota).sum(axis=1)
    # Huge integer weights: prefix sums in floats, scaled to a total of 1, with a bound on
    # their rounding error; a row whose crossing falls inside the bound is redone exactly.
    ints, quota = game._int_weights, game._int_quota
    total = sum(ints)
    n = len(ints)
    shares = np.array([w / total for w in ints])
    prefix = np.cumsum(shares[orders], axis=1)
    tolerance = (4 * n + 8) * np.finfo(float).eps
    level = quota / total
    low = (prefix < level - tolerance).sum(axis=1)
    high = (prefix < level + tolerance).sum(axis=1)
    positions = high
    for row in np.nonzero(low != high)[0]:
        order = orders[row]
        running = sum(ints[p] for p in order[:low[row]])
        for k in range(low[row], n):
            running += ints[order[k]]
            if running >= quota:
                positions[row] = k
                break
    return positions


def _huge_wins_with_and_without(game, members):
    """``_wins_with_and_without`` for integer weights beyond 64 bits: float sums with a
    rounding bound, and exact Python integers for the rows with an entry inside the bound."""
    ints, quota = game._int_weights, game._int_quota
    total = sum(ints)
    n = len(ints)
    shares = np.array([w / total for w in ints])
    present = members.astype(float)
    sums = (present @ shares)[:, None]
    with_i = sums + (1 - present) * shares
    without_i = sums - present * shares
    tolerance = (4 * n + 8) * np.finfo(float).eps
    level = quota / total
    doubtful = ((np.abs(with_i - level) <= tolerance)
                | (np.abs(without_i - level) <= tolerance)).any(axis=1)
    wins_with, wins_without = with_i >= level, without_i >= level
    for row in np.nonzero(doubtful)[0]:
        inside = members[row]
        exact = sum(w for w, x in zip(ints, inside.tolist(), strict=True) if x)
        for i in range(n):
            plus, minus = (exact, exact - ints[i]) if inside[i] else (exact + ints[i], exact)
            wins_with[row, i], wins_without[row, i] = plus >= quota, minus >= quota
    return wins_with, wins_without


def _pivot_positions(game, orders):
    """For each row of ``orders`` (a batch of orders of player positions), where its pivot is.

    The pivot is the first player whose arrival makes the coalition win. Weighted games and
    their compositions are vectorised; any other game is asked ``_wins`` by binary search
    over the prefixes of each order (monotone games only), O(log n) questions per order.
    """
    if isinstance(game, WeightedGame):
        return _weighted_pivots(game, orders)
    if isinstance(game, CompositeGame):
        parts = np.stack([_pivot_positions(g, orders) for g in game.components])
        # All components win from the last of their pivots on; any from the first.
        return parts.max(axis=0) if game.operation == "and" else parts.min(axis=0)
    bits = [1 << i for i in range(game.n)]
    positions = np.empty(len(orders), dtype=np.int64)
    for row, order in enumerate(orders.tolist()):
        prefixes = list(accumulate((bits[p] for p in order), or_))
        low, high = 0, game.n - 1
        while low < high:
            middle = (low + high) // 2
            if game._wins(prefixes[middle]):
                high = middle
            else:
                low = middle + 1
        positions[row] = low
    return positions


def _wins_with_and_without(game, members):
    """For a bool batch ``members`` (rows = coalitions S), whether S + i and S - i win."""
    if isinstance(game, WeightedGame):
        fit = _int64_weights(game)
        if fit is not None:
            weights, quota = fit
            present = members.astype(np.int64)
            total = (present * weights).sum(axis=1)[:, None]
            return (total + (1 - present) * weights >= quota,
                    total - present * weights >= quota)
        return _huge_wins_with_and_without(game, members)
    if isinstance(game, CompositeGame):
        parts = [_wins_with_and_without(g, members) for g in game.components]
        combine = np.logical_and if game.operation == "and" else np.logical_or
        return (combine.reduce([w for w, _ in parts]), combine.reduce([w for _, w in parts]))
    n = game.n
    with_i = np.empty(members.shape, dtype=bool)
    without_i = np.empty(members.shape, dtype=bool)
    for row, present in enumerate(members.tolist()):
        mask = sum(1 << i for i, inside in enumerate(present) if inside)
        base = game._wins(mask)
        for i in range(n):
            other = game._wins(mask ^ (1 << i))
            with_i[row, i], without_i[row, i] = (base, other) if present[i] else (other, base)
    return with_i, without_i


# -- Myerson's communication game ----------------------------------------------------------
class _Communication:
    """Worths of Myerson's graph-restricted game v/G: the number of winning components."""

    def __init__(self, game, graph):
        from .graphs import _adjacency

        self.game = game
        self.adjacency = _adjacency(game.players, graph)
        self.neighbours = [[j for j in range(game.n) if a >> j & 1] for a in self.adjacency]
        self.weighted = isinstance(game, WeightedGame)

    def contributions(self, order):
        """Marginal contribution of each player to v/G along one order (union-find)."""
        n = self.game.n
        parent = list(range(n))
        present = [False] * n
        weighted = self.weighted
        ints = self.game._int_weights if weighted else None
        quota = self.game._int_quota if weighted else None
        size = [0] * n  # the component's weight (weighted games) or bit mask (others)
        winning = [False] * n
        result = np.zeros(n)

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for p in order:
            present[p] = True
            roots = {find(q) for q in self.neighbours[p] if present[q]}
            lost = sum(winning[r] for r in roots)
            joined = ints[p] if weighted else 1 << p
            for r in roots:
                joined = joined + size[r] if weighted else joined | size[r]
                parent[r] = p
            size[p] = joined
            winning[p] = joined >= quota if weighted else bool(self.game._wins(joined))
            result[p] = winning[p] - lost
        return result

    def worth(self, mask):
        from .graphs import _components

        return sum(bool(self.game._wins(c)) for c in _components(self.adjacency, mask))


# -- samplers that yield i.i.d. units ------------------------------------------------------
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


class _UnitRun:
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
            return ratio, error, *_normal(ratio, error, z, self.bounded)
        variance = np.maximum(s.sum_squares - m * mean**2, 0) / max(m - 1, 1)
        error = np.sqrt(variance / m)
        if self.bernoulli:
            return mean, error, *_wilson(mean, m, z)
        low, high = _normal(mean, error, z, self.bounded)
        if self.bounded:
            # All observations equal (0 or 1): the normal interval would be empty, so use the
            # Wilson interval of m Bernoulli trials, which is not.
            low_w, high_w = _wilson(mean, m, z)
            flat = variance == 0
            low, high = np.where(flat, low_w, low), np.where(flat, high_w, high)
        return mean, error, low, high


def _wilson(p, m, z):
    """Wilson score interval for a proportion p observed in m trials."""
    z2 = z * z
    centre = (p + z2 / (2 * m)) / (1 + z2 / m)
    half = z / (1 + z2 / m) * np.sqrt(p * (1 - p) / m + z2 / (4 * m * m))
    # At p = 0 (or 1) the lower (upper) end is 0 (1) exactly; rounding would leave 1e-19.
    low = np.where(p <= 0, 0.0, np.maximum(centre - half, 0.0))
    high = np.where(p >= 1, 1.0, np.minimum(centre + half, 1.0))
    return low, high


def _normal(mean, error, z, bounded):
    low, high = mean - z * error, mean + z * error
    if bounded:
        low, high = np.maximum(low, 0.0), np.minimum(high, 1.0)
    return low, high


def _random_orders(rng, count, n, groups=None):
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


def _order_sampler(game, antithetic, groups=None, communication=None):
    n = game.n

    def values(orders):
        if communication is None:
            pivots = orders[np.arange(len(orders)), _pivot_positions(game, orders)]
            return _one_hot(pivots, n)
        return np.array([communication.contributions(order) for order in orders.tolist()])

    def draw(rng, count):
        orders = _random_orders(rng, count, n, groups)
        if not antithetic:
            return values(orders)
        return (values(orders) + values(orders[:, ::-1])) / 2

    draw.values = values
    return draw


def _antithetic_pays(rng, values, n, groups):
    """Whether reversed orders are negatively correlated with the orders, judged on a pilot.

    Averaging an order with its reverse lowers the variance of player i's estimate, per
    order drawn, exactly when the covariance of i's contributions in the two is negative.
    The sum of these covariances over the players is estimated on ``PILOT_PAIRS`` pairs.
    In a decisive game (exactly one of S and N - S wins, as in a majority game with an
    odd total) an order and its reverse have the same pivot, and the covariance is
    positive: pairing would double the variance.
    """
    orders = _random_orders(rng, PILOT_PAIRS, n, groups)
    forward, backward = values(orders), values(orders[:, ::-1])
    covariance = (forward * backward).mean(axis=0) - forward.mean(axis=0) * backward.mean(axis=0)
    return bool(covariance.sum() < 0)


def _coalition_sampler(game):
    def draw(rng, count):
        members = rng.random((count, game.n)) < 0.5
        with_i, without_i = _wins_with_and_without(game, members)
        return (with_i & ~without_i).astype(float)

    return draw


def _vectorised(game):
    if isinstance(game, WeightedGame):
        return True
    if isinstance(game, CompositeGame):
        return all(_vectorised(g) for g in game.components)
    return False


# -- stratified sampling (Castro et al. 2017) ---------------------------------------------
class _StratifiedRun:
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
        return estimates, error, *_normal(estimates, error, z, self.bounded)


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


def _stratum_contribution(game, communication):
    """A function drawing, for player i and each requested size k, one random k-subset S of
    the others and returning the marginal contribution of i to S."""
    n = game.n
    fit = _int64_weights(game) if isinstance(game, WeightedGame) else None
    if isinstance(game, WeightedGame) and communication is None:
        if fit is not None:
            weights, quota = fit
        else:
            weights, quota = np.array(game._int_weights, dtype=object), game._int_quota
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

    worth = communication.worth if communication is not None else game._wins
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


# -- progress --------------------------------------------------------------------------------
class _Progress:
    """A plain-text progress bar, redrawn in place (carriage return) at most 5 times a second."""

    def __init__(self, progress, label):
        self.label = label
        self.auto = progress is None
        if progress is None:
            stream = sys.stderr
            self.stream = stream if hasattr(stream, "isatty") and stream.isatty() else None
        elif progress is True:
            self.stream = sys.stderr
        elif progress is False:
            self.stream = None
        else:
            self.stream = progress
        self.shown = not self.auto and self.stream is not None
        self.start = self.last = time.perf_counter()
        self.target = None
        self.note = ""

    def update(self, done):
        if self.stream is None or self.target is None:
            return
        now = time.perf_counter()
        fraction = min(done / self.target, 1.0) if self.target else 1.0
        if not self.shown:  # auto: show only a run expected to be long
            elapsed = now - self.start
            if elapsed < 1.0 or fraction <= 0 or elapsed / fraction < LONG_RUN:
                return
            self.shown = True
        if now - self.last < 0.2 and done < self.target:
            return
        self.last = now
        self._draw(done, fraction, now)

    def _draw(self, done, fraction, now):
        filled = int(30 * fraction)
        bar = "#" * filled + "." * (30 - filled)
        self.stream.write(f"\r{self.label} [{bar}] {fraction:4.0%} {done}/{self.target}"
                          f" samples, {now - self.start:.1f} s{self.note}")
        self.stream.flush()

    def finish(self, done):
        if self.shown:
            self.target = done if self.target is None else self.target
            self._draw(done, min(done / max(self.target, 1), 1.0), time.perf_counter())
            self.stream.write("\n")
            self.stream.flush()


# -- validation ------------------------------------------------------------------------------
def _check_count(value, name):
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise InvalidTypeError(f"{name} must be a whole number, got {value!r}")
    if value <= 0:
        raise InvalidSamplingError(f"{name} must be positive, got {value}")
    return int(value)


def _check_fraction(value, name, *, below_one):
    if isinstance(value, bool) or not isinstance(value, Real):
        raise InvalidTypeError(f"{name} must be a number, got {value!r}")
    value = float(value)
    if not math.isfinite(value) or value <= 0 or (below_one and value >= 1):
        interval = "strictly between 0 and 1" if below_one else "positive"
        raise InvalidSamplingError(f"{name} must be {interval}, got {value}")
    return value


def _generator(seed):
    if isinstance(seed, np.random.Generator):
        return seed, None
    if seed is None:
        seed = int(np.random.SeedSequence().entropy)
    elif isinstance(seed, bool) or not isinstance(seed, Integral) or seed < 0:
        raise InvalidTypeError(
            f"seed must be a non-negative int, None or a numpy.random.Generator, got {seed!r}"
        )
    return np.random.default_rng(int(seed)), int(seed)


def _z_value(confidence):
    from scipy.special import ndtri

    return float(ndtri((1 + confidence) / 2))


# -- the public function ---------------------------------------------------------------------
def estimate(game, index="shapley_shubik", *, samples=None, precision=None, confidence=0.95,
             seed=None, method="auto", graph=None, unions=None, progress=None):
    """Estimate a power index by sampling, with a confidence interval for every player.

    For games beyond the exact methods: weights with huge common denominators, rules over
    many players, graph-restricted games or unions past enumeration (26 players).

    Parameters
    ----------
    game : Game
        Any simple game. Weighted games and their compositions (``&``, ``|``) are evaluated
        in vectorised batches; any other game through its winning rule, one coalition at a
        time. The game is assumed monotone, as every simple game is.
    index : {"shapley_shubik", "banzhaf", "banzhaf_absolute", "myerson", "owen"}, optional
        ``"banzhaf"`` is the normalized Banzhaf index, ``"banzhaf_absolute"`` the Penrose
        measure (the swing probability). ``"myerson"`` needs ``graph``, ``"owen"`` needs
        ``unions``.
    samples : int, optional
        The number of random orders (coalitions for the Banzhaf indices) to draw. With
        ``precision``, the most to draw (default 1,000,000). With neither, 10,000.
        ``method="antithetic"`` rounds it up to an even number; ``method="stratified"``
        draws ``samples * n`` marginal contributions, the number n orders would give.
    precision : float, optional
        Sample until every interval's half-width is at most ``precision``: batches are drawn
        until the estimated half-widths reach it (at least 1,000 samples first), or until
        the cap ``samples`` is reached, which warns.
    confidence : float, optional
        Confidence level of the intervals, in (0, 1); default 0.95.
    seed : int, numpy.random.Generator or None, optional
        Seed of ``numpy.random.default_rng``: the same seed and arguments give the same
        numbers. With None a fresh seed is drawn and recorded in the result's ``seed``.
    method : str, optional
        ``"permutation"``: independent uniformly random orders [1]_, [2]_.
        ``"antithetic"``: each random order together with its reverse [4]_.
        ``"stratified"``: strata by player and coalition size, optimum allocation [3]_.
        ``"coalition"`` (the Banzhaf default): independent random coalitions.
        ``"auto"`` (the default): for orders, a pilot of 200 pairs decides between
        ``"antithetic"`` and ``"permutation"`` (see Notes); the pilot's draws are not
        used in the estimate. The result's ``method`` says which ran.
    graph : networkx.Graph, optional
        The communication graph of ``index="myerson"``, as for
        :func:`~powerindex.graphs.myerson`.
    unions : list of lists or dict, optional
        The a priori unions of ``index="owen"``, as for :func:`~powerindex.unions.owen`.
    progress : bool, writable stream or None, optional
        True: a plain-text progress bar on stderr; a stream (anything with ``write``): the
        bar on that stream; False: none. None (the default): a bar on stderr only if it is
        a terminal and the run, timed as it goes, is expected to last more than 10 s.

    Returns
    -------
    Estimate
        A mapping player -> float estimate, with ``confidence_interval(player)``,
        ``intervals``, ``standard_error``, ``samples``, ``seed``, ``method``.

    Raises
    ------
    InvalidMethodError
        Unknown index, or a method that does not exist for the index.
    InvalidSamplingError
        ``samples`` or ``precision`` not positive, ``confidence`` not in (0, 1), or
        ``method="stratified"`` with fewer than 2 n samples (2 per stratum are needed).
    InvalidTypeError
        ``game`` is not a simple game, or a parameter has the wrong type.
    GraphError
        ``graph`` given with an index other than ``"myerson"``, missing for ``"myerson"``,
        or not fitting the game.
    InvalidUnionsError, UnknownPlayerError
        ``unions`` given with an index other than ``"owen"``, missing for ``"owen"``, or
        not a partition of the players.

    Warns
    -----
    PrecisionWarning
        ``precision`` was not reached within ``samples`` (or 1,000,000) samples.

    Notes
    -----
    *Estimators.* An order of the players has exactly one pivot, so the Shapley-Shubik and
    Owen estimates from orders always sum to exactly 1. Each order (or coalition) is one
    independent unit; an estimate is the mean over the units of the player's marginal
    contribution (the pivot indicator; a swing indicator for Banzhaf; for Myerson, the
    change in the number of winning connected components, computed along the order with a
    union-find on the graph, so no 2**n table is built). The normalized Banzhaf index is
    the ratio of a player's swings to all swings, a ratio estimator.

    *Intervals.* Where the per-unit values are 0 or 1 (plain orders for Shapley-Shubik
    and Owen, coalitions for the absolute Banzhaf measure) the interval is the Wilson
    score interval [5]_ of that proportion. Otherwise it is the normal approximation,
    estimate +- z * standard error, with the standard error from the sample variance of
    the units (for the normalized Banzhaf index, of the ratio estimator by the delta
    method; for stratified sampling, the sum over strata). Intervals of indices that lie
    in [0, 1] are clipped to it, and an estimate whose units all agreed gets the Wilson
    interval of that proportion rather than an empty one. Intervals hold for each player
    separately, not jointly; and stopping on a precision target that the data themselves
    estimate makes them slightly optimistic, which the 1,000-sample minimum limits.

    *Variance reduction.* ``"antithetic"`` pairs an order with its reverse. Per order
    drawn, this lowers the variance of player i's estimate exactly when i's contributions
    in an order and in its reverse are negatively correlated, and raises it otherwise. In
    a decisive game (of S and N - S exactly one wins: a simple majority with an odd total
    weight) the reverse order has the *same* pivot, and pairing doubles the variance. With
    a qualified majority it pays. Measured per order on weighted games, total variance
    over the players: UN Security Council (quota 39 of 45) -37 %, 51 random weights with
    a 2/3 quota -2 to -10 %, the same with a simple majority +90 %. Reversing costs no new
    random numbers, so a pair is also cheaper than two orders. ``method="auto"`` therefore
    draws a pilot of 200 pairs and uses ``"antithetic"`` only if the estimated covariance,
    summed over the players, is negative.

    ``"stratified"`` draws, for every player i and every size k, coalitions of k others:
    first a pilot of 2 to 20 per stratum, then the rest allocated to the n**2 strata in
    proportion to their estimated standard deviations (Neyman's optimum allocation [3]_;
    a stratum that has shown no variance keeps a small floor, so that it is not ignored
    for good). It pays in variance per marginal contribution when each player's swings
    concentrate at few coalition sizes: measured, -55 % to -70 % on the EEC, UN Security
    Council and 8-player games, -40 % to -50 % on 51 random weights. But each contribution
    is a separate O(n) draw, where an order gives n contributions for O(n log n), so in
    time it pays only when evaluating the game dominates and the order's n evaluations
    cannot be shared, as for costly rules; for weighted games the vectorised orders are
    20 to 40 times faster per contribution. It needs at least 2 n samples (2 n**2
    contributions), so it suits tens of players, not thousands; it is never chosen by
    ``"auto"``.

    *Cost.* Per order: O(n log n) (weighted games: a random order and one cumulative sum,
    vectorised over batches); other games O(n + c log n) for c the cost of one ``_wins``;
    Myerson O(n + m) per order for m edges, plus one ``_wins`` per arrival for games that
    are not weighted. Per coalition (Banzhaf): O(n) vectorised, or n + 1 calls of
    ``_wins``. Weighted games whose integer weights overflow 64 bits use float prefix sums
    with a rigorous rounding bound, redoing exactly (Python integers) the rare orders whose
    crossing of the quota falls within the bound. Measured on 2 cores: 600,000-900,000
    orders/s for 51 weighted players, 25,000-30,000 for 1,000 (also with 1,000 weights
    of six-digit denominators), about 25,000 for a 60-player rule.

    References
    ----------
    .. [1] I. Mann and L. S. Shapley, "Values of large games, IV: evaluating the Electoral
       College by Monte Carlo techniques", RAND Memorandum RM-2651 (1960).
    .. [2] J. Castro, D. Gomez and J. Tejada, "Polynomial calculation of the Shapley value
       based on sampling", Computers & Operations Research 36(5) (2009), 1726-1730.
       https://doi.org/10.1016/j.cor.2008.04.004
    .. [3] J. Castro, D. Gomez, E. Molina and J. Tejada, "Improving polynomial estimation of
       the Shapley value by stratified random sampling with optimum allocation", Computers
       & Operations Research 82 (2017), 180-188.
    .. [4] R. Mitchell, J. Cooper, E. Frank and G. Holmes, "Sampling permutations for
       Shapley value estimation", Journal of Machine Learning Research 23 (2022), paper
       43, 1-46.
    .. [5] E. B. Wilson, "Probable inference, the law of succession, and statistical
       inference", Journal of the American Statistical Association 22 (1927), 209-212.
       https://doi.org/10.1080/01621459.1927.10502953

    Examples
    --------
    The UN Security Council (exact index of a permanent member: 421/2145 = 0.19627...):

    >>> import powerindex as pi
    >>> from powerindex.montecarlo import estimate
    >>> unsc = pi.WeightedGame([7] * 5 + [1] * 10, 39)
    >>> ss = estimate(unsc, samples=40_000, seed=7)
    >>> low, high = ss.confidence_interval("P1")
    >>> bool(low <= 421 / 2145 <= high), bool(high - low < 0.01)
    (True, True)
    >>> ss.samples, ss.method, ss.seed
    (40000, 'antithetic', 7)

    Until every half-width is at most 0.002, for the absolute Banzhaf measure:

    >>> bz = estimate(unsc, "banzhaf_absolute", precision=0.002, seed=7)
    >>> bool(bz.half_width <= 0.002), bz.method
    (True, 'coalition')
    """
    if not isinstance(game, Game):
        raise InvalidTypeError(
            f"estimate needs a simple game (WeightedGame, SimpleGame, ...), got"
            f" {type(game).__name__}"
        )
    if not isinstance(index, str) or index not in METHODS:
        raise InvalidMethodError(
            f"unknown index {index!r} for estimate; choose one of {', '.join(METHODS)}"
        )
    if not isinstance(method, str) or method not in METHODS[index]:
        raise InvalidMethodError(
            f"unknown method {method!r} for estimating {index}; choose one of"
            f" {', '.join(METHODS[index])}"
        )
    automatic = method == "auto"
    method = AUTO.get(index, "antithetic") if automatic else method
    if samples is not None:
        samples = _check_count(samples, "samples")
    if precision is not None:
        precision = _check_fraction(precision, "precision", below_one=False)
    confidence = _check_fraction(confidence, "confidence", below_one=True)
    if progress not in (None, True, False) and not hasattr(progress, "write"):
        raise InvalidTypeError(
            f"progress must be True, False, None or a writable stream, got {progress!r}"
        )
    rng, recorded_seed = _generator(seed)

    communication = groups = None
    if graph is not None and index != "myerson":
        raise GraphError(f"graph= is for index='myerson', not {index!r}")
    if unions is not None and index != "owen":
        raise InvalidUnionsError(f"unions= are for index='owen', not {index!r}")
    if index == "myerson":
        from .graphs import _check_graph

        if graph is None:
            raise GraphError("index='myerson' needs the communication graph: pass graph=")
        _check_graph(game.players, graph)
        communication = _Communication(game, graph)
    if index == "owen":
        from .unions import _partition

        if unions is None:
            raise InvalidUnionsError("index='owen' needs the a priori unions: pass unions=")
        groups = [members for _, members in _partition(game, unions)]

    n = game.n
    cap = samples if samples is not None else DEFAULT_CAP
    if precision is None and samples is None:
        samples = DEFAULT_SAMPLES
    banzhaf_like = index in ("banzhaf", "banzhaf_absolute")
    bounded = index != "myerson"
    if method == "stratified":
        if cap < 2 * n:
            raise InvalidSamplingError(
                f"method='stratified' needs at least 2 * n = {2 * n} samples (two marginal"
                f" contributions in each of the n**2 = {n * n} strata), got {cap}"
            )
        if banzhaf_like:
            weights = [float(Fraction(math.comb(n - 1, k), 2 ** (n - 1))) for k in range(n)]
        else:
            weights = [1.0 / n] * n
        pilot_target = samples if precision is None else min(cap, max(MIN_SAMPLES, 2 * n))
        pilot = max(2, min(20, pilot_target // (2 * n)))
        run = _StratifiedRun(game, _stratum_contribution(game, communication), weights,
                             ratio=index == "banzhaf", bounded=bounded, pilot=pilot)
    else:
        fast = _vectorised(game) and communication is None
        batch = max(16, min(8192, (1 << 18) // n)) if fast else 256
        if banzhaf_like:
            draw = _coalition_sampler(game)
        else:
            draw = _order_sampler(game, method == "antithetic", groups, communication)
            if automatic and not _antithetic_pays(rng, draw.values, n, groups):
                method = "permutation"
                draw = _order_sampler(game, False, groups, communication)
        antithetic = method == "antithetic"
        run = _UnitRun(draw, n, 2 if antithetic else 1, batch,
                       bernoulli=(method == "permutation" and index != "myerson")
                       or index == "banzhaf_absolute",
                       ratio=index == "banzhaf", bounded=bounded)

    z = _z_value(confidence)
    bar = _Progress(progress, f"{index} ({method})")
    if precision is None:
        bar.target = samples
        run.advance(rng, samples, bar.update)
    else:
        target = min(cap, MIN_SAMPLES)
        while True:
            bar.target = target
            run.advance(rng, target, bar.update)
            values, _, low, high = run.summary(z)
            widest = float(np.nanmax(np.maximum(high - values, values - low)))
            bar.note = f", half-width {widest:.2g} (target {precision:.2g})"
            if widest <= precision or run.samples >= cap:
                break
            needed = math.ceil(run.samples * (widest / precision) ** 2 * 1.1)
            target = min(cap, max(needed, run.samples + MIN_SAMPLES))
        if widest > precision:
            warnings.warn(
                f"precision {precision:g} not reached after {run.samples} samples (the cap);"
                f" the widest half-width is {widest:.3g}: pass a larger samples= as the cap",
                PrecisionWarning,
                stacklevel=2,
            )
    bar.finish(run.samples)
    values, errors, low, high = run.summary(z)
    if np.isnan(values).any():
        warnings.warn(
            f"no swing was observed in {run.samples} samples, so the normalized index cannot"
            " be estimated; draw more samples",
            PrecisionWarning,
            stacklevel=2,
        )
    return Estimate(index, game, values, errors, (low, high), method=method,
                    samples=run.samples, confidence=confidence, seed=recorded_seed,
                    precision=precision,
                    interval_method="wilson" if getattr(run, "bernoulli", False)
                    else "normal")
