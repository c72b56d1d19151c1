"""Games: construction, validation of bad input, quotas as shares, transformations,
composition and structural properties. Expected values are worked out by hand in comments."""

import math
import warnings
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

import powerindex as pi

IRAQ = ([91, 89, 70, 57, 18], ["Iraqiya", "SoL", "INA", "Kurds", "Small"])


def iraq():
    weights, players = IRAQ
    return pi.WeightedGame(weights, 163, players=players)


# -- construction ---------------------------------------------------------------------------
@pytest.mark.parametrize("weights", [np.array(5), 5, "91, 89", None])
def test_weights_that_are_not_a_sequence_are_a_type_error(weights):
    # np.array(5) used to raise numpy's "iteration over a 0-d array".
    with pytest.raises(pi.InvalidTypeError, match="weights must be a sequence of numbers"):
        pi.WeightedGame(weights, 3)


def test_a_quota_as_text_points_to_share():
    with pytest.raises(pi.InvalidTypeError, match=r"pi.share\('2/3'\)"):
        pi.WeightedGame([10, 3], "2/3")


def test_default_names_and_values():
    game = pi.WeightedGame([3, 2, 2], 4)
    assert game.players == ("P1", "P2", "P3")
    assert game.weights == (3, 2, 2)
    assert game.quota == 4
    assert game.total_weight == 7
    assert game.n == 3


def test_weights_from_a_mapping():
    game = pi.WeightedGame({"A": 3, "B": 2}, 3)
    assert game.players == ("A", "B")
    assert game.weights == (3, 2)


@pytest.mark.parametrize(
    "weights, expected",
    [
        ([Fraction(1, 2), Fraction(1, 3)], (Fraction(1, 2), Fraction(1, 3))),
        ([Decimal("0.65"), Decimal("0.35")], (Fraction(13, 20), Fraction(7, 20))),
        ([0.2, 0.1], (Fraction(1, 5), Fraction(1, 10))),
        ([np.int64(3), np.float64(0.5)], (3, Fraction(1, 2))),
    ],
)
def test_numbers_are_read_exactly(weights, expected):
    # A float is read as the decimal it prints as: 0.1 is 1/10, not 0.1000000000000000055...
    game = pi.WeightedGame(weights, weights[0])
    assert game.weights == expected


def test_rational_weights_scale_to_integers():
    # [3/4; 1/2, 1/3, 1/4] scaled by 12 is [9; 6, 4, 3].
    game = pi.WeightedGame([Fraction(1, 2), Fraction(1, 3), Fraction(1, 4)], Fraction(3, 4))
    assert game.integer_representation == (9, (6, 4, 3))


def test_fractional_quota_rounds_up_in_integer_units():
    # Reaching 2.5 with integer weights means reaching 3.
    game = pi.WeightedGame([2, 1, 1], 2.5)
    assert game.quota == Fraction(5, 2)
    assert game.integer_representation == (3, (2, 1, 1))
    assert not game.is_winning({"P1"})
    assert game.is_winning({"P1", "P2"})


def test_inputs_are_not_mutated():
    weights, players = [91, 89, 70], ["A", "B", "C"]
    game = pi.WeightedGame(weights, 130, players=players)
    game.merge(["A", "B"])
    pi.shapley_shubik(game)
    assert weights == [91, 89, 70] and players == ["A", "B", "C"]


def test_games_are_values():
    assert iraq() == iraq()
    assert hash(iraq()) == hash(iraq())
    assert iraq() != pi.WeightedGame([91, 89, 70, 57, 18], 164, players=IRAQ[1])


# -- quotas as shares -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "quota, expected",
    [
        (pi.MAJORITY, 163),  # more than half of 325: 162.5 -> 163
        (pi.share("1/2"), Fraction(325, 2)),  # at least half, reached at 163 seats
        (pi.share("2/3"), Fraction(650, 3)),  # 216.67, reached at 217
        (pi.share("2/3", strict=True), 217),
        (pi.share("65%"), Fraction(845, 4)),  # 211.25, reached at 212
        (pi.share(Fraction(1)), 325),
    ],
)
def test_share_quotas(quota, expected):
    game = pi.WeightedGame(IRAQ[0], quota)
    assert game.quota == expected


