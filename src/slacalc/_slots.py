"""Records made in bulk: a frozen slots dataclass built through its slots."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from typing import Any, TypeVar

from slacalc._compiled import SPEEDUPS

__all__ = ["record_maker", "slots_maker"]

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
    slot = {n: getattr(cls, slots.get(n, n)) for n in names}
    return record_maker(
        cls,
        [slot[n] for n in names if n not in fixed],
        [(slot[n], v) for n, v in fixed.items()],
    )


def record_maker(
    cls: type[_T], setters: Sequence[Any], fixed: Sequence[tuple[Any, object]] = ()
) -> Callable[..., _T]:
    """A constructor of ``cls`` (made as ``object.__new__`` makes it) that sets its values,
    given in the order of ``setters`` (slot descriptors of ``cls``), through those slots,
    then each ``(slot, value)`` of ``fixed``.

    It is C (``slacalc._speedups.record_maker``) where that is built, else a function
    generated here; both make the same record. For a record that sets only some of its
    slots (its other fields made when first read), which :func:`slots_maker` does not
    describe.

    Examples:
        >>> from dataclasses import dataclass
        >>> @dataclass(frozen=True, slots=True)
        ... class Span:
        ...     lo: int
        ...     hi: int
        ...     unit: str
        >>> slot = Span.__dict__
        >>> record_maker(Span, [slot["lo"], slot["hi"]], [(slot["unit"], "us")])(1, 5)
        Span(lo=1, hi=5, unit='us')
    """
    if SPEEDUPS is not None:
        try:
            made: Callable[..., _T] = SPEEDUPS.record_maker(cls, tuple(setters), tuple(fixed))
        except TypeError:  # not plain slots, or another __new__: the generated function
            pass
        else:
            return made
    return _record_maker(cls, setters, fixed)


def _record_maker(
    cls: type[_T], setters: Sequence[Any], fixed: Sequence[tuple[Any, object]]
) -> Callable[..., _T]:
    """:func:`record_maker` in Python: a function generated for ``cls``."""
    params = [f"v{i}" for i in range(len(setters))]
    names: dict[str, Any] = {f"set{i}": d.__set__ for i, d in enumerate(setters)}
    names |= {f"fix{i}": d.__set__ for i, (d, _) in enumerate(fixed)}
    names |= {f"value{i}": v for i, (_, v) in enumerate(fixed)}
    body = "".join(f"    set{i}(c, v{i})\n" for i in range(len(setters)))
    body += "".join(f"    fix{i}(c, value{i})\n" for i in range(len(fixed)))
    source = f"def make({', '.join(params)}):\n    c = new(cls)\n{body}    return c\n"
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls, **names}
    exec(source, namespace)  # generated from the caller's slots, by position
    made: Callable[..., _T] = namespace["make"]
    return made
