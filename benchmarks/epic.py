"""powerindex against EPIC, the C++ reference for exact power indices, on EPIC's own cases.

EPIC (Efficient Power Index Computation, J. Staudacher et al.; C++ with GMP) is a *peer*:
never a dependency, never run by CI. This script builds it from a source folder that you
name (a checkout of github.com/jhstaudacher/EPIC; it needs g++, make and GMP's headers,
Debian's libgmp-dev), then times both programs as whole processes on the test cases in
that folder's ``test_cases/`` and checks that their values agree::

    make bench-epic EPIC=/path/to/EPIC                  # the default selection below
    .venv/bin/python benchmarks/epic.py --epic-src /path/to/EPIC --only AIIB --index O,BO
    .venv/bin/python benchmarks/epic.py --epic-src DIR --list

How it measures. Each run is one fresh process, EPIC's ``epic -i INDEX -w FILE -q Q``
against ``python benchmarks/epic_ours.py FILE INDEX`` (interpreter start, ``import
powerindex``, reading the file and the exact computation), alternated (A B A B ...) so that
a drift of this shared machine hits both alike; the table shows the median wall time of
each, the median of the per-pair ratios EPIC/ours (above 1: powerindex is faster), and the
peak resident memory of our process. A run longer than ``--slow`` seconds (default 20) is
not repeated; one that reaches ``--timeout`` (default 300 s) is stopped and shown as a
lower bound (``>``). EPIC is built once into ``--build-dir`` (default
``benchmarks/.epic-build``, ignored by git), a copy of the source folder, so the folder you
name is left as it is.

Agreement: EPIC prints six significant digits, so the values agree when every player's
differ by at most 1e-5 relative (1e-12 absolute). EPIC's files without unions and without
a quota line (``*-noCoalitions.csv``) are run with the quota of their ``_50`` sibling.

The exit status is 0 when every value agreed (or could not be compared because a side
timed out), 1 otherwise: the timings are for reading, not for pass/fail.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OURS = HERE / "epic_ours.py"

#: (test case path under test_cases/, EPIC index abbreviations): the issue's selection.
DEFAULT_CASES = [
    ("uniform/uniform.n150.q35951.csv", "BZ,SH"),
    ("precoalitions/87players-1128975weight-AIIB-noCoalitions.csv", "BZ,SH"),
    ("linear_range_test_cases/linear.q100k.n200.csv", "BZ,SH"),
    ("linear_range_test_cases/linear.q100k.n1000.csv", "BZ"),
    ("normal_sqrd/normal_sqrd.n100.q504097.csv", "BZ,SH"),
    ("normal_sqrd/normal_sqrd.n200.q1036947.csv", "BZ"),
    ("precoalitions/87players-1128975weight-AIIB_50.csv", "BO,O"),
    ("precoalitions/266players-13705weight_50.csv", "BO,O"),
    ("precoalitions/741players-37064weight_50.csv", "BO,O"),
    ("precoalitions/741players-37064weight_75.csv", "BO"),
    ("precoalitions/3434players-72068weight_50.csv", "BO,O"),
    ("precoalitions/3434players-72068weight_75.csv", "BO"),
]


def build(source, build_dir):
    """EPIC's binary, built from a copy of ``source`` (rebuilt when the source is newer)."""
    source = Path(source).resolve()
    if not (source / "makefile").exists() or not (source / "src").is_dir():
        raise SystemExit(f"{source} is not an EPIC source folder (no makefile and src/)")
    binary = build_dir / "epic"
    newest = max(p.stat().st_mtime for p in source.rglob("*") if p.is_file()
                 and "test_cases" not in p.parts)
    if binary.exists() and binary.stat().st_mtime >= newest:
        return binary
    shutil.copytree(source, build_dir, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("test_cases", ".git"))
    print(f"building EPIC in {build_dir} ...", file=sys.stderr)
    done = subprocess.run(["make", "-C", str(build_dir), "all", f"-j{os.cpu_count() or 1}"],
                          capture_output=True, text=True)
    if done.returncode or not binary.exists():
        raise SystemExit(f"building EPIC failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return binary


def quota_of(path):
    """The quota for a case: its first line, or the ``_50`` sibling's for a noCoalitions file."""
    if "noCoalitions" in path.name:
        sibling = path.with_name(path.name.replace("-noCoalitions", "_50"))
        return int(sibling.read_text().split()[0]), False
    return int(path.read_text().split()[0]), True


def run_measured(command, timeout, cwd=None):
    """``(seconds, peak KiB, stdout)`` of one process (its own peak, from os.wait4);
    ``(None, None, "")`` when it was stopped at ``timeout`` seconds."""
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out_file, tempfile.TemporaryFile("w+") as err_file:
        process = subprocess.Popen(command, stdout=out_file, stderr=err_file, cwd=cwd)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                os.wait4(process.pid, 0)
                return None, None, ""
            time.sleep(0.005)
        seconds = time.perf_counter() - start
        out_file.seek(0)
        err_file.seek(0)
        if os.waitstatus_to_exitcode(status):
            raise RuntimeError(f"{' '.join(map(str, command))} failed:\n"
                               f"{err_file.read()[-2000:]}")
        return seconds, usage.ru_maxrss, out_file.read()


def epic_values(binary, path, index, quota, has_quota_line, timeout, unions):
    """One EPIC run: ``(seconds, values)``; EPIC writes its values to a CSV file in cwd."""
    command = [str(binary), "-i", index]
    if unions:
        command += ["-p", "0"]
    command += ["-w", str(path), "-q", "0" if has_quota_line else str(quota), "--csv"]
    with tempfile.TemporaryDirectory() as folder:
        seconds, _, _ = run_measured(command, timeout, cwd=folder)
        if seconds is None:
            return None, None
        files = list(Path(folder).glob("*.csv"))
        if not files:
            return seconds, None
        lines = [line for line in files[0].read_text().splitlines() if line.strip()]
        return seconds, [float(x) for x in lines[-1].split(",") if x.strip()]


def our_values(path, index, quota, has_quota_line, timeout):
    command = [sys.executable, str(OURS), str(path), index]
    if not has_quota_line:
        command.append(str(quota))
    seconds, peak, out = run_measured(command, timeout)
    if seconds is None:
        return None, None, None
    return seconds, peak, json.loads(out)


def agree(ours, theirs):
    if ours is None or theirs is None:
        return None
    if len(ours) != len(theirs):
        return False
    return all(abs(a - b) <= max(1e-5 * max(abs(a), abs(b)), 1e-12)
               for a, b in zip(ours, theirs, strict=True))


def measure(binary, path, index, repeat, slow, timeout):
    quota, has_quota_line = quota_of(path)
    unions = index in ("O", "BO")
    epic_times, our_times, ratios, peaks = [], [], [], []
    epic_vals = ours = None
    for _ in range(repeat):
        seconds, values = epic_values(binary, path, index, quota, has_quota_line, timeout,
                                      unions)
        epic_times.append(seconds)
        epic_vals = values if values is not None else epic_vals
        mine, peak, vals = our_values(path, index, quota, has_quota_line, timeout)
        our_times.append(mine)
        peaks.append(peak)
        ours = vals if vals is not None else ours
        if seconds and mine:
            ratios.append(seconds / mine)
        if any(t is None or t > slow for t in (seconds, mine)):
            break
    return {
        "epic": _median(epic_times), "ours": _median(our_times),
        "ratio": statistics.median(ratios) if ratios else None,
        "runs": len(epic_times), "peak_mib": max((p for p in peaks if p), default=0) / 1024,
        "agree": agree(ours, epic_vals),
    }


def _median(times):
    done = [t for t in times if t is not None]
    return statistics.median(done) if done else None


def _seconds(value, timeout):
    return f"> {timeout:.0f}" if value is None else f"{value:.3f}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epic-src", default=os.environ.get("EPIC"),
                        help="EPIC's source folder (or the environment variable EPIC)")
    parser.add_argument("--build-dir", type=Path, default=HERE / ".epic-build")
    parser.add_argument("--only", default="", help="cases whose path contains this text")
    parser.add_argument("--index", default="", help="only these indices (BZ,SH,O,BO)")
    parser.add_argument("--all", action="store_true",
                        help="every case of test_cases/ with BZ and SH, or BO and O")
    parser.add_argument("--repeat", type=int, default=5, help="runs per side (default 5)")
    parser.add_argument("--slow", type=float, default=20.0,
                        help="do not repeat a case whose run took longer (default 20 s)")
    parser.add_argument("--timeout", type=float, default=300.0,
                        help="stop a run after this many seconds (default 300)")
    parser.add_argument("--list", action="store_true", help="list the cases and stop")
    args = parser.parse_args(argv)
    if not args.epic_src:
        parser.error("name EPIC's source folder: --epic-src DIR or EPIC=DIR")
    cases_dir = Path(args.epic_src).resolve() / "test_cases"
    if args.all:
        cases = [(str(p.relative_to(cases_dir)),
                  "BO,O" if "precoalitions" in p.parts and "noCoalitions" not in p.name
                  else "BZ,SH") for p in sorted(cases_dir.rglob("*.csv"))]
    else:
        cases = DEFAULT_CASES
    wanted = set(filter(None, args.index.split(",")))
    selected = [(case, index) for case, indices in cases for index in indices.split(",")
                if args.only in case and (not wanted or index in wanted)]
    if args.list:
        for case, index in selected:
            print(f"{index:3} {case}")
        return 0
    binary = build(args.epic_src, args.build_dir)
    print(f"# {time.strftime('%Y-%m-%d %H:%M')}, Python {sys.version.split()[0]},"
          f" {os.cpu_count()} CPUs; EPIC built from {Path(args.epic_src).resolve()}")
    header = ("case", "index", "EPIC s", "ours s", "EPIC/ours", "runs", "our peak MiB",
              "values agree")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    failed = False
    for case, index in selected:
        row = measure(binary, cases_dir / case, index, args.repeat, args.slow, args.timeout)
        ratio = "-" if row["ratio"] is None else f"{row['ratio']:.2f}"
        verdict = {True: "yes", False: "NO", None: "not compared"}[row["agree"]]
        failed |= row["agree"] is False
        print(f"| {Path(case).stem} | {index} | {_seconds(row['epic'], args.timeout)} |"
              f" {_seconds(row['ours'], args.timeout)} | {ratio} | {row['runs']} |"
              f" {row['peak_mib']:.0f} | {verdict} |", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
