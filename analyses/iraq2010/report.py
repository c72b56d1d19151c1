"""Build the Iraq 2010 kingmaker report: report.md, CSV tables and figures.

Only the public powerindex API is used. The report is generated, never edited by hand:
the same data and assumptions give the same bytes.
"""

from fractions import Fraction
from pathlib import Path

import powerindex as pi

from .._command import write_pages
from .._command import write_text as _write
from .model import (
    ASSUMPTIONS_FILE,
    GRAND_PACT,
    HERE,
    MODELS,
    NATIONAL_ALLIANCE,
    QUOTA,
    SEATS_FILE,
    SHORT_MODEL_NAMES,
    TOTAL_SEATS,
    build_game,
    read_assumptions,
    read_seats,
    scenarios,
)

# The government formed under the Erbil agreement (November 2010): a national unity
# government of the four big blocs (shared/context/iraq2010.md).
ERBIL_BLOCS = ("Iraqiya", "State of Law", "INA", "Kurds")


def _decimal(value, digits=4):
    return "-" if value is None else f"{float(value):.{digits}f}"


def _exact(value):
    if value is None:
        return "-"
    return f"{value} ({float(value):.4f})" if value.denominator != 1 else str(value)


def _verdict(before, after):
    if after == before:
        return "unchanged"
    if after > before:
        return "rises"
    if after <= before / 2:
        return "collapses"
    return "falls"


class Study:
    """Every number of the report, computed once."""

    def __init__(self, rows, assumptions):
        self.rows = rows
        self.assumptions = assumptions
        self.graph_names = list(assumptions["graphs"])
        self.cases = {
            (model, graph): scenarios(rows, assumptions, model, graph)
            for model in MODELS
            for graph in self.graph_names
        }
        self.tables = {
            (model, graph, case.key): pi.leverage(case.scenario.game, case.scenario.graph,
                                                  case.scenario.unions,
                                                  rule=case.scenario.rule)
            for (model, graph), cases in self.cases.items()
            for case in cases
        }

    def case(self, model, graph, key):
        return next(c for c in self.cases[model, graph] if c.key == key)

    def kurds_power(self, model, graph, key):
        """The Kurdish bloc's Shapley-Shubik index (Owen value with unions)."""
        case = self.case(model, graph, key)
        table = self.tables[model, graph, key]
        column = "Owen" if case.scenario.unions else "Shapley-Shubik"
        values = dict(zip(table.column("player"), table.column(column), strict=True))
        return sum((values[k] for k in case.kurds), Fraction(0))

    def formateur_view(self, model, graph, key):
        """(governing coalitions of the formateur, how many include a Kurdish party)."""
        case = self.case(model, graph, key)
        coalitions = pi.governing_coalitions(case.scenario.game, case.formateur,
                                             case.scenario.graph, rule=case.scenario.rule)
        with_kurds = [c for c in coalitions if set(c.members) & set(case.kurds)]
        return coalitions, with_kurds

    def headline_rows(self):
        rows = []
        for model in MODELS:
            for graph in self.graph_names:
                before = self.kurds_power(model, graph, "deadlock")
                merged = self.kurds_power(model, graph, "sadr-merged")
                union = self.kurds_power(model, graph, "sadr-union")
                gov_before, kurds_before = self.formateur_view(model, graph, "deadlock")
                gov_after, kurds_after = self.formateur_view(model, graph, "sadr-merged")
                share_before = Fraction(len(kurds_before), len(gov_before))
                share_after = Fraction(len(kurds_after), len(gov_after))
                rows.append({
                    "model": model, "graph": graph, "before": before, "merged": merged,
                    "union": union, "verdict_merged": _verdict(before, merged),
                    "verdict_union": _verdict(before, union),
                    "maliki_before": (len(kurds_before), len(gov_before)),
                    "alliance_after": (len(kurds_after), len(gov_after)),
                    "share_before": share_before, "share_after": share_after,
                    "verdict_formateur": _verdict(share_before, share_after),
                })
        return rows


