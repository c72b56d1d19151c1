"""The EU Council report: its data checked against the published figures, every value of
its tables recomputed by an independent enumeration of the 2^27 coalitions (numpy, with the
populations in persons, sharing no code with powerindex), sub-councils by itertools, the
report built twice byte for byte and equal to the committed one, and its sources cited
inside the repository's reach."""

import csv
import re
from fractions import Fraction
from itertools import combinations
from math import ceil, factorial

import numpy as np
import pytest

import powerindex as pi
from analyses.eu_council import model, report

HERE = model.HERE

# Eurostat, population on 1 January 2024 to the nearest 100 persons (July 2024 release), as
# listed in WikiMili's copy of "List of European Union member states by population".
EUROSTAT_2024 = {
    "DE": 83_445_000, "FR": 68_402_000, "IT": 58_989_700, "ES": 48_610_500,
    "PL": 36_621_000, "RO": 19_064_400, "NL": 17_942_900, "BE": 11_832_000,
    "CZ": 10_900_600, "PT": 10_639_700, "SE": 10_551_700, "GR": 10_397_200,
    "HU": 9_584_600, "AT": 9_158_800, "BG": 6_445_500, "DK": 5_961_200, "FI": 5_603_900,
    "SK": 5_424_700, "IE": 5_343_800, "HR": 3_862_000, "LT": 2_885_900, "SI": 2_123_900,
    "LV": 1_871_900, "EE": 1_374_700, "CY": 933_500, "LU": 672_100, "MT": 563_000,
}
EUROSTAT_2024_TOTAL = 449_206_600
# The Treaty of Nice weights as amended by the Acts of Accession, for today's 27.
NICE_VOTES = {
    "DE": 29, "FR": 29, "IT": 29, "ES": 27, "PL": 27, "RO": 14, "NL": 13, "BE": 12,
    "CZ": 12, "PT": 12, "SE": 10, "GR": 12, "HU": 12, "AT": 10, "BG": 10, "DK": 7, "FI": 7,
    "SK": 7, "IE": 7, "HR": 7, "LT": 7, "SI": 4, "LV": 4, "EE": 4, "CY": 4, "LU": 4, "MT": 3,
}


def read_rows():
    with open(HERE / "members.csv", newline="", encoding="utf-8") as handle:
        return [dict(r, population=int(r["population"]), votes=int(r["nice_votes"]))
                for r in csv.DictReader(handle)]


