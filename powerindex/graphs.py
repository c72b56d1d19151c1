"""Coalitions that can actually form: compatibility graphs and the Myerson value.

In coalition politics not every winning coalition is feasible: some parties will not sit
together. A *compatibility graph* (a :class:`networkx.Graph` whose nodes are the players,
an edge joining two players who can cooperate) states which coalitions can form, under
one of two rules:

* ``"connected"`` -- Myerson's communication games [1]_: a coalition acts through the
  connected components of the graph it induces, so it wins when one of its components
  wins. Players may cooperate through intermediaries.
* ``"clique"`` -- every pair in the forming coalition must be compatible: a coalition
  wins when it contains a winning clique of the graph.

:func:`restrict` turns a game and a graph into the *restricted game*, a
:class:`~powerindex.SimpleGame` like any other, so every index applies to it.
:func:`myerson` gives the Myerson value, the Shapley value of the communication game.
:func:`compatibility_graph` builds the graph from the compatible pairs or, as analysts
usually state it, from the incompatible ones.

References
----------
.. [1] R. B. Myerson, "Graphs and cooperation in games", Mathematics of Operations
   Research 2(3) (1977), 225-229. https://doi.org/10.1287/moor.2.3.225

Examples
--------
Three parties, two seats each, four needed; A and C refuse to govern together:

>>> import powerindex as pi
>>> from powerindex.graphs import compatibility_graph, restrict
>>> g = pi.WeightedGame([2, 2, 2], 4, players=["A", "B", "C"])
>>> graph = compatibility_graph(g, incompatible=[("A", "C")])
>>> sorted(graph.edges())
[('A', 'B'), ('B', 'C')]
>>> pi.shapley_shubik(restrict(g, graph, rule="clique")).to_dict()
{'A': Fraction(1, 6), 'B': Fraction(2, 3), 'C': Fraction(1, 6)}
"""

from collections.abc import Iterable
from fractions import Fraction
from math import factorial

import networkx as nx
import numpy as np

from ._engines import enumeration
from .errors import GraphError, InvalidMethodError, InvalidTypeError, UnknownPlayerError
from .games import Game, SimpleGame, _check_players
from .results import PowerIndexResult

__all__ = ["restrict", "myerson", "compatibility_graph", "merge_graph", "is_connected_coalition"]

RULES = ("connected", "clique")


# -- validation -------------------------------------------------------------------------------
def _check_graph(players, graph):
    """Check that ``graph`` is a simple undirected graph on exactly ``players``.

    Raises InvalidTypeError for a non-graph and GraphError, naming the nodes at fault, for
    a directed graph, a multigraph, a node that is not a player, a missing player or a
    self-loop. Shared with the TU-game Myerson value (powerindex/tu.py may call it).
    """
    if not isinstance(graph, nx.Graph):
        raise InvalidTypeError(
            f"the compatibility graph must be a networkx.Graph, got {type(graph).__name__}"
        )
    if graph.is_directed():
        raise GraphError(
            "the compatibility graph is directed, but compatibility is mutual: pass an"
            " undirected networkx.Graph (e.g. graph.to_undirected())"
        )
    if graph.is_multigraph():
        raise GraphError(
            "the compatibility graph is a multigraph: pass a networkx.Graph with at most one"
            " edge per pair (e.g. networkx.Graph(graph))"
        )
    known = set(players)
    strangers = [node for node in graph.nodes if node not in known]
    if strangers:
        raise GraphError(
            f"graph node(s) {', '.join(map(repr, strangers))} are not players of the game;"
            f" players are {list(players)}"
        )
    missing = [p for p in players if p not in graph]
    if missing:
        raise GraphError(
            f"player(s) {', '.join(map(repr, missing))} are missing from the graph; add"
            " players who are compatible with nobody as isolated nodes"
            " (graph.add_nodes_from([...]))"
        )
    loops = list(nx.nodes_with_selfloops(graph))
    if loops:
        raise GraphError(
            f"self-loop at node(s) {', '.join(map(repr, loops))}: a player cannot be linked"
            " to itself; remove the edge(s)"
        )


