"""updated-not-bumped: facts changed since the compared commit, dates did not move.

Every test builds a real git repository: the rule reads history through git.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guidelint.config import build_config
from guidelint.diagnostic import Diagnostic
from guidelint.engine import RunOptions, lint
from tests.conftest import TODAY, guide
from tests.gitrepo import COMMIT_DAY, GitRepo
from tests.util import run_main

pytestmark = pytest.mark.integration

NAME = "updated-not-bumped"
SOURCES = """\
salary_as_of: 2026-06
sources:
  - id: survey
    title: PMM loop survey (example)
"""
BODY = """\
# PMM loops

Most PMM loops have four rounds; 60% include a positioning exercise[^survey].
Base salary for a senior PMM is around $180,000 in the survey's sample[^survey].

## The positioning gotcha

How would you position a product with no clear rival?

### Strong answer

Name the status quo as the competitor and show why staying put costs more.

### Weak answer

Say there is no competition, so positioning does not matter.
"""
ORIGINAL = guide(BODY, extra=SOURCES)


def _lint(root: Path, diff_base: str | None = None) -> list[Diagnostic]:
    cfg = build_config({}, root, "test")
    options = RunOptions(today=TODAY, select=frozenset({NAME}), diff_base=diff_base)
    return list(lint([root / "content"], cfg, options, cwd=root).diagnostics)


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """A repository whose last commit holds content/loops.md as ORIGINAL."""
    repo = GitRepo(tmp_path / "repo")
    repo.commit({"content/loops.md": ORIGINAL}, "add the guide")
    return repo


def _edit(repo: GitRepo, old: str, new: str, text: str = ORIGINAL) -> None:
    assert old in text
    repo.write({"content/loops.md": text.replace(old, new)})


@pytest.mark.parametrize(
    ("old", "new", "change"),
    [
        ("60%", "70%", "statistic changed from '60%' to '70%'"),
        ("; 60% include a positioning exercise[^survey].", ".", "statistic '60%' removed"),
        ("four rounds;", "four rounds, 3x more than PM loops[^survey];", "statistic '3x' added"),
        ("    title: PMM loop survey (example)\n", "    title: PMM loop survey 2026\n", "source"),
        ("staying put costs more", "the buyer already pays for a workaround", "gotcha answer"),
        (
            "### Weak answer\n\nSay there is no competition, so positioning does not matter.\n",
            "",
            "a gotcha answer removed",
        ),
        ("## The positioning gotcha\n", "## Positioning\n", "a gotcha removed"),
    ],
)
def test_fact_change_without_bump_is_reported_at_updated(
    repo: GitRepo, old: str, new: str, change: str
) -> None:
    _edit(repo, old, new)
    [finding] = _lint(repo.root)
    assert (finding.path, finding.line, finding.column) == ("content/loops.md", 5, 1)
    assert finding.rule == NAME and finding.severity == "error"
    assert change in finding.message
    assert "since HEAD" in finding.message and "'updated' is still 2026-06" in finding.message


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Most PMM loops have", "Most PMM loops hav"),  # a typo
        ("Most PMM loops have four rounds", "Four rounds is typical for a PMM loop"),  # reworded
        ("Name the status quo", "Name the status-quo"),  # a small edit inside an answer
        ("# PMM loops\n", "# PMM loops\n\nA new introductory paragraph, with no figures.\n"),
        ("four rounds", "five rounds"),  # a count is not a statistic
        ("How would you position", "How do you position"),  # the question is prose
    ],
)
def test_prose_only_edit_needs_no_bump(repo: GitRepo, old: str, new: str) -> None:
    _edit(repo, old, new)
    assert _lint(repo.root) == []


def test_bumped_updated_passes(repo: GitRepo) -> None:
    _edit(repo, "60%", "70%", ORIGINAL.replace("updated: 2026-06", "updated: 2026-11-20"))
    assert _lint(repo.root) == []


@pytest.mark.parametrize(
    "updated",
    [
        "2026-11-26",  # today: an editor cannot set a later day
        "2026-11",  # this month
        "2026-11-23",  # after the compared commit (made on COMMIT_DAY): it already moved
    ],
)
def test_updated_already_dating_the_change_passes(repo: GitRepo, updated: str) -> None:
    dated = ORIGINAL.replace("updated: 2026-06", f"updated: {updated}")
    repo.commit({"content/loops.md": dated})
    _edit(repo, "60%", "70%", dated)
    assert _lint(repo.root) == []


def test_updated_on_the_compared_commits_day_is_not_enough(repo: GitRepo) -> None:
    dated = ORIGINAL.replace("updated: 2026-06", f"updated: {COMMIT_DAY}")
    repo.commit({"content/loops.md": dated})
    _edit(repo, "60%", "70%", dated)
    [finding] = _lint(repo.root)
    assert f"'updated' is still {COMMIT_DAY}" in finding.message


def test_salary_change_needs_salary_as_of_too(repo: GitRepo) -> None:
    bumped = ORIGINAL.replace("updated: 2026-06", "updated: 2026-11-20")
    _edit(repo, "$180,000", "$195,000", bumped)
    [finding] = _lint(repo.root)
    assert (finding.line, finding.column) == (7, 1)  # the salary_as_of key
    assert (
        "salary figures changed since HEAD (figure changed from '$180,000' to '$195,000')"
        in finding.message
    )
    _edit(
        repo,
        "$180,000",
        "$195,000",
        bumped.replace("salary_as_of: 2026-06", "salary_as_of: 2026-11"),
    )
    assert _lint(repo.root) == []


def test_salary_change_without_any_bump_reports_both(repo: GitRepo) -> None:
    _edit(repo, "$180,000", "$195,000")
    assert [d.line for d in _lint(repo.root)] == [5, 7]


def test_staged_change_is_compared_with_head(repo: GitRepo) -> None:
    _edit(repo, "60%", "70%")
    repo.git("add", "content/loops.md")
    assert len(_lint(repo.root)) == 1


def test_committed_change_is_clean_against_head_but_not_against_the_base(repo: GitRepo) -> None:
    repo.git("checkout", "-q", "-b", "topic")
    repo.commit({"content/loops.md": ORIGINAL.replace("60%", "70%")})
    assert _lint(repo.root) == []
    [finding] = _lint(repo.root, diff_base="main")
    assert "since main" in finding.message


def test_diff_base_uses_the_merge_base(repo: GitRepo) -> None:
    repo.git("checkout", "-q", "-b", "topic")
    repo.git("checkout", "-q", "main")
    # main moves on (its own, properly bumped, change); the topic branch did nothing.
    repo.commit(
        {"content/loops.md": ORIGINAL.replace("60%", "65%").replace("2026-06\n", "2026-11\n", 1)}
    )
    repo.git("checkout", "-q", "topic")
    assert _lint(repo.root, diff_base="main") == []


def test_new_file_is_silent(repo: GitRepo) -> None:
    repo.write({"content/other.md": ORIGINAL.replace("pm-vs-pmm", "other")})
    repo.git("add", "content/other.md")
    assert _lint(repo.root) == []


def test_repository_without_commits_is_silent(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "fresh")
    repo.write({"content/loops.md": ORIGINAL})
    assert _lint(repo.root) == []


def test_outside_git_is_silent(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "loops.md").write_text(ORIGINAL, encoding="utf-8")
    assert _lint(tmp_path) == []


def test_unknown_diff_base_is_a_usage_error(
    repo: GitRepo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ("check", "--today", "2026-11-26", "--diff-base", "nope", "content")
    result = run_main(capsys, monkeypatch, repo.root, *args)
    assert result.code == 2
    assert "--diff-base: 'nope' is not a commit" in result.err


def test_cli_diff_base_reports(repo: GitRepo, run_cli) -> None:  # type: ignore[no-untyped-def]
    repo.git("checkout", "-q", "-b", "topic")
    repo.commit({"content/loops.md": ORIGINAL.replace("60%", "70%")})
    args = ("check", "--today", "2026-11-26", "--select", NAME, "content")
    assert run_cli(*args, cwd=repo.root).code == 0
    result = run_cli(*args, "--diff-base", "main", cwd=repo.root)
    assert result.code == 1
    assert result.stdout.startswith("content/loops.md:5:1: error updated-not-bumped facts changed")
