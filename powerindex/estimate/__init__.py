"""Monte Carlo estimates of power indices with confidence intervals, for games beyond exact methods.

The exact algorithms stop somewhere: enumeration at 26 players, generating functions when the
integer weights (the weights times the common denominator) are astronomically large, the
Myerson and Owen values at 26 players. :func:`estimate` samples instead. It draws random
orders of the players or random coalitions from a seeded generator, and returns an
:class:`Estimate`. That is a read-only mapping from player to a float estimate. It carries a
confidence interval and a standard error for every player, and the number of samples, the
seed and the method that produced it.

What is sampled:

* Shapley-Shubik index -- random orders of the players, one pivot per order [1]_;
* Banzhaf index -- random coalitions (each player in with probability 1/2), the swing rate
  of every player; the normalized index as a ratio of swing rates;
* Myerson value -- random orders, the marginal contribution of each player to the number
  of winning connected components of the coalition that precedes it;
* Owen value -- random orders in which the members of every union arrive together.

Variance reduction: *antithetic* orders, where each order is paired with its reverse [3]_,
and *stratified* sampling by player and coalition size with optimum (Neyman) allocation
[2]_.

Examples
--------
>>> import powerindex as pi
>>> from powerindex.estimate import estimate
>>> eec = pi.WeightedGame([4, 4, 4, 2, 2, 1], 12,
...                       players=["FR", "DE", "IT", "BE", "NL", "LU"])
>>> result = estimate(eec, samples=20_000, seed=1)
>>> low, high = result.confidence_interval("FR")
>>> bool(low <= 7 / 30 <= high), round(sum(result.values()), 12)
(True, 1.0)

References
----------
.. [1] J. Castro, D. Gomez and J. Tejada, "Polynomial calculation of the Shapley value
   based on sampling", Computers & Operations Research 36(5) (2009), 1726-1730.
   https://doi.org/10.1016/j.cor.2008.04.004
.. [2] J. Castro, D. Gomez, E. Molina and J. Tejada, "Improving polynomial estimation of
   the Shapley value by stratified random sampling with optimum allocation", Computers &
   Operations Research 82 (2017), 180-188.
.. [3] R. Mitchell, J. Cooper, E. Frank and G. Holmes, "Sampling permutations for Shapley
   value estimation", Journal of Machine Learning Research 23 (2022), paper 43, 1-46.
"""


from .result import ConfidenceInterval, Estimate
from .sampling import estimate

__all__ = ["estimate", "Estimate", "ConfidenceInterval"]
