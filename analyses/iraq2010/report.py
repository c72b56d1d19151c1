"""Iraq 2010: the report of iraq2010.toml, with what is specific to this case.

The library writes the report (:func:`powerindex.write_report`) from the game file: the
parliament as elected, the stages of the government formation and the votes of November
and December 2010 as scenarios, the graphs, positions and the cabinet that formed. This
module adds the narrative: the question and the answer first, the measure chosen to answer
it and its threshold, the timeline of the Kurds' power across the stages and votes (with a
figure), the artefacts of earlier models, the cohesion of the blocs, and bargaining with
the largest bloc recognised first. Every number in that text is computed here from the
file, so that changing the file changes the words.
"""

from fractions import Fraction
from math import comb
from pathlib import Path

import powerindex as pi

HERE = Path(__file__).resolve().parent
GAME_FILE = HERE / "iraq2010.toml"

#: The Kurdish bloc of each game: the coalition of the Kurdish lists where they act as one,
#: else the Kurdistan Alliance (the KDP and the PUK), its core.
KURDISH_BLOCS = ("Kurdish coalition", "Kurdistan Alliance")
#: The first game in which the Kurdish coalition acts as one: the reference of the test.
REFERENCE = "april"
#: The test of collapse: the Kurds' index falls to at most this share of its reference.
COLLAPSE = Fraction(1, 2)
#: The stages and votes, in time order, with their dates.
TIMELINE = {
    "base": "7 March",
    "april": "April",
    "may": "4 May-June",
    "july": "July",
    "october": "1 October (17 hold out)",
    "october-26": "1 October (26 hold out)",
    "november": "late Oct.-11 Nov.: speaker",
    "president-first-round": "11 Nov.: president, 1st round",
    "president-runoff": "11 Nov.: president, runoff",
    "december": "21 December: cabinet",
}
#: Defection rates of the cohesion model (each member leaves its bloc's vote with this
#: probability, independently): an assumption, shown as a range.
DEFECTION = (Fraction(0), Fraction(1, 20), Fraction(1, 10), Fraction(1, 5))
DELTA = Fraction(9, 10)


def _exact(value):
    value = Fraction(value)
    return str(value) if value.denominator == 1 else f"{value} ({float(value):.4f})"


def _pct(value):
    return f"{100 * float(value):.1f}%"


