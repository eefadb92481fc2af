"""Types of the compiled loops (``_speedups.c``); each mirrors its Python reference."""

from collections.abc import Callable
from typing import Literal

def configure(
    *,
    reference: Callable[..., object],
    takes_severity: dict[object, bool],
    other_keys: tuple[str, ...],
    rank: dict[str, int],
    wall_epoch: Callable[..., object],
    offset_us: Callable[..., int],
    subclass_us: Callable[[object], int | None],
) -> None: ...
def plain_verbs(
    events: list[object], extra: Literal["forbid", "ignore"]
) -> list[tuple[int, int, int, str, str | None]] | None: ...
