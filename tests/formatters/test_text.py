"""Golden test: ``guidelint check --format text`` on the fixed content folder."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import click
import pytest

from guidelint.diagnostic import Diagnostic
from guidelint.docs import docs_url
from guidelint.engine import LintResult
from guidelint.formatters import FormatInfo
from guidelint.formatters.text import render
from tests.golden import make_content
from tests.util import run_main, write_tree

DOCS = "https://docs.example.org/guidelint/rules"
STAT_MSG = (
    "statistic '92%' has no source in its sentence: cite it with [^id] "
    "(a footnote or a 'sources' entry), a link, or '(Source: ...)'"
)
STALE_MSG = (
    "stale: updated 2025-01 plus the 12mo window was due 2026-01-01, 329 days ago; "
    "update the content and 'updated', or record a review with 'guidelint review'"
)


def test_text_golden(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_content(tmp_path)
    result = run_main(capsys, monkeypatch, tmp_path, "check", "--today", "2026-11-26")
    assert result.code == 1
    assert result.err == ""
    assert result.out == textwrap.dedent(
        f"""\
        content/pm-vs-pmm.md:9:45: error stat-source {STAT_MSG}
        content/pm-vs-pmm.md:11:1: warning unused-suppression suppression of stat-source silences nothing; remove it
        content/stale.md:5:1: error stale-guide {STALE_MSG}
        Found 2 error(s) and 1 warning(s) in 2 of 3 file(s).
        """
    )


def test_text_quiet_drops_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_content(tmp_path)
    result = run_main(
        capsys,
        monkeypatch,
        tmp_path,
        "check",
        "--today",
        "2026-11-26",
        "--quiet",
        "content/stale.md",
    )
    assert result.out == f"content/stale.md:5:1: error stale-guide {STALE_MSG}\n"


def test_text_no_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_content(tmp_path)
    result = run_main(
        capsys, monkeypatch, tmp_path, "check", "--today", "2026-11-26", "content/ok.md"
    )
    assert (result.code, result.out) == (0, "All checks passed: 1 file(s), no findings.\n")


def test_text_has_no_color_in_a_pipe_or_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_content(tmp_path)
    result = run_main(
        capsys, monkeypatch, tmp_path, "check", "--today", "2026-11-26", "-o", "out.txt"
    )
    assert result.out == ""
    written = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "\033[" not in written
    assert written.endswith("Found 2 error(s) and 1 warning(s) in 2 of 3 file(s).\n")


def test_text_paths_are_relative_with_slashes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, {"content/deep/er/g.md": "No front matter.\n"})
    result = run_main(
        capsys, monkeypatch, tmp_path / "content", "check", "--today", "2026-11-26", "deep"
    )
    assert result.out.startswith("deep/er/g.md:1:1: error frontmatter no front matter")


def test_text_control_characters_cannot_break_lines_or_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A newline in a file name, and an escape sequence in a front-matter value
    # that a message quotes: each finding stays one line, and no raw escape
    # reaches the terminal.
    write_tree(
        tmp_path,
        {
            "content/two\nlines.md": "No front matter.\n",
            "content/ok.md": '---\ntitle: Fine title here\nrelated: ["x\\e[31m"]\n---\n\nBody.\n',
        },
    )
    rules = ("--select", "frontmatter", "--select", "related-link")
    result = run_main(capsys, monkeypatch, tmp_path, "check", "--today", "2026-11-26", *rules, "-q")
    lines = result.out.splitlines()
    assert lines == [
        "content/ok.md:3:11: error related-link related guide 'x\\x1b[31m' does not exist "
        "under the content root",
        '"content/two\\nlines.md":1:1: error frontmatter no front matter: a guide starts '
        "with a '---' line, YAML, and another '---' line",
    ]
    assert "\x1b" not in result.out


def test_text_color_on_a_terminal_shows_the_same_text() -> None:
    """Colour adds styles and a docs link to the rule name, never other text."""
    result = LintResult(
        (
            Diagnostic("a.md", 1, 2, "stat-source", "error", "no source"),
            Diagnostic("b.md", 3, 4, "stale-guide", "warning", "stale"),
        ),
        files=2,
    )
    today = dt.date(2026, 11, 26)
    plain = render(result, FormatInfo(today))
    colored = render(result, FormatInfo(today, color=True, docs_url=DOCS))
    link = f"\033]8;;{docs_url('stat-source', DOCS)}\033\\"
    assert colored.splitlines()[0] == (
        f"\033[1ma.md:1:2:\033[0m \033[31merror\033[0m "
        f"{link}\033[2mstat-source\033[0m\033]8;;\033\\ no source"
    )
    assert "\033[33mwarning\033[0m" in colored
    unlinked = re.sub("\033]8;;[^\033]*\033\\\\", "", colored)
    assert click.unstyle(unlinked) == plain
