"""Portfolio allocation in coalition governments: offices against seats and power.

*Gamson's law* says that the parties of a government share its offices in proportion to
the seats each brings to it (Gamson 1961); Browne and Franklin (1973) found it to hold
strongly across European cabinets, large parties slightly underpaid and small ones
overpaid, and Warwick and Druckman (2006) found the same with portfolios weighted by
their importance (salience). Bargaining models predict otherwise: a formateur's premium
(Baron and Ferejohn 1989), or shares following voting power rather than seats.

* :func:`portfolio_allocation` -- one government: each party's seat share within the
  coalition, office share, their difference from Gamson's law, and optionally a power
  share (any index of the game, or Baron-Ferejohn payoffs) for comparison;
* :func:`gamson_fit` -- one or many governments: the least-squares line of office share
  on seat share (or on power share) over all their parties, exactly.

Examples
--------
>>> import powerindex as pi
>>> g = pi.WeightedGame({"A": 40, "B": 35, "C": 25}, 51)
>>> table = pi.portfolio_allocation(g, {"A": 5, "C": 5})
>>> table.column("office share"), table.column("seat share")
([Fraction(1, 2), Fraction(1, 2)], [Fraction(8, 13), Fraction(5, 13)])
"""

import numbers
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from .._numbers import simplest, to_fraction
from ..errors import InvalidArgumentError, InvalidTypeError
from ..games.base import Game, check_game, label
from ..indices import coalition_indices, swing_indices
from ..present.tables import Table
from .formation import seats_of

__all__ = ["portfolio_allocation", "gamson_fit", "GamsonFit"]

#: Indices that ``power=`` may name; any other index can be passed as a function or as
#: its result.
POWER_INDICES = {
    "shapley_shubik": swing_indices.shapley_shubik,
    "banzhaf": swing_indices.banzhaf,
    "johnston": coalition_indices.johnston,
    "deegan_packel": coalition_indices.deegan_packel,
    "holler": coalition_indices.holler,
}

SEAT_SHARE, OFFICE_SHARE, POWER_SHARE = "seat share", "office share", "power share"


def _number(value, what):
    """A non-negative number, exactly."""
    try:
        exact = to_fraction(value, what)
    except InvalidTypeError:
        raise
    except ValueError as exc:
        raise InvalidArgumentError(str(exc)) from None
    if exact < 0:
        raise InvalidArgumentError(f"{what} must be >= 0, got {value!r}")
    return exact


def _offices(game, offices, importance):
    """Party -> offices held (a count, or the importance of its portfolios), exactly."""
    if not callable(getattr(offices, "items", None)) or isinstance(offices, str):
        raise InvalidTypeError(
            "offices must be a mapping of parties to numbers of offices (or to lists of"
            f" portfolios), got {type(offices).__name__}")
    weights = {} if importance is None else {
        name: _number(value, f"the importance of portfolio {name!r}")
        for name, value in importance.items()}
    held, seen = {}, {}
    for party, value in offices.items():
        game._check_player(party)
        if isinstance(value, numbers.Number | Decimal):
            held[party] = _number(value, f"the offices of {label(party)!r}")
            continue
        if isinstance(value, str) or not isinstance(value, Iterable):
            raise InvalidTypeError(
                f"the offices of {label(party)!r} must be a number or a list of portfolios,"
                f" got {value!r}")
        total = Fraction(0)
        for portfolio in value:
            if portfolio in seen:
                raise InvalidArgumentError(
                    f"portfolio {portfolio!r} is held by both {label(seen[portfolio])!r}"
                    f" and {label(party)!r}")
            seen[portfolio] = party
            if importance is not None and portfolio not in weights:
                raise InvalidArgumentError(f"no importance given for portfolio {portfolio!r}")
            total += weights.get(portfolio, Fraction(1))
        held[party] = total
    if not held:
        raise InvalidArgumentError("offices names no party: a government needs at least one")
    if sum(held.values()) == 0:
        raise InvalidArgumentError("the government holds no offices (they sum to 0)")
    return {p: held[p] for p in game.players if p in held}


def _power(game, power):
    """Player -> power value from a name, a function of the game, or a mapping."""
    if isinstance(power, str):
        if power not in POWER_INDICES:
            raise InvalidArgumentError(
                f"unknown power index {power!r}; name one of {', '.join(POWER_INDICES)}, or"
                " pass a function of the game or its result (e.g. pi.baron_ferejohn(...))")
        power = POWER_INDICES[power]
    if callable(power) and not callable(getattr(power, "items", None)):
        power = power(game)
    if not callable(getattr(power, "items", None)):
        raise InvalidTypeError(
            "power must be an index name, a function of the game or a mapping of players"
            f" to values, got {type(power).__name__}")
    values = {}
    for player, value in power.items():
        game._check_player(player)
        values[player] = value if isinstance(value, float) else _number(
            value, f"the power of {label(player)!r}")
    return values


def _share(values, party):
    total = sum(values.values())
    return None if not total else values[party] / total


