"""Progress on long work: a ``progress=`` option as a callback ``(done, total)``.

``progress=None`` (or ``False``) costs nothing: the work runs without a callback. A
callable is called with the count done and the total; ``True`` draws tqdm's bar, the
notebook widget in Jupyter and text in a terminal (``pip install tqdm``, or the
``progress`` extra).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeAlias, TypeVar

from slacalc.errors import InvalidOptionError

__all__ = ["Progress", "ProgressBar", "callback", "reported"]

Progress: TypeAlias = "Callable[[int, int], object] | bool | None"
"""A ``progress=`` option: ``None``/``False`` for none, ``True`` for tqdm's bar, or a
callable ``(done, total)``."""

T = TypeVar("T")
#: The callback is called about this many times over a whole job (and at its end).
_STEPS = 100


class ProgressBar:
    """tqdm's notebook-aware bar behind a ``(done, total)`` callback; closed when done.

    Examples:
        >>> bar = ProgressBar("tickets", disable=True)
        >>> bar(5, 10); bar(10, 10)
        >>> bar.closed
        True
    """

    def __init__(self, what: str, *, disable: bool | None = False) -> None:
        try:
            auto = importlib.import_module("tqdm.auto")
        except ImportError:
            raise ModuleNotFoundError(
                "progress=True needs tqdm, which is not installed; run pip install tqdm "
                "(or install slacalc's progress extra), or pass a callable "
                "progress=lambda done, total: ..."
            ) from None
        self._bar: Any = auto.tqdm(total=0, desc=what, unit="", disable=disable, leave=True)
        self.closed = False

    def __call__(self, done: int, total: int) -> None:
        """Show ``done`` of ``total``; close the bar when all is done."""
        bar = self._bar
        if bar.total != total:
            bar.total = total
        bar.update(done - bar.n)
        if done >= total and not self.closed:
            bar.close()
            self.closed = True


def callback(progress: object, what: str) -> Callable[[int, int], object] | None:
    """The callback a ``progress=`` option stands for, ``None`` for none.

    Raises:
        InvalidOptionError: neither ``None``, a bool nor a callable.
        ModuleNotFoundError: ``True`` while tqdm is not installed.

    Examples:
        >>> callback(None, "tickets") is None, callback(print, "tickets") is print
        (True, True)
    """
    if progress is None or progress is False:
        return None
    if progress is True:
        return ProgressBar(what)
    if not callable(progress):
        raise InvalidOptionError(
            f"progress={progress!r}; pass True for a progress bar, a callable "
            "(done, total), or None."
        )
    return progress


def reported(items: Iterable[T], total: int, report: Callable[[int, int], object]) -> Iterator[T]:
    """The items, calling ``report(done, total)`` first, every 1 % or so, and at the end.

    Examples:
        >>> seen = []
        >>> list(reported("abc", 3, lambda d, t: seen.append((d, t))))
        ['a', 'b', 'c']
        >>> seen
        [(0, 3), (1, 3), (2, 3), (3, 3)]
    """
    step = max(1, total // _STEPS)
    report(0, total)
    for done, item in enumerate(items, 1):
        yield item
        if done % step == 0 or done == total:
            report(done, total)
