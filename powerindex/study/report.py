"""The report of a parliament: report.md, a self-contained report.html, CSV tables and figures.

:func:`write_report` writes, into one folder, everything a :class:`~powerindex.study.Study`
computes: the Markdown report, the same report as one HTML page (figures embedded, readable
on a phone), every table as CSV in ``tables/`` and the figures as PNG in ``figures/``. The
same game file gives the same bytes.

The analyst's own words go into *slots*: a narrative is a mapping from slot name to
Markdown (or the text of a file whose slots are marked ``<!-- slot: NAME -->``), placed at
the head of the section of that name: ``summary`` (under the title), ``parliament``,
``power``, ``leverage``, ``scenarios``, ``formateur``, ``theories``, ``positions``,
``bargaining``, ``governments``, ``sensitivity``, ``method`` and ``sources``.
"""

import re
from pathlib import Path

from ..errors import ReportError
from ..politics.leverage import scenario_kinds
from ..present.html import markdown_page
from .model import BASE, Study

__all__ = ["write_report", "write_pages", "report_markdown", "read_narrative", "SLOTS"]

SLOTS = ("summary", "parliament", "power", "leverage", "scenarios", "formateur", "theories",
         "positions", "bargaining", "governments", "sensitivity", "method", "sources")
#: The sections of a report, in order (each may be moved into the appendix).
SECTIONS = ("parliament", "power", "leverage", "scenarios", "formateur", "theories",
            "positions", "bargaining", "governments", "sensitivity", "method", "sources")
_SLOT = re.compile(r"^<!--\s*slot:\s*([\w-]+)\s*-->\s*$", re.MULTILINE)


def read_narrative(text):
    """The slots of a narrative file: ``<!-- slot: NAME -->`` lines start each one.

    Examples
    --------
    >>> read_narrative("<!-- slot: summary -->\\nWho decides?\\n\\n<!-- slot: power -->\\nA.")
    {'summary': 'Who decides?', 'power': 'A.'}
    """
    parts = _SLOT.split(text)
    if parts[0].strip():
        raise ReportError("a narrative starts with a slot line such as '<!-- slot: summary -->'")
    slots = {}
    for name, body in zip(parts[1::2], parts[2::2], strict=True):
        if name not in SLOTS:
            raise ReportError(f"unknown slot {name!r}; the slots are {', '.join(SLOTS)}")
        if name in slots:
            raise ReportError(f"the slot {name!r} is given twice")
        slots[name] = body.strip()
    return slots


def _check_narrative(narrative):
    if narrative is None:
        return {}
    if isinstance(narrative, str):
        return read_narrative(narrative)
    unknown = [name for name in narrative if name not in SLOTS]
    if unknown:
        raise ReportError(f"unknown slot {unknown[0]!r}; the slots are {', '.join(SLOTS)}")
    return dict(narrative)


