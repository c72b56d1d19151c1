"""Benchmarks for powerindex: median wall times and peak memory of exact power indices.

Run from the repository root (``make bench`` does this)::

    .venv/bin/python benchmarks/run.py              # the full suite, a few minutes on 2 cores
    .venv/bin/python benchmarks/run.py --quick      # 1 repeat, slow cases skipped
    .venv/bin/python benchmarks/run.py --only iraq  # cases whose id contains "iraq"
    .venv/bin/python benchmarks/run.py --no-memory  # skip the peak-memory run of each case
    .venv/bin/python benchmarks/run.py --list       # list the cases and exit

Every case is timed in this process with :func:`time.perf_counter`. Each repeat builds a
fresh game object first (untimed), because powerindex keeps engine results on the game:
only the index call itself is timed (for the coalition-politics cases, the whole call:
``restrict`` and the index, ``leverage``, or building the Iraq 2010 report's ``Study``).
Repeats stop when the case has used its time budget;
a case whose first run already exceeds its budget is reported with that single figure
(marked ``*``), and a run that reaches ``--timeout`` is stopped and reported as a lower
bound (marked ``>``). The results of the first run are checked for sanity (values sum to
1, lie in [0, 1], respect the weight order, agree with enumeration on small games, the
nucleolus is an imputation; ``method="float"`` results within their own ``error_bound``:
every value in [-bound, 1 + bound] and |sum - 1| <= n * bound; Monte Carlo estimates sum
to 1 within 1e-9 and lie inside their confidence intervals); no
timing is asserted.

Peak memory (unless ``--no-memory``): after its timed runs, every case is run once more,
untimed, in a child process made with :func:`os.fork`, which builds a fresh game and makes
the same call; :func:`os.wait4` gives the child's peak resident set size (``ru_maxrss``).
A child starts with this process's anonymous resident pages, so the table also shows their
size at the fork: the computation added about the difference. A peak over 2 GiB (issue 5's
bound) is marked ``!`` in the table and in a summary line, but does not change the exit
status. The exit status is 1 if a sanity check failed, 2 on bad usage or missing data,
0 otherwise.

See benchmarks/README.md for the cases, their data sources and recorded results.
"""

import argparse
import datetime
import gc
import itertools
import json
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import numpy as np

import powerindex as pi

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"
US_EC_FILE = "us_ec_2024.json"
EU27_FILE = "eu27_pop_2024.json"

DEFAULT_REPEAT = 7
DEFAULT_BUDGET = 20.0  # seconds per case, summed over its repeats
DEFAULT_TIMEOUT = 120.0  # a single run is stopped after this many seconds
MEMORY_LIMIT = 2 * 2**30  # bytes; issue 5: "peak memory under 2 GB for each" case
MEMORY_LIMIT_TEXT = f"{MEMORY_LIMIT / 2**30:g} GiB"
CAN_FORK = hasattr(os, "fork") and hasattr(os, "wait4")
RSS_UNIT = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere


class DataError(Exception):
    """Benchmark data missing or malformed."""


class CheckError(Exception):
    """A computed result failed a sanity check."""


class RunTimeout(Exception):
    """A single timed run reached the --timeout limit."""


# ---------------------------------------------------------------------------------------
# Games


IRAQ_PLAYERS = ["Iraqiya", "SoL", "INA", "Kurds"]


def iraq_game():
    """Iraq 2010 Council of Representatives, four blocs and the rest: 325 seats, 163."""
    return pi.WeightedGame([91, 89, 70, 57, 18], 163, players=IRAQ_PLAYERS + ["Others"])


def iraq_full_game():
    """Iraq 2010 with the 18 other seats as three small lists of 6, 4 and 8 seats."""
    return pi.WeightedGame([91, 89, 70, 57, 6, 4, 8], 163,
                           players=IRAQ_PLAYERS + ["Small6", "Small4", "Small8"])


def _read_json(data_dir, filename):
    path = Path(data_dir) / filename
    if not path.is_file():
        raise DataError(
            f"benchmark data file not found: {path}\n"
            f"  (expected {US_EC_FILE} and {EU27_FILE} in {Path(data_dir)}; the default is "
            f"../shared/data relative to the repository root; pass --data DIR to use another "
            f"directory)"
        )
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(f"cannot read benchmark data file {path}: {exc}") from None
    players, weights = data.get("players"), data.get("weights")
    if not isinstance(players, list) or not isinstance(weights, list) \
            or len(players) != len(weights) or not players:
        raise DataError(f"{path}: expected non-empty 'players' and 'weights' lists of equal "
                        f"length")
    return data, path


def us_ec_factory(data_dir):
    data, path = _read_json(data_dir, US_EC_FILE)
    if "quota" not in data:
        raise DataError(f"{path}: no 'quota'")
    weights, quota, players = data["weights"], data["quota"], data["players"]
    if len(players) != 51 or sum(weights) != 538 or quota != 270:
        raise DataError(f"{path}: expected 51 players, 538 votes and quota 270, got "
                        f"{len(players)}, {sum(weights)} and {quota}")
    return lambda: pi.WeightedGame(weights, quota, players=players)


def eu27_factory(data_dir):
    data, path = _read_json(data_dir, EU27_FILE)
    weights, players = data["weights"], data["players"]
    if len(players) != 27:
        raise DataError(f"{path}: expected 27 member states, got {len(players)}")
    stated = data.get("quota_share")
    if stated is not None and Fraction(str(stated)) != Fraction(65, 100):
        print(f"note: {path} states quota_share {stated}; the benchmark uses 65%",
              file=sys.stderr)
    quota = pi.share("65%")
    return lambda: pi.WeightedGame(weights, quota, players=players)


