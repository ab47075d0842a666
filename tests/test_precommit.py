"""The real ``pre-commit`` program runs this repository's hooks on a content repo.

A temporary git repository with guides gets a ``.pre-commit-config.yaml``
that names this checkout by path and its HEAD commit as ``rev`` and nothing
else, exactly as a content repository would.  pre-commit clones that commit
and pip-installs it into a hook environment (once per test session, under a
private PRE_COMMIT_HOME), so these tests exercise the *committed* code:
commit before running them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.conftest import guide
from tests.gitrepo import GIT_ENV, GitRepo

pytestmark = pytest.mark.integration

CHECKOUT = Path(__file__).resolve().parent.parent
PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or "pre-commit"
TODAY = "2026-11-26"

UNSOURCED = guide("## Promotions\n\nAbout 92% of PMMs reach senior within five years.\n")
CLEAN = guide("Loops differ by company.\n", extra="related: [helper]\n").replace(
    "slug: pm-vs-pmm", "slug: clean"
)
HELPER = guide("A helper guide.\n").replace("slug: pm-vs-pmm", "slug: helper")
OTHER = guide("Nobody links here.\n").replace("slug: pm-vs-pmm", "slug: other")


def _head(repo: Path) -> str:
    done = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@pytest.fixture(scope="session")
def pre_commit_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Environment for pre-commit and git: a private hook cache, fixed today and identity."""
    env = {**os.environ, **GIT_ENV}
    for name in ("GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GITHUB_ACTIONS", "CI"):
        env.pop(name, None)
    env.update(
        PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")),
        GUIDELINT_TODAY=TODAY,
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        NO_COLOR="1",
    )
    yield env


@pytest.fixture
def site(tmp_path: Path, pre_commit_env: dict[str, str]) -> GitRepo:
    """A content repository using the hooks with nothing but repo and rev."""
    config = {
        "repos": [
            {
                "repo": str(CHECKOUT),
                "rev": _head(CHECKOUT),
                "hooks": [{"id": "guidelint"}, {"id": "guidelint-freshness"}],
            }
        ]
    }
    repo = GitRepo(tmp_path / "site")
    repo.commit(
        {".pre-commit-config.yaml": yaml.safe_dump(config), "README.md": "# Our guides\n"},
        "set up pre-commit",
    )
    # Builds the hook environment (clone + pip install) on the session's first use.
    installed = _run(repo, pre_commit_env, PRE_COMMIT, "install", "--install-hooks")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return repo


def _run(repo: GitRepo, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args), cwd=repo.root, env=env, capture_output=True, text=True, check=False
    )


