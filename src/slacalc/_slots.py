"""Records made in bulk: a frozen slots dataclass built through its slots."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import fields
from typing import Any, TypeVar

__all__ = ["slots_maker"]

_T = TypeVar("_T")


def slots_maker(
    cls: type[_T], *, stored_in: Mapping[str, str] | None = None, **fixed: object
) -> Callable[..., _T]:
    """A constructor of the frozen slots dataclass ``cls`` from its values in field order.

    The values are the caller's own, already checked, so they are stored through the
    slots directly: the generated ``__init__`` of a frozen dataclass sets each field
    through ``object.__setattr__``, about three times slower. A field named in
    ``fixed`` is not a parameter: every record gets the value given there. A field
    named in ``stored_in`` has its value stored in the other slot named there (one of a
    base class), and its own slot left unset: for a record that makes the field from
    that value when it is first read.

    Examples:
        >>> from dataclasses import dataclass
        >>> @dataclass(frozen=True, slots=True)
        ... class Pair:
        ...     left: int
        ...     right: int
        >>> slots_maker(Pair)(1, 2)
        Pair(left=1, right=2)
        >>> slots_maker(Pair, right=0)(1)
        Pair(left=1, right=0)
        >>> class Kept:
        ...     __slots__ = ("_kept",)
        >>> @dataclass(frozen=True, slots=True)
        ... class Later(Kept):
        ...     value: int
        >>> later = slots_maker(Later, stored_in={"value": "_kept"})(7)
        >>> later._kept, hasattr(later, "value")
        (7, False)
    """
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    slots = dict(stored_in or {})
    unknown = sorted((set(fixed) | set(slots)) - set(names))
    if unknown:
        raise TypeError(f"{cls.__name__} has no field {unknown[0]!r}; fix one of {names}.")
    params = [n for n in names if n not in fixed]
    setters = {f"set_{n}": getattr(cls, slots.get(n, n)).__set__ for n in names}
    values = {f"fixed_{n}": v for n, v in fixed.items()}
    body = "".join(f"    set_{n}(c, {'fixed_' + n if n in fixed else n})\n" for n in names)
    source = f"def make({', '.join(params)}):\n    c = new(cls)\n{body}    return c\n"
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls, **setters, **values}
    exec(source, namespace)  # generated from the dataclass's own field names
    made: Callable[..., _T] = namespace["make"]
    return made
