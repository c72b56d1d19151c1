"""Regression tests pinning power-index values published in the literature.

Every expected number below comes from the cited publication, or is derived by hand from the
game the publication defines (the derivation is then written next to the number).  None is
taken from this library's own output.

* Exact values (fractions.Fraction) are compared exactly.
* Where a publication prints only rounded decimals, the library's exact value is rounded to the
  same number of decimal places (``round(Fraction, k)``, which is exact) and compared with the
  printed decimal; the tests say so where they do it.
"""

from fractions import Fraction as F

import pytest

import powerindex as pi


def _rounded(result, digits):
    """The exact values of a result, each rounded to ``digits`` decimal places (still exact)."""
    return {name: round(value, digits) for name, value in dict(result).items()}


# --------------------------------------------------------------------------------------------
# United Nations Security Council
# --------------------------------------------------------------------------------------------

PERMANENT = ("China", "France", "USSR", "UK", "USA")


def _security_council(permanent_weight, non_permanent, quota):
    players = PERMANENT + tuple(f"NP{i}" for i in range(1, non_permanent + 1))
    weights = [permanent_weight] * 5 + [1] * non_permanent
    return pi.WeightedGame(weights, quota, players=players)


def test_shapley_shubik_1954_security_council_eleven_members():
    """Shapley, L. S. & Shubik, M. (1954). A method for evaluating the distribution of power in a
    committee system. American Political Science Review 48(3):787-792. DOI 10.2307/1951053.

    The paper analyses the Council of its day: 11 members, 5 permanent with a veto, a resolution
    needs 7 votes including all 5 permanent ones, i.e. [27; 5,5,5,5,5, 1,1,1,1,1,1].  Its result:
    the six non-permanent members hold 1/77 of the power together (about 1.3%), each permanent
    member 76/385 (= (76/77)/5, about .1974).  Hand check: a non-permanent member pivots only as
    7th voter behind all 5 permanent members and exactly 1 of the other 5 non-permanent ones:
    5 * 6! * 4! / 11! = 1/462 each, and 6/462 = 1/77.
    """
    g = _security_council(5, 6, 27)
    ss = pi.shapley_shubik(g)
    for name in PERMANENT:
        assert ss[name] == F(76, 385)
    for i in range(1, 7):
        assert ss[f"NP{i}"] == F(1, 462)
    assert sum(ss[f"NP{i}"] for i in range(1, 7)) == F(1, 77)


@pytest.fixture
def unsc():
    """The Security Council since 1965: [39; 7,7,7,7,7, 1 x 10] (5 vetoes, 9 votes needed)."""
    return _security_council(7, 10, 39)


@pytest.mark.parametrize("method", ["auto", "generating", "enumerate"])
def test_shapley_shubik_security_council_1965(unsc, method):
    """Shapley-Shubik values for the 15-member Council (in force since 1965): 421/2145 for each
    permanent and 4/2145 for each non-permanent member.  The index is Shapley & Shubik's (1954,
    APSR 48(3):787-792, DOI 10.2307/1951053); their paper predates the enlargement and treats the
    11-member Council (test above), so these two numbers are derived by hand here, following the
    1954 pivot argument: a non-permanent member pivots only as 9th voter behind all 5 permanent
    members and exactly 3 of the other 9 non-permanent ones: C(9,3) * 8! * 6! / 15! = 4/2145;
    each permanent member gets (1 - 10 * 4/2145) / 5 = 421/2145.
    """
    ss = pi.shapley_shubik(unsc, method=method)
    for name in PERMANENT:
        assert ss[name] == F(421, 2145)
    for i in range(1, 11):
        assert ss[f"NP{i}"] == F(4, 2145)


