"""Build the UK 2010 hung-parliament report: report.md, CSV tables and figures.

Only the public powerindex API is used. The report is generated, never edited by hand: the
same data and assumptions give the same bytes.
"""

from fractions import Fraction
from pathlib import Path

import powerindex as pi

from .._command import write_pages
from .._command import write_text as _write
from .model import (
    ASSUMPTIONS_FILE,
    HERE,
    SEATS_FILE,
    SPEAKER,
    TOTAL_SEATS,
    build_game,
    build_graph,
    counted_members,
    order_for,
    read_assumptions,
    read_seats,
)

KINGMAKER = "Lib Dem"
FORMATEURS = ("Conservative", "Labour")
# What happened: the Conservative-Liberal Democrat coalition agreed on 11 May 2010.
FORMED = ("Conservative", "Lib Dem")

SOURCES = [
    "House of Commons Library, *General Election 2010*, Research Paper RP10/36 (R. Cracknell,"
    " F. McGuinness and C. Rhodes; final edition with the Electoral Commission's official"
    " results, replacing the provisional edition of 8 July 2010): Conservatives 306,"
    " Labour 258, Liberal Democrats 57 (http://data.parliament.uk/resources/339003).",
    "House of Commons Library, *General Election 2010: key issues for the 2010 Parliament*"
    " (https://www.parliament.uk/business/publications/research/key-issues-for-the-new-parliament/the-new-parliament/general-election/):"
    " DUP 8, SNP 6, Plaid Cymru 3; it gives the Conservatives 305, apparently written before"
    " the delayed poll in Thirsk and Malton.",
    "BBC News, 'Tories win final election seat of Thirsk and Malton', 28 May 2010"
    " (https://www.bbc.co.uk/news/10168608): the poll, delayed by a candidate's death, was"
    " held on 27 May; final tally 307 Conservatives counting the Speaker, 258 Labour,"
    " 57 Liberal Democrats, 28 others.",
    "*Erskine May*, para 8.30, 'Election of Deputy Speakers in the Commons'"
    " (https://erskinemay.parliament.uk/section/6524/): Standing Order No 2A, two Deputy"
    " Speakers from the side of the House opposite the Speaker's, one from the same side.",
    "UK Parliament news, 'MPs elect Deputy Speakers', 8 June 2010"
    " (https://www.parliament.uk/business/news/2010/06/mps-elect-deputy-speakers/):"
    " Lindsay Hoyle, Dawn Primarolo (Labour) and Nigel Evans (Conservative).",
    "Lord Norton, 'The role of the Speaker', 3 May 2010"
    " (https://nortonview.wordpress.com/2010/05/03/the-role-of-the-speaker/): the Speaker's"
    " casting vote and the precedents that guide it.",
]


def _exact(value):
    if value is None:
        return "-"
    if isinstance(value, int) or value.denominator == 1:
        return str(value)
    return f"{value} ({float(value):.4f})"


def _markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


class Study:
    """Every number of the report, computed once."""

    def __init__(self, rows, assumptions):
        self.rows = rows
        self.assumptions = assumptions
        self.models = list(assumptions["models"])
        self.main = assumptions["main_model"]
        self.games = {m: build_game(rows, assumptions, m) for m in self.models}
        self.counted = {m: counted_members(rows, assumptions, m) for m in self.models}
        self.graph = build_graph(self.games[self.main], assumptions)
        self.rule = assumptions["graph"]["rule"]
        self.leverage = {m: pi.leverage(self.games[m]) for m in self.models}
        self.leverage_graph = pi.leverage(self.games[self.main], self.graph, rule=self.rule)

    @property
    def game(self):
        return self.games[self.main]

    def values(self, table, column="Shapley-Shubik"):
        return dict(zip(table.column("player"), table.column(column), strict=True))

    def formateur(self, party, graph=False):
        kwargs = {"rule": self.rule} if graph else {}
        return pi.formateur_partners(self.game, party, self.graph if graph else None, **kwargs)

    def theories(self, model, graph=False):
        game = self.games[model]
        if graph:
            return pi.coalition_theories(game, self.graph, order=order_for(game, self.assumptions),
                                         rule=self.rule)
        return pi.coalition_theories(game, order=order_for(game, self.assumptions))


