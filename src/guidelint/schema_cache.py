"""Remembered schema verdicts, so a pre-commit run need not import jsonschema.

Importing jsonschema costs more than everything else guidelint does for one
staged guide.  The findings of a rule that needs the schema depend only on
the front matter's exact text, the schema and the key mapping (the rule
registry says so), so for small runs they are remembered per rule and front
matter under ``<cache_dir>/schema-v1/``: one small JSON file each, named by a
hash of all of them and guidelint's version.  An editor who
changes a guide's body (the common case) gets the verdict without the import;
a changed front matter is validated for real.

Like the slug index this is an optimisation only: entries are written
atomically, never trusted if unreadable, and the cache can be switched off
(``cache_dir: false`` or ``--no-cache``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

import guidelint
from guidelint import DATA
from guidelint.config import Config
from guidelint.guide import Guide

VERSION = 1
# (line, column, message, end line, end column).  Entries of an older
# guidelint, without the end, fail the shape check below and are redone.
Finding = tuple[int, int, str, int, int]


class FrontMatterVerdicts:
    """Lookups and stores, for one run, of findings that depend only on the front matter."""

    def __init__(self, config: Config) -> None:
        assert config.cache_dir is not None
        self.folder = config.cache_dir / f"schema-v{VERSION}"
        if config.schema is None:
            schema = (DATA / "guide.schema.json").read_bytes()
        else:
            schema = config.schema.read_bytes()
        # guidelint's version too: a new release may word its messages anew.
        identity = json.dumps(
            [guidelint.__version__, VERSION, sorted(config.keys.items())]
        ).encode()
        self.prefix = hashlib.sha256(identity + b"\0" + schema + b"\0").digest()

    def key(self, rule: str, guide: Guide) -> str:
        """The cache key of ``rule``'s findings on ``guide``'s front matter."""
        front = guide.source[: guide.body_offset]
        return hashlib.sha256(self.prefix + rule.encode() + b"\0" + front).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.json"

    def get(self, key: str) -> list[Finding] | None:
        """The remembered findings, or ``None`` when unknown or unreadable."""
        try:
            data = json.loads(self._path(key).read_bytes())
        except (OSError, ValueError, RecursionError):  # a damaged entry is no entry
            return None
        if not isinstance(data, list) or not all(
            isinstance(item, list)
            and len(item) == 5
            and isinstance(item[2], str)
            and all(isinstance(item[i], int) for i in (0, 1, 3, 4))
            for item in data
        ):
            return None
        return [
            (line, column, message, end_line, end_column)
            for line, column, message, end_line, end_column in data
        ]

    def put(self, key: str, findings: list[Finding]) -> None:
        """Remember ``findings``; a cache that cannot be written is ignored."""
        from guidelint.fileio import atomic_write, ensure_cache_folder

        path = self._path(key)
        with contextlib.suppress(OSError):
            ensure_cache_folder(self.folder.parent, self.folder.name, path.parent.name)
            atomic_write(path, json.dumps(findings).encode("utf-8"))
