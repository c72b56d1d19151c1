"""Build the EU Council report: report.md, report.html, CSV tables and a figure.

Only the public powerindex API is used. The report is generated, never edited by hand:
the same data give the same bytes.
"""

from fractions import Fraction
from pathlib import Path

import powerindex as pi

from .model import (
    BLOCKING_MINORITY,
    HERE,
    NICE_QUOTA,
    NICE_TREATY_QUOTA,
    POPULATION_UNIT,
    lisbon,
    nice,
    read_members,
    read_sources,
)

RULES = ("Lisbon", "Nice")
#: What each rule's game counts, and how each exact method reaches its values (Method).
DIMENSIONS = {"Lisbon": "size and population", "Nice": "size, votes and population"}
METHODS = {
    "generating": "generating functions counting coalitions by {dimensions}",
    "enumerate": "every one of the 2^27 coalitions, enumerated in chunks (a table of"
                 " coalitions by {dimensions} would be too large for the generating-function"
                 " engine)",
}
_WORDS = dict(enumerate(["no", "one", "two", "three", "four", "five", "six", "seven",
                         "eight", "nine", "ten"]))


class Study:
    """Every number of the report, computed once."""

    def __init__(self, rows):
        self.rows = rows
        self.codes = [r["code"] for r in rows]
        self.total = sum(r["population"] for r in rows)
        self.population_share = {r["code"]: Fraction(r["population"], self.total)
                                 for r in rows}
        self.games = {"Lisbon": lisbon(rows), "Nice": nice(rows)}
        self.values = {}
        self.methods = {}
        for rule, game in self.games.items():
            ss = pi.shapley_shubik(game)
            self.values[rule, "SS"] = ss.to_dict()
            self.values[rule, "Banzhaf"] = pi.banzhaf(game).to_dict()
            self.values[rule, "passage"] = pi.coleman_collectivity(game)
            self.methods[rule] = ss.method

    def ratio(self, rule, code):
        """Shapley-Shubik power per population share."""
        return self.values[rule, "SS"][code] / self.population_share[code]

    def winning_count(self, rule):
        """How many coalitions win: the passage probability times 2^n."""
        return int(self.values[rule, "passage"] * 2 ** len(self.codes))

    def lisbon_in_thousands(self):
        """Winning coalitions under Lisbon with every population rounded half up to
        thousands: whether coarser figures would give the same game."""
        rounded = [dict(r, population=(r["population"] + 500) // 1000 * 1000)
                   for r in self.rows]
        return int(pi.coleman_collectivity(lisbon(rounded)) * 2 ** len(rounded))


def _pct(value, digits=2):
    return f"{100 * float(value):.{digits}f}"


def _count(items):
    return _WORDS.get(len(items), str(len(items)))


def _method(method, rule):
    return METHODS.get(method, "exact").format(dimensions=DIMENSIONS[rule])


def _persons(number):
    return f"{number:,}"


def member_table(study):
    """One member per row, both rules side by side, in percent."""
    rows = []
    for r in study.rows:
        code = r["code"]
        rows.append([
            code, r["member"], r["population"], _pct(study.population_share[code]),
            _pct(study.values["Lisbon", "SS"][code]),
            _pct(study.values["Lisbon", "Banzhaf"][code]),
            f"{float(study.ratio('Lisbon', code)):.3f}",
            _pct(study.values["Nice", "SS"][code]),
            _pct(study.values["Nice", "Banzhaf"][code]),
            f"{float(study.ratio('Nice', code)):.3f}",
        ])
    return pi.Table(["code", "member", "population", "population %", "Lisbon SS %",
                     "Lisbon Banzhaf %", "Lisbon SS / population", "Nice SS %",
                     "Nice Banzhaf %", "Nice SS / population"], rows)


def exact_table(study):
    """Exact fractions (with their decimals in the CSV), to check the percentages."""
    return pi.Table(["code", "Lisbon SS", "Lisbon Banzhaf", "Nice SS", "Nice Banzhaf"],
                    [[code, *(study.values[rule, index][code] for rule in RULES
                              for index in ("SS", "Banzhaf"))] for code in study.codes])


def council_figures_table(study, sources):
    """The Council's own figures that could be retrieved, beside those used here."""
    used = {r["code"]: r for r in study.rows}
    rows = [[code, used[code]["member"], used[code]["population"], figure,
             figure - used[code]["population"]]
            for code, figure in sources["council"]["first_figures"].items()]
    return pi.Table(["code", "member", "Eurostat 1 January 2024 (used here)",
                     "Council Annex III for 2024", "difference"], rows)


def figure(study):
    """Shapley-Shubik power against population share under both rules."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7.2, 5.4), layout="constrained")
    ax = fig.add_subplot()
    shares = [float(study.population_share[c]) for c in study.codes]
    for rule, marker in (("Lisbon", "o"), ("Nice", "s")):
        power = [float(study.values[rule, "SS"][c]) for c in study.codes]
        ax.scatter(shares, power, marker=marker, s=36, alpha=0.85, label=f"{rule} (SS)")
    for code, x in zip(study.codes, shares, strict=True):
        y = float(study.values["Lisbon", "SS"][code])
        ax.annotate(code, (x, y), textcoords="offset points", xytext=(3, 3), fontsize=7)
    top = max(shares) * 1.1
    ax.plot([0, top], [0, top], color="grey", linestyle="--", linewidth=1,
            label="power = population share")
    ax.set_xlabel("population share")
    ax.set_ylabel("Shapley-Shubik index")
    ax.set_title("EU27 Council: power against population, Lisbon and Nice rules")
    ax.legend(fontsize=8, loc="upper left")
    return fig


def data_section(study, sources, tables):
    population, council = sources["population"], sources["council"]
    listed = population["eu_total"]
    thousands = study.lisbon_in_thousands()
    lisbon_wins = study.winning_count("Lisbon")
    return [
        "## Data",
        "",
        "Populations on 1 January 2024, in persons, from Eurostat's release of July 2024"
        " (see Sources), to the nearest 100 persons. The 27 figures add up to"
        f" {_persons(study.total)}; the EU total listed with them is {_persons(listed)}"
        f" (each figure is rounded on its own). The rules' population shares are taken of"
        f" the members' sum. The games count population in units of {POPULATION_UNIT}"
        " persons: every figure is a multiple of it, so nothing is rounded and the same"
        " coalitions win as with persons. "
        + (f"Rounded half up to thousands, the figures would give Lisbon the same number of"
           f" winning coalitions ({_persons(lisbon_wins)}), though not necessarily the same"
           " ones." if thousands == lisbon_wins else
           f"Coarser figures would change the game: rounded half up to thousands, they"
           f" would give Lisbon {_persons(thousands)} winning coalitions instead of"
           f" {_persons(lisbon_wins)}."),
        "",
        "**These are not the Council's figures.** The Council applies the population"
        " figures of Annex III to its Rules of Procedure, replaced each year by a Council"
        " Decision; for 2024, Council Decision (EU, Euratom) 2023/2827 of 12 December 2023,"
        f" from {council['vintage']}, an earlier vintage than Eurostat's 1 January 2024"
        " figures used here. They differ from these by more than rounding. Only the first"
        f" {_count(council['first_figures'])} figures of that annex could be retrieved here;"
        " the rest could not, so the annex is not used:",
        "",
        tables["council-figures"].to_markdown(),
        "",
        "Those figures must replace `members.csv` before any of these numbers is published.",
        "",
        "Nice votes: the Treaty of Nice weights as amended by the Acts of Accession"
        " (Croatia 7).",
        "",
    ]


def sources_section(sources):
    population, council, rules = sources["population"], sources["council"], sources["rules"]
    return [
        "## Sources",
        "",
        f"- Populations (`members.csv`): {population['release']}",
        f"- {population['by_member']}",
        f"- The Council's own figures for 2024: {council['decision']}; from"
        f" {council['vintage']}. Only its first {_count(council['first_figures'])} figures"
        " could be retrieved here (in the Data section); they are not used.",
        f"- The Lisbon rule: {rules['lisbon']}",
        f"- The Nice rule: {rules['nice']}",
        f"- **Assumption**: the Nice quota for today's 27 members, {NICE_QUOTA} of 323 votes,"
        f" keeps the share of the treaty's EU27 quota ({NICE_TREATY_QUOTA[0]} of"
        f" {NICE_TREATY_QUOTA[1]}); no treaty sets it: a counterfactual (see Rules).",
        "",
    ]


def report_text(study, sources, tables):
    largest = max(study.codes, key=lambda c: study.population_share[c])
    smallest = min(study.codes, key=lambda c: study.population_share[c])
    ss = {rule: study.values[rule, "SS"] for rule in RULES}
    efficiency = {rule: sum(ss[rule].values()) for rule in ss}
    lines = [
        "# The Council of the EU (27 members): Lisbon against Nice",
        "",
        "Generated by `python -m analyses.eu_council` from `members.csv` and `sources.toml`;"
        " do not edit.",
        "",
        *data_section(study, sources, tables),
        "## Rules",
        "",
        "* **Lisbon** (Art. 16(4) TEU, Art. 238(3) TFEU): a qualified majority is 55% of the"
        " members (15 of 27) representing 65% of the population; a blocking minority needs"
        f" at least {BLOCKING_MINORITY} members, so any {27 - BLOCKING_MINORITY + 1} members"
        " win. Game: `(members >= 15 & population >= 65%) | members >= 24`.",
        f"* **Nice**: at least {NICE_QUOTA} of 323 weighted votes, a majority of the members"
        " (14) and 62% of the population. The treaty's EU27 quota was"
        f" {NICE_TREATY_QUOTA[0]} of {NICE_TREATY_QUOTA[1]} votes, for the 27 members of"
        " 2007-2013 (with the United Kingdom, without Croatia); for today's members we keep"
        " that share of the 323 votes (rounded up). A counterfactual, not a rule in force.",
        "",
        "## Results",
        "",
        f"Shapley-Shubik (SS) and normalized Banzhaf indices, exact (`tables/exact.csv`),"
        f" here in percent. Both sum to 1 (SS: Lisbon {efficiency['Lisbon']},"
        f" Nice {efficiency['Nice']}). Power per population share is SS divided by the"
        " population share (1 = power in proportion to population).",
        "",
        tables["members"].to_markdown(),
        "",
        f"Under Lisbon the most populous member ({largest}) holds"
        f" {_pct(ss['Lisbon'][largest])}% of the SS power against"
        f" {_pct(ss['Nice'][largest])}% under Nice; the least populous ({smallest})"
        f" {_pct(ss['Lisbon'][smallest])}% against {_pct(ss['Nice'][smallest])}%.",
        "",
        "Probability that a random proposal passes (Coleman's power of the collectivity to"
        f" act): Lisbon {_pct(study.values['Lisbon', 'passage'])}%,"
        f" Nice {_pct(study.values['Nice', 'passage'])}%.",
        "",
        "![Shapley-Shubik power against population share](figures/power-vs-population.png)",
        "",
        "## Method",
        "",
        "Exact indices with powerindex, each rule a combination of weighted games"
        " (`pi.WeightedGame` joined with `&` and `|`). "
        + " ".join(f"{rule}: {_method(study.methods[rule], rule)}, method"
                   f" `{study.methods[rule]}`." for rule in RULES)
        + " The regression tests recompute every value by an independent enumeration of"
        " the 2^27 coalitions.",
        "",
        *sources_section(sources),
    ]
    return "\n".join(lines)


def write_report(out_dir=HERE, rows=None, sources=None):
    """Write report.md, report.html, tables/*.csv and figures/*.png into ``out_dir``;
    return report.md."""
    out_dir = Path(out_dir)
    study = Study(read_members() if rows is None else rows)
    sources = read_sources() if sources is None else sources
    tables = {"members": member_table(study), "exact": exact_table(study),
              "council-figures": council_figures_table(study, sources)}
    (out_dir / "figures").mkdir(parents=True, exist_ok=True)
    pi.plot.save(figure(study), out_dir / "figures" / "power-vs-population.png")
    return pi.write_pages(out_dir, report_text(study, sources, tables), tables)
