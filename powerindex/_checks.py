"""Checks of plain arguments, the same everywhere in the package (private).

A flag is a real bool, a count a whole number: ``normalized=1`` or ``max_players="15"``
get the package's own error naming the argument, never Python's TypeError from deep
inside a comparison.
"""

from numbers import Integral

from .errors import InvalidArgumentError, InvalidTypeError

__all__ = ["check_flag", "check_whole"]


def check_flag(value, name):
    """``value`` if it is True or False, else InvalidTypeError naming ``name``."""
    if not isinstance(value, bool):
        raise InvalidTypeError(f"{name} must be True or False, got {value!r}")
    return value


def check_whole(value, name, minimum=None):
    """``value`` as an int if it is a whole number (not a bool) of at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise InvalidTypeError(
            f"{name} must be a whole number, got {value!r} ({type(value).__name__})"
        )
    if minimum is not None and value < minimum:
        raise InvalidArgumentError(f"{name} must be at least {minimum}, got {value}")
    return int(value)