# -- sections -------------------------------------------------------------------------------
def headline_section(study):
    game = study.game
    seats = game.weight(KINGMAKER)
    plain = study.values(study.leverage[study.main])
    ratio = study.values(study.leverage[study.main], "power / seat share")
    restricted = study.values(study.leverage_graph)
    restricted_ratio = study.values(study.leverage_graph, "power / seat share")
    equal_to = [p for p in game.players
                if p != KINGMAKER and restricted[p] == restricted[KINGMAKER]]
    plain_equal = [p for p in game.players if p != KINGMAKER and plain[p] == plain[KINGMAKER]]
    lines = [
        "## Headline: the Liberal Democrats held the balance",
        "",
        f"In the main model ({study.assumptions['models'][study.main]['title'].lower()},"
        f" quota {game.quota}), the Liberal Democrats' {seats} seats are"
        f" {_exact(Fraction(seats, game.total_weight))} of the votes. Their Shapley-Shubik"
        f" index is {_exact(plain[KINGMAKER])}, {float(ratio[KINGMAKER]):.2f} times their seat"
        " share, with no restriction on who governs with whom"
        + (f" -- the same as {' and '.join(plain_equal)}'s"
           f" {' and '.join(str(game.weight(p)) for p in plain_equal)} seats: whatever"
           " they can do with a partner, the Liberal Democrats can do with the same partner."
           if plain_equal else ".")
        + " Under the compatibility graph"
        f" ('{study.assumptions['graph']['title']}') it is {_exact(restricted[KINGMAKER])},"
        f" {float(restricted_ratio[KINGMAKER]):.2f} times their seat share"
        + (f" -- as much as {' and '.join(equal_to)}, with"
           f" {' and '.join(str(game.weight(p)) for p in equal_to)} seats." if equal_to else ".")
    ]
    lines += ["", "What each big party needed, under the graph (`pi.formateur_partners`):", ""]
    for party in FORMATEURS:
        table = study.formateur(party, graph=True)
        pivotal = [row[0] for row in table.rows if row[3]]
        coalitions = pi.governing_coalitions(game, party, study.graph, rule=study.rule)
        lines.append(
            f"- **{party}** ({game.weight(party)} votes) can govern in {len(coalitions)}"
            f" minimal winning coalition{'s' if len(coalitions) != 1 else ''}; partners it"
            f" cannot do without: {', '.join(pivotal) or 'none'}."
        )
    labour_ld = game.weight_of(["Labour", KINGMAKER])
    lines += [
        "",
        f"Labour and the Liberal Democrats together had {labour_ld} votes, short of {game.quota}:"
        " a Labour-led government needed the nationalists or Northern Irish members as well"
        " (the 'rainbow coalition'), while a Conservative-Liberal Democrat government had a"
        f" majority of its own ({game.weight_of(list(FORMED))} votes).",
    ]
    return "\n".join(lines)


def majority_section(study):
    speaker = sum(r["seats"] for r in study.rows if r["short"] == SPEAKER)
    deputies = study.assumptions["deputy_speakers"]
    lines = [
        "## How large is a majority? Who votes",
        "",
        f"The House has {TOTAL_SEATS} members, so the majority quoted on election night was"
        f" {pi.MAJORITY.resolve(TOTAL_SEATS)}. Fewer members vote:",
        "",
        f"- **The Speaker** ({speaker}) does not vote; he has a casting vote in a tie, which"
        " by precedent goes to further discussion or to the status quo -- so a motion still"
        " needs more ayes than noes. A strict majority of the members voting (`pi.MAJORITY`)"
        " is the quota throughout.",
        "- **Sinn Féin** (5) do not take their seats: they neither vote nor count.",
        "- **The three Deputy Speakers** do not vote by convention. Under Standing Order 2A"
        " two come from the side of the House opposite the Speaker's and one from his side;"
        " John Bercow was drawn from the Conservative benches. The assumption here is the"
        " outcome of the first election under the Standing Order, on 8 June 2010: "
        + ", ".join(f"{n} {p}" for p, n in deputies.items())
        + ". That came after the coalition was formed; in the talks of 7-11 May who would"
        " fill the chair was not yet known, which is why the sensitivity below matters.",
        "- During the talks only 649 seats were declared: the poll in Thirsk and Malton,"
        " delayed by a candidate's death, was held on 27 May and won by the Conservatives."
        " The figures here are the final ones.",
        "",
    ]
    rows = []
    for model in study.models:
        spec = study.assumptions["models"][model]
        game = study.games[model]
        rows.append([spec["title"], study.counted[model], game.quota, spec["assumption"]
                     .replace("\n", " ")])
    lines += [_markdown_table(["model", "members counted", "majority", "assumption"], rows)]
    return "\n".join(lines)


