"""The Iraq 2010 report: the game file's seats against the published figures, every game of
the timeline built by hand and its Kurdish column recomputed by brute force (tests/brute.py,
sharing no code with powerindex), the narrative's claims checked against those numbers, the
cohesion model checked by enumeration on a small game, and the report built twice, byte for
byte, equal to the committed one.

The brute force starts from the seats as published (Reuters, 1 June 2010: Iraqiya 91, State
of Law 89; World Elections, 28 March 2010: INA 70, Kurdistan List 43, Gorran 8, Iraqi Accord
Front 6, Kurdistan Islamic Union 4, Unity Alliance of Iraq 4; Historical Dictionary of the
Kurds: Kurdistan Islamic Group 2; Carnegie, 14 December 2009: eight minority seats, five
Christian) and forms each stage's blocs by hand.
"""

import itertools
import shutil
from fractions import Fraction
from functools import cache

import brute
import pytest

import powerindex as pi
from analyses.iraq2010 import report

PUBLISHED = {"Iraqiya": 91, "State of Law": 89, "INA": 70, "Kurdistan Alliance": 43,
             "Gorran": 8, "Tawafuq": 6, "KIU": 4, "Unity Alliance": 4, "Rafidain": 3,
             "KIG": 2, "CSAPC": 2, "Yazidi": 1, "Shabak": 1, "Sabean": 1}
KURDS_57 = ("Kurdistan Alliance", "Gorran", "KIU", "KIG")
KURDS_49 = ("Kurdistan Alliance", "KIU", "KIG")


def blocs(merges, split=None, drop=()):
    """Seats by player: the published lists, INA split in two, then merged and dropped."""
    seats = dict(PUBLISHED)
    if split is not None:
        del seats["INA"]
        seats.update({"INA for Maliki": 70 - split, "ISCI and Fadhila": split})
    for name, members in merges.items():
        seats[name] = sum(seats.pop(m) for m in members)
    for name in drop:
        del seats[name]
    return seats


# scenario -> (seats by player, quota, unions or None)
GAMES = {
    "base": (dict(PUBLISHED), 163, None),
    "april": (blocs({"Kurdish coalition": KURDS_57}), 163, None),
    "may": (blocs({"Kurdish coalition": KURDS_57,
                   "National Alliance": ("State of Law", "INA")}), 163, None),
    "july": (blocs({"Kurdish coalition": KURDS_57}), 163, [("State of Law", "INA")]),
    "october": (blocs({"Kurdish coalition": KURDS_57,
                       "National Alliance": ("State of Law", "INA for Maliki")}, split=17),
                163, None),
    "october-26": (blocs({"Kurdish coalition": KURDS_57,
                          "National Alliance": ("State of Law", "INA for Maliki")},
                         split=26), 163, None),
    "november": (blocs({"Kurdish coalition": KURDS_49,
                        "National Alliance": ("State of Law", "INA for Maliki")}, split=17),
                 163, None),
    "president-first-round": (blocs({"Kurdish coalition": KURDS_49,
                                     "National Alliance": ("State of Law", "INA for Maliki")},
                                    split=17), 217, None),
    "president-runoff": (blocs({"Kurdish coalition": KURDS_49,
                                "National Alliance": ("State of Law", "INA for Maliki")},
                               split=17, drop=("Iraqiya",)), 118, None),
    "december": (blocs({"Kurdish coalition": KURDS_49,
                        "National Alliance": ("State of Law", "INA"),
                        "Centrist Alliance": ("Tawafuq", "Unity Alliance")}), 163, None),
}


@cache
def study():
    return pi.Study(pi.read_game(report.GAME_FILE))


@cache
def timeline():
    return report.Timeline(study())


def wins_of(seats, quota, incompatible=frozenset()):
    """A coalition wins when its compatible members can reach the quota: for every
    incompatible pair inside it, one of the two stays out (the largest such clique)."""
    def wins(coalition):
        clashes = [tuple(p) for p in incompatible if p <= coalition]
        for leave_out in itertools.product(*clashes):
            if sum(seats[m] for m in coalition if m not in leave_out) >= quota:
                return True
        return False
    return wins


def owen_by_subsets(players, wins, unions):
    """The Owen value by its subset formula (Owen 1977): the unions and the other players
    are the groups; a player's group joins a random order of the groups, the player a
    random order of its own group."""
    from math import factorial

    groups = [tuple(u) for u in unions] + [(p,) for p in players
                                           if not any(p in u for u in unions)]
    m = len(groups)
    values = {}
    for own in groups:
        others = [g for g in groups if g is not own]
        for i in own:
            mates = [p for p in own if p != i]
            total = Fraction(0)
            for r in range(len(others) + 1):
                outer = Fraction(factorial(r) * factorial(m - 1 - r), factorial(m))
                for chosen in itertools.combinations(others, r):
                    base = frozenset(p for g in chosen for p in g)
                    for s_size in range(len(mates) + 1):
                        inner = Fraction(factorial(s_size)
                                         * factorial(len(own) - 1 - s_size),
                                         factorial(len(own)))
                        for s_set in itertools.combinations(mates, s_size):
                            before = base | frozenset(s_set)
                            total += outer * inner * (wins(before | {i}) - wins(before))
            values[i] = total
    return values


def test_the_seats_are_the_published_ones():
    spec = pi.read_game(report.GAME_FILE)
    assert dict(zip(spec.game.players, spec.game.weights, strict=True)) == PUBLISHED
    assert spec.game.total_weight == 325 and spec.game.quota == 163


