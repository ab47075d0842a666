"""What the language server knows about one workspace, without any protocol.

The config (found as ``check`` finds it, from the workspace folder), the
slug of every guide under the content root (built once from the slug
cache, then kept current file by file), and each guide's last committed
text.  :meth:`GuideWorkspace.check` checks a buffer's text exactly as
``guidelint check`` run in the workspace folder checks the same file, and
never writes a file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from guidelint.config import CONFIG_NAMES, Config, find_config, load_config
from guidelint.context import CorpusIndex
from guidelint.diagnostic import Diagnostic
from guidelint.engine import RunOptions, check_source
from guidelint.errors import GuidelintError
from guidelint.paths import display_path, is_guide_folder, is_guide_name
from guidelint.slug_index import front_matter_slug, guide_slugs

# "file:3:7: message": where a config error names a place.
_WHERE = re.compile(r"^.*?:(\d+):(\d+): ")


@dataclass(frozen=True, slots=True)
class ConfigProblem:
    """A config that could not be loaded: which file, where, and why."""

    path: Path
    line: int
    column: int
    message: str


class SlugTable:
    """Display path <-> slug of every guide under the content root, kept current."""

    def __init__(self, slugs: Mapping[str, str | None] | None = None) -> None:
        self.slug_of: dict[str, str] = {}
        self.paths_of: dict[str, set[str]] = {}
        for path, slug in (slugs or {}).items():
            self.set(path, slug)

    def set(self, path: str, slug: str | None) -> None:
        """Record ``path``'s slug (``None``: it has none)."""
        self.remove(path)
        if slug is not None:
            self.slug_of[path] = slug
            self.paths_of.setdefault(slug, set()).add(path)

    def remove(self, path: str) -> None:
        """Forget ``path`` (deleted, or renamed away)."""
        old = self.slug_of.pop(path, None)
        if old is not None:
            paths = self.paths_of[old]
            paths.discard(path)
            if not paths:
                del self.paths_of[old]


class _Overlay(Mapping[str, tuple[str, ...]]):
    """The table's slug -> paths, with one file's slug taken from its unsaved buffer."""

    def __init__(self, table: SlugTable, path: str, slug: str | None) -> None:
        self.table, self.path, self.slug = table, path, slug

    def __getitem__(self, slug: str) -> tuple[str, ...]:
        paths = set(self.table.paths_of.get(slug, ()))
        paths.discard(self.path)
        if slug == self.slug:
            paths.add(self.path)
        if not paths:
            raise KeyError(slug)
        return tuple(sorted(paths))

    def __iter__(self) -> Iterator[str]:
        return iter({*self.table.paths_of, *([self.slug] if self.slug else [])})

    def __len__(self) -> int:
        return sum(1 for _ in self)


class GuideWorkspace:
    """One workspace folder: its config, slug table and committed texts."""

    def __init__(self, root: Path, today: Callable[[], dt.date], verify: bool = True) -> None:
        self.root = Path(os.path.abspath(root))
        self.today = today
        self.config: Config | None = None
        self.problem: ConfigProblem | None = None
        self.config_path: Path | None = None
        self.slugs = SlugTable()
        self.committed: dict[str, bytes | None] = {}
        self.load(verify)

    def load(self, verify: bool = True) -> None:
        """(Re)load the config and rebuild the slug table; a bad config is a problem.

        Without ``verify`` the slug cache is trusted where its folders are
        unchanged: :meth:`verified_slugs` (a ``stat`` per guide) can follow.
        """
        self.config_path = find_config(self.root)
        self.problem = None
        try:
            self.config = load_config(self.config_path, cwd=self.root)
        except GuidelintError as exc:
            self.config = None
            self.problem = _problem(self.config_path, str(exc))
            return
        root = self.config.content_root
        found = guide_slugs(root, self.config, self.root, verify) if root.is_dir() else {}
        self.slugs = SlugTable(found)

    def verified_slugs(self) -> dict[str, str | None] | None:
        """Every guide's slug, each file re-checked on disk (safe in another thread)."""
        config = self.config
        if config is None or not config.content_root.is_dir():
            return None
        return guide_slugs(config.content_root, config, self.root)

    def is_config(self, path: Path) -> bool:
        """Whether ``path`` is (or could become) the workspace's config file."""
        if self.config_path is not None and path == self.config_path:
            return True
        return path.name in (*CONFIG_NAMES, "pyproject.toml") and self.root.is_relative_to(
            path.parent
        )

    def is_guide(self, path: Path) -> bool:
        """Whether ``path`` is a guide ``check`` would check under the content root."""
        config = self.config
        if config is None or not is_guide_name(path.name):
            return False
        try:
            rel = Path(os.path.abspath(path)).relative_to(os.path.abspath(config.content_root))
        except ValueError:
            return False
        if not all(is_guide_folder(part) for part in rel.parts[:-1]):
            return False
        return not config.is_excluded(path)

    def display(self, path: Path) -> str:
        """``path`` as ``check`` run in the workspace folder shows it."""
        return display_path(str(path), self.root)

    def file_changed(self, path: Path, data: bytes | None = None) -> None:
        """A guide was saved, created or changed on disk: its slug may have moved."""
        if self.config is None or not self.is_guide(path):
            return
        if data is None:
            try:
                data = path.read_bytes()
            except OSError:
                self.file_deleted(path)
                return
        keys = ("slug", *self.config.keys.get("slug", ()))
        self.slugs.set(self.display(path), front_matter_slug(data, keys))
        self.committed.pop(str(path), None)  # a save may follow a commit

    def file_deleted(self, path: Path) -> None:
        """A guide was deleted (or renamed away)."""
        self.slugs.remove(self.display(path))
        self.committed.pop(str(path), None)

    def check(self, path: Path, data: bytes) -> list[Diagnostic]:
        """The findings for ``data`` as ``path``'s content: what ``check`` would say."""
        config = self.config
        if config is None or not self.is_guide(path):
            return []
        display = self.display(path)
        keys = ("slug", *config.keys.get("slug", ()))
        index = CorpusIndex(_Overlay(self.slugs, display, front_matter_slug(data, keys)))
        options = RunOptions(today=self.today(), jobs=1, fixes=True)
        previous = self._committed(path)  # updated-not-bumped compares the buffer with HEAD
        return check_source(path, display, data, config, options, index, previous)

    def _committed(self, path: Path) -> bytes | None:
        key = str(path)
        if key not in self.committed:
            from guidelint.history import committed_version  # runs git: once per file

            self.committed[key] = committed_version(key, self.root)
        return self.committed[key]


def _problem(path: Path | None, message: str) -> ConfigProblem:
    """A config error as a place in the config file (its first line if none is named)."""
    where = _WHERE.match(message)
    line, column = (int(where[1]), int(where[2])) if where else (1, 1)
    return ConfigProblem(path or Path("pyproject.toml"), line, column, message)
