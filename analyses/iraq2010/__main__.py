"""Command line: ``python -m analyses.iraq2010 [--out DIR]``."""

from .._command import run
from .report import HERE, write_report


def main(argv=None):
    run("Write the Iraq 2010 kingmaker report.", write_report, HERE, argv)


if __name__ == "__main__":
    main()
