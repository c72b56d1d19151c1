"""Tests of powerindex.unions: the Owen and Banzhaf-Owen values and the quotient game.

The reference implementations below are written naively from the definitions and do not use
the library: the Owen value by averaging pivots over every ordering in which the members of
each union arrive together, the Banzhaf-Owen value by Owen's (1982) double sum over sets of
other unions and sets of union-mates, with itertools and Fractions.
"""

import copy
import random
import warnings
from fractions import Fraction as F
from itertools import chain, combinations, permutations, product
from math import floor

import brute
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import powerindex as pi
from powerindex.politics.unions import banzhaf_owen, owen, quotient_game

pytestmark = pytest.mark.filterwarnings("ignore::powerindex.ImproperGameWarning")

PROPERTY = settings(deadline=None, max_examples=120)


# --------------------------------------------------------------------------------------------
# Naive references (no library code)
# --------------------------------------------------------------------------------------------

def full_partition(players, unions):
    """The unions as a list of lists, completed with a singleton for every player left out."""
    named = {p for union in unions for p in union}
    return [list(u) for u in unions] + [[p] for p in players if p not in named]


def subsets(items):
    """Every subset of items, as tuples."""
    items = list(items)
    return chain.from_iterable(combinations(items, k) for k in range(len(items) + 1))


def owen_by_orderings(players, wins, unions):
    """Owen value: share of the orderings that keep each union together in which i pivots.

    An admissible ordering is an order of the unions followed, inside each union, by an order
    of its members; each is equally likely.
    """
    partition = full_partition(players, unions)
    pivots = {p: 0 for p in players}
    count = 0
    for union_order in permutations(partition):
        for inner_orders in product(*(permutations(u) for u in union_order)):
            count += 1
            arrived = frozenset()
            for player in chain.from_iterable(inner_orders):
                if not wins(arrived) and wins(arrived | {player}):
                    pivots[player] += 1
                    break
                arrived = arrived | {player}
    return {p: F(pivots[p], count) for p in players}


def banzhaf_owen_by_formula(players, wins, unions):
    """Banzhaf-Owen value (Owen 1982): for i in union k, over R (other unions) and T (other
    members of k), the swings of i at Q_R + T, each weighted 1/2**(m-1) * 1/2**(p_k-1)."""
    partition = full_partition(players, unions)
    m = len(partition)
    result = {}
    for union in partition:
        others = [u for u in partition if u is not union]
        for player in union:
            mates = [q for q in union if q != player]
            total = F(0)
            for chosen in subsets(range(len(others))):
                q_r = frozenset(p for j in chosen for p in others[j])
                for t in subsets(mates):
                    s = q_r | frozenset(t)
                    if wins(s | {player}) and not wins(s):
                        total += F(1, 2 ** (m - 1)) * F(1, 2 ** (len(union) - 1))
            result[player] = total
    return result


def naive_quotient(players, wins, unions):
    """(union names, predicate on sets of union names) of the game among the unions."""
    partition = full_partition(players, unions)
    names = ["+".join(u) for u in partition]
    members = dict(zip(names, partition, strict=True))

    def quotient_wins(coalition):
        return wins(frozenset(p for name in coalition for p in members[name]))

    return names, quotient_wins


def weighted_rule(weights, quota, players):
    return brute.weighted(weights, quota, players)


def make_weighted(weights, quota, players):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pi.ImproperGameWarning)
        return pi.WeightedGame(weights, quota, players=players)


def random_partition(rng, players):
    """Random unions (a list of lists); some singletons are left out, to be implied."""
    labels = [rng.randrange(len(players)) for _ in players]
    groups = {}
    for player, label in zip(players, labels, strict=True):
        groups.setdefault(label, []).append(player)
    unions = [g for g in groups.values() if len(g) > 1 or rng.random() < 0.5]
    rng.shuffle(unions)
    return unions


# --------------------------------------------------------------------------------------------
# The references themselves, on cases worked by hand
# --------------------------------------------------------------------------------------------

