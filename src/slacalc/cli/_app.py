"""The ``slacalc`` command: the argument parser, and one-line errors with exit code 2."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Sequence
from typing import Any, NamedTuple, NoReturn

from slacalc.cli._parse import (
    CommandError,
    credits_arg,
    instant_arg,
    map_arg,
    money_arg,
    month_arg,
    one_line,
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


class _UsageError(Exception):
    """A bad command line, reported with the (sub)command's name and a pointer to --help."""

    def __init__(self, prog: str, message: str) -> None:
        super().__init__(message)
        self.prog = prog


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line and never exit by themselves."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(self.prog, message)


def _formatter(prog: str) -> argparse.HelpFormatter:
    """Help that keeps the descriptions' and examples' line breaks."""
    return argparse.RawDescriptionHelpFormatter(prog, max_help_position=30)


_Option = tuple[tuple[str, ...], dict[str, Any]]


def _option(*flags: str, **settings: Any) -> _Option:
    """An argument of a command: its flags (or name) and ``add_argument``'s settings."""
    return flags, settings


def _policy(note: str) -> _Option:
    """``--policy FILE``, with what it defaults to."""
    return _option(
        "--policy", metavar="FILE", help=f"an SLA policy file (.toml, .json, .yaml); {note}"
    )


def _instant(flag: str, help: str) -> _Option:
    """An instant option, ``--at`` or ``--as-of``."""
    return _option(flag, type=instant_arg, metavar="INSTANT", help=help)


def _month(help: str, **more: Any) -> _Option:
    """``--month YYYY-MM``."""
    return _option("--month", type=month_arg, metavar="YYYY-MM", help=help, **more)


def _tz(help: str) -> _Option:
    """``--tz ZONE``, an IANA time zone."""
    return _option("--tz", type=tz_arg, metavar="ZONE", help=help)


def _fee(help: str) -> _Option:
    """``--fee``, an exact amount of money."""
    return _option("--fee", type=money_arg, help=help)


_JSON = _option(
    "--json",
    action="store_true",
    help="print JSON for scripts (ISO 8601 instants and durations, exact numbers as text)",
)
_FORMAT = _option(
    "--format",
    choices=("text", "csv", "json"),
    default="text",
    help="text for people (default; tables fit a terminal and breaches are red, with the "
    "cli extra), csv (the table's rows, numbers as in JSON) or json (as --json)",
)
_TABLES = ("budget", "status", "availability", "report")
"""The commands that print a table, and so take --format text|csv|json."""
_AT_NOW = _instant(
    "--at",
    "the instant, ISO 8601 with a UTC offset (e.g. 2026-11-27T17:30+01:00 or ...T16:30Z); "
    "default: now (the only place slacalc reads the clock)",
)
_BUILT_IN = _policy("default: the built-in policy")
SOURCES = (
    "events",
    "generic-long",
    "generic-wide",
    "zendesk",
    "jira",
    "freshdesk",
    "frappe",
    "erpnext",
)
"""What ``slacalc report --source`` reads."""


class _Command(NamedTuple):
    """A subcommand: its help line, description, examples (one a line) and arguments.

    It runs ``run_<name>`` of :mod:`slacalc.cli._commands`; every command also takes ``--json``.
    """

    help: str
    description: str
    examples: str
    options: tuple[_Option, ...] = ()
    before: str = ""