def test_share_quota_outcomes():
    # 2/3 of 325 is 216.67: 217 wins, 216 does not. Iraqiya+SoL+Small = 198, +INA = 268.
    game = pi.WeightedGame(IRAQ[0], pi.share("2/3"), players=IRAQ[1])
    assert game.integer_representation[0] == 217
    assert not game.is_winning({"Iraqiya", "SoL", "Small"})
    assert game.is_winning({"Iraqiya", "SoL", "INA"})


def test_even_total_majority():
    # more than half of 100 is 51; at least half is 50 (and improper: 50 + 50).
    assert pi.WeightedGame([50, 50], pi.MAJORITY).quota == 51
    with pytest.warns(pi.ImproperGameWarning):
        assert pi.WeightedGame([50, 50], pi.share("50%")).quota == 50


@pytest.mark.parametrize("bad", ["0", "101%", "3/2", "-1/3", "two thirds", "1/0", 0, 1.5])
def test_bad_shares(bad):
    with pytest.raises(pi.InvalidQuotaError):
        pi.share(bad)


def test_strict_share_of_one_is_refused():
    with pytest.raises(pi.InvalidQuotaError, match="whole total"):
        pi.share(1, strict=True)


def test_share_of_wrong_type():
    with pytest.raises(pi.InvalidTypeError):
        pi.share(None)


# -- bad input ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "weights, quota, error, message",
    [
        ([3, -1], 2, pi.InvalidWeightError, "weight of player 'P2' is negative"),
        ([3, float("nan")], 2, pi.InvalidWeightError, "'P2' must be finite"),
        ([3, float("inf")], 2, pi.InvalidWeightError, "must be finite"),
        ([3, Decimal("NaN")], 2, pi.InvalidWeightError, "must be finite"),
        ([3, "2"], 2, pi.InvalidTypeError, "weight of player 'P2' must be a number"),
        ([3, None], 2, pi.InvalidTypeError, "must be a number"),
        ([3, True], 2, pi.InvalidTypeError, "must be a number"),
        ([3, 2j], 2, pi.InvalidTypeError, "must be a number"),
        ([3, 2], 0, pi.InvalidQuotaError, "quota must be positive"),
        ([3, 2], -1, pi.InvalidQuotaError, "quota must be positive"),
        ([3, 2], 6, pi.InvalidQuotaError, "exceeds the total weight 5"),
        ([3, 2], float("nan"), pi.InvalidQuotaError, "finite"),
        ([3, 2], "4", pi.InvalidTypeError, "quota must be a number"),
        ([], 1, pi.InvalidPlayerError, "at least one player"),
        ("32", 1, pi.InvalidTypeError, "sequence of numbers"),
        (5, 1, pi.InvalidTypeError, "sequence of numbers"),
    ],
)
def test_bad_weighted_games(weights, quota, error, message):
    with pytest.raises(error, match=message):
        pi.WeightedGame(weights, quota)


@pytest.mark.parametrize(
    "players, error, message",
    [
        (["A", "A", "B"], pi.InvalidPlayerError, "duplicate player name 'A'"),
        (["A", "", "B"], pi.InvalidPlayerError, "player 2 has an empty name"),
        (["A", "  ", "B"], pi.InvalidPlayerError, "empty name"),
        (["A", "B"], pi.InvalidPlayerError, "2 player names for 3 weights"),
        (["A", ["B"], "C"], pi.InvalidTypeError, "not hashable"),
        (["A", None, "C"], pi.InvalidPlayerError, "player 2 has no name"),
        ("ABC", pi.InvalidTypeError, "sequence of names"),
    ],
)
def test_bad_player_names(players, error, message):
    with pytest.raises(error, match=message):
        pi.WeightedGame([3, 2, 2], 4, players=players)