# -- sections -------------------------------------------------------------------------------
def _markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _graph_title(study, graph):
    return study.assumptions["graphs"][graph]["title"]


def headline_section(study):
    rows = study.headline_rows()
    header = ["model of the small lists", "graph", "Kurds, deadlock", "2a merged",
              "verdict", "2b union (Owen)", "verdict", "Maliki's governments with Kurds",
              "the Alliance's, after merger", "verdict"]
    body = []
    for r in rows:
        body.append([MODELS[r["model"]][0], _graph_title(study, r["graph"]),
                     _exact(r["before"]), _exact(r["merged"]), r["verdict_merged"],
                     _exact(r["union"]), r["verdict_union"],
                     "{} of {}".format(*r["maliki_before"]),
                     "{} of {}".format(*r["alliance_after"]), r["verdict_formateur"]])
    design = next(r for r in rows if r["model"] == "blocs" and r["graph"] == "open")
    lines = [
        "## Headline: did the Kurds' leverage collapse when the Sadrists backed Maliki?",
        "",
        "Two measures of the Kurds' leverage, for the Kurdish bloc as a whole:",
        "",
        "- **power index**: their Shapley-Shubik index -- the probability of being pivotal"
        " -- in the game restricted by the graph (the Owen value when State of Law and INA"
        " form an a priori union instead of merging);",
        "- **formateur's view**: the share of Maliki's minimal winning governments (those"
        " the graph allows) that include a Kurdish party, before the merger, and of the"
        " National Alliance's after it: how much the prime minister-designate needs them.",
        "",
        "'Collapses' means the measure falls to half or less of its value in the deadlock.",
        "",
        _markdown_table(header, body),
        "",
        f"**In the plain game of the design card** (small lists as one block, no graph) the"
        f" Kurds' index goes from {_exact(design['before'])} to {_exact(design['merged'])}"
        f" when State of Law and INA merge: it **{design['verdict_merged']}**.",
        "",
        _tally_line(study, rows, "verdict_merged", "power index, merged"),
        _tally_line(study, rows, "verdict_union", "power index, union"),
        _tally_line(study, rows, "verdict_formateur", "formateur's view"),
        "",
        _why_paragraph(study, rows),
    ]
    return "\n".join(lines)


def _choices(study, selection):
    return "; ".join(f"{SHORT_MODEL_NAMES[r['model']]} / {_graph_title(study, r['graph'])}"
                     for r in selection)


def _tally_line(study, rows, key, label):
    parts = []
    for verdict in ("collapses", "falls", "unchanged", "rises"):
        selection = [r for r in rows if r[key] == verdict]
        if selection:
            parts.append(f"{verdict} in {len(selection)} ({_choices(study, selection)})")
    return f"- **{label}**: " + "; ".join(parts) + "."


def _partners_after_merger(study, model, graph):
    """The single partners that take the National Alliance to the quota (feasibly)."""
    case = study.case(model, graph, "sadr-merged")
    coalitions = pi.governing_coalitions(case.scenario.game, NATIONAL_ALLIANCE,
                                         case.scenario.graph, rule=case.scenario.rule)
    return [c for c in coalitions if len(c.members) == 2]


