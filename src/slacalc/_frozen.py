"""A dict that cannot be changed: read-only tables inside immutable values that pickle.

``types.MappingProxyType`` is read-only too, but cannot be pickled, so a result that held
one could not go to another process (joblib, dask) or a cache.
"""

from __future__ import annotations

from typing import Any, NoReturn, TypeVar

__all__ = ["FrozenDict"]

_K = TypeVar("_K")
_V = TypeVar("_V")


class FrozenDict(dict[_K, _V]):
    """A dict that cannot be changed: hashable, its copies are itself, and it pickles.

    Examples:
        >>> d = FrozenDict({"2026-12-24": "09:00-12:00"})
        >>> d["2026-12-31"] = "closed"
        Traceback (most recent call last):
        ...
        TypeError: FrozenDict is immutable; build a new one instead.
    """

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("FrozenDict is immutable; build a new one instead.")

    __setitem__ = __delitem__ = _refuse
    clear = pop = popitem = setdefault = update = _refuse
    __ior__ = _refuse

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted((str(k), str(v)) for k, v in self.items())))

    def __copy__(self) -> FrozenDict[_K, _V]:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> FrozenDict[_K, _V]:
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenDict, (dict(self),))
