"""Allocations given by the user, read exactly, and the excesses they leave (private)."""

from collections.abc import Mapping
from fractions import Fraction

import numpy as np

from .._engines import enumeration
from .._numbers import lcm_of_denominators, to_fraction
from ..errors import InvalidArgumentError, InvalidTypeError, UnknownPlayerError

__all__ = ["read_allocation", "excesses"]


def read_allocation(game, allocation):
    """The shares of ``allocation``, one exact Fraction per player in player order.

    ``allocation`` maps every player to a number (a dict, or a result of this package), or
    lists one number per player in player order. Numbers are read as :func:`to_fraction`
    reads worths (a float as the decimal it prints as).
    """
    players = game.players
    if isinstance(allocation, Mapping):
        unknown = [p for p in allocation if p not in game._position]
        if unknown:
            raise UnknownPlayerError(
                f"the allocation names {unknown[0]!r}, which is not a player; players are"
                f" {list(players)}"
            )
        missing = [p for p in players if p not in allocation]
        if missing:
            raise InvalidArgumentError(
                f"the allocation gives nothing for {missing[0]!r}: give every player a share"
                f" ({len(missing)} of {len(players)} missing)"
            )
        values = [allocation[p] for p in players]
    elif isinstance(allocation, str | bytes) or not hasattr(allocation, "__len__"):
        raise InvalidTypeError(
            "an allocation is a mapping player -> share or a list of one share per player,"
            f" got {type(allocation).__name__}"
        )
    else:
        values = list(allocation)
        if len(values) != len(players):
            raise InvalidArgumentError(
                f"the allocation has {len(values)} shares for {len(players)} players"
            )
    shares = []
    for player, value in zip(players, values, strict=True):
        try:
            shares.append(to_fraction(value, f"the share of {player!r}"))
        except InvalidTypeError:
            raise
        except ValueError as error:  # NaN or infinite
            raise InvalidArgumentError(str(error)) from None
    return shares


def excesses(game, shares):
    """``(excess, denominator)``: e(S, x) = v(S) - x(S) for every mask, as Python integers
    over one common denominator (an object array indexed by mask)."""
    denominator = lcm_of_denominators([*shares, Fraction(1, game._scale)])
    factor = denominator // game._scale
    worths = np.array(game._int_list(), dtype=object) * factor
    sums = enumeration.subset_sums([int(share * denominator) for share in shares])
    return worths - sums, denominator
