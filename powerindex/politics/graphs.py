"""Compatibility graphs: which parties can sit together in government.

In coalition politics not every winning coalition is feasible: some parties will not sit
together. A *compatibility graph* (a :class:`networkx.Graph` whose nodes are the players,
an edge joining two players who can cooperate) states which coalitions can form, under
one of two rules (see :func:`~powerindex.restrict`):

* ``"connected"`` -- Myerson's communication games [1]_: a coalition acts through the
  connected components of the graph it induces, so it wins when one of its components
  wins. Players may cooperate through intermediaries.
* ``"clique"`` -- every pair in the forming coalition must be compatible: a coalition
  wins when it contains a winning clique of the graph.

:func:`compatibility_graph` builds the graph from the compatible pairs or, as analysts
usually state it, from the incompatible ones; :func:`merge_graph` follows a merger of
players into a bloc; :func:`is_connected_coalition` tests one coalition.

References
----------
.. [1] R. B. Myerson, "Graphs and cooperation in games", Mathematics of Operations
   Research 2(3) (1977), 225-229. https://doi.org/10.1287/moor.2.3.225

Examples
--------
Three parties, two seats each, four needed; A and C refuse to govern together:

>>> import powerindex as pi
>>> g = pi.WeightedGame([2, 2, 2], 4, players=["A", "B", "C"])
>>> graph = pi.compatibility_graph(g, incompatible=[("A", "C")])
>>> sorted(graph.edges())
[('A', 'B'), ('B', 'C')]
>>> pi.shapley_shubik(pi.restrict(g, graph, rule="clique")).to_dict()
{'A': Fraction(1, 6), 'B': Fraction(2, 3), 'C': Fraction(1, 6)}
"""

from collections.abc import Hashable, Iterable

from .._structures import check_graph
from ..errors import GraphError, InvalidMethodError, InvalidTypeError, UnknownPlayerError
from ..games.base import Game, check_players

__all__ = ["compatibility_graph", "merge_graph", "is_connected_coalition", "check_graph",
           "check_rule", "check_pairs", "rule_phrase", "RULES"]

#: How a graph restricts coalitions: through connected components, or cliques only.
RULES = ("connected", "clique")


# -- validation -------------------------------------------------------------------------------
def rule_phrase(rule):
    """How a graph restricts governments under ``rule``, in words (for titles)."""
    return ("governments are cliques of the compatibility graph" if rule == "clique" else
            "governments are connected in the compatibility graph")


def check_rule(rule, function):
    if not isinstance(rule, str) or rule not in RULES:
        raise InvalidMethodError(
            f"unknown rule {rule!r} for {function}; choose 'connected' or 'clique'"
        )


# -- building graphs -------------------------------------------------------------------------
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
    >>> from powerindex.politics.graphs import compatibility_graph
    >>> graph = compatibility_graph(["Left", "Centre", "Right", "Far right"],
    ...                             incompatible=[("Left", "Right"), ("Left", "Far right"),
    ...                                           ("Centre", "Far right")])
    >>> sorted(graph.edges())
    [('Centre', 'Right'), ('Left', 'Centre'), ('Right', 'Far right')]
    >>> sorted(compatibility_graph(["A", "B", "C"], edges=[("A", "B")]).nodes())
    ['A', 'B', 'C']
    """
    import networkx as nx  # on first use (start-up): see powerindex/__init__.py
    names = players.players if isinstance(players, Game) else check_players(players)
    if (edges is None) == (incompatible is None):
        raise GraphError(
            "give exactly one of edges= (the compatible pairs) or incompatible= (the"
            " pairs that cannot cooperate)"
        )
    pairs = check_pairs(names, edges if incompatible is None else incompatible,
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


def check_pairs(names, pairs, argument):
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
            if not isinstance(name, Hashable) or name not in known:
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
    >>> from powerindex.politics.graphs import is_connected_coalition
    >>> line = nx.path_graph(["A", "B", "C"])
    >>> is_connected_coalition(line, {"A", "B"}), is_connected_coalition(line, {"A", "C"})
    (True, False)
    """
    import networkx as nx  # on first use (start-up): see powerindex/__init__.py
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
    import networkx as nx  # on first use (start-up): see powerindex/__init__.py
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
