"""What the engines count for a game: its counting plan (private).

Every kind of game tells the engines what to count through one method,
``game.counting_plan()``, which returns one of three plans:

* :class:`WeightThreshold` -- integer weights and a quota: a weighted game, counted by
  generating functions, backtracking or vectorised sums;
* :class:`Composition` -- plans joined by ``"and"`` (every part must win) or ``"or"``
  (one part suffices): ``g1 & g2``, ``g1 | g2``; the composite engine counts those made
  of weight thresholds;
* :class:`WinningRule` -- any other game: a rule on bit masks (bit i is player i), and
  optionally a faster way to build the whole winning table.

Every plan answers :meth:`~CountingPlan.wins` for one coalition and
:meth:`~CountingPlan.winning_table` for all 2**n of them, built once. What an engine
computes for a game it keeps in the plan's ``cache``: a game holds one plan for its
lifetime, so asking for Shapley-Shubik and then Banzhaf counts its coalitions once.

The engines never look at a game beyond ``players``, ``n`` and its plan, so a new kind
of game needs only to return one of these (see ``docs/architecture.md``).
"""

import numpy as np

from . import enumeration

__all__ = ["CountingPlan", "WeightThreshold", "Composition", "WinningRule"]


class CountingPlan:
    """The shared part of every plan: ``n``, a cache, and the winning table.

    Attributes
    ----------
    n : int
        Number of players.
    cache : dict
        What the engines computed for this plan, by key.
    """

    def __init__(self, n):
        self.n = n
        self.cache = {}

    def wins(self, mask):
        """Whether the coalition with bit mask ``mask`` wins."""
        raise NotImplementedError

    def _build_table(self):
        enumeration.check_size(self.n)
        return np.fromiter((self.wins(mask) for mask in range(1 << self.n)), bool,
                           1 << self.n)

    def winning_table(self):
        """Read-only boolean array of length 2**n: entry ``mask`` says whether it wins.

        Raises
        ------
        GameTooLargeError
            More than 26 players.
        """
        table = self.cache.get("table")
        if table is None:
            table = self._build_table()
            table.setflags(write=False)
            self.cache["table"] = table
        return table


class WeightThreshold(CountingPlan):
    """A coalition wins when its integer weight reaches the integer quota.

    Attributes
    ----------
    weights : tuple of int
        Non-negative integer weights, one per player.
    quota : int
        The least winning weight, in (0, sum(weights)].
    """

    def __init__(self, weights, quota):
        super().__init__(len(weights))
        self.weights = tuple(weights)
        self.quota = quota

    def wins(self, mask):
        total = 0
        for i, w in enumerate(self.weights):
            if mask >> i & 1:
                total += w
        return total >= self.quota

    def _build_table(self):
        enumeration.check_size(self.n)
        return enumeration.subset_sums(self.weights) >= self.quota


class Composition(CountingPlan):
    """Parts (plans over the same players, in the same order) joined by and / or.

    Attributes
    ----------
    operation : {"and", "or"}
    parts : tuple of CountingPlan
    """

    def __init__(self, operation, parts):
        super().__init__(parts[0].n)
        self.operation = operation
        self.parts = tuple(parts)

    def wins(self, mask):
        combine = all if self.operation == "and" else any
        return combine(part.wins(mask) for part in self.parts)

    def _build_table(self):
        enumeration.check_size(self.n)
        combine = np.logical_and if self.operation == "and" else np.logical_or
        return combine.reduce([part.winning_table() for part in self.parts])


class WinningRule(CountingPlan):
    """Any simple game: a rule on bit masks, and optionally a builder of its table.

    Parameters
    ----------
    n : int
    rule : callable
        ``rule(mask) -> bool``.
    table : callable, optional
        ``table() -> bool array`` of length 2**n, when the game knows a faster way than
        asking the rule 2**n times (or must check the table it builds, as a rule given by
        the user is checked for monotonicity).
    """

    def __init__(self, n, rule, table=None):
        super().__init__(n)
        self.rule = rule
        self.table = table

    def wins(self, mask):
        return bool(self.rule(mask))

    def _build_table(self):
        if self.table is None:
            return super()._build_table()
        enumeration.check_size(self.n)
        return np.asarray(self.table(), dtype=bool)
