"""The Security Council report: every reported index recomputed by brute force from
councils.toml (tests/brute.py, sharing no code with powerindex, looping over every
coalition), every committed table checked against it, Shapley and Shubik's published
values, the report built twice in a temporary folder, byte for byte, and its sources.
"""

import csv
import re
import sys
from fractions import Fraction
from functools import cache
from math import comb, factorial

import brute
import pytest

from analyses.unsc import model, report

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def councils():
    with open(model.COUNCILS_FILE, "rb") as handle:
        return {c["key"]: c for c in tomllib.load(handle)["councils"]}


def players(key):
    c = councils()[key]
    return [*c["permanent"], *(f"E{i}" for i in range(1, c["elected_seats"] + 1))]


def charter_rule(key):
    c = councils()[key]
    permanent, required = frozenset(c["permanent"]), c["votes_required"]
    return lambda s: permanent <= s and len(s) >= required


@cache
def reference(key):
    ps, wins = players(key), charter_rule(key)
    return {
        "Shapley-Shubik": brute.shapley_shubik_subsets(ps, wins),
        "Banzhaf (normalized)": brute.banzhaf(ps, wins),
        "Banzhaf (absolute)": brute.absolute_banzhaf(ps, wins),
        "swings": brute.swings(ps, wins),
        "Deegan-Packel": brute.deegan_packel(ps, wins),
        "Holler": brute.holler(ps, wins),
        "Johnston": brute.johnston(ps, wins),
    }


@pytest.fixture(scope="module")
def study():
    return report.Study(*model.read_councils())


@pytest.mark.parametrize("key", ["1965", "1945"])
def test_every_index_matches_brute_force(study, key):
    council = study.council(key)
    expected = reference(key)
    assert set(council.indices) == set(expected)
    for name, values in expected.items():
        assert council.indices[name] == values, name
        assert council.weighted_indices[name] == values, name


@pytest.mark.parametrize("key", ["1965", "1945"])
def test_weighted_form_is_the_charter_rule(study, key):
    c = councils()[key]
    ps = players(key)
    weights = [c["permanent_weight"]] * 5 + [c["elected_weight"]] * c["elected_seats"]
    weighted = brute.weighted(weights, c["quota"], ps)
    rule = charter_rule(key)
    assert all(weighted(s) == rule(s) for s in brute.all_coalitions(ps))
    council = study.council(key)
    assert council.agree
    assert set(council.winning) == set(brute.winning_coalitions(ps, rule))
    assert list(council.charter.veto_players) == brute.veto_players(ps, rule) == c["permanent"]


def test_1965_council_closed_forms():
    # By hand: an elected member is pivotal when it comes ninth after the five permanent
    # members and three of the other nine elected: C(9,3) 8! 6! / 15! = 4/2145; the five
    # permanent members share the rest, (1 - 10 * 4/2145) / 5 = 421/2145.
    elected = Fraction(comb(9, 3) * factorial(8) * factorial(6), factorial(15))
    assert elected == Fraction(4, 2145)
    assert (1 - 10 * elected) / 5 == Fraction(421, 2145)
    values = reference("1965")
    assert values["Shapley-Shubik"]["US"] == Fraction(421, 2145)
    assert values["Shapley-Shubik"]["E1"] == Fraction(4, 2145)
    # Swings: a permanent member with the other four and at least 4 elected; an elected
    # member with the five and exactly 3 of the other nine.
    assert values["swings"]["US"] == sum(comb(10, k) for k in range(4, 11)) == 848
    assert values["swings"]["E1"] == comb(9, 3) == 84
    # Every minimal winning coalition has 9 members: Deegan-Packel = Holler.
    assert values["Deegan-Packel"]["US"] == values["Holler"]["US"] == Fraction(1, 9)
    assert values["Holler"]["E1"] == Fraction(2, 45)


