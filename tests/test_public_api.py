"""The public surface, pinned: every name in every ``__all__`` imports, shows an example, and is
in the API reference.

The public modules are found, not listed: ``slacalc`` and each of its modules or subpackages
whose name does not start with ``_``. A name passes when

- it resolves from its module, and from ``slacalc`` through the lazy ``__getattr__`` in a fresh
  interpreter (``__all__``, the ``TYPE_CHECKING`` imports and the ``_LAZY`` table agree);
- its docstring has a ``>>>`` example: a class's or function's own ``__doc__``, or, for a
  constant or type alias, the string under its assignment (the attribute docstring
  mkdocstrings renders), found by following the ``from ... import`` chain to the module that
  assigns it. Pytest's doctests never see attribute docstrings, so their examples run here;
- the reference renders it: ``docs/reference/*.md`` has a ``::: module.name`` directive for it
  (or for the same object under another public module), or renders its module whole.
"""

from __future__ import annotations

import ast
import doctest
import importlib
import importlib.util
import inspect
import json
import pkgutil
import re
import subprocess
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

import slacalc

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "docs" / "reference"
# `__version__` is package metadata, not API: it has no docstring of its own to render, and
# is checked against pyproject.toml below instead.
METADATA = frozenset({"__version__"})


def _public_modules() -> list[str]:
    names = ["slacalc"]
    for info in pkgutil.iter_modules(slacalc.__path__):
        if not info.name.startswith("_"):
            names.append(f"slacalc.{info.name}")
    return sorted(names)


MODULES = _public_modules()


def _all(module: str) -> list[str]:
    names: list[str] = importlib.import_module(module).__all__
    return names


PUBLIC = [(module, name) for module in MODULES for name in _all(module) if name not in METADATA]


def _ids(pair: tuple[str, str]) -> str:
    return f"{pair[0]}.{pair[1]}"


# -- the modules and their __all__ ----------------------------------------------------------


def test_the_public_modules_are_found() -> None:
    expected = {"calendar", "cli", "credits", "datasets", "document", "errors", "policy"}
    expected |= {"reports", "timers", "uptime"}
    assert {f"slacalc.{name}" for name in expected} | {"slacalc"} <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_all_is_unique(module: str) -> None:
    # Its order is ruff's (RUF022: constants, classes, functions), checked by `make lint`.
    names = _all(module)
    assert len(names) == len(set(names)), f"{module}.__all__ lists a name twice"


@pytest.mark.parametrize("module", MODULES)
def test_every_name_in_all_resolves(module: str) -> None:
    loaded = importlib.import_module(module)
    missing = [name for name in _all(module) if not hasattr(loaded, name)]
    assert missing == []
    assert set(_all(module)) <= set(dir(loaded))


def test_version_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert slacalc.__version__ == project["version"]


# -- slacalc's lazy loading -----------------------------------------------------------------


@dataclass(frozen=True)
class _Init:
    """What src/slacalc/__init__.py declares, read from its syntax tree."""

    all: tuple[str, ...]
    eager: frozenset[str]
    type_checking: dict[str, str]
    lazy: dict[str, str]


def _imported(nodes: list[ast.stmt]) -> dict[str, str]:
    """``{name: module}`` for every ``from module import name`` among ``nodes``."""
    return {
        alias.asname or alias.name: node.module
        for node in nodes
        if isinstance(node, ast.ImportFrom) and node.module is not None
        for alias in node.names
    }


@cache
def _init() -> _Init:
    tree = ast.parse(Path(slacalc.__file__).read_text(encoding="utf-8"))
    eager = {n for n, m in _imported(tree.body).items() if m.startswith("slacalc")}
    type_checking: dict[str, str] = {}
    lazy: dict[str, str] = {}
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            type_checking |= _imported(node.body)
        if not isinstance(node, ast.Assign) or not isinstance(node.targets[0], ast.Name):
            continue
        if node.targets[0].id == "__all__":
            names = ast.literal_eval(node.value)
        elif node.targets[0].id == "_LAZY":
            lazy = ast.literal_eval(node.value)
    return _Init(tuple(names), frozenset(eager), type_checking, lazy)


def test_all_is_the_eager_and_the_lazy_names() -> None:
    init = _init()
    assert init.eager.isdisjoint(init.lazy), "a name is imported eagerly and lazily"
    assert sorted(init.eager | set(init.lazy) | METADATA) == sorted(init.all)


