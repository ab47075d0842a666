"""A source in ``sources`` published longer ago than the source window.

Why: a figure is only as current as the research behind it.  A survey from
four years ago may still be cited correctly and yet no longer describe
today's hiring market.  A ``sources`` entry's ``published`` date (a day or a
month, which counts from its first day) is stale when it is older than the
policy's ``source_window`` (default 3 years).  Entries without
``published`` are not judged; drafts are exempt.

Fix: find a newer source for the figures that cite it, or, if the source is
still the best available, say so in the text and silence the finding with a
reason.
"""

from __future__ import annotations

from collections.abc import Iterable

from guidelint.context import Context, diagnostic
from guidelint.dates import parse_date
from guidelint.diagnostic import Diagnostic, Severity
from guidelint.guide import Guide
from guidelint.rules.examples import example

NAME = "stale-source"
SEVERITY: Severity = "warning"
SUMMARY = "a `sources` entry published longer ago than the source window (default 3 years)"
OPTIONS: dict[str, object] = {}
NEEDS: frozenset[str] = frozenset()
_SOURCES = (
    "sources:\n  - id: survey\n    title: PMM competency survey (example)\n    published: {}\n"
)
_BODY = "Most surveyed product marketers rank positioning first[^survey].\n"
EXAMPLE_FAIL = example(_BODY, extra=_SOURCES.format("2022-05"))
EXAMPLE_PASS = example(_BODY, extra=_SOURCES.format("2026-03"))


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """One finding per stale ``published`` date, at that date."""
    sources = guide.get("sources")
    if guide.get("draft") is True or not isinstance(sources, list):
        return []
    window = ctx.policy.source_window
    oldest_allowed = window.subtract_from(ctx.today)
    found: list[Diagnostic] = []
    for index, source in enumerate(sources):
        if not isinstance(source, dict):
            continue
        published = parse_date(source.get("published"))
        if published is None or published.start >= oldest_allowed:
            continue
        name = source.get("id") or source.get("title") or f"#{index + 1}"
        found.append(
            diagnostic(
                guide,
                NAME,
                SEVERITY,
                guide.key_position("sources", index, "published"),
                f"source '{name}' was published {published}, more than {window} ago "
                f"(before {oldest_allowed}); find a newer source, or say why this one still holds",
            )
        )
    return found
