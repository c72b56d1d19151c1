"""Exact linear algebra over the rationals, for certifying the nucleolus (private).

Reduced row echelon form of small systems (n + stages unknowns) in Fractions: one exact
solution, a solution guided by a float vector for the free unknowns, an integer basis
of a null space.
"""

import math
from fractions import Fraction

import numpy as np

from .._numbers import lcm_of_denominators

__all__ = ["rref", "solve_exact", "solve_guided", "null_space"]

_ZERO = Fraction(0)


def _integer_row(row):
    """The row times the least common multiple of its denominators: Python integers."""
    if all(isinstance(x, int) for x in row):
        return list(row)
    row = [Fraction(x) for x in row]
    scale = lcm_of_denominators(row)
    return [int(x * scale) for x in row]


def _echelon(rows, columns):
    """Fraction-free Gauss-Jordan elimination of the first ``columns`` columns.

    Returns ``(rows, pivots)``: integer rows, the first ``len(pivots)`` reduced (zero in
    every other pivot column; the value of row r's unknown is entry / rows[r][pivot]), the
    others zero in the first ``columns`` columns. Every new row is divided by the gcd of its
    entries, so the integers stay small.
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
    return rows, pivots


def rref(rows, columns):
    """Reduced row echelon form over the rationals of the first ``columns`` columns.

    ``rows`` are lists of Fractions (or ints), possibly longer than ``columns`` (augmented).
    Returns the non-zero reduced rows (Fractions, each pivot 1) and their pivot columns,
    and the rows left (zero in the first ``columns`` columns; only whether their other
    entries are zero is meaningful: they are scaled). The input is not modified.
    Fraction-free inside (:func:`_echelon`); the pivot rows are divided by their pivots at
    the end.
    """
    rows, pivots = _echelon(rows, columns)
    rank = len(pivots)
    reduced = [[Fraction(x, row[column]) if x else _ZERO for x in row]
               for row, column in zip(rows[:rank], pivots, strict=True)]
    return reduced, pivots, [[Fraction(x) if x else _ZERO for x in row]
                             for row in rows[rank:]]


def solve_exact(coefficients, rhs):
    """One exact solution of ``coefficients @ z = rhs`` (free unknowns 0), or None if the
    system is inconsistent. Returns ``(solution, rank)``."""
    columns = len(coefficients[0])
    augmented = [list(row) + [b] for row, b in zip(coefficients, rhs, strict=True)]
    rows, pivots = _echelon(augmented, columns)
    if any(row[-1] for row in rows[len(pivots):]):
        return None, len(pivots)
    solution = [_ZERO] * columns
    for row, column in zip(rows, pivots, strict=False):
        solution[column] = Fraction(row[-1], row[column])
    return solution, len(pivots)


def solve_guided(coefficients, rhs, guide):
    """An exact solution of ``coefficients @ z = rhs`` near the float vector ``guide``.

    The free unknowns (non-pivot columns of the echelon form) take the values of
    ``guide``, read exactly; the pivot unknowns are then determined. None if inconsistent.
    """
    columns = len(coefficients[0])
    augmented = [list(row) + [b] for row, b in zip(coefficients, rhs, strict=True)]
    rows, pivots = _echelon(augmented, columns)
    if any(row[-1] for row in rows[len(pivots):]):
        return None
    solution = [_ZERO] * columns
    free = [c for c in range(columns) if c not in pivots]
    for c in free:
        solution[c] = Fraction(float(guide[c]))
    for row, column in zip(rows, pivots, strict=False):
        rest = sum((row[c] * solution[c] for c in free if row[c]), _ZERO)
        solution[column] = (row[-1] - rest) / row[column]
    return solution


def null_space(rows, n):
    """An integer basis (n x d numpy array) of the vectors orthogonal to the given rows."""
    reduced, pivots = _echelon(rows, n)
    free = [c for c in range(n) if c not in pivots]
    basis = []
    for f in free:
        # z_f = L (the lcm of the pivots), z_pivot = -L row[f] / row[pivot]: integers
        scale = math.lcm(*(row[column] for row, column in zip(reduced, pivots, strict=False)))
        vector = [0] * n
        vector[f] = scale
        for row, column in zip(reduced, pivots, strict=False):
            vector[column] = -scale * row[f] // row[column]
        divisor = math.gcd(*vector) or 1
        basis.append([x // divisor for x in vector])
    if not basis:
        return np.zeros((n, 0), dtype=np.int64)
    largest = max(abs(x) for vector in basis for x in vector)
    dtype = np.int64 if largest * n < 2**62 else object
    return np.array(basis, dtype=dtype).T
