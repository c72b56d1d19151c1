"""The Security Council as games: the Charter rule and its weighted form, for each council.

Everything here uses only the public powerindex API. The rules live in councils.toml, not
in this code.
"""

import sys
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import powerindex as pi

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
COUNCILS_FILE = HERE / "councils.toml"
_INTEGER_FIELDS = ("elected_seats", "votes_required", "permanent_weight", "elected_weight",
                   "quota")


def read_councils(path=COUNCILS_FILE):
    """The councils and the published values of councils.toml, checked."""
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    councils = data.get("councils")
    if not councils:
        raise ValueError(f"{path}: no [[councils]] table")
    for council in councils:
        key = council.get("key", "?")
        for field in _INTEGER_FIELDS:
            value = council.get(field)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ValueError(
                    f"{path}: council {key!r}: {field} must be a positive integer, got {value!r}"
                )
        permanent = council.get("permanent")
        if not isinstance(permanent, list) or len(set(permanent)) != len(permanent or [1, 1]):
            raise ValueError(f"{path}: council {key!r}: permanent must list distinct names")
        if council["votes_required"] > len(permanent) + council["elected_seats"]:
            raise ValueError(f"{path}: council {key!r}: more votes required than members")
    published = data.get("published", {})
    for field in ("permanent_each", "elected_each"):
        if field in published:
            published[field] = Fraction(published[field])
    return councils, published


def elected_names(council):
    """The elected seats, E1 to En: interchangeable, so named by number."""
    return [f"E{i}" for i in range(1, council["elected_seats"] + 1)]


def members(council):
    return [*council["permanent"], *elected_names(council)]


def charter_game(council):
    """Article 27(3) as a rule: enough affirmative votes, all permanent members among them."""
    permanent = frozenset(council["permanent"])
    required = council["votes_required"]

    def passes(coalition):
        return permanent <= coalition and len(coalition) >= required

    return pi.SimpleGame(members(council), passes)


def weighted_game(council):
    """The weighted form ``[quota; permanent weight x 5, elected weight x n]``."""
    weights = ([council["permanent_weight"]] * len(council["permanent"])
               + [council["elected_weight"]] * council["elected_seats"])
    return pi.WeightedGame(weights, council["quota"], players=members(council))


@dataclass(frozen=True)
class Council:
    """One council: its two games and every index of the report, computed once."""

    spec: dict
    charter: pi.SimpleGame
    weighted: pi.WeightedGame
    indices: dict  # index label -> {player: Fraction}, computed on the Charter rule
    weighted_indices: dict  # the same on the weighted form
    winning: tuple  # the winning coalitions of the Charter rule (frozensets)
    weighted_winning: tuple
    minimal_winning: tuple

    @property
    def key(self):
        return self.spec["key"]

    @property
    def permanent(self):
        return self.spec["permanent"][0]

    @property
    def elected(self):
        return elected_names(self.spec)[0]

    @property
    def size(self):
        return len(self.charter.players)

    @property
    def agree(self):
        """Whether the weighted form has exactly the Charter rule's winning coalitions."""
        return set(self.winning) == set(self.weighted_winning)


INDICES = (
    ("Shapley-Shubik", lambda g: pi.shapley_shubik(g)),
    ("Banzhaf (normalized)", lambda g: pi.banzhaf(g)),
    ("Banzhaf (absolute)", lambda g: pi.banzhaf(g, normalized=False)),
    ("swings", lambda g: pi.swings(g)),
    ("Deegan-Packel", lambda g: pi.deegan_packel(g)),
    ("Holler", lambda g: pi.holler(g)),
    ("Johnston", lambda g: pi.johnston(g)),
)


def study_council(council):
    charter, weighted = charter_game(council), weighted_game(council)
    return Council(
        spec=council,
        charter=charter,
        weighted=weighted,
        indices={name: dict(f(charter).items()) for name, f in INDICES},
        weighted_indices={name: dict(f(weighted).items()) for name, f in INDICES},
        winning=tuple(frozenset(c) for c in pi.winning_coalitions(charter)),
        weighted_winning=tuple(frozenset(c) for c in pi.winning_coalitions(weighted)),
        minimal_winning=tuple(frozenset(c) for c in pi.minimal_winning_coalitions(charter)),
    )
