"""Tests of the ``powerindex`` command (powerindex/cli.py, powerindex/__main__.py).

The command is a thin layer over the library, so its numbers are checked against the
library's API (itself tested against brute force and published values), and the Iraq 2010
design-card values against a hand derivation. The rest is about behaving as a command:
every format, files, figures, exit statuses, messages that name the file, line and field,
and fuzzing of the command line and of game files -- always a clear message and an exit
status in {0, 1, 2}, never a traceback or a hang.
"""

import io
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import powerindex as pi
from powerindex.cli import main
from powerindex.readwrite import loads, read_game

ROOT = Path(__file__).resolve().parent.parent

IRAQ_TOML = """\
title = "Council of Representatives of Iraq, 2010"
majority = true
rule = "clique"
parties = [
    { name = "Iraqiya", seats = 91 },
    { name = "State of Law", seats = 89 },
    { name = "INA", seats = 70 },
    { name = "Kurds", seats = 57 },
    { name = "Small lists", seats = 18 },
]
order = ["INA", "State of Law", "Small lists", "Iraqiya", "Kurds"]

[graph]
incompatible = [["Iraqiya", "State of Law"]]

[unions]
Shia = ["State of Law", "INA"]

[scenarios.sadr_backs_maliki]
merge = [{ members = ["State of Law", "INA"], name = "National Alliance" }]

[scenarios.red_line]
incompatible = [["INA", "Kurds"]]
"""

IRAQ_CSV = "# quota: 163\nparty,seats\nIraqiya,91\nSoL,89\nINA,70\nKurds,57\nSmall,18\n"

IRAQ_INLINE = ["--quota", "163", "Iraqiya=91", "SoL=89", "INA=70", "Kurds=57", "Small=18"]


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def records(text):
    return json.loads(text)["records"]


def exact(value):
    return Fraction(value) if isinstance(value, str) else value


@pytest.fixture
def files(tmp_path):
    (tmp_path / "iraq.toml").write_text(IRAQ_TOML, encoding="utf-8")
    (tmp_path / "iraq.csv").write_text(IRAQ_CSV, encoding="utf-8")
    (tmp_path / "iraq.json").write_text(
        pi.readwrite.dumps(loads(IRAQ_TOML, "toml"), "json"), encoding="utf-8")
    return tmp_path


# -- indices ------------------------------------------------------------------------------------
def test_iraq_shapley_shubik_published_design_card(capsys):
    # [163; 91, 89, 70, 57, 18]. By hand: any two of the three small blocs (70, 57, 18) plus
    # Iraqiya or SoL win, and so do Iraqiya + SoL; a small bloc is pivotal in the orders
    # where it completes a big bloc plus one other small bloc: 3/10, 3/10, 2/15 x 3.
    code, out, err = run(capsys, "indices", "--format", "json", *IRAQ_INLINE)
    assert code == 0 and err == ""
    values = {r["player"]: Fraction(r["Shapley-Shubik"]) for r in records(out)}
    assert values == {"Iraqiya": Fraction(3, 10), "SoL": Fraction(3, 10),
                      "INA": Fraction(2, 15), "Kurds": Fraction(2, 15),
                      "Small": Fraction(2, 15)}


def test_inline_names_three_ways_agree(capsys):
    by_pairs = run(capsys, "indices", "-f", "json", *IRAQ_INLINE)
    by_option = run(capsys, "indices", "-f", "json", "--quota", "163", "--names",
                    "Iraqiya,SoL,INA,Kurds,Small", "91", "89", "70", "57", "18")
    assert by_pairs == by_option
    code, out, _ = run(capsys, "indices", "-f", "json", "--quota", "163", "91", "89", "70",
                       "57", "18")
    assert code == 0
    assert [r["player"] for r in records(out)] == ["P1", "P2", "P3", "P4", "P5"]


@pytest.mark.parametrize("quota, expected", [("majority", 163), ("163", 163),
                                             ("2/3", Fraction(650, 3)), ("65%", Fraction(845, 4)),
                                             ("more than 1/2", 163), ("162.5", Fraction(325, 2))])
def test_quota_forms(capsys, quota, expected):
    code, out, _ = run(capsys, "indices", "-f", "json", "--quota", quota, "91", "89", "70",
                       "57", "18")
    assert code == 0
    game = pi.WeightedGame([91, 89, 70, 57, 18], expected)
    assert json.loads(out)["title"] == f"Power indices of {game!r}"
    assert [Fraction(r["Banzhaf"]) for r in records(out)] == list(pi.banzhaf(game).values())


