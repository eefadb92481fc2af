"""The ``slacalc`` command: the argument parser, and one-line errors with exit code 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from slacalc.cli import _commands as commands
from slacalc.cli._parse import (
    CommandError,
    credits_arg,
    instant_arg,
    money_arg,
    month_arg,
    target_arg,
    tz_arg,
)
from slacalc.errors import SlacalcError

__all__ = ["EXIT_ERROR", "EXIT_OK", "EXIT_PROBLEMS", "build_parser", "main"]

EXIT_OK = 0
"""The command did its job.

Examples:
    >>> from slacalc.cli import EXIT_OK
    >>> EXIT_OK
    0
"""
EXIT_PROBLEMS = 1
"""``slacalc check`` found problems in the policy (listed on stdout).

Examples:
    >>> from slacalc.cli import EXIT_PROBLEMS
    >>> EXIT_PROBLEMS
    1
"""
EXIT_ERROR = 2
"""Bad arguments, an unreadable or invalid file, or a slacalc error: one line on stderr.

Examples:
    >>> from slacalc.cli import EXIT_ERROR
    >>> EXIT_ERROR
    2
"""

_COMMANDS = ("demo", "budget", "due", "status", "availability", "report", "document", "check")


class _UsageError(Exception):
    def __init__(self, prog: str, message: str) -> None:
        super().__init__(message)
        self.prog = prog


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line and never exit by themselves."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(self.prog, message)


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=30)


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--json",
        action="store_true",
        help="print JSON for scripts (ISO 8601 instants and durations, exact numbers as text)",
    )


def _add_policy(parser: argparse.ArgumentParser, *, default_note: str) -> None:
    parser.add_argument(
        "--policy",
        metavar="FILE",
        help=f"an SLA policy file (.toml, .json, .yaml); {default_note}",
    )


_AT_HELP = (
    "the instant, ISO 8601 with a UTC offset (e.g. 2026-11-27T17:30+01:00 or ...T16:30Z); "
    "default: now (the only place slacalc reads the clock)"
)


def build_parser() -> argparse.ArgumentParser:
    """The ``slacalc`` argument parser with its subcommands.

    Examples:
        >>> build_parser().parse_args(["budget", "99.9%"]).command
        'budget'
    """
    from slacalc import __version__

    parser = _Parser(
        prog="slacalc",
        formatter_class=_formatter,
        description=(
            "Exact SLA timing and uptime math: deadlines in business hours, ticket clocks,\n"
            "allowed downtime, measured availability, service credits, and the agreement\n"
            "as a document."
        ),
        epilog=(
            "examples:\n"
            "  slacalc demo\n"
            "  slacalc budget 99.9%\n"
            "  slacalc due --severity high --at 2026-11-27T17:30+01:00\n"
            "  slacalc document sla.toml --format html --lang da -o sla.html\n"
            "\n"
            "Every command takes --json and --help. Errors are one line on stderr with exit\n"
            "code 2; 'slacalc check' exits 1 when the policy has problems."
        ),
    )
    parser.add_argument("--version", action="version", version=f"slacalc {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    demo = sub.add_parser(
        "demo",
        formatter_class=_formatter,
        help="a tour of the built-in website-care SLA",
        description=(
            "A tour of the built-in default SLA (slacalc.default_policy()): a sample ticket's\n"
            "deadlines and status, the out-of-hours reply, the downtime budget table, and a\n"
            "month's availability and service credit from example data."
        ),
        epilog="examples:\n  slacalc demo\n  slacalc demo --json",
    )
    _add_json(demo)

    budget = sub.add_parser(
        "budget",
        formatter_class=_formatter,
        help="allowed downtime for an availability target",
        description=(
            "The allowed downtime per day, week, month, quarter and year for a target, exact\n"
            "(the uptime.is table). With --month, also for one real calendar month in a\n"
            "time zone (DST included)."
        ),
        epilog=(
            "examples:\n"
            "  slacalc budget 99.9%\n"
            "  slacalc budget 99.95% --convention fixed\n"
            "  slacalc budget 99.9% --month 2026-03 --tz Europe/Copenhagen"
        ),
    )
    budget.add_argument("target", type=target_arg, help="availability target, e.g. 99.9%%")
    budget.add_argument(
        "--convention",
        choices=("gregorian", "julian", "fixed"),
        default="gregorian",
        help="length of a month, quarter and year: gregorian (365.2425-day year, default), "
        "julian (365.25) or fixed (30-day month, as the SRE book)",
    )
    budget.add_argument("--month", type=month_arg, metavar="YYYY-MM", help="a calendar month")
    budget.add_argument(
        "--tz", type=tz_arg, metavar="ZONE", help="time zone of --month (default UTC)"
    )
    _add_json(budget)

    due = sub.add_parser(
        "due",
        formatter_class=_formatter,
        help="response and resolution deadlines of a ticket",
        description=(
            "The response and resolution deadlines of a ticket of a severity opened at an\n"
            "instant, counted in the severity's business hours."
        ),
        epilog=(
            "examples:\n"
            "  slacalc due --severity high --at 2026-11-27T17:30+01:00\n"
            "  slacalc due --severity critical --at 2026-11-27T23:10+01:00 --json\n"
            "  slacalc due --severity P1 --at 2026-11-27T16:30Z --policy sla.toml"
        ),
    )
    due.add_argument("--severity", required=True, help="the severity's name, e.g. high")
    due.add_argument("--at", type=instant_arg, metavar="INSTANT", help=_AT_HELP)
    _add_policy(due, default_note="default: the built-in policy")
    _add_json(due)

    status = sub.add_parser(
        "status",
        formatter_class=_formatter,
        help="a ticket's clocks from its events",
        description=(
            "Replay a ticket's events (a JSON list of {kind, at, severity}) against the\n"
            "policy and show every clock at an instant: phase, business time used, what is\n"
            "left, the deadline, and whether it breached. --explain adds each clock's\n"
            "timeline, segment by segment, with the rule behind every change."
        ),
        epilog=(
            "events.json:\n"
            '  [{"kind": "opened", "at": "2026-11-27T17:30+01:00", "severity": "high"},\n'
            '   {"kind": "responded", "at": "2026-11-30T09:20+01:00"}]\n'
            "\n"
            "examples:\n"
            "  slacalc status events.json --at 2026-12-01T12:00+01:00\n"
            "  slacalc status events.json --at 2026-12-01T12:00+01:00 --explain\n"
            "  slacalc status events.json --policy sla.toml --json"
        ),
    )
    status.add_argument("events", help="a JSON file of the ticket's events ('-' for stdin)")
    status.add_argument("--at", type=instant_arg, metavar="INSTANT", help=_AT_HELP)
    status.add_argument(
        "--explain",
        action="store_true",
        help="show each clock's timeline and the rule behind every change",
    )
    _add_policy(status, default_note="default: the built-in policy")
    _add_json(status)

    avail = sub.add_parser(
        "availability",
        formatter_class=_formatter,
        help="availability per calendar month from an incident log",
        description=(
            "Availability per calendar month from an incidents CSV with a header\n"
            "start,end[,severity][,label] (ISO 8601 instants with offsets; an empty end is an\n"
            "outage still open). Overlapping incidents count once. Months: those given with\n"
            "--month, else every month from the first incident to the last. Planned\n"
            "maintenance (--maintenance, a CSV start,end) counts as the policy says."
        ),
        epilog=(
            "examples:\n"
            "  slacalc availability incidents.csv --target 99.9%\n"
            "  slacalc availability incidents.csv --target 99.9% --month 2026-11 \\\n"
            "      --tz Europe/Copenhagen --fee 500 --credits 99.9%:5%,99.5%:10%,99%:15%\n"
            "  slacalc availability incidents.csv --policy sla.toml --fee 500 --json\n"
            "  slacalc availability incidents.csv --policy sla.toml --maintenance windows.csv"
        ),
    )
    avail.add_argument("incidents", help="a CSV file of incidents ('-' for stdin)")
    avail.add_argument(
        "--target", type=target_arg, help="availability target, e.g. 99.9%% (default: policy)"
    )
    avail.add_argument(
        "--month", type=month_arg, action="append", metavar="YYYY-MM", help="a month (repeatable)"
    )
    avail.add_argument(
        "--tz", type=tz_arg, metavar="ZONE", help="time zone of the months (default: policy, UTC)"
    )
    avail.add_argument("--fee", type=money_arg, help="the monthly fee the credits are a share of")
    avail.add_argument(
        "--credits",
        type=credits_arg,
        metavar="TIERS",
        help="credit tiers 'below:credit,...', e.g. 99.9%%:5%%,99%%:10%% (default: policy)",
    )
    avail.add_argument(
        "--as-of",
        type=instant_arg,
        metavar="INSTANT",
        help="when the report is made: open outages run until then",
    )
    avail.add_argument(
        "--maintenance",
        metavar="FILE",
        help="a CSV of planned maintenance windows (header start,end): outages in them "
        "are not downtime",
    )
    avail.add_argument(
        "--maintenance-mode",
        choices=("count_as_up", "exclude"),
        help="how the windows count: count_as_up (still in the month) or exclude (left out "
        "of the month); default: the policy's [uptime.maintenance] mode",
    )
    _add_policy(avail, default_note="default: none (give --target)")
    _add_json(avail)

    report = sub.add_parser(
        "report",
        formatter_class=_formatter,
        help="compliance summary of many tickets",
        description=(
            "How often the targets were met: every ticket in a CSV of events (header\n"
            "ticket_id,kind,at,severity; one row per event, instants ISO 8601 with offsets)\n"
            "is replayed against the policy, then summarised per group and metric: tickets,\n"
            "met, breached, pending, percent met (exact share, shown rounded), median and\n"
            "90th percentile business time, and per-ticket penalties when the policy has them."
        ),
        epilog=(
            "examples:\n"
            "  slacalc report tickets.csv --policy sla.toml\n"
            "  slacalc report tickets.csv --policy sla.toml --by severity,month --fee 1500\n"
            "  slacalc report tickets.csv --at 2026-12-31T23:59+01:00 --json"
        ),
    )
    report.add_argument("tickets", help="a CSV file of ticket events ('-' for stdin)")
    report.add_argument(
        "--by",
        default="severity",
        metavar="COLUMNS",
        help="group by these outcome columns, comma-separated: severity (default), month, "
        "ticket_id, result, ... ('' for one row per metric)",
    )
    report.add_argument(
        "--fee", type=money_arg, help="the fee per penalty period (needed for percent penalties)"
    )
    report.add_argument(
        "--at",
        type=instant_arg,
        metavar="INSTANT",
        help="evaluate every ticket at this instant (default: each at its last event)",
    )
    _add_policy(report, default_note="default: the built-in policy")
    _add_json(report)

    document = sub.add_parser(
        "document",
        formatter_class=_formatter,
        help="the agreement as a readable document",
        description=(
            "The agreement as a document for the client: scope, severities and targets,\n"
            "support hours and channels, the uptime guarantee and what it allows, credits,\n"
            "roles and how to report an incident. Markdown or self-contained HTML, English\n"
            "or Danish."
        ),
        epilog=(
            "examples:\n"
            "  slacalc document sla.toml\n"
            "  slacalc document sla.toml --format html --lang da -o aftale.html\n"
            "  slacalc document            # the built-in policy"
        ),
    )
    document.add_argument(
        "policy", nargs="?", help="the SLA policy file (default: the built-in policy)"
    )
    document.add_argument("--format", choices=("markdown", "html"), default="markdown")
    document.add_argument("--lang", choices=("en", "da"), default="en")
    document.add_argument(
        "-o", "--output", metavar="FILE", help="write the document to FILE (UTF-8)"
    )
    _add_json(document)

    check = sub.add_parser(
        "check",
        formatter_class=_formatter,
        help="validate a policy file and list every problem",
        description=(
            "Validate a policy file and list every problem with its place (the field path).\n"
            "Exit code 0: valid; 1: problems found (listed on stdout); 2: the file cannot be\n"
            "read (missing, unknown kind, not TOML/JSON/YAML)."
        ),
        epilog="examples:\n  slacalc check sla.toml\n  slacalc check sla.toml --json",
    )
    check.add_argument("policy", help="the SLA policy file (.toml, .json, .yaml)")
    _add_json(check)
    return parser


def _one_line(message: str) -> str:
    return " ".join(part.strip() for part in message.splitlines() if part.strip())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``slacalc`` command; returns the exit code (0 ok, 1 problems found, 2 error).

    Args:
        argv: the arguments after the program name; ``sys.argv[1:]`` when ``None``.

    Returns:
        The exit code. Errors are printed as one line on stderr, never as a traceback.

    Examples:
        >>> main(["budget", "99.99%"])  # doctest: +ELLIPSIS
        Allowed downtime at 99.99% ...
        month    4m 23s   262.9746
        ...
        0
        >>> main(["budget", "99.9"])
        2
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    out, err = sys.stdout, sys.stderr
    parser = build_parser()
    prog = "slacalc"
    try:
        try:
            args, extra = parser.parse_known_args(args_list)
        except SystemExit as done:  # --help and --version print and exit
            return done.code if isinstance(done.code, int) else EXIT_OK
        if args.command is None:
            raise _UsageError(prog, f"choose a command: {', '.join(_COMMANDS)}")
        prog = f"slacalc {args.command}"
        if extra:
            raise _UsageError(prog, f"unrecognized arguments: {' '.join(extra)}")
        if args.command == "demo":
            return commands.run_demo(args, out)
        if args.command == "budget":
            return commands.run_budget(args, out)
        if args.command == "due":
            return commands.run_due(args, out)
        if args.command == "status":
            return commands.run_status(args, out)
        if args.command == "availability":
            return commands.run_availability(args, out, err)
        if args.command == "report":
            return commands.run_report(args, out, err)
        if args.command == "document":
            return commands.run_document(args, out)
        return commands.run_check(args, out)
    except _UsageError as exc:
        message = _one_line(str(exc)).rstrip(".")
        print(f"{exc.prog}: error: {message}. See '{exc.prog} --help'.", file=err)
        return EXIT_ERROR
    except (CommandError, SlacalcError) as exc:
        print(f"{prog}: error: {_one_line(str(exc))}", file=err)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(f"{prog}: interrupted", file=err)
        return 130
