"""The optional compiled module, ``slacalc._speedups``, or ``None``.

``src/slacalc/_speedups.c`` holds C twins of a few hot Python functions (the reader of
a ticket's plain verbs, the one pass's event loop, the record makers). Each Python
function stays the reference: the C one gives the same answers and errors, and hands
back to it what it does not read itself (docs/design.md, "Compiled loops, Python
references"). Where the module was not built (no C compiler at install time), or the
environment sets ``SLACALC_PURE_PYTHON`` (to anything but ``0``), the references answer.
"""

from __future__ import annotations

import os
from types import ModuleType

__all__ = ["SPEEDUPS", "compiled"]


def compiled() -> ModuleType | None:
    """``slacalc._speedups``, or ``None`` where it is not built or not wanted.

    Examples:
        >>> loaded = compiled()
        >>> loaded is None or hasattr(loaded, "plain_verbs")
        True
    """
    if os.environ.get("SLACALC_PURE_PYTHON", "") not in ("", "0"):
        return None
    try:
        import slacalc._speedups as speedups
    except ImportError:  # not built (no C compiler where slacalc was installed)
        return None
    return speedups


SPEEDUPS = compiled()
"""The compiled module in use, or ``None``: the pure-Python references answer."""
