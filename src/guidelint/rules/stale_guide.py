"""The guide's freshness window has passed.

Why: interview loops, levels and pay change; a guide nobody has looked at in
a year is likely wrong somewhere.  Freshness counts from the later of
``updated`` and ``reviewed`` (a month counts from its first day); the window
is the guide's ``review_every`` or the policy's ``review_every`` (default 12
months).  A guide with ``expires`` (Hugo's ``expirydate``, GOV.UK's
``expire_by``, mapped under ``keys:``) is due on that day instead.  Drafts
(``draft: true``) are exempt.

Fix: update the content and ``updated``, or, if an editor has checked it is
still true, record that with ``guidelint review PATH`` (sets ``reviewed``).
"""

from __future__ import annotations

from collections.abc import Iterable

from guidelint.context import Context, diagnostic
from guidelint.dates import Duration, PartialDate, parse_date, parse_duration
from guidelint.diagnostic import Diagnostic, Severity
from guidelint.guide import Guide
from guidelint.rules.examples import example

NAME = "stale-guide"
SEVERITY: Severity = "error"
SUMMARY = "the guide is older than its freshness window"
OPTIONS: dict[str, object] = {}
NEEDS: frozenset[str] = frozenset()
EXAMPLE_FAIL = example("Body.\n").replace("updated: 2026-06\n", "updated: 2025-01\n")
EXAMPLE_PASS = example("Body.\n").replace(
    "updated: 2026-06\n", "updated: 2025-01\nreviewed: 2026-10-02\n"
)


def freshness_base(guide: Guide) -> tuple[str, PartialDate] | None:
    """The key (``updated`` or ``reviewed``) and date freshness counts from."""
    best: tuple[str, PartialDate] | None = None
    for name in ("updated", "reviewed"):
        parsed = parse_date(guide.get(name))
        if parsed is not None and (best is None or parsed.start >= best[1].start):
            best = (name, parsed)
    return best


def window(guide: Guide, default: Duration) -> Duration:
    """The guide's own ``review_every``, or the policy's."""
    own = guide.get("review_every")
    parsed = parse_duration(own) if isinstance(own, str) else None
    return parsed or default


def expiry(guide: Guide) -> PartialDate | None:
    """The guide's own due date (``expires``), if it sets a readable one."""
    return parse_date(guide.get("expires"))


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """Report a guide whose due date is before today."""
    if guide.meta is None or guide.get("draft") is True:
        return []
    expires = expiry(guide)
    if expires is not None:
        return _expired(guide, expires, ctx)
    base = freshness_base(guide)
    if base is None or base[1].start > ctx.today:
        return []  # updated-date reports a missing or future date
    span = window(guide, ctx.policy.review_every)
    due = span.add_to(base[1].start)
    if ctx.today <= due:
        return []
    overdue = (ctx.today - due).days
    return [
        diagnostic(
            guide,
            NAME,
            SEVERITY,
            guide.key_position(base[0]),
            f"stale: {guide.key_name(base[0])} {base[1]} plus the {span} window was due {due}, "
            f"{overdue} day{'' if overdue == 1 else 's'} ago; update the content and '{guide.key_name('updated')}', "
            "or record a review with 'guidelint review'",
        )
    ]


def _expired(guide: Guide, expires: PartialDate, ctx: Context) -> list[Diagnostic]:
    """Report a guide whose own ``expires`` day has passed."""
    if ctx.today <= expires.start:
        return []
    overdue = (ctx.today - expires.start).days
    key = guide.key_name("expires")
    return [
        diagnostic(
            guide,
            NAME,
            SEVERITY,
            guide.key_position("expires"),
            f"stale: {key} {expires} has passed, {overdue} day{'' if overdue == 1 else 's'} "
            f"ago; update the content and move '{key}' to the day it should next be checked",
        )
    ]
