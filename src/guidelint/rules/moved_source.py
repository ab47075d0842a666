"""A cited URL that has moved for good: its server answers with a permanent redirect.

Why: a 301 or 308 says the page lives elsewhere now.  The old URL works
today, but redirects are the first thing a site redesign drops, and a
source that moved is often a source that changed: the guide should cite
where the page is, and someone should look at what it says there.
Temporary redirects (302, 303, 307) are not reported.  This rule needs the
network, so it runs only under ``guidelint sources`` and
``guidelint check --online``.

Fix: cite the new URL (the finding names it; ``guidelint sources --fix``
rewrites it in place, keeping any ``#fragment``), and check the figure
still matches the page.  Option ``links: false`` reports only ``sources``
entries, not links in the prose.
"""

from __future__ import annotations

from collections.abc import Iterable

from guidelint.context import Context
from guidelint.diagnostic import Diagnostic, Severity
from guidelint.guide import Guide
from guidelint.rules.examples import example

NAME = "moved-source"
SEVERITY: Severity = "warning"
SUMMARY = "a cited URL redirects permanently (301/308): cite the new URL (runs only online)"
OPTIONS: dict[str, object] = {
    "links": {"type": "boolean", "description": "also judge links in the prose (default true)"}
}
NEEDS: frozenset[str] = frozenset({"sources"})
_BODY = "Read the [hiring survey]({}) before the loop.\n"
EXAMPLE_FAIL = example(_BODY.format("http://example.com/survey"))
EXAMPLE_PASS = example(_BODY.format("https://example.com/research/survey"))
# What the network said about the examples' URLs (verdict, new URL), for the docs' tests.
EXAMPLE_SOURCES = {
    "http://example.com/survey": ("moved", "https://example.com/research/survey"),
    "https://example.com/research/survey": ("alive", None),
}


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """One finding per citation of a permanently moved URL, naming where it went."""
    if ctx.sources is None:
        return []
    # Imported here: the source checker is loaded only by runs that checked sources.
    from guidelint.sources.diagnostics import guide_findings

    links = ctx.option(NAME, "links", True)
    return guide_findings(guide, ctx.sources, "moved", links=links)
