"""Exceptions and warnings raised by powerindex.

Every error derives from :class:`PowerIndexError` and also from the built-in
``ValueError`` or ``TypeError`` it specialises, so ``except ValueError`` keeps
working for callers who do not know this package.
"""

__all__ = [
    "PowerIndexError",
    "InvalidGameError",
    "InvalidWeightError",
    "InvalidQuotaError",
    "InvalidPlayerError",
    "UnknownPlayerError",
    "IncompatibleGamesError",
    "InvalidTypeError",
    "InvalidMethodError",
    "GameTooLargeError",
    "GraphError",
    "NucleolusError",
    "InvalidUnionsError",
    "ImproperGameWarning",
]


class PowerIndexError(Exception):
    """Base class of every error raised by powerindex."""


class InvalidGameError(PowerIndexError, ValueError):
    """The description of a game is inconsistent."""


class InvalidWeightError(InvalidGameError):
    """A weight is negative, not finite or not a number."""


class InvalidQuotaError(InvalidGameError):
    """The quota is not in (0, total weight] or is not a number or share."""


class InvalidPlayerError(InvalidGameError):
    """Player names are empty, duplicated, not strings, or do not match the weights."""


class UnknownPlayerError(PowerIndexError, ValueError):
    """A name that is not a player of the game."""


class IncompatibleGamesError(PowerIndexError, ValueError):
    """Two games combined with ``&`` or ``|`` do not have the same players."""


class InvalidTypeError(PowerIndexError, TypeError):
    """A value of the wrong type: a non-numeric weight, a non-string name, a non-game operand."""


class InvalidMethodError(PowerIndexError, ValueError):
    """An algorithm was requested that does not exist or does not apply to the game."""


class GameTooLargeError(PowerIndexError, ValueError):
    """The requested algorithm cannot handle a game of this size."""


class GraphError(PowerIndexError, ValueError):
    """A compatibility graph does not fit the game: unknown or missing node, self-loop."""


class InvalidUnionsError(PowerIndexError, ValueError):
    """A priori unions that are not a partition of the players (overlap, unknown name)."""


class NucleolusError(PowerIndexError, ArithmeticError):
    """The floating-point LPs of the nucleolus could not be turned into a certified exact point."""


class ImproperGameWarning(UserWarning):
    """The game is improper: two disjoint coalitions can both win."""
