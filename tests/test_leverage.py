"""Tests of powerindex.leverage: leverage tables, scenario comparison, formateurs, theories.

Every reference below is written naively and independently of the library: coalitions are
frozensets of names, a graph is a set of frozenset pairs, feasibility is checked by a plain
search (connected) or by every pair (clique), the restricted game wins when it contains a
feasible winning coalition, the Owen and Banzhaf-Owen values come from Owen's double sums
over sets of other unions and sets of union-mates, and the plain indices from tests/brute.py.
Hand-checked examples say how each number was obtained; the worked example of the coalition
theories is Lijphart's hypothetical five-party parliament.
"""

import random
from fractions import Fraction as F
from itertools import combinations, pairwise
from math import factorial

import brute
import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import powerindex as pi
from powerindex.politics import (
    Coalition,
    Scenario,
    coalition_theories,
    compare,
    formateur_partners,
    governing_coalitions,
    leverage,
)

pytestmark = pytest.mark.filterwarnings("ignore::powerindex.ImproperGameWarning")

PROPERTY = settings(deadline=None, max_examples=150)
RULES = ("connected", "clique")


# --------------------------------------------------------------------------------------------
# Naive references (no library code)
# --------------------------------------------------------------------------------------------
def subsets(players):
    """Every subset of players, as frozensets, smallest first."""
    players = list(players)
    return [frozenset(c) for k in range(len(players) + 1) for c in combinations(players, k)]


def weighted_rule(players, weights, quota):
    weight = dict(zip(players, weights, strict=True))
    return lambda coalition: sum(weight[p] for p in coalition) >= quota


def is_feasible(coalition, edges, rule):
    """A non-empty coalition that is connected in the graph (or a clique with rule="clique")."""
    if not coalition:
        return False
    if rule == "clique":
        return all(frozenset(pair) in edges for pair in combinations(coalition, 2))
    start = next(iter(coalition))
    reached, queue = {start}, [start]
    while queue:
        here = queue.pop()
        for other in coalition:
            if other not in reached and frozenset((here, other)) in edges:
                reached.add(other)
                queue.append(other)
    return reached == set(coalition)


def feasible_winning(players, wins, edges, rule):
    """Winning coalitions that can form (all winning coalitions without a graph)."""
    return [c for c in subsets(players)
            if wins(c) and (edges is None or is_feasible(c, edges, rule))]


def minimal_feasible_winning(players, wins, edges, rule):
    """Feasible winning coalitions none of whose proper subsets is feasible and winning."""
    found = feasible_winning(players, wins, edges, rule)
    return [c for c in found if not any(d < c for d in found)]


def effective_rule(players, wins, edges, rule):
    """The restricted game: a coalition wins when it contains a feasible winning coalition."""
    if edges is None:
        return wins
    generators = feasible_winning(players, wins, edges, rule)
    table = {s: any(c <= s for c in generators) for s in subsets(players)}
    return table.__getitem__


def full_partition(players, unions):
    """Unions (list of lists or dict) as a list of lists, completed with singletons."""
    groups = list(unions.values()) if isinstance(unions, dict) else list(unions)
    named = {p for group in groups for p in group}
    return [list(g) for g in groups] + [[p] for p in players if p not in named]


def two_level_value(players, wins, unions, weight):
    """Owen's double sum: for i in union k, over R (a set of other unions) and T (a set of
    i's union-mates), weight(|R|, m) * weight(|T|, p_k) for every swing of i at Q_R + T."""
    partition = full_partition(players, unions)
    m = len(partition)
    result = {}
    for union in partition:
        others = [u for u in partition if u is not union]
        for player in union:
            mates = [q for q in union if q != player]
            total = F(0)
            for r in range(len(others) + 1):
                for chosen in combinations(others, r):
                    q_r = frozenset(p for u in chosen for p in u)
                    for t in range(len(mates) + 1):
                        for inner in combinations(mates, t):
                            s = q_r | frozenset(inner)
                            if wins(s | {player}) and not wins(s):
                                total += weight(r, m) * weight(t, len(union))
            result[player] = total
    return result


def shapley_weight(s, size):
    return F(factorial(s) * factorial(size - s - 1), factorial(size))


def banzhaf_weight(_, size):
    return F(1, 2 ** (size - 1))


def owen_reference(players, wins, unions):
    return two_level_value(players, wins, unions, shapley_weight)


def banzhaf_owen_normalized_reference(players, wins, unions):
    raw = two_level_value(players, wins, unions, banzhaf_weight)
    total = sum(raw.values())
    return {p: v / total for p, v in raw.items()}