def test_shapley_shubik_1954_published_values(study):
    # Shapley & Shubik (1954), APSR 48:787-792: on the eleven-member Council, 76/77 of the
    # power to the five permanent members (76/385 each) and 1/77 to the six others (1/462).
    values = reference("1945")["Shapley-Shubik"]
    assert values["USSR"] == Fraction(76, 385)
    assert values["E6"] == Fraction(1, 462)
    _, published = model.read_councils()
    assert (published["permanent_each"], published["elected_each"]) == (
        Fraction(76, 385), Fraction(1, 462))
    council = study.council("1945")
    assert council.indices["Shapley-Shubik"]["USSR"] == Fraction(76, 385)


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
    assert "| Shapley-Shubik | 421/2145 (0.1963) | 4/2145 (0.0019) |" in text
    assert "| Shapley-Shubik | 76/385 (0.1974) | 1/462 (0.0022) |" in text
    assert "The values recomputed here agree exactly." in text
    for figure in ("figures/power-per-member.png", "figures/power-vs-seats.png"):
        assert f"({figure})" in text


def test_committed_report_is_up_to_date(tmp_path):
    built = report.write_report(tmp_path).read_text(encoding="utf-8")
    assert (model.HERE / "report.md").read_text(encoding="utf-8") == built
    # and so is report.html, the same report as one page with its figures embedded
    assert (model.HERE / "report.html").read_bytes() == (tmp_path / "report.html").read_bytes()
    # and so is every table
    tables = sorted(p.name for p in (tmp_path / "tables").iterdir())
    assert tables == sorted(p.name for p in (model.HERE / "tables").iterdir())
    for name in tables:
        assert (model.HERE / "tables" / name).read_bytes() == (
            tmp_path / "tables" / name).read_bytes(), name


def read_table(name):
    with open(model.HERE / "tables" / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("key", ["1965", "1945"])
def test_committed_per_member_table_is_the_brute_force(key):
    expected = reference(key)
    rows = read_table(f"indices-{key}.csv")
    assert [r["member"] for r in rows] == players(key)
    for row in rows:
        member = row["member"]
        assert row["permanent"] == ("true" if member in councils()[key]["permanent"]
                                    else "false")
        for name, values in expected.items():
            assert Fraction(row[name]) == values[member], (member, name)


def test_committed_summary_tables_are_the_brute_force():
    summary = read_table("summary.csv")
    per_seat = {r["council"]: r for r in read_table("per-seat.csv")}
    checked = 0
    for key, council in councils().items():
        expected = reference(key)
        permanent, elected = council["permanent"][0], "E1"
        n_permanent, n_elected = len(council["permanent"]), council["elected_seats"]
        rows = [r for r in summary if r["council"] == key]
        assert [r["index"] for r in rows] == list(expected)
        for row in rows:
            values = expected[row["index"]]
            p, e = Fraction(values[permanent]), Fraction(values[elected])
            assert Fraction(row["permanent member"]) == p
            assert Fraction(row["elected member"]) == e
            assert Fraction(row["five permanent"]) == n_permanent * p
            assert Fraction(row["elected together"]) == n_elected * e
            assert Fraction(row["permanent / elected"]) == p / e
            checked += 1
        seat = Fraction(1, n_permanent + n_elected)
        ss = expected["Shapley-Shubik"]
        row = per_seat[council["title"]]
        assert Fraction(row["one seat's share"]) == seat
        assert Fraction(row["permanent member"]) == ss[permanent] / seat
        assert Fraction(row["elected member"]) == ss[elected] / seat
    assert checked == 14 and len(summary) == 14 and len(per_seat) == 2


def test_report_cites_its_sources_and_no_path_outside_the_repository():
    text = (model.HERE / "report.md").read_text(encoding="utf-8")
    assert "## References" not in text
    assert text.count("\n## Sources\n") == 1
    sources = text.split("\n## Sources\n")[1]
    for council in councils().values():
        for source in council["sources"]:
            assert f"- {council['title']}: {source}" in sources
    assert "resolutions 1991 A and B (XVIII)" in sources
    assert "Shapley and M. Shubik" in sources and "(1954) 787-792" in sources
    for document in (text, (model.HERE / "README.md").read_text(encoding="utf-8"),
                     model.COUNCILS_FILE.read_text(encoding="utf-8")):
        assert "shared/" not in document and "../" not in document
        assert not re.search(r"(?<![\w/.:])/(work|home|tmp|Users)/", document)


def test_bad_council_file_names_the_field(tmp_path):
    bad = tmp_path / "councils.toml"
    bad.write_text('[[councils]]\nkey = "x"\npermanent = ["A"]\nelected_seats = 2\n'
                   'votes_required = "nine"\npermanent_weight = 1\nelected_weight = 1\n'
                   'quota = 1\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"council 'x': votes_required must be a positive"):
        model.read_councils(bad)
