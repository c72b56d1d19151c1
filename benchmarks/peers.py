"""Compare powerindex with the Python packages users would otherwise install.

Run from the repository root::

    .venv/bin/python benchmarks/peers.py               # all: ~13 min on 2 cores
    .venv/bin/python benchmarks/peers.py --quick       # 1 repeat, small games only
    .venv/bin/python benchmarks/peers.py --only eu27   # cases whose id contains "eu27"
    .venv/bin/python benchmarks/peers.py --peers power-bdd,powerindices
    .venv/bin/python benchmarks/peers.py --list        # peers and cases

Each peer gets its own virtual environment under ``benchmarks/.peers-venvs/`` (created once
with ``python -m venv`` and ``pip install`` of the pinned versions below, then reused), so
that the peers' imports cannot clash with each other or with ours: PyPI's ``powerindex``
0.3.5 is an older, unrelated project with the same import name as this one. For every game
and index the peer's runner ``benchmarks/peers/run_<peer>.py`` is started in a subprocess
with its venv's Python; it reads the game as JSON on stdin, times the peer in its own process
(median of a few repeats within a budget) and prints the values and times as JSON. A call
that does not answer within ``--timeout`` is killed and reported as ``timeout``; the
subprocess's address space is capped (``--memory``), so a peer that would exhaust the
machine reports ``MemoryError`` instead.

Ours is timed in this process the same way (from the weights and quota to the index values,
``pi.WeightedGame`` included), **after** all the peers. Our exact Fractions, converted to
floats, are the reference: a peer *agrees* when it answers with as many values, none
negative or non-finite, each within 1e-9 of ours. powerindices and power-bdd return the
absolute (Penrose) Banzhaf index, which is compared with ``pi.banzhaf(game,
normalized=False)``; the others return the normalized index. No timing is asserted; the exit
status is 2 on bad usage or missing data, 0 otherwise (a disagreeing peer is a finding, not a
failure).
"""

import argparse
import datetime
import gc
import json
import math
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

# The timing helpers of the main benchmark (this folder is on sys.path when run as a script).
from run import fmt_seconds, git_description

import powerindex as pi

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
RUNNERS = HERE / "peers"
VENVS = HERE / ".peers-venvs"
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"

DEFAULT_REPEAT = 5
DEFAULT_CASE_BUDGET = 20.0  # seconds of timed runs per (case, implementation)
DEFAULT_TIMEOUT = 120.0  # seconds per peer subprocess
DEFAULT_TOTAL = 2400.0  # seconds for all the peer calls together
DEFAULT_MEMORY = 8.0  # GiB of address space per peer subprocess
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Peer:
    name: str  # as on PyPI
    requirements: tuple  # pinned, installed into the peer's own venv
    runner: str  # file in benchmarks/peers/
    computes: str  # one line for --list


PEERS = {
    p.name: p for p in (
        Peer("powerindex", ("powerindex==0.3.5",), "run_powerindex.py",
             "PyPI powerindex 0.3.5 (not this project): normalized Banzhaf, Shapley-Shubik"),
        Peer("powerindices", ("powerindices==1.0.2", "numpy==2.4.6"), "run_powerindices.py",
             "absolute Penrose-Banzhaf, Shapley-Shubik (also Coleman-Shapley), numpy int64"),
        Peer("power-bdd", ("power-bdd==1.0.0", "sortedcontainers==2.4.0"), "run_power_bdd.py",
             "absolute Penrose-Banzhaf, Shapley-Shubik via binary decision diagrams"),
        Peer("power-index-calculator", ("power-index-calculator==1.0",),
             "run_power_index_calculator.py",
             "normalized Banzhaf, Shapley-Shubik (also Johnston, Deegan-Packel, Holler-Packel)"
             " by listing winning coalitions; rounds to 3 decimals"),
    )
}


# ---------------------------------------------------------------------------------------
# Games


@dataclass
class Case:
    id: str
    label: str
    index: str
    weights: list
    quota: int
    slow: bool = False


def _read(data_dir, filename):
    path = Path(data_dir) / filename
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, json.JSONDecodeError) as exc:
        raise SystemExit(f"error: cannot read benchmark data {path}: {exc}\n"
                         f"  (pass --data DIR with us_ec_2024.json and eu27_pop_2024.json)"
                         ) from None
    return data["weights"]


