"""``updated`` is missing, is not a date, or is in the future.

Why: every freshness decision counts from the day the content last changed.
A guide without ``updated`` can never be found stale; a future date hides
staleness for as long as it stays in the future.  ``reviewed`` is held to the
same standard when present.

Fix: set ``updated: YYYY-MM-DD`` (or ``YYYY-MM``) to the day the content last
changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from guidelint.context import Context, diagnostic
from guidelint.dates import parse_date
from guidelint.diagnostic import Diagnostic, Severity
from guidelint.guide import Guide
from guidelint.rules.examples import example

NAME = "updated-date"
SEVERITY: Severity = "error"
SUMMARY = "`updated` is missing, unparseable, or in the future"
OPTIONS: dict[str, object] = {}
NEEDS: frozenset[str] = frozenset()
EXAMPLE_FAIL = example("Body.\n").replace("updated: 2026-06\n", "updated: June 2026\n")
EXAMPLE_PASS = example("Body.\n")


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """Check ``updated`` (required) and ``reviewed`` (optional)."""
    if guide.meta is None:
        return []
    return list(_check(guide, ctx))


def _check(guide: Guide, ctx: Context) -> Iterator[Diagnostic]:
    for name, required in (("updated", True), ("reviewed", False)):
        key = guide.key_name(name)
        if not guide.has(name):
            if required:
                yield diagnostic(
                    guide,
                    NAME,
                    SEVERITY,
                    guide.key_position(),
                    f"front matter has no '{key}': add '{key}: YYYY-MM-DD', "
                    "the day the content last changed",
                )
            continue
        value = guide.get(name)
        parsed = parse_date(value)
        if parsed is None:
            yield diagnostic(
                guide,
                NAME,
                SEVERITY,
                guide.key_position(name),
                f"'{key}' is {value!r}, not a date: write YYYY-MM-DD or YYYY-MM",
            )
        elif parsed.start > ctx.today:
            yield diagnostic(
                guide,
                NAME,
                SEVERITY,
                guide.key_position(name),
                f"'{key}' is {parsed}, in the future (today is {ctx.today})",
            )
