"""A priori unions: the Owen and Banzhaf-Owen values, and the quotient game.

An *a priori union structure* is a partition of the players into *unions*: groups that
have agreed to bargain together -- a pre-electoral alliance, a parliamentary bloc. The
members of a union keep their identities (each still casts its own votes and is still
valued on its own), but the union negotiates with the rest of the chamber as one party.

Owen's value [1]_ models this with two levels of bargaining: the unions play the
*quotient game* among themselves (a set of unions wins when the union of their members
wins), and what a union gets there is shared among its members by the same rule inside
the union. In terms of orderings: players arrive one at a time, but only in the orders
in which the members of every union arrive one after another. With the Shapley value at
both levels this is the Owen value (:func:`owen`); with the Banzhaf value at both levels,
the Banzhaf-Owen value (:func:`banzhaf_owen`) [2]_. :func:`quotient_game` builds the game
among the unions.

For a weighted game both values are counted by generating functions, exactly and for any
number of players (:mod:`powerindex._engines.unions`); other simple games are enumerated,
up to 26 players.

Unions are given either as a list of lists of player names, each union then being named
by its members joined with ``"+"``, or as a dict from union name to list of members.
Players named in no union are unions of their own (singletons).

A union is not a merger. :meth:`~powerindex.WeightedGame.merge` replaces the members by
one new player; a union keeps the members as players and divides the union's power among
them by what each contributes. The union as a whole holds exactly what the merged bloc
holds (with the other players alone, the merged game is the quotient game), but only the
union shows how that power splits. In the Iraqi Council of Representatives of 2010 (163
of 325 seats needed), with the State of Law coalition (SoL) and the Iraqi National
Alliance (INA) merged or in a union:

>>> import powerindex as pi
>>> from powerindex.politics.unions import owen
>>> iraq = pi.WeightedGame([91, 89, 70, 57, 18], 163,
...                        players=["Iraqiya", "SoL", "INA", "Kurds", "Small"])
>>> pi.shapley_shubik(iraq).to_dict()
{'Iraqiya': Fraction(3, 10), 'SoL': Fraction(3, 10), 'INA': Fraction(2, 15),
 'Kurds': Fraction(2, 15), 'Small': Fraction(2, 15)}
>>> pi.shapley_shubik(iraq.merge(["SoL", "INA"], name="NA")).to_dict()
{'Iraqiya': Fraction(1, 6), 'NA': Fraction(1, 2), 'Kurds': Fraction(1, 6), 'Small': Fraction(1, 6)}
>>> owen(iraq, [["SoL", "INA"]]).to_dict()
{'Iraqiya': Fraction(1, 6), 'SoL': Fraction(1, 3), 'INA': Fraction(1, 6),
 'Kurds': Fraction(1, 6), 'Small': Fraction(1, 6)}

The bloc's 1/2 splits 1/3 to SoL and 1/6 to INA: with Iraqiya alone on its side SoL
completes a majority (89 + 91 = 180) and INA does not (70 + 91 = 161), as it does not
with the Kurds and the small parties (70 + 57 + 18 = 145, where SoL makes 164).

References
----------
.. [1] G. Owen, "Values of games with a priori unions", in R. Henn and O. Moeschlin
   (eds.), Mathematical Economics and Game Theory, Lecture Notes in Economics and
   Mathematical Systems 141, Springer, 1977, 76-88.
.. [2] G. Owen, "Modification of the Banzhaf-Coleman index for games with a priori
   unions", in M. J. Holler (ed.), Power, Voting and Voting Power, Physica-Verlag, 1982,
   232-238.
"""

from fractions import Fraction
from math import factorial

import numpy as np

from .._engines import enumeration
from .._engines import unions as union_engine
from .._engines.dispatch import ENUMERATE_BELOW
from .._engines.plans import WeightThreshold
from .._structures import partition
from ..errors import GameTooLargeError, InvalidMethodError
from ..games.base import check_game
from ..games.simple import grouped_game
from ..indices.results import PowerIndexResult
from ..tu.game import TUGame

__all__ = ["owen", "banzhaf_owen", "quotient_game"]

METHODS = ("auto", "generating", "enumerate")

# Masks handled per numpy pass: bounds the temporary arrays to a few tens of megabytes.
_CHUNK = 1 << 20