def _commit(repo: GitRepo, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``git commit`` with the installed hook, as an editor would."""
    return _run(repo, env, "git", "commit", "-m", "edit guides")


def test_precommit_hooks_on_a_content_repository(
    site: GitRepo, pre_commit_env: dict[str, str]
) -> None:
    started = time.monotonic()
    # A broken guide the editor is not committing: neither staged nor tracked.
    site.write({"content/unrelated-broken.md": UNSOURCED.replace("pm-vs-pmm", "broken")})

    # 1. A staged guide with an unsourced statistic blocks the commit.
    site.write({"content/bad.md": UNSOURCED})
    site.git("add", "content/bad.md")
    blocked = _commit(site, pre_commit_env)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "content/bad.md:11:7: error stat-source statistic '92%'" in output
    assert "unrelated-broken" not in output
    assert site.git("rev-list", "--count", "HEAD").strip() == "1"  # nothing committed
    assert "guidelint-freshness" not in output  # a manual-stage hook

    # 2. A clean staged guide passes, though its `related` slug exists only in
    #    a guide that is not staged, and the broken unstaged guide is still there.
    site.git("rm", "-q", "--cached", "content/bad.md")
    site.write({"content/clean.md": CLEAN, "content/helper.md": HELPER})
    site.git("add", "content/clean.md")
    passed = _commit(site, pre_commit_env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"^guidelint\.+Passed$", passed.stdout + passed.stderr, re.M)
    assert site.git("log", "-1", "--format=%s").strip() == "edit guides"
    assert site.git("show", "--name-only", "--format=", "HEAD").split() == ["content/clean.md"]

    # 3. A README among the staged Markdown files is not a guide.
    site.write({"README.md": "# Our guides\n\nNow with 92% more guides.\n"})
    site.git("add", "README.md")
    assert _commit(site, pre_commit_env).returncode == 0

    # 4. The freshness hook checks the whole content root, on demand.
    fresh = _run(
        site, pre_commit_env, PRE_COMMIT, "run", "--hook-stage", "manual", "guidelint-freshness"
    )
    assert fresh.returncode == 0, fresh.stdout
    later = {**pre_commit_env, "GUIDELINT_TODAY": "2028-01-15"}
    stale = _run(site, later, PRE_COMMIT, "run", "--hook-stage", "manual", "guidelint-freshness")
    assert stale.returncode == 1, stale.stdout
    for name in ("bad", "clean", "helper", "unrelated-broken"):
        assert f"content/{name}.md:5:1: error stale-guide" in stale.stdout
    assert "stat-source" not in stale.stdout
    print(f"pre-commit {_version(pre_commit_env)}: {time.monotonic() - started:.1f}s")


def test_precommit_hook_notices_what_a_staged_change_breaks_elsewhere(
    site: GitRepo, pre_commit_env: dict[str, str]
) -> None:
    linked = CLEAN.replace("Loops differ by company.", "Loops differ: see [the helper](helper.md).")
    site.commit(
        {"content/clean.md": linked, "content/helper.md": HELPER, "content/other.md": OTHER},
        "add guides",
    )
    # 1. Deleting a guide others point at: pre-commit names no file, the hook still runs.
    site.git("rm", "-q", "content/helper.md")
    deleted = _commit(site, pre_commit_env)
    output = deleted.stdout + deleted.stderr
    assert deleted.returncode != 0, output
    assert "content/clean.md:7:11: error related-link related guide 'helper'" in output
    assert "content/clean.md:10:19: error related-link link to 'helper.md'" in output
    site.git("reset", "-q", "--hard")
    # 2. Changing a slug others use: the guides using it are checked too.
    site.write({"content/helper.md": HELPER.replace("slug: helper", "slug: helper-guide")})
    site.git("add", "content/helper.md")
    renamed = _commit(site, pre_commit_env)
    output = renamed.stdout + renamed.stderr
    assert renamed.returncode != 0, output
    assert "content/clean.md:7:11: error related-link related guide 'helper'" in output
    site.git("reset", "-q", "--hard")
    # 3. Renaming the file breaks the link; the slug, kept, still resolves.
    site.git("mv", "content/helper.md", "content/helper-guide.md")
    moved = _commit(site, pre_commit_env)
    output = moved.stdout + moved.stderr
    assert moved.returncode != 0, output
    assert "content/clean.md:10:19: error related-link link to 'helper.md'" in output
    assert "related guide" not in output
    site.git("reset", "-q", "--hard")
    # 4. Deleting a guide nobody points at passes.
    site.git("rm", "-q", "content/other.md")
    alone = _commit(site, pre_commit_env)
    assert alone.returncode == 0, alone.stdout + alone.stderr
    assert re.search(r"^guidelint\.+Passed$", alone.stdout + alone.stderr, re.M)


def _version(env: dict[str, str]) -> str:
    done = subprocess.run([PRE_COMMIT, "--version"], env=env, capture_output=True, text=True)
    return done.stdout.split()[-1]


def test_project_pre_commit_files_are_valid(pre_commit_env: dict[str, str]) -> None:
    for command, name in (
        ("validate-manifest", ".pre-commit-hooks.yaml"),
        ("validate-config", ".pre-commit-config.yaml"),
    ):
        done = subprocess.run(
            [PRE_COMMIT, command, name],
            cwd=CHECKOUT,
            env=pre_commit_env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    own = yaml.safe_load((CHECKOUT / ".pre-commit-config.yaml").read_text("utf-8"))
    [hook] = own["repos"][0]["hooks"]
    assert hook["entry"].startswith("guidelint check") and hook["files"] == "^content/"
