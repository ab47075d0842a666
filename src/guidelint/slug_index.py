"""The slug of every guide under the content root, read as cheaply as possible.

Cross-guide rules (``related-link``, ``duplicate-slug``) need every slug even
when pre-commit passes one staged file, but parsing ten thousand front
matters would cost seconds on every commit.  So the slugs are cached in
``<cache_dir>/slugs-*.json`` with each folder's modification time and each
file's size and modification time; a warm run stats the folders, re-reads
what changed, and re-checks only the files that claim the slugs it asks
about (see ``_RootIndex``).

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
from collections.abc import Mapping, Sequence
from pathlib import Path
from stat import S_ISREG
from typing import Any, NamedTuple

import guidelint
from guidelint.config import Config
from guidelint.front_matter import quick_meta
from guidelint.paths import display_path, is_guide_folder, is_guide_name, printable_path

CACHE_VERSION = 3  # 3: "_" folders hold no guides
# A file modified this recently may be modified again within the same mtime
# tick without its size changing; such entries are not cached ("racy git").
RACY_SECONDS = 2.0
# Up to this many checked files (a pre-commit run) their front matter is read
# afresh for the index; beyond it every cached entry is re-checked instead.
FEW_FILES = 64


def front_matter_slug(data: bytes, slug_keys: Sequence[str]) -> str | None:
    """The slug in a file's front matter, or ``None``; never raises on bad input."""
    meta = quick_meta(data)
    if meta is None:
        return None
    return next((meta[k] for k in slug_keys if isinstance(meta.get(k), str)), None)


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


def _cache_file(config: Config, root: str, slug_keys: Sequence[str]) -> Path | None:
    if config.cache_dir is None:
        return None
    # Everything that changes which files are guides or what their slug is.
    identity = [
        guidelint.__version__,  # a new release may read front matter differently
        root,
        list(slug_keys),
        [p.pattern for p in config.exclude],
        config.max_file_size,
    ]
    key = hashlib.sha256(json.dumps(identity).encode()).hexdigest()[:16]
    return config.cache_dir / f"slugs-v{CACHE_VERSION}-{key}.json"


class FileEntry(NamedTuple):
    """What the index knows of one guide file (a list of the same order in the cache file)."""

    size: int  # -1: the file could not be stat'ed
    mtime_ns: int  # 0: modified too recently to trust (see RACY_SECONDS)
    slug: str | None
    link: bool  # a symbolic link


class FolderEntry(NamedTuple):
    """What the index knows of one folder (a list of the same order in the cache file)."""

    mtime_ns: int  # 0: modified too recently to trust
    names: list[str]  # its guides
    subfolders: list[str]


def _file_entry(raw: object) -> FileEntry | None:
    """The cache's entry for a file, if it is well formed."""
    if isinstance(raw, list) and len(raw) == 4 and type(raw[0]) is int and type(raw[1]) is int:
        if type(raw[3]) is bool and (raw[2] is None or type(raw[2]) is str):
            return _as_file_entry(raw)  # as written: no field to convert (most entries)
        return FileEntry(raw[0], raw[1], raw[2] if isinstance(raw[2], str) else None, bool(raw[3]))
    return None


_as_file_entry = FileEntry._make


def _folder_entry(raw: object) -> FolderEntry | None:
    """The cache's entry for a folder, if it is well formed."""
    if isinstance(raw, list) and len(raw) == 3 and type(raw[0]) is int:
        names, subfolders = raw[1], raw[2]
        if isinstance(names, list) and isinstance(subfolders, list):
            return FolderEntry(raw[0], names, subfolders)
    return None


def _load_cache(path: Path | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """(folders, files) from the cache file, or two empty dicts."""
    if path is None:
        return {}, {}
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)  # no bytes copy beside the text: this file can be large
    except (OSError, ValueError, RecursionError):  # a damaged cache is no cache
        return {}, {}
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
        return {}, {}
    folders, files = data.get("folders"), data.get("files")
    if not isinstance(folders, dict) or not isinstance(files, dict):
        return {}, {}
    return folders, files


