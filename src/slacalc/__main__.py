"""``python -m slacalc``: the demo; with arguments, the ``slacalc`` command."""

import sys

from slacalc.cli import main

raise SystemExit(main(sys.argv[1:] or ["demo"]))
