"""The EU Council report: reproducible bytes, the committed report equal to a fresh build,
and its key values checked independently (sub-councils by brute force, efficiency and
order on the full Council)."""

import csv
from fractions import Fraction
from itertools import combinations
from math import ceil, factorial

import powerindex as pi
from analyses.eu_council import model, report

HERE = model.HERE


def read_rows():
    with open(model.MEMBERS_FILE, newline="", encoding="utf-8") as handle:
        return [dict(r, population=int(r["population_thousands"]), votes=int(r["nice_votes"]))
                for r in csv.DictReader(handle)]


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


def test_report_builds_reproducibly(tmp_path):
    first = report.write_report(tmp_path / "a")
    second = report.write_report(tmp_path / "b")
    for relative in ("report.md", "report.html", "tables/members.csv", "tables/exact.csv",
                     "figures/power-vs-population.png"):
        assert (first.parent / relative).read_bytes() == (second.parent / relative).read_bytes()
    # the committed report is the fresh build
    assert (HERE / "report.md").read_bytes() == first.read_bytes()
    assert (HERE / "report.html").read_bytes() == (first.parent / "report.html").read_bytes()
    assert (HERE / "tables" / "exact.csv").read_bytes() == (
        first.parent / "tables" / "exact.csv").read_bytes()


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


def test_key_values_of_the_full_council():
    rows = read_rows()
    study = report.Study(rows)
    for rule in ("Lisbon", "Nice"):
        for index in ("SS", "Banzhaf"):
            values = study.values[rule, index]
            assert sum(values.values()) == 1
    # members with equal Nice votes and equal head count differ only by population, which
    # can only help: order within each vote class follows population
    nice_ss = study.values["Nice", "SS"]
    for a in rows:
        for b in rows:
            if a["votes"] >= b["votes"] and a["population"] >= b["population"]:
                assert nice_ss[a["code"]] >= nice_ss[b["code"]]
    lisbon_ss = study.values["Lisbon", "SS"]
    by_population = sorted(rows, key=lambda r: -r["population"])
    values = [lisbon_ss[r["code"]] for r in by_population]
    assert all(x >= y for x, y in zip(values, values[1:], strict=False))
    # Lisbon gives Germany far more than Nice, Malta about the same
    assert lisbon_ss["DE"] > Fraction(17, 100) > Fraction(10, 100) > nice_ss["DE"]


def test_nice_quota_keeps_the_treaty_share():
    total = sum(r["votes"] for r in read_rows())
    assert total == 323
    assert model.NICE_QUOTA == ceil(Fraction(255, 345) * total) == ceil(
        Fraction(260, 352) * total)
