"""The nucleolus of a TU game, exact and certified.

The nucleolus is the imputation that lexicographically minimises the largest excesses
(Schmeidler 1969). It is computed by a sequence of linear programs solved in floating
point only to learn which coalitions are tight, then recovered and certified exactly
(:mod:`powerindex.tu._nucleolus_lp`).
"""

from ..indices.results import PowerIndexResult
from .game import NUCLEOLUS_MAX_PLAYERS, as_tu, check_lp_size

__all__ = ["nucleolus", "prenucleolus", "NUCLEOLUS_MAX_PLAYERS"]


def nucleolus(game, *, max_players=NUCLEOLUS_MAX_PLAYERS):
    """The nucleolus: the imputation that lexicographically minimises the largest excesses.

    The *excess* of a coalition S at a payoff vector x is e(S, x) = v(S) - x(S), its
    complaint. Among the *imputations* (x(N) = v(N), x_i >= v({i})), the nucleolus is the
    one whose vector of excesses, sorted in decreasing order, is lexicographically smallest
    [1]_. It exists and is unique when the imputation set is not empty, and lies in the
    core whenever the core is not empty.

    Parameters
    ----------
    game : TUGame or Game
        A simple game is converted with :func:`to_tu_game`.
    max_players : int, optional
        Refuse games with more players (default 18): each stage scans all 2**n coalitions
        (arrays of 2**n numbers; about 70 ms in all at 18 players, doubling per player).

    Returns
    -------
    PowerIndexResult
        Index ``"nucleolus"``, method ``"lp_sequence"``: exact Fractions summing to v(N).

    Raises
    ------
    InvalidGameError
        The imputation set is empty: v(N) < v({1}) + ... + v({n}).
    GameTooLargeError
        More than ``max_players`` players.
    NucleolusError
        The floating-point LPs could not be turned into a certified exact point (never
        observed on games of moderate size; the error is raised rather than a possibly
        wrong value returned).
    InvalidTypeError
        Not a game.

    Notes
    -----
    The sequence of linear programs of Kopelowitz [2]_ (see also Maschler, Peleg and
    Shapley [3]_): stage t minimises the largest excess eps over the coalitions whose
    excess is not yet fixed, keeping the excesses fixed at earlier stages; the coalitions
    with a positive dual multiplier are tight in every optimal solution and become fixed;
    coalitions whose incidence vector lies in the span of the fixed ones (and N) have a
    constant excess and leave the program. The rank of the fixed set grows at every stage,
    so at most n - 1 programs are solved, each with n + 1 variables (HiGHS's dual simplex
    [5]_, through scipy's own bindings; ``scipy.optimize.linprog`` if they are missing).
    Each program is solved by *constraint generation* [6]_: it starts from the
    singletons, the coalitions of n - 1 players and the 4n coalitions of largest excess at
    the last stage's point, and adds the 4n most violated coalitions until none of the
    2**n - 2 violates the solution; the solver goes on from its last basis after each
    addition (a warm start), and the LPs stay a few hundred rows deep whatever n. The
    excesses of all coalitions come at once from subset sums, and whether a coalition is
    still free (outside the span of the fixed ones) from an integer basis of the span's
    orthogonal complement, exactly.

    Exactness: the programs are solved in floating point only to learn which coalitions
    are tight. The point is then computed exactly (Fractions) from efficiency and the
    tight coalitions' equations, which at the nucleolus have a unique solution, and
    certified exactly against every coalition: it must satisfy every stage's constraints
    with the fixed excesses, and for every stage a dual certificate (non-negative
    multipliers, rational) must prove the stage's minimum. Both linear systems are first
    guessed in floats (the determinant as the denominator) and checked in integers, and
    solved by fraction-free elimination when the check fails. If the certificate fails,
    :class:`NucleolusError` is raised; no floating-point value is ever returned.

    Cost: O(2**n) per generation round and per exact check, a few small LPs per stage.
    Measured on the issue's random games (benchmarks/nucleolus_peers.py, a shared 2-core
    machine): about 3.5 ms for 10 players, 7 ms for 14, 20 ms for 16 and 65 ms for 18,
    from a vector of worths (:meth:`TUGame.from_worths`), in three to five stages. A game
    whose LPs are degenerate can take up to n - 1 stages, each scanning the 2**n
    coalitions: v(S) = |S|**2 on 18 players takes 17 stages and about 0.3 s.

    References
    ----------
    .. [1] D. Schmeidler, "The nucleolus of a characteristic function game", SIAM Journal
       on Applied Mathematics 17(6) (1969), 1163-1170. https://doi.org/10.1137/0117107
    .. [2] A. Kopelowitz, "Computation of the kernels of simple games and the nucleolus of
       n-person games", Research Memorandum 31, Department of Mathematics, The Hebrew
       University of Jerusalem, 1967.
    .. [3] M. Maschler, B. Peleg and L. S. Shapley, "Geometric properties of the kernel,
       nucleolus and related solution concepts", Mathematics of Operations Research 4(4)
       (1979), 303-338. https://doi.org/10.1287/moor.4.4.303
    .. [4] R. J. Aumann and M. Maschler, "Game theoretic analysis of a bankruptcy problem
       from the Talmud", Journal of Economic Theory 36 (1985), 195-213.
       https://doi.org/10.1016/0022-0531(85)90102-4
    .. [5] Q. Huangfu and J. A. J. Hall, "Parallelizing the dual revised simplex method",
       Mathematical Programming Computation 10 (2018), 119-142.
       https://doi.org/10.1007/s12532-017-0130-5
    .. [6] M. Benedek, J. Fliege and T.-D. Nguyen, "Finding and verifying the nucleolus of
       cooperative games", Mathematical Programming 190 (2021), 135-170.
       https://doi.org/10.1007/s10107-020-01527-8

    Examples
    --------
    The Talmud's estate of 200 with claims 100, 200 and 300: the nucleolus of the
    bankruptcy game v(S) = max(0, E - claims of the others) is the Talmud's division [4]_.

    >>> import powerindex as pi
    >>> from powerindex.tu import TUGame, nucleolus
    >>> claims = {"a": 100, "b": 200, "c": 300}
    >>> estate = 200
    >>> def worth(s):
    ...     return max(0, estate - sum(c for p, c in claims.items() if p not in s))
    >>> nucleolus(TUGame(list(claims), worth)).to_dict()
    {'a': Fraction(50, 1), 'b': Fraction(75, 1), 'c': Fraction(75, 1)}
    """
    return as_tu(game, "nucleolus").nucleolus(max_players=max_players)


