"""The EU27 Council as games: members.csv, the Lisbon rules and the Nice rules.

Only the public powerindex API is used. The data (populations, Nice votes) live in
members.csv; the rules are the treaty texts, written out below.
"""

import csv
from pathlib import Path

import powerindex as pi

HERE = Path(__file__).resolve().parent
MEMBERS_FILE = HERE / "members.csv"

POPULATION_SOURCE = (
    "Eurostat, population on 1 January 2024 (news release 'EU population increases again in"
    " 2024', 11 July 2024, https://ec.europa.eu/eurostat/web/products-eurostat-news/w/"
    "ddn-20240711-1, dataset demo_gind: 449.2 million), by member state to the nearest 100"
    " persons as listed in WikiMili's copy of 'List of European Union member states by"
    " population' (https://wikimili.com/en/List_of_European_Union_member_states_by_population),"
    " here in thousands, rounded half up"
)

# Lisbon (Art. 16(4) TEU, Art. 238(3) TFEU): 55% of the members (15 of 27) representing
# 65% of the population; a blocking minority needs at least four members, so any
# coalition of all but at most three members wins.
LISBON_MEMBER_SHARE = "55/100"
LISBON_POPULATION_SHARE = "65/100"
BLOCKING_MINORITY = 4

# Nice (Treaty of Nice, as amended by the 2005 and 2012 Acts of Accession): weighted
# votes, a majority of the members and, on request, 62% of the population. The Nice
# quota for the EU27 of 2007-2013 was 255 of 345 votes (that Union had the United
# Kingdom, 29 votes, and not Croatia); for today's 27 members (Croatia 7 votes, no United
# Kingdom: 323 votes) we keep the same share, ceil(323 * 255 / 345) = 239 votes (the EU28
# share 260/352 gives 239 as well).
NICE_QUOTA = 239
NICE_TREATY_QUOTA = (255, 345)
NICE_POPULATION_SHARE = "62/100"


def read_members(path=MEMBERS_FILE):
    """Rows of members.csv: code, member, population (thousands), Nice votes."""
    with open(path, newline="", encoding="utf-8") as handle:
        return [
            {"code": row["code"], "member": row["member"],
             "population": int(row["population_thousands"]),
             "votes": int(row["nice_votes"])}
            for row in csv.DictReader(handle)
        ]


def lisbon(rows):
    """(55% of members and 65% of population) or all but at most three members."""
    codes = [r["code"] for r in rows]
    n = len(codes)
    members = pi.WeightedGame([1] * n, pi.share(LISBON_MEMBER_SHARE), players=codes)
    population = pi.WeightedGame([r["population"] for r in rows],
                                 pi.share(LISBON_POPULATION_SHARE), players=codes)
    all_but_three = pi.WeightedGame([1] * n, n - BLOCKING_MINORITY + 1, players=codes)
    return (members & population) | all_but_three


def nice(rows, quota=NICE_QUOTA):
    """Weighted votes, a majority of the members and 62% of the population, all three."""
    codes = [r["code"] for r in rows]
    n = len(codes)
    votes = pi.WeightedGame([r["votes"] for r in rows], quota, players=codes)
    members = pi.WeightedGame([1] * n, n // 2 + 1, players=codes)
    population = pi.WeightedGame([r["population"] for r in rows],
                                 pi.share(NICE_POPULATION_SHARE), players=codes)
    return votes & members & population
