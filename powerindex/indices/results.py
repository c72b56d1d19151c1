"""The one result type of every index.

A :class:`PowerIndexResult` is a read-only mapping from player name to value, in player
order, that remembers which index and which game it came from. Values are exact:
``fractions.Fraction`` for indices, ``int`` for swing counts.

Examples
--------
>>> import powerindex as pi
>>> result = pi.shapley_shubik(pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"]))
>>> result["A"]
Fraction(2, 3)
>>> result.to_float()
{'A': 0.6666666666666666, 'B': 0.16666666666666666, 'C': 0.16666666666666666}
>>> print(result)
Shapley-Shubik index of <WeightedGame [3; 2, 1, 1]>
player  value     decimal
A         2/3  0.66666667
B         1/6  0.16666667
C         1/6  0.16666667
"""

from collections.abc import Mapping
from fractions import Fraction

from ..errors import UnknownPlayerError
from ..present.tables import TEXT_ROWS, Table, long_fraction

__all__ = ["PowerIndexResult", "FloatPowerIndexResult"]

INDEX_TITLES = {
    "shapley_shubik": "Shapley-Shubik index",
    "banzhaf": "Banzhaf index (normalized)",
    "banzhaf_absolute": "Banzhaf index (absolute, Penrose)",
    "swings": "swings",
    "coleman_prevent": "Coleman index to prevent action",
    "coleman_initiate": "Coleman index to initiate action",
    "johnston": "Johnston index",
    "deegan_packel": "Deegan-Packel index",
    "holler": "Holler public good index",
    "owen": "Owen value",
    "banzhaf_owen": "Banzhaf-Owen value",
    "myerson": "Myerson value",
    "shapley_value": "Shapley value",
    "banzhaf_value": "Banzhaf value",
    "banzhaf_value_normalized": "Banzhaf value (normalized)",
    "nucleolus": "nucleolus",
    "shapley_owen": "Shapley-Owen index",
    "swing_probability": "probability of being decisive",
}


def _restore(cls, state):
    """Rebuild a read-only result from its slots (the other half of ``__reduce__``)."""
    result = cls.__new__(cls)
    for name, value in state.items():
        object.__setattr__(result, name, value)
    return result


class _PlayerValues(Mapping):
    """A read-only mapping from player to value kept in ``self._values`` (player order);
    an unknown player is an :class:`~powerindex.UnknownPlayerError`. Subclasses provide
    ``to_table()``; the renderers (Markdown, CSV, LaTeX, HTML, JSON, DataFrame, Jupyter)
    follow from it.

    Subclasses set their slots in ``__init__`` through :meth:`_set`; afterwards no
    attribute can be set or deleted. They pickle and copy by their slots.
    """

    __slots__ = ()

    def _set(self, **attributes):
        for name, value in attributes.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name, value):
        raise AttributeError(f"a {type(self).__name__} is read-only: cannot set {name!r}")

    def __delattr__(self, name):
        raise AttributeError(f"a {type(self).__name__} is read-only: cannot delete {name!r}")

    def __reduce__(self):
        slots = [name for cls in type(self).__mro__ for name in getattr(cls, "__slots__", ())]
        return _restore, (type(self), {name: getattr(self, name) for name in slots})

    def _check(self, player):
        try:
            if player in self._values:
                return player
        except TypeError:
            pass
        raise UnknownPlayerError(
            f"{player!r} is not a player of this game; players are {list(self._values)}"
        )

    def __getitem__(self, player):
        return self._values[self._check(player)]

    def __contains__(self, player):
        try:
            return player in self._values
        except TypeError:
            return False

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return len(self._values)

    # -- renderers: every one is self.to_table() rendered ---------------------------------
    def to_markdown(self):
        """``self.to_table().to_markdown()``: a Markdown table of the values."""
        return self.to_table().to_markdown()

    def to_csv(self):
        """``self.to_table().to_csv()``: CSV with exact and decimal values."""
        return self.to_table().to_csv()

    def to_latex(self):
        """``self.to_table().to_latex()``: a booktabs table, fractions as ``\\frac``."""
        return self.to_table().to_latex()

    def to_html(self):
        """``self.to_table().to_html()``: a self-contained HTML table."""
        return self.to_table().to_html()

    def to_dataframe(self, exact=True):
        """``self.to_table().to_dataframe(exact)``: a pandas DataFrame, one row per player
        (needs pandas).

        Parameters
        ----------
        exact : bool, optional
            Keep Fractions (default) or turn them into floats.
        """
        return self.to_table().to_dataframe(exact=exact)

    def to_json(self, indent=None):
        """``self.to_table().to_json()``: records with exact ``"a/b"`` and decimal values.

        Examples
        --------
        >>> import json
        >>> import powerindex as pi
        >>> result = pi.banzhaf(pi.WeightedGame([2, 1, 1], 3, players=["A", "B", "C"]))
        >>> json.loads(result.to_json())["records"][0]
        {'player': 'A', 'Banzhaf index (normalized)': '3/5', 'Banzhaf index (normalized)
         (decimal)': 0.6}
        """
        return self.to_table().to_json(indent=indent)

    def _repr_html_(self):
        """The HTML table, for Jupyter."""
        return self.to_html()


