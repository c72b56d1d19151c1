"""HTML, JSON and pandas renderings of tables and results: structure, escaping, exact values."""

import json
import sys
import types
from fractions import Fraction
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import powerindex as pi


def sample():
    return pi.Table(["player", "seats", "power", "veto"],
                    [["<b>A</b> & \"B\"", 3, Fraction(1, 3), True],
                     ["C_1", 2, Fraction(2, 3), False], ["D", 0, None, False]],
                    title="Power <& seats>", notes=["Note: 1 < 2"])


class _Tree(HTMLParser):
    """Collect tags, the text of each cell and the attributes of each cell."""

    def __init__(self):
        super().__init__()
        self.tags, self.cells, self.stack, self.caption = [], [], [], ""
        self.text = None

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.stack.append(tag)
        if tag in ("td", "th"):
            self.text, self.attrs = "", dict(attrs)

    def handle_endtag(self, tag):
        assert self.stack.pop() == tag, f"</{tag}> closes the wrong element"
        if tag in ("td", "th"):
            self.cells.append((tag, self.text, self.attrs, tuple(self.stack)))
            self.text = None

    def handle_data(self, data):
        if self.text is not None:
            self.text += data
        elif self.stack and self.stack[-1] == "caption":
            self.caption += data


def parse(text):
    tree = _Tree()
    tree.feed(text)
    tree.close()
    assert tree.stack == []
    return tree


def test_html_structure_and_escaping():
    tree = parse(sample().to_html())
    # the only tags are the table's own: nothing from the cells became markup
    assert set(tree.tags) == {"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td"}
    assert tree.caption == "Power <& seats>"
    headers = [c for c in tree.cells if c[0] == "th"]
    assert [c[1] for c in headers] == ["player", "seats", "power", "veto"]
    body = [c for c in tree.cells if c[0] == "td" and "tbody" in c[3]]
    assert [c[1] for c in body[:4]] == ['<b>A</b> & "B"', "3", "1/3 (0.3333)", "yes"]
    assert len(body) == 12
    numeric = [c[1] for c in body if c[2].get("class") == "numeric"]
    assert numeric == ["3", "1/3 (0.3333)", "2", "2/3 (0.6667)", "0", "-"]
    assert all("text-align: right" in c[2]["style"] for c in body if c[2].get("class"))
    footer = [c for c in tree.cells if "tfoot" in c[3]]
    assert [c[1] for c in footer] == ["Note: 1 < 2"] and footer[0][2]["colspan"] == "4"


def test_html_without_title_or_rows():
    tree = parse(pi.Table(["a"], []).to_html())
    assert "caption" not in tree.tags and [c[1] for c in tree.cells] == ["a"]


def test_json_round_trip_keeps_exact_values():
    data = json.loads(sample().to_json())
    assert data["title"] == "Power <& seats>"
    assert data["columns"] == ["player", "seats", "power", "veto"]
    assert data["notes"] == ["Note: 1 < 2"]
    first, _, last = data["records"]
    assert first == {"player": '<b>A</b> & "B"', "seats": 3, "power": "1/3",
                     "power (decimal)": 1 / 3, "veto": True}
    assert last["power"] is None and last["power (decimal)"] is None
    assert [Fraction(r["power"]) for r in data["records"][:2]] == [Fraction(1, 3),
                                                                  Fraction(2, 3)]


def test_json_of_whole_fractions_and_floats():
    table = pi.Table(["x", "y"], [[Fraction(2), 0.5], [Fraction(1, 2), float("nan")]])
    records = json.loads(table.to_json(indent=2))["records"]
    assert records[0] == {"x": "2", "x (decimal)": 2.0, "y": 0.5}
    assert records[1]["y"] is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=8),
                          st.fractions(min_value=-5, max_value=5, max_denominator=50),
                          st.integers(-10**20, 10**20)), max_size=6))
def test_property_json_and_html_round_trip(rows):
    table = pi.Table(["name", "value", "count"], rows, title="t")
    records = json.loads(table.to_json())["records"]
    assert [(r["name"], Fraction(r["value"]), r["count"]) for r in records] == [
        (n, v, c) for n, v, c in rows]
    cells = [c[1] for c in parse(table.to_html()).cells if c[0] == "td"]
    assert cells[0::3] == [n for n, _, _ in rows]


