"""The Shapley-Owen spatial power index: who is pivotal when policy moves in a random
direction.

Owen and Shapley [1]_ place the players at their ideal points in a policy space. A
proposal moves policy in a direction u, drawn uniformly from the unit sphere; the
players line up by the projection of their positions on u -- those who like the move
most first -- and join in that order. The *pivot* is the player whose arrival makes the
coalition win (for a weighted game: whose weight carries the total to the quota). The
Shapley-Owen index of a player is the probability that it is the pivot. It is the
Shapley-Shubik index with the random order of the players replaced by the orders that
the geometry allows.

:func:`shapley_owen` computes it

* on one dimension exactly, as Fractions: the pivot is the weighted median read from the
  left for half of the directions and from the right for the other half;
* in two dimensions by sweeping the directions: the order of the players changes only
  where two projections swap, so the circle falls into arcs with one pivot each, and the
  index is the length of a player's arcs divided by 2 pi -- in floats, with a bound on
  the error of every value;
* in three dimensions or more by sampling directions, with confidence intervals
  (:class:`~powerindex.politics.spatial_estimate.SpatialEstimate`).

Players at the same position tie on every direction; the tie is broken uniformly at
random, so their share of the pivot is the Shapley-Shubik index of the tied group in the
game that the players before them leave.

References
----------
.. [1] G. Owen and L. S. Shapley, "Optimal location of candidates in ideological
   space", International Journal of Game Theory 18(3) (1989), 339-356.

Examples
--------
Three equal voters at the corners of a right triangle: each holds its angle divided by pi.

>>> import powerindex as pi
>>> g = pi.WeightedGame([1, 1, 1], 2, players=["A", "B", "C"])
>>> result = pi.shapley_owen(g, {"A": (0, 0), "B": (1, 0), "C": (0, 1)})
>>> {p: round(v, 12) for p, v in result.items()}
{'A': 0.5, 'B': 0.25, 'C': 0.25}
"""

import math
import warnings
from fractions import Fraction

import numpy as np

from .._engines.plans import WeightThreshold
from ..errors import ImproperGameWarning, InvalidMethodError, PositionError
from ..games.base import check_game
from ..games.simple import SimpleGame
from ..games.weighted import WeightedGame
from ..indices.results import FloatPowerIndexResult, PowerIndexResult
from ..indices.swing_indices import shapley_shubik
from .positions import check_positions
from .spatial_estimate import sample_directions

__all__ = ["shapley_owen", "METHODS"]

#: ``method`` values: "exact" (one or two dimensions) or "sample" (any), "auto" picks.
METHODS = ("auto", "exact", "sample")

TWO_PI = 2 * math.pi
#: Unit roundoff of IEEE doubles.
UNIT = 2.0 ** -53
#: Bound on the error of an event angle beyond that of the difference of two positions:
#: atan2 (assumed within 2 units in the last place), three roundings of sums in [0, 2 pi)
#: and the rounding of the constants pi/2, pi and 2 pi.
ANGLE_SLACK = 4e-15
#: Elements of the event arrays handled at once (about 100 bytes of memory each).
CHUNK = 1 << 19


def shapley_owen(game, positions, *, method="auto", samples=None, confidence=0.95,
                 seed=None):
    """The Shapley-Owen spatial power index of every player.

    Parameters
    ----------
    game : Game
        Any simple game: the pivot is the first player whose arrival makes the coalition
        win. Weighted games use their weights and quota directly (fast); other games
        are asked coalition by coalition through their counting plan.
    positions : mapping or sequence
        Player -> number or tuple of numbers, or an order (see
        :mod:`powerindex.politics.positions`); every player needs one.
    method : {"auto", "exact", "sample"}, optional
        ``"exact"`` (the default on one and two dimensions): exact Fractions on one
        dimension, the angular sweep on two. ``"sample"`` (the default on three or
        more): random directions.
    samples : int, optional
        Directions drawn by ``"sample"`` (default 10,000).
    confidence : float, optional
        Confidence level of the intervals of ``"sample"`` (default 0.95).
    seed : int, numpy.random.Generator or None, optional
        Seed of the directions drawn by ``"sample"``; recorded in the result.

    Returns
    -------
    PowerIndexResult, FloatPowerIndexResult or SpatialEstimate
        One dimension: Fractions (a :class:`~powerindex.PowerIndexResult`). Two
        dimensions: floats with ``error_bound`` and ``errors`` (a
        :class:`~powerindex.FloatPowerIndexResult`). Sampling: estimates with Wilson
        confidence intervals. The values sum to 1.

    Raises
    ------
    PositionError
        A player without a position (named), or two players whose positions differ but
        are the same double-precision point (the sweep cannot order them).
    InvalidMethodError
        An unknown method, or ``"exact"`` on three dimensions or more.

    Notes
    -----
    *One dimension.* Half of the directions point right and order the players left to
    right, the other half the reverse; the pivot of each order is the weighted median.
    Cost O(n log n) for a weighted game.

    *Two dimensions.* For each player (each position shared by players) the directions
    in which another player comes first form a half-circle bounded by the two angles
    where their projections swap, ``atan2(dy, dx) +- pi/2``. Sorting the 2(n - 1)
    angles around each player gives the weight before it on every arc, hence the arcs
    on which it is the pivot. Cost O(n^2 log n) time, O(n) memory per player (blocks of
    players are handled at once by numpy). The values are floats: each angle is
    computed from the double-precision difference of the two positions, and
    ``error_bound`` bounds the resulting error, assuming the platform's ``atan2`` errs by
    at most 2 units in the last place. A swap angle is off by at most
    ``4e-15 + 2.25 u (|p| + |q| + |p - q|) / |p - q|`` (u = 2**-53, norms of the two
    positions, centred on their bounding box), a player's arc set by at most four such
    errors per other player plus the rounding of its sum, and the index by that over
    2 pi: about 1e-13 for 500 well separated players; far more for positions nearly
    equal to each other relative to their size. Values that are exactly rational
    (1/3 for an equilateral triangle) come out as floats within that bound: no attempt
    is made to recognise them.

    *Three dimensions or more.* Directions drawn uniformly from the sphere (normalised
    Gaussian vectors); ties between players at one position are broken at random. Cost
    O(s n log n) for s samples.

    References
    ----------
    .. [1] G. Owen and L. S. Shapley, "Optimal location of candidates in ideological
       space", International Journal of Game Theory 18(3) (1989), 339-356.
    .. [2] L. S. Shapley, "A comparison of power indices and a nonsymmetric
       generalization", RAND Paper P-5872, RAND Corporation, Santa Monica, 1977.

    Examples
    --------
    On one dimension the centre party is the pivot of both orders:

    >>> import powerindex as pi
    >>> g = pi.WeightedGame([40, 20, 40], 51, players=["L", "C", "R"])
    >>> pi.shapley_owen(g, {"L": -1, "C": 0, "R": 1}).to_dict()
    {'L': Fraction(0, 1), 'C': Fraction(1, 1), 'R': Fraction(0, 1)}

    Move the centre party off the line and the other two gain the directions in which it
    comes first or last:

    >>> result = pi.shapley_owen(g, {"L": (-1, 0), "C": (0, 1), "R": (1, 0)})
    >>> [round(v, 10) for v in result.values()], result.error_bound < 1e-14
    ([0.25, 0.5, 0.25], True)

    Three dimensions are sampled:

    >>> cube = {"L": (-1, 0, 0), "C": (0, 1, 0), "R": (1, 0, 0)}
    >>> estimate = pi.shapley_owen(g, cube, samples=20_000, seed=1)
    >>> low, high = estimate.confidence_interval("C")
    >>> bool(low <= 0.5 <= high)
    True
    """
    check_game(game, "shapley_owen")
    placed = check_positions(positions, game)
    points = placed.require(game.players, "shapley_owen")
    if method not in METHODS:
        raise InvalidMethodError(f"unknown method {method!r} for shapley_owen; choose one"
                                 f" of {', '.join(map(repr, METHODS))}")
    if method == "auto":
        method = "exact" if placed.dimensions <= 2 else "sample"
    if method == "sample":
        return sample_directions(game, points, samples=samples, confidence=confidence,
                                 seed=seed)
    if placed.dimensions > 2:
        raise InvalidMethodError(
            f"shapley_owen has no exact method in {placed.dimensions} dimensions; use"
            " method='sample' (the default there)"
        )
    sites = _sites(points)
    if placed.dimensions == 1:
        return _on_a_line(game, sites)
    return _sweep(game, points, sites)


