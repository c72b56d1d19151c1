"""powerindex's side of benchmarks/epic.py: one index of one EPIC test case, a whole process.

    python benchmarks/epic_ours.py FILE INDEX [QUOTA]

FILE is an EPIC weights file: one player's weight per line, or, with a priori unions, one
union per line with its members' weights separated by commas; unless QUOTA is given, the
first line is the quota (EPIC's ``-q 0``). INDEX is EPIC's abbreviation: BZ (normalized
Banzhaf), SH (Shapley-Shubik), O (Owen), BO (Banzhaf-Owen). Prints the values, one float
per player in file order, as a JSON list. Everything a user's process pays is inside:
the interpreter, ``import powerindex``, reading the file, the exact computation.
"""

import json
import sys
import warnings


def read_case(path, quota=None):
    """``(quota, unions)``: the quota and the members' weights of every line."""
    with open(path) as handle:
        lines = [line.strip() for line in handle if line.strip()]
    if quota is None:
        quota, lines = int(lines[0]), lines[1:]
    return int(quota), [[int(w) for w in line.split(",")] for line in lines]


def main(argv):
    path, index = argv[0], argv[1]
    quota, unions = read_case(path, argv[2] if len(argv) > 2 else None)
    import powerindex as pi  # after reading: a bad file fails before the import's cost

    warnings.simplefilter("ignore", pi.ImproperGameWarning)  # quotas of 1/2 or less
    game = pi.WeightedGame([w for union in unions for w in union], quota)
    if index == "BZ":
        result = pi.banzhaf(game)
    elif index == "SH":
        result = pi.shapley_shubik(game)
    elif index in ("O", "BO"):
        groups, start = [], 0
        for union in unions:
            groups.append(list(game.players[start:start + len(union)]))
            start += len(union)
        result = (pi.owen if index == "O" else pi.banzhaf_owen)(game, groups)
    else:
        raise SystemExit(f"unknown index {index!r}: BZ, SH, O or BO")
    json.dump([float(result[p]) for p in game.players], sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
