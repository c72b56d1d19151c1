"""The EU27 Council as games: members.csv, the Lisbon rules and the Nice rules.

Only the public powerindex API is used. The data (populations, Nice votes) live in
members.csv and their sources in sources.toml; the rules are the treaty texts, written out
below.
"""

import csv
import sys
from pathlib import Path

import powerindex as pi

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
MEMBERS_FILE = HERE / "members.csv"
SOURCES_FILE = HERE / "sources.toml"

# The games count population in units of 100 persons: every figure of members.csv is a
# multiple of 100 (Eurostat's release to the nearest 100), so the division is exact and the
# same coalitions win as with persons, in smaller numbers for the engines.
POPULATION_UNIT = 100

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
# share 260/352 gives 239 as well). An assumption: no treaty sets it.
NICE_QUOTA = 239
NICE_TREATY_QUOTA = (255, 345)
NICE_POPULATION_SHARE = "62/100"

_COLUMNS = ("code", "member", "population", "nice_votes")


def read_members(path=MEMBERS_FILE):
    """Rows of members.csv: code, member, population (persons), Nice votes, checked."""
    path = Path(path)
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in _COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(missing)};"
                             f" the columns are {', '.join(_COLUMNS)}")
        rows = []
        for line, row in enumerate(reader, start=2):
            values = {}
            for field in ("population", "nice_votes"):
                text = row[field].strip()
                if not text.isdigit() or int(text) <= 0:
                    raise ValueError(f"{path}, line {line} ({row['code']}): {field} must be a"
                                     f" positive whole number, got {text!r}")
                values[field] = int(text)
            if values["population"] % POPULATION_UNIT:
                raise ValueError(
                    f"{path}, line {line} ({row['code']}): population {values['population']}"
                    f" is not a multiple of {POPULATION_UNIT}; the games count population in"
                    f" units of {POPULATION_UNIT} persons, which must divide every figure"
                    " exactly")
            rows.append({"code": row["code"], "member": row["member"],
                         "population": values["population"], "votes": values["nice_votes"]})
    return rows


def read_sources(path=SOURCES_FILE):
    """The sources of sources.toml: population, the Council's figures, the rules."""
    with open(path, "rb") as handle:
        sources = tomllib.load(handle)
    for table, keys in (("population", ("release", "by_member", "eu_total")),
                        ("council", ("decision", "vintage", "first_figures")),
                        ("rules", ("lisbon", "nice"))):
        for key in keys:
            if key not in sources.get(table, {}):
                raise ValueError(f"{path}: [{table}] needs {key!r}")
    return sources


def population_units(rows):
    """Each member's population in units of POPULATION_UNIT persons (exact)."""
    return [r["population"] // POPULATION_UNIT for r in rows]


def lisbon(rows):
    """(55% of members and 65% of population) or all but at most three members."""
    codes = [r["code"] for r in rows]
    n = len(codes)
    members = pi.WeightedGame([1] * n, pi.share(LISBON_MEMBER_SHARE), players=codes)
    population = pi.WeightedGame(population_units(rows), pi.share(LISBON_POPULATION_SHARE),
                                 players=codes)
    all_but_three = pi.WeightedGame([1] * n, n - BLOCKING_MINORITY + 1, players=codes)
    return (members & population) | all_but_three


def nice(rows, quota=NICE_QUOTA):
    """Weighted votes, a majority of the members and 62% of the population, all three."""
    codes = [r["code"] for r in rows]
    n = len(codes)
    votes = pi.WeightedGame([r["votes"] for r in rows], quota, players=codes)
    members = pi.WeightedGame([1] * n, n // 2 + 1, players=codes)
    population = pi.WeightedGame(population_units(rows), pi.share(NICE_POPULATION_SHARE),
                                 players=codes)
    return votes & members & population
