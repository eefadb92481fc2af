"""The one part of the build that pyproject.toml cannot state: the optional C module.

``slacalc.timers._speedups`` compiles the ticket clocks' hottest loops. It is optional:
where no C compiler is found the build goes on without it and slacalc runs on the
pure-Python references, which give the same answers.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "slacalc.timers._speedups",
            ["src/slacalc/timers/_speedups.c"],
            optional=True,
        )
    ]
)
