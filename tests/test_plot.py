"""Figures: what each plot draws (points, bars, nodes, labels), reproducible bytes, and a
clear message when matplotlib is missing. (The images themselves were also inspected by eye.)"""

import sys

import pytest

import powerindex as pi
from powerindex import plot

IRAQ = pi.WeightedGame([91, 89, 70, 57, 18], 163,
                       players=["Iraqiya", "SoL", "INA", "Kurds", "Small"])


def test_power_vs_seats_draws_one_point_per_player_and_scenario():
    tables = {"deadlock": pi.leverage(IRAQ),
              "merged": pi.leverage(IRAQ.merge(["SoL", "INA"], name="NA"))}
    figure = plot.power_vs_seats(tables)
    ax = figure.axes[0]
    collections = ax.collections
    assert [len(c.get_offsets()) for c in collections] == [5, 4]
    # The Kurds in the deadlock: seat share 57/325, Shapley-Shubik 2/15.
    points = collections[0].get_offsets().tolist()
    assert any(p == pytest.approx([57 / 325, 2 / 15]) for p in points)
    labels = [t.get_text() for t in ax.texts]
    assert "NA" in labels and labels.count("Kurds") == 2
    assert sorted(ax.get_legend_handles_labels()[1]) == ["deadlock", "merged", "power = seat share"]


def test_scenario_changes_draws_bars_only_where_there_is_a_value():
    table = pi.compare({"1": IRAQ, "2": IRAQ.merge(["SoL", "INA"], name="NA")})
    figure = plot.scenario_changes(table)
    ax = figure.axes[0]
    # Scenario 1 has 5 players plus the NA row (the sum of SoL and INA); scenario 2 has
    # no bar for SoL or INA, which are inside the bloc.
    assert [len(c.patches) for c in ax.containers] == [6, 4]
    assert [t.get_text() for t in ax.get_xticklabels()] == list(table.column("player"))


def test_scenario_legend_tells_merged_blocs_from_unions():
    """A merged bloc and an a priori union of the same parties give the bloc the same
    total here; the legend must say which scenario is which kind."""
    from powerindex.politics.leverage import scenario_kinds

    scenarios = {"base": IRAQ, "merged": IRAQ.merge(["SoL", "INA"], name="NA"),
                 "union": pi.Scenario(IRAQ, unions=[["SoL", "INA"]])}
    table = pi.compare(scenarios)
    ax = plot.scenario_changes(table, kinds=scenario_kinds(scenarios)).axes[0]
    assert ax.get_legend_handles_labels()[1] == [
        "base", "merged (merged blocs)", "union (a priori unions)"]


def test_compatibility_graph_figure_sizes_nodes_by_power():
    graph = pi.compatibility_graph(IRAQ, incompatible=[("Iraqiya", "SoL")])
    power = pi.shapley_shubik(pi.restrict(IRAQ, graph, rule="clique"))
    figure = plot.compatibility_graph_figure(graph, power, dict(zip(IRAQ.players,
                                                                    IRAQ.weights,
                                                                    strict=True)))
    ax = figure.axes[0]
    sizes = [c.get_sizes()[0] for c in ax.collections]
    assert len(sizes) == 5
    largest = max(power.values())
    assert sizes.index(max(sizes)) == list(power.values()).index(largest)
    assert len(ax.lines) == graph.number_of_edges() == 9


def test_saved_figures_are_byte_for_byte_reproducible(tmp_path):
    first = plot.save(plot.power_vs_seats({"x": pi.leverage(IRAQ)}), tmp_path / "a.png")
    second = plot.save(plot.power_vs_seats({"x": pi.leverage(IRAQ)}), tmp_path / "b.png")
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_missing_matplotlib_gives_a_clear_message(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(ImportError, match=r"pip install 'powerindex-toolkit\[plot\]'"):
        plot.power_vs_seats({"x": pi.leverage(IRAQ)})


def test_plot_needs_a_power_column():
    with pytest.raises(pi.InvalidTypeError, match="no Shapley-Shubik or Owen column"):
        plot.power_vs_seats({"x": pi.Table(["player", "seat share"], [["A", 1]])})