def test_result_passthroughs_and_jupyter():
    result = pi.shapley_shubik(pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"]))
    table = result.to_table()
    assert result.to_markdown() == table.to_markdown()
    assert result.to_csv() == table.to_csv()
    assert result.to_latex() == table.to_latex()
    assert result.to_html() == table.to_html() == result._repr_html_()
    assert table._repr_html_() == table.to_html()
    records = json.loads(result.to_json())["records"]
    # [3; 2, 1, 1]: A is pivotal in 4 of the 6 orders, B and C in 1 each.
    assert [Fraction(r["Shapley-Shubik index"]) for r in records] == [
        Fraction(2, 3), Fraction(1, 6), Fraction(1, 6)]


def test_to_dataframe_without_pandas(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"needs pandas.*powerindex-toolkit\[pandas\]"):
        sample().to_dataframe()


def test_to_dataframe_hands_exact_or_float_rows_to_pandas(monkeypatch):
    calls = []

    class FakeFrame:
        def __init__(self, rows, columns):
            calls.append((rows, columns))
            self.attrs = {}

    monkeypatch.setitem(sys.modules, "pandas", types.SimpleNamespace(DataFrame=FakeFrame))
    frame = sample().to_dataframe()
    assert calls[0][1] == ["player", "seats", "power", "veto"]
    assert calls[0][0][1] == ["C_1", 2, Fraction(2, 3), False]
    assert frame.attrs == {"title": "Power <& seats>", "notes": ["Note: 1 < 2"]}
    sample().to_dataframe(exact=False)
    assert calls[1][0][1] == ["C_1", 2, 2 / 3, False]


def test_to_dataframe_with_pandas():
    pandas = pytest.importorskip("pandas")
    frame = sample().to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame["power"])[:2] == [Fraction(1, 3), Fraction(2, 3)]


# -- what new users tripped on ----------------------------------------------------------------
def test_latex_escapes_every_special_character_of_titles_and_cells():
    # A game's repr in a caption printed "<" and ">" as inverted marks (OT1 encoding).
    table = pi.Table(["player", "note"], [["A_1", "<5% & ~x^2 \\ {y} | #z $"]],
                     title="Leverage in <WeightedGame [4; 3, 2]>")
    latex = table.to_latex()
    assert r"\caption{Leverage in \textless{}WeightedGame [4; 3, 2]\textgreater{}}" in latex
    assert (r"\textless{}5\% \& \textasciitilde{}x\textasciicircum{}2 \textbackslash{}"
            r" \{y\} \textbar{} \#z \$") in latex
    assert "A\\_1" in latex and "<" not in latex and ">" not in latex


def test_long_fractions_print_as_decimals_with_the_exact_value_kept():
    value = Fraction(3**80, 5**70)  # 39 + 49 digits
    table = pi.Table(["player", "power"], [["A", value], ["B", Fraction(1, 3)]])
    text = str(table)
    assert f"~{float(value):.8g}" in text and "1/3 (0.3333)" in text
    assert "~ marks a fraction too long to print" in text
    assert table.column("power")[0] == value  # exact in the cells
    assert table.to_csv().splitlines()[1].startswith(f"A,{value.numerator}/")
    assert "~" in table.to_markdown() and "~" in table.to_html()


def test_text_of_thousands_of_rows_is_summarised_and_the_other_formats_are_not():
    table = pi.Table(["player", "seats"], [[f"P{i}", i] for i in range(1, 3001)])
    text = str(table)
    assert len(text.splitlines()) == 2 + 60  # header, 60 rows and the omission line
    assert "... 2940 rows not shown" in text and "P3000" in text and "P41\n" not in text
    assert len(table.to_csv().splitlines()) == 3001
    assert len(table.to_text(max_rows=None).splitlines()) == 3001


def test_tiny_floats_are_not_printed_as_zero():
    table = pi.Table(["bound"], [[2.5e-15], [0.0], [0.123]])
    assert str(table).splitlines()[1:] == ["2.50e-15", "  0.0000", "  0.1230"]


def test_results_give_a_dataframe():
    pandas = pytest.importorskip("pandas")
    game = pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"])
    frame = pi.shapley_shubik(game).to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame["player"]) == ["A", "B", "C"]
    assert list(frame["Shapley-Shubik index"]) == [Fraction(2, 3), Fraction(1, 6),
                                                   Fraction(1, 6)]
    assert pi.shapley_shubik(game).to_dataframe(exact=False).iloc[0, 1] == pytest.approx(2 / 3)


def test_a_float_result_prints_its_values_and_bounds_once():
    # It used to print two identical columns and never its error bound.
    result = pi.shapley_shubik(pi.WeightedGame([7] * 5 + [1] * 10, 39), method="float")
    lines = str(result).splitlines()
    assert "every value within" in lines[0] and lines[1].split() == ["player", "value",
                                                                     "error", "bound"]
    value, bound = lines[2].split()[1:]
    assert abs(float(value) - 421 / 2145) <= float(bound)
    assert result.to_table().columns == ("player", "Shapley-Shubik index", "error bound")


def test_str_of_a_result_of_thousands_of_players_stays_short():
    game = pi.WeightedGame([1 + i % 9 for i in range(1200)], pi.MAJORITY)
    result = pi.banzhaf(game)
    text = str(result)
    assert len(text) < 6000 and "players not shown" in text
    assert "... marks a fraction too long to print" in text
    assert len(result.to_table().to_csv().splitlines()) == 1201