def test_reference_owen_on_a_hand_worked_case():
    """[3; 2, 1, 1] with unions {A}, {B, C}: the admissible orders are A B C, A C B, B C A and
    C B A. In A B C, B pivots (2 + 1 = 3); in A C B, C does; in B C A and C B A, A does (B + C = 2
    loses). So A: 2/4, B: 1/4, C: 1/4."""
    players = ["A", "B", "C"]
    wins = weighted_rule([2, 1, 1], 3, players)
    assert owen_by_orderings(players, wins, [["B", "C"]]) == {"A": F(1, 2), "B": F(1, 4),
                                                              "C": F(1, 4)}


def test_reference_banzhaf_owen_on_a_hand_worked_case():
    """[3; 2, 1, 1], unions {A}, {B, C}: m = 2. A: R in {{}, {BC}}: swings at {} (no: A alone
    loses) and at {B, C} (B+C = 2 loses, +A wins): 1 * 1/2 = 1/2. B: R = {} with T in {{}, {C}}:
    no swing; R = {A}: T = {}: A+B wins, A loses -> swing; T = {C}: A+C already wins. So
    1 * 1/2 * 1/2 = 1/4."""
    players = ["A", "B", "C"]
    wins = weighted_rule([2, 1, 1], 3, players)
    assert banzhaf_owen_by_formula(players, wins, [["B", "C"]]) == {
        "A": F(1, 2), "B": F(1, 4), "C": F(1, 4)}


# --------------------------------------------------------------------------------------------
# Published and hand-checked examples
# --------------------------------------------------------------------------------------------

MADRID = ["PP", "PSOE", "Podemos", "Cs"]


@pytest.fixture
def madrid():
    """Madrid Assembly 2015-2019: [65; 48, 37, 27, 17] (PP, PSOE, Podemos, C's)."""
    return pi.WeightedGame([48, 37, 27, 17], 65, players=MADRID)


def _truncated(values, digits=4):
    """Values cut (not rounded) to `digits` decimals, as the paper prints them (2/3 -> .6666)."""
    return {p: F(floor(v * 10**digits), 10**digits) for p, v in values.items()}


def test_gimenez_puente_2019_madrid_owen(madrid):
    """Gimenez, J. M. & Puente, M. A. (2019). The Owen and the Owen-Banzhaf values applied to the
    study of the Madrid Assembly and the Andalusian Parliament in legislature 2015-2019. ICORES
    2019, SciTePress. Table 1, column (a): Shapley / Owen value, for no unions (-), the right
    alliance B_R = {{PP, C's}, {PSOE}, {Podemos}} and the left alliance B_L = {{PP}, {PSOE,
    Podemos, C's}}. Printed: (-) .5000 .1666 .1666 .1666; (R) .6666 0 0 .3333; (L) 0 .3333
    .3333 .3333 (decimals cut after 4 places).

    Hand check of (R): PP + C's = 65 wins alone, so the union gets 1 in the quotient game. Inside
    it, over R (the other unions before it) with weights 1/3, 1/6, 1/6, 1/3 for R = {}, {PSOE},
    {Podemos}, {PSOE, Podemos}: PP is pivotal in half the inner orders for R = {} and R = both
    (64 + either member wins), and always for R = {PSOE} or {Podemos} (C's joins them with 54 or
    44 seats only): 1/6 + 1/6 + 1/6 + 1/6 = 2/3; C's gets the rest, 1/3.
    """
    assert dict(pi.shapley_shubik(madrid)) == {"PP": F(1, 2), "PSOE": F(1, 6),
                                               "Podemos": F(1, 6), "Cs": F(1, 6)}
    right = owen(madrid, [["PP", "Cs"]])
    left = owen(madrid, [["PSOE", "Podemos", "Cs"]])
    assert dict(right) == {"PP": F(2, 3), "PSOE": 0, "Podemos": 0, "Cs": F(1, 3)}
    assert dict(left) == {"PP": 0, "PSOE": F(1, 3), "Podemos": F(1, 3), "Cs": F(1, 3)}
    printed = {
        "R": {"PP": F("0.6666"), "PSOE": 0, "Podemos": 0, "Cs": F("0.3333")},
        "L": {"PP": 0, "PSOE": F("0.3333"), "Podemos": F("0.3333"), "Cs": F("0.3333")},
    }
    assert _truncated(dict(right)) == printed["R"]
    assert _truncated(dict(left)) == printed["L"]