def _random(seed, n):
    rng = random.Random(seed)
    weights = [rng.randint(1, 1000) for _ in range(n)]
    return weights, sum(weights) // 2 + 1


def build_cases(data_dir, need_data):
    games = [("iraq5", "Iraq 2010, 5", [91, 89, 70, 57, 18], 163, False)]
    if need_data:
        us_ec = _read(data_dir, "us_ec_2024.json")
        eu27 = _read(data_dir, "eu27_pop_2024.json")
        games.append(("us_ec", "US EC 2024, 51", us_ec, 270, False))
        games.append(("eu27", "EU27 pop. 65%, 27", eu27, math.ceil(Fraction(65, 100) * sum(eu27)),
                      False))
    games.append(("random200", "random, 200", *_random(1, 200), False))
    cases = []
    for key, label, weights, quota, _ in games:
        for index in ("banzhaf", "shapley_shubik"):
            slow = key == "random200" and index == "shapley_shubik"
            cases.append(Case(f"{key}/{index}", label, index, weights, quota, slow))
    cases.append(Case("random1000/banzhaf", "random, 1000", "banzhaf", *_random(2, 1000),
                      slow=True))
    return cases


# ---------------------------------------------------------------------------------------
# Peers: venvs and subprocess calls


def _venv_python(peer):
    return VENVS / peer.name / "bin" / "python"


def ensure_venv(peer):
    """Create the peer's venv and install its pinned requirements, unless already done."""
    stamp = VENVS / peer.name / ".installed"
    wanted = "\n".join(peer.requirements)
    if stamp.is_file() and stamp.read_text(encoding="utf-8").startswith(wanted + "\n---\n"):
        return stamp.read_text(encoding="utf-8").split("---\n", 1)[1].split()
    VENVS.mkdir(exist_ok=True)
    (VENVS / ".gitignore").write_text("*\n", encoding="utf-8")  # nothing here is committed
    print(f"creating {VENVS / peer.name} with {' '.join(peer.requirements)} ...",
          file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENVS / peer.name)],
                   check=True)
    python = str(_venv_python(peer))
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    *peer.requirements], check=True)
    frozen = subprocess.run([python, "-m", "pip", "freeze", "--disable-pip-version-check"],
                            capture_output=True, text=True, check=True).stdout.split()
    stamp.write_text(wanted + "\n---\n" + "\n".join(frozen) + "\n", encoding="utf-8")
    return frozen


def _limit_memory(gib):
    def apply():
        limit = int(gib * 2 ** 30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return apply


def call_peer(peer, case, repeat, budget, timeout, memory):
    """Run the peer's runner on one case; return its JSON reply (or a timeout record)."""
    request = json.dumps({"weights": case.weights, "quota": case.quota, "index": case.index,
                          "repeat": repeat, "budget": budget})
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",
               PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONPATH", None)
    start = time.perf_counter()
    try:
        done = subprocess.run([str(_venv_python(peer)), str(RUNNERS / peer.runner)],
                              input=request, capture_output=True, text=True, timeout=timeout,
                              cwd=VENVS / peer.name, env=env,
                              preexec_fn=_limit_memory(memory) if memory else None)
    except subprocess.TimeoutExpired:
        return {"timeout": time.perf_counter() - start}
    try:
        return json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": f"runner exited with status {done.returncode}: {tail}"[:300],
                "seconds": time.perf_counter() - start}


# ---------------------------------------------------------------------------------------
# Ours


def run_ours(case, repeat, budget):
    """Median time of ``pi.<index>(pi.WeightedGame(...))``; the first run's exact values."""
    call = {"banzhaf": pi.banzhaf, "shapley_shubik": pi.shapley_shubik}[case.index]
    times, result = [], None
    for attempt in range(repeat):
        weights = list(case.weights)
        gc.collect()
        begin = time.perf_counter()
        value = call(pi.WeightedGame(weights, case.quota))
        times.append(time.perf_counter() - begin)
        if attempt == 0:
            result = [Fraction(v) for v in value.to_dict().values()]
        del value
        if sum(times) + statistics.median(times) > budget:
            break
    reference = {"normalized": result}
    if case.index == "banzhaf":  # the absolute index, untimed
        absolute = pi.banzhaf(pi.WeightedGame(list(case.weights), case.quota), normalized=False)
        reference["absolute"] = [Fraction(v) for v in absolute.to_dict().values()]
    return times, reference


