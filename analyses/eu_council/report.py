"""Build the EU Council report: report.md, CSV tables and a figure.

Only the public powerindex API is used. The report is generated, never edited by hand:
the same data give the same bytes.
"""

import csv
import io
import time
from fractions import Fraction
from pathlib import Path

import powerindex as pi

from .model import (
    BLOCKING_MINORITY,
    HERE,
    NICE_QUOTA,
    NICE_TREATY_QUOTA,
    POPULATION_SOURCE,
    lisbon,
    nice,
    read_members,
)


class Study:
    """Every number of the report, computed once."""

    def __init__(self, rows):
        self.rows = rows
        self.codes = [r["code"] for r in rows]
        total = sum(r["population"] for r in rows)
        self.population_share = {r["code"]: Fraction(r["population"], total) for r in rows}
        self.games = {"Lisbon": lisbon(rows), "Nice": nice(rows)}
        self.values = {}
        self.methods = {}
        for rule, game in self.games.items():
            ss = pi.shapley_shubik(game)
            bz = pi.banzhaf(game)
            self.values[rule, "SS"] = ss.to_dict()
            self.values[rule, "Banzhaf"] = bz.to_dict()
            self.values[rule, "passage"] = pi.coleman_collectivity(game)
            self.methods[rule] = ss.method

    def ratio(self, rule, code):
        """Shapley-Shubik power per population share."""
        return self.values[rule, "SS"][code] / self.population_share[code]


def _pct(value, digits=2):
    return f"{100 * float(value):.{digits}f}"


def member_table(study):
    """Header and rows: one member per row, both rules side by side."""
    header = ["code", "member", "population (thousands)", "population %",
              "Lisbon SS %", "Lisbon Banzhaf %", "Lisbon SS / population",
              "Nice SS %", "Nice Banzhaf %", "Nice SS / population"]
    rows = []
    for r in study.rows:
        code = r["code"]
        rows.append([
            code, r["member"], str(r["population"]), _pct(study.population_share[code]),
            _pct(study.values["Lisbon", "SS"][code]),
            _pct(study.values["Lisbon", "Banzhaf"][code]),
            f"{float(study.ratio('Lisbon', code)):.3f}",
            _pct(study.values["Nice", "SS"][code]),
            _pct(study.values["Nice", "Banzhaf"][code]),
            f"{float(study.ratio('Nice', code)):.3f}",
        ])
    return header, rows


def exact_table(study):
    """Exact fractions, for anyone who wants to check the decimals."""
    header = ["code", "Lisbon SS", "Lisbon Banzhaf", "Nice SS", "Nice Banzhaf"]
    rows = [[code] + [str(study.values[rule, index][code])
                      for rule in ("Lisbon", "Nice") for index in ("SS", "Banzhaf")]
            for code in study.codes]
    return header, rows


def _markdown(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _csv(header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


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


def _timing(study):
    """Wall-clock seconds of each index on a fresh copy of the Lisbon game (not written
    into the report, which must not depend on the machine)."""
    times = {}
    for name, index in (("SS", pi.shapley_shubik), ("Banzhaf", pi.banzhaf)):
        game = lisbon(study.rows)
        start = time.perf_counter()
        index(game)
        times[name] = time.perf_counter() - start
    return times


def report_text(study):
    header, rows = member_table(study)
    largest = max(study.codes, key=lambda c: study.population_share[c])
    smallest = min(study.codes, key=lambda c: study.population_share[c])
    ss = {rule: study.values[rule, "SS"] for rule in ("Lisbon", "Nice")}
    efficiency = {rule: sum(ss[rule].values()) for rule in ss}
    lines = [
        "# The Council of the EU (27 members): Lisbon against Nice",
        "",
        "Generated by `python -m analyses.eu_council` from `members.csv`; do not edit.",
        "",
        "## Data",
        "",
        f"Populations: {POPULATION_SOURCE}.",
        "",
        "**These are not the Council's figures.** The Council applies the population"
        " figures of Annex III to its Rules of Procedure, replaced each year by a Council"
        " Decision (for 2023: Council Decision (EU, Euratom) 2022/2518 of 13 December 2022,"
        " OJ L 326, 21.12.2022, p. 23), in persons, not thousands. Those figures must"
        " replace `members.csv` before any of these numbers is published.",
        "",
        "Nice votes: the Treaty of Nice weights as amended by the Acts of Accession"
        " (Croatia 7).",
        "",
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
        _markdown(header, rows),
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
        "Exact indices with powerindex. Lisbon: generating functions counting coalitions"
        " by size and population (the member-count rules are the size dimension), method"
        f" `{study.methods['Lisbon']}`. Nice: three dimensions (size, votes, population)"
        " would need a table too large for the generating-function engine, so all 2^27"
        f" coalitions are enumerated in chunks, method `{study.methods['Nice']}`.",
        "",
    ]
    return "\n".join(lines)


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_report(out_dir=HERE, rows=None):
    """Write report.md, tables/*.csv and figures/*.png into ``out_dir``; return report.md."""
    from powerindex import plot

    out_dir = Path(out_dir)
    study = Study(read_members() if rows is None else rows)
    _write(out_dir / "tables" / "members.csv", _csv(*member_table(study)))
    _write(out_dir / "tables" / "exact.csv", _csv(*exact_table(study)))
    (out_dir / "figures").mkdir(parents=True, exist_ok=True)
    plot.save(figure(study), out_dir / "figures" / "power-vs-population.png")
    path = out_dir / "report.md"
    _write(path, report_text(study))
    return path
