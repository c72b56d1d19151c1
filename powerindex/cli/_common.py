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
#: library's counting tables alone may take 1-2 GB (2**26 cells each) for a legitimate game.
MEMORY_LIMIT = 4 * 1024**3

OUTPUT_FORMATS = ("text", "markdown", "csv", "latex", "json", "html")
_SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".csv": "csv", ".tex": "latex",
                   ".json": "json", ".html": "html", ".htm": "html", ".txt": "text"}

# name -> (column heading, function of (game, unions)); the order is that of --index all.
_INDICES = {
    "shapley_shubik": ("Shapley-Shubik", lambda game, unions: shapley_shubik(game)),
    "banzhaf": ("Banzhaf", lambda game, unions: banzhaf(game)),
    "banzhaf_absolute": ("Banzhaf (absolute)",
                         lambda game, unions: banzhaf(game, normalized=False)),
    "swings": ("swings", lambda game, unions: swings(game)),
    "coleman_prevent": ("Coleman prevent", lambda game, unions: coleman_prevent(game)),
    "coleman_initiate": ("Coleman initiate", lambda game, unions: coleman_initiate(game)),
    "johnston": ("Johnston", lambda game, unions: johnston(game)),
    "deegan_packel": ("Deegan-Packel", lambda game, unions: deegan_packel(game)),
    "holler": ("Holler", lambda game, unions: holler(game)),
    "owen": ("Owen", lambda game, unions: owen(game, unions)),
    "banzhaf_owen": ("Banzhaf-Owen", lambda game, unions: banzhaf_owen(game, unions)),
}
_NEED_UNIONS = ("owen", "banzhaf_owen")
_DEFAULT_INDICES = ("shapley_shubik", "banzhaf")

_THEORIES = {
    "minimal": "minimal winning",
    "minimum-size": "minimum size",
    "minimum-weight": "minimum weight",
    "connected": "minimal connected winning",
}


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