# -- checks ------------------------------------------------------------------------------------
def _groups(game, unions, index):
    """Member positions of every union, after checking the game and the unions."""
    check_game(game, index)
    return [members for _, members in partition(game, unions)]


def _resolve(game, groups, method, index):
    """``"generating"`` or ``"enumerate"``: the method asked for, checked, or the default.

    Under ``"auto"`` a weighted game is counted by generating functions unless it has few
    players and weights so large that visiting its 2**n coalitions is cheaper, or its
    tables would pass the engine's limit (then it is enumerated if it has at most 26
    players, and refused otherwise).
    """
    plan = game.counting_plan()
    if method == "generating" and not isinstance(plan, WeightThreshold):
        raise InvalidMethodError(
            f"method 'generating' needs a WeightedGame, but this is a {type(game).__name__};"
            " use method='enumerate' or 'auto'"
        )
    if isinstance(plan, WeightThreshold) and method != "enumerate":
        cells, limit = union_engine.table_cells(plan.weights, plan.quota, groups,
                                                index == "owen")
        small = game.n <= enumeration.MAX_PLAYERS
        if method == "auto" and game.n <= ENUMERATE_BELOW and cells > max(game.n << game.n,
                                                                          1 << 20):
            return "enumerate"
        if cells <= limit:
            return "generating"
        if method == "generating" or not small:
            raise GameTooLargeError(
                f"{index} by generating functions would need tables of {cells} words for"
                f" this game, more than the {limit} they may take (half the memory available"
                " now): too many unions with weights too large in integer units"
                + ("; use method='enumerate' for up to 26 players"
                   if method == "generating" and small else "")
            )
    enumeration.check_size(game.n)
    return "enumerate"


def _check_method(method, index):
    if not isinstance(method, str) or method not in METHODS:
        raise InvalidMethodError(
            f"unknown method {method!r} for {index}; choose one of {', '.join(METHODS)}"
        )