def random_factory(seed, n, high=1000):
    rng = random.Random(seed)
    weights = [rng.randint(1, high) for _ in range(n)]
    quota = sum(weights) // 2 + 1
    return lambda: pi.WeightedGame(weights, quota)


LARGE5 = [60000, 50000, 40000, 30000, 20000]


def large_small_factory(n_small=5000, seed=4):
    """Five large players L1..L5 (60000 ... 20000) first, then n_small of weight 1..100."""
    rng = random.Random(seed)
    weights = LARGE5 + [rng.randint(1, 100) for _ in range(n_small)]
    players = [f"L{i}" for i in range(1, 6)] + [f"S{i}" for i in range(1, n_small + 1)]
    quota = sum(weights) // 2 + 1
    return lambda: pi.WeightedGame(weights, quota, players=players)


def eu27_lisbon_factory(data_dir):
    """Lisbon QMV: (65% of the population and 55% of the members) or all but three."""
    data, path = _read_json(data_dir, EU27_FILE)
    pops, players = data["weights"], data["players"]
    if len(players) != 27:
        raise DataError(f"{path}: expected 27 member states, got {len(players)}")

    def make():
        pop = pi.WeightedGame(pops, pi.share("65%"), players=players)
        members = pi.WeightedGame([1] * 27, pi.share("55%"), players=players)
        all_but_three = pi.WeightedGame([1] * 27, 24, players=players)
        return (pop & members) | all_but_three

    return make


# ---------------------------------------------------------------------------------------
# Indices and their sanity checks


def _check(condition, message):
    if not condition:
        raise CheckError(message)


def _values(result):
    return list(result.to_dict().values())


def _check_sums_to_one(result):
    values = _values(result)
    _check(all(isinstance(v, Fraction) for v in values), "values are not all Fractions")
    _check(all(v >= 0 for v in values), "a value is negative")
    _check(sum(values) == 1, f"values sum to {float(sum(values))!r}, not exactly 1")


def _check_unit_interval(result):
    values = _values(result)
    _check(all(isinstance(v, Fraction) for v in values), "values are not all Fractions")
    _check(all(0 <= v <= 1 for v in values), "a value lies outside [0, 1]")


def _check_weight_order(result, game):
    """A heavier player is at least as desirable, so has at least the same index."""
    pairs = sorted(zip(game.weights, _values(result), strict=True))
    _check(all(a[1] <= b[1] for a, b in zip(pairs, pairs[1:], strict=False)),
           "a heavier player has a smaller index")
    same = {}
    for weight, value in pairs:
        _check(same.setdefault(weight, value) == value, "equal weights, different values")


def check_sums_to_one(result, game):
    """For games without weights (compositions): exact Fractions summing to 1."""
    _check_sums_to_one(result)


def check_shapley_shubik(result, game):
    _check_sums_to_one(result)
    _check_weight_order(result, game)


def check_banzhaf(result, game):
    _check_sums_to_one(result)
    _check_weight_order(result, game)


def check_banzhaf_absolute(result, game):
    _check_unit_interval(result)
    _check_weight_order(result, game)


def check_swings(result, game):
    values = _values(result)
    _check(all(isinstance(v, int) and v >= 0 for v in values), "swings not all ints >= 0")
    _check(sum(values) > 0, "no swings at all")
    _check(all(v <= 2 ** (game.n - 1) for v in values), "more swings than coalitions")
    _check_weight_order(result, game)


def check_coleman(result, game):
    _check_unit_interval(result)
    _check_weight_order(result, game)


def check_collectivity(value, game):
    _check(isinstance(value, Fraction) and 0 < value < 1,
           f"collectivity {value!r} not a Fraction in (0, 1)")


def check_normalized(result, game):
    _check_sums_to_one(result)


def check_float(result, game):
    """method="float": within the result's own error bound of a distribution."""
    values = _values(result)
    bound = result.error_bound
    _check(isinstance(result, pi.FloatPowerIndexResult), "not a FloatPowerIndexResult")
    _check(all(isinstance(v, float) for v in values), "values are not all floats")
    _check(0 <= bound < 1e-6, f"error bound {bound!r} not in [0, 1e-6)")
    _check(all(-bound <= v <= 1 + bound for v in values),
           f"a value lies outside [-{bound:.3g}, 1 + {bound:.3g}]")
    total = sum(values)
    _check(abs(total - 1) <= game.n * bound,
           f"values sum to {total!r}: |sum - 1| > n * error_bound = {game.n * bound:.3g}")


def check_estimate(result, game):
    """Monte Carlo: estimates sum to 1 (1e-9), each inside its own interval."""
    values = result.to_dict()
    total = sum(values.values())
    _check(abs(total - 1) <= 1e-9, f"estimates sum to {total!r}, not 1 within 1e-9")
    intervals = result.intervals
    _check(all(intervals[p][0] <= v <= intervals[p][1] for p, v in values.items()),
           "an estimate lies outside its confidence interval")


