"""What a cold ``slacalc`` command loads: only what its answer needs (no timing asserted).

The cold-start figures in benchmarks/README.md rest on these: ``import slacalc`` and the
command line's parser (``--help``) load neither pydantic nor ``holidays`` nor the
commands; ``due`` and ``status`` on the built-in policy load no pydantic (its agreement
is built directly); a policy file builds one pydantic validator (the policy's; the
nested models are validated inside it); and a command runs the one country module its
holidays need, not the ~250 that ``holidays.countries`` imports.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.policy._same import assert_same

AT = "2026-12-01T12:00+01:00"


def _probe(code: str) -> object:
    """Run ``code`` in a fresh interpreter; it prints one JSON value, returned here."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


_LOADED = (
    "import json, sys; print(json.dumps(sorted(m for m in sys.modules "
    "if m.split('.')[0] in ('pydantic', 'holidays') "
    "or m.startswith(('slacalc.policy', 'slacalc.cli._commands')))))"
)


def test_importing_slacalc_and_its_command_line_loads_neither_pydantic_nor_holidays() -> None:
    assert _probe("import slacalc, slacalc.cli; " + _LOADED) == []
    for argv in (["--help"], ["due", "--help"]):
        code = (
            "import contextlib, io, slacalc.cli\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    slacalc.cli.main({argv!r})\n" + _LOADED
        )
        assert _probe(code) == [], argv


#: Packages that only some commands or optional features need (frames, documents,
#: terminal tables, SQL, the file writers, the helpdesk and monitoring readers).
HEAVY = (
    "babel",
    "duckdb",
    "jinja2",
    "narwhals",
    "numpy",
    "pandas",
    "polars",
    "pyarrow",
    "rich",
    "tomli_w",
    "yaml",
)
_HEAVY = (
    "import json, sys; print(json.dumps(sorted({m.split('.')[0] for m in sys.modules}"
    f" & {set(HEAVY)!r})))"
)


@pytest.mark.parametrize(
    "modules",
    [
        "slacalc",
        "slacalc.policy",
        "slacalc.calendar, slacalc.timers, slacalc.uptime, slacalc.credits",
        "slacalc.reports, slacalc.sources, slacalc.document, slacalc.duckdb",
    ],
)
def test_importing_slacalc_loads_no_heavy_package(modules: str) -> None:
    assert _probe(f"import {modules}; " + _HEAVY) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["due", "--severity", "high", "--at", AT],
        ["due", "--severity", "high", "--at", AT, "--json"],
        ["status", "EVENTS", "--at", AT],
        ["budget", "99.9%"],
        ["--help"],
    ],
)
def test_a_policy_command_loads_no_heavy_package(argv: list[str], tmp_path: Path) -> None:
    events = tmp_path / "events.json"
    events.write_text(json.dumps([{"kind": "opened", "at": AT, "severity": "high"}]))
    argv = [str(events) if a == "EVENTS" else a for a in argv]
    code = (
        "import contextlib, io, slacalc.cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert slacalc.cli.main({argv!r}) == 0\n" + _HEAVY
    )
    assert _probe(code) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["due", "--severity", "high", "--at", AT],
        ["due", "--severity", "low", "--at", AT, "--json"],
        ["status", "EVENTS", "--at", AT],
        ["status", "EVENTS", "--at", AT, "--json", "--explain"],
    ],
)
def test_a_command_on_the_built_in_policy_loads_no_pydantic(
    argv: list[str], tmp_path: Path
) -> None:
    events = tmp_path / "events.json"
    events.write_text(json.dumps([{"kind": "opened", "at": AT, "severity": "high"}]))
    argv = [str(events) if a == "EVENTS" else a for a in argv]
    code = (
        "import contextlib, io, json, sys\n"
        "from slacalc.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main({argv!r}) == 0\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'\n"
        "    or m.startswith(('holidays.countries', 'holidays.financial')))))"
    )
    assert _probe(code) == []


