"""The command line every analysis shares: ``python -m analyses.NAME [--out DIR]``."""

import argparse


def run(description, write_report, default_out, argv=None):
    """Parse ``--out``, write the report there (default: beside the data), say where."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--out", default=default_out,
        help="folder for report.md, report.html, tables/ and figures/ (default: beside the data)"
    )
    args = parser.parse_args(argv)
    print(f"wrote {write_report(args.out)}")


def write_text(path, text):
    """Write a generated file as UTF-8, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_pages(out_dir, markdown):
    """Write the report as ``report.md`` and as one self-contained ``report.html`` (figures
    embedded, readable on a phone) into ``out_dir``; return the Markdown file's path."""
    from powerindex import markdown_page

    path = out_dir / "report.md"
    write_text(path, markdown)
    write_text(out_dir / "report.html", markdown_page(markdown, base_dir=out_dir))
    return path
