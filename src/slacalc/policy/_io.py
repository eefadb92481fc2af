"""Reading policy files: TOML and JSON with the standard library, YAML with PyYAML if present.

Only data is parsed (``tomllib``, ``json``, ``yaml.safe_load``); nothing in a file is
ever executed.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from slacalc._validate import MAX_FILE_BYTES, MAX_INT_DIGITS, check_data, shown, too_deep
from slacalc._validate import kind as kind_of
from slacalc.errors import PolicyFileError

__all__ = ["FORMATS", "parse_text", "read_file"]

FORMATS = {".toml": "toml", ".json": "json", ".yaml": "yaml", ".yml": "yaml"}
"""File suffixes and the format each is read as."""


def parse_text(text: str, kind: str, source: str) -> dict[str, Any]:
    """Parse ``text`` as ``kind`` (``'toml'``, ``'json'`` or ``'yaml'``) into a mapping.

    The data may nest at most 32 levels and hold integers of at most 18 digits
    (``slacalc._validate``), so no file can exhaust the parser or the checks after it.

    Raises:
        PolicyFileError: the text cannot be parsed, is not a table, nests too deeply,
            holds too large an integer, or PyYAML is missing.

    Examples:
        >>> parse_text('{"name": "x"}', "json", "<text>")
        {'name': 'x'}
    """
    if not isinstance(text, str):
        raise PolicyFileError(
            f"{shown(text)} from {source!r} is {kind_of(text)}, not text; pass the file's "
            "contents as a str, or a path to SLAPolicy.from_file."
        )
    if kind == "yaml":
        try:
            import yaml  # type: ignore[import-untyped,unused-ignore]
        except ImportError:
            raise PolicyFileError(
                f"Reading {source!r} needs PyYAML, which is not installed; run "
                "'pip install pyyaml', or write the policy as TOML or JSON."
            ) from None
    try:
        loads = {"toml": tomllib.loads, "json": json.loads}.get(kind) or yaml.safe_load
        data: object = loads(text)
    except RecursionError:
        raise too_deep(source) from None
    except Exception as exc:  # tomllib and json raise ValueErrors; yaml its own YAMLError
        if not isinstance(exc, (ValueError, TypeError)) and "yaml" not in type(exc).__module__:
            raise
        if "integer string conversion" in str(exc):
            raise PolicyFileError(
                f"{source!r} holds an integer of thousands of digits; integers in a file "
                f"have at most {MAX_INT_DIGITS} digits."
            ) from None
        raise PolicyFileError(
            f"Cannot read {source!r} as {kind.upper()}: {exc}; fix the syntax at that place."
        ) from None
    check_data(data, source)
    if not isinstance(data, dict):
        raise PolicyFileError(
            f"{source!r} holds {type(data).__name__} at the top, not a table; a policy is a "
            "table with 'support' and 'severities'."
        )
    return data


def read_file(path: str | Path) -> dict[str, Any]:
    """Read a policy file into a mapping, choosing the format by its suffix.

    Raises:
        PolicyFileError: missing, a directory, unreadable, of an unknown kind, or not
            parseable.

    Examples:
        >>> read_file("missing.toml")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        slacalc.errors.PolicyFileError: No policy file at 'missing.toml'; ...
    """
    if not isinstance(path, (str, Path)):
        raise PolicyFileError(f"{path!r} is not a path; pass a str or pathlib.Path.")
    where = Path(path)
    try:
        directory = where.is_dir()
    except OSError:  # a name too long: reading it below says so
        directory = False
    if directory:
        raise PolicyFileError(
            f"{shown(str(path))} is a directory, not a policy file; pass the path of a .toml, "
            ".json or .yaml file."
        )
    kind = FORMATS.get(where.suffix.lower())
    if kind is None:
        raise PolicyFileError(
            f"Cannot read {shown(str(path))}: unknown format {where.suffix!r}; use a .toml, "
            ".json, .yaml or .yml file."
        )
    try:
        size = where.stat().st_size
        text = where.read_text(encoding="utf-8") if size <= MAX_FILE_BYTES else ""
    except FileNotFoundError:
        raise PolicyFileError(
            f"No policy file at {shown(str(path))}; check the path (relative paths start at "
            f"{str(Path.cwd())!r})."
        ) from None
    except (OSError, ValueError) as exc:  # unreadable, a name too long, a NUL byte, not UTF-8
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise PolicyFileError(
            f"Cannot read {shown(str(path))}: {reason}; pass a readable UTF-8 text file."
        ) from None
    if size > MAX_FILE_BYTES:
        raise PolicyFileError(
            f"{shown(str(path))} is {size} bytes; a policy file is read whole, up to "
            f"{MAX_FILE_BYTES} bytes. Check that this is the policy."
        )
    return parse_text(text, kind, str(path))
