"""Games restricted by a compatibility graph: only coalitions that can form may win.

:func:`restrict` turns a game and a compatibility graph (see
:mod:`powerindex.politics.graphs`) into the *restricted game*, a
:class:`~powerindex.SimpleGame` like any other, so every index applies to it. A
coalition wins when it contains a winning coalition that can form: a connected one
(``rule="connected"``, Myerson's communication games) or a clique (``rule="clique"``).

Examples
--------
>>> import networkx as nx
>>> import powerindex as pi
>>> line = pi.restrict(pi.WeightedGame([1, 1, 1], 2, players=list("ABC")),
...                    nx.path_graph("ABC"), rule="clique")
>>> line.veto_players, line
(('B',), <WeightedGame [2; 1, 1, 1] restricted to cliques of a graph with 2 edges>)
"""


from .._engines import enumeration
from .._engines.plans import WinningRule
from ..errors import GraphError
from ..games.base import check_game
from ..games.simple import SimpleGame
from ._masks import adjacency, components, feasible_masks, maximal_cliques
from .graphs import check_graph, check_rule

__all__ = ["restrict", "RestrictedGame"]


class RestrictedGame(SimpleGame):
    """A game restricted by a compatibility graph; build one with :func:`restrict`.

    Attributes
    ----------
    base_game : Game
        The game before the restriction.
    graph : networkx.Graph
        A frozen copy of the compatibility graph.
    rule : {"connected", "clique"}
    """

    def __init__(self, game, graph, rule):
        import networkx as nx  # on first use (start-up): see powerindex/__init__.py
        neighbours = adjacency(game.players, graph)
        self._set(players=game.players, _rule=None, _generators=None, base_game=game,
                  graph=nx.freeze(graph.copy()), rule=rule, _adjacency=neighbours)
        game._carry_blocs(self)
        grand = (1 << game.n) - 1
        if not self._wins(grand):
            raise GraphError(
                f"no feasible winning coalition exists under this graph with rule={rule!r}:"
                f" {self._why_nothing_wins(grand)}"
            )

    def _parts(self, mask):
        if self.rule == "connected":
            return components(self._adjacency, mask)
        return maximal_cliques(self._adjacency, mask)

    def _wins(self, mask):
        base = self.base_game.counting_plan()
        return any(base.wins(part) for part in self._parts(mask))

    def _why_nothing_wins(self, grand):
        def names(mask):
            return sorted(self._names(mask), key=self._position.get)

        if self.rule == "connected":
            parts = [names(c) for c in components(self._adjacency, grand)]
            return f"no connected component of the graph wins (components: {parts})"
        largest = max(maximal_cliques(self._adjacency, grand), key=int.bit_count)
        return f"no clique of the graph wins (a largest clique: {names(largest)})"

    def _table(self):
        feasible = feasible_masks(self._adjacency, self.n, self.rule)
        base = self.base_game.counting_plan().winning_table()
        return enumeration.upward_closure_of_table(feasible & base, self.n)

    def _build_plan(self):
        return WinningRule(self.n, self._wins, self._table)

    def __repr__(self):
        kind = "connected coalitions" if self.rule == "connected" else "cliques"
        edges = self.graph.number_of_edges()
        return (f"<{repr(self.base_game).strip('<>')} restricted to {kind} of a graph"
                f" with {edges} edges>")


def restrict(game, graph, rule="clique"):
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
    rule : {"clique", "connected"}, optional
        ``"clique"`` (the default): every pair in the forming coalition must be compatible,
        as analysts mean by "incompatible" (a government is a clique of the compatibility
        graph); a coalition wins when it contains a winning clique of the graph.
        ``"connected"``: Myerson's communication game [1]_, in which a coalition acts
        through its connected components and wins when one of them wins, so parties may
        cooperate through go-betweens.

    Returns
    -------
    RestrictedGame
        The restricted game (a :class:`~powerindex.SimpleGame`), on the same players in
        the same order. Every index applies to it. It carries three extra attributes for
        reports: ``base_game`` (``game``), ``graph`` (a frozen copy of ``graph``) and
        ``rule``. It pickles (its graph and base game go with it).

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
    Simple majority of three on the line A - B - C: A and C are not compatible, so every
    government holds B, a veto player.

    >>> import networkx as nx
    >>> import powerindex as pi
    >>> from powerindex.politics.restriction import restrict
    >>> g = pi.WeightedGame([1, 1, 1], 2, players=["A", "B", "C"])
    >>> line = restrict(g, nx.path_graph(["A", "B", "C"]))
    >>> line.is_winning({"A", "C"}), line.is_winning({"A", "B"})
    (False, True)
    >>> line.veto_players
    ('B',)
    >>> pi.shapley_shubik(line).to_dict()
    {'A': Fraction(1, 6), 'B': Fraction(2, 3), 'C': Fraction(1, 6)}
    >>> line.rule, line.base_game
    ('clique', <WeightedGame [2; 1, 1, 1]>)

    Unanimity on the same line: A and C cannot sit together, so under the clique rule
    nothing can pass; the three can form a connected coalition, through B.

    >>> everyone = pi.WeightedGame([1, 1, 1], 3, players=["A", "B", "C"])
    >>> restrict(everyone, nx.path_graph(["A", "B", "C"]))
    Traceback (most recent call last):
    ...
    powerindex.errors.GraphError: no feasible winning coalition exists under this graph with \
    rule='clique': no clique of the graph wins (a largest clique: ['A', 'B'])
    >>> connected = restrict(everyone, nx.path_graph(["A", "B", "C"]), rule="connected")
    >>> pi.shapley_shubik(connected).to_dict()
    {'A': Fraction(1, 3), 'B': Fraction(1, 3), 'C': Fraction(1, 3)}
    """
    check_game(game, "restrict")
    check_rule(rule, "restrict")
    check_graph(game.players, graph)
    return RestrictedGame(game, graph, rule)