def sensitivity_section(study, figures):
    header = ["coalition", *(f"{study.assumptions['models'][m]['title'].split(':')[0]}"
                             f" (quota {study.games[m].quota})" for m in study.models)]
    rows = []
    for label, members in study.assumptions["coalitions"].items():
        cells = []
        for model in study.models:
            game = study.games[model]
            present = [p for p in members if p in game.players]
            seats = game.weight_of(present)
            cells.append(f"{seats} {'wins' if game.is_winning(present) else 'loses'}")
        rows.append([label, *cells])
    compare = pi.compare({study.assumptions["models"][m]["title"].split(":")[0]: study.games[m]
                          for m in study.models}, baseline=study.assumptions["models"]
                         [study.main]["title"].split(":")[0])
    lines = [
        "## Sensitivity: does the majority's size change the story?",
        "",
        "Seats of the coalitions discussed in May 2010 (`assumptions.toml`), and whether they"
        " reach the majority, under each model:",
        "",
        _markdown_table(header, rows),
        "",
        "Shapley-Shubik index of every party under each model, and the change from the main"
        " model:",
        "",
        compare.to_markdown(),
        "",
        f"![Power against seat share under the three models]({figures['power']})",
    ]
    return "\n".join(lines)


def formateur_section(study):
    lines = ["## The formateur's view", "",
             "The minimal winning coalitions each big party could lead, in the main model,"
             " without and then with the compatibility graph. A partner is *pivotal* when it"
             " sits in every one of them.", ""]
    for graph in (False, True):
        label = ("With the compatibility graph" if graph else "Without a graph (any coalition"
                 " of enough votes)")
        lines += [f"### {label}", ""]
        for party in FORMATEURS:
            table = study.formateur(party, graph=graph)
            lines += [f"**{party}**", "", table.to_markdown(), ""]
    return "\n".join(lines)


def graph_section(study, figures):
    spec = study.assumptions["graph"]
    pairs = "; ".join(" x ".join(p) for p in spec["incompatible"])
    return "\n".join([
        "## Who could govern with whom: the compatibility graph", "",
        f"**{spec['title']}** -- an assumption, not a sourced fact (`assumptions.toml`)."
        f" Incompatible pairs: {pairs}. A government must be a {spec['rule']} of the graph.",
        "",
        f"![The compatibility graph, node area by power]({figures['graph']})",
    ])


def theories_section(study):
    order = " < ".join(order_for(study.game, study.assumptions))
    lines = ["## Coalition theories", "",
             f"Main model. Ideological order (an assumption, left to right): {order}.", ""]
    for graph in (False, True):
        theories = study.theories(study.main, graph=graph)
        lines += [f"### {'With' if graph else 'Without'} the compatibility graph", ""]
        for name, coalitions in theories.items():
            listed = "; ".join(str(c) for c in coalitions[:8])
            more = f"; and {len(coalitions) - 8} more" if len(coalitions) > 8 else ""
            lines.append(f"- **{name}** ({len(coalitions)}): {listed}{more}.")
        lines.append("")
    return "\n".join(lines)


def happened_section(study):
    game = study.game
    formed = list(FORMED)
    critical = [p for p in formed if not game.is_winning(set(formed) - {p})]
    critical_text = ("both partners are" if len(critical) == 2 else
                     ", ".join(critical) + " is" if critical else "no partner is")
    found_in = []
    for graph in (False, True):
        for name, coalitions in study.theories(study.main, graph=graph).items():
            if any(set(c.members) == set(formed) for c in coalitions):
                found_in.append(f"{name} ({'with' if graph else 'without'} the graph)")
    missed = []
    for graph in (False, True):
        for name, coalitions in study.theories(study.main, graph=graph).items():
            if not any(set(c.members) == set(formed) for c in coalitions):
                missed.append(f"{name} ({'with' if graph else 'without'} the graph)")
    return "\n".join([
        "## What happened: the Conservative-Liberal Democrat coalition (11 May 2010)", "",
        "Gordon Brown resigned on 11 May 2010; David Cameron became prime minister at the head"
        " of a Conservative-Liberal Democrat coalition, with Nick Clegg as deputy prime"
        f" minister: {game.weight_of(formed)} of the {game.total_weight} votes in the main"
        f" model (quota {game.quota}).",
        "",
        f"- {'It is minimal winning' if len(critical) == 2 else 'It is not minimal winning'}:"
        f" {critical_text} critical to its majority.",
        "- It appears among the predictions of: " + ("; ".join(found_in) or "none") + ".",
        "- It is not among: " + ("; ".join(missed) or "none") + ". Riker's minimum-weight"
        " coalitions are the barely-winning combinations of Labour and the Liberal Democrats"
        " (or, without the graph, the Conservatives) with small parties; Axelrod's connected"
        " coalitions on this order include the one-member Alliance Party and Lady Hermon,"
        " who sit between the two partners.",
        "- Two-party majorities: " + "; ".join(
            str(c) for c in study.theories(study.main)["minimal winning"] if len(c.members) == 2)
        + ". Every other majority without a big-party pair needs three parties or more.",
    ])


