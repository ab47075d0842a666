"""The slug of every guide under the content root, read as cheaply as possible.

Cross-guide rules need every slug even when pre-commit passes one file, so
this reads only the front matter of each guide, never its Markdown body.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import yaml

from guidelint.config import Config
from guidelint.guide import GuideLoader


def _front_matter_slug(data: bytes, slug_keys: tuple[str, ...]) -> str | None:
    """The slug in a file's front matter, or ``None``; never raises on bad input."""
    if not data.startswith((b"---\n", b"---\r", b"\xef\xbb\xbf---")):
        return None
    text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    lines = text.splitlines()
    closing = [i for i, line in enumerate(lines[1:], start=1) if line.rstrip() in ("---", "...")]
    if not closing:
        return None
    end = closing[0]
    try:
        meta = yaml.load("\n".join(lines[1:end]), Loader=GuideLoader)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    if not isinstance(meta, dict):
        return None
    for key in slug_keys:
        value = meta.get(key)
        if isinstance(value, str):
            return value
    return None


def collect_slugs(
    roots: Sequence[Path], extra: Sequence[Path], config: Config, cwd: Path
) -> dict[str, tuple[str, ...]]:
    """slug -> display paths, over every guide under ``roots`` plus ``extra`` files."""
    from guidelint.engine import _walk, display_path

    slug_keys = ("slug", *config.keys.get("slug", ()))
    seen: dict[str, Path] = {}
    for root in roots:
        for path in _walk(root, config):
            seen.setdefault(os.path.realpath(path), path)
    for path in extra:
        seen.setdefault(os.path.realpath(path), path)
    slugs: dict[str, list[str]] = {}
    for path in seen.values():
        try:
            if path.stat().st_size > config.max_file_size:
                continue
            with path.open("rb") as handle:
                head = handle.read(65536)
                if b"\n---" in head[3:] or b"\n..." in head[3:]:
                    data = head
                else:
                    data = head + handle.read()
        except OSError:
            continue
        slug = _front_matter_slug(data, slug_keys)
        if slug is not None:
            slugs.setdefault(slug, []).append(display_path(path, cwd))
    return {slug: tuple(sorted(paths)) for slug, paths in slugs.items()}