class _Writer:
    """The sections of one report, with the tables and figures they refer to."""

    def __init__(self, study, narrative, figures, appendix=()):
        self.study = study
        self.narrative = narrative
        self.appendix = tuple(appendix)
        self.figures = figures  # name -> path relative to the report
        self.tables = {}  # file stem -> Table, written as CSV

    def slot(self, name):
        text = self.narrative.get(name)
        return [text, ""] if text else []

    def table(self, stem, table):
        self.tables[stem] = table
        return [f"**{table.title}**", "", table.to_markdown(), "",
                f"([CSV](tables/{stem}.csv))", ""]

    def figure(self, name, caption):
        return [f"![{caption}]({self.figures[name]})", ""] if name in self.figures else []

    # -- sections -----------------------------------------------------------------------------
    def parliament(self):
        study, spec = self.study, self.study.spec
        lines = ["## The parliament", "", *self.slot("parliament")]
        lines += self.table("seats", study.seats_table())
        if spec.quota_share is not None:
            lines += [f"The quota is stated as {spec.quota_share}: {spec.game.quota} seats.", ""]
        if spec.graph is not None:
            missing = [f"{a} and {b}" for i, a in enumerate(spec.game.players)
                       for b in spec.game.players[i + 1:] if not spec.graph.has_edge(a, b)]
            lines += [f"**Who can govern with whom**: {study.rule_words()}. Pairs that cannot"
                      f" sit together: {'; '.join(missing) or 'none'}.", ""]
            lines += self.figure("graph", f"{study.title}: the compatibility graph")
        if spec.unions:
            unions = (spec.unions.items() if hasattr(spec.unions, "items")
                      else (("+".join(map(str, u)), u) for u in spec.unions))
            listed = "; ".join(f"{name}: {', '.join(map(str, members))}"
                               for name, members in unions)
            lines += [f"**A priori unions** (parties that bargain together): {listed}.", ""]
        if spec.order is not None:
            lines += [f"**Ideological order**, left to right: {', '.join(spec.order)}.", ""]
        return lines

    def power(self):
        lines = ["## Power", "", *self.slot("power")]
        lines += ["Exact values (fractions, with their decimals) of the base game"
                  + (", restricted by the compatibility graph" if self.study.spec.graph
                     is not None else "") + ".", ""]
        lines += self.table("power-base", self.study.power_table(BASE))
        lines += self.figure("power", f"{self.study.title}: power against seat share")
        return lines

    def leverage(self):
        lines = ["## Kingmakers: power against seats", "", *self.slot("leverage")]
        for name in self.study.scenarios:
            lines += [f"### {name}", ""]
            lines += self.table(f"leverage-{_stem(name)}", self.study.leverage_table(name))
        return lines

    def scenarios(self):
        study = self.study
        lines = ["## Scenarios side by side", "", *self.slot("scenarios")]
        described = [f"- **{name}**: {change.description}"
                     for name, change in study.spec.changes.items() if change.description]
        if described:
            lines += [*described, ""]
        if len(study.scenarios) == 1:
            return lines + ["The file states no scenario besides its base game.", ""]
        lines += ["Each player's Shapley-Shubik index (the Owen value where the scenario has"
                  " a priori unions) in every scenario, and the change from the base game."
                  " A merged bloc is traced through its members: where they act"
                  " separately, its row shows the sum of their values; a party split into"
                  " parts keeps its row, the sum of its parts; a renamed party keeps the row"
                  " of its first name.", ""]
        lines += self.table("scenarios-shapley-shubik", study.comparison("shapley_shubik"))
        lines += self.figure("scenarios", f"{study.title}: power across scenarios")
        lines += self.table("scenarios-banzhaf", study.comparison("banzhaf"))
        return lines

    def formateur(self):
        lines = ["## The formateur's partners", "", *self.slot("formateur")]
        lines += ["The party asked to form a government"
                  + (f" ({self.study.formateur})" if self.study.formateur else
                     " (here the largest party)") + ", the minimal winning coalitions it can"
                  " lead, and the partners it cannot do without (pivotal).", ""]
        for name in self.study.scenarios:
            table = self.study.partners_table(name)
            lines += [f"### {name}", "", *table.notes, ""]
            if table.rows:
                lines += self.table(f"partners-{_stem(name)}", table)
        return lines

    def theories(self):
        lines = ["## What the coalition theories predict", "", *self.slot("theories")]
        lines += self.table("theories-base", self.study.theories_table(BASE))
        return lines

    def sensitivity(self):
        study = self.study
        lines = ["## Sensitivity: every graph and every scenario", "",
                 *self.slot("sensitivity"),
                 "The scenario comparison again, under each compatibility graph of the file"
                 " and under none: each scenario's changes are applied to that graph, in"
                 " place of the graph the scenario names, so that a conclusion that holds"
                 " under one set of exclusions only shows here.", ""]
        for graph_name in study.graphs:
            table = study.comparison("shapley_shubik", graph_name)
            lines += [f"### {graph_name}", ""]
            lines += self.table(f"sensitivity-{_stem(graph_name)}", table)
        return lines

    def method(self):
        spec = self.study.spec
        lines = ["## Method", "", *self.slot("method"),
                 "- Every value is exact: fractions computed by powerindex, shown with their"
                 " decimals (rounded for reading only).",
                 "- The game is a weighted majority game: a coalition wins when its seats"
                 f" reach the quota ({spec.game.quota} of {spec.game.total_weight}).",
                 "- A merged bloc adds its members' seats and is compatible with a party only"
                 " if every member is; an a priori union keeps its members as players who"
                 " bargain together (Owen value)."]
        if spec.graph is not None:
            lines.append(f"- The compatibility graph restricts which coalitions can form:"
                         f" {self.study.rule_words()}; the indices are those of the"
                         " restricted game.")
        return lines + [""]

    def positions(self):
        study = self.study
        median, spatial = study.median_table(), study.spatial_table()
        if median is None:
            return []
        lines = ["## Positions: the median party and spatial power", "",
                 *self.slot("positions")]
        lines += self.table("median-party", median)
        if spatial is not None:
            lines += ["The Shapley-Owen index: for a random direction of the policy space,"
                      " the parties line up by their projection, and the index is the chance"
                      " of being the pivot.", ""]
            lines += self.table("shapley-owen", spatial)
        return lines

    def bargaining(self):
        lines = ["## Bargaining: who gets what (Baron-Ferejohn)", "",
                 *self.slot("bargaining"),
                 "Each round a party is recognised to propose a division of the gains of"
                 " office; it buys the cheapest partners that make a majority, each at what"
                 " it expects if the proposal fails (the stationary equilibrium of Baron and"
                 " Ferejohn 1989). The payoff is what a party expects before the first"
                 " proposal.", ""]
        lines += self.table("bargaining-base", self.study.bargaining_table())
        return lines

    def governments(self):
        tables = self.study.government_tables()
        if not tables:
            return []
        lines = ["## The governments that formed: offices against seats", "",
                 *self.slot("governments"),
                 "Gamson's law predicts that a government's parties share its offices in"
                 " proportion to the seats they bring; the tables set the offices each"
                 " party held against that prediction and against its power.", ""]
        for number, (government, table) in enumerate(tables, start=1):
            date = f" ({government.date})" if government.date else ""
            lines += [f"### {government.name}{date}", ""]
            lines += self.table(f"government-{number}", table)
        if len(self.study.spec.governments) > 1:
            fit = self.study.gamson_fit().to_table()
            fit.title = self.study.heading("office share on seat share across the governments")
            lines += self.table("gamson-fit", fit)
        return lines

    def sources(self):
        spec = self.study.spec
        lines = ["## Sources", "", *self.slot("sources")]
        cited = _cited(spec)
        for key, source in spec.sources.items():
            backs = "; ".join(cited.get(key, [])) or "cited by the file"
            lines.append(f"- [{key}] {source.cite()} -- for: {backs}.")
        if spec.sources:
            lines.append("")
        assumptions = [what for what, note in _described_notes(spec) if note.assumption]
        if assumptions:
            lines += ["**Assumptions** (the analyst's, not facts of the record):", ""]
            lines += [f"- {what}" for what in assumptions] + [""]
        unsourced = [p for p in spec.game.players
                     if not getattr(spec.notes.get(("party", p)), "sources", ())]
        if unsourced and spec.sources:
            lines += [f"Seats without a source in the file: {', '.join(map(str, unsourced))}.",
                      ""]
        if not spec.sources and not self.narrative.get("sources"):
            lines += ["The game file names no sources: every seat count, graph edge and"
                      " assumption above is the file's.", ""]
        return lines

    def markdown(self):
        title = self.study.title
        lines = [f"# {title}", "", *self.slot("summary"),
                 "Generated by powerindex from its game file; every value is exact.", ""]
        later = []
        for name in SECTIONS:
            section = getattr(self, name)()
            if name in self.appendix:
                later += [_demoted(line) for line in section]
            else:
                lines += section
        if later:
            lines += ["## Appendix: the long tables", "", *later]
        return "\n".join(line for line in lines).rstrip() + "\n"


