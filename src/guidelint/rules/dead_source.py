"""A cited URL that no longer exists: a ``sources`` entry or a link in the prose.

Why: a statistic whose source now answers 404 has lost its source as surely
as one that never had one, and a reader who follows the link finds nothing.
Dead means the server says so (404, 410), the host name no longer resolves,
or the connection is refused even after a retry.  Timeouts, 5xx errors after
retries and TLS failures are *unreachable*: reported by ``guidelint sources``
as such, never as dead.  This rule needs the network, so it runs only under
``guidelint sources`` and ``guidelint check --online``; plain ``check`` and
the pre-commit hook never make a request.

Fix: find where the page went (the publisher's site, an archived copy such
as the Wayback Machine's) and cite that, or a newer source for the figure;
if the URL is dead on purpose, silence the finding with a reason.  Option
``links: false`` reports only ``sources`` entries, not links in the prose.
"""

from __future__ import annotations

from collections.abc import Iterable

from guidelint.context import Context
from guidelint.diagnostic import Diagnostic, Severity
from guidelint.guide import Guide
from guidelint.rules.examples import example

NAME = "dead-source"
SEVERITY: Severity = "error"
SUMMARY = "a cited URL is gone: 404/410, no such host, or refused (runs only online)"
OPTIONS: dict[str, object] = {
    "links": {"type": "boolean", "description": "also judge links in the prose (default true)"}
}
NEEDS: frozenset[str] = frozenset({"sources"})
_SOURCES = "sources:\n  - id: survey\n    title: PMM survey (example)\n    url: {}\n"
_BODY = "Most surveyed product marketers rank positioning first[^survey].\n"
EXAMPLE_FAIL = example(_BODY, extra=_SOURCES.format("https://example.com/survey-2024"))
EXAMPLE_PASS = example(_BODY, extra=_SOURCES.format("https://example.com/survey-2026"))
# What the network said about the examples' URLs (verdict, new URL), for the docs' tests.
EXAMPLE_SOURCES = {
    "https://example.com/survey-2024": ("dead", None),
    "https://example.com/survey-2026": ("alive", None),
}


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """One finding per citation of a dead URL, where the guide cites it."""
    if ctx.sources is None:
        return []
    # Imported here: the source checker is loaded only by runs that checked sources.
    from guidelint.sources.diagnostics import guide_findings

    links = ctx.option(NAME, "links", True)
    return guide_findings(guide, ctx.sources, "dead", links=links)
