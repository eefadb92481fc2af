"""docs/errors.md lists every slacalc error with its code, cause and fix, and no others."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import slacalc
import slacalc.errors as errors

DOC = Path(__file__).resolve().parents[2] / "docs" / "errors.md"


def _error_classes() -> dict[str, type[errors.SlacalcError]]:
    return {
        name: obj
        for name, obj in inspect.getmembers(errors, inspect.isclass)
        if issubclass(obj, errors.SlacalcError) and obj.__module__ == errors.__name__
    }


def test_every_error_is_documented_with_its_code() -> None:
    text = DOC.read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## `(\w+)`\n(.*?)(?=^## |\Z)", text, re.DOTALL | re.MULTILINE))
    classes = _error_classes()
    assert set(sections) == set(classes), "docs/errors.md and slacalc.errors disagree"
    for name, body in sections.items():
        cls = classes[name]
        assert f"`{cls.code}`" in body, f"{name}: code {cls.code!r} not in its section"
        assert "Cause:" in body, f"{name}: needs a Cause"
        assert "Fix:" in body, f"{name}: needs a Fix"


def test_every_error_has_the_root_and_a_builtin() -> None:
    codes = set()
    for name, cls in _error_classes().items():
        assert getattr(slacalc, name) is cls, f"{name} is not exported from slacalc"
        assert name in slacalc.__all__
        if cls is not errors.SlacalcError:
            assert issubclass(cls, (ValueError, TypeError, LookupError)), name
        codes.add(cls.code)
    assert len(codes) == len(_error_classes()), "error codes must be unique"
