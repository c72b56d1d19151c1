"""Naive brute-force reference for power indices, independent of the powerindex package.

Everything here is deliberately simple and slow: a game is a list of player names plus a
predicate ``wins(frozenset_of_names) -> bool``, and every quantity is computed straight from
its textbook definition by looping over all coalitions (or all orderings) with exact Fractions.
This module must never import powerindex.
"""

from decimal import Decimal
from fractions import Fraction
from itertools import combinations, permutations
from math import factorial

__all__ = [
    "default_players",
    "exact",
    "weighted",
    "all_coalitions",
    "winning_coalitions",
    "losing_coalitions",
    "minimal_winning_coalitions",
    "minimum_size_winning_coalitions",
    "minimum_weight_winning_coalitions",
    "swing_coalitions",
    "critical_players",
    "shapley_shubik_permutations",
    "shapley_shubik_subsets",
    "swings",
    "banzhaf",
    "absolute_banzhaf",
    "coleman_prevent",
    "coleman_initiate",
    "coleman_collectivity",
    "johnston",
    "deegan_packel",
    "holler",
    "veto_players",
    "dummies",
    "is_proper",
    "is_strong",
    "is_decisive",
    "all_indices",
    "baron_ferejohn_violations",
    "swing_probability",
    "interchangeable",
]


def default_players(n):
    """The default player names P1, ..., Pn."""
    return [f"P{i}" for i in range(1, n + 1)]


def exact(x):
    """A number as a Fraction; a float is read as the decimal it prints (0.1 -> 1/10)."""
    if isinstance(x, float):
        return Fraction(repr(x))
    if isinstance(x, Decimal):
        return Fraction(x)
    return Fraction(x)


def weighted(weights, quota, players=None):
    """The winning predicate of the weighted game [quota; weights] (winning iff weight >= quota)."""
    if players is None:
        players = default_players(len(weights))
    weight_of = {p: exact(w) for p, w in zip(players, weights, strict=True)}
    q = exact(quota)

    def wins(coalition):
        return sum((weight_of[p] for p in coalition), Fraction(0)) >= q

    return wins


def all_coalitions(players):
    """Every subset of players, as frozensets (2**n of them)."""
    return [
        frozenset(c) for size in range(len(players) + 1) for c in combinations(players, size)
    ]


def winning_coalitions(players, wins):
    """All winning coalitions."""
    return [s for s in all_coalitions(players) if wins(s)]


def losing_coalitions(players, wins):
    """All losing coalitions."""
    return [s for s in all_coalitions(players) if not wins(s)]


def minimal_winning_coalitions(players, wins):
    """Winning coalitions that lose when any one member leaves (enough, as games are monotone)."""
    return [s for s in winning_coalitions(players, wins) if all(not wins(s - {p}) for p in s)]


def minimum_size_winning_coalitions(players, wins):
    """Winning coalitions with the fewest members."""
    won = winning_coalitions(players, wins)
    smallest = min(len(s) for s in won)
    return [s for s in won if len(s) == smallest]


def minimum_weight_winning_coalitions(players, wins, weights):
    """Minimal winning coalitions of least total weight (weights in player order)."""
    weight_of = {p: exact(w) for p, w in zip(players, weights, strict=True)}

    def total(s):
        return sum((weight_of[p] for p in s), Fraction(0))

    mwc = minimal_winning_coalitions(players, wins)
    lightest = min(total(s) for s in mwc)
    return [s for s in mwc if total(s) == lightest]


def swing_coalitions(players, wins, player):
    """Winning coalitions containing player that lose without player."""
    return [s for s in winning_coalitions(players, wins) if player in s and not wins(s - {player})]


def critical_players(s, wins):
    """Members of the (winning) coalition s whose departure makes it lose."""
    return [p for p in s if not wins(s - {p})]


def shapley_shubik_permutations(players, wins):
    """Shapley-Shubik: share of the n! orderings in which each player is pivotal."""
    pivots = {p: 0 for p in players}
    count = 0
    for order in permutations(players):
        count += 1
        so_far = frozenset()
        for p in order:
            if wins(so_far | {p}) and not wins(so_far):
                pivots[p] += 1
                break
            so_far = so_far | {p}
    return {p: Fraction(pivots[p], count) for p in players}


def shapley_shubik_subsets(players, wins):
    """Shapley-Shubik by the subset formula: sum over swings S of |S|!(n-|S|-1)!/n!."""
    n = len(players)
    result = {}
    for p in players:
        total = Fraction(0)
        for s in all_coalitions([q for q in players if q != p]):
            if wins(s | {p}) and not wins(s):
                total += Fraction(factorial(len(s)) * factorial(n - len(s) - 1), factorial(n))
        result[p] = total
    return result


def swings(players, wins):
    """Raw Banzhaf swings: coalitions S without i with S losing and S+{i} winning."""
    result = {}
    for p in players:
        others = [q for q in players if q != p]
        result[p] = sum(1 for s in all_coalitions(others) if wins(s | {p}) and not wins(s))
    return result


def banzhaf(players, wins):
    """Normalized Banzhaf: swings_i / sum of all swings."""
    sw = swings(players, wins)
    total = sum(sw.values())
    return {p: Fraction(sw[p], total) for p in players}


def absolute_banzhaf(players, wins):
    """Absolute (Penrose) Banzhaf: swings_i / 2**(n-1)."""
    sw = swings(players, wins)
    return {p: Fraction(sw[p], 2 ** (len(players) - 1)) for p in players}


def coleman_prevent(players, wins):
    """Coleman's power to prevent action: swings_i / number of winning coalitions."""
    sw = swings(players, wins)
    w = len(winning_coalitions(players, wins))
    return {p: Fraction(sw[p], w) for p in players}


