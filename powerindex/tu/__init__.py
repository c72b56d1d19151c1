"""General TU games: numbers instead of win/lose.

A *transferable-utility (TU) game* on a finite set of players N gives every coalition S a
*worth* v(S), a number the members of S can share as they like; v(empty) = 0. A simple
game is the TU game with v(S) = 1 when S wins and 0 otherwise. Here the worth can be
anything -- the cabinet posts a coalition controls, the money a joint project saves.

Build one with :class:`TUGame` from a function of a coalition, a mapping from coalitions
to numbers, or a simple game (:meth:`TUGame.from_simple_game`, :func:`to_tu_game`).

Values, all exact Fractions:

* :func:`shapley_value` [1]_ and :func:`banzhaf_value` [2]_;
* the Myerson value of a communication graph, :func:`powerindex.myerson` [3]_;
* the Owen and Banzhaf-Owen values of a priori unions, :func:`powerindex.owen` and
  :func:`powerindex.banzhaf_owen` [4]_;
* the :func:`nucleolus` [5]_ and :func:`prenucleolus`, by a sequence of linear programs
  solved in floating point and then recovered and certified exactly.

Solutions and properties, all exact:

* the core: :func:`in_core`, :func:`core_vertices`; the least core, :func:`least_core`;
  :func:`is_balanced` (a non-empty core);
* the Weber set: :func:`marginal_vectors`, :func:`weber_set`;
* the kernel and prekernel: :func:`maximum_surpluses`, :func:`in_kernel`,
  :func:`in_prekernel`, :func:`kernel_point`;
* the :func:`tau_value`;
* :func:`is_superadditive`, :func:`is_convex`.

References
----------
.. [1] L. S. Shapley, "A value for n-person games", in Contributions to the Theory of
   Games II, Annals of Mathematics Studies 28 (1953), 307-317.
.. [2] J. F. Banzhaf III, "Weighted voting doesn't work: a mathematical analysis",
   Rutgers Law Review 19 (1965), 317-343.
.. [3] R. B. Myerson, "Graphs and cooperation in games", Mathematics of Operations
   Research 2(3) (1977), 225-229. https://doi.org/10.1287/moor.2.3.225
.. [4] G. Owen, "Values of games with a priori unions", in R. Henn and O. Moeschlin
   (eds.), Mathematical Economics and Game Theory, Lecture Notes in Economics and
   Mathematical Systems 141, Springer, 1977, 76-88.
.. [5] D. Schmeidler, "The nucleolus of a characteristic function game", SIAM Journal on
   Applied Mathematics 17(6) (1969), 1163-1170. https://doi.org/10.1137/0117107

Examples
--------
The glove game: L owns a left glove, R1 and R2 a right glove each, and a pair sells for 1.

>>> import powerindex as pi
>>> gloves = pi.TUGame(["L", "R1", "R2"],
...                    lambda s: min(len(s & {"L"}), len(s & {"R1", "R2"})))
>>> gloves
<TUGame of 3 players>
>>> pi.shapley_value(gloves).to_dict()
{'L': Fraction(2, 3), 'R1': Fraction(1, 6), 'R2': Fraction(1, 6)}
>>> pi.nucleolus(gloves).to_dict()
{'L': Fraction(1, 1), 'R1': Fraction(0, 1), 'R2': Fraction(0, 1)}
"""

from .core import LeastCore, core_vertices, in_core, is_balanced, least_core
from .game import TUGame, to_tu_game
from .kernel import in_kernel, in_prekernel, kernel_point, maximum_surpluses
from .nucleolus import nucleolus, prenucleolus
from .properties import is_convex, is_superadditive
from .tau import tau_value
from .values import banzhaf_value, shapley_value
from .weber import marginal_vectors, weber_set

__all__ = ["TUGame", "to_tu_game", "shapley_value", "banzhaf_value", "nucleolus",
           "prenucleolus", "in_core", "core_vertices", "least_core", "LeastCore",
           "is_balanced", "marginal_vectors", "weber_set", "maximum_surpluses", "in_kernel",
           "in_prekernel", "kernel_point", "tau_value", "is_superadditive", "is_convex"]