def _markdown(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return "\n".join(lines + ["| " + " | ".join(map(str, row)) + " |" for row in rows])


def kurds_of(game):
    """The Kurdish bloc of a game (see KURDISH_BLOCS)."""
    return next(name for name in KURDISH_BLOCS if name in game.players)


class Timeline:
    """The Kurds' power in every game of the file, by each measure, computed once."""

    def __init__(self, study):
        self.study = study
        self.rows = {}
        for name in TIMELINE:
            scenario = study.scenarios[name]
            game, kurds = scenario.game, kurds_of(scenario.game)
            row = {"kurds": kurds, "seats": game.weight(kurds), "quota": game.quota,
                   "total": game.total_weight,
                   "ss": scenario.power("shapley_shubik")[kurds],
                   "banzhaf": scenario.power("banzhaf")[kurds],
                   "formateur": study.formateur_of(name)}
            refusal = study.under(name, "Iraqiya refuses a Maliki government")
            row["ss refusal"] = refusal.power("shapley_shubik")[kurds]
            row.update(coalitions=None, needed=None)
            if row["formateur"] != kurds:  # the minimal winning coalitions it can lead
                led = [c for c in pi.minimal_winning_coalitions(scenario.effective_game)
                       if row["formateur"] in c]
                row["coalitions"] = len(led)
                row["with"] = sum(kurds in c for c in led)
                row["needed"] = bool(led) and row["with"] == len(led)
            self.rows[name] = row
        reference = self.rows[REFERENCE]
        tested = False
        for name, row in self.rows.items():
            tested = tested or name == REFERENCE  # the test starts at the reference
            row["tested"] = tested and name != REFERENCE
            row["collapsed"] = {m: row["tested"] and row[m] <= COLLAPSE * reference[m]
                                for m in ("ss", "banzhaf", "ss refusal")}

    def collapsed(self, measure="ss"):
        return [name for name, row in self.rows.items() if row["collapsed"][measure]]


# -- the narrative ---------------------------------------------------------------------------
def summary(study, timeline):
    rows = timeline.rows
    ref = rows[REFERENCE]
    primary = timeline.collapsed("ss")
    robust = timeline.collapsed("banzhaf")
    refusal = timeline.collapsed("ss refusal")
    votes_collapsed = [TIMELINE[n] for n in primary if n.startswith("president")]
    stages_held = [TIMELINE[n] for n in TIMELINE if n not in primary and rows[n]["tested"]]
    return "\n".join([
        "**The question.** After the election of 7 March 2010 no list came near the 163"
        " seats a government needs. The Kurdish parties were called kingmakers (Washington"
        " Post, 16 October 2010); once the Sadrists backed Maliki on 1 October, it was said"
        " that the Kurds had little choice but to go along (a claim of the commentary of the"
        " time; no source for those words was found). When, and in which game, did the Kurds'"
        " power collapse, and when did it not?",
        "",
        "**The measure, chosen before the answer.** The Shapley-Shubik index of the Kurdish"
        " bloc -- the probability that it casts the deciding vote when the members join a"
        " coalition in random order -- in each stage's game with no restriction on who"
        " governs with whom. It is the a priori measure of being pivotal, and it needs no"
        " contested graph. *Collapse* means falling to at most"
        f" {COLLAPSE} of its value in April, when the Kurdish coalition first acted as one"
        f" ({_exact(ref['ss'])} with {ref['seats']} seats). Robustness checks: the normalized"
        " Banzhaf index, the Shapley-Shubik index under the one exclusion the record supports"
        " (Iraqiya would not sit under Maliki), and whether the formateur could govern"
        " without the Kurds.",
        "",
        "**The answer.** "
        + ("The Kurds' power did not collapse at any stage of the government formation"
           " in the majority game: " if not [n for n in primary if n in
                                             ("may", "october", "october-26", "november",
                                              "december")]
           else "It collapsed at " + ", ".join(TIMELINE[n] for n in primary) + "; ")
        + f"in October, with the Sadrists behind Maliki, their index had risen to"
        f" {_exact(rows['october']['ss'])} (at least 17 seats holding out) or"
        f" {_exact(rows['october-26']['ss'])} (26 holding out), against"
        f" {_exact(ref['ss'])} in April."
        + (f" It collapsed only in {', '.join(votes_collapsed)}, a vote that Iraqiya's walkout"
           " left to the National Alliance alone (in our model of it, Iraqiya entirely"
           " absent)." if votes_collapsed else "")
        + " What 1 October did change is the formateur's view: the National Alliance"
        f" could govern in {rows['october']['coalitions']} minimal winning coalitions,"
        f" {rows['october']['with']} of them with the Kurds; "
        + ("it could not do without them." if rows['october']['needed'] else
           "it could do without them (with Iraqiya, or with the hold-outs and small"
           " lists), so the Kurds were one way to a majority, not the only one."),
        "",
        "**How sure.** "
        + ("Banzhaf agrees" if robust == primary else
           f"Banzhaf flags collapse at {', '.join(TIMELINE[n] for n in robust) or 'no stage'}")
        + "; under the refusal graph the test flags "
        + (", ".join(TIMELINE[n] for n in refusal) or "no stage")
        + ". The seats are certified; the size of the October hold-outs is not (17 or 26:"
        " both are shown); the positions are our coding. Stages that held up: "
        + ", ".join(stages_held) + ".",
        "",
        "![The Kurds' power across the stages and votes of 2010](figures/kurds-timeline.png)",
        "",
        "The report's long tables are in the appendix. Every value is exact; the regression"
        " tests recompute them by an independent brute force.",
    ])


def parliament(study):
    return "\n".join([
        "325 seats, certified by the Federal Supreme Court on 1 June 2010; the speaker, the"
        " prime minister and the cabinet need an absolute majority of all members (163), the"
        " president two-thirds (217) in the first round. Every list is a player: earlier"
        " versions of this report counted the 18 seats of the small lists as one block,"
        " which the method section shows to be an artefact.",
        "",
        "On 25 March 2010, before the results were final, the Federal Supreme Court gave its"
        " (non-binding) opinion that the 'largest bloc' asked to form a government may be"
        " a coalition formed after the election (UN Secretary-General's report; AP). That is"
        " why the National Alliance of State of Law and the INA, not Iraqiya with the most"
        " seats of any list, was asked to form the government: the file names it the"
        " formateur wherever it exists, and the largest party elsewhere.",
    ])


def timeline_section(study, timeline):
    rows = []
    for name, label in TIMELINE.items():
        row = timeline.rows[name]
        flags = [m for m in ("ss", "banzhaf", "ss refusal") if row["collapsed"][m]]
        needed = ("-" if row["needed"] is None else
                  "yes" if row["needed"] else f"no ({row['with']} of {row['coalitions']})")
        rows.append([label, f"`{name}`", f"{row['quota']} of {row['total']}",
                     f"{row['kurds']} ({row['seats']})", _exact(row["ss"]),
                     _exact(row["banzhaf"]), _exact(row["ss refusal"]),
                     row["formateur"], needed,
                     "reference" if name == REFERENCE else
                     "-" if not row["tested"] else
                     "**collapse**" if "ss" in flags else
                     ("robustness only: " + ", ".join(flags) if flags else "no")])
    return "\n".join([
        "### The timeline: the Kurds in each game", "",
        "Each stage and each vote is its own game (its scenario in the file; its power and"
        " leverage tables are in the appendix). *Needed*: whether the formateur must have"
        " the Kurds in every coalition it can lead (otherwise: in how many of its minimal"
        " coalitions they sit). The last column applies the test of collapse to the primary"
        " measure from April on, when the Kurdish coalition first acted as one (and names"
        " the robustness checks that flag it).", "",
        _markdown(["stage or vote", "scenario", "quota", "Kurdish bloc (seats)",
                   "Shapley-Shubik", "Banzhaf", "Shapley-Shubik, Iraqiya refuses Maliki",
                   "formateur", "needed by the formateur", "collapse?"], rows),
        "",
        "The presidency went to a Kurd (Talabani, re-elected on 11 November); whatever the"
        " understanding among the blocs that allotted it, one office is no evidence about a"
        " priori power, which is measured by votes, not posts.",
    ])


def artefacts(study):
    """The block of 18 small-list seats, measured."""
    april = study.scenarios["april"].game
    small = [p for p in april.players if april.weight(p) <= 6]
    block = april.merge(small, name="Small lists")
    separate = pi.shapley_shubik(april)
    together = pi.shapley_shubik(block)
    apart = sum((separate[p] for p in small), Fraction(0))
    share = Fraction(sum(april.weight(p) for p in small), april.total_weight)
    return "\n".join([
        "**Artefacts.** Counted as one block, the small lists' 18 seats"
        f" ({_pct(share)} of the House) hold a Shapley-Shubik index of"
        f" {_exact(together['Small lists'])} in the April game; counted as the"
        f" {len(small)} lists they are, they hold {_exact(apart)} together. The block is an"
        " artefact of the model, not a kingmaker of the record. Banzhaf counts every"
        " winning coalition as equally likely, so many combinations of tiny parties weigh"
        " as much as the two-bloc governments that were discussed: the formateur column and"
        " the minimal winning coalitions discount them.",
    ])


def _bloc_distribution(seats, d):
    """Distribution of a bloc's yes votes: the bloc votes yes or no with probability 1/2,
    each member follows it with probability 1 - d."""
    def binomial(p):
        return [comb(seats, k) * p ** k * (1 - p) ** (seats - k) for k in range(seats + 1)]

    return [(a + b) / 2 for a, b in zip(binomial(1 - d), binomial(d), strict=True)]


def _convolve(a, b):
    out = [Fraction(0)] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b):
                out[i + j] += x * y
    return out


