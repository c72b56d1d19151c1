"""Game files: a parliament, its quota, who can sit with whom, and scenarios, in TOML, JSON
or CSV.

A *game file* states a weighted game the way an analyst writes it down: the parties and
their seats, the quota (as seats or as a share of the total), and optionally a
compatibility graph, a priori unions, an ideological order and named scenarios that
modify the base game. :func:`read_game` turns such a file into a :class:`GameSpec`;
:func:`write_game` writes one back, so that a game written out and read back is the same
game. :func:`loads` and :func:`dumps` do the same with text.

TOML and JSON hold the same structure (documented in ``docs/file-format.md``). CSV holds
only the parties and their seats, with the quota on a comment line::

    # quota: 163
    party,seats
    Iraqiya,91
    ...

Every problem with a file raises :class:`~powerindex.errors.GameFileError`, whose message
names the file, the line and the field at fault.

Examples
--------
>>> import powerindex as pi
>>> from powerindex.io import loads
>>> spec = loads('''
... quota = "2/3"
... parties = [{ name = "A", seats = 50 }, { name = "B", seats = 30 },
...            { name = "C", seats = 20 }]
... [scenarios.merger]
... merge = [["B", "C"]]
... ''', "toml")
>>> spec.game
<WeightedGame [200/3; 50, 30, 20]>
>>> spec.scenarios["merger"].game
<WeightedGame [200/3; 50, 50]>
>>> loads("party,seats\\nA,50\\nB,fifty\\n", "csv", quota=51)
Traceback (most recent call last):
...
powerindex.errors.GameFileError: line 3, field 'seats' of party 'B': expected a non-negative
 number, got "fifty"
"""

import csv
import difflib
import io
import json
import math
import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction

import networkx as nx

from ._numbers import lcm_of_denominators, simplest, to_fraction
from .errors import (
    GameFileError,
    InvalidGameError,
    InvalidTypeError,
    PowerIndexError,
)
from .games import WeightedGame
from .graphs import RULES, _check_graph, _check_pairs, merge_graph
from .leverage import Scenario, _check_order
from .quotas import MAJORITY, Share, share
from .unions import _partition

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = [
    "GameSpec",
    "ScenarioChanges",
    "read_game",
    "write_game",
    "loads",
    "dumps",
    "FORMATS",
    "MAX_TOTAL_WEIGHT",
]

#: The formats understood, by name; a file's suffix (``.toml``, ``.json``, ``.csv``) names it.
FORMATS = ("toml", "json", "csv")

#: The largest total weight a file may give, once fractional seats are scaled to integers:
#: the exact algorithms cost time and memory in proportion to it.
MAX_TOTAL_WEIGHT = 10**9

_TOP_KEYS = ("title", "quota", "majority", "strict", "parties", "order", "graph", "rule",
             "unions", "scenarios")
_PARTY_KEYS = ("name", "seats")
_GRAPH_KEYS = ("edges", "incompatible")
_SCENARIO_KEYS = ("description", "seats", "drop", "quota", "majority", "strict", "compatible",
                  "incompatible", "merge", "unions", "rule")
_MERGE_KEYS = ("members", "name")
_NUMBER_TEXT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_MAX_NUMBER_TEXT = 100


# -- the objects a file describes ----------------------------------------------------------------
def _normal_unions(unions):
    """None, a tuple of tuples (unnamed unions) or a dict name -> tuple (named unions)."""
    if unions is None:
        return None
    if isinstance(unions, Mapping):
        normal = {name: tuple(members) if not isinstance(members, str) else members
                  for name, members in unions.items()}
    elif isinstance(unions, str) or not isinstance(unions, Iterable):
        return unions  # left for _partition to reject with its own message
    else:
        normal = tuple(tuple(m) if not isinstance(m, str) and isinstance(m, Iterable) else m
                       for m in unions)
    return normal or None


def _named_unions(unions):
    """Unions as a dict name -> list of members (unnamed unions named as pi.owen names them)."""
    if unions is None:
        return {}
    if isinstance(unions, Mapping):
        return {name: list(members) for name, members in unions.items()}
    return {"+".join(members): list(members) for members in unions}


def _normal_pairs(pairs, what):
    if isinstance(pairs, str) or not isinstance(pairs, Iterable):
        raise InvalidTypeError(f"{what} must be a list of pairs of party names, got {pairs!r}")
    normal = []
    for pair in pairs:
        if isinstance(pair, str) or not isinstance(pair, Iterable):
            raise InvalidTypeError(f"each entry of {what} must be a pair of names, got {pair!r}")
        normal.append(tuple(pair))
    return tuple(normal)


def _normal_merges(merges):
    if isinstance(merges, str) or not isinstance(merges, Iterable):
        raise InvalidTypeError(f"merge must be a list of merges, got {merges!r}")
    normal = []
    for entry in merges:
        if isinstance(entry, Mapping):
            unknown = set(entry) - set(_MERGE_KEYS)
            if unknown or "members" not in entry:
                raise InvalidTypeError(
                    "a merge is a list of names or {'members': [...], 'name': ...}, got"
                    f" {entry!r}"
                )
            members, name = entry["members"], entry.get("name")
        elif (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], tuple)
              and (entry[1] is None or isinstance(entry[1], str))):
            members, name = entry  # already normal
        elif isinstance(entry, str) or not isinstance(entry, Iterable):
            raise InvalidTypeError(f"a merge is a list of party names, got {entry!r}")
        else:
            members, name = entry, None
        if isinstance(members, str) or not isinstance(members, Iterable):
            raise InvalidTypeError(f"a merge's members must be a list of names, got {members!r}")
        normal.append((tuple(members), name))
    return tuple(normal)


@dataclass(frozen=True)
class ScenarioChanges:
    """The modifications that make one scenario out of the base game of a :class:`GameSpec`.

    They apply in the order of the fields: seats, drop, quota, compatible, incompatible,
    merge, unions, rule.

    Parameters
    ----------
    description : str, optional
        Free text.
    seats : mapping of str to number, optional
        New seats for some parties.
    drop : sequence of str, optional
        Parties that leave the game (they vote no). Their pairs in the graph and their
        places in unions go with them.
    quota : number or Share, optional
        A new quota. Without one the base quota applies: a share is resolved against the
        new total, a number of seats is kept as it is.
    compatible, incompatible : sequence of pairs of str, optional
        Pairs that become compatible (edges added to the graph) or incompatible (edges
        removed). Without a base graph, everyone starts compatible with everyone.
    merge : sequence, optional
        Blocs that vote as one player: each a list of at least two names, or a
        ``(members, name)`` pair, or ``{"members": [...], "name": ...}``. The name defaults
        to the members joined by ``"+"``; the bloc is compatible with a party when every
        member was (:func:`~powerindex.merge_graph`) and takes the members' place in a union.
    unions : list of lists of str, or dict of str to list of str, optional
        A priori unions added to the base game's.
    rule : {"connected", "clique"}, optional
        A different rule for the graph.

    Raises
    ------
    InvalidTypeError
        A field of the wrong shape (for instance a merge given as a bare string).
    """

    description: str = ""
    seats: tuple = ()
    drop: tuple = ()
    quota: object = None
    compatible: tuple = ()
    incompatible: tuple = ()
    merge: tuple = ()
    unions: object = None
    rule: object = None

    def __post_init__(self):
        if not isinstance(self.description, str):
            raise InvalidTypeError(f"description must be a string, got {self.description!r}")
        seats = self.seats.items() if isinstance(self.seats, Mapping) else self.seats
        if isinstance(seats, str) or not isinstance(seats, Iterable):
            raise InvalidTypeError(f"seats must map party names to seats, got {self.seats!r}")
        object.__setattr__(self, "seats", tuple((name, value) for name, value in seats))
        if isinstance(self.drop, str) or not isinstance(self.drop, Iterable):
            raise InvalidTypeError(f"drop must be a list of party names, got {self.drop!r}")
        object.__setattr__(self, "drop", tuple(self.drop))
        object.__setattr__(self, "compatible", _normal_pairs(self.compatible, "compatible"))
        object.__setattr__(self, "incompatible",
                           _normal_pairs(self.incompatible, "incompatible"))
        object.__setattr__(self, "merge", _normal_merges(self.merge))
        object.__setattr__(self, "unions", _normal_unions(self.unions))


