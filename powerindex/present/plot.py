"""Figures for reports: power against seats, changes across scenarios, compatibility graphs.

matplotlib is an optional extra (``pip install 'powerindex-toolkit[plot]'``); nothing else in
powerindex imports this module. Every function draws on a new
:class:`matplotlib.figure.Figure` (no pyplot global state), or on the ``ax`` you pass,
and returns the figure, so it can be saved, shown in a notebook or embedded in a report.

Examples
--------
>>> import powerindex as pi
>>> from powerindex import plot
>>> iraq = pi.WeightedGame([91, 89, 70, 57, 18], 163,
...                        players=["Iraqiya", "SoL", "INA", "Kurds", "Small"])
>>> figure = plot.power_vs_seats({"deadlock": pi.leverage(iraq)})
>>> figure.axes[0].get_xlabel()
'seat share'
"""

from ..errors import InvalidTypeError

__all__ = ["power_vs_seats", "scenario_changes", "compatibility_graph_figure", "save",
           "place_labels"]

_MARKERS = "osD^v<>p*h"


def _figure(ax, size):
    try:
        from matplotlib.figure import Figure
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError(
            "figures need matplotlib: pip install 'powerindex-toolkit[plot]'"
        ) from None
    if ax is not None:
        return ax.figure, ax
    figure = Figure(figsize=size, layout="constrained")
    return figure, figure.add_subplot()


def _power_column(table):
    for name in ("Shapley-Shubik", "Owen"):
        if name in table.columns:
            return name
    raise InvalidTypeError("the table has no Shapley-Shubik or Owen column; use pi.leverage()")


def power_vs_seats(tables, ax=None, title=None):
    """Scatter of power against seat share, one marker per scenario, with the diagonal.

    Points above the diagonal hold more power than seats.

    Parameters
    ----------
    tables : mapping of str to Table
        Scenario name to the table of :func:`~powerindex.leverage` for it.
    ax : matplotlib Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure
    """
    figure, ax = _figure(ax, (6.4, 5.2))
    top = 0.0
    points, labels = [], []
    for number, (name, table) in enumerate(tables.items()):
        shares = [float(v) for v in table.column("seat share")]
        power = [float(v) for v in table.column(_power_column(table))]
        marker = _MARKERS[number % len(_MARKERS)]
        ax.scatter(shares, power, marker=marker, s=48, label=name, alpha=0.85)
        points += zip(shares, power, strict=True)
        labels += [str(player) for player in table.column("player")]
        top = max(top, *shares, *power)
    limit = min(1.0, top * 1.15 + 0.02)
    ax.plot([0, limit], [0, limit], color="grey", linestyle="--", linewidth=1,
            label="power = seat share")
    ax.set_xlim(0, limit)
    ax.set_ylim(0, limit)
    place_labels(ax, points, labels)
    ax.set_xlabel("seat share")
    ax.set_ylabel("power (Shapley-Shubik, or Owen with unions)")
    ax.set_title(title or "Power against seat share")
    ax.legend(fontsize=8, loc="upper left")
    return figure


#: Offsets tried for a label, in points from its point: near first, then farther out.
_OFFSETS = [(dx * r, dy * r) for r in (5, 11, 18, 26, 36)
            for dx, dy in ((1, 1), (1, -1), (-1, 1), (-1, -1), (1, 0), (-1, 0), (0, 1),
                           (0, -1))]


def place_labels(ax, points, labels, fontsize=8):
    """Annotate each point with its label where the label overlaps no label placed before
    it and no point, trying offsets nearest first; a label moved away gets a thin leader.

    Label sizes are estimated from their length (0.6 of the font size a character), in
    display units of the axes' current limits, so set the limits first.
    """
    to_display = ax.transData.transform
    scale = ax.figure.dpi / 72.0  # points -> pixels
    char, height = 0.6 * fontsize * scale, 1.3 * fontsize * scale
    centres = [tuple(to_display(point)) for point in points]
    marks = [(x - 4 * scale, y - 4 * scale, x + 4 * scale, y + 4 * scale) for x, y in centres]
    placed = []
    for (x, y), label, point in zip(centres, labels, points, strict=True):
        width = char * len(label)
        choice = None
        for dx, dy in _OFFSETS:
            left = x + dx * scale - (width if dx < 0 else 0 if dx > 0 else width / 2)
            bottom = y + dy * scale - (height if dy < 0 else 0 if dy > 0 else height / 2)
            box = (left, bottom, left + width, bottom + height)
            if not any(_overlap(box, other) for other in placed + marks):
                choice = (dx, dy, box)
                break
        if choice is None:  # crowded: the nearest offset, overlapping
            dx, dy = _OFFSETS[0]
            choice = (dx, dy, (x, y, x + width, y + height))
        dx, dy, box = choice
        placed.append(box)
        ha = "left" if dx > 0 else "right" if dx < 0 else "center"
        va = "bottom" if dy > 0 else "top" if dy < 0 else "center"
        far = abs(dx) + abs(dy) > 12
        ax.annotate(label, point, textcoords="offset points", xytext=(dx, dy), ha=ha, va=va,
                    fontsize=fontsize,
                    arrowprops={"arrowstyle": "-", "color": "#999999", "linewidth": 0.6}
                    if far else None)