_COMMANDS: dict[str, _Command] = {
    "demo": _Command(
        "a tour of the built-in website-care SLA",
        "A tour of the built-in default SLA (slacalc.default_policy()): a sample ticket's\n"
        "deadlines and status, the out-of-hours reply, the downtime budget table, and a\n"
        "month's availability and service credit from example data.",
        "slacalc demo\nslacalc demo --json",
    ),
    "budget": _Command(
        "allowed downtime for an availability target",
        "The allowed downtime per day, week, month, quarter and year for a target, exact\n"
        "(the uptime.is table). With --month, also for one real calendar month in a\n"
        "time zone (DST included).",
        "slacalc budget 99.9%\n"
        "slacalc budget 99.95% --convention fixed\n"
        "slacalc budget 99.9% --format csv\n"
        "slacalc budget 99.9% --month 2026-03 --tz Europe/Copenhagen",
        (
            _option("target", type=target_arg, help="availability target, e.g. 99.9%%"),
            _option(
                "--convention",
                choices=("gregorian", "julian", "fixed"),
                default="gregorian",
                help="length of a month, quarter and year: gregorian (365.2425-day year, "
                "default), julian (365.25) or fixed (30-day month, as the SRE book)",
            ),
            _month("a calendar month"),
            _tz("time zone of --month (default UTC)"),
        ),
    ),
    "due": _Command(
        "response and resolution deadlines of a ticket",
        "The response and resolution deadlines of a ticket of a severity opened at an\n"
        "instant, counted in the severity's business hours.",
        "slacalc due --severity high --at 2026-11-27T17:30+01:00\n"
        "slacalc due --severity critical --at 2026-11-27T23:10+01:00 --json\n"
        "slacalc due --severity P1 --at 2026-11-27T16:30Z --policy sla.toml",
        (
            _option("--severity", required=True, help="the severity's name, e.g. high"),
            _AT_NOW,
            _BUILT_IN,
        ),
    ),
    "status": _Command(
        "a ticket's clocks from its events",
        "Replay a ticket's events (a JSON list of {kind, at, severity}) against the\n"
        "policy and show every clock at an instant: phase, business time used, what is\n"
        "left, the deadline, and whether it breached. --explain adds each clock's\n"
        "timeline, segment by segment, with the rule behind every change.",
        "slacalc status events.json --at 2026-12-01T12:00+01:00\n"
        "slacalc status events.json --at 2026-12-01T12:00+01:00 --explain\n"
        "slacalc status events.json --policy sla.toml --json",
        (
            _option("events", help="a JSON file of the ticket's events ('-' for stdin)"),
            _AT_NOW,
            _option(
                "--explain",
                action="store_true",
                help="show each clock's timeline and the rule behind every change",
            ),
            _BUILT_IN,
        ),
        before="events.json:\n"
        '  [{"kind": "opened", "at": "2026-11-27T17:30+01:00", "severity": "high"},\n'
        '   {"kind": "responded", "at": "2026-11-30T09:20+01:00"}]\n\n',
    ),
    "availability": _Command(
        "availability per calendar month from an incident log",
        "Availability per calendar month from an incidents CSV with a header\n"
        "start,end[,severity][,label] (ISO 8601 instants with offsets; an empty end is an\n"
        "outage still open). Overlapping incidents count once. Months: those given with\n"
        "--month, else every month from the first incident to the last. Planned\n"
        "maintenance (--maintenance, a CSV start,end[,announced][,label]) counts as the\n"
        "policy says; with a policy, a window outside its [uptime.maintenance] window,\n"
        "announced too late or over its monthly limit counts as downtime, and is named.",
        "slacalc availability incidents.csv --target 99.9%\n"
        "slacalc availability incidents.csv --target 99.9% --month 2026-11 \\\n"
        "    --tz Europe/Copenhagen --fee 500 --credits 99.9%:5%,99.5%:10%,99%:15%\n"
        "slacalc availability incidents.csv --policy sla.toml --fee 500 --json\n"
        "slacalc availability incidents.csv --policy sla.toml --maintenance windows.csv",
        (
            _option("incidents", help="a CSV file of incidents ('-' for stdin)"),
            _option(
                "--target",
                type=target_arg,
                help="availability target, e.g. 99.9%% (default: policy)",
            ),
            _month("a month (repeatable)", action="append"),
            _tz("time zone of the months (default: policy, UTC)"),
            _fee("the monthly fee the credits are a share of"),
            _option(
                "--credits",
                type=credits_arg,
                metavar="TIERS",
                help="credit tiers 'below:credit,...', e.g. 99.9%%:5%%,99%%:10%% (default: policy)",
            ),
            _instant("--as-of", "when the report is made: open outages run until then"),
            _option(
                "--maintenance",
                metavar="FILE",
                help="a CSV of planned maintenance windows (header start,end): outages in "
                "them are not downtime",
            ),
            _option(
                "--maintenance-mode",
                choices=("count_as_up", "exclude"),
                help="how the windows count: count_as_up (still in the month) or exclude "
                "(left out of the month); default: the policy's [uptime.maintenance] mode",
            ),
            _option(
                "--trust-maintenance",
                action="store_true",
                help="count every window as maintenance, even one that broke the policy's "
                "rules (outside its window, too late announced, over its monthly limit); "
                "by default such a window counts as downtime",
            ),
            _policy("default: none (give --target)"),
        ),
    ),
    "report": _Command(
        "compliance summary of many tickets",
        "How often the targets were met: every ticket in a CSV of events (header\n"
        "ticket_id,kind,at,severity; one row per event, instants ISO 8601 with offsets)\n"
        "is replayed against the policy, then summarised per group and metric: tickets,\n"
        "met, breached, pending, percent met (exact share, shown rounded), median and\n"
        "90th percentile business time, and per-ticket penalties when the policy has them.\n"
        "--source reads a helpdesk's export instead (slacalc.sources): CSV files may be\n"
        "comma- or semicolon-separated.",
        "slacalc report tickets.csv --policy sla.toml\n"
        "slacalc report tickets.csv --policy sla.toml --by severity,month --fee 1500\n"
        "slacalc report tickets.csv --by severity,month --format csv > compliance.csv\n"
        "slacalc report tickets.csv --at 2026-12-31T23:59+01:00 --json\n"
        "slacalc report --source zendesk audits.json --policy zendesk.toml\n"
        "slacalc report --source generic-wide export.csv --tz Europe/Copenhagen \\\n"
        "    --columns ticket_id=Id,created=Created,priority=Priority,resolved=Solved",
        (
            _option(
                "tickets",
                help="a CSV file of ticket events ('-' for stdin), or the export --source names",
            ),
            _option(
                "--source",
                default="events",
                choices=SOURCES,
                help="what the file is: events (default: slacalc's CSV), generic-long, "
                "generic-wide, zendesk (metric events or audits JSON, or the CSV export), "
                "jira (search JSON with changelog, or the CSV export), freshdesk (activities "
                "JSON or the CSV export), frappe or erpnext (REST list JSON)",
            ),
            _option(
                "--columns",
                type=map_arg,
                metavar="MAP",
                help="generic-long/-wide: slacalc's columns to yours, e.g. "
                "created=Created,priority=Priority,first_reply=First reply",
            ),
            _option(
                "--severity-map",
                type=map_arg,
                metavar="MAP",
                help="your priorities to the policy's severities, e.g. Urgent=critical,High=high",
            ),
            _option(
                "--status-map",
                type=map_arg,
                metavar="MAP",
                help="your statuses to the policy's, e.g. Blocked=waiting,Done=resolved",
            ),
            _option(
                "--status-columns",
                type=map_arg,
                metavar="MAP",
                help="generic-wide: status to the column with the instant it was entered, "
                "e.g. waiting=Pending since",
            ),
            _tz("the zone of naive timestamps in the export, e.g. Europe/Copenhagen"),
            _option(
                "--priority",
                metavar="NAME",
                help="zendesk metric events: the priority of every ticket (the events carry none)",
            ),
            _option(
                "--versions",
                metavar="FILE",
                help="frappe/erpnext: the Version records (REST list JSON) with the status changes",
            ),
            _option(
                "--progress",
                action=argparse.BooleanOptionalAction,
                default=None,
                help="a progress bar on stderr over reading and analysing (default: when "
                "stderr is a terminal and tqdm is installed)",
            ),
            _option(
                "--by",
                default="severity",
                metavar="COLUMNS",
                help="group by these outcome columns, comma-separated: severity (default), "
                "month, ticket_id, result, ... ('' for one row per metric)",
            ),
            _fee("the fee per penalty period (needed for percent penalties)"),
            _instant(
                "--at", "evaluate every ticket at this instant (default: each at its last event)"
            ),
            _BUILT_IN,
        ),
    ),
    "document": _Command(
        "the agreement as a readable document",
        "The agreement as a document for the client: scope, severities and targets,\n"
        "support hours and channels, the uptime guarantee and what it allows, credits,\n"
        "roles and how to report an incident, and the contract's clauses. Markdown,\n"
        "self-contained HTML or PDF (headless Chromium), English or Danish, from templates\n"
        "you can override (needs the document extra: pip install -e '.[document]' in\n"
        "slacalc's clone).",
        "slacalc document sla.toml\n"
        "slacalc document sla.toml --format html -o sla.html\n"
        "slacalc document --lang da  # the built-in policy, in Danish\n"
        "slacalc document --lang da --format pdf -o aftale.pdf --logo logo.png\n"
        "slacalc document sla.toml --templates mine/ --section pricing -o sla.html --format html",
        (
            _option("policy", nargs="?", help="the SLA policy file (default: the built-in policy)"),
            _option("--format", choices=("markdown", "html", "pdf"), default="markdown"),
            _option(
                "--lang",
                choices=("en", "da"),
                help="the document's language (default the policy's)",
            ),
            _option(
                "--fallback",
                action="store_true",
                help="print policy texts that lack --lang in the policy's language",
            ),
            _option(
                "--year",
                type=int,
                help="list the days support is closed in YEAR (default: "
                "the year of terms.effective)",
            ),
            _option("--templates", metavar="DIR", help="templates that replace the built-in ones"),
            _option(
                "--section",
                action="append",
                metavar="NAME",
                help="add the section DIR/sections/NAME.<format>.j2 (repeat for more)",
            ),
            _option("--logo", metavar="FILE", help="an image shown above the title"),
            _option("--css", metavar="FILE", help="a style sheet added to the built-in one"),
            _option("-o", "--output", metavar="FILE", help="write the document to FILE (UTF-8)"),
        ),
    ),
    "check": _Command(
        "validate a policy file and list every problem",
        "Validate policy files and list every problem as file:line: place: message (the\n"
        "line for TOML files; the place is the field path), with the field an unknown key\n"
        "likely means. Exit code 0: all valid; 1: problems found (listed on stdout); 2: a\n"
        "file cannot be read (missing, unknown kind, not TOML/JSON/YAML). Works as a\n"
        "pre-commit hook (id slacalc-check).",
        "slacalc check sla.toml\nslacalc check sla.toml premium.toml --json",
        (
            _option(
                "policy",
                nargs="+",
                metavar="policy",
                help="SLA policy files (.toml, .json, .yaml)",
            ),
        ),
    ),
}


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
            "  slacalc document sla.toml --format html -o sla.html\n"
            "\n"
            "Every command takes --json and --help. Errors are one line on stderr with exit\n"
            "code 2; 'slacalc check' exits 1 when the policy has problems."
        ),
    )
    parser.add_argument("--version", action="version", version=f"slacalc {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name, command in _COMMANDS.items():
        examples = "".join(f"\n  {line}" for line in command.examples.splitlines())
        one = sub.add_parser(
            name,
            formatter_class=_formatter,
            help=command.help,
            description=command.description,
            epilog=f"{command.before}examples:{examples}",
        )
        for flags, settings in (_JSON, *command.options):
            one.add_argument(*flags, **settings)
        if name in _TABLES:
            one.add_argument(*_FORMAT[0], **_FORMAT[1])
    return parser


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
    # A command runs once: it imports modules, defines classes and reads one policy,
    # long-lived objects without garbage cycles, so the collector's passes over them
    # find nothing to free and cost about a sixth of a cold 'slacalc due'. Paused for
    # the command, restored after.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _shielded(list(sys.argv[1:] if argv is None else argv))
    finally:
        if collecting:
            gc.enable()


def script() -> int:  # pragma: no cover - run by tests/cli/test_console_script.py
    """The installed ``slacalc`` script: :func:`main` on this process's arguments, then exit.

    The process ends once the answer is written, so the objects it made are put out of
    the collector's reach (``gc.freeze``): the interpreter's collections at exit would
    otherwise walk every module, class and function the command loaded, only to free
    memory that the end of the process frees anyway (about a fifth of a cold
    ``slacalc due``). Everything else of a normal exit still happens (``atexit``
    handlers, flushing the output). Not for calling inside a longer-lived program:
    call :func:`main` there.

    Returns:
        The exit code of :func:`main`, for ``sys.exit``.
    """
    code = main()
    gc.freeze()
    return code


def _shielded(args_list: list[str]) -> int:
    """:func:`_run`, and any exception it lets through as one line on stderr, exit code 2.

    Whatever the arguments and files, the command never shows a traceback: an error
    slacalc did not foresee is named by its type, so it can be reported.
    """
    try:
        return _run(args_list)
    except (Exception, RecursionError, MemoryError) as exc:
        message = one_line(str(exc))
        if len(message) > 300:
            message = f"{message[:300]}..."
        print(
            f"slacalc: error: unexpected {type(exc).__name__}: {message} (please report this "
            "with the command line that caused it)",
            file=sys.stderr,
        )
        return EXIT_ERROR


def _run(args_list: list[str]) -> int:
    """:func:`main` for ``args_list``, with the collector already paused."""
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
        if args.command in _TABLES:
            if args.json and args.format == "csv":
                raise _UsageError(prog, "--json and --format csv exclude each other; pick one")
            args.json = args.json or args.format == "json"
        # The commands (and what they render with) load when one runs, not for --help.
        from slacalc.cli import _commands

        code: int = getattr(_commands, f"run_{args.command}")(args, out)
        out.flush()
        return code
    except _UsageError as exc:
        message = one_line(str(exc)).rstrip(".")
        print(f"{exc.prog}: error: {message}. See '{exc.prog} --help'.", file=err)
        return EXIT_ERROR
    except (CommandError, SlacalcError) as exc:
        print(f"{prog}: error: {one_line(str(exc))}", file=err)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(f"{prog}: interrupted", file=err)
        return 130
    except BrokenPipeError:
        # The reader went away (``slacalc ... | head -1``): stop quietly, and point stdout
        # at nothing so that Python's flush at exit does not fail on the closed pipe.
        with contextlib.suppress(OSError, ValueError):  # not a real file (a test's buffer)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
