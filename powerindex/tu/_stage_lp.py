"""The nucleolus's linear programs, one model kept from stage to stage (private).

Variables x_1..x_n and eps; minimise eps. Row 0 is x(N) = v(N); every other row is a
coalition S, in one of three states: an *inequality* x(S) + eps >= w_S (its excess is
not fixed yet), an *equality* x(S) = w_S - eps_t (fixed at stage t), or *free* (its
excess is constant, the coalition lies in the span of the fixed ones: it no longer
constrains anything). Players have lower bounds x_i >= l_i (or none, for the
prenucleolus); eps is free.

Constraint generation adds rows between solves, and a stage's end turns rows into
equalities or frees them; the solver should go on from its last basis rather than start
again. scipy ships HiGHS with its Python bindings, and a HiGHS model modified in place
keeps its basis (added rows enter it; the dual simplex goes on from there):
:class:`HighsProgram` drives that model directly. ``scipy.optimize.linprog``
(:class:`LinprogProgram`) is the fallback when the bindings are not where this scipy keeps
them; it solves from scratch every time. Both give a primal point and multipliers from
HiGHS's dual simplex; the caller never trusts them beyond choosing which coalitions are
tight: the answer is certified exactly.
"""

from collections import namedtuple

import numpy as np

from ..errors import NucleolusError

__all__ = ["stage_program", "Solution", "INEQUALITY", "EQUALITY", "FREE"]

#: The primal point, eps, and the multipliers of every row (>= 0 on the inequalities, 0
#: on free rows) and of the players' lower bounds (>= 0).
Solution = namedtuple("Solution", ["x", "eps", "row_duals", "bound_duals"])

INEQUALITY, EQUALITY, FREE = 0, 1, 2

_TOLERANCES = {"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10}

try:  # scipy's own HiGHS bindings (scipy >= 1.15); private, hence the fallback below
    from scipy.optimize._highspy import _core as _highs
    _highs._Highs().addRows  # noqa: B018 -- the methods this module calls must exist
except (ImportError, AttributeError):  # pragma: no cover - depends on scipy's layout
    _highs = None


def _incidence(masks, n):
    return ((np.asarray(masks)[:, None] >> np.arange(n)) & 1).astype(float)


class _Rows:
    """What both programs record of their rows: masks, states, right-hand sides."""

    def __init__(self, n, full_worth):
        self.n = n
        self.masks = [(1 << n) - 1]
        self.states = [EQUALITY]
        self.values = [float(full_worth)]

    def _record(self, masks, worths):
        first = len(self.masks)
        self.masks += [int(m) for m in masks]
        self.states += [INEQUALITY] * len(masks)
        self.values += [float(w) for w in worths]
        return first

    def state_array(self):
        return np.array(self.states)


class HighsProgram(_Rows):
    """The program as a HiGHS model modified in place (see the module)."""

    def __init__(self, n, lower, full_worth):
        super().__init__(n, full_worth)
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
        model.addRow(full_worth, full_worth, n, np.arange(n, dtype=np.int32), np.ones(n))
        self.model = model

    def add(self, masks, worths):
        """Add the inequalities x(S) + eps >= w_S of the coalitions ``masks``."""
        self._record(masks, worths)
        count = len(masks)
        matrix = np.hstack([_incidence(masks, self.n), np.ones((count, 1))])
        where_row, where_column = np.nonzero(matrix)
        starts = np.zeros(count, dtype=np.int32)
        np.cumsum(np.count_nonzero(matrix, axis=1)[:-1], out=starts[1:])
        self.model.addRows(count, np.asarray(worths, dtype=float),
                           np.full(count, _highs.kHighsInf), len(where_column), starts,
                           where_column.astype(np.int32), matrix[where_row, where_column])

    def fix(self, row, value):
        """Turn an inequality into the equality x(S) = value."""
        self.states[row] = EQUALITY
        self.values[row] = value
        self.model.changeCoeff(row, self.n, 0.0)
        self.model.changeRowBounds(row, value, value)

    def free(self, rows):
        infinity = _highs.kHighsInf
        for row in rows:
            self.states[row] = FREE
            self.model.changeRowBounds(int(row), -infinity, infinity)

    def solve(self, stage):
        model = self.model
        model.run()
        status = model.getModelStatus()
        if status != _highs.HighsModelStatus.kOptimal:
            raise NucleolusError(f"the linear program of stage {stage} of the nucleolus"
                                 f" failed: {model.modelStatusToString(status)}")
        solution = model.getSolution()
        values = np.asarray(solution.col_value)
        return Solution(values[:self.n], float(values[self.n]),
                        np.asarray(solution.row_dual), np.asarray(solution.col_dual)[:self.n])


class LinprogProgram(_Rows):
    """The same program through ``scipy.optimize.linprog``, solved from scratch each time."""

    def __init__(self, n, lower, full_worth):
        super().__init__(n, full_worth)
        self.lower = lower

    def add(self, masks, worths):
        self._record(masks, worths)

    def fix(self, row, value):
        self.states[row] = EQUALITY
        self.values[row] = value

    def free(self, rows):
        for row in rows:
            self.states[row] = FREE

    def solve(self, stage):
        from scipy.optimize import linprog

        n = self.n
        states = self.state_array()
        masks, values = np.array(self.masks), np.array(self.values)
        inequalities = np.flatnonzero(states == INEQUALITY)
        equalities = np.flatnonzero(states == EQUALITY)
        a_ub = -np.hstack([_incidence(masks[inequalities], n),
                           np.ones((len(inequalities), 1))])
        a_eq = np.hstack([_incidence(masks[equalities], n), np.zeros((len(equalities), 1))])
        lower = [None] * n if self.lower is None else list(self.lower)
        result = linprog(
            c=[0.0] * n + [1.0], A_ub=a_ub, b_ub=-values[inequalities], A_eq=a_eq,
            b_eq=values[equalities], bounds=[(bound, None) for bound in lower] + [(None, None)],
            method="highs-ds", options=_TOLERANCES,
        )
        if result.status != 0:
            raise NucleolusError(f"the linear program of stage {stage} of the nucleolus"
                                 f" failed: {result.message}")
        duals = np.zeros(len(states))
        duals[inequalities] = -np.asarray(result.ineqlin.marginals)
        duals[equalities] = np.asarray(result.eqlin.marginals)
        bound_duals = (np.zeros(n) if self.lower is None
                       else np.asarray(result.lower.marginals)[:n])
        return Solution(np.asarray(result.x[:n]), float(result.x[n]), duals, bound_duals)


def stage_program(n, lower, full_worth):
    """A new program with the row x(N) = ``full_worth``; ``lower`` the players' lower
    bounds (None: free)."""
    if _highs is not None:
        return HighsProgram(n, lower, full_worth)
    return LinprogProgram(n, lower, full_worth)  # pragma: no cover - older layouts
