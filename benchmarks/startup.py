"""Start-up of powerindex: ``import powerindex`` against ``import numpy, networkx``.

Every command-line call pays for the import, so it is measured the way a user meets it:
fresh Python processes, each timed as a whole, the two commands alternated (A B A B ...)
so that a drift of the machine's speed hits both alike. Reported: the median wall time of
each over the runs, and the median of the per-pair ratios A/B with its range. The target
(Foundations II issue): ``import powerindex`` at most 1.5 times ``import numpy, networkx``.

Run from the repository root (``make bench`` runs it after the index benchmarks)::

    .venv/bin/python benchmarks/startup.py             # 21 pairs after 3 warm-up pairs
    .venv/bin/python benchmarks/startup.py --pairs 51  # more pairs on a noisy machine
    .venv/bin/python benchmarks/startup.py --modules   # also the slowest modules imported

The exit status is 0 whether or not the target is met (a benchmark does not judge); the
verdict line says which.
"""

import argparse
import statistics
import subprocess
import sys
import time

TARGET = 1.5
COMMANDS = {
    "import powerindex": "import powerindex",
    "import numpy, networkx": "import numpy, networkx",
}


def run_once(code):
    """Wall seconds of one fresh interpreter running ``code``."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def measure(pairs, warmup):
    """Per-command wall times, alternating the two commands pair by pair."""
    ours, base = COMMANDS["import powerindex"], COMMANDS["import numpy, networkx"]
    for _ in range(warmup):
        run_once(ours)
        run_once(base)
    times = {"import powerindex": [], "import numpy, networkx": []}
    for _ in range(pairs):
        times["import powerindex"].append(run_once(ours))
        times["import numpy, networkx"].append(run_once(base))
    return times


def slowest_modules(count=12):
    """The modules of powerindex that take longest to import, from ``-X importtime``."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", "import powerindex"],
                            capture_output=True, text=True, check=True)
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = (part.strip() for part in line[len("import time:"):].split("|"))
        rows.append((int(own), int(cumulative), name.strip()))
    mine = [row for row in rows if row[2].startswith("powerindex")]
    return sorted(mine, reverse=True)[:count]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=21, help="timed pairs (default 21)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed pairs first")
    parser.add_argument("--modules", action="store_true",
                        help="also list powerindex's slowest modules to import")
    args = parser.parse_args(argv)
    times = measure(args.pairs, args.warmup)
    ratios = [a / b for a, b in zip(times["import powerindex"],
                                    times["import numpy, networkx"], strict=True)]
    print(f"start-up, {args.pairs} alternating pairs of fresh processes"
          f" (Python {sys.version.split()[0]})")
    print(f"{'command':<24}{'median':>10}{'min':>10}{'max':>10}")
    for name, values in times.items():
        print(f"{name:<24}{statistics.median(values) * 1e3:>8.0f} ms"
              f"{min(values) * 1e3:>8.0f} ms{max(values) * 1e3:>8.0f} ms")
    median = statistics.median(ratios)
    print(f"{'ratio (per pair)':<24}{median:>10.2f}{min(ratios):>10.2f}{max(ratios):>10.2f}")
    verdict = "met" if median <= TARGET else "NOT met"
    print(f"target: import powerindex <= {TARGET}x import numpy, networkx (median ratio):"
          f" {verdict}")
    if args.modules:
        print("\nslowest powerindex modules (own / with what they import, microseconds):")
        for own, cumulative, name in slowest_modules():
            print(f"  {own:>7} {cumulative:>8}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
