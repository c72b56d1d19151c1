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
>>> from powerindex.unions import owen
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

from collections.abc import Iterable, Mapping
from fractions import Fraction
from math import factorial

import numpy as np

from ._engines import enumeration
from .errors import (
    InvalidMethodError,
    InvalidTypeError,
    InvalidUnionsError,
    UnknownPlayerError,
)
from .games import Game, _relabelled_game
from .results import PowerIndexResult

__all__ = ["owen", "banzhaf_owen", "quotient_game"]

METHODS = ("auto", "enumerate")

# Masks handled per numpy pass: bounds the temporary arrays to a few tens of megabytes.
_CHUNK = 1 << 20


# -- the partition ---------------------------------------------------------------------------
def _partition(game, unions):
    """Check ``unions`` against the players of ``game`` and complete it with singletons.

    Works with any object that has ``players`` (a simple game or a TU game).

    Returns
    -------
    list of (str, tuple of int)
        One ``(union name, member positions)`` per union: the unions given, in the order
        given (members in the order given; a set's in player order), then a singleton for
        every player named in no union, in player order.
    """
    if isinstance(unions, str | bytes):
        raise InvalidUnionsError(
            f"unions must be a list of lists of player names or a dict name -> members, got the"
            f" string {unions!r}; write [[{unions!r}, ...]] for a union"
        )
    if isinstance(unions, Mapping):
        items = []
        for name, members in unions.items():
            if not isinstance(name, str) or not name.strip():
                raise InvalidUnionsError(
                    f"a union's name must be a non-empty string, got {name!r}"
                )
            items.append((name, members, f"union {name!r}"))
    elif isinstance(unions, Iterable):
        items = [(None, members, f"union {number}")
                 for number, members in enumerate(unions, start=1)]
    else:
        raise InvalidUnionsError(
            "unions must be a list of lists of player names or a dict name -> members, got"
            f" {type(unions).__name__}"
        )

    position = {name: i for i, name in enumerate(game.players)}
    owner = {}  # player position -> description of the union that claimed it
    partition = []
    for name, members, label in items:
        if isinstance(members, str | bytes):
            raise InvalidUnionsError(
                f"{label} is the bare string {members!r}; a union is a list of player names:"
                f" write [{members!r}]"
            )
        if not isinstance(members, Iterable):
            raise InvalidUnionsError(
                f"{label} is {members!r} ({type(members).__name__}); a union is a list of player"
                " names"
            )
        if isinstance(members, set | frozenset):
            # a set has no order of its own: name its union in player order, reproducibly
            members = sorted(members, key=lambda m: position.get(m, len(position)))
        members = list(members)
        if not members:
            raise InvalidUnionsError(f"{label} is empty; a union needs at least one player")
        positions = []
        for member in members:
            try:
                i = position[member]
            except (KeyError, TypeError):
                raise UnknownPlayerError(
                    f"{label} names {member!r}, which is not a player of this game; players are"
                    f" {list(game.players)}"
                ) from None
            if i in positions:
                raise InvalidUnionsError(f"{label} names {member!r} twice")
            if i in owner:
                raise InvalidUnionsError(
                    f"player {member!r} is in two unions, {owner[i]} and {label} {members!r};"
                    " unions must not overlap"
                )
            positions.append(i)
        if name is None:
            name = "+".join(game.players[i] for i in positions)
        for i in positions:
            owner[i] = f"{label} {members!r}"
        partition.append((name, tuple(positions)))
    partition += [(player, (i,)) for i, player in enumerate(game.players) if i not in owner]

    seen = set()
    for name, _ in partition:
        if name in seen:
            raise InvalidUnionsError(
                f"two unions are named {name!r}; give the unions as a dict name -> members"
                " with distinct names"
            )
        seen.add(name)
    return partition


def _groups(game, unions, index):
    """Member positions of every union, after checking the game, the unions and the size."""
    if not isinstance(game, Game):
        raise InvalidTypeError(
            f"{index} needs a game (WeightedGame, SimpleGame, ...), got {type(game).__name__}"
        )
    groups = [members for _, members in _partition(game, unions)]
    enumeration.check_size(game.n)
    return groups


