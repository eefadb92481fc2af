"""Readers that turn the exports of helpdesks and monitoring tools into slacalc's input.

A helpdesk reader returns the events frame that :func:`slacalc.reports.analyze_tickets`
takes; a monitoring reader returns the outages, probe results or request counts that
the uptime reports take. Each reader is a small mapping over a generic one, with the
vendor's field and status names as the vendor documents them.
"""

from __future__ import annotations

__all__: list[str] = []
