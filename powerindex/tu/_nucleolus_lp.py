"""The nucleolus by a sequence of linear programs, recovered and certified exactly (private).

:func:`nucleolus_point` takes a TU game's integer worths (one per bit mask, over a common
denominator) and returns the nucleolus exactly, or raises NucleolusError. The game is
first replaced by its zero-normalisation, which is strategically equivalent: each
player's worth alone is subtracted from every coalition holding it, and the common
factor is divided out. The nucleolus moves with the additive part (it is covariant
under strategic equivalence, Schmeidler 1969), so it is added back at the end. The
floating-point LPs then see worths of the size of the game's real trade-offs, not of an
additive offset: v(S) = 10**15 |S| + small integers is solved as the small integers.

The floats only tell which coalitions are tight at each stage; the point is solved
exactly from those equations and certified exactly (primal feasibility of every stage,
and a dual certificate of each stage's minimum), so no float ever reaches the answer.
"""

import math
from collections import namedtuple
from fractions import Fraction

import numpy as np

from .._engines import enumeration
from .._numbers import lcm_of_denominators
from ..errors import NucleolusError
from ._rational import solve_by_floats, solve_exact, solve_guided
from ._stage_lp import INEQUALITY, stage_program

__all__ = ["nucleolus_point", "lexicographic_center"]

#: The game the LPs see: players, their number, worths' common denominator.
_Worths = namedtuple("_Worths", ["players", "n", "scale"])

_DUAL_TOLERANCE = 1e-9
_TIGHT_TOLERANCE = 1e-7


#: Rows a stage's first LP starts from, per player (the coalitions of largest excess at
#: the last stage's point), and the most violated rows added per round.
_START_ROWS = 4
_ADDED_ROWS = 4


def _generated(program, present, scaled, candidates, start, stage):
    """One stage's LP over the ``candidates``, by constraint generation.

    Most coalitions are never tight: the stage adds to the program (which keeps the rows
    of earlier stages still free to move, ``present``) the singletons, the coalitions of
    n - 1 players and those of largest excess at ``start`` (the last stage's point), then
    the coalitions whose excess at its solution passes its eps, until none does; the
    solver goes on from its last basis after each addition. The last LP's optimum is then
    feasible, hence optimal, for all the candidates, and its multipliers (zero on the rows
    left out) are those of the whole program.
    """
    n = program.n
    worths = scaled[candidates]
    sizes = enumeration.popcounts(n)[candidates]
    fresh = ~present[candidates]
    chosen = np.zeros(len(candidates), dtype=bool)
    chosen[_largest(worths - _subset_sums(start)[candidates], _START_ROWS * n)] = True
    chosen |= sizes <= 1  # the singletons bound the LP from the start
    chosen |= sizes >= n - 1
    new = np.flatnonzero(chosen & fresh)
    while True:
        if new.size:
            present[candidates[new]] = True
            program.add(candidates[new], worths[new])
        solution = program.solve(stage)
        excess = worths - _subset_sums(solution.x)[candidates]
        violated = np.flatnonzero(~present[candidates]
                                  & (excess > solution.eps + _TIGHT_TOLERANCE / 10))
        if violated.size == 0:
            return solution
        new = violated[_largest(excess[violated], _ADDED_ROWS * n)]


def _subset_sums(shares):
    """x(S) for every mask S, in floats: the table doubles with each player, O(2**n)."""
    sums = np.zeros(1 << len(shares))
    for i, share in enumerate(shares):
        sums[1 << i:1 << (i + 1)] = sums[:1 << i] + share
    return sums


def _largest(values, count):
    """The positions of the ``count`` largest values (all of them if fewer)."""
    if count >= len(values):
        return np.arange(len(values))
    return np.argpartition(-values, count - 1)[:count]


