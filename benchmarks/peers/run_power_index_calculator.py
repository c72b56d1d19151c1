"""Peer runner: PyPI ``power-index-calculator`` 1.0 (2017): ``banzhaf(weights, quota)`` and
``shapley(weights, quota)``, normalized indices by listing the winning coalitions; players
are named by the letters a..z."""

import power_index_calculator as peer
from _protocol import Unsupported, serve


def compute(weights, quota, index):
    if index == "banzhaf":
        return "normalized", peer.banzhaf(weights, quota)
    if index == "shapley_shubik":
        return "normalized", peer.shapley(weights, quota)
    raise Unsupported(index)


if __name__ == "__main__":
    serve("power-index-calculator", compute)