def _check_game(game, function):
    if not isinstance(game, Game):
        raise InvalidTypeError(
            f"{function} needs a simple game (WeightedGame, SimpleGame, ...), got"
            f" {type(game).__name__}"
        )


def _adjacency(players, graph):
    """Neighbours of each player as a bit mask (bit j = players[j])."""
    position = {p: i for i, p in enumerate(players)}
    return [sum(1 << position[q] for q in graph[p]) for p in players]


def _bits(mask):
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


# -- one coalition at a time (for is_winning) ---------------------------------------------
def _components(adjacency, mask):
    """The connected components of the coalition ``mask``, as bit masks."""
    components = []
    rest = mask
    while rest:
        component = frontier = rest & -rest
        while frontier:
            neighbours = 0
            for i in _bits(frontier):
                neighbours |= adjacency[i]
            frontier = neighbours & rest & ~component
            component |= frontier
        components.append(component)
        rest &= ~component
    return components


def _maximal_cliques(adjacency, mask):
    """Maximal cliques of the graph induced on ``mask`` (Bron-Kerbosch 1973, with a pivot)."""

    def expand(clique, candidates, excluded):
        if not candidates and not excluded:
            yield clique
            return
        pivot = max(_bits(candidates | excluded),
                    key=lambda u: (candidates & adjacency[u]).bit_count())
        for v in _bits(candidates & ~adjacency[pivot]):
            bit = 1 << v
            yield from expand(clique | bit, candidates & adjacency[v], excluded & adjacency[v])
            candidates &= ~bit
            excluded |= bit

    if mask:
        yield from expand(0, mask, 0)


# -- every coalition at once (the winning table) --------------------------------------------
def _mask_dtype(n):
    return np.uint16 if n <= 16 else np.uint32


def _neighbour_table(adjacency, n):
    """For every mask, the union of its members' neighbourhoods (by doubling, O(2**n))."""
    table = np.zeros(1, dtype=_mask_dtype(n))
    for i in range(n):
        table = np.concatenate([table, table | adjacency[i]])
    return table


def _first_components(adjacency, n):
    """For every mask, the component of its lowest member in the induced graph (0 for 0).

    Breadth-first search on all masks at once: each round adds the neighbours, within the
    mask, of what is reached so far; at most n - 1 rounds, each one gather over 2**n masks.
    """
    masks = np.arange(1 << n, dtype=_mask_dtype(n))
    neighbours = _neighbour_table(adjacency, n)
    reached = masks & (~masks + 1)
    for _ in range(n - 1):
        grown = (reached | neighbours[reached]) & masks
        if np.array_equal(grown, reached):
            break
        reached = grown
    return reached


def _connected_table(adjacency, n):
    """For every mask, whether it is a non-empty connected coalition."""
    first = _first_components(adjacency, n)
    masks = np.arange(1 << n, dtype=first.dtype)
    return (first == masks) & (masks != 0)


def _clique_table(adjacency, n):
    """For every mask, whether its members are pairwise adjacent (by doubling, O(2**n))."""
    table = np.ones(1, dtype=bool)
    for i in range(n):
        lower = np.arange(1 << i, dtype=_mask_dtype(n))
        table = np.concatenate([table, table & ((lower & adjacency[i]) == lower)])
    return table


def _feasible_masks(adjacency, n, rule):
    enumeration.check_size(n)
    if rule == "connected":
        return _connected_table(adjacency, n)
    return _clique_table(adjacency, n)


def _check_rule(rule, function):
    if not isinstance(rule, str) or rule not in RULES:
        raise InvalidMethodError(
            f"unknown rule {rule!r} for {function}; choose 'connected' or 'clique'"
        )


def _restricted_table(game, adjacency, rule):
    feasible = _feasible_masks(adjacency, game.n, rule)
    return enumeration.upward_closure_of_table(feasible & game._winning_table(), game.n)


