"""Golden test: ``guidelint check --format github`` (workflow commands)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.golden import make_content
from tests.util import run_main, write_tree


def test_github_golden(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_content(tmp_path)
    result = run_main(
        capsys, monkeypatch, tmp_path, "check", "--today", "2026-11-26", "--format", "github"
    )
    assert result.code == 1
    assert result.out == textwrap.dedent(
        """\
        ::group::content/pm-vs-pmm.md
        ::error file=content/pm-vs-pmm.md,line=9,col=45,endLine=9,endColumn=48,title=guidelint stat-source::statistic '92%25' has no source in its sentence: cite it with [^id] (a footnote or a 'sources' entry), a link, or '(Source: ...)'
        ::warning file=content/pm-vs-pmm.md,line=11,col=1,title=guidelint unused-suppression::suppression of stat-source silences nothing; remove it
        ::endgroup::
        ::group::content/stale.md
        ::error file=content/stale.md,line=5,col=1,title=guidelint stale-guide::stale: updated 2025-01 plus the 12mo window was due 2026-01-01, 329 days ago; update the content and 'updated', or record a review with 'guidelint review'
        ::endgroup::
        """
    )


def test_github_is_the_default_under_github_actions(
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
        "content/stale.md",
        env={"GITHUB_ACTIONS": "true"},
    )
    assert result.out.startswith("::group::content/stale.md\n::error file=content/stale.md,")


def test_github_escapes_property_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, {"content/q,a: 100%.md": "No front matter.\n"})
    result = run_main(
        capsys, monkeypatch, tmp_path, "check", "--today", "2026-11-26", "--format", "github"
    )
    assert (
        "file=content/q%2Ca%3A 100%25.md,line=1,col=1,title=guidelint frontmatter::" in result.out
    )
    assert result.out.startswith("::group::content/q,a: 100%25.md\n")


def test_github_no_findings_prints_nothing(
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
        "--format",
        "github",
        "content/ok.md",
    )
    assert (result.code, result.out) == (0, "")
