"""Game files: a parliament, its quota, who can sit with whom, and scenarios, in TOML, JSON
or CSV.

A *game file* states a weighted game the way an analyst writes it down: the parties and
their seats, the quota (as seats or as a share of the total), and optionally a
compatibility graph, a priori unions, an ideological order, policy positions and named
scenarios that modify the base game. :func:`read_game` turns such a file into a :class:`GameSpec`;
:func:`write_game` writes one back, so that a game written out and read back is the same
game. :func:`loads` and :func:`dumps` do the same with text.

TOML and JSON hold the same structure (documented in ``docs/file-format.md``). CSV holds
only the parties, their seats and optionally their positions, with the quota on a comment
line::

    # quota: 163
    party,seats
    Iraqiya,91
    ...

Every problem with a file raises :class:`~powerindex.errors.GameFileError`, whose message
names the file, the line and the field at fault.

Examples
--------
>>> import powerindex as pi
>>> from powerindex.readwrite import loads
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

import os

from ..errors import GameFileError, InvalidTypeError, PowerIndexError, UnknownPlayerError
from ..games.quotas import Share
from ..games.weighted import WeightedGame
from ._fields import FieldReader
from ._record_reading import (
    read_governments,
    read_graph,
    read_named_graphs,
    read_note,
    read_sources,
)
from ._text import kind, quota_from_text, show
from .parsing import PARSERS, Source, check_format, decode, key_anchor, value_anchor
from .record import note_key
from .scenarios import ChangeError, ScenarioChanges, apply_changes
from .spec import GameSpec

__all__ = ["read_game", "loads"]

_TOP_KEYS = ("title", "quota", "majority", "strict", "parties", "order", "positions",
             "graph", "rule", "unions", "scenarios", "sources", "graphs", "governments",
             "formateur")
_PARTY_KEYS = ("name", "seats", "source", "note")
_REQUIRED_PARTY_KEYS = ("name", "seats")
_SCENARIO_KEYS = ("description", "seats", "drop", "add", "split", "rename", "quota",
                  "majority", "strict", "compatible", "incompatible", "merge", "unions",
                  "rule", "positions", "graph", "source", "note")


# -- from parsed data to a GameSpec ------------------------------------------------------------
class _Reader(FieldReader):
    """Reads a whole game file into a GameSpec."""

    def spec(self, data, quota_override=None):
        """The GameSpec of a parsed file, checked field by field."""
        if not isinstance(data, dict):
            self.fail(f"a game file holds a table of keys (quota, parties, ...), got"
                      f" {kind(data)}")
        if not data:
            self.fail("the file is empty: it needs at least a quota and the parties")
        self.check_keys(data, _TOP_KEYS, "", (), ())
        title = data.get("title", "")
        if not isinstance(title, str):
            self.fail(f"expected a string, got {show(title)}", field="title",
                      anchors=(key_anchor("title"),), where=("title",))
        self.sources = read_sources(self, data)
        self.notes = {}
        names, weights = self.parties(data)
        quota = self.quota(data, "", (), (), required=quota_override is None)
        if quota_override is not None:
            quota = quota_override
        try:
            game = WeightedGame(weights, quota, names)
        except PowerIndexError as exc:
            self.fail(str(exc), field="quota", anchors=(key_anchor("quota"),),
                      where=("quota",))
        fields = dict(
            order=self.order(data, names),
            positions=(self.positions(data["positions"], "", (), (), names)
                       if "positions" in data else None),
            rule=self.rule(data, "", (), ()) or "clique",
            graph=self.graph(data, names),
            unions=self.unions(data["unions"], "", (), (), names) if "unions" in data
            else None,
            title=title, quota_share=quota if isinstance(quota, Share) else None,
            formateur=self.formateur(data, names),
        )
        graphs, notes = read_named_graphs(self, data, names, self.sources)
        governments, government_notes = read_governments(self, data, names, self.sources)
        self.notes.update(notes)
        self.notes.update(government_notes)
        record = dict(graphs=graphs, governments=governments, sources=self.sources)
        try:
            base = GameSpec(game, **{**fields, "formateur": None},
                            **{**record, "governments": ()})
        except PowerIndexError as exc:
            field_name = "unions" if fields["unions"] is not None else None
            self.fail(str(exc), field=field_name, anchors=(key_anchor(field_name or "parties"),))
        changes = self.scenarios(data, base, dict(zip(names, weights, strict=True)))
        try:
            return GameSpec(game, **fields, changes=changes, notes=self.notes, **record)
        except UnknownPlayerError as exc:  # a later government or the formateur is unknown
            field_name = getattr(exc, "field", "governments")
            self.fail(str(exc), field=field_name, anchors=(key_anchor(field_name),),
                      where=(field_name,))

    def formateur(self, data, names):
        if "formateur" not in data:
            return None
        value = data["formateur"]
        if not isinstance(value, str) or not value.strip():
            self.fail(f"the formateur is a party's name, got {show(value)}",
                      field="formateur", anchors=(key_anchor("formateur"),),
                      where=("formateur",))
        return value  # a party of the base game or a bloc a scenario forms: checked later

    def parties(self, data):
        """``(names, seats)`` of the parties, in the file's order."""
        if "parties" not in data:
            self.fail("no parties: list them as parties = [{ name = \"A\", seats = 10 }, ...]",
                      field="parties")
        parties = data["parties"]
        party_anchor = (key_anchor("parties"),)
        if not isinstance(parties, list) or not parties:
            self.fail(f"expected a non-empty list of parties, got {show(parties)}",
                      field="parties", anchors=party_anchor, where=("parties",))
        names, weights = [], []
        for position, party in enumerate(parties, start=1):
            name, seats = self.party(party, position, names, party_anchor)
            names.append(name)
            weights.append(seats)
        self.check_size(weights, party_anchor, ("parties",))
        return names, weights

    def party(self, party, position, names, party_anchor):
        """``(name, seats)`` of one party table."""
        where = ("parties", position - 1)
        label = f"of party {position}"
        if isinstance(party, dict) and isinstance(party.get("name"), str):
            label = f"of party {show(party['name']).replace(chr(34), chr(39))}"
            anchors = (*party_anchor, value_anchor(party["name"]))
        else:
            anchors = party_anchor
        if not isinstance(party, dict):
            self.fail(f"expected a table with name and seats, got {kind(party)}"
                      f" {show(party)}", field="parties", context=f"(party {position})",
                      anchors=anchors, where=where)
        self.check_keys(party, _PARTY_KEYS, label, anchors, where)
        for key in _REQUIRED_PARTY_KEYS:
            if key not in party:
                self.fail(f"party {position} has no {key}", field=key, context=label,
                          anchors=anchors, where=where)
        name = party["name"]
        if not isinstance(name, str) or not name.strip():
            self.fail(f"expected a non-empty string, got {show(name)}", field="name",
                      context=label, anchors=anchors, where=(*where, "name"))
        if name in names:
            self.fail(f"two parties are named {show(name)}", field="name", context=label,
                      anchors=anchors, where=(*where, "name"))
        seats = self.seats(party["seats"], label, (*anchors, key_anchor("seats")),
                           (*where, "seats"))
        note = read_note(self, party, label, anchors, where, self.sources)
        if note is not None:
            self.notes[note_key("party", name)] = note
        return name, seats

    def order(self, data, names):
        """The ideological order, or None."""
        if "order" not in data:
            return None
        at = ((key_anchor("order"),), ("order",))
        order = self.names(data["order"], "order", "", *at, known=names)
        if sorted(order) != sorted(names):
            self.fail(f"the order must list every party exactly once; missing"
                      f" {[n for n in names if n not in order]}, repeated"
                      f" {sorted({n for n in order if order.count(n) > 1})}",
                      "order", "", *at)
        return order

    def graph(self, data, names):
        """The compatibility graph (its pairs' and its own notes kept), or None."""
        if "graph" not in data:
            return None
        graph, _, notes = read_graph(self, data["graph"], names, self.sources, None,
                                     (key_anchor("graph"),), ("graph",), "of the graph")
        self.notes.update(notes)
        return graph

    def scenarios(self, data, base, seats):
        """Scenario name -> ScenarioChanges, each checked against the base game."""
        if "scenarios" not in data:
            return {}
        anchors, where = (key_anchor("scenarios"),), ("scenarios",)
        table = self.table(data["scenarios"], "scenarios", "", anchors, where)
        changes = {}
        for name, value in table.items():
            context = f"of scenario {show(name).replace(chr(34), chr(39))}"
            change = self.changes(value, context, (*anchors, key_anchor(name)),
                                  (*where, name), seats)
            note = read_note(self, value, context, (*anchors, key_anchor(name)),
                             (*where, name), self.sources)
            if note is not None:
                self.notes[note_key("scenario", name)] = note
            try:
                apply_changes(base, change)
            except ChangeError as exc:
                at = (key_anchor("scenarios"), key_anchor(name), key_anchor(exc.field))
                self.fail(str(exc.error), field=exc.field, context=context, anchors=at,
                          where=("scenarios", name, exc.field))
            changes[name] = change
        return changes

    def changes(self, value, context, anchors, where, known):
        table = self.table(value, "scenarios", context, anchors, where)
        self.check_keys(table, _SCENARIO_KEYS, context, anchors, where)
        description = table.get("description", "")
        if not isinstance(description, str):
            self.fail(f"expected a string, got {show(description)}", field="description",
                      context=context, anchors=(*anchors, key_anchor("description")),
                      where=(*where, "description"))
        seats, added = ({} if key not in table else self.seat_table(
            table[key], key, context, (*anchors, key_anchor(key)), (*where, key), known,
            new=key == "add") for key in ("seats", "add"))
        self.check_size(list({**known, **seats, **added}.values()), anchors, where)
        drop = []
        if "drop" in table:
            drop = self.names(table["drop"], "drop", context, (*anchors, key_anchor("drop")),
                              (*where, "drop"), known)
        present = [*known, *added]
        splits = (self.splits(table["split"], context, anchors, where, present)
                  if "split" in table else {})
        present = [part for p in present for part in splits.get(p, {p: None})]
        renames = (self.renames(table["rename"], context, anchors, where, present)
                   if "rename" in table else {})
        present = [renames.get(p, p) for p in present]
        gone = {party: "split into " + ", ".join(map(show, parts))
                for party, parts in splits.items()}
        gone.update((old, f"renamed {show(new)}") for old, new in renames.items()
                    if old not in present)
        self.check_reshaped(table, ("merge", "compatible", "incompatible", "unions",
                                    "positions"), gone, context, anchors, where)
        merges = self.merges(table["merge"], context, anchors, where) if "merge" in table else []
        # Pairs and unions may name blocs and survivors, so only their shape is checked
        # here; whether the names exist is checked when the changes are applied.
        everyone = [*present, *(name or "+".join(m) for m, name in merges)]
        pairs = {}
        for key in ("compatible", "incompatible"):
            if key in table:
                pairs[key] = self.pairs(table[key], key, context, (*anchors, key_anchor(key)),
                                        (*where, key), everyone)
        unions = None
        if "unions" in table:
            unions = self.unions(table["unions"], context, anchors, where, everyone)
        quota = self.quota(table, context, anchors, where, required=False)
        rule = self.rule(table, context, anchors, where)
        positions = (self.positions(table["positions"], context, anchors, where)
                     if "positions" in table else {})
        graph = table.get("graph")
        if graph is not None and not isinstance(graph, str):
            self.fail(f"expected the name of a graph of [graphs] (or \"none\"), got"
                      f" {show(graph)}", field="graph", context=context,
                      anchors=(*anchors, key_anchor("graph")), where=(*where, "graph"))
        return ScenarioChanges(description, seats, drop, quota, pairs.get("compatible", ()),
                               pairs.get("incompatible", ()), merges, unions, rule, positions,
                               graph, added, splits, renames)


