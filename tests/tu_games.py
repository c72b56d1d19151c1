"""TU games shared by the tests of the TU solutions (not a test module)."""

import random

import numpy as np

import powerindex as pi


def issue_game(n, seed):
    """The TU solutions issue's random game, as benchmarks/nucleolus_peers.py builds it:
    v({i}) = 0, every other coalition randint(0, 100) in mask order, v(N) the largest plus
    randint(1, 100), from ``random.Random(seed)``; built from the vector of worths."""
    rng = random.Random(seed)
    full = (1 << n) - 1
    worths = [0] * (1 << n)
    for mask in range(1, full):
        worths[mask] = 0 if mask & (mask - 1) == 0 else rng.randint(0, 100)
    worths[full] = max(worths) + rng.randint(1, 100)
    return pi.TUGame.from_worths([f"p{i}" for i in range(n)], np.array(worths))