class PowerIndexResult(_PlayerValues):
    """Values of one index for every player of a game.

    Parameters
    ----------
    index : str
        Machine name of the index, e.g. ``"shapley_shubik"``.
    game : Game
        The game the values belong to.
    values : mapping of str to Fraction or int
        One value per player; kept in the game's player order.
    method : str
        The algorithm that computed the values.

    Notes
    -----
    Equality is that of mappings: a result equals a ``dict`` with the same items.
    """

    __slots__ = ("_index", "_game", "_values", "_method")

    def __init__(self, index, game, values, method):
        missing = [p for p in game.players if p not in values]
        if missing or len(values) != len(game.players):
            raise ValueError(f"values must cover exactly the players; missing {missing}")
        self._set(_index=index, _game=game, _values={p: values[p] for p in game.players},
                  _method=method)

    @property
    def index(self):
        """Machine name of the index, e.g. ``"banzhaf"``."""
        return self._index

    @property
    def title(self):
        """Human name of the index, e.g. ``"Banzhaf index (normalized)"``."""
        return INDEX_TITLES.get(self._index, self._index)

    @property
    def game(self):
        """The game the values belong to."""
        return self._game

    @property
    def method(self):
        """The algorithm that computed the values."""
        return self._method

    def to_dict(self):
        """A plain ``dict`` from player to exact value."""
        return dict(self._values)

    def to_float(self):
        """A plain ``dict`` from player to the value as a float (correctly rounded)."""
        return {p: float(v) for p, v in self._values.items()}

    def to_table(self):
        """A :class:`~powerindex.Table` with one row per player: name and exact value."""
        return Table(["player", self.title], list(self._values.items()),
                     title=f"{self.title} of {self._game!r}")

    def __repr__(self):
        items = ", ".join(f"{p!r}: {v}" for p, v in self._values.items())
        return f"<{self._index} {{{items}}}>"

    def __str__(self):
        return _text_table(f"{self.title} of {self._game!r}", self._values,
                           ("value", "decimal"),
                           lambda v: (_exact_text(v), _decimal(v)))


def _exact_text(value):
    if isinstance(value, Fraction) and long_fraction(value):
        return "..."
    return str(value)


def _text_table(title, values, headers, cells):
    """An aligned text table of a player mapping, summarised past TEXT_ROWS players."""
    names = [p if isinstance(p, str) else str(p) for p in values]
    rows = [(name, *cells(v)) for name, v in zip(names, values.values(), strict=True)]
    hidden = 0
    if len(rows) > TEXT_ROWS:
        hidden = len(rows) - TEXT_ROWS
        rows = rows[:TEXT_ROWS - 10] + rows[-10:]
    header = ("player", *headers)
    widths = [max(len(header[i]), *(len(row[i]) for row in rows)) for i in range(len(header))]

    def line(row):
        return "  ".join([row[0].ljust(widths[0])]
                         + [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)])

    lines = [title, line(header).rstrip()] + [line(row).rstrip() for row in rows]
    if hidden:
        lines.insert(2 + TEXT_ROWS - 10, f"... {hidden} players not shown (to_dict(), to_csv()"
                                         " and to_table() have them all) ...")
    if any(text == "..." for row in rows for text in row[1:2]):
        lines.append("... marks a fraction too long to print: result[player] holds it exactly.")
    return "\n".join(lines)


def _decimal(value):
    if isinstance(value, int):
        return str(value)
    return f"{float(value):.8f}" if isinstance(value, Fraction) else str(value)


class FloatPowerIndexResult(PowerIndexResult):
    """A :class:`~powerindex.PowerIndexResult` of floats, from ``method="float"``.

    ``error_bound`` is a bound on the absolute error of every value:
    ``abs(result[p] - exact[p]) <= result.error_bound`` for each player p, proved for IEEE
    double arithmetic (see :func:`shapley_shubik`, Notes). ``errors`` gives the bound of
    each player.
    """

    __slots__ = ("_bounds",)

    def __init__(self, index, game, values, method, bounds):
        super().__init__(index, game, values, method)
        self._set(_bounds={p: bounds[p] for p in game.players})

    @property
    def error_bound(self):
        """The largest absolute error bound over the players."""
        return max(self._bounds.values())

    @property
    def errors(self):
        """``dict``: player to the bound on the absolute error of its value."""
        return dict(self._bounds)

    def to_table(self):
        """A :class:`~powerindex.Table`: player, value and the bound on its error."""
        rows = [[p, v, self._bounds[p]] for p, v in self._values.items()]
        return Table(["player", self.title, "error bound"], rows,
                     title=f"{self.title} of {self._game!r} (floating point)", digits=12)

    def __str__(self):
        title = (f"{self.title} of {self._game!r}, in floating point (every value within"
                 f" {self.error_bound:.1e} of the exact one)")
        bounds = iter(self._bounds.values())
        return _text_table(title, self._values, ("value", "error bound"),
                           lambda v: (f"{v:.15g}", f"{next(bounds):.1e}"))
