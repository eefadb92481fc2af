"""A Griffe extension that lets mkdocstrings read slacalc's docstrings as written.

slacalc's docstrings follow the Google style, with Sphinx roles such as ``:meth:`add```
for cross-references, which Markdown does not have. This extension turns the roles into
code spans when the docstrings are loaded, for the documentation site only; the source
stays as it is. (A stray singular ``Example:`` heading, which Griffe would render as an
admonition, is read as ``Examples:`` too.)

The policy's pydantic models declare their fields with ``Field(description=...)``
rather than in the docstring. For every such model, the extension adds an
``Attributes:`` section to the class docstring listing its fields in source order, each
with its description and whether it is required or what its default is, so the
reference shows every key of a policy file.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from typing import Any

import griffe

_EXAMPLE = re.compile(r"^(\s*)Example:\s*$", re.MULTILINE)
_ROLE = re.compile(r":(?:meth|func|class|data|attr|exc|mod|obj):`~?([^`]+)`")
_SECTION = re.compile(r"^(Examples|Raises|Returns|Args):\s*$", re.MULTILINE)
_PYDANTIC = ("pydantic.BaseModel", "pydantic.main.BaseModel")


class SlacalcDocstrings(griffe.Extension):
    """Read the docstrings as written; list the fields of pydantic models."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        docstring = obj.docstring
        if docstring is None:
            return
        text = _EXAMPLE.sub(r"\1Examples:", docstring.value)
        docstring.value = _ROLE.sub(r"`\1`", text)

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        for cls in _classes(pkg):
            if cls.docstring is None or not _is_model(cls):
                continue
            lines = [_field_line(cls, name, attr) for name, attr in _fields(cls)]
            if lines:
                _add_attributes(cls.docstring, lines)


def _classes(module: griffe.Module) -> Iterator[griffe.Class]:
    for member in module.members.values():
        if member.is_alias:
            continue
        if isinstance(member, griffe.Module):
            yield from _classes(member)
        elif isinstance(member, griffe.Class):
            yield member


def _is_model(cls: griffe.Class, depth: int = 0) -> bool:
    if depth > 10:
        return False
    for base in cls.bases:
        if getattr(base, "canonical_path", str(base)) in _PYDANTIC:
            return True
    try:
        parents = cls.resolved_bases
    except Exception:  # an unresolvable base: not one of ours
        return False
    return any(_is_model(parent, depth + 1) for parent in parents)


def _fields(cls: griffe.Class) -> Iterator[tuple[str, griffe.Attribute]]:
    for name, member in cls.members.items():
        if member.is_alias or not isinstance(member, griffe.Attribute):
            continue
        if name.startswith("_") or name == "model_config" or member.annotation is None:
            continue
        if "ClassVar" in str(member.annotation) or "instance-attribute" not in member.labels:
            continue
        yield name, member


def _literal(expr: object) -> object:
    try:
        return ast.literal_eval(str(expr))
    except (ValueError, SyntaxError):
        return _NOT_LITERAL


_NOT_LITERAL = object()


def _default(cls: griffe.Class, expr: object) -> str:
    """The default as the reference shows it."""
    value = _literal(expr)
    if value is _NOT_LITERAL:
        name = str(expr)
        target = cls.module.members.get(name)
        if isinstance(target, griffe.Attribute) and target.value is not None:
            value = _literal(target.value)
        if value is _NOT_LITERAL:
            return f"Default: `{name}()`." if name[:1].isupper() else f"Default: `{name}`."
    if value is None:
        return "Default: none."
    if value in ((), [], {}):
        return "Default: empty."
    return f"Default: `{value!r}`."


def _field_line(cls: griffe.Class, name: str, attr: griffe.Attribute) -> str:
    description = ""
    default: str | None
    value = attr.value
    if isinstance(value, griffe.ExprCall) and str(value.function) == "Field":
        default = "Required."
        for argument in value.arguments:
            if not isinstance(argument, griffe.ExprKeyword):
                continue
            if argument.name == "description":
                text = _literal(argument.value)
                description = text if isinstance(text, str) else ""
            elif argument.name == "default":
                default = _default(cls, argument.value)
            elif argument.name == "default_factory":
                factory = str(argument.value)
                default = "Default: empty." if factory in ("FrozenDict", "dict", "list", "tuple") \
                    else f"Default: `{factory}()`."
    elif value is None:
        default = "Required."
    else:
        default = _default(cls, value)
    if description and not description.endswith("."):
        description += "."
    return f"    {name}: {' '.join(part for part in (description, default) if part)}"


def _add_attributes(docstring: griffe.Docstring, lines: list[str]) -> None:
    section = "Attributes:\n" + "\n".join(lines) + "\n"
    text = docstring.value
    match = _SECTION.search(text)
    if match is None:
        docstring.value = text.rstrip() + "\n\n" + section
    else:
        docstring.value = text[: match.start()] + section + "\n" + text[match.start() :]