@pytest.mark.parametrize("method", ["auto", "generating", "enumerate"])
def test_banzhaf_swings_security_council_1965(unsc, method):
    """Banzhaf swing counts for the 15-member Council, derived by hand from the voting rule
    (Charter art. 27(3): 9 affirmative votes including the concurring votes of the 5 permanent
    members; Banzhaf 1965, Rutgers Law Review 19:317-343, for the swing definition):
    a permanent member swings in a coalition of the other 4 permanent members and k >= 4 of the
    10 non-permanent ones: sum_{k=4..10} C(10,k) = 1024 - 176 = 848.  A non-permanent member
    swings with all 5 permanent members and exactly 3 of the other 9: C(9,3) = 84.
    """
    sw = pi.swings(unsc, method=method)
    assert all(sw[name] == 848 for name in PERMANENT)
    assert all(sw[f"NP{i}"] == 84 for i in range(1, 11))
    bz = pi.banzhaf(unsc)
    assert bz["USA"] == F(848, 5 * 848 + 10 * 84)
    assert bz["NP1"] == F(84, 5 * 848 + 10 * 84)
    raw = pi.banzhaf(unsc, normalized=False)
    assert raw["USA"] == F(848, 2**14) and raw["NP1"] == F(84, 2**14)


def test_security_council_1965_as_charter_rule():
    """The same Council written as the Charter rule itself (art. 27(3): 9 affirmative votes
    including the concurring votes of the 5 permanent members) rather than as a weighted game;
    the values are the hand-derived ones of the two tests above (421/2145, 4/2145; 848, 84 swings).
    """
    players = PERMANENT + tuple(f"NP{i}" for i in range(1, 11))
    g = pi.SimpleGame(players, lambda s: set(PERMANENT) <= s and len(s) >= 9)
    ss, sw = pi.shapley_shubik(g), pi.swings(g)
    assert ss["UK"] == F(421, 2145) and ss["NP7"] == F(4, 2145)
    assert sw["UK"] == 848 and sw["NP7"] == 84
    assert set(g.veto_players) == set(PERMANENT)


def test_strand_rapkin_coleman_security_council(unsc):
    """Strand, J. R. & Rapkin, D. P. (2011). Weighted voting in the United Nations Security
    Council: a simulation. Simulation & Gaming 42(6):772-802. DOI 10.1177/1046878110365514
    (conference version, ISA annual meeting, p. 19): "under the current rules, the power to
    initiate action for permanent members is .0266 and for non-permanent members it is .0026";
    the non-permanent members' current power to block (prevent) is .099.  Published to 4 resp.
    3 decimals, so the exact values are rounded to those places before comparing.  A veto
    player is critical in every winning coalition, so a permanent member's power to prevent is
    exactly 1 (derived, not printed as such).
    """
    initiate = _rounded(pi.coleman_initiate(unsc), 4)
    assert initiate["USA"] == F("0.0266")
    assert initiate["NP1"] == F("0.0026")
    prevent = pi.coleman_prevent(unsc)
    assert round(prevent["NP1"], 3) == F("0.099")
    assert prevent["USA"] == 1


# --------------------------------------------------------------------------------------------
# EEC Council of Ministers, 1958-1972
# --------------------------------------------------------------------------------------------

EEC = ("France", "Germany", "Italy", "Belgium", "Netherlands", "Luxembourg")


@pytest.fixture
def eec():
    """Treaty of Rome art. 148(2): weights 4,4,4,2,2,1, qualified majority 12 of 17."""
    return pi.WeightedGame([4, 4, 4, 2, 2, 1], 12, players=EEC)


def test_brams_eec_1958_banzhaf(eec):
    """Brams, S. J., "Game theory", Encyclopaedia Britannica; reprinted in E. Gregersen (ed.),
    The Britannica Guide to Statistics and Probability (Britannica Educational Publishing,
    2011), p. 194: with the 12-of-17 rule the large countries have Banzhaf values 5/21 each,
    the medium-size countries 1/7 each, "and - amazingly - Luxembourg no voting power at all".
    """
    bz = pi.banzhaf(eec)
    assert [bz[c] for c in EEC] == [F(5, 21)] * 3 + [F(1, 7)] * 2 + [F(0)]


