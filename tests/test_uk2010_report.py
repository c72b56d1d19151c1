"""The UK 2010 report: the game file's seats and quotas against the published figures, every
power table of the report recomputed by brute force (tests/brute.py, sharing no code with
powerindex), the claims of its narrative checked, and the report built twice, byte for byte,
equal to the committed one.

The brute force reads the seats as published (House of Commons Library: Conservatives 306
without the Speaker, Labour 258, Liberal Democrats 57; DUP 8, SNP 6, Plaid Cymru 3; BBC News,
28 May 2010: 28 others, Sinn Féin's 5 among them) and applies the counts of the House by
hand: the effective House takes out the Speaker, Sinn Féin and the Deputy Speakers (one
Conservative, two Labour; UK Parliament news, 8 June 2010); the sitting House leaves the
Deputy Speakers in; the nominal House counts all 650 (326 to win). Under the compatibility
graph a coalition wins when some clique of compatible members inside it reaches the quota.
"""

import itertools
import shutil
from fractions import Fraction
from functools import cache

import brute
import pytest

import powerindex as pi
from analyses.uk2010 import report

PUBLISHED = {"Conservative": 306, "Labour": 258, "Lib Dem": 57, "DUP": 8, "SNP": 6,
             "Plaid Cymru": 3, "SDLP": 3, "Green": 1, "Alliance": 1, "Hermon": 1}
SINN_FEIN, SPEAKER = 5, 1
DEPUTIES = {"Conservative": 1, "Labour": 2}
INCOMPATIBLE = {frozenset(p) for p in [("Conservative", "Labour"), ("Conservative", "SNP"),
                                       ("Conservative", "Plaid Cymru"),
                                       ("Conservative", "SDLP"), ("Conservative", "Green")]}


def seats_and_quota(name):
    """The players' seats and the quota of one count of the House, by hand."""
    seats = dict(PUBLISHED)
    if name == "base":
        for party, deputies in DEPUTIES.items():
            seats[party] -= deputies
        return seats, sum(seats.values()) // 2 + 1
    if name == "sitting":
        return seats, sum(seats.values()) // 2 + 1
    seats["Sinn Féin"] = SINN_FEIN
    return seats, (sum(seats.values()) + SPEAKER) // 2 + 1


def test_published_figures_add_up():
    assert sum(PUBLISHED.values()) + SINN_FEIN + SPEAKER == 650
    assert [seats_and_quota(n)[1] for n in ("base", "sitting", "nominal")] == [321, 323, 326]


@pytest.fixture(scope="module")
def spec():
    return pi.read_game(report.GAME_FILE)


def test_the_game_file_holds_the_counts_of_the_house(spec):
    for name, scenario in {"base": spec.base, **spec.scenarios}.items():
        seats, quota = seats_and_quota(name)
        game = scenario.game
        assert dict(zip(game.players, game.weights, strict=True)) == seats, name
        assert game.quota == quota or (quota - 1 < game.quota <= quota), name
    assert all(spec.notes[("party", p)].sources for p in spec.game.players)
    assert spec.notes[("graph", None)].assumption


@cache
def wins_of(name, graph):
    seats, quota = seats_and_quota(name)

    def clique(members):
        return not any(frozenset(pair) in INCOMPATIBLE
                       for pair in itertools.combinations(members, 2))

    @cache
    def wins(coalition):
        members = sorted(coalition)
        if not graph:
            return sum(seats[p] for p in members) >= quota
        return any(sum(seats[p] for p in part) >= quota and clique(part)
                   for size in range(1, len(members) + 1)
                   for part in itertools.combinations(members, size))

    return list(seats), wins


@pytest.mark.parametrize("name", ["base", "sitting", "nominal"])
def test_every_leverage_table_matches_brute_force(spec, name):
    scenario = spec.base if name == "base" else spec.scenarios[name]
    players, wins = wins_of(name, True)
    table = pi.leverage(scenario.game, scenario.graph, rule=scenario.rule)
    rows = {row[0]: dict(zip(table.columns, row, strict=True)) for row in table.rows}
    shapley = brute.shapley_shubik_subsets(players, wins)
    banzhaf = brute.banzhaf(players, wins)
    swings = brute.swings(players, wins)
    for player in players:
        assert rows[player]["Shapley-Shubik"] == shapley[player]
        assert rows[player]["Banzhaf"] == banzhaf[player]
        assert rows[player]["swings"] == swings[player]


@pytest.mark.parametrize("graph", [False, True])
def test_the_summary_numbers_by_brute_force(spec, graph):
    players, wins = wins_of("base", graph)
    shapley = brute.shapley_shubik_subsets(players, wins)
    # The summary's Liberal Democrat figures: 41/180 without the graph, 221/360 with it.
    assert shapley["Lib Dem"] == (Fraction(221, 360) if graph else Fraction(41, 180))
    text = report.summary(pi.Study(spec))
    assert f"{shapley['Lib Dem']} ({float(shapley['Lib Dem']):.4f})" in text


@pytest.mark.parametrize("name", ["base", "sitting", "nominal"])
def test_the_lib_dems_are_the_partner_no_big_party_can_do_without(name):
    """Brute force: under the graph, every minimal winning coalition with the Conservatives
    or with Labour contains the Liberal Democrats."""
    players, wins = wins_of(name, True)
    minimal = brute.minimal_winning_coalitions(players, wins)
    for party in ("Conservative", "Labour"):
        with_party = [set(c) for c in minimal if party in c]
        assert with_party and all("Lib Dem" in c for c in with_party)


def test_discussed_coalitions_by_hand(spec):
    text = report.discussed(pi.Study(spec))
    # Labour + Lib Dem + SNP + Plaid Cymru: 256 + 57 + 6 + 3 = 322 of 641 (321 wins),
    # 258 + 57 + 6 + 3 = 324 of the sitting House (323 wins) and of the nominal (326 loses).
    assert "| Rainbow: Labour-Lib Dem with SNP and Plaid Cymru | 322 wins | 324 wins |" \
           " 324 loses |" in text


def test_the_two_cabinet_counts(spec):
    text = report.cabinet(pi.Study(spec))
    assert "5/21 (0.2381)" in text and "5/23 (0.2174)" in text
    # The Liberal Democrats bring 57 of the coalition's 305 + 57 = 362 seats.
    assert "57/362 (0.1575)" in text


def test_report_is_written_and_reproducible(tmp_path):
    first = report.write_report(tmp_path / "a")
    second = report.write_report(tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()
    for name in ("report.md", "report.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    text = first.read_text(encoding="utf-8")
    for heading in ("## The parliament", "## Scenarios side by side",
                    "## The governments that formed", "## Sources", "**Assumptions**"):
        assert heading in text


def test_committed_report_is_up_to_date(tmp_path):
    built = report.write_report(tmp_path)
    assert built.read_text(encoding="utf-8") == (report.HERE / "report.md").read_text(
        encoding="utf-8")


def test_a_bad_game_file_names_the_line(tmp_path):
    bad = tmp_path / "uk2010.toml"
    shutil.copy(report.GAME_FILE, bad)
    text = bad.read_text(encoding="utf-8").replace('seats = 57', 'seats = "fifty-seven"')
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(pi.GameFileError, match=r"line \d+, field 'seats' of party 'Lib Dem'"):
        report.write_report(tmp_path / "out", game_file=bad)