def test_gimenez_puente_2019_madrid_banzhaf_owen(madrid):
    """Same source, Table 1, column (b): Banzhaf / Owen-Banzhaf value. Printed: (-) .75 .25 .25
    .25; (R) .75 0 0 .25; (L) 0 .25 .25 .25.

    Hand check of (L): m = 2 unions, the left union has 3 members, weight 1/2 * 1/4 = 1/8 per
    pair (R, T). PSOE swings at R = {}, T = {Podemos, C's} (44 + 37 = 81 >= 65, 44 < 65) and at
    R = {PP}, T = {} (48 + 37 wins, 48 loses), nowhere else: 2/8 = 1/4. PP never swings: the
    left union wins without it and it loses alone.
    """
    assert dict(pi.banzhaf(madrid, normalized=False)) == {
        "PP": F(3, 4), "PSOE": F(1, 4), "Podemos": F(1, 4), "Cs": F(1, 4)}
    assert dict(banzhaf_owen(madrid, [["PP", "Cs"]])) == {
        "PP": F(3, 4), "PSOE": 0, "Podemos": 0, "Cs": F(1, 4)}
    assert dict(banzhaf_owen(madrid, {"left": ["PSOE", "Podemos", "Cs"]})) == {
        "PP": 0, "PSOE": F(1, 4), "Podemos": F(1, 4), "Cs": F(1, 4)}


IRAQ = ["Iraqiya", "SoL", "INA", "Kurds", "Small"]


@pytest.fixture
def iraq():
    """Iraqi Council of Representatives 2010: [163; 91, 89, 70, 57, 18]."""
    return pi.WeightedGame([91, 89, 70, 57, 18], 163, players=IRAQ)


def test_iraq_union_versus_merger(iraq):
    """SoL and INA merged (one player, 159 seats) versus in a union (two players bargaining
    together). The quotient game is [163; 159, 91, 57, 18] in both cases: the bloc wins with any
    partner, the other three need each other (91 + 57 + 18 = 166). So the bloc holds 1/2 either
    way; the union splits it SoL 1/3, INA 1/6 (worked by hand in powerindex.unions's docstring:
    SoL pivots for R = {Iraqiya} and {Kurds, Small} where INA does not)."""
    wins = weighted_rule([91, 89, 70, 57, 18], 163, IRAQ)
    merged = pi.shapley_shubik(iraq.merge(["SoL", "INA"], name="NA"))
    union = owen(iraq, [["SoL", "INA"]])
    expected = {"Iraqiya": F(1, 6), "SoL": F(1, 3), "INA": F(1, 6), "Kurds": F(1, 6),
                "Small": F(1, 6)}
    assert dict(union) == expected == owen_by_orderings(IRAQ, wins, [["SoL", "INA"]])
    assert dict(merged) == {"Iraqiya": F(1, 6), "NA": F(1, 2), "Kurds": F(1, 6),
                            "Small": F(1, 6)}
    assert merged["NA"] == union["SoL"] + union["INA"]
    assert dict(banzhaf_owen(iraq, [["SoL", "INA"]])) == banzhaf_owen_by_formula(
        IRAQ, wins, [["SoL", "INA"]])


# --------------------------------------------------------------------------------------------
# Agreement with the naive references
# --------------------------------------------------------------------------------------------

def _random_weighted(rng, n):
    players = [f"p{i}" for i in range(n)]
    weights = [rng.randint(0, 12) for _ in range(n)]
    if not any(weights):
        weights[0] = 1
    quota = rng.randint(1, sum(weights))
    return players, weights, quota


