"""Power indices of simple games, exact, and the one result type they share.

Every index takes any game (:class:`~powerindex.WeightedGame`,
:class:`~powerindex.SimpleGame` or a composition) and returns a
:class:`PowerIndexResult` of exact values, or a single Fraction for the game-level
:func:`coleman_collectivity`. Two families, by what they need from the game:

* **swings** (:mod:`.swing_indices`) -- Shapley-Shubik, Banzhaf, swings and Coleman: from
  generating functions for weighted games, otherwise from enumeration; Shapley-Shubik and
  Banzhaf also in floating point with a proved error bound (``method="float"``,
  :class:`FloatPowerIndexResult`);
* **coalitions** (:mod:`.coalition_indices`) -- Johnston, Deegan-Packel and Holler: from
  the (minimal) winning coalitions, listed by backtracking for weighted games.

``method="auto"`` (the default) picks the first applicable algorithm. The coalition
queries (:mod:`.coalitions`) list the coalitions themselves.
"""

from .coalition_indices import deegan_packel, holler, johnston
from .coalitions import (
    Coalitions,
    minimal_winning_coalitions,
    minimum_size_winning_coalitions,
    minimum_weight_winning_coalitions,
    swing_coalitions,
    winning_coalitions,
)
from .probabilistic import swing_probability, vote_probabilities
from .results import FloatPowerIndexResult, PowerIndexResult
from .swing_indices import (
    banzhaf,
    coleman_collectivity,
    coleman_initiate,
    coleman_prevent,
    shapley_shubik,
    swings,
)

__all__ = [
    "shapley_shubik",
    "banzhaf",
    "swings",
    "coleman_prevent",
    "coleman_initiate",
    "coleman_collectivity",
    "johnston",
    "deegan_packel",
    "holler",
    "swing_probability",
    "vote_probabilities",
    "PowerIndexResult",
    "FloatPowerIndexResult",
    "Coalitions",
    "winning_coalitions",
    "minimal_winning_coalitions",
    "minimum_size_winning_coalitions",
    "minimum_weight_winning_coalitions",
    "swing_coalitions",
]