def test_due_and_status_read_the_same_built_in_policy_either_way() -> None:
    # Everything ``due`` and ``status`` read of the built-in policy (its agreement and
    # the targets as written), built directly and through the validated policy.
    from slacalc.cli._commands import PolicyTerms, load_terms
    from slacalc.policy import default_policy

    direct, validated = load_terms(None), PolicyTerms.of(default_policy())
    assert_same(direct, validated)
    assert direct.written["medium"] == {"response": "4h", "resolution": None}
    sla = str(Path(__file__).parent / "data" / "sla.toml")
    assert_same(load_terms(sla), validated)  # the file holds the built-in policy


def test_due_on_a_policy_file_builds_one_validator_and_one_country() -> None:
    policy = Path(__file__).parent / "data" / "sla.toml"
    code = (
        "import contextlib, io, json, sys\n"
        "from slacalc.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['due', '--severity', 'high', '--at', '{AT}',\n"
        f"                 '--policy', {str(policy)!r}]) == 0\n"
        "from pydantic import BaseModel\n"
        "from slacalc.policy import _models\n"
        "built = sorted(n for n, v in vars(_models).items() if isinstance(v, type)\n"
        "               and issubclass(v, BaseModel) and v.__pydantic_complete__)\n"
        "countries = sorted(m for m in sys.modules if m.startswith('holidays.countries')\n"
        "                   or m.startswith('holidays.financial'))\n"
        "print(json.dumps([built, countries]))"
    )
    assert _probe(code) == [["SLAPolicy"], []]


def test_a_country_reads_the_same_whether_or_not_holidays_countries_is_imported() -> None:
    code = (
        "import json, sys\n"
        "from slacalc.calendar._holidays import HolidaySource\n"
        "def read(codes):\n"
        "    return {c: {d.isoformat(): n for d, n in HolidaySource(c).year(2026).items()}\n"
        "            for c in codes}\n"
        "codes = ['DK', 'US-CA', 'UK', 'AX', 'DE-BY']\n"
        "alone = read(codes)\n"
        "import holidays.countries\n"
        "print(json.dumps([alone == read(codes), len(alone['DK'])]))"
    )
    assert _probe(code) == [True, 10]


def test_a_command_pauses_the_collector_and_restores_it() -> None:
    import gc

    from slacalc.cli import main

    assert gc.isenabled()
    assert main(["budget", "99.9%"]) == 0
    assert gc.isenabled()
    gc.disable()
    try:
        assert main(["budget", "99.9"]) == 2  # an error too leaves it as it was
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_script_exits_as_usual_after_freezing_the_collector() -> None:
    code = (
        "import atexit, gc, sys\n"
        "from slacalc.cli._app import script\n"
        "atexit.register(lambda: print('at exit', gc.get_freeze_count() > 0))\n"
        "sys.argv[1:] = ['budget', '99.9%']\n"
        "sys.exit(script())"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (0, "")
    assert "month    43m 50s     2629.746\n" in done.stdout
    assert done.stdout.endswith("at exit True\n")
    refused = subprocess.run(
        [sys.executable, "-m", "slacalc", "budget", "99.9"], capture_output=True, text=True
    )
    assert refused.returncode == 2
    assert refused.stderr.startswith("slacalc budget: error:")
    demo = subprocess.run([sys.executable, "-m", "slacalc"], capture_output=True, text=True)
    assert demo.returncode == 0
    assert demo.stdout


def test_the_script_writes_a_whole_output_file(tmp_path: Path) -> None:
    out = tmp_path / "sla.md"
    argv = [sys.executable, "-m", "slacalc", "document", "--format", "markdown", "-o", str(out)]
    done = subprocess.run(argv, capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (0, "")
    from slacalc.cli import main

    inside = tmp_path / "inside.md"
    assert main(["document", "--format", "markdown", "-o", str(inside)]) == 0
    assert out.read_text() == inside.read_text() != ""