# -- players at one position ------------------------------------------------------------------
def _sites(points):
    """The distinct positions, each with the indices of the players at it."""
    sites = {}
    for i, point in enumerate(points):
        sites.setdefault(point, []).append(i)
    return list(sites.items())


class _Pivot:
    """What the engines need of a game to find pivots: the plan, and the tie shares."""

    def __init__(self, game):
        self.game = game
        self.plan = game.counting_plan()
        self.weighted = isinstance(self.plan, WeightThreshold)
        self._shares = {}

    def shares(self, members, before):
        """Shares of the pivot among ``members`` (player indices at one position) when
        ``before`` (a weight, or a bit mask for other games) has arrived: the
        Shapley-Shubik index of the tied group in the game the others leave."""
        if len(members) == 1:
            return {members[0]: Fraction(1)}
        key = (tuple(members), before)
        if key not in self._shares:
            self._shares[key] = self._tie_game_shares(members, before)
        return self._shares[key]

    def _tie_game_shares(self, members, before):
        names = [self.game.players[i] for i in members]
        if self.weighted:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ImproperGameWarning)
                tied = WeightedGame([self.plan.weights[i] for i in members],
                                    self.plan.quota - before, names)
        else:
            bit = {name: 1 << i for name, i in zip(names, members, strict=True)}
            plan = self.plan
            tied = SimpleGame(names, lambda coalition: plan.wins(
                before | sum(bit[name] for name in coalition)))
        values = shapley_shubik(tied)
        return {i: values[name] for name, i in zip(names, members, strict=True)}

    def first_winning(self, order):
        """``(k, before)``: the first site ``order[k]`` (lists of player indices) whose
        arrival makes the coalition win, and what arrived before it."""
        before = 0
        for k, members in enumerate(order):
            if self.weighted:
                after = before + sum(self.plan.weights[i] for i in members)
                if after >= self.plan.quota:
                    return k, before
            else:
                after = before | sum(1 << i for i in members)
                if self.plan.wins(after):
                    return k, before
            before = after
        raise AssertionError("the grand coalition wins")  # pragma: no cover


# -- one dimension: exact ---------------------------------------------------------------------
def _on_a_line(game, sites):
    """Half the directions read the line left to right, half right to left."""
    pivot = _Pivot(game)
    order = [members for _, members in sorted(sites)]
    values = [Fraction(0)] * game.n
    for direction in (order, order[::-1]):
        k, before = pivot.first_winning(direction)
        for i, share in pivot.shares(direction[k], before).items():
            values[i] += share / 2
    return PowerIndexResult("shapley_owen", game, dict(zip(game.players, values,
                                                           strict=True)), "median")


# -- two dimensions: the sweep ----------------------------------------------------------------
def _float_points(points, sites):
    """The sites as an (m, 2) float array, centred exactly on their bounding box."""
    centre = [(min(p[k] for p, _ in sites) + max(p[k] for p, _ in sites)) / 2
              for k in range(2)]
    floats = np.array([[float(p[0] - centre[0]), float(p[1] - centre[1])]
                       for p, _ in sites], dtype=float)
    seen = {}
    for (_, members), row in zip(sites, map(tuple, floats.tolist()), strict=True):
        if row in seen:
            raise PositionError(
                f"players {seen[row]!r} and {members[0]!r} have different positions that"
                " are the same point in double precision: the sweep cannot order them;"
                " round the positions or make them equal"
            )
        seen[row] = members[0]
    return floats


def _events(floats, rows):
    """Swap angles of the sites ``rows`` with every site: ``(enter, leave, bound)``.

    Site j comes before site s (projects lower) for the directions in the arc from
    ``enter[s, j]`` to ``leave[s, j]``, counter-clockwise; ``bound[s]`` bounds the error
    of the measure of any set built from these arcs.
    """
    d = floats[None, :, :] - floats[rows, None, :]
    enter = np.arctan2(d[..., 1], d[..., 0]) + math.pi / 2
    enter = np.where(enter < 0, enter + TWO_PI, enter)
    enter = np.where(enter >= TWO_PI, enter - TWO_PI, enter)
    leave = np.where(enter < math.pi, enter + math.pi, enter - math.pi)
    size = np.abs(floats).max(axis=1)
    length = np.hypot(d[..., 0], d[..., 1])
    with np.errstate(divide="ignore", invalid="ignore"):
        relative = 2.25 * UNIT * 1.01 * (size[None, :] + size[rows, None]
                                         + np.abs(d).max(axis=2)) / length
    error = np.where(relative < 1, ANGLE_SLACK + relative, math.pi)
    error[np.arange(len(rows)), rows] = 0.0  # a site and itself: weight 0, no error
    m = floats.shape[0]
    bound = (4 * error.sum(axis=1) + 4 * TWO_PI * (2 * m) * UNIT) / TWO_PI
    return enter, leave, bound