def power_reference(players, wins, unions, index):
    """A scenario's index: SS / normalized Banzhaf, or Owen / normalized Banzhaf-Owen."""
    if unions is None:
        if index == "shapley_shubik":
            return brute.shapley_shubik_subsets(players, wins)
        return brute.banzhaf(players, wins)
    if index == "shapley_shubik":
        return owen_reference(players, wins, unions)
    return banzhaf_owen_normalized_reference(players, wins, unions)


def leverage_reference(players, weights, wins, edges, rule, unions):
    """The rows of the leverage table, from the definitions, in the documented order."""
    eff = effective_rule(players, wins, edges, rule)
    power = power_reference(players, eff, unions, "shapley_shubik")
    banz = power_reference(players, eff, unions, "banzhaf")
    swing = brute.swings(players, eff)
    minimal = minimal_feasible_winning(players, wins, edges, rule)
    veto, dummies = brute.veto_players(players, eff), brute.dummies(players, eff)
    total = sum(weights)
    rows = []
    for player, seat in zip(players, weights, strict=True):
        share = F(seat, total)
        ratio = power[player] / share if share else None
        rows.append((player, seat, share, power[player], banz[player], swing[player], ratio,
                     sum(1 for c in minimal if player in c), player in veto, player in dummies))
    rows.sort(key=lambda row: (-row[3], -row[1], players.index(row[0])))
    return rows


def in_player_order(players, coalition):
    return tuple(p for p in players if p in coalition)


def by_size_then_players(players, coalitions):
    return sorted(coalitions, key=lambda c: (len(c), [players.index(p) for p in players
                                                       if p in c]))


def with_seats(players, weights, coalitions):
    seat = dict(zip(players, weights, strict=True))
    return [(in_player_order(players, c), sum(seat[p] for p in c))
            for c in by_size_then_players(players, coalitions)]


def minimal_connected_winning_reference(order, wins):
    """Axelrod: intervals of the order that win and lose without either end member."""
    found = []
    for start in range(len(order)):
        for stop in range(start + 1, len(order) + 1):
            interval = frozenset(order[start:stop])
            ends = {order[start], order[stop - 1]}
            if wins(interval) and all(not wins(interval - {e}) for e in ends):
                found.append(interval)
    return found


def graph_of(players, edges):
    graph = nx.Graph()
    graph.add_nodes_from(players)
    graph.add_edges_from(tuple(pair) for pair in edges)
    return graph


# --------------------------------------------------------------------------------------------
# Random scenarios
# --------------------------------------------------------------------------------------------
@st.composite
def weighted_games(draw, max_n=8, min_n=2):
    n = draw(st.integers(min_n, max_n))
    players = [chr(ord("A") + i) for i in range(n)]
    weights = draw(st.lists(st.integers(0, 9), min_size=n, max_size=n))
    if sum(weights) == 0:
        weights[0] = 1
    quota = draw(st.integers(1, sum(weights)))
    return players, weights, quota


@st.composite
def graphs_on(draw, players, wins):
    """A random compatibility graph (as a set of pairs) and rule under which some winning
    coalition can form; None for no graph, about a third of the time."""
    if draw(st.integers(0, 2)) == 0:
        return None, "connected"
    rule = draw(st.sampled_from(RULES))
    pairs = list(combinations(players, 2))
    keep = draw(st.lists(st.booleans(), min_size=len(pairs), max_size=len(pairs)))
    edges = {frozenset(pair) for pair, k in zip(pairs, keep, strict=True) if k}
    if not feasible_winning(players, wins, edges, rule):
        edges = {frozenset(pair) for pair in pairs}  # the complete graph always works
    return edges, rule


@st.composite
def unions_on(draw, players):
    """Random a priori unions: None, a list of lists, or a dict (unnamed players alone)."""
    if draw(st.booleans()):
        return None
    labels = draw(st.lists(st.integers(0, 3), min_size=len(players), max_size=len(players)))
    groups = [[p for p, lab in zip(players, labels, strict=True) if lab == k] for k in (1, 2, 3)]
    groups = [g for g in groups if g]
    if draw(st.booleans()):
        return {f"U{k}": g for k, g in enumerate(groups, start=1)}
    return groups


@st.composite
def scenarios(draw, max_n=8):
    players, weights, quota = draw(weighted_games(max_n=max_n))
    wins = weighted_rule(players, weights, quota)
    edges, rule = draw(graphs_on(players, wins))
    unions = draw(unions_on(players))
    return players, weights, quota, edges, rule, unions


