"""The ``powerindex`` command line; see :mod:`powerindex.cli.main` and ``docs/cli.md``."""

from .main import main

__all__ = ["main"]
