"""Reading the record of a game file: sources, notes, named graphs, governments (private).

Each function takes the file's reader (``reading._Reader``), which knows how to blame a
line, and returns the objects of :mod:`powerindex.readwrite.record`.
"""


from ._text import kind, number, show
from .parsing import key_anchor
from .record import Government, NamedGraph, Note, Source, note_key

__all__ = ["read_sources", "read_note", "read_graph", "read_named_graphs", "read_governments",
           "NOTE_KEYS", "GRAPH_KEYS"]

_SOURCE_KEYS = ("title", "url", "publisher", "date", "note")
NOTE_KEYS = ("source", "note")
GRAPH_KEYS = ("edges", "incompatible", "title", "description", "source", "note", "assumption")
_PAIR_KEYS = ("pair", "source", "note", "assumption")
_GOVERNMENT_KEYS = ("name", "parties", "offices", "importance", "date", "scenario", "source",
                    "note")


def read_sources(reader, data):
    """Source key -> Source, from ``[sources.KEY]`` tables."""
    if "sources" not in data:
        return {}
    anchors, where = (key_anchor("sources"),), ("sources",)
    table = reader.table(data["sources"], "sources", "", anchors, where)
    sources = {}
    for key, entry in table.items():
        at = ((*anchors, key_anchor(key)), (*where, key))
        context = f"of source {show(key)}"
        entry = reader.table(entry, "sources", context, *at)
        reader.check_keys(entry, _SOURCE_KEYS, context, *at)
        for name, value in entry.items():
            if not isinstance(value, str):
                reader.fail(f"expected a string, got {show(value)}", field=name,
                            context=context, anchors=(*at[0], key_anchor(name)), where=at[1])
        if not entry.get("title", "").strip():
            reader.fail("a source needs a title", field="title", context=context,
                        anchors=at[0], where=at[1])
        sources[key] = Source(**entry)
    return sources


def read_note(reader, table, context, anchors, where, sources, assumption=False):
    """The Note of an item (``source``, ``note``, and ``assumption`` where allowed), or
    None when the item has none."""
    keys = [key for key in ("source", "note", "assumption") if key in table]
    if not keys:
        return None
    found = table.get("source", [])
    cited = [found] if isinstance(found, str) else found
    if not isinstance(cited, list) or not all(isinstance(k, str) for k in cited):
        reader.fail(f"expected a source key or a list of them, got {show(found)}",
                    field="source", context=context, anchors=(*anchors, key_anchor("source")),
                    where=(*where, "source"))
    for key in cited:
        if key not in sources:
            known = ", ".join(sources) or "none: add a [sources.KEY] table"
            reader.fail(f"unknown source {show(key)}; the sources are {known}", field="source",
                        context=context, anchors=(*anchors, key_anchor("source")),
                        where=(*where, "source"))
    text = table.get("note", "")
    if not isinstance(text, str):
        reader.fail(f"expected a string, got {show(text)}", field="note", context=context,
                    anchors=(*anchors, key_anchor("note")), where=(*where, "note"))
    flag = table.get("assumption", False)
    if not isinstance(flag, bool) or (flag and not assumption):
        reader.fail("assumption = true marks a graph or a pair" if isinstance(flag, bool)
                    else f"expected true or false, got {show(flag)}", field="assumption",
                    context=context, anchors=(*anchors, key_anchor("assumption")),
                    where=(*where, "assumption"))
    return Note(tuple(cited), text, flag)


def _pair(reader, entry, position, field_name, context, anchors, where, known, sources):
    """``(pair, note or None)`` of one entry of a list of pairs."""
    note = None
    if isinstance(entry, dict):
        reader.check_keys(entry, _PAIR_KEYS, context, anchors, where)
        note = read_note(reader, entry, context, anchors, where, sources, assumption=True)
        if "pair" not in entry:
            reader.fail(f"entry {position} needs pair = [\"A\", \"B\"]", field=field_name,
                        context=context, anchors=anchors, where=where)
        entry = entry["pair"]
    pair = reader.pairs([entry], field_name, context, anchors, where, known)[0]
    return pair, note


