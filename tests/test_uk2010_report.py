"""The UK 2010 report: quotas, every reported index, the formateurs' coalitions and the
coalition theories recomputed by brute force from seats.csv and assumptions.toml
(tests/brute.py, sharing no code with powerindex), and the report built twice in a
temporary folder, byte for byte.

The brute force: a model's voting seats are the party's seats less any Deputy Speakers
(when they do not vote), without the Speaker and the parties excluded; the quota is the
least whole number above half the members counted. Under the compatibility graph a
coalition wins when some clique of compatible members inside it reaches the quota.
"""

import csv
import sys
from fractions import Fraction
from functools import cache
from itertools import combinations

import brute
import pytest

from analyses.uk2010 import model, report

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

MODELS = ("nominal", "sitting", "effective")


def seat_rows():
    with open(model.SEATS_FILE, newline="", encoding="utf-8") as handle:
        return [dict(row, seats=int(row["seats"])) for row in csv.DictReader(handle)]


def assumptions():
    with open(model.ASSUMPTIONS_FILE, "rb") as handle:
        return tomllib.load(handle)


@cache
def seats_and_quota(name):
    spec = assumptions()["models"][name]
    deputies = assumptions()["deputy_speakers"]
    seats, counted = {}, 0
    for row in seat_rows():
        party = row["short"]
        if party in spec["excludes"]:
            continue
        if party == "Speaker":
            counted += row["seats"]
            continue
        s = row["seats"] - (0 if spec["deputies_vote"] else deputies.get(party, 0))
        seats[party] = s
        counted += s
    return seats, counted // 2 + 1, counted


def plain_wins(name):
    seats, quota, _ = seats_and_quota(name)
    return lambda s: sum(seats[p] for p in s) >= quota


def graph_wins(name):
    seats, quota, _ = seats_and_quota(name)
    bad = {frozenset(p) for p in assumptions()["graph"]["incompatible"]}

    def clique(s):
        return not any(frozenset(pair) in bad for pair in combinations(s, 2))

    @cache
    def wins(s):
        return any(sum(seats[p] for p in c) >= quota and clique(c)
                   for size in range(1, len(s) + 1) for c in combinations(sorted(s), size))

    return wins


@cache
def brute_values(name, graph):
    seats, _, _ = seats_and_quota(name)
    ps = list(seats)
    wins = graph_wins(name) if graph else plain_wins(name)
    return {"players": ps, "wins": wins,
            "Shapley-Shubik": brute.shapley_shubik_subsets(ps, wins),
            "Banzhaf": brute.banzhaf(ps, wins), "swings": brute.swings(ps, wins),
            "minimal": brute.minimal_winning_coalitions(ps, wins),
            "veto": brute.veto_players(ps, wins), "dummies": brute.dummies(ps, wins)}


@pytest.fixture(scope="module")
def study():
    rows = model.read_seats()
    return report.Study(rows, model.read_assumptions(rows=rows))


def test_quotas_follow_from_who_votes(study):
    # 650 members -> 326; 650 - Speaker - 5 Sinn Fein = 644 -> 323; less the three Deputy
    # Speakers (2 Labour, 1 Conservative) = 641 -> 321.
    assert {m: seats_and_quota(m)[1:] for m in MODELS} == {
        "nominal": (326, 650), "sitting": (323, 644), "effective": (321, 641)}
    for m in MODELS:
        seats, quota, counted = seats_and_quota(m)
        game = study.games[m]
        assert dict(zip(game.players, game.weights, strict=True)) == seats
        assert (game.quota, study.counted[m]) == (quota, counted)
    assert seats_and_quota("effective")[0]["Conservative"] == 305
    assert seats_and_quota("effective")[0]["Labour"] == 256


def test_published_seat_figures():
    # House of Commons Library RP10/36: Conservatives 306, Labour 258, Liberal Democrats 57;
    # with DUP 8, SNP 6, Sinn Fein 5, Plaid Cymru 3, SDLP 3, Green, Alliance, Lady Hermon and
    # the Speaker 1 each: 650.
    seats = {row["short"]: row["seats"] for row in seat_rows()}
    assert seats == {"Conservative": 306, "Labour": 258, "Lib Dem": 57, "DUP": 8, "SNP": 6,
                     "Sinn Féin": 5, "Plaid Cymru": 3, "SDLP": 3, "Green": 1, "Alliance": 1,
                     "Hermon": 1, "Speaker": 1}
    assert sum(seats.values()) == 650


