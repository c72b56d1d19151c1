"""Exact conversion of user-supplied numbers to ``Fraction`` (private).

A float is read as the decimal it prints as (``0.1`` is ``1/10``, not the binary
fraction nearest to it), which is what a user who typed a seat share means.
"""

import math
import numbers
from decimal import Decimal
from fractions import Fraction

from .errors import InvalidArgumentError, InvalidTypeError

__all__ = ["to_fraction", "to_probability", "simplest", "lcm_of_denominators"]


def to_fraction(value, what):
    """Return ``value`` as an exact ``Fraction``.

    Parameters
    ----------
    value : int, Fraction, Decimal, float or a numpy scalar of those kinds
    what : str
        How to name the value in an error message, e.g. ``"weight of player 'A'"``.

    Raises
    ------
    InvalidTypeError
        If ``value`` is not a real number (a string, ``None``, a bool, a complex number).
    ValueError
        If ``value`` is NaN or infinite (raised as ``ValueError`` so that the caller can wrap it
        in its own, more specific error).
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real | Decimal):
        kind = type(value).__name__
        raise InvalidTypeError(f"{what} must be a number, got {value!r} ({kind})")
    if isinstance(value, numbers.Integral):
        return Fraction(int(value))
    if isinstance(value, Fraction):
        return value
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{what} must be finite, got {value}")
        return Fraction(value)
    if isinstance(value, numbers.Rational):
        return Fraction(value.numerator, value.denominator)
    as_float = float(value)
    if not math.isfinite(as_float):
        raise ValueError(f"{what} must be finite, got {as_float}")
    # str() gives the shortest decimal that round-trips (for Python and numpy floats alike):
    # the number as it prints, so 0.1 means 1/10.
    return Fraction(str(value) if type(value).__module__ == "numpy" else repr(as_float))


def to_probability(value, what, *, below_one=False):
    """``value`` as an exact Fraction in [0, 1] (in [0, 1) with ``below_one``).

    Raises
    ------
    InvalidTypeError
        Not a real number.
    InvalidArgumentError
        NaN, infinite, or outside the interval; the message names ``what``.
    """
    try:
        exact = to_fraction(value, what)
    except InvalidTypeError:
        raise
    except ValueError as exc:
        raise InvalidArgumentError(str(exc)) from None
    if exact < 0 or exact > 1 or (below_one and exact == 1):
        interval = "[0, 1)" if below_one else "[0, 1]"
        raise InvalidArgumentError(f"{what} must lie in {interval}, got {value!r}")
    return exact


def simplest(value):
    """Return an ``int`` when the Fraction is integral, else the Fraction itself."""
    return int(value) if value.denominator == 1 else value


def lcm_of_denominators(values):
    """Least common multiple of the denominators of some Fractions (1 for none)."""
    return math.lcm(1, *(v.denominator for v in values))
