"""The Shapley-Owen spatial power index (powerindex/politics/spatial.py).

Three kinds of evidence, as for every index: values known in closed form (Owen and
Shapley 1989: three voters at the corners of a triangle hold their angle divided by pi),
an independent brute force (every critical angle of every pair, the pivot evaluated at
the midpoint of every arc between consecutive ones, ties enumerated), and hypothesis
properties (efficiency, invariance under rotation, translation, scaling and reflection,
dummies, agreement of the two engines and of one and two dimensions).
"""

import math
import warnings
from fractions import Fraction as F
from itertools import combinations, permutations, product

import pytest
from hypothesis import given
from hypothesis import strategies as st

import powerindex as pi
from powerindex.politics.spatial_estimate import SpatialEstimate

# -- an independent brute force ------------------------------------------------------------------


def _orders_of(groups):
    """Every order of the players consistent with ``groups`` (lists of tied players, in
    order): the product of the permutations of each group."""
    for parts in product(*(permutations(group) for group in groups)):
        yield [p for part in parts for p in part]


def _pivot_shares(game, groups):
    """Player -> share of the pivot over the orders consistent with the tied groups."""
    orders = list(_orders_of(groups))
    shares = {}
    for order in orders:
        for k in range(len(order)):
            if game.is_winning(order[:k + 1]):
                shares[order[k]] = shares.get(order[k], 0) + F(1, len(orders))
                break
    return shares


def _groups(game, positions, key):
    """Players grouped by identical position, the groups ordered by ``key(position)``."""
    by_point = {}
    for p in game.players:
        by_point.setdefault(tuple(F(c) for c in _tuple(positions[p])), []).append(p)
    return [by_point[point] for point in sorted(by_point, key=key)]


def _tuple(value):
    return value if isinstance(value, tuple) else (value,)


def brute_one_dimension(game, positions):
    """Half the directions left to right, half right to left, ties enumerated."""
    groups = _groups(game, positions, key=lambda point: point[0])
    values = dict.fromkeys(game.players, F(0))
    for direction in (groups, groups[::-1]):
        for p, share in _pivot_shares(game, direction).items():
            values[p] += share / 2
    return values


def brute_two_dimensions(game, positions):
    """Every critical angle computed from every pair; the pivot found by sorting the
    projections at the midpoint of every arc (arcs shorter than 1e-12 skipped)."""
    points = {p: tuple(float(c) for c in positions[p]) for p in game.players}
    critical = {0.0}
    for a, b in combinations(game.players, 2):
        dx, dy = points[b][0] - points[a][0], points[b][1] - points[a][1]
        if dx or dy:
            base = math.atan2(dy, dx)
            critical |= {(base + math.pi / 2) % (2 * math.pi),
                         (base - math.pi / 2) % (2 * math.pi)}
    angles = sorted(critical)
    angles.append(angles[0] + 2 * math.pi)
    values = dict.fromkeys(game.players, 0.0)
    for low, high in zip(angles, angles[1:], strict=False):
        if high - low < 1e-12:
            continue
        middle = (low + high) / 2
        u = (math.cos(middle), math.sin(middle))
        groups = _groups(game, positions,
                         key=lambda point: u[0] * float(point[0]) + u[1] * float(point[1]))
        for p, share in _pivot_shares(game, groups).items():
            values[p] += (high - low) * float(share)
    return {p: v / (2 * math.pi) for p, v in values.items()}


def _close(result, expected, slack=1e-9):
    for p in result:
        assert abs(result[p] - expected[p]) <= result.errors[p] + slack, (p, result[p],
                                                                          expected[p])


# -- known values ----------------------------------------------------------------------------


def _triangle_angles(a, b, c):
    def angle(p, q, r):
        u, v = (q[0] - p[0], q[1] - p[1]), (r[0] - p[0], r[1] - p[1])
        return math.acos((u[0] * v[0] + u[1] * v[1]) / (math.hypot(*u) * math.hypot(*v)))
    return angle(a, b, c), angle(b, c, a), angle(c, a, b)


