"""Command line: ``python -m analyses.unsc [--out DIR]``."""

from .._command import run
from .report import HERE, write_report


def main(argv=None):
    run("Write the UN Security Council report.", write_report, HERE, argv)


if __name__ == "__main__":
    main()