def test_every_index_against_the_library(capsys):
    game = pi.WeightedGame([4, 4, 4, 2, 2, 1], 12, players=["FR", "DE", "IT", "BE", "NL", "LU"])
    code, out, _ = run(capsys, "indices", "-f", "json", "--index", "all", "--quota", "12",
                       "FR=4", "DE=4", "IT=4", "BE=2", "NL=2", "LU=1")
    assert code == 0
    expected = {
        "Shapley-Shubik": pi.shapley_shubik(game), "Banzhaf": pi.banzhaf(game),
        "Banzhaf (absolute)": pi.banzhaf(game, normalized=False), "swings": pi.swings(game),
        "Coleman prevent": pi.coleman_prevent(game),
        "Coleman initiate": pi.coleman_initiate(game), "Johnston": pi.johnston(game),
        "Deegan-Packel": pi.deegan_packel(game), "Holler": pi.holler(game),
    }
    rows = records(out)
    assert json.loads(out)["columns"] == ["player", "seats", *expected]
    for column, result in expected.items():
        assert [exact(r[column]) for r in rows] == list(result.values()), column
    # the EEC Council of 1958 (Shapley-Shubik, as in the literature): 7/30, 3/20, 0
    assert [exact(r["Shapley-Shubik"]) for r in rows] == [Fraction(7, 30)] * 3 + [
        Fraction(3, 20)] * 2 + [0]


def test_file_indices_use_the_graph_and_scenarios(capsys, files):
    spec = read_game(files / "iraq.toml")
    for extra, scenario in (([], spec.base),
                            (["--scenario", "sadr_backs_maliki"],
                             spec.scenarios["sadr_backs_maliki"])):
        code, out, _ = run(capsys, "indices", str(files / "iraq.toml"), "-f", "json", *extra)
        assert code == 0
        effective = pi.restrict(scenario.game, scenario.graph, rule="clique")
        rows = records(out)
        assert [r["player"] for r in rows] == list(scenario.game.players)
        assert [Fraction(r["Shapley-Shubik"]) for r in rows] == list(
            pi.shapley_shubik(effective).values())
        assert [r["seats"] for r in rows] == list(scenario.game.weights)


def test_owen_with_the_files_unions(capsys, files):
    spec = read_game(files / "iraq.toml")
    code, out, _ = run(capsys, "indices", str(files / "iraq.toml"), "-f", "json",
                       "--index", "owen,banzhaf_owen")
    assert code == 0
    effective = pi.restrict(spec.game, spec.graph, rule="clique")
    rows = records(out)
    assert [Fraction(r["Owen"]) for r in rows] == list(pi.owen(effective,
                                                               spec.unions).values())
    assert [Fraction(r["Banzhaf-Owen"]) for r in rows] == list(
        pi.banzhaf_owen(effective, spec.unions).values())
    code, _, err = run(capsys, "indices", "--index", "owen", *IRAQ_INLINE)
    assert code == 1 and "needs a priori unions" in err


def test_csv_and_json_files_give_the_same_game(capsys, files):
    outputs = [run(capsys, "indices", str(files / name), "-f", "csv", "--quota", "163")
               for name in ("iraq.toml", "iraq.json")]
    assert outputs[0] == outputs[1]
    code, out, _ = run(capsys, "indices", str(files / "iraq.csv"), "-f", "json")
    assert code == 0
    assert [r["Shapley-Shubik"] for r in records(out)] == ["3/10", "3/10", "2/15", "2/15",
                                                           "2/15"]
    # --quota overrides the file's: with 2/3, Iraqiya is one of four pivots of 5 pieces
    code, out, _ = run(capsys, "indices", str(files / "iraq.csv"), "--quota", "2/3", "-f",
                       "json")
    game = pi.WeightedGame([91, 89, 70, 57, 18], pi.share("2/3"))
    assert [Fraction(r["Shapley-Shubik"]) for r in records(out)] == list(
        pi.shapley_shubik(game).values())


def test_stdin_needs_a_format(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(IRAQ_CSV.encode())))
    code, out, _ = run(capsys, "indices", "-", "--input-format", "csv", "-f", "json")
    assert code == 0 and len(records(out)) == 5
    code, _, err = run(capsys, "indices", "-")
    assert code == 2 and "--input-format" in err


# -- formats and output -------------------------------------------------------------------------
@pytest.mark.parametrize("fmt, render", [
    ("text", str), ("markdown", pi.Table.to_markdown), ("csv", pi.Table.to_csv),
    ("latex", pi.Table.to_latex), ("html", pi.Table.to_html),
    ("json", lambda table: table.to_json(indent=2)),
])
def test_every_format_is_the_librarys_rendering(capsys, fmt, render):
    game = pi.WeightedGame([91, 89, 70, 57, 18], 163,
                           players=["Iraqiya", "SoL", "INA", "Kurds", "Small"])
    code, out, err = run(capsys, "leverage", "--format", fmt, *IRAQ_INLINE)
    assert code == 0 and err == ""
    assert out == render(pi.leverage(game)).rstrip("\n") + "\n"


