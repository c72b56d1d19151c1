"""The record a game file keeps: sources and notes, alternative graphs, governments formed.

A report is only as good as its facts, so a game file may say where each comes from:

* ``[sources.KEY]`` -- a source (``title``, and ``url``, ``publisher``, ``date``, ``note``);
* ``source = "KEY"`` (or a list of keys) and ``note = "..."`` on a party (its seats), on a
  graph, on one of its pairs (``{ pair = ["A", "B"], source = "...", note = "..." }``), on
  a scenario and on a government; a graph or a pair marked ``assumption = true`` is
  labelled as an assumption in the report;
* ``[graphs.NAME]`` -- alternative compatibility graphs (``title``, ``description``,
  ``edges`` or ``incompatible``), for the report's sensitivity section and for scenarios
  (``graph = "NAME"``);
* ``[[governments]]`` -- governments that formed (``name``, ``parties``, ``offices`` per
  party, optionally ``importance`` per party's offices, ``date``, and the ``scenario`` whose
  game it formed in), tested against the
  seats (Gamson's law) in the report;
* ``formateur = "PARTY"`` -- the party asked to form a government.

What is read is kept in :class:`~powerindex.GameSpec` as :class:`Source`, :class:`Note`,
:class:`NamedGraph` and :class:`Government` objects, and written back by
:func:`~powerindex.write_game`.
"""

from dataclasses import dataclass

from ..errors import InvalidTypeError

__all__ = ["Source", "Note", "NamedGraph", "Government", "note_key"]


@dataclass(frozen=True)
class Source:
    """A source cited by a game file.

    Attributes
    ----------
    title : str
    url, publisher, date, note : str, optional
    """

    title: str
    url: str = ""
    publisher: str = ""
    date: str = ""
    note: str = ""

    def __post_init__(self):
        for name in ("title", "url", "publisher", "date", "note"):
            if not isinstance(getattr(self, name), str):
                raise InvalidTypeError(f"a source's {name} must be a string,"
                                       f" got {getattr(self, name)!r}")

    def cite(self):
        """The source as one line of text (Markdown)."""
        parts = [f"*{self.title}*" if self.title else ""]
        parts += [text for text in (self.publisher, self.date) if text]
        text = ", ".join(part for part in parts if part)
        if self.url:
            text += f" <{self.url}>"
        if self.note:
            text += f". {self.note}"
        return text


@dataclass(frozen=True)
class Note:
    """What backs one item of a game file.

    Attributes
    ----------
    sources : tuple of str
        Keys of the file's sources.
    note : str
    assumption : bool
        The item is an assumption of the analyst, not a fact of the record.
    """

    sources: tuple = ()
    note: str = ""
    assumption: bool = False


@dataclass(frozen=True, eq=False)
class NamedGraph:
    """An alternative compatibility graph of a game file.

    Attributes
    ----------
    graph : networkx.Graph
    title, description : str
    """

    graph: object
    title: str = ""
    description: str = ""

    def _key(self):
        return (tuple(self.graph.nodes), frozenset(frozenset(e) for e in self.graph.edges),
                self.title, self.description)

    def __eq__(self, other):
        return isinstance(other, NamedGraph) and self._key() == other._key()

    def __hash__(self):
        return hash(self._key())


@dataclass(frozen=True)
class Government:
    """A government that formed: its parties and the offices each held.

    Attributes
    ----------
    name : str
    parties : tuple of str
    offices : tuple of (party, count)
    importance : tuple of (party, weight), optional
        The offices of each party weighted by importance (e.g. a salience score), when
        the file gives it.
    date : str
    scenario : str or None
        The scenario whose game the government formed in (a later stage of the same
        parliament, with its blocs merged or split), or None for the base game. Its parties
        are that scenario's players.
    """

    name: str
    parties: tuple
    offices: tuple
    importance: tuple = ()
    date: str = ""
    scenario: str = None


def note_key(kind, *parts):
    """The key of an item's note in ``GameSpec.notes``: ``("party", name)``,
    ``("graph", graph_name or None)``, ``("pair", graph_name or None, frozenset pair)``,
    ``("scenario", name)``, ``("government", name)``."""
    if kind == "pair":
        graph_name, pair = parts
        return ("pair", graph_name, frozenset(pair))
    return (kind, *parts)
