"""Legislative bargaining: the stationary equilibrium of Baron and Ferejohn (1989).

A dollar (a budget, the spoils of office) is divided by a simple game under a *closed
rule* with an infinite horizon. Each round nature *recognises* one player, with fixed
probabilities; the proposer offers a division; if a winning coalition accepts, the
division is enacted, otherwise a new round starts and the dollar shrinks by the discount
factor delta. In a stationary equilibrium every player j has a continuation value v_j
and accepts any offer of at least delta v_j (its *price*); a proposer buys the cheapest
set of partners that makes it win, pays each its price, keeps the rest, and mixes among
equally cheap sets so that the values are consistent. Payoffs are not power indices:
they depend on delta and, above all, on who gets to propose.

:func:`baron_ferejohn` computes the equilibrium exactly (Fractions) whenever its payoffs
are rational, and otherwise in floats (they are algebraic numbers in general, roots of
polynomial equations: see its Notes).

Examples
--------
Five equal legislators, simple majority, equal recognition: the proposer keeps
1 - delta (n - 1) / (2 n) and each of its two partners gets delta / n [BF]_.

>>> from fractions import Fraction
>>> import powerindex as pi
>>> g = pi.WeightedGame([1] * 5, 3)
>>> result = pi.baron_ferejohn(g, Fraction(9, 10))
>>> result["P1"], result.proposals["P1"]["P1"], result.prices["P2"]
(Fraction(1, 5), Fraction(16, 25), Fraction(9, 50))

References
----------
.. [BF] D. P. Baron and J. A. Ferejohn, "Bargaining in legislatures", American Political
   Science Review 83 (1989), 1181-1206. https://doi.org/10.2307/1961664
"""

from fractions import Fraction
from itertools import combinations, product

from .._numbers import simplest, to_probability
from ..errors import EquilibriumError, InvalidArgumentError, InvalidTypeError
from ..games.base import check_game, label
from ..indices.results import PowerIndexResult
from ..present.tables import Table
from . import _stationary
from ._classes import classes_of, partner_profiles
from .formation import seats_of

__all__ = ["baron_ferejohn", "BargainingResult", "recognition_shares"]


def recognition_shares(game, recognition=None):
    """Each player's probability of being recognised to propose in a round.

    Parameters
    ----------
    game : Game
    recognition : None, "seats", "equal" or mapping of player to probability, optional
        ``None``: seat shares (weight / total weight) when the game has weights (a
        WeightedGame, or a game restricted from one), else equal. ``"seats"``: seat
        shares (an error without weights). ``"equal"``: 1/n each. A mapping: the
        probabilities of the players it names, the others 0; they must sum to 1.

    Returns
    -------
    dict
        Player to Fraction, in player order.

    Raises
    ------
    InvalidArgumentError
        A probability outside [0, 1], probabilities not summing to 1, "seats" for a game
        without weights, or an unknown option.
    UnknownPlayerError
        A mapping names a non-player.

    Notes
    -----
    Recognition is the same in every round (the model is stationary); a player named
    first, before random recognition takes over, is :func:`baron_ferejohn`'s ``first``.
    Seat shares are Baron and Ferejohn's and Snyder, Ting and Ansolabehere's usual
    assumption [1]_, [2]_; payoffs depend strongly on it.

    References
    ----------
    .. [1] D. P. Baron and J. A. Ferejohn, "Bargaining in legislatures", American
       Political Science Review 83 (1989), 1181-1206. https://doi.org/10.2307/1961664
    .. [2] J. M. Snyder Jr., M. M. Ting and S. Ansolabehere, "Legislative bargaining
       under weighted voting", American Economic Review 95 (2005), 981-1004.
       https://doi.org/10.1257/0002828054825538

    Examples
    --------
    >>> import powerindex as pi
    >>> g = pi.WeightedGame([3, 2, 1], 4, players=["A", "B", "C"])
    >>> pi.recognition_shares(g)
    {'A': Fraction(1, 2), 'B': Fraction(1, 3), 'C': Fraction(1, 6)}
    >>> pi.recognition_shares(g, {"A": 1})["B"]
    Fraction(0, 1)
    """
    check_game(game, "recognition_shares")
    if recognition is None or (isinstance(recognition, str) and recognition == "seats"):
        seats, total = seats_of(game)
        if seats is not None and total:
            return {p: Fraction(seats[p]) / Fraction(total) for p in game.players}
        if recognition is not None:
            raise InvalidArgumentError(f"recognition='seats' needs seats (a WeightedGame);"
                                       f" this is a {type(game).__name__}")
        return {p: Fraction(1, game.n) for p in game.players}
    if isinstance(recognition, str):
        if recognition == "equal":
            return {p: Fraction(1, game.n) for p in game.players}
        raise InvalidArgumentError(
            f"unknown recognition {recognition!r}: give 'seats', 'equal' or a mapping of"
            " players to probabilities")
    if not callable(getattr(recognition, "items", None)):
        raise InvalidTypeError(
            "recognition must be 'seats', 'equal' or a mapping of players to"
            f" probabilities, got {type(recognition).__name__}")
    shares = dict.fromkeys(game.players, Fraction(0))
    for player, value in recognition.items():
        game._check_player(player)
        shares[player] = to_probability(
            value, f"the recognition probability of {label(player)!r}")
    total = sum(shares.values())
    if total != 1:
        raise InvalidArgumentError(
            f"recognition probabilities must sum to 1, they sum to {simplest(total)}")
    return shares


