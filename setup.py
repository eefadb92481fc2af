"""The one part of the build that pyproject.toml cannot state: the optional C module.

``slacalc._speedups`` compiles a few of the hottest loops (see slacalc/_compiled.py). It is optional:
where no C compiler is found the build goes on without it and slacalc runs on the
pure-Python references, which give the same answers.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "slacalc._speedups",
            ["src/slacalc/_speedups.c"],
            optional=True,
        )
    ]
)
