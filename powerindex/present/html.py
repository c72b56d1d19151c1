"""Self-contained HTML pages: headings, text, tables and figures in one file.

An :class:`HtmlReport` collects the parts of a report in order and renders them as ONE
HTML page that needs nothing else: the style sheet is inline, every figure is embedded as
a base64 ``data:`` URI, there are no scripts and no references to the network. The page
reads on a phone: the text reflows, figures shrink to the screen and wide tables scroll
sideways inside their own box. The same parts give the same bytes, so a generated page
can be committed and compared with a fresh build.

Text takes a small part of Markdown: ``**bold**``, `` `code` `` and ``[links](url)``.
:func:`markdown_page` turns a whole Markdown report (headings, paragraphs, ``-`` or
``*`` lists, pipe tables, images on a line of their own, fenced code) into a page, with
the images read from disk and embedded.

Examples
--------
>>> from fractions import Fraction
>>> import powerindex as pi
>>> from powerindex.present.html import HtmlReport
>>> page = HtmlReport("Iraq 2010")
>>> page.heading("Power")
'power'
>>> page.paragraph("The **Kurds** hold `2/15` of the power.")
>>> page.table(pi.Table(["player", "Shapley-Shubik"], [["Kurds", Fraction(2, 15)]]))
>>> html = page.render()
>>> html.startswith("<!DOCTYPE html>")
True
>>> "<p>The <strong>Kurds</strong> hold <code>2/15</code> of the power.</p>" in html
True
>>> "2/15 (0.1333)" in html
True
"""

import base64
import html
import io
import re
from pathlib import Path

from ..errors import ReportError
from .tables import Table

__all__ = ["HtmlReport", "ReportError", "markdown_page"]

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: Width classes of tables, in rem: a table whose estimated width falls in a class shows
#: its "scroll sideways" cue on every screen narrower than the class.
_WIDE_STEP, _WIDE_TOP = 5, 200

# Phone first: text reflows in a column of at most 62rem; a table may be as wide as the
# screen (centred on the column), and one wider than the screen scrolls sideways inside its
# own box, with a cue under it on the screens it does not fit; figures fit the screen.
_CSS = """\
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;color:#1b1b1b;background:#fff;
font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:62rem;margin:0 auto;padding:1rem 1.25rem 3rem}
h1{font-size:1.7rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.35rem;line-height:1.3;margin:2.25rem 0 .75rem;padding-bottom:.2rem;
border-bottom:1px solid #d8d8d8}
h3{font-size:1.1rem;line-height:1.3;margin:1.75rem 0 .5rem}
h4,h5,h6{font-size:1rem;margin:1.25rem 0 .5rem}
p,li{overflow-wrap:break-word}
ul{padding-left:1.4rem}
li{margin:.25rem 0}
a{color:#0b57a4}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;
background:#f2f2f2;border-radius:3px;padding:.05em .25em;overflow-wrap:anywhere}
pre{background:#f2f2f2;padding:.75rem;overflow-x:auto;border-radius:4px}
pre code{background:none;padding:0;overflow-wrap:normal}
nav.contents{background:#f7f7f7;border:1px solid #e2e2e2;border-radius:4px;
padding:.5rem 1rem;margin:1rem 0}
nav.contents ul{margin:.25rem 0}
.table-box{margin:1rem 0;width:max-content;min-width:100%;max-width:calc(100vw - 1.5rem);
position:relative;left:50%;transform:translateX(-50%)}
.table-scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;border:1px solid #dcdcdc;
border-radius:4px}
.scroll-cue{display:none;font-size:.8rem;color:#555;margin:0 0 .2rem;text-align:right}
table{border-collapse:collapse;font-size:.875rem;line-height:1.4}
caption{caption-side:top;text-align:left;font-weight:600;padding:.4rem .6rem}
th,td{padding:.35rem .6rem;border-bottom:1px solid #e6e6e6;vertical-align:top}
th{background:#f4f4f4;font-weight:600}
td{min-width:4.5rem}
td:first-child{min-width:8rem}
.numeric{text-align:right;font-variant-numeric:tabular-nums}
td.numeric{white-space:nowrap}
tbody tr:nth-child(even){background:#fafafa}
tfoot td{color:#555;border-bottom:0}
figure{margin:1.25rem 0}
figure img{display:block;max-width:100%;height:auto}
figcaption{font-size:.9rem;color:#555;margin-top:.35rem}
@media (max-width:40rem){
body{font-size:15px}
main{padding:.75rem .75rem 2rem}
h1{font-size:1.4rem}
h2{font-size:1.2rem}
table{font-size:.8rem}
th,td{padding:.3rem .45rem}
}
@media print{.table-box{width:auto;max-width:none;left:0;transform:none}
.table-scroll{overflow:visible;border:0}.scroll-cue{display:none}nav.contents{display:none}}
""" + "".join(
    f"@media (max-width:{width + 1.5}rem){{.wide-{width} .scroll-cue{{display:block}}}}\n"
    for width in range(_WIDE_STEP, _WIDE_TOP + 1, _WIDE_STEP)
) + "@media screen{.wide-more .scroll-cue{display:block}}\n"