def _why_paragraph(study, rows):
    game = build_game(study.rows, "blocs")
    alliance = game.weight_of(study.assumptions["pacts"]["sadr_backs_maliki"])
    lines = [
        f"**Why.** Merged, State of Law and INA hold {alliance} seats and need"
        f" {QUOTA - alliance} more. The single partners that can supply them, with no graph:",
        "",
    ]
    for model in MODELS:
        pairs = _partners_after_merger(study, model, "open")
        names = [next(m for m in c.members if m != NATIONAL_ALLIANCE) for c in pairs]
        listed = ", ".join(f"{name} ({c.seats - alliance})"
                           for name, c in zip(names, pairs, strict=True))
        lines.append(f"- {MODELS[model][0]}: {len(pairs)} -- {listed}.")
    locked_out = [r for r in rows if r["alliance_after"][0] == 0]
    joinable = [r for r in rows if r["alliance_after"][0] > 0]
    not_up = [r for r in joinable if r["verdict_merged"] not in ("rises", "unchanged")]
    substitutes = [r for r in joinable if r["verdict_formateur"] == "collapses"]
    index_collapse = [r for r in rows if r["verdict_merged"] == "collapses"]
    lines += [
        "",
        "The merger takes a large player out of the game, so fewer players share the pivot."
        + (" Wherever the Kurds can still govern with the alliance, their index rises or"
           " stays the same." if joinable and not not_up else
           " Where the Kurds can still govern with the alliance their index rises or stays,"
           f" except under: {_choices(study, not_up)}." if joinable else ""),
        "",
        ("Where a bloc containing INA inherits the Sadrists' red line against the Kurds"
         f" ({_choices(study, locked_out)}), the merger locks the Kurds out of every"
         " government the alliance can lead: the formateur's view collapses to zero."
         + (" The power index only falls there, since the Kurds can still complete a"
            " majority against the alliance."
            if all(r["verdict_merged"] == "falls" for r in locked_out) else ""))
        if locked_out else "",
        "",
        ("Elsewhere the formateur's view collapses where many partners can each bring the"
         f" alliance's 4 missing seats ({_choices(study, substitutes)}): every one of them"
         " is a substitute for the Kurds.") if substitutes else
        "Elsewhere the formateur's view never falls to half.",
        "",
        ("The power index collapses under: " + _choices(study, index_collapse) + ".")
        if index_collapse else
        "**Under no modelling choice here does the Kurds' power index collapse.** The"
        " collapse of the story is the formateur's: after the merger the Kurds sit in a"
        " smaller share of the governments Maliki's camp can form (or in none), but they"
        " keep their ability to decide majorities.",
    ]
    return "\n".join(lines)


def erbil_section(study):
    game = build_game(study.rows, "blocs")
    seats = game.weight_of(ERBIL_BLOCS)
    critical = [b for b in ERBIL_BLOCS if not game.is_winning(set(ERBIL_BLOCS) - {b})]
    theories = pi.coalition_theories(game)
    rows = study.headline_rows()
    lines = [
        "## What happened: the Erbil agreement (November 2010)",
        "",
        f"The agreement produced a national unity government of {', '.join(ERBIL_BLOCS)}:"
        f" {seats} of {TOTAL_SEATS} seats, with Maliki as prime minister, the Kurds' Jalal"
        f" Talabani as president and Iraqiya's Osama al-Nujaifi as speaker.",
        "",
        f"- It is an oversized coalition: {'no member' if not critical else ', '.join(critical)}"
        f" {'was' if len(critical) <= 1 else 'were'} critical to its majority. None of the"
        f" {len(theories['minimal winning'])} minimal winning coalitions of the design-card"
        " game predicts it; the minimum-weight coalition (Riker) would have been"
        f" {theories['minimum weight'][0]}.",
        "- The Kurds were not dropped: they joined and took the presidency. That fits the"
        " choices under which their power index held up or rose after the merger"
        f" ({sum(1 for r in rows if r['verdict_merged'] in ('rises', 'unchanged'))} of"
        f" {len(rows)}) better than a collapse; the formateur's view, where the collapse"
        f" shows in {sum(1 for r in rows if r['verdict_formateur'] == 'collapses')} choices,"
        " describes what the alliance could have done -- govern with a small list alone --"
        " rather than what it did.",
        "- The surplus members (Iraqiya above all) point to what a seat-based game leaves"
        " out: outside pressure to include the Sunni-backed list, and the value of a larger"
        " majority for a government's survival.",
        "",
        "Power indices measure the leverage that seats give; the unity government shows that"
        " the final bargain also priced in what the seats do not.",
    ]
    return "\n".join(lines)