def test_eec_1958_luxembourg_dummy_and_shapley_shubik(eec):
    """Luxembourg is a dummy: Brams (2011, p. 194, see above); Holler, M. J., "EU decision
    making and the allocation of responsibility", ch. 3 in T. Eger & H.-B. Schaefer (eds),
    Research Handbook on the Economics of European Union Law (Edward Elgar): for w = (4,4,4,2,2,1)
    and d = 12 Luxembourg's a priori voting power was zero.

    Shapley-Shubik values 7/30, 7/30, 7/30, 3/20, 3/20, 0 derived by hand: with Luxembourg a
    dummy, Belgium pivots only when exactly two large countries and the Netherlands precede it,
    3 * 3! * 1! of the 5! orders of the five others = 18/120 = 3/20; each large country gets
    (1 - 2 * 3/20) / 3 = 7/30.
    """
    assert eec.dummies == ("Luxembourg",)
    assert pi.swings(eec)["Luxembourg"] == 0
    ss = pi.shapley_shubik(eec)
    assert [ss[c] for c in EEC] == [F(7, 30)] * 3 + [F(3, 20)] * 2 + [F(0)]


# --------------------------------------------------------------------------------------------
# Nassau County Board of Supervisors
# --------------------------------------------------------------------------------------------

NASSAU = ("Hempstead1", "Hempstead2", "NorthHempstead", "OysterBay", "GlenCove", "LongBeach")

# Weights and quotas by year: COMAP, For All Practical Purposes, 10th ed. (W. H. Freeman, 2015),
# ch. 11, Example 3, p. 464 (1958) and the Nassau County exercise (table of weights 1958-1982);
# the 1958 and 1964 rows agree with J. Malkevitch, "Voting games: part II", AMS Feature Column.
NASSAU_BOARDS = {
    1958: (16, [9, 9, 7, 3, 1, 1]),
    1964: (58, [31, 31, 21, 28, 2, 2]),
    1970: (63, [31, 31, 21, 28, 2, 2]),
    1976: (71, [35, 35, 23, 32, 2, 3]),
    1982: (65, [30, 28, 15, 22, 6, 7]),
}


def _nassau(year):
    quota, weights = NASSAU_BOARDS[year]
    return pi.WeightedGame(weights, quota, players=NASSAU)


@pytest.mark.parametrize(
    "year, dummies",
    [
        (1958, {"OysterBay", "GlenCove", "LongBeach"}),
        (1964, {"NorthHempstead", "GlenCove", "LongBeach"}),
        (1970, set()),
        (1976, set()),
        (1982, set()),
    ],
)
def test_comap_nassau_county_dummies(year, dummies):
    """COMAP, For All Practical Purposes, 10th ed., ch. 11, Nassau County exercise, answer (a):
    three dummies in 1958 and in 1964, "no dummies in 1970 and after".  The 1964 dummies are
    those Banzhaf (1965) found: Banzhaf, J. F. III, "Weighted voting doesn't work: a
    mathematical analysis", Rutgers Law Review 19:317-343 (three of the six supervisors had no
    power); Malkevitch (AMS Feature Column) names the 1958 ones.
    """
    g = _nassau(year)
    assert set(g.dummies) == dummies
    sw = pi.swings(g)
    assert {name for name in NASSAU if sw[name] == 0} == dummies


@pytest.mark.parametrize(
    "year, dummies",
    [
        (1958, {"NorthHempstead", "OysterBay", "GlenCove", "LongBeach"}),
        (1964, {"NorthHempstead", "OysterBay", "GlenCove", "LongBeach"}),
        (1970, set()),
        (1976, set()),
        (1982, {"GlenCove"}),
    ],
)
def test_comap_nassau_county_hempstead_bloc(year, dummies):
    """COMAP (2015), same exercise, answer (b): if the two Hempstead supervisors voted as one
    bloc, "in 1958 and 1964 the Hempstead supervisors would be dictators" and the other four
    dummies; no dummies from 1970 "until 1982, when G [Glen Cove] was a dummy".
    """
    g = _nassau(year).merge(["Hempstead1", "Hempstead2"], name="Hempstead")
    assert set(g.dummies) == dummies
    if year in (1958, 1964):
        assert pi.shapley_shubik(g)["Hempstead"] == 1