# -- inline text --------------------------------------------------------------------------------
_CODE = re.compile(r"`([^`]+)`")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _inline(text):
    """Markdown-lite to HTML: code spans (kept verbatim), then links and bold; the rest is
    escaped."""
    parts = []
    for number, piece in enumerate(_CODE.split(text)):
        if number % 2:
            parts.append(f"<code>{html.escape(piece, quote=False)}</code>")
            continue
        piece = html.escape(piece, quote=True)
        piece = _LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', piece)
        parts.append(_BOLD.sub(r"<strong>\1</strong>", piece))
    return "".join(parts)


def _plain(text):
    """The text a reader sees, without the Markdown marks (for ids and alt text)."""
    text = _CODE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    return _BOLD.sub(r"\1", text)


def _slug(text):
    slug = re.sub(r"[^a-z0-9]+", "-", _plain(text).lower()).strip("-")
    return slug or "section"


# -- images -------------------------------------------------------------------------------------
def _png_bytes(image, what):
    """PNG bytes from a matplotlib figure, a path or bytes."""
    if hasattr(image, "savefig"):
        buffer = io.BytesIO()
        # as powerindex.plot.save: no software version stamped in, same bytes every time
        image.savefig(buffer, format="png", dpi=110, metadata={"Software": None})
        data = buffer.getvalue()
    elif isinstance(image, bytes | bytearray):
        data = bytes(image)
    elif isinstance(image, str | Path):
        path = Path(image)
        if not path.is_file():
            raise ReportError(f"the image {what} does not exist: {path}")
        data = path.read_bytes()
    else:
        raise ReportError(
            f"the image {what} must be a matplotlib Figure, a PNG path or PNG bytes,"
            f" not {type(image).__name__}"
        )
    if not data.startswith(_PNG_SIGNATURE):
        raise ReportError(f"the image {what} is not a PNG file")
    return data


def _img(data, alt):
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    uri = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
    return (f'<img src="{uri}" alt="{html.escape(alt, quote=True)}" width="{width}"'
            f' height="{height}">')