def test_errors_are_value_or_type_errors_of_the_package():
    for error in (pi.InvalidWeightError, pi.InvalidQuotaError, pi.InvalidPlayerError,
                  pi.UnknownPlayerError, pi.IncompatibleGamesError, pi.InvalidMethodError,
                  pi.GameTooLargeError):
        assert issubclass(error, pi.PowerIndexError) and issubclass(error, ValueError)
    assert issubclass(pi.InvalidTypeError, TypeError)


def test_mapping_and_players_together_is_refused():
    with pytest.raises(pi.InvalidPlayerError, match="not both"):
        pi.WeightedGame({"A": 1}, 1, players=["A"])


# -- improper games warn ----------------------------------------------------------------------
def test_improper_game_warns():
    # [2; 2, 1, 1]: {P1} and {P2, P3} are disjoint and both win.
    with pytest.warns(pi.ImproperGameWarning, match="improper"):
        game = pi.WeightedGame([2, 1, 1], 2)
    assert not game.is_proper


def test_low_quota_that_is_still_proper_does_not_warn():
    # [2.5; 3, 1, 1]: the quota is exactly half of 5, but only coalitions with P1 win.
    with warnings.catch_warnings():
        warnings.simplefilter("error", pi.ImproperGameWarning)
        game = pi.WeightedGame([3, 1, 1], 2.5)
    assert game.is_proper


# -- coalitions and players ---------------------------------------------------------------------
def test_is_winning():
    game = iraq()
    assert not game.is_winning({"SoL", "INA"})  # 159
    assert game.is_winning(["SoL", "INA", "Small"])  # 177
    assert not game.is_winning([])


def test_unknown_player_in_a_coalition():
    with pytest.raises(pi.UnknownPlayerError, match="'Sadr' is not a player"):
        iraq().is_winning({"SoL", "Sadr"})


def test_a_string_is_not_a_coalition():
    with pytest.raises(pi.InvalidTypeError, match="one-player coalition"):
        iraq().is_winning("SoL")


def test_weight_of():
    assert iraq().weight_of({"SoL", "INA"}) == 159
    assert iraq().weight("Kurds") == 57


# -- structure ------------------------------------------------------------------------------
def test_properties_of_the_iraq_game():
    game = iraq()
    # 163 > 325/2, so proper; the total is odd and the quota is a strict majority, so a
    # coalition loses exactly when its complement wins: decisive.
    assert game.is_proper and game.is_strong and game.is_decisive
    assert game.veto_players == ()
    assert game.dummies == ()


def test_veto_players_and_dummies():
    # [39; 7 x 5, 1 x 10] (UN Security Council): the permanent five have a veto.
    unsc = pi.WeightedGame([7] * 5 + [1] * 10, 39)
    assert unsc.veto_players == ("P1", "P2", "P3", "P4", "P5")
    # EEC 1958: Luxembourg (weight 1) is never pivotal with quota 12.
    eec = pi.WeightedGame([4, 4, 4, 2, 2, 1], 12)
    assert eec.dummies == ("P6",)
    assert not eec.is_strong  # {P1, P2, P5} = 10 loses and so does its complement (7)


def test_properties_agree_with_enumeration():
    # The weighted shortcuts (subset-sum bit sets) against the generic table-based ones.
    for weights, quota in [([4, 4, 4, 2, 2, 1], 12), ([3, 2, 2, 1], 4), ([5, 4, 3], 6)]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", pi.ImproperGameWarning)
            game = pi.WeightedGame(weights, quota)
        generic = pi.SimpleGame(game.players, lambda s, g=game: g.is_winning(s))
        assert game.is_proper == generic.is_proper
        assert game.is_strong == generic.is_strong
        assert game.veto_players == generic.veto_players
        assert game.dummies == generic.dummies


# -- transformations --------------------------------------------------------------------------
def test_merge_keeps_quota_and_takes_first_position():
    merged = iraq().merge(["SoL", "INA"], name="NA")
    assert merged.players == ("Iraqiya", "NA", "Kurds", "Small")
    assert merged.weights == (91, 159, 57, 18)
    assert merged.quota == 163