class _Orthogonal:
    """An integer basis of the vectors orthogonal to the rows added so far, exactly.

    Starts orthogonal to the grand coalition (1, ..., 1): columns e_i - e_0. Adding a row
    r keeps the combinations of the columns that are orthogonal to r too (fraction-free:
    c_p k_j - c_j k_p for the products c = r K, each column divided by its gcd), so a
    coalition lies in the span of the rows exactly when its incidence vector is
    orthogonal to every column. O(n d) integer operations per row, d columns left.
    """

    def __init__(self, n):
        columns = np.zeros((n, n - 1), dtype=np.int64)
        columns[0, :] = -1
        columns[np.arange(1, n), np.arange(n - 1)] = 1
        self.columns = columns

    def add(self, row):
        """Add a 0/1 row; return False (and change nothing) if it is in the span already."""
        columns = self.columns
        if columns.dtype != object and columns.size and np.abs(columns).max() >= 2**20:
            columns = columns.astype(object)  # the products below would pass 64 bits
        products = np.asarray(row).astype(np.int64).astype(columns.dtype).dot(columns)
        nonzero = np.flatnonzero(products)
        if nonzero.size == 0:
            return False
        pivot = nonzero[np.argmin(np.abs(products[nonzero]))]
        lead, kept = products[pivot], columns[:, pivot]
        others = np.delete(np.arange(columns.shape[1]), pivot)
        reduced = lead * columns[:, others] - kept[:, None] * products[others]
        if reduced.size:
            divisors = np.gcd.reduce(reduced, axis=0) if reduced.dtype != object else \
                np.array([np.gcd.reduce(column) for column in reduced.T], dtype=object)
            divisors[divisors == 0] = 1
            reduced = reduced // divisors
        self.columns = reduced
        return True

    def independent(self, masks):
        """For each coalition of ``masks``, whether it is outside the span.

        A coalition is in the span when its product with every column is 0. The products
        with one column are the subset sums of its entries, built by doubling over the
        players (2**n integer additions, exact); column by column, only the coalitions
        still orthogonal to all the columns before are read, and the scan stops when none
        is left. O(d 2**n) at most, d columns.
        """
        columns = self.columns
        inside = np.arange(len(masks))  # positions orthogonal to every column so far
        n = columns.shape[0]
        dtype = columns.dtype
        if dtype.kind != "O" and columns.size and np.abs(columns).max() * n < 2**31:
            dtype = np.int32  # half the memory traffic, still exact
        for j in range(columns.shape[1]):
            if inside.size == 0:
                break
            sums = np.zeros(1 << n, dtype=dtype)
            for i in range(n):
                sums[1 << i:1 << (i + 1)] = sums[:1 << i] + columns[i, j]
            inside = inside[sums[masks[inside]] == 0]
        independent = np.ones(len(masks), dtype=bool)
        independent[inside] = False
        return independent


