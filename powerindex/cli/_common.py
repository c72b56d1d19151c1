"""What the commands share: names, limits, the indices they offer, their errors (private)."""


from ..indices.coalition_indices import deegan_packel, holler, johnston
from ..indices.swing_indices import (
    banzhaf,
    coleman_initiate,
    coleman_prevent,
    shapley_shubik,
    swings,
)
from ..politics.unions import banzhaf_owen, owen

PROG = "powerindex"

#: Seconds a command may compute before it gives up (``--time-limit``; 0: no limit).
DEFAULT_TIME_LIMIT = 120

#: Bytes of memory a command may add to the process before it gives up (Linux only). The
#: library's counting tables may take half the memory available (at least 512 MiB), so a
#: legitimate game may need a few GB; a larger one is stopped here with a clear message.
MEMORY_LIMIT = 4 * 1024**3

OUTPUT_FORMATS = ("text", "markdown", "csv", "latex", "json", "html")
_SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".csv": "csv", ".tex": "latex",
                   ".json": "json", ".html": "html", ".htm": "html", ".txt": "text"}

# name -> (column heading, function of (game, unions, method)); the order is that of
# --index all.
_INDICES = {
    "shapley_shubik": ("Shapley-Shubik", lambda g, u, m: shapley_shubik(g, method=m)),
    "banzhaf": ("Banzhaf", lambda g, u, m: banzhaf(g, method=m)),
    "banzhaf_absolute": ("Banzhaf (absolute)",
                         lambda g, u, m: banzhaf(g, normalized=False, method=m)),
    "swings": ("swings", lambda g, u, m: swings(g, method=m)),
    "coleman_prevent": ("Coleman prevent", lambda g, u, m: coleman_prevent(g, method=m)),
    "coleman_initiate": ("Coleman initiate", lambda g, u, m: coleman_initiate(g, method=m)),
    "johnston": ("Johnston", lambda g, u, m: johnston(g, method=m)),
    "deegan_packel": ("Deegan-Packel", lambda g, u, m: deegan_packel(g, method=m)),
    "holler": ("Holler", lambda g, u, m: holler(g, method=m)),
    "owen": ("Owen", lambda g, u, m: owen(g, u, method=m)),
    "banzhaf_owen": ("Banzhaf-Owen", lambda g, u, m: banzhaf_owen(g, u, method=m)),
}
_NEED_UNIONS = ("owen", "banzhaf_owen")
#: The library's algorithms, as --method offers them (each index takes those it knows).
_METHODS = ("auto", "generating", "enumerate", "backtrack", "float")
#: Indices that --samples / --precision estimate, and the name pi.estimate gives them.
_ESTIMATED = {"shapley_shubik": "shapley_shubik", "banzhaf": "banzhaf",
              "banzhaf_absolute": "banzhaf_absolute", "owen": "owen"}
_DEFAULT_INDICES = ("shapley_shubik", "banzhaf")

_THEORIES = {
    "minimal": "minimal winning",
    "minimum-size": "minimum size",
    "minimum-weight": "minimum weight",
    "connected": "minimal connected winning",
    "minimal-range": "minimal range",
    "closed-minimal-range": "closed minimal range",
}
#: The theories that need the file's positions.
_RANGE_THEORIES = ("minimal-range", "closed-minimal-range")


class _UsageError(Exception):
    """A command line that makes no sense: exit status 2, with the usage."""


class _InputError(Exception):
    """An input that the command cannot use: exit status 1."""


class _GaveUp(BaseException):
    """Raised by the watchdog: the computation passed its time or memory limit.

    A BaseException, so that no ``except Exception`` on the way can swallow it.
    """


def _short(text, limit=40):
    text = str(text)
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def _write(stream, text):
    """Write text, escaping what the stream's encoding cannot hold instead of failing."""
    try:
        stream.write(text)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
    stream.flush()
