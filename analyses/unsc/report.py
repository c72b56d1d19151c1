"""Build the Security Council report: report.md, CSV tables and figures.

Only the public powerindex API is used. The report is generated, never edited by hand: the
same councils.toml gives the same bytes.
"""

from fractions import Fraction
from pathlib import Path

import powerindex as pi

from .model import COUNCILS_FILE, HERE, INDICES, read_councils, study_council


def _exact(value):
    if isinstance(value, int) or value.denominator == 1:
        return str(value)
    return f"{value} ({float(value):.4f})"


def _ratio(value):
    return f"{value} ({float(value):.2f}x)" if value.denominator != 1 else f"{value}x"


class Study:
    """Every number of the report, computed once."""

    def __init__(self, councils, published):
        self.councils = [study_council(c) for c in councils]
        self.published = published

    def council(self, key):
        return next(c for c in self.councils if c.key == key)

    def summary_rows(self, council):
        """Per index: one permanent member, one elected member, the groups, the ratio."""
        permanent_count = len(council.spec["permanent"])
        elected_count = council.spec["elected_seats"]
        rows = []
        for name, _ in INDICES:
            values = council.indices[name]
            p, e = Fraction(values[council.permanent]), Fraction(values[council.elected])
            rows.append([name, p, e, permanent_count * p, elected_count * e,
                         None if e == 0 else p / e])
        return rows


# -- sections -------------------------------------------------------------------------------
def headline_section(study):
    lines = ["## Headline: the veto is almost all of the power", ""]
    for council in study.councils:
        ss = council.indices["Shapley-Shubik"]
        bz = council.indices["swings"]
        p, e = ss[council.permanent], ss[council.elected]
        five = len(council.spec["permanent"]) * p
        swing_ratio = Fraction(bz[council.permanent], bz[council.elected])
        required = council.spec["votes_required"]
        lines.append(
            f"- **{council.spec['title']}** ({council.size} members, {required}"
            f" votes including the five permanent members): each permanent member's"
            f" Shapley-Shubik index is {_exact(p)}, each elected member's {_exact(e)}. The five"
            f" permanent members, {len(council.spec['permanent'])} of {council.size} seats, hold"
            f" {_exact(five)} of the power; a permanent seat is worth {_ratio(p / e)} an elected"
            f" one by Shapley-Shubik, {_ratio(swing_ratio)}"
            " by Banzhaf (swings)."
        )
    lines += ["", _enlargement_paragraph(study), "", _published_paragraph(study)]
    return "\n".join(lines)


def _enlargement_paragraph(study):
    old, new = study.council("1945"), study.council("1965")
    parts = []
    for name in ("Shapley-Shubik", "Banzhaf (normalized)", "Banzhaf (absolute)"):
        before, after = old.indices[name][old.elected], new.indices[name][new.elected]
        verb = "rose" if after > before else "fell" if after < before else "stayed"
        parts.append(f"{name} {verb} from {_exact(before)} to {_exact(after)}")
    directions = {part.split(" from ")[0].split()[-1] for part in parts}
    why = (" The indices disagree on the direction because they weigh coalitions"
           " differently: Shapley-Shubik counts orders of voting, in which an elected member"
           " now competes with nine others for the pivot, while Banzhaf counts coalitions, and"
           " in the larger Council a bigger share of them turn on one elected vote."
           if len(directions) > 1 else "")
    return ("**What the 1965 enlargement did for an elected member.** Four more elected seats"
            " and two more votes required: " + "; ".join(parts) + "." + why)


def _published_paragraph(study):
    published = study.published
    if not published:
        return ""
    council = study.council(published["council"])
    ss = council.indices["Shapley-Shubik"]
    found = (ss[council.permanent], ss[council.elected])
    expected = (published["permanent_each"], published["elected_each"])
    verdict = ("The values recomputed here agree exactly." if found == expected else
               f"**The values recomputed here differ: {found[0]} and {found[1]}.**")
    return (f"**Shapley and Shubik (1954).** Their paper gave the Council of their day (the"
            f" 1945 rules) {expected[0]} of the power to each permanent member and"
            f" {expected[1]} to each of the six elected members -- {5 * expected[0]} to the"
            f" five together. {verdict}")