MAJORITY3 = pi.WeightedGame([1, 1, 1], 2, players=["A", "B", "C"])


def test_equilateral_triangle_gives_a_third_each():
    """Owen and Shapley (1989), IJGT 18(3): 339-356: three voters at the corners of a
    triangle, any two winning, each holds its interior angle over pi -- 1/3 each for an
    equilateral triangle (a consequence of the definition; the notes record the page of
    the paper as unchecked)."""
    result = pi.shapley_owen(MAJORITY3, {"A": (0, 0), "B": (1, 0),
                                         "C": (0.5, math.sqrt(3) / 2)})
    for p in "ABC":
        assert abs(result[p] - 1 / 3) <= result.errors[p] + 1e-15


@pytest.mark.parametrize("corners", [
    ((0, 0), (4, 0), (0, 3)),     # 3-4-5: 1/2, arctan(3/4)/pi, arctan(4/3)/pi
    ((0, 0), (1, 0), (0, 1)),     # right isosceles: 1/2, 1/4, 1/4
    ((-2, 1), (7, 3), (1, 9)),
    ((0, 0), (10, 0), (5, 1)),    # a flat triangle: the obtuse corner holds most
])
def test_triangle_corners_hold_their_angle_over_pi(corners):
    """Owen and Shapley (1989): the voter at a corner is the middle projection exactly
    when the direction falls in the double cone of its angle."""
    result = pi.shapley_owen(MAJORITY3, dict(zip("ABC", corners, strict=True)))
    angles = _triangle_angles(*corners)
    for p, angle in zip("ABC", angles, strict=True):
        assert abs(result[p] - angle / math.pi) <= result.errors[p] + 1e-15


def test_three_four_five_triangle_values():
    """Constructed example of the research notes (positions_bargaining.md 2.4)."""
    result = pi.shapley_owen(MAJORITY3, {"A": (0, 0), "B": (4, 0), "C": (0, 3)})
    assert abs(result["A"] - 0.5) < 1e-14
    assert abs(result["B"] - math.atan(3 / 4) / math.pi) < 1e-14
    assert abs(result["C"] - math.atan(4 / 3) / math.pi) < 1e-14


def test_regular_pentagon_gives_a_fifth_each():
    game = pi.WeightedGame([1] * 5, 3, players=list("ABCDE"))
    corners = {p: (math.cos(2 * math.pi * k / 5), math.sin(2 * math.pi * k / 5))
               for k, p in enumerate("ABCDE")}
    result = pi.shapley_owen(game, corners)
    assert all(abs(v - 0.2) <= result.errors[p] + 1e-15 for p, v in result.items())


def test_a_core_party_is_pivotal_in_every_direction():
    """Constructed example of the research notes (3.4): A (40 seats) at the centre of a
    cross of B, C (20 each) and D, E (10 each) lies on every median line."""
    game = pi.WeightedGame([40, 20, 20, 10, 10], 51, players=list("ABCDE"))
    positions = {"A": (0, 0), "B": (1, 0), "C": (-1, 0), "D": (0, 1), "E": (0, -1)}
    assert pi.shapley_owen(game, positions).to_float() == {
        "A": 1.0, "B": 0.0, "C": 0.0, "D": 0.0, "E": 0.0}
    assert pi.median_party(game, positions).core == ("A",)


def test_one_dimension_is_exact_and_reads_both_ways():
    game = pi.WeightedGame([30, 25, 45], 51, players=["L", "C", "R"])
    result = pi.shapley_owen(game, {"L": 1, "C": 2, "R": 3})
    assert isinstance(result, pi.PowerIndexResult)
    assert result.to_dict() == {"L": 0, "C": 1, "R": 0}
    assert result.method == "median"
    # From the left the pivot is C (30, 55); from the right it is C too (45, 70).
    lopsided = pi.WeightedGame([60, 10, 30], 51, players=["L", "C", "R"])
    assert pi.shapley_owen(lopsided, ["L", "C", "R"]).to_dict() == {
        "L": F(1), "C": F(0), "R": F(0)}
    even = pi.WeightedGame([50, 50], 51, players=["A", "B"])
    assert pi.shapley_owen(even, {"A": 0, "B": 1}).to_dict() == {"A": F(1, 2), "B": F(1, 2)}


