"""``check --staged``: guides pointing at what a staged change removed are checked too."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import guide
from tests.gitrepo import GitRepo
from tests.util import run_main

pytestmark = pytest.mark.integration

HELPER = guide("A helper guide.\n").replace("slug: pm-vs-pmm", "slug: helper")
CLEAN = guide("Loops differ: see [the helper](helper.md).\n", extra="related: [helper]\n").replace(
    "slug: pm-vs-pmm", "slug: clean"
)
# Mentions the helper only in prose: its own (unrelated) findings are not this commit's.
PROSE = guide("The helper guide: 92% agree.\n").replace("slug: pm-vs-pmm", "slug: prose")
RELATED = "content/clean.md:7:11: error related-link related guide 'helper'"
LINK = "content/clean.md:10:19: error related-link link to 'helper.md'"


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "site")
    repo.commit({"content/helper.md": HELPER, "content/clean.md": CLEAN, "content/prose.md": PROSE})
    return repo


def _check(
    repo: GitRepo,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
) -> tuple[int, str]:
    day = ("--today", "2026-11-26")
    result = run_main(capsys, monkeypatch, repo.root, "check", *day, "--staged", *args)
    return result.code, result.out + result.err


def test_deleted_guide(
    repo: GitRepo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.git("rm", "-q", "content/helper.md")
    code, out = _check(repo, capsys, monkeypatch, "--content-only")
    assert code == 1 and RELATED in out and LINK in out
    assert "prose.md" not in out and "stat-source" not in out


def test_changed_slug(
    repo: GitRepo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.write({"content/helper.md": HELPER.replace("slug: helper", "slug: 'helper-2'")})
    repo.git("add", "content/helper.md")
    code, out = _check(repo, capsys, monkeypatch, "content/helper.md")
    assert code == 1 and RELATED in out and LINK not in out


def test_renamed_file(
    repo: GitRepo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.git("mv", "content/helper.md", "content/helper-2.md")
    code, out = _check(repo, capsys, monkeypatch)  # no paths: the staged guides
    assert code == 1 and LINK in out and RELATED not in out


def test_unrelated_change_checks_only_the_staged_guide(
    repo: GitRepo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.write({"content/helper.md": HELPER.replace("A helper", "The helper")})
    repo.git("add", "content/helper.md")
    assert _check(repo, capsys, monkeypatch) == (0, "All checks passed: 1 file(s), no findings.\n")
    repo.git("commit", "-q", "-m", "edit")
    assert _check(repo, capsys, monkeypatch, "--content-only") == (
        0,
        "All checks passed: 0 file(s), no findings.\n",
    )


def test_ignored_rule_skips_the_referrers(
    repo: GitRepo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.git("rm", "-q", "content/helper.md")
    assert _check(repo, capsys, monkeypatch, "--ignore", "related-link")[0] == 0


def test_staged_fact_change_is_compared_with_head(
    repo: GitRepo, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.write({"content/prose.md": PROSE.replace("92%", "95%")})
    repo.git("add", "content/prose.md")
    code, out = _check(repo, capsys, monkeypatch, "--select", "updated-not-bumped")
    assert code == 1
    assert out.startswith(
        "content/prose.md:5:1: error updated-not-bumped facts changed since HEAD "
        "(statistic changed from '92%' to '95%')"
    )
    # Dated after the commit compared with (COMMIT_DAY): the change is dated.
    dated = PROSE.replace("92%", "95%").replace("updated: 2026-06", "updated: 2026-11-21")
    repo.commit({"content/prose.md": PROSE.replace("updated: 2026-06", "updated: 2026-11-21")})
    repo.write({"content/prose.md": dated})
    repo.git("add", "content/prose.md")
    assert _check(repo, capsys, monkeypatch, "--select", "updated-not-bumped")[0] == 0