# -- the engine ------------------------------------------------------------------------------
def _swings_by_levels(table, groups):
    """Swings of every player, counted by the two levels of the union structure.

    For player i in union k (of m unions; union k has p members), ``counts[i][r, t]`` is
    the number of pairs (R, T), R a set of r unions other than k and T a set of t members
    of k other than i, at which i swings: Q_R + T loses and Q_R + T + i wins (Q_R the
    members of the unions in R).

    Every such coalition is ``outer | inner``: ``outer`` ranges over the 2**(m-1) masks
    Q_R and ``inner`` over the 2**(p-1) masks T, so one broadcast ``|`` lists them all and
    a bincount of ``r * p + t`` over the swings tallies them. Cost O(2**(m+p-2)) per player
    in union k, at most O(n 2**n) in all.
    """
    m = len(groups)
    bits = [sum(1 << i for i in group) for group in groups]
    counts = {}
    for k, group in enumerate(groups):
        outer = enumeration.mask_map(bits[:k] + bits[k + 1:])
        outer_sizes = enumeration.popcounts(m - 1).astype(np.int64)
        p = len(group)
        for i in group:
            inner = enumeration.mask_map([1 << j for j in group if j != i])
            inner_sizes = enumeration.popcounts(p - 1).astype(np.int64)
            tally = np.zeros(m * p, dtype=np.int64)
            rows = max(1, _CHUNK // len(inner))
            for start in range(0, len(outer), rows):
                coalitions = outer[start:start + rows, None] | inner[None, :]
                swing = table[coalitions | (1 << i)] & ~table[coalitions]
                key = outer_sizes[start:start + rows, None] * p + inner_sizes[None, :]
                tally += np.bincount(key[swing], minlength=m * p)
            counts[i] = tally.reshape(m, p)
    return counts


def _shapley_weights(size):
    """``w[s] = s! (size - s - 1)! / size!``: the Shapley weight of a coalition of s others."""
    return [factorial(s) * factorial(size - s - 1) for s in range(size)], factorial(size)


def _owen_values(table, groups, n):
    counts = _swings_by_levels(table, groups)
    m = len(groups)
    outer_weights, outer_total = _shapley_weights(m)
    values = [Fraction(0)] * n
    for group in groups:
        inner_weights, inner_total = _shapley_weights(len(group))
        for i in group:
            numerator = sum(
                int(c) * outer_weights[r] * inner_weights[t]
                for (r, t), c in np.ndenumerate(counts[i]) if c
            )
            values[i] = Fraction(numerator, outer_total * inner_total)
    return values


def _banzhaf_owen_values(table, groups, n):
    counts = _swings_by_levels(table, groups)
    m = len(groups)
    values = [Fraction(0)] * n
    for group in groups:
        for i in group:
            values[i] = Fraction(int(counts[i].sum()), 2 ** (m - 1 + len(group) - 1))
    return values


def _result(index, game, values, method):
    return PowerIndexResult(index, game, dict(zip(game.players, values, strict=True)), method)


def _union_result(game, unions, method, index):
    groups = _groups(game, unions, index)
    method = _resolve(game, groups, method, index)
    if method == "generating":
        plan = game.counting_plan()
        values = union_engine.union_values(plan.weights, plan.quota, groups, index == "owen")
    elif index == "owen":
        values = _owen_values(game.counting_plan().winning_table(), groups, game.n)
    else:
        values = _banzhaf_owen_values(game.counting_plan().winning_table(), groups, game.n)
    return _result(index, game, values, method)


# -- public functions ------------------------------------------------------------------------
def owen(game, unions, *, method="auto"):
    """Owen value: the Shapley-Shubik index of a game whose players bargain in unions.

    Players arrive in a random order, all orders being equally likely among those in
    which the members of each union arrive together (consecutively); the value of i is
    the probability that i is the pivot. Equivalently, for player i in union k, with m
    unions and p_k members in union k::

        Owen_i = sum over R subset of the other unions, T subset of P_k - {i}, of
                 r! (m-r-1)! / m!  *  t! (p_k-t-1)! / p_k!  *  (v(Q_R + T + i) - v(Q_R + T))

    where r = |R|, t = |T| and Q_R is the set of the members of the unions in R [1]_.

    Parameters
    ----------
    game : Game
        Any simple game; or a TU game (see Notes).
    unions : list of lists of str, or dict of str to list of str
        The a priori unions: disjoint, non-empty lists of player names. As a list, each
        union is named by its members joined with ``"+"``; as a dict, by its key. Players
        in no union are unions of one. A union of one player is allowed.
    method : {"auto", "generating", "enumerate"}, optional
        ``"generating"``: generating functions, for weighted games (any number of
        players; exact). ``"enumerate"``: all coalitions, for any simple game of up to 26
        players. ``"auto"`` (default) takes generating functions for a weighted game and
        enumerates other games, or a weighted game of few players with weights so large
        that visiting its coalitions is cheaper.

    Returns
    -------
    PowerIndexResult
        Exact Fractions (index ``"owen"``), one per player, summing to 1.

    Raises
    ------
    InvalidUnionsError
        Unions that overlap, an empty union, a union given as a bare string (``"SoL"``
        instead of ``["SoL"]``), a player named twice, or two unions with the same name.
    UnknownPlayerError
        A union names someone who is not a player.
    InvalidMethodError
        An unknown method, or ``"generating"`` for a game without weights.
    GameTooLargeError
        Enumeration of more than 26 players, or generating functions whose largest table
        would take more than half the memory available (tables of 2**26 words, 512 MiB,
        are always allowed).

    Notes
    -----
    The Owen value is efficient (the values sum to 1), gives 0 to null players and equal
    values to symmetric members of the same union, and satisfies the *quotient game
    property*: the values of the members of a union add up to the Shapley-Shubik index of
    that union in :func:`quotient_game`. With every player alone, or with one union of
    everybody, it is the Shapley-Shubik index.

    Cost by generating functions [3]_ [4]_, for integer weights with quota q (after
    dividing out their common divisor), m unions and U_k the weight of union k: the
    product over the unions by size and weight, O(m^2 q) word additions and O(m q) words;
    per union, its quotient and the product over its p_k members, O(m q + p_k^2 U_k); per
    member, O(p_k U_k) exact integer operations. By enumeration: O(2**(m + p_k - 2)) for
    each member of union k, at most O(n 2**n) time in all (n players), plus O(2**n) memory
    for the winning table.

    A :class:`~powerindex.TUGame` gets the Owen value of its worths (the same formula
    with v(S) in place of win or lose).

    References
    ----------
    .. [1] G. Owen, "Values of games with a priori unions", in R. Henn and O. Moeschlin
       (eds.), Mathematical Economics and Game Theory, Lecture Notes in Economics and
       Mathematical Systems 141, Springer, 1977, 76-88.
    .. [2] J. M. Gimenez and M. A. Puente, "The Owen and the Owen-Banzhaf values applied
       to the study of the Madrid Assembly and the Andalusian Parliament in legislature
       2015-2019", ICORES 2019, SciTePress, 2019, Table 1.
    .. [3] J. M. Alonso-Meijide and C. Bowles, "Generating functions for coalitional
       power indices: an application to the IMF", Annals of Operations Research 137
       (2005), 21-44. https://doi.org/10.1007/s10479-005-2244-z
    .. [4] J. Staudacher, F. Wagner and J. Filipp, "Dynamic programming for computing
       power indices for weighted voting games with precoalitions", Games 13(1) (2022), 6.
       https://doi.org/10.3390/g13010006

    Examples
    --------
    The Madrid Assembly of 2015, [65; 48, 37, 27, 17], with the right-wing alliance of
    PP and C's as a union [2]_:

    >>> import powerindex as pi
    >>> from powerindex.politics.unions import owen
    >>> madrid = pi.WeightedGame([48, 37, 27, 17], 65, players=["PP", "PSOE", "Podemos", "Cs"])
    >>> owen(madrid, [["PP", "Cs"]]).to_dict()
    {'PP': Fraction(2, 3), 'PSOE': Fraction(0, 1), 'Podemos': Fraction(0, 1), 'Cs': Fraction(1, 3)}
    >>> owen(madrid, {"left": ["PSOE", "Podemos", "Cs"]})["Cs"]
    Fraction(1, 3)

    A chamber of 101 members, 51 needed, two parties of 40 and 50 members voting as unions
    and 11 independents: far beyond enumeration, exact by generating functions.

    >>> chamber = pi.WeightedGame([1] * 101, 51)
    >>> values = owen(chamber, {"left": chamber.players[:40], "right": chamber.players[40:90]})
    >>> values.method, sum(values.values())
    ('generating', Fraction(1, 1))
    >>> values["P1"], values["P41"], values["P101"]
    (Fraction(1, 3120), Fraction(11, 650), Fraction(1, 78))
    """
    _check_method(method, "owen")
    if isinstance(game, TUGame):
        return game.union_value(unions, "owen")
    return _union_result(game, unions, method, "owen")


def banzhaf_owen(game, unions, *, method="auto"):
    """Banzhaf-Owen value: the Banzhaf measure of a game whose players bargain in unions.

    Owen's modification of the Banzhaf-Coleman index [1]_: the absolute Banzhaf measure is
    applied at both levels, between unions and inside each union. For player i in union
    k, with m unions and p_k members in union k::

        BO_i = 1 / 2**(m-1) * 1 / 2**(p_k-1) * (number of pairs (R, T) at which i swings)

    R ranging over the sets of other unions, T over the sets of other members of union
    k, and i swinging when Q_R + T loses and Q_R + T + i wins (Q_R the members of the
    unions in R). It is the probability that i is decisive when each other union votes
    yes or no as a bloc with probability 1/2 and each other member of i's union votes yes
    or no with probability 1/2.

    Parameters
    ----------
    game : Game
        Any simple game; or a TU game (see Notes).
    unions : list of lists of str, or dict of str to list of str
        As for :func:`owen`.
    method : {"auto", "generating", "enumerate"}, optional
        ``"generating"``: generating functions, for weighted games (any number of
        players; exact). ``"enumerate"``: all coalitions, for any simple game of up to 26
        players. ``"auto"`` (default) takes generating functions for a weighted game and
        enumerates other games, or a weighted game of few players with weights so large
        that visiting its coalitions is cheaper.

    Returns
    -------
    PowerIndexResult
        Exact Fractions (index ``"banzhaf_owen"``), one per player. Like the absolute
        Banzhaf measure they need not sum to 1.

    Raises
    ------
    InvalidUnionsError, UnknownPlayerError, InvalidMethodError, GameTooLargeError
        As for :func:`owen`.

    Notes
    -----
    For both trivial union structures the value is the absolute (Penrose) Banzhaf
    measure swings_i / 2**(n-1): with every player alone m = n and p_k = 1, with one union
    of everybody m = 1 and p_k = n, and in both cases the count runs over all 2**(n-1)
    coalitions of the others. Null players get 0 and symmetric members of a union get
    equal values; unlike the Owen value, the members' values need not add up to the
    union's Banzhaf measure in the quotient game.

    Cost as for :func:`owen`, with the product over the unions by weight only: O(m q)
    word additions and O(q) words [3]_ [4]_.

    A :class:`~powerindex.TUGame` gets the Banzhaf-Owen value of its worths.

    References
    ----------
    .. [1] G. Owen, "Modification of the Banzhaf-Coleman index for games with a priori
       unions", in M. J. Holler (ed.), Power, Voting and Voting Power, Physica-Verlag,
       1982, 232-238.
    .. [2] J. M. Gimenez and M. A. Puente, "The Owen and the Owen-Banzhaf values applied
       to the study of the Madrid Assembly and the Andalusian Parliament in legislature
       2015-2019", ICORES 2019, SciTePress, 2019, Table 1.
    .. [3] J. M. Alonso-Meijide and C. Bowles, "Generating functions for coalitional
       power indices: an application to the IMF", Annals of Operations Research 137
       (2005), 21-44. https://doi.org/10.1007/s10479-005-2244-z
    .. [4] J. Staudacher, F. Wagner and J. Filipp, "Dynamic programming for computing
       power indices for weighted voting games with precoalitions", Games 13(1) (2022), 6.
       https://doi.org/10.3390/g13010006

    Examples
    --------
    The Madrid Assembly of 2015 with the left-wing alliance as a union [2]_:

    >>> import powerindex as pi
    >>> from powerindex.politics.unions import banzhaf_owen
    >>> madrid = pi.WeightedGame([48, 37, 27, 17], 65, players=["PP", "PSOE", "Podemos", "Cs"])
    >>> banzhaf_owen(madrid, [["PSOE", "Podemos", "Cs"]]).to_dict()
    {'PP': Fraction(0, 1), 'PSOE': Fraction(1, 4), 'Podemos': Fraction(1, 4), 'Cs': Fraction(1, 4)}
    >>> pi.banzhaf(madrid, normalized=False).to_dict()
    {'PP': Fraction(3, 4), 'PSOE': Fraction(1, 4), 'Podemos': Fraction(1, 4), 'Cs': Fraction(1, 4)}
    """
    _check_method(method, "banzhaf_owen")
    if isinstance(game, TUGame):
        return game.union_value(unions, "banzhaf_owen")
    return _union_result(game, unions, method, "banzhaf_owen")


def quotient_game(game, unions):
    """The game among the unions: a set of unions wins when all their members together win.

    Parameters
    ----------
    game : Game
    unions : list of lists of str, or dict of str to list of str
        As for :func:`owen`.

    Returns
    -------
    SimpleGame
        Its players are the union names: the unions given, in the order given, then the
        players named in no union, each a union of its own under its own name, in player
        order.

    Raises
    ------
    InvalidUnionsError, UnknownPlayerError
        As for :func:`owen`.
    InvalidTypeError
        ``game`` is not a simple game.

    Notes
    -----
    Building the game costs O(n); a coalition's outcome costs what it costs in ``game``,
    and the quotient game's winning table, O(m 2**m) for m unions, is read off the
    original's (O(n 2**n), up to 26 players).

    Examples
    --------
    >>> import powerindex as pi
    >>> iraq = pi.WeightedGame([91, 89, 70, 57, 18], 163,
    ...                        players=["Iraqiya", "SoL", "INA", "Kurds", "Small"])
    >>> from powerindex.politics.unions import owen, quotient_game
    >>> q = quotient_game(iraq, {"NA": ["SoL", "INA"]})
    >>> q.players
    ('NA', 'Iraqiya', 'Kurds', 'Small')
    >>> q.is_winning({"NA", "Small"}), q.is_winning({"Iraqiya", "Kurds", "Small"})
    (True, True)
    >>> pi.shapley_shubik(q)["NA"]
    Fraction(1, 2)
    >>> values = owen(iraq, {"NA": ["SoL", "INA"]})
    >>> values["SoL"] + values["INA"]
    Fraction(1, 2)
    """
    check_game(game, "quotient_game")
    unions = partition(game, unions)
    return grouped_game(game, [name for name, _ in unions], [members for _, members in unions])