@pytest.mark.parametrize("fmt, marker", [("text", "3/10 (0.3000)"), ("markdown", "| Iraqiya |"),
                                         ("csv", "Iraqiya,91,3/10,0.3,"),
                                         ("latex", r"$\frac{3}{10}$"), ("html", "<td"),
                                         ("json", '"3/10"')])
def test_indices_in_every_format(capsys, fmt, marker):
    code, out, _ = run(capsys, "indices", "--format", fmt, *IRAQ_INLINE)
    assert code == 0 and marker in out


def test_decimal_and_digits(capsys):
    code, out, _ = run(capsys, "indices", "--decimal", "--digits", "2", "-f", "json",
                       *IRAQ_INLINE)
    assert code == 0
    assert [r["Shapley-Shubik"] for r in records(out)] == [0.3, 0.3, 0.13, 0.13, 0.13]
    code, out, _ = run(capsys, "indices", "--decimal", "--digits", "3", *IRAQ_INLINE)
    assert "0.133" in out and "/" not in out.split("\n", 1)[1]
    code, out, _ = run(capsys, "indices", "--digits", "6", *IRAQ_INLINE)
    assert "2/15 (0.133333)" in out


def test_output_file_and_format_from_suffix(capsys, tmp_path):
    target = tmp_path / "table.md"
    code, out, _ = run(capsys, "indices", "--output", str(target), *IRAQ_INLINE)
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith("| player | seats |")
    target = tmp_path / "table.csv"
    assert run(capsys, "indices", "-o", str(target), "-f", "json", *IRAQ_INLINE)[0] == 0
    assert json.loads(target.read_text(encoding="utf-8"))["records"]
    code, _, err = run(capsys, "indices", "-o", str(tmp_path / "no" / "such" / "dir.txt"),
                       *IRAQ_INLINE)
    assert code == 1 and "cannot write" in err


# -- compare, leverage, coalitions --------------------------------------------------------------
def test_compare_base_and_every_scenario(capsys, files):
    spec = read_game(files / "iraq.toml")
    code, out, _ = run(capsys, "compare", str(files / "iraq.toml"), "-f", "csv")
    assert code == 0
    assert out == pi.compare({"base": spec.base, **spec.scenarios}).to_csv()
    code, out, _ = run(capsys, "compare", str(files / "iraq.toml"), "-f", "csv", "--index",
                       "banzhaf", "--baseline", "base", "-s", "base", "-s", "red_line")
    expected = pi.compare({"base": spec.base, "red_line": spec.scenarios["red_line"]},
                          index="banzhaf", baseline="base")
    assert code == 0 and out == expected.to_csv()


def test_compare_several_files(capsys, files):
    other = files / "deadlock.csv"
    other.write_text(IRAQ_CSV, encoding="utf-8")
    code, out, _ = run(capsys, "compare", str(files / "iraq.csv"), str(other), "-f", "json")
    assert code == 0
    columns = json.loads(out)["columns"]
    assert columns == ["player", "iraq", "deadlock", "change: iraq -> deadlock"]
    assert [r["change: iraq -> deadlock"] for r in records(out)] == ["0"] * 5
    # the same stem twice: the paths tell them apart
    (files / "sub").mkdir()
    (files / "sub" / "iraq.csv").write_text(IRAQ_CSV, encoding="utf-8")
    code, out, _ = run(capsys, "compare", str(files / "iraq.csv"),
                       str(files / "sub" / "iraq.csv"), "-f", "json")
    assert code == 0 and len(json.loads(out)["columns"]) == 4


def test_compare_errors(capsys, files):
    code, _, err = run(capsys, "compare", str(files / "iraq.toml"), "-s", "nothing")
    assert code == 1 and "no scenario 'nothing'" in err and "red_line" in err
    code, _, err = run(capsys, "compare", str(files / "iraq.toml"), "--baseline", "x")
    assert code == 1 and "baseline" in err
    assert run(capsys, "compare")[0] == 2
    assert run(capsys, "compare", str(files / "iraq.toml"), "--index", "holler")[0] == 2


def test_leverage_of_a_scenario(capsys, files):
    spec = read_game(files / "iraq.toml")
    scenario = spec.scenarios["red_line"]
    code, out, _ = run(capsys, "leverage", str(files / "iraq.toml"), "-s", "red_line", "-f",
                       "csv")
    expected = pi.leverage(scenario.game, scenario.graph, scenario.unions, rule=scenario.rule)
    assert code == 0 and out == expected.to_csv()
    code, _, err = run(capsys, "leverage", str(files / "iraq.toml"), "-s", "nothing")
    assert code == 1 and "no scenario 'nothing'" in err