def test_merge_default_name_and_reused_member_name():
    assert iraq().merge(["INA", "SoL"]).players == ("Iraqiya", "INA+SoL", "Kurds", "Small")
    assert iraq().merge(["SoL", "INA"], name="SoL").players == ("Iraqiya", "SoL", "Kurds",
                                                                "Small")


@pytest.mark.parametrize(
    "members, name, error, message",
    [
        (["SoL", "Sadr"], None, pi.UnknownPlayerError, "'Sadr' is not a player"),
        (["SoL"], None, pi.InvalidPlayerError, "at least two players"),
        (["SoL", "SoL"], None, pi.InvalidPlayerError, "named twice"),
        (["SoL", "INA"], "Kurds", pi.InvalidPlayerError, "'Kurds' is already a player"),
        (["SoL", "INA"], "", pi.InvalidPlayerError, "non-empty name"),
        ("SoL", None, pi.InvalidTypeError, "list of player names"),
    ],
)
def test_bad_merges(members, name, error, message):
    with pytest.raises(error, match=message):
        iraq().merge(members, name=name)


def test_drop():
    game = iraq().drop("Small")
    assert game.players == ("Iraqiya", "SoL", "INA", "Kurds")
    assert game.quota == 163
    assert iraq().drop("Small", quota=pi.MAJORITY).quota == 154  # more than half of 307


def test_drop_below_the_quota_is_refused():
    with pytest.raises(pi.InvalidQuotaError, match="below the quota"):
        pi.WeightedGame([3, 2], 5).drop("P2")
    with pytest.raises(pi.UnknownPlayerError):
        iraq().drop("Sadr")


def test_merge_and_drop_of_a_simple_game():
    game = pi.SimpleGame(["A", "B", "C", "D"], lambda s: len(s) >= 3)
    merged = game.merge(["A", "B"], name="AB")
    assert merged.players == ("AB", "C", "D")
    # AB counts as two members: AB + C has 3 members, C + D only 2.
    assert merged.is_winning({"AB", "C"}) and not merged.is_winning({"C", "D"})
    dropped = game.drop("D")
    assert dropped.is_winning({"A", "B", "C"}) and not dropped.is_winning({"A", "B"})
    unanimity = pi.SimpleGame(["A", "B"], [{"A", "B"}])
    with pytest.raises(pi.InvalidGameError, match="veto player"):
        unanimity.drop("A")


# -- simple and composite games ---------------------------------------------------------------
def test_simple_game_from_minimal_winning_coalitions():
    game = pi.SimpleGame(["A", "B", "C"], [{"A", "B"}, {"A", "C"}, {"A", "B", "C"}])
    assert pi.minimal_winning_coalitions(game) == [frozenset("AB"), frozenset("AC")]
    assert game.veto_players == ("A",)


@pytest.mark.parametrize(
    "winning, error, message",
    [
        ([], pi.InvalidGameError, "no winning coalition"),
        ([set()], pi.InvalidGameError, "empty coalition wins"),
        ([{"A", "Z"}], pi.UnknownPlayerError, "'Z' is not a player"),
        (lambda s: True, pi.InvalidGameError, "empty coalition wins"),
        (lambda s: False, pi.InvalidGameError, "grand coalition"),
        (42, pi.InvalidTypeError, "winning must be"),
    ],
)
def test_bad_simple_games(winning, error, message):
    with pytest.raises(error, match=message):
        pi.SimpleGame(["A", "B", "C"], winning)


def test_non_monotone_rule_is_refused_when_enumerated():
    # One member or all four win: {A} wins but {A, B} loses. The empty and the grand
    # coalition are fine, so this is only found when the coalitions are enumerated.
    game = pi.SimpleGame(["A", "B", "C", "D"], lambda s: len(s) in (1, 4))
    with pytest.raises(pi.InvalidGameError, match="not monotone"):
        pi.shapley_shubik(game)


