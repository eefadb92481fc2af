"""Records made through their slots equal those made by their dataclass."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from slacalc._slots import slots_maker
from slacalc.timers import TicketEvent

T = dt.datetime(2026, 11, 30, 9, tzinfo=dt.UTC)


def test_a_record_made_through_its_slots_equals_the_dataclass_one() -> None:
    make = slots_maker(TicketEvent)
    args = ("reply", T, None, None, "agent", True, None, None, ())
    assert make(*args) == TicketEvent(*args)  # type: ignore[arg-type]


def test_fixed_fields_are_not_parameters_and_every_record_gets_them() -> None:
    make = slots_maker(
        TicketEvent, status=None, author=None, public=None, assignee=None, group=None, fields=()
    )
    assert make("opened", T, "high") == TicketEvent("opened", T, "high")
    with pytest.raises(TypeError):
        make("opened", T, "high", None)


def test_a_fixed_field_the_record_lacks_is_refused() -> None:
    with pytest.raises(TypeError, match="TicketEvent has no field 'priority'"):
        slots_maker(TicketEvent, priority="high")


def test_a_field_stored_in_another_slot_is_left_unset() -> None:
    class Kept:
        __slots__ = ("_kept",)
        _kept: int

    @dataclass(frozen=True, slots=True)
    class Later(Kept):
        value: int
        other: str

    later = slots_maker(Later, stored_in={"value": "_kept"})(7, "x")
    assert later._kept == 7
    assert later.other == "x"
    assert not hasattr(later, "value")
    with pytest.raises(TypeError, match="Later has no field 'extra'"):
        slots_maker(Later, stored_in={"extra": "_kept"})