def models_section(study):
    lines = ["## The parliament and its four models", "",
             f"{TOTAL_SEATS} seats; a prime minister needs an absolute majority of {QUOTA}."
             " The small lists (18 seats) and the Kurdish parties (57) can be counted as"
             " blocs or list by list:", ""]
    for model, (title, _) in MODELS.items():
        game = build_game(study.rows, model)
        seats = ", ".join(f"{p} {w}" for p, w in zip(game.players, game.weights, strict=True))
        lines.append(f"- **{title}** ({game.n} players): {seats}.")
    lines += ["", "Seats: certified results of the Independent High Electoral Commission of"
              " Iraq, upheld by the Federal Supreme Court in June 2010 (`seats.csv`)."]
    return "\n".join(lines)


def graphs_section(study, figures):
    lines = ["## Who can govern with whom: the compatibility graphs", "",
             "Stated as assumptions in `assumptions.toml` (one line to change one). A"
             f" government must be a **{study.assumptions['rule']}** of the graph"
             " (every pair of its members compatible)." if study.assumptions["rule"] ==
             "clique" else "A government must be connected in the graph.", ""]
    for graph in study.graph_names:
        spec = study.assumptions["graphs"][graph]
        pairs = "; ".join(" x ".join(p) for p in spec["incompatible"]) or "none"
        lines.append(f"- **{spec['title']}** -- {spec['assumption']} Incompatible: {pairs}.")
    lines += ["", f"![The compatibility graphs, node area by power]({figures['graphs']})"]
    return "\n".join(lines)


def _feasible_winning(case):
    """The coalitions that can form under the graph and win, smallest first, with their
    critical members (whose exit leaves a coalition that loses or cannot form)."""
    game, graph = case.scenario.game, case.scenario.graph
    effective = case.scenario.effective_game
    players = game.players
    found = []
    for mask in range(1, 1 << len(players)):
        members = [p for i, p in enumerate(players) if mask >> i & 1]
        if case.scenario.rule == "connected":
            if not pi.is_connected_coalition(graph, members):
                continue
        elif any(not graph.has_edge(a, b) for a in members for b in members if a < b):
            continue
        if not game.is_winning(members):
            continue
        critical = [p for p in members if not effective.is_winning(set(members) - {p})]
        found.append((len(members), mask, members, critical))
    return [(members, critical) for _, _, members, critical in sorted(found)]


def coalitions_section(study):
    lines = ["## Which coalitions can form, and who is pivotal in each", "",
             "Design-card model. Every coalition that can form under the graph (all its"
             " members pairwise compatible, or connected under the 'connected' rule) and"
             " reaches 163 seats, with its critical"
             " members: those whose exit leaves it short of a majority. A coalition whose"
             " every member is critical is minimal winning.", ""]
    for key in ("deadlock", "sadr-merged"):
        for graph in study.graph_names:
            case = study.case("blocs", graph, key)
            game = case.scenario.game
            found = _feasible_winning(case)
            lines.append(f"**{case.title}, {_graph_title(study, graph)}**"
                         f" ({len(found)} coalitions):")
            lines.append("")
            for members, critical in found:
                seats = game.weight_of(members)
                lines.append(f"- {' + '.join(members)} ({seats} seats) -- critical:"
                             f" {', '.join(critical) or 'none'}")
            lines.append("")
    return "\n".join(lines)


def scenario_section(study, model, graph, figures):
    cases = study.cases[model, graph]
    compare = pi.compare({c.label: c.scenario for c in cases}, baseline="1")
    lines = [f"### {MODELS[model][0]} -- {_graph_title(study, graph)}", "",
             "Shapley-Shubik index (Owen value in the union scenarios 2b and 3b) of each"
             " player in each scenario, and the change from the deadlock (1):", "",
             compare.to_markdown(), ""]
    if (model, graph) in figures.get("changes", {}):
        lines += [f"![Power across scenarios]({figures['changes'][model, graph]})", ""]
    return "\n".join(lines)