def _stage_lps(tu, scaled, pre=False):
    """Solve the sequence of LPs in floats; return the stages and the last float point.

    Stage t minimises eps subject to v(S) - x(S) <= eps for every coalition S whose
    excess is not yet fixed (not in the span of the grand coalition and the coalitions
    fixed so far), x(N) = v(N), x_i >= v({i}), and the fixed coalitions' excesses held at
    the values found. The coalitions with a positive dual multiplier have that excess in
    every optimal solution; they are fixed, and the rank of the fixed set grows by at least
    one per stage, so at most n - 1 stages are needed. With ``pre`` (the prenucleolus)
    the players have no lower bounds: x ranges over the pre-imputations. One program
    serves every stage: a stage's end turns its new independent fixed rows into
    equalities and frees the rows whose coalitions the fixed ones now span.
    """
    n = tu.n
    full = (1 << n) - 1
    lower = None if pre else scaled[1 << np.arange(n)]
    program = stage_program(n, lower, scaled[full])
    present = np.zeros(1 << n, dtype=bool)  # coalitions with a row in the program
    row_of = {}  # mask -> its row, for the rows of coalitions
    orthogonal = _Orthogonal(n)
    equalities = [(full, None)]  # (mask, stage) of independent fixed coalitions, N first
    equality_rows = [0]
    stages = []
    candidates = np.arange(1, full)
    point = np.full(n, scaled[full] / n)
    while len(equalities) < n:
        if len(equalities) > 1:  # every proper coalition is independent of N alone
            independent = orthogonal.independent(candidates)
            spanned = candidates[~independent & present[candidates]]
            candidates = candidates[independent]
            if spanned.size:
                states = program.state_array()
                rows = [row for row in (row_of[int(m)] for m in spanned)
                        if states[row] == INEQUALITY]
                program.free(rows)
        known = len(program.masks)
        solution = _generated(program, present, scaled, candidates, point, len(stages) + 1)
        for row in range(known, len(program.masks)):
            row_of[program.masks[row]] = row
        states = program.state_array()
        inequalities = np.flatnonzero(states == INEQUALITY)
        duals = solution.row_duals[inequalities]
        positive = duals > _DUAL_TOLERANCE
        fixed = np.array(program.masks)[inequalities[positive]]
        if fixed.size == 0:
            raise NucleolusError(
                f"no coalition has a positive multiplier at stage {len(stages) + 1} of the"
                " nucleolus (numerical trouble in the LP solver)"
            )
        bound_duals = np.zeros(n) if pre else solution.bound_duals
        stages.append({
            "eps": solution.eps,
            "fixed": [int(mask) for mask in fixed],
            "candidates": candidates,
            "equalities": list(equalities),
            "bounds": [i for i in range(n) if bound_duals[i] > _DUAL_TOLERANCE],
            # the solver's multipliers, a guide for the exact certificate
            "duals": [*duals[positive],
                      *bound_duals[bound_duals > _DUAL_TOLERANCE],
                      *solution.row_duals[equality_rows]],
        })
        for mask in stages[-1]["fixed"]:
            if orthogonal.add(_incidence(np.array([mask]), n)[0]):
                equalities.append((mask, len(stages) - 1))
                equality_rows.append(row_of[mask])
                program.fix(row_of[mask], scaled[mask] - solution.eps)
        point = solution.x
    return stages, point


def _recover_exact(tu, ints, stages, point, scaled, pre=False):
    """The exact point: solve efficiency and tight equations in (x, eps_1, ..., eps_T).

    At the nucleolus, the equations "excess of S = eps_t" for every coalition S of stage t
    tight there, x_i = v({i}) for the tight lower bounds, and x(N) = v(N) have a unique
    solution; an independent subset of them, chosen in floating point with the coalitions
    of positive multiplier first, is solved exactly.
    """
    n, count = tu.n, len(stages)
    full = (1 << n) - 1
    size = n + count
    excess = scaled - _subset_sums(point)

    def coalition_row(mask, t):
        row = [(mask >> i) & 1 for i in range(n)] + [0] * count
        row[n + t] = 1
        return row, Fraction(int(ints[mask]), tu.scale)

    candidates = [([1] * n + [0] * count, Fraction(int(ints[full]), tu.scale))]
    for t, stage in enumerate(stages):
        candidates += [coalition_row(mask, t) for mask in stage["fixed"]]
    # The quick way: the fixed coalitions (tight in every optimal solution, by their
    # positive multipliers) and N already have full rank n + T, since the independent
    # ones among them span R**n and every stage fixes at least one; solve them all at
    # once and check every equation exactly.
    if tu.scale == 1:
        solution = solve_by_floats([row for row, _ in candidates],
                                   [int(rhs) for _, rhs in candidates])
        if solution is not None:
            return solution[:n], solution[n:]
    for i in range(0 if pre else n):
        if point[i] - scaled[1 << i] <= _TIGHT_TOLERANCE:
            row = [0] * size
            row[i] = 1
            candidates.append((row, Fraction(int(ints[1 << i]), tu.scale)))
    for t, stage in enumerate(stages):
        gaps = np.abs(excess[stage["candidates"]] - stage["eps"])
        near = np.flatnonzero(gaps <= _TIGHT_TOLERANCE)
        for position in near[np.argsort(gaps[near], kind="stable")]:
            candidates.append(coalition_row(int(stage["candidates"][position]), t))

    chosen, basis = [], []
    for row, rhs in candidates:
        vector = np.array(row, dtype=float)
        residual = vector - sum((b.dot(vector) * b for b in basis), np.zeros(size))
        norm = np.linalg.norm(residual)
        if norm > 1e-9 * np.linalg.norm(vector):
            basis.append(residual / norm)
            chosen.append((row, rhs))
            if len(chosen) == size:
                break
    if len(chosen) < size:
        raise NucleolusError("the tight coalitions found by the LP solver do not determine"
                             " a unique point")
    solution = solve_by_floats([row for row, _ in chosen], [rhs for _, rhs in chosen])
    if solution is None:  # rarely: the float guess failed its exact check
        solution, rank = solve_exact([row for row, _ in chosen], [rhs for _, rhs in chosen])
        if solution is None or rank < size:
            raise NucleolusError("the exact system of tight coalitions is singular")
    return solution[:n], solution[n:]