# --------------------------------------------------------------------------------------------
# leverage
# --------------------------------------------------------------------------------------------
@PROPERTY
@given(scenarios())
def test_property_leverage_rows_match_brute_force(data):
    players, weights, quota, edges, rule, unions = data
    wins = weighted_rule(players, weights, quota)
    game = pi.WeightedGame(weights, quota, players=players)
    graph = None if edges is None else graph_of(players, edges)
    table = leverage(game, graph, unions, rule=rule)
    power, banz = ("Owen", "Banzhaf-Owen") if unions is not None else ("Shapley-Shubik",
                                                                       "Banzhaf")
    reference = leverage_reference(players, weights, wins, edges, rule, unions)
    if unions is None:
        assert table.columns == ("player", "seats", "seat share", power, banz, "swings",
                                 "power / seat share", "minimal winning", "veto", "dummy")
        assert list(table.rows) == reference
        for row in table.rows:
            assert all(isinstance(row[i], F) for i in (2, 3, 4))
            assert isinstance(row[5], int) and isinstance(row[7], int)
    else:
        # With unions the swings and minimal winning coalitions of the game without its
        # unions are left out: beside Owen values they would mislead.
        assert table.columns == ("player", "seats", "seat share", power, banz,
                                 "power / seat share", "veto", "dummy")
        assert list(table.rows) == [row[:5] + row[6:7] + row[8:] for row in reference]


@PROPERTY
@given(scenarios(max_n=7))
def test_property_leverage_summary_names_the_right_players(data):
    players, weights, quota, edges, rule, unions = data
    wins = weighted_rule(players, weights, quota)
    graph = None if edges is None else graph_of(players, edges)
    table = leverage(pi.WeightedGame(weights, quota, players=players), graph, unions, rule=rule)
    rows = leverage_reference(players, weights, wins, edges, rule, unions)
    above = sorted((r for r in rows if r[6] is not None and r[6] > 1), key=lambda r: -r[6])
    below = sorted((r for r in rows if r[6] is not None and r[6] < 1), key=lambda r: -r[6])
    veto = [p for p in players if any(r[0] == p and r[8] for r in rows)]
    dummies = [p for p in players if any(r[0] == p and r[9] for r in rows)]
    parts = []
    if above:
        parts.append("Beyond their seats: "
                     + ", ".join(f"{r[0]} {float(r[6]):.2f}x" for r in above) + ".")
    if below:
        parts.append("Below: " + ", ".join(f"{r[0]} {float(r[6]):.2f}x" for r in below) + ".")
    parts.append(("Veto: " + ", ".join(veto) if veto else "No veto players") + "; "
                 + ("dummies: " + ", ".join(dummies) + "." if dummies else "no dummies."))
    assert table.notes[0] == " ".join(parts)


def test_leverage_hand_checked_rows_and_order():
    # [6; 5, 4, 1]: A+B and A+C win, B+C (5) loses, so A is a veto player.
    # Shapley-Shubik: A pivots in the 4 orders where it is not first; B and C once each.
    # Swings: A at {B}, {C}, {B, C}; B at {A}; C at {A} -> Banzhaf 3/5, 1/5, 1/5.
    # B and C tie on power (1/6), B first on seats.
    game = pi.WeightedGame([5, 4, 1], 6, players=["A", "B", "C"])
    table = leverage(game)
    assert list(table.rows) == [
        ("A", 5, F(1, 2), F(2, 3), F(3, 5), 3, F(4, 3), 2, True, False),
        ("B", 4, F(2, 5), F(1, 6), F(1, 5), 1, F(5, 12), 1, False, False),
        ("C", 1, F(1, 10), F(1, 6), F(1, 5), 1, F(5, 3), 1, False, False),
    ]
    # Listed by ratio, not by power: C (5/3) before A (4/3).
    assert table.notes[0] == ("Beyond their seats: C 1.67x, A 1.33x. Below: B 0.42x."
                              " Veto: A; no dummies.")


def test_leverage_ties_keep_player_order():
    # [3; 1, 2, 1] with the players listed C, B, A: C+B and B+A win, C+A loses, so B is a
    # veto player and C and A are symmetric (same power, same seats): player order decides.
    game = pi.WeightedGame([1, 2, 1], 3, players=["C", "B", "A"])
    assert [row[0] for row in leverage(game).rows] == ["B", "C", "A"]