def _winning_components(game, adjacency):
    """For every mask, how many of its components win in ``game`` (Myerson's v/G as ints)."""
    n = game.n
    enumeration.check_size(n)
    first = _first_components(adjacency, n)
    winning = game._winning_table()
    counts = np.zeros(1 << n, dtype=np.uint8)
    rest = np.arange(1 << n, dtype=first.dtype)
    while rest.any():
        component = first[rest]
        counts += winning[component]
        rest &= ~component
    return counts


def _shapley_of_table(values, n):
    """Exact Shapley values of the TU game whose worth of each mask is the int ``values``."""
    values = values.astype(np.int16)
    sizes = enumeration.popcounts(n).astype(np.int64)
    weight = [Fraction(factorial(k) * factorial(n - k - 1), factorial(n)) for k in range(n)]
    span = 2 * n + 1  # a marginal contribution lies in [-n, n]
    result = []
    for i in range(n):
        without, with_i = enumeration._pairs(values, i)
        marginal = (with_i - without).ravel().astype(np.int64)
        size = enumeration._pairs(sizes, i)[0].ravel()
        tally = np.bincount(size * span + marginal + n, minlength=n * span).reshape(n, span)
        total = Fraction(0)
        for k in range(n):
            contribution = sum(int(c) * (d - n) for d, c in enumerate(tally[k]) if c)
            if contribution:
                total += contribution * weight[k]
        result.append(total)
    return result