def _certify(tu, ints, stages, x, eps, pre=False):
    """Check exactly that ``x`` is the nucleolus; raise NucleolusError otherwise.

    Primal: x is an imputation, at every stage every candidate coalition has excess at
    most eps_t and the fixed ones exactly eps_t. Dual: at every stage, multipliers
    y_S > 0 on the fixed coalitions, nu_i >= 0 on tight lower bounds and free mu_R on the
    equalities with sum_S y_S = 1 and sum_S y_S 1_S + nu + sum_R mu_R 1_R = 0, which proves
    (weak duality, complementary slackness) that eps_t is the stage's minimum and the fixed
    coalitions are tight in every optimal solution.
    """
    n = tu.n
    full = (1 << n) - 1
    denominator = lcm_of_denominators([*x, *eps, Fraction(1, tu.scale)])
    xs = [int(value * denominator) for value in x]
    es = [int(value * denominator) for value in eps]
    factor = denominator // tu.scale
    largest = max(int(ints.max()), -int(ints.min()))
    bound = largest * factor + sum(abs(v) for v in xs) + max(map(abs, es))
    dtype = np.int64 if bound < 2**62 else object  # exact either way
    worths = ints.astype(dtype) * factor
    excess = worths - enumeration.subset_sums(xs).astype(dtype)  # x(S) for every mask

    def fail(reason):
        raise NucleolusError(
            f"the nucleolus found in floating point could not be certified exactly ({reason});"
            " no value is returned rather than a possibly wrong one"
        )

    if excess[full] != 0:
        fail("efficiency")
    for i in range(0 if pre else n):
        if excess[1 << i] > 0:
            fail(f"not an imputation: player {tu.players[i]!r} gets less than alone")
    for t, stage in enumerate(stages):
        if t and es[t] > es[t - 1]:
            fail(f"stage {t + 1} has a larger excess than stage {t}")
        if excess[stage["candidates"]].max() > es[t]:
            fail(f"a coalition exceeds the excess of stage {t + 1}")
        if any(excess[mask] != es[t] for mask in stage["fixed"]):
            fail(f"a fixed coalition of stage {t + 1} is not tight")
        fixed, bounds, equalities = stage["fixed"], stage["bounds"], stage["equalities"]
        if any(excess[1 << i] != 0 for i in bounds):
            fail(f"a lower bound of stage {t + 1} is not tight")
        columns = len(fixed) + len(bounds) + len(equalities)
        rows = []
        for i in range(n):
            row = [(mask >> i) & 1 for mask in fixed]
            row += [int(j == i) for j in bounds]
            row += [(mask >> i) & 1 for mask, _ in equalities]
            rows.append(row)
        rows.append([1] * len(fixed) + [0] * (columns - len(fixed)))
        multipliers = _dual_certificate(rows, n, stage["duals"], len(fixed), len(bounds))
        if multipliers is None:
            fail(f"no dual certificate for stage {t + 1}")
        if not _right_signs(multipliers, len(fixed), len(bounds)):
            fail(f"the dual certificate of stage {t + 1} has a wrong sign")


def _right_signs(multipliers, fixed, bounds):
    """y > 0 on the fixed coalitions, nu >= 0 on the tight lower bounds."""
    return all(y > 0 for y in multipliers[:fixed]) and all(
        nu >= 0 for nu in multipliers[fixed:fixed + bounds])


