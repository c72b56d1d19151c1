"""Peer runner: PyPI ``powerindices`` 1.0.2 (F. Huettner): ``compute_pbi(quota, weights)``
(absolute Penrose-Banzhaf index) and ``compute_ssi(quota, weights)``, counts in numpy
int64 arrays."""

import powerindices as peer
from _protocol import Unsupported, serve


def compute(weights, quota, index):
    if index == "banzhaf":
        return "absolute", peer.compute_pbi(quota, weights)
    if index == "shapley_shubik":
        return "normalized", peer.compute_ssi(quota, weights)
    raise Unsupported(index)


if __name__ == "__main__":
    serve("powerindices", compute)
