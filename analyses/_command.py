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