@pytest.mark.parametrize("name", list(GAMES))
def test_every_game_of_the_timeline_is_the_one_built_by_hand(name):
    seats, quota, unions = GAMES[name]
    game = study().scenarios[name].game
    assert dict(zip(game.players, game.weights, strict=True)) == seats
    assert game.quota == quota
    found = study().scenarios[name].unions
    assert (found is None) == (unions is None)


@pytest.mark.parametrize("name", list(GAMES))
def test_the_kurdish_column_recomputes_by_brute_force(name):
    seats, quota, unions = GAMES[name]
    players = list(seats)
    wins = wins_of(seats, quota)
    kurds = "Kurdish coalition" if "Kurdish coalition" in seats else "Kurdistan Alliance"
    row = timeline().rows[name]
    if unions is None:
        assert row["ss"] == brute.shapley_shubik_subsets(players, wins)[kurds]
    else:
        assert row["ss"] == owen_by_subsets(players, wins, unions)[kurds]
    refusal = wins_of(seats, quota, {frozenset(("Iraqiya", p)) for p in
                                     ("State of Law", "National Alliance")})
    if unions is None:
        assert row["ss refusal"] == brute.shapley_shubik_subsets(players, refusal)[kurds]
    minimal = [set(c) for c in brute.minimal_winning_coalitions(players, wins)
               if row["formateur"] in c]
    assert row["coalitions"] == len(minimal)
    assert row["with"] == sum(kurds in c for c in minimal)


def test_the_test_of_collapse_is_the_stated_one():
    rows = timeline().rows
    reference = rows[report.REFERENCE]["ss"]
    collapsed = [n for n, r in rows.items() if r["tested"] and r["ss"] <= reference / 2]
    assert timeline().collapsed("ss") == collapsed == ["president-runoff"]
    # the headline: with the Sadrists behind Maliki the Kurds' index rose, it did not fall
    assert rows["october"]["ss"] > 2 * reference
    assert rows["october"]["needed"] is False


def test_the_runoff_game_leaves_the_alliance_alone_with_a_majority():
    seats, quota, _ = GAMES["president-runoff"]
    assert seats["National Alliance"] >= quota == sum(seats.values()) // 2 + 1


def test_the_cohesion_model_by_enumeration():
    # three blocs of 2, 1 and 2 seats, quota 3; the Kurds (1 seat) vote as one; each member
    # of the others follows its bloc (yes or no with probability 1/2) with probability 1 - d
    game = pi.WeightedGame([2, 1, 2], 3, players=["A", "K", "B"])
    d = Fraction(1, 10)
    total = Fraction(0)
    for bloc_votes in itertools.product((0, 1), repeat=2):
        for members in itertools.product((0, 1), repeat=4):
            p = Fraction(1, 4)
            for i, vote in enumerate(members):
                follows = vote == bloc_votes[i // 2]
                p *= (1 - d) if follows else d
            yes = sum(members)
            if yes < 3 <= yes + 1:
                total += p
    assert report.kurdish_decisiveness(game, "K", d) == total
    assert report.kurdish_decisiveness(game, "K", Fraction(0)) == pi.banzhaf(
        game, normalized=False)["K"]


def test_every_fact_of_the_file_has_a_source():
    spec = pi.read_game(report.GAME_FILE)
    for party in spec.game.players:
        assert spec.notes[("party", party)].sources, party
    for name in spec.changes:
        assert spec.notes[("scenario", name)].sources, name
    assert all(spec.notes[("government", g.name)].sources for g in spec.governments)


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("iraq")
    return report.write_report(out).read_text(encoding="utf-8"), out


def test_the_report_opens_with_the_answer_and_ends_with_its_sources(written):
    text, out = written
    assert text.index("**The question.**") < text.index("**The answer.**") < text.index(
        "## The parliament")
    assert "## Sources" in text and text.index("## Sources") < text.index("## Appendix")
    for needle in ("shared/", "../", "design card", "brokered by Sadr", "sworn"):
        assert needle not in text
    assert (out / "figures" / "kurds-timeline.png").stat().st_size > 10_000


def test_the_committed_report_is_a_fresh_build(written):
    text, out = written
    committed = report.HERE
    assert text == (committed / "report.md").read_text(encoding="utf-8")
    for table in sorted((out / "tables").glob("*.csv")):
        assert table.read_text(encoding="utf-8") == (
            committed / "tables" / table.name).read_text(encoding="utf-8"), table.name
    assert sorted(p.name for p in (out / "tables").glob("*.csv")) == sorted(
        p.name for p in (committed / "tables").glob("*.csv"))


def test_the_same_file_gives_the_same_bytes(tmp_path, written):
    text, _ = written
    copy = tmp_path / "iraq2010.toml"
    shutil.copy(report.GAME_FILE, copy)
    assert report.write_report(tmp_path / "again", copy).read_text(encoding="utf-8") == text


def test_the_closed_minimal_range_coalitions_by_brute_force():
    # The placed lists on the first dimension (the file's coding); the others vote no.
    first = {"Iraqiya": 0, "State of Law": 1, "INA": 2, "Kurdistan Alliance": 0,
             "Gorran": 0, "KIU": 2, "KIG": 2}
    closed = []
    for size in range(1, len(first) + 1):
        for coalition in itertools.combinations(first, size):
            low = min(first[p] for p in coalition)
            high = max(first[p] for p in coalition)
            inside = {p for p in first if low <= first[p] <= high}
            if inside == set(coalition) and sum(PUBLISHED[p] for p in coalition) >= 163:
                closed.append((high - low, frozenset(coalition)))
    least = min(width for width, _ in closed)
    expected = {c for width, c in closed if width == least}
    text = report.positions(study())
    for coalition in expected:
        seats = sum(PUBLISHED[p] for p in coalition)
        assert f"({seats} seats)" in text.split("closed minimal range coalitions need")[1]
    assert len(expected) == 2
