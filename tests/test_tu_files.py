"""TU game files (worths in a table) and the ``powerindex tu`` command."""

import json
from fractions import Fraction

import pytest

import powerindex as pi
from powerindex.cli import main

GLOVES = """\
# the glove game: one left glove, two right ones
title = "Gloves"
players = ["L", "R1", "R2"]
default = 0

[worths]
"L,R1" = 1
"L,R2" = 1
"L,R1,R2" = 1
"""


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_toml_file_gives_the_game(tmp_path):
    path = tmp_path / "gloves.toml"
    path.write_text(GLOVES)
    game = pi.read_tu_game(path)
    assert game.players == ("L", "R1", "R2")
    assert game.value({"L", "R2"}) == 1 and game.value({"R1", "R2"}) == 0
    assert pi.nucleolus(game).to_dict() == {"L": 1, "R1": 0, "R2": 0}


def test_json_decimals_and_fractions_are_exact(tmp_path):
    path = tmp_path / "game.json"
    path.write_text(json.dumps({"players": ["A", "B"],
                                "worths": {"A": 0.1, "B": "1/3", "A, B": 1}}))
    game = pi.read_tu_game(path)
    assert game.value({"A"}) == Fraction(1, 10) and game.value({"B"}) == Fraction(1, 3)
    assert game.value({"A", "B"}) == 1


@pytest.mark.parametrize(("text", "line", "message"), [
    ('players = ["A", "B"]\n[worths]\n"A" = 1\n"A,C" = 2\n', 4, "names 'C', which is not a player"),
    ('players = ["A", "B"]\n[worths]\n"A" = "lots"\n', 3, "a number or a fraction"),
    ('players = ["A", "B"]\n[worths]\n"A" = "1/0"\n', 3, "divides by zero"),
    ('players = ["A", "B"]\n[worths]\n"A" = true\n', 3, "must be a number"),
    ('players = ["A,B"]\n[worths]\n', 1, "holds a comma"),
    ('players = []\n[worths]\n', 1, "non-empty list"),
    ('players = ["A"]\nworth = 3\n', 2, "unknown key 'worth'"),
    ('players = ["A", "B"]\nworths = 3\n', 2, "table of coalition = worth"),
    ('players = ["A", "B"]\n[worths]\n"A" = 1\n', None, "is not given"),
    ('players = ["A"\n', 2, "not valid TOML"),  # the parser stops at the end
])
def test_malformed_files_name_the_line_and_the_problem(tmp_path, text, line, message):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(pi.GameFileError, match=message) as caught:
        pi.read_tu_game(path)
    assert caught.value.line == line and caught.value.path == str(path)


def test_a_missing_file_is_a_game_file_error(tmp_path):
    with pytest.raises(pi.GameFileError, match="cannot read"):
        pi.read_tu_game(tmp_path / "none.toml")


def test_the_command_prints_solutions_and_properties(tmp_path, capsys):
    path = tmp_path / "gloves.toml"
    path.write_text(GLOVES)
    code, out, _ = run(capsys, "tu", str(path))
    assert code == 0
    assert "nucleolus" in out and "tau value" in out
    assert "Least core: epsilon = 0 (the core is not empty)." in out
    assert "superadditive and not convex" in out
    code, out, _ = run(capsys, "tu", str(path), "--solution", "all", "--format", "json")
    records = json.loads(out)["records"]
    assert [r["player"] for r in records] == ["L", "R1", "R2"]
    assert Fraction(records[0]["Shapley"]) == Fraction(2, 3)
    assert Fraction(records[0]["least core point"]) == 1


def test_the_command_lists_core_vertices(tmp_path, capsys):
    path = tmp_path / "majority.toml"
    path.write_text('players = ["A", "B", "C"]\ndefault = 1\n[worths]\n'
                    '"A" = 0\n"B" = 0\n"C" = 0\n')
    code, out, _ = run(capsys, "tu", str(path), "--core")
    assert code == 0 and "The core is empty." in out
    code, out, _ = run(capsys, "tu", str(path))
    assert "tau value: the game is not quasi-balanced" in out  # said, the others shown
    assert "1/3" in out


def test_the_command_refuses_unknown_solutions(tmp_path, capsys):
    path = tmp_path / "gloves.toml"
    path.write_text(GLOVES)
    code, _, err = run(capsys, "tu", str(path), "--solution", "core")
    assert code == 2 and "unknown solution 'core'" in err
    code, _, err = run(capsys, "tu", str(tmp_path / "none.toml"))
    assert code == 1 and "cannot read the file" in err


def test_the_command_states_what_it_skips_for_large_games(tmp_path, capsys, monkeypatch):
    from powerindex.cli import tu as command

    path = tmp_path / "gloves.toml"
    path.write_text(GLOVES)
    monkeypatch.setattr(command, "PROPERTIES_MAX_PLAYERS", 2)

    def too_large(game):
        raise pi.GameTooLargeError("the least core of 3 players: too many for this test")

    monkeypatch.setattr(command, "least_core", too_large)
    code, out, _ = run(capsys, "tu", str(path), "--solution", "shapley")
    assert code == 0
    assert "checked up to 2 players" in out
    assert "Least core: the least core of 3 players: too many" in out


def test_a_coalition_given_twice_in_json_is_refused(tmp_path):
    path = tmp_path / "twice.json"
    path.write_text('{"players": ["A", "B"],\n "worths": {"A": 1,\n "A": 2, "B": 0, "A,B": 3}}')
    with pytest.raises(pi.GameFileError, match="'A' appears twice") as caught:
        pi.read_tu_game(path)
    assert caught.value.line == 3


def test_a_file_that_is_not_utf8_names_its_line(tmp_path):
    path = tmp_path / "latin.toml"
    path.write_bytes('players = ["A"]\n[worths]\n"A" = 1 # caf\xe9\n'.encode("latin-1"))
    with pytest.raises(pi.GameFileError, match="not UTF-8") as caught:
        pi.read_tu_game(path)
    assert caught.value.line == 3
