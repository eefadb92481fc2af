"""Types of the compiled loops (``_speedups.c``); each mirrors its Python reference."""

from collections.abc import Callable
from typing import Any, Literal

def configure(
    *,
    reference: Callable[..., object] = ...,
    takes_severity: dict[object, bool] = ...,
    other_keys: tuple[str, ...] = ...,
    rank: dict[str, int] = ...,
    wall_epoch: Callable[..., object] = ...,
    offset_us: Callable[..., int] = ...,
    subclass_us: Callable[[object], int | None] = ...,
    verb_loop: Callable[..., object] = ...,
) -> None: ...
def plain_verbs(
    events: list[object], extra: Literal["forbid", "ignore"]
) -> list[tuple[int, int, int, str, str | None]] | None: ...
def verb_loop(
    one: object, known: object, restart: bool, ordered: list[Any], at: int
) -> tuple[Any, ...] | None: ...
def record_maker(cls: type, setters: tuple[Any, ...], fixed: tuple[Any, ...]) -> Any: ...
def snap_elapsed(snap: object, a: int, b: int) -> int | None: ...
def snap_deadline(snap: object, x: int, d: int) -> int | None: ...
