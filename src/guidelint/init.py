"""A starter configuration for an existing site (``guidelint init``).

The site generator is recognised by its marker files (``hugo.toml``,
``docusaurus.config.js``, ``_config.yml``, ``docfx.json``) or else by the
front-matter keys its pages use; the keys that mean ``updated``, ``owner``,
``slug`` and ``expires`` are mapped under ``keys:``; and when the pages use
keys guidelint's schema does not know, ``schema`` is turned off.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from guidelint import DATA
from guidelint.guide import read_guide
from guidelint.paths import is_guide_folder, is_guide_name

# Marker file -> generator; the first present wins.
MARKERS = (
    ("hugo.toml", "Hugo"),
    ("hugo.yaml", "Hugo"),
    ("docusaurus.config.js", "Docusaurus"),
    ("docusaurus.config.ts", "Docusaurus"),
    ("_config.yml", "Jekyll"),
    ("docfx.json", "Microsoft Docs"),
    ("config.toml", "Hugo"),  # an old Hugo site's name: only with content/
)
# Keys only one generator writes: a site without marker files is told by these.
TELLING_KEYS = {
    "Microsoft Docs": ("ms.date", "ms.author", "ms.topic", "ms.service"),
    "Docusaurus": (
        "id",
        "sidebar_label",
        "sidebar_position",
        "author_url",
        "hide_table_of_contents",
    ),
    "Hugo": ("lastmod", "expirydate", "weight", "aliases", "authors"),
    "Jekyll": ("layout", "permalink"),
}
# Canonical key -> the site keys that mean it, in order of preference.
CANDIDATES = {
    "updated": ("lastmod", "last_update", "last_modified_at", "ms.date", "date"),
    "owner": ("ms.author", "author", "authors"),
    "slug": ("id",),
    "expires": ("expirydate", "expiryDate", "expire_by"),
}
SKIPPED_FOLDERS = frozenset({"node_modules", "build", "public", "vendor"})
MAX_SCANNED = 5000  # enough to see a site's conventions
PRE_COMMIT_SNIPPET = """\
repos:
  - repo: https://git.example.org/you/guidelint  # where you clone guidelint from
    rev: 0123456789abcdef0123456789abcdef01234567  # a commit SHA (see the README)
    hooks:
      - id: guidelint
"""


@dataclass(frozen=True, slots=True)
class Starter:
    """What ``init`` found and the configuration it proposes."""

    generator: str  # "Hugo", "Docusaurus", "Jekyll", "Microsoft Docs" or "plain Markdown"
    found_by: str  # "marker file NAME" or "front-matter keys"
    content_root: str  # relative to the site folder, with "/"
    keys: dict[str, list[str]]
    foreign_keys: tuple[str, ...]  # keys the pages use that guidelint's schema does not know
    missing_keys: tuple[str, ...]  # keys guidelint's schema requires that no page has
    files: int  # Markdown guides scanned
    with_front_matter: int


def detect(site: Path, content_root: Path | None = None) -> Starter:
    """Look at ``site`` (and its content root, if given) and propose a config."""
    marker = _marker(site)
    root = content_root if content_root is not None else _default_root(site, marker)
    counts, files, with_meta = _survey(root)
    generator = marker or _by_keys(counts)
    present = {c: [name for name in names if counts[name]] for c, names in CANDIDATES.items()}
    keys = {canonical: names for canonical, names in present.items() if names}
    mapped = {name for names in keys.values() for name in names}
    schema = json.loads((DATA / "guide.schema.json").read_text("utf-8"))
    foreign = tuple(sorted(k for k in counts if k not in schema["properties"] and k not in mapped))
    missing = tuple(k for k in schema["required"] if not counts[k] and k not in keys)
    return Starter(
        generator=generator,
        found_by=f"marker file {_marker_file(site)}" if marker else "front-matter keys",
        content_root=_relative(root, site),
        keys=keys,
        foreign_keys=foreign,
        missing_keys=missing,
        files=files,
        with_front_matter=with_meta,
    )


def _marker_file(site: Path) -> str | None:
    for name, generator in MARKERS:
        if (site / name).is_file() and (generator != "Hugo" or (site / "content").is_dir()):
            return name
    return None


def _marker(site: Path) -> str | None:
    name = _marker_file(site)
    return dict(MARKERS)[name] if name else None


def _default_root(site: Path, generator: str | None) -> Path:
    """Where a generator keeps its pages; the site folder when unsure."""
    if generator == "Hugo" or (generator is None and (site / "content").is_dir()):
        return site / "content"
    if generator == "Docusaurus" and (site / "docs").is_dir() and not (site / "blog").is_dir():
        return site / "docs"
    if generator == "Jekyll":  # pages live in _posts or another "_" collection
        folders = [p for p in site.iterdir() if p.is_dir() and p.name.startswith("_")]
        scored = sorted(folders, key=lambda p: (-sum(1 for _ in p.rglob("*.md")), p.name))
        if scored and any(scored[0].rglob("*.md")):
            return scored[0]
    return site


def _survey(root: Path) -> tuple[Counter[str], int, int]:
    """How many guides use each front-matter key, the guides seen, those with front matter."""
    counts: Counter[str] = Counter()
    files = with_meta = 0
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if is_guide_folder(d) and d not in SKIPPED_FOLDERS)
        for name in sorted(n for n in names if is_guide_name(n)):
            if files == MAX_SCANNED:
                return counts, files, with_meta
            files += 1
            try:
                data = (Path(folder) / name).read_bytes()
            except OSError:
                continue
            meta = read_guide(name, data).meta
            if meta:
                with_meta += 1
                counts.update(str(key) for key in meta)
    return counts, files, with_meta


def _by_keys(counts: Counter[str]) -> str:
    scores = {gen: sum(counts[k] for k in keys) for gen, keys in TELLING_KEYS.items()}
    best = max(scores, key=lambda gen: scores[gen])
    return best if scores[best] else "plain Markdown"


def _relative(path: Path, site: Path) -> str:
    try:
        return path.resolve().relative_to(site.resolve()).as_posix() or "."
    except ValueError:
        return path.as_posix()


def config_text(starter: Starter) -> str:
    """The starter ``.guidelint.yaml``, with comments saying why each line is there."""
    lines = [
        f"# Written by 'guidelint init' for a {starter.generator} site "
        f"(recognised by its {starter.found_by}).",
        f"content_root: {json.dumps(starter.content_root)}",
    ]
    if starter.foreign_keys or starter.missing_keys:
        lines += [*_why_no_schema(starter), "schema: false"]
    if starter.keys:
        lines.append("keys:  # this site's keys for guidelint's (the first present wins)")
        lines += [
            f"  {canonical}: {json.dumps(names)}" for canonical, names in starter.keys.items()
        ]
    if starter.content_root == ".":
        lines.append('exclude: ["node_modules/", "build/"]')
    return "\n".join(lines) + "\n"


def _why_no_schema(starter: Starter) -> list[str]:
    """Comment lines: why the site's front matter does not fit guidelint's schema."""
    lines = []
    if starter.foreign_keys:
        shown = ", ".join(starter.foreign_keys[:12])
        extra = len(starter.foreign_keys) - 12
        more = f" and {extra} more" if extra > 0 else ""
        lines.append(f"# The pages use keys guidelint's guide schema does not know: {shown}{more}.")
    if starter.missing_keys:
        lines.append(f"# No page has keys the schema requires: {', '.join(starter.missing_keys)}.")
    lines.append(
        "# So the schema is off; write a schema of your own and name it here to check them."
    )
    return lines
