"""Two guides share a slug.

Why: the slug is a guide's identity: it builds its URL and is how
``related`` lists point at it.  Two guides with one slug means one of them is
unreachable, or a copy was left behind.  All guides under the content root
are compared, even when only one file is checked.  A symlink to another
guide under the root is a second copy (a site built from the folder
publishes both), so it is the symlink that is reported, in every run.

Fix: give one of the guides a new slug (and update links to it).
"""

from __future__ import annotations

from collections.abc import Iterable

from guidelint.context import Context, diagnostic
from guidelint.diagnostic import Diagnostic, Severity
from guidelint.guide import Guide
from guidelint.rules.examples import example

NAME = "duplicate-slug"
SEVERITY: Severity = "error"
SUMMARY = "two guides share a slug"
OPTIONS: dict[str, object] = {}
NEEDS: frozenset[str] = frozenset({"corpus"})
# The examples are checked beside a guide whose slug is 'pm-vs-pmm'.
EXAMPLE_FAIL = example("Body.\n")
EXAMPLE_PASS = example("Body.\n").replace("slug: pm-vs-pmm", "slug: pm-vs-pmm-2026")


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """Report this guide's slug when another file under the root uses it."""
    slug = guide.get("slug")
    if not isinstance(slug, str):
        return []
    others = [p for p in ctx.index.paths_for(slug) if p != guide.path]
    if not others:
        return []
    return [
        diagnostic(
            guide,
            NAME,
            SEVERITY,
            guide.key_position("slug"),
            f"slug '{slug}' is also used by {', '.join(sorted(others))}",
        )
    ]