def baron_ferejohn(game, delta, recognition=None, *, first=None):
    """The stationary equilibrium of Baron-Ferejohn bargaining over a dollar.

    Every round one player is recognised (with the probabilities ``recognition``) and
    proposes a division of the dollar; it is enacted if a winning coalition accepts,
    otherwise the next round starts and the dollar is discounted by ``delta``. In the
    stationary equilibrium each player j accepts any offer of at least its *price*
    delta v_j, v_j its continuation value; a proposer i buys the cheapest set of partners
    C with C + i winning, pays each its price and keeps 1 - delta sum(v_j, j in C),
    mixing among equally cheap sets so that

        v_j = r_j (1 - delta m_j) + delta v_j t_j,

    m_j the cost of j's cheapest partners and t_j the probability that another proposer
    buys j [1]_. Agreement is immediate and the payoffs sum to 1.

    Parameters
    ----------
    game : Game
        Any simple game: a WeightedGame, a SimpleGame, a composition, a restricted game.
    delta : number in [0, 1)
        The discount factor (read exactly: 0.9 is 9/10).
    recognition : None, "seats", "equal" or mapping, optional
        The probability that each player proposes in a round, the same in every round
        (see :func:`recognition_shares`). Default: seat shares for weighted games, equal
        otherwise.
    first : player, optional
        A player recognised in the first round for certain, the later rounds following
        ``recognition``: a formateur named first under a largest-party rule. Its
        proposal is then enacted at once, so the payoffs are its proposal; the stationary
        values of the later rounds are ``result.continuation``. The formateur's payoff
        is unique; its partners' depend on which of its cheapest coalitions it picks
        (:meth:`BargainingResult.cheapest_coalitions`), here the mixture it uses in the
        stationary equilibrium. (A formateur recognised in *every* round is
        ``recognition={formateur: 1}``, who then takes the dollar.)

    Returns
    -------
    BargainingResult
        A read-only mapping of player to expected payoff (Fraction, or float when the
        equilibrium is irrational: ``result.exact``), with the proposals, prices,
        inclusion probabilities and coalitions of the equilibrium.

    Raises
    ------
    InvalidArgumentError
        ``delta`` outside [0, 1); recognition probabilities out of range or not summing
        to 1.
    UnknownPlayerError
        ``first`` or a player in ``recognition`` is not a player.
    GameTooLargeError
        More than about 21 players who are not interchangeable (the coalitions are
        enumerated by their numbers of members of each class of interchangeable
        players), or a game without weights of more than 26 players.
    EquilibriumError
        No equilibrium could be certified (not observed on the tests' thousands of
        games; please report the game).

    Notes
    -----
    *Equilibrium selection.* Stationary equilibrium payoffs are unique: for quota rules
    with any recognition probabilities (Eraslan 2002 [2]_) and for all simple games
    (Eraslan and McLennan 2013 [3]_). The proposers' mixtures are not: the one returned
    treats interchangeable players with equal recognition alike (a proposer mixes
    uniformly among coalitions with the same numbers of members of each class), never
    adds superfluous partners (even free ones), and is the basic (vertex) solution of the
    remaining linear conditions that favours coalitions with fewer partners (ties broken
    by a fixed generic order). Payoffs depend strongly on recognition: for any
    delta every division of the dollar is the equilibrium payoff of some recognition
    probabilities (Kalandrakis 2006 [4]_), so ``recognition`` is a modelling choice to
    state. With recognition proportional to weights that are "balanced" (every party in
    some minimum-weight winning coalition of a homogeneous representation), payoffs are
    proportional to the weights (Snyder, Ting and Ansolabehere 2005 [5]_; Montero 2017
    gives the exact condition [6]_).

    *Algorithm.* Players are grouped into classes of interchangeable players with equal
    recognition, and coalitions into profiles (members taken from each class). A
    logit-smoothed game is solved in floats by Newton's method while its temperature
    falls to 1e-10; the profiles within a tolerance of each class's cheapest give linear
    equations in the values (equal costs, the sum 1), and the remaining ones, if any,
    follow from equations of the consistency of the rates t_j solved by Newton's method
    in exact rational arithmetic to 1024 bits and read back as fractions. Exact values
    are then certified exactly: every class's cheapest profiles are recomputed in
    integers and mixtures satisfying every value equation are found exactly (an LP
    proposes their support, an exact simplex method decides otherwise). The floats only
    guide. The payoffs can be irrational -- in [115; 73, 98, 9, 33, 16] with seat-share
    recognition and delta = 9/10 the 9-seat party gets (5407 - sqrt(9199897)) / 31404 --
    and then are certified at 1024-bit precision and returned as floats
    (``result.exact`` is False).

    Cost: the profiles number prod(s_c + 1) over the class sizes s_c (2**n for n
    distinct players; at most 2**21), each class's minimal ones are scanned at every
    float step; a game of 15 distinct parties takes about a second.

    References
    ----------
    .. [1] D. P. Baron and J. A. Ferejohn, "Bargaining in legislatures", American
       Political Science Review 83 (1989), 1181-1206. https://doi.org/10.2307/1961664
    .. [2] H. Eraslan, "Uniqueness of stationary equilibrium payoffs in the
       Baron-Ferejohn model", Journal of Economic Theory 103 (2002), 11-30.
    .. [3] H. Eraslan and A. McLennan, "Uniqueness of stationary equilibrium payoffs in
       coalitional bargaining", Journal of Economic Theory 148 (2013), 2195-2222.
    .. [4] T. Kalandrakis, "Proposal rights and political power", American Journal of
       Political Science 50 (2006), 441-448.
       https://doi.org/10.1111/j.1540-5907.2006.00193.x
    .. [5] J. M. Snyder Jr., M. M. Ting and S. Ansolabehere, "Legislative bargaining
       under weighted voting", American Economic Review 95 (2005), 981-1004.
       https://doi.org/10.1257/0002828054825538
    .. [6] M. Montero, "Proportional payoffs in legislative bargaining with weighted
       voting: a characterization", Quarterly Journal of Political Science 12 (2017),
       325-346. https://doi.org/10.1561/100.00016019

    Examples
    --------
    An apex game: A (2 seats) wins with any one of B, C, D (1 seat each), who also win
    together. With recognition by seats each gets its seat share, whatever delta [5]_:

    >>> from fractions import Fraction
    >>> import powerindex as pi
    >>> apex = pi.WeightedGame([2, 1, 1, 1], 3, players=["A", "B", "C", "D"])
    >>> pi.baron_ferejohn(apex, Fraction(1, 2)).to_dict()
    {'A': Fraction(2, 5), 'B': Fraction(1, 5), 'C': Fraction(1, 5), 'D': Fraction(1, 5)}

    With equal recognition and a low delta the apex gets more (constructed example):

    >>> pi.baron_ferejohn(apex, Fraction(1, 2), "equal")["A"]
    Fraction(5, 14)

    If A is recognised first, it buys one small player at its price:

    >>> first = pi.baron_ferejohn(apex, Fraction(1, 2), first="A")
    >>> first["A"], first.prices["B"], first.inclusion["A"]["B"]
    (Fraction(9, 10), Fraction(1, 10), Fraction(1, 3))
    """
    check_game(game, "baron_ferejohn")
    delta = to_probability(delta, "the discount factor delta", below_one=True)
    shares = recognition_shares(game, recognition)
    if first is not None:
        game._check_player(first)
    rho = [shares[p] for p in game.players]
    classes = classes_of(game, rho)
    reduced = _stationary.Reduced(
        sizes=tuple(len(members) for members in classes),
        recognition=tuple(rho[members[0]] for members in classes),
        delta=delta, profiles=partner_profiles(game, classes))
    equilibrium = _stationary.solve(reduced)
    if equilibrium is None:
        raise EquilibriumError(
            f"no stationary equilibrium of {game!r} with delta={delta} could be certified;"
            " please report this game")
    return BargainingResult._build(game, delta, shares, first, classes, reduced, equilibrium)


