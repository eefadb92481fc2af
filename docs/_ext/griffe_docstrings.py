"""A Griffe extension that lets mkdocstrings read slacalc's docstrings as written.

slacalc's docstrings follow the Google style, with Sphinx roles such as ``:meth:`add```
for cross-references, which Markdown does not have. This extension turns the roles into
code spans when the docstrings are loaded, for the documentation site only; the source
stays as it is. (A stray singular ``Example:`` heading, which Griffe would render as an
admonition, is read as ``Examples:`` too.)
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
