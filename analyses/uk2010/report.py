"""The UK hung parliament of May 2010: the report of uk2010.toml, with what is specific to it.

The library writes the report (:func:`powerindex.write_report`); this module adds only what
belongs to this case, as the report's narrative: who votes in the Commons (and so how large
a majority is), the coalitions discussed in May 2010 tried under each count, and the two
counts of the cabinet that the sources give. Every number in that text is computed here
from the game file, so that changing the file changes the words.
"""

from fractions import Fraction
from pathlib import Path

import powerindex as pi

HERE = Path(__file__).resolve().parent
GAME_FILE = HERE / "uk2010.toml"
KINGMAKER = "Lib Dem"
FORMED = ("Conservative", "Lib Dem")

#: The coalitions discussed in the talks of 7-11 May 2010 (the analyst's list), each
#: tried under every count of the House.
DISCUSSED = {
    "Conservative-Lib Dem (formed 11 May 2010)": ["Conservative", "Lib Dem"],
    "Labour-Lib Dem": ["Labour", "Lib Dem"],
    "Rainbow: Labour-Lib Dem with SNP and Plaid Cymru": ["Labour", "Lib Dem", "SNP",
                                                         "Plaid Cymru"],
    "Full rainbow: adding SDLP, Green, Alliance": ["Labour", "Lib Dem", "SNP", "Plaid Cymru",
                                                   "SDLP", "Green", "Alliance"],
    "Labour-Lib Dem with the DUP": ["Labour", "Lib Dem", "DUP"],
    "Conservative minority with the DUP": ["Conservative", "DUP"],
}

#: The other count of the cabinet in the sources: eighteen Conservatives and five Liberal
#: Democrats (an older text of the Wikipedia article, cited in the file's source 'cabinet').
OTHER_CABINET = {"Conservative": 18, "Lib Dem": 5}


def _exact(value):
    value = Fraction(value)
    return str(value) if value.denominator == 1 else f"{value} ({float(value):.4f})"


def _markdown(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return "\n".join(lines + ["| " + " | ".join(map(str, row)) + " |" for row in rows])


def _needed(scenario, party):
    """The partners ``party`` cannot do without in a scenario, under its graph."""
    table = pi.formateur_partners(scenario.game, party, scenario.graph, rule=scenario.rule)
    return [row[0] for row in table.rows if row[3]]


def summary(study):
    """The answer first: the Liberal Democrats' power against their seats, under every
    count of the House."""
    base = study.scenarios["base"]
    game = base.game
    restricted = pi.shapley_shubik(base.effective_game)
    plain = pi.shapley_shubik(game)
    share = Fraction(game.weight(KINGMAKER), game.total_weight)
    kingmaker_everywhere = [
        name for name, scenario in study.scenarios.items()
        if all(_needed(scenario, party) == [KINGMAKER] for party in ("Conservative", "Labour"))]
    same = len(kingmaker_everywhere) == len(study.scenarios)
    return "\n".join([
        "The general election of 6 May 2010 left no party with a majority of the House of"
        " Commons. Who held the balance? The Liberal Democrats: with"
        f" {game.weight(KINGMAKER)} of the {game.total_weight} members who vote"
        f" ({float(share):.1%}), their Shapley-Shubik index is {_exact(plain[KINGMAKER])}"
        f" with no restriction on who governs with whom, and {_exact(restricted[KINGMAKER])}"
        " under the compatibility graph of the file (no grand coalition; no Conservative"
        " government sustained by the nationalist left) -- an assumption, labelled as one"
        " in the Sources.",
        "",
        "Under that graph the Liberal Democrats were the one partner that neither the"
        " Conservatives nor Labour could do without"
        + (", whichever count of the House is taken (below)." if same else
           f" in {', '.join(kingmaker_everywhere) or 'no count'} of the counts below, not in"
           " the others."),
    ])


def who_votes(study):
    """How large a majority is: the three counts of the House, as the file's scenarios."""
    rows = []
    words = {"base": "effective: the members who vote (no Speaker, no Sinn Féin, no Deputy"
                     " Speakers)"}
    for name, scenario in study.scenarios.items():
        changes = study.spec.changes.get(name)
        what = words.get(name) or (changes.description if changes else name)
        game = scenario.game
        rows.append([name, what, game.total_weight, game.quota])
    return "\n".join([
        "The House has 650 members, so the majority quoted on election night was 326. Fewer"
        " members vote: the Speaker (1) only breaks ties, by precedent towards further"
        " discussion or the status quo, so a motion still needs more ayes than noes; Sinn"
        " Féin's 5 do not take their seats; and the three Deputy Speakers (two Labour, one"
        " Conservative, as elected on 8 June 2010, after the coalition was formed) do not"
        " vote by convention. The base game counts the members who vote; the scenarios give"
        " the larger counts.",
        "",
        _markdown(["game", "who is counted", "seats of the players", "majority"], rows),
    ])


def discussed(study):
    """The coalitions discussed in May 2010: their seats and whether they win, by count."""
    header = ["coalition", *(f"{name} (quota {s.game.quota})"
                             for name, s in study.scenarios.items())]
    rows = []
    for label, members in DISCUSSED.items():
        cells = []
        for scenario in study.scenarios.values():
            game = scenario.game
            seats = sum(game.weight(p) for p in members)
            cells.append(f"{seats} {'wins' if game.is_winning(members) else 'loses'}")
        rows.append([label, *cells])
    return "\n".join([
        "The coalitions discussed during the talks of 7-11 May 2010, with their seats under"
        " each count of the House:",
        "",
        _markdown(header, rows),
    ])


def cabinet(study):
    """Both counts of the cabinet that the sources give, against seats and power."""
    base = study.scenarios["base"]
    power = pi.shapley_shubik(base.effective_game)
    readings = {"16 Conservatives and 5 Liberal Democrats (the file's)":
                dict(study.spec.governments[0].offices),
                "18 and 5 (an older count)": OTHER_CABINET}
    sentences = []
    for words, offices in readings.items():
        table = pi.portfolio_allocation(study.spec.game, offices, power=power)
        row = dict(zip(table.columns,
                       table.rows[table.column("party").index(KINGMAKER)], strict=True))
        more = "more" if row["office share"] > row["seat share"] else "less"
        than_power = "less" if row["office share"] < row["power share"] else "more"
        sentences.append(
            f"with {words} their office share is {_exact(row['office share'])}, {more} than"
            f" their share of the coalition's seats ({_exact(row['seat share'])}) and"
            f" {than_power} than their share of its power ({_exact(row['power share'])})")
    return ("The sources count the cabinet's members differently. For the Liberal Democrats,"
            f" {sentences[0]}; {sentences[1]}.")


def narrative(study):
    return {"summary": summary(study), "parliament": who_votes(study),
            "scenarios": discussed(study), "governments": cabinet(study)}


def write_report(out_dir=HERE, game_file=GAME_FILE):
    """Write report.md, report.html, tables/ and figures/ into ``out_dir``; return the
    path of report.md."""
    spec = pi.read_game(game_file)
    study = pi.Study(spec)
    return pi.write_report(study, Path(out_dir), narrative=narrative(study))
