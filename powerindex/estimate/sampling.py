"""Monte Carlo estimates of power indices with confidence intervals (:func:`estimate`).

See :mod:`powerindex.estimate` for what is sampled and how.
"""

import math
import warnings
from fractions import Fraction
from numbers import Integral, Real

import numpy as np

from .._progress import Progress, check_progress
from .._structures import check_graph, partition
from ..errors import (
    GraphError,
    InvalidMethodError,
    InvalidSamplingError,
    InvalidTypeError,
    InvalidUnionsError,
    PrecisionWarning,
)
from ..games.base import Game
from .outcomes import Communication, vectorised
from .result import Estimate
from .runs import StratifiedRun, UnitRun
from .samplers import antithetic_pays, coalition_sampler, order_sampler, stratum_contribution

__all__ = ["estimate", "METHODS"]

#: Samples drawn when neither ``samples`` nor ``precision`` is given.
DEFAULT_SAMPLES = 10_000
#: The most samples a run with ``precision`` draws unless ``samples`` sets another cap.
DEFAULT_CAP = 1_000_000
#: Samples drawn before the precision rule may stop a run (its variance estimates need them).
MIN_SAMPLES = 1_000

METHODS = {
    "shapley_shubik": ("auto", "permutation", "antithetic", "stratified"),
    "myerson": ("auto", "permutation", "antithetic", "stratified"),
    "owen": ("auto", "permutation", "antithetic"),
    "banzhaf": ("auto", "coalition", "stratified"),
    "banzhaf_absolute": ("auto", "coalition", "stratified"),
}
AUTO = {"banzhaf": "coalition", "banzhaf_absolute": "coalition"}


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
        :func:`~powerindex.myerson`.
    unions : list of lists or dict, optional
        The a priori unions of ``index="owen"``, as for :func:`~powerindex.owen`.
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
        ``precision`` was not reached within ``samples`` (or 1,000,000) samples; or, for
        ``"banzhaf"``, no swing was seen at all (the estimates are then nan, the
        intervals [0, 1]).

    Notes
    -----
    *Estimators.* An order of the players has exactly one pivot, so the Shapley-Shubik and
    Owen estimates from orders always sum to exactly 1. Each order (or coalition) is one
    independent unit; an estimate is the mean over the units of the player's marginal
    contribution (the pivot indicator; a swing indicator for Banzhaf; for Myerson, the
    change in the number of winning connected components, computed along the order with a
    union-find on the graph, so no 2**n table is built). The normalized Banzhaf index is
    the ratio of a player's swings to all swings, a ratio estimator.

    *Intervals.* Sampled contributions are integers, mostly 0 or 1, so a player can go
    unseen as pivot or swinger in a small sample although its value is not 0; a normal
    interval with the sample variance would then be [0, 0]. Each estimator has an interval
    that also covers in that case:

    - plain orders (Shapley-Shubik, Owen) and coalitions (``"banzhaf_absolute"``): the
      units are 0 or 1, and the interval is Clopper and Pearson's [6]_, which covers at
      least at the stated level whatever the value (Wilson's [5]_ falls to 84 % for values
      near 0.18 / samples [7]_);
    - antithetic pairs (averages of two 0/1 values) and Myerson's contributions
      (integers): Agresti and Coull's adjustment [8]_, generalised: ``z**2 / 2``
      pseudo-observations at each end of the range of the values, [0, 1] or wider as seen
      (Myerson's contributions are -1 where a player joins two winning components of an
      improper game), the normal interval of the augmented sample, and a continuity
      correction of half a step, 1 / (2 m) for m units. At 0/1 values this is the
      Agresti-Coull interval with a continuity correction, whose coverage we computed
      exactly to be at least 95 % for every proportion at 30, 50, 100, 200, 500 and 2,000
      units. Pseudo-observations at the extremes also cover games in which an order and
      its reverse share their pivot (decisive games): there a pair is worth 0 or 1, never
      1/2;
    - stratified sampling: a score interval, as Wilson's: a value v is rejected if the
      estimate lies more than z standard deviations (plus half a step of the coarsest
      stratum) from it, each stratum's variance taken as at least the least variance an
      integer-valued contribution can have at the stratum's mean moved by v minus the
      estimate (for a mean in [0, 1], that of a proportion);
    - the normalized Banzhaf index, a ratio of swing rates: Fieller's interval [9]_, the
      shares r for which the estimate of (the player's swing rate) - r (the sum of all
      swing rates) is within z standard deviations of 0, the player's variance taken as
      at least that of a proportion at the swing rate r implies. If no swing at all is
      seen, the estimates are nan and the intervals [0, 1], with a PrecisionWarning.

    The adjustments shrink like 1/m, the sampling error like 1/sqrt(m): from a few
    thousand samples on, the intervals are within a few percent of estimate +- z standard
    errors. Measured coverage of 95 % intervals, player by player over 300 to 400 seeds,
    on weighted games of 5 to 15 players at 100, 200 and 1,000 samples, for every index
    and method: 91 % to 100 % (the lowest of some 450 intervals per sample size; rerun
    with 2,000 to 6,000 seeds, the lowest gave 94 % to 96 %), where the former normal
    intervals covered 27 % (Myerson), 59 % (normalized Banzhaf) and 87 % (antithetic
    pairs) at 200 samples. Intervals hold for each player separately, not jointly; and
    stopping on a precision target that the data themselves estimate makes them slightly
    optimistic, which the 1,000-sample minimum limits. ``standard_error`` is the plain
    estimate from the sample variances (for the normalized Banzhaf index, by the delta
    method).

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
    .. [6] C. J. Clopper and E. S. Pearson, "The use of confidence or fiducial limits
       illustrated in the case of the binomial", Biometrika 26(4) (1934), 404-413.
       https://doi.org/10.1093/biomet/26.4.404
    .. [7] L. D. Brown, T. T. Cai and A. DasGupta, "Interval estimation for a binomial
       proportion", Statistical Science 16(2) (2001), 101-133.
       https://doi.org/10.1214/ss/1009213286
    .. [8] A. Agresti and B. A. Coull, "Approximate is better than 'exact' for interval
       estimation of binomial proportions", The American Statistician 52(2) (1998),
       119-126. https://doi.org/10.1080/00031305.1998.10480550
    .. [9] E. C. Fieller, "Some problems in interval estimation", Journal of the Royal
       Statistical Society, Series B 16(2) (1954), 175-185.
       https://doi.org/10.1111/j.2517-6161.1954.tb00159.x

    Examples
    --------
    The UN Security Council (exact index of a permanent member: 421/2145 = 0.19627...):

    >>> import powerindex as pi
    >>> from powerindex.estimate import estimate
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
    _check_game(game)
    _check_index_and_method(index, method)
    automatic = method == "auto"
    method = AUTO.get(index, "antithetic") if automatic else method
    if samples is not None:
        samples = _check_count(samples, "samples")
    if precision is not None:
        precision = _check_fraction(precision, "precision", below_one=False)
    confidence = _check_fraction(confidence, "confidence", below_one=True)
    check_progress(progress)
    rng, recorded_seed = _generator(seed)
    communication, groups = _structure(game, index, graph, unions)
    cap = samples if samples is not None else DEFAULT_CAP
    if precision is None and samples is None:
        samples = DEFAULT_SAMPLES
    if method == "stratified":
        run = _stratified_run(game, index, communication, samples, precision, cap)
    else:
        run, method = _unit_run(game, index, method, automatic, rng, communication, groups)
    bar = Progress(progress, f"{index} ({method})")
    if precision is None:
        bar.target = samples
        run.advance(rng, samples, bar.update)
    else:
        _sample_to_precision(run, rng, precision, cap, confidence, bar)
    bar.finish(run.samples)
    values, errors, low, high = run.summary(confidence)
    if np.isnan(values).any():
        warnings.warn(
            f"no swing was observed in {run.samples} samples, so the normalized Banzhaf index"
            " cannot be estimated: its estimates are nan and its intervals [0, 1]. Swings"
            f" are rarer than about 1 in {run.samples}: draw more samples (samples=),"
            " compute the index exactly with pi.banzhaf if the game allows it, or estimate"
            " 'banzhaf_absolute', whose intervals bound the swing probabilities",
            PrecisionWarning,
            stacklevel=2,
        )
    return Estimate(index, game, values, errors, (low, high), method=method,
                    samples=run.samples, confidence=confidence, seed=recorded_seed,
                    precision=precision, interval_method=run.interval_method)


