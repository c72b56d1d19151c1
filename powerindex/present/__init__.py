"""Building blocks for output: tables, figures and self-contained HTML pages.

* :class:`Table` -- the one table type behind every report: text, Markdown, CSV, LaTeX,
  HTML, JSON and pandas;
* :mod:`.plot` -- figures of power against seats, scenario changes and compatibility
  graphs (matplotlib, an optional extra, imported only when a figure is drawn);
* :class:`HtmlReport` and :func:`markdown_page` -- one self-contained HTML page with its
  headings, text, tables and figures.

This package sits low in the layers: results render through its tables, so it imports
nothing above the errors.
"""

from .tables import Table

__all__ = ["Table", "HtmlReport", "markdown_page"]


def __getattr__(name):
    # The page builder is loaded when first used: results render through the tables alone.
    if name in ("HtmlReport", "markdown_page"):
        from . import html

        return getattr(html, name)
    raise AttributeError(f"module 'powerindex.present' has no attribute {name!r}")