def test_type_checking_imports_match_the_lazy_table() -> None:
    init = _init()
    assert init.type_checking == init.lazy


@pytest.mark.parametrize("name", sorted(_init().lazy))
def test_lazy_name_is_the_object_of_its_module(name: str) -> None:
    module = importlib.import_module(_init().lazy[name])
    assert name in _all(module.__name__), f"{module.__name__} does not export {name}"
    assert getattr(slacalc, name) is getattr(module, name)


# Runs in a fresh interpreter, where no other test has resolved (and cached) a lazy name.
_PROBE = """
import json, sys
import slacalc
before = sorted(m for m in ("slacalc.policy", "slacalc.reports", "slacalc.document", "pydantic")
                if m in sys.modules)
unresolved = []
for name in slacalc.__all__:
    try:
        getattr(slacalc, name)
    except AttributeError:
        unresolved.append(name)
try:
    slacalc.no_such_name
except AttributeError as exc:
    error = str(exc)
print(json.dumps({"before": before, "unresolved": unresolved, "dir": dir(slacalc),
                  "error": error}))
"""


def test_lazy_getattr_resolves_all_in_a_fresh_interpreter() -> None:
    src = str(Path(slacalc.__file__).parents[1])
    done = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {src!r})\n{_PROBE}"],
        capture_output=True,
        text=True,
        check=True,
    )
    probe = json.loads(done.stdout)
    assert probe["before"] == [], "import slacalc loaded the upper floors eagerly"
    assert probe["unresolved"] == []
    assert set(slacalc.__all__) <= set(probe["dir"])
    assert probe["error"] == "module 'slacalc' has no attribute 'no_such_name'"


# -- docstrings with examples ---------------------------------------------------------------


@dataclass(frozen=True)
class _Docstring:
    """A docstring and where it is written."""

    module: str
    text: str | None


def _source_tree(module: str) -> ast.Module:
    spec = importlib.util.find_spec(module)
    assert spec is not None
    assert spec.origin is not None, module
    return ast.parse(Path(spec.origin).read_text(encoding="utf-8"))


def _assigns(node: ast.stmt, name: str) -> bool:
    if isinstance(node, ast.AnnAssign):
        return isinstance(node.target, ast.Name) and node.target.id == name
    if isinstance(node, ast.Assign):
        return any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
    return False


def _statements(tree: ast.Module) -> list[ast.stmt]:
    """The module's top-level statements, with those under a top-level ``if`` (TYPE_CHECKING)."""
    out: list[ast.stmt] = []
    for node in tree.body:
        out.append(node)
        if isinstance(node, ast.If):
            out.extend(node.body)
    return out


@cache
def _attribute_docstring(module: str, name: str) -> _Docstring:
    """The string under ``name``'s assignment, following ``from x import name`` to it."""
    tree = _source_tree(module)
    body = tree.body
    for index, node in enumerate(body):
        if _assigns(node, name):
            after = body[index + 1] if index + 1 < len(body) else None
            if (
                isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                return _Docstring(module, inspect.cleandoc(after.value.value))
            return _Docstring(module, None)
    for node in _statements(tree):
        if not isinstance(node, ast.ImportFrom) or node.module is None:
            continue
        for alias in node.names:
            if (alias.asname or alias.name) == name:
                return _attribute_docstring(_absolute(module, node), alias.name)
    lazy = _init().lazy if module == "slacalc" else {}
    if name in lazy:
        return _attribute_docstring(lazy[name], name)
    return _Docstring(module, None)


def _absolute(module: str, node: ast.ImportFrom) -> str:
    """The absolute name of the module ``node`` (in ``module``) imports from."""
    relative = "." * node.level + (node.module or "")
    if not node.level:
        return relative
    spec = importlib.util.find_spec(module)
    assert spec is not None
    package = module if spec.submodule_search_locations is not None else spec.parent
    return importlib.util.resolve_name(relative, package)


def _docstring(module: str, name: str) -> _Docstring:
    value = getattr(importlib.import_module(module), name)
    if inspect.isclass(value) or inspect.isroutine(value):
        return _Docstring(value.__module__, value.__dict__.get("__doc__") or value.__doc__)
    return _attribute_docstring(module, name)


@pytest.mark.parametrize(("module", "name"), PUBLIC, ids=list(map(_ids, PUBLIC)))
def test_public_name_has_a_docstring_with_an_example(module: str, name: str) -> None:
    doc = _docstring(module, name)
    assert doc.module.startswith("slacalc"), f"{module}.{name} is defined outside slacalc"
    assert doc.text, f"{module}.{name} has no docstring (in {doc.module})"
    assert ">>>" in doc.text, f"{module}.{name} has no >>> example (in {doc.module})"


def _attribute_examples() -> list[tuple[str, str, str]]:
    """``(module, name, docstring)`` of every public constant and alias, once per place."""
    found: dict[tuple[str, str], str] = {}
    for module, name in PUBLIC:
        value = getattr(importlib.import_module(module), name)
        if inspect.isclass(value) or inspect.isroutine(value):
            continue
        doc = _attribute_docstring(module, name)
        if doc.text is not None:
            found[(doc.module, name)] = doc.text
    return [(module, name, text) for (module, name), text in sorted(found.items())]


ATTRIBUTES = _attribute_examples()


@pytest.mark.parametrize(
    ("module", "name", "text"), ATTRIBUTES, ids=[f"{m}.{n}" for m, n, _ in ATTRIBUTES]
)
def test_attribute_docstring_example_runs(module: str, name: str, text: str) -> None:
    globs = dict(vars(importlib.import_module(module)))
    test = doctest.DocTestParser().get_doctest(text, globs, f"{module}.{name}", module, 0)
    flags = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
    runner = doctest.DocTestRunner(optionflags=flags)
    report: list[str] = []
    runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)