def kurdish_decisiveness(game, kurds, d):
    """The probability that the Kurdish bloc, voting as one, decides the vote when every
    other bloc votes yes or no with probability 1/2 and each of its members leaves the
    bloc's vote with probability ``d`` (exact)."""
    dist = [Fraction(1)]
    for player in game.players:
        if player != kurds:
            dist = _convolve(dist, _bloc_distribution(game.weight(player), d))
    q, k = game.quota, game.weight(kurds)
    return sum((p for y, p in enumerate(dist) if y < q <= y + k), Fraction(0))


def cohesion(study):
    rows = []
    for name in ("october", "november", "december"):
        game = study.scenarios[name].game
        kurds = kurds_of(game)
        values = [kurdish_decisiveness(game, kurds, d) for d in DEFECTION]
        rows.append([TIMELINE[name], _exact(values[0]),
                     *(f"{float(value):.4f}" for value in values[1:])])
    return "\n".join([
        "**Cohesion.** The indices take every bloc to vote as one. Here the other blocs"
        " (the National Alliance, the INA's hold-outs, the small lists) vote yes or no with"
        " probability 1/2 and each of their members leaves the bloc's vote with probability"
        " *d* (independently: an assumption); the Kurdish bloc votes as one. The probability"
        " that the Kurds decide the vote (at *d* = 0 it is their Banzhaf probability; the"
        " others are exact fractions of hundreds of digits, shown as decimals):", "",
        _markdown(["game", *(f"d = {d}" for d in DEFECTION)], rows),
    ])


def bargaining(study):
    game = study.scenarios["may"].game
    first = pi.baron_ferejohn(game, DELTA, "seats", first="National Alliance")
    seats = pi.baron_ferejohn(game, DELTA, "seats")
    kurds = kurds_of(game)
    return "\n".join([
        "The largest-bloc ruling gives the National Alliance the first proposal. In the"
        f" game of May-June (the Alliance's 159 seats, the Kurds' {game.weight(kurds)}),"
        f" with a discount factor of {DELTA} (an assumption), the Kurds expect"
        f" {float(first[kurds]):.4f} of the gains of office when the Alliance proposes"
        f" first, {float(seats[kurds]):.4f} when every bloc is recognised in proportion to"
        f" its seats; the Alliance expects {float(first['National Alliance']):.4f} and"
        f" {float(seats['National Alliance']):.4f}. The table below is the base game's"
        " (the lists as elected).",
    ])


