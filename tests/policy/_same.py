"""Deep sameness of core values, stricter than ``==``: types, text tables, calendars.

``==`` on an :class:`~slacalc.policy.Agreement` compares a policy text as its ``str``
(not the other languages it carries), a calendar by its recipe and a dataclass by its
compared fields only; :func:`assert_same` also checks every type, every language of
every text, each calendar's hours and zone, and names the first place that differs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from slacalc.calendar import BusinessCalendar
from slacalc.policy._texts import LocalText


def assert_same(a: object, b: object, where: str = "") -> None:
    """Fail at the first place (a dotted path) where ``a`` and ``b`` differ.

    Examples:
        >>> assert_same({"a": (1, "x")}, {"a": (1, "x")})
        >>> try:
        ...     assert_same((1,), (1.0,))
        ... except AssertionError as exc:
        ...     print(str(exc).splitlines()[0])
        [0]: int is not float
    """
    assert type(a) is type(b), f"{where}: {type(a).__name__} is not {type(b).__name__}"
    if isinstance(a, LocalText):
        assert isinstance(b, LocalText)
        texts = [(str(x), dict(x.texts)) for x in (a, b)]
        assert texts[0] == texts[1], f"{where}: {texts[0]} != {texts[1]}"
    elif isinstance(a, BusinessCalendar):
        assert isinstance(b, BusinessCalendar)
        assert a == b, f"{where}: {a!r} != {b!r}"
        recipe = [(c.hours, str(c.tz), dict(c.overrides), dict(c.recurring)) for c in (a, b)]
        assert recipe[0] == recipe[1], f"{where}: {recipe[0]} != {recipe[1]}"
    elif dataclasses.is_dataclass(a) and not isinstance(a, type):
        for field in dataclasses.fields(a):
            if field.compare:
                name = f"{where}.{field.name}" if where else field.name
                assert_same(getattr(a, field.name), getattr(b, field.name), name)
    elif isinstance(a, Mapping):
        assert isinstance(b, Mapping)
        assert list(a) == list(b), f"{where}: keys {list(a)} != {list(b)}"
        for key in a:
            assert_same(a[key], b[key], f"{where}[{key!r}]")
    elif isinstance(a, (tuple, list)):
        assert isinstance(b, (tuple, list))
        assert len(a) == len(b), f"{where}: {len(a)} items != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            assert_same(x, y, f"{where}[{i}]")
    else:
        assert a == b, f"{where}: {a!r} != {b!r}"
