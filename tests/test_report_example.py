"""The worked example of docs/report.md, end to end: the Bundestag file of docs/examples
runs through `powerindex report` as the page shows, every extract the page quotes is in the
report it writes, and the numbers quoted recompute independently (brute force over the
seven parties, and the shares by hand).

Facts in the file carry their sources there (Die Bundeswahlleiterin's final result, CHES
2019, tagesschau.de on the cabinet, Art. 79 (2) of the Basic Law).
"""

import itertools
import re
from fractions import Fraction
from pathlib import Path

import brute
import pytest

import powerindex as pi
from powerindex.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "examples" / "bundestag2021.toml"
PAGE = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
SEATS = {"SPD": 206, "CDU/CSU": 197, "Greens": 118, "FDP": 92, "AfD": 83, "Linke": 39,
         "SSW": 1}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("bundestag")
    code = main(["report", str(EXAMPLE), "-o", str(out / "bundestag-report")])
    assert code == 0
    return out / "bundestag-report"


def test_the_command_writes_what_the_page_says(report, capsys, tmp_path, monkeypatch):
    shown = re.search(r"```console\n\$ (powerindex report .*)\n(.*)\n```", PAGE)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs" / "examples").mkdir(parents=True)
    (tmp_path / "docs" / "examples" / "bundestag2021.toml").write_text(
        EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(shown.group(1).split()[1:]) == 0
    assert capsys.readouterr().out.strip() == shown.group(2)
    for name in ("report.md", "report.html"):
        assert (tmp_path / "bundestag-report" / name).exists()
    # The same file gives the same bytes.
    assert ((tmp_path / "bundestag-report" / "report.md").read_bytes()
            == (report / "report.md").read_bytes())


def test_every_extract_on_the_page_is_in_the_report(report):
    text = (report / "report.md").read_text(encoding="utf-8")
    extracts = re.findall(r"<!-- extract -->\n```markdown\n(.*?)```", PAGE, re.S)
    assert len(extracts) == 5
    for extract in extracts:
        assert extract in text


def test_the_file_reads_as_the_page_describes():
    spec = pi.readwrite.read_game(EXAMPLE)
    assert dict(zip(spec.game.players, spec.game.weights, strict=True)) == SEATS
    assert spec.game.quota == 369 and spec.formateur == "SPD"
    assert set(spec.positions) == set(SEATS) - {"SSW"}
    amendment = spec.scenarios["amendment"]
    # Two thirds of 736 seats: 1472/3, so 491 whole seats.
    assert amendment.game.quota == Fraction(2 * 736, 3) and amendment.graph is None
    split = spec.scenarios["union_apart"].game
    assert split.weight("CDU") == 152 and split.weight("CSU") == 45
    # Every seat count has a source; the only assumptions are the two the page names.
    assert all(spec.notes[("party", p)].sources == ("bwl",) for p in SEATS)
    assumed = sorted(str(key) for key, note in spec.notes.items() if note.assumption)
    assert len(assumed) == 2


def _clique_wins(seats, quota, excluded):
    """A coalition wins when some clique inside it (no excluded pair) reaches the quota."""
    def wins(coalition):
        members = sorted(coalition)
        for size in range(len(members), 0, -1):
            for part in itertools.combinations(members, size):
                if sum(seats[p] for p in part) >= quota and not any(
                        frozenset(pair) in excluded for pair in itertools.combinations(part, 2)):
                    return True
        return False
    return wins


def test_the_quoted_numbers_recompute_by_brute_force():
    spec = pi.readwrite.read_game(EXAMPLE)
    excluded = {frozenset(pair) for pair in
                [("AfD", p) for p in SEATS if p != "AfD"] + [("CDU/CSU", "Linke")]}
    players = list(SEATS)
    base = brute.shapley_shubik_subsets(players, _clique_wins(SEATS, 369, excluded))
    assert base == {"SPD": Fraction(1, 3), "CDU/CSU": Fraction(1, 3), "Greens": Fraction(1, 6),
                    "FDP": Fraction(1, 6), "AfD": 0, "Linke": 0, "SSW": 0}
    amendment = brute.shapley_shubik_subsets(players, brute.weighted(list(SEATS.values()),
                                                                    491, players))
    assert amendment["AfD"] == Fraction(23, 210) and amendment["SPD"] == Fraction(41, 140)
    apart = dict(SEATS, CDU=152, CSU=45)
    del apart["CDU/CSU"]
    apart_excluded = {frozenset(pair) for pair in
                      [("AfD", p) for p in apart if p != "AfD"]
                      + [("CDU", "Linke"), ("CSU", "Linke")]}
    split = brute.shapley_shubik_subsets(
        list(apart), _clique_wins(apart, 369, apart_excluded))
    assert split["CDU"] + split["CSU"] == Fraction(19, 60) and split["FDP"] == Fraction(7, 60)
    # The government table: shares of the coalition's 416 seats and 16 offices, and of its
    # power (brute force above), by hand.
    [(government, table)] = pi.Study(spec).government_tables()
    rows = {row[0]: dict(zip(table.columns, row, strict=True)) for row in table.rows}
    coalition_power = base["SPD"] + base["Greens"] + base["FDP"]
    for party, offices in (("SPD", 7), ("Greens", 5), ("FDP", 4)):
        assert rows[party]["seat share"] == Fraction(SEATS[party], 416)
        assert rows[party]["office share"] == Fraction(offices, 16)
        assert rows[party]["power share"] == base[party] / coalition_power