def portfolio_allocation(game, offices, power=None, *, importance=None):
    """Offices against seats (Gamson's law) and power in one coalition government.

    Parameters
    ----------
    game : Game
        The parliament, with seats (a WeightedGame, or a game restricted from one).
    offices : mapping of party to number, or of party to list of portfolio names
        The government's parties and the offices each holds: a count (or any
        non-negative number, e.g. a salience-weighted total), or the names of its
        portfolios, each counting ``importance[name]`` (1 without ``importance``).
    power : str, callable or mapping, optional
        A power measure to compare with: the name of an index ("shapley_shubik",
        "banzhaf", "johnston", "deegan_packel", "holler"), a function of the game
        returning player -> value (``pi.owen``-style calls need a lambda), or a result
        already computed, such as :func:`~powerindex.baron_ferejohn`'s payoffs. It is
        renormalised within the government.
    importance : mapping of portfolio name to number, optional
        The weight of each portfolio (salience, as in Warwick and Druckman 2006 [3]_),
        when ``offices`` lists portfolios.

    Returns
    -------
    Table
        One row per government party, in player order: seats, seat share within the
        government (Gamson's prediction [1]_), offices, office share, and "vs Gamson"
        (office share minus seat share); with ``power``, the power share within the
        government and "vs power" (office share minus power share). The notes give the
        totals.

    Raises
    ------
    InvalidArgumentError
        Negative or non-finite offices or importance, a portfolio held twice or without
        an importance, no offices at all, a game without seats, a government without
        seats, an unknown index name.
    UnknownPlayerError
        A party that is not a player of the game.
    InvalidTypeError
        ``offices`` is not a mapping, or a value is neither a number nor a list.

    Notes
    -----
    Shares are exact Fractions when seats, offices and power are (power from a float
    result, e.g. an irrational Baron-Ferejohn equilibrium, gives float shares). Cost:
    that of the power index, if any; otherwise O(n).

    References
    ----------
    .. [1] W. A. Gamson, "A theory of coalition formation", American Sociological Review
       26 (1961), 373-382. https://doi.org/10.2307/2090664
    .. [2] E. C. Browne and M. N. Franklin, "Aspects of coalition payoffs in European
       parliamentary democracies", American Political Science Review 67 (1973), 453-469.
       https://doi.org/10.2307/1958776
    .. [3] P. V. Warwick and J. N. Druckman, "The portfolio allocation paradox: an
       investigation into the nature of a very strong but puzzling relationship",
       European Journal of Political Research 45 (2006), 635-665.
       https://doi.org/10.1111/j.1475-6765.2006.00632.x

    Examples
    --------
    >>> import powerindex as pi
    >>> g = pi.WeightedGame({"A": 40, "B": 35, "C": 25}, 51)
    >>> print(pi.portfolio_allocation(g, {"A": 6, "C": 4}))
    Offices against seats and power in <WeightedGame [51; 40, 35, 25]>
    party  seats     seat share  offices  office share        vs Gamson
    A         40  8/13 (0.6154)        6  3/5 (0.6000)  -1/65 (-0.0154)
    C         25  5/13 (0.3846)        4  2/5 (0.4000)    1/65 (0.0154)
    Government: 2 parties, 65 seats, 10 offices.
    >>> table = pi.portfolio_allocation(g, {"A": 6, "C": 4}, power="shapley_shubik")
    >>> table.column("power share"), table.column("vs power")
    ([Fraction(1, 2), Fraction(1, 2)], [Fraction(1, 10), Fraction(-1, 10)])

    A and C are equally powerful (any two parties win), so bargaining models predict equal
    shares where Gamson's law predicts shares of seats.
    """
    check_game(game, "portfolio_allocation")
    held = _offices(game, offices, importance)
    seats, _ = seats_of(game)
    if seats is None:
        raise InvalidArgumentError(
            f"portfolio_allocation needs seats: a WeightedGame, not a {type(game).__name__}")
    coalition = {p: Fraction(seats[p]) for p in held}
    if sum(coalition.values()) == 0:
        raise InvalidArgumentError("the government's parties hold no seats")
    powers = None if power is None else _power(game, power)
    columns = ["party", "seats", SEAT_SHARE, "offices", OFFICE_SHARE, "vs Gamson"]
    if powers is not None:
        columns += [POWER_SHARE, "vs power"]
        powers = {p: powers.get(p, 0) for p in held}
    rows = []
    for party in held:
        seat, office = _share(coalition, party), _share(held, party)
        row = [party, simplest(coalition[party]), seat, simplest(held[party]), office,
               office - seat]
        if powers is not None:
            share = _share(powers, party)
            row += [share, None if share is None else office - share]
        rows.append(row)
    notes = [f"Government: {len(held)} {'party' if len(held) == 1 else 'parties'},"
             f" {simplest(sum(coalition.values()))} seats,"
             f" {simplest(sum(held.values()))} offices."]
    return Table(columns, rows, title=f"Offices against seats and power in {game!r}",
                 notes=notes)


