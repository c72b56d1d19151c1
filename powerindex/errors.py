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
    "InvalidArgumentError",
    "GameTooLargeError",
    "GraphError",
    "NucleolusError",
    "EquilibriumError",
    "InvalidUnionsError",
    "PositionError",
    "GameFileError",
    "InvalidSamplingError",
    "SweepError",
    "ReportError",
    "ImproperGameWarning",
    "PrecisionWarning",
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
    """Player names are empty, None, duplicated, or do not match the weights."""


class UnknownPlayerError(PowerIndexError, ValueError):
    """A name that is not a player of the game."""


class IncompatibleGamesError(PowerIndexError, ValueError):
    """Two games combined with ``&`` or ``|`` do not have the same players."""


class InvalidTypeError(PowerIndexError, TypeError):
    """A value of the wrong type: a non-numeric weight, an unhashable name, a non-game operand."""


class InvalidMethodError(PowerIndexError, ValueError):
    """An algorithm was requested that does not exist or does not apply to the game."""


class InvalidArgumentError(PowerIndexError, ValueError):
    """An argument out of its range: a count below its minimum, an unknown option."""


class GameTooLargeError(PowerIndexError, ValueError):
    """The requested algorithm cannot handle a game of this size."""


class GraphError(PowerIndexError, ValueError):
    """A compatibility graph does not fit the game: unknown or missing node, self-loop."""


class InvalidUnionsError(PowerIndexError, ValueError):
    """A priori unions that are not a partition of the players (overlap, unknown name)."""


class PositionError(PowerIndexError, ValueError):
    """Policy positions that do not fit: a player without one, mixed dimensions, NaN."""


class GameFileError(PowerIndexError, ValueError):
    """A game file (TOML, JSON or CSV) that cannot be read or a game that cannot be written.

    The message names the file, the line and the field at fault, e.g. ``iraq.toml, line 7,
    field 'seats' of party 'Kurds': expected a non-negative number, got "fifty"``.

    Attributes
    ----------
    path : str or None
        The file, as given (None for text read with :func:`powerindex.readwrite.loads`).
    line : int or None
        The line (from 1) at fault; None when it could not be found.
    field : str or None
        The key at fault (``"seats"``, ``"quota"``, ``"incompatible"`` ...), or None for a
        syntax error.
    reason : str
        The message without the location.
    """

    def __init__(self, reason, path=None, line=None, field=None, context=""):
        self.reason = reason
        self.path = None if path is None else str(path)
        self.line = line
        self.field = field
        where = []
        if self.path is not None:
            where.append(self.path)
        if line is not None:
            where.append(f"line {line}")
        if field is not None:
            where.append(f"field {field!r}" + (f" {context}" if context else ""))
        elif context:
            where.append(context)
        super().__init__(", ".join(where) + ": " + reason if where else reason)


class NucleolusError(PowerIndexError, ArithmeticError):
    """The floating-point LPs of the nucleolus could not be turned into a certified exact point."""


class EquilibriumError(PowerIndexError, ArithmeticError):
    """No stationary bargaining equilibrium could be found and certified."""


class InvalidSamplingError(PowerIndexError, ValueError):
    """A sampling parameter out of range: samples, precision or confidence."""


class SweepError(PowerIndexError, RuntimeError):
    """A scenario of a sweep failed.

    ``scenario`` is its name; the exception it raised is the ``__cause__`` (itself caused
    by the traceback in the worker, when the worker ran elsewhere).
    """

    def __init__(self, message, scenario=None):
        super().__init__(message)
        self.scenario = scenario


class ReportError(PowerIndexError, ValueError):
    """A part of a report that cannot be rendered: a missing image, an image that is not a
    PNG, a heading level out of range."""


class ImproperGameWarning(UserWarning):
    """The game is improper: two disjoint coalitions can both win."""


class PrecisionWarning(RuntimeWarning):
    """The requested precision was not reached within the cap on samples."""