@pytest.mark.parametrize("seed", range(40))
def test_agrees_with_naive_references_on_random_weighted_games(seed):
    rng = random.Random(seed)
    players, weights, quota = _random_weighted(rng, rng.randint(1, 7))
    unions = random_partition(rng, players)
    game = make_weighted(weights, quota, players)
    wins = weighted_rule(weights, quota, players)
    assert dict(owen(game, unions)) == owen_by_orderings(players, wins, unions)
    assert dict(banzhaf_owen(game, unions)) == banzhaf_owen_by_formula(players, wins, unions)


@pytest.mark.parametrize("seed", range(15))
def test_agrees_with_naive_references_on_random_simple_and_composite_games(seed):
    rng = random.Random(1000 + seed)
    n = rng.randint(2, 6)
    players = [f"s{i}" for i in range(n)]
    generators = [rng.sample(players, rng.randint(1, n)) for _ in range(rng.randint(1, 4))]
    simple = pi.SimpleGame(players, generators)

    def simple_wins(coalition):
        return any(set(g) <= coalition for g in generators)

    _, weights, quota = _random_weighted(rng, n)
    composite = simple | make_weighted(weights, quota, players)
    weighted_wins = weighted_rule(weights, quota, players)

    def composite_wins(coalition):
        return simple_wins(coalition) or weighted_wins(coalition)

    unions = random_partition(rng, players)
    for game, wins in ((simple, simple_wins), (composite, composite_wins)):
        assert dict(owen(game, unions)) == owen_by_orderings(players, wins, unions)
        assert dict(banzhaf_owen(game, unions)) == banzhaf_owen_by_formula(players, wins,
                                                                           unions)


@pytest.mark.parametrize("seed", range(10))
def test_quotient_game_agrees_with_naive_quotient(seed):
    rng = random.Random(2000 + seed)
    players, weights, quota = _random_weighted(rng, rng.randint(1, 7))
    unions = random_partition(rng, players)
    game = make_weighted(weights, quota, players)
    names, quotient_wins = naive_quotient(players, weighted_rule(weights, quota, players),
                                          unions)
    q = quotient_game(game, unions)
    assert list(q.players) == names
    for coalition in brute.all_coalitions(names):
        assert q.is_winning(coalition) == quotient_wins(coalition)
    assert pi.winning_coalitions(q) == sorted(
        brute.winning_coalitions(names, quotient_wins),
        key=lambda s: (len(s), sorted(names.index(x) for x in s)))


# --------------------------------------------------------------------------------------------
# Axioms (hypothesis)
# --------------------------------------------------------------------------------------------

@st.composite
def games_with_unions(draw, max_n=7):
    """(players, weights, quota, unions) with a random partition, some singletons implied."""
    n = draw(st.integers(1, max_n))
    players = [f"v{i}" for i in range(n)]
    weights = draw(st.lists(st.integers(0, 15), min_size=n, max_size=n).filter(any))
    quota = draw(st.integers(1, sum(weights)))
    labels = draw(st.lists(st.integers(0, n - 1), min_size=n, max_size=n))
    groups = {}
    for player, label in zip(players, labels, strict=True):
        groups.setdefault(label, []).append(player)
    keep = draw(st.lists(st.booleans(), min_size=len(groups), max_size=len(groups)))
    unions = [g for g, k in zip(groups.values(), keep, strict=True) if len(g) > 1 or k]
    return players, weights, quota, unions


@PROPERTY
@given(games_with_unions(max_n=9))
def test_property_trivial_partitions_give_shapley_shubik_and_absolute_banzhaf(spec):
    players, weights, quota, _ = spec
    game = make_weighted(weights, quota, players)
    ss = dict(pi.shapley_shubik(game))
    absolute = dict(pi.banzhaf(game, normalized=False))
    for unions in ([], [[p] for p in players], [list(players)], {"all": list(players)}):
        assert dict(owen(game, unions)) == ss
        assert dict(banzhaf_owen(game, unions)) == absolute