def _check_method(method, index):
    if method not in METHODS:
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
    method : {"auto", "enumerate"}, optional
        Enumeration of the coalitions is the only algorithm.

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
        A method other than ``"auto"`` or ``"enumerate"``.
    GameTooLargeError
        More than 26 players.

    Notes
    -----
    The Owen value is efficient (the values sum to 1), gives 0 to null players and equal
    values to symmetric members of the same union, and satisfies the *quotient game
    property*: the values of the members of a union add up to the Shapley-Shubik index of
    that union in :func:`quotient_game`. With every player alone, or with one union of
    everybody, it is the Shapley-Shubik index.

    Cost: O(2**(m + p_k - 2)) for each member of union k, at most O(n 2**n) time in all
    (n players, m unions), plus O(2**n) memory for the winning table.

    A TU game (an object with a method ``_owen_value``) is handed over whole:
    ``owen(tu_game, unions)`` returns ``tu_game._owen_value(unions)``.

    References
    ----------
    .. [1] G. Owen, "Values of games with a priori unions", in R. Henn and O. Moeschlin
       (eds.), Mathematical Economics and Game Theory, Lecture Notes in Economics and
       Mathematical Systems 141, Springer, 1977, 76-88.
    .. [2] J. M. Gimenez and M. A. Puente, "The Owen and the Owen-Banzhaf values applied
       to the study of the Madrid Assembly and the Andalusian Parliament in legislature
       2015-2019", ICORES 2019, SciTePress, 2019, Table 1.

    Examples
    --------
    The Madrid Assembly of 2015, [65; 48, 37, 27, 17], with the right-wing alliance of
    PP and C's as a union [2]_:

    >>> import powerindex as pi
    >>> from powerindex.unions import owen
    >>> madrid = pi.WeightedGame([48, 37, 27, 17], 65, players=["PP", "PSOE", "Podemos", "Cs"])
    >>> owen(madrid, [["PP", "Cs"]]).to_dict()
    {'PP': Fraction(2, 3), 'PSOE': Fraction(0, 1), 'Podemos': Fraction(0, 1), 'Cs': Fraction(1, 3)}
    >>> owen(madrid, {"left": ["PSOE", "Podemos", "Cs"]})["Cs"]
    Fraction(1, 3)
    """
    _check_method(method, "owen")
    if hasattr(game, "_owen_value"):
        return game._owen_value(unions)
    groups = _groups(game, unions, "owen")
    values = _owen_values(game._winning_table(), groups, game.n)
    return _result("owen", game, values, "enumerate")


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
    method : {"auto", "enumerate"}, optional
        Enumeration of the coalitions is the only algorithm.

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

    Cost as for :func:`owen`: at most O(n 2**n) time, O(2**n) memory.

    A TU game (an object with a method ``_banzhaf_owen_value``) is handed over whole:
    ``banzhaf_owen(tu_game, unions)`` returns ``tu_game._banzhaf_owen_value(unions)``.

    References
    ----------
    .. [1] G. Owen, "Modification of the Banzhaf-Coleman index for games with a priori
       unions", in M. J. Holler (ed.), Power, Voting and Voting Power, Physica-Verlag,
       1982, 232-238.
    .. [2] J. M. Gimenez and M. A. Puente, "The Owen and the Owen-Banzhaf values applied
       to the study of the Madrid Assembly and the Andalusian Parliament in legislature
       2015-2019", ICORES 2019, SciTePress, 2019, Table 1.

    Examples
    --------
    The Madrid Assembly of 2015 with the left-wing alliance as a union [2]_:

    >>> import powerindex as pi
    >>> from powerindex.unions import banzhaf_owen
    >>> madrid = pi.WeightedGame([48, 37, 27, 17], 65, players=["PP", "PSOE", "Podemos", "Cs"])
    >>> banzhaf_owen(madrid, [["PSOE", "Podemos", "Cs"]]).to_dict()
    {'PP': Fraction(0, 1), 'PSOE': Fraction(1, 4), 'Podemos': Fraction(1, 4), 'Cs': Fraction(1, 4)}
    >>> pi.banzhaf(madrid, normalized=False).to_dict()
    {'PP': Fraction(3, 4), 'PSOE': Fraction(1, 4), 'Podemos': Fraction(1, 4), 'Cs': Fraction(1, 4)}
    """
    _check_method(method, "banzhaf_owen")
    if hasattr(game, "_banzhaf_owen_value"):
        return game._banzhaf_owen_value(unions)
    groups = _groups(game, unions, "banzhaf_owen")
    values = _banzhaf_owen_values(game._winning_table(), groups, game.n)
    return _result("banzhaf_owen", game, values, "enumerate")


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
    >>> from powerindex.unions import owen, quotient_game
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
    if not isinstance(game, Game):
        raise InvalidTypeError(
            "quotient_game needs a simple game (WeightedGame, SimpleGame, ...), got"
            f" {type(game).__name__}"
        )
    partition = _partition(game, unions)
    return _relabelled_game(game, [name for name, _ in partition],
                            [members for _, members in partition])
