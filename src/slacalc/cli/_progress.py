"""A progress bar on stderr for long reads, shown only to a person at a terminal.

No dependency: one line redrawn with a carriage return, at most ten times a second,
and erased when the work is done. When stderr is not a terminal (a pipe, a file, CI, a
test) nothing is written, so scripts and logs never see it.
"""

from __future__ import annotations

import time
from types import TracebackType
from typing import TextIO

__all__ = ["MIN_BYTES", "Progress"]

MIN_BYTES = 1 << 20
"""Inputs smaller than this (1 MiB) read too fast to need a bar."""

_WIDTH = 30
_EVERY_S = 0.1


class Progress:
    """Progress of reading ``total`` bytes, drawn on ``stream`` when it is a terminal.

    Use it as a context manager and call :meth:`update` with the amount done so far
    (bytes of a file, or steps of a computation).

    Args:
        label: what is being done, e.g. the file name.
        total: the total (``None`` when unknown: no bar).
        stream: where to draw (stderr).
        min_total: totals smaller than this get no bar.
        unit: what the count after the bar counts (``'rows'``, ``'months'``).

    Examples:
        >>> import io
        >>> quiet = io.StringIO()                      # not a terminal: draws nothing
        >>> with Progress("incidents.csv", 5_000_000, quiet) as bar:
        ...     bar.update(2_500_000)
        >>> quiet.getvalue()
        ''
    """

    def __init__(
        self,
        label: str,
        total: int | None,
        stream: TextIO,
        *,
        min_total: int = MIN_BYTES,
        unit: str = "rows",
    ) -> None:
        self.label = label
        self.unit = unit
        self.total = total
        self.stream = stream
        isatty = getattr(stream, "isatty", None)
        self.enabled = (
            total is not None and total >= min_total and callable(isatty) and bool(isatty())
        )
        self._last = 0.0
        self._rows = 0
        self._drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def update(self, done: int, rows: int | None = None) -> None:
        """Record ``done`` of the total (and a count of ``rows``); redraw every tenth of a second.

        Examples:
            >>> import io
            >>> class Tty(io.StringIO):
            ...     def isatty(self) -> bool:
            ...         return True
            >>> screen = Tty()
            >>> bar = Progress("big.csv", 4_000_000, screen)
            >>> bar.update(1_000_000, rows=12_000)
            >>> screen.getvalue()
            '\\rbig.csv [#######.......................]  25% 12,000 rows'
        """
        if rows is not None:
            self._rows = rows
        if not self.enabled or self.total is None:
            return
        now = time.monotonic()
        if self._drawn and now - self._last < _EVERY_S:
            return
        self._last = now
        share = min(done / self.total, 1.0) if self.total else 1.0
        filled = int(share * _WIDTH)
        bar = "#" * filled + "." * (_WIDTH - filled)
        line = f"\r{self.label} [{bar}] {int(share * 100):>3}% {self._rows:,} {self.unit}"
        self.stream.write(line)
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Erase the bar (if one was drawn).

        Examples:
            >>> import io
            >>> Progress("x.csv", 10, io.StringIO()).close()
        """
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False
