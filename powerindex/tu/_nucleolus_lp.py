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
from types import SimpleNamespace

import numpy as np

from .._numbers import lcm_of_denominators
from ..errors import NucleolusError
from ._rational import null_space, solve_exact, solve_guided

__all__ = ["nucleolus_point", "lexicographic_center"]

#: The game the LPs see: players, their number, worths' common denominator.
_Worths = namedtuple("_Worths", ["players", "n", "scale"])

_DUAL_TOLERANCE = 1e-9
_TIGHT_TOLERANCE = 1e-7
_HIGHS_OPTIONS = {"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10}


#: Whether to keep each stage's LP in HiGHS directly (:class:`_DirectLP`); switched off
#: for the process when scipy's bindings are missing or have changed.
_DIRECT = [True]

#: Rows a stage's first LP starts from, per player (the coalitions of largest excess at
#: the equal split), and the most violated rows added per round.
_START_ROWS = 4
_ADDED_ROWS = 4


class _Solved:
    """What the stages read of an LP's solution, from either solver: the point, the
    multipliers of the inequality rows (as scipy reports them: <= 0), of the lower bounds
    and of the equalities."""

    def __init__(self, x, ineq, lower, eq):
        self.x = x
        self.ineqlin = SimpleNamespace(marginals=ineq)
        self.lower = SimpleNamespace(marginals=lower)
        self.eqlin = SimpleNamespace(marginals=eq)


class _DirectLP:
    """One stage's LP kept in HiGHS between the rounds of constraint generation.

    ``scipy.optimize.linprog`` rebuilds and re-checks the model at every call (about 1.8 ms
    of fixed cost, most of a small stage); here the model stays and the generated rows are
    added to it, so that HiGHS re-solves from its last basis. It uses the HiGHS bindings
    that scipy ships (``scipy.optimize._highspy``, not a public scipy interface): where
    they are missing or fail, :func:`_generated` falls back to ``linprog``, and any answer
    is certified exactly anyway.
    """

    def __init__(self, n, bounds, a_eq, b_eq):
        from scipy.optimize._highspy import _core

        self.core, self.n = _core, n
        highs = _core._Highs()
        for name, value in (("output_flag", False), ("simplex_strategy", 1),
                            *_HIGHS_OPTIONS.items()):
            highs.setOptionValue(name, value)
        lp = _core.HighsLp()
        lp.num_col_, lp.num_row_ = n + 1, len(a_eq)
        lp.col_cost_ = np.array([0.0] * n + [1.0])
        infinity = highs.getInfinity()
        lp.col_lower_ = np.array([-infinity if low is None else low for low, _ in bounds]
                                 + [-infinity])
        lp.col_upper_ = np.full(n + 1, infinity)
        lp.row_lower_ = lp.row_upper_ = np.asarray(b_eq, dtype=float)
        matrix = np.asarray(a_eq, dtype=float)
        rows, columns = np.nonzero(matrix)
        lp.a_matrix_.format_ = _core.MatrixFormat.kRowwise
        lp.a_matrix_.num_col_, lp.a_matrix_.num_row_ = n + 1, len(a_eq)
        lp.a_matrix_.start_ = np.searchsorted(rows, np.arange(len(a_eq) + 1)).astype(np.int32)
        lp.a_matrix_.index_ = columns.astype(np.int32)
        lp.a_matrix_.value_ = matrix[rows, columns]
        highs.passModel(lp)
        self.highs, self.infinity, self.equalities = highs, infinity, len(a_eq)

    def add(self, incidence_rows, worths):
        """Rows -x(S) - eps <= -v(S)."""
        count = len(worths)
        values = np.hstack([-incidence_rows, -np.ones((count, 1))])
        rows, columns = np.nonzero(values)
        starts = np.searchsorted(rows, np.arange(count)).astype(np.int32)
        self.highs.addRows(count, np.full(count, -self.infinity), -np.asarray(worths, float),
                           len(rows), starts, columns.astype(np.int32), values[rows, columns])

    def solve(self):
        self.highs.run()
        if self.highs.getModelStatus() != self.core.HighsModelStatus.kOptimal:
            return None
        solution = self.highs.getSolution()
        duals = np.asarray(solution.row_dual)
        return _Solved(np.asarray(solution.col_value), duals[self.equalities:],
                       np.maximum(np.asarray(solution.col_dual), 0.0),
                       duals[:self.equalities])


def _generated(linprog, incidence, scaled, candidates, a_eq, b_eq, bounds, stage):
    """One stage's LP over the ``candidates``, by constraint generation.

    Most coalitions are never tight: the LP starts from a few rows and adds the coalitions
    whose excess at its solution passes its eps, until none does. The last LP's optimum is
    then feasible, hence optimal, for all the candidates, and its multipliers (zero on the
    rows left out) are those of the whole program. Returns the result and the rows (masks)
    of its inequalities.
    """
    n = incidence.shape[1]
    worths = scaled[candidates]
    sizes = _SIZES[n][candidates]
    equal = (b_eq[0] if b_eq else 0.0) / n
    start = min(len(candidates), _START_ROWS * n)
    active = np.zeros(len(candidates), dtype=bool)
    active[_largest(worths - sizes * equal, start)] = True
    active[sizes <= 1] = True  # the singletons bound the LP from the start
    active[sizes >= n - 1] = True
    direct = None
    if _DIRECT[0]:
        try:
            direct = _DirectLP(n, bounds, a_eq, b_eq)
        except Exception:  # noqa: BLE001 - scipy's private bindings changed: use linprog
            _DIRECT[0] = False
    held = []  # positions of the rows in the direct model, in the order they were added
    added = np.zeros(len(candidates), dtype=bool)
    while True:
        chosen = np.flatnonzero(active)
        result = None
        if direct is not None:
            fresh = np.flatnonzero(active & ~added)
            direct.add(incidence[candidates[fresh]], worths[fresh])
            added[fresh] = True
            held.append(fresh)
            result = direct.solve()
            if result is None:  # not solved to optimality: this stage goes on with linprog
                direct = None
            else:  # its multipliers come in the order the rows were added
                chosen = np.concatenate(held)
        if result is None:
            a_ub = np.hstack([-incidence[candidates[chosen]], -np.ones((len(chosen), 1))])
            result = linprog(
                c=[0.0] * n + [1.0], A_ub=a_ub, b_ub=-worths[chosen], A_eq=a_eq, b_eq=b_eq,
                bounds=bounds + [(None, None)], method="highs-ds", options=_HIGHS_OPTIONS,
            )
            if result.status != 0:
                raise NucleolusError(
                    f"the linear program of stage {stage} of the nucleolus failed:"
                    f" {result.message}"
                )
        excess = worths - _subset_sums(result.x[:n])[candidates]
        violated = np.flatnonzero(~active & (excess > result.x[-1] + _TIGHT_TOLERANCE / 10))
        if violated.size == 0:
            return result, candidates[chosen]
        active[violated[_largest(excess[violated], _ADDED_ROWS * n)]] = True


class _Sizes(dict):
    """Coalition sizes by mask, per number of players (computed once)."""

    def __missing__(self, n):
        sizes = np.zeros(1 << n, dtype=np.int64)
        for i in range(n):
            sizes[1 << i:1 << (i + 1)] = sizes[:1 << i] + 1
        self[n] = sizes
        return sizes


_SIZES = _Sizes()


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


class _Echelon:
    """Rows kept in echelon form over the integers, to test independence exactly."""

    def __init__(self):
        self.rows = []  # (pivot column, integer row)

    def add(self, row):
        """Reduce ``row`` by the rows kept; keep it and return True if anything is left."""
        row = list(row)
        for pivot, kept in self.rows:
            if row[pivot]:
                lead, factor = kept[pivot], row[pivot]
                row = [lead * a - factor * b for a, b in zip(row, kept, strict=True)]
        pivot = next((i for i, a in enumerate(row) if a), None)
        if pivot is None:
            return False
        divisor = math.gcd(*row)
        self.rows.append((pivot, [a // divisor for a in row]))
        return True


def _stage_lps(tu, ints, incidence, scaled, pre=False):
    """Solve the sequence of LPs in floats; return the stages and the last float point.

    Stage t minimises eps subject to v(S) - x(S) <= eps for every coalition S whose
    excess is not yet fixed (not in the span of the grand coalition and the coalitions
    fixed so far), x(N) = v(N), x_i >= v({i}), and the fixed coalitions' excesses held at
    the values found. The coalitions with a positive dual multiplier have that excess in
    every optimal solution; they are fixed, and the rank of the fixed set grows by at least
    one per stage, so at most n - 1 stages are needed. With ``pre`` (the prenucleolus)
    the players have no lower bounds: x ranges over the pre-imputations.
    """
    from scipy.optimize import linprog

    n = tu.n
    full = (1 << n) - 1
    players_bounds = [(None, None) if pre else (scaled[1 << i], None) for i in range(n)]
    basis = [[1] * n]  # independent incidence vectors of the fixed coalitions, N first
    echelon = _Echelon()
    echelon.add(basis[0])
    equalities = [(full, None)]  # (mask, stage) of the basis rows
    stages = []
    proper = np.zeros(1 << n, dtype=bool)
    proper[1:full] = True
    while len(basis) < n:
        kernel = null_space(basis, n)
        if kernel.dtype == object or np.abs(kernel).max(initial=0) * n >= 2**52:
            products = incidence.astype(np.int64).astype(object).dot(kernel.astype(object))
        else:  # sums of at most n small integers: exact in floats
            products = incidence.dot(kernel)
        in_span = ~np.any(products != 0, axis=1)
        candidates = np.flatnonzero(proper & ~in_span)
        a_eq = np.array([[*((mask >> i) & 1 for i in range(n)), 0.0] for mask, _ in equalities],
                        dtype=float)
        b_eq = [scaled[mask] - (0.0 if stage is None else stages[stage]["eps"])
                for mask, stage in equalities]
        result, rows = _generated(linprog, incidence, scaled, candidates, a_eq, b_eq,
                                  players_bounds, len(stages) + 1)
        duals = -np.asarray(result.ineqlin.marginals)
        fixed = rows[duals > _DUAL_TOLERANCE]
        if fixed.size == 0:
            raise NucleolusError(
                f"no coalition has a positive multiplier at stage {len(stages) + 1} of the"
                " nucleolus (numerical trouble in the LP solver)"
            )
        bound_duals = np.zeros(n) if pre else np.asarray(result.lower.marginals)[:n]
        duals = duals[duals > _DUAL_TOLERANCE]
        stages.append({
            "eps": float(result.x[-1]),
            "fixed": [int(mask) for mask in fixed],
            "candidates": candidates,
            "equalities": list(equalities),
            "bounds": [i for i in range(n) if bound_duals[i] > _DUAL_TOLERANCE],
            # the solver's multipliers, a guide for the exact certificate
            "duals": [*duals,
                      *bound_duals[bound_duals > _DUAL_TOLERANCE],
                      *np.asarray(result.eqlin.marginals)],
        })
        for mask in stages[-1]["fixed"]:
            row = [(mask >> i) & 1 for i in range(n)]
            if echelon.add(row):
                basis.append(row)
                equalities.append((mask, len(stages) - 1))
        point = np.asarray(result.x[:n], dtype=float)
    return stages, point


def _worth(value, scale):
    """A worth over its denominator: a plain int when the denominator is 1 (the elimination
    then stays in integers)."""
    return value if scale == 1 else Fraction(value, scale)


def _recover_exact(tu, ints, stages, point, incidence, scaled, pre=False):
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
        return row, _worth(ints[mask], tu.scale)

    candidates = [([1] * n + [0] * count, _worth(ints[full], tu.scale))]
    for t, stage in enumerate(stages):
        candidates += [coalition_row(mask, t) for mask in stage["fixed"]]
    for i in range(0 if pre else n):
        if point[i] - scaled[1 << i] <= _TIGHT_TOLERANCE:
            row = [0] * size
            row[i] = 1
            candidates.append((row, _worth(ints[1 << i], tu.scale)))
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
    solution, rank = solve_exact([row for row, _ in chosen], [rhs for _, rhs in chosen])
    if solution is None or rank < size:
        raise NucleolusError("the exact system of tight coalitions is singular")
    return solution[:n], solution[n:]


def _certify(tu, ints, stages, x, eps, incidence, pre=False):
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
    bound = (max(max(ints), -min(ints)) * factor + sum(abs(v) for v in xs) + max(map(abs, es)))
    dtype = np.int64 if bound < 2**62 else object  # exact either way
    worths = np.array(ints, dtype=dtype) * factor
    sums = np.zeros(1 << n, dtype=dtype)  # x(S) for every mask, doubling per player
    for i, share in enumerate(xs):
        sums[1 << i:1 << (i + 1)] = sums[:1 << i] + share
    excess = worths - sums

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
        multipliers = solve_guided(rows, [0] * n + [1], stage["duals"])
        if multipliers is None:
            fail(f"no dual certificate for stage {t + 1}")
        if any(y <= 0 for y in multipliers[:len(fixed)]) or any(
            nu < 0 for nu in multipliers[len(fixed):len(fixed) + len(bounds)]
        ):
            fail(f"the dual certificate of stage {t + 1} has a wrong sign")


def _zero_normalized(ints, n):
    """``(worths of the zero-normalized game divided by their gcd, that gcd, alone)``."""
    alone = [ints[1 << i] for i in range(n)]
    largest = max(max(ints), -min(ints))
    if largest * (n + 1) < 2**62:  # machine integers, exactly
        additive = np.zeros(1 << n, dtype=np.int64)
        for i, a in enumerate(alone):
            additive[1 << i:1 << (i + 1)] = additive[:1 << i] + a
        zero = np.array(ints, dtype=np.int64) - additive
        divisor = int(np.gcd.reduce(zero)) or 1
        return (zero // divisor).tolist(), divisor, alone
    additive = [0]  # Python integers: the worths pass 64 bits
    for a in alone:
        additive += [x + a for x in additive]
    zero = [w - a for w, a in zip(ints, additive, strict=True)]
    divisor = math.gcd(*zero) or 1
    return [w // divisor for w in zero], divisor, alone


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
    zero, divisor, alone = _zero_normalized(ints, n)
    if not any(zero):  # an additive game: everyone gets what it gets alone
        return [Fraction(a, scale) for a in alone], [Fraction(0)]
    tu = _Worths(tuple(players), n, 1)
    largest = max(max(zero), -min(zero))
    try:
        scaled = np.array(zero, dtype=float) / largest
    except OverflowError:  # worths beyond floats: divide first, in Python
        scaled = np.array([w / largest for w in zero], dtype=float)
    masks = np.arange(1 << n)
    incidence = ((masks[:, None] >> np.arange(n)) & 1).astype(float)
    stages, point = _stage_lps(tu, zero, incidence, scaled, pre)
    x, eps = _recover_exact(tu, zero, stages, point, incidence, scaled, pre)
    _certify(tu, zero, stages, x, eps, incidence, pre)
    # excesses are those of the zero-normalized game (strategically equivalent) times
    # its divisor, over the game's denominator
    return ([(share * divisor + a) / scale for share, a in zip(x, alone, strict=True)],
            [e * divisor / scale for e in eps])
