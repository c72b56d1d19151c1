"""The report pages in a real browser: headless Chromium at phone and desktop widths.

Every report.html must read on a phone (390 px), a tablet (768 px), a laptop (1366 px) and
a desktop (1920 px): no part of the page wider than the screen; every table either fits
its box or scrolls sideways in it with a visible cue; every figure fits the screen. Before
Foundations II the page was capped near 62rem, so the Iraq headline table showed 7 of its
10 columns even at 1920 px and the EU table hid its Nice columns at 1366 px, and on a
phone the figures were cropped.

Chromium comes from Debian's packages (``.ci/install-browser``, run by ``make test``) and
is driven by Playwright (a dev dependency) with that executable; without a Chromium on the
machine these tests are skipped.
"""

import pathlib
import shutil

import pytest

import powerindex as pi

ROOT = pathlib.Path(__file__).resolve().parent.parent
REPORTS = sorted(ROOT.glob("analyses/*/report.html"))
WIDTHS = (390, 768, 1366, 1920)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(CHROMIUM is None,
                                reason="no Chromium on this machine (.ci/install-browser)")

# Measures what a reader sees: the page's width, each table's box and its cue, each figure.
MEASURE = """() => {
  const tables = [...document.querySelectorAll('.table-box')].map(box => {
    const scroll = box.querySelector('.table-scroll');
    const rect = box.getBoundingClientRect();
    return {fits: scroll.querySelector('table').scrollWidth <= scroll.clientWidth + 1,
            cue: getComputedStyle(box.querySelector('.scroll-cue')).display !== 'none',
            left: rect.left, right: rect.right,
            caption: (box.querySelector('caption') || {}).textContent || '',
            columns: scroll.querySelectorAll('thead th').length};
  });
  const figures = [...document.querySelectorAll('figure img')].map(img => {
    const rect = img.getBoundingClientRect();
    return {left: rect.left, right: rect.right, width: rect.width,
            natural: img.naturalWidth};
  });
  return {width: window.innerWidth, page: document.documentElement.scrollWidth,
          tables: tables, figures: figures};
}"""


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield chromium
        chromium.close()


def measure(browser, path, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.goto(pathlib.Path(path).resolve().as_uri())
        return page.evaluate(MEASURE)
    finally:
        page.close()


def check_readable(seen, where):
    assert seen["page"] <= seen["width"], f"{where}: the page scrolls sideways"
    for number, table in enumerate(seen["tables"], start=1):
        assert table["fits"] or table["cue"], f"{where}: table {number} overflows without a cue"
        assert table["left"] >= -1 and table["right"] <= seen["width"] + 1, (
            f"{where}: table {number} reaches beyond the screen")
    for number, figure in enumerate(seen["figures"], start=1):
        assert figure["left"] >= -1 and figure["right"] <= seen["width"] + 1, (
            f"{where}: figure {number} is cropped")
        assert figure["width"] > 0


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("report", REPORTS, ids=[p.parent.name for p in REPORTS])
def test_every_report_reads_at_every_width(browser, report, width):
    seen = measure(browser, report, width)
    assert seen["tables"] or seen["figures"]
    check_readable(seen, f"{report.parent.name} at {width} px")


def test_the_iraq_headline_table_shows_all_its_columns_on_a_desktop(browser):
    seen = measure(browser, ROOT / "analyses" / "iraq2010" / "report.html", 1920)
    widest = [t for t in seen["tables"] if t["columns"] >= 10]
    assert widest and widest[0]["fits"] and not widest[0]["cue"]


def test_a_wide_table_scrolls_with_a_cue_on_a_phone_and_fits_on_a_desktop(browser, tmp_path):
    columns = ["player", *(f"scenario {i}: a long name" for i in range(1, 9))]
    table = pi.Table(columns, [[f"P{r}", *range(10**6, 10**6 + 8)] for r in range(5)],
                     title="Wide")
    page = pi.HtmlReport("A wide table")
    page.table(table)
    page.figure(pi.plot.power_vs_seats(
        {"base": pi.leverage(pi.WeightedGame([5, 4, 3, 2], 8, players=list("ABCD")))}),
        caption="a figure")
    path = tmp_path / "wide.html"
    page.write(path)
    phone = measure(browser, path, 390)
    check_readable(phone, "phone")
    assert not phone["tables"][0]["fits"] and phone["tables"][0]["cue"]
    assert phone["figures"][0]["width"] <= 390
    desktop = measure(browser, path, 1920)
    check_readable(desktop, "desktop")
    assert desktop["tables"][0]["fits"] and not desktop["tables"][0]["cue"]


def test_the_eu_table_shows_its_nice_columns_on_a_laptop(browser):
    seen = measure(browser, ROOT / "analyses" / "eu_council" / "report.html", 1366)
    assert seen["tables"] and all(t["fits"] and not t["cue"] for t in seen["tables"])


@pytest.fixture(scope="module")
def written_example(tmp_path_factory):
    """The report of docs/report.md's worked example (a parliament of the user's own)."""
    out = tmp_path_factory.mktemp("bundestag")
    pi.write_report(ROOT / "docs" / "examples" / "bundestag2021.toml", out)
    return out / "report.html"


@pytest.mark.parametrize("width", WIDTHS)
def test_a_report_of_your_own_parliament_reads_at_every_width(browser, written_example, width):
    seen = measure(browser, written_example, width)
    assert len(seen["figures"]) == 3 and len(seen["tables"]) >= 15
    check_readable(seen, f"the Bundestag example at {width} px")