@PROPERTY
@given(games_with_unions())
def test_property_owen_is_efficient_and_has_the_quotient_game_property(spec):
    players, weights, quota, unions = spec
    game = make_weighted(weights, quota, players)
    values = owen(game, unions)
    assert sum(values.values()) == 1
    q = quotient_game(game, unions)
    q_wins = brute.weighted(weights, quota, players)
    members = dict(zip(q.players, full_partition(players, unions), strict=True))
    quotient_ss = brute.shapley_shubik_permutations(
        list(q.players), lambda s: q_wins(frozenset(p for u in s for p in members[u])))
    for name, group in members.items():
        assert sum(values[p] for p in group) == quotient_ss[name]


@PROPERTY
@given(games_with_unions())
def test_property_symmetric_members_of_a_union_get_equal_values(spec):
    players, weights, quota, unions = spec
    game = make_weighted(weights, quota, players)
    ow, bo = owen(game, unions), banzhaf_owen(game, unions)
    weight = dict(zip(players, weights, strict=True))
    for union in full_partition(players, unions):
        for a, b in combinations(union, 2):
            if weight[a] == weight[b]:  # equal weights: symmetric in a weighted game
                assert ow[a] == ow[b]
                assert bo[a] == bo[b]


@PROPERTY
@given(games_with_unions())
def test_property_null_players_get_zero(spec):
    players, weights, quota, unions = spec
    game = make_weighted(weights, quota, players)
    wins = weighted_rule(weights, quota, players)
    ow, bo = owen(game, unions), banzhaf_owen(game, unions)
    counts = brute.swings(players, wins)
    for p in players:
        if counts[p] == 0:
            assert ow[p] == 0 and bo[p] == 0


def test_a_non_null_player_can_get_zero_when_others_bargain_together():
    """The converse of the null-player property fails: in [2; 1, 1, 1] with the union {a, b},
    c swings alone (at {a} and at {b}) but never against the union, which wins without it or
    loses as a bloc: in the orders a b c and b a c the second of a, b pivots, in c a b and c b a
    the first of them does."""
    game = pi.WeightedGame([1, 1, 1], 2, players=["a", "b", "c"])
    assert pi.swings(game)["c"] == 2
    assert owen(game, [["a", "b"]])["c"] == 0
    assert banzhaf_owen(game, [["a", "b"]])["c"] == 0


@PROPERTY
@given(games_with_unions(), st.randoms(use_true_random=False))
def test_property_order_and_form_of_the_unions_do_not_matter(spec, rng):
    players, weights, quota, unions = spec
    game = make_weighted(weights, quota, players)
    reordered = [rng.sample(u, len(u)) for u in unions]
    rng.shuffle(reordered)
    named = {f"u{j}": u for j, u in enumerate(reordered)}
    for index in (owen, banzhaf_owen):
        expected = dict(index(game, unions))
        assert dict(index(game, reordered)) == expected
        assert dict(index(game, named)) == expected
        assert dict(index(game, [tuple(u) for u in unions])) == expected
        assert dict(index(game, [set(u) for u in unions])) == expected


# --------------------------------------------------------------------------------------------
# Results, larger games, dispatch
# --------------------------------------------------------------------------------------------

def test_result_type(iraq):
    for index, name in ((owen, "owen"), (banzhaf_owen, "banzhaf_owen")):
        result = index(iraq, [["SoL", "INA"]])
        assert isinstance(result, pi.PowerIndexResult)
        assert result.index == name
        assert result.game is iraq
        assert result.method == "generating"
        assert list(result) == IRAQ
        assert all(isinstance(v, F) for v in result.values())
        enumerated = index(iraq, [["SoL", "INA"]], method="enumerate")
        assert enumerated.method == "enumerate"
        assert dict(enumerated) == dict(result)


def test_a_twenty_player_game_within_seconds():
    """Big enough to exercise the chunked passes; the checks are the axioms, which hold exactly."""
    players = [f"m{i}" for i in range(20)]
    weights = [9, 8, 8, 7, 6, 6, 5, 5, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1]
    game = pi.WeightedGame(weights, 41, players=players)
    unions = [players[0:5], players[5:8], players[8:16]]
    values = owen(game, unions)
    assert sum(values.values()) == 1
    quotient_ss = pi.shapley_shubik(quotient_game(game, unions))
    for name, group in zip(quotient_game(game, unions).players, unions, strict=False):
        assert sum(values[p] for p in group) == quotient_ss[name]
    assert values["m16"] == values["m19"]  # equal weights, both alone
    assert dict(owen(game, [])) == dict(pi.shapley_shubik(game))
    assert dict(banzhaf_owen(game, [players])) == dict(pi.banzhaf(game, normalized=False))


