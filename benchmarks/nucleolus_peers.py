"""The nucleolus: powerindex against coopgame-py (Rust bindings), on the same random games.

    .venv/bin/python benchmarks/nucleolus_peers.py              # 10, 12, 14, 16, 18 players
    .venv/bin/python benchmarks/nucleolus_peers.py --players 10,12 --repeat 7

The games are the issue's: v({i}) = 0, every other coalition worth a random integer 0-100,
the grand coalition worth the largest plus 1-100 (seeded, three games per size). coopgame-py
0.3.0 runs in its own virtual environment (benchmarks/.peers-venvs/coopgame-py, created on
the first run, as for benchmarks/peers.py), in a process of its own, timing the building of
its game from the vector of worths and its nucleolus (its defaults: imputations, constraint
generation; float results with a certification label). Ours runs in this process:
``pi.TUGame.from_worths`` and ``pi.nucleolus`` (exact Fractions, certified). Both sides get
an untimed warm-up on a small game (imports). The table shows the median of each side over
all runs of the size's games, the ratio coopgame / ours (above 1: powerindex is faster),
and whether every value agrees within 1e-6. No timing is asserted.
"""

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from peers import Peer, _venv_python, ensure_venv  # noqa: E402

import powerindex as pi  # noqa: E402

COOPGAME = Peer("coopgame-py", ("coopgame-py==0.3.0",), "run_coopgame.py",
                "nucleolus (and much else) of TU games, Rust, floats with a certificate label")


def random_worths(n, seed):
    """The issue's random TU game: v({i}) = 0, others 0..100, v(N) the largest + 1..100."""
    rng = random.Random(seed)
    full = (1 << n) - 1
    worths = [0] * (1 << n)
    for mask in range(1, full):
        worths[mask] = 0 if mask & (mask - 1) == 0 else rng.randint(0, 100)
    worths[full] = max(worths) + rng.randint(1, 100)
    return worths


def theirs(worths, repeat, budget):
    runner = HERE / "peers" / COOPGAME.runner
    request = json.dumps({"worths": worths, "repeat": repeat, "budget": budget})
    done = subprocess.run([str(_venv_python(COOPGAME)), str(runner)], input=request,
                          capture_output=True, text=True, check=True,
                          cwd=str(_venv_python(COOPGAME).parent.parent))
    return json.loads(done.stdout)


def ours(worths, n, repeat, budget):
    import numpy as np

    players = [f"p{i}" for i in range(n)]
    vector = np.array(worths, dtype=np.int64)
    times, values, spent = [], None, 0.0
    while len(times) < repeat and spent < budget:
        start = time.perf_counter()
        result = pi.nucleolus(pi.TUGame.from_worths(players, vector), max_players=n)
        elapsed = time.perf_counter() - start
        spent += elapsed
        times.append(elapsed)
        values = values or [result[p] for p in players]
    return times, values


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--players", default="10,12,14,16,18")
    parser.add_argument("--games", type=int, default=3, help="random games per size (3)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per game and side (5)")
    parser.add_argument("--budget", type=float, default=20.0, help="seconds per game and side")
    args = parser.parse_args(argv)
    ensure_venv(COOPGAME)
    warm = random_worths(4, 0)
    theirs(warm, 1, 5)
    ours(warm, 4, 1, 5)
    print(f"# {time.strftime('%Y-%m-%d %H:%M')}, Python {sys.version.split()[0]},"
          f" powerindex {pi.__version__}, coopgame-py 0.3.0")
    print("| players | coopgame-py ms | powerindex ms | coopgame / ours | runs | values agree |")
    print("|---|---|---|---|---|---|")
    failed = False
    for n in (int(x) for x in args.players.split(",")):
        peer_times, our_times, agree = [], [], True
        for seed in range(args.games):
            worths = random_worths(n, seed)
            reply = theirs(worths, args.repeat, args.budget)
            times, values = ours(worths, n, args.repeat, args.budget)
            peer_times += reply["times"]
            our_times += times
            agree &= all(abs(float(a) - b) <= 1e-6 * max(1.0, abs(b))
                         for a, b in zip(values, reply["values"], strict=True))
        failed |= not agree
        peer, mine = statistics.median(peer_times), statistics.median(our_times)
        print(f"| {n} | {peer * 1000:.1f} | {mine * 1000:.1f} | {peer / mine:.2f} |"
              f" {len(our_times)} | {'yes' if agree else 'NO'} |", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
