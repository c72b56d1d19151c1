"""Command line: ``python -m analyses.eu_council [--out DIR]``."""

import argparse

from .report import HERE, write_report


def main(argv=None):
    parser = argparse.ArgumentParser(description="Write the EU Council power-index report.")
    parser.add_argument(
        "--out", default=HERE, help="folder for report.md (default: beside the data)"
    )
    args = parser.parse_args(argv)
    path = write_report(args.out)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