class _ChangeError(Exception):
    """A change that does not apply: the field of ScenarioChanges at fault and the error."""

    def __init__(self, field, error):
        super().__init__(str(error))
        self.field = field
        self.error = error


def _guard(field, action, *args, **kwargs):
    try:
        return action(*args, **kwargs)
    except PowerIndexError as exc:
        raise _ChangeError(field, exc) from None


def _apply(spec, changes):
    """The pi.Scenario of ``changes`` on the base game of ``spec`` (raises _ChangeError)."""
    game = spec.game
    weights = dict(zip(game.players, game.weights, strict=True))
    for party, seats in changes.seats:
        _guard("seats", game._check_player, party)
        weights[party] = seats
    for party in changes.drop:
        _guard("drop", game._check_player, party)
        if party not in weights:
            raise _ChangeError("drop", InvalidGameError(f"{party!r} is dropped twice"))
        del weights[party]
    if not weights:
        raise _ChangeError("drop", InvalidGameError("every party is dropped: no game is left"))
    quota = changes.quota
    blame = "quota"
    if quota is None:
        quota = spec.quota_share if spec.quota_share is not None else game.quota
        blame = "drop" if changes.drop else "seats"
    try:
        new_game = WeightedGame(list(weights.values()), quota, list(weights))
    except PowerIndexError as exc:
        if blame == "drop" and isinstance(quota, int | Fraction):
            exc = InvalidGameError(
                f"without {', '.join(map(repr, changes.drop))} the others cannot reach the"
                f" quota {quota} ({exc}); give the scenario its own quota"
            )
        raise _ChangeError(blame, exc) from None

    graph = None if spec.graph is None else spec.graph.copy()
    if graph is not None:
        graph.remove_nodes_from(changes.drop)
    if changes.compatible or changes.incompatible:
        names = new_game.players
        if graph is None:
            graph = nx.complete_graph(names)
        added = _guard("compatible", _check_pairs, names, changes.compatible, "compatible")
        removed = _guard("incompatible", _check_pairs, names, changes.incompatible,
                         "incompatible")
        graph.add_edges_from(added)
        graph.remove_edges_from(removed)

    unions = _named_unions(spec.unions)
    for name in list(unions):
        unions[name] = [m for m in unions[name] if m not in changes.drop]
        if not unions[name]:
            del unions[name]
    for members, name in changes.merge:
        new_game = _guard("merge", new_game.merge, members, name)
        bloc = name if name is not None else "+".join(members)
        if graph is not None:
            graph = _guard("merge", merge_graph, graph, members, bloc)
        holders = [u for u, ms in unions.items() if set(ms) & set(members)]
        if len(holders) > 1 or (holders and not set(members) <= set(unions[holders[0]])):
            raise _ChangeError("merge", InvalidGameError(
                f"the merge of {list(members)} splits the union"
                f" {holders[0]!r}: merge parties of one union, or parties in no union"
            ))
        if holders:
            union = unions[holders[0]]
            position = min(union.index(m) for m in members)
            kept = [m for m in union if m not in members]
            kept.insert(position, bloc)
            unions[holders[0]] = kept
    owner = {m: name for name, members in unions.items() for m in members}
    added = (changes.unions.items() if isinstance(changes.unions, Mapping)
             else (("+".join(members), members) for members in changes.unions or ()))
    for name, members in added:
        for member in members:
            if member in owner:
                raise _ChangeError("unions", InvalidGameError(
                    f"{member!r} would be in two unions, {owner[member]!r} and {name!r}"))
            owner[member] = name
        if name in unions:
            raise _ChangeError("unions", InvalidGameError(f"two unions are named {name!r}"))
        unions[name] = list(members)
    if unions:
        _guard("unions", _partition, new_game, unions)
    rule = spec.rule if changes.rule is None else changes.rule
    if rule not in RULES:
        raise _ChangeError("rule", InvalidGameError(
            f"the rule must be 'connected' or 'clique', got {rule!r}"))
    return Scenario(new_game, graph, unions or None, rule)


