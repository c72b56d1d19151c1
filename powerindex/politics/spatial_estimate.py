"""The Shapley-Owen index by sampling directions, for three dimensions or more.

:func:`sample_directions` draws directions uniformly from the unit sphere, finds the
pivot of the order each one gives, and returns a :class:`SpatialEstimate`: the share of
directions in which each player was the pivot, with Wilson confidence intervals (every
direction has exactly one pivot, so each player's count is binomial).

The result has the interface of :class:`powerindex.Estimate` (``confidence_interval``,
``intervals``, ``standard_error``, ``half_width``, ``samples``, ``seed``,
``to_table``) but is its own class: :mod:`powerindex.estimate` sits above
:mod:`powerindex.politics` in the layers (``docs/architecture.md``), so politics cannot
build an ``Estimate``.
"""

from numbers import Integral, Real
from statistics import NormalDist

import numpy as np

from .._engines.plans import WeightThreshold
from ..errors import InvalidSamplingError, InvalidTypeError
from ..indices.results import _PlayerValues
from ..present.tables import Table

__all__ = ["SpatialEstimate", "sample_directions", "DEFAULT_SAMPLES"]

#: Directions drawn when ``samples`` is not given.
DEFAULT_SAMPLES = 10_000
#: Directions handled at once.
BATCH = 4096


class SpatialEstimate(_PlayerValues):
    """Sampled Shapley-Owen indices, each with its confidence interval.

    A read-only mapping from player (in the game's order) to the estimate, a float: the
    share of the sampled directions in which the player was the pivot.

    Attributes
    ----------
    index : str
        ``"shapley_owen"``.
    game : Game
    method : str
        ``"sample"``.
    samples : int
        Directions drawn.
    confidence : float
        Confidence level of the intervals.
    seed : int or None
        The seed that reproduces the run; None when a ``numpy.random.Generator`` was given.
    interval_method : str
        ``"wilson"``.

    Examples
    --------
    >>> import powerindex as pi
    >>> g = pi.WeightedGame([1, 1, 1], 2, players=["A", "B", "C"])
    >>> cube = {"A": (0, 0, 0), "B": (1, 0, 0), "C": (0, 1, 0)}  # in the plane z = 0
    >>> result = pi.shapley_owen(g, cube, samples=4_000, seed=5)
    >>> result.samples, result.seed, round(sum(result.values()), 12)
    (4000, 5, 1.0)
    >>> low, high = result.confidence_interval("A")  # the exact value is 1/2
    >>> bool(low < 0.5 < high)
    True
    """

    __slots__ = ("index", "game", "method", "samples", "confidence", "seed",
                 "interval_method", "_values", "_errors", "_intervals")

    def __init__(self, game, counts, samples, confidence, seed):
        z = NormalDist().inv_cdf((1 + confidence) / 2)
        shares = np.asarray(counts, dtype=float) / samples
        low, high = _wilson(shares, samples, z)
        errors = np.sqrt(shares * (1 - shares) / samples)
        self._set(index="shapley_owen", game=game, method="sample", samples=samples,
                  confidence=confidence, seed=seed, interval_method="wilson",
                  _values=dict(zip(game.players, shares.tolist(), strict=True)),
                  _errors=dict(zip(game.players, errors.tolist(), strict=True)),
                  _intervals={p: (lo, hi) for p, lo, hi in
                              zip(game.players, low.tolist(), high.tolist(), strict=True)})

    @property
    def title(self):
        """``"Shapley-Owen index"``."""
        return "Shapley-Owen index"

    def confidence_interval(self, player):
        """The confidence interval of one player's estimate, as ``(low, high)``."""
        return self._intervals[self._check(player)]

    @property
    def intervals(self):
        """Every player's confidence interval: a dict player -> ``(low, high)``."""
        return dict(self._intervals)

    @property
    def standard_error(self):
        """Every player's standard error, ``sqrt(p (1 - p) / samples)``: a dict."""
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
        level = f"{self.confidence:.0%}"
        rows = [[p, v, self._errors[p], *self._intervals[p]] for p, v in self._values.items()]
        seed = "" if self.seed is None else f", seed {self.seed}"
        return Table(["player", "estimate", "std. error", f"{level} low", f"{level} high"],
                     rows, digits=6,
                     title=f"{self.title} of {self.game!r}: Monte Carlo estimate"
                           f" ({self.samples} directions{seed})")

    def __repr__(self):
        items = ", ".join(f"{p!r}: {v:.4g} \u00b1 {max(hi - v, v - lo):.2g}"
                          for (p, v), (lo, hi) in zip(self._values.items(),
                                                       self._intervals.values(), strict=True))
        return f"<shapley_owen estimate {{{items}}}>"

    def __str__(self):
        return str(self.to_table())


