"""Writing game files: :func:`dumps` and :func:`write_game`.

A game written out and read back is the same game: the parties and seats, the quota (as a
share when the file stated one), the graph (as its edges or its incompatible pairs,
whichever is shorter), the unions, the order, the positions and the scenarios.
"""

import csv
import io
import json
import os
import re
from collections.abc import Mapping
from fractions import Fraction

from ..errors import GameFileError, InvalidTypeError
from ..games.quotas import MAJORITY, Share
from ..games.weighted import WeightedGame
from ..politics.leverage import Scenario
from ._text import format_share, ratio
from .parsing import check_format
from .record import note_key
from .spec import GameSpec

__all__ = ["dumps", "write_game"]


def _exact(value):
    """An int, or the exact string "a/b" of a Fraction."""
    value = Fraction(value)
    return int(value) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def _coordinate(value):
    """A position's number: an int, a float when it prints as exactly this number (a short
    decimal such as 3.6190476), else the exact string "a/b"."""
    value = Fraction(value)
    if value.denominator == 1:
        return int(value)
    if Fraction(repr(float(value))) == value:
        return float(value)
    return f"{value.numerator}/{value.denominator}"


def _positions_data(positions):
    return {party: [_coordinate(x) for x in point] if isinstance(point, tuple)
            else _coordinate(point) for party, point in positions}


def _quota_fields(quota, total):
    """The keys that state a quota: Share -> share text, number -> seats."""
    if isinstance(quota, Share):
        if quota == MAJORITY:
            return {"majority": True}
        fields = {"quota": ratio(quota.fraction)}
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
    return {"quota": f"{ratio(quota)} seats"}


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
    if spec.formateur is not None:
        data["formateur"] = spec.formateur
    data["parties"] = [{"name": p, "seats": _exact(w),
                        **_note_data(spec.notes.get(note_key("party", p)))}
                       for p, w in zip(game.players, game.weights, strict=True)]
    if spec.order is not None:
        data["order"] = list(spec.order)
    if spec.positions:
        data["positions"] = _positions_data(spec.positions.items())
    if spec.graph is not None or spec.rule != "clique":
        data["rule"] = spec.rule
    if spec.graph is not None:
        data["graph"] = _graph_data(spec.graph, game.players, spec.notes, None)
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
            if change.add:
                entry["add"] = {p: _exact(s) for p, s in change.add}
            if change.split:
                entry["split"] = {party: {p: _exact(s) for p, s in parts}
                                  for party, parts in change.split}
            if change.rename:
                entry["rename"] = dict(change.rename)
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
            if change.positions:
                entry["positions"] = _positions_data(change.positions)
            if change.graph is not None:
                entry["graph"] = change.graph
            entry.update(_note_data(spec.notes.get(note_key("scenario", name))))
            scenarios[name] = entry
        data["scenarios"] = scenarios
    data.update(_record_data(spec))
    return data


def _note_data(note):
    """The ``source``/``note``/``assumption`` keys of an item's note (none without one)."""
    if note is None:
        return {}
    data = {}
    if note.sources:
        data["source"] = note.sources[0] if len(note.sources) == 1 else list(note.sources)
    if note.note:
        data["note"] = note.note
    if note.assumption:
        data["assumption"] = True
    return data


def _graph_data(graph, players, notes, graph_name):
    """A graph as its edges or its incompatible pairs, whichever is shorter; a pair with a
    note becomes a table ``{ pair = [...], source = ..., note = ... }``."""
    index = {p: i for i, p in enumerate(players)}
    edges = sorted((tuple(sorted(e, key=index.get)) for e in graph.edges),
                   key=lambda e: (index[e[0]], index[e[1]]))
    missing = [(a, b) for i, a in enumerate(players) for b in players[i + 1:]
               if not graph.has_edge(a, b)]
    key, pairs = ("incompatible", missing) if len(missing) <= len(edges) else ("edges", edges)
    entries = []
    for pair in pairs:
        note = _note_data(notes.get(note_key("pair", graph_name, pair)))
        entries.append({"pair": list(pair), **note} if note else list(pair))
    return {key: entries, **_note_data(notes.get(note_key("graph", graph_name)))}


