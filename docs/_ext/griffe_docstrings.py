"""A Griffe extension that lets mkdocstrings read slacalc's docstrings as written.

slacalc's docstrings follow the Google style with a singular ``Example:`` section and
Sphinx roles such as ``:meth:`add```. Griffe's Google parser knows only ``Examples:``
(it renders ``Example:`` as an admonition, so ``>>>`` lines would come out as nested
block quotes), and Markdown has no roles. This extension rewrites both when the
docstrings are loaded, for the documentation site only; the source stays as it is.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_EXAMPLE = re.compile(r"^(\s*)Example:\s*$", re.MULTILINE)
_ROLE = re.compile(r":(?:meth|func|class|data|attr|exc|mod|obj):`~?([^`]+)`")


class SlacalcDocstrings(griffe.Extension):
    """Turn ``Example:`` into ``Examples:`` and ``:role:`name``` into a code span."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        docstring = obj.docstring
        if docstring is None:
            return
        text = _EXAMPLE.sub(r"\1Examples:", docstring.value)
        docstring.value = _ROLE.sub(r"`\1`", text)
