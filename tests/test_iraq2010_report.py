"""The Iraq 2010 report: built in a temporary folder, its key numbers checked against the
independent brute-force reference (tests/brute.py), and byte-for-byte reproducible."""

from fractions import Fraction

import brute

from analyses.iraq2010 import report

DESIGN_CARD = [91, 89, 70, 57, 18]


def test_design_card_game_comes_from_the_data():
    game = report.build_game(report.read_seats(), "bloc")
    assert list(game.weights) == DESIGN_CARD
    assert game.quota == 163 and game.total_weight == 325


def test_report_is_written_and_reproducible(tmp_path):
    first = report.write_report(tmp_path / "a").read_bytes()
    second = report.write_report(tmp_path / "b").read_bytes()
    assert first == second
    text = first.decode("utf-8")
    assert "[163; 91, 89, 70, 57, 18]" in text
    # The design card's Shapley-Shubik values by brute force over all 120 orders.
    players = ["Iraqiya", "State of Law", "INA", "Kurds", "Small lists"]
    wins = brute.weighted(DESIGN_CARD, 163, players)
    expected = brute.shapley_shubik_permutations(players, wins)
    assert sorted(set(expected.values())) == [Fraction(2, 15), Fraction(3, 10)]
    kurds = expected["Kurds"]
    assert f"| Kurds | 57 | 0.1754 | 4 | {kurds} ({float(kurds):.4f}) |" in text


def test_bad_seat_file_names_the_line(tmp_path):
    bad = tmp_path / "seats.csv"
    bad.write_text("list,seats,bloc,small_lists\nA,ninety,A,A\n", encoding="utf-8")
    try:
        report.read_seats(bad)
    except ValueError as error:
        assert "line 2" in str(error) and "'ninety'" in str(error)
    else:
        raise AssertionError("a non-numeric seat count was accepted")