def _overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def scenario_changes(table, ax=None, title=None, kinds=None):
    """Grouped bars: each player's value in each scenario of a :func:`~powerindex.compare`
    table (players absent from a scenario, or inside a bloc, have no bar there).

    Parameters
    ----------
    table : Table
        As returned by :func:`~powerindex.compare`.
    ax : matplotlib Axes, optional
    title : str, optional
    kinds : mapping of str to str, optional
        What sets each scenario apart ("merged blocs", "a priori unions", ...; see
        :func:`powerindex.politics.leverage.scenario_kinds`), shown in the legend so that
        a merged scenario is told from a union one.

    Returns
    -------
    matplotlib.figure.Figure
    """
    kinds = kinds or {}
    scenarios = [c for c in table.columns
                 if c not in ("player", "members") and not c.startswith("change: ")]
    players = table.column("player")
    figure, ax = _figure(ax, (max(6.4, 1.1 * len(players) + 2), 4.8))
    width = 0.8 / max(1, len(scenarios))
    for number, scenario in enumerate(scenarios):
        values = table.column(scenario)
        xs = [i + number * width for i, v in enumerate(values) if v is not None]
        ys = [float(v) for v in values if v is not None]
        kind = kinds.get(scenario)
        ax.bar(xs, ys, width=width, label=f"{scenario} ({kind})" if kind else scenario)
    ax.set_xticks([i + width * (len(scenarios) - 1) / 2 for i in range(len(players))])
    ax.set_xticklabels(players, rotation=30, ha="right", fontsize=8)
    ax.set_ylabel(table.title.split(" across")[0])
    ax.set_title(title or table.title)
    ax.legend(fontsize=8)
    return figure


def compatibility_graph_figure(graph, power=None, seats=None, ax=None, title=None):
    """The compatibility graph drawn on a circle, node area proportional to power.

    Parameters
    ----------
    graph : networkx.Graph
        An edge joins two players who can govern together.
    power : mapping of str to number, optional
        Node sizes (e.g. a Shapley-Shubik result); equal sizes without it.
    seats : mapping of str to number, optional
        Shown under each name.
    ax : matplotlib Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure
    """
    import math

    figure, ax = _figure(ax, (5.6, 5.2))
    nodes = list(graph)
    positions = {
        node: (math.cos(math.pi / 2 - 2 * math.pi * i / len(nodes)),
               math.sin(math.pi / 2 - 2 * math.pi * i / len(nodes)))
        for i, node in enumerate(nodes)
    }
    for u, v in graph.edges():
        (x0, y0), (x1, y1) = positions[u], positions[v]
        ax.plot([x0, x1], [y0, y1], color="#888888", linewidth=1.2, zorder=1)
    largest = max((float(power[n]) for n in nodes), default=0) if power else 0
    for node in nodes:
        value = float(power[node]) if power else None
        size = 2400 * (value / largest) + 60 if value is not None and largest > 0 else 600
        x, y = positions[node]
        ax.scatter([x], [y], s=size, color="#4c72b0", alpha=0.8, zorder=2, edgecolors="white")
        label = node if seats is None else f"{node}\n{seats[node]} seats"
        if value is not None:
            label += f"\npower {value:.3f}"
        # Labels sit outside the circle of nodes, away from the edges.
        ha = "left" if x > 0.2 else "right" if x < -0.2 else "center"
        va = "bottom" if y > 0.2 else "top" if y < -0.2 else "center"
        ax.annotate(label, (x * 1.22, y * 1.22), ha=ha, va=va, fontsize=8, zorder=3)
    ax.set_xlim(-2.0, 2.0)
    ax.set_ylim(-1.8, 1.8)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title or "Compatibility graph (node area: power)")
    return figure


def save(figure, path):
    """Save a figure as PNG (or by the path's suffix) with no date or version stamped in,
    so that the same figure gives the same bytes."""
    from pathlib import Path

    suffix = Path(path).suffix.lower()
    metadata = {"Software": None} if suffix in ("", ".png") else {}
    if suffix == ".svg":
        metadata = {"Date": None}
    figure.savefig(path, dpi=110, metadata=metadata)
    return path
