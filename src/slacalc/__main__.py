"""``python -m slacalc``: the demo."""

from slacalc._demo import main

raise SystemExit(main())
