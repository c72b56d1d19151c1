"""Command line: ``python -m analyses.uk2010 [--out DIR]``."""

from .._command import run
from .report import HERE, write_report


def main(argv=None):
    run("Write the UK 2010 hung-parliament report.", write_report, HERE, argv)


if __name__ == "__main__":
    main()