@dataclass(frozen=True, eq=False)
class GameSpec:
    """Everything a game file says: the game, its graph, unions, order and scenarios.

    Parameters
    ----------
    game : WeightedGame
        The base game: parties, seats and quota.
    graph : networkx.Graph, optional
        Compatibility graph on the parties (a copy is kept).
    rule : {"connected", "clique"}, optional
        How the graph restricts coalitions (see :func:`~powerindex.restrict`).
    unions : list of lists of str, or dict of str to list of str, optional
        A priori unions.
    order : sequence of str, optional
        An ideological order of all the parties (left to right).
    changes : mapping of str to ScenarioChanges, optional
        Named scenarios, as modifications of the base game (a mapping of keyword
        arguments of :class:`ScenarioChanges` is accepted too).
    title : str, optional
    quota_share : Share, optional
        The quota as the file stated it, when it was a share of the total (written back
        that way, and re-applied when a scenario changes the seats).

    Attributes
    ----------
    scenarios : dict of str to Scenario
        The scenarios built from ``changes`` (a new dict on every access).
    base : Scenario
        The base game with its graph, unions and rule.

    Raises
    ------
    InvalidTypeError
        ``game`` is not a WeightedGame, or a field has the wrong type.
    GraphError, InvalidUnionsError, UnknownPlayerError, InvalidGameError
        The graph, unions or order do not fit the players, or a scenario's changes do
        not apply (the error of the library function that refused them).

    Notes
    -----
    Equality compares the game, the graph's nodes and edges, the rule, unions, order,
    scenario changes, title and quota share.
    """

    game: WeightedGame
    graph: object = None
    rule: str = "connected"
    unions: object = None
    order: object = None
    changes: Mapping = field(default_factory=dict)
    title: str = ""
    quota_share: object = None

    def __post_init__(self):
        if not isinstance(self.game, WeightedGame):
            raise InvalidTypeError(
                f"a game file holds a WeightedGame, got {type(self.game).__name__}"
            )
        if self.graph is not None:
            _check_graph(self.game.players, self.graph)
            object.__setattr__(self, "graph", self.graph.copy())
        if self.rule not in RULES:
            raise InvalidGameError(f"the rule must be 'connected' or 'clique', got {self.rule!r}")
        unions = _normal_unions(self.unions)
        if unions is not None:
            _partition(self.game, unions)
        object.__setattr__(self, "unions", unions)
        if self.order is not None:
            object.__setattr__(self, "order", tuple(_check_order(self.game, self.order)))
        if not isinstance(self.title, str):
            raise InvalidTypeError(f"the title must be a string, got {self.title!r}")
        if self.quota_share is not None and not isinstance(self.quota_share, Share):
            raise InvalidTypeError(f"quota_share must be a Share, got {self.quota_share!r}")
        if not isinstance(self.changes, Mapping):
            raise InvalidTypeError("changes must map scenario names to ScenarioChanges")
        changes = {}
        for name, change in self.changes.items():
            if not isinstance(name, str) or not name.strip():
                raise InvalidTypeError(f"a scenario needs a non-empty name, got {name!r}")
            changes[name] = (change if isinstance(change, ScenarioChanges)
                             else ScenarioChanges(**change))
        object.__setattr__(self, "changes", changes)
        scenarios = {}
        for name, change in changes.items():
            try:
                scenarios[name] = _apply(self, change)
            except _ChangeError as exc:
                raise exc.error from None
        object.__setattr__(self, "_scenarios", scenarios)

    @property
    def scenarios(self):
        """Scenario name -> :class:`~powerindex.Scenario`, in the order of the file."""
        return dict(self._scenarios)

    @property
    def base(self):
        """The base game as a :class:`~powerindex.Scenario` (graph, unions and rule)."""
        return Scenario(self.game, self.graph, self.unions, self.rule)

    def _key(self):
        graph = None if self.graph is None else (
            tuple(self.graph.nodes), frozenset(frozenset(e) for e in self.graph.edges))
        return (self.game, graph, self.rule, self.unions, self.order, self.changes,
                self.title, self.quota_share)

    def __eq__(self, other):
        if not isinstance(other, GameSpec):
            return NotImplemented
        return self._key() == other._key()

    def __repr__(self):
        parts = [f"{self.game.n} parties, quota {self.game.quota} of {self.game.total_weight}"]
        if self.graph is not None:
            parts.append(f"{self.rule} graph with {self.graph.number_of_edges()} edges")
        if self.unions:
            parts.append(f"{len(self.unions)} union" + ("s" if len(self.unions) > 1 else ""))
        if self.changes:
            parts.append(f"{len(self.changes)} scenario" + ("s" if len(self.changes) > 1 else ""))
        title = f" {self.title!r}" if self.title else ""
        return f"<GameSpec{title}: {', '.join(parts)}>"


# -- showing values in messages -------------------------------------------------------------------
def _show(value, depth=0):
    """A short rendering of a parsed value for an error message (never fails, never huge)."""
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= 60 else text[:56] + '..."'
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        if value.bit_length() > 100:
            return f"a number of about {int(value.bit_length() * math.log10(2)) + 1} digits"
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list):
        if depth >= 2:
            return "[...]"
        items = [_show(v, depth + 1) for v in value[:4]]
        return "[" + ", ".join(items + (["..."] if len(value) > 4 else [])) + "]"
    if isinstance(value, dict):
        if depth >= 2:
            return "{...}"
        items = [f"{_show(str(k))}: {_show(v, depth + 1)}" for k, v in list(value.items())[:4]]
        return "{" + ", ".join(items + (["..."] if len(value) > 4 else [])) + "}"
    return _show(str(value))


def _kind(value):
    if isinstance(value, bool):
        return "true/false"
    for types, name in ((str, "a string"), (int, "an integer"), (float, "a number"),
                        (list, "a list"), (dict, "a table")):
        if isinstance(value, types):
            return name
    return "a date or time"


# -- locating a field in the text ---------------------------------------------------------------
def _key_pattern(key):
    return (r"(?:^|(?<=[\s{,.\[]))[\"']?" + re.escape(str(key))
            + r"[\"']?\s*(?=[=:.\]])")


def _value_pattern(value):
    return r"[\"']" + re.escape(str(value)) + r"[\"']"


def _key(name):
    return ("key", name)


def _value(name):
    return ("value", name)


class _Source:
    """The text being read, to point errors at its lines."""

    def __init__(self, text, path, fmt):
        self.text = text
        self.path = path
        self.format = fmt
        self.lines = {}  # CSV: structural path -> line number

    def line_of(self, anchors, where):
        if self.format == "csv":
            where = tuple(where)
            while where:
                if where in self.lines:
                    return self.lines[where]
                where = where[:-1]
            return None
        position, line = 0, None
        for kind, name in anchors:
            pattern = _key_pattern(name) if kind == "key" else _value_pattern(name)
            match = re.compile(pattern, re.MULTILINE).search(self.text, position)
            if match is None:
                break
            position = match.end()
            line = self.text.count("\n", 0, match.start()) + 1
        return line

    def fail(self, reason, field=None, context="", anchors=(), where=()):
        raise GameFileError(reason, self.path, self.line_of(anchors, where), field, context)


# -- reading values ------------------------------------------------------------------------------
def _number_from_text(text):
    """An exact Fraction from "12", "81.5", "-3" or "325/2"; ValueError if it is not one."""
    text = text.strip()
    if len(text) > _MAX_NUMBER_TEXT:
        raise ValueError("too long")
    top, slash, bottom = text.partition("/")
    top, bottom = top.strip(), bottom.strip()
    if not _NUMBER_TEXT.fullmatch(top) or (slash and not _NUMBER_TEXT.fullmatch(bottom)):
        raise ValueError("not a number")
    value = Fraction(top)
    if slash:
        denominator = Fraction(bottom)
        if denominator == 0:
            raise ValueError("division by zero")
        value /= denominator
    return value


