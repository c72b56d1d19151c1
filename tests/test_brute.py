"""Self-tests of the brute-force reference in tests/brute.py against hand-computed values."""

import random
from decimal import Decimal
from fractions import Fraction as F

import pytest
from brute import (
    absolute_banzhaf,
    all_coalitions,
    banzhaf,
    coleman_collectivity,
    coleman_initiate,
    coleman_prevent,
    deegan_packel,
    dummies,
    holler,
    is_decisive,
    is_proper,
    is_strong,
    johnston,
    minimal_winning_coalitions,
    minimum_size_winning_coalitions,
    minimum_weight_winning_coalitions,
    shapley_shubik_permutations,
    shapley_shubik_subsets,
    swing_coalitions,
    swings,
    veto_players,
    weighted,
    winning_coalitions,
)

ABC = ["A", "B", "C"]
ABCD = ["A", "B", "C", "D"]


def fs(*names):
    """A coalition as a frozenset."""
    return frozenset(names)


def vals(players, *values):
    """A dict player -> Fraction from values in player order."""
    return {p: F(v) for p, v in zip(players, values, strict=True)}


def test_weighted_predicate_uses_greater_or_equal():
    """weighted() wins exactly when the coalition weight reaches the quota."""
    wins = weighted([2, 1, 1], 3, ABC)
    assert wins(fs("A", "B")) and not wins(fs("B", "C")) and not wins(fs())


def test_weighted_default_names_and_exact_numbers():
    """weighted() defaults to P1.. names and reads floats as their printed decimal."""
    wins = weighted([0.1, 0.2, Decimal("0.7")], F(3, 10))
    assert wins(fs("P1", "P2"))  # 0.1 + 0.2 == 3/10 exactly, unlike float arithmetic
    assert not wins(fs("P1"))


def test_321_shapley_shubik():
    """[3; 2,1,1]: SS = 2/3, 1/6, 1/6 by both methods."""
    wins = weighted([2, 1, 1], 3, ABC)
    expected = vals(ABC, F(2, 3), F(1, 6), F(1, 6))
    assert shapley_shubik_permutations(ABC, wins) == expected
    assert shapley_shubik_subsets(ABC, wins) == expected


def test_321_banzhaf_family():
    """[3; 2,1,1]: swings 3,1,1 and the derived Banzhaf and Coleman values."""
    wins = weighted([2, 1, 1], 3, ABC)
    assert swings(ABC, wins) == {"A": 3, "B": 1, "C": 1}
    assert banzhaf(ABC, wins) == vals(ABC, F(3, 5), F(1, 5), F(1, 5))
    assert absolute_banzhaf(ABC, wins) == vals(ABC, F(3, 4), F(1, 4), F(1, 4))
    assert coleman_prevent(ABC, wins) == vals(ABC, 1, F(1, 3), F(1, 3))
    assert coleman_initiate(ABC, wins) == vals(ABC, F(3, 5), F(1, 5), F(1, 5))
    assert coleman_collectivity(ABC, wins) == F(3, 8)


def test_321_mwc_indices():
    """[3; 2,1,1]: Johnston 2/3,1/6,1/6; Deegan-Packel 1/2,1/4,1/4; Holler 1/2,1/4,1/4."""
    wins = weighted([2, 1, 1], 3, ABC)
    assert johnston(ABC, wins) == vals(ABC, F(2, 3), F(1, 6), F(1, 6))
    assert deegan_packel(ABC, wins) == vals(ABC, F(1, 2), F(1, 4), F(1, 4))
    assert holler(ABC, wins) == vals(ABC, F(1, 2), F(1, 4), F(1, 4))


def test_321_coalitions_and_properties():
    """[3; 2,1,1]: coalitions, veto player A, no dummies, proper but not strong."""
    wins = weighted([2, 1, 1], 3, ABC)
    assert set(winning_coalitions(ABC, wins)) == {fs("A", "B"), fs("A", "C"), fs("A", "B", "C")}
    assert set(minimal_winning_coalitions(ABC, wins)) == {fs("A", "B"), fs("A", "C")}
    assert set(minimum_size_winning_coalitions(ABC, wins)) == {fs("A", "B"), fs("A", "C")}
    assert set(swing_coalitions(ABC, wins, "B")) == {fs("A", "B")}
    assert veto_players(ABC, wins) == ["A"]
    assert dummies(ABC, wins) == []
    assert is_proper(ABC, wins) and not is_strong(ABC, wins) and not is_decisive(ABC, wins)


