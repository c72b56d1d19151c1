"""A plain-text progress bar for long runs: estimates and the float engine (private)."""

import sys
import time

from .errors import InvalidTypeError

__all__ = ["Progress", "LONG_RUN", "check_progress"]

#: A run expected to take longer than this (seconds) shows a progress bar when stderr is a
#: terminal and ``progress`` is left at None.
LONG_RUN = 10.0


def check_progress(progress):
    """Refuse a ``progress`` argument that is not True, False, None or a writable stream."""
    if progress not in (None, True, False) and not hasattr(progress, "write"):
        raise InvalidTypeError(
            f"progress must be True, False, None or a writable stream, got {progress!r}"
        )


class Progress:
    """A plain-text progress bar, redrawn in place (carriage return) at most 5 times a second."""

    def __init__(self, progress, label, unit="samples"):
        self.label = label
        self.unit = unit
        self.auto = progress is None
        if progress is None:
            stream = sys.stderr
            self.stream = stream if hasattr(stream, "isatty") and stream.isatty() else None
        elif progress is True:
            self.stream = sys.stderr
        elif progress is False:
            self.stream = None
        else:
            self.stream = progress
        self.shown = not self.auto and self.stream is not None
        self.start = self.last = time.perf_counter()
        self.target = None
        self.note = ""

    def update(self, done):
        if self.stream is None or self.target is None:
            return
        now = time.perf_counter()
        fraction = min(done / self.target, 1.0) if self.target else 1.0
        if not self.shown:  # auto: show only a run expected to be long
            elapsed = now - self.start
            if elapsed < 1.0 or fraction <= 0 or elapsed / fraction < LONG_RUN:
                return
            self.shown = True
        if now - self.last < 0.2 and done < self.target:
            return
        self.last = now
        self._draw(done, fraction, now)

    def _draw(self, done, fraction, now):
        filled = int(30 * fraction)
        bar = "#" * filled + "." * (30 - filled)
        self.stream.write(f"\r{self.label} [{bar}] {fraction:4.0%} {done}/{self.target}"
                          f" {self.unit}, {now - self.start:.1f} s{self.note}")
        self.stream.flush()

    def finish(self, done):
        if self.shown:
            self.target = done if self.target is None else self.target
            self._draw(done, min(done / max(self.target, 1), 1.0), time.perf_counter())
            self.stream.write("\n")
            self.stream.flush()

    def step(self, done, total):
        """The engines' callback: ``done`` of ``total`` steps."""
        self.target = total
        self.update(done)
