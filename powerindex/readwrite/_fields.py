"""The readers of a game file's fields, each blaming the line at fault (private).

:class:`FieldReader` reads one kind of field -- names, pairs, a quota, seats, a rule,
unions, positions, merges -- from the parsed data of a game file, and on bad input raises
:class:`~powerindex.GameFileError` naming the file, the line and the field (through the
:class:`~powerindex.readwrite.parsing.Source` that holds the text).
"""

import difflib
from fractions import Fraction

from .._numbers import lcm_of_denominators, simplest
from ..errors import PowerIndexError
from ..games.quotas import MAJORITY
from ..politics.graphs import RULES
from ._text import MAX_TOTAL_WEIGHT, kind, number, quota_from_text, show
from .parsing import key_anchor, value_anchor
from .scenarios import MERGE_KEYS

__all__ = ["FieldReader"]


class FieldReader:
    """Reads and checks the fields of one game file (see the module's description)."""

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
                          field=str(key), context=context, anchors=(*anchors, key_anchor(key)),
                          where=(*where, key))

    def table(self, value, field_name, context, anchors, where):
        if not isinstance(value, dict):
            self.fail(f"expected a table, got {kind(value)} {show(value)}", field=field_name,
                      context=context, anchors=anchors, where=where)
        return value

    def names(self, value, field_name, context, anchors, where, known=None, minimum=0):
        if not isinstance(value, list):
            self.fail(f"expected a list of party names, got {kind(value)} {show(value)}",
                      field=field_name, context=context, anchors=anchors, where=where)
        for name in value:
            if not isinstance(name, str):
                self.fail(f"expected a list of party names, got {show(name)} in it",
                          field=field_name, context=context, anchors=anchors, where=where)
            if known is not None and name not in known:
                self.fail(f"{show(name)} is not a party; the parties are {list(known)}",
                          field=field_name, context=context,
                          anchors=(*anchors, value_anchor(name)), where=where)
        if len(value) < minimum:
            self.fail(f"expected at least {minimum} names, got {show(value)}",
                      field=field_name, context=context, anchors=anchors, where=where)
        return list(value)

    def pairs(self, value, field_name, context, anchors, where, known):
        if not isinstance(value, list):
            self.fail(f"expected a list of pairs of party names, got {kind(value)}"
                      f" {show(value)}", field=field_name, context=context, anchors=anchors,
                      where=where)
        pairs = []
        for position, pair in enumerate(value, start=1):
            if (not isinstance(pair, list) or len(pair) != 2
                    or not all(isinstance(p, str) for p in pair)):
                self.fail(f"entry {position} must be a pair of party names like [\"A\", \"B\"],"
                          f" got {show(pair)}", field=field_name, context=context,
                          anchors=anchors, where=where)
            for name in pair:
                if name not in known:
                    self.fail(f"{show(name)} in the pair {show(pair)} is not a party; the"
                              f" parties are {list(known)}", field=field_name, context=context,
                              anchors=(*anchors, value_anchor(name)), where=where)
            if pair[0] == pair[1]:
                self.fail(f"the pair {show(pair)} joins {show(pair[0])} to itself",
                          field=field_name, context=context, anchors=anchors, where=where)
            pairs.append(tuple(pair))
        return pairs

    def quota(self, table, context, anchors, where, required):
        """None (not given), a Fraction (seats) or a Share, from quota / majority / strict."""
        for key in ("majority", "strict"):
            if key in table and not isinstance(table[key], bool):
                self.fail(f"expected true or false, got {show(table[key])}", field=key,
                          context=context, anchors=(*anchors, key_anchor(key)), where=(*where, key))
        strict = table.get("strict", False)
        if table.get("majority", False):
            if "quota" in table:
                self.fail("give either quota or majority = true, not both", field="majority",
                          context=context, anchors=(*anchors, key_anchor("majority")),
                          where=(*where, "majority"))
            if strict:
                self.fail("majority = true is already strict (more than half); drop strict",
                          field="strict", context=context, anchors=(*anchors, key_anchor("strict")),
                          where=(*where, "strict"))
            return MAJORITY
        if "quota" not in table:
            if required:
                self.fail('no quota: give quota = 163 (seats needed), quota = "2/3" (a share'
                          " of the seats) or majority = true (more than half)", field="quota",
                          context=context, anchors=anchors, where=where)
            if strict:
                self.fail("strict goes with a share quota, and there is none", field="strict",
                          context=context, anchors=(*anchors, key_anchor("strict")),
                          where=(*where, "strict"))
            return None
        value = table["quota"]
        at = dict(field="quota", context=context, anchors=(*anchors, key_anchor("quota")),
                  where=(*where, "quota"))
        if isinstance(value, str):
            try:
                return quota_from_text(value, strict)
            except (ValueError, PowerIndexError) as exc:
                self.fail(f"cannot read the quota {show(value)}: {exc}", **at)
        if strict:
            self.fail("strict goes with a share quota such as \"1/2\", not with seats",
                      field="strict", context=context, anchors=(*anchors, key_anchor("strict")),
                      where=(*where, "strict"))
        try:
            quota = number(value)
        except ValueError:
            self.fail(f"expected a number of seats or a share such as \"2/3\", got {show(value)}",
                      **at)
        if quota <= 0:
            self.fail(f"the quota must be positive, got {show(value)}", **at)
        return quota

    def seats(self, value, context, anchors, where, field_name="seats"):
        at = dict(field=field_name, context=context, anchors=anchors, where=where)
        try:
            seats = number(value)
        except ValueError:
            self.fail(f"expected a non-negative number, got {show(value)}", **at)
        if seats < 0:
            self.fail(f"expected a non-negative number, got {show(value)}", **at)
        return simplest(seats)

    def seat_table(self, value, field_name, context, anchors, where, known=None,
                   new=False):
        """A table party -> seats; with ``known``, names must be parties (or, with ``new``,
        must not be)."""
        table = self.table(value, field_name, context, anchors, where)
        seats = {}
        for party, seat_value in table.items():
            at = (*anchors, key_anchor(party))
            if known is not None and (party in known) == new:
                reason = (f"{show(party)} is already a party: add new parties only"
                          if new else f"{show(party)} is not a party; the parties are"
                          f" {list(known)}")
                self.fail(reason, field=field_name, context=context, anchors=at, where=where)
            seats[party] = self.seats(seat_value, context, at, where, field_name)
        return seats

    def check_reshaped(self, table, keys, gone, context, anchors, where):
        """Refuse a party that a split or a rename took away, named in a later change
        (``gone``: old name -> what it became)."""
        def names(value):
            if isinstance(value, str):
                yield value
            elif isinstance(value, list):
                for item in value:
                    yield from names(item)
            elif isinstance(value, dict):
                for key, item in value.items():
                    yield key
                    yield from names(item)

        for key in keys:
            for name in names(table.get(key, ())):
                if name in gone:
                    self.fail(f"{show(name)} is {gone[name]} in this scenario, and the changes"
                              f" after split and rename name the parties by their new names",
                              field=key, context=context,
                              anchors=(*anchors, key_anchor(key), value_anchor(name)),
                              where=(*where, key))

    def splits(self, value, context, anchors, where, known):
        """The splits of a scenario: party -> {part: seats}, at least two parts each."""
        anchors, where = (*anchors, key_anchor("split")), (*where, "split")
        table = self.table(value, "split", context, anchors, where)
        splits = {}
        for party, parts in table.items():
            at = (*anchors, key_anchor(party))
            if party not in known:
                self.fail(f"{show(party)} is not a party; the parties are {list(known)}",
                          field="split", context=context, anchors=at, where=where)
            parts = self.seat_table(parts, "split", context, at, where)
            if len(parts) < 2:
                self.fail(f"splitting {show(party)} needs at least two parts, got"
                          f" {show(parts)}", field="split", context=context, anchors=at,
                          where=where)
            splits[party] = parts
        return splits

    def renames(self, value, context, anchors, where, known):
        """The renames of a scenario: old name -> new name."""
        anchors, where = (*anchors, key_anchor("rename")), (*where, "rename")
        table = self.table(value, "rename", context, anchors, where)
        for old, new in table.items():
            at = (*anchors, key_anchor(old))
            if old not in known:
                self.fail(f"{show(old)} is not a party; the parties are {list(known)}",
                          field="rename", context=context, anchors=at, where=where)
            if not isinstance(new, str) or not new.strip():
                self.fail(f"expected the new name of {show(old)} as a non-empty string, got"
                          f" {show(new)}", field="rename", context=context, anchors=at,
                          where=where)
        return dict(table)

    def check_size(self, weights, anchors, where):
        scale = lcm_of_denominators([Fraction(w) for w in weights])
        total = sum(Fraction(w) * scale for w in weights)
        if total > MAX_TOTAL_WEIGHT:
            shown = show(int(total))
            self.fail(f"the seats are too large or too finely divided: scaled to whole numbers"
                      f" they total {shown}, above the limit of {MAX_TOTAL_WEIGHT} that exact"
                      " computation allows", field="seats", anchors=anchors, where=where)

    # -- the whole file ---------------------------------------------------------------------

    def positions(self, value, context, anchors, where, known=None):
        """Party -> exact number or tuple of numbers; ``known`` (the parties) checked when
        given (a scenario's names are checked when its changes apply)."""
        anchors, where = (*anchors, key_anchor("positions")), (*where, "positions")
        table = self.table(value, "positions", context, anchors, where)
        positions, first = {}, None
        for party, entry in table.items():
            at = dict(field="positions", context=context, anchors=(*anchors, key_anchor(party)),
                      where=(*where, party))
            if known is not None and party not in known:
                self.fail(f"{show(party)} is not a party; the parties are {list(known)}", **at)
            point = self.position(party, entry, at)
            size = len(point) if isinstance(point, tuple) else 1
            if first is None:
                first = (party, size)
            elif size != first[1]:
                self.fail(f"the position of {show(party)} has {size} dimension(s), that of"
                          f" {show(first[0])} {first[1]}: every position needs the same"
                          " number", **at)
            positions[party] = point
        return positions

    def position(self, party, entry, at):
        """One position: a number, or a non-empty list of numbers (a tuple)."""
        items = entry if isinstance(entry, list) else [entry]
        if not items:
            self.fail(f"the position of {show(party)} is an empty list: give a number or a"
                      " list of numbers", **at)
        values = []
        for item in items:
            try:
                values.append(simplest(number(item)))
            except ValueError:
                self.fail(f"the position of {show(party)} must be a number or a list of"
                          f" numbers, got {show(entry)}", **at)
        return tuple(values) if isinstance(entry, list) else values[0]

    def rule(self, table, context, anchors, where):
        if "rule" not in table:
            return None
        value = table["rule"]
        if value not in RULES:
            self.fail(f"expected \"connected\" or \"clique\", got {show(value)}", field="rule",
                      context=context, anchors=(*anchors, key_anchor("rule")),
                      where=(*where, "rule"))
        return value

    def unions(self, value, context, anchors, where, known):
        anchors, where = (*anchors, key_anchor("unions")), (*where, "unions")
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
                unions[name] = self.names(members, "unions", context, (*anchors, key_anchor(name)),
                                          where, known, minimum=1)
            return unions or None
        self.fail(f"expected a list of lists of party names, or a table of them by union"
                  f" name, got {kind(value)} {show(value)}", **at)

    def merges(self, value, context, anchors, where):
        """The merges of a scenario: ``(members, name or None)`` each."""
        at = (*anchors, key_anchor("merge"))
        if not isinstance(value, list):
            self.fail(f"expected a list of merges, got {show(value)}", field="merge",
                      context=context, anchors=at, where=(*where, "merge"))
        merges = []
        for entry in value:
            if isinstance(entry, dict):
                self.check_keys(entry, MERGE_KEYS, f"of a merge {context}", at,
                                (*where, "merge"))
                if "members" not in entry:
                    self.fail("a merge needs members = [...]", field="merge",
                              context=context, anchors=at, where=(*where, "merge"))
                members, name = entry["members"], entry.get("name")
                if name is not None and not (isinstance(name, str) and name.strip()):
                    self.fail(f"a merged bloc needs a non-empty name, got {show(name)}",
                              field="merge", context=context, anchors=at,
                              where=(*where, "merge"))
            else:
                members, name = entry, None
            members = self.names(members, "merge", context, at, (*where, "merge"), minimum=2)
            merges.append((tuple(members), name))
        return merges