def test_coalitions_against_the_library(capsys, files):
    spec = read_game(files / "iraq.toml")
    code, out, _ = run(capsys, "coalitions", str(files / "iraq.toml"), "-f", "json")
    assert code == 0
    theories = pi.coalition_theories(spec.game, spec.graph, spec.order, rule=spec.rule)
    expected = [[name, " + ".join(c.members), len(c.members), c.seats]
                for name, found in theories.items() for c in found]
    assert [[r["theory"], r["coalition"], r["members"], r["seats"]]
            for r in records(out)] == expected
    # minimal winning of [163; 91, 89, 70, 57, 18], by hand: Iraqiya + SoL, and a big bloc
    # with two of the three small ones (91 + 57 + 18 = 166, 89 + 57 + 18 = 164 ...)
    code, out, _ = run(capsys, "coalitions", "--theory", "minimal", "-f", "json",
                       *IRAQ_INLINE)
    assert sorted(r["coalition"] for r in records(out)) == sorted([
        "Iraqiya + SoL", "Iraqiya + INA + Kurds", "Iraqiya + INA + Small",
        "Iraqiya + Kurds + Small", "SoL + INA + Kurds", "SoL + INA + Small",
        "SoL + Kurds + Small"])


def test_coalitions_connected_needs_an_order(capsys, files):
    code, _, err = run(capsys, "coalitions", "--theory", "connected", *IRAQ_INLINE)
    assert code == 1 and "order" in err
    code, out, _ = run(capsys, "coalitions", str(files / "iraq.toml"), "-s",
                       "sadr_backs_maliki")
    assert code == 0 and "order lists the base game's parties" in out


# -- figures ------------------------------------------------------------------------------------
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("argv", [["leverage", "iraq.toml"], ["compare", "iraq.toml"],
                                  ["coalitions", "iraq.toml"],
                                  ["leverage", *IRAQ_INLINE]])
def test_plot_writes_a_png(capsys, files, monkeypatch, argv):
    pytest.importorskip("matplotlib")
    monkeypatch.chdir(files)
    code, out, err = run(capsys, *argv, "--plot", "figure.png")
    assert code == 0, err
    assert (files / "figure.png").read_bytes().startswith(PNG)
    assert out  # the table is still printed


def test_plot_errors(capsys, files, monkeypatch):
    code, _, err = run(capsys, "coalitions", "--plot", str(files / "g.png"), *IRAQ_INLINE)
    assert code == 1 and "compatibility graph" in err
    code, _, err = run(capsys, "indices", "--plot", "x.png", *IRAQ_INLINE)
    assert code == 2
    pytest.importorskip("matplotlib")
    code, _, err = run(capsys, "leverage", "--plot", str(files / "x.unknownformat"),
                       *IRAQ_INLINE)
    assert code == 1 and "cannot write" in err


def test_plot_without_matplotlib(capsys, files, monkeypatch):
    for name in ("matplotlib", "matplotlib.figure"):
        monkeypatch.setitem(sys.modules, name, None)
    code, _, err = run(capsys, "leverage", "--plot", str(files / "f.png"), *IRAQ_INLINE)
    assert code == 1
    assert err.startswith("powerindex: error: figures need matplotlib")
    assert not (files / "f.png").exists()