@pytest.mark.parametrize(("weights", "quota", "summary"), [
    # [3; 2, 1, 1]: SS 2/3, 1/6, 1/6 against shares 1/2, 1/4, 1/4.
    ([2, 1, 1], 3, "Beyond their seats: A 1.33x. Below: B 0.67x, C 0.67x."
                   " Veto: A; no dummies."),
    # [4; 3, 2, 1]: SS 2/3, 1/6, 1/6 against 1/2, 1/3, 1/6: C's ratio is exactly 1.
    ([3, 2, 1], 4, "Beyond their seats: A 1.33x. Below: B 0.50x. Veto: A; no dummies."),
    # [8; 4, 4, 4, 1]: any two of A, B, C win, D is never critical. 1/3 / (4/13) = 13/12.
    ([4, 4, 4, 1], 8, "Beyond their seats: A 1.08x, B 1.08x, C 1.08x. Below: D 0.00x."
                      " No veto players; dummies: D."),
    # Unanimity of three equal parties: power 1/3 = seat share, so nobody is listed above or
    # below; all three are veto players.
    ([1, 1, 1], 3, "Veto: A, B, C; no dummies."),
])
def test_leverage_summary_hand_checked(weights, quota, summary):
    players = ["A", "B", "C", "D"][:len(weights)]
    assert leverage(pi.WeightedGame(weights, quota, players=players)).notes[0] == summary


def test_leverage_summary_with_a_graph():
    # Majority of three on the line A - B - C: only A+B and B+C can form, B is a veto
    # player: SS 1/6, 2/3, 1/6 against shares of 1/3 each.
    game = pi.WeightedGame([1, 1, 1], 2, players=["A", "B", "C"])
    table = leverage(game, nx.path_graph(["A", "B", "C"]))
    assert table.column("minimal winning") == [2, 1, 1]
    assert table.column("player") == ["B", "A", "C"]
    assert table.notes[0] == ("Beyond their seats: B 2.00x. Below: A 0.50x, C 0.50x."
                              " Veto: B; no dummies.")


def test_leverage_without_seats():
    # A game given by its minimal winning coalitions A+B, A+C: no weights to compare with.
    game = pi.SimpleGame(["A", "B", "C"], [{"A", "B"}, {"A", "C"}])
    table = leverage(game)
    assert table.column("seats") == [None, None, None]
    assert table.column("power / seat share") == [None, None, None]
    assert table.column("Shapley-Shubik") == [F(2, 3), F(1, 6), F(1, 6)]
    assert table.notes[0] == "No seats to compare with. Veto: A; no dummies."


def test_leverage_merged_bloc_has_members_column():
    iraq = pi.WeightedGame([91, 89, 70, 57, 18], 163,
                           players=["Iraqiya", "SoL", "INA", "Kurds", "Small"])
    merged = iraq.merge(["SoL", "INA"], name="NA")
    table = leverage(merged)
    assert table.columns[:3] == ("player", "members", "seats")
    records = {r["player"]: r for r in table.records()}
    assert records["NA"]["members"] == "SoL + INA"
    assert records["NA"]["seats"] == 159
    assert records["Kurds"]["members"] == "Kurds"
    players, weights = ["Iraqiya", "NA", "Kurds", "Small"], [91, 159, 57, 18]
    expected = leverage_reference(players, weights, weighted_rule(players, weights, 163),
                                  None, "connected", None)
    assert [r[:1] + r[2:] for r in table.rows] == expected
    # Without a merge, no members column.
    assert "members" not in leverage(iraq).columns


def test_leverage_of_a_composite_game_does_not_depend_on_operand_order():
    # g1 & g2 and g2 & g1 are the same game (the same winning coalitions), so the leverage
    # table should be the same. Here the member count [3; 1, 1, 1, 1] and the weights
    # [12; 10, 5, 3, 1] give A Shapley-Shubik 1/2 either way.
    players = ["A", "B", "C", "D"]
    count = pi.WeightedGame([1, 1, 1, 1], 3, players=players)
    weight = pi.WeightedGame([10, 5, 3, 1], 12, players=players)
    one, other = leverage(count & weight), leverage(weight & count)
    assert one.column("Shapley-Shubik") == other.column("Shapley-Shubik") == [
        F(1, 2), F(1, 6), F(1, 6), F(1, 6)]
    assert one.rows == other.rows
    assert one.notes == other.notes


def test_leverage_of_a_restricted_merged_game_keeps_members():
    # Passing restrict(merged game, graph) instead of (merged game, graph) should not lose
    # the record of who is in the bloc.
    from powerindex.politics import restrict

    game = pi.WeightedGame([3, 2, 2, 1], 5, players=["A", "B", "C", "D"])
    merged = game.merge(["B", "C"], name="BC")
    line = nx.path_graph(["A", "BC", "D"])
    assert leverage(merged, line).column("members") == ["B + C", "A", "D"]
    assert leverage(restrict(merged, line)).column("members") == ["B + C", "A", "D"]


def test_leverage_does_not_mutate_graph_or_unions():
    game = pi.WeightedGame([3, 2, 2, 1], 5, players=["A", "B", "C", "D"])
    graph = nx.path_graph(["A", "B", "C", "D"])
    unions = [["A", "B"]]
    leverage(game, graph, unions)
    assert sorted(graph.edges()) == [("A", "B"), ("B", "C"), ("C", "D")]
    assert unions == [["A", "B"]]