def rules_section(study):
    lines = ["## The rules, and two ways to write them", ""]
    for council in study.councils:
        spec = council.spec
        weights = (f"[{spec['quota']}; {spec['permanent_weight']} x {len(spec['permanent'])},"
                   f" {spec['elected_weight']} x {spec['elected_seats']}]")
        agreement = ("the same" if council.agree else "**not** the same")
        lines += [
            f"### {spec['title']} ({spec['period']})", "",
            spec["rule"].replace("\n", " "), "",
            f"- As a **simple game**, the Charter rule: a coalition wins when it contains all"
            f" five permanent members and has at least {spec['votes_required']} members"
            f" (`pi.SimpleGame`).",
            f"- As a **weighted game** {weights} (`pi.WeightedGame`).",
            f"- The two have {agreement} winning coalitions: {len(council.winning)} of the"
            f" {2 ** council.size} coalitions win under the Charter rule,"
            f" {len(council.weighted_winning)} under the weighted form; every index below is"
            " the same under both"
            + (" (checked index by index)." if council.indices == council.weighted_indices
               else " -- **except that they differ**."),
            f"- Minimal winning coalitions: {len(council.minimal_winning)}, each the five"
            f" permanent members and {spec['votes_required'] - len(spec['permanent'])} elected"
            " members.",
            f"- Veto players: {', '.join(council.charter.veto_players)} (in every winning"
            " coalition); no member is a dummy."
            if not council.charter.dummies else
            f"- Veto players: {', '.join(council.charter.veto_players)}; dummies:"
            f" {', '.join(council.charter.dummies)}",
            "",
            "Sources: " + " ".join(spec["sources"]), "",
        ]
    return "\n".join(lines)


def indices_section(study, figures):
    lines = ["## Every index, permanent against elected", "",
             "One permanent member and one elected member (all permanent members have the same"
             " values, as do all elected members); the five permanent members and the elected"
             " members together; and how many times an elected member's value a permanent"
             " member's is. Swings are counted (coalitions the member turns from losing to"
             " winning); absolute Banzhaf is swings / 2^(n-1); the other indices sum to 1."
             " Per-member tables: `tables/indices-<council>.csv`.", ""]
    for council in study.councils:
        table = pi.Table(["index", "permanent member", "elected member", "five permanent",
                          f"{council.spec['elected_seats']} elected", "permanent / elected"],
                         study.summary_rows(council))
        lines += [f"### {council.spec['title']}", "", table.to_markdown(), ""]
    lines += [f"![Power of one permanent and one elected member]({figures['per-member']})", ""]
    return "\n".join(lines)


def per_seat_table(study):
    """Power per seat share (Shapley-Shubik), one row per council."""
    rows = []
    for council in study.councils:
        ss = council.indices["Shapley-Shubik"]
        share = Fraction(1, council.size)
        rows.append([council.spec["title"], share, ss[council.permanent] / share,
                     ss[council.elected] / share])
    return pi.Table(["council", "one seat's share", "permanent member", "elected member"],
                    rows)


def per_seat_section(tables, figures):
    lines = ["## Power per seat", "",
             "Every member has one vote, so a fair share would be one vote's share of the"
             " Council. Power per seat share (Shapley-Shubik; `tables/per-seat.csv`):", ""]
    lines += [tables["per-seat"].to_markdown(), "",
              f"![Power against share of seats, by group]({figures['power-vs-seats']})"]
    return "\n".join(lines)


def caveats_section():
    return "\n".join([
        "## Method and caveats", "",
        "- A priori power: every coalition (Banzhaf) or every order of voting"
        " (Shapley-Shubik) is taken as equally likely. O'Neill (Journal of Conflict"
        " Resolution 40 (1996) 219-237) weights coalitions by voting records instead.",
        "- Yes-or-no voting. In practice an abstaining permanent member does not block a"
        " decision (the Council's practice since 1946, upheld by the International Court of"
        " Justice in its 1971 Namibia advisory opinion); counting abstention as a third option"
        " changes the game, not this analysis of the Charter text.",
        "- Substantive matters only: procedural decisions need nine votes (seven before 1965)"
        " with no veto, and under Chapter VI a party to a dispute abstains.",
        "- The permanent seats are named as in the Charter for 1945 and by today's holders"
        " since 1965: China's seat was held by the Republic of China until General Assembly"
        " resolution 2758 (XXVI) of 25 October 1971, the Soviet Union's by the Russian"
        " Federation since December 1991. Elected seats are numbered E1, E2, ...: their"
        " holders change every two years and do not matter to a priori power.",
        "- All values are exact fractions computed by powerindex on the Charter rule"
        " (`pi.SimpleGame`) and on the weighted form (`pi.WeightedGame`); decimals are rounded"
        " for reading only. The regression tests recompute every value by brute force.",
    ])