# -- errors and exit statuses -------------------------------------------------------------------
def test_bad_file_names_file_line_and_field(capsys, tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('majority = true\nparties = [\n  { name = "A", seats = 3 },\n'
                    '  { name = "Kurds", seats = "fifty" },\n]\n', encoding="utf-8")
    code, out, err = run(capsys, "indices", str(path))
    assert code == 1 and out == ""
    assert err == (f"powerindex: error: {path}, line 4, field 'seats' of party 'Kurds':"
                   ' expected a non-negative number, got "fifty"\n')
    path = tmp_path / "bad.csv"
    path.write_text("# quota: 3\nparty,seats\nA,2\nB,two\n", encoding="utf-8")
    code, _, err = run(capsys, "leverage", str(path))
    assert code == 1 and f"{path}, line 4, field 'seats' of party 'B'" in err
    path = tmp_path / "bad.json"
    path.write_text('{"majority": true,\n "parties": [}\n', encoding="utf-8")
    code, _, err = run(capsys, "coalitions", str(path))
    assert code == 1 and f"{path}, line 2" in err and "not valid JSON" in err


def test_missing_and_unreadable_files(capsys, tmp_path):
    code, _, err = run(capsys, "indices", str(tmp_path / "none.toml"))
    assert code == 1 and "cannot read" in err and "none.toml" in err
    code, _, err = run(capsys, "indices", str(tmp_path))  # a directory, no suffix
    assert code == 2 and "--input-format" in err
    (tmp_path / "dir.toml").mkdir()
    code, _, err = run(capsys, "indices", str(tmp_path / "dir.toml"))
    assert code == 1 and "cannot read" in err
    (tmp_path / "game.txt").write_text(IRAQ_CSV, encoding="utf-8")
    code, _, err = run(capsys, "indices", str(tmp_path / "game.txt"))
    assert code == 2 and "--input-format" in err
    code, out, _ = run(capsys, "indices", str(tmp_path / "game.txt"), "--input-format", "csv")
    assert code == 0 and "3/10" in out


@pytest.mark.parametrize("argv", [
    ["indices", "--quota", "163", "91", "abc", "70"],      # not a weight
    ["indices", "91", "89"],                                # no quota
    ["indices", "--quota", "two thirds", "91", "89"],       # unreadable quota
    ["indices", "--quota", "3", "A=2", "1"],                # named and unnamed
    ["indices", "--quota", "3", "--names", "A,B", "A=2", "B=1"],
    ["indices", "--quota", "3", "=2", "1"],
    ["indices", "--index", "nonsense", *IRAQ_INLINE],
    ["indices", "--digits", "-1", *IRAQ_INLINE],
    ["indices", "--time-limit", "soon", *IRAQ_INLINE],
    ["indices", "--scenario", "x", *IRAQ_INLINE],
    ["indices", "--format", "docx", *IRAQ_INLINE],
    ["indices", "nonsense"],
    ["indices"],
    ["frobnicate"],
    [],
    ["--no-such-option"],
])
def test_bad_command_lines_exit_2(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert "Traceback" not in err and "error" in err.lower() or argv == []
    assert "usage:" in err


@pytest.mark.parametrize("argv, message", [
    (["indices", "--quota", "200", "91", "89"], "exceeds the total weight"),
    (["indices", "--quota", "0", "91", "89"], "quota must be positive"),
    (["indices", "--quota", "3", "-5", "8"], "negative"),
    (["indices", "--quota", "3", "--names", "A,B,C", "2", "1"], ""),
    (["indices", "--quota", "3", "--names", "A,A", "2", "1"], "A"),
])
def test_games_the_library_refuses_exit_1(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert err.startswith("powerindex: error: ") and message in err
    assert err.count("\n") == 1


def test_help_for_every_command(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "examples:" in out
    for command in ("indices", "compare", "leverage", "coalitions"):
        code, out, _ = run(capsys, command, "--help")
        assert code == 0 and "examples:" in out and f"powerindex {command}" in out
    code, out, _ = run(capsys, "--version")
    assert code == 0 and pi.__version__ in out


def test_warnings_are_one_line_messages(capsys):
    code, out, err = run(capsys, "indices", "--quota", "1", "1", "1", "1")
    assert code == 0 and "1/3" in out
    assert err.startswith("powerindex: warning: <WeightedGame [1; 1, 1, 1]> is improper")


def test_debug_shows_the_traceback(capsys):
    code, _, err = run(capsys, "indices", "--debug", "--quota", "200", "91", "89")
    assert code == 1 and "Traceback" in err and "powerindex: error:" in err


def test_unicode_names(capsys, tmp_path):
    code, out, _ = run(capsys, "indices", "--quota", "majority", "Ειρήνη=5", "和平=4",
                       "🕊️=2", "-f", "json")
    assert code == 0
    assert [r["player"] for r in records(out)] == ["Ειρήνη", "和平", "🕊️"]
    path = tmp_path / "ünïcode.csv"
    path.write_text("# quota: majority\nparty,seats\nΕιρήνη,5\n和平,4\n", encoding="utf-8")
    code, out, _ = run(capsys, "leverage", str(path))
    assert code == 0 and "和平" in out


def test_output_that_the_terminal_cannot_encode():
    buffer = io.BytesIO()
    stream = io.TextIOWrapper(buffer, encoding="ascii")
    from powerindex.cli._common import _write

    _write(stream, "和平 3/10\n")
    assert buffer.getvalue() == b"\\u548c\\u5e73 3/10\n"


# -- huge numbers and hangs ---------------------------------------------------------------------
def test_huge_inline_weights_are_refused_at_once(capsys):
    start = time.monotonic()
    code, _, err = run(capsys, "indices", "--index", "all", "--quota", "5" + "0" * 99,
                       *[str(10**99 + i) for i in range(40)])
    assert code == 1 and "above the limit of 1000000000" in err
    code, _, err = run(capsys, "indices", "--quota", "3", "1" * 101, "1")
    assert code == 2 and "too long" in err
    code, _, err = run(capsys, "coalitions", "--quota", "1/3", "1/7", "1/11", "1/13",
                       *(f"1/{p}" for p in (17, 19, 23, 29, 31, 37, 41, 43)))
    assert code == 1 and "too finely divided" in err
    assert time.monotonic() - start < 5


def test_many_players_give_up_instead_of_hanging(capsys):
    # 40 equal players: C(40, 21) ~ 1.3e11 minimal winning coalitions. The library gives up
    # after a bounded search, or the command's watchdog stops it first, whichever comes
    # first: either way a one-line error and exit 1.
    start = time.monotonic()
    code, _, err = run(capsys, "coalitions", "--time-limit", "1", "--quota", "majority",
                       *["1"] * 40)
    assert code == 1 and ("gave up after 1 seconds" in err or "too many" in err)
    code, _, err = run(capsys, "indices", "--index", "johnston", "--time-limit", "0.5",
                       "--quota", "majority", *["1"] * 40)
    assert code == 1 and ("gave up" in err or "too many" in err)
    assert time.monotonic() - start < 6
    # the indices that do not list coalitions are immediate for the same game
    code, out, _ = run(capsys, "indices", "--quota", "majority", "-f", "json", *["1"] * 40)
    assert code == 0 and {r["Shapley-Shubik"] for r in records(out)} == {"1/40"}


def test_deeply_nested_and_empty_files(capsys, tmp_path):
    cases = {"deep.json": "[" * 100_000, "deep.toml": "a = " + "[" * 100_000,
             "empty.toml": "", "empty.json": "  \n", "empty.csv": "",
             "binary.toml": b"\xff\xfe\x00garbage", "null.json": "null",
             "digits.json": '{"majority": true, "parties": [{"name": "A", "seats": '
                            + "9" * 5000 + "}]}",
             "digits.toml": "quota = " + "9" * 5000}
    for name, content in cases.items():
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        code, out, err = run(capsys, "indices", str(path))
        assert code == 1, name
        assert err.startswith(f"powerindex: error: {path}") and "Traceback" not in err, name


def test_python_dash_m_entry_point(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "powerindex", "--help"], capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=60)
    assert done.returncode == 0 and "examples:" in done.stdout
    done = subprocess.run([sys.executable, "-m", "powerindex", "indices", "-f", "csv",
                           *IRAQ_INLINE], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=60)
    assert done.returncode == 0 and done.stderr == ""
    assert "Kurds,57,2/15,0.13333333333333333," in done.stdout
    done = subprocess.run([sys.executable, "-m", "powerindex", "indices", "missing.toml"],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert done.returncode == 1
    assert done.stderr == "powerindex: error: cannot read missing.toml: No such file or" \
                          " directory\n"


# -- the guide ----------------------------------------------------------------------------------
def test_docs_cli_md_examples_run_as_shown(capsys, tmp_path, monkeypatch):
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for match in re.finditer(r"<!-- file: (\S+) -->\n```\w*\n(.*?)```", text, re.S):
        (tmp_path / match.group(1)).write_text(match.group(2), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    commands = 0
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        parts = re.split(r"^\$ ", block, flags=re.M)[1:]
        for part in parts:
            command, _, expected = part.partition("\n")
            argv = shlex.split(command)
            assert argv[0] == "powerindex"
            main(argv[1:])
            captured = capsys.readouterr()
            shown = (captured.out + captured.err).rstrip("\n")
            assert [line.rstrip() for line in shown.splitlines()] == [
                line.rstrip() for line in expected.rstrip("\n").splitlines()], command
            commands += 1
    assert commands >= 10
    assert (tmp_path / "changes.png").read_bytes().startswith(PNG)
    assert (tmp_path / "changes.csv").read_text(encoding="utf-8").startswith("player,")


# -- fuzzing ------------------------------------------------------------------------------------
TOKENS = ["indices", "compare", "leverage", "coalitions", "--quota", "-q", "--names",
          "--index", "--scenario", "-s", "--format", "-f", "--decimal", "--digits",
          "--baseline", "--theory", "--input-format", "--output", "out.txt", "--time-limit",
          "163", "2/3", "65%", "majority", "more than 1/2", "0", "-1", "1e9", "nan", "inf",
          "1/0", "10" * 60, str(10**99), "0.1", "17/3", "A=3", "B=2", "Ä=1", "和平=4", "=5",
          "A==1", "iraq.toml", "iraq.csv", "iraq.json", "missing.toml", "all", "owen",
          "shapley_shubik,banzhaf", "johnston", "text", "json", "csv", "latex", "html",
          "markdown", "toml", "base", "red_line", "sadr_backs_maliki", "connected", "minimal",
          "A,B", ",", "", " ", "--", "-", "--help-me", "\x00", "🕊️"]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)), max_size=9))
def test_property_any_command_line_exits_cleanly(capsys, argv):
    with tempfile.TemporaryDirectory() as directory:
        previous = os.getcwd()
        os.chdir(directory)
        try:
            Path("iraq.toml").write_text(IRAQ_TOML, encoding="utf-8")
            Path("iraq.csv").write_text(IRAQ_CSV, encoding="utf-8")
            start = time.monotonic()
            code = main([*argv, "--time-limit", "10"] if argv[:1] in (
                ["indices"], ["leverage"], ["coalitions"], ["compare"]) else argv)
            elapsed = time.monotonic() - start
        finally:
            os.chdir(previous)
    captured = capsys.readouterr()
    assert code in (0, 1, 2)
    assert "Traceback" not in captured.err and "internal error" not in captured.err
    assert elapsed < 10
    if code == 1:
        assert "powerindex: error: " in captured.err


# Seats small (instant) or beyond the 10**9 limit (refused at once): totals near the limit are
# legitimate but cost the library's counting tables up to a GB each, too slow for fuzzing.
_SEATS = st.one_of(st.integers(-5, 10**4), st.integers(10**10, 10**40))


def _json_values():
    scalars = st.one_of(st.none(), st.booleans(), _SEATS,
                        st.floats(allow_nan=False, allow_infinity=False),
                        st.text(max_size=8), st.sampled_from(["2/3", "majority", "A", "1/0"]))
    return st.recursive(scalars, lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)),
        max_leaves=12)