def test_leverage_bad_input():
    game = pi.WeightedGame([3, 2, 2], 4, players=["A", "B", "C"])
    with pytest.raises(pi.InvalidTypeError):
        leverage("not a game")
    with pytest.raises(pi.GraphError):
        leverage(game, nx.path_graph(["A", "B"]))
    with pytest.raises(pi.UnknownPlayerError):
        leverage(game, unions=[["A", "Z"]])
    with pytest.raises(pi.InvalidUnionsError):
        leverage(game, unions=[["A", "B"], ["B", "C"]])


# --------------------------------------------------------------------------------------------
# compare
# --------------------------------------------------------------------------------------------
def expand_rule(wins, blocs):
    """The rule of a merged game: a coalition of blocs wins when its members' union wins."""
    return lambda s: wins(frozenset(m for p in s for m in blocs.get(p, (p,))))


@settings(deadline=None, max_examples=100)
@given(weighted_games(max_n=7, min_n=3), st.data())
def test_property_compare_matches_per_scenario_values(game_data, data):
    players, weights, quota = game_data
    wins = weighted_rule(players, weights, quota)
    game = pi.WeightedGame(weights, quota, players=players)
    edges, rule = data.draw(graphs_on(players, wins))
    unions = data.draw(unions_on(players))
    index = data.draw(st.sampled_from(["shapley_shubik", "banzhaf"]))
    x, y = data.draw(st.lists(st.sampled_from(players), min_size=2, max_size=2, unique=True))
    x, y = sorted((x, y), key=players.index)
    merged = game.merge([x, y], name="XY")
    merged_players = list(merged.players)
    merged_wins = expand_rule(wins, {"XY": (x, y)})

    plain = power_reference(players, wins, None, index)
    restricted = power_reference(players, effective_rule(players, wins, edges, rule), unions,
                                 index)
    bloc = power_reference(merged_players, merged_wins, None, index)
    table = compare({
        "plain": game,
        "assumed": Scenario(game, None if edges is None else graph_of(players, edges),
                            unions, rule),
        "merged": Scenario(merged),
    }, index=index)

    assert table.columns == ("player", "members", "plain", "assumed", "merged",
                             "change: plain -> assumed", "change: assumed -> merged")
    expected = []
    for p in players:
        cells = [plain[p], restricted[p], None if p in (x, y) else bloc[p]]
        expected.append((p, p, *cells))
    expected.append(("XY", f"{x} + {y}", plain[x] + plain[y], restricted[x] + restricted[y],
                     bloc["XY"]))
    expected = [(*row, *(None if a is None or b is None else b - a
                         for a, b in pairwise(row[2:]))) for row in expected]
    assert list(table.rows) == expected


def test_compare_hand_checked_merge():
    # [3; 2, 1, 1]: SS 2/3, 1/6, 1/6. Merging B and C gives [3; 2, 2]: unanimity, 1/2 each.
    game = pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"])
    table = compare({"before": game, "after": game.merge(["B", "C"], name="BC")})
    assert list(table.rows) == [
        ("A", "A", F(2, 3), F(1, 2), F(-1, 6)),
        ("B", "B", F(1, 6), None, None),
        ("C", "C", F(1, 6), None, None),
        ("BC", "B + C", F(1, 3), F(1, 2), F(1, 6)),
    ]


def test_compare_nested_merges_and_absent_players():
    # [5; 3, 2, 2, 1]. Scenario 2 merges B and C; scenario 3 merges that bloc with D;
    # scenario 4 drops D (who then counts as absent).
    players, weights = ["A", "B", "C", "D"], [3, 2, 2, 1]
    wins = weighted_rule(players, weights, 5)
    game = pi.WeightedGame(weights, 5, players=players)
    bc = game.merge(["B", "C"], name="BC")
    bcd = bc.merge(["BC", "D"], name="BCD")
    dropped = game.drop("D")
    s1 = brute.shapley_shubik_subsets(players, wins)
    s2 = brute.shapley_shubik_subsets(["A", "BC", "D"], expand_rule(wins, {"BC": "BC"}))
    s3 = brute.shapley_shubik_subsets(["A", "BCD"], expand_rule(wins, {"BCD": "BCD"}))
    s4 = brute.shapley_shubik_subsets(["A", "B", "C"], weighted_rule(players[:3], weights[:3],
                                                                     5))
    table = compare({"1": game, "2": bc, "3": bcd, "4": dropped})
    rows = {r[0]: r[2:6] for r in table.rows}
    assert [r[0] for r in table.rows] == ["A", "B", "C", "D", "BC", "BCD"]
    assert rows["A"] == (s1["A"], s2["A"], s3["A"], s4["A"])
    assert rows["B"] == (s1["B"], None, None, s4["B"])
    assert rows["D"] == (s1["D"], s2["D"], None, None)
    assert rows["BC"] == (s1["B"] + s1["C"], s2["BC"], None, s4["B"] + s4["C"])
    assert rows["BCD"] == (s1["B"] + s1["C"] + s1["D"], s2["BC"] + s2["D"], s3["BCD"], None)
    assert table.records()[5]["members"] == "B + C + D"


