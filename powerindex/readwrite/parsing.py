"""From the text of a game file to parsed data, with the lines to blame (private).

TOML and JSON are parsed by the standard library (with duplicate keys refused); CSV by a
small reader of ``party,seats`` rows (with optional ``position`` or ``position_1``,
``position_2``, ... columns; other columns are ignored) and ``# quota:`` / ``# title:``
lines. A
:class:`Source` keeps the text so that an error found later can name its line: for TOML
and JSON by searching the text for the key at fault, for CSV by the rows' recorded lines.
"""

import csv
import json
import os
import re
import sys

from ..errors import GameFileError, InvalidTypeError
from ._text import FORMATS, show

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["Source", "PARSERS", "check_format", "decode", "key_anchor", "value_anchor"]


# -- locating a field in the text ---------------------------------------------------------------
def key_pattern(key):
    return (r"(?:^|(?<=[\s{,.\[]))[\"']?" + re.escape(str(key))
            + r"[\"']?\s*(?=[=:.\]])")


def _value_pattern(value):
    return r"[\"']" + re.escape(str(value)) + r"[\"']"


def key_anchor(name):
    return ("key", name)


def value_anchor(name):
    return ("value", name)


class Source:
    """The text being read, to point errors at its lines."""

    def __init__(self, text, path, fmt):
        self.text = text
        self.path = path
        self.format = fmt
        self.lines = {}  # CSV: structural path -> line number

    def line_of(self, anchors, where):
        if self.format == "csv":
            where = tuple(where)
            while where:
                if where in self.lines:
                    return self.lines[where]
                where = where[:-1]
            return None
        position, line = 0, None
        for kind, name in anchors:
            pattern = key_pattern(name) if kind == "key" else _value_pattern(name)
            match = re.compile(pattern, re.MULTILINE).search(self.text, position)
            if match is None:
                break
            position = match.end()
            line = self.text.count("\n", 0, match.start()) + 1
        return line

    def fail(self, reason, field=None, context="", anchors=(), where=()):
        raise GameFileError(reason, self.path, self.line_of(anchors, where), field, context)