def leverage_appendix(study):
    lines = ["## Appendix: leverage tables", "",
             "Seats, seat share, Shapley-Shubik, Banzhaf, swings, power / seat share, the"
             " number of minimal winning coalitions containing the party, veto and dummy flags"
             " (`pi.leverage`).", ""]
    for model in study.models:
        lines += [f"### {study.assumptions['models'][model]['title']}", "",
                  study.leverage[model].to_markdown(), ""]
    lines += [f"### {study.assumptions['models'][study.main]['title']}, with the compatibility"
              " graph", "", study.leverage_graph.to_markdown(), ""]
    return "\n".join(lines)


def sources_section():
    return "\n".join(["## Sources", "", *(f"- {s}" for s in SOURCES), "",
                      "Seats by party: `seats.csv`. The smaller parties' seats (DUP 8, SNP 6,"
                      " Sinn Féin 5, Plaid Cymru 3, SDLP 3, Green 1, Alliance 1, Lady Hermon"
                      " 1) add up with the three figures above to 650 with the Speaker."])


# -- files ------------------------------------------------------------------------------------
def write_tables(study, out_dir):
    for model in study.models:
        _write(out_dir / "tables" / f"leverage-{model}.csv", study.leverage[model].to_csv())
    _write(out_dir / "tables" / f"leverage-{study.main}-graph.csv", study.leverage_graph.to_csv())
    compare = pi.compare({m: study.games[m] for m in study.models}, baseline=study.main)
    _write(out_dir / "tables" / "compare-models.csv", compare.to_csv())
    for party in FORMATEURS:
        for graph in (False, True):
            name = f"formateur-{party.lower()}{'-graph' if graph else ''}.csv"
            _write(out_dir / "tables" / name, study.formateur(party, graph=graph).to_csv())
    rows = []
    for label, members in study.assumptions["coalitions"].items():
        for model in study.models:
            game = study.games[model]
            present = [p for p in members if p in game.players]
            rows.append([label, model, game.quota, game.weight_of(present),
                         game.is_winning(present)])
    _write(out_dir / "tables" / "coalitions.csv",
           pi.Table(["coalition", "model", "quota", "seats", "wins"], rows).to_csv())


def write_figures(study, out_dir):
    """Draw the figures; returns their paths relative to the report."""
    from powerindex import plot

    folder = out_dir / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    tables = {study.assumptions["models"][m]["title"]: study.leverage[m] for m in study.models}
    plot.save(plot.power_vs_seats(tables, title="UK 2010: power against seat share"),
              folder / "power-vs-seats.png")
    seats = dict(zip(study.game.players, study.game.weights, strict=True))
    plot.save(plot.compatibility_graph_figure(study.graph, study.values(study.leverage_graph),
                                              seats, title=study.assumptions["graph"]["title"]),
              folder / "graph.png")
    return {"power": "figures/power-vs-seats.png", "graph": "figures/graph.png"}


def build_report(study, figures):
    parts = [
        "# The UK hung parliament of May 2010: who held the balance",
        "",
        "Generated by `make report` from `seats.csv` and `assumptions.toml` in this folder;"
        " do not edit by hand. Every index is exact; fractions are shown with their decimals.",
        "",
        "The general election of 6 May 2010 left no party with a majority of the House of"
        " Commons, for the first time since February 1974. This report measures who held the"
        " balance, with the seats as weights and a strict majority of the members who vote as"
        " the quota.",
        "",
        headline_section(study),
        "",
        majority_section(study),
        "",
        sensitivity_section(study, figures),
        "",
        graph_section(study, figures),
        "",
        formateur_section(study),
        theories_section(study),
        happened_section(study),
        "",
        "## Method and caveats",
        "",
        "- Games: weighted majority games, one player per party, weight its voting seats,"
        " quota a strict majority of the members counted (`pi.WeightedGame`, `pi.MAJORITY`)."
        " Parties are taken to vote as blocs.",
        "- The compatibility graph restricts which coalitions can form (`pi.restrict`, through"
        " `pi.leverage`, `pi.formateur_partners` and `pi.coalition_theories`).",
        "- A coalition here is a majority in the division lobbies, whether a formal coalition"
        " or a confidence-and-supply arrangement; seats say nothing about policy, personal"
        " chemistry or the markets' pressure of May 2010.",
        "- All values are exact fractions computed by powerindex; the regression tests"
        " recompute them by brute force.",
        "",
        sources_section(),
        "",
        leverage_appendix(study),
    ]
    return "\n".join(parts).rstrip() + "\n"


def write_report(out_dir=HERE, seats_file=SEATS_FILE, assumptions_file=ASSUMPTIONS_FILE):
    """Write report.md, report.html, tables/ and figures/ into ``out_dir``; return the
    report's path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = read_seats(seats_file)
    study = Study(rows, read_assumptions(assumptions_file, rows))
    figures = write_figures(study, out_dir)
    write_tables(study, out_dir)
    return write_pages(out_dir, build_report(study, figures))
