"""A ``related`` slug, or a link to another guide, that does not exist.

Why: related guides are how readers move through the content; a renamed or
deleted guide leaves a dead end.  Every ``related`` slug must be the slug of
a guide under the content root (the whole root is read, even when only one
file is checked), and every relative link to a ``.md`` file must point at a
file that exists.

Fix: correct the slug or the link, or remove it.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable

from guidelint.context import Context, diagnostic, token_end
from guidelint.diagnostic import Diagnostic, Severity
from guidelint.guide import Guide
from guidelint.rules.examples import example

NAME = "related-link"
SEVERITY: Severity = "error"
SUMMARY = "a related slug or a link to another guide that does not exist"
OPTIONS: dict[str, object] = {}
NEEDS: frozenset[str] = frozenset({"corpus"})
EXAMPLE_FAIL = example("Body.\n", extra="related: [pm-vs-pmmm]\n")
EXAMPLE_PASS = example("Body.\n", extra="related: [pm-vs-pmm]\n")


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """Check ``related`` slugs against the index and ``.md`` links against the disk."""
    found: list[Diagnostic] = []
    related = guide.get("related")
    if isinstance(related, list):
        for index, slug in enumerate(related):
            if isinstance(slug, str) and not ctx.index.paths_for(slug):
                found.append(
                    diagnostic(
                        guide,
                        NAME,
                        SEVERITY,
                        guide.key_position("related", index),
                        f"related guide '{slug}' does not exist under the content root",
                        token_end(guide, guide.key_position("related", index)),
                    )
                )
    if ctx.file_path is None:
        return found
    folder = os.path.dirname(ctx.file_path)  # os.path, not pathlib: a guide has many links
    for link in guide.body.links:
        target = _local_markdown_target(link.dest)
        if target is not None and not os.path.exists(os.path.join(folder, target)):
            found.append(
                diagnostic(
                    guide,
                    NAME,
                    SEVERITY,
                    guide.position(link.offset),
                    f"link to '{link.dest}': no such guide ({posixpath.normpath(target)})",
                    _link_end(guide, link.offset, link.dest),
                )
            )
    return found


def _link_end(guide: Guide, offset: int, dest: str) -> tuple[int, int] | None:
    """Just after the link's ``)``, when its destination is written as is on its line."""
    line_end = guide.source.find(b"\n", offset)
    line_end = len(guide.source) if line_end < 0 else line_end
    at = guide.source.find(b"](" + dest.encode("utf-8"), offset, line_end)
    if at < 0:
        return None
    end = at + 2 + len(dest.encode("utf-8"))
    return guide.position(end + 1 if guide.source[end : end + 1] == b")" else end)


def _local_markdown_target(dest: str) -> str | None:
    """The relative file a link points at, if it is a local ``.md`` link."""
    if not dest or ":" in dest.split("/")[0] or dest.startswith(("/", "#", "//")):
        return None
    path = dest.split("#", 1)[0].split("?", 1)[0]
    if "%" in path:
        from urllib.parse import unquote

        path = unquote(path)
    return path if path.endswith(".md") else None
