"""Simple games: who wins, who loses.

A *simple game* on a finite set of players N says, for every coalition S of N, whether S
wins. Every index in powerindex takes any simple game. There are three ways to build one:

* :class:`WeightedGame` -- the workhorse: each player has a weight and a coalition wins
  when its total weight reaches the quota, ``[q; w1, ..., wn]``; the quota may be given
  as a share of the total (:func:`share`, :data:`MAJORITY`);
* :class:`SimpleGame` -- any monotone rule, given as a function of a coalition or as the
  list of its minimal winning coalitions;
* composition -- ``g1 & g2`` wins when both games win (a double majority: vector-weighted
  games such as the EU Council) and ``g1 | g2`` when either does (:class:`CompositeGame`).

Games are immutable values; transformations (``merge``, ``drop``) return new games.
:func:`minimum_sum_representation` finds the least integer weights of a weighted game.
"""

from .base import CompositeGame, Game
from .quotas import MAJORITY, Share, share
from .representation import minimum_sum_representation
from .simple import SimpleGame
from .weighted import WeightedGame

__all__ = [
    "Game",
    "WeightedGame",
    "SimpleGame",
    "CompositeGame",
    "Share",
    "share",
    "MAJORITY",
    "minimum_sum_representation",
]
