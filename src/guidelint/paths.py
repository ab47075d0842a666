"""Paths as guidelint names and shows them: which files are guides, how a path is printed.

The one place that decides both, so the checked files, the slug index and
the report always agree on a guide's name.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath


def is_guide_name(name: str) -> bool:
    """Guides are ``.md`` files not named README.md and not starting with ``_``."""
    return name.endswith(".md") and name != "README.md" and not name.startswith("_")


def is_guide_folder(name: str) -> bool:
    """Folders that may hold guides: not hidden ones (``.git``), not ``_`` ones.

    A ``_`` folder holds what a site generator includes, not pages
    (Docusaurus partials, Hugo's ``_archived``), as a ``_`` file does.
    """
    return not name.startswith((".", "_"))


def in_guide_folders(folder: PurePath) -> bool:
    """Whether every folder of ``folder`` (relative to the content root) may hold guides."""
    return all(is_guide_folder(part) for part in folder.parts)


def printable_path(path: str) -> str:
    """``path`` as text any output can hold.

    A file name that is not valid UTF-8 reaches Python with its odd bytes as
    lone surrogates, which no UTF-8 output (JSON, SARIF, a baseline file) can
    encode: they are shown as ``\\xNN`` instead, as ``ls -b`` shows them.
    """
    if path.isascii():
        return path
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path


def display_path(path: str | Path, cwd: Path) -> str:
    """``path`` relative to ``cwd`` when inside it, always with ``/``, printable."""
    # String operations only: a large run shows 10,000 paths.
    folder = os.path.abspath(cwd).rstrip(os.sep) + os.sep
    text = os.path.abspath(os.path.join(cwd, path))
    if text.startswith(folder):
        shown = printable_path(text[len(folder) :].replace(os.sep, "/"))
        return path if shown == path else shown  # the caller's string, not a copy
    return printable_path(_outside_display_path(Path(path), cwd))


def _outside_display_path(path: Path, cwd: Path) -> str:
    absolute = path if path.is_absolute() else cwd / path
    try:
        return (
            Path(os.path.relpath(absolute, cwd)).as_posix()
            if absolute.is_relative_to(cwd)
            else absolute.as_posix()
        )
    except ValueError:
        return absolute.as_posix()
