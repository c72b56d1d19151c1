"""Checks of the structures an analyst lays over the players of a game (private).

A compatibility graph must be a simple undirected graph on exactly the players; a priori
unions must partition them. Simple games and TU games are checked the same way, so these
checks sit below both (they need only ``game.players``).
"""

from collections.abc import Iterable, Mapping

from .errors import GraphError, InvalidTypeError, InvalidUnionsError, UnknownPlayerError

__all__ = ["check_graph", "partition"]


def check_graph(players, graph):
    """Check that ``graph`` is a simple undirected graph on exactly ``players``.

    Raises InvalidTypeError for a non-graph and GraphError, naming the nodes at fault, for
    a directed graph, a multigraph, a node that is not a player, a missing player or a
    self-loop. Shared by every function that takes a graph.
    """
    import networkx as nx  # on first use (start-up): see powerindex/__init__.py
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


def partition(game, unions):
    """Check ``unions`` against the players of ``game`` and complete it with singletons.

    Works with any object that has ``players`` (a simple game or a TU game).

    Returns
    -------
    list of (name, tuple of int)
        One ``(union name, member positions)`` per union: the unions given, in the order
        given (members in the order given; a set's in player order), then a singleton for
        every player named in no union, in player order.
    """
    position = {name: i for i, name in enumerate(game.players)}
    owner = {}  # player position -> description of the union that claimed it
    result = []
    for name, members, label in _labelled(unions):
        positions = _positions(game, members, label, position, owner)
        if name is None:
            name = "+".join(str(game.players[i]) for i in positions)
        result.append((name, positions))
    result += [(player, (i,)) for i, player in enumerate(game.players) if i not in owner]
    seen = set()
    for name, _ in result:
        if name in seen:
            raise InvalidUnionsError(
                f"two unions are named {name!r}; give the unions as a dict name -> members"
                " with distinct names"
            )
        seen.add(name)
    return result


def _labelled(unions):
    """``(name or None, members, label for messages)`` of each union given."""
    if isinstance(unions, str | bytes):
        raise InvalidUnionsError(
            f"unions must be a list of lists of player names or a dict name -> members, got the"
            f" string {unions!r}; write [[{unions!r}, ...]] for a union"
        )
    if isinstance(unions, Mapping):
        items = []
        for name, members in unions.items():
            if name is None or (isinstance(name, str) and not name.strip()):
                raise InvalidUnionsError(
                    "a union's name must be a non-empty string (or another hashable), got"
                    f" {name!r}"
                )
            items.append((name, members, f"union {name!r}"))
        return items
    if isinstance(unions, Iterable):
        return [(None, members, f"union {number}")
                for number, members in enumerate(unions, start=1)]
    raise InvalidUnionsError(
        "unions must be a list of lists of player names or a dict name -> members, got"
        f" {type(unions).__name__}"
    )


def _positions(game, members, label, position, owner):
    """The positions of one union's members, claimed in ``owner`` (no overlaps)."""
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
    for i in positions:
        owner[i] = f"{label} {members!r}"
    return tuple(positions)