# -- public functions ----------------------------------------------------------------------
def restrict(game, graph, rule="connected"):
    """The game in which a coalition wins only if it contains a winning coalition that can form.

    Parameters
    ----------
    game : Game
        Any simple game (:class:`~powerindex.WeightedGame`, :class:`~powerindex.SimpleGame`,
        a composition, another restricted game).
    graph : networkx.Graph
        Undirected, without self-loops or parallel edges, whose nodes are exactly the
        players (a player compatible with nobody is an isolated node). An edge joins two
        players who can cooperate. The graph is not modified.
    rule : {"connected", "clique"}, optional
        ``"connected"`` (the default): Myerson's communication game [1]_, in which a
        coalition acts through its connected components and wins when one of them wins.
        ``"clique"``: every pair in the forming coalition must be compatible; a coalition
        wins when it contains a winning clique of the graph.

    Returns
    -------
    SimpleGame
        The restricted game, on the same players in the same order. Every index applies
        to it. It carries three extra attributes for reports: ``base_game`` (``game``),
        ``graph`` (a frozen copy of ``graph``) and ``rule``.

    Raises
    ------
    GraphError
        The graph is directed or a multigraph, has a self-loop, a node that is not a
        player, or lacks a player (the message names the nodes); or no winning coalition
        can form under the graph (no component, resp. no clique, of the graph wins), so the
        restricted game would have no winning coalition at all.
    InvalidMethodError
        ``rule`` is neither ``"connected"`` nor ``"clique"``.
    InvalidTypeError
        ``game`` is not a simple game or ``graph`` is not a networkx graph.

    See Also
    --------
    myerson : the Shapley value of the communication game, also for TU games.

    Notes
    -----
    A coalition S of the ``"connected"`` restriction wins iff some *connected* coalition
    C within S wins in ``game``: a winning component of S is such a C; conversely a
    connected C within S lies inside one component K of S, and K wins because it
    contains C and ``game`` is monotone. So the winning coalitions are the upward
    closure of {C : C connected and winning}, and likewise for ``"clique"`` with
    {C : C a clique and winning}. The restricted game is monotone by construction.

    Building the restriction is cheap; the winning table is computed the first time an
    index asks for it, all 2**n coalitions at once with numpy bit masks: connectedness of
    every coalition by a breadth-first search run on all masks together (at most n - 1
    rounds of O(2**n)), cliques by doubling (O(2**n)), then the upward closure
    (O(n 2**n)). Total O(n 2**n) time and O(2**n) memory on top of the base game's table,
    up to 26 players; 20 players take about 0.1 s (restriction and Shapley-Shubik).
    ``is_winning`` on one coalition computes its components (O(n^2)) or enumerates its
    maximal cliques (Bron-Kerbosch [5]_, O(3**(n/3)) at worst) directly.

    A GraphError rather than a game is returned when the grand coalition itself cannot
    win: then no coalition can, and a simple game needs a winning grand coalition.

    References
    ----------
    .. [1] R. B. Myerson, "Graphs and cooperation in games", Mathematics of Operations
       Research 2(3) (1977), 225-229. https://doi.org/10.1287/moor.2.3.225
    .. [2] G. Owen, "Values of graph-restricted games", SIAM Journal on Algebraic and
       Discrete Methods 7(2) (1986), 210-220.
    .. [3] F. Carreras, "Restriction of simple games", Mathematical Social Sciences 21
       (1991), 245-260.
    .. [4] J. M. Bilbao, Cooperative Games on Combinatorial Structures, Kluwer, 2000.
    .. [5] C. Bron and J. Kerbosch, "Algorithm 457: finding all cliques of an undirected
       graph", Communications of the ACM 16(9) (1973), 575-577.

    Examples
    --------
    Simple majority of three on the line A - B - C: only B can talk to both others, so B
    becomes a veto player.

    >>> import networkx as nx
    >>> import powerindex as pi
    >>> from powerindex.graphs import restrict
    >>> g = pi.WeightedGame([1, 1, 1], 2, players=["A", "B", "C"])
    >>> line = restrict(g, nx.path_graph(["A", "B", "C"]))
    >>> line.is_winning({"A", "C"}), line.is_winning({"A", "B"})
    (False, True)
    >>> line.veto_players
    ('B',)
    >>> pi.shapley_shubik(line).to_dict()
    {'A': Fraction(1, 6), 'B': Fraction(2, 3), 'C': Fraction(1, 6)}
    >>> line.rule, line.base_game
    ('connected', <WeightedGame [2; 1, 1, 1]>)

    Unanimity on the same line: the three can form a connected coalition, but A and C are
    not compatible, so under the clique rule nothing can pass.

    >>> everyone = pi.WeightedGame([1, 1, 1], 3, players=["A", "B", "C"])
    >>> pi.shapley_shubik(restrict(everyone, nx.path_graph(["A", "B", "C"]))).to_dict()
    {'A': Fraction(1, 3), 'B': Fraction(1, 3), 'C': Fraction(1, 3)}
    >>> restrict(everyone, nx.path_graph(["A", "B", "C"]), rule="clique")
    Traceback (most recent call last):
    ...
    powerindex.errors.GraphError: no feasible winning coalition exists under this graph with \
    rule='clique': no clique of the graph wins (a largest clique: ['A', 'B'])
    """
    _check_game(game, "restrict")
    _check_rule(rule, "restrict")
    _check_graph(game.players, graph)
    adjacency = _adjacency(game.players, graph)

    if rule == "connected":
        def wins(mask):
            return any(game._wins(c) for c in _components(adjacency, mask))
    else:
        def wins(mask):
            return any(game._wins(c) for c in _maximal_cliques(adjacency, mask))

    grand = (1 << game.n) - 1
    if not wins(grand):
        if rule == "connected":
            parts = [sorted(game._names(c), key=game.players.index)
                     for c in _components(adjacency, grand)]
            detail = f"no connected component of the graph wins (components: {parts})"
        else:
            largest = max(_maximal_cliques(adjacency, grand), key=int.bit_count)
            detail = ("no clique of the graph wins (a largest clique:"
                      f" {sorted(game._names(largest), key=game.players.index)})")
        raise GraphError(
            f"no feasible winning coalition exists under this graph with rule={rule!r}:"
            f" {detail}"
        )

    restricted = SimpleGame._from_mask_rule(
        game.players, wins, lambda: _restricted_table(game, adjacency, rule))
    game._carry_blocs(restricted)
    restricted.base_game = game
    restricted.graph = nx.freeze(graph.copy())
    restricted.rule = rule
    return restricted