_GAME_KEYS = st.sampled_from(["title", "quota", "majority", "strict", "parties", "order",
                              "graph", "rule", "unions", "scenarios"])
_PARTY = st.fixed_dictionaries({"name": st.one_of(st.text(max_size=5), _json_values()),
                                "seats": st.one_of(_SEATS, _json_values())})
_GAME_DATA = st.dictionaries(_GAME_KEYS, st.one_of(
    _json_values(), st.lists(_PARTY, max_size=5)), max_size=6)


def _check_file(capsys, suffix, content, command):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"game.{suffix}"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", errors="surrogatepass")
        start = time.monotonic()
        code = main([command, str(path), "--time-limit", "10"])
        elapsed = time.monotonic() - start
    captured = capsys.readouterr()
    assert code in (0, 1)
    assert "Traceback" not in captured.err and "internal error" not in captured.err
    assert elapsed < 10
    if code == 1:
        assert f"powerindex: error: {path}" in captured.err


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_GAME_DATA, st.sampled_from(["indices", "leverage", "coalitions", "compare"]))
def test_property_structured_json_files(capsys, data, command):
    _check_file(capsys, "json", json.dumps(data), command)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(
    st.lists(st.sampled_from(list('[]{}="\',.:#\n 0123456789-/%abcqupartiesnm')
                             + ["quota", "parties", "name", "seats", "majority"]),
             max_size=60).map("".join),
    st.binary(max_size=60),
    st.text(max_size=60)),
    st.sampled_from(["toml", "json", "csv"]),
    st.sampled_from(["indices", "leverage", "coalitions"]))
