"""Numbers, quotas and values as a game file writes them (private).

The quota grammar (``"163"``, ``"81.5"``, ``"2/3"``, ``"65%"``, ``"more than 1/2"``,
``"majority"``, ``"100/3 seats"``), exact numbers from text, and short renderings of
parsed values for error messages.
"""

import json
import math
import re
from fractions import Fraction

from .._numbers import simplest, to_fraction
from ..errors import PowerIndexError
from ..games.quotas import MAJORITY, share

__all__ = ["FORMATS", "MAX_TOTAL_WEIGHT", "show", "kind", "number_from_text", "number",
           "quota_from_text", "ratio", "format_share"]

#: The formats understood, by name; a file's suffix (``.toml``, ``.json``, ``.csv``) names it.
FORMATS = ("toml", "json", "csv")

#: The largest total weight a file may give, once fractional seats are scaled to integers:
#: the exact algorithms cost time and memory in proportion to it.
MAX_TOTAL_WEIGHT = 10**9

_NUMBER_TEXT = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_MAX_NUMBER_TEXT = 100


# -- showing values in messages -------------------------------------------------------------------
def show(value, depth=0):
    """A short rendering of a parsed value for an error message (never fails, never huge)."""
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= 60 else text[:56] + '..."'
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        if value.bit_length() > 100:
            return f"a number of about {int(value.bit_length() * math.log10(2)) + 1} digits"
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list):
        if depth >= 2:
            return "[...]"
        items = [show(v, depth + 1) for v in value[:4]]
        return "[" + ", ".join(items + (["..."] if len(value) > 4 else [])) + "]"
    if isinstance(value, dict):
        if depth >= 2:
            return "{...}"
        items = [f"{show(str(k))}: {show(v, depth + 1)}" for k, v in list(value.items())[:4]]
        return "{" + ", ".join(items + (["..."] if len(value) > 4 else [])) + "}"
    return show(str(value))


def kind(value):
    if isinstance(value, bool):
        return "true/false"
    for types, name in ((str, "a string"), (int, "an integer"), (float, "a number"),
                        (list, "a list"), (dict, "a table")):
        if isinstance(value, types):
            return name
    return "a date or time"


# -- reading values ------------------------------------------------------------------------------
def number_from_text(text):
    """An exact Fraction from "12", "81.5", "-3" or "325/2"; ValueError if it is not one."""
    text = text.strip()
    if len(text) > _MAX_NUMBER_TEXT:
        raise ValueError("too long")
    top, slash, bottom = text.partition("/")
    top, bottom = top.strip(), bottom.strip()
    if not _NUMBER_TEXT.fullmatch(top) or (slash and not _NUMBER_TEXT.fullmatch(bottom)):
        raise ValueError("not a number")
    value = Fraction(top)
    if slash:
        denominator = Fraction(bottom)
        if denominator == 0:
            raise ValueError("division by zero")
        value /= denominator
    return value


def number(value):
    """An exact Fraction from a parsed value; ValueError if it is not a finite number."""
    if isinstance(value, str):
        return number_from_text(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("not a number")
    try:
        return to_fraction(value, "value")
    except PowerIndexError as exc:
        raise ValueError(str(exc)) from None


def share_from_text(text, strict):
    """A Share from "2/3" or "65%"; ValueError with the reason."""
    body = text.strip()
    percent = body.endswith("%")
    if percent:
        body = body[:-1]
    fraction = number_from_text(body)
    if percent:
        fraction /= 100
    if not 0 < fraction <= 1 or (strict and fraction == 1):
        raise ValueError(
            f"a quota written with '/' or '%' is a share of the total seats, in (0, 1]"
            f"{' and below 1 when strict' if strict else ''}; got {simplest(fraction)}"
            " (write a quota in seats as a plain number, e.g. 162.5)"
        )
    return share(fraction, strict=strict)


def quota_from_text(text, strict=False):
    """The quota text grammar: "163", "81.5", "2/3", "65%", "more than 1/2", "majority",
    and "100/3 seats" (an exact fraction of seats, not a share)."""
    body = " ".join(text.split()).lower()
    if body.endswith(" seats"):
        if strict:
            raise ValueError("strict goes with a share quota such as \"1/2\", not with seats")
        return number_from_text(body[: -len(" seats")])
    if body == "majority":
        if strict:
            raise ValueError("'majority' is already strict (more than half)")
        return MAJORITY
    if body.startswith("more than "):
        if strict:
            raise ValueError("say 'more than' or strict = true, not both")
        body, strict = body[len("more than "):], True
        if "/" not in body and "%" not in body:
            raise ValueError("'more than' goes with a share such as 1/2 or 50%")
    if "/" in body or "%" in body:
        return share_from_text(body, strict)
    if strict:
        raise ValueError("strict goes with a share quota such as \"1/2\", not with seats")
    return number_from_text(body)


def ratio(value):
    """"a/b" even for a whole number, so that the text reads as a share, not as seats."""
    return f"{value.numerator}/{value.denominator}"


def format_share(value):
    if value == MAJORITY:
        return "majority"
    return ("more than " if value.strict else "") + ratio(value.fraction)
