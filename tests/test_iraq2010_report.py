"""The Iraq 2010 report: every scenario's index values and the headline claim about the Kurds,
recomputed here by brute force from seats.csv and assumptions.toml (sharing no code with
powerindex), and the report built in a temporary folder, byte for byte reproducible.

The brute force: a coalition wins when it contains a clique of the compatibility graph with
at least 163 seats (the report's rule); Shapley-Shubik by the subset formula; the Owen value
by its double sum over the other unions and the union-mates (Owen 1977).
"""

import csv
import sys
from fractions import Fraction
from functools import cache
from itertools import combinations
from math import factorial

import pytest

from analyses.iraq2010 import model, report

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

QUOTA = 163


# -- the data, read independently ----------------------------------------------------------
def seat_rows():
    with open(model.SEATS_FILE, newline="", encoding="utf-8") as handle:
        return [dict(row, seats=int(row["seats"])) for row in csv.DictReader(handle)]


def assumptions():
    with open(model.ASSUMPTIONS_FILE, "rb") as handle:
        return tomllib.load(handle)


GROUPING = {
    "blocs": lambda row: row["bloc"],
    "groups": lambda row: row["group"],
    "lists": lambda row: row["bloc"] if row["bloc"] != "Small lists" else row["short"],
    "all-lists": lambda row: row["short"],
}


def players_and_seats(model_name):
    seats = {}
    for row in seat_rows():
        player = GROUPING[model_name](row)
        seats[player] = seats.get(player, 0) + row["seats"]
    return seats


def incompatible_pairs(players, graph_name):
    pairs = assumptions()["graphs"][graph_name]["incompatible"]
    return {frozenset(p) for p in pairs if p[0] in players and p[1] in players}


def merge(seats, pairs, members, name):
    """Merged seats and incompatibilities: the bloc is incompatible with anyone who was
    incompatible with one of its members."""
    merged_seats = {}
    for player, s in seats.items():
        target = name if player in members else player
        merged_seats[target] = merged_seats.get(target, 0) + s
    merged_pairs = set()
    for pair in pairs:
        mapped = frozenset(name if p in members else p for p in pair)
        if len(mapped) == 2:
            merged_pairs.add(mapped)
    return merged_seats, merged_pairs


def scenario(model_name, graph_name, key):
    """(seats per player, incompatible pairs, unions) of one scenario of the report."""
    seats = players_and_seats(model_name)
    pairs = incompatible_pairs(seats, graph_name)
    pacts = assumptions()["pacts"]
    sadr, grand = pacts["sadr_backs_maliki"], pacts["grand_coalition"]
    if key == "deadlock":
        return seats, pairs, []
    if key == "sadr-merged":
        return (*merge(seats, pairs, sadr, model.NATIONAL_ALLIANCE), [])
    if key == "sadr-union":
        return seats, pairs, [sadr]
    settled = {p for p in pairs if not p <= set(grand)}  # the deal ends their quarrels
    if key == "grand-merged":
        return (*merge(seats, settled, grand, model.GRAND_PACT), [])
    return seats, settled, [grand]


# -- brute force --------------------------------------------------------------------------
def winning_table(seats, pairs):
    """win[S] for every coalition S (a frozenset): it contains a clique with >= 163 seats."""
    players = list(seats)
    best = {frozenset(): 0}
    for size in range(1, len(players) + 1):
        for members in combinations(players, size):
            coalition = frozenset(members)
            is_clique = not any(frozenset(p) in pairs for p in combinations(members, 2))
            own = sum(seats[p] for p in members) if is_clique else 0
            best[coalition] = max(own, *(best[coalition - {p}] for p in members))
    return {c: b >= QUOTA for c, b in best.items()}


def shapley(players, wins):
    n = len(players)
    values = {}
    for i in players:
        others = [p for p in players if p != i]
        total = Fraction(0)
        for size in range(n):
            weight = Fraction(factorial(size) * factorial(n - size - 1), factorial(n))
            for members in combinations(others, size):
                s = frozenset(members)
                total += weight * (wins[s | {i}] - wins[s])
        values[i] = total
    return values


def owen(players, wins, unions):
    groups = [frozenset(u) for u in unions]
    groups += [frozenset([p]) for p in players if not any(p in g for g in groups)]
    m = len(groups)
    values = {}
    for k, union in enumerate(groups):
        rest = [g for j, g in enumerate(groups) if j != k]
        for i in union:
            mates = [p for p in union if p != i]
            total = Fraction(0)
            for r in range(m):
                outer = Fraction(factorial(r) * factorial(m - r - 1), factorial(m))
                for chosen in combinations(rest, r):
                    base = frozenset().union(*chosen)
                    for t in range(len(union)):
                        inner = Fraction(factorial(t) * factorial(len(union) - t - 1),
                                         factorial(len(union)))
                        for part in combinations(mates, t):
                            s = base | frozenset(part)
                            total += outer * inner * (wins[s | {i}] - wins[s])
            values[i] = total
    return values