def _wilson(p, m, z):
    """Wilson score interval for proportions p observed in m trials."""
    z2 = z * z
    centre = (p + z2 / (2 * m)) / (1 + z2 / m)
    half = z / (1 + z2 / m) * np.sqrt(p * (1 - p) / m + z2 / (4 * m * m))
    low = np.where(p <= 0, 0.0, np.maximum(centre - half, 0.0))
    high = np.where(p >= 1, 1.0, np.minimum(centre + half, 1.0))
    return low, high


def _checked(samples, confidence, seed):
    if samples is None:
        samples = DEFAULT_SAMPLES
    if isinstance(samples, bool) or not isinstance(samples, Integral) or samples < 1:
        raise InvalidSamplingError(f"samples must be a whole number >= 1, got {samples!r}")
    if (isinstance(confidence, bool) or not isinstance(confidence, Real)
            or not 0 < confidence < 1):
        raise InvalidSamplingError(f"confidence must be in (0, 1), got {confidence!r}")
    if isinstance(seed, np.random.Generator):
        return int(samples), float(confidence), seed, None
    if seed is None:
        seed = int(np.random.SeedSequence().entropy)
    elif isinstance(seed, bool) or not isinstance(seed, Integral) or seed < 0:
        raise InvalidTypeError(
            f"seed must be a non-negative int, None or a numpy.random.Generator, got {seed!r}"
        )
    return int(samples), float(confidence), np.random.default_rng(int(seed)), int(seed)


def sample_directions(game, points, *, samples=None, confidence=0.95, seed=None):
    """Sampled Shapley-Owen indices of ``game`` with players at ``points`` (tuples of
    Fractions, in player order); see :func:`~powerindex.shapley_owen`."""
    samples, confidence, rng, recorded = _checked(samples, confidence, seed)
    floats = np.array([[float(x) for x in point] for point in points], dtype=float)
    plan = game.counting_plan()
    counts = np.zeros(game.n, dtype=np.int64)
    for start in range(0, samples, BATCH):
        size = min(BATCH, samples - start)
        directions = rng.standard_normal((size, floats.shape[1]))
        projections = directions @ floats.T
        ties = rng.random((size, game.n))  # players at one position: a random order
        orders = np.lexsort((ties, projections), axis=-1)
        counts += np.bincount(_pivots(plan, orders), minlength=game.n)
    return SpatialEstimate(game, counts, samples, confidence, recorded)


def _pivots(plan, orders):
    """The pivot (a player index) of each order (a row of player indices)."""
    if isinstance(plan, WeightThreshold) and sum(plan.weights) < 2**62:
        weights = np.asarray(plan.weights, dtype=np.int64)
        reached = np.cumsum(weights[orders], axis=1) >= plan.quota
        return orders[np.arange(len(orders)), np.argmax(reached, axis=1)]
    pivots = []
    for order in orders.tolist():
        low, high = 0, len(order) - 1  # the shortest winning prefix ends at the pivot
        while low < high:
            middle = (low + high) // 2
            if plan.wins(sum(1 << i for i in order[:middle + 1])):
                high = middle
            else:
                low = middle + 1
        pivots.append(order[low])
    return np.asarray(pivots, dtype=np.int64)