def _demoted(line):
    """A heading one level down (a section moved into the appendix)."""
    return "#" + line if line.startswith("## ") or line.startswith("### ") else line


def _described_notes(spec):
    """``(what, note)`` for every note of the file, the item said in words."""
    for key, note in spec.notes.items():
        kind = key[0]
        if kind == "party":
            what = f"the seats of {key[1]}"
        elif kind == "pair":
            a, b = sorted(map(str, key[2]))
            graph = "the graph" if key[1] is None else f"graph {key[1]!r}"
            what = f"{a} and {b} in {graph}"
        elif kind == "graph" and key[1] is None:
            what = "the compatibility graph"
        elif kind == "graph":
            named = spec.graphs.get(key[1])
            said = [text for text in (getattr(named, "title", ""),
                                      getattr(named, "description", "")) if text]
            what = f"graph {key[1]!r}" + (f", {': '.join(said)}" if said else "")
        else:
            what = f"{kind} {key[1]!r}"
        if note.note:
            what += f" ({note.note})"
        yield what, note


def _cited(spec):
    """Source key -> the items that cite it, in words."""
    cited = {}
    for what, note in _described_notes(spec):
        for key in note.sources:
            cited.setdefault(key, []).append(what)
    return cited


def _stem(name):
    return re.sub(r"[^a-z0-9]+", "-", str(name).lower()).strip("-") or "scenario"


def report_markdown(study, narrative=None, figures=None, appendix=()):
    """``(markdown, tables)``: the report's text and its tables by file stem."""
    unknown = [name for name in appendix if name not in SECTIONS]
    if unknown:
        raise ReportError(f"unknown section {unknown[0]!r} for the appendix; the sections"
                          f" are {', '.join(SECTIONS)}")
    writer = _Writer(study, _check_narrative(narrative), figures or {}, appendix)
    return writer.markdown(), writer.tables


