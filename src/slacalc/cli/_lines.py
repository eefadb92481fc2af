"""Where a field of a TOML policy file is written: the line of a validation problem.

The policy loader reports a problem at a field path (``severities[1].response``); an
editor, a CI log and a pre-commit hook want ``file:line``. :func:`toml_lines` reads the
file's lines once (tables, arrays of tables, keys, and the items of multi-line arrays)
and :func:`line_of` finds a path's line, or its nearest enclosing table's.
"""

from __future__ import annotations

import re

__all__ = ["line_of", "toml_lines"]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r'^\s*("[^"]*"|\'[^\']*\'|[\w.-]+(?:\s*\.\s*[\w-]+)*)\s*=\s*(.*)$')
_INLINE_KEY = re.compile(r'("[^"]*"|[\w-]+)\s*=')


def _parts(dotted: str) -> list[str]:
    """The names of a dotted key, unquoted: ``'a."b c".d'`` -> ``['a', 'b c', 'd']``."""
    names = re.findall(r'"[^"]*"|\'[^\']*\'|[^.\s]+', dotted)
    return [n[1:-1] if n[:1] in "\"'" else n for n in names]


def _opens_array(value: str) -> bool:
    """Whether a key's value starts an array that continues on the next lines."""
    text = value.split("#", 1)[0].strip()
    return text.startswith("[") and text.count("[") > text.count("]")


def toml_lines(text: str) -> dict[str, int]:
    """Each field path written in a TOML text, and its 1-based line.

    Examples:
        >>> lines = toml_lines('name = "x"\\n[support]\\ntz = "UTC"\\n[[severities]]\\n'
        ...                    'name = "high"\\nwarnings = [\\n  { percent = "75%" },\\n]\\n')
        >>> lines["support.tz"], lines["severities[0]"], lines["severities[0].warnings[0]"]
        (3, 4, 7)
        >>> toml_lines('[severities.high]\\nresponse = "1h"\\n')["severities."]
        1

    A table defined only by a header of a table inside it (``[uptime.maintenance]``
    defines ``uptime``) is keyed with a trailing dot: it is the line of a problem *with*
    that table, not of a key missing from it.
    """
    found: dict[str, int] = {}
    arrays: dict[str, int] = {}  # an array of tables' path -> its last index
    table = ""
    in_array: str | None = None
    item = 0
    for number, line in enumerate(text.splitlines(), 1):
        if in_array is not None:
            body = line.split("#", 1)[0].strip()
            if body.startswith("]"):
                in_array = None
                continue
            if body:
                path = f"{in_array}[{item}]"
                found.setdefault(path, number)
                for key in _INLINE_KEY.findall(body):
                    found.setdefault(f"{path}.{key.strip(chr(34))}", number)
                item += body.count("},") + (body.endswith(",") and "{" not in body)
            continue
        if header := _HEADER.match(line):
            names, path = _parts(header.group(2)), ""
            for i, name in enumerate(names):
                path = f"{path}.{name}" if path else name
                if path in arrays and i < len(names) - 1:
                    path += f"[{arrays[path]}]"
                if i < len(names) - 1:  # '[a.b]' defines table 'a' where 'a' is not written
                    found.setdefault(f"{path}.", number)
            if header.group(1) == "[[":
                arrays[path] = arrays.get(path, -1) + 1
                found.setdefault(path, number)
                path += f"[{arrays[path]}]"
            table = path
            found.setdefault(table, number)
        elif key := _KEY.match(line):
            path = ".".join(filter(None, [table, *_parts(key.group(1))]))
            found.setdefault(path, number)
            if _opens_array(key.group(2)):
                in_array, item = path, 0
    return found


def line_of(lines: dict[str, int], path: str) -> int | None:
    """The line of ``path``, else of the nearest enclosing path that is written.

    Examples:
        >>> line_of({"support": 3, "support.tz": 5}, "support.timezone")
        3
        >>> line_of({"support": 3}, "uptime.target") is None
        True
        >>> line_of({"severities.": 5, "severities.high": 5}, "severities")
        5
    """
    if path + "." in lines:  # the table itself, written only as part of a header
        return lines[path + "."]
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None