@cache
def brute_power(model_name, graph_name, key):
    seats, pairs, unions = scenario(model_name, graph_name, key)
    wins = winning_table(seats, pairs)
    players = list(seats)
    return owen(players, wins, unions) if unions else shapley(players, wins)


def kurds(model_name, values):
    members = {row["short"] if model_name == "all-lists" else "Kurds"
               for row in seat_rows() if row["bloc"] == "Kurds"}
    return sum((v for p, v in values.items() if p in members), Fraction(0))


@pytest.fixture(scope="module")
def study():
    return report.Study(model.read_seats(), model.read_assumptions())


CASES = [(m, g, k) for m in GROUPING
         for g in ("open", "feud", "sectarian", "sadrist")
         for k in ("deadlock", "sadr-merged", "sadr-union", "grand-merged", "grand-union")]


def test_the_assumptions_cover_the_graphs_tested():
    assert sorted(assumptions()["graphs"]) == ["feud", "open", "sadrist", "sectarian"]
    assert assumptions()["rule"] == "clique"


@pytest.mark.parametrize("model_name, graph_name, key", CASES)
def test_every_scenario_matches_brute_force(study, model_name, graph_name, key):
    table = study.tables[model_name, graph_name, key]
    column = "Owen" if key.endswith("union") else "Shapley-Shubik"
    reported = dict(zip(table.column("player"), table.column(column), strict=True))
    assert reported == brute_power(model_name, graph_name, key)


def test_design_card_headline_kurds_rise_when_sadr_backs_maliki(study):
    # [163; 91, 89, 70, 57, 18]: the Kurds are pivotal in 2/15 of the orders before the merger
    # (as often as INA and the small lists) and in 1/6 after it (one of three equal partners
    # of the 159-seat alliance, which holds 1/2).
    before = kurds("blocs", brute_power("blocs", "open", "deadlock"))
    after = kurds("blocs", brute_power("blocs", "open", "sadr-merged"))
    assert (before, after) == (Fraction(2, 15), Fraction(1, 6))
    assert study.kurds_power("blocs", "open", "deadlock") == before
    assert study.kurds_power("blocs", "open", "sadr-merged") == after


def test_headline_verdicts_match_brute_force(study):
    for row in study.headline_rows():
        m, g = row["model"], row["graph"]
        before = kurds(m, brute_power(m, g, "deadlock"))
        merged = kurds(m, brute_power(m, g, "sadr-merged"))
        union = kurds(m, brute_power(m, g, "sadr-union"))
        assert (row["before"], row["merged"], row["union"]) == (before, merged, union)


def test_headline_claim_no_index_collapse_but_sadrist_red_line_lowers_it():
    # The report's claim: the Kurds' power index never falls to half with the merger; it
    # falls (by less than half) exactly under the Sadrist red line, and rises or stays
    # under every other graph.
    for m in GROUPING:
        for g in ("open", "feud", "sectarian", "sadrist"):
            before = kurds(m, brute_power(m, g, "deadlock"))
            after = kurds(m, brute_power(m, g, "sadr-merged"))
            assert after > before / 2
            assert (after < before) == (g == "sadrist")


def test_grand_pact_leaves_the_kurds_nothing():
    for m in GROUPING:
        assert kurds(m, brute_power(m, "open", "grand-merged")) == 0
        assert kurds(m, brute_power(m, "open", "grand-union")) == 0


def test_report_is_written_and_reproducible(tmp_path):
    first = report.write_report(tmp_path / "a")
    second = report.write_report(tmp_path / "b")
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*")
                   if p.is_file())
    assert any(str(f).startswith("figures/") for f in files)
    assert any(str(f).startswith("tables/") for f in files)
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    text = first.read_text(encoding="utf-8")
    assert second.read_text(encoding="utf-8") == text
    for figure in ("figures/graphs.png", "figures/kurds-headline.png",
                   "figures/power-vs-seats.png"):
        assert f"({figure})" in text
    assert "| Small lists as one block of 18 (design card) | Open | 2/15 (0.1333) |" in text


def test_committed_report_is_up_to_date(tmp_path):
    # report.md in the repository is what `make report` writes from the committed data.
    built = report.write_report(tmp_path).read_text(encoding="utf-8")
    assert (model.HERE / "report.md").read_text(encoding="utf-8") == built
    # and so is report.html, the same report as one page with its figures embedded
    assert (model.HERE / "report.html").read_bytes() == (tmp_path / "report.html").read_bytes()


def test_bad_seat_file_names_the_line(tmp_path):
    bad = tmp_path / "seats.csv"
    bad.write_text("list,short,seats,bloc,group\nA,A,ninety,A,A\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2: seats must be a positive integer, got 'ninety'"):
        model.read_seats(bad)
