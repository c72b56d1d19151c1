"""The Myerson value: the Shapley value of a game whose players cooperate through a graph.

Players cooperate only through the links of a communication graph. Myerson's
graph-restricted game gives a coalition the sum of the worths of its connected
components; the Myerson value is its Shapley value [1]_. For a simple game that worth is
the number of winning components.

References
----------
.. [1] R. B. Myerson, "Graphs and cooperation in games", Mathematics of Operations
   Research 2(3) (1977), 225-229. https://doi.org/10.1287/moor.2.3.225
"""

from fractions import Fraction
from math import factorial

import numpy as np

from .._engines import enumeration
from ..games.base import check_game
from ..indices.results import PowerIndexResult
from ..tu.game import TUGame
from ._masks import adjacency, first_components
from .graphs import check_graph

__all__ = ["myerson"]


def _winning_components(game, neighbours):
    """For every mask, how many of its components win in ``game`` (Myerson's v/G as ints)."""
    n = game.n
    enumeration.check_size(n)
    first = first_components(neighbours, n)
    winning = game.counting_plan().winning_table()
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


def myerson(game, graph):
    """The Myerson value: the Shapley value of the game restricted by a communication graph.

    Players cooperate only through the links of ``graph``. Myerson's graph-restricted game
    gives a coalition S the sum of the worths of its connected components,
    ``v/G(S) = sum over components K of S of v(K)``, and the Myerson value is its Shapley
    value [1]_. For a simple game v(K) is 1 when K wins, else 0.

    Parameters
    ----------
    game : Game or TUGame
        A simple game, or a TU game (whose value :mod:`powerindex.tu` computes from its
        worths).
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
    >>> from powerindex.politics.myerson import myerson
    >>> g = pi.WeightedGame([1, 1, 1], 2, players=["A", "B", "C"])
    >>> myerson(g, nx.path_graph(["A", "B", "C"])).to_dict()
    {'A': Fraction(1, 6), 'B': Fraction(2, 3), 'C': Fraction(1, 6)}

    If C is isolated, A and B share the power:

    >>> graph = nx.Graph([("A", "B")])
    >>> graph.add_node("C")
    >>> myerson(g, graph).to_dict()
    {'A': Fraction(1, 2), 'B': Fraction(1, 2), 'C': Fraction(0, 1)}
    """
    if isinstance(game, TUGame):
        return game.myerson_value(graph)
    check_game(game, "myerson")
    check_graph(game.players, graph)
    worth = _winning_components(game, adjacency(game.players, graph))
    values = _shapley_of_table(worth, game.n)
    return PowerIndexResult("myerson", game, dict(zip(game.players, values, strict=True)),
                            "enumerate")