# ---------------------------------------------------------------------------------------
# Verdicts and the table


@dataclass
class Row:
    case: Case
    peer: str
    reply: dict = field(default_factory=dict)
    time: str = ""
    seconds: float = None  # median, or lower bound for a timeout
    verdict: str = ""


def verdict(reply, reference):
    """'yes', 'WRONG ...', 'overflow', 'error ...', 'timeout', 'n/a ...' or 'skipped ...'."""
    if "skipped" in reply:
        return f"skipped ({reply['skipped']})"
    if "unsupported" in reply:
        return "n/a"
    if "timeout" in reply:
        return "timeout"
    if "error" in reply and "values" not in reply:
        kind = reply["error"].split(":", 1)[0]
        return "overflow" if kind == "OverflowError" else f"error ({kind})"
    ours = reference[reply["kind"]]
    values = reply["values"]
    if len(values) != len(ours):
        return f"WRONG ({len(values)} values for {len(ours)} players)"
    if any(isinstance(v, str) for v in values):
        return "WRONG (non-finite values)"
    diff = max(abs(v - float(o)) for v, o in zip(values, ours, strict=True))
    negative = sum(v < 0 for v in values)
    if negative:
        return f"WRONG ({negative} negative; max diff {diff:.2g})"
    if diff > TOLERANCE and diff <= 5e-4 and all(round(v, 3) == v for v in values):
        return f"no: rounded to 3 decimals (max diff {diff:.2g})"
    if diff > TOLERANCE:
        return f"WRONG (max diff {diff:.2g})"
    return "yes"