def test_too_many_players():
    players = [f"x{i}" for i in range(27)]
    game = pi.SimpleGame(players, [players[:14]])
    with pytest.raises(pi.GameTooLargeError):
        owen(game, [players[:2]])
    with pytest.raises(pi.GameTooLargeError):
        banzhaf_owen(game, [players[:2]])


def test_a_tu_game_of_a_simple_game_has_the_same_values(iraq):
    """Cross-check with powerindex.tu (another module's algorithm) when it is present."""
    tu = pytest.importorskip("powerindex.tu")
    game = tu.TUGame.from_simple_game(iraq)
    for unions in ([["SoL", "INA"]], {"x": ["Kurds", "Small", "Iraqiya"]}, []):
        assert dict(owen(game, unions)) == dict(owen(iraq, unions))
        assert dict(banzhaf_owen(game, unions)) == dict(banzhaf_owen(iraq, unions))


def test_tu_games_get_the_values_of_their_worths():
    """A TU game gets the Owen and Banzhaf-Owen values of its worths."""
    tu = pi.TUGame(["a", "b", "c"], lambda s: len(s) ** 2)
    unions = [["a", "b"]]
    assert owen(tu, unions) == tu.union_value(unions, "owen")
    assert banzhaf_owen(tu, unions) == tu.union_value(unions, "banzhaf_owen")
    assert sum(owen(tu, unions).values()) == 9  # efficient: v(N) = 9


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("index", [owen, banzhaf_owen, quotient_game])
@pytest.mark.parametrize(
    ("unions", "error", "message"),
    [
        ([["SoL", "INA"], ["INA", "Kurds"]], pi.InvalidUnionsError,
         r"'INA' is in two unions, union 1 \['SoL', 'INA'\] and union 2 \['INA', 'Kurds'\]"),
        ({"a": ["SoL"], "b": ["SoL", "Kurds"]}, pi.InvalidUnionsError,
         r"'SoL' is in two unions, union 'a' \['SoL'\] and union 'b'"),
        ([["SoL", "Nobody"]], pi.UnknownPlayerError, r"'Nobody'"),
        ({"bloc": ["SoL", "Nobody"]}, pi.UnknownPlayerError, r"union 'bloc' names 'Nobody'"),
        ([["SoL", 3]], pi.UnknownPlayerError, r"names 3"),
        ([["SoL", ["INA"]]], pi.UnknownPlayerError, r"\['INA'\]"),
        ([["SoL"], []], pi.InvalidUnionsError, r"union 2 is empty"),
        ({"empty": []}, pi.InvalidUnionsError, r"union 'empty' is empty"),
        (["SoL", ["INA"]], pi.InvalidUnionsError, r"bare string 'SoL'.*\['SoL'\]"),
        ({"NA": "SoL"}, pi.InvalidUnionsError, r"union 'NA' is the bare string 'SoL'"),
        ("SoL", pi.InvalidUnionsError, r"the string 'SoL'"),
        (42, pi.InvalidUnionsError, r"got int"),
        ([["SoL", 42]], pi.UnknownPlayerError, r"42"),
        ([42], pi.InvalidUnionsError, r"union 1 is 42"),
        ([["SoL", "SoL"]], pi.InvalidUnionsError, r"names 'SoL' twice"),
        ({"": ["SoL"]}, pi.InvalidUnionsError, r"non-empty string"),
        ({None: ["SoL"]}, pi.InvalidUnionsError, r"got None"),
        ({"Kurds": ["SoL", "INA"]}, pi.InvalidUnionsError, r"two unions are named 'Kurds'"),
    ],
)
def test_bad_unions_raise_clear_errors(iraq, index, unions, error, message):
    with pytest.raises(error, match=message):
        index(iraq, unions)