def _dual_certificate(rows, n, guide, fixed, bounds):
    """Multipliers solving the stage's dual equations exactly, near the solver's ``guide``.

    First the quick way: the multipliers the solver left at zero stay zero, the others
    are solved from the equations in floats and checked exactly (:func:`solve_by_floats`);
    if that fails or gives a wrong sign, the exact elimination guided by the solver's
    values (:func:`solve_guided`).
    """
    guide = np.asarray(guide, dtype=float)
    kept = [j for j in range(len(guide)) if j < fixed or abs(guide[j]) > _DUAL_TOLERANCE]
    rhs = [0] * n + [1]
    quick = solve_by_floats([[row[j] for j in kept] for row in rows], rhs)
    if quick is not None:
        multipliers = [Fraction(0)] * len(guide)
        for j, value in zip(kept, quick, strict=True):
            multipliers[j] = value
        if _right_signs(multipliers, fixed, bounds):
            return multipliers
    return solve_guided(rows, rhs, guide)


def _zero_normalized(ints, n):
    """``(worths of the zero-normalized game divided by their gcd, that gcd, alone)``.

    ``ints`` is a numpy array of the worths (int64, or object for Python integers); so is
    the first item returned.
    """
    alone = [int(ints[1 << i]) for i in range(n)]
    dtype = ints.dtype
    if dtype.kind != "O":
        largest = max(int(ints.max()), -int(ints.min()))
        if largest * (n + 1) >= 2**62:  # the sums below could pass 64 bits
            dtype = object
    zero = ints.astype(dtype) - enumeration.subset_sums(alone).astype(dtype)
    divisor = (int(np.gcd.reduce(zero)) if dtype.kind != "O" else math.gcd(*zero)) or 1
    return zero // divisor, divisor, alone


def _incidence(masks, n):
    """The 0/1 incidence vectors of the coalitions ``masks``, one row each, as floats."""
    return ((masks[:, None] >> np.arange(n)) & 1).astype(float)


def nucleolus_point(players, ints, scale):
    """The nucleolus of the game with worths ``ints[mask] / scale``, exactly.

    The imputation set must not be empty (checked by the caller).

    Returns
    -------
    list of Fraction
        One share per player.

    Raises
    ------
    NucleolusError
        The LPs could not be turned into a certified exact point.
    """
    return lexicographic_center(players, ints, scale)[0]


def lexicographic_center(players, ints, scale, pre=False):
    """The nucleolus (or, with ``pre``, the prenucleolus) and its stages' excesses.

    Returns
    -------
    (list of Fraction, list of Fraction)
        The point, one share per player, and the largest excess of each stage,
        decreasing: the first is the value of the least core (over the imputations for
        the nucleolus, over the pre-imputations with ``pre``).

    Raises
    ------
    NucleolusError
        The LPs could not be turned into a certified exact point.
    """
    n = len(players)
    ints = np.asarray(ints) if isinstance(ints, np.ndarray) else _int_array(ints)
    zero, divisor, alone = _zero_normalized(ints, n)
    if not zero.any():  # an additive game: everyone gets what it gets alone
        return [Fraction(a, scale) for a in alone], [Fraction(0)]
    tu = _Worths(tuple(players), n, 1)
    largest = max(int(zero.max()), -int(zero.min()))
    try:
        scaled = zero.astype(float) / largest
    except OverflowError:  # worths beyond floats: divide first, in Python
        scaled = np.array([w / largest for w in zero], dtype=float)
    stages, point = _stage_lps(tu, scaled, pre)
    x, eps = _recover_exact(tu, zero, stages, point, scaled, pre)
    _certify(tu, zero, stages, x, eps, pre)
    # excesses are those of the zero-normalized game (strategically equivalent) times
    # its divisor, over the game's denominator
    return ([(share * divisor + a) / scale for share, a in zip(x, alone, strict=True)],
            [e * divisor / scale for e in eps])


def _int_array(ints):
    """Python integers as an int64 array when they fit, else an object array."""
    largest = max(max(ints), -min(ints))
    return np.array(ints, dtype=np.int64 if largest < 2**62 else object)
