"""Earlier versions of guides, read from git, for rules that compare.

Under pre-commit the file on disk is the staged content and the earlier
version is HEAD's; in CI, ``--diff-base REV`` compares with the merge base of
REV and HEAD (what ``git diff REV...HEAD`` compares with).  All files are read
through one ``git cat-file --batch`` process, so a commit of many guides
costs three git processes, not one per file.  Outside a git work tree, or
without git, there is no history and nothing is compared.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from guidelint.errors import UsageError


def _git(args: Sequence[str], cwd: Path, data: bytes | None = None) -> bytes | None:
    """Run git; its stdout, or ``None`` when git is missing or fails."""
    try:
        import subprocess  # imported only when git is really asked

        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=data,
            capture_output=True,
            check=False,
        )
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def _maybe_in_git(folder: Path) -> bool:
    """False only when surely outside a work tree: no .git above and no GIT_DIR."""
    if os.environ.get("GIT_DIR") or os.environ.get("GIT_WORK_TREE"):
        return True
    absolute = folder.absolute()
    return any((parent / ".git").exists() for parent in (absolute, *absolute.parents))


def _locate(cwd: Path, files: Sequence[Path]) -> tuple[Path, str | None] | None:
    """The work tree's top folder and HEAD's commit (None before the first commit)."""
    # The current directory first: git hooks may export a relative GIT_DIR
    # that only makes sense from where the hook was started.
    candidates = [cwd]
    if files:
        common = Path(os.path.commonpath([str(f.absolute()) for f in files]))
        candidates.append(common if common.is_dir() else common.parent)
    for folder in candidates:
        if not _maybe_in_git(folder):
            continue  # spawning git costs milliseconds; a missing .git answers for free
        # One process answers both questions in the common case.
        out = _git(["rev-parse", "--show-toplevel", "HEAD^{commit}"], folder)
        if out:
            top, head = out.decode("utf-8", errors="surrogateescape").splitlines()[:2]
            return Path(top), head
        out = _git(["rev-parse", "--show-toplevel"], folder)
        if out:  # a repository without commits: every file is new
            return Path(out.decode("utf-8", errors="surrogateescape").strip()), None
    return None


def _merge_base(base: str, top: Path) -> str:
    """The merge base of ``base`` and HEAD, or ``base`` itself when they share none."""
    merge_base = _git(["merge-base", base, "HEAD"], top)
    if merge_base:
        return merge_base.decode().strip()
    commit = _git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], top)
    if commit is None:
        raise UsageError(f"--diff-base: '{base}' is not a commit in {top}")
    return commit.decode().strip()


def previous_versions(files: Sequence[Path], base: str | None, cwd: Path) -> dict[Path, bytes]:
    """``{file: its bytes at the compared commit}``.

    Files that did not exist there (new files), files outside the work tree,
    and everything when there is no work tree, are simply absent.
    """
    located = _locate(cwd, files)
    if located is None:
        if base is not None:
            raise UsageError("--diff-base needs a git repository")
        return {}
    top, head = located
    commit = head if base is None else _merge_base(base, top)
    if commit is None or not files:
        return {}
    names: dict[Path, str] = {}
    real_top = top.resolve()
    for file in files:
        try:
            name = (cwd / file).resolve().relative_to(real_top).as_posix()
        except (ValueError, OSError, RuntimeError):
            continue
        if "\n" not in name:  # the batch protocol is line-based
            names[file] = name
    # Only files that differ from the commit can have changed facts; asking
    # git for the list first keeps a check of a large corpus cheap.
    changed = _git(["diff", "--name-only", "--no-renames", "-z", commit], top)
    if changed is not None:
        differ = set(changed.decode("utf-8", errors="surrogateescape").split("\0"))
        names = {file: name for file, name in names.items() if name in differ}
    request = "".join(f"{commit}:{name}\n" for name in names.values()).encode(
        "utf-8", errors="surrogateescape"
    )
    out = _git(["cat-file", "--batch"], top, request) if names else None
    if out is None:
        return {}
    return _parse_batch(out, list(names))


def _parse_batch(out: bytes, files: list[Path]) -> dict[Path, bytes]:
    """Read ``git cat-file --batch`` answers, one per requested file, in order."""
    found: dict[Path, bytes] = {}
    position = 0
    for file in files:
        end = out.index(b"\n", position)
        line = out[position:end]
        position = end + 1
        if line.endswith((b" missing", b" ambiguous")):  # a new file
            continue
        header = line.split()
        size = int(header[2])
        if header[1] == b"blob":
            found[file] = out[position : position + size]
        position += size + 1  # the content and its trailing newline
    return found