def test_players_at_one_position_split_the_pivot_by_their_tied_game():
    """A and B share a position: in either direction the pair arrives together after
    nobody (from the left) or after C (from the right); the split is the Shapley-Shubik
    index of the game the others leave."""
    game = pi.WeightedGame([3, 1, 2], 4, players=["A", "B", "C"])
    result = pi.shapley_owen(game, {"A": 0, "B": 0, "C": 1})
    # From the left, {A, B} with quota 4: A needs B -> 1/2 each; from the right C (2) is
    # in, quota 2 left: A alone reaches it, B never -> A 1.
    assert result.to_dict() == {"A": F(3, 4), "B": F(1, 4), "C": F(0)}
    assert result.to_dict() == brute_one_dimension(game, {"A": 0, "B": 0, "C": 1})
    planar = pi.shapley_owen(game, {"A": (0, 0), "B": (0, 0), "C": (1, 2)})
    _close(planar, brute_two_dimensions(game, {"A": (0, 0), "B": (0, 0), "C": (1, 2)}))


def test_any_simple_game_through_its_counting_plan():
    """A composite game (two majorities) has no weights: the pivot is found by asking
    the plan; the result agrees with the brute force."""
    seats = pi.WeightedGame([4, 3, 2, 1], 6, players=list("ABCD"))
    heads = pi.WeightedGame([1, 1, 1, 1], 3, players=list("ABCD"))
    game = seats & heads
    positions = {"A": (0, 0), "B": (3, 1), "C": (1, 4), "D": (-2, 2)}
    _close(pi.shapley_owen(game, positions), brute_two_dimensions(game, positions))
    line = {"A": 0, "B": 3, "C": 1, "D": -2}
    assert pi.shapley_owen(game, line).to_dict() == brute_one_dimension(game, line)


def test_three_dimensions_are_sampled_with_intervals():
    game = pi.WeightedGame([40, 20, 40], 51, players=["L", "C", "R"])
    positions = {"L": (-1, 0, 0), "C": (0, 1, 0), "R": (1, 0, 0)}
    result = pi.shapley_owen(game, positions, samples=20_000, seed=3)
    assert isinstance(result, SpatialEstimate)
    assert result.samples == 20_000 and result.seed == 3 and result.method == "sample"
    assert abs(sum(result.values()) - 1) < 1e-12
    # In the plane z = 0 these are the exact two-dimensional values.
    exact = pi.shapley_owen(game, {p: point[:2] for p, point in positions.items()})
    for p in game.players:
        low, high = result.confidence_interval(p)
        assert low <= exact[p] <= high
    again = pi.shapley_owen(game, positions, samples=20_000, seed=3)
    assert again.to_dict() == result.to_dict()
    assert "Shapley-Owen index" in str(result) and "seed 3" in str(result)
    assert result.half_width < 0.01


def test_sampling_agrees_with_the_sweep_on_a_general_game():
    game = pi.SimpleGame(list("ABCD"), [{"A", "B"}, {"A", "C", "D"}, {"B", "C", "D"}])
    positions = {"A": (0, 0), "B": (2, 1), "C": (1, 3), "D": (-1, 2)}
    exact = pi.shapley_owen(game, positions)
    sampled = pi.shapley_owen(game, positions, method="sample", samples=8_000, seed=11)
    for p in game.players:
        low, high = sampled.confidence_interval(p)
        assert low - 1e-12 <= exact[p] <= high + 1e-12