def test_5_3211_every_index():
    """[5; 3,2,1,1]: every index against values worked out by hand."""
    wins = weighted([3, 2, 1, 1], 5, ABCD)
    assert shapley_shubik_permutations(ABCD, wins) == vals(ABCD, F(7, 12), F(1, 4), F(1, 12),
                                                           F(1, 12))
    assert swings(ABCD, wins) == {"A": 5, "B": 3, "C": 1, "D": 1}
    assert banzhaf(ABCD, wins) == vals(ABCD, F(1, 2), F(3, 10), F(1, 10), F(1, 10))
    assert absolute_banzhaf(ABCD, wins) == vals(ABCD, F(5, 8), F(3, 8), F(1, 8), F(1, 8))
    assert coleman_prevent(ABCD, wins) == vals(ABCD, 1, F(3, 5), F(1, 5), F(1, 5))
    assert coleman_initiate(ABCD, wins) == vals(ABCD, F(5, 11), F(3, 11), F(1, 11), F(1, 11))
    assert coleman_collectivity(ABCD, wins) == F(5, 16)
    assert johnston(ABCD, wins) == vals(ABCD, F(17, 30), F(3, 10), F(1, 15), F(1, 15))
    assert deegan_packel(ABCD, wins) == vals(ABCD, F(5, 12), F(1, 4), F(1, 6), F(1, 6))
    assert holler(ABCD, wins) == vals(ABCD, F(2, 5), F(1, 5), F(1, 5), F(1, 5))


def test_5_3211_coalitions():
    """[5; 3,2,1,1]: MWCs AB and ACD, both of minimum weight 5; AB alone of minimum size."""
    wins = weighted([3, 2, 1, 1], 5, ABCD)
    mwc = {fs("A", "B"), fs("A", "C", "D")}
    assert set(minimal_winning_coalitions(ABCD, wins)) == mwc
    assert set(minimum_size_winning_coalitions(ABCD, wins)) == {fs("A", "B")}
    assert set(minimum_weight_winning_coalitions(ABCD, wins, [3, 2, 1, 1])) == mwc
    assert set(swing_coalitions(ABCD, wins, "B")) == {fs("A", "B"), fs("A", "B", "C"),
                                                      fs("A", "B", "D")}
    assert veto_players(ABCD, wins) == ["A"]
    assert is_proper(ABCD, wins) and not is_strong(ABCD, wins)


def test_minimum_weight_differs_from_minimum_size():
    """[5; 3,2,2,1]: MWCs AB, AC, BCD all weigh 5 (minimum weight), but only AB, AC are smallest."""
    wins = weighted([3, 2, 2, 1], 5, ABCD)
    lightest = {fs("A", "B"), fs("A", "C"), fs("B", "C", "D")}
    assert set(minimal_winning_coalitions(ABCD, wins)) == lightest
    assert set(minimum_weight_winning_coalitions(ABCD, wins, [3, 2, 2, 1])) == lightest
    assert set(minimum_size_winning_coalitions(ABCD, wins)) == {fs("A", "B"), fs("A", "C")}


def test_minimum_weight_picks_the_lightest():
    """[4; 3,2,2,1]: MWCs AB, AC (5), AD, BC (4), the minimum-weight ones are AD and BC."""
    wins = weighted([3, 2, 2, 1], 4, ABCD)
    assert set(minimum_weight_winning_coalitions(ABCD, wins, [3, 2, 2, 1])) == {fs("A", "D"),
                                                                                fs("B", "C")}


def test_majority_of_three_is_symmetric_and_decisive():
    """[2; 1,1,1]: every index gives 1/3 each; the game is decisive."""
    wins = weighted([1, 1, 1], 2, ABC)
    third = vals(ABC, F(1, 3), F(1, 3), F(1, 3))
    for index in (shapley_shubik_subsets, banzhaf, johnston, deegan_packel, holler):
        assert index(ABC, wins) == third
    assert absolute_banzhaf(ABC, wins) == vals(ABC, F(1, 2), F(1, 2), F(1, 2))
    assert coleman_prevent(ABC, wins) == coleman_initiate(ABC, wins) == absolute_banzhaf(ABC, wins)
    assert is_decisive(ABC, wins) and is_proper(ABC, wins) and is_strong(ABC, wins)


