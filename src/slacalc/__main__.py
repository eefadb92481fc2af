"""``python -m slacalc``: the demo; with arguments, the ``slacalc`` command."""

import gc
import sys

from slacalc.cli import main

code = main(sys.argv[1:] or ["demo"])
gc.freeze()  # the process ends here: spare its last collections the walk over every object
raise SystemExit(code)
