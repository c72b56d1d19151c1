"""The core and the least core of a TU game, exactly.

The *core* of a TU game is the set of allocations x with x(N) = v(N) and x(S) >= v(S) for
every coalition S: no coalition can do better on its own [1]_. It may be empty (the
three-player majority game), a single point (the glove game) or a polytope; it is not
empty exactly when the game is *balanced* (Bondareva 1963, Shapley 1967 [2]_ [3]_).

The *least core* relaxes every constraint by the least eps for which some pre-imputation
still satisfies them all, x(S) >= v(S) - eps for S other than the empty set and N [4]_:
its value eps is at most 0 exactly when the core is not empty, and the prenucleolus lies
in it.

Examples
--------
>>> import powerindex as pi
>>> majority = pi.TUGame(["A", "B", "C"], lambda s: int(len(s) >= 2))
>>> pi.core_vertices(majority)
[]
>>> least = pi.least_core(majority)
>>> least.epsilon, least.point.to_dict()
(Fraction(1, 3), {'A': Fraction(1, 3), 'B': Fraction(1, 3), 'C': Fraction(1, 3)})

References
----------
.. [1] D. B. Gillies, "Solutions to general non-zero-sum games", in Contributions to the
   Theory of Games IV, Annals of Mathematics Studies 40 (1959), 47-85.
.. [2] O. N. Bondareva, "Some applications of linear programming methods to the theory of
   cooperative games", Problemy Kibernetiki 10 (1963), 119-139.
.. [3] L. S. Shapley, "On balanced sets and cores", Naval Research Logistics Quarterly
   14(4) (1967), 453-460. https://doi.org/10.1002/nav.3800140404
.. [4] M. Maschler, B. Peleg and L. S. Shapley, "Geometric properties of the kernel,
   nucleolus, and related solution concepts", Mathematics of Operations Research 4(4)
   (1979), 303-338. https://doi.org/10.1287/moor.4.4.303
"""

from dataclasses import dataclass
from fractions import Fraction

from .._checks import check_whole
from ..errors import GameTooLargeError
from ..indices.results import PowerIndexResult
from ._allocations import excesses, read_allocation
from .game import NUCLEOLUS_MAX_PLAYERS, as_tu, check_lp_size
from .properties import is_convex
from .weber import marginal_vectors

__all__ = ["in_core", "core_vertices", "least_core", "is_balanced", "LeastCore",
           "CORE_VERTICES_MAX_PLAYERS"]

#: Default limit of :func:`core_vertices`: a core can have up to n! vertices.
CORE_VERTICES_MAX_PLAYERS = 8


def in_core(game, allocation):
    """Whether an allocation lies in the core: x(N) = v(N) and x(S) >= v(S) for every S.

    Parameters
    ----------
    game : TUGame or Game
        A simple game is read as its TU game (v(S) = 1 when S wins).
    allocation : mapping or sequence
        A share for every player: a dict (or a result of this package) player -> number,
        or one number per player in player order. Read exactly (a float as the decimal it
        prints as).

    Returns
    -------
    bool

    Raises
    ------
    InvalidArgumentError
        A share missing, the wrong number of shares, or a share NaN or infinite.
    UnknownPlayerError
        The allocation names someone who is not a player.
    InvalidTypeError
        A share is not a number, or the allocation is neither a mapping nor a sequence.

    Notes
    -----
    Exact: every excess v(S) - x(S) in integers over one denominator, O(n 2**n).

    Examples
    --------
    >>> import powerindex as pi
    >>> gloves = pi.TUGame(["L", "R1", "R2"],
    ...                    lambda s: min(len(s & {"L"}), len(s & {"R1", "R2"})))
    >>> pi.in_core(gloves, {"L": 1, "R1": 0, "R2": 0}), pi.in_core(gloves, [0.5, 0.25, 0.25])
    (True, False)
    """
    game = as_tu(game, "in_core")
    excess, _ = excesses(game, read_allocation(game, allocation))
    return excess[-1] == 0 and max(excess) <= 0


def _vertex_tight(point, constraints, worths):
    """The bitset of the constraints (coalition masks) tight at ``point``."""
    tight = 0
    for mask in constraints:
        if sum(x for i, x in enumerate(point) if mask >> i & 1) == worths[mask]:
            tight |= 1 << mask
    return tight


def _dimension(points):
    """The dimension of the affine hull of the points (exact elimination), stopping at
    n - 1, the most in the hyperplane x(N) = v(N)."""
    if len(points) < 2:
        return 0
    origin, most = points[0], len(points[0]) - 1
    basis = []  # reduced rows: (pivot column, row)
    for point in points[1:]:
        row = [a - b for a, b in zip(point, origin, strict=True)]
        for pivot, reduced in basis:
            if row[pivot]:
                factor = row[pivot] / reduced[pivot]
                row = [a - factor * b for a, b in zip(row, reduced, strict=True)]
        pivot = next((i for i, a in enumerate(row) if a), None)
        if pivot is not None:
            basis.append((pivot, row))
            if len(basis) == most:
                break
    return len(basis)