# -- the steps -------------------------------------------------------------------------------
def _check_game(game):
    if not isinstance(game, Game):
        raise InvalidTypeError(
            f"estimate needs a simple game (WeightedGame, SimpleGame, ...), got"
            f" {type(game).__name__}"
        )


def _check_index_and_method(index, method):
    if not isinstance(index, str) or index not in METHODS:
        raise InvalidMethodError(
            f"unknown index {index!r} for estimate; choose one of {', '.join(METHODS)}"
        )
    if not isinstance(method, str) or method not in METHODS[index]:
        raise InvalidMethodError(
            f"unknown method {method!r} for estimating {index}; choose one of"
            f" {', '.join(METHODS[index])}"
        )


def _structure(game, index, graph, unions):
    """``(communication, groups)``: the graph of Myerson's value, the unions of Owen's."""
    if graph is not None and index != "myerson":
        raise GraphError(f"graph= is for index='myerson', not {index!r}")
    if unions is not None and index != "owen":
        raise InvalidUnionsError(f"unions= are for index='owen', not {index!r}")
    communication = groups = None
    if index == "myerson":
        if graph is None:
            raise GraphError("index='myerson' needs the communication graph: pass graph=")
        check_graph(game.players, graph)
        communication = Communication(game, graph)
    if index == "owen":
        if unions is None:
            raise InvalidUnionsError("index='owen' needs the a priori unions: pass unions=")
        groups = [members for _, members in partition(game, unions)]
    return communication, groups


