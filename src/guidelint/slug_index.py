"""The slug of every guide under the content root, read as cheaply as possible.

Cross-guide rules (``related-link``, ``duplicate-slug``) need every slug even
when pre-commit passes one staged file, but parsing ten thousand front
matters would cost seconds on every commit.  So the slugs are cached in
``<cache_dir>/slugs-*.json``, keyed by each file's size and modification time;
a warm run only lists the folder and reads the files that changed.

The cache is an optimisation only: it is written atomically (a reader sees
the old or the new file, never half of one), several guidelint processes may
write it at once (the last complete write wins, and every write is correct),
and any cache that cannot be read or written is simply ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from stat import S_ISREG

import yaml

from guidelint.config import Config

CACHE_VERSION = 1
# A file modified this recently may be modified again within the same mtime
# tick without its size changing; such entries are not cached ("racy git").
RACY_SECONDS = 2.0


def front_matter_slug(data: bytes, slug_keys: Sequence[str]) -> str | None:
    """The slug in a file's front matter, or ``None``; never raises on bad input."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data.startswith((b"---\n", b"---\r")):
        return None
    text = data.decode("utf-8", errors="replace")
    lines = text.splitlines()
    closing = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() in ("---", "...")), 0)
    if not closing:
        return None
    try:
        meta = yaml.load("\n".join(lines[1:closing]), Loader=yaml.CSafeLoader)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    if not isinstance(meta, dict):
        return None
    for key in slug_keys:
        value = meta.get(key)
        if isinstance(value, str):
            return value
    return None


def _read_head(path: str, limit: int) -> bytes | None:
    """The file's bytes up to the end of its front matter (or all of it)."""
    try:
        if not S_ISREG(os.stat(path).st_mode):
            return None  # a pipe or a device: opening it could block forever
        with open(path, "rb") as handle:
            head = handle.read(65536)
            if b"\n---" in head[3:] or b"\n..." in head[3:] or len(head) < 65536:
                return head
            return head + handle.read(max(0, limit - len(head)))
    except OSError:
        return None


def _scan(root: str, config: Config) -> Iterator[tuple[str, os.stat_result]]:
    """(path, stat) of every guide file under ``root``, like ``engine._walk``.

    Symlinks are followed for the stat (the guide is what they point at).
    """
    from guidelint.engine import is_guide_name

    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if not entry.name.startswith("."):
                        stack.append(entry.path)
                elif is_guide_name(entry.name):
                    if config.exclude and config.is_excluded(Path(entry.path)):
                        continue
                    yield entry.path, entry.stat()
            except OSError:
                continue


def _cache_file(config: Config, root: str, slug_keys: Sequence[str]) -> Path | None:
    if config.cache_dir is None:
        return None
    key = hashlib.sha256(json.dumps([root, list(slug_keys)]).encode()).hexdigest()[:16]
    return config.cache_dir / f"slugs-v{CACHE_VERSION}-{key}.json"


def _load_cache(path: Path | None) -> dict[str, list[object]]:
    if path is None:
        return {}
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    return files if isinstance(files, dict) else {}


def _save_cache(path: Path, files: dict[str, list[object]]) -> None:
    from guidelint.fileio import atomic_write

    with contextlib.suppress(OSError):
        folder = path.parent
        if not folder.is_dir():
            folder.mkdir(parents=True, exist_ok=True)
            # Like ruff's cache: never committed by accident.
            (folder / ".gitignore").write_text("# Created by guidelint.\n*\n", encoding="utf-8")
        payload = json.dumps({"version": CACHE_VERSION, "files": files}, separators=(",", ":"))
        atomic_write(path, payload.encode("utf-8"))


def root_slugs(root: Path, config: Config) -> dict[str, tuple[str, str | None]]:
    """Real path -> (walked path, slug or ``None``) of every guide under ``root``, cached."""
    slug_keys = ("slug", *config.keys.get("slug", ()))
    # Walk the root as named (display paths must match the checked files'),
    # but key the cache on where it really is.
    root_text = os.path.abspath(root)
    cache_path = _cache_file(config, os.path.realpath(root), slug_keys)
    cached = _load_cache(cache_path)
    fresh: dict[str, list[object]] = {}
    result: dict[str, str | None] = {}
    changed = False
    racy_after = (time.time() - RACY_SECONDS) * 1e9
    for path, stat in _scan(root_text, config):
        rel = path[len(root_text) + 1 :]
        entry = cached.get(rel)
        if (
            isinstance(entry, list)
            and len(entry) == 3
            and entry[0] == stat.st_size
            and entry[1] == stat.st_mtime_ns
        ):
            slug = entry[2] if isinstance(entry[2], str) else None
        else:
            changed = True
            slug = None
            if stat.st_size <= config.max_file_size:
                data = _read_head(path, config.max_file_size)
                slug = front_matter_slug(data, slug_keys) if data is not None else None
        if stat.st_mtime_ns < racy_after:
            fresh[rel] = [stat.st_size, stat.st_mtime_ns, slug]
        result[path] = slug
    if cache_path is not None and (changed or len(fresh) != len(cached)):
        _save_cache(cache_path, fresh)
    # Key by real path (a symlinked guide is the guide it points at), but keep
    # the walked path for display.
    return {_real(path): (path, slug) for path, slug in result.items()}


def _real(path: str) -> str:
    """``realpath`` only where needed: it costs a syscall per path component."""
    return os.path.realpath(path) if os.path.islink(path) else path


def collect_slugs(
    roots: Sequence[Path], extra: Sequence[Path], config: Config, cwd: Path
) -> dict[str, tuple[str, ...]]:
    """slug -> display paths, over every guide under ``roots`` plus ``extra`` files."""
    from guidelint.engine import display_path

    slug_keys = ("slug", *config.keys.get("slug", ()))
    by_path: dict[str, tuple[str, str | None]] = {}
    for root in roots:
        by_path.update(root_slugs(root, config))
    for path in extra:
        real = os.path.realpath(path)
        if real not in by_path:
            data = _read_head(real, config.max_file_size)
            slug = front_matter_slug(data, slug_keys) if data is not None else None
            by_path[real] = (str(path), slug)
    # Display paths are relative to cwd; compute the prefix once, not per file.
    cwd_real = os.path.abspath(cwd)
    slugs: dict[str, list[str]] = {}
    for walked, slug in by_path.values():
        if slug is None:
            continue
        if walked.startswith(cwd_real + os.sep):
            shown = walked[len(cwd_real) + 1 :].replace(os.sep, "/")
        else:
            shown = display_path(Path(walked), cwd)
        slugs.setdefault(slug, []).append(shown)
    return {slug: tuple(sorted(paths)) for slug, paths in slugs.items()}
