"""The report of any parliament (powerindex.study and ``powerindex report``), end to end.

A parliament this project has never seen -- the Knesset elected in 2022 (120 seats, 61 to
govern; seats from the Central Elections Committee's final results, as reported by the
Knesset's website) -- with a compatibility graph, a union and a merger as scenarios: the
report is written, its numbers recompute by an independent brute force, the same file
gives the same bytes, and the narrative goes into its slots.
"""

import functools
import itertools
from fractions import Fraction

import brute
import pytest

import powerindex as pi
from powerindex.cli import main

pytestmark = pytest.mark.filterwarnings("ignore::powerindex.ImproperGameWarning")

KNESSET = """\
title = "Knesset, 2022"
majority = true
rule = "clique"
parties = [
    { name = "Likud", seats = 32 },
    { name = "Yesh Atid", seats = 24 },
    { name = "Religious Zionism", seats = 14 },
    { name = "National Unity", seats = 12 },
    { name = "Shas", seats = 11 },
    { name = "UTJ", seats = 7 },
    { name = "Yisrael Beiteinu", seats = 6 },
    { name = "Ra'am", seats = 5 },
    { name = "Hadash-Ta'al", seats = 5 },
    { name = "Labor", seats = 4 },
]

[graph]
incompatible = [["Likud", "Yesh Atid"], ["Likud", "Ra'am"], ["Likud", "Hadash-Ta'al"],
                ["Religious Zionism", "Ra'am"], ["Religious Zionism", "Hadash-Ta'al"],
                ["Religious Zionism", "Yesh Atid"], ["Yisrael Beiteinu", "Shas"],
                ["Yisrael Beiteinu", "UTJ"]]

[scenarios.bloc]
description = "The right-wing and religious parties bargain as one union"
unions = [["Likud", "Religious Zionism", "Shas", "UTJ"]]

[scenarios.merged_right]
description = "Likud and Religious Zionism merge"
merge = [{ members = ["Likud", "Religious Zionism"], name = "Likud+RZ" }]
"""


def knesset():
    return pi.readwrite.loads(KNESSET, "toml")


def restricted_rule(spec):
    """A coalition wins when it contains a clique of the graph that reaches the quota."""
    seats = dict(zip(spec.game.players, spec.game.weights, strict=True))
    graph = spec.graph

    @functools.cache
    def wins(coalition):
        members = sorted(coalition)
        for size in range(1, len(members) + 1):
            for part in itertools.combinations(members, size):
                if sum(seats[p] for p in part) >= spec.game.quota and all(
                        graph.has_edge(a, b) for a, b in itertools.combinations(part, 2)):
                    return True
        return False

    return wins


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("knesset")
    narrative = ("<!-- slot: summary -->\nWho could Netanyahu govern with?\n\n"
                 "<!-- slot: sources -->\nSeats: the Knesset's final results of 2022.\n")
    path = pi.write_report(knesset(), out, narrative=narrative)
    return out, path.read_text(encoding="utf-8")


