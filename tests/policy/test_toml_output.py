"""What ``SLAPolicy.to_toml`` writes: only what the policy says, and nothing empty."""

from __future__ import annotations

import re

from slacalc.policy import SLAPolicy, default_policy

_HEADER = re.compile(r"^\[\[?([^\]]+)\]\]?$")


def _empty_tables(text: str) -> list[str]:
    """Table headers with no key under them before the next header (or the end)."""
    lines = [line for line in text.splitlines() if line.strip()]
    empty = []
    for here, after in zip(lines, [*lines[1:], None], strict=True):
        header = _HEADER.match(here)
        if header and (after is None or _HEADER.match(after)):
            empty.append(header.group(1))
    return empty


def test_to_toml_writes_no_empty_tables_or_lists() -> None:
    text = default_policy().to_toml()
    assert _empty_tables(text) == []
    assert not re.search(r"= (\[\]|\{\})$", text, re.MULTILINE), text


def test_to_toml_without_empties_still_reads_back_equal() -> None:
    policy = default_policy()
    assert SLAPolicy.from_toml(policy.to_toml()) == policy
    assert SLAPolicy.from_json(policy.to_json()) == policy


def test_the_check_finds_an_empty_table() -> None:
    assert _empty_tables("a = 1\n[support.overrides]\n\n[calendars]\nx = 1\n") == [
        "support.overrides"
    ]