def _table_box(table_html, rows, numeric):
    """The table in its scrolling box, with the cue for the screens it does not fit.

    A table overflows its box only when it cannot shrink to the box: when its narrowest
    layout is wider. That is estimated from the text of its cells (``rows``, header first):
    per column the longest word (the whole cell in a ``numeric`` column, whose values do
    not wrap) at 0.6 em a character of the table's 0.875rem font, plus the cells' padding, and
    at least the cells' minimum width.
    """
    widths = [0] * len(numeric)
    for number, row in enumerate(rows):
        for i, text in enumerate(row[:len(numeric)]):
            whole = numeric[i] and number > 0  # a number does not wrap; a heading does
            longest = len(text) if whole else max(map(len, text.split()), default=0)
            widths[i] = max(widths[i], longest)
    rem = sum(max(4.5 if i else 8.0, chars * 0.525 + 1.25) for i, chars in enumerate(widths))
    step = -(-int(rem) // _WIDE_STEP) * _WIDE_STEP
    width_class = f"wide-{step}" if step <= _WIDE_TOP else "wide-more"
    cue = '<p class="scroll-cue">Scroll sideways for more columns &rarr;</p>'
    return (f'<div class="table-box {width_class}">\n{cue}\n<div class="table-scroll">\n'
            f"{table_html}\n</div>\n</div>")


# -- Markdown blocks ----------------------------------------------------------------------------
_HEADING = re.compile(r"(#{1,6})\s+(.*?)\s*#*\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)\s*$")
_ITEM = re.compile(r"[-*+]\s+(.*)$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_NUMBER = re.compile(r"-?[\d.,/%]+( \(-?[\d.]+\))?$")


def _cells(line):
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [cell.strip().replace("\\|", "|") for cell in _CELL_SPLIT.split(line)]


def _markdown_table(lines):
    """``(html, numeric)``: the table, and which of its columns are numeric."""
    header = _cells(lines[0])
    align = []
    for spec in _cells(lines[1]) if len(lines) > 1 else []:
        align.append("right" if spec.endswith(":") and not spec.startswith(":") else
                     "left" if spec.startswith(":") else "")
    align += [""] * (len(header) - len(align))
    body = [_cells(line) for line in lines[2:]]
    body = [row + [""] * (len(header) - len(row)) for row in body]
    numeric = []
    for index, how in enumerate(align[:len(header)]):
        cells = [row[index] for row in body if row[index] not in ("", "-")]
        numeric.append(how == "right" or (how == "" and bool(cells)
                                          and all(_NUMBER.match(c) for c in cells)))

    def cell(tag, text, right, extra=""):
        style = ' class="numeric" style="text-align: right"' if right else (
            ' style="text-align: left"')
        return f"<{tag}{extra}{style}>{_inline(text)}</{tag}>"

    out = ['<table class="powerindex-table">', "<thead>",
           "<tr>" + "".join(cell("th", c, r, ' scope="col"')
                            for c, r in zip(header, numeric, strict=True)) + "</tr>",
           "</thead>", "<tbody>"]
    for row in body:
        out.append("<tr>" + "".join(cell("td", c, r)
                                    for c, r in zip(row, numeric, strict=False)) + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out), numeric


class HtmlReport:
    """One self-contained HTML page, built part by part.

    Parameters
    ----------
    title : str
        The page title and its first heading (plain text).
    lang : str, optional
        The language of the page (default ``"en"``).
    contents : bool, optional
        Put a list of the sections (level-2 headings) under the title, as links, when
        there are three or more (default True).

    Notes
    -----
    Rendering is linear in the size of the parts; a figure costs one PNG encoding and
    grows the page by a third more than its PNG size (base64).

    Examples
    --------
    >>> import powerindex as pi
    >>> from powerindex.present.html import HtmlReport
    >>> page = HtmlReport("Demo", contents=False)
    >>> page.markdown("## Rules\\n\\n- a **majority** of `163`\\n\\n"
    ...               "| x | y |\\n|---|---:|\\n| a | 1 |")
    >>> body = page.render().split("<main>")[1]
    >>> print(body.split("</main>")[0].strip())
    <h1>Demo</h1>
    <h2 id="rules">Rules</h2>
    <ul>
    <li>a <strong>majority</strong> of <code>163</code></li>
    </ul>
    <div class="table-box wide-15">
    <p class="scroll-cue">Scroll sideways for more columns &rarr;</p>
    <div class="table-scroll">
    <table class="powerindex-table">
    <thead>
    <tr><th scope="col" style="text-align: left">x</th><th scope="col" class="numeric"
    style="text-align: right">y</th></tr>
    </thead>
    <tbody>
    <tr><td style="text-align: left">a</td><td class="numeric"
    style="text-align: right">1</td></tr>
    </tbody>
    </table>
    </div>
    </div>
    """

    def __init__(self, title, *, lang="en", contents=True):
        self.title = str(title)
        self.lang = str(lang)
        self.contents = bool(contents)
        self._parts = []
        self._ids = set()
        self._sections = []

    # -- parts ------------------------------------------------------------------------------
    def heading(self, text, level=2):
        """Add a heading (Markdown-lite text); return its ``id`` for links (``#id``).

        Raises
        ------
        ReportError
            If ``level`` is not 2 to 6 (level 1 is the title).
        """
        if level not in (2, 3, 4, 5, 6):
            raise ReportError(f"a heading level must be 2 to 6 (1 is the title), got {level!r}")
        base = _slug(text)
        anchor, number = base, 1
        while anchor in self._ids:
            number += 1
            anchor = f"{base}-{number}"
        self._ids.add(anchor)
        if level == 2:
            self._sections.append((anchor, text))
        self._parts.append(f'<h{level} id="{anchor}">{_inline(text)}</h{level}>')
        return anchor

    def paragraph(self, text):
        """Add a paragraph of Markdown-lite text (``**bold**``, `` `code` ``, links)."""
        self._parts.append(f"<p>{_inline(str(text))}</p>")

    def bullets(self, items):
        """Add a bulleted list, one Markdown-lite text per item."""
        lines = ["<ul>"] + [f"<li>{_inline(str(item))}</li>" for item in items] + ["</ul>"]
        self._parts.append("\n".join(lines))

    def table(self, table):
        """Add a :class:`~powerindex.Table` (its title as caption, notes as footer), in a
        box that scrolls sideways when the table is wider than the screen.

        Raises
        ------
        ReportError
            If ``table`` is not a Table.
        """
        if not isinstance(table, Table):
            raise ReportError(f"table() takes a powerindex Table, not {type(table).__name__}")
        rows = [table.columns, *([table._text(c) for c in row] for row in table.rows)]
        numeric = [table._numeric(i) for i in range(len(table.columns))]
        self._parts.append(_table_box(table.to_html(), rows, numeric))

    def figure(self, image, caption="", alt=None):
        """Add a figure, embedded as a PNG ``data:`` URI, with an optional caption.

        Parameters
        ----------
        image : matplotlib Figure, str, Path or bytes
            A figure (saved as PNG at 110 dpi with no version stamp), the path of a PNG
            file, or PNG bytes.
        caption : str, optional
            Markdown-lite text under the image.
        alt : str, optional
            Text for readers who cannot see the image (default: the caption).

        Raises
        ------
        ReportError
            If the file does not exist or the data are not a PNG.
        """
        what = repr(caption) if caption else "of the figure"
        data = _png_bytes(image, what)
        alt = _plain(caption) if alt is None else alt
        lines = ["<figure>", _img(data, alt)]
        if caption:
            lines.append(f"<figcaption>{_inline(caption)}</figcaption>")
        lines.append("</figure>")
        self._parts.append("\n".join(lines))

    def markdown(self, text, base_dir=None):
        """Add Markdown: headings (``#`` is taken as level 2), paragraphs, lists, pipe
        tables, images on a line of their own (read from ``base_dir`` and embedded, the
        alt text as caption) and fenced code.

        Raises
        ------
        ReportError
            If an image file is missing or not a PNG.
        """
        base = Path(base_dir) if base_dir is not None else Path.cwd()
        lines = str(text).splitlines()
        i = 0
        while i < len(lines):
            line = lines[i]
            stripped = line.strip()
            if not stripped:
                i += 1
                continue
            if stripped.startswith("```"):
                end = next((j for j in range(i + 1, len(lines))
                            if lines[j].strip().startswith("```")), len(lines))
                code = "\n".join(lines[i + 1:end])
                self._parts.append(f"<pre><code>{html.escape(code, quote=False)}</code></pre>")
                i = end + 1
                continue
            match = _HEADING.match(stripped)
            if match:
                self.heading(match.group(2), max(2, len(match.group(1))))
                i += 1
                continue
            match = _IMAGE.match(stripped)
            if match and stripped.startswith("!"):
                alt, src = match.groups()
                self.figure(base / src, caption=alt)
                i += 1
                continue
            if stripped.startswith("|"):
                end = i
                while end < len(lines) and lines[end].strip().startswith("|"):
                    end += 1
                rows = [x.strip() for x in lines[i:end]]
                table, numeric = _markdown_table(rows)
                texts = [[_plain(c) for c in _cells(row)] for j, row in enumerate(rows) if j != 1]
                self._parts.append(_table_box(table, texts, numeric))
                i = end
                continue
            if _ITEM.match(stripped):
                items = []
                while i < len(lines) and lines[i].strip():
                    item = _ITEM.match(lines[i].strip())
                    if item and not lines[i].startswith((" ", "\t")):
                        items.append(item.group(1))
                    elif items:
                        items[-1] += " " + lines[i].strip()
                    i += 1
                self.bullets(items)
                continue
            paragraph = [stripped]
            i += 1
            while i < len(lines) and lines[i].strip() and not _starts_block(lines[i].strip()):
                paragraph.append(lines[i].strip())
                i += 1
            self.paragraph(" ".join(paragraph))

    # -- output -----------------------------------------------------------------------------
    def render(self):
        """The page as one string: the same parts always give the same text."""
        head = [
            "<!DOCTYPE html>",
            f'<html lang="{html.escape(self.lang, quote=True)}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{html.escape(self.title, quote=False)}</title>",
            "<style>", _CSS.rstrip(), "</style>",
            "</head>",
            "<body>",
            "<main>",
            f"<h1>{html.escape(self.title, quote=False)}</h1>",
        ]
        if self.contents and len(self._sections) >= 3:
            head += ['<nav class="contents" aria-label="Contents">', "<ul>"]
            head += [f'<li><a href="#{anchor}">{_inline(text)}</a></li>'
                     for anchor, text in self._sections]
            head += ["</ul>", "</nav>"]
        return "\n".join(head + self._parts + ["</main>", "</body>", "</html>"]) + "\n"

    def write(self, path):
        """Write the page (UTF-8) to ``path``; return the path."""
        path = Path(path)
        path.write_text(self.render(), encoding="utf-8")
        return path


def _starts_block(line):
    return bool(_HEADING.match(line) or line.startswith(("|", "```")) or _ITEM.match(line)
                or (line.startswith("!") and _IMAGE.match(line)))


def markdown_page(text, base_dir=None, title=None):
    """One self-contained HTML page from a Markdown report.

    Parameters
    ----------
    text : str
        The Markdown. A first line ``# Title`` becomes the page title.
    base_dir : str or Path, optional
        Where relative image paths start (default: the working directory); every image
        is read from there and embedded.
    title : str, optional
        The page title when the text does not start with ``# Title``.

    Returns
    -------
    str
        The HTML page.

    Raises
    ------
    ReportError
        If an image is missing or not a PNG.

    Notes
    -----
    Linear in the length of the text plus the size of the images.

    Examples
    --------
    >>> from powerindex.present.html import markdown_page
    >>> page = markdown_page("# Iraq 2010\\n\\nThe quota is **163**.\\n")
    >>> "<title>Iraq 2010</title>" in page and "<p>The quota is <strong>163</strong>.</p>" in page
    True
    """
    lines = str(text).splitlines()
    first = next((n for n, line in enumerate(lines) if line.strip()), None)
    if first is not None:
        match = _HEADING.match(lines[first].strip())
        if match and len(match.group(1)) == 1:
            title = _plain(match.group(2))
            lines = lines[first + 1:]
    page = HtmlReport(title if title is not None else "Report")
    page.markdown("\n".join(lines), base_dir=base_dir)
    return page.render()