def test_property_malformed_file_contents(capsys, content, suffix, command):
    _check_file(capsys, suffix, content, command)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.text(min_size=1, max_size=6),
                          st.one_of(_SEATS, st.text(max_size=6),
                                    st.fractions(min_value=0, max_value=100).map(str))),
                min_size=1, max_size=7),
       st.sampled_from(["163", "majority", "2/3", "1", "", "x", "0.5", "99%"]))
def test_property_csv_tables(capsys, rows, quota):
    lines = [f"# quota: {quota}", "party,seats"]
    for name, seats in rows:
        out = io.StringIO()
        import csv

        csv.writer(out, lineterminator="").writerow([name, seats])
        lines.append(out.getvalue())
    _check_file(capsys, "csv", "\n".join(lines) + "\n", "indices")


# -- large games and what new users tripped on ---------------------------------------------
EEC_INLINE = ["--quota", "12", "FR=4", "DE=4", "IT=4", "BE=2", "NL=2", "LU=1"]


def test_method_float_gives_values_within_the_printed_bound(capsys):
    code, out, err = run(capsys, "indices", "--method", "float", "--format", "json",
                         *EEC_INLINE)
    assert code == 0, err
    records = json.loads(out)["records"]
    exact = pi.shapley_shubik(pi.WeightedGame([4, 4, 4, 2, 2, 1], 12,
                                              players=["FR", "DE", "IT", "BE", "NL", "LU"]))
    bound = float(re.search(r"within (\S+) of the exact", json.loads(out)["notes"][0])[1])
    for record in records:
        assert abs(record["Shapley-Shubik"] - exact[record["player"]]) <= bound


