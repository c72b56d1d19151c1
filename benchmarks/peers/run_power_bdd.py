"""Peer runner: PyPI ``power-bdd`` 1.0.0 (I. Wilms): ``BDD(WeightedGame(q, w))`` then
``calc_banzhaf()`` (absolute Penrose-Banzhaf index) or ``calc_shapley()``; binary decision
diagrams after Bolus (2011), counts in Python ints."""

from _protocol import Unsupported, serve
from power_bdd.bdd import BDD, WeightedGame


def compute(weights, quota, index):
    bdd = BDD(WeightedGame(quota, weights))
    if index == "banzhaf":
        return "absolute", bdd.calc_banzhaf()
    if index == "shapley_shubik":
        return "normalized", bdd.calc_shapley()
    raise Unsupported(index)


if __name__ == "__main__":
    serve("power-bdd", compute)