def core_vertices(game, *, max_players=CORE_VERTICES_MAX_PLAYERS):
    """The vertices of the core, exactly; an empty list when the core is empty.

    Parameters
    ----------
    game : TUGame or Game
        A simple game is read as its TU game.
    max_players : int, optional
        Refuse games with more players (default 8): a core can have n! vertices (a convex
        game's are its marginal vectors).

    Returns
    -------
    list of PowerIndexResult
        One result per vertex (index ``"core_vertex"``, method ``"double_description"``),
        exact Fractions summing to v(N), in lexicographic order of their shares.

    Raises
    ------
    GameTooLargeError
        More than ``max_players`` players.
    InvalidTypeError
        Not a game.

    Notes
    -----
    The double description method of Motzkin et al. [1]_, in exact rational arithmetic.
    The core lies in the hyperplane x(N) = v(N); it starts as the imputation set, a simplex
    whose vertices give all but one player their worth alone (empty if
    v(N) < v({1}) + ... + v({n})), and is cut by x(S) >= v(S) for one coalition S at a
    time. A cut keeps the vertices on its side and adds, on each edge that it crosses, the
    point where it crosses it. Two vertices span an edge when no third vertex is tight
    at every constraint tight at both (the combinatorial test, exact for polytopes).
    Cost: O(2**n V^3) at most for V vertices along the way. A convex game's core is its
    Weber set [2]_, whose vertices are the distinct marginal vectors: those are returned
    directly (O(n n!)).

    References
    ----------
    .. [1] T. S. Motzkin, H. Raiffa, G. L. Thompson and R. M. Thrall, "The double
       description method", in Contributions to the Theory of Games II, Annals of
       Mathematics Studies 28 (1953), 51-73.
    .. [2] L. S. Shapley, "Cores of convex games", International Journal of Game Theory
       1 (1971), 11-26. https://doi.org/10.1007/BF01753431

    Examples
    --------
    The glove game has one core allocation; a convex game's core is the convex hull of its
    marginal vectors [2]_:

    >>> import powerindex as pi
    >>> gloves = pi.TUGame(["L", "R1", "R2"],
    ...                    lambda s: min(len(s & {"L"}), len(s & {"R1", "R2"})))
    >>> [v.to_dict() for v in pi.core_vertices(gloves)]
    [{'L': Fraction(1, 1), 'R1': Fraction(0, 1), 'R2': Fraction(0, 1)}]
    >>> squares = pi.TUGame(["a", "b"], lambda s: len(s) ** 2)
    >>> [tuple(v.values()) for v in pi.core_vertices(squares)]
    [(Fraction(1, 1), Fraction(3, 1)), (Fraction(3, 1), Fraction(1, 1))]
    """
    game = as_tu(game, "core_vertices")
    max_players = check_whole(max_players, "max_players", minimum=1)
    n = game.n
    if n > max_players:
        raise GameTooLargeError(
            f"the core of {n} players can have up to {n}! vertices; core_vertices takes at"
            f" most {max_players} players by default (raise max_players= to try more)"
        )
    if is_convex(game):  # the core is the Weber set: the marginal vectors are its vertices
        return [PowerIndexResult("core_vertex", game, dict(vector), "marginal_vectors")
                for vector in marginal_vectors(game, max_players=n)]
    worths = [Fraction(w, game._scale) for w in game._int_list()]
    full = (1 << n) - 1
    alone = [worths[1 << i] for i in range(n)]
    surplus = worths[full] - sum(alone)
    if surplus < 0:
        return []
    processed = [1 << i for i in range(n)]
    points = set()
    for k in range(n):
        point = list(alone)
        point[k] += surplus
        points.add(tuple(point))
    vertices = {point: _vertex_tight(point, processed, worths) for point in points}
    for mask in sorted(range(1, full), key=lambda m: (m.bit_count(), m)):
        if mask.bit_count() < 2:
            continue
        gap = {p: sum(x for i, x in enumerate(p) if mask >> i & 1) - worths[mask]
               for p in vertices}
        above = [p for p in vertices if gap[p] > 0]
        below = [p for p in vertices if gap[p] < 0]
        processed.append(mask)
        if not below:
            vertices = {p: z | (1 << mask) if gap[p] == 0 else z for p, z in vertices.items()}
            continue
        if not any(gap[p] >= 0 for p in vertices):
            return []
        crossings = set()
        # an edge of a d-dimensional polytope lies on at least d - 1 facets, so two
        # vertices with fewer tight constraints in common cannot span one
        needed = _dimension(list(vertices)) - 1
        tights = list(vertices.values())
        for p in above:
            for q in below:
                common = vertices[p] & vertices[q]
                if common.bit_count() < needed:
                    continue
                if sum(1 for z in tights if common & ~z == 0) > 2:
                    continue  # not an edge: a third vertex lies on their smallest face
                t = gap[p] / (gap[p] - gap[q])
                crossings.add(tuple(a + t * (b - a) for a, b in zip(p, q, strict=True)))
        kept = [p for p in vertices if gap[p] >= 0]
        vertices = {p: _vertex_tight(p, processed, worths) for p in {*kept, *crossings}}
    return [PowerIndexResult("core_vertex", game, dict(zip(game.players, p, strict=True)),
                             "double_description") for p in sorted(vertices)]


