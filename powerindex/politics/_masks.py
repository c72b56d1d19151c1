"""Coalitions of a graph as bit masks: components, cliques, feasibility (private).

Bit j of a mask stands for ``players[j]``; a graph is held as its *adjacency*, the
neighbours of each player as a mask. One coalition at a time: its connected components
(breadth-first search, O(n^2)) and its maximal cliques (Bron-Kerbosch with a pivot).
Every coalition at once (numpy, O(n 2**n)): the component of each mask's lowest member,
whether each mask is connected, whether it is a clique.

References
----------
.. [1] C. Bron and J. Kerbosch, "Algorithm 457: finding all cliques of an undirected
   graph", Communications of the ACM 16(9) (1973), 575-577.
"""

import numpy as np

from .._engines import enumeration

__all__ = ["adjacency", "bits", "components", "maximal_cliques", "first_components",
           "feasible_masks"]


def adjacency(players, graph):
    """Neighbours of each player as a bit mask (bit j = players[j])."""
    position = {p: i for i, p in enumerate(players)}
    return [sum(1 << position[q] for q in graph[p]) for p in players]


def bits(mask):
    """The positions of the set bits of ``mask``, lowest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


# -- one coalition at a time --------------------------------------------------------------
def components(adjacency, mask):
    """The connected components of the coalition ``mask``, as bit masks."""
    found = []
    rest = mask
    while rest:
        component = frontier = rest & -rest
        while frontier:
            neighbours = 0
            for i in bits(frontier):
                neighbours |= adjacency[i]
            frontier = neighbours & rest & ~component
            component |= frontier
        found.append(component)
        rest &= ~component
    return found


def maximal_cliques(adjacency, mask):
    """Maximal cliques of the graph induced on ``mask`` (Bron-Kerbosch 1973, with a pivot)."""

    def expand(clique, candidates, excluded):
        if not candidates and not excluded:
            yield clique
            return
        pivot = max(bits(candidates | excluded),
                    key=lambda u: (candidates & adjacency[u]).bit_count())
        for v in bits(candidates & ~adjacency[pivot]):
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


def first_components(adjacency, n):
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
    first = first_components(adjacency, n)
    masks = np.arange(1 << n, dtype=first.dtype)
    return (first == masks) & (masks != 0)


def _clique_table(adjacency, n):
    """For every mask, whether its members are pairwise adjacent (by doubling, O(2**n))."""
    table = np.ones(1, dtype=bool)
    for i in range(n):
        lower = np.arange(1 << i, dtype=_mask_dtype(n))
        table = np.concatenate([table, table & ((lower & adjacency[i]) == lower)])
    return table


def feasible_masks(adjacency, n, rule):
    enumeration.check_size(n)
    if rule == "connected":
        return _connected_table(adjacency, n)
    return _clique_table(adjacency, n)