@pytest.mark.parametrize("year", [1958, 1964])
def test_banzhaf_1965_nassau_county_power(year):
    """Banzhaf (1965), Rutgers Law Review 19:317-343, and Malkevitch (AMS Feature Column): apart
    from the three dummies, any two of the other three supervisors win, so the three have equal
    power (Malkevitch: North Hempstead "had the same power as Hempstead 1 and Hempstead 2" in
    1958).  Derived by hand: each of the three swings in 2 of the 4 coalitions of the other two,
    times 2**3 choices of dummies = 16 swings; Banzhaf and Shapley-Shubik 1/3 each, 0 for dummies.
    """
    g = _nassau(year)
    dummies = set(g.dummies)
    sw, bz, ss = pi.swings(g), pi.banzhaf(g), pi.shapley_shubik(g)
    for name in NASSAU:
        expected_swings, expected_share = (0, F(0)) if name in dummies else (16, F(1, 3))
        assert sw[name] == expected_swings
        assert bz[name] == expected_share and ss[name] == expected_share


# --------------------------------------------------------------------------------------------
# Textbook worked examples
# --------------------------------------------------------------------------------------------


@pytest.fixture
def fm_example():
    """Felsenthal & Machover (1998), Appendix A, Ex. A.1: [5; 3, 2, 1, 1], voters a, b, c, d."""
    return pi.WeightedGame([3, 2, 1, 1], 5, players=("a", "b", "c", "d"))


def test_felsenthal_machover_1998_example_a1_banzhaf(fm_example):
    """Felsenthal, D. S. & Machover, M. (1998). The Measurement of Voting Power: Theory and
    Practice, Problems and Paradoxes. Cheltenham: Edward Elgar. Appendix A,
    Ex. A.1: the vulnerable coalitions give Bz powers beta_a = 5/8, beta_b = 3/8,
    beta_c = beta_d = 1/8 (swings over 2**(n-1) = 8).  The Bz index (normalized) follows by
    dividing by the total 10/8: 1/2, 3/10, 1/10, 1/10.
    """
    assert dict(pi.swings(fm_example)) == {"a": 5, "b": 3, "c": 1, "d": 1}
    raw = pi.banzhaf(fm_example, normalized=False)
    assert [raw[v] for v in "abcd"] == [F(5, 8), F(3, 8), F(1, 8), F(1, 8)]
    bz = pi.banzhaf(fm_example)
    assert [bz[v] for v in "abcd"] == [F(1, 2), F(3, 10), F(1, 10), F(1, 10)]


def test_felsenthal_machover_1998_example_a4_deegan_packel_johnston(fm_example):
    """Felsenthal & Machover (1998), Appendix A, Ex. A.4 computes the Deegan-Packel and Johnston
    indices of the Ex. A.1 game.  The book's page was not available to us, so the values are
    derived by hand from the five vulnerable coalitions F&M list in Ex. A.1 ({a,b}, {a,b,c},
    {a,b,d}, {a,c,d}, {a,b,c,d}):
    D-P: minimal winning coalitions {a,b}, {a,c,d}; a: (1/2)(1/2 + 1/3) = 5/12, b: 1/4,
    c = d: (1/2)(1/3) = 1/6.
    Js: critical sets {a,b}, {a,b}, {a,b}, {a,c,d}, {a}; raw a = 3/2 + 1/3 + 1 = 17/6,
    b = 3/2, c = d = 1/3, total 5: a 17/30, b 3/10, c = d 1/15.
    """
    dp = pi.deegan_packel(fm_example)
    assert [dp[v] for v in "abcd"] == [F(5, 12), F(1, 4), F(1, 6), F(1, 6)]
    js = pi.johnston(fm_example)
    assert [js[v] for v in "abcd"] == [F(17, 30), F(3, 10), F(1, 15), F(1, 15)]


