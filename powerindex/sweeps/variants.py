"""Scenario generators: every merger of two blocs, every seat shift, every graph variant.

Each returns an ordered ``dict`` from scenario name to game (or to
:class:`~powerindex.Scenario`, a game with a compatibility graph), ready for
:func:`~powerindex.sweep`.
"""

from fractions import Fraction
from itertools import combinations

from .._structures import check_graph, partition
from ..errors import GraphError, InvalidPlayerError, InvalidTypeError
from ..games.base import check_game
from ..games.weighted import WeightedGame
from ..politics.graphs import check_pairs, check_rule
from ..politics.leverage import Scenario
from ..politics.restriction import restrict

__all__ = ["pairwise_mergers", "seat_shifts", "graph_variants"]


def pairwise_mergers(game):
    """Every merger of two players into one bloc.

    Parameters
    ----------
    game : Game
        A :class:`~powerindex.WeightedGame` (the bloc's weight is the sum of the two) or a
        composition of them. A :class:`~powerindex.SimpleGame` merges too, but its
        mergers cannot be pickled, so :func:`sweep` refuses them.

    Returns
    -------
    dict of str to Game
        ``n (n - 1) / 2`` scenarios, one per pair of players in player order. The name of a
        scenario is the name of its bloc, ``"A+B"`` (see
        :meth:`~powerindex.WeightedGame.merge`), and the bloc takes A's place.

    Raises
    ------
    InvalidTypeError
        ``game`` is not a game.
    InvalidPlayerError
        The game has one player, or a bloc's name ``"A+B"`` is already taken by another
        player or by another merger (names that contain ``"+"`` themselves).

    Notes
    -----
    Cost: n (n - 1) / 2 merges of O(n) each.

    Examples
    --------
    >>> import powerindex as pi
    >>> from powerindex.sweeps import pairwise_mergers
    >>> g = pi.WeightedGame([3, 2, 2], 4, players=["A", "B", "C"])
    >>> pairwise_mergers(g)
    {'A+B': <WeightedGame [4; 5, 2]>, 'A+C': <WeightedGame [4; 5, 2]>,
     'B+C': <WeightedGame [4; 3, 4]>}
    >>> pairwise_mergers(g)["A+C"].players
    ('A+C', 'B')
    """
    check_game(game, "pairwise_mergers")
    if game.n < 2:
        raise InvalidPlayerError(f"a merger needs two players; the game has only {game.players}")
    scenarios = {}
    for i, first in enumerate(game.players):
        for second in game.players[i + 1:]:
            name = f"{first}+{second}"
            if name in scenarios or name in game.players:
                taken = "another merger" if name in scenarios else "a player"
                raise InvalidPlayerError(
                    f"the merger of {first!r} and {second!r} would be called {name!r}, like"
                    f" {taken}; rename the players whose names contain '+'"
                )
            scenarios[name] = game.merge([first, second], name=name)
    return scenarios


def seat_shifts(game, max_seats=1):
    """Every transfer of 1 to ``max_seats`` seats from one party to another.

    An election's uncertainty -- the last seats of a count, a recount, a court ruling --
    moves a few seats between parties. Each scenario moves ``s`` seats (units of weight)
    from party A to party B and keeps the quota, so the total weight is unchanged.

    Parameters
    ----------
    game : WeightedGame
    max_seats : int, optional
        The largest transfer, at least 1 (default 1).

    Returns
    -------
    dict of str to WeightedGame
        One scenario per transfer ``(s, A, B)`` with A != B and A holding at least ``s``
        seats: first every 1-seat transfer, then every 2-seat one, and so on, each in
        player order of A then B. A scenario is named ``"A -> B (s seats)"``. For n parties
        holding at least ``max_seats`` seats each there are ``max_seats n (n - 1)``.

    Raises
    ------
    InvalidTypeError
        ``game`` is not a WeightedGame, or ``max_seats`` is not a positive int.

    Notes
    -----
    Cost: O(max_seats n^2) games of O(n) each. To study other seat vectors (from a list of
    projections, say), build the games directly:
    ``{name: pi.WeightedGame(seats, game.quota, game.players) for name, seats in ...}``.

    Examples
    --------
    >>> import powerindex as pi
    >>> from powerindex.sweeps import seat_shifts
    >>> g = pi.WeightedGame([3, 2, 1], 4, players=["A", "B", "C"])
    >>> shifts = seat_shifts(g, max_seats=2)
    >>> len(shifts)
    10
    >>> list(shifts)[:3]
    ['A -> B (1 seat)', 'A -> C (1 seat)', 'B -> A (1 seat)']
    >>> shifts["B -> C (2 seats)"]
    <WeightedGame [4; 3, 0, 3]>
    """
    if not isinstance(game, WeightedGame):
        raise InvalidTypeError(
            f"seat_shifts needs a WeightedGame (seats to move), got {type(game).__name__}"
        )
    if isinstance(max_seats, bool) or not isinstance(max_seats, int) or max_seats < 1:
        raise InvalidTypeError(f"max_seats must be a positive int, got {max_seats!r}")
    weights = [Fraction(w) for w in game.weights]
    scenarios = {}
    for seats in range(1, max_seats + 1):
        unit = "seat" if seats == 1 else "seats"
        for a, giver in enumerate(game.players):
            if weights[a] < seats:
                continue
            for b, taker in enumerate(game.players):
                if b == a:
                    continue
                shifted = list(weights)
                shifted[a] -= seats
                shifted[b] += seats
                scenarios[f"{giver} -> {taker} ({seats} {unit})"] = WeightedGame(
                    [_simplest(w) for w in shifted], game.quota, game.players)
    return scenarios


