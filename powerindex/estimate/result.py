"""The result of a Monte Carlo estimate: values with their confidence intervals."""

from collections import namedtuple

from ..indices.results import INDEX_TITLES, _PlayerValues
from ..present.tables import Table

__all__ = ["Estimate", "ConfidenceInterval"]


ConfidenceInterval = namedtuple("ConfidenceInterval", ["low", "high"])
ConfidenceInterval.__doc__ = """A confidence interval ``(low, high)`` of one estimate."""


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
        How the intervals were computed (see :func:`estimate`, Notes):
        ``"clopper-pearson"`` (plain orders and coalitions), ``"agresti-coull"``
        (antithetic pairs, Myerson's value), ``"score"`` (stratified sampling) or
        ``"fieller"`` (the normalized Banzhaf index).
    """

    __slots__ = ("index", "game", "method", "samples", "confidence", "seed", "precision",
                 "interval_method", "_values", "_errors", "_intervals")

    def __init__(self, index, game, values, errors, intervals, *, method, samples, confidence,
                 seed, precision, interval_method):
        self._set(index=index, game=game, method=method, samples=samples,
                  confidence=confidence, seed=seed, precision=precision,
                  interval_method=interval_method,
                  _values=dict(zip(game.players, map(float, values), strict=True)),
                  _errors=dict(zip(game.players, map(float, errors), strict=True)),
                  _intervals={
                      p: ConfidenceInterval(float(lo), float(hi))
                      for p, lo, hi in zip(game.players, intervals[0], intervals[1],
                                           strict=True)
                  })

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
        """A :class:`~powerindex.Table`: player, estimate, standard error, interval ends;
        its note says how the intervals were made."""
        level = f"{self.confidence:.0%}"
        rows = [[p, v, self._errors[p], *self._intervals[p]] for p, v in self._values.items()]
        note = f"{level} confidence intervals ({self.interval_method})"
        if self.precision is not None:
            note += f"; half-width asked for: {self.precision:g}"
        return Table(["player", "estimate", "std. error", f"{level} low", f"{level} high"],
                     rows, title=self._heading(), digits=6, notes=[note + "."])

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
        rows = [[str(p), f"{v:.6f}", f"{self._errors[p]:.6f}",
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