@dataclass(frozen=True)
class LeastCore:
    """The least core of a TU game: its value and a point in it.

    Attributes
    ----------
    epsilon : Fraction
        The least eps for which some pre-imputation gives every coalition S (other than
        the empty set and N) at least v(S) - eps. At most 0 exactly when the core is not
        empty.
    point : PowerIndexResult
        The prenucleolus, which lies in the least core (index ``"least_core_point"``).
    """

    epsilon: Fraction
    point: PowerIndexResult

    def __repr__(self):
        shares = ", ".join(f"{p!s}: {v}" for p, v in self.point.items())
        return f"<LeastCore epsilon={self.epsilon} at {{{shares}}}>"


def least_core(game, *, max_players=NUCLEOLUS_MAX_PLAYERS):
    """The least core: its value epsilon and a point in it (the prenucleolus).

    Parameters
    ----------
    game : TUGame or Game
        A simple game is read as its TU game (for a weighted game, its characteristic
        function: up to ``max_players`` players).
    max_players : int, optional
        Refuse games with more players (default 18): the linear programs have a row per
        coalition.

    Returns
    -------
    LeastCore
        ``epsilon`` (a Fraction) and ``point`` (a result, exact Fractions summing to v(N)).

    Raises
    ------
    GameTooLargeError
        More than ``max_players`` players.
    NucleolusError
        The floating-point LPs could not be certified exactly (no value is returned rather
        than a possibly wrong one).
    InvalidTypeError
        Not a game.

    Notes
    -----
    The least core is the first stage of the prenucleolus's sequence of linear programs
    (Maschler, Peleg and Shapley [1]_): minimise eps subject to x(S) >= v(S) - eps for
    every coalition S other than the empty set and N, and x(N) = v(N). The LPs are solved
    in floating point to learn the tight coalitions; eps and the point are then solved and
    certified exactly (as for :func:`~powerindex.nucleolus`).

    References
    ----------
    .. [1] M. Maschler, B. Peleg and L. S. Shapley, "Geometric properties of the kernel,
       nucleolus, and related solution concepts", Mathematics of Operations Research 4(4)
       (1979), 303-338. https://doi.org/10.1287/moor.4.4.303

    Examples
    --------
    The three-player majority game has an empty core; its least core is one point:

    >>> import powerindex as pi
    >>> least = pi.least_core(pi.WeightedGame([1, 1, 1], 2, players=["A", "B", "C"]))
    >>> least.epsilon, least.point["A"]
    (Fraction(1, 3), Fraction(1, 3))
    """
    from ._nucleolus_lp import lexicographic_center

    game = as_tu(game, "least_core")
    check_lp_size(game, "the least core", max_players)
    if game.n == 1:  # no coalition besides N: the only pre-imputation, nothing to relax
        return LeastCore(Fraction(0), _result("least_core_point", game,
                                              [game._worth(1)]))
    point, stages = lexicographic_center(game.players, game._ints, game._scale,
                                         pre=True)
    return LeastCore(stages[0], _result("least_core_point", game, point))


def is_balanced(game, *, max_players=NUCLEOLUS_MAX_PLAYERS):
    """Whether the game is balanced, that is, whether its core is not empty.

    By the Bondareva-Shapley theorem [1]_ [2]_ a game has a non-empty core exactly when
    it is balanced: sum_S lambda_S v(S) <= v(N) for every balanced collection of weights
    (lambda_S >= 0 with sum_{S containing i} lambda_S = 1 for every player i). Decided
    exactly through the least core: balanced when its value is at most 0.

    Parameters
    ----------
    game : TUGame or Game
    max_players : int, optional
        As for :func:`least_core` (default 18).

    Returns
    -------
    bool

    References
    ----------
    .. [1] O. N. Bondareva, "Some applications of linear programming methods to the theory
       of cooperative games", Problemy Kibernetiki 10 (1963), 119-139.
    .. [2] L. S. Shapley, "On balanced sets and cores", Naval Research Logistics Quarterly
       14(4) (1967), 453-460. https://doi.org/10.1002/nav.3800140404

    Examples
    --------
    >>> import powerindex as pi
    >>> pi.is_balanced(pi.WeightedGame([1, 1, 1], 2)), pi.is_balanced(pi.WeightedGame([2, 1], 2))
    (False, True)
    """
    return least_core(game, max_players=max_players).epsilon <= 0


def _result(index, game, values, method="lp_sequence"):
    return PowerIndexResult(index, game, dict(zip(game.players, values, strict=True)), method)