# name -> (call, check)
INDICES = {
    "shapley_shubik": (pi.shapley_shubik, check_shapley_shubik),
    "banzhaf": (pi.banzhaf, check_banzhaf),
    "banzhaf_absolute": (lambda g, **kw: pi.banzhaf(g, normalized=False, **kw),
                         check_banzhaf_absolute),
    "swings": (pi.swings, check_swings),
    "coleman_prevent": (pi.coleman_prevent, check_coleman),
    "coleman_initiate": (pi.coleman_initiate, check_coleman),
    "coleman_collectivity": (pi.coleman_collectivity, check_collectivity),
    "johnston": (pi.johnston, check_normalized),
    "deegan_packel": (pi.deegan_packel, check_normalized),
    "holler": (pi.holler, check_normalized),
    "shapley_shubik_float": (lambda g: pi.shapley_shubik(g, method="float"), check_float),
    "banzhaf_float": (lambda g: pi.banzhaf(g, method="float"), check_float),
    "estimate_ss_100k": (lambda g: pi.estimate(g, samples=100_000, seed=1), check_estimate),
}
# Not run on the small Iraq games (where every entry of INDICES above is compared with
# method="enumerate").
NOT_ON_IRAQ = ("shapley_shubik_float", "banzhaf_float", "estimate_ss_100k")


def check_against_enumeration(index):
    """For small games: the default method must agree with brute-force enumeration."""
    call, _ = INDICES[index]

    def check(result, game):
        expected = call(game, method="enumerate")
        got = result if isinstance(result, Fraction) else result.to_dict()
        want = expected if isinstance(expected, Fraction) else expected.to_dict()
        _check(got == want, f"{index} differs from method='enumerate'")

    return check


def check_iraq_kurds(result, game):
    _check(result["Kurds"] == Fraction(2, 15),
           f"Shapley-Shubik of the Kurds is {result['Kurds']}, expected 2/15")


# ---------------------------------------------------------------------------------------
# Coalition politics: compatibility graphs, a priori unions, TU games, the Iraq 2010 report

POLITICS_N = 20
POLITICS_PLAYERS = [f"P{i:02d}" for i in range(1, POLITICS_N + 1)]
POLITICS_UNIONS = [POLITICS_PLAYERS[i:i + 4] for i in range(0, POLITICS_N, 4)]
GRAPH_SEED = 4
SPARSE_EDGES = 0.5  # rule="connected", myerson, leverage
# With edge probability 0.5 the largest clique of this graph has 5 players, far from a
# majority, and restrict(rule="clique") rightly refuses a game nobody can win; the clique
# case therefore uses a denser graph from the same seed.
DENSE_EDGES = 0.9


def politics_weights():
    rng = random.Random(3)
    return [rng.randint(1, 100) for _ in range(POLITICS_N)]


def politics_factory():
    weights = politics_weights()
    quota = sum(weights) // 2 + 1
    return lambda: pi.WeightedGame(weights, quota, players=POLITICS_PLAYERS)


def random_graph(probability, seed=GRAPH_SEED):
    """Each pair of players compatible with the given probability (seeded)."""
    rng = random.Random(seed)
    edges = [(a, b) for i, a in enumerate(POLITICS_PLAYERS) for b in POLITICS_PLAYERS[i + 1:]
             if rng.random() < probability]
    return pi.compatibility_graph(POLITICS_PLAYERS, edges=edges)


SPARSE_GRAPH = random_graph(SPARSE_EDGES)
DENSE_GRAPH = random_graph(DENSE_EDGES)

TU_N = 12
TU_PLAYERS = [f"T{i:02d}" for i in range(1, TU_N + 1)]


def random_tu_factory():
    """12 players, v({i}) = 0 and every other coalition worth randint(0, 100) (seed 6)."""
    rng = random.Random(6)
    worths = [0 if bin(mask).count("1") <= 1 else rng.randint(0, 100)
              for mask in range(1 << TU_N)]
    position = {name: i for i, name in enumerate(TU_PLAYERS)}

    def value(coalition):
        return worths[sum(1 << position[name] for name in coalition)]

    return lambda: pi.TUGame(TU_PLAYERS, value)


def small_tu_factory():
    """6 players, v({i}) = 0, others randint(0, 100), v(N) the largest + 60 (seed 7): a
    non-convex game with a core of a few hundred vertices."""
    rng = random.Random(7)
    players = TU_PLAYERS[:6]
    worths = [0] * 64
    for mask in range(3, 63):
        worths[mask] = 0 if mask & (mask - 1) == 0 else rng.randint(0, 100)
    worths[63] = max(worths) + 60
    return lambda: pi.TUGame.from_worths(players, worths)


def issue_tu_factory(n, seed=0):
    """The TU solutions issue's random game (as benchmarks/nucleolus_peers.py builds it):
    v({i}) = 0, every other coalition randint(0, 100) in mask order, v(N) the largest plus
    randint(1, 100), from ``random.Random(seed)``; built from the vector of worths."""
    from nucleolus_peers import random_worths  # beside this script: one recipe for both

    players = [f"T{i:02d}" for i in range(1, n + 1)]
    vector = np.array(random_worths(n, seed), dtype=np.int64)
    return lambda: pi.TUGame.from_worths(players, vector)


def simple_tu_factory():
    """The TU game (0/1 worths) of a 12-player weighted majority game (seed 5)."""
    rng = random.Random(5)
    weights = [rng.randint(1, 100) for _ in range(TU_N)]
    quota = sum(weights) // 2 + 1
    return lambda: pi.TUGame.from_simple_game(pi.WeightedGame(weights, quota,
                                                              players=TU_PLAYERS))


@dataclass
class StudyInput:
    """The input of the Iraq 2010 report: its game file, read (reading is not timed)."""
    spec: object

    @property
    def n(self):
        return self.spec.game.n  # the lists as elected, the most players of any stage


