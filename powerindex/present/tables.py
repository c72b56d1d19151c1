"""One table type behind every report: text, Markdown, CSV and LaTeX from the same rows.

A :class:`Table` holds a title, column names and rows of cells. Cells keep their exact
values (``Fraction``, ``int``, ``str``, ``bool`` or ``None`` for "not applicable"); only
the renderers turn them into text, so nothing is rounded before the reader asks for it.
A ``Fraction`` renders as ``a/b (0.1234)`` in text, Markdown and HTML; CSV and JSON give
exact and decimal values separately so that a spreadsheet or a script can read the
decimals. In Jupyter a table shows as HTML (``_repr_html_``); :meth:`Table.to_dataframe`
hands it to pandas.

Examples
--------
>>> from fractions import Fraction
>>> import powerindex as pi
>>> table = pi.Table(["player", "seats", "power"],
...                  [["A", 3, Fraction(1, 2)], ["B", 2, Fraction(1, 4)]], title="Demo")
>>> print(table)
Demo
player  seats         power
A           3  1/2 (0.5000)
B           2  1/4 (0.2500)
>>> print(table.to_markdown())
| player | seats | power |
|:---|---:|---:|
| A | 3 | 1/2 (0.5000) |
| B | 2 | 1/4 (0.2500) |
>>> print(table.to_csv(), end="")
player,seats,power,power (decimal)
A,3,1/2,0.5
B,2,1/4,0.25
"""

import csv
import html
import io
import json
import math
from fractions import Fraction
from numbers import Number

from ..errors import InvalidTypeError

__all__ = ["Table"]

DIGITS = 4
#: A fraction whose text is longer than this is shown as a decimal (marked ``~``): the
#: exact Shapley-Shubik value of a player among thousands has thousands of digits.
LONG_FRACTION = 32
#: Text renderings (``str``) show at most this many rows: the first ones and the last
#: ones, with a line saying how many are left out; the other formats show every row.
TEXT_ROWS = 60
_HEAD_ROWS = 40


