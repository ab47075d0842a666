"""Terminal niceties: a progress bar only on a TTY outside CI, color only on a TTY."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from guidelint import cli, terminal
from tests.conftest import guide


class FakeTTY(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("stream", "ci", "wanted"),
    [
        (FakeTTY(), None, True),
        (FakeTTY(), "true", False),
        (FakeTTY(), "false", True),
        (io.StringIO(), None, False),  # a pipe or a file
    ],
)
def test_progress_wanted(monkeypatch: pytest.MonkeyPatch, stream, ci, wanted) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CI", raising=False)
    if ci is not None:
        monkeypatch.setenv("CI", ci)
    assert terminal.progress_wanted(stream) is wanted


def test_progress_bar_only_for_long_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    short, long = FakeTTY(), FakeTTY()
    bar = terminal.Progress(short)
    bar(1, terminal.PROGRESS_MIN_FILES - 1)
    bar.close()
    assert short.getvalue() == ""
    bar = terminal.Progress(long)
    for _ in range(terminal.PROGRESS_MIN_FILES):
        bar(1, terminal.PROGRESS_MIN_FILES)
    bar.close()
    total = terminal.PROGRESS_MIN_FILES
    assert "Checking" in long.getvalue() and f"{total}/{total}" in long.getvalue()


@pytest.fixture
def many_guides(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    for n in range(terminal.PROGRESS_MIN_FILES):
        text = guide(f"Guide number {n}.\n").replace("slug: pm-vs-pmm", f"slug: g{n}")
        (content / f"g{n}.md").write_text(text, encoding="utf-8")
    return tmp_path


def _run(monkeypatch: pytest.MonkeyPatch, root: Path, stderr: io.StringIO, ci: str | None) -> int:
    monkeypatch.chdir(root)
    monkeypatch.delenv("CI", raising=False)
    if ci:
        monkeypatch.setenv("CI", ci)
    monkeypatch.setattr(sys, "stderr", stderr)
    return cli.main(["check", "--today", "2026-11-26", "-j", "1", "-q", "content"])


def test_progress_on_a_terminal_only(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], many_guides: Path
) -> None:
    tty, pipe, under_ci = FakeTTY(), io.StringIO(), FakeTTY()
    assert _run(monkeypatch, many_guides, tty, None) == 0
    assert f"{terminal.PROGRESS_MIN_FILES}/{terminal.PROGRESS_MIN_FILES}" in tty.getvalue()
    assert _run(monkeypatch, many_guides, pipe, None) == 0
    assert _run(monkeypatch, many_guides, under_ci, "true") == 0
    assert (pipe.getvalue(), under_ci.getvalue()) == ("", "")
    assert capsys.readouterr().out == ""  # the bar never goes to stdout


@pytest.mark.parametrize(
    ("stream", "no_color", "env", "expected"),
    [
        (FakeTTY(), False, None, True),
        (FakeTTY(), True, None, False),
        (FakeTTY(), False, "1", False),
        (io.StringIO(), False, None, False),
    ],
)
def test_use_color(monkeypatch: pytest.MonkeyPatch, stream, no_color, env, expected) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("NO_COLOR", raising=False)
    if env is not None:
        monkeypatch.setenv("NO_COLOR", env)
    assert terminal.use_color(no_color, stream) is expected
