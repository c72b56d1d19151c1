"""Exact linear algebra over the rationals, for certifying the nucleolus (private).

Reduced row echelon form of small systems (n + stages unknowns) in Fractions: one exact
solution, a solution guided by a float vector for the free unknowns, an integer basis
of a null space; and a quicker way for the common case, a solution guessed in floating
point and checked exactly (:func:`solve_by_floats`).
"""

import math
from fractions import Fraction

import numpy as np

from .._numbers import lcm_of_denominators

__all__ = ["rref", "solve_exact", "solve_guided", "null_space", "solve_by_floats"]

_ZERO = Fraction(0)


def _integer_row(row):
    """The row times the least common multiple of its denominators: Python integers."""
    if all(isinstance(x, int) for x in row):
        return list(row)
    row = [Fraction(x) for x in row]
    scale = lcm_of_denominators(row)
    return [int(x * scale) for x in row]


def rref(rows, columns):
    """Reduced row echelon form over the rationals of the first ``columns`` columns.

    ``rows`` are lists of Fractions (or ints), possibly longer than ``columns`` (augmented).
    Returns the non-zero reduced rows (Fractions, each pivot 1) and their pivot columns,
    and the rows left (zero in the first ``columns`` columns; only whether their other
    entries are zero is meaningful: they are scaled). The input is not modified.

    Fraction-free: every row is scaled to integers and eliminated in integers, each new
    row divided by the gcd of its entries (a gcd per row instead of one per operation);
    the pivot rows are divided by their pivots at the end.
    """
    rows = [_integer_row(row) for row in rows]
    pivots = []
    rank = 0
    for column in range(columns):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][column]), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        lead_row = rows[rank]
        lead = lead_row[column]
        for r in range(len(rows)):
            factor = rows[r][column]
            if r != rank and factor:
                new = [lead * a - factor * b for a, b in zip(rows[r], lead_row, strict=True)]
                divisor = math.gcd(*new)
                rows[r] = [x // divisor for x in new] if divisor > 1 else new
        pivots.append(column)
        rank += 1
    reduced = [[Fraction(x, row[column]) if x else _ZERO for x in row]
               for row, column in zip(rows[:rank], pivots, strict=True)]
    return reduced, pivots, [[Fraction(x) if x else _ZERO for x in row]
                             for row in rows[rank:]]


def solve_exact(coefficients, rhs):
    """One exact solution of ``coefficients @ z = rhs`` (free unknowns 0), or None if the
    system is inconsistent. Returns ``(solution, rank)``."""
    columns = len(coefficients[0])
    augmented = [list(row) + [b] for row, b in zip(coefficients, rhs, strict=True)]
    reduced, pivots, zero_rows = rref(augmented, columns)
    if any(row[-1] != 0 for row in zero_rows):
        return None, len(pivots)
    solution = [Fraction(0)] * columns
    for row, column in zip(reduced, pivots, strict=True):
        solution[column] = row[-1]
    return solution, len(pivots)


def solve_guided(coefficients, rhs, guide):
    """An exact solution of ``coefficients @ z = rhs`` near the float vector ``guide``.

    The free unknowns (non-pivot columns of the echelon form) take the values of
    ``guide``, read exactly; the pivot unknowns are then determined. None if inconsistent.
    """
    columns = len(coefficients[0])
    augmented = [list(row) + [b] for row, b in zip(coefficients, rhs, strict=True)]
    reduced, pivots, zero_rows = rref(augmented, columns)
    if any(row[-1] != 0 for row in zero_rows):
        return None
    solution = [Fraction(0)] * columns
    free = [c for c in range(columns) if c not in pivots]
    for c in free:
        solution[c] = Fraction(float(guide[c]))
    for row, column in zip(reduced, pivots, strict=True):
        solution[column] = row[-1] - sum((row[c] * solution[c] for c in free), Fraction(0))
    return solution


def null_space(rows, n):
    """An integer basis (n x d numpy array) of the vectors orthogonal to the given rows."""
    reduced, pivots, _ = rref(rows, n)
    free = [c for c in range(n) if c not in pivots]
    basis = []
    for f in free:
        vector = [Fraction(0)] * n
        vector[f] = Fraction(1)
        for row, column in zip(reduced, pivots, strict=True):
            vector[column] = -row[f]
        scale = lcm_of_denominators(vector)
        basis.append([int(x * scale) for x in vector])
    if not basis:
        return np.zeros((n, 0), dtype=np.int64)
    largest = max(abs(x) for vector in basis for x in vector)
    dtype = np.int64 if largest * n < 2**62 else object
    return np.array(basis, dtype=dtype).T


def solve_by_floats(coefficients, rhs):
    """A solution of ``coefficients @ z = rhs`` guessed in floats and checked exactly.

    ``coefficients`` (m x k) and ``rhs`` are integers. k independent rows are chosen by a
    pivoted QR factorisation, the square system is solved in floats together with its
    determinant D (the solution is an integer vector over D, Cramer's rule), the guess is
    rounded to integers over D and checked exactly against all m equations in Python
    integers. Returns a list of Fractions satisfying every equation exactly, or None when
    the guess fails (rank below k, a determinant too large or not near an integer, or a
    failed check): the caller then solves exactly by elimination. Never returns a wrong
    solution; O(m k**2) in floats and O(m k) exact operations.
    """
    from scipy.linalg import qr

    matrix = np.array(coefficients, dtype=float)
    m, k = matrix.shape
    if k == 0 or m < k:
        return None
    _, triangle, order = qr(matrix.T, mode="economic", pivoting=True)
    diagonal = np.abs(np.diag(triangle))
    if diagonal[-1] <= 1e-9 * diagonal[0]:
        return None
    chosen = order[:k]
    square = matrix[chosen]
    determinant = abs(float(np.linalg.det(square)))
    scale = round(determinant)
    if scale == 0 or scale > 2**40 or abs(determinant - scale) > 1e-3:
        return None
    with np.errstate(all="ignore"):
        guess = np.linalg.solve(square, np.array(rhs, dtype=float)[chosen]) * scale
    if not np.all(np.isfinite(guess)) or np.abs(guess).max(initial=0) > 2**52:
        return None
    numerators = [int(v) for v in np.rint(guess)]
    for row, value in zip(coefficients, rhs, strict=True):
        if sum(a * z for a, z in zip(row, numerators, strict=True) if a) != value * scale:
            return None
    return [Fraction(v, scale) for v in numerators]