def myerson(game, graph):
    """The Myerson value: the Shapley value of the game restricted by a communication graph.

    Players cooperate only through the links of ``graph``. Myerson's graph-restricted game
    gives a coalition S the sum of the worths of its connected components,
    ``v/G(S) = sum over components K of S of v(K)``, and the Myerson value is its Shapley
    value [1]_. For a simple game v(K) is 1 when K wins, else 0.

    Parameters
    ----------
    game : Game or TU game
        A simple game; or any object with a callable ``_myerson_value`` method (the TU
        game of :mod:`powerindex.tu`), in which case ``game._myerson_value(graph)`` is
        returned: that class computes the value of a TU game itself.
    graph : networkx.Graph
        The communication graph, as for :func:`restrict`. Not modified.

    Returns
    -------
    PowerIndexResult
        Index ``"myerson"``, a Fraction per player of ``game``; method ``"enumerate"``.

    Raises
    ------
    GraphError
        The graph is directed or a multigraph, has a self-loop, a node that is not a
        player, or lacks a player; the message names the nodes.
    InvalidTypeError
        ``game`` is not a game or ``graph`` is not a networkx graph.
    GameTooLargeError
        More than 26 players.

    See Also
    --------
    restrict : the restricted simple game, for any other index.

    Notes
    -----
    The value is *component efficient*: the values of the players of each connected
    component of ``graph`` sum to v of that component (1 if it wins, else 0) -- so if no
    component wins, every value is 0, although :func:`restrict` then refuses to build a
    game. It is *fair*: removing the link i - j changes i's and j's values by the same
    amount. These two properties characterise it [1]_. On the complete graph it is the
    Shapley-Shubik index; on the empty graph it is 0 except for players who win alone.

    For a proper game (no two disjoint winning coalitions) at most one component of a
    coalition can win, so v/G is the ``"connected"`` restriction and
    ``myerson(game, graph)`` equals ``shapley_shubik(restrict(game, graph))``. For an
    improper game v/G can reach 2 or more and the two differ; the Myerson value keeps
    Myerson's sum, hence component efficiency.

    Cost: O(n 2**n) time and O(2**n) memory, vectorised over all coalitions (at most
    n - 1 rounds of breadth-first search on all masks at once, at most n passes to count
    winning components, one pass per player for the Shapley value) on top of the winning
    table of ``game``; 20 players take about 0.2 s.

    References
    ----------
    .. [1] R. B. Myerson, "Graphs and cooperation in games", Mathematics of Operations
       Research 2(3) (1977), 225-229. https://doi.org/10.1287/moor.2.3.225
    .. [2] G. Owen, "Values of graph-restricted games", SIAM Journal on Algebraic and
       Discrete Methods 7(2) (1986), 210-220.

    Examples
    --------
    Simple majority of three on the line A - B - C: B, the only one who talks to both,
    gets 2/3.

    >>> import networkx as nx
    >>> import powerindex as pi
    >>> from powerindex.graphs import myerson
    >>> g = pi.WeightedGame([1, 1, 1], 2, players=["A", "B", "C"])
    >>> myerson(g, nx.path_graph(["A", "B", "C"])).to_dict()
    {'A': Fraction(1, 6), 'B': Fraction(2, 3), 'C': Fraction(1, 6)}

    If C is isolated, A and B share the power:

    >>> graph = nx.Graph([("A", "B")])
    >>> graph.add_node("C")
    >>> myerson(g, graph).to_dict()
    {'A': Fraction(1, 2), 'B': Fraction(1, 2), 'C': Fraction(0, 1)}
    """
    value = getattr(game, "_myerson_value", None)
    if callable(value):
        return value(graph)
    _check_game(game, "myerson")
    _check_graph(game.players, graph)
    worth = _winning_components(game, _adjacency(game.players, graph))
    values = _shapley_of_table(worth, game.n)
    return PowerIndexResult("myerson", game, dict(zip(game.players, values, strict=True)),
                            "enumerate")


