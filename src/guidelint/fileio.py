"""Writing files atomically: a temp file beside the target, then rename.

Readers (and a crash) see the old file or the new one, never half of one.
Where the file system allows (Linux ``O_TMPFILE``), the data is written to a
file with no name at all, which gets one only once it is complete and synced:
a process killed while writing leaves nothing behind.  Elsewhere the temp
file is a hidden ``.NAME.*.tmp`` beside the target, removed on any error.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from guidelint.errors import GuidelintError


class WriteError(GuidelintError, OSError):
    """A file could not be written; the original, if any, is untouched.

    Also an :class:`OSError`, so code that tolerates a failed write (a
    cache) keeps doing so, while the CLI shows it as one line, exit 2.
    """


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so readers see the old or the new file, never half.

    The temp file lives in the target's folder (rename is atomic only within
    one file system).  An existing file keeps its permission bits; a new one
    gets the usual ``0o666`` less the umask, applied by the kernel: the
    process umask is never read (reading it means setting it, which races
    with other threads).  A symbolic link stays a link: the file it points
    to is replaced.
    """
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        _write(target, data)
    except OSError as exc:
        raise WriteError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _write(path: Path, data: bytes) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        mode: int | None = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None  # a new file: keep the mode the kernel gave the temp file
    temp = _write_unnamed(folder, path.name, data)
    if temp is None:
        temp = _write_named(folder, path.name, data)
    try:
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    _sync_folder(folder)


def _temp_name(folder: Path, name: str) -> str:
    """A hidden ``.NAME.RANDOM.tmp`` beside the target, never taken for a guide.

    Not ``tempfile``: its files are created ``0o600``, so a new file's mode
    would need the umask; ``os.urandom`` gives the unique part as well.
    """
    return os.path.join(folder, f".{name}.{os.urandom(6).hex()}.tmp")


def _write_unnamed(folder: Path, name: str, data: bytes) -> str | None:
    """Write ``data`` to an ``O_TMPFILE`` file, then give it a temp name; ``None`` if unsupported."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        fd = os.open(folder, flag | os.O_WRONLY, 0o666)  # less the umask, as for a new file
    except OSError:  # a file system (or kernel) without O_TMPFILE
        return None
    try:
        _write_all(fd, data)
        temp = _temp_name(folder, name)
        os.link(f"/proc/self/fd/{fd}", temp, follow_symlinks=True)
    except OSError:
        return None
    finally:
        os.close(fd)
    return temp


def _write_named(folder: Path, name: str, data: bytes) -> str:
    temp = _temp_name(folder, name)
    # O_EXCL: never open a file someone else made; 0o666 less the umask, as for a new file.
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        _write_all(fd, data)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    os.close(fd)
    return temp


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every system allows it)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def ensure_cache_folder(root: Path, *parts: str) -> Path:
    """Create the cache folder ``root`` (with a ``.gitignore`` of ``*``) and ``root/parts``.

    Like ruff's cache it is then never committed by accident.  The
    ``.gitignore`` is written in place: it is a constant, and a torn one is
    simply rewritten by the next run.
    """
    folder = root.joinpath(*parts)
    folder.mkdir(parents=True, exist_ok=True)
    gitignore = root / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text("# Created by guidelint.\n*\n", encoding="utf-8")
    return folder