def _caller_quota(quota):
    if quota is None or isinstance(quota, Share):
        return quota
    if isinstance(quota, str):
        try:
            return quota_from_text(quota)
        except ValueError as exc:
            raise GameFileError(f"cannot read the quota {quota!r}: {exc}",
                                field="quota") from None
    return quota


def _read(text, fmt, path, quota):
    text = decode(text, path)
    if not text.strip():
        raise GameFileError("the file is empty: it needs at least a quota and the parties",
                            path)
    src = Source(text, path, fmt)
    data = PARSERS[fmt](src)
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
    >>> from powerindex.readwrite import loads
    >>> loads('{"majority": true, "parties": [{"name": "A", "seats": 3},'
    ...       ' {"name": "B", "seats": 2}, {"name": "C", "seats": 2}]}', "json").game
    <WeightedGame [4; 3, 2, 2]>
    """
    return _read(text, check_format(format), None, quota)


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
        ``.positions`` (party -> number or tuple, or None), ``.scenarios`` (name ->
        :class:`~powerindex.Scenario`) and ``.base``.

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
    >>> from powerindex.readwrite import read_game
    >>> spec = read_game(io.StringIO("# quota: majority\\nparty,seats\\nA,3\\nB,2\\nC,2\\n"),
    ...                  format="csv")
    >>> spec.game, spec.quota_share
    (<WeightedGame [4; 3, 2, 2]>, Share(fraction=Fraction(1, 2), strict=True))
    """
    if isinstance(path_or_file, str | os.PathLike):
        path = os.fspath(path_or_file)
        fmt = check_format(format, path)
        with open(path, "rb") as handle:
            content = handle.read()
    elif hasattr(path_or_file, "read"):
        name = getattr(path_or_file, "name", None)
        path = name if isinstance(name, str) else None
        fmt = check_format(format, path)
        content = path_or_file.read()
    else:
        raise InvalidTypeError(
            f"read_game needs a path or an open file, got {type(path_or_file).__name__}"
        )
    return _read(content, fmt, path, quota)