def test_dictator_and_dummies():
    """[3; 3,1,1]: A is a dictator (SS 1, Banzhaf 1), B and C are dummies, A the only veto."""
    wins = weighted([3, 1, 1], 3, ABC)
    assert shapley_shubik_permutations(ABC, wins) == vals(ABC, 1, 0, 0)
    assert banzhaf(ABC, wins) == vals(ABC, 1, 0, 0)
    assert swings(ABC, wins) == {"A": 4, "B": 0, "C": 0}
    assert dummies(ABC, wins) == ["B", "C"]
    assert veto_players(ABC, wins) == ["A"]
    assert is_decisive(ABC, wins)


def test_unanimity():
    """[3; 1,1,1]: everybody is a veto player; one winning coalition, seven losing."""
    wins = weighted([1, 1, 1], 3, ABC)
    assert veto_players(ABC, wins) == ABC
    assert swings(ABC, wins) == {"A": 1, "B": 1, "C": 1}
    assert coleman_prevent(ABC, wins) == vals(ABC, 1, 1, 1)
    assert coleman_initiate(ABC, wins) == vals(ABC, F(1, 7), F(1, 7), F(1, 7))
    assert coleman_collectivity(ABC, wins) == F(1, 8)
    assert is_proper(ABC, wins) and not is_strong(ABC, wins)


def test_zero_weight_player_is_dummy():
    """[2; 2,0]: the weight-0 player is a dummy with zero in every index."""
    players = ["A", "Z"]
    wins = weighted([2, 0], 2, players)
    assert dummies(players, wins) == ["Z"]
    for index in (shapley_shubik_subsets, banzhaf, johnston, deegan_packel, holler):
        assert index(players, wins)["Z"] == 0


def test_single_player():
    """A one-player game: the player has every index equal to 1."""
    wins = weighted([1], 1, ["A"])
    assert shapley_shubik_permutations(["A"], wins) == {"A": 1}
    assert absolute_banzhaf(["A"], wins) == {"A": 1}
    assert deegan_packel(["A"], wins) == {"A": 1}


def test_non_weighted_game_from_mwcs():
    """MWCs {AB, CD}: not weighted; SS 1/4 each, Deegan-Packel 1/4 each, Johnston 1/4 each."""
    mwc = [fs("A", "B"), fs("C", "D")]

    def wins(s):
        return any(m <= s for m in mwc)

    quarter = vals(ABCD, *[F(1, 4)] * 4)
    assert shapley_shubik_permutations(ABCD, wins) == quarter
    assert deegan_packel(ABCD, wins) == quarter
    assert set(minimal_winning_coalitions(ABCD, wins)) == set(mwc)
    assert not is_proper(ABCD, wins)


def test_collections_have_expected_sizes():
    """all_coalitions lists 2**n distinct sets; winning + losing split them."""
    players = ["A", "B", "C", "D", "E"]
    wins = weighted([5, 4, 3, 2, 1], 8, players)
    coalitions = all_coalitions(players)
    assert len(set(coalitions)) == 32
    assert coleman_collectivity(players, wins) * 32 == len(winning_coalitions(players, wins))


@pytest.mark.parametrize("seed", range(12))
def test_two_shapley_shubik_methods_agree(seed):
    """The permutation count and the subset formula give the same SS on random games."""
    rng = random.Random(seed)
    n = rng.randint(1, 7)
    players = [f"X{i}" for i in range(n)]
    weights = [rng.randint(0, 9) for _ in range(n)]
    weights[0] += 1
    quota = rng.randint(1, sum(weights))
    wins = weighted(weights, quota, players)
    assert shapley_shubik_permutations(players, wins) == shapley_shubik_subsets(players, wins)


@pytest.mark.parametrize("seed", range(6))
def test_mwc_single_removal_matches_all_subsets(seed):
    """For monotone games, 'minimal' via single removals equals 'no winning proper subset'."""
    rng = random.Random(100 + seed)
    players = [f"X{i}" for i in range(6)]
    gens = [frozenset(rng.sample(players, rng.randint(1, 4))) for _ in range(rng.randint(1, 5))]

    def wins(s):
        return any(g <= s for g in gens)

    by_all_subsets = {
        s for s in winning_coalitions(players, wins)
        if not any(wins(t) for t in all_coalitions(sorted(s)) if t != s)
    }
    assert set(minimal_winning_coalitions(players, wins)) == by_all_subsets