def sources_section(study):
    """The Charter texts of each council and the resolution that amended them (each
    council's sources in councils.toml), and the paper whose values the report checks."""
    lines = ["## Sources", ""]
    for council in study.councils:
        lines += [f"- {council.spec['title']}: {source}" for source in council.spec["sources"]]
    if study.published.get("citation"):
        lines.append(f"- Shapley and Shubik's values, checked above: {study.published['citation']}")
    return "\n".join(lines)


# -- files ------------------------------------------------------------------------------------
def tables_of(study):
    """Every table of the report, by file stem: per-member indices for each council, the
    permanent-against-elected summary and power per seat."""
    tables = {}
    names = [name for name, _ in INDICES]
    for council in study.councils:
        rows = [[player, player in council.spec["permanent"],
                 *(council.indices[name][player] for name in names)]
                for player in council.charter.players]
        tables[f"indices-{council.key}"] = pi.Table(["member", "permanent", *names], rows)
    tables["summary"] = pi.Table(
        ["council", "index", "permanent member", "elected member", "five permanent",
         "elected together", "permanent / elected"],
        [[council.key, *row] for council in study.councils
         for row in study.summary_rows(council)])
    tables["per-seat"] = per_seat_table(study)
    return tables


def write_figures(study, out_dir):
    """Draw the figures; returns their paths relative to the report."""
    from matplotlib.figure import Figure

    folder = out_dir / "figures"
    folder.mkdir(parents=True, exist_ok=True)
    names = [name for name, _ in INDICES if name not in ("swings", "Banzhaf (absolute)")]
    figure = Figure(figsize=(9.0, 4.6), layout="constrained")
    axes = figure.subplots(1, len(study.councils), sharey=True)
    for ax, council in zip(axes, study.councils, strict=True):
        xs = range(len(names))
        ax.bar([x - 0.2 for x in xs], [float(council.indices[n][council.permanent])
                                       for n in names], width=0.4, label="permanent member")
        ax.bar([x + 0.2 for x in xs], [float(council.indices[n][council.elected])
                                       for n in names], width=0.4, label="elected member")
        ax.set_yscale("log")
        ax.set_ylim(top=1.0)  # room for the legend above the bars
        ax.set_xticks(list(xs))
        ax.set_xticklabels(names, rotation=20, ha="right", fontsize=8)
        ax.set_title(council.spec["title"], fontsize=10)
    axes[0].set_ylabel("power of one member (log scale)")
    axes[0].legend(fontsize=8)
    pi.plot.save(figure, folder / "power-per-member.png")

    tables = {}
    for council in study.councils:
        ss = council.indices["Shapley-Shubik"]
        permanent = council.spec["permanent"]
        elected = [p for p in council.charter.players if p not in permanent]
        tables[council.spec["title"]] = pi.Table(
            ["player", "seat share", "Shapley-Shubik"],
            [["five permanent", Fraction(len(permanent), council.size),
              sum((ss[p] for p in permanent), Fraction(0))],
             [f"{len(elected)} elected", Fraction(len(elected), council.size),
              sum((ss[p] for p in elected), Fraction(0))]])
    pi.plot.save(pi.plot.power_vs_seats(tables, title="Security Council: power against seats"),
                 folder / "power-vs-seats.png")
    return {"per-member": "figures/power-per-member.png",
            "power-vs-seats": "figures/power-vs-seats.png"}


def build_report(study, figures, tables):
    parts = [
        "# The UN Security Council: the power of the veto",
        "",
        "Generated by `make report` from `councils.toml` in this folder; do not edit by hand."
        " Every index is exact; fractions are shown with their decimals.",
        "",
        "Shapley and Shubik introduced their index in 1954 with the Security Council as its"
        " showcase: a body of equals on paper, in which five members can each stop any"
        " substantive decision. This report recomputes their analysis for the Council they"
        " studied (eleven members, 1945-1965) and for the Council since the 1965 enlargement"
        " (fifteen members), with the other classic indices beside theirs.",
        "",
        headline_section(study),
        "",
        rules_section(study),
        indices_section(study, figures),
        per_seat_section(tables, figures),
        "",
        caveats_section(),
        "",
        sources_section(study),
    ]
    return "\n".join(parts).rstrip() + "\n"


def write_report(out_dir=HERE, councils_file=COUNCILS_FILE):
    """Write report.md, report.html, tables/ and figures/ into ``out_dir``; return the
    report's path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    study = Study(*read_councils(councils_file))
    figures = write_figures(study, out_dir)
    tables = tables_of(study)
    return pi.write_pages(out_dir, build_report(study, figures, tables), tables)