@pytest.mark.parametrize("name, graph", [(m, False) for m in MODELS] + [("effective", True)])
def test_every_leverage_table_matches_brute_force(study, name, graph):
    table = study.leverage_graph if graph else study.leverage[name]
    expected = brute_values(name, graph)
    seats, _, _ = seats_and_quota(name)
    total = sum(seats.values())
    for row in table.records():
        p = row["player"]
        assert row["Shapley-Shubik"] == expected["Shapley-Shubik"][p]
        assert row["Banzhaf"] == expected["Banzhaf"][p]
        assert row["swings"] == expected["swings"][p]
        assert row["seat share"] == Fraction(seats[p], total)
        assert row["power / seat share"] == expected["Shapley-Shubik"][p] / Fraction(
            seats[p], total)
        assert row["minimal winning"] == sum(1 for c in expected["minimal"] if p in c)
        assert row["veto"] == (p in expected["veto"])
        assert row["dummy"] == (p in expected["dummies"])
    assert len(table.rows) == len(seats)


@pytest.mark.parametrize("graph", [False, True])
@pytest.mark.parametrize("party", ["Conservative", "Labour"])
def test_formateur_coalitions_match_brute_force(study, party, graph):
    expected = {c for c in brute_values("effective", graph)["minimal"] if party in c}
    table = study.formateur(party, graph=graph)
    for partner, _, count, pivotal in table.rows:
        assert count == sum(1 for c in expected if partner in c)
        assert pivotal == all(partner in c for c in expected)
    assert {p for p, *_ in table.rows} == set().union(*expected) - {party}


def test_kingmaker_claims():
    # Labour + Lib Dem fall short in every model; with SNP and Plaid Cymru they reach 323
    # of 644 but not 326 of 650; Con + Lib Dem wins everywhere.
    for m in MODELS:
        wins = plain_wins(m)
        assert not wins(frozenset({"Labour", "Lib Dem"}))
        assert wins(frozenset({"Conservative", "Lib Dem"}))
    rainbow = frozenset({"Labour", "Lib Dem", "SNP", "Plaid Cymru"})
    assert [plain_wins(m)(rainbow) for m in MODELS] == [False, True, True]
    # Under the graph the Lib Dems sit in every government either big party can lead.
    minimal = brute_values("effective", True)["minimal"]
    for party in ("Conservative", "Labour"):
        assert all("Lib Dem" in c for c in minimal if party in c)
    assert {frozenset({"Conservative", "Lib Dem"})} == {
        c for c in minimal if "Conservative" in c}


@pytest.mark.parametrize("graph", [False, True])
def test_coalition_theories_match_brute_force(study, graph):
    values = brute_values("effective", graph)
    ps, wins, seats = values["players"], values["wins"], seats_and_quota("effective")[0]
    theories = study.theories("effective", graph=graph)
    got = {name: {frozenset(c.members) for c in coalitions}
           for name, coalitions in theories.items()}
    assert got["minimal winning"] == set(values["minimal"])
    assert got["minimum size"] == set(brute.minimum_size_winning_coalitions(ps, wins))
    assert got["minimum weight"] == set(
        brute.minimum_weight_winning_coalitions(ps, wins, [seats[p] for p in ps]))
    order = [p for p in assumptions()["order"] if p in seats]
    intervals = [(a, b) for a in range(len(order)) for b in range(a + 1, len(order) + 1)
                 if wins(frozenset(order[a:b])) and (not graph or not any(
                     frozenset(pair) in {frozenset(x) for x in assumptions()["graph"]
                                         ["incompatible"]}
                     for pair in combinations(order[a:b], 2)))]
    minimal_intervals = {frozenset(order[a:b]) for a, b in intervals
                         if not any(a <= c and d <= b and (c, d) != (a, b)
                                    for c, d in intervals)}
    assert got["minimal connected winning"] == minimal_intervals


def test_report_is_written_and_reproducible(tmp_path):
    first = report.write_report(tmp_path / "a")
    report.write_report(tmp_path / "b")
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*")
                   if p.is_file())
    assert any(str(f).startswith("figures/") for f in files)
    assert any(str(f).startswith("tables/") for f in files)
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    text = first.read_text(encoding="utf-8")
    assert "| Rainbow: Labour-Lib Dem with SNP and Plaid Cymru | 324 loses | 324 wins |" in text
    for figure in ("figures/power-vs-seats.png", "figures/graph.png"):
        assert f"({figure})" in text


def test_committed_report_is_up_to_date(tmp_path):
    built = report.write_report(tmp_path).read_text(encoding="utf-8")
    assert (model.HERE / "report.md").read_text(encoding="utf-8") == built
    # and so is report.html, the same report as one page with its figures embedded
    assert (model.HERE / "report.html").read_bytes() == (tmp_path / "report.html").read_bytes()


def test_bad_seat_file_names_the_line(tmp_path):
    bad = tmp_path / "seats.csv"
    bad.write_text("party,short,seats,votes,note\nA,A,many,yes,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2: seats must be a positive integer, got 'many'"):
        model.read_seats(bad)