def test_compare_without_merges_has_no_members_column():
    game = pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"])
    table = compare({"one": game, "two": Scenario(game, unions=[["B", "C"]])},
                    index="banzhaf")
    assert table.columns == ("player", "one", "two", "change: one -> two")
    # Banzhaf of [3; 2, 1, 1]: swings 3, 1, 1 -> 3/5, 1/5, 1/5. Banzhaf-Owen with the union
    # {B, C}: A swings only when the union {B, C} is present (1 of 2 cases) -> 1/2; B swings
    # at {A} + {} and ... each 1/4 by the double sum; normalized: 1/2, 1/4, 1/4.
    union_values = banzhaf_owen_normalized_reference(
        ["A", "B", "C"], weighted_rule(["A", "B", "C"], [2, 1, 1], 3), [["B", "C"]])
    assert table.column("one") == [F(3, 5), F(1, 5), F(1, 5)]
    assert table.column("two") == [union_values[p] for p in "ABC"]
    assert table.column("two") == [F(1, 2), F(1, 4), F(1, 4)]


def test_compare_bad_input():
    game = pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"])
    with pytest.raises(pi.InvalidTypeError):
        compare({})
    with pytest.raises(pi.InvalidTypeError):
        compare([game])
    with pytest.raises(pi.InvalidTypeError):
        compare({"a": game, "b": "not a game"})
    with pytest.raises(pi.InvalidTypeError):
        Scenario("not a game")
    with pytest.raises(pi.PowerIndexError):
        compare({"a": game}, index="holler")


# --------------------------------------------------------------------------------------------
# governing_coalitions and formateur_partners
# --------------------------------------------------------------------------------------------
@PROPERTY
@given(weighted_games(max_n=8), st.data())
def test_property_governing_coalitions_match_brute_force(game_data, data):
    players, weights, quota = game_data
    wins = weighted_rule(players, weights, quota)
    edges, rule = data.draw(graphs_on(players, wins))
    formateur = data.draw(st.sampled_from(players))
    game = pi.WeightedGame(weights, quota, players=players)
    graph = None if edges is None else graph_of(players, edges)
    found = governing_coalitions(game, formateur, graph, rule=rule)
    mine = [c for c in minimal_feasible_winning(players, wins, edges, rule) if formateur in c]
    assert all(isinstance(c, Coalition) for c in found)
    assert [(c.members, c.seats) for c in found] == with_seats(players, weights, mine)


@PROPERTY
@given(weighted_games(max_n=8), st.data())
def test_property_formateur_partners_match_brute_force(game_data, data):
    players, weights, quota = game_data
    wins = weighted_rule(players, weights, quota)
    edges, rule = data.draw(graphs_on(players, wins))
    formateur = data.draw(st.sampled_from(players))
    game = pi.WeightedGame(weights, quota, players=players)
    graph = None if edges is None else graph_of(players, edges)
    table = formateur_partners(game, formateur, graph, rule=rule)
    mine = [c for c in minimal_feasible_winning(players, wins, edges, rule) if formateur in c]
    expected = []
    for partner, seat in zip(players, weights, strict=True):
        count = sum(1 for c in mine if partner in c)
        if partner != formateur and count:
            expected.append((partner, seat, count, all(partner in c for c in mine)))
    expected.sort(key=lambda row: (not row[3], -row[2], players.index(row[0])))
    assert table.columns == ("partner", "seats", "governing coalitions", "pivotal")
    assert list(table.rows) == expected
    if not mine:
        assert "cannot form" in table.notes[0] and formateur in table.notes[0]
    elif mine == [frozenset([formateur])]:
        assert table.notes[0] == f"{formateur} wins alone: it needs no partner."
    else:
        for members, seats in with_seats(players, weights, mine):
            unit = "seat" if seats == 1 else "seats"
            assert f"{' + '.join(members)} ({seats} {unit})" in table.notes[0]


