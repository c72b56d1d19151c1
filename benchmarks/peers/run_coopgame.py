"""coopgame-py's side of benchmarks/nucleolus_peers.py, run with the peer's own venv Python.

Reads {"worths": [...2**n integers in bit order...], "repeat": R, "budget": S} as JSON on
stdin; times, R times (within S seconds), building the peer's Game from the vector and its
nucleolus (imputations, constraint generation: the peer's defaults); prints the first
run's values and all the times as JSON.
"""

import json
import sys
import time

import coopgame


def main():
    request = json.load(sys.stdin)
    worths = request["worths"]
    times, values, guarantee = [], None, None
    spent = 0.0
    while len(times) < request["repeat"] and spent < request["budget"]:
        start = time.perf_counter()
        game = coopgame.Game(worths[1:])
        result = coopgame.nucleolus(game)
        elapsed = time.perf_counter() - start
        spent += elapsed
        times.append(elapsed)
        if values is None:
            values = [float(x) for x in result["allocation"]]
            guarantee = result.get("guarantee")
    json.dump({"times": times, "values": values, "guarantee": guarantee}, sys.stdout)


if __name__ == "__main__":
    main()