def compatibility_graph(players, edges=None, incompatible=None):
    """A compatibility graph from the compatible pairs or from the incompatible ones.

    Parameters
    ----------
    players : Game or sequence of str
        The players (a game's players, or unique non-empty names); each becomes a node,
        in this order, so players compatible with nobody are isolated nodes.
    edges : iterable of pairs of str, optional
        The compatible pairs.
    incompatible : iterable of pairs of str, optional
        The incompatible pairs: every pair not listed is compatible. Give exactly one of
        ``edges`` and ``incompatible``. A pair listed twice (in either order) counts once.

    Returns
    -------
    networkx.Graph
        A new, mutable graph, ready for :func:`restrict` and :func:`myerson`.

    Raises
    ------
    GraphError
        Both or neither of ``edges`` and ``incompatible`` given, or a pair of a player
        with itself.
    UnknownPlayerError
        A pair names someone who is not a player.
    InvalidTypeError
        A pair is not two names (for instance a plain string ``"AB"``).
    InvalidPlayerError
        Duplicate or empty player names in a list of players.

    Notes
    -----
    Cost O(n^2) for ``incompatible`` (the complement is built pair by pair), O(n + m) for
    m ``edges``.

    Examples
    --------
    >>> import powerindex as pi
    >>> from powerindex.graphs import compatibility_graph
    >>> graph = compatibility_graph(["Left", "Centre", "Right", "Far right"],
    ...                             incompatible=[("Left", "Right"), ("Left", "Far right"),
    ...                                           ("Centre", "Far right")])
    >>> sorted(graph.edges())
    [('Centre', 'Right'), ('Left', 'Centre'), ('Right', 'Far right')]
    >>> sorted(compatibility_graph(["A", "B", "C"], edges=[("A", "B")]).nodes())
    ['A', 'B', 'C']
    """
    names = players.players if isinstance(players, Game) else _check_players(players)
    if (edges is None) == (incompatible is None):
        raise GraphError(
            "give exactly one of edges= (the compatible pairs) or incompatible= (the"
            " pairs that cannot cooperate)"
        )
    pairs = _check_pairs(names, edges if incompatible is None else incompatible,
                         "edges" if incompatible is None else "incompatible")
    graph = nx.Graph()
    graph.add_nodes_from(names)
    if incompatible is None:
        graph.add_edges_from(pairs)
    else:
        excluded = {frozenset(pair) for pair in pairs}
        graph.add_edges_from(
            (a, b) for i, a in enumerate(names) for b in names[i + 1:]
            if frozenset((a, b)) not in excluded
        )
    return graph


def _check_pairs(names, pairs, argument):
    if isinstance(pairs, str) or not isinstance(pairs, Iterable):
        raise InvalidTypeError(
            f"{argument} must be a list of pairs of player names, got {type(pairs).__name__}"
        )
    known = set(names)
    checked = []
    for pair in pairs:
        if isinstance(pair, str) or not isinstance(pair, Iterable):
            raise InvalidTypeError(
                f"each entry of {argument} must be a pair of player names, got {pair!r}"
            )
        pair = tuple(pair)
        if len(pair) != 2:
            raise InvalidTypeError(
                f"each entry of {argument} must be a pair of player names, got {pair!r}"
                f" ({len(pair)} items)"
            )
        for name in pair:
            if not isinstance(name, str) or name not in known:
                raise UnknownPlayerError(
                    f"{name!r} in the pair {pair!r} of {argument} is not a player; players"
                    f" are {list(names)}"
                )
        if pair[0] == pair[1]:
            raise GraphError(
                f"the pair {pair!r} of {argument} joins {pair[0]!r} to itself; list pairs"
                " of two different players"
            )
        checked.append(pair)
    return checked


