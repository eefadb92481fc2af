"""The ``slacalc`` command: parse the arguments, call the library, render the answer.

Commands: ``demo``, ``budget``, ``due``, ``status``, ``availability``, ``report``,
``document`` and ``check``. Every command takes ``--json`` (ISO 8601 instants with
offsets, durations as ISO 8601 and exact seconds, exact numbers as text) and ``--help``
(with examples). Errors are one line on stderr with exit code 2; ``check`` exits 1 when
the policy it checks has problems. See docs/guide/cli.md.

Examples:
    >>> from slacalc.cli import main
    >>> main(["due", "--severity", "critical", "--at", "2026-11-27T23:10+01:00"])
    'critical' ticket opened Fri 2026-11-27 23:10 +01:00
    clock: around the clock (Europe/Copenhagen)
    respond by  Fri 2026-11-27 23:25 +01:00  (target 15m)
    resolve by  Sat 2026-11-28 01:10 +01:00  (target 2h)
    0
"""

from slacalc.cli._app import EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, build_parser, main

__all__ = ["EXIT_ERROR", "EXIT_OK", "EXIT_PROBLEMS", "build_parser", "main"]