def test_non_monotone_rule_names_the_coalition_that_wins():
    # {B} and {B, C} win but {A, B} loses: adding A to the winning {B} makes it lose. The
    # message used to name [] (a position in a filtered array, not the coalition).
    game = pi.SimpleGame(list("ABC"), lambda s: s in [{"B"}, {"B", "C"}, {"A", "B", "C"}])
    with pytest.raises(pi.InvalidGameError,
                       match=r"not monotone: \['B'\] wins but adding 'A' makes it lose"):
        pi.shapley_shubik(game)


def test_non_monotone_rule_names_a_coalition_of_several_players():
    # {C, D} wins, {A, C, D} loses (the first player found whose arrival breaks it is A).
    def rule(s):
        return s == {"C", "D"} or len(s) == 4

    with pytest.raises(pi.InvalidGameError,
                       match=r"\['C', 'D'\] wins but adding 'A' makes it lose"):
        pi.banzhaf(pi.SimpleGame(list("ABCD"), rule))


def test_rule_must_return_a_bool():
    with pytest.raises(pi.InvalidTypeError, match="must return True or False"):
        pi.SimpleGame(["A", "B"], lambda s: len(s))


def test_composition_requires_the_same_players():
    left = pi.WeightedGame([1, 1], 2, players=["A", "B"])
    right = pi.WeightedGame([1, 1], 2, players=["A", "C"])
    with pytest.raises(pi.IncompatibleGamesError, match="only in the first: \\['B'\\]"):
        left & right
    with pytest.raises(TypeError):
        left & 3


def test_composition_aligns_player_order():
    left = pi.WeightedGame([3, 1, 1], 3, players=["A", "B", "C"])
    right = pi.WeightedGame([1, 1, 1], 2, players=["C", "B", "A"])
    both = left & right
    assert both.players == ("A", "B", "C")
    assert both.is_winning({"A", "B"}) and not both.is_winning({"A"})
    either = left | right
    assert either.is_winning({"A"}) and either.is_winning({"B", "C"})


def test_double_majority_is_flattened_and_merges_in_every_component():
    seats = pi.WeightedGame([5, 3, 1], 5, players=["A", "B", "C"])
    heads = pi.WeightedGame([1, 1, 1], 2, players=["A", "B", "C"])
    triple = seats & heads & seats
    assert len(triple.components) == 3
    merged = (seats & heads).merge(["B", "C"], name="BC")
    assert merged.players == ("A", "BC")
    # BC has 4 seats (< 5) but two heads: loses on seats.
    assert not merged.is_winning({"BC"})
    assert merged.is_winning({"A", "BC"})


def test_large_game_refuses_enumeration():
    game = pi.WeightedGame([1] * 30, 16)
    with pytest.raises(pi.GameTooLargeError, match="at most 26 players"):
        pi.shapley_shubik(game, method="enumerate")
    # ... but the generating-function engine handles it: 30 equal players, 1/30 each.
    assert set(pi.shapley_shubik(game).values()) == {Fraction(1, 30)}


# -- printing ---------------------------------------------------------------------------------
def test_repr_and_str():
    assert repr(iraq()) == "<WeightedGame [163; 91, 89, 70, 57, 18]>"
    assert repr(pi.WeightedGame([1] * 20, 11)) == "<WeightedGame of 20 players, quota 11 of 20>"
    text = str(iraq())
    assert text.splitlines()[0] == "WeightedGame with quota 163 of 325"
    assert "Kurds        57" in text
    assert repr(pi.SimpleGame(["A", "B"], [{"A"}])) == "<SimpleGame of 2 players>"


def test_result_is_a_read_only_mapping():
    result = pi.banzhaf(iraq())
    assert list(result) == list(IRAQ[1])
    assert result.index == "banzhaf" and result.method == "generating"
    assert result.game == iraq()
    assert "Kurds" in result and "Sadr" not in result
    with pytest.raises(pi.UnknownPlayerError, match="'Sadr' is not a player"):
        result["Sadr"]
    with pytest.raises(TypeError):
        result["Kurds"] = 1
    assert math.isclose(sum(result.to_float().values()), 1.0)
    assert result == result.to_dict()