class Table:
    """Rows of exact values with named columns, rendered on demand.

    Parameters
    ----------
    columns : sequence of str
        Column names.
    rows : sequence of sequences
        One cell per column in each row.
    title : str, optional
        Shown above the text rendering and as the LaTeX caption.
    digits : int, optional
        Decimal places shown beside fractions (default 4).
    notes : sequence of str, optional
        Lines shown under the table in text and Markdown (a summary, a caveat).

    Raises
    ------
    InvalidTypeError
        If a row does not have one cell per column.
    """

    def __init__(self, columns, rows, title="", digits=DIGITS, notes=()):
        self.columns = tuple(str(c) for c in columns)
        self.rows = tuple(tuple(row) for row in rows)
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise InvalidTypeError(
                    f"row {number} has {len(row)} cells for {len(self.columns)} columns"
                )
        self.title = title
        self.digits = digits
        if isinstance(notes, str):
            notes = (notes,)
        self.notes = tuple(str(note) for note in notes)

    # -- cells ----------------------------------------------------------------------------
    def _text(self, cell):
        if cell is None:
            return "-"
        if isinstance(cell, bool):
            return "yes" if cell else ""
        if isinstance(cell, Fraction):
            if long_fraction(cell):
                return f"~{float(cell):.{max(self.digits, 8)}g}"
            if cell.denominator == 1:
                return str(cell.numerator)
            return f"{cell} ({float(cell):.{self.digits}f})"
        if isinstance(cell, float):
            if cell and abs(cell) < 0.5 * 10.0**-self.digits:
                return f"{cell:.2e}"  # an error bound, a tiny probability: not 0.0000
            return f"{cell:.{self.digits}f}"
        return str(cell)

    def _numeric(self, index):
        cells = [row[index] for row in self.rows if row[index] is not None]
        return bool(cells) and all(
            isinstance(c, Number) and not isinstance(c, bool) for c in cells
        )

    def column(self, name):
        """The cells of one column, as a list."""
        try:
            index = self.columns.index(name)
        except ValueError:
            raise InvalidTypeError(
                f"no column {name!r}; columns are {list(self.columns)}"
            ) from None
        return [row[index] for row in self.rows]

    def records(self):
        """The rows as a list of dicts from column name to exact cell."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    # -- renderers ------------------------------------------------------------------------
    def __str__(self):
        return self.to_text()

    def to_text(self, max_rows=TEXT_ROWS, omitted=None):
        """The aligned text table; past ``max_rows`` rows, the first and last ones.

        Parameters
        ----------
        max_rows : int or None, optional
            Most rows shown (default 60); None shows every row.
        omitted : str, optional
            The line that replaces the rows left out; ``{count}`` stands for their number.
            By default it says that the other formats hold every row.

        Examples
        --------
        >>> import powerindex as pi
        >>> table = pi.Table(["player", "seats"], [[f"P{i}", i] for i in range(1, 101)])
        >>> print(table.to_text(max_rows=5))
        player  seats
        P1          1
        P2          2
        P3          3
        P4          4
        ... 95 rows not shown (every row: to_csv(), to_markdown(), records()) ...
        P100      100
        """
        rows = self.rows
        hidden = 0
        if max_rows is not None and len(rows) > max_rows:
            head = min(_HEAD_ROWS, max_rows - max_rows // 4) if max_rows > 4 else max_rows - 1
            tail = max_rows - head
            hidden = len(rows) - head - tail
            rows = rows[:head] + rows[len(rows) - tail:]
        cells = [[self._text(c) for c in row] for row in rows]
        widths = [max(len(name), *(len(r[i]) for r in cells)) if cells else len(name)
                  for i, name in enumerate(self.columns)]
        numeric = [self._numeric(i) for i in range(len(self.columns))]

        def line(values):
            parts = [v.rjust(w) if right else v.ljust(w)
                     for v, w, right in zip(values, widths, numeric, strict=True)]
            return "  ".join(parts).rstrip()

        lines = [self.title] if self.title else []
        lines.append(line(self.columns))
        body = [line(r) for r in cells]
        if hidden:
            text = omitted or ("... {count} rows not shown (every row: to_csv(),"
                               " to_markdown(), records()) ...")
            body.insert(len(rows) - tail, text.format(count=hidden))
        lines += body
        lines += self._rendering_notes()
        return "\n".join(lines)

    def _rendering_notes(self):
        """The table's notes, and a word on long fractions shown as decimals."""
        notes = list(self.notes)
        if any(isinstance(c, Fraction) and long_fraction(c) for row in self.rows for c in row):
            notes.append("~ marks a fraction too long to print, shown as a decimal; the exact"
                         " value is in the table's cells (column(), records(), to_csv()).")
        return notes

    def __repr__(self):
        return f"<Table {self.title!r}: {len(self.rows)} rows x {len(self.columns)} columns>"

    def to_markdown(self):
        """A GitHub-flavoured Markdown table (without the title)."""
        align = ["---:" if self._numeric(i) else ":---" for i in range(len(self.columns))]
        lines = ["| " + " | ".join(self.columns) + " |", "|" + "|".join(align) + "|"]
        for row in self.rows:
            lines.append("| " + " | ".join(self._text(c).replace("|", "\\|") for c in row) + " |")
        notes = self._rendering_notes()
        if notes:
            lines += ["", *notes]
        return "\n".join(lines)

    def to_csv(self):
        """CSV text; every fraction column gets a second column with its decimal value."""
        has_fractions = [any(isinstance(row[i], Fraction) for row in self.rows)
                         for i in range(len(self.columns))]
        header = []
        for name, fractional in zip(self.columns, has_fractions, strict=True):
            header += [name, f"{name} (decimal)"] if fractional else [name]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for row in self.rows:
            cells = []
            for cell, fractional in zip(row, has_fractions, strict=True):
                text = "" if cell is None else str(cell)
                if isinstance(cell, bool):
                    text = "true" if cell else "false"
                cells.append(text)
                if fractional:
                    cells.append("" if cell is None else repr(float(cell)))
            writer.writerow(cells)
        return out.getvalue()

    def to_latex(self):
        """A booktabs ``tabular`` inside a ``table`` float, fractions as ``\\frac``."""
        align = "".join("r" if self._numeric(i) else "l" for i in range(len(self.columns)))
        lines = [r"\begin{table}", r"\centering"]
        if self.title:
            lines.append(r"\caption{" + _latex_escape(self.title) + "}")
        lines += [r"\begin{tabular}{" + align + "}", r"\toprule"]
        lines.append(" & ".join(_latex_escape(c) for c in self.columns) + r" \\")
        lines.append(r"\midrule")
        for row in self.rows:
            lines.append(" & ".join(self._latex_cell(c) for c in row) + r" \\")
        lines += [r"\bottomrule", r"\end{tabular}", r"\end{table}"]
        return "\n".join(lines)

    def to_html(self):
        """A self-contained HTML ``<table>``: the title as caption, escaped cells, numbers
        right-aligned (class ``numeric`` and an inline style), notes in the footer.

        Examples
        --------
        >>> from fractions import Fraction
        >>> import powerindex as pi
        >>> print(pi.Table(["player", "power"], [["A & B", Fraction(1, 3)]],
        ...                title="Demo").to_html())
        <table class="powerindex-table">
        <caption>Demo</caption>
        <thead>
        <tr><th scope="col" style="text-align: left">player</th><th scope="col"
        class="numeric" style="text-align: right">power</th></tr>
        </thead>
        <tbody>
        <tr><td style="text-align: left">A &amp; B</td><td class="numeric"
        style="text-align: right">1/3 (0.3333)</td></tr>
        </tbody>
        </table>
        """
        numeric = [self._numeric(i) for i in range(len(self.columns))]

        def cell(tag, text, right, extra=""):
            style = ' class="numeric" style="text-align: right"' if right else (
                ' style="text-align: left"')
            return f"<{tag}{extra}{style}>{html.escape(text)}</{tag}>"

        lines = ['<table class="powerindex-table">']
        if self.title:
            lines.append(f"<caption>{html.escape(self.title)}</caption>")
        lines += ["<thead>", "<tr>" + "".join(cell("th", c, r, ' scope="col"')
                                              for c, r in zip(self.columns, numeric,
                                                              strict=True)) + "</tr>",
                  "</thead>", "<tbody>"]
        for row in self.rows:
            lines.append("<tr>" + "".join(cell("td", self._text(c), r)
                                          for c, r in zip(row, numeric, strict=True)) + "</tr>")
        lines.append("</tbody>")
        notes = self._rendering_notes()
        if notes:
            lines.append("<tfoot>")
            lines += [f'<tr><td colspan="{len(self.columns)}">{html.escape(note)}</td></tr>'
                      for note in notes]
            lines.append("</tfoot>")
        lines.append("</table>")
        return "\n".join(lines)

    def _repr_html_(self):
        """The HTML rendering, for Jupyter."""
        return self.to_html()

    def to_json(self, indent=None):
        """JSON text: the title, columns, notes and one record per row.

        Exact values stay exact: in a column holding fractions every number is a string
        ``"a/b"`` (``"3"`` when whole), and the record has its decimal value under
        ``"<column> (decimal)"`` as in :meth:`to_csv`. Other cells are JSON strings,
        integers, booleans or null; a float that is not finite becomes null.

        Parameters
        ----------
        indent : int, optional
            Passed to :func:`json.dumps`.

        Returns
        -------
        str

        Examples
        --------
        >>> from fractions import Fraction
        >>> import powerindex as pi
        >>> print(pi.Table(["player", "power"], [["A", Fraction(1, 4)]]).to_json())
        {"title": "", "columns": ["player", "power"], "records": [{"player": "A",
        "power": "1/4", "power (decimal)": 0.25}], "notes": []}
        """
        fractional = [any(isinstance(row[i], Fraction) for row in self.rows)
                      for i in range(len(self.columns))]
        records = []
        for row in self.rows:
            record = {}
            for name, cell, exact in zip(self.columns, row, fractional, strict=True):
                record[name] = _json_cell(cell, exact)
                if exact:
                    record[f"{name} (decimal)"] = (
                        float(cell) if isinstance(cell, Number) and not isinstance(cell, bool)
                        else None)
            records.append(record)
        data = {"title": self.title, "columns": list(self.columns), "records": records,
                "notes": list(self.notes)}
        return json.dumps(data, indent=indent, ensure_ascii=False, allow_nan=False)

    def to_dataframe(self, exact=True):
        """A :class:`pandas.DataFrame` with one column per table column.

        Parameters
        ----------
        exact : bool, optional
            Keep fractions as ``Fraction`` objects (default; an object column). With
            False, fraction cells become floats.

        Returns
        -------
        pandas.DataFrame
            The title and notes are in ``DataFrame.attrs``.

        Raises
        ------
        ImportError
            If pandas is not installed (``pip install 'powerindex-toolkit[pandas]'`` or
            ``pip install pandas``).
        """
        try:
            import pandas
        except ImportError:
            raise ImportError(
                "Table.to_dataframe needs pandas, which is not installed: pip install"
                " 'powerindex-toolkit[pandas]' (or pip install pandas)"
            ) from None
        rows = [list(row) if exact else [float(c) if isinstance(c, Fraction) else c
                                         for c in row] for row in self.rows]
        frame = pandas.DataFrame(rows, columns=list(self.columns))
        frame.attrs["title"] = self.title
        frame.attrs["notes"] = list(self.notes)
        return frame

    def _latex_cell(self, cell):
        if isinstance(cell, Fraction) and cell.denominator != 1 and not long_fraction(cell):
            sign = "-" if cell < 0 else ""
            value = abs(cell)
            return (f"${sign}\\frac{{{value.numerator}}}{{{value.denominator}}}$"
                    f" ({float(cell):.{self.digits}f})")
        return _latex_escape(self._text(cell))


def _json_cell(cell, exact):
    if cell is None or isinstance(cell, bool | str):
        return cell
    if isinstance(cell, Number) and exact:
        value = Fraction(cell) if not isinstance(cell, float) else Fraction(repr(cell))
        return str(value)
    if isinstance(cell, float):
        return cell if math.isfinite(cell) else None
    if isinstance(cell, int):
        return int(cell)
    return str(cell)


def long_fraction(value):
    """Whether a fraction is too long to print exactly (more than LONG_FRACTION chars)."""
    return value.denominator != 1 and (value.numerator.bit_length()
                                       + value.denominator.bit_length()) > 3.3 * LONG_FRACTION


#: LaTeX's special characters in text. ``<`` and ``>`` print as inverted marks in the
#: default font encoding, and a backslash would start a command.
_LATEX = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{",
          "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
          "\\": r"\textbackslash{}", "<": r"\textless{}", ">": r"\textgreater{}",
          "|": r"\textbar{}"}


def _latex_escape(text):
    return "".join(_LATEX.get(ch, ch) for ch in str(text))