def _number(value):
    """An exact Fraction from a parsed value; ValueError if it is not a finite number."""
    if isinstance(value, str):
        return _number_from_text(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("not a number")
    try:
        return to_fraction(value, "value")
    except PowerIndexError as exc:
        raise ValueError(str(exc)) from None


def _share_from_text(text, strict):
    """A Share from "2/3" or "65%"; ValueError with the reason."""
    body = text.strip()
    percent = body.endswith("%")
    if percent:
        body = body[:-1]
    fraction = _number_from_text(body)
    if percent:
        fraction /= 100
    if not 0 < fraction <= 1 or (strict and fraction == 1):
        raise ValueError(
            f"a quota written with '/' or '%' is a share of the total seats, in (0, 1]"
            f"{' and below 1 when strict' if strict else ''}; got {simplest(fraction)}"
            " (write a quota in seats as a plain number, e.g. 162.5)"
        )
    return share(fraction, strict=strict)


def _quota_from_text(text, strict=False):
    """The quota text grammar: "163", "81.5", "2/3", "65%", "more than 1/2", "majority",
    and "100/3 seats" (an exact fraction of seats, not a share)."""
    body = " ".join(text.split()).lower()
    if body.endswith(" seats"):
        if strict:
            raise ValueError("strict goes with a share quota such as \"1/2\", not with seats")
        return _number_from_text(body[: -len(" seats")])
    if body == "majority":
        if strict:
            raise ValueError("'majority' is already strict (more than half)")
        return MAJORITY
    if body.startswith("more than "):
        if strict:
            raise ValueError("say 'more than' or strict = true, not both")
        body, strict = body[len("more than "):], True
        if "/" not in body and "%" not in body:
            raise ValueError("'more than' goes with a share such as 1/2 or 50%")
    if "/" in body or "%" in body:
        return _share_from_text(body, strict)
    if strict:
        raise ValueError("strict goes with a share quota such as \"1/2\", not with seats")
    return _number_from_text(body)


def _ratio(value):
    """"a/b" even for a whole number, so that the text reads as a share, not as seats."""
    return f"{value.numerator}/{value.denominator}"


def _format_share(value):
    if value == MAJORITY:
        return "majority"
    return ("more than " if value.strict else "") + _ratio(value.fraction)


# -- from parsed data to a GameSpec ------------------------------------------------------------
class _Reader:
    def __init__(self, source):
        self.src = source

    def fail(self, *args, **kwargs):
        self.src.fail(*args, **kwargs)

    def check_keys(self, table, allowed, context, anchors, where):
        for key in table:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f"did you mean {close[0]!r}? " if close else ""
                self.fail(f"unknown key {key!r}; {hint}the keys here are {', '.join(allowed)}",
                          field=str(key), context=context, anchors=(*anchors, _key(key)),
                          where=(*where, key))

    def table(self, value, field_name, context, anchors, where):
        if not isinstance(value, dict):
            self.fail(f"expected a table, got {_kind(value)} {_show(value)}", field=field_name,
                      context=context, anchors=anchors, where=where)
        return value

    def names(self, value, field_name, context, anchors, where, known=None, minimum=0):
        if not isinstance(value, list):
            self.fail(f"expected a list of party names, got {_kind(value)} {_show(value)}",
                      field=field_name, context=context, anchors=anchors, where=where)
        for name in value:
            if not isinstance(name, str):
                self.fail(f"expected a list of party names, got {_show(name)} in it",
                          field=field_name, context=context, anchors=anchors, where=where)
            if known is not None and name not in known:
                self.fail(f"{_show(name)} is not a party; the parties are {list(known)}",
                          field=field_name, context=context,
                          anchors=(*anchors, _value(name)), where=where)
        if len(value) < minimum:
            self.fail(f"expected at least {minimum} names, got {_show(value)}",
                      field=field_name, context=context, anchors=anchors, where=where)
        return list(value)

    def pairs(self, value, field_name, context, anchors, where, known):
        if not isinstance(value, list):
            self.fail(f"expected a list of pairs of party names, got {_kind(value)}"
                      f" {_show(value)}", field=field_name, context=context, anchors=anchors,
                      where=where)
        pairs = []
        for number, pair in enumerate(value, start=1):
            if (not isinstance(pair, list) or len(pair) != 2
                    or not all(isinstance(p, str) for p in pair)):
                self.fail(f"entry {number} must be a pair of party names like [\"A\", \"B\"],"
                          f" got {_show(pair)}", field=field_name, context=context,
                          anchors=anchors, where=where)
            for name in pair:
                if name not in known:
                    self.fail(f"{_show(name)} in the pair {_show(pair)} is not a party; the"
                              f" parties are {list(known)}", field=field_name, context=context,
                              anchors=(*anchors, _value(name)), where=where)
            if pair[0] == pair[1]:
                self.fail(f"the pair {_show(pair)} joins {_show(pair[0])} to itself",
                          field=field_name, context=context, anchors=anchors, where=where)
            pairs.append(tuple(pair))
        return pairs

    def quota(self, table, context, anchors, where, required):
        """None (not given), a Fraction (seats) or a Share, from quota / majority / strict."""
        for key in ("majority", "strict"):
            if key in table and not isinstance(table[key], bool):
                self.fail(f"expected true or false, got {_show(table[key])}", field=key,
                          context=context, anchors=(*anchors, _key(key)), where=(*where, key))
        strict = table.get("strict", False)
        if table.get("majority", False):
            if "quota" in table:
                self.fail("give either quota or majority = true, not both", field="majority",
                          context=context, anchors=(*anchors, _key("majority")),
                          where=(*where, "majority"))
            if strict:
                self.fail("majority = true is already strict (more than half); drop strict",
                          field="strict", context=context, anchors=(*anchors, _key("strict")),
                          where=(*where, "strict"))
            return MAJORITY
        if "quota" not in table:
            if required:
                self.fail('no quota: give quota = 163 (seats needed), quota = "2/3" (a share'
                          " of the seats) or majority = true (more than half)", field="quota",
                          context=context, anchors=anchors, where=where)
            if strict:
                self.fail("strict goes with a share quota, and there is none", field="strict",
                          context=context, anchors=(*anchors, _key("strict")),
                          where=(*where, "strict"))
            return None
        value = table["quota"]
        at = dict(field="quota", context=context, anchors=(*anchors, _key("quota")),
                  where=(*where, "quota"))
        if isinstance(value, str):
            try:
                return _quota_from_text(value, strict)
            except (ValueError, PowerIndexError) as exc:
                self.fail(f"cannot read the quota {_show(value)}: {exc}", **at)
        if strict:
            self.fail("strict goes with a share quota such as \"1/2\", not with seats",
                      field="strict", context=context, anchors=(*anchors, _key("strict")),
                      where=(*where, "strict"))
        try:
            quota = _number(value)
        except ValueError:
            self.fail(f"expected a number of seats or a share such as \"2/3\", got {_show(value)}",
                      **at)
        if quota <= 0:
            self.fail(f"the quota must be positive, got {_show(value)}", **at)
        return quota

    def seats(self, value, context, anchors, where):
        at = dict(field="seats", context=context, anchors=anchors, where=where)
        try:
            seats = _number(value)
        except ValueError:
            self.fail(f"expected a non-negative number, got {_show(value)}", **at)
        if seats < 0:
            self.fail(f"expected a non-negative number, got {_show(value)}", **at)
        return simplest(seats)

    def check_size(self, weights, anchors, where):
        scale = lcm_of_denominators([Fraction(w) for w in weights])
        total = sum(Fraction(w) * scale for w in weights)
        if total > MAX_TOTAL_WEIGHT:
            shown = _show(int(total))
            self.fail(f"the seats are too large or too finely divided: scaled to whole numbers"
                      f" they total {shown}, above the limit of {MAX_TOTAL_WEIGHT} that exact"
                      " computation allows", field="seats", anchors=anchors, where=where)

    # -- the whole file ---------------------------------------------------------------------
    def spec(self, data, quota_override=None):
        if not isinstance(data, dict):
            self.fail(f"a game file holds a table of keys (quota, parties, ...), got"
                      f" {_kind(data)}")
        if not data:
            self.fail("the file is empty: it needs at least a quota and the parties")
        self.check_keys(data, _TOP_KEYS, "", (), ())
        title = data.get("title", "")
        if not isinstance(title, str):
            self.fail(f"expected a string, got {_show(title)}", field="title",
                      anchors=(_key("title"),), where=("title",))

        if "parties" not in data:
            self.fail("no parties: list them as parties = [{ name = \"A\", seats = 10 }, ...]",
                      field="parties")
        parties = data["parties"]
        party_anchor = (_key("parties"),)
        if not isinstance(parties, list) or not parties:
            self.fail(f"expected a non-empty list of parties, got {_show(parties)}",
                      field="parties", anchors=party_anchor, where=("parties",))
        names, weights = [], []
        for number, party in enumerate(parties, start=1):
            where = ("parties", number - 1)
            label = f"of party {number}"
            if isinstance(party, dict) and isinstance(party.get("name"), str):
                label = f"of party {_show(party['name']).replace(chr(34), chr(39))}"
                anchors = (*party_anchor, _value(party["name"]))
            else:
                anchors = party_anchor
            if not isinstance(party, dict):
                self.fail(f"expected a table with name and seats, got {_kind(party)}"
                          f" {_show(party)}", field="parties", context=f"(party {number})",
                          anchors=anchors, where=where)
            self.check_keys(party, _PARTY_KEYS, label, anchors, where)
            for key in _PARTY_KEYS:
                if key not in party:
                    self.fail(f"party {number} has no {key}", field=key, context=label,
                              anchors=anchors, where=where)
            name = party["name"]
            if not isinstance(name, str) or not name.strip():
                self.fail(f"expected a non-empty string, got {_show(name)}", field="name",
                          context=label, anchors=anchors, where=(*where, "name"))
            if name in names:
                self.fail(f"two parties are named {_show(name)}", field="name", context=label,
                          anchors=anchors, where=(*where, "name"))
            names.append(name)
            weights.append(self.seats(party["seats"], label, (*anchors, _key("seats")),
                                      (*where, "seats")))
        self.check_size(weights, party_anchor, ("parties",))

        quota = self.quota(data, "", (), (), required=quota_override is None)
        if quota_override is not None:
            quota = quota_override
        quota_at = dict(field="quota", anchors=(_key("quota"),), where=("quota",))
        try:
            game = WeightedGame(weights, quota, names)
        except PowerIndexError as exc:
            self.fail(str(exc), **quota_at)

        order = None
        if "order" in data:
            at = ((_key("order"),), ("order",))
            order = self.names(data["order"], "order", "", *at, known=names)
            if sorted(order) != sorted(names):
                self.fail(f"the order must list every party exactly once; missing"
                          f" {[n for n in names if n not in order]}, repeated"
                          f" {sorted({n for n in order if order.count(n) > 1})}",
                          "order", "", *at)

        rule = self.rule(data, "", (), ()) or "connected"
        graph = None
        if "graph" in data:
            anchors, where = (_key("graph"),), ("graph",)
            table = self.table(data["graph"], "graph", "", anchors, where)
            self.check_keys(table, _GRAPH_KEYS, "of the graph", anchors, where)
            given = [key for key in ("edges", "incompatible") if key in table]
            if len(given) != 1:
                self.fail("give exactly one of edges (the compatible pairs) or incompatible"
                          " (the pairs that cannot sit together)", field="graph",
                          anchors=anchors, where=where)
            key = given[0]
            pairs = self.pairs(table[key], key, "of the graph", (*anchors, _key(key)),
                               (*where, key), names)
            graph = nx.Graph()
            graph.add_nodes_from(names)
            if key == "edges":
                graph.add_edges_from(pairs)
            else:
                graph.add_edges_from((a, b) for i, a in enumerate(names) for b in names[i + 1:])
                graph.remove_edges_from(pairs)

        unions = None
        if "unions" in data:
            unions = self.unions(data["unions"], "", (), (), names)

        changes = {}
        if "scenarios" in data:
            anchors, where = (_key("scenarios"),), ("scenarios",)
            table = self.table(data["scenarios"], "scenarios", "", anchors, where)
            for name, value in table.items():
                context = f"of scenario {_show(name).replace(chr(34), chr(39))}"
                changes[name] = self.changes(value, context, (*anchors, _key(name)),
                                             (*where, name), dict(zip(names, weights,
                                                                      strict=True)))
        share_given = quota if isinstance(quota, Share) else None
        try:
            base = GameSpec(game, graph, rule, unions, order, title=title,
                            quota_share=share_given)
        except PowerIndexError as exc:
            field_name = "unions" if unions is not None else None
            self.fail(str(exc), field=field_name, anchors=(_key(field_name or "parties"),))
        spec_changes = {}
        for name, change in changes.items():
            context = f"of scenario {_show(name).replace(chr(34), chr(39))}"
            try:
                _apply(base, change)
            except _ChangeError as exc:
                anchors = (_key("scenarios"), _key(name), _key(exc.field))
                self.fail(str(exc.error), field=exc.field, context=context, anchors=anchors,
                          where=("scenarios", name, exc.field))
            spec_changes[name] = change
        return GameSpec(game, graph, rule, unions, order, spec_changes, title, share_given)

    def rule(self, table, context, anchors, where):
        if "rule" not in table:
            return None
        value = table["rule"]
        if value not in RULES:
            self.fail(f"expected \"connected\" or \"clique\", got {_show(value)}", field="rule",
                      context=context, anchors=(*anchors, _key("rule")), where=(*where, "rule"))
        return value

    def unions(self, value, context, anchors, where, known):
        anchors, where = (*anchors, _key("unions")), (*where, "unions")
        at = dict(field="unions", context=context, anchors=anchors, where=where)
        if isinstance(value, list):
            unions = [self.names(members, "unions", context, anchors, where, known, minimum=1)
                      for members in value]
            return unions or None
        if isinstance(value, dict):
            unions = {}
            for name, members in value.items():
                if not name.strip():
                    self.fail("a union needs a non-empty name", **at)
                unions[name] = self.names(members, "unions", context, (*anchors, _key(name)),
                                          where, known, minimum=1)
            return unions or None
        self.fail(f"expected a list of lists of party names, or a table of them by union"
                  f" name, got {_kind(value)} {_show(value)}", **at)

    def changes(self, value, context, anchors, where, known):
        table = self.table(value, "scenarios", context, anchors, where)
        self.check_keys(table, _SCENARIO_KEYS, context, anchors, where)
        description = table.get("description", "")
        if not isinstance(description, str):
            self.fail(f"expected a string, got {_show(description)}", field="description",
                      context=context, anchors=(*anchors, _key("description")),
                      where=(*where, "description"))
        seats = {}
        if "seats" in table:
            seat_table = self.table(table["seats"], "seats", context,
                                    (*anchors, _key("seats")), (*where, "seats"))
            for party, value in seat_table.items():
                at = (*anchors, _key("seats"), _key(party))
                if party not in known:
                    self.fail(f"{_show(party)} is not a party; the parties are {list(known)}",
                              field="seats", context=context, anchors=at,
                              where=(*where, "seats"))
                seats[party] = self.seats(value, context, at, (*where, "seats"))
            self.check_size(list({**known, **seats}.values()), anchors, where)
        drop = []
        if "drop" in table:
            drop = self.names(table["drop"], "drop", context, (*anchors, _key("drop")),
                              (*where, "drop"), known)
        merges = []
        if "merge" in table:
            at = (*anchors, _key("merge"))
            value = table["merge"]
            if not isinstance(value, list):
                self.fail(f"expected a list of merges, got {_show(value)}", field="merge",
                          context=context, anchors=at, where=(*where, "merge"))
            for entry in value:
                if isinstance(entry, dict):
                    self.check_keys(entry, _MERGE_KEYS, f"of a merge {context}", at,
                                    (*where, "merge"))
                    if "members" not in entry:
                        self.fail("a merge needs members = [...]", field="merge",
                                  context=context, anchors=at, where=(*where, "merge"))
                    members, name = entry["members"], entry.get("name")
                    if name is not None and not (isinstance(name, str) and name.strip()):
                        self.fail(f"a merged bloc needs a non-empty name, got {_show(name)}",
                                  field="merge", context=context, anchors=at,
                                  where=(*where, "merge"))
                else:
                    members, name = entry, None
                members = self.names(members, "merge", context, at, (*where, "merge"),
                                     minimum=2)
                merges.append((tuple(members), name))
        # Pairs and unions may name blocs and survivors, so only their shape is checked
        # here; whether the names exist is checked when the changes are applied.
        pairs = {}
        for key in ("compatible", "incompatible"):
            if key in table:
                everyone = [*known, *(name or "+".join(m) for m, name in merges)]
                pairs[key] = self.pairs(table[key], key, context, (*anchors, _key(key)),
                                        (*where, key), everyone)
        unions = None
        if "unions" in table:
            everyone = [*known, *(name or "+".join(m) for m, name in merges)]
            unions = self.unions(table["unions"], context, anchors, where, everyone)
        quota = self.quota(table, context, anchors, where, required=False)
        rule = self.rule(table, context, anchors, where)
        return ScenarioChanges(description, seats, drop, quota, pairs.get("compatible", ()),
                               pairs.get("incompatible", ()), merges, unions, rule)


# -- parsers -------------------------------------------------------------------------------------
def _parse_toml(src):
    try:
        return tomllib.loads(src.text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line = int(found.group(1)) if found else None
        if "(at end of document)" in message:
            line = src.text.count("\n") + 1
        reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
        column = f" (column {found.group(2)})" if found else ""
        raise GameFileError(f"not valid TOML: {reason}{column}", src.path, line) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise GameFileError(f"not valid TOML: {_reason(exc)}", src.path,
                            _line_of_pattern(src.text, r"\d{4000,}")) from None


def _reason(exc):
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if "integer string conversion" in str(exc):
        return "a number has too many digits"
    return str(exc) or type(exc).__name__


def _line_of_pattern(text, pattern):
    found = re.search(pattern, text)
    return None if found is None else text.count("\n", 0, found.start()) + 1


def _reject_constant(name):
    raise ValueError(f"{name} is not a number a game file can hold")


class _DuplicateKey(ValueError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key


def _unique_keys(pairs):
    table = {}
    for key, value in pairs:
        if key in table:
            raise _DuplicateKey(key)
        table[key] = value
    return table


def _parse_json(src):
    try:
        return json.loads(src.text, parse_constant=_reject_constant,
                          object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise GameFileError(f"not valid JSON: {exc.msg} (column {exc.colno})", src.path,
                            exc.lineno) from None
    except _DuplicateKey as exc:
        pattern = re.compile(_key_pattern(exc.key), re.MULTILINE)
        found = list(pattern.finditer(src.text))
        line = src.text.count("\n", 0, found[1].start()) + 1 if len(found) > 1 else None
        raise GameFileError(f"the key {exc.key!r} appears twice in one object", src.path, line,
                            str(exc.key)) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        line = _line_of_pattern(src.text, r"\d{4000,}|\bNaN\b|\bInfinity\b")
        raise GameFileError(f"not valid JSON: {_reason(exc)}", src.path, line) from None


_CSV_DIRECTIVE = re.compile(r"#\s*(quota|title)\s*:(.*)", re.IGNORECASE | re.DOTALL)


def _parse_csv(src):
    """CSV text -> the dict a TOML file would hold, with src.lines pointing at its lines."""
    data, header, parties = {}, None, []
    for number, raw in enumerate(src.text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            directive = _CSV_DIRECTIVE.fullmatch(line)
            if directive:
                key, value = directive.group(1).lower(), directive.group(2).strip()
                if key in data:
                    raise GameFileError(f"a second '# {key}:' line", src.path, number, key)
                if header is not None:
                    raise GameFileError(f"'# {key}:' must come before the header line",
                                        src.path, number, key)
                data[key] = value
                src.lines[(key,)] = number
            continue
        try:
            cells = next(csv.reader([line]))
        except csv.Error as exc:
            raise GameFileError(f"not valid CSV: {exc}", src.path, number) from None
        cells = [cell.strip() for cell in cells]
        if header is None:
            header = [cell.lower() for cell in cells]
            if header != ["party", "seats"]:
                unknown = [c for c in header if c not in ("party", "seats")]
                detail = f" (unknown column {unknown[0]!r})" if unknown else ""
                raise GameFileError(f"the first line must be the header 'party,seats', got"
                                    f" {_show(raw)}{detail}", src.path, number)
            continue
        if len(cells) != 2:
            raise GameFileError(f"expected 2 cells (party,seats), got {len(cells)}: {_show(raw)}",
                                src.path, number)
        src.lines[("parties", len(parties))] = number
        parties.append({"name": cells[0], "seats": cells[1]})
    if header is None:
        raise GameFileError("no header line 'party,seats'", src.path,
                            src.text.count("\n") + 1 if src.text else None)
    if parties:
        data["parties"] = parties
    return data


_PARSERS = {"toml": _parse_toml, "json": _parse_json, "csv": _parse_csv}


def _check_format(fmt, path=None):
    if fmt is None:
        suffix = os.path.splitext(str(path or ""))[1].lower().lstrip(".")
        if suffix in FORMATS:
            return suffix
        raise GameFileError(
            f"cannot tell the format from the name {str(path)!r}: pass format='toml',"
            " 'json' or 'csv'" if path else "pass format='toml', 'json' or 'csv'", path
        )
    if not isinstance(fmt, str) or fmt.lower() not in FORMATS:
        raise GameFileError(f"unknown format {fmt!r}: choose 'toml', 'json' or 'csv'", path)
    return fmt.lower()


def _decode(data, path):
    if isinstance(data, bytes | bytearray):
        try:
            data = bytes(data).decode("utf-8")
        except UnicodeDecodeError as exc:
            line = bytes(data)[:exc.start].count(b"\n") + 1
            raise GameFileError(f"not UTF-8 text (byte {exc.start})", path, line) from None
    if not isinstance(data, str):
        raise InvalidTypeError(f"expected text or bytes, got {type(data).__name__}")
    return data.removeprefix("\ufeff")


def _caller_quota(quota):
    if quota is None or isinstance(quota, Share):
        return quota
    if isinstance(quota, str):
        try:
            return _quota_from_text(quota)
        except ValueError as exc:
            raise GameFileError(f"cannot read the quota {quota!r}: {exc}",
                                field="quota") from None
    return quota


def _read(text, fmt, path, quota):
    text = _decode(text, path)
    if not text.strip():
        raise GameFileError("the file is empty: it needs at least a quota and the parties",
                            path)
    src = _Source(text, path, fmt)
    data = _PARSERS[fmt](src)
    return _Reader(src).spec(data, _caller_quota(quota))


# -- public functions ----------------------------------------------------------------------------
def loads(text, format, *, quota=None):  # noqa: A002 - the name the brief and json use
    """Read a game from the text of a game file.

    Parameters
    ----------
    text : str or bytes
        The content of a TOML, JSON or CSV game file (bytes are decoded as UTF-8).
    format : {"toml", "json", "csv"}
    quota : number, str or Share, optional
        A quota that replaces the file's (required for a CSV text without a
        ``# quota:`` line). A string follows the file syntax: ``"163"``, ``"2/3"``,
        ``"65%"``, ``"more than 1/2"``, ``"majority"``.

    Returns
    -------
    GameSpec

    Raises
    ------
    GameFileError
        Anything wrong with the text, with the line and the field at fault.

    Notes
    -----
    Cost O(L + n^2) for a text of L characters and n parties (the graph), plus the
    construction of the games, O(n W / 64) each for a total integer weight W.

    Examples
    --------
    >>> from powerindex.io import loads
    >>> loads('{"majority": true, "parties": [{"name": "A", "seats": 3},'
    ...       ' {"name": "B", "seats": 2}, {"name": "C", "seats": 2}]}', "json").game
    <WeightedGame [4; 3, 2, 2]>
    """
    return _read(text, _check_format(format), None, quota)


def read_game(path_or_file, format=None, *, quota=None):  # noqa: A002
    """Read a game file: parties and seats, quota, graph, unions, order, scenarios.

    Parameters
    ----------
    path_or_file : str, os.PathLike or file object
        A path, or an open file (text or binary) whose ``read()`` gives its content.
    format : {"toml", "json", "csv"}, optional
        By default, the suffix of the file name (``.toml``, ``.json``, ``.csv``).
    quota : number, str or Share, optional
        A quota that replaces the file's; see :func:`loads`.

    Returns
    -------
    GameSpec
        With ``.game`` (a :class:`~powerindex.WeightedGame`), ``.graph`` (a
        :class:`networkx.Graph` or None), ``.rule``, ``.unions``, ``.order``,
        ``.scenarios`` (name -> :class:`~powerindex.Scenario`) and ``.base``.

    Raises
    ------
    GameFileError
        The file is not valid TOML, JSON or CSV, or does not describe a game: the
        message gives the file, the line and the field. For TOML and JSON syntax errors
        the line is the parser's; for other errors it is found by searching the text for
        the key at fault (best effort: ``line`` is None when the search fails).
    OSError
        The file cannot be opened.

    Notes
    -----
    See ``docs/file-format.md`` for the format. Cost: as :func:`loads`.

    Examples
    --------
    >>> import io
    >>> from powerindex.io import read_game
    >>> spec = read_game(io.StringIO("# quota: majority\\nparty,seats\\nA,3\\nB,2\\nC,2\\n"),
    ...                  format="csv")
    >>> spec.game, spec.quota_share
    (<WeightedGame [4; 3, 2, 2]>, Share(fraction=Fraction(1, 2), strict=True))
    """
    if isinstance(path_or_file, str | os.PathLike):
        path = os.fspath(path_or_file)
        fmt = _check_format(format, path)
        with open(path, "rb") as handle:
            content = handle.read()
    elif hasattr(path_or_file, "read"):
        name = getattr(path_or_file, "name", None)
        path = name if isinstance(name, str) else None
        fmt = _check_format(format, path)
        content = path_or_file.read()
    else:
        raise InvalidTypeError(
            f"read_game needs a path or an open file, got {type(path_or_file).__name__}"
        )
    return _read(content, fmt, path, quota)


# -- writing -------------------------------------------------------------------------------------
def _exact(value):
    """An int, or the exact string "a/b" of a Fraction."""
    value = Fraction(value)
    return int(value) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def _quota_fields(quota, total):
    """The keys that state a quota: Share -> share text, number -> seats."""
    if isinstance(quota, Share):
        if quota == MAJORITY:
            return {"majority": True}
        fields = {"quota": _ratio(quota.fraction)}
        if quota.strict:
            fields["strict"] = True
        return fields
    quota = Fraction(quota)
    if quota.denominator == 1:
        return {"quota": int(quota)}
    decimal = float(quota)
    if Fraction(repr(decimal)) == quota:
        return {"quota": decimal}
    # Not a short decimal: the exact fraction, marked as seats (a bare "a/b" is a share).
    return {"quota": f"{_ratio(quota)} seats"}


def _unions_data(unions):
    if isinstance(unions, Mapping):
        return {name: list(members) for name, members in unions.items()}
    return [list(members) for members in unions]


def _to_data(spec):
    game = spec.game
    data = {}
    if spec.title:
        data["title"] = spec.title
    quota = spec.quota_share
    if quota is None or WeightedGame(game.weights, quota, game.players) != game:
        quota = game.quota
    data.update(_quota_fields(quota, game.total_weight))
    data["parties"] = [{"name": p, "seats": _exact(w)}
                       for p, w in zip(game.players, game.weights, strict=True)]
    if spec.order is not None:
        data["order"] = list(spec.order)
    if spec.graph is not None or spec.rule != "connected":
        data["rule"] = spec.rule
    if spec.graph is not None:
        index = {p: i for i, p in enumerate(game.players)}
        edges = sorted((tuple(sorted(e, key=index.get)) for e in spec.graph.edges),
                       key=lambda e: (index[e[0]], index[e[1]]))
        missing = [(a, b) for i, a in enumerate(game.players) for b in game.players[i + 1:]
                   if not spec.graph.has_edge(a, b)]
        graph = {}
        if len(missing) <= len(edges):
            graph["incompatible"] = [list(pair) for pair in missing]
        else:
            graph["edges"] = [list(pair) for pair in edges]
        data["graph"] = graph
    if spec.unions is not None:
        data["unions"] = _unions_data(spec.unions)
    if spec.changes:
        scenarios = {}
        for name, change in spec.changes.items():
            entry = {}
            if change.description:
                entry["description"] = change.description
            if change.seats:
                entry["seats"] = {p: _exact(s) for p, s in change.seats}
            if change.drop:
                entry["drop"] = list(change.drop)
            if change.quota is not None:
                entry.update(_quota_fields(change.quota, game.total_weight))
            for key in ("compatible", "incompatible"):
                if getattr(change, key):
                    entry[key] = [list(pair) for pair in getattr(change, key)]
            if change.merge:
                entry["merge"] = [list(members) if name is None
                                  else {"members": list(members), "name": name}
                                  for members, name in change.merge]
            if change.unions is not None:
                entry["unions"] = _unions_data(change.unions)
            if change.rule is not None:
                entry["rule"] = change.rule
            scenarios[name] = entry
        data["scenarios"] = scenarios
    return data


def _absolute_quota_of_scenarios(spec):
    for name, change in spec.changes.items():
        quota = change.quota
        if quota is not None and not isinstance(quota, Share):
            if Fraction(quota).denominator != 1 and Fraction(repr(float(quota))) != quota:
                raise GameFileError(
                    f"the quota {quota} of scenario {name!r} is neither whole nor a short"
                    " decimal, which a file cannot state exactly", field="quota"
                )


_TOML_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n",
                 "\f": "\\f", "\r": "\\r"}


def _toml_string(text):
    out = []
    for ch in text:
        if ch in _TOML_ESCAPES:
            out.append(_TOML_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _toml_key(key):
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml_string(key)


def _toml_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}"
                                for k, v in value.items()) + " }"
    raise InvalidTypeError(f"cannot write {value!r} to TOML")  # pragma: no cover


def _toml_lines(key, value):
    """``key = value``; lists of tables and long lists spread over one line per item."""
    if isinstance(value, list) and value and (
            len(_toml_value(value)) > 80 - len(key) or key in ("parties", "merge")):
        return [f"{_toml_key(key)} = ["] + [f"    {_toml_value(v)}," for v in value] + ["]"]
    return [f"{_toml_key(key)} = {_toml_value(value)}"]


def _dump_toml(data):
    lines = []
    tables = {}
    for key, value in data.items():
        if key in ("graph", "scenarios") or (key == "unions" and isinstance(value, dict)):
            tables[key] = value
        else:
            lines += _toml_lines(key, value)
    if "graph" in tables:
        lines += ["", "[graph]"]
        for key, value in tables["graph"].items():
            lines += _toml_lines(key, value)
    if "unions" in tables:
        lines += ["", "[unions]"]
        for key, value in tables["unions"].items():
            lines += _toml_lines(key, value)
    for name, entry in tables.get("scenarios", {}).items():
        lines += ["", f"[scenarios.{_toml_key(name)}]"]
        for key, value in entry.items():
            lines += _toml_lines(key, value)
    return "\n".join(lines) + "\n"


def _dump_csv(spec):
    for attribute, what in (("graph", "a graph"), ("unions", "unions"), ("order", "an order")):
        if getattr(spec, attribute) is not None:
            raise GameFileError(f"CSV holds only the parties, seats and quota, and this game"
                                f" has {what}: write TOML or JSON", field=attribute)
    if spec.changes or spec.rule != "connected":
        what, key = ("scenarios", "scenarios") if spec.changes else ("a rule", "rule")
        raise GameFileError(f"CSV holds only the parties, seats and quota, and this game has"
                            f" {what}: write TOML or JSON", field=key)
    game = spec.game
    quota = spec.quota_share
    if quota is None or WeightedGame(game.weights, quota, game.players) != game:
        quota = game.quota
    if isinstance(quota, Share):
        quota_text = _format_share(quota)
    else:
        quota_text = str(_quota_fields(quota, game.total_weight)["quota"])
    out = io.StringIO()
    if spec.title:
        if "\n" in spec.title or "\r" in spec.title:
            raise GameFileError("a CSV title must fit on one line", field="title")
        out.write(f"# title: {spec.title}\n")
    out.write(f"# quota: {quota_text}\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["party", "seats"])
    for party, weight in zip(game.players, game.weights, strict=True):
        if (party != party.strip() or party.startswith("#")
                or any(ch in party for ch in "\n\r\x00")):
            raise GameFileError(f"the party name {party!r} cannot be written to CSV (leading or"
                                " trailing spaces, a leading '#' or a line break): write TOML"
                                " or JSON", field="name")
        writer.writerow([party, _exact(weight)])
    return out.getvalue()


def _as_spec(spec):
    if isinstance(spec, GameSpec):
        return spec
    if isinstance(spec, Scenario):
        return GameSpec(spec.game, spec.graph, spec.rule, spec.unions)
    if isinstance(spec, WeightedGame):
        return GameSpec(spec)
    raise InvalidTypeError(
        f"can write a GameSpec, a Scenario or a WeightedGame, got {type(spec).__name__}"
    )


def dumps(spec, format):  # noqa: A002
    """The text of a game file.

    Parameters
    ----------
    spec : GameSpec, Scenario or WeightedGame
    format : {"toml", "json", "csv"}

    Returns
    -------
    str
        :func:`loads` of it gives back an equal :class:`GameSpec` (the same game, graph,
        unions, order and scenarios). A quota that is neither whole nor a short decimal
        is written as an exact fraction of seats (``"200/3 seats"``).

    Raises
    ------
    GameFileError
        CSV was asked for a game with a graph, unions, an order or scenarios, or for
        party names CSV cannot hold.
    InvalidTypeError
        ``spec`` is not a game specification.

    Examples
    --------
    >>> import powerindex as pi
    >>> from powerindex.io import dumps
    >>> print(dumps(pi.WeightedGame([3, 2, 2], 4, players=["A", "B", "C"]), "toml"), end="")
    quota = 4
    parties = [
        { name = "A", seats = 3 },
        { name = "B", seats = 2 },
        { name = "C", seats = 2 },
    ]
    >>> print(dumps(pi.WeightedGame([3, 2, 2], pi.MAJORITY, players=["A", "B", "C"]), "csv"),
    ...       end="")
    # quota: 4
    party,seats
    A,3
    B,2
    C,2
    """
    spec = _as_spec(spec)
    fmt = _check_format(format)
    if fmt == "csv":
        return _dump_csv(spec)
    _absolute_quota_of_scenarios(spec)
    data = _to_data(spec)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return _dump_toml(data)


def write_game(spec, path_or_file, format=None):  # noqa: A002
    """Write a game file that :func:`read_game` reads back as the same game.

    Parameters
    ----------
    spec : GameSpec, Scenario or WeightedGame
    path_or_file : str, os.PathLike or text file object
    format : {"toml", "json", "csv"}, optional
        By default, the suffix of the file name.

    Raises
    ------
    GameFileError
        See :func:`dumps`.

    Examples
    --------
    >>> import io
    >>> import powerindex as pi
    >>> from powerindex.io import read_game, write_game
    >>> out = io.StringIO()
    >>> game = pi.WeightedGame([3, 2, 2], 4, players=["A", "B", "C"])
    >>> write_game(game, out, format="json")
    >>> read_game(io.StringIO(out.getvalue()), format="json").game == game
    True
    """
    if isinstance(path_or_file, str | os.PathLike):
        path = os.fspath(path_or_file)
        text = dumps(spec, _check_format(format, path))
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    elif hasattr(path_or_file, "write"):
        name = getattr(path_or_file, "name", None)
        path_or_file.write(dumps(spec, _check_format(format, name if isinstance(name, str)
                                                      else None)))
    else:
        raise InvalidTypeError(
            f"write_game needs a path or an open file, got {type(path_or_file).__name__}"
        )
