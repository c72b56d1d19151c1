"""The stationary equilibrium of Baron-Ferejohn bargaining, on a game of classes (private).

The bargaining game arrives here reduced to *classes* of interchangeable players with
equal recognition (see :mod:`.bargaining`): class c has ``sizes[c]`` members, each
recognised with probability ``recognition[c]``, and a proposer of class c chooses among
the *partner profiles* ``profiles[c]`` -- how many partners of each class it takes, for
every minimal set of partners that makes it win. By symmetry (payoffs are unique) the
members of a class have one continuation value u[c], and a proposer mixes uniformly
among the coalitions of a profile, so everything is solved per class.

A proposer of class c pays a partner of class d its price delta u[d] and keeps
1 - delta m[c], m[c] the cheapest profile's value sum(p[d] u[d]). With t[d] the
probability that a given member of class d is bought by someone else, the values are the
fixed point

    u[d] = recognition[d] (1 - delta m[d]) + delta u[d] t[d]                   (1)

Three steps, floats only to guide:

1. **Floats.** A logit-smoothed version of the game (proposers mix over profiles with
   weights exp(-cost / tau)) has a smooth fixed point, found by Newton's method with an
   analytic Jacobian while tau falls from 1e-1 to 1e-10 (:func:`float_values`).
2. **Ties.** The profiles within a tolerance of each class's cheapest are taken as its
   cheapest ones. Their equal costs, the sum of the values (1) and u = 0 for classes
   never recognised are linear equations in u: an affine set u = p + N s. With the
   rates written as t[d] = sum_c sum_k a[c, d] profiles[c][k][d] pi[c][k], equation (1)
   says that the vector b(u), b[d] = 1 - recognition[d] (1 - delta m[d]) / u[d], is
   delta M pi for mixtures pi; every left null vector y of M (with the rows saying each
   mixture sums to 1) gives an equation y . b(u(s)) = 0 in s alone. When N is empty the
   values are exact at once; otherwise those equations are solved by Newton's method in
   exact rational arithmetic, rounded to a precision doubling at each step up to 1024
   bits, and the values are read back as the simplest fractions they can be.
3. **Certificate.** Exact values are checked exactly: every class's cheapest profiles
   are recomputed in integers, and mixtures over them satisfying (1) exactly are found
   (:func:`._exact_lp.feasible_point`: an LP proposes their support, exact arithmetic
   decides): if there are none, the values are refused. Values that are not rational
   (the equations in s can have irrational roots: payoffs of Baron-Ferejohn bargaining
   are algebraic numbers in general) are checked at 1024-bit precision instead and
   returned as floats.
"""

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from ..tu._rational import rref
from ._exact_lp import feasible_point

__all__ = ["Reduced", "Equilibrium", "solve", "float_values"]

#: Tolerances tried, in order, to tell tied profiles from the float values.
TIE_TOLERANCES = (1e-7, 1e-6, 1e-8, 1e-5, 1e-9, 1e-4)
#: Precision (bits) of the Newton steps in the equations of s, and the margin (bits)
#: between a tied profile and the next cheapest one that an inexact certificate needs.
PRECISION_BITS = 1024
MARGIN_BITS = 40
#: Newton steps allowed in the equations of s (the precision doubles at each).
MAX_NEWTON_STEPS = 16
#: The temperature at which the smoothed game's fixed point is taken as the guide.
FINAL_TEMPERATURE = 1e-10


@dataclass(frozen=True)
class Reduced:
    """A bargaining game by classes; see the module docstring."""

    sizes: tuple
    recognition: tuple
    delta: Fraction
    profiles: tuple

    @property
    def m(self):
        return len(self.sizes)


@dataclass(frozen=True)
class Equilibrium:
    """Values per member of each class, mixtures per class, and whether they are exact.

    ``mixtures[c]`` is a tuple of ``(k, probability)``: profile ``profiles[c][k]`` and
    the probability a proposer of class c picks it (uniformly among its coalitions).
    ``ties[c]`` lists every cheapest profile of class c, used or not.
    """

    values: tuple
    mixtures: tuple
    exact: bool
    ties: tuple = ()


