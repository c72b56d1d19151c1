"""One stage's linear program of the nucleolus, grown row by row (private).

The program is: minimise eps subject to x(S) + eps >= w_S for the coalitions S added so
far, x(R) = b_R for the equalities, x_i >= l_i (or free) and eps free. Constraint
generation adds rows between solves, so the solver should start again from its last
basis: HiGHS does when rows are added to a model it has solved (the new rows enter the
basis, the basis stays dual feasible, and its dual simplex goes on from there).

scipy ships HiGHS with its Python bindings; :class:`HighsProgram` drives that model
directly: one model per stage, rows added in place, no validation of the whole problem
per call. ``scipy.optimize.linprog`` (:class:`LinprogProgram`) is the fallback when the
bindings are not where this scipy keeps them; it solves from scratch every time. Both give
the same primal point and multipliers (HiGHS's dual simplex in both); the caller never
trusts them beyond choosing which coalitions are tight: the answer is certified exactly.
"""

from collections import namedtuple

import numpy as np

from ..errors import NucleolusError

__all__ = ["stage_program", "Solution"]

#: The primal point, the stage's eps, and the multipliers: of the inequality rows in the
#: order they were added (>= 0), of the players' lower bounds (>= 0) and of the equalities.
Solution = namedtuple("Solution", ["x", "eps", "row_duals", "bound_duals", "equality_duals"])

_TOLERANCES = {"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10}

try:  # scipy's own HiGHS bindings (scipy >= 1.15); private, hence the fallback below
    from scipy.optimize._highspy import _core as _highs
    _highs._Highs().addRows  # noqa: B018 -- the methods this module calls must exist
except (ImportError, AttributeError):  # pragma: no cover - depends on scipy's layout
    _highs = None


def _csr(rows, n):
    """The rows [incidence | 1] in compressed sparse row form, for HiGHS."""
    count = len(rows)
    matrix = np.hstack([rows, np.ones((count, 1))])
    where_row, where_column = np.nonzero(matrix)
    starts = np.zeros(count, dtype=np.int32)
    np.cumsum(np.count_nonzero(matrix, axis=1)[:-1], out=starts[1:])
    return starts, where_column.astype(np.int32), matrix[where_row, where_column]


class HighsProgram:
    """The stage's program as a HiGHS model, kept between solves (see the module)."""

    def __init__(self, n, lower, equalities, rhs):
        self.n = n
        self.rows = 0
        model = _highs._Highs()
        model.setOptionValue("output_flag", False)
        model.setOptionValue("presolve", "off")  # a few hundred rows: nothing to gain
        for key, value in _TOLERANCES.items():
            model.setOptionValue(key, value)
        infinity = _highs.kHighsInf
        bounds = np.full(n + 1, -infinity)
        if lower is not None:
            bounds[:n] = lower
        model.addVars(n + 1, bounds, np.full(n + 1, infinity))
        model.changeColCost(n, 1.0)
        self.equalities = len(equalities)
        for row, value in zip(equalities, rhs, strict=True):
            index = np.flatnonzero(row).astype(np.int32)
            model.addRow(value, value, len(index), index, np.ones(len(index)))
        self.model = model

    def add(self, rows, worths):
        """Add the rows x(S) + eps >= w_S (``rows`` a 0/1 array, one coalition a row)."""
        starts, index, values = _csr(rows, self.n)
        count = len(rows)
        self.model.addRows(count, np.asarray(worths, dtype=float),
                           np.full(count, _highs.kHighsInf), len(index), starts, index, values)
        self.rows += count

    def solve(self, stage):
        model = self.model
        model.run()
        status = model.getModelStatus()
        if status != _highs.HighsModelStatus.kOptimal:
            raise NucleolusError(f"the linear program of stage {stage} of the nucleolus"
                                 f" failed: {model.modelStatusToString(status)}")
        solution = model.getSolution()
        values = np.asarray(solution.col_value)
        duals = np.asarray(solution.row_dual)
        return Solution(values[:self.n], float(values[self.n]), duals[self.equalities:],
                        np.asarray(solution.col_dual)[:self.n], duals[:self.equalities])


class LinprogProgram:
    """The same program through ``scipy.optimize.linprog``, solved from scratch each time."""

    def __init__(self, n, lower, equalities, rhs):
        self.n = n
        self.lower = lower
        self.a_eq = np.array([[*row, 0.0] for row in equalities], dtype=float)
        self.b_eq = np.asarray(rhs, dtype=float)
        self.blocks, self.worths = [], []

    def add(self, rows, worths):
        self.blocks.append(np.hstack([rows, np.ones((len(rows), 1))]))
        self.worths.append(np.asarray(worths, dtype=float))

    def solve(self, stage):
        from scipy.optimize import linprog

        n = self.n
        lower = [None] * n if self.lower is None else list(self.lower)
        result = linprog(
            c=[0.0] * n + [1.0], A_ub=-np.vstack(self.blocks), b_ub=-np.concatenate(self.worths),
            A_eq=self.a_eq if len(self.a_eq) else None,
            b_eq=self.b_eq if len(self.a_eq) else None,
            bounds=[(bound, None) for bound in lower] + [(None, None)], method="highs-ds",
            options=_TOLERANCES,
        )
        if result.status != 0:
            raise NucleolusError(f"the linear program of stage {stage} of the nucleolus"
                                 f" failed: {result.message}")
        bound_duals = (np.zeros(n) if self.lower is None
                       else np.asarray(result.lower.marginals)[:n])
        equality_duals = (np.asarray(result.eqlin.marginals) if len(self.a_eq)
                          else np.zeros(0))
        return Solution(np.asarray(result.x[:n]), float(result.x[n]),
                        -np.asarray(result.ineqlin.marginals), bound_duals, equality_duals)


def stage_program(n, lower, equalities, rhs):
    """A new stage program: ``lower`` the players' lower bounds (None: free), ``equalities``
    0/1 rows of length n with right-hand sides ``rhs``."""
    if _highs is not None:
        return HighsProgram(n, lower, equalities, rhs)
    return LinprogProgram(n, lower, equalities, rhs)  # pragma: no cover - older layouts