def _write_figures(study, folder):
    """Draw the figures into ``folder``; their paths relative to the report, by name."""
    from ..present import plot

    folder.mkdir(parents=True, exist_ok=True)
    figures = {}
    tables = {name: study.leverage_table(name) for name in study.scenarios}
    power = plot.power_vs_seats(tables, title=study.heading("power against seat share"))
    plot.save(power, folder / "power-vs-seats.png")
    figures["power"] = "figures/power-vs-seats.png"
    if len(study.scenarios) > 1:
        changes = plot.scenario_changes(
            study.comparison("shapley_shubik"),
            title=study.heading("Shapley-Shubik (Owen with unions) by scenario"),
            kinds=scenario_kinds(study.scenarios))
        plot.save(changes, folder / "scenarios.png")
        figures["scenarios"] = "figures/scenarios.png"
    if study.spec.graph is not None:
        base = study.scenarios[BASE]
        figure = plot.compatibility_graph_figure(
            base.graph, power=base.power("shapley_shubik"),
            seats=dict(zip(base.game.players, base.game.weights, strict=True)),
            title=study.heading("compatibility graph (node area: power)"))
        plot.save(figure, folder / "graph.png")
        figures["graph"] = "figures/graph.png"
    return figures


def write_report(source, out_dir, *, narrative=None, formateur=None, figures=True,
                 appendix=()):
    """Write the report of a parliament: report.md, report.html, tables/ and figures/.

    Parameters
    ----------
    source : str, os.PathLike, GameSpec or Study
        A game file (TOML, JSON or CSV; see ``docs/file-format.md``), its content, or a
        study of it.
    out_dir : str or os.PathLike
        The folder to write into (created if missing).
    narrative : mapping of str to str, or str, optional
        The analyst's words by slot (see the module's description), or the text of a
        narrative file with ``<!-- slot: NAME -->`` lines.
    formateur : player name, optional
        The party asked to form a government (default: the largest of each scenario).
    figures : bool, optional
        Draw the figures (needs matplotlib, the ``plot`` extra); default True.
    appendix : sequence of str, optional
        Sections to move after the others, into an appendix (``"leverage"``,
        ``"sensitivity"``, ...: any of ``SECTIONS``), so that the report opens with the
        summary and the sections the reader needs first.

    Returns
    -------
    pathlib.Path
        The path of report.md.

    Raises
    ------
    GameFileError
        The game file cannot be read (the message names file, line and field).
    ReportError
        A narrative with an unknown slot, or an unknown section for the appendix.

    Examples
    --------
    >>> import tempfile
    >>> import powerindex as pi
    >>> spec = pi.readwrite.loads('title = "Demo"\\nmajority = true\\n'
    ...     'parties = [{ name = "A", seats = 5 }, { name = "B", seats = 4 },'
    ...     ' { name = "C", seats = 3 }]', "toml")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pi.write_report(spec, folder, figures=False)
    ...     text = path.read_text(encoding="utf-8")
    >>> text.splitlines()[0]
    '# Demo'
    >>> "| A | 5 | 5/12 (0.4167) |" in text
    True
    """
    from ..readwrite import read_game
    from ..readwrite.spec import GameSpec

    if isinstance(source, Study):
        study = source
    else:
        spec = source if isinstance(source, GameSpec) else read_game(source)
        study = Study(spec, formateur=formateur)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    drawn = _write_figures(study, out / "figures") if figures else {}
    text, tables = report_markdown(study, narrative, drawn, appendix)
    return write_pages(out, text, tables)


def write_pages(out_dir, markdown, tables=None):
    """Write a report of your own: report.md, report.html and its tables as CSV.

    For an analysis that builds its own Markdown (a council whose rule is no weighted
    majority game, say) and wants the same files as :func:`write_report`: ``report.md``,
    ``report.html`` (one self-contained page, figures embedded, readable on a phone) and
    ``tables/<stem>.csv`` for each table. Figures the Markdown refers to are read from
    ``out_dir`` when the page is built, so save them first.

    Parameters
    ----------
    out_dir : str or os.PathLike
        The folder to write into (created if missing).
    markdown : str
        The report.
    tables : mapping of str to Table, optional
        Tables to write as ``tables/<stem>.csv``, by file stem.

    Returns
    -------
    pathlib.Path
        The path of report.md.

    Examples
    --------
    >>> import tempfile
    >>> import powerindex as pi
    >>> table = pi.shapley_shubik(pi.WeightedGame([2, 1, 1], 3)).to_table()
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pi.write_pages(folder, "# Three voters\\n\\n" + table.to_markdown(),
    ...                           {"power": table})
    ...     print(path.name, sorted(p.name for p in path.parent.rglob("*.*")))
    report.md ['power.csv', 'report.html', 'report.md']
    """
    out = Path(out_dir)
    for stem, table in (tables or {}).items():
        _write(out / "tables" / f"{stem}.csv", table.to_csv())
    _write(out / "report.md", markdown)
    _write(out / "report.html", markdown_page(markdown, base_dir=out))
    return out / "report.md"


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")