def test_every_part_of_the_report_is_written(written):
    out, text = written
    assert (out / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    for heading in ("# Knesset, 2022", "## The parliament", "## Power", "## Kingmakers",
                    "## Scenarios side by side", "## The formateur's partners",
                    "## What the coalition theories predict", "## Sensitivity", "## Method",
                    "## Sources"):
        assert heading in text
    for name in ("seats", "power-base", "leverage-base", "leverage-bloc",
                 "scenarios-shapley-shubik", "partners-base", "theories-base",
                 "sensitivity-no-graph", "sensitivity-the-file-s-graph"):
        assert (out / "tables" / f"{name}.csv").exists()
        assert f"(tables/{name}.csv)" in text
    for figure in ("power-vs-seats", "scenarios", "graph"):
        assert (out / "figures" / f"{figure}.png").exists()
    assert text.count("Knesset, 2022:") >= 10  # the title heads every table


def test_the_narrative_goes_into_its_slots(written):
    _, text = written
    assert text.splitlines()[2] == "Who could Netanyahu govern with?"
    assert "## Sources\n\nSeats: the Knesset's final results of 2022." in text
    with pytest.raises(pi.ReportError, match="unknown slot 'intro'"):
        pi.study.read_narrative("<!-- slot: intro -->\ntext")
    with pytest.raises(pi.ReportError, match="starts with a slot line"):
        pi.study.read_narrative("text before any slot")


def test_the_power_table_recomputes_by_brute_force():
    spec = knesset()
    study = pi.Study(spec)
    table = study.power_table()
    expected = brute.shapley_shubik_subsets(list(spec.game.players), restricted_rule(spec))
    assert dict(zip(table.column("party"), table.column("Shapley-Shubik"), strict=True)) \
        == expected
    assert sum(expected.values()) == 1


def test_the_scenarios_trace_the_merged_bloc():
    study = pi.Study(knesset())
    table = study.comparison("shapley_shubik")
    rows = {row[0]: row for row in table.rows}
    merged = rows["Likud+RZ"]
    base = pi.shapley_shubik(study.scenarios["base"].effective_game)
    # The bloc's row shows, in the base game, the sum of its members' values.
    assert merged[table.columns.index("base")] == base["Likud"] + base["Religious Zionism"]
    assert rows["Likud"][table.columns.index("merged_right")] is None


def test_the_same_file_gives_the_same_bytes(tmp_path):
    first = pi.write_report(knesset(), tmp_path / "a")
    second = pi.write_report(knesset(), tmp_path / "b")
    for name in ("report.md", "report.html", "figures/graph.png", "tables/leverage-bloc.csv"):
        assert (first.parent / name).read_bytes() == (second.parent / name).read_bytes()


def test_a_union_table_does_not_show_swings_of_the_game_without_its_unions():
    table = pi.Study(knesset()).leverage_table("bloc")
    assert "Owen" in table.columns and "swings" not in table.columns


def test_the_command_writes_the_report(tmp_path, capsys):
    game = tmp_path / "knesset.toml"
    game.write_text(KNESSET, encoding="utf-8")
    code = main(["report", str(game), "-o", str(tmp_path / "out"), "--formateur", "Likud",
                 "--no-figures"])
    out = capsys.readouterr().out
    assert code == 0 and "report.md" in out and "tables" in out
    text = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "partners of the formateur, Likud" in text
    assert not (tmp_path / "out" / "figures").exists()


@pytest.mark.parametrize("argv, message", [
    (["--formateur", "Nobody"], "the formateur 'Nobody' is not a party"),
    (["--narrative", "missing.md"], "cannot read missing.md"),
])
def test_the_command_names_what_is_wrong(tmp_path, capsys, argv, message):
    game = tmp_path / "knesset.toml"
    game.write_text(KNESSET, encoding="utf-8")
    code = main(["report", str(game), "-o", str(tmp_path / "out"), *argv])
    assert code == 1 and message in capsys.readouterr().err


def test_a_bad_game_file_is_named_with_its_line(tmp_path, capsys):
    game = tmp_path / "bad.toml"
    game.write_text('majority = true\nparties = [{ name = "A", seats = "x" }]\n',
                    encoding="utf-8")
    code = main(["report", str(game), "-o", str(tmp_path / "out")])
    assert code == 1 and "bad.toml, line 2, field 'seats'" in capsys.readouterr().err


RECORD = """\
title = "Bundestag, 2021"
majority = true
formateur = "SPD"
parties = [
    { name = "SPD", seats = 206, source = "bwl" },
    { name = "CDU/CSU", seats = 197, source = "bwl", note = "CDU 152, CSU 45" },
    { name = "Greens", seats = 118, source = "bwl" },
    { name = "FDP", seats = 92, source = "bwl" },
    { name = "AfD", seats = 83, source = "bwl" },
]

[sources.bwl]
title = "Bundestagswahl 2021: endgueltiges Ergebnis"
publisher = "Die Bundeswahlleiterin"

[sources.tagesschau]
title = "Wer wird was in der Ampel-Regierung?"
publisher = "tagesschau.de"
date = "2021-11-24"

[graph]
incompatible = [["AfD", "SPD"], ["AfD", "CDU/CSU"], ["AfD", "Greens"], ["AfD", "FDP"]]
assumption = true
note = "no party governs with the AfD"

[graphs.open]
title = "Anyone with anyone"
incompatible = []

[positions]
SPD = 3.62
"CDU/CSU" = 6.16
Greens = 3.24
FDP = 6.43
AfD = 9.24

[[governments]]
name = "Scholz"
parties = ["SPD", "Greens", "FDP"]
offices = { SPD = 7, Greens = 5, FDP = 4 }
source = "tagesschau"

[scenarios.jamaica]
merge = [{ members = ["CDU/CSU", "Greens", "FDP"], name = "Jamaica" }]
"""


@pytest.fixture(scope="module")
def record_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("record")
    spec = pi.readwrite.loads(RECORD, "toml")
    return spec, pi.write_report(spec, out, figures=False).read_text(encoding="utf-8")


def test_the_record_goes_into_the_sources_section(record_report):
    _, text = record_report
    sources = text[text.index("## Sources"):]
    assert "[bwl] *Bundestagswahl 2021: endgueltiges Ergebnis*, Die Bundeswahlleiterin" in sources
    assert "the seats of CDU/CSU (CDU 152, CSU 45)" in sources
    assert "government 'Scholz'" in sources
    assert "**Assumptions**" in sources
    assert "the compatibility graph (no party governs with the AfD)" in sources


def test_positions_bargaining_and_governments_are_reported(record_report):
    spec, text = record_report
    assert "## Positions: the median party and spatial power" in text
    assert "| left-right" not in text and "CDU/CSU" in text[text.index("## Positions"):]
    assert "## Bargaining: who gets what (Baron-Ferejohn)" in text
    payoffs = pi.baron_ferejohn(spec.base.effective_game, Fraction(9, 10), "seats")
    assert f"| SPD | {payoffs['SPD']} (" in text[text.index("## Bargaining"):]
    governments = text[text.index("## The governments that formed"):]
    assert "### Scholz" in governments and "| SPD | 206 | 103/208 (0.4952) | 7 |" in governments
    assert "minimal range" in text and "closed minimal range" in text


def test_every_graph_of_the_file_is_tried_on_every_scenario(record_report):
    spec, text = record_report
    study = pi.Study(spec)
    assert list(study.graphs) == ["the file's graph", "Anyone with anyone", "no graph"]
    table = study.comparison("shapley_shubik", "Anyone with anyone")
    jamaica = {row[0]: row[table.columns.index("jamaica")] for row in table.rows}
    # Without the cordon, Jamaica (407 of 696) is a dictator in the merged game.
    assert jamaica["Jamaica"] == 1
    assert "### Anyone with anyone" in text


def theories_with_positions(positions):
    spec = pi.readwrite.loads('majority = true\nparties = [{ name = "A", seats = 4 },'
                              ' { name = "B", seats = 3 }, { name = "C", seats = 2 }]\n'
                              f'[positions]\n{positions}\n', "toml")
    return pi.Study(spec).theories_table()


def test_range_theories_without_every_position_use_the_parties_that_have_one():
    # C has no position: among A and B (C's seats voting no, quota 5 of 9) only A + B wins
    table = theories_with_positions("A = 1\nB = 2")
    ranged = [row[1] for row in table.rows if row[0] == "minimal range"]
    assert ranged == ["A + B"]
    assert any("parties with a position" in note and "C (2 seats)" in note
               for note in table.notes)
    # Every other theory is of the whole game: A + B, A + C and B + C are minimal winning.
    assert table.column("theory").count("minimal winning") == 3


def test_range_theories_say_why_when_the_placed_parties_cannot_win():
    table = theories_with_positions("C = 1")
    assert "minimal range" not in table.column("theory")
    assert any(note.startswith("No range theories:") and "'A'" in note
               for note in table.notes)


LATER_GOVERNMENT = """\
majority = true
parties = [
    { name = "A", seats = 40 },
    { name = "B", seats = 35 },
    { name = "C", seats = 15 },
    { name = "D", seats = 10 },
]
[scenarios.alliance]
merge = [{ members = ["B", "C"], name = "BC" }]
[[governments]]
name = "Later"
scenario = "alliance"
parties = ["BC", "D"]
offices = { BC = 6, D = 2 }
"""


def test_a_government_formed_in_a_scenario_is_measured_in_that_game(tmp_path):
    spec = pi.readwrite.loads(LATER_GOVERNMENT, "toml")
    assert spec.governments[0].scenario == "alliance"
    study = pi.Study(spec)
    (government, table), = study.government_tables()
    rows = {row[0]: dict(zip(table.columns, row, strict=True)) for row in table.rows}
    # [51; A 40, BC 50, D 10]: A+BC and BC+D win, A+D does not; of the six orders BC is
    # pivotal in four, A and D in one each, so the government's power is BC 4/5, D 1/5;
    # BC brings 50 of its 60 seats.
    assert rows["BC"]["seat share"] == Fraction(5, 6)
    assert (rows["BC"]["power share"], rows["D"]["power share"]) == (Fraction(4, 5),
                                                                      Fraction(1, 5))
    assert rows["BC"]["office share"] == Fraction(3, 4)
    assert "scenario 'alliance'" in table.notes[-1]
    again = pi.readwrite.loads(pi.readwrite.dumps(spec, "toml"), "toml")
    assert again.governments == spec.governments


@pytest.mark.parametrize("change, message", [
    ('scenario = "alliance"', "names 'B', which is not a party of scenario 'alliance'"),
    ('scenario = "nowhere"', "scenario 'nowhere', which the file does not define"),
])
def test_a_later_government_must_name_its_scenario_s_parties(change, message):
    text = LATER_GOVERNMENT.replace('parties = ["BC", "D"]', 'parties = ["B", "D"]')
    text = text.replace("offices = { BC = 6, D = 2 }", "offices = { B = 6, D = 2 }")
    text = text.replace('scenario = "alliance"', change)
    with pytest.raises(pi.GameFileError, match=message):
        pi.readwrite.loads(text, "toml")


def test_sections_move_into_the_appendix_in_order_and_one_level_down(tmp_path):
    spec = knesset()
    text = pi.write_report(spec, tmp_path, figures=False,
                           appendix=("leverage", "sensitivity")).read_text(encoding="utf-8")
    head, appendix = text.split("## Appendix: the long tables")
    assert "Kingmakers" not in head and "## Sources" in head
    assert appendix.index("### Kingmakers: power against seats") < appendix.index(
        "### Sensitivity: every graph and every scenario")
    assert "\n#### base\n" in appendix
    with pytest.raises(pi.ReportError, match="unknown section 'nowhere'"):
        pi.write_report(spec, tmp_path, figures=False, appendix=("nowhere",))


def test_a_formateur_may_be_a_later_bloc_but_must_exist_somewhere():
    spec = pi.readwrite.loads(LATER_GOVERNMENT.replace("majority = true",
                                                       'majority = true\nformateur = "BC"'),
                              "toml")
    study = pi.Study(spec)
    assert study.formateur_of("alliance") == "BC" and study.formateur_of("base") == "A"
    with pytest.raises(pi.GameFileError, match=r"line 2, field 'formateur': the formateur"
                                               r" 'XY' is not a party of the game or of any"):
        pi.readwrite.loads(LATER_GOVERNMENT.replace("majority = true",
                                                    'majority = true\nformateur = "XY"'),
                           "toml")