def read_graph(reader, value, names, sources, graph_name, anchors, where, context):
    """``(graph, NamedGraph, notes)`` of a graph table (``[graph]`` or ``[graphs.NAME]``)."""
    import networkx as nx  # on first use (start-up): see powerindex/__init__.py
    table = reader.table(value, "graph", context, anchors, where)
    reader.check_keys(table, GRAPH_KEYS, context, anchors, where)
    given = [key for key in ("edges", "incompatible") if key in table]
    if len(given) != 1:
        reader.fail("give exactly one of edges (the compatible pairs) or incompatible"
                    " (the pairs that cannot sit together)", field="graph", context=context,
                    anchors=anchors, where=where)
    key = given[0]
    entries = table[key]
    if not isinstance(entries, list):
        reader.fail(f"expected a list of pairs of party names, got {kind(entries)}"
                    f" {show(entries)}", field=key, context=context,
                    anchors=(*anchors, key_anchor(key)), where=(*where, key))
    pairs, notes = [], {}
    for position, entry in enumerate(entries, start=1):
        pair, note = _pair(reader, entry, position, key, context, (*anchors, key_anchor(key)),
                           (*where, key), names, sources)
        pairs.append(pair)
        if note is not None:
            notes[note_key("pair", graph_name, pair)] = note
    graph = nx.Graph()
    graph.add_nodes_from(names)
    if key == "edges":
        graph.add_edges_from(pairs)
    else:
        graph.add_edges_from((a, b) for i, a in enumerate(names) for b in names[i + 1:])
        graph.remove_edges_from(pairs)
    texts = {}
    for name in ("title", "description"):
        texts[name] = table.get(name, "")
        if not isinstance(texts[name], str):
            reader.fail(f"expected a string, got {show(texts[name])}", field=name,
                        context=context, anchors=(*anchors, key_anchor(name)),
                        where=(*where, name))
    note = read_note(reader, table, context, anchors, where, sources, assumption=True)
    if note is not None:
        notes[note_key("graph", graph_name)] = note
    return graph, NamedGraph(graph, texts["title"], texts["description"]), notes


def read_named_graphs(reader, data, names, sources):
    """``(name -> NamedGraph, notes)`` from ``[graphs.NAME]`` tables."""
    if "graphs" not in data:
        return {}, {}
    anchors, where = (key_anchor("graphs"),), ("graphs",)
    table = reader.table(data["graphs"], "graphs", "", anchors, where)
    graphs, notes = {}, {}
    for name, value in table.items():
        if not name.strip() or name in ("none", "base"):
            reader.fail(f"a graph cannot be named {show(name)} (reserved: none, base)",
                        field="graphs", anchors=(*anchors, key_anchor(name)), where=where)
        _, named, found = read_graph(reader, value, names, sources, name,
                                     (*anchors, key_anchor(name)), (*where, name),
                                     f"of graph {show(name)}")
        graphs[name] = named
        notes.update(found)
    return graphs, notes


def read_governments(reader, data, names, sources):
    """``(governments, notes)`` from ``[[governments]]`` tables."""
    if "governments" not in data:
        return (), {}
    anchors, where = (key_anchor("governments"),), ("governments",)
    entries = data["governments"]
    if not isinstance(entries, list):
        reader.fail(f"expected a list of governments ([[governments]] tables), got"
                    f" {show(entries)}", field="governments", anchors=anchors, where=where)
    governments, notes = [], {}
    for position, entry in enumerate(entries, start=1):
        context = f"of government {position}"
        at = (anchors, (*where, position - 1))
        entry = reader.table(entry, "governments", context, *at)
        reader.check_keys(entry, _GOVERNMENT_KEYS, context, *at)
        government = _government(reader, entry, context, at, names)
        if any(g.name == government.name for g in governments):
            reader.fail(f"two governments are named {show(government.name)}", field="name",
                        context=context, anchors=at[0], where=at[1])
        governments.append(government)
        note = read_note(reader, entry, context, *at, sources)
        if note is not None:
            notes[note_key("government", government.name)] = note
    return tuple(governments), notes


def _government(reader, entry, context, at, names):
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        reader.fail(f"a government needs a name, got {show(name)}", field="name",
                    context=context, anchors=at[0], where=at[1])
    scenario = entry.get("scenario")
    if scenario is not None and (not isinstance(scenario, str) or not scenario.strip()):
        reader.fail(f"a government's scenario is the name of one of the file's scenarios,"
                    f" got {show(scenario)}", field="scenario", context=context,
                    anchors=at[0], where=at[1])
    # a later stage's parties are checked against that scenario once it is read
    parties = reader.names(entry.get("parties"), "parties", context, *at,
                           known=names if scenario is None else None, minimum=1)
    counts = {}
    for field_name in ("offices", "importance"):
        if field_name not in entry:
            continue
        table = reader.table(entry[field_name], field_name, context, *at)
        values = {}
        for party, count in table.items():
            if party not in parties:
                reader.fail(f"{show(party)} is not a party of this government; its parties"
                            f" are {parties}", field=field_name, context=context,
                            anchors=at[0], where=at[1])
            try:
                values[party] = number(count)
            except ValueError:
                values[party] = -1
            if values[party] < 0:
                reader.fail(f"expected a non-negative number for {show(party)}, got"
                            f" {show(count)}", field=field_name, context=context,
                            anchors=at[0], where=at[1])
        counts[field_name] = tuple((p, values.get(p, 0)) for p in parties)
    if "offices" not in counts:
        reader.fail("a government needs offices = { PARTY = count, ... }", field="offices",
                    context=context, anchors=at[0], where=at[1])
    date = entry.get("date", "")
    if not isinstance(date, str):
        date = str(date)  # a TOML date
    return Government(name, tuple(parties), counts["offices"], counts.get("importance", ()),
                      date, scenario)