# -- the API reference -----------------------------------------------------------------------

_DIRECTIVE = re.compile(r"^::: *(\S+)\n((?:[ \t]+\S.*\n|[ \t]*\n)*)", re.MULTILINE)
_MEMBERS = re.compile(r"^\s*members:\s*(.*)$", re.MULTILINE)


@dataclass(frozen=True)
class _Directive:
    """One ``::: path`` of the reference, and the members it limits a module to (if any)."""

    page: str
    path: str
    members: tuple[str, ...] | None


@cache
def _directives() -> tuple[_Directive, ...]:
    found: list[_Directive] = []
    for page in sorted(REFERENCE.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        for match in _DIRECTIVE.finditer(text + "\n"):
            path, options = match.group(1), match.group(2)
            members: tuple[str, ...] | None = None
            limit = _MEMBERS.search(options)
            if limit is not None:
                inline = limit.group(1).strip()
                if inline.startswith("["):
                    members = tuple(m.strip() for m in inline.strip("[]").split(",") if m.strip())
                elif inline in ("false", "no", "[]"):
                    members = ()
                else:
                    block = options[limit.end() :]
                    members = tuple(re.findall(r"^\s*-\s*(\w+)\s*$", block, re.MULTILINE))
            found.append(_Directive(page.name, path, members))
    return tuple(found)


def _is_module(path: str) -> bool:
    try:
        return importlib.util.find_spec(path) is not None
    except ModuleNotFoundError:
        return False


@cache
def _rendered() -> frozenset[str]:
    """Every ``module.name`` the reference renders."""
    out: set[str] = set()
    for directive in _directives():
        out.add(directive.path)
        if _is_module(directive.path):
            names = _all(directive.path)
            if directive.members is not None:
                names = [n for n in names if n in directive.members]
            out |= {f"{directive.path}.{name}" for name in names}
    return frozenset(out)


def _same_object(module: str, name: str) -> list[str]:
    """Every public ``m.name`` that is the very object ``module.name`` is."""
    value = getattr(importlib.import_module(module), name)
    return [
        f"{other}.{name}"
        for other in MODULES
        if name in _all(other) and getattr(importlib.import_module(other), name) is value
    ]


@pytest.mark.parametrize(("module", "name"), PUBLIC, ids=list(map(_ids, PUBLIC)))
def test_public_name_is_in_the_reference(module: str, name: str) -> None:
    rendered = _rendered()
    assert set(_same_object(module, name)) & rendered, (
        f"{module}.{name} is not rendered by docs/reference/*.md: add '::: {module}.{name}'"
    )


def _resolves(path: str) -> bool:
    if _is_module(path):
        return path in MODULES
    module, _, name = path.rpartition(".")
    return module in MODULES and name in _all(module)


def test_every_directive_names_a_public_module_or_name() -> None:
    stale = [f"{d.page}: {d.path}" for d in _directives() if not _resolves(d.path)]
    assert stale == [], "reference entries that are not public"


def test_no_name_is_rendered_twice() -> None:
    counts = Counter(d.path for d in _directives())
    assert sorted(path for path, n in counts.items() if n > 1) == []