def _save_cache(path: Path, folders: dict[str, FolderEntry], files: dict[str, FileEntry]) -> None:
    from guidelint.fileio import atomic_write, ensure_cache_folder

    with contextlib.suppress(OSError):
        ensure_cache_folder(path.parent)
        payload = {"version": CACHE_VERSION, "folders": folders, "files": files}
        atomic_write(path, json.dumps(payload, separators=(",", ":")).encode("utf-8"))
        # Caches an earlier guidelint wrote in another format are never read again.
        for stale in path.parent.glob("slugs-v*-*.json"):
            if not stale.name.startswith(f"slugs-v{CACHE_VERSION}-"):
                with contextlib.suppress(OSError):
                    stale.unlink()


class _RootIndex:
    """The guides under one content root and their slugs, validated lazily.

    A folder whose modification time is unchanged has the same entries as
    when it was cached (adding, removing or renaming a file changes it), so
    its files are trusted without a ``stat`` each.  A file edited in place
    does not touch its folder, so a cached slug is re-checked (``stat``, and
    re-read if changed) before it is relied on: :meth:`verify` for the slugs
    a run asks about, :meth:`verify_all` before reporting a slug missing.
    """

    def __init__(self, root: Path, config: Config, trust_folders: bool = True) -> None:
        self.config = config
        self.slug_keys = ("slug", *config.keys.get("slug", ()))
        # Walk the root as named (display paths must match the checked
        # files'), but key the cache on where it really is.
        self.root = os.path.abspath(root)
        self.cache_path = _cache_file(config, os.path.realpath(root), self.slug_keys)
        self.old_folders, self.old_files = _load_cache(self.cache_path)
        self.folders: dict[str, FolderEntry] = {}
        self.files: dict[str, FileEntry] = {}
        self.trusted: set[str] = set()  # files taken from the cache without a stat
        self.changed = False
        self.racy_after = (time.time() - RACY_SECONDS) * 1e9
        # A large run re-checks every file anyway: it stats each one as it
        # walks instead of trusting unchanged folders and re-checking later.
        self.trust_folders = trust_folders
        self._walk("")

    def _walk(self, rel_folder: str) -> None:
        folder = os.path.join(self.root, rel_folder) if rel_folder else self.root
        try:
            mtime = os.stat(folder).st_mtime_ns
        except OSError:
            return
        cached = _folder_entry(self.old_folders.get(rel_folder))
        if cached is not None and cached.mtime_ns == mtime:
            names, subfolders = cached.names, cached.subfolders
            # os.path.join's checks cost more than the rest of this loop; a
            # name from the folder listing holds no separator.
            prefix = rel_folder + os.sep if rel_folder else ""
            for name in names:
                rel = prefix + name
                entry = _file_entry(self.old_files.get(rel)) if self.trust_folders else None
                if entry is not None and entry.mtime_ns != 0:
                    self.files[rel] = entry
                    self.trusted.add(rel)
                else:
                    self._read(rel)
        else:
            self.changed = True
            names, subfolders = [], []
            try:
                entries = list(os.scandir(folder))
            except OSError:
                return
            for item in entries:
                try:
                    if item.is_dir(follow_symlinks=False):
                        if is_guide_folder(item.name):
                            subfolders.append(item.name)
                    elif is_guide_name(item.name):
                        if self.config.exclude and self.config.is_excluded(Path(item.path)):
                            continue
                        names.append(item.name)
                        rel = os.path.join(rel_folder, item.name) if rel_folder else item.name
                        self._read(rel, link=item.is_symlink())
                except OSError:
                    continue
        # A folder changed moments ago may change again within one mtime tick.
        trusted_mtime = mtime if mtime < self.racy_after else 0
        self.folders[rel_folder] = FolderEntry(trusted_mtime, names, subfolders)
        for sub in subfolders:
            self._walk(os.path.join(rel_folder, sub) if rel_folder else sub)

    def _read(self, rel: str, worth_saving: bool = True, link: bool | None = None) -> None:
        """Stat ``rel`` and read its slug unless the cached entry still matches.

        A change found while re-checking a few files (``worth_saving`` false)
        does not make the cache be rewritten: re-checking them again next
        time costs less than writing the whole cache on every commit.
        """
        self.trusted.discard(rel)
        path = os.path.join(self.root, rel)
        old = _file_entry(self.old_files.get(rel))
        if link is None:
            known = self.files.get(rel) or old
            link = known.link if known is not None else os.path.islink(path)
        try:
            stat = os.stat(path)
        except OSError:
            self.files[rel] = FileEntry(-1, 0, None, link)
            return
        if old is not None and (old.size, old.mtime_ns, old.link) == (
            stat.st_size,
            stat.st_mtime_ns,
            link,
        ):
            self.files[rel] = old  # unchanged since it was cached
            return
        self.changed = self.changed or worth_saving
        slug = None
        if stat.st_size <= self.config.max_file_size:
            data = _read_head(path, self.config.max_file_size)
            slug = front_matter_slug(data, self.slug_keys) if data is not None else None
        mtime = stat.st_mtime_ns if stat.st_mtime_ns < self.racy_after else 0
        self.files[rel] = FileEntry(stat.st_size, mtime, slug, link)

    def verify(self, slugs: set[str]) -> None:
        """Re-check every trusted file that claims one of ``slugs``."""
        for rel in [r for r in self.trusted if self.files[r].slug in slugs]:
            self._read(rel, worth_saving=False)

    def verify_all(self, worth_saving: bool = False) -> None:
        """Re-check every trusted file (before saying a slug exists nowhere)."""
        for rel in list(self.trusted):
            self._read(rel, worth_saving)

    def slugs(self, only: set[str] | None = None) -> dict[str, tuple[str, str | None]]:
        """Real path -> (walked path, slug) of the guides under the root.

        ``only`` keeps the guides with those slugs: all a small run asks about.
        """
        out: dict[str, tuple[str, str | None]] = {}
        for rel, entry in self.files.items():
            if entry.size == -1 or (only is not None and entry.slug not in only):
                continue  # unreadable (no slug to offer), or not asked about
            if self.links_to_walked(rel):
                continue  # its target is here under its own path
            path = os.path.join(self.root, rel)
            out[os.path.realpath(path) if entry.link else path] = (path, entry.slug)
        return out

    def links_to_walked(self, rel: str) -> bool:
        """Whether ``rel`` is a symlink to another guide walked under this root.

        Such a link is the guide it points at, not a second one: the index
        lists the target under its own path, in small and large runs alike.
        """
        if not self.files[rel].link:
            return False
        inside = self.root + os.sep
        real = os.path.realpath(os.path.join(self.root, rel))
        target = self.files.get(real[len(inside) :]) if real.startswith(inside) else None
        return target is not None and not target.link

    def save(self) -> None:
        if self.cache_path is not None and (self.changed or not self.old_folders):
            _save_cache(self.cache_path, self.folders, self.files)