def test_error_bound_is_small_for_separated_positions_and_honest_when_close():
    game = pi.WeightedGame([1, 1, 1], 2, players=list("ABC"))
    far = pi.shapley_owen(game, {"A": (0, 0), "B": (1, 0), "C": (0, 1)})
    assert far.error_bound < 1e-13
    # Centred exactly before the floats are taken: a small triangle far from the origin
    # is as accurate as one at it.
    shifted = pi.shapley_owen(game, {"A": (1e6, 1e6), "B": (1e6 + 1e-6, 1e6),
                                     "C": (1e6, 1e6 + 1e-6)})
    assert shifted.error_bound < 1e-13 and abs(shifted["A"] - 0.5) < 1e-13
    # B and C 1e-9 apart, a million from A: their difference keeps few digits, and the
    # bound says so. The angles are 0 at A, 135 degrees at B, 45 at C.
    near = pi.shapley_owen(game, {"A": (0, 0), "B": (1e6, 1e6), "C": (1e6 + 1e-9, 1e6)})
    assert near.error_bound > 1e-3
    for p, angle in (("A", 0), ("B", 0.75), ("C", 0.25)):
        assert abs(near[p] - angle) <= near.errors[p] + 1e-12


# -- bad input ---------------------------------------------------------------------------------


def test_bad_input_is_refused_naming_the_player_or_argument():
    game = pi.WeightedGame([1, 1, 1], 2, players=["A", "B", "C"])
    with pytest.raises(pi.PositionError, match="'C'"):
        pi.shapley_owen(game, {"A": (0, 0), "B": (1, 0)})
    with pytest.raises(pi.PositionError, match="different dimensions"):
        pi.shapley_owen(game, {"A": (0, 0), "B": (1, 0), "C": 1})
    with pytest.raises(pi.PositionError, match="'B'"):
        pi.shapley_owen(game, {"A": (0, 0), "B": (float("nan"), 0), "C": (0, 1)})
    with pytest.raises(pi.InvalidTypeError, match="'A'"):
        pi.shapley_owen(game, {"A": "left", "B": 1, "C": 2})
    with pytest.raises(pi.UnknownPlayerError, match="'D'"):
        pi.shapley_owen(game, {"A": 0, "B": 1, "C": 2, "D": 3})
    with pytest.raises(pi.InvalidMethodError, match="3 dimensions"):
        pi.shapley_owen(game, {"A": (0, 0, 0), "B": (1, 0, 0), "C": (0, 1, 0)},
                        method="exact")
    with pytest.raises(pi.InvalidMethodError, match="'sweep'"):
        pi.shapley_owen(game, {"A": 0, "B": 1, "C": 2}, method="sweep")
    with pytest.raises(pi.InvalidSamplingError, match="samples"):
        pi.shapley_owen(game, {"A": 0, "B": 1, "C": 2}, method="sample", samples=0)
    with pytest.raises(pi.InvalidSamplingError, match="confidence"):
        pi.shapley_owen(game, {"A": 0, "B": 1, "C": 2}, method="sample", confidence=1)
    with pytest.raises(pi.InvalidTypeError, match="seed"):
        pi.shapley_owen(game, {"A": 0, "B": 1, "C": 2}, method="sample", seed=-1)
    with pytest.raises(pi.InvalidTypeError, match="needs a game"):
        pi.shapley_owen({"A": 1}, {"A": 0})


def test_positions_a_double_cannot_tell_apart_are_refused():
    game = pi.WeightedGame([1, 1, 1], 2, players=["A", "B", "C"])
    close = {"A": (F(1, 3), 0), "B": (F(1, 3) + F(1, 10**30), 0), "C": (0, 1)}
    with pytest.raises(pi.PositionError, match="double precision"):
        pi.shapley_owen(game, close)
    # On one dimension the computation is exact: they are two positions, C < A < B.
    assert pi.shapley_owen(game, {p: x for p, (x, _) in close.items()})["A"] == 1


# -- properties ------------------------------------------------------------------------------

COORDINATE = st.integers(-6, 6)


@st.composite
def planar_games(draw, min_players=2, max_players=6):
    n = draw(st.integers(min_players, max_players))
    players = [f"P{i}" for i in range(n)]
    seats = draw(st.lists(st.integers(0, 5), min_size=n, max_size=n))
    if sum(seats) == 0:
        seats[0] = 1
    quota = draw(st.integers(1, sum(seats)))
    points = draw(st.lists(st.tuples(COORDINATE, COORDINATE), min_size=n, max_size=n))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pi.ImproperGameWarning)
        game = pi.WeightedGame(seats, quota, players=players)
    return game, dict(zip(players, points, strict=True))


