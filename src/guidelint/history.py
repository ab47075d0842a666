"""Earlier versions of guides, read from git, for rules that compare.

Under pre-commit the file on disk is the staged content and the earlier
version is HEAD's; in CI, ``--diff-base REV`` compares with the merge base of
REV and HEAD (what ``git diff REV...HEAD`` compares with).  All files are read
through one ``git cat-file --batch`` process, so a commit of many guides
costs three git processes, not one per file.  Outside a git work tree, or
without git, there is no history and nothing is compared.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from guidelint.errors import UsageError


def git(args: Sequence[str], cwd: Path, data: bytes | None = None) -> bytes | None:
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


def maybe_in_git(folder: Path) -> bool:
    """False only when surely outside a work tree: no .git above and no GIT_DIR."""
    if os.environ.get("GIT_DIR") or os.environ.get("GIT_WORK_TREE"):
        return True
    absolute = folder.absolute()
    return any((parent / ".git").exists() for parent in (absolute, *absolute.parents))


def locate(cwd: Path, files: Sequence[str]) -> tuple[Path, str | None] | None:
    """The work tree's top folder and HEAD's commit (None before the first commit)."""
    # The current directory first: git hooks may export a relative GIT_DIR
    # that only makes sense from where the hook was started.
    candidates = [cwd]
    if files:
        # The common path of all files is that of the first and the last in
        # text order (no list of every absolute path in a large run).
        first = min(os.path.abspath(os.path.join(cwd, f)) for f in files)
        last = max(os.path.abspath(os.path.join(cwd, f)) for f in files)
        common = Path(os.path.commonpath([first, last]))
        candidates.append(common if common.is_dir() else common.parent)
    for folder in candidates:
        if not maybe_in_git(folder):
            continue  # spawning git costs milliseconds; a missing .git answers for free
        # One process answers both questions in the common case.
        out = git(["rev-parse", "--show-toplevel", "HEAD^{commit}"], folder)
        if out:
            top, head = out.decode("utf-8", errors="surrogateescape").splitlines()[:2]
            return Path(top), head
        out = git(["rev-parse", "--show-toplevel"], folder)
        if out:  # a repository without commits: every file is new
            return Path(out.decode("utf-8", errors="surrogateescape").strip()), None
    return None


def _merge_base(base: str, top: Path, option: str = "--diff-base") -> str:
    """The merge base of ``base`` and HEAD, or ``base`` itself when they share none."""
    merge_base = git(["merge-base", base, "HEAD"], top)
    if merge_base:
        return merge_base.decode().strip()
    commit = git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], top)
    if commit is None:
        raise UsageError(f"{option}: '{base}' is not a commit in {top}")
    return commit.decode().strip()


class Previous(NamedTuple):
    """The compared commit's versions of the changed files, and that commit's day."""

    versions: Mapping[str, bytes] = MappingProxyType({})
    committed: dt.date | None = None  # the committer's day, in the committer's zone


def previous_state(
    files: Sequence[str], base: str | None, cwd: Path, every: bool = False
) -> Previous:
    """The compared commit's versions of the ``files`` that changed since it, and its day.

    Files that did not exist there (new files), files outside the work tree,
    files identical to the commit (nothing to compare), and everything when
    there is no work tree, are simply absent.

    ``every``: compare every file, changed on disk or not (its text is not
    the file's: a guide read from standard input).
    """
    located = locate(cwd, files)
    if located is None:
        if base is not None:
            raise UsageError("--diff-base needs a git repository")
        return Previous()
    top, head = located
    commit = head if base is None else _merge_base(base, top)
    if commit is None or not files:
        return Previous()
    # Only files that differ from the commit can have changed facts: asking
    # git for that list first keeps a check of a clean 10,000-guide tree at
    # one git call, with no per-file path arithmetic at all.
    changed = None if every else git(["diff", "--name-only", "--no-renames", "-z", commit], top)
    differ: set[str] | None = None
    if changed is not None:
        differ = set(changed.decode("utf-8", errors="surrogateescape").split("\0"))
        differ.discard("")
        if not differ:
            return Previous()
    names = _repo_names(files, cwd, top.resolve(), differ)
    if not names:
        return Previous()
    # The commit object first, in the same batch: its day costs no extra process.
    request = "".join([f"{commit}\n", *(f"{commit}:{name}\n" for name in names.values())])
    out = git(["cat-file", "--batch"], top, request.encode("utf-8", errors="surrogateescape"))
    if out is None:
        return Previous()
    found = _parse_batch(out, ["", *names])
    return Previous(found, _committer_day(found.pop("", b"")))


def previous_blobs(files: Sequence[str], at_head: dict[str, str], cwd: Path) -> Previous:
    """:func:`previous_state` against HEAD when the changed files' blobs there are known.

    ``at_head`` maps absolute paths to blob ids (from ``git diff --cached
    --raw``): one ``git cat-file`` reads them and HEAD's day, nothing else runs.
    """
    wanted = {}
    for file in files:
        blob = at_head.get(os.path.abspath(os.path.join(cwd, file)))
        if blob is not None:
            wanted[file] = blob
    if not wanted:
        return Previous()
    request = "".join(["HEAD\n", *(f"{blob}\n" for blob in wanted.values())]).encode()
    out = git(["cat-file", "--batch"], cwd, request)
    if out is None:
        return Previous()
    found = _parse_batch(out, ["", *wanted])
    return Previous(found, _committer_day(found.pop("", b"")))


def _committer_day(commit: bytes) -> dt.date | None:
    """The day of a commit object's ``committer`` line, in the committer's time zone."""
    for line in commit.split(b"\n\n", 1)[0].split(b"\n"):
        if line.startswith(b"committer "):
            try:
                seconds, zone = line.rsplit(b" ", 2)[1:]
                sign = -1 if zone.startswith(b"-") else 1
                offset = sign * (int(zone[1:3]) * 60 + int(zone[3:5]))
                moment = dt.datetime.fromtimestamp(int(seconds), dt.UTC)
                return (moment + dt.timedelta(minutes=offset)).date()
            except (ValueError, OverflowError, OSError):
                return None
    return None


def _repo_names(
    files: Sequence[str], cwd: Path, real_top: Path, wanted: set[str] | None
) -> dict[str, str]:
    """``{file: its path in the repository}``, limited to names in ``wanted`` if given.

    Folders are resolved (a checkout reached through a symbolic link is
    still the repository), each once; the file name itself is not: git
    tracks a symbolic link under its own name, not its target's.
    """
    folders: dict[str, str | None] = {}
    names: dict[str, str] = {}
    for file in files:
        folder, base = os.path.split(os.path.join(cwd, file))
        if folder not in folders:
            try:
                folders[folder] = Path(folder).resolve().relative_to(real_top).as_posix()
            except (ValueError, OSError, RuntimeError):
                folders[folder] = None  # outside the work tree
        inside = folders[folder]
        if inside is None:
            continue
        name = base if inside == "." else f"{inside}/{base}"
        if "\n" in name:  # the batch protocol is line-based
            continue
        if wanted is None or name in wanted:
            names[file] = name
    return names


def _parse_batch(out: bytes, files: list[str]) -> dict[str, bytes]:
    """Read ``git cat-file --batch`` answers, one per requested file, in order."""
    found: dict[str, bytes] = {}
    position = 0
    for file in files:
        end = out.index(b"\n", position)
        line = out[position:end]
        position = end + 1
        if line.endswith((b" missing", b" ambiguous")):  # a new file
            continue
        header = line.split()
        size = int(header[2])
        if header[1] in (b"blob", b"commit"):
            found[file] = out[position : position + size]
        position += size + 1  # the content and its trailing newline
    return found


def changed_files(files: Sequence[str], base: str, cwd: Path) -> list[str]:
    """The ``files`` that differ from the merge base of ``base`` and HEAD, or are untracked.

    What a pull request changed, committed or not; for checking only its sources.
    """
    located = locate(cwd, files)
    if located is None:
        raise UsageError("--changed-since needs a git repository")
    top = located[0]
    commit = _merge_base(base, top, "--changed-since")
    changed = git(["diff", "--name-only", "--no-renames", "-z", commit], top) or b""
    untracked = git(["ls-files", "--others", "--exclude-standard", "-z"], top) or b""
    differ = set(
        (changed + b"\0" + untracked).decode("utf-8", errors="surrogateescape").split("\0")
    )
    differ.discard("")
    names = _repo_names(files, cwd, top.resolve(), differ)
    return [file for file in files if file in names]


def committed_version(file: str, cwd: Path) -> bytes | None:
    """``file``'s bytes at HEAD, changed or not; ``None`` when it is new or outside git.

    For an editor's buffer, which differs from HEAD even when the file on
    disk does not (see :func:`previous_state` for files on disk).
    """
    located = locate(cwd, [file])
    if located is None or located[1] is None:
        return None
    top, head = located
    names = _repo_names([file], cwd, top.resolve(), None)
    if not names:
        return None
    request = f"{head}:{names[file]}\n".encode("utf-8", errors="surrogateescape")
    out = git(["cat-file", "--batch"], top, request)
    return None if out is None else _parse_batch(out, [file]).get(file)
