"""``progress=`` on analyze_tickets: a callback (done, total), tqdm's bar, or nothing."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from slacalc.errors import InvalidOptionError
from slacalc.policy import default_policy
from slacalc.reports import analyze_tickets

T = dt.datetime(2026, 11, 30, 9, tzinfo=dt.UTC)


def _rows(n: int) -> list[dict[str, object]]:
    return [
        {"ticket_id": i, "kind": "opened", "at": T + dt.timedelta(minutes=i), "severity": "high"}
        for i in range(n)
    ]


def test_the_callback_sees_every_percent_and_the_end() -> None:
    seen: list[tuple[int, int]] = []
    analyze_tickets(_rows(250), default_policy(), progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, 250)
    assert seen[-1] == (250, 250)
    assert [d for d, _ in seen] == sorted({d for d, _ in seen})
    assert len(seen) == 1 + 125  # every second ticket (250 // 100), then the end


def test_rejected_tickets_count_as_done() -> None:
    rows = [*_rows(2), {"ticket_id": 9, "kind": "resumed", "at": T}]
    seen: list[tuple[int, int]] = []
    report = analyze_tickets(
        rows, default_policy(), errors="collect", progress=lambda d, t: seen.append((d, t))
    )
    assert len(report.rejected) == 1
    assert seen[-1] == (3, 3)


def test_true_draws_tqdm_and_closes_it(capsys: pytest.CaptureFixture[str]) -> None:
    analyze_tickets(_rows(3), default_policy(), progress=True)
    err = capsys.readouterr().err
    assert "tickets" in err
    assert "3/3" in err


def test_a_bad_progress_is_refused() -> None:
    with pytest.raises(InvalidOptionError, match=r"progress=5; pass True"):
        analyze_tickets(_rows(1), default_policy(), progress=5)  # type: ignore[arg-type]


def test_true_without_tqdm_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with pytest.raises(ModuleNotFoundError, match="pip install tqdm"):
        analyze_tickets(_rows(1), default_policy(), progress=True)
