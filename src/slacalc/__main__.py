"""``python -m slacalc``: the demo; with arguments, the ``slacalc`` command."""

import sys

from slacalc.cli._app import script

if len(sys.argv) < 2:
    sys.argv.append("demo")
raise SystemExit(script())
