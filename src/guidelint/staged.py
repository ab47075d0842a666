"""What a staged change does to other guides, for ``check --staged`` (the pre-commit hook).

pre-commit names the staged files that still exist: a commit that deletes or
renames a guide, or changes a slug, names nothing that shows the guides left
pointing at it.  So guidelint reads the staged change itself (one ``git
diff --cached`` with the removed lines, no file read twice), collects the
slugs and paths that went away, and finds the guides that mention them with
one ``git grep``.  Those guides are then checked for broken links too.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from guidelint.config import Config
from guidelint.history import git, locate, maybe_in_git
from guidelint.paths import is_guide_name


@dataclass(frozen=True, slots=True)
class StagedChange:
    """The staged guides and the guides pointing at what the change removed.

    Paths are relative to the current folder when inside it.
    """

    guides: list[Path] = field(default_factory=list)  # added, modified or renamed to
    referrers: list[Path] = field(default_factory=list)  # may point at a gone slug or file
    # Each modified guide (its absolute path) and its blob at HEAD: what
    # updated-not-bumped compares with, without asking git again.
    at_head: dict[str, str] = field(default_factory=dict)


def start(config: Config, cwd: Path) -> Callable[[], StagedChange]:
    """Start reading the staged change; call the result for it.

    git runs while the caller checks the named files (a pre-commit run waits
    for no extra process).
    """
    where = _where(config, cwd)
    if where is None:
        return StagedChange
    base, root, relative = where
    args = ["diff", "--cached", "-M", "-U0", "--no-color", "--no-ext-diff", "--no-abbrev"]
    args += ["--raw", "-p", "-z"]
    try:
        import subprocess

        process = subprocess.Popen(
            ["git", *args, *relative, "--diff-filter=ACDMR", "HEAD", "--", root],
            cwd=base,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        return StagedChange

    def finish() -> StagedChange:
        out = process.communicate()[0]
        if process.returncode != 0 or not out:  # no change, or no commit yet: nothing removed
            return StagedChange()
        raw, _, patch = out.partition(b"\0\0")
        slug_keys = ("slug", *config.keys.get("slug", ()))
        guides, gone_names, gone_slugs, blobs = _read_diff(raw, patch, slug_keys)
        words = gone_names | gone_slugs
        referrers = _mentioning(base, root, words) if words else []
        return StagedChange(
            [_shown(base, g, cwd) for g in guides],
            [_shown(base, r, cwd) for r in referrers],
            {os.path.join(os.path.abspath(base), name): blob for name, blob in blobs.items()},
        )

    return finish


def _where(config: Config, cwd: Path) -> tuple[Path, str, list[str]] | None:
    """(folder to run git in, the content root from there, diff options), or None.

    From the current folder when the root is inside it (pre-commit runs at
    the top): no extra git process to find the work tree's top.
    """
    if not maybe_in_git(cwd):
        return None
    root = os.path.relpath(config.content_root.resolve(), cwd.resolve())
    if not root.startswith(".."):
        return cwd, root, ["--relative"]
    located = locate(cwd, [])
    if located is None:
        return None
    root = os.path.relpath(config.content_root.resolve(), located[0].resolve())
    return None if root.startswith("..") else (located[0], root, [])


def _read_diff(
    raw: bytes, patch: bytes, slug_keys: tuple[str, ...]
) -> tuple[list[str], set[str], set[str], dict[str, str]]:
    """(staged guides, file names gone, slugs gone, {modified guide: its blob at HEAD})
    from ``--raw -p -z`` output."""
    fields = raw.decode("utf-8", "surrogateescape").split("\0")
    blocks = re.split(r"(?m)^diff --git ", patch.decode("utf-8", "surrogateescape"))[1:]
    guides: list[str] = []
    gone_names: set[str] = set()
    gone_slugs: set[str] = set()
    blobs: dict[str, str] = {}
    position = 0
    for block in blocks:
        if position + 1 >= len(fields):
            break
        header = fields[position].split(" ")
        status = header[-1][:1]
        old = fields[position + 1]
        new = fields[position + 2] if status in "RC" else old
        position += 3 if status in "RC" else 2
        if status in "ACMR" and is_guide_name(os.path.basename(new)):
            guides.append(new)
            if status == "M" and len(header) == 5:
                blobs[new] = header[2]
        if status in "DR" and is_guide_name(os.path.basename(old)):
            gone_names.add(os.path.basename(old))
        if status in "DMR":
            gone_slugs |= _removed_slugs(block, slug_keys)
    return guides, gone_names, gone_slugs, blobs


def _removed_slugs(block: str, slug_keys: tuple[str, ...]) -> set[str]:
    """Slugs on the block's removed lines that its added lines do not bring back."""
    removed: set[str] = set()
    added: set[str] = set()
    hunks = block.split("\n@@", 1)
    if len(hunks) < 2:
        return removed  # a rename with no change
    for line in hunks[1].split("\n"):
        if line[:1] in "-+":
            value = _slug_value(line[1:], slug_keys)
            if value is not None:
                (removed if line[0] == "-" else added).add(value)
    return removed - added


def _slug_value(line: str, slug_keys: tuple[str, ...]) -> str | None:
    key, colon, value = line.partition(":")
    if not colon or key.strip() not in slug_keys or line[:1].isspace():
        return None
    import yaml

    try:
        loaded = yaml.safe_load(value)
    except yaml.YAMLError:
        return None
    return loaded if isinstance(loaded, str) and loaded else None


def _mentioning(top: Path, root: str, words: set[str]) -> list[str]:
    """Tracked guides under ``root`` whose text contains any of ``words``."""
    patterns = [part for word in sorted(words) for part in ("-e", word)]
    out = git(["grep", "-l", "-z", "-F", "--no-color", *patterns, "--", root], top)
    if not out:
        return []
    names = out.decode("utf-8", "surrogateescape").split("\0")
    return [n for n in names if n and is_guide_name(os.path.basename(n))]


def _shown(top: Path, name: str, cwd: Path) -> Path:
    path = os.path.join(top, name)
    relative = os.path.relpath(path, cwd)
    return Path(path if relative.startswith("..") else relative)
