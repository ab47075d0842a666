"""Golden test: ``guidelint check --format text`` on the fixed content folder."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import textwrap
from pathlib import Path

import click
import pytest

from guidelint.cli import main
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


SOURCE = {("content/a.md", 3): "Most PMs, 92% of them, agree.", ("content/a.md", 4): "\tx"}


def _full(*found: Diagnostic) -> str:
    info = FormatInfo(today=dt.date(2026, 11, 26), source_line=lambda p, n: SOURCE.get((p, n), ""))
    return render(LintResult(found, 1), info)


def test_text_full_shows_the_line_and_underlines_the_span() -> None:
    stat = Diagnostic("content/a.md", 3, 11, "stat-source", "error", "uncited", 3, 14)
    assert _full(stat) == textwrap.dedent(
        """\
        content/a.md:3:11: error stat-source uncited
        3 | Most PMs, 92% of them, agree.
          |           ^^^

        Found 1 error(s) and 0 warning(s) in 1 of 1 file(s).
        """
    )


def test_text_full_without_an_end_marks_one_character() -> None:
    found = Diagnostic("content/a.md", 4, 2, "schema", "warning", "w")
    # The tab shows as one space, so the caret stays under column 2.
    assert _full(found).splitlines()[1:3] == ["4 |  x", "  |  ^"]


def test_text_full_cuts_a_long_line_around_the_finding() -> None:
    SOURCE[("content/a.md", 9)] = "a" * 500 + "92%" + "b" * 500
    found = Diagnostic("content/a.md", 9, 501, "stat-source", "error", "m", 9, 504)
    shown, carets = _full(found).splitlines()[1:3]
    assert len(shown) < 120 and shown.startswith("9 | ...") and shown.endswith("...")
    assert shown[carets.index("^") : carets.index("^") + 3] == "92%"


def test_check_output_format_full_and_concise(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_content(tmp_path)
    args = ("check", "--today", "2026-11-26", "content/pm-vs-pmm.md")
    full = run_main(capsys, monkeypatch, tmp_path, *args, "--output-format", "full").out
    line = (tmp_path / "content" / "pm-vs-pmm.md").read_text("utf-8").splitlines()[8]
    assert full.splitlines()[1:3] == [f"9 | {line}", "  | " + " " * 44 + "^^^"]
    concise = run_main(capsys, monkeypatch, tmp_path, *args, "--output-format", "concise").out
    assert concise == run_main(capsys, monkeypatch, tmp_path, *args).out  # a pipe: concise
    assert len(concise.splitlines()) == 3


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_full_is_the_default_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_content(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    main(["check", "--today", "2026-11-26", "content/pm-vs-pmm.md"])
    assert terminal.getvalue().splitlines()[2] == "  | " + " " * 44 + "^^^"


def test_statistics_counts_findings_per_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_content(tmp_path)
    (tmp_path / "content" / "more.md").write_text(
        (tmp_path / "content" / "stale.md").read_text("utf-8").replace("slug: ", "slug: x")
    )
    result = run_main(
        capsys, monkeypatch, tmp_path, "check", "--today", "2026-11-26", "--statistics"
    )
    assert result.code == 1
    assert result.out.splitlines()[:3] == [
        "2  stale-guide         error",
        "1  stat-source         error",
        "1  unused-suppression  warning",
    ]
    assert result.out.splitlines()[3].startswith("Found 3 error(s) and 1 warning(s)")


def test_statistics_is_text_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_content(tmp_path)
    result = run_main(capsys, monkeypatch, tmp_path, "check", "--statistics", "--format", "json")
    assert result.code == 2 and "--statistics prints a text table" in result.err