def prenucleolus(game, *, max_players=NUCLEOLUS_MAX_PLAYERS):
    """The prenucleolus: the pre-imputation that lexicographically minimises the excesses.

    As the nucleolus, but over all *pre-imputations* (x(N) = v(N), no lower bound on a
    player's share) [1]_. It always exists and is unique, lies in the least core and in
    the prekernel, and equals the nucleolus when the game is zero-monotonic (for
    instance superadditive) [2]_.

    Parameters
    ----------
    game : TUGame or Game
        A simple game is converted with :func:`to_tu_game`.
    max_players : int, optional
        Refuse games with more players (default 18), as for :func:`nucleolus`.

    Returns
    -------
    PowerIndexResult
        Index ``"prenucleolus"``, method ``"lp_sequence"``: exact Fractions summing to v(N).

    Raises
    ------
    GameTooLargeError
        More than ``max_players`` players.
    NucleolusError
        The floating-point LPs could not be turned into a certified exact point.
    InvalidTypeError
        Not a game.

    Notes
    -----
    The sequence of linear programs of :func:`nucleolus` without the players' lower
    bounds, solved in floating point to find the tight coalitions, then solved and
    certified exactly (primal feasibility and a dual certificate of every stage).

    References
    ----------
    .. [1] D. Schmeidler, "The nucleolus of a characteristic function game", SIAM Journal
       on Applied Mathematics 17(6) (1969), 1163-1170. https://doi.org/10.1137/0117107
    .. [2] M. Maschler, B. Peleg and L. S. Shapley, "Geometric properties of the kernel,
       nucleolus and related solution concepts", Mathematics of Operations Research 4(4)
       (1979), 303-338. https://doi.org/10.1287/moor.4.4.303

    Examples
    --------
    A game that is not zero-monotonic: alone, A is worth more than with B. The nucleolus
    gives A at least its 3; the prenucleolus splits the loss.

    >>> import powerindex as pi
    >>> game = pi.TUGame(["A", "B"], {("A",): 3, ("B",): 0, ("A", "B"): 1})
    >>> pi.prenucleolus(game).to_dict()
    {'A': Fraction(2, 1), 'B': Fraction(-1, 1)}
    """
    from ._nucleolus_lp import lexicographic_center

    game = as_tu(game, "prenucleolus")
    check_lp_size(game, "the prenucleolus", max_players)
    if game.n == 1:
        shares = [game._worth(1)]
    else:
        shares = lexicographic_center(game.players, game._ints, game._scale,
                                      pre=True)[0]
    return PowerIndexResult("prenucleolus", game, dict(zip(game.players, shares, strict=True)),
                            "lp_sequence")