def _stratified_run(game, index, communication, samples, precision, cap):
    n = game.n
    if cap < 2 * n:
        raise InvalidSamplingError(
            f"method='stratified' needs at least 2 * n = {2 * n} samples (two marginal"
            f" contributions in each of the n**2 = {n * n} strata), got {cap}"
        )
    if index in ("banzhaf", "banzhaf_absolute"):
        weights = [float(Fraction(math.comb(n - 1, k), 2 ** (n - 1))) for k in range(n)]
    else:
        weights = [1.0 / n] * n
    pilot_target = samples if precision is None else min(cap, max(MIN_SAMPLES, 2 * n))
    pilot = max(2, min(20, pilot_target // (2 * n)))
    return StratifiedRun(game, stratum_contribution(game, communication), weights,
                         ratio=index == "banzhaf", bounded=index != "myerson", pilot=pilot)


def _unit_run(game, index, method, automatic, rng, communication, groups):
    """The run of i.i.d. units, and the method it uses (``"auto"`` decided by a pilot)."""
    n = game.n
    fast = vectorised(game.counting_plan()) and communication is None
    batch = max(16, min(8192, (1 << 18) // n)) if fast else 256
    if index in ("banzhaf", "banzhaf_absolute"):
        draw = coalition_sampler(game)
    else:
        draw = order_sampler(game, method == "antithetic", groups, communication)
        if automatic and not antithetic_pays(rng, draw.values, n, groups):
            method = "permutation"
            draw = order_sampler(game, False, groups, communication)
    bernoulli = (method == "permutation" and index != "myerson") or index == "banzhaf_absolute"
    run = UnitRun(draw, n, 2 if method == "antithetic" else 1, batch, bernoulli=bernoulli,
                  ratio=index == "banzhaf", bounded=index != "myerson")
    return run, method


def _sample_to_precision(run, rng, precision, cap, confidence, bar):
    """Draw batches until every half-width is at most ``precision``, or the cap."""
    target = min(cap, MIN_SAMPLES)
    while True:
        bar.target = target
        run.advance(rng, target, bar.update)
        widest = float(_half_widths(*run.summary(confidence)).max())
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
            stacklevel=3,
        )


def _half_widths(values, errors, low, high):
    """Distance from each estimate to the farther end of its interval; for an estimate
    that could not be made (nan: no swing seen), the width of its interval."""
    undefined = np.isnan(values)
    spread = np.maximum(high - values, values - low)
    return np.where(undefined, high - low, spread)


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