def iraq_study_factory():
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    try:
        from analyses.iraq2010 import report
    except ImportError as exc:
        raise DataError(f"cannot import analyses.iraq2010 from {REPO_ROOT}: {exc}") from None
    try:
        spec = pi.read_game(report.GAME_FILE)
    except (OSError, pi.PowerIndexError) as exc:
        raise DataError(f"cannot read the Iraq 2010 game file: {exc}") from None
    return lambda: StudyInput(spec)


def build_study(data):
    from analyses.iraq2010 import report

    return report.Timeline(pi.Study(data.spec))


def _check_exact_sum(values, total, what):
    _check(all(isinstance(v, Fraction) for v in values), f"{what}: values are not all Fractions")
    _check(sum(values) == total, f"{what}: values sum to {float(sum(values))!r}, not {total}")


def _check_order_within(unions):
    """A check that inside each union a heavier member is at least as desirable."""
    def check(result, game):
        weight = dict(zip(game.players, game.weights, strict=True))
        for union in unions:
            pairs = sorted((weight[p], result[p]) for p in union)
            _check(all(a[1] <= b[1] for a, b in zip(pairs, pairs[1:], strict=False)),
                   "a heavier member of a union has a smaller value")
    return check


_check_order_within_unions = _check_order_within(POLITICS_UNIONS)


def check_restricted_connected(result, game):
    _check_sums_to_one(result)
    # The game is proper (quota above half), so at most one component of a coalition
    # wins and Myerson's graph-restricted game is this 0/1 game: the two must agree.
    _check(result.to_dict() == pi.myerson(game, SPARSE_GRAPH).to_dict(),
           "shapley_shubik(restrict(connected)) differs from myerson")


def check_myerson(result, game):
    _check_sums_to_one(result)


def check_owen(result, game):
    _check_sums_to_one(result)
    _check_order_within_unions(result, game)


def check_banzhaf_owen(result, game):
    _check_unit_interval(result)
    _check_order_within_unions(result, game)


def check_leverage(table, game):
    for column in ("Shapley-Shubik", "Banzhaf"):
        _check_exact_sum(table.column(column), 1, f"leverage column {column!r}")
    got = dict(zip(table.column("player"), table.column("Shapley-Shubik"), strict=True))
    want = pi.shapley_shubik(pi.restrict(game, SPARSE_GRAPH)).to_dict()
    _check(got == want, "leverage's Shapley-Shubik differs from shapley_shubik(restrict)")


def check_least_core(result, game):
    """The point is efficient; its largest excess (over S other than the empty set and N)
    is the least core's epsilon, exactly."""
    point = [result.point[p] for p in game.players]
    _check_exact_sum(point, game.value(game.players), "least core point")
    largest = max(game.value(s) - sum(result.point[p] for p in s)
                  for k in range(1, game.n) for s in itertools.combinations(game.players, k))
    _check(largest == result.epsilon, "the point's largest excess is not epsilon")


def check_core_vertices(result, game):
    _check(all(pi.in_core(game, v) for v in result), "a vertex is not in the core")
    _check(len({tuple(v.values()) for v in result}) == len(result), "a vertex repeats")


def check_nucleolus(result, game):
    values = result.to_dict()
    _check_exact_sum(list(values.values()), game.value(game.players), "nucleolus")
    _check(all(values[p] >= game.value([p]) for p in game.players),
           "nucleolus is not individually rational")


def check_study(timeline, data):
    _check(len(timeline.rows) > 0, "the timeline has no games")
    for name, row in timeline.rows.items():
        _check(isinstance(row["ss"], Fraction) and 0 <= row["ss"] <= 1,
               f"{name}: the Kurds' Shapley-Shubik index is no exact share")


# case id -> (game label, call, check, method label) for the 20-player game; the two
# restrict cases time restrict() and shapley_shubik() together.
POLITICS = {
    "graph20/restrict_connected": (
        "random 20, graph p=0.5",
        lambda g: pi.shapley_shubik(pi.restrict(g, SPARSE_GRAPH, rule="connected")),
        check_restricted_connected, None),
    "graph20/restrict_clique": (
        "random 20, graph p=0.9",
        lambda g: pi.shapley_shubik(pi.restrict(g, DENSE_GRAPH, rule="clique")),
        check_myerson, None),
    "graph20/myerson": ("random 20, graph p=0.5", lambda g: pi.myerson(g, SPARSE_GRAPH),
                        check_myerson, None),
    "graph20/leverage": ("random 20, graph p=0.5", lambda g: pi.leverage(g, SPARSE_GRAPH),
                         check_leverage, "enumerate"),
    "unions20/owen": ("random 20, 5 unions of 4", lambda g: pi.owen(g, POLITICS_UNIONS),
                      check_owen, None),
    "unions20/banzhaf_owen": ("random 20, 5 unions of 4",
                              lambda g: pi.banzhaf_owen(g, POLITICS_UNIONS),
                              check_banzhaf_owen, None),
}


# ---------------------------------------------------------------------------------------
# Positions: the Shapley-Owen spatial power index, two dimensions (the angular sweep)

SPATIAL_N = 500
SPATIAL_SEED = 8
SPATIAL_PLAYERS = [f"V{i:03d}" for i in range(SPATIAL_N)]


def spatial_positions():
    """500 positions uniform in the unit square (seeded; floats, read exactly)."""
    rng = random.Random(SPATIAL_SEED)
    return {p: (rng.random(), rng.random()) for p in SPATIAL_PLAYERS}


def spatial_factory():
    """500 voters, weights uniform in 1..100, a majority quota (same seed)."""
    rng = random.Random(SPATIAL_SEED + 1)
    weights = [rng.randint(1, 100) for _ in SPATIAL_PLAYERS]
    return lambda: pi.WeightedGame(weights, pi.MAJORITY, players=SPATIAL_PLAYERS)


