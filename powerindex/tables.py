"""One table type behind every report: text, Markdown, CSV and LaTeX from the same rows.

A :class:`Table` holds a title, column names and rows of cells. Cells keep their exact
values (``Fraction``, ``int``, ``str``, ``bool`` or ``None`` for "not applicable"); only
the renderers turn them into text, so nothing is rounded before the reader asks for it.
A ``Fraction`` renders as ``a/b (0.1234)`` in text and Markdown; CSV gives exact and decimal
values in separate columns so that a spreadsheet can read the decimals.

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
import io
from fractions import Fraction
from numbers import Number

from .errors import InvalidTypeError

__all__ = ["Table"]

DIGITS = 4


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
            if cell.denominator == 1:
                return str(cell.numerator)
            return f"{cell} ({float(cell):.{self.digits}f})"
        if isinstance(cell, float):
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
        cells = [[self._text(c) for c in row] for row in self.rows]
        widths = [max(len(name), *(len(r[i]) for r in cells)) if cells else len(name)
                  for i, name in enumerate(self.columns)]
        numeric = [self._numeric(i) for i in range(len(self.columns))]

        def line(values):
            parts = [v.rjust(w) if right else v.ljust(w)
                     for v, w, right in zip(values, widths, numeric, strict=True)]
            return "  ".join(parts).rstrip()

        lines = [self.title] if self.title else []
        lines.append(line(self.columns))
        lines += [line(r) for r in cells]
        lines += self.notes
        return "\n".join(lines)

    def __repr__(self):
        return f"<Table {self.title!r}: {len(self.rows)} rows x {len(self.columns)} columns>"

    def to_markdown(self):
        """A GitHub-flavoured Markdown table (without the title)."""
        align = ["---:" if self._numeric(i) else ":---" for i in range(len(self.columns))]
        lines = ["| " + " | ".join(self.columns) + " |", "|" + "|".join(align) + "|"]
        for row in self.rows:
            lines.append("| " + " | ".join(self._text(c).replace("|", "\\|") for c in row) + " |")
        if self.notes:
            lines += ["", *self.notes]
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

    def _latex_cell(self, cell):
        if isinstance(cell, Fraction) and cell.denominator != 1:
            sign = "-" if cell < 0 else ""
            value = abs(cell)
            return (f"${sign}\\frac{{{value.numerator}}}{{{value.denominator}}}$"
                    f" ({float(cell):.{self.digits}f})")
        return _latex_escape(self._text(cell))


def _latex_escape(text):
    replacements = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
                    "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\^{}"}
    return "".join(replacements.get(ch, ch) for ch in str(text))
