"""Hand-computed cases on the default policy; the arithmetic is written next to each.

Default policy: support Mon-Fri 09:00-18:00 Europe/Copenhagen with Danish holidays;
critical 15 min / 2 h on 24x7; high 1 h / 8 h; medium 4 h, no resolution; low 2 business
days = 18 support hours. Late November 2026 is CET (+01:00); 27 Nov is a Friday.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from slacalc.policy import Lang, SLAPolicy, default_agreement, default_policy
from tests.policy._same import assert_same

CPH = ZoneInfo("Europe/Copenhagen")
US = dt.timedelta(microseconds=1)
H = dt.timedelta(hours=1)
M = dt.timedelta(minutes=1)
POLICY = default_policy()


def t(day: int, hour: int, minute: int = 0, month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=CPH)


def ev(kind: str, when: dt.datetime, severity: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": kind, "at": when}
    if severity is not None:
        out["severity"] = severity
    return out


def test_the_default_policy_says_what_the_issue_says() -> None:
    p = POLICY
    assert p.support.hours == "Mon-Fri 09:00-18:00"
    assert p.support.tz == "Europe/Copenhagen"
    assert p.support.holidays == ("DK",)
    assert [(s.name, s.response, s.resolution, s.calendar) for s in p.severities] == [
        ("critical", "15m", "2h", "24x7"),
        ("high", "1h", "8h", "support"),
        ("medium", "4h", None, "support"),
        ("low", "2 business days", None, "support"),
    ]
    assert p.to_agreement().business_day == 9 * H
    assert p.clock_rules().severity("low").response == 18 * H
    assert p.uptime is not None
    assert p.uptime.period == "month"
    assert [(c.below, c.credit) for c in p.uptime.credits] == [
        ("99.9%", "5%"),
        ("99.5%", "10%"),
        ("99%", "15%"),
    ]
    # Maintenance Sun 02:00-06:00 Copenhagen time, 48 h notice, at most 4 h a month,
    # counted as up; credits claimed within 30 days by e-mail, on the next invoice.
    maintenance, claims = p.uptime.maintenance, p.uptime.claims
    assert maintenance is not None
    assert claims is not None
    assert (
        maintenance.window,
        maintenance.notice,
        maintenance.max_per_month,
        maintenance.mode,
    ) == ("Sun 02:00-06:00", "48h", "4h", "count_as_up")
    terms = p.to_agreement().uptime
    assert terms is not None
    assert terms.maintenance is not None
    assert (terms.maintenance.notice, terms.maintenance.max_per_month) == (48 * H, 4 * H)
    assert (claims.claim_within_days, claims.automatic) == (30, False)
    assert "e-mail to support" in claims.how
    assert "next invoice" in claims.how
    assert default_policy() == p  # a new, equal value every time


@pytest.mark.parametrize("lang", ["en", "da"])
def test_the_built_in_agreement_built_directly_is_the_validated_policys(lang: Lang) -> None:
    # default_agreement() builds the core values from the data without pydantic; every
    # value a command or report reads must be what the validated policy converts to.
    direct, validated = default_agreement(lang), default_policy(lang).to_agreement()
    assert direct == validated
    assert_same(direct, validated)
    assert direct.around_the_clock == validated.around_the_clock == {"24x7"}
    assert direct.rules.names == ("critical", "high", "medium", "low")
    opened = t(27, 17, 30)
    for name in direct.rules.names:
        assert direct.rules.deadlines(name, opened) == validated.rules.deadlines(name, opened)
        assert direct.acknowledge(name, opened) == validated.acknowledge(name, opened)
    assert direct.closed_days(2026) == validated.closed_days(2026)


def test_the_built_in_agreement_loads_without_pydantic() -> None:
    probe = (
        "import sys; from slacalc.policy import default_agreement; default_agreement('da'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'))"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("severity", "opened", "response", "resolution"),
    [
        # high, Fri 17:30: 30 min Friday + 30 min Monday -> Mon 09:30; 8 h: 30 min Fri +
        # 7 h 30 min Mon -> Mon 16:30.
        ("high", t(27, 17, 30), t(30, 9, 30), t(30, 16, 30)),
        # critical runs 24x7: Sat 03:00 + 15 min, + 2 h.
        ("critical", t(28, 3), t(28, 3, 15), t(28, 5)),
        # medium, Mon 16:00: 2 h Monday + 2 h Tuesday -> Tue 11:00; no resolution target.
        ("medium", t(30, 16), t(1, 11, month=12), None),
        # low, Wed 23 Dec 10:00: Wed 8 h + Thu 24th 9 h (not a Danish public holiday) = 17 h;
        # 25th (Juledag) and the weekend closed; Mon 28th 1 h -> 10:00.
        ("low", t(23, 10, month=12), t(28, 10, month=12), None),
        # high opened Sunday 12:00: nothing counts until Mon 09:00.
        ("high", t(29, 12), t(30, 10), t(30, 17)),
    ],
)
def test_deadlines(
    severity: str, opened: dt.datetime, response: dt.datetime, resolution: dt.datetime | None
) -> None:
    d = POLICY.deadlines(severity, opened)
    assert (d.response, d.resolution) == (response, resolution)


def test_waiting_on_the_customer_moves_the_resolution_deadline() -> None:
    # high, Mon 30 Nov 10:00; first response 10:20; waiting on the customer from 11:00 until
    # the customer answers Tue 14:00. Used before the pause: 10:00-11:00 = 1 h.
    events = [
        ev("opened", t(30, 10), "high"),
        ev("responded", t(30, 10, 20)),
        ev("paused", t(30, 11)),
        ev("customer_replied", t(1, 14, month=12)),
        ev("resumed", t(1, 14, month=12)),
    ]
    # While paused (Tue 12:00): no due; if it resumed now, 7 h left: Tue 12-18 (6 h) +
    # Wed 09-10 -> Wed 10:00. Paused wall time so far: Mon 11:00 -> Tue 12:00 = 25 h.
    s = POLICY.evaluate(events, at=t(1, 12, month=12)).resolution
    assert (s.phase, s.due, s.due_if_resumed) == ("paused", None, t(2, 10, month=12))
    assert (s.elapsed, s.paused) == (H, 25 * H)
    # After the answer (Tue 15:00): 7 h left from Tue 14:00 = Tue 14-18 (4 h) + Wed 09-12.
    s = POLICY.evaluate(events, at=t(1, 15, month=12)).resolution
    assert (s.phase, s.due, s.elapsed) == ("running", t(2, 12, month=12), 2 * H)
    assert POLICY.evaluate(events, at=t(1, 15, month=12)).response.phase == "met"


@pytest.mark.parametrize(
    ("mode", "due", "breached_at"),
    [
        # carry_elapsed: Fri 17:50-18:00 used 10 min of high's hour; critical's 15 min leaves
        # 5 min on 24x7 from the change, Sat 10:00 -> due Sat 10:05.
        ("carry_elapsed", t(28, 10, 5), None),
        # recompute: as if critical since Fri 17:50 on 24x7 -> due Fri 18:05, breached since.
        ("recompute", t(27, 18, 5), t(27, 18, 5) + US),
        # restart: critical's clock starts at the change: Sat 10:15.
        ("restart", t(28, 10, 15), None),
    ],
)
def test_upgrade_to_critical_out_of_hours(
    mode: str, due: dt.datetime, breached_at: dt.datetime | None
) -> None:
    policy = SLAPolicy.from_dict({**POLICY.to_dict(), "severity_change": mode})
    events = [ev("opened", t(27, 17, 50), "high"), ev("severity_changed", t(28, 10), "critical")]
    s = policy.evaluate(events, at=t(28, 10, 1)).response
    assert (s.severity, s.due, s.breached_at) == ("critical", due, breached_at)


def test_warning_levels_on_high() -> None:
    # high response 1 h, warnings 75 % (45 min used) and 30 min before (30 min used).
    events = [ev("opened", t(30, 9), "high")]
    s = POLICY.evaluate(events, at=t(30, 9, 35)).response
    assert (s.warning_level, s.next_warning_at) == (1, t(30, 9, 45))
    s = POLICY.evaluate(events, at=t(30, 9, 50)).response
    assert (s.warning_level, s.next_warning_at, s.due) == (2, None, t(30, 10))


def test_queue_view_next_breach() -> None:
    # critical at Sat 03:00: response due 03:15, resolution 05:00 -> next_due 03:15.
    s = POLICY.evaluate([ev("opened", t(28, 3), "critical")], at=t(28, 3, 5))
    assert (s.next_due, s.next_breach_at) == (t(28, 3, 15), t(28, 3, 15) + US)