def leverage_appendix(study):
    lines = ["## Appendix: leverage tables, design-card model", "",
             "Every scenario under every graph: seats, seat share, Shapley-Shubik (Owen with"
             " unions), Banzhaf (Banzhaf-Owen, normalized, with unions), swings, leverage"
             " (power / seat share), minimal winning coalitions that can form and contain"
             " the player, veto and dummy flags. The other models' tables are in"
             " `tables/` as CSV.", ""]
    for graph in study.graph_names:
        for case in study.cases["blocs", graph]:
            table = study.tables["blocs", graph, case.key]
            lines += [f"### {case.title} -- {_graph_title(study, graph)}", "",
                      table.to_markdown(), ""]
    return "\n".join(lines)


def method_section():
    return "\n".join([
        "## Method and caveats", "",
        "- Games: weighted majority games `[163; seats...]`; merged blocs add their seats"
        " (powerindex `WeightedGame.merge`); an a priori union keeps its members as players"
        " who bargain together (Owen 1977; `powerindex.owen`).",
        "- Graphs restrict which coalitions can form (`powerindex.restrict`); indices are then"
        " those of the restricted game. A merged bloc is compatible with a party only if"
        " every member is (`powerindex.merge_graph`). In the grand-coalition scenarios the"
        " deal is taken to settle the quarrels among its members.",
        "- All values are exact fractions computed by powerindex; decimals are rounded for"
        " reading only. The regression tests recompute the key numbers by brute force.",
        "- Seats are the whole story of these games: money, patrons abroad (the United"
        " States, Iran, Turkey, the Gulf states, Syria), ministries and personal vetoes enter"
        " only through the graphs.",
    ])


# -- files ------------------------------------------------------------------------------------
def write_tables(study, out_dir):
    for (model, graph, key), table in study.tables.items():
        _write(out_dir / "tables" / f"leverage-{model}-{graph}-{key}.csv", table.to_csv())
    for (model, graph), cases in study.cases.items():
        compare = pi.compare({c.key: c.scenario for c in cases}, baseline="deadlock")
        _write(out_dir / "tables" / f"compare-{model}-{graph}.csv", compare.to_csv())
    rows = study.headline_rows()
    headline = pi.Table(
        ["model", "graph", "kurds_deadlock", "kurds_sadr_merged", "verdict_merged",
         "kurds_sadr_union", "verdict_union"],
        [[r["model"], r["graph"], r["before"], r["merged"], r["verdict_merged"], r["union"],
          r["verdict_union"]] for r in rows])
    _write(out_dir / "tables" / "headline.csv", headline.to_csv())