def test_samples_give_an_estimate_with_intervals_and_the_seed_repeats_it(capsys):
    argv = ["indices", "--samples", "4000", "--seed", "5", "--index", "shapley_shubik",
            "--confidence", "0.999", "--format", "json", *EEC_INLINE]
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    data = json.loads(out)
    exact = pi.shapley_shubik(pi.WeightedGame([4, 4, 4, 2, 2, 1], 12,
                                              players=["FR", "DE", "IT", "BE", "NL", "LU"]))
    # 99.9% intervals (rounded outwards when printed): six players miss together with
    # probability below 0.6%.
    for record in data["records"]:
        low, high = map(float, record["99.9% interval"].strip("[]").split(","))
        assert low <= exact[record["player"]] <= high
    assert "--seed 5 repeats it" in data["notes"][0]
    assert run(capsys, *argv)[1] == out  # the same seed, the same numbers


@pytest.mark.parametrize("argv, message", [
    (["--seed", "1"], "--seed goes with --samples or --precision"),
    (["--samples", "100", "--index", "holler"], "holler cannot be estimated by sampling"),
    (["--samples", "100", "--method", "float"], "--method is for exact and float values"),
    (["--samples", "0"], "expected a positive whole number"),
    (["--precision", "-1"], "expected a positive number"),
    (["--confidence", "1.5"], "expected a number between 0 and 1"),
    (["--output", "out.xlsx"], "cannot tell the format of 'out.xlsx'.*\\.csv.*--format"),
])
def test_large_game_options_refuse_what_makes_no_sense(capsys, argv, message):
    code, out, err = run(capsys, "indices", *argv, *EEC_INLINE)
    assert code == 2 and re.search(message, err), err


def test_an_index_that_does_not_know_a_method_names_the_option(capsys):
    code, _, err = run(capsys, "indices", "--method", "float", "--index", "holler", *EEC_INLINE)
    assert code == 1
    assert "--method float does not apply to holler; for it choose one of auto, backtrack" in err
    assert "method=" not in err


def test_advice_of_the_library_names_command_line_options(capsys):
    # 30 players with weights near 10**7 and a quota by share: the by-size table of exact
    # Shapley-Shubik is too large, and the library's advice (pi.estimate()) becomes the
    # command's options.
    weights = [str(10**7 + i) for i in range(30)]
    code, _, err = run(capsys, "indices", "--quota", "2/3", "--method", "generating",
                       "--index", "shapley_shubik", *weights)
    assert code == 1
    assert "--samples N or --precision E" in err and "pi.estimate" not in err
    assert "--method enumerate" in err


def test_all_zero_weights_blame_the_weights_not_the_quota(capsys):
    code, _, err = run(capsys, "indices", "--quota", "2/3", "A=0", "B=0")
    assert code == 1 and "every weight is 0" in err and "quota" not in err.split(":")[2]


def test_compare_of_weights_says_that_compare_takes_files(capsys):
    code, _, err = run(capsys, "compare", "--quota", "5", "A=10", "B=3")
    assert code == 2
    assert "'A=10' is a weight, but this command compares game files" in err


def test_a_huge_total_can_still_be_estimated(capsys):
    code, out, err = run(capsys, "indices", "--quota", "0.5", "--samples", "500", "--seed", "1",
                         "--index", "banzhaf_absolute", "0.16470588235294117",
                         "0.23529411764705882", "0.6")
    assert code == 0, err
    assert "P3" in out and "~0.16470588" in out  # long fractions shown as decimals


def test_thousands_of_rows_are_summarised_on_the_terminal_not_in_files(capsys, tmp_path):
    weights = [str(1 + i % 7) for i in range(1500)]
    code, out, err = run(capsys, "indices", "--quota", "majority", "--index", "banzhaf",
                         "--method", "float", *weights)
    assert code == 0, err
    assert len(out.splitlines()) < 210 and "rows not shown" in out and "P1500" in out
    path = tmp_path / "all.txt"
    code, _, err = run(capsys, "indices", "--quota", "majority", "--index", "banzhaf",
                       "--method", "float", "--output", str(path), *weights)
    assert code == 0, err
    assert path.read_text(encoding="utf-8").count("\nP") == 1500


def test_report_help_names_every_narrative_slot(capsys):
    from powerindex.study.report import SLOTS

    code, out, _ = run(capsys, "report", "--help")
    text = " ".join(out.split())
    assert code == 0
    listed = text[text.index("<!-- slot: NAME -->"):].split("(", 1)[1].split(")", 1)[0]
    assert [slot.strip() for slot in listed.split(",")] == list(SLOTS)