def coupling(reduced):
    """``a[c][d]``: the weight of class c's expected count of class-d partners in t[d]."""
    m, sizes, rho = reduced.m, reduced.sizes, reduced.recognition
    a = [[Fraction(0)] * m for _ in range(m)]
    for c in range(m):
        for d in range(m):
            others = sizes[d] - (c == d)
            if others > 0:
                a[c][d] = (sizes[c] - (c == d)) * rho[c] / others
    return a


def solve(reduced):
    """The stationary equilibrium, certified; None if no tolerance yields one."""
    if reduced.delta == 0:
        ties = [list(range(len(p))) for p in reduced.profiles]
        return certify_exact(reduced, list(reduced.recognition), ties)
    guess = float_values(reduced)
    tried = set()
    for tolerance in TIE_TOLERANCES:
        ties = _ties(reduced, guess, tolerance)
        key = tuple(tuple(t) for t in ties)
        if key in tried:
            continue
        tried.add(key)
        equilibrium = _solve_ties(reduced, ties, guess)
        if equilibrium is not None:
            return equilibrium
    return None


# -- 1. floats ----------------------------------------------------------------------------
def _smoothed(u, profiles, a, rho, delta, tau, jacobian=True):
    """Residual F(u) = Phi(u) - u of the logit-smoothed fixed point, and its Jacobian
    (None unless asked for)."""
    m = len(u)
    keep, dkeep = np.zeros(m), np.zeros((m, m))
    counts, dcounts = np.zeros((m, m)), np.zeros((m, m, m))
    for c, profile in enumerate(profiles):
        cost = delta * (profile @ u)
        weights = np.exp(-(cost - cost.min()) / tau)
        pi = weights / weights.sum()
        keep[c] = 1 - pi @ cost
        counts[c] = pi @ profile
        if jacobian:
            dcost = delta * profile
            mean = pi @ dcost
            dpi = -(pi[:, None] * (dcost - mean[None, :])) / tau
            dkeep[c] = -(mean + cost @ dpi)
            dcounts[c] = profile.T @ dpi
    t = (a * counts).sum(axis=0)
    residual = rho * keep + delta * u * t - u
    if not jacobian:
        return residual, None
    dt = np.einsum("cd,cdk->dk", a, dcounts)
    return residual, (rho[:, None] * dkeep + delta * np.diag(t) + delta * u[:, None] * dt
                      - np.eye(m))


def _newton_float(u, arguments, tau):
    """Damped Newton iterations on the smoothed residual at one temperature: the point
    and whether it converged."""
    def size(point):
        return np.abs(_smoothed(point, *arguments, tau, jacobian=False)[0]).max()

    for _ in range(100):
        residual, jacobian = _smoothed(u, *arguments, tau)
        norm = np.abs(residual).max()
        if norm < 1e-14:
            return u, True
        step = np.linalg.lstsq(jacobian, -residual, rcond=None)[0]
        step[arguments[2] == 0] = 0  # never recognised: exactly 0, bought for free
        damping = 1.0
        while damping > 1e-8:
            trial = u + damping * step
            if trial.min() >= 0 and size(trial) < (1 - 1e-4 * damping) * norm:
                break
            damping /= 2
        else:
            return u, norm < 1e-9
        u = trial
    return u, size(u) < 1e-9


def float_values(reduced):
    """Continuation values per member of each class, in floats, from the smoothed game.

    The temperature falls by a factor of up to 4 a step, less where Newton's method
    fails to follow the fixed point (down to a factor of 1.01), from 0.1 to 1e-10.
    """
    rho = np.array([float(r) for r in reduced.recognition])
    a = np.array([[float(x) for x in row] for row in coupling(reduced)])
    profiles = [p.astype(float) for p in reduced.profiles]
    arguments = (profiles, a, rho, float(reduced.delta))
    u, tau, factor = rho.copy(), 0.1, 4.0
    u, _ = _newton_float(u, arguments, tau)
    while tau > FINAL_TEMPERATURE and factor > 1.01:
        target = max(tau / factor, FINAL_TEMPERATURE)
        trial, converged = _newton_float(u, arguments, target)
        if converged:
            u, tau, factor = trial, target, min(4.0, factor * 2)
        else:
            factor = math.sqrt(factor)
    return u


def _ties(reduced, u, tolerance):
    """Per class, the profiles whose cost is within ``tolerance`` of the cheapest."""
    ties = []
    for profile in reduced.profiles:
        cost = profile.astype(float) @ u
        ties.append([int(k) for k in np.nonzero(cost <= cost.min() + tolerance)[0]])
    return ties