def front_matter_links(
    data: bytes, slug_keys: Sequence[str], related_keys: Sequence[str] = ("related",)
) -> tuple[str | None, set[str]]:
    """(slug, related slugs) of one file, read cheaply; never raises."""
    slug = None
    related: set[str] = set()
    meta = quick_meta(data)
    if meta is not None:
        slug = next((meta[k] for k in slug_keys if isinstance(meta.get(k), str)), None)
        raw = next((meta[k] for k in related_keys if k in meta), None)
        if isinstance(raw, list):
            related = {r for r in raw if isinstance(r, str)}
    return slug, related


def collect_slugs(
    roots: Sequence[Path],
    extra: Sequence[str | Path],
    config: Config,
    cwd: Path,
    everything: bool = False,
    contents: Mapping[str, bytes] | None = None,
) -> dict[str, tuple[str, ...]]:
    """slug -> display paths, over the guides under ``roots`` plus ``extra`` files.

    ``contents`` gives the text of ``extra`` files that is not on disk
    (a guide read from standard input), by the name given in ``extra``.

    The checked files (``extra``) are always read fresh; cached entries that
    claim their slugs, or the slugs in their ``related`` lists, are
    re-checked; and if a related slug is found nowhere, every cached entry
    is re-checked before the index says so.  For a small run the result
    holds just those slugs (all the cross-guide rules look up) unless
    ``everything`` is asked for; a large run always gets every slug.
    """
    slug_keys = ("slug", *config.keys.get("slug", ()))
    if len(extra) > FEW_FILES:
        return _collect_all(roots, extra, config, cwd, slug_keys)
    related_keys = ("related", *config.keys.get("related", ()))
    fresh: dict[str, tuple[str, str | None]] = {}
    wanted: set[str] = set()
    related: set[str] = set()
    for path in extra:
        data = (contents or {}).get(str(path)) or _read_head(
            os.path.realpath(path), config.max_file_size
        )
        slug, links = (
            front_matter_links(data, slug_keys, related_keys) if data is not None else (None, set())
        )
        fresh[os.path.realpath(path)] = (os.path.abspath(path), slug)
        if slug is not None:
            wanted.add(slug)
        related |= links
    indexes = [_RootIndex(root, config) for root in roots]
    asked = None if everything else wanted | related  # cross-guide rules look up nothing else
    by_path: dict[str, tuple[str, str | None]] = {}
    for index in indexes:
        index.verify(wanted | related)
        by_path.update(index.slugs(asked))
    known = {slug for _, slug in (*by_path.values(), *fresh.values())}
    if related - known:
        for index in indexes:
            index.verify_all()
            by_path.update(index.slugs(asked))
    for index in indexes:
        index.save()
    for real, value in fresh.items():
        walked = by_path.get(real, value)[0]
        by_path[real] = (walked, value[1])
    return _by_slug(by_path, cwd)


def _collect_all(
    roots: Sequence[Path],
    extra: Sequence[str | Path],
    config: Config,
    cwd: Path,
    slug_keys: Sequence[str],
) -> dict[str, tuple[str, ...]]:
    """A large run: re-check every cached entry (a stat each) instead of
    reading every checked file's front matter a second time.

    Display paths are built straight from the cached relative paths: a large
    run keeps no second copy of every path (the index is most of what a
    whole-corpus run holds in memory).
    """
    slugs: dict[str, list[str]] = {}
    walked: list[tuple[str, dict[str, FileEntry]]] = []
    for root in roots:
        index = _RootIndex(root, config, trust_folders=False)
        index.save()
        # Every entry is checked: the old cache is not needed again, and
        # letting it go before the display paths are made lowers the peak.
        index.old_files = index.old_folders = {}
        files = index.files
        shown = display_path(index.root, cwd)
        prefix = "" if shown == "." else shown.rstrip("/") + "/"
        inside = index.root + os.sep
        for rel, entry in files.items():
            if entry.size == -1 or entry.slug is None:
                continue
            if index.links_to_walked(rel):
                continue
            slugs.setdefault(entry.slug, []).append(
                printable_path(prefix + rel.replace(os.sep, "/"))
            )
        walked.append((inside, files))
    for path in extra:
        absolute = os.path.abspath(path)
        if any(
            absolute.startswith(inside) and absolute[len(inside) :] in files
            for inside, files in walked
        ):
            continue  # walked already
        data = _read_head(os.path.realpath(path), config.max_file_size)
        slug = front_matter_slug(data, slug_keys) if data is not None else None
        if slug is not None:
            slugs.setdefault(slug, []).append(display_path(path, cwd))
    return {slug: tuple(sorted(paths)) for slug, paths in slugs.items()}


def _by_slug(by_path: dict[str, tuple[str, str | None]], cwd: Path) -> dict[str, tuple[str, ...]]:
    """slug -> sorted display paths (relative to ``cwd``, with ``/``)."""
    slugs: dict[str, list[str]] = {}
    for walked, slug in by_path.values():
        if slug is not None:
            slugs.setdefault(slug, []).append(display_path(walked, cwd))
    return {slug: tuple(sorted(paths)) for slug, paths in slugs.items()}


def slug_users(root: Path, slug: str, config: Config, cwd: Path) -> tuple[str, ...]:
    """Display paths of the guides under ``root`` whose slug is ``slug``.

    Each claimant is re-checked on disk, not taken from the cache on trust.
    """
    index = _RootIndex(root, config)
    index.verify({slug})
    index.save()
    return tuple(sorted(display_path(walked, cwd) for walked, _ in index.slugs({slug}).values()))


def guide_slugs(
    root: Path, config: Config, cwd: Path, verify: bool = True
) -> dict[str, str | None]:
    """Display path -> slug of every guide under ``root``.

    For a long-lived reader (the language server) that then keeps the map
    current itself.  The cache spares the reading; with ``verify`` a
    ``stat`` per file also catches files edited in place since it was
    written (without, unchanged folders are trusted, as a small run does).
    """
    index = _RootIndex(root, config)
    if verify:
        index.verify_all(worth_saving=True)
    index.save()
    # Display paths built by string, not display_path() each: 10,000 of them.
    inside = index.root + os.sep
    shown = display_path(index.root, cwd)
    prefix = "" if shown == "." else shown.rstrip("/") + "/"
    out: dict[str, str | None] = {}
    for walked, slug in index.slugs().values():
        if walked.startswith(inside) and walked.isascii():
            out[prefix + walked[len(inside) :].replace(os.sep, "/")] = slug
        else:
            out[display_path(walked, cwd)] = slug
    return out
