"""A real git repository in a temporary folder, for tests that need history."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

# A fixed identity and no user or system config: the tests behave the same
# on a developer's machine and on a fresh CI box.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Guide Editor",
    "GIT_AUTHOR_EMAIL": "editor@example.invalid",
    "GIT_COMMITTER_NAME": "Guide Editor",
    "GIT_COMMITTER_EMAIL": "editor@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    # Commits are made on a fixed day (before the tests' TODAY), not on the real one.
    "GIT_AUTHOR_DATE": "2026-11-20T12:00:00+00:00",
    "GIT_COMMITTER_DATE": "2026-11-20T12:00:00+00:00",
}
COMMIT_DAY = "2026-11-20"


class GitRepo:
    """``git`` commands in ``root``; files written as UTF-8 text."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        """Run git in the repository; its stdout (fails the test on an error)."""
        env = {**os.environ, **GIT_ENV}
        for name in ("GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE"):
            env.pop(name, None)  # a surrounding hook's repository is not this one
        done = subprocess.run(
            ["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
        return done.stdout

    def write(self, files: Mapping[str, str]) -> None:
        """Write ``{relative path: text}``."""
        for name, text in files.items():
            path = self.root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")

    def commit(self, files: Mapping[str, str], message: str = "edit") -> str:
        """Write, stage and commit ``files``; the new commit's id."""
        self.write(files)
        self.git("add", "--", *files)
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD").strip()