def coleman_initiate(players, wins):
    """Coleman's power to initiate action: swings_i / number of losing coalitions."""
    sw = swings(players, wins)
    lost = len(losing_coalitions(players, wins))
    return {p: Fraction(sw[p], lost) for p in players}


def coleman_collectivity(players, wins):
    """Coleman's power of the collectivity to act: winning coalitions / 2**n."""
    return Fraction(len(winning_coalitions(players, wins)), 2 ** len(players))


def johnston(players, wins):
    """Johnston: each critical player of a winning S gets 1/c(S); then normalized to sum 1."""
    raw = {p: Fraction(0) for p in players}
    for s in winning_coalitions(players, wins):
        crit = critical_players(s, wins)
        for p in crit:
            raw[p] += Fraction(1, len(crit))
    total = sum(raw.values())
    return {p: raw[p] / total for p in players}


def deegan_packel(players, wins):
    """Deegan-Packel: (1/|M|) * sum over minimal winning S containing i of 1/|S|."""
    mwc = minimal_winning_coalitions(players, wins)
    return {
        p: sum((Fraction(1, len(s)) for s in mwc if p in s), Fraction(0)) / len(mwc)
        for p in players
    }


def holler(players, wins):
    """Holler public good index: MWCs containing i / sum over j of MWCs containing j."""
    mwc = minimal_winning_coalitions(players, wins)
    counts = {p: sum(1 for s in mwc if p in s) for p in players}
    total = sum(counts.values())
    return {p: Fraction(counts[p], total) for p in players}


def veto_players(players, wins):
    """Players belonging to every winning coalition."""
    won = winning_coalitions(players, wins)
    return [p for p in players if all(p in s for s in won)]


def dummies(players, wins):
    """Players that are critical in no winning coalition."""
    return [p for p in players if not swing_coalitions(players, wins, p)]


def is_proper(players, wins):
    """No coalition wins together with its complement."""
    grand = frozenset(players)
    return not any(wins(s) and wins(grand - s) for s in all_coalitions(players))


def is_strong(players, wins):
    """No coalition loses together with its complement."""
    grand = frozenset(players)
    return not any(not wins(s) and not wins(grand - s) for s in all_coalitions(players))


def is_decisive(players, wins):
    """Proper and strong: exactly one of S and its complement wins, for every S."""
    grand = frozenset(players)
    return all(wins(s) != wins(grand - s) for s in all_coalitions(players))


def all_indices(players, wins):
    """Every per-player index by name (SS via the subset formula), as dicts name -> Fraction."""
    return {
        "shapley_shubik": shapley_shubik_subsets(players, wins),
        "banzhaf": banzhaf(players, wins),
        "absolute_banzhaf": absolute_banzhaf(players, wins),
        "swings": swings(players, wins),
        "coleman_prevent": coleman_prevent(players, wins),
        "coleman_initiate": coleman_initiate(players, wins),
        "johnston": johnston(players, wins),
        "deegan_packel": deegan_packel(players, wins),
        "holler": holler(players, wins),
    }


def interchangeable(players, wins, a, b):
    """Whether swapping players a and b changes no coalition's outcome."""
    def swap(s):
        return frozenset(b if p == a else a if p == b else p for p in s)

    return all(wins(s) == wins(swap(s)) for s in all_coalitions(players))


def baron_ferejohn_violations(players, wins, recognition, delta, values, mixtures,
                              tolerance=0):
    """The conditions of a stationary Baron-Ferejohn equilibrium that ``values`` (player ->
    continuation value) and ``mixtures`` (proposer -> list of (coalition, probability))
    break, straight from the definition (Baron and Ferejohn 1989): an empty list for an
    equilibrium.

    A proposer i may only pick winning coalitions containing it whose cost
    delta * sum(v_j, j in S - i) is the least over all such coalitions; and
    v_j = r_j (1 - delta m_j) + delta v_j * sum_{i != j} r_i P(j in i's coalition).
    Exact for Fractions (tolerance 0); floats compare within ``tolerance``.
    """
    problems = []

    def differs(a, b):
        return abs(a - b) > tolerance

    if differs(sum(values.values()), 1):
        problems.append(f"values sum to {sum(values.values())}")
    if any(v < -tolerance for v in values.values()):
        problems.append("a negative value")
    cheapest, bought = {}, {p: 0 for p in players}
    for i in players:
        costs = [delta * sum(values[j] for j in s if j != i)
                 for s in winning_coalitions(players, wins) if i in s]
        cheapest[i] = min(costs)
        if differs(sum(q for _, q in mixtures[i]), 1):
            problems.append(f"the mixture of {i} does not sum to 1")
        for s, q in mixtures[i]:
            if q < 0 or i not in s or not wins(s):
                problems.append(f"{i} picks {sorted(s)} with probability {q}")
            if differs(delta * sum(values[j] for j in s if j != i), cheapest[i]):
                problems.append(f"{i} picks {sorted(s)}, which is not cheapest")
            for j in s:
                if j != i:
                    bought[j] += recognition[i] * q
    for j in players:
        expected = recognition[j] * (1 - cheapest[j]) + delta * values[j] * bought[j]
        if differs(values[j], expected):
            problems.append(f"the value of {j} is {values[j]}, its equation gives {expected}")
    return problems


def swing_probability(players, wins, p):
    """The probability that each player decides when player j votes yes with probability
    p[j] (a dict), summed over the coalitions of the others (Owen 1972)."""
    result = {}
    for i in players:
        others = [j for j in players if j != i]
        total = Fraction(0)
        for s in all_coalitions(others):
            if wins(s | {i}) and not wins(s):
                chance = Fraction(1)
                for j in others:
                    chance *= exact(p[j]) if j in s else 1 - exact(p[j])
                total += chance
        result[i] = total
    return result