def read_table(name):
    with open(HERE / "tables" / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


# -- the data --------------------------------------------------------------------------------
def test_members_are_the_published_figures():
    rows = read_rows()
    assert list(rows[0])[:4] == ["code", "member", "population", "nice_votes"]
    assert {r["code"]: r["population"] for r in rows} == EUROSTAT_2024
    assert {r["code"]: r["votes"] for r in rows} == NICE_VOTES
    # each figure rounded to 100 on its own: the sum is within 27 x 50 of the listed total
    assert abs(sum(EUROSTAT_2024.values()) - EUROSTAT_2024_TOTAL) <= 27 * 50
    assert model.read_sources()["population"]["eu_total"] == EUROSTAT_2024_TOTAL


def test_populations_are_counted_in_exact_units(tmp_path):
    rows = model.read_members()
    assert [r["population"] for r in rows] == list(EUROSTAT_2024.values())
    assert model.population_units(rows) == [p // 100 for p in EUROSTAT_2024.values()]
    assert sum(model.population_units(rows)) * 100 == sum(EUROSTAT_2024.values())
    bad = tmp_path / "members.csv"
    bad.write_text("code,member,population,nice_votes\nDE,Germany,83445050,29\n",
                   encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2 \(DE\): population 83445050 is not a"
                                         r" multiple of 100"):
        model.read_members(bad)
    bad.write_text("code,member,population_thousands,nice_votes\nDE,Germany,83445,29\n",
                   encoding="utf-8")
    with pytest.raises(ValueError, match="missing column"):
        model.read_members(bad)


def test_nice_quota_keeps_the_treaty_share():
    total = sum(r["votes"] for r in read_rows())
    assert total == 323
    assert model.NICE_QUOTA == ceil(Fraction(255, 345) * total) == ceil(
        Fraction(260, 352) * total)


# -- an independent enumeration of the 2^27 coalitions ----------------------------------------
def _sums(weights, dtype):
    """The total weight of every coalition, coalition k holding player i when bit i of k is
    set: the first half of the players in the low bits, the rest in the high bits."""
    def half(ws):
        sums = np.zeros(1, dtype=dtype)
        for w in ws:
            sums = np.concatenate([sums, sums + dtype(w)])
        return sums
    low, high = half(weights[:14]), half(weights[14:])
    return (high[:, None] + low[None, :]).ravel()


def _brute(wins, size):
    """Swings, Shapley-Shubik and the number of winning coalitions, from the outcome of
    every coalition (``wins``) and its size."""
    n = size.size.bit_length() - 1
    weight = [Fraction(factorial(s) * factorial(n - s - 1), factorial(n)) for s in range(n)]
    swings, shapley = [], []
    for i in range(n):
        outcome = wins.reshape(-1, 2, 1 << i)  # [:, 0, :] without i, [:, 1, :] with i
        swing = outcome[:, 1, :] & ~outcome[:, 0, :]
        swings.append(int(swing.sum()))
        by_size = np.bincount(size.reshape(-1, 2, 1 << i)[:, 0, :][swing], minlength=n)
        shapley.append(sum(int(count) * weight[s] for s, count in enumerate(by_size)))
    return swings, shapley, int(wins.sum())


@pytest.fixture(scope="module")
def brute():
    rows = read_rows()
    codes = [r["code"] for r in rows]
    n = len(rows)
    size = _sums([1] * n, np.int8)
    people = _sums([r["population"] for r in rows], np.int32)  # persons: < 2^31
    votes = _sums([r["votes"] for r in rows], np.int16)
    total = sum(r["population"] for r in rows)
    rules = {
        "Lisbon": ((size >= ceil(Fraction(55, 100) * n))
                   & (people >= ceil(Fraction(65, 100) * total))) | (size >= n - 3),
        "Nice": ((votes >= 239) & (size >= n // 2 + 1)
                 & (people >= ceil(Fraction(62, 100) * total))),
    }
    values = {}
    for rule, wins in rules.items():
        swings, shapley, winning = _brute(wins, size)
        values[rule, "SS"] = dict(zip(codes, shapley, strict=True))
        values[rule, "Banzhaf"] = {c: Fraction(s, sum(swings))
                                   for c, s in zip(codes, swings, strict=True)}
        values[rule, "passage"] = Fraction(winning, 2 ** n)
    return values


@pytest.fixture(scope="module")
def study():
    return report.Study(model.read_members())


def test_every_value_matches_the_enumeration(study, brute):
    for rule in ("Lisbon", "Nice"):
        for index in ("SS", "Banzhaf", "passage"):
            assert study.values[rule, index] == brute[rule, index], (rule, index)


def test_committed_tables_match_the_enumeration(brute):
    rows = read_rows()
    total = sum(r["population"] for r in rows)
    exact = {r["code"]: r for r in read_table("exact.csv")}
    members = {r["code"]: r for r in read_table("members.csv")}
    assert list(exact) == list(members) == list(EUROSTAT_2024)
    for r in rows:
        code, share = r["code"], Fraction(r["population"], total)
        for rule in ("Lisbon", "Nice"):
            for index in ("SS", "Banzhaf"):
                value = brute[rule, index][code]
                assert Fraction(exact[code][f"{rule} {index}"]) == value, (code, rule, index)
                assert members[code][f"{rule} {index} %"] == f"{100 * float(value):.2f}"
            ratio = brute[rule, "SS"][code] / share
            assert members[code][f"{rule} SS / population"] == f"{float(ratio):.3f}"
        assert members[code]["population"] == str(r["population"])
        assert members[code]["population %"] == f"{100 * float(share):.2f}"
    council = read_table("council-figures.csv")
    figures = model.read_sources()["council"]["first_figures"]
    assert [(r["code"], int(r["Council Annex III for 2024"]),
             int(r["Eurostat 1 January 2024 (used here)"]), int(r["difference"]))
            for r in council] == [(c, f, EUROSTAT_2024[c], f - EUROSTAT_2024[c])
                                  for c, f in figures.items()]


def test_committed_report_states_the_enumerated_values(brute):
    text = (HERE / "report.md").read_text(encoding="utf-8")
    for rule in ("Lisbon", "Nice"):
        passage = f"{100 * float(brute[rule, 'passage']):.2f}%"
        assert f"{rule} {passage}" in text
    winning = int(brute["Lisbon", "passage"] * 2 ** 27)
    assert f"{winning:,} winning coalitions" in text or f"instead of {winning:,}." in text


# -- sub-councils by itertools ----------------------------------------------------------------
def brute_ss(n, wins):
    ss = [Fraction(0)] * n
    for size in range(n):
        weight = Fraction(factorial(size) * factorial(n - size - 1), factorial(n))
        for coalition in combinations(range(n), size):
            s = frozenset(coalition)
            if wins(s):
                continue
            for i in range(n):
                if i not in s and wins(s | {i}):
                    ss[i] += weight
    return ss


def lisbon_rule(pops, n):
    quota = ceil(Fraction(65, 100) * sum(pops))
    heads = ceil(Fraction(55, 100) * n)
    return lambda s: (len(s) >= heads and sum(pops[i] for i in s) >= quota) or len(s) >= n - 3


def nice_rule(pops, votes, quota, n):
    pop_quota = ceil(Fraction(62, 100) * sum(pops))
    return lambda s: (sum(votes[i] for i in s) >= quota and len(s) >= n // 2 + 1
                      and sum(pops[i] for i in s) >= pop_quota)


def test_sub_councils_match_brute_force():
    rows = read_rows()
    for start in (0, 1):
        sub = rows[start::2][:12]
        pops = [r["population"] for r in sub]
        votes = [r["votes"] for r in sub]
        expected = brute_ss(12, lisbon_rule(pops, 12))
        assert list(pi.shapley_shubik(model.lisbon(sub)).values()) == expected
        nice_quota = model.NICE_QUOTA * sum(votes) // sum(r["votes"] for r in rows)
        game = model.nice(sub, quota=nice_quota)
        assert list(pi.shapley_shubik(game).values()) == brute_ss(
            12, nice_rule(pops, votes, nice_quota, 12))


def test_order_of_the_full_council(study):
    rows = read_rows()
    # members with more Nice votes and more people have at least as much power
    nice_ss = study.values["Nice", "SS"]
    for a in rows:
        for b in rows:
            if a["votes"] >= b["votes"] and a["population"] >= b["population"]:
                assert nice_ss[a["code"]] >= nice_ss[b["code"]]
    lisbon_ss = study.values["Lisbon", "SS"]
    by_population = sorted(rows, key=lambda r: -r["population"])
    values = [lisbon_ss[r["code"]] for r in by_population]
    assert all(x >= y for x, y in zip(values, values[1:], strict=False))
    # Lisbon gives Germany far more than Nice
    assert lisbon_ss["DE"] > Fraction(17, 100) > Fraction(10, 100) > nice_ss["DE"]


# -- the report --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    folder = tmp_path_factory.mktemp("eu_council")
    return report.write_report(folder / "a"), report.write_report(folder / "b")


def _files(folder):
    return sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())


def test_report_builds_reproducibly(builds):
    first, second = (path.parent for path in builds)
    files = _files(first)
    assert [str(f) for f in files] == [
        "figures/power-vs-population.png", "report.html", "report.md",
        "tables/council-figures.csv", "tables/exact.csv", "tables/members.csv"]
    assert files == _files(second)
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_committed_report_is_the_fresh_build(builds):
    fresh = builds[0].parent
    for name in _files(fresh):
        assert (HERE / name).read_bytes() == (fresh / name).read_bytes(), name


def test_report_cites_its_sources_and_no_path_outside_the_repository():
    text = (HERE / "report.md").read_text(encoding="utf-8")
    assert text.count("\n## Sources\n") == 1
    sources = text.split("\n## Sources\n")[1]
    for needle in ("https://ec.europa.eu/eurostat/web/products-eurostat-news/w/ddn-20240711-1",
                   "demo_gind",
                   "https://wikimili.com/en/List_of_European_Union_member_states_by_population",
                   "Council Decision (EU, Euratom) 2023/2827",
                   "https://eur-lex.europa.eu/legal-content/DE/TXT/HTML/?uri=OJ%3AL_202302827",
                   "Art. 16(4)", "Art. 238(3)", "Acts of Accession", "**Assumption**"):
        assert needle in sources, needle
    # the Council's figures that could be retrieved, and the admission that the rest could not
    for figure in ("84311244", "68070697", "59691110", "48063694", "37723532", "19051562"):
        assert f"| {figure} |" in text
    assert "the rest could not" in text
    for document in (text, (HERE / "README.md").read_text(encoding="utf-8"),
                     (HERE / "sources.toml").read_text(encoding="utf-8")):
        assert "shared/" not in document and "../" not in document
        assert not re.search(r"(?<![\w/.:])/(work|home|tmp|Users)/", document)
