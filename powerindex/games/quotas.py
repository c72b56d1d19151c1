"""Quotas given as a share of the total weight.

A quota is usually stated as a rule ("a simple majority", "two thirds", "65% of the
population") rather than as a number. :func:`share` turns such a rule into a value that
:class:`~powerindex.WeightedGame` resolves against the total weight, exactly, so nobody has
to work out ``325 // 2 + 1`` by hand.

Examples
--------
>>> import powerindex as pi
>>> pi.WeightedGame([91, 89, 70, 57, 18], pi.MAJORITY).quota
163
>>> pi.WeightedGame([60, 40], pi.share("2/3")).quota
Fraction(200, 3)
>>> pi.WeightedGame([60, 40], pi.share("2/3", strict=True)).quota
67
"""

import math
from dataclasses import dataclass
from fractions import Fraction

from .._numbers import simplest, to_fraction
from ..errors import InvalidQuotaError, InvalidTypeError

__all__ = ["Share", "share", "MAJORITY"]


@dataclass(frozen=True)
class Share:
    """A quota stated as a share of the total weight.

    Use :func:`share` to build one. A coalition wins when its weight is at least
    ``fraction * total`` (``strict=False``) or more than ``fraction * total``
    (``strict=True``).

    Attributes
    ----------
    fraction : Fraction
        The share, in (0, 1].
    strict : bool
        Whether the coalition must exceed the share rather than reach it.
    """

    fraction: Fraction
    strict: bool = False

    def resolve(self, integer_total):
        """The smallest winning weight, for integer weights summing to ``integer_total``.

        Coalition weights are integers, so "more than s*T" is "at least floor(s*T) + 1"
        and "at least s*T" is "at least ceil(s*T)".
        """
        bound = self.fraction * integer_total
        return math.floor(bound) + 1 if self.strict else math.ceil(bound)

    def exact_quota(self, total):
        """The quota as a number in the units of the weights (non-strict shares only)."""
        return simplest(self.fraction * total)

    def __str__(self):
        relation = "more than" if self.strict else "at least"
        return f"{relation} {self.fraction} of the total"


def share(value, strict=False):
    """A quota given as a share of the total weight.

    Parameters
    ----------
    value : str, int, Fraction, Decimal or float
        The share in (0, 1]: a fraction string ``"2/3"``, a percentage ``"65%"``, a decimal
        string ``"0.65"`` or a number (a float is read as the decimal it prints as).
    strict : bool, optional
        If True the coalition needs *more than* the share (a simple majority is
        ``share("1/2", strict=True)``); by default it needs at least the share.

    Returns
    -------
    Share

    Raises
    ------
    InvalidQuotaError
        If the share is not in (0, 1], or is 1 with ``strict=True`` (nobody could win),
        or the string cannot be read.

    Examples
    --------
    >>> share("65%")
    Share(fraction=Fraction(13, 20), strict=False)
    >>> share(0.5, strict=True) == MAJORITY
    True
    """
    if isinstance(value, str):
        text = value.strip()
        try:
            fraction = Fraction(text[:-1].strip()) / 100 if text.endswith("%") else Fraction(text)
        except (ValueError, ZeroDivisionError):
            raise InvalidQuotaError(
                f"cannot read the share {value!r}: write it as '2/3', '0.65' or '65%'"
            ) from None
    else:
        try:
            fraction = to_fraction(value, "the share")
        except InvalidTypeError:
            raise
        except ValueError as exc:
            raise InvalidQuotaError(str(exc)) from None
    if not 0 < fraction <= 1:
        raise InvalidQuotaError(f"a quota share must be in (0, 1], got {fraction}")
    if strict and fraction == 1:
        raise InvalidQuotaError("no coalition can have more than the whole total (share 1, strict)")
    if not isinstance(strict, bool):
        raise InvalidTypeError(f"strict must be True or False, got {strict!r}")
    return Share(fraction, strict)


#: A simple majority: more than half of the total weight.
MAJORITY = Share(Fraction(1, 2), strict=True)
