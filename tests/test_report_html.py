"""Self-contained HTML reports (powerindex.report): the page builder, the Markdown
conversion, and every committed analysis page checked with html.parser against its
report.md -- every table and figure present, every image an embedded PNG, no reference to a
missing file or to the network. (The pages were also looked at in headless Chromium at a
phone and a desktop width.)"""

import base64
import re
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path

import pytest

import powerindex as pi
from powerindex.errors import ReportError
from powerindex.present import HtmlReport, markdown_page

ROOT = Path(__file__).resolve().parents[1]
ANALYSES = sorted(p.parent for p in (ROOT / "analyses").glob("*/report.md"))
PNG = b"\x89PNG\r\n\x1a\n"


class Page(HTMLParser):
    """Everything the checks need from a page, collected by a naive parse."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.ids = set()
        self.references = []  # (tag, attribute, value)
        self.images = []  # attribute dicts
        self.tables = []  # [[cell texts of a row], ...] per table
        self.styles = []
        self._cell = None
        self._in_style = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if "id" in attrs:
            assert attrs["id"] not in self.ids, f"duplicate id {attrs['id']!r}"
            self.ids.add(attrs["id"])
        for name in ("href", "src", "srcset", "action", "data", "poster"):
            if name in attrs:
                self.references.append((tag, name, attrs[name]))
        if tag == "img":
            self.images.append(attrs)
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "style":
            self._in_style = True

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._in_style:
            self.styles.append(data)


def markdown_tables(text):
    """The pipe tables of a Markdown text, as rows of cell texts (marks removed), read
    naively line by line."""
    tables, current = [], None
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            cells = [c.strip().replace("\\|", "|")
                     for c in re.split(r"(?<!\\)\|", line.strip()[1:-1])]
            if current is None:
                current = []
                tables.append(current)
            if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                current.append([re.sub(r"\*\*|`", "", c) for c in cells])
        else:
            current = None
    return tables


def markdown_images(text):
    return re.findall(r"^!\[([^\]]*)\]\(([^)]+)\)\s*$", text, flags=re.MULTILINE)


def decode_png(src):
    prefix = "data:image/png;base64,"
    assert src.startswith(prefix), src[:40]
    data = base64.b64decode(src[len(prefix):], validate=True)
    assert data.startswith(PNG)
    return data


def check_self_contained(page, base):
    """No script, no stylesheet link, and every reference an embedded image, a fragment
    that exists on the page or an existing local file."""
    assert "script" not in page.tags and "link" not in page.tags and "iframe" not in page.tags
    css = "".join(page.styles)
    assert "url(" not in css and "@import" not in css
    for tag, name, value in page.references:
        assert not re.match(r"[a-z][a-z0-9+.-]*://|//", value, flags=re.I), (tag, name, value)
        if value.startswith("data:"):
            assert tag == "img"
            decode_png(value)
        elif value.startswith("#"):
            assert value[1:] in page.ids, value
        else:
            assert (base / value.split("#")[0]).is_file(), (tag, name, value)


# -- the analyses' pages --------------------------------------------------------------------------
@pytest.mark.parametrize("folder", ANALYSES, ids=[p.name for p in ANALYSES])
def test_committed_page_has_every_table_and_figure_of_the_report(folder):
    text = (folder / "report.md").read_text(encoding="utf-8")
    page = Page((folder / "report.html").read_text(encoding="utf-8"))
    check_self_contained(page, folder)
    assert "viewport" in (folder / "report.html").read_text(encoding="utf-8")

    expected = markdown_tables(text)
    assert expected, "every report has tables"
    assert len(page.tables) == len(expected)
    for rows, html_rows in zip(expected, page.tables, strict=True):
        assert html_rows == rows

    images = markdown_images(text)
    assert images, "every report has figures"
    assert len(page.images) == len(images)
    for (alt, src), img in zip(images, page.images, strict=True):
        assert img["alt"] == alt
        # the embedded image is the figure file itself, byte for byte
        assert decode_png(img["src"]) == (folder / src).read_bytes()

    headings = re.findall(r"^#{2,6} (.*)$", text, flags=re.MULTILINE)
    assert page.tags.count("h1") == 1
    assert sum(page.tags.count(f"h{k}") for k in range(2, 7)) == len(headings)


def test_iraq_page_shows_the_kurds_timeline_and_its_figure():
    folder = ROOT / "analyses" / "iraq2010"
    page = Page((folder / "report.html").read_text(encoding="utf-8"))
    headline = page.tables[0]  # the seats
    assert headline[1][:2] == ["Iraqiya", "91"]
    timeline = next(t for t in page.tables if t[0][0] == "stage or vote")
    assert timeline[1][:2] == ["7 March", "base"] and len(timeline) == 11
    alts = [img["alt"] for img in page.images]
    assert "The Kurds' power across the stages and votes of 2010" in alts
    # a contents list links to every section
    contents = [v for tag, name, v in page.references if tag == "a" and v.startswith("#")]
    assert len(contents) == (folder / "report.md").read_text(encoding="utf-8").count("\n## ")


# -- the builder ----------------------------------------------------------------------------------
def test_builder_page_is_self_contained_and_reproducible(tmp_path):
    from matplotlib.figure import Figure

    figure = Figure(figsize=(2, 1.5))
    figure.add_subplot().plot([0, 1], [1, 0])
    png = tmp_path / "line.png"
    figure.savefig(png, dpi=50)

    def build():
        page = HtmlReport("Power & <votes>")
        for title in ("One", "Two", "Two"):
            page.heading(title)
        page.paragraph("See [the table](#two) and **this** `a < b` text.")
        page.table(pi.Table(["player", "power"], [["A", Fraction(1, 3)]], title="T"))
        page.figure(figure, caption="A **line**")
        page.figure(png, caption="From a file")
        page.figure(png.read_bytes(), alt="bytes")
        return page.render()

    text = build()
    assert build() == text
    page = Page(text)
    check_self_contained(page, tmp_path)
    assert {"one", "two", "two-2"} <= page.ids
    assert "<title>Power &amp; &lt;votes&gt;</title>" in text
    assert "<code>a &lt; b</code>" in text and "<strong>this</strong>" in text
    assert page.tables == [[["player", "power"], ["A", "1/3 (0.3333)"]]]
    assert [img["alt"] for img in page.images] == ["A line", "From a file", "bytes"]
    assert decode_png(page.images[1]["src"]) == png.read_bytes()
    assert (page.images[1]["width"], page.images[1]["height"]) == ("100", "75")
    assert "<figcaption>A <strong>line</strong></figcaption>" in text


def test_text_is_escaped_and_code_is_left_alone():
    page = HtmlReport("t", contents=False)
    page.paragraph("<script>alert(1)</script> **x** `**not bold** <b>`")
    page.bullets(["a & b", "[link](https://example.org/?a=1&b=2)"])
    text = page.render()
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "<code>**not bold** &lt;b&gt;</code>" in text
    assert "<li>a &amp; b</li>" in text
    assert '<a href="https://example.org/?a=1&amp;b=2">link</a>' in text


def test_contents_list_only_for_three_sections_or_more():
    page = HtmlReport("t")
    page.heading("a")
    page.heading("b")
    assert "<nav" not in page.render()
    page.heading("c")
    page.heading("sub", level=3)
    rendered = page.render()
    assert rendered.count('<li><a href="#') == 3


def test_markdown_blocks():
    text = "\n".join([
        "# Title", "", "## Rules", "", "A paragraph", "on two lines.",
        "- item one", "  continued", "* item two", "",
        "| name | value | share |", "|:---|---:|---|", "| a \\| b | 3 | 1/2 (0.5000) |",
        "| c | - | 1/4 (0.2500) |", "", "Note under the table.", "",
        "```", "x < y", "```", "",
    ])
    html = markdown_page(text)
    page = Page(html)
    assert "<title>Title</title>" in html and page.tags.count("h1") == 1
    assert "<p>A paragraph on two lines.</p>" in html
    assert "<li>item one continued</li>" in html and "<li>item two</li>" in html
    assert page.tables == [[["name", "value", "share"], ["a | b", "3", "1/2 (0.5000)"],
                            ["c", "-", "1/4 (0.2500)"]]]
    # right-aligned by the separator, and a column of fractions recognised as numbers
    assert html.count('<td class="numeric"') == 4
    assert "<pre><code>x &lt; y</code></pre>" in html


def test_markdown_images_are_embedded_from_the_base_folder(tmp_path):
    (tmp_path / "figures").mkdir()
    data = PNG + b"\x00\x00\x00\rIHDR" + (8).to_bytes(4, "big") + (4).to_bytes(4, "big")
    (tmp_path / "figures" / "f.png").write_bytes(data)
    html = markdown_page("# T\n\n![A figure](figures/f.png)\n", base_dir=tmp_path)
    page = Page(html)
    assert decode_png(page.images[0]["src"]) == data
    assert (page.images[0]["width"], page.images[0]["height"]) == ("8", "4")
    assert "<figcaption>A figure</figcaption>" in html


def test_bad_parts_are_refused_with_the_culprit_named(tmp_path):
    page = HtmlReport("t")
    with pytest.raises(ReportError, match=r"'Seats' does not exist: .*missing\.png"):
        page.figure(tmp_path / "missing.png", caption="Seats")
    (tmp_path / "plot.svg").write_text("<svg/>", encoding="utf-8")
    with pytest.raises(ReportError, match="is not a PNG"):
        page.figure(tmp_path / "plot.svg")
    with pytest.raises(ReportError, match="must be a matplotlib Figure, a PNG path or PNG bytes"):
        page.figure(42)
    with pytest.raises(ReportError, match="takes a powerindex Table, not list"):
        page.table([["A", 1]])
    with pytest.raises(ReportError, match="heading level must be 2 to 6"):
        page.heading("x", level=1)
    with pytest.raises(ReportError, match=r"'Gone' does not exist"):
        markdown_page("# T\n\n![Gone](figures/gone.png)\n", base_dir=tmp_path)
    assert issubclass(ReportError, pi.PowerIndexError) and issubclass(ReportError, ValueError)
