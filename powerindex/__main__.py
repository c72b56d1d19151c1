"""``python -m powerindex``: the ``powerindex`` command (see :mod:`powerindex.cli`)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