def test_unknown_method():
    with pytest.raises(pi.InvalidMethodError, match="choose one of auto, generating, enumerate"):
        pi.shapley_shubik(iraq(), method="magic")
    with pytest.raises(pi.InvalidMethodError, match="needs a WeightedGame"):
        pi.shapley_shubik(pi.SimpleGame(["A"], [{"A"}]), method="generating")
    with pytest.raises(pi.InvalidTypeError, match="needs a game"):
        pi.banzhaf([91, 89])


# -- huge weights ------------------------------------------------------------------------------
def test_huge_weights_are_reduced_by_their_common_divisor():
    # [10^31; 10^30 x 30] is [10; 1 x 30]: improper (10 + 10 + 10 members), decided exactly.
    with pytest.warns(pi.ImproperGameWarning, match=" is improper"):
        game = pi.WeightedGame([10**30] * 30, 10**31)
    assert not game.is_proper


def test_undecidable_properness_warns_that_the_game_may_be_improper():
    # 23 weights near 10**30 and a quota of half the total: coalitions of 11 weigh less
    # than the quota and those of 12 more than the rest, so the game is proper, but no
    # greedy witness settles it, and 23 players of that total are beyond the bit set
    # and enumeration.
    weights = [10**30 + i for i in range(23)]
    with pytest.warns(pi.ImproperGameWarning, match="may be improper"):
        game = pi.WeightedGame(weights, sum(weights) // 2)
    with pytest.raises(pi.GameTooLargeError, match="subset-sum problem"):
        _ = game.is_proper


def test_properness_of_many_heavy_players_is_settled_without_the_bit_set():
    # 2,000 players with weights up to 130,000 and a third of the total as quota: the
    # exact bit set would need 2,000 shifts of 2**27 bits (about 20 s). A greedy witness
    # (a coalition weighing between q and W - q) settles it; the bit set is never built.
    rng = np.random.default_rng(11)
    weights = [int(w) for w in rng.integers(1, 130_001, 2000)]
    with pytest.warns(pi.ImproperGameWarning, match="is improper"):
        game = pi.WeightedGame(weights, sum(weights) // 3)
    assert game._subset_sums._reachable is None
    assert game.is_proper is False


def test_properness_by_the_bit_set_is_bounded_at_construction():
    # 25 weights 2,500,000 + i and a quota of half the total (about 31.25 M): coalitions
    # of 12 weigh less than the quota and coalitions of 13 more than the rest, so the game
    # is proper; no greedy witness exists, and the exact bit set (25 shifts of 62.5 M
    # bits, 1.6e9 bit operations) is beyond the construction's budget of 2**30. The
    # construction warns that the game *may* be improper; is_proper decides it exactly.
    weights = [2_500_000 + i for i in range(25)]
    with pytest.warns(pi.ImproperGameWarning, match="may be improper"):
        game = pi.WeightedGame(weights, sum(weights) // 2)
    assert game._subset_sums._reachable is None
    assert game.is_proper is True


def test_tables_too_large_for_generating_functions():
    small = [10**12 + i for i in range(10)]
    with pytest.warns(pi.ImproperGameWarning):
        game = pi.WeightedGame(small, 5 * 10**12)
    # auto falls back to enumeration for 10 players, which is exact: each of the ten
    # near-equal players is pivotal 1/10 of the time (any 5 of them reach the quota).
    result = pi.shapley_shubik(game)
    assert result.method == "enumerate" and set(result.values()) == {Fraction(1, 10)}
    with pytest.raises(pi.GameTooLargeError, match="method='enumerate'"):
        pi.shapley_shubik(game, method="generating")
    with pytest.warns(pi.ImproperGameWarning):
        large = pi.WeightedGame([10**12 + i for i in range(40)], 20 * 10**12)
    with pytest.raises(pi.GameTooLargeError, match=r"pi.estimate\(\)"):
        pi.banzhaf(large)


def test_listing_astronomically_many_coalitions_gives_up_with_a_clear_error():
    # 40 equal players, majority: C(40, 21) ~ 1.3e11 minimal winning coalitions.
    game = pi.WeightedGame([1] * 40, pi.MAJORITY)
    for function in (pi.minimal_winning_coalitions, pi.johnston, pi.deegan_packel):
        with pytest.raises(pi.GameTooLargeError, match="too many"):
            function(game)
    assert set(pi.shapley_shubik(game).values()) == {Fraction(1, 40)}  # still exact here


# -- coalition lists ----------------------------------------------------------------------------
def test_winning_coalitions_are_held_compactly():
    # 20 players with weights 1..20 and quota 105 (half of 210): 531,924 winning coalitions.
    # As a list of frozensets they took about 1 KB each (513 MB for a 20-player game); now
    # 8 bytes each, a frozenset being built only when an item is read.
    with pytest.warns(pi.ImproperGameWarning):
        game = pi.WeightedGame(list(range(1, 21)), 105)
    winning = pi.winning_coalitions(game)
    assert len(winning) == 531_924
    assert len(winning) == int(pi.coleman_collectivity(game) * 2**20)
    assert winning._masks.nbytes == 8 * len(winning)
    # fewest members first: six of them must weigh 105, so the five heaviest (90) and P15
    assert winning[0] == frozenset(f"P{i}" for i in range(15, 21))
    assert winning[-1] == frozenset(game.players)
    assert frozenset(f"P{i}" for i in range(6, 21)) in winning
    assert frozenset({"P1"}) not in winning


def test_coalition_lists_compare_with_plain_lists_and_slice():
    game = pi.WeightedGame([3, 2, 2, 1], 5, players=["A", "B", "C", "D"])
    minimal = pi.minimal_winning_coalitions(game)
    assert minimal == [{"A", "B"}, {"A", "C"}, {"B", "C", "D"}]
    assert minimal != [{"A", "B"}]
    assert minimal[1:] == [{"A", "C"}, {"B", "C", "D"}]
    assert list(reversed(minimal))[0] == {"B", "C", "D"}
    assert minimal == pi.minimal_winning_coalitions(game, method="enumerate")
    assert repr(minimal) == "<Coalitions: 3 coalitions of 4 players>"


def test_all_zero_weights_are_refused_as_weights_not_as_a_quota():
    with pytest.raises(pi.InvalidWeightError, match="every weight is 0"):
        pi.WeightedGame([0, 0], pi.share("2/3"))


def test_rounded_weights_and_what_rounding_does():
    # Shares computed in floats are read exactly: a denominator of 10**17.
    shares = pi.WeightedGame([0.4 * 7 / 17, 0.4 * 10 / 17, 0.6], 0.5)
    rounded = shares.rounded(0.001)
    assert rounded.weights == (Fraction(165, 1000), Fraction(235, 1000), Fraction(6, 10))
    assert rounded.quota == shares.quota and rounded.players == shares.players
    # No coalition weighs within 3 * 0.0005 of the quota, so it is the same game.
    assert pi.winning_coalitions(rounded) == pi.winning_coalitions(shares)
    assert pi.shapley_shubik(rounded, method="float").to_dict() == pytest.approx(
        {p: float(v) for p, v in pi.shapley_shubik(shares).items()})
    with pytest.raises(pi.InvalidWeightError, match="resolution must be positive"):
        shares.rounded(0)
    with pytest.raises(pi.InvalidWeightError, match="cannot reach the quota"):
        pi.WeightedGame([0.4, 0.4, 0.6], 1.4).rounded(1)  # 0 + 0 + 1 < 1.4


def test_float_method_on_decimal_shares_points_to_rounding():
    shares = pi.WeightedGame([0.4 * 7 / 17, 0.4 * 10 / 17, 0.6], 0.5)
    with pytest.raises(pi.GameTooLargeError, match=r"game.rounded\(resolution\)"):
        pi.shapley_shubik(shares, method="float")