def _cpu():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def print_table(rows, ours, markdown):
    headers = ["case", "n", "ours", "peer", "peer time", "peer/ours", "agrees?"]
    lines = []
    for row in rows:
        mine = ours.get(row.case.id)
        ours_text = fmt_seconds(statistics.median(mine)) if mine else "-"
        ratio = "-"
        if mine and row.seconds is not None:
            ratio = f"{row.seconds / statistics.median(mine):.3g}"
            if row.time.startswith(">"):
                ratio = ">" + ratio
        lines.append([row.case.id, str(len(row.case.weights)), ours_text, row.peer, row.time,
                      ratio, row.verdict])
    if markdown:
        print("| " + " | ".join(headers) + " |")
        print("|---|---:|---:|---|---:|---:|---|")
        for line in lines:
            print("| " + " | ".join(line) + " |")
        return
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)]
    for line in [headers, ["-" * w for w in widths], *lines]:
        print("  ".join(c.rjust(w) if i in (1, 2, 4, 5) else c.ljust(w)
                        for i, (c, w) in enumerate(zip(line, widths, strict=True))).rstrip())


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Median times and agreement of powerindex and other PyPI packages.")
    parser.add_argument("--quick", action="store_true",
                        help="one repeat, skip random200/shapley_shubik and random1000")
    parser.add_argument("--only", metavar="SUBSTRING",
                        help="cases whose id contains SUBSTRING (case-insensitive)")
    parser.add_argument("--peers", metavar="NAMES",
                        help=f"comma-separated peers (default all: {','.join(PEERS)})")
    parser.add_argument("--repeat", type=int, default=None, metavar="N",
                        help=f"repeats per case within its budget (default {DEFAULT_REPEAT})")
    parser.add_argument("--budget", type=float, default=DEFAULT_CASE_BUDGET, metavar="SECONDS",
                        help=f"timed seconds per case and implementation before repeats "
                             f"stop (default {DEFAULT_CASE_BUDGET:g})")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help=f"kill a peer call after this long (default {DEFAULT_TIMEOUT:g})")
    parser.add_argument("--total", type=float, default=DEFAULT_TOTAL, metavar="SECONDS",
                        help=f"overall budget of the peer calls; later ones are skipped "
                             f"(default {DEFAULT_TOTAL:g})")
    parser.add_argument("--memory", type=float, default=DEFAULT_MEMORY, metavar="GIB",
                        help=f"address-space limit of a peer call (default {DEFAULT_MEMORY:g};"
                             f" 0: none)")
    parser.add_argument("--no-skip", action="store_true",
                        help="also run a peer on larger games of an index it timed out on")
    parser.add_argument("--data", metavar="DIR", default=str(DEFAULT_DATA),
                        help="directory with us_ec_2024.json and eu27_pop_2024.json")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--list", action="store_true", help="list peers and cases, and exit")
    args = parser.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else DEFAULT_REPEAT)
    if repeat < 1 or args.timeout <= 0 or args.budget <= 0:
        parser.error("--repeat, --timeout and --budget must be positive")
    peers = list(PEERS.values())
    if args.peers:
        names = [name.strip() for name in args.peers.split(",") if name.strip()]
        unknown = [name for name in names if name not in PEERS]
        if unknown:
            parser.error(f"unknown peer(s) {', '.join(unknown)}; known: {', '.join(PEERS)}")
        peers = [PEERS[name] for name in names]

    only = (args.only or "").lower()
    need_data = not only or any(k in only or only in k for k in ("us_ec", "eu27"))
    cases = [c for c in build_cases(args.data, need_data) if only in c.id.lower()]
    if args.quick:
        cases = [c for c in cases if not c.slow]
    if not cases:
        parser.error(f"no case id contains {args.only!r} (see --list)")
    if args.list:
        for peer in PEERS.values():
            print(f"{peer.name:<24} {' '.join(peer.requirements):<42} {peer.computes}")
        print()
        for case in build_cases(args.data, True):
            print(f"{case.id:<26} {case.label} players, quota {case.quota}"
                  f"{'  [slow]' if case.slow else ''}")
        return 0

    installed = {peer.name: ensure_venv(peer) for peer in peers}
    print(f"date      {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}")
    print(f"machine   {platform.machine()}, {_cpu()}, {os.cpu_count()} CPUs, "
          f"{platform.platform()}")
    print(f"python    {platform.python_version()}; ours: powerindex {pi.__version__} "
          f"({git_description()})")
    for peer in peers:
        print(f"peer      {peer.name}: {', '.join(installed[peer.name])}")
    print(f"settings  repeat {repeat}, budget {args.budget:g} s per case, timeout "
          f"{args.timeout:g} s per peer call, memory {args.memory:g} GiB, total "
          f"{args.total:g} s{', quick' if args.quick else ''}")
    print()

    rows, timed_out = [], set()
    started = time.perf_counter()
    for case in cases:
        for peer in peers:
            row = Row(case, peer.name)
            if (peer.name, case.index) in timed_out and not args.no_skip:
                row.reply = {"skipped": "timed out on a smaller game"}
            elif time.perf_counter() - started > args.total:
                row.reply = {"skipped": "--total spent"}
            else:
                row.reply = call_peer(peer, case, repeat, args.budget, args.timeout,
                                      args.memory)
            reply = row.reply
            if "times" in reply:
                row.seconds = statistics.median(reply["times"])
                row.time = fmt_seconds(row.seconds)
            elif "timeout" in reply:
                timed_out.add((peer.name, case.index))
                row.seconds = reply["timeout"]
                row.time = ">" + fmt_seconds(reply["timeout"])
            elif "error" in reply:
                row.time = f"({fmt_seconds(reply['seconds'])})"
            else:
                row.time = "-"
            rows.append(row)
            print(f"  {case.id:<26} {peer.name:<24} {row.time:>10} "
                  f"{reply.get('error', '')[:90]}", file=sys.stderr, flush=True)

    # Ours last, so that the peers' figures are not affected by anything we leave behind.
    pi.banzhaf(pi.WeightedGame([3, 2, 2, 1], 5))  # warm-up: imports, first-call costs
    pi.shapley_shubik(pi.WeightedGame([3, 2, 2, 1], 5))
    ours, reference = {}, {}
    for case in cases:
        ours[case.id], reference[case.id] = run_ours(case, repeat, args.budget)
        print(f"  {case.id:<26} {'ours':<24} "
              f"{fmt_seconds(statistics.median(ours[case.id])):>10}", file=sys.stderr,
              flush=True)
    for row in rows:
        row.verdict = verdict(row.reply, reference[row.case.id])
    print_table(rows, ours, args.markdown)
    print()
    print(f"total {fmt_seconds(time.perf_counter() - started)}. Times: median wall clock of "
          f"one call from weights and quota to the values; '>' a peer call killed at "
          f"--timeout, '(..)' time until a peer raised. agrees?: every value within "
          f"{TOLERANCE:g} of ours and none negative.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
