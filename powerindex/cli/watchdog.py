"""The watchdog: a command gives up past its time or memory limit instead of hanging (private)."""

import contextlib
import os
import signal
import threading
import time

from .._engines import generating
from ._common import MEMORY_LIMIT, _GaveUp


def _resident_bytes():
    """The memory the process uses now (Linux), or None where that cannot be read."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


@contextlib.contextmanager
def _watchdog(seconds):
    """Give up (raise _GaveUp) after ``seconds``, or when memory grows by MEMORY_LIMIT.

    Some outputs are exponential in the number of players (a game of 40 equal players has
    about 10**11 minimal winning coalitions): a command must stop rather than hang. Uses
    SIGALRM, so it only acts in the main thread of a Unix process.
    """
    usable = (hasattr(signal, "setitimer") and seconds
              and threading.current_thread() is threading.main_thread())
    budget = generating.memory_budget
    generating.memory_budget = MEMORY_LIMIT  # the engine sizes its tables to this limit
    try:
        if not usable:
            yield
            return
        yield from _watch(seconds)
    finally:
        generating.memory_budget = budget


def _watch(seconds):
    """The alarm of :func:`_watchdog` (a generator: yields once, while the command runs)."""
    deadline = time.monotonic() + seconds
    start = _resident_bytes()

    def check(signum, frame):
        if time.monotonic() >= deadline:
            raise _GaveUp(f"gave up after {seconds:g} seconds (--time-limit)")
        now = _resident_bytes()
        if start is not None and now is not None and now - start > MEMORY_LIMIT:
            raise _GaveUp(f"gave up after using more than {MEMORY_LIMIT // 1024**3} GB of"
                          " memory")

    previous = signal.signal(signal.SIGALRM, check)
    interval = min(0.25, seconds)
    signal.setitimer(signal.ITIMER_REAL, interval, interval)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