def write_figures(study, out_dir):
    """Draw the figures; returns their paths relative to the report."""
    from matplotlib.figure import Figure

    from powerindex import plot

    folder = out_dir / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    figures = {"changes": {}}

    power = {case.title.split(":")[0]: study.tables["blocs", "open", case.key]
             for case in study.cases["blocs", "open"] if case.key in ("deadlock", "sadr-merged")}
    plot.save(plot.power_vs_seats(power, title="Design card: power against seats"),
              folder / "power-vs-seats.png")
    figures["power"] = "figures/power-vs-seats.png"

    for graph in ("open", "sectarian"):
        if graph not in study.graph_names:
            continue
        cases = study.cases["blocs", graph]
        compare = pi.compare({c.title.split(":")[0]: c.scenario for c in cases},
                             baseline=cases[0].title.split(":")[0])
        name = f"changes-blocs-{graph}.png"
        plot.save(plot.scenario_changes(compare, title=f"Design card, {_graph_title(study, graph)}"
                                        ": power by scenario"), folder / name)
        figures["changes"]["blocs", graph] = f"figures/{name}"

    columns = 2
    rows_of_axes = -(-len(study.graph_names) // columns)
    figure = Figure(figsize=(5.6 * columns, 5.0 * rows_of_axes), layout="constrained")
    axes = figure.subplots(rows_of_axes, columns, squeeze=False).ravel()
    for ax in axes[len(study.graph_names):]:
        ax.axis("off")
    for ax, graph in zip(axes, study.graph_names, strict=False):
        case = study.case("blocs", graph, "deadlock")
        table = study.tables["blocs", graph, "deadlock"]
        values = dict(zip(table.column("player"), table.column("Shapley-Shubik"), strict=True))
        seats = dict(zip(case.scenario.game.players, case.scenario.game.weights, strict=True))
        plot.compatibility_graph_figure(case.scenario.graph, values, seats, ax=ax,
                                        title=_graph_title(study, graph))
    plot.save(figure, folder / "graphs.png")
    figures["graphs"] = "figures/graphs.png"

    figure = Figure(figsize=(9.5, 4.8), layout="constrained")
    ax = figure.add_subplot()
    rows = study.headline_rows()
    labels = [f"{r['model']}\n{r['graph']}" for r in rows]
    for offset, (key, label) in enumerate([("before", "deadlock"), ("merged", "2a merged"),
                                           ("union", "2b union (Owen)")]):
        ax.bar([i + (offset - 1) * 0.27 for i in range(len(rows))],
               [float(r[key]) for r in rows], width=0.27, label=label)
    ax.set_xticks(range(len(rows)))
    ax.set_xticklabels(labels, fontsize=7)
    ax.set_ylabel("Kurds' Shapley-Shubik / Owen")
    ax.set_title("The Kurds' power before and after the Sadrists back Maliki")
    ax.legend(fontsize=8)
    plot.save(figure, folder / "kurds-headline.png")
    figures["headline"] = "figures/kurds-headline.png"
    return figures


def build_report(study, figures):
    parts = [
        "# Iraq 2010: who held the balance after the election of 7 March 2010",
        "",
        "Generated by `make report` from `seats.csv` and `assumptions.toml` in this folder;"
        " do not edit by hand. Every index is exact; fractions are shown with their decimals.",
        "",
        headline_section(study),
        "",
        f"![The Kurds' power before and after, under every modelling choice]"
        f"({figures['headline']})",
        "",
        erbil_section(study),
        "",
        models_section(study),
        "",
        graphs_section(study, figures),
        "",
        "## Scenarios",
        "",
        "- **1. Deadlock** (March to September 2010): the election result, no pacts.",
        "- **2. Sadr backs Maliki** (1 October 2010): State of Law and INA act together,"
        f" **2a** merged into one bloc ('{NATIONAL_ALLIANCE}', 159 seats) or **2b** as an a"
        " priori union whose members keep their identities and bargain together.",
        "- **3. Grand coalition talk**: Maliki, Allawi and Sadr, **3a** merged"
        f" ('{GRAND_PACT}', 250 seats) or **3b** as a union. The deal is taken to settle"
        " the quarrels among its members, whatever the graph.",
        "",
        f"![Power against seat share]({figures['power']})",
        "",
    ]
    for graph in study.graph_names:
        parts.append(scenario_section(study, "blocs", graph, figures))
    parts += ["## Sensitivity: how the small lists are counted", "",
              "The same scenarios with the small lists (and the Kurdish parties) counted"
              " differently, without a graph:", ""]
    for model in MODELS:
        if model != "blocs":
            parts.append(scenario_section(study, model, "open", figures))
    parts += [coalitions_section(study), "", method_section(), "", leverage_appendix(study)]
    return "\n".join(parts).rstrip() + "\n"


def write_report(out_dir=HERE, seats_file=SEATS_FILE, assumptions_file=ASSUMPTIONS_FILE):
    """Write report.md, report.html, tables/ and figures/ into ``out_dir``; return the
    report's path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    study = Study(read_seats(seats_file), read_assumptions(assumptions_file))
    figures = write_figures(study, out_dir)
    write_tables(study, out_dir)
    return write_pages(out_dir, build_report(study, figures))