SPATIAL_POSITIONS = spatial_positions()


def spatial_cases():
    """The timed call is the whole ``pi.shapley_owen(game, positions)``: checking the
    positions (exact Fractions), the sweep and the result."""
    return [Case("spatial500/shapley_owen", "random 500, 2-D positions", "shapley_owen",
                 loader=spatial_factory, check=check_float,
                 call=lambda g: pi.shapley_owen(g, SPATIAL_POSITIONS))]


# Scale II: a priori unions and graphs beyond enumeration (generating functions). The
# union sizes and weights are those of EPIC's 741-player test case in kind (1..100), the
# line and the tree those of a left-right ordering and of a random communication tree.

SCALE_UNIONS_N, SCALE_UNIONS_M, SCALE_SEED = 741, 40, 11


def scale_unions():
    """741 players, weights randint(1, 100), cut at random into 40 unions (seeded)."""
    rng = random.Random(SCALE_SEED)
    players = [f"U{i:03d}" for i in range(SCALE_UNIONS_N)]
    weights = [rng.randint(1, 100) for _ in players]
    cuts = sorted(rng.sample(range(1, SCALE_UNIONS_N), SCALE_UNIONS_M - 1))
    unions = [players[a:b] for a, b in zip([0, *cuts], [*cuts, SCALE_UNIONS_N], strict=True)]
    return players, weights, unions


SCALE_PLAYERS, SCALE_WEIGHTS, SCALE_UNIONS = scale_unions()


def scale_unions_factory():
    quota = sum(SCALE_WEIGHTS) // 2 + 1
    return lambda: pi.WeightedGame(SCALE_WEIGHTS, quota, players=SCALE_PLAYERS)