@given(planar_games(max_players=5))
def test_property_sweep_agrees_with_the_brute_force(case):
    game, positions = case
    _close(pi.shapley_owen(game, positions), brute_two_dimensions(game, positions))


@given(planar_games())
def test_property_efficiency(case):
    game, positions = case
    result = pi.shapley_owen(game, positions)
    assert abs(sum(result.values()) - 1) <= sum(result.errors.values()) + 1e-15
    assert all(-result.errors[p] <= v <= 1 + result.errors[p] for p, v in result.items())


def _transformed(positions, transform):
    return {p: transform(F(x), F(y)) for p, (x, y) in positions.items()}


TRANSFORMS = {
    "rotation by a right angle": lambda x, y: (-y, x),
    "rotation with cos 3/5, sin 4/5": lambda x, y: (F(3, 5) * x - F(4, 5) * y,
                                                      F(4, 5) * x + F(3, 5) * y),
    "translation": lambda x, y: (x + F(7, 3), y - 11),
    "scaling": lambda x, y: (x * F(5, 2), y * F(5, 2)),
    "reflection": lambda x, y: (-x, y),
}


@pytest.mark.parametrize("name", list(TRANSFORMS))
@given(case=planar_games())
def test_property_invariant_under_similarity(name, case):
    game, positions = case
    before = pi.shapley_owen(game, positions)
    after = pi.shapley_owen(game, _transformed(positions, TRANSFORMS[name]))
    for p in game.players:
        assert abs(before[p] - after[p]) <= before.errors[p] + after.errors[p] + 1e-15


@given(planar_games(), st.tuples(COORDINATE, COORDINATE))
def test_property_a_player_without_weight_gets_nothing(case, point):
    game, positions = case
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pi.ImproperGameWarning)
        with_dummy = pi.WeightedGame([*game.weights, 0], game.quota,
                                     players=[*game.players, "dummy"])
    result = pi.shapley_owen(with_dummy, {**positions, "dummy": point})
    assert result["dummy"] == 0.0
    plain = pi.shapley_owen(game, positions)
    for p in game.players:
        assert abs(result[p] - plain[p]) <= result.errors[p] + plain.errors[p] + 1e-15


@given(planar_games())
def test_property_the_rule_engine_agrees_with_the_weights(case):
    game, positions = case
    as_rule = pi.SimpleGame(game.players, lambda s: game.weight_of(s) >= game.quota)
    weighted, ruled = pi.shapley_owen(game, positions), pi.shapley_owen(as_rule, positions)
    for p in game.players:
        assert abs(weighted[p] - ruled[p]) <= weighted.errors[p] + ruled.errors[p] + 1e-15


@given(planar_games())
def test_property_collinear_positions_give_the_exact_line_values(case):
    game, positions = case
    line = {p: x for p, (x, _) in positions.items()}
    exact = pi.shapley_owen(game, line)
    assert exact.to_dict() == brute_one_dimension(game, line)
    planar = pi.shapley_owen(game, {p: (x, 0) for p, x in line.items()})
    for p in game.players:
        assert abs(planar[p] - exact[p]) <= planar.errors[p] + 1e-15


@given(planar_games(min_players=3))
def test_property_a_core_party_is_the_pivot_in_every_direction(case):
    """Cross-check of two modules: a player alone at its position whose Shapley-Owen
    index is 1 is at the core (median_party, exact); in a strong game (of every
    coalition and its complement one wins) the converse holds too -- otherwise a party
    can be at the core yet share the pivot (50 and 50 seats, quota 51)."""
    game, positions = case
    medians = pi.median_party(game, positions)
    values = pi.shapley_owen(game, positions)
    for p in game.players:
        if list(positions.values()).count(positions[p]) > 1:
            continue
        at_core = p in medians.core
        always_pivot = abs(values[p] - 1) <= values.errors[p] + 1e-12
        assert at_core or not always_pivot, p
        if game.is_strong:
            assert always_pivot == at_core, p