def governments(study):
    return ("Ministries per bloc, from a sourced count (two dates: with acting posts in"
            " December, filled posts in February). The government is measured in the game"
            " of December (the National Alliance whole again once ISCI backed Maliki on"
            " 16 December; Tawafuq and the Unity Alliance as the Centrist Alliance). The"
            " Erbil agreement that opened the way, 8-11 November, was Barzani's initiative"
            " (CNN; Reuters).")


def positions(study):
    placed, _ = study.placed_game()
    first = {p: study.spec.positions[p][0] for p in placed.players}
    closed = pi.closed_minimal_range_coalitions(placed, first)
    ranged = pi.minimal_range_coalitions(placed, first)
    return "\n".join([
        "No expert survey places the Iraqi lists of 2010. The positions are our coding of"
        " sourced descriptions (an assumption): secular (0), Shia-led but not clerical (1) or"
        " Islamist and clerical (2), and Arab (0) or Kurdish (1) list (ThinkProgress;"
        " International Crisis Group; GlobalSecurity). The small lists and the minority"
        " seats are left unplaced.",
        "",
        "De Swaan's closed minimal range coalitions need one dimension. On the first alone"
        " (secular to Islamist; the placed lists, the others voting no) they are "
        + "; ".join(str(c) for c in closed) + ", and Leiserson's minimal range coalitions "
        + "; ".join(str(c) for c in ranged) + ". The government that formed held every"
        " placed list but Gorran: no range theory predicts a coalition that broad.",
    ])


def method(study):
    return ("The primary measure and the test of collapse are stated in the summary. The"
            " stages are games of blocs: a merged bloc votes as one; the July stage keeps"
            " State of Law and the INA as separate players that bargain together (an a"
            " priori union: the Owen value). The president's runoff takes Iraqiya as absent"
            " entirely (an assumption: some 60 of its members walked out and 213 members"
            " were present, so the National Alliance alone holds a majority of those voting"
            " in our model).")


def narrative(study, timeline):
    return {"summary": summary(study, timeline), "parliament": parliament(study),
            "scenarios": "\n\n".join([timeline_section(study, timeline), artefacts(study),
                                      cohesion(study)]),
            "bargaining": bargaining(study), "governments": governments(study),
            "positions": positions(study), "method": method(study)}


def draw_timeline(timeline, path):
    """The Kurds' Shapley-Shubik and Banzhaf indices across the stages and votes, with
    the threshold of collapse."""
    from matplotlib.figure import Figure

    from powerindex import plot

    names = list(TIMELINE)
    xs = range(len(names))
    figure = Figure(figsize=(9.0, 4.8), layout="constrained")
    ax = figure.add_subplot()
    for measure, label, marker in (("ss", "Shapley-Shubik (primary)", "o"),
                                   ("banzhaf", "Banzhaf (robustness)", "s"),
                                   ("ss refusal", "Shapley-Shubik, Iraqiya refuses Maliki",
                                    "^")):
        ax.plot(xs, [float(timeline.rows[n][measure]) for n in names], marker=marker,
                label=label)
    threshold = float(COLLAPSE * timeline.rows[REFERENCE]["ss"])
    ax.axhline(threshold, color="grey", linestyle="--", linewidth=1,
               label=f"collapse: {COLLAPSE} of the April Shapley-Shubik value")
    ax.set_xticks(list(xs))
    ax.set_xticklabels([TIMELINE[n] for n in names], rotation=30, ha="right", fontsize=8)
    ax.set_ylabel("power of the Kurdish bloc")
    ax.set_title("Council of Representatives of Iraq, 2010: the Kurds' power by stage and"
                 " vote", fontsize=10)
    ax.legend(fontsize=8)
    path.parent.mkdir(parents=True, exist_ok=True)
    plot.save(figure, path)


def write_report(out_dir=HERE, game_file=GAME_FILE):
    """Write report.md, report.html, tables/ and figures/ into ``out_dir``; return the
    path of report.md."""
    out_dir = Path(out_dir)
    study = pi.Study(pi.read_game(game_file))
    timeline = Timeline(study)
    draw_timeline(timeline, out_dir / "figures" / "kurds-timeline.png")
    return pi.write_report(study, out_dir, narrative=narrative(study, timeline),
                           appendix=("power", "leverage", "formateur", "theories",
                                     "sensitivity"))