def test_formateur_partners_hand_checked():
    # [51; 45, 40, 10, 5]: minimal winning A+B, A+C, B+C+D... A+C = 55 wins, A+D = 50 loses.
    # D is only in B+C+D, so D's partners B and C are both pivotal. A governs with B or C.
    game = pi.WeightedGame([45, 40, 10, 5], 51, players=["A", "B", "C", "D"])
    assert list(formateur_partners(game, "D").rows) == [("B", 40, 1, True), ("C", 10, 1, True)]
    assert list(formateur_partners(game, "A").rows) == [("B", 40, 1, False),
                                                       ("C", 10, 1, False)]
    assert [str(c) for c in governing_coalitions(game, "C")] == [
        "A + C (55 seats)", "B + C + D (55 seats)"]


def test_formateur_that_is_a_dummy_cannot_form():
    # [8; 4, 4, 4, 1]: D is never critical, so no minimal winning coalition contains it.
    game = pi.WeightedGame([4, 4, 4, 1], 8, players=["A", "B", "C", "D"])
    assert governing_coalitions(game, "D") == []
    table = formateur_partners(game, "D")
    assert table.rows == ()
    assert table.notes[0] == "D cannot form a winning coalition under these assumptions."


def test_formateur_with_graph_loses_options():
    # [2; 1, 1, 1] on the line A - B - C: A can only govern with B (A + C cannot form).
    game = pi.WeightedGame([1, 1, 1], 2, players=["A", "B", "C"])
    line = nx.path_graph(["A", "B", "C"])
    assert [c.members for c in governing_coalitions(game, "A", line)] == [("A", "B")]
    assert list(formateur_partners(game, "A", line).rows) == [("B", 1, 1, True)]
    assert [c.members for c in governing_coalitions(game, "A")] == [("A", "B"), ("A", "C")]


def test_formateur_unknown_player():
    game = pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"])
    with pytest.raises(pi.UnknownPlayerError):
        governing_coalitions(game, "Z")
    with pytest.raises(pi.UnknownPlayerError):
        formateur_partners(game, "Z")


# --------------------------------------------------------------------------------------------
# coalition_theories
# --------------------------------------------------------------------------------------------
@PROPERTY
@given(weighted_games(max_n=8), st.data())
def test_property_coalition_theories_match_brute_force(game_data, data):
    players, weights, quota = game_data
    wins = weighted_rule(players, weights, quota)
    edges, rule = data.draw(graphs_on(players, wins))
    order = data.draw(st.permutations(players)) if edges is None else None
    game = pi.WeightedGame(weights, quota, players=players)
    graph = None if edges is None else graph_of(players, edges)
    theories = coalition_theories(game, graph, order, rule=rule)

    def listed(name):
        return [(c.members, c.seats) for c in theories[name]]

    minimal = minimal_feasible_winning(players, wins, edges, rule)
    feasible = feasible_winning(players, wins, edges, rule)
    fewest = min(len(c) for c in feasible)
    seat = dict(zip(players, weights, strict=True))
    lightest = min(sum(seat[p] for p in c) for c in minimal)
    assert listed("minimal winning") == with_seats(players, weights, minimal)
    assert listed("minimum size") == with_seats(
        players, weights, [c for c in feasible if len(c) == fewest])
    assert listed("minimum weight") == with_seats(
        players, weights, [c for c in minimal if sum(seat[p] for p in c) == lightest])
    if order is None:
        assert "minimal connected winning" not in theories
    else:
        axelrod = minimal_connected_winning_reference(list(order), wins)
        assert listed("minimal connected winning") == with_seats(players, weights, axelrod)


def test_lijphart_hypothetical_parliament():
    # Lijphart, Patterns of Democracy (Yale University Press, 1999), ch. 6, Table 6.1: five
    # parties from left (A) to right (E) with 8, 21, 26, 12 and 33 of 100 seats, 51 needed.
    # By hand: the two-party majorities are B+E (54) and C+E (59); the three-party ones
    # containing neither are A+B+C (55), A+D+E (53) and B+C+D (59), each losing without any
    # member (A+B 29, B+C 47, A+C 34; A+D 20, D+E 45, A+E 41; C+D 38, B+D 33); every
    # four-party set contains one of these. Least weight: A+D+E (53). Fewest parties: B+E,
    # C+E. Winning intervals losing without either end: A+B+C, B+C+D, C+D+E (71; D+E 45,
    # C+D 38). Lijphart's table lists exactly these.
    players = ["A", "B", "C", "D", "E"]
    game = pi.WeightedGame([8, 21, 26, 12, 33], 51, players=players)
    theories = coalition_theories(game, order=players)

    def names(name):
        return sorted("".join(c.members) for c in theories[name])

    assert names("minimal winning") == ["ABC", "ADE", "BCD", "BE", "CE"]
    assert names("minimum weight") == ["ADE"]
    assert [c.seats for c in theories["minimum weight"]] == [53]
    assert names("minimum size") == ["BE", "CE"]
    assert names("minimal connected winning") == ["ABC", "BCD", "CDE"]
    # The left-right order matters: reversed, the intervals are the same sets.
    assert sorted("".join(c.members) for c in coalition_theories(
        game, order=players[::-1])["minimal connected winning"]) == ["ABC", "BCD", "CDE"]