# -- 2. values from the ties ----------------------------------------------------------------
def _affine_values(reduced, ties):
    """``(p, N)``: every u meeting the linear conditions of the ties is p + N s; None if
    none does."""
    m = reduced.m
    scale = math.lcm(*(Fraction(x).denominator for x in reduced.sizes))
    rows = [[int(x * scale) for x in reduced.sizes] + [scale]]
    for c in range(m):
        if reduced.recognition[c] == 0:
            rows.append([int(d == c) for d in range(m + 1)])
        profile = reduced.profiles[c]
        first = profile[ties[c][0]]
        rows += [[int(x) for x in profile[k] - first] + [0] for k in ties[c][1:]]
    echelon = _integer_echelon(rows, m)
    if echelon is None:
        return None
    reduced_rows, pivots, _ = rref(echelon, m)
    p = [Fraction(0)] * m
    for row, column in zip(reduced_rows, pivots, strict=True):
        p[column] = row[m]
    basis = []
    for f in (c for c in range(m) if c not in pivots):
        vector = [Fraction(0)] * m
        vector[f] = Fraction(1)
        for row, column in zip(reduced_rows, pivots, strict=True):
            vector[column] = -row[f]
        basis.append(vector)
    return p, basis


def _integer_echelon(rows, columns):
    """A row echelon basis of integer rows (augmented by one column), reduced one row at a
    time in integers; None if the system is inconsistent."""
    basis = {}  # pivot column -> primitive integer row
    for row in rows:
        for column in range(columns):
            if not row[column]:
                continue
            pivot = basis.get(column)
            if pivot is None:
                common = math.gcd(*row)
                basis[column] = [x // common for x in row]
                break
            a, b = pivot[column], row[column]
            row = [x * a - y * b for x, y in zip(row, pivot, strict=True)]
            common = math.gcd(*row) or 1
            row = [x // common for x in row]
        else:
            if row[columns]:
                return None
    return [basis[c] for c in sorted(basis)]


def _columns(ties):
    return [(c, k) for c, tied in enumerate(ties) for k in tied]


def _rate_rows(reduced, ties):
    """The matrix of the mixtures: delta-weighted rate rows of the recognised classes,
    then one row per class saying its mixture sums to 1; and which classes the rate
    rows are of."""
    a = coupling(reduced)
    columns = _columns(ties)
    classes = [d for d in range(reduced.m) if reduced.recognition[d] > 0]
    rows = [[reduced.delta * a[c][d] * int(reduced.profiles[c][k][d]) for c, k in columns]
            for d in classes]
    rows += [[Fraction(int(cc == c)) for cc, _ in columns] for c in range(reduced.m)]
    return rows, classes


def _left_null(rows):
    """A basis of the vectors y with y . rows = 0 (rows as a list of lists)."""
    transposed = [list(column) for column in zip(*rows, strict=True)]
    reduced_rows, pivots, _ = rref(transposed, len(rows))
    basis = []
    for f in (c for c in range(len(rows)) if c not in pivots):
        vector = [Fraction(0)] * len(rows)
        vector[f] = Fraction(1)
        for row, column in zip(reduced_rows, pivots, strict=True):
            vector[column] = -row[f]
        basis.append(vector)
    return basis


def _solve_ties(reduced, ties, guess):
    """Values from the ties (exact, or to high precision), then their certificate."""
    affine = _affine_values(reduced, ties)
    if affine is None:
        return None
    p, basis = affine
    if not basis:
        return certify_exact(reduced, p, ties)
    rows, classes = _rate_rows(reduced, ties)
    system = _Consistency(reduced, ties, p, basis, _left_null(rows), classes)
    s, exact = system.solve(guess)
    if s is None:
        return None
    u = system.values(s)
    if exact:
        return certify_exact(reduced, u, ties)
    return certify_approximate(reduced, u, ties)


class _Consistency:
    """The equations y . b(p + N s) = 0 of the values' free parameters s, solved by
    Newton's method in rational arithmetic of rising precision."""

    def __init__(self, reduced, ties, p, basis, null, classes):
        self.reduced, self.p, self.basis, self.classes = reduced, p, basis, classes
        self.null = null
        # m[d] = cheapest profile's value, linear in u: the class's first tie
        self.cheapest = [reduced.profiles[d][ties[d][0]] for d in range(reduced.m)]

    def values(self, s):
        return [self.p[j] + sum((s[i] * v[j] for i, v in enumerate(self.basis)), Fraction(0))
                for j in range(len(self.p))]

    def _residual(self, s):
        """The equations' values and their derivatives in s, exactly."""
        rho, delta = self.reduced.recognition, self.reduced.delta
        u = self.values(s)
        du = [[v[j] for v in self.basis] for j in range(len(u))]
        b, db = [], []
        for d in self.classes:
            cost = sum((int(x) * u[k] for k, x in enumerate(self.cheapest[d])), Fraction(0))
            dcost = [sum((int(x) * du[k][i] for k, x in enumerate(self.cheapest[d])),
                         Fraction(0)) for i in range(len(s))]
            if u[d] <= 0:
                return None, None
            b.append(1 - rho[d] * (1 - delta * cost) / u[d])
            db.append([rho[d] * (delta * dcost[i] * u[d] + (1 - delta * cost) * du[d][i])
                       / u[d] ** 2 for i in range(len(s))])
        b += [Fraction(1)] * self.reduced.m
        db += [[Fraction(0)] * len(s)] * self.reduced.m
        g = [sum((y[r] * b[r] for r in range(len(b)) if y[r]), Fraction(0)) for y in self.null]
        dg = [[sum((y[r] * db[r][i] for r in range(len(b)) if y[r]), Fraction(0))
               for i in range(len(s))] for y in self.null]
        return g, dg

    def solve(self, guess):
        """``(s, exact)``: s exact when the values are rational, else to high precision;
        ``(None, False)`` when Newton's method fails (too few equations, a singular step).
        """
        d = len(self.basis)
        if len(self.null) < d:  # fewer equations than unknowns: not these ties
            return None, False
        start = np.linalg.lstsq(np.array([[float(x) for x in v] for v in self.basis]).T,
                                guess - np.array([float(x) for x in self.p]),
                                rcond=None)[0]
        s = [Fraction(float(x)) for x in start]
        bits = 40
        for _ in range(MAX_NEWTON_STEPS):
            g, dg = self._residual(s)
            if g is None:
                return None, False
            if all(x == 0 for x in g):
                return s, True
            step = _gauss_newton_step(g, dg, d)
            if step is None:
                return None, False
            bits = min(2 * bits, PRECISION_BITS)
            s = [_rounded(x + dx, bits + 32) for x, dx in zip(s, step, strict=True)]
            if bits >= 160:  # rational values with small denominators show early
                candidate = self._rational(s, bits)
                if candidate is not None:
                    return candidate, True
            if bits == PRECISION_BITS and _small(g, PRECISION_BITS // 2):
                return s, False
        return None, False

    def _rational(self, s, bits):
        """The simplest fractions near s (denominators below 2**(bits/2 - 64)) if they
        solve the equations exactly, else None."""
        bound = 1 << (bits // 2 - 64)
        candidate = [x.limit_denominator(bound) for x in s]
        g, _ = self._residual(candidate)
        if g is not None and all(x == 0 for x in g):
            return candidate
        return None


def _rounded(x, bits):
    return Fraction(round(x * (1 << bits)), 1 << bits)


def _small(values, bits):
    return all(abs(x) < Fraction(1, 1 << bits) for x in values)


def _gauss_newton_step(g, dg, d):
    """The step -(J^T J)^{-1} J^T g, exactly; None if J has rank below d."""
    normal = [[sum((row[i] * row[j] for row in dg), Fraction(0)) for j in range(d)]
              + [-sum((row[i] * value for row, value in zip(dg, g, strict=True)), Fraction(0))]
              for i in range(d)]
    reduced_rows, pivots, _ = rref(normal, d)
    if len(pivots) < d:
        return None
    return [row[d] for row in reduced_rows]


# -- 3. certificates ------------------------------------------------------------------------
def _costs(profile, u):
    """Exact costs of every profile of a class: sum(p[d] u[d]), in integers over the
    common denominator of u."""
    scale = math.lcm(1, *(x.denominator for x in u))
    numerators = [int(x * scale) for x in u]
    if max(map(abs, numerators), default=0) * max(1, int(profile.sum(axis=1).max(initial=0))) \
            < 2**62:
        totals = profile.astype(np.int64) @ np.array(numerators, dtype=np.int64)
    else:
        totals = profile.astype(object) @ np.array(numerators, dtype=object)
    return [int(t) for t in totals], scale


def _cheapest(reduced, u):
    """Per class: the cheapest profiles exactly, and their cost m[c]."""
    ties, cheapest = [], []
    for profile in reduced.profiles:
        totals, scale = _costs(profile, u)
        low = min(totals)
        ties.append([k for k, t in enumerate(totals) if t == low])
        cheapest.append(Fraction(low, scale))
    return ties, cheapest


def certify_exact(reduced, u, ties_guess=None):
    """The equilibrium with values ``u`` (Fractions), if they are one: None otherwise.

    Checks exactly: u >= 0 and the values sum to 1; every class's cheapest profiles
    (recomputed here); and mixtures over them meeting equation (1) exactly, found by an
    exact simplex method. ``ties_guess`` is not trusted.
    """
    if any(x < 0 for x in u) or sum(s * x for s, x in zip(reduced.sizes, u, strict=True)) != 1:
        return None
    ties, cheapest = _cheapest(reduced, u)
    rows, classes = _rate_rows(reduced, ties)
    if any(u[d] == 0 for d in classes) or any(
            u[d] != 0 for d in range(reduced.m) if reduced.recognition[d] == 0):
        return None
    needed = [1 - reduced.recognition[d] * (1 - reduced.delta * cheapest[d]) / u[d]
              for d in classes] + [Fraction(1)] * reduced.m
    mixture = feasible_point(rows, needed, _preference(reduced, ties))
    if mixture is None:
        return None
    return Equilibrium(tuple(u), _mixtures(ties, mixture), True, _tuples(ties))


def certify_approximate(reduced, u, ties):
    """The equilibrium for irrational values known to PRECISION_BITS, in floats; None if
    the ties are not separated from the other profiles by 2**-MARGIN_BITS or no mixture
    fits."""
    if any(x <= 0 and r > 0 for x, r in zip(u, reduced.recognition, strict=True)):
        return None
    close = Fraction(1, 1 << (PRECISION_BITS // 4))
    margin = Fraction(1, 1 << MARGIN_BITS)
    cheapest = []
    for c, profile in enumerate(reduced.profiles):
        totals, scale = _costs(profile, u)
        low = Fraction(min(totals), scale)
        cost = [Fraction(t, scale) for t in totals]
        tied = set(ties[c])
        if any((k in tied) != (x - low < close) for k, x in enumerate(cost)):
            return None
        if any(close <= x - low < margin for x in cost):
            return None
        cheapest.append(sum((cost[k] for k in ties[c]), Fraction(0)) / len(ties[c]))
    rows, classes = _rate_rows(reduced, ties)
    needed = [1 - reduced.recognition[d] * (1 - reduced.delta * cheapest[d]) / u[d]
              for d in classes] + [Fraction(1)] * reduced.m
    independent = rref([list(column) for column in zip(*rows, strict=True)], len(rows))[1]
    mixture = feasible_point([rows[r] for r in independent], [needed[r] for r in independent],
                             _preference(reduced, ties))
    if mixture is None:
        return None
    mixtures = tuple(tuple((k, float(x)) for k, x in mix) for mix in _mixtures(ties, mixture))
    return Equilibrium(tuple(float(x) for x in u), mixtures, False, _tuples(ties))


def _tuples(ties):
    return tuple(tuple(tied) for tied in ties)


def _preference(reduced, ties):
    """The LP's cost of each tied profile: its number of partners (a proposer indifferent
    between coalitions takes fewer partners), plus a small generic term (fractional parts
    of multiples of the golden ratio) that leaves one cheapest mixture."""
    golden = (math.sqrt(5) - 1) / 2
    return [int(reduced.profiles[c][k].sum()) + 1e-3 * ((position + 1) * golden % 1)
            for position, (c, k) in enumerate(_columns(ties))]


def _mixtures(ties, mixture):
    """Per class, the profiles with positive probability, from a point of the simplex."""
    result, position = [], 0
    for tied in ties:
        chosen = []
        for k in tied:
            if mixture[position] > 0:
                chosen.append((k, mixture[position]))
            position += 1
        result.append(tuple(chosen))
    return tuple(result)