# -- parsers -------------------------------------------------------------------------------------
def _parse_toml(src):
    try:
        return tomllib.loads(src.text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line = int(found.group(1)) if found else None
        if "(at end of document)" in message:
            line = src.text.count("\n") + 1
        reason = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
        column = f" (column {found.group(2)})" if found else ""
        raise GameFileError(f"not valid TOML: {reason}{column}", src.path, line) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise GameFileError(f"not valid TOML: {_reason(exc)}", src.path,
                            _line_of_pattern(src.text, r"\d{4000,}")) from None


def _reason(exc):
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if "integer string conversion" in str(exc):
        return "a number has too many digits"
    return str(exc) or type(exc).__name__


def _line_of_pattern(text, pattern):
    found = re.search(pattern, text)
    return None if found is None else text.count("\n", 0, found.start()) + 1


def _reject_constant(name):
    raise ValueError(f"{name} is not a number a game file can hold")


class _DuplicateKey(ValueError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key


def _unique_keys(pairs):
    table = {}
    for key, value in pairs:
        if key in table:
            raise _DuplicateKey(key)
        table[key] = value
    return table


def _parse_json(src):
    try:
        return json.loads(src.text, parse_constant=_reject_constant,
                          object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise GameFileError(f"not valid JSON: {exc.msg} (column {exc.colno})", src.path,
                            exc.lineno) from None
    except _DuplicateKey as exc:
        pattern = re.compile(key_pattern(exc.key), re.MULTILINE)
        found = list(pattern.finditer(src.text))
        line = src.text.count("\n", 0, found[1].start()) + 1 if len(found) > 1 else None
        raise GameFileError(f"the key {exc.key!r} appears twice in one object", src.path, line,
                            str(exc.key)) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        line = _line_of_pattern(src.text, r"\d{4000,}|\bNaN\b|\bInfinity\b")
        raise GameFileError(f"not valid JSON: {_reason(exc)}", src.path, line) from None


_CSV_DIRECTIVE = re.compile(r"#\s*(quota|title)\s*:(.*)", re.IGNORECASE | re.DOTALL)
_POSITION_COLUMN = re.compile(r"position(?:_([1-9][0-9]*))?")


def _csv_columns(header, src, number, raw):
    """``(party, seats, positions)``: the indices of the columns read. Other columns are
    ignored, except names beginning with "position" that are not ``position`` or
    ``position_1``, ``position_2``, ... (a misspelt position column is an error)."""
    def fail(reason):
        raise GameFileError(reason, src.path, number)

    for name in header:
        if name and header.count(name) > 1:
            fail(f"the column {name!r} appears twice in the header {show(raw)}")
    for required in ("party", "seats"):
        if required not in header:
            fail(f"the first line must be the header 'party,seats' (other columns may"
                 f" follow), got {show(raw)} (no column {required!r})")
    numbered = {}
    for i, name in enumerate(header):
        found = _POSITION_COLUMN.fullmatch(name)
        if found and found.group(1):
            numbered[int(found.group(1))] = i
        elif not found and name.startswith("position"):
            fail(f"unknown column {name!r}: positions go in a column 'position' (one"
                 " dimension) or 'position_1', 'position_2', ... (several)")
    if numbered and "position" in header:
        fail("give either a column 'position' or columns 'position_1', 'position_2', ...,"
             " not both")
    if sorted(numbered) != list(range(1, len(numbered) + 1)):
        missing = min(set(range(1, max(numbered) + 1)) - set(numbered))
        fail(f"the position columns must be position_1, position_2, ... without a gap;"
             f" 'position_{missing}' is missing")
    positions = ([header.index("position")] if "position" in header
                 else [numbered[k] for k in sorted(numbered)])
    return header.index("party"), header.index("seats"), positions


def _csv_position(cells, columns, name, src, number):
    """A row's position: None (every cell empty), a string or a list of strings."""
    values = [cells[i] for i in columns]
    if not any(values):
        return None
    if not all(values):
        raise GameFileError(f"party {show(name)} has a position on some dimensions but not"
                            " on all: fill every position cell of its row, or none",
                            src.path, number, "positions")
    return values[0] if len(values) == 1 else values


def _parse_csv(src):
    """CSV text -> the dict a TOML file would hold, with src.lines pointing at its lines."""
    data, header, parties, positions = {}, None, [], {}
    for number, raw in enumerate(src.text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            directive = _CSV_DIRECTIVE.fullmatch(line)
            if directive:
                key, value = directive.group(1).lower(), directive.group(2).strip()
                if key in data:
                    raise GameFileError(f"a second '# {key}:' line", src.path, number, key)
                if header is not None:
                    raise GameFileError(f"'# {key}:' must come before the header line",
                                        src.path, number, key)
                data[key] = value
                src.lines[(key,)] = number
            continue
        try:
            cells = next(csv.reader([line]))
        except csv.Error as exc:
            raise GameFileError(f"not valid CSV: {exc}", src.path, number) from None
        cells = [cell.strip() for cell in cells]
        if header is None:
            header = [cell.lower() for cell in cells]
            party, seats, position = _csv_columns(header, src, number, raw)
            continue
        if len(cells) != len(header):
            raise GameFileError(f"expected {len(header)} cells ({','.join(header)}), got"
                                f" {len(cells)}: {show(raw)}", src.path, number)
        src.lines[("parties", len(parties))] = number
        parties.append({"name": cells[party], "seats": cells[seats]})
        value = _csv_position(cells, position, cells[party], src, number)
        if value is not None:
            positions[cells[party]] = value
            src.lines[("positions", cells[party])] = number
    if header is None:
        raise GameFileError("no header line 'party,seats'", src.path,
                            src.text.count("\n") + 1 if src.text else None)
    if parties:
        data["parties"] = parties
    if positions:
        data["positions"] = positions
    return data


PARSERS = {"toml": _parse_toml, "json": _parse_json, "csv": _parse_csv}


def check_format(fmt, path=None):
    if fmt is None:
        suffix = os.path.splitext(str(path or ""))[1].lower().lstrip(".")
        if suffix in FORMATS:
            return suffix
        raise GameFileError(
            f"cannot tell the format from the name {str(path)!r}: pass format='toml',"
            " 'json' or 'csv'" if path else "pass format='toml', 'json' or 'csv'", path
        )
    if not isinstance(fmt, str) or fmt.lower() not in FORMATS:
        raise GameFileError(f"unknown format {fmt!r}: choose 'toml', 'json' or 'csv'", path)
    return fmt.lower()


def decode(data, path):
    if isinstance(data, bytes | bytearray):
        try:
            data = bytes(data).decode("utf-8")
        except UnicodeDecodeError as exc:
            line = bytes(data)[:exc.start].count(b"\n") + 1
            raise GameFileError(f"not UTF-8 text (byte {exc.start})", path, line) from None
    if not isinstance(data, str):
        raise InvalidTypeError(f"expected text or bytes, got {type(data).__name__}")
    return data.removeprefix("\ufeff")
