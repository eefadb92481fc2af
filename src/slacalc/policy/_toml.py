"""A small TOML writer for the policy's own shape: tables, arrays of tables, text, lists.

The standard library reads TOML (``tomllib``) but does not write it, and slacalc adds
no dependency for that. The policy's data is only strings, integers, booleans, lists
of those, tables and lists of tables, which is all this writer handles; anything else
is a programming error and raises ``TypeError``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["dumps"]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _string(text: str) -> str:
    # JSON's escapes are valid TOML basic-string escapes; TOML also wants DEL escaped.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Sequence):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"{value!r} ({type(value).__name__}) has no TOML form in a policy.")


def _is_table_array(value: Any) -> bool:
    return (
        isinstance(value, Sequence)
        and not isinstance(value, str)
        and bool(value)
        and all(isinstance(v, Mapping) for v in value)
    )


def _table(lines: list[str], path: tuple[str, ...], data: Mapping[str, Any]) -> None:
    nested: list[tuple[str, Any]] = []
    for key, value in data.items():
        if isinstance(value, Mapping) or _is_table_array(value):
            nested.append((key, value))
        else:
            lines.append(f"{_key(key)} = {_value(value)}")
    for key, value in nested:
        sub = (*path, key)
        header = ".".join(_key(k) for k in sub)
        if isinstance(value, Mapping):
            lines.extend(["", f"[{header}]"])
            _table(lines, sub, value)
        else:
            for item in value:
                lines.extend(["", f"[[{header}]]"])
                _table(lines, sub, item)


def dumps(data: Mapping[str, Any]) -> str:
    """TOML text for ``data``; ``tomllib.loads`` gives ``data`` back.

    Examples:
        >>> print(dumps({"name": "SLA", "severities": [{"name": "high", "response": "1h"}]}))
        name = "SLA"
        <BLANKLINE>
        [[severities]]
        name = "high"
        response = "1h"
        <BLANKLINE>
    """
    lines: list[str] = []
    _table(lines, (), data)
    return "\n".join(lines).lstrip("\n") + "\n"
