"""A non-negative solution of a system of linear equations, exactly (private).

:func:`feasible_point` answers whether ``rows . x = rhs`` has a solution ``x >= 0`` and
gives one in Fractions: a floating-point LP (HiGHS, through scipy, imported on first use)
proposes the support, the point is solved exactly on it and checked; when that fails,
phase one of the simplex method in exact integer arithmetic decides
(:func:`simplex_feasible_point`). The bargaining engine uses it for the proposers'
mixtures.
"""

import math
from fractions import Fraction

import numpy as np

from ..tu._rational import solve_guided

__all__ = ["feasible_point", "simplex_feasible_point"]


def feasible_point(rows, rhs, cost=None):
    """A point x >= 0 with rows . x = rhs, exactly; None if there is none.

    A floating-point LP (HiGHS) proposes the point's support: the vertex minimising
    ``cost . x`` (a cost generic enough to have one minimum makes the point canonical,
    whichever LP code finds it); the point is then solved exactly on that support and
    checked. When that fails the exact simplex method (:func:`simplex_feasible_point`)
    decides.
    """
    if not rows:
        return []
    support = _float_support(rows, rhs, cost)
    if support is not None:
        point = _exact_on_support(rows, rhs, support)
        if point is not None:
            return point
    return simplex_feasible_point(rows, rhs)


def _float_support(rows, rhs, cost):
    from scipy.optimize import linprog

    matrix = np.array([[float(x) for x in row] for row in rows])
    target = np.array([float(b) for b in rhs])
    objective = np.zeros(matrix.shape[1]) if cost is None else np.asarray(cost, float)
    result = linprog(objective, A_eq=matrix, b_eq=target, bounds=(0, None),
                     method="highs-ds")
    if result.status != 0:
        return None
    return [j for j, x in enumerate(result.x) if x > 1e-12], result.x


def _exact_on_support(rows, rhs, support):
    columns, guide = support
    if not columns:
        return None
    restricted = [[row[j] for j in columns] for row in rows]
    solution = solve_guided(restricted, rhs, [guide[j] for j in columns])
    if solution is None or any(x < 0 for x in solution):
        return None
    point = [Fraction(0)] * len(rows[0])
    for j, x in zip(columns, solution, strict=True):
        point[j] = x
    return point


def simplex_feasible_point(rows, rhs):
    """A point x >= 0 with rows . x = rhs by phase one of the simplex method, in exact
    integer arithmetic (each row held as integers over a positive denominator), with
    Bland's rule, which cannot cycle; None if there is none."""
    width = len(rows[0])
    tableau, scales = [], []
    for row, b in zip(rows, rhs, strict=True):
        sign = -1 if b < 0 else 1
        values = [sign * Fraction(x) for x in row] + [sign * Fraction(b)]
        scale = math.lcm(1, *(x.denominator for x in values))
        tableau.append([int(x * scale) for x in values])
        scales.append(scale)  # row r is tableau[r] / scales[r]; its basic variable's
        # coefficient is 1 (the artificial variable of row r, at first)
    basis = [None] * len(rows)  # None: the row's artificial variable is basic
    while True:
        entering = _entering(tableau, scales, basis, width)
        if entering is None:
            break
        leaving = _leaving(tableau, basis, entering)
        _pivot_integer(tableau, scales, leaving, entering)
        basis[leaving] = entering
    if any(b is None and tableau[r][-1] != 0 for r, b in enumerate(basis)):
        return None
    point = [Fraction(0)] * width
    for r, column in enumerate(basis):
        if column is not None:
            point[column] = Fraction(tableau[r][-1], scales[r])
    return point


def _entering(tableau, scales, basis, width):
    """Bland's rule: the first non-basic column whose phase-one reduced cost
    -sum(column over the rows whose artificial variable is basic) is negative."""
    artificial = [r for r, b in enumerate(basis) if b is None]
    if not artificial:
        return None
    common = math.lcm(*(scales[r] for r in artificial))
    factors = [(tableau[r], common // scales[r]) for r in artificial]
    in_basis = set(b for b in basis if b is not None)
    for j in range(width):
        if j not in in_basis and sum(row[j] * f for row, f in factors) > 0:
            return j
    return None


def _leaving(tableau, basis, entering):
    """The row of the ratio test min rhs / entry over positive entries; ties to the
    smallest basic variable (artificial ones first)."""
    best = None
    for r, row in enumerate(tableau):
        if row[entering] <= 0:
            continue
        key = (row[-1], row[entering], -1 if basis[r] is None else basis[r], r)
        if best is None or _ratio_less(key, best):
            best = key
    return best[3]


def _ratio_less(a, b):
    left, right = a[0] * b[1], b[0] * a[1]
    return left < right or (left == right and a[2:] < b[2:])


def _pivot_integer(tableau, scales, row, column):
    lead = tableau[row][column]
    scales[row] = lead  # row / lead has coefficient 1 in the entering column
    pivot_row = tableau[row]
    for r, other in enumerate(tableau):
        factor = other[column]
        if r == row or not factor:
            continue
        updated = [a * lead - factor * b for a, b in zip(other, pivot_row, strict=True)]
        scale = scales[r] * lead
        common = math.gcd(scale, *updated)
        tableau[r] = [x // common for x in updated]
        scales[r] = scale // common
    common = math.gcd(lead, *pivot_row)
    tableau[row] = [x // common for x in pivot_row]
    scales[row] = lead // common