def _simplest(value):
    return value.numerator if value.denominator == 1 else value


def graph_variants(game, base_graph, disputed_edges, *, rule="clique", unions=None,
                   skip_infeasible=True):
    """Every compatibility graph on a set of disputed edges: 2**d scenarios for d edges.

    When analysts disagree on whether some pairs of parties can govern together, each
    disputed pair may be an edge or not. The variants keep the undisputed part of
    ``base_graph`` and take every subset of the disputed edges.

    Parameters
    ----------
    game : Game
    base_graph : networkx.Graph
        The compatibility graph on the players (see :func:`~powerindex.restrict`). Whether
        it contains a disputed edge does not matter: each variant decides. Not modified.
    disputed_edges : iterable of pairs of str
        Distinct pairs of players.
    rule : {"connected", "clique"}, optional
    unions : list of lists of str, or dict, optional
        A priori unions, the same in every scenario.
    skip_infeasible : bool, optional
        Leave out the variants under which no winning coalition can form (where
        :func:`~powerindex.restrict` raises GraphError); default True. With False, every
        variant is returned and :func:`sweep` raises GraphError, naming the scenario, at
        the first infeasible one.

    Returns
    -------
    dict of str to Scenario
        ``Scenario(game, graph, unions, rule)`` for each subset of the disputed edges, by
        increasing number of edges, then in the order of ``disputed_edges``. A scenario is
        named by its disputed edges present, ``"A/B, C/D"``, or ``"none"``.

    Raises
    ------
    GraphError
        ``base_graph`` does not fit the game (see :func:`~powerindex.restrict`), or a pair
        is listed twice or joins a player to itself.
    UnknownPlayerError
        A disputed pair or a union names a non-player.
    InvalidMethodError
        Unknown ``rule``.
    InvalidUnionsError
        ``unions`` overlap or are malformed.

    Notes
    -----
    Cost: 2**d graph copies of O(n + m), plus with ``skip_infeasible`` one feasibility test
    (the components or cliques of the grand coalition) per variant. The restriction itself
    is left to the workers of :func:`sweep`.

    References
    ----------
    .. [1] R. B. Myerson, "Graphs and cooperation in games", Mathematics of Operations
       Research 2(3) (1977), 225-229. https://doi.org/10.1287/moor.2.3.225

    Examples
    --------
    A and C refuse each other; whether B can sit with A, and with C, is disputed:

    >>> import networkx as nx
    >>> import powerindex as pi
    >>> from powerindex.sweeps import graph_variants
    >>> g = pi.WeightedGame([2, 2, 2], 4, players=["A", "B", "C"])
    >>> base = nx.empty_graph(["A", "B", "C"])
    >>> variants = graph_variants(g, base, [("A", "B"), ("B", "C")])
    >>> list(variants)
    ['A/B', 'B/C', 'A/B, B/C']
    >>> sorted(variants["A/B, B/C"].graph.edges())
    [('A', 'B'), ('B', 'C')]

    Without either edge nobody can govern, so that variant is left out unless asked for:

    >>> len(graph_variants(g, base, [("A", "B"), ("B", "C")], skip_infeasible=False))
    4
    """
    check_game(game, "graph_variants")
    check_rule(rule, "graph_variants")
    check_graph(game.players, base_graph)
    pairs = check_pairs(game.players, disputed_edges, "disputed_edges")
    seen = set()
    for pair in pairs:
        if frozenset(pair) in seen:
            raise GraphError(f"the disputed edge {pair!r} is listed twice")
        seen.add(frozenset(pair))
    if unions is not None:
        partition(game, unions)
    base = base_graph.copy()
    base.remove_edges_from(pairs)
    scenarios = {}
    for size in range(len(pairs) + 1):
        for chosen in combinations(pairs, size):
            graph = base.copy()
            graph.add_edges_from(chosen)
            if skip_infeasible:
                try:
                    restrict(game, graph, rule=rule)
                except GraphError:
                    continue
            name = ", ".join(f"{u}/{v}" for u, v in chosen) or "none"
            scenarios[name] = Scenario(game, graph, unions, rule)
    return scenarios
