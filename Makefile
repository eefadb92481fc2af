# One task runner; .ci/run calls these targets exactly.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# CI sets CI=true: a derandomized hypothesis profile sized for a 2-core machine.
HYPOTHESIS_PROFILE ?= $(if $(CI),ci,dev)
export HYPOTHESIS_PROFILE

.PHONY: install demo test lint bench docs ci clean

$(BIN)/.installed: pyproject.toml setup.py src/slacalc/_speedups.c
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/.installed

# The demo gets an environment of its own with the runtime dependencies only, so it
# also proves that a plain `pip install slacalc` is enough to run it.
DEMO_VENV ?= .venv-demo

$(DEMO_VENV)/bin/.installed: pyproject.toml setup.py src/slacalc/_speedups.c
	$(PYTHON) -m venv $(DEMO_VENV)
	$(DEMO_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(DEMO_VENV)/bin/python -m pip install --quiet -e .
	touch $@

demo: $(DEMO_VENV)/bin/.installed  ## the main job: the demo on the built-in default SLA
	$(DEMO_VENV)/bin/python -m slacalc

# With branch coverage of src/slacalc; below the floor in pyproject.toml
# ([tool.coverage.report] fail_under) the target fails.
test: install  ## the whole test suite, doctests and docs examples included, with coverage
	@$(BIN)/python -m pytest -n auto --cov --cov-report=term; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: that is a failure here" >&2; exit 1; fi; \
	exit $$rc

lint: install  ## style, types, and the import contracts in pyproject.toml (floors, no private reach)
	$(BIN)/python -m ruff check src tests benchmarks scripts
	$(BIN)/python -m ruff format --check src tests benchmarks scripts
	$(BIN)/python -m mypy
	$(BIN)/lint-imports

bench: install  ## side-by-side benchmarks with the peer libraries (installs them)
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	$(BIN)/python benchmarks/run.py

# NO_MKDOCS_2_WARNING=1 silences the end-of-life banner Material for MkDocs prints on every build.
docs: install  ## the documentation site, strict: any warning fails (output in site/)
	$(BIN)/python -m pip install --quiet -e ".[docs]"
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs build --strict

ci: test lint

clean:
	rm -rf $(VENV) $(DEMO_VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage
