"""A footnote reference ``[^id]`` that resolves to nothing.

Why: a citation that points nowhere looks sourced but is not; it usually
means a ``sources`` entry was renamed or deleted.  ``[^id]`` resolves to a
footnote definition ``[^id]: ...`` in the body or to a front-matter
``sources`` entry with that ``id``.

Fix: add the footnote definition or the ``sources`` entry, or correct the id.
"""

from __future__ import annotations

from collections.abc import Iterable

from guidelint.context import Context, diagnostic
from guidelint.diagnostic import Diagnostic, Severity
from guidelint.guide import Guide
from guidelint.rules.examples import example

NAME = "dangling-citation"
SEVERITY: Severity = "error"
SUMMARY = "a [^id] citation that matches no footnote and no sources entry"
OPTIONS: dict[str, object] = {}
NEEDS: frozenset[str] = frozenset()
_SOURCES = "sources:\n  - id: survey\n    title: PMM competency survey (example)\n"
EXAMPLE_FAIL = example("Leadership ranks first for 92% of them[^survy].\n", extra=_SOURCES)
EXAMPLE_PASS = example("Leadership ranks first for 92% of them[^survey].\n", extra=_SOURCES)


def source_ids(guide: Guide) -> set[str]:
    """The ``id`` of every front-matter ``sources`` entry."""
    sources = guide.get("sources")
    if not isinstance(sources, list):
        return set()
    return {str(s["id"]) for s in sources if isinstance(s, dict) and "id" in s}


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """Report each reference whose label is neither defined nor a source id."""
    known = guide.body.footnote_defs | source_ids(guide)
    return [
        diagnostic(
            guide,
            NAME,
            SEVERITY,
            guide.position(ref.offset),
            f"citation [^{ref.label}] matches no footnote definition and no 'sources' entry",
        )
        for ref in guide.body.footnote_refs
        if ref.label not in known
    ]