def test_union_errors_are_value_errors(iraq):
    with pytest.raises(ValueError):
        owen(iraq, [["SoL"], ["SoL"]])
    with pytest.raises(ValueError):
        owen(iraq, [["Nobody"]])


def test_union_name_clashing_with_a_player_left_alone():
    game = pi.WeightedGame([2, 1, 1, 1], 3, players=["A", "B", "A+B", "C"])
    with pytest.raises(pi.InvalidUnionsError, match="'A\\+B'"):
        owen(game, [["A", "B"]])
    assert sum(owen(game, {"AB": ["A", "B"]}).values()) == 1


def test_union_names(iraq):
    assert quotient_game(iraq, [["INA", "SoL"]]).players[0] == "INA+SoL"  # order as given
    assert quotient_game(iraq, [{"INA", "SoL"}]).players[0] == "SoL+INA"  # a set: player order
    assert quotient_game(iraq, {"NA": {"INA", "SoL"}, "K": ["Kurds"]}).players == (
        "NA", "K", "Iraqiya", "Small")


def test_one_player_unions_are_fine(iraq):
    assert dict(owen(iraq, [["SoL"], ["Kurds"]])) == dict(pi.shapley_shubik(iraq))
    assert quotient_game(iraq, [["SoL"]]).players == ("SoL", "Iraqiya", "INA", "Kurds", "Small")


def test_bad_method_and_non_games(iraq):
    simple = pi.SimpleGame(["a", "b", "c"], [["a", "b"], ["a", "c"]])
    with pytest.raises(pi.InvalidMethodError, match="'generating' needs a WeightedGame"):
        owen(simple, [], method="generating")
    with pytest.raises(pi.InvalidMethodError):
        banzhaf_owen(iraq, [], method="backtrack")
    for index in (owen, banzhaf_owen, quotient_game):
        with pytest.raises(pi.InvalidTypeError, match="dict"):
            index({"A": 1}, [])


def test_inputs_are_not_mutated(iraq):
    unions_list = [["SoL", "INA"], ("Kurds",)]
    unions_dict = {"NA": ["INA", "SoL"], "K": ["Kurds"]}
    saved = copy.deepcopy((unions_list, unions_dict))
    before = (iraq.players, iraq.weights, iraq.quota)
    for index in (owen, banzhaf_owen, quotient_game):
        index(iraq, unions_list)
        index(iraq, unions_dict)
    assert (unions_list, unions_dict) == saved
    assert (iraq.players, iraq.weights, iraq.quota) == before
    assert dict(pi.shapley_shubik(iraq))["SoL"] == F(3, 10)


def test_unions_from_a_generator_are_read_once(iraq):
    unions = (u for u in [["SoL", "INA"]])
    assert owen(iraq, unions)["SoL"] == F(1, 3)


def test_banzhaf_owen_lacks_the_quotient_game_property():
    """[20; 4, 9, 3, 6] with the union {a, b, c} (16 seats): the quotient game is the unanimity
    game of the union and d, where each has absolute Banzhaf measure 1/2. Inside the union every
    member is needed (with d's 6 the union needs 14: 4 + 9 + 3 = 16, any two at most 13), so each
    swings only at R = {d}, T = the other two: 1/2 * 1/4 = 1/8 each, 3/8 in all, not 1/2."""
    game = pi.WeightedGame([4, 9, 3, 6], 20, players=["a", "b", "c", "d"])
    unions = {"U": ["a", "b", "c"]}
    values = banzhaf_owen(game, unions)
    assert dict(values) == {"a": F(1, 8), "b": F(1, 8), "c": F(1, 8), "d": F(1, 2)}
    assert dict(pi.banzhaf(quotient_game(game, unions), normalized=False)) == {
        "U": F(1, 2), "d": F(1, 2)}
    owen_values = owen(game, unions)
    assert owen_values["a"] + owen_values["b"] + owen_values["c"] == F(1, 2)