def test_coalition_theories_without_weights_have_no_minimum_weight():
    game = pi.SimpleGame(["A", "B", "C"], [{"A", "B"}, {"A", "C"}])
    theories = coalition_theories(game, order=["B", "A", "C"])
    assert "minimum weight" not in theories
    assert [c.members for c in theories["minimal winning"]] == [("A", "B"), ("A", "C")]
    assert all(c.seats is None for c in theories["minimal winning"])
    assert [c.members for c in theories["minimal connected winning"]] == [("A", "B"),
                                                                         ("A", "C")]


def test_minimal_connected_winning_with_a_graph_are_feasible():
    # [4; 2, 1, 2] on the order A, B, C; only A and C are compatible (B is isolated).
    # The one feasible winning coalition is A + C, which is not an interval of the order;
    # the only interval containing it, A + B + C, is not connected in the graph (B has no
    # partner), so it cannot form: "with a graph, every theory is applied to feasible
    # coalitions" should leave no minimal connected winning coalition here.
    game = pi.WeightedGame([2, 1, 2], 4, players=["A", "B", "C"])
    graph = graph_of(["A", "B", "C"], [frozenset("AC")])
    theories = coalition_theories(game, graph, order=["A", "B", "C"])
    edges = {frozenset("AC")}
    assert [c.members for c in theories["minimal winning"]] == [("A", "C")]
    for coalition in theories["minimal connected winning"]:
        assert is_feasible(frozenset(coalition.members), edges, "connected"), coalition


@pytest.mark.parametrize("order", [
    ["A", "B"],  # a player missing
    ["A", "B", "B"],  # a player repeated
    ["A", "B", "C", "D"],  # a stranger
    ["A", "A", "B", "C"],  # repeated and too long
])
def test_coalition_theories_bad_order(order):
    game = pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"])
    with pytest.raises(pi.InvalidGameError):
        coalition_theories(game, order=order)


@pytest.mark.parametrize("order", [["A", 1, "C"], 5])
def test_coalition_theories_order_of_the_wrong_type(order):
    # Non-names in the order, or no sequence at all: the package's own error, not a
    # TypeError from comparing an int with a str.
    game = pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"])
    with pytest.raises(pi.PowerIndexError):
        coalition_theories(game, order=order)


def test_random_orders_and_games_seeded():
    # A fixed-seed sweep complementing the property test: plain weighted games up to 8
    # players, random orders, Axelrod by brute force.
    rng = random.Random(2024)
    for _ in range(30):
        n = rng.randint(2, 8)
        players = [chr(ord("a") + i) for i in range(n)]
        weights = [rng.randint(1, 20) for _ in range(n)]
        quota = rng.randint(sum(weights) // 2 + 1, sum(weights))
        order = rng.sample(players, n)
        wins = weighted_rule(players, weights, quota)
        game = pi.WeightedGame(weights, quota, players=players)
        found = coalition_theories(game, order=order)["minimal connected winning"]
        expected = minimal_connected_winning_reference(order, wins)
        assert [(c.members, c.seats) for c in found] == with_seats(players, weights, expected)


def test_scenario_kinds_are_named_in_the_comparison_notes():
    iraq = pi.WeightedGame([91, 89, 70, 57, 18], 163,
                           players=["Iraqiya", "SoL", "INA", "Kurds", "Small"])
    graph = pi.compatibility_graph(iraq, incompatible=[("Iraqiya", "SoL")])
    scenarios = {"plain": pi.Scenario(iraq), "merged": iraq.merge(["SoL", "INA"], name="NA"),
                 "union": pi.Scenario(iraq, unions=[["SoL", "INA"]]),
                 "both": pi.Scenario(iraq.merge(["SoL", "INA"], name="NA"),
                                     unions=[["NA", "Kurds"]], graph=None),
                 "graph": pi.Scenario(iraq, graph=graph)}
    assert [s.kind if isinstance(s, pi.Scenario) else pi.Scenario(s).kind
            for s in scenarios.values()] == [
        "", "merged blocs", "a priori unions", "merged blocs, a priori unions", "graph"]
    notes = pi.compare(scenarios).notes
    assert notes[-2:] == ("Merged blocs in merged, both (each votes as one player).",
                          "A priori unions in union, both (their members bargain together:"
                          " the Owen value).")
    # Plain games only: no such note.
    assert pi.compare({"a": iraq, "b": pi.Scenario(iraq, graph=graph)}).notes == ()