def _record_data(spec):
    """The sources, other graphs and governments of a spec, as a file states them."""
    data = {}
    if spec.sources:
        data["sources"] = {key: {name: value for name, value in vars(source).items() if value}
                           for key, source in spec.sources.items()}
    if spec.graphs:
        data["graphs"] = {}
        for name, named in spec.graphs.items():
            texts = {k: v for k, v in (("title", named.title),
                                       ("description", named.description)) if v}
            data["graphs"][name] = {**texts, **_graph_data(named.graph, spec.game.players,
                                                           spec.notes, name)}
    if spec.governments:
        data["governments"] = []
        for government in spec.governments:
            entry = {"name": government.name, "parties": list(government.parties),
                     "offices": {p: _exact(c) for p, c in government.offices}}
            if government.importance:
                entry["importance"] = {p: _exact(w) for p, w in government.importance}
            if government.date:
                entry["date"] = government.date
            if government.scenario is not None:
                entry["scenario"] = government.scenario
            entry.update(_note_data(spec.notes.get(note_key("government", government.name))))
            data["governments"].append(entry)
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
        if key in ("graph", "scenarios", "positions", "sources", "graphs", "governments") or (
                key == "unions" and isinstance(value, dict)):
            tables[key] = value
        else:
            lines += _toml_lines(key, value)
    for key, value in tables.pop("sources", {}).items():
        lines += ["", f"[sources.{_toml_key(key)}]"]
        for name, text in value.items():
            lines += _toml_lines(name, text)
    if "positions" in tables:
        lines += ["", "[positions]"]
        for key, value in tables["positions"].items():
            lines += _toml_lines(key, value)
    if "graph" in tables:
        lines += ["", "[graph]"]
        for key, value in tables["graph"].items():
            lines += _toml_lines(key, value)
    if "unions" in tables:
        lines += ["", "[unions]"]
        for key, value in tables["unions"].items():
            lines += _toml_lines(key, value)
    for name, entry in tables.get("graphs", {}).items():
        lines += ["", f"[graphs.{_toml_key(name)}]"]
        for key, value in entry.items():
            lines += _toml_lines(key, value)
    for entry in tables.get("governments", ()):
        lines += ["", "[[governments]]"]
        for key, value in entry.items():
            lines += _toml_lines(key, value)
    for name, entry in tables.get("scenarios", {}).items():
        lines += ["", f"[scenarios.{_toml_key(name)}]"]
        for key, value in entry.items():
            lines += _toml_lines(key, value)
    return "\n".join(lines) + "\n"


def _dump_csv(spec):
    for attribute, what in (("graph", "a graph"), ("unions", "unions"), ("order", "an order")):
        if getattr(spec, attribute) is not None:
            raise GameFileError(f"CSV holds only the parties, seats, positions and quota, and"
                                f" this game has {what}: write TOML or JSON", field=attribute)
    record = [(what, key) for what, key, value in (
        ("sources", "sources", spec.sources), ("notes", "note", spec.notes),
        ("other graphs", "graphs", spec.graphs), ("governments", "governments",
                                                   spec.governments),
        ("a formateur", "formateur", spec.formateur)) if value]
    if record:
        raise GameFileError(f"CSV holds only the parties, seats, positions and quota, and this"
                            f" game has {record[0][0]}: write TOML or JSON", field=record[0][1])
    if spec.changes or spec.rule != "clique":
        what, key = ("scenarios", "scenarios") if spec.changes else ("a rule", "rule")
        raise GameFileError(f"CSV holds only the parties, seats, positions and quota, and this"
                            f" game has {what}: write TOML or JSON", field=key)
    game = spec.game
    quota = spec.quota_share
    if quota is None or WeightedGame(game.weights, quota, game.players) != game:
        quota = game.quota
    if isinstance(quota, Share):
        quota_text = format_share(quota)
    else:
        quota_text = str(_quota_fields(quota, game.total_weight)["quota"])
    out = io.StringIO()
    if spec.title:
        if "\n" in spec.title or "\r" in spec.title:
            raise GameFileError("a CSV title must fit on one line", field="title")
        out.write(f"# title: {spec.title}\n")
    out.write(f"# quota: {quota_text}\n")
    writer = csv.writer(out, lineterminator="\n")
    positions = _positions_data((spec.positions or {}).items())
    columns = _position_columns(positions)
    writer.writerow(["party", "seats", *columns])
    for party, weight in zip(game.players, game.weights, strict=True):
        if (party != party.strip() or party.startswith("#")
                or any(ch in party for ch in "\n\r\x00")):
            raise GameFileError(f"the party name {party!r} cannot be written to CSV (leading or"
                                " trailing spaces, a leading '#' or a line break): write TOML"
                                " or JSON", field="name")
        point = positions.get(party, [""] * len(columns))
        writer.writerow([party, _exact(weight), *(point if isinstance(point, list)
                                                   else [point])])
    return out.getvalue()


def _position_columns(positions):
    """``position`` for one dimension, ``position_1``, ``position_2``, ... for several."""
    if not positions:
        return []
    first = next(iter(positions.values()))
    if not isinstance(first, list):
        return ["position"]
    return [f"position_{k}" for k in range(1, len(first) + 1)]


def _as_spec(spec):
    if isinstance(spec, GameSpec):
        return spec
    if isinstance(spec, Scenario):
        return GameSpec(spec.game, spec.graph, spec.rule, spec.unions, positions=spec.positions)
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
        party names CSV cannot hold (CSV holds positions: a ``position`` column, or
        ``position_1``, ``position_2``, ...).
    InvalidTypeError
        ``spec`` is not a game specification.

    Examples
    --------
    >>> import powerindex as pi
    >>> from powerindex.readwrite import dumps
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
    fmt = check_format(format)
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
    >>> from powerindex.readwrite import read_game, write_game
    >>> out = io.StringIO()
    >>> game = pi.WeightedGame([3, 2, 2], 4, players=["A", "B", "C"])
    >>> write_game(game, out, format="json")
    >>> read_game(io.StringIO(out.getvalue()), format="json").game == game
    True
    """
    if isinstance(path_or_file, str | os.PathLike):
        path = os.fspath(path_or_file)
        text = dumps(spec, check_format(format, path))
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    elif hasattr(path_or_file, "write"):
        name = getattr(path_or_file, "name", None)
        path_or_file.write(dumps(spec, check_format(format, name if isinstance(name, str)
                                                      else None)))
    else:
        raise InvalidTypeError(
            f"write_game needs a path or an open file, got {type(path_or_file).__name__}"
        )
