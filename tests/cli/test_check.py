"""``slacalc check``: many files at once, ``file:line`` for TOML, the field meant."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from slacalc.cli import main
from slacalc.cli._lines import line_of, toml_lines
from slacalc.errors import PolicyValidationError
from slacalc.policy import SLAPolicy, default_policy

ROOT = Path(__file__).resolve().parents[2]
VALID = (
    '[support]\nhours = "Mon-Fri 09:00-17:00"\ntz = "UTC"\n'
    '[[severities]]\nname = "high"\nresponse = "4h"\n'
)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.toml").write_text(VALID, encoding="utf-8")
    (tmp_path / "typo.toml").write_text(
        VALID.replace("tz =", "timezone =").replace("response", "respnse"), encoding="utf-8"
    )
    (tmp_path / "plural.toml").write_text(
        VALID.replace("[[severities]]", "[[severity]]"), encoding="utf-8"
    )
    return tmp_path


def test_several_files_at_once_as_pre_commit_passes_them(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "check", "good.toml", "typo.toml", "plural.toml")
    assert (code, err) == (1, "")
    assert out.splitlines() == [
        "good.toml: valid: 'Service level agreement', 1 severity (high), support "
        "Mon-Fri 09:00-17:00 in UTC",
        "typo.toml:3: support.timezone: 'timezone' is not a field here; did you mean 'tz'?",
        "typo.toml:6: severities[0].respnse: 'respnse' is not a field here; "
        "did you mean 'response'?",
        "typo.toml: 2 problems",
        "plural.toml:4: severity: 'severity' is not a field here; did you mean 'severities'?",
        "plural.toml: 1 problem",
    ]
    assert _run(capsys, "check", "good.toml", "good.toml")[0] == 0


def test_every_problem_line_is_file_colon_line(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = _run(capsys, "check", "typo.toml")
    problems = out.splitlines()[:-1]
    assert all(re.match(r"^typo\.toml:\d+: ", line) for line in problems), problems


def test_json_lists_each_file_with_its_problems_and_lines(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "check", "good.toml", "typo.toml", "--json")
    data = json.loads(out)
    assert code == 1
    assert data["valid"] is False
    good, typo = data["files"]
    assert (good["file"], good["valid"], good["problems"]) == ("good.toml", True, [])
    assert good["severities"] == ["high"]
    assert [(p["path"], p["line"]) for p in typo["problems"]] == [
        ("support.timezone", 3),
        ("severities[0].respnse", 6),
    ]


def test_an_unreadable_file_is_reported_and_the_others_still_checked(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "policies").mkdir()
    code, out, err = _run(capsys, "check", "policies", "typo.toml", "missing.toml")
    assert code == 2
    assert "typo.toml: 2 problems" in out
    assert err.splitlines() == [
        "slacalc check: error: 'policies' is a directory, not a policy file; pass the path "
        "of a .toml, .json or .yaml file.",
        "slacalc check: error: No policy file at 'missing.toml'; check the path (relative "
        f"paths start at {str(here)!r}).",
    ]


@pytest.mark.parametrize("command", ["report", "status", "availability"])
def test_a_directory_given_as_an_input_file_is_one_clear_line(
    here: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    (here / "data").mkdir()
    extra = ["--target", "99.9%"] if command == "availability" else []
    code, out, err = _run(capsys, command, "data", *extra)
    assert (code, out) == (2, "")
    assert (
        err == f"slacalc {command}: error: 'data' is a directory, not a file; pass a file in it.\n"
    )


def test_a_json_policy_has_its_problems_without_lines(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = default_policy().to_dict()
    data["support"]["timezone"] = data["support"].pop("tz")
    (here / "sla.json").write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = _run(capsys, "check", "sla.json")
    assert code == 1
    assert out.splitlines()[0] == (
        "sla.json: support.timezone: 'timezone' is not a field here; did you mean 'tz'?"
    )


def test_the_library_suggests_the_field_too() -> None:
    data = default_policy().to_dict()
    data["severities"][0]["resolutoin"] = data["severities"][0].pop("resolution")
    with pytest.raises(PolicyValidationError) as caught:
        SLAPolicy.from_dict(data)
    assert caught.value.problems == (
        (
            "severities[0].resolutoin",
            "'resolutoin' is not a field here; did you mean 'resolution'?",
        ),
    )


def test_an_unknown_key_like_no_field_gets_no_guess() -> None:
    data = default_policy().to_dict()
    data["support"]["colour"] = "blue"
    with pytest.raises(PolicyValidationError) as caught:
        SLAPolicy.from_dict(data)
    assert caught.value.problems == (
        ("support.colour", "'colour' is not a field here; check the spelling or remove it."),
    )


def test_toml_lines_of_tables_arrays_of_tables_keys_and_array_items() -> None:
    text = (
        'name = "x"  # a comment\n'  # 1
        "[support]\n"  # 2
        'overrides = { "2026-12-24" = "closed" }\n'  # 3
        "[[severities]]\n"  # 4
        'name = "a"\n'  # 5
        "[[severities.warnings]]\n"  # 6
        'percent = "50%"\n'  # 7
        "[[severities]]\n"  # 8
        "warnings = [\n"  # 9
        '  { percent = "75%" },\n'  # 10
        '  { before = "30m" },\n'  # 11
        "]\n"  # 12
        "[uptime.maintenance]\n"  # 13
        'window = "Sun 02:00-05:00"\n'  # 14
    )
    lines = toml_lines(text)
    assert lines["name"] == 1
    assert lines["support.overrides"] == 3
    assert lines["severities[0].warnings[0].percent"] == 7
    assert lines["severities[1]"] == 8
    assert lines["severities[1].warnings[1].before"] == 11
    assert lines["uptime.maintenance.window"] == 14
    assert line_of(lines, "severities[1].response") == 8  # missing: its table
    assert line_of(lines, "severities[1].warnings[1]") == 11
    assert line_of(lines, "uptime.target") is None  # no [uptime] table of its own


def test_the_pre_commit_hook_runs_check() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: slacalc-check" in hooks
    assert "entry: slacalc check" in hooks
    assert "language: python" in hooks


def test_the_cli_guide_shows_what_check_prints_for_its_broken_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (ROOT / "docs" / "guide" / "cli.md").read_text(encoding="utf-8")
    broken = re.search(r"as in this `broken.toml`:\n\n```toml\n(.*?)```", page, re.DOTALL)
    shown = re.search(r"the exit code is 1:\n\n```text\n(.*?)```", page, re.DOTALL)
    assert broken is not None
    assert shown is not None
    monkeypatch.chdir(tmp_path)
    (tmp_path / "broken.toml").write_text(broken.group(1), encoding="utf-8")
    code, out, _ = _run(capsys, "check", "broken.toml")
    assert (code, out) == (1, shown.group(1))


def test_the_cli_guide_shows_what_check_prints_for_several_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (ROOT / "docs" / "guide" / "cli.md").read_text(encoding="utf-8")
    policy = re.search(r'```toml title="sla.toml"\n(.*?)```', page, re.DOTALL)
    broken = re.search(r"as in this `broken.toml`:\n\n```toml\n(.*?)```", page, re.DOTALL)
    shown = re.search(r"```text\n\$ (slacalc check .*?)\n(.*?)```", page, re.DOTALL)
    assert policy is not None
    assert broken is not None
    assert shown is not None
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sla.toml").write_text(policy.group(1), encoding="utf-8")
    (tmp_path / "broken.toml").write_text(broken.group(1), encoding="utf-8")
    *printed, exit_line, code_line = shown.group(2).splitlines()
    code, out, err = _run(capsys, *shown.group(1).split()[1:])
    assert (exit_line, code_line) == ("$ echo $?", str(code))
    assert out.splitlines() + err.replace(str(tmp_path), "/srv/policies").splitlines() == (printed)
