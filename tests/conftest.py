"""Shared test settings: hypothesis without deadlines (CI machines are shared and noisy),
and counting tables of at most 2 GiB.

The engine sizes its tables to the memory available (half of it by default), so a test
that expects a refusal would, on a large machine, compute instead, for minutes and
gigabytes. The tests run with ``POWERINDEX_MAX_MEMORY=2G`` unless they set it themselves
(tests/test_memory_limit.py checks the default rule with the variable removed).
"""

import os

from hypothesis import settings

settings.register_profile("default", deadline=None)
settings.load_profile("default")

os.environ.setdefault("POWERINDEX_MAX_MEMORY", "2G")
