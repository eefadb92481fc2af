"""What reports need from a policy: its clock rules, report time zone and penalties.

Reports take either an :class:`~slacalc.policy.SLAPolicy` or the plain
:class:`~slacalc.timers.ClockRules` it converts into (which have no penalties).
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING, TypeAlias

from slacalc.errors import InvalidOptionError
from slacalc.timers import ClockRules

if TYPE_CHECKING:
    from slacalc.credits import TicketPenalty
    from slacalc.policy import SLAPolicy

__all__ = ["PolicyLike", "clock_rules", "penalties", "penalty_period", "report_tz"]

PolicyLike: TypeAlias = "SLAPolicy | ClockRules"
"""An :class:`~slacalc.policy.SLAPolicy`, or :class:`~slacalc.timers.ClockRules`.

Examples:
    >>> from slacalc import analyze_tickets, default_policy
    >>> policy = default_policy()
    >>> len(analyze_tickets([], policy)) == len(analyze_tickets([], policy.clock_rules())) == 0
    True
"""


def _is_policy(policy: object) -> bool:
    # An SLAPolicy exists only once slacalc.policy is loaded; checking sys.modules keeps
    # pydantic unimported for callers who pass ClockRules.
    module = sys.modules.get("slacalc.policy")
    return module is not None and isinstance(policy, module.SLAPolicy)


def clock_rules(policy: object) -> ClockRules:
    """The clock rules of a policy (or the rules themselves)."""
    if isinstance(policy, ClockRules):
        return policy
    if _is_policy(policy):
        rules = policy.clock_rules()  # type: ignore[attr-defined]
        assert isinstance(rules, ClockRules)
        return rules
    raise InvalidOptionError(
        f"policy={policy!r} is not a policy; pass an SLAPolicy (e.g. "
        "slacalc.default_policy()) or slacalc.timers.ClockRules."
    )


def report_tz(policy: object) -> dt.tzinfo:
    """The zone reports show times in: the policy's support hours (or the first severity's)."""
    if _is_policy(policy):
        tz: dt.tzinfo = policy.calendar().tz  # type: ignore[attr-defined]
        return tz
    return clock_rules(policy).severities[0].calendar.tz


def penalties(policy: object) -> tuple[tuple[str, str, TicketPenalty], ...]:
    """``(severity, metric, penalty)`` for each per-ticket penalty the policy sets."""
    if not _is_policy(policy) or policy.uptime is None:  # type: ignore[attr-defined]
        return ()
    return tuple(
        (spec.severity, spec.metric, spec.to_penalty())
        for spec in policy.uptime.ticket_penalties  # type: ignore[attr-defined]
    )


def penalty_period(policy: object) -> str:
    """The period a penalty cap and fee apply to: ``month``, ``quarter`` or ``year``."""
    if _is_policy(policy) and policy.uptime is not None:  # type: ignore[attr-defined]
        period: str = policy.uptime.period  # type: ignore[attr-defined]
        return period
    return "month"