def test_brams_britannica_50_49_1_banzhaf():
    """Brams, "Game theory", Encyclopaedia Britannica (Britannica Guide to Statistics and
    Probability, 2011, p. 194): for (50, 49, 1) under simple majority the Banzhaf index is
    (3/5, 1/5, 1/5), "making the 49-vote member indistinguishable from the 1-vote member".
    """
    g = pi.WeightedGame([50, 49, 1], 51, players=("A50", "B49", "C1"))
    bz = pi.banzhaf(g)
    assert [bz[p] for p in ("A50", "B49", "C1")] == [F(3, 5), F(1, 5), F(1, 5)]
    assert g.veto_players == ("A50",)


@pytest.fixture
def holler_game():
    """Holler's weighted-voting paradox game [51; 35, 20, 15, 15, 15]."""
    return pi.WeightedGame([35, 20, 15, 15, 15], 51, players=("A", "B", "C", "D", "E"))


@pytest.mark.parametrize("method", ["auto", "enumerate", "backtrack"])
def test_holler_illing_2006_deegan_packel(holler_game, method):
    """Holler, M. J. & Illing, G. (2006). Einfuehrung in die Spieltheorie, 6th ed., Springer,
    sec. 6.3.3, pp. 323-324 (Deegan & Packel 1978, IJGT 7(2):113-123, DOI 10.1007/BF01753239):
    Deegan-Packel values (18/60, 9/60, 11/60, 11/60, 11/60) (as quoted in the documentation
    of the CoopGame R package, deeganPackelIndex).  Hand check: minimal winning coalitions
    {A,B}, {A,C,D}, {A,C,E}, {A,D,E}, {B,C,D,E}.
    """
    dp = pi.deegan_packel(holler_game, method=method)
    assert [dp[p] for p in "ABCDE"] == [F(18, 60), F(9, 60)] + [F(11, 60)] * 3


@pytest.mark.parametrize("method", ["auto", "enumerate", "backtrack"])
def test_holler_public_good_index_paradox(holler_game, method):
    """Holler, M. J. (1982). Forming coalitions and measuring voting power. Political Studies
    30(2):262-271, defines the public good index; its
    values for [51; 35, 20, 15, 15, 15], (16/60, 8/60, 12/60, 12/60, 12/60), are from Holler &
    Illing (2006), sec. 6.3.4, pp. 323-324, and Holler, M. J. (2011), "Public goods index",
    Encyclopedia of Power, SAGE, pp. 541-542 (as quoted in the CoopGame R package
    documentation).  The 20-seat party has less power than each 15-seat party (the paradox).
    Hand check: A, B, C, D, E are in 4, 2, 3, 3, 3 of the 5 minimal winning coalitions.
    """
    h = pi.holler(holler_game, method=method)
    assert [h[p] for p in "ABCDE"] == [F(16, 60), F(8, 60)] + [F(12, 60)] * 3
    assert h["B"] < h["C"]


def test_stach_2011_shapley_shubik():
    """Stach, I. (2011). "Shapley-Shubik index", in K. Dowding (ed.), Encyclopedia of Power,
    SAGE, pp. 603-606: [50; 10, 10, 20, 30] has Shapley-Shubik index (1/12, 1/12, 1/4, 7/12)
    (as quoted in the CoopGame R package documentation, shapleyShubikIndex, 0.0833.../0.25/
    0.5833...).  Hand check: the 30-vote player pivots in 14 of the 24 orders.
    """
    g = pi.WeightedGame([10, 10, 20, 30], 50)
    ss = pi.shapley_shubik(g)
    assert [ss[p] for p in g.players] == [F(1, 12), F(1, 12), F(1, 4), F(7, 12)]