def _sweep(game, points, sites):
    pivot = _Pivot(game)
    floats = _float_points(points, sites)
    m = len(sites)
    values, bounds = np.zeros(game.n), np.zeros(game.n)
    step = max(1, CHUNK // (2 * m))
    for start in range(0, m, step):
        rows = np.arange(start, min(m, start + step))
        enter, leave, bound = _events(floats, rows)
        if pivot.weighted:
            arcs = _weighted_arcs(pivot, sites, rows, enter, leave)
        else:
            arcs = [_rule_arcs(pivot, sites, s, enter[r], leave[r])
                    for r, s in enumerate(rows)]
        for r, s in enumerate(rows):
            members = sites[s][1]
            for before, measure in arcs[r].items():
                for i, share in pivot.shares(members, before).items():
                    values[i] += float(share) * measure / TWO_PI
            bounds[members] = bound[r]
    return FloatPowerIndexResult(
        "shapley_owen", game, dict(zip(game.players, values.tolist(), strict=True)),
        "sweep", dict(zip(game.players, bounds.tolist(), strict=True)))


def _site_weights(pivot, sites):
    weights = [sum(pivot.plan.weights[i] for i in members) for _, members in sites]
    small = sum(weights) < 2**62
    return np.array(weights, dtype=np.int64 if small else object)


def _weighted_arcs(pivot, sites, rows, enter, leave):
    """For each site of ``rows``: weight before it -> measure of the arcs where it is the
    pivot (one entry, keyed 0, for a site of one player: its share needs no split)."""
    weights = _site_weights(pivot, sites)
    quota = pivot.plan.quota
    others = np.broadcast_to(weights, enter.shape).copy()
    others[np.arange(len(rows)), rows] = 0
    start = np.where(enter >= math.pi, others, 0).sum(axis=1)
    angles = np.concatenate([enter, leave], axis=1)
    order = np.argsort(angles, axis=1, kind="stable")
    angles = np.take_along_axis(angles, order, axis=1)
    changes = np.take_along_axis(np.concatenate([others, -others], axis=1), order, axis=1)
    before = start[:, None] + np.cumsum(changes, axis=1)
    lengths = np.diff(angles, axis=1, append=angles[:, :1] + TWO_PI)
    own = weights[rows][:, None]
    pivotal = (before < quota) & (before + own >= quota)
    arcs = []
    for r, s in enumerate(rows):
        if len(sites[s][1]) == 1:
            arcs.append({0: float(np.dot(lengths[r], pivotal[r]))})
            continue
        keys, where = np.unique(before[r][pivotal[r]], return_inverse=True)
        sums = np.bincount(where, weights=lengths[r][pivotal[r]], minlength=len(keys))
        arcs.append({int(k): float(v) for k, v in zip(keys, sums, strict=True)})
    return arcs


def _rule_arcs(pivot, sites, s, enter, leave):
    """The arcs of one site for a game given by a rule: bit mask before it -> measure."""
    masks = [sum(1 << i for i in members) for _, members in sites]
    own = masks[s]
    angles = np.concatenate([enter, leave])
    order = np.argsort(angles, kind="stable")
    state = sum(masks[j] for j in range(len(sites)) if j != s and enter[j] >= math.pi)
    lengths = np.diff(angles[order], append=angles[order[0]] + TWO_PI)
    wins = _memo(pivot.plan.wins)
    arcs = {}
    for k, event in enumerate(order.tolist()):
        j = event % len(sites)
        if j != s:
            state = state | masks[j] if event < len(sites) else state & ~masks[j]
        if lengths[k] > 0 and not wins(state) and wins(state | own):
            key = state if len(sites[s][1]) > 1 else 0
            arcs[key] = arcs.get(key, 0.0) + float(lengths[k])
    return arcs


def _memo(function):
    cache = {}

    def cached(argument):
        if argument not in cache:
            cache[argument] = bool(function(argument))
        return cache[argument]

    return cached