def is_connected_coalition(graph, coalition):
    """Whether a coalition is connected in the compatibility graph (it can form by talks).

    Parameters
    ----------
    graph : networkx.Graph
        The compatibility graph.
    coalition : iterable of str
        Nodes of ``graph``; repetitions are ignored.

    Returns
    -------
    bool
        True when the coalition is non-empty and its members are linked, directly or
        through other members. The empty coalition is not connected.

    Raises
    ------
    GraphError
        A member is not a node of the graph (named in the message), or the graph is
        directed or a multigraph.
    InvalidTypeError
        ``graph`` is not a networkx graph, or ``coalition`` is a string or not iterable.

    Notes
    -----
    Cost O(s + m_s) for s members and m_s links among them (a breadth-first search).

    Examples
    --------
    >>> import networkx as nx
    >>> from powerindex.graphs import is_connected_coalition
    >>> line = nx.path_graph(["A", "B", "C"])
    >>> is_connected_coalition(line, {"A", "B"}), is_connected_coalition(line, {"A", "C"})
    (True, False)
    """
    if not isinstance(graph, nx.Graph):
        raise InvalidTypeError(
            f"the compatibility graph must be a networkx.Graph, got {type(graph).__name__}"
        )
    if graph.is_directed() or graph.is_multigraph():
        raise GraphError("the compatibility graph must be an undirected networkx.Graph")
    if isinstance(coalition, str) or not isinstance(coalition, Iterable):
        raise InvalidTypeError(
            f"a coalition is a collection of player names, got {coalition!r}"
        )
    try:
        members = set(coalition)
    except TypeError:
        raise InvalidTypeError(
            f"a coalition is a collection of player names, got {coalition!r}"
        ) from None
    strangers = sorted((m for m in members if m not in graph), key=repr)
    if strangers:
        verb = "is not a node" if len(strangers) == 1 else "are not nodes"
        raise GraphError(
            f"{', '.join(map(repr, strangers))} {verb} of the compatibility graph; its nodes"
            f" are {list(graph.nodes)}"
        )
    if not members:
        return False
    return nx.is_connected(graph.subgraph(members))


def merge_graph(graph, members, name):
    """The compatibility graph after several players merge into one bloc.

    The bloc is compatible with a player exactly when every member was: a party that
    will not sit with one member will not sit with the bloc. Use it beside
    :meth:`~powerindex.WeightedGame.merge` with the same members and name.

    Parameters
    ----------
    graph : networkx.Graph
    members : iterable of str
        At least two distinct nodes of the graph.
    name : str
        The bloc's node; it may reuse a member's name, but not another node's.

    Returns
    -------
    networkx.Graph
        A new graph; ``graph`` is not changed. The bloc takes the place of the first member
        in the node order.

    Raises
    ------
    GraphError
        Fewer than two members, a member that is not a node, or a name taken by a node
        that is not merged.

    Notes
    -----
    Cost O(n + m) for n nodes and m edges.

    Examples
    --------
    >>> import powerindex as pi
    >>> graph = pi.compatibility_graph(["A", "B", "C", "D"], incompatible=[("A", "D")])
    >>> merged = pi.merge_graph(graph, ["A", "B"], "AB")
    >>> list(merged.nodes), sorted(merged.edges())
    (['AB', 'C', 'D'], [('AB', 'C'), ('C', 'D')])
    """
    if not isinstance(graph, nx.Graph) or graph.is_directed() or graph.is_multigraph():
        raise InvalidTypeError("merge_graph needs an undirected networkx.Graph")
    if isinstance(members, str) or not isinstance(members, Iterable):
        raise InvalidTypeError("merge_graph needs a list of the nodes to merge")
    members = list(members)
    if len(set(members)) < 2 or len(set(members)) != len(members):
        raise GraphError(f"merging needs at least two distinct nodes, got {members}")
    missing = [m for m in members if m not in graph]
    if missing:
        raise GraphError(f"{missing[0]!r} is not a node of the graph")
    if name in graph and name not in members:
        raise GraphError(f"{name!r} is already a node; choose another name for the bloc")
    merged = nx.Graph()
    others = [v for v in graph if v not in members]
    first = min(list(graph).index(m) for m in members)
    for position, node in enumerate(graph):
        if position == first:
            merged.add_node(name)
        elif node in others:
            merged.add_node(node)
    merged.add_edges_from((u, v) for u, v in graph.edges() if u in others and v in others)
    merged.add_edges_from((name, v) for v in others if all(graph.has_edge(m, v) for m in members))
    return merged