def _expected_counts(reduced, equilibrium, c):
    """The expected number of partners of each class a proposer of class c takes."""
    zero = Fraction(0) if equilibrium.exact else 0.0
    counts = [zero] * reduced.m
    for k, probability in equilibrium.mixtures[c]:
        for d, taken in enumerate(reduced.profiles[c][k]):
            counts[d] += probability * int(taken)
    return counts


class BargainingResult(PowerIndexResult):
    """The stationary Baron-Ferejohn equilibrium: expected payoffs and how they arise.

    A read-only mapping of player to expected payoff (its :meth:`to_dict`), with:

    Attributes
    ----------
    delta : Fraction
    recognition : dict
        Player to the probability of proposing in a round.
    first : player or None
        The player recognised in the first round, if any.
    exact : bool
        True when every value is an exact Fraction; False when the equilibrium is
        irrational and the values are floats (correct to double precision).
    continuation : dict
        Player to its stationary value v (the payoff when nobody is recognised first).
    prices : dict
        Player to delta v: what a proposer must offer it for its vote.
    proposals : dict
        Proposer to {player: expected share} of its proposal (its own share what it
        keeps), in expectation over the coalitions it mixes among.
    inclusion : dict
        Proposer to {player: probability that the proposer includes it} (1 for itself).
    """

    __slots__ = ("_delta", "_recognition", "_first", "_exact", "_continuation",
                 "_proposals", "_inclusion", "_coalitions")

    @classmethod
    def _build(cls, game, delta, shares, first, classes, reduced, equilibrium):
        players = game.players
        class_of = {i: c for c, members in enumerate(classes) for i in members}
        values = {p: equilibrium.values[class_of[i]] for i, p in enumerate(players)}
        proposals, inclusion, coalitions = {}, {}, {}
        for i, proposer in enumerate(players):
            c = class_of[i]
            counts = _expected_counts(reduced, equilibrium, c)
            shares_of, included = {}, {}
            for j, player in enumerate(players):
                d = class_of[j]
                if j == i:
                    included[player] = Fraction(1) if equilibrium.exact else 1.0
                    continue
                included[player] = counts[d] / (reduced.sizes[d] - (c == d))
                shares_of[player] = delta * values[player] * included[player]
            shares_of[proposer] = 1 - sum(shares_of.values())
            proposals[proposer] = {p: shares_of[p] for p in players}
            inclusion[proposer] = included
            coalitions[proposer] = [(k, x) for k, x in equilibrium.mixtures[c]]
        payoffs = dict(values) if first is None else dict(proposals[first])
        result = cls("baron_ferejohn", game, payoffs,
                     "exact" if equilibrium.exact else "float")
        result._set(_delta=delta, _recognition=dict(shares), _first=first,
                    _exact=equilibrium.exact, _continuation=values, _proposals=proposals,
                    _inclusion=inclusion,
                    _coalitions=(classes, reduced.profiles, coalitions, equilibrium.ties))
        return result

    @property
    def title(self):
        who = "" if self._first is None else f", {label(self._first)} recognised first"
        return f"Baron-Ferejohn payoffs (delta = {self._delta}{who})"

    @property
    def delta(self):
        """The discount factor."""
        return self._delta

    @property
    def recognition(self):
        """Player to the probability of being recognised in a round."""
        return dict(self._recognition)

    @property
    def first(self):
        """The player recognised in the first round, or None."""
        return self._first

    @property
    def exact(self):
        """Whether the values are exact Fractions (False: irrational, floats)."""
        return self._exact

    @property
    def payoffs(self):
        """Player to expected payoff (the same as :meth:`to_dict`)."""
        return self.to_dict()

    @property
    def continuation(self):
        """Player to stationary value v_j."""
        return dict(self._continuation)

    @property
    def prices(self):
        """Player to delta v_j, the least offer it accepts."""
        return {p: self._delta * v for p, v in self._continuation.items()}

    @property
    def proposals(self):
        """Proposer to {player: expected share of its proposal}."""
        return {p: dict(shares) for p, shares in self._proposals.items()}

    @property
    def inclusion(self):
        """Proposer to {player: probability of being in its coalition}."""
        return {p: dict(included) for p, included in self._inclusion.items()}

    def coalitions(self, proposer):
        """The coalitions a proposer mixes among, with their probabilities.

        Parameters
        ----------
        proposer : player

        Returns
        -------
        list of (frozenset, probability)
            Each coalition includes the proposer; within a profile (numbers of members of
            each class of interchangeable players) the coalitions are equally likely.
            Listed in full: there can be many in games with large classes.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import powerindex as pi
        >>> g = pi.WeightedGame([1, 1, 1], 2, players=["A", "B", "C"])
        >>> sorted((sorted(c), p) for c, p in
        ...        pi.baron_ferejohn(g, Fraction(1, 2)).coalitions("A"))
        [(['A', 'B'], Fraction(1, 2)), (['A', 'C'], Fraction(1, 2))]
        """
        i, c = self._position_and_class(proposer)
        listed = []
        for k, probability in self._coalitions[2][proposer]:
            members = self._profile_coalitions(i, c, k)
            listed += [(coalition, probability / len(members)) for coalition in members]
        return listed

    def cheapest_coalitions(self, proposer):
        """Every coalition the proposer could pick: the cheapest ones, used or not.

        The proposer is indifferent among them; :meth:`coalitions` lists the mixture the
        equilibrium selects. When ``first`` is set, the first proposer's partners' payoffs
        depend on which of these it picks (its own payoff does not).

        Returns
        -------
        list of frozenset
            Each coalition includes the proposer, and no member can leave it with the
            proposer still winning.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import powerindex as pi
        >>> apex = pi.WeightedGame([2, 1, 1, 1], 3, players=["A", "B", "C", "D"])
        >>> sorted(sorted(c) for c in pi.baron_ferejohn(apex, Fraction(1, 2))
        ...        .cheapest_coalitions("B"))
        [['A', 'B'], ['B', 'C', 'D']]
        """
        i, c = self._position_and_class(proposer)
        return [coalition for k in self._coalitions[3][c]
                for coalition in self._profile_coalitions(i, c, k)]

    def _position_and_class(self, proposer):
        i = self._game._check_player(proposer)
        classes = self._coalitions[0]
        return i, next(c for c, members in enumerate(classes) if i in members)

    def _profile_coalitions(self, i, c, k):
        """The coalitions of proposer i (of class c) with partner profile k."""
        classes, profiles = self._coalitions[0], self._coalitions[1]
        pools = [[j for j in members if j != i] for members in classes]
        counts = [int(x) for x in profiles[c][k]]
        choices = [combinations(pool, count) for pool, count in zip(pools, counts,
                                                                     strict=True)]
        players = self._game.players
        return [frozenset(players[j] for j in {i, *(j for part in parts for j in part)})
                for parts in product(*choices)]

    def to_table(self):
        """A :class:`~powerindex.Table`: recognition, payoff, what each keeps when
        proposing, and its price."""
        rows = []
        for p in self._values:
            row = [p, self._recognition[p], self._values[p]]
            if self._first is not None:
                row.append(self._continuation[p])
            row += [self._proposals[p][p], self._delta * self._continuation[p]]
            rows.append(row)
        columns = ["player", "recognition", "payoff"]
        if self._first is not None:
            columns.append("continuation")
        columns += ["keeps as proposer", "price of its vote"]
        notes = () if self._exact else (
            "The equilibrium is irrational: values are floats, correct to double"
            " precision.",)
        return Table(columns, rows, title=f"{self.title} of {self._game!r}", notes=notes)

    def __str__(self):
        return str(self.to_table())
