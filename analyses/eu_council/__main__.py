"""Command line: ``python -m analyses.eu_council [--out DIR]``."""

from .._command import run
from .report import HERE, write_report


def main(argv=None):
    run("Write the EU Council power-index report.", write_report, HERE, argv)


if __name__ == "__main__":
    main()