@dataclass(frozen=True)
class GamsonFit:
    """The least-squares line ``y = intercept + slope * x`` over the parties of some
    governments: ``slope``, ``intercept``, ``r_squared`` (None when y does not vary) and
    ``n``, the number of parties; Fractions when the data are exact.

    Examples
    --------
    >>> import powerindex as pi
    >>> g = pi.WeightedGame({"A": 50, "B": 30, "C": 20}, 51)
    >>> pi.gamson_fit([(g, {"A": 5, "B": 3}), (g, {"A": 5, "C": 2})]).to_dict()
    {'slope': Fraction(1, 1), 'intercept': Fraction(0, 1), 'r_squared': Fraction(1, 1), 'n': 4}
    """

    slope: object
    intercept: object
    r_squared: object
    n: int
    x: str = SEAT_SHARE
    y: str = OFFICE_SHARE

    def to_dict(self):
        """The statistics as a dict."""
        return {"slope": self.slope, "intercept": self.intercept,
                "r_squared": self.r_squared, "n": self.n}

    def to_table(self):
        """A :class:`~powerindex.Table` of the statistics."""
        return Table(["statistic", "value"], list(self.to_dict().items()),
                     title=f"Least squares: {self.y} on {self.x}",
                     notes=("Gamson's law: slope 1, intercept 0.",))

    def __str__(self):
        return str(self.to_table())


def _points(governments, x, y):
    """(x, y) pairs from allocation tables or (game, offices) pairs."""
    if isinstance(governments, Table):
        governments = [governments]
    if isinstance(governments, str) or not isinstance(governments, Iterable):
        raise InvalidTypeError("governments must be allocation tables or (game, offices)"
                               f" pairs, got {type(governments).__name__}")
    points = []
    for number, government in enumerate(governments, start=1):
        if isinstance(government, tuple) and len(government) == 2 and isinstance(
                government[0], Game):
            government = portfolio_allocation(*government)
        if not isinstance(government, Table):
            raise InvalidTypeError(
                f"government {number} is a {type(government).__name__}: give the table of"
                " portfolio_allocation() or a (game, offices) pair")
        for column in (x, y):
            if column not in government.columns:
                raise InvalidArgumentError(
                    f"government {number} has no column {column!r} (pass power= to"
                    " portfolio_allocation for the power share)")
        points += [(a, b) for a, b in zip(government.column(x), government.column(y),
                                          strict=True) if a is not None and b is not None]
    return points


def gamson_fit(governments, *, x=SEAT_SHARE, y=OFFICE_SHARE):
    """The least-squares line of office share on seat share across governments.

    Browne and Franklin (1973) [1]_ regressed each party's share of a cabinet's
    ministries on its share of the cabinet's seats across European governments; Warwick
    and Druckman (2006) [2]_ did so with portfolios weighted by salience. Gamson's law
    predicts slope 1 and intercept 0.

    Parameters
    ----------
    governments : Table, or iterable of Tables or (game, offices) pairs
        Results of :func:`portfolio_allocation` (or its arguments), one per government.
    x, y : str, optional
        The columns regressed: y on x ("seat share", "office share", "power share").

    Returns
    -------
    GamsonFit
        slope, intercept, r_squared and n; exact Fractions when the shares are (least
        squares on rational data is rational).

    Raises
    ------
    InvalidArgumentError
        Fewer than two points, x constant (no line), a missing column.
    InvalidTypeError
        An element that is neither a table nor a (game, offices) pair.

    Notes
    -----
    slope = S_xy / S_xx, intercept = mean(y) - slope mean(x), R^2 = S_xy^2 / (S_xx S_yy),
    with S the centred sums of squares and products over all n parties. Cost O(n).

    References
    ----------
    .. [1] E. C. Browne and M. N. Franklin, "Aspects of coalition payoffs in European
       parliamentary democracies", American Political Science Review 67 (1973), 453-469.
       https://doi.org/10.2307/1958776
    .. [2] P. V. Warwick and J. N. Druckman, "The portfolio allocation paradox",
       European Journal of Political Research 45 (2006), 635-665.
       https://doi.org/10.1111/j.1475-6765.2006.00632.x

    Examples
    --------
    >>> import powerindex as pi
    >>> g = pi.WeightedGame({"A": 50, "B": 30, "C": 20, "D": 10}, 56)
    >>> fit = pi.gamson_fit([(g, {"A": 4, "B": 4}), (g, {"A": 5, "C": 3, "D": 2})])
    >>> fit.slope, fit.intercept, fit.n
    (Fraction(9, 16), Fraction(7, 40), 5)
    """
    points = _points(governments, x, y)
    if len(points) < 2:
        raise InvalidArgumentError(f"a line needs at least two parties, got {len(points)}")
    n = len(points)
    mean_x = sum(a for a, _ in points) / n
    mean_y = sum(b for _, b in points) / n
    sxx = sum((a - mean_x) ** 2 for a, _ in points)
    sxy = sum((a - mean_x) * (b - mean_y) for a, b in points)
    syy = sum((b - mean_y) ** 2 for _, b in points)
    if sxx == 0:
        raise InvalidArgumentError(f"every party has the same {x}: no line fits")
    slope = sxy / sxx
    return GamsonFit(slope, mean_y - slope * mean_x,
                     None if syy == 0 else sxy * sxy / (sxx * syy), n, x, y)