def forest_factory(n, seed=SCALE_SEED):
    """n parties, seats randint(1, 10) (seeded), simple majority."""
    rng = random.Random(seed)
    weights = [rng.randint(1, 10) for _ in range(n)]
    players = [f"F{i:03d}" for i in range(n)]
    return lambda: pi.WeightedGame(weights, sum(weights) // 2 + 1, players=players)


def _tree(n, seed=SCALE_SEED):
    """A random tree on forest_factory(n)'s players: each joins one earlier at random."""
    import networkx as nx

    rng = random.Random(seed + 1)
    players = [f"F{i:03d}" for i in range(n)]
    return nx.Graph([(players[i], players[rng.randrange(i)]) for i in range(1, n)])


def scale_cases():
    import networkx as nx

    line = nx.path_graph([f"F{i:03d}" for i in range(300)])
    tree = _tree(60)
    order = _check_order_within(SCALE_UNIONS)
    return [
        Case("unions741/owen", "random 741, 40 unions", "owen", loader=scale_unions_factory,
             call=lambda g: pi.owen(g, SCALE_UNIONS),
             check=lambda r, g: (_check_sums_to_one(r), order(r, g))),
        Case("unions741/banzhaf_owen", "random 741, 40 unions", "banzhaf_owen",
             loader=scale_unions_factory, call=lambda g: pi.banzhaf_owen(g, SCALE_UNIONS),
             check=lambda r, g: (_check_unit_interval(r), order(r, g))),
        Case("line300/myerson", "300 parties on a line", "myerson",
             loader=lambda: forest_factory(300), call=lambda g: pi.myerson(g, line),
             check=check_myerson),
        Case("tree60/myerson", "60 parties on a random tree", "myerson",
             loader=lambda: forest_factory(60), call=lambda g: pi.myerson(g, tree),
             check=check_myerson),
    ]


# Bargaining (issue "Positions and bargaining"): Baron-Ferejohn on a 15-party parliament.
# Kept in one block (cases added by bargaining_cases() at the end of build_cases).

BARGAINING_N = 15
BARGAINING_SEED = 15
BARGAINING_DELTA = Fraction(9, 10)


def bargaining_factory(seed=BARGAINING_SEED, n=BARGAINING_N):
    """n parties with seats randint(1, 100) (seeded), simple majority."""
    rng = random.Random(seed)
    weights = [rng.randint(1, 100) for _ in range(n)]
    players = [f"B{i:02d}" for i in range(1, n + 1)]
    return lambda: pi.WeightedGame(weights, sum(weights) // 2 + 1, players=players)


def check_baron_ferejohn(result, game):
    """Payoffs sum to 1 (exactly when exact), are non-negative, and a proposer keeps at
    least 1 - delta of the dollar, so v_i >= r_i (1 - delta)."""
    values = _values(result)
    if result.exact:
        _check(all(isinstance(v, Fraction) for v in values), "values are not all Fractions")
        _check(sum(values) == 1, f"payoffs sum to {float(sum(values))!r}, not exactly 1")
    else:
        _check(abs(sum(values) - 1) < 1e-12, f"payoffs sum to {sum(values)!r}")
    _check(all(v >= 0 for v in values), "a payoff is negative")
    floor = {p: r * (1 - result.delta) for p, r in result.recognition.items()}
    _check(all(result[p] >= floor[p] - 1e-12 for p in game.players),
           "a payoff is below recognition * (1 - delta)")


def bargaining_cases():
    return [Case("parl15/baron_ferejohn", f"{BARGAINING_N} parties, delta 9/10",
                 "baron_ferejohn", loader=bargaining_factory,
                 call=lambda g: pi.baron_ferejohn(g, BARGAINING_DELTA),
                 check=check_baron_ferejohn)]


# ---------------------------------------------------------------------------------------
# Cases


@dataclass
class Case:
    id: str
    game: str  # short description for the table
    index: str
    make_game: object = None  # set when the data are loaded
    loader: object = None  # () -> factory of fresh games
    slow: bool = False
    budget: float = DEFAULT_BUDGET
    extra_checks: list = field(default_factory=list)
    call: object = None  # game -> result; default INDICES[index]
    check: object = None  # (result, game) -> None; default INDICES[index]
    method: str = None  # shown when the result does not carry one


def build_cases(data_dir):
    cases = []
    for key, label, factory in (("iraq5", "Iraq 2010, 5 players", iraq_game),
                                ("iraq7", "Iraq 2010, 7 players", iraq_full_game)):
        for index in (i for i in INDICES if i not in NOT_ON_IRAQ):
            extra = [check_against_enumeration(index)]
            if key == "iraq5" and index == "shapley_shubik":
                extra.append(check_iraq_kurds)
            cases.append(Case(f"{key}/{index}", label, index,
                              loader=lambda f=factory: f, extra_checks=extra))
    for index in ("shapley_shubik", "banzhaf", "estimate_ss_100k"):
        cases.append(Case(f"us_ec/{index}", "US EC 2024, 51 players", index,
                          loader=lambda: us_ec_factory(data_dir)))
    for index in ("shapley_shubik", "banzhaf"):
        cases.append(Case(f"eu27/{index}", "EU27 pop. 65%, 27 players", index,
                          loader=lambda: eu27_factory(data_dir)))
    for index in ("shapley_shubik", "banzhaf"):
        cases.append(Case(f"eu27_lisbon/{index}", "EU27 Lisbon QMV, 27", index,
                          loader=lambda: eu27_lisbon_factory(data_dir),
                          check=check_sums_to_one))
    cases.append(Case("random200/banzhaf", "random, 200 players", "banzhaf",
                      loader=lambda: random_factory(1, 200)))
    cases.append(Case("random200/shapley_shubik", "random, 200 players", "shapley_shubik",
                      loader=lambda: random_factory(1, 200), slow=True, budget=150.0))
    cases.append(Case("random200/shapley_shubik_float", "random, 200 players",
                      "shapley_shubik_float", loader=lambda: random_factory(1, 200)))
    cases.append(Case("random1000/banzhaf", "random, 1000 players", "banzhaf",
                      loader=lambda: random_factory(2, 1000), slow=True, budget=60.0))
    cases.append(Case("random1000/banzhaf_float", "random, 1000 players", "banzhaf_float",
                      loader=lambda: random_factory(2, 1000)))
    cases.append(Case("random1000/shapley_shubik_float", "random, 1000 players",
                      "shapley_shubik_float", loader=lambda: random_factory(2, 1000),
                      slow=True, budget=90.0))
    cases.append(Case("random1000w100/shapley_shubik_float", "random w<=100, 1000 pl.",
                      "shapley_shubik_float", loader=lambda: random_factory(3, 1000, 100)))
    cases.append(Case("large5_small5000/banzhaf", "5 large + 5000 small", "banzhaf",
                      loader=large_small_factory, slow=True, budget=60.0))
    for case_id, (label, call, check, method) in POLITICS.items():
        cases.append(Case(case_id, label, case_id.split("/")[1], loader=politics_factory,
                          call=call, check=check, method=method))
    cases.append(Case("tu12/nucleolus", "random TU, 12 players", "nucleolus",
                      loader=random_tu_factory, call=pi.nucleolus, check=check_nucleolus))
    for n in (10, 14, 16, 18):
        cases.append(Case(f"issue_tu{n}/nucleolus", f"issue random TU, {n}",
                          "nucleolus", loader=lambda n=n: issue_tu_factory(n),
                          call=pi.nucleolus, check=check_nucleolus))
    cases.append(Case("simple12/nucleolus", "weighted 12 as TU game", "nucleolus",
                      loader=simple_tu_factory, call=pi.nucleolus, check=check_nucleolus))
    cases.append(Case("tu12/least_core", "random TU, 12 players", "least_core",
                      loader=random_tu_factory, call=pi.least_core, check=check_least_core,
                      method="lp_sequence"))
    cases.append(Case("tu6/core_vertices", "random TU, 6 players", "core_vertices",
                      loader=small_tu_factory, call=pi.core_vertices,
                      check=check_core_vertices, method="double_description"))
    cases += spatial_cases()
    cases.append(Case("iraq_report/study", "Iraq 2010, all scenarios", "study",
                      loader=iraq_study_factory, call=build_study, check=check_study,
                      method="enumerate"))
    cases += bargaining_cases()
    cases += scale_cases()
    return cases


# ---------------------------------------------------------------------------------------
# Timing


def _on_alarm(signum, frame):
    raise RunTimeout


def timed_call(call, game, timeout):
    """Run ``call(game)``; return (seconds, result), or raise RunTimeout after ``timeout``."""
    use_alarm = timeout and hasattr(signal, "setitimer")
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    start = time.perf_counter()
    try:
        result = call(game)
        return time.perf_counter() - start, result
    except RunTimeout:
        raise RunTimeout(time.perf_counter() - start) from None
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


@dataclass
class Outcome:
    case: Case
    n: int = 0
    method: str = ""
    times: list = field(default_factory=list)
    over_budget: bool = False  # first run exceeded the budget: single figure
    timed_out: bool = False  # stopped at --timeout: the figure is a lower bound
    error: str = ""
    memory: object = None  # Memory of the extra forked run, if one was made


def case_functions(case):
    """The case's (call, check): its own, or those of INDICES[case.index]."""
    default_call, default_check = INDICES.get(case.index, (None, None))
    return case.call or default_call, case.check or default_check


def run_case(case, repeat, timeout):
    call, check = case_functions(case)
    outcome = Outcome(case)
    spent = 0.0
    for attempt in range(repeat):
        game = case.make_game()
        plan = getattr(game, "__dict__", {}).get("_plan")  # built on first use
        if plan is not None and plan.cache:
            raise RuntimeError("a fresh game already holds engine results")
        outcome.n = game.n
        gc.collect()
        try:
            seconds, result = timed_call(call, game, timeout)
        except RunTimeout as exc:
            outcome.times.append(exc.args[0])
            outcome.timed_out = True
            break
        outcome.times.append(seconds)
        spent += seconds
        if attempt == 0:
            outcome.method = getattr(result, "method", None) or case.method or "auto"
            try:
                check(result, game)
                for extra in case.extra_checks:
                    extra(result, game)
            except CheckError as exc:
                outcome.error = str(exc)
            if seconds > case.budget:
                outcome.over_budget = True
                break
        del result, game
        # Stop when another run of the typical length would overrun the budget.
        if spent + statistics.median(outcome.times) > case.budget:
            break
    gc.collect()
    return outcome


@dataclass
class Memory:
    """The extra untimed run of a case in a forked child; sizes in bytes."""
    peak: int  # the child's peak resident set size (ru_maxrss)
    inherited: int = None  # this process's anonymous RSS at the fork (None: unknown)
    problem: str = ""  # why the run did not finish: then ``peak`` is a lower bound

    @property
    def over_limit(self):
        return self.peak > MEMORY_LIMIT


def anonymous_resident_size():
    """This process's resident memory less its file-backed pages, in bytes (None: no /proc).

    This is what a forked child starts with: fork copies the page-table entries of
    anonymous memory, while file-backed pages (code, shared libraries) count in the
    child's RSS only once it touches them.
    """
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            _, resident, shared = (int(field) for field in handle.read().split()[:3])
    except (OSError, ValueError):
        return None
    return (resident - shared) * os.sysconf("SC_PAGE_SIZE")


def measure_memory(case, timeout):
    """Make the case's call once on a fresh game in a forked child; return its Memory.

    A child of its own, because ru_maxrss only ever grows: in this process it would report
    the largest case so far. The child stops itself at ``timeout`` with the default action
    of SIGALRM, which ends it even inside numpy, where a Python handler would wait.
    """
    call, _ = case_functions(case)
    inherited = anonymous_resident_size()
    sys.stdout.flush()  # or the child's copy of the buffers could be written twice
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            if timeout:
                signal.signal(signal.SIGALRM, signal.SIG_DFL)
                signal.setitimer(signal.ITIMER_REAL, timeout)
            call(case.make_game())
            status = 0
        except BaseException as exc:  # whatever happens, the child must reach os._exit
            print(f"memory run of {case.id}: {exc!r}", file=sys.stderr, flush=True)
        finally:
            os._exit(status)
    _, status, usage = os.wait4(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code == -signal.SIGALRM:
        problem = f"stopped at --timeout after {fmt_seconds(timeout)}"
    elif code < 0:
        problem = f"killed by {signal.Signals(-code).name}"
    else:
        problem = f"failed (exit status {code})" if code else ""
    return Memory(usage.ru_maxrss * RSS_UNIT, inherited, problem)


def fmt_mib(size):
    return "-" if size is None else f"{size / 2**20:.0f} MiB"


def fmt_seconds(seconds):
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} us"
    if seconds < 1:
        return f"{seconds * 1e3:.3g} ms"
    return f"{seconds:.3g} s"


def git_description():
    """The checkout's commit, and whether powerindex/ has uncommitted changes."""
    try:
        commit = subprocess.run(["git", "-C", str(REPO_ROOT), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, timeout=10, check=True)
        status = subprocess.run(["git", "-C", str(REPO_ROOT), "status", "--porcelain",
                                 "--", "powerindex"],
                                capture_output=True, text=True, timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return "git commit unknown"
    dirty = " + uncommitted changes in powerindex/" if status.stdout.strip() else ""
    return f"git {commit.stdout.strip()}{dirty}"


def machine_description():
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.lower().startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    cpus = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cpus
    return [
        f"date      {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"python    {platform.python_version()} ({platform.python_implementation()}) "
        f"{sys.executable}",
        f"numpy     {np.__version__}",
        f"powerind. {pi.__version__} ({Path(pi.__file__).parent}, {git_description()})",
        f"platform  {platform.platform()}",
        f"machine   {platform.machine()}, {model}, {cpus} CPUs ({usable} usable)",
    ]


def print_row(cells, widths):
    print("  ".join(str(c).ljust(w) if i < 4 else str(c).rjust(w)
                    for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip())


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Median wall times and peak memory of powerindex on standard games.")
    parser.add_argument("--quick", action="store_true",
                        help="one repeat per case, and skip the slow cases")
    parser.add_argument("--only", metavar="SUBSTRING",
                        help="run only the cases whose id contains SUBSTRING (case-insensitive)")
    parser.add_argument("--repeat", type=int, metavar="N",
                        help=f"repeats per case, within its time budget (default "
                             f"{DEFAULT_REPEAT}; 1 with --quick)")
    parser.add_argument("--data", metavar="DIR", default=str(DEFAULT_DATA),
                        help="directory with us_ec_2024.json and eu27_pop_2024.json "
                             "(default: ../shared/data relative to the repository root)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help=f"stop a single run after this long and report it as a lower "
                             f"bound (default {DEFAULT_TIMEOUT:g}; 0 for no limit)")
    parser.add_argument("--no-memory", dest="memory", action="store_false",
                        help="skip the extra untimed run per case that measures peak memory")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    args = parser.parse_args(argv)
    if args.repeat is not None and args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.timeout < 0:
        parser.error("--timeout must be >= 0")
    repeat = args.repeat if args.repeat is not None else (1 if args.quick else DEFAULT_REPEAT)

    cases = build_cases(args.data)
    if args.only:
        cases = [c for c in cases if args.only.lower() in c.id.lower()]
        if not cases:
            print(f"error: no benchmark case id contains {args.only!r} (see --list)",
                  file=sys.stderr)
            return 2
    if args.list:
        for case in cases:
            print(f"{case.id:<36} {case.game}{'  [slow]' if case.slow else ''}")
        return 0
    skipped = [c for c in cases if args.quick and c.slow]
    cases = [c for c in cases if c not in skipped]

    try:
        for case in cases:
            case.make_game = case.loader()
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    for line in machine_description():
        print(line)
    special = ", ".join(f"{c.id} {c.budget:g} s" for c in cases if c.budget != DEFAULT_BUDGET)
    print(f"settings  repeat {repeat}, budget {DEFAULT_BUDGET:g} s per case"
          f"{f' ({special})' if special else ''}, timeout {args.timeout:g} s per run"
          f"{', quick' if args.quick else ''}")
    measure = args.memory and CAN_FORK
    if measure:
        print("memory    peak RSS of one more, untimed run per case in a forked child; "
              "'at fork': the anonymous RSS it started with")
    else:
        print(f"memory    not measured "
              f"({'--no-memory' if CAN_FORK else 'no os.fork or os.wait4 here'})")
    print()

    # Warm up imports (numpy, networkx, scipy for the nucleolus) outside any timed region.
    warm = pi.WeightedGame([3, 2, 2, 1], 5, players=["A", "B", "C", "D"])
    for call, _ in INDICES.values():
        call(warm)
    warm_graph = pi.compatibility_graph(warm, edges=[("A", "B"), ("B", "C"), ("C", "D")])
    pi.shapley_shubik(pi.restrict(warm, warm_graph, rule="clique"))
    pi.myerson(warm, warm_graph)
    pi.owen(warm, [["A", "B"], ["C", "D"]])
    pi.banzhaf_owen(warm, [["A", "B"], ["C", "D"]])
    pi.leverage(warm, warm_graph)
    pi.nucleolus(pi.TUGame.from_simple_game(warm))

    headers = ["case", "game", "n", "method", "median", "min", "max", "runs", "peak RSS",
               "at fork", "note"]
    widths = [36, 26, 4, 11, 9, 9, 9, 4, 9, 8, 0]
    print_row(headers, widths)
    print_row(["-" * w for w in widths[:-1]] + ["----"], widths)
    outcomes = []
    started = time.perf_counter()
    for case in cases:
        outcome = run_case(case, repeat, args.timeout)
        if measure:
            outcome.memory = measure_memory(case, args.timeout)
        outcomes.append(outcome)
        times = outcome.times
        notes = []
        if outcome.timed_out:
            notes.append(f"> stopped at --timeout after {fmt_seconds(times[-1])}")
        if outcome.over_budget:
            notes.append(f"* first run over the {case.budget:g} s budget: not repeated")
        if outcome.error:
            notes.append(f"CHECK FAILED: {outcome.error}")
        memory, peak, inherited = outcome.memory, "-", "-"
        if memory:
            peak, inherited = fmt_mib(memory.peak), fmt_mib(memory.inherited)
            if memory.problem:
                peak = ">" + peak
                notes.append(f"> memory run {memory.problem}")
            if memory.over_limit:
                notes.append(f"! peak RSS over {MEMORY_LIMIT_TEXT} (issue 5)")
        if outcome.timed_out:
            median = low = high = ">" + fmt_seconds(times[-1])
        else:
            median, low, high = (fmt_seconds(statistics.median(times)),
                                 fmt_seconds(min(times)), fmt_seconds(max(times)))
            if outcome.over_budget:
                median = "*" + median
        print_row([case.id, case.game, outcome.n, outcome.method or "-", median, low, high,
                   len(times), peak, inherited, "; ".join(notes)], widths)
        sys.stdout.flush()
    for case in skipped:
        print_row([case.id, case.game, "", "", "", "", "", 0, "", "", "skipped (--quick)"],
                  widths)
    print()
    print(f"total {fmt_seconds(time.perf_counter() - started)}"
          f"{' with the memory runs' if measure else ''}; times are wall-clock "
          f"seconds of one index call on a fresh game (game construction not timed).")
    measured = [o for o in outcomes if o.memory]
    if measured:
        largest = max(measured, key=lambda o: o.memory.peak)
        over = [o.case.id for o in measured if o.memory.over_limit]
        verdict = (f"! {len(over)} case(s) over {MEMORY_LIMIT_TEXT} (issue 5): "
                   + ", ".join(over)) if over else f"none over {MEMORY_LIMIT_TEXT} (issue 5)"
        bound = ">" if largest.memory.problem else ""
        print(f"peak RSS: largest {bound}{fmt_mib(largest.memory.peak)} ({largest.case.id}); "
              f"{verdict}. It includes the RSS at fork.")
    failed = [o for o in outcomes if o.error]
    if failed:
        print(f"{len(failed)} sanity check(s) FAILED: "
              + ", ".join(o.case.id for o in failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
