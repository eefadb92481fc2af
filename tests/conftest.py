"""Shared pytest configuration: hypothesis profiles.

Pick one with the environment variable ``HYPOTHESIS_PROFILE``:

- ``dev`` (default): about 100 examples per property, random seeds, the example database on.
- ``ci``: derandomized (the same examples on every run, so CI is reproducible), no example
  database, no deadline (shared CI machines stall), sized so the whole calendar property
  suite stays under about two minutes on two cores.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "dev",
    max_examples=100,
    deadline=None,
)
settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
