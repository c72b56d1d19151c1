"""Whether some coalition of a weighted game weighs between two bounds (private).

Properness (no two disjoint winning coalitions) and strength of a weighted game are
questions of this kind: the game is improper when some coalition weighs between q and
W - q, for then it and its complement both win. It is a subset-sum problem, so the
answer is found in three tries, cheapest first:

1. a greedy witness -- the weights in decreasing order, each taken when it keeps the
   sum within the upper bound -- which settles most games at once, O(n log n);
2. a bit set of every reachable sum, O(n W / 64) for a total integer weight W (after
   dividing out the common factor), within a budget of work;
3. enumeration of the 2**n coalitions' weights, for up to 22 players.
"""

import math

import numpy as np

from .._engines import enumeration
from ..errors import GameTooLargeError

__all__ = ["SubsetSums", "BITSET_LIMIT", "ENUMERATE_LIMIT"]

#: Largest total weight (in units of the common factor) for the bit set: 2**28 bits.
BITSET_LIMIT = 1 << 28
#: Above that, at most this many players are enumerated instead.
ENUMERATE_LIMIT = 22


class SubsetSums:
    """The coalition weights of integer weights, asked one window at a time.

    Parameters
    ----------
    weights : tuple of int
        Non-negative integer weights.
    """

    def __init__(self, weights):
        divisor = math.gcd(*weights) or 1
        self.divisor = divisor
        self.weights = tuple(w // divisor for w in weights)
        self.total = sum(self.weights)
        self._reachable = None

    def _reduced(self, low, high):
        """The window in units of the common factor (every coalition weighs k * divisor)."""
        return -(-low // self.divisor), high // self.divisor

    def _greedy_witness(self, low, high):
        reached = 0
        if reached >= low:
            return True
        for w in sorted(self.weights, reverse=True):
            if reached + w <= high:
                reached += w
                if reached >= low:
                    return True
        return False

    def bitset_work(self):
        """Bit operations the exact bit set costs: players times total weight."""
        return len(self.weights) * self.total

    def some_coalition_weighs(self, low, high, budget=None):
        """Whether some coalition's integer weight lies in [low, high].

        Parameters
        ----------
        low, high : int
            In integer weight units (not divided by the common factor).
        budget : int, optional
            Most bit operations the exact bit set may take; beyond it (and beyond
            enumeration) None is returned for "not decided".

        Returns
        -------
        bool or None

        Raises
        ------
        GameTooLargeError
            Without a budget, for a total beyond the bit set's limit with more than 22
            players: the question is a subset-sum problem.
        """
        low, high = self._reduced(low, high)
        if high < low:
            return False
        if self._greedy_witness(low, high):
            return True
        within_budget = budget is None or self.bitset_work() <= budget
        if self.total <= BITSET_LIMIT and (within_budget or self._reachable is not None):
            window = ((1 << (high - low + 1)) - 1) << low
            return bool(self._reachable_sums() & window)
        if len(self.weights) <= ENUMERATE_LIMIT:
            sums = enumeration.subset_sums(self.weights)
            return bool(np.any((sums >= low) & (sums <= high)))
        if budget is not None:
            return None
        raise GameTooLargeError(
            f"cannot decide this for {len(self.weights)} players with a total weight of"
            f" {self.total} units: it is a subset-sum problem; the bit-set method stops at"
            f" {BITSET_LIMIT} units and enumeration at {ENUMERATE_LIMIT} players"
        )

    def _reachable_sums(self):
        """Bit x of this integer is set when some coalition weighs exactly x units."""
        if self._reachable is None:
            reachable = 1
            for w in self.weights:
                reachable |= reachable << w
            self._reachable = reachable
        return self._reachable
