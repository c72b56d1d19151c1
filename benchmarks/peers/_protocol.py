"""Shared protocol of the peer runners (standard library only: it runs in each peer's venv).

A runner reads one request as JSON on stdin::

    {"weights": [int, ...], "quota": int, "index": "banzhaf" | "shapley_shubik",
     "repeat": int, "budget": seconds}

and prints one JSON object on stdout::

    {"version": "...", "kind": "normalized" | "absolute", "values": [float, ...],
     "times": [seconds, ...], "warnings": [...]}

or ``{"version": ..., "error": "ExceptionType: message", "seconds": ...}`` when the peer
raised, or ``{"version": ..., "unsupported": "why"}`` when it has no such index. Each timed
run goes from the weights and quota to the values (the peer's own game objects are built
inside the timed region, from a fresh copy of the weights: some peers modify the list they
are given). Runs stop after ``repeat`` runs or when another run would overrun ``budget``.
"""

import json
import math
import statistics
import sys
import time
import warnings
from importlib.metadata import version as _dist_version


class Unsupported(Exception):
    """The peer does not compute this index."""


def _floats(values):
    out = []
    for value in values:
        value = float(value)
        out.append(value if math.isfinite(value) else repr(value))
    return out


def serve(dist, compute):
    """Answer one request with ``compute(weights, quota, index) -> (kind, values)``."""
    request = json.load(sys.stdin)
    reply = {"version": _dist_version(dist)}
    times, caught = [], []
    first = None
    start = time.perf_counter()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for attempt in range(max(1, request["repeat"])):
                weights = list(request["weights"])
                begin = time.perf_counter()
                kind, values = compute(weights, request["quota"], request["index"])
                values = list(values)
                times.append(time.perf_counter() - begin)
                if attempt == 0:
                    first = (kind, _floats(values))
                if sum(times) + statistics.median(times) > request["budget"]:
                    break
    except Unsupported as exc:
        reply["unsupported"] = str(exc)
    except BaseException as exc:  # noqa: BLE001 - MemoryError, RecursionError, ... reported
        reply["error"] = f"{type(exc).__name__}: {exc}"[:300]
        reply["seconds"] = time.perf_counter() - start
        if first is not None:  # a later repeat failed: still report the first answer
            reply["kind"], reply["values"], reply["times"] = first[0], first[1], times
    else:
        reply["kind"], reply["values"], reply["times"] = first[0], first[1], times
    reply["warnings"] = sorted({f"{w.category.__name__}: {w.message}" for w in caught})[:5]
    json.dump(reply, sys.stdout)
    sys.stdout.write("\n")
