"""Salary figures older than the policy's salary window.

Why: compensation data ages faster than the rest of a guide; a year-old pay
range misleads candidates negotiating an offer today.  Figures are dated by
the nearest marker (``as of Aug 2026`` in their sentence, table header or
caption) or else by ``salary_as_of``; they are stale when that date is older
than ``policy.salary_window`` (default 12 months).  A year alone counts from
1 January.  Drafts are exempt.

Fix: refresh the figures and move ``salary_as_of`` (``guidelint review
--salary`` does it for a guide whose figures are confirmed).
"""

from __future__ import annotations

from collections.abc import Iterable

from guidelint.context import Context, diagnostic
from guidelint.dates import parse_date
from guidelint.diagnostic import Diagnostic, Severity
from guidelint.guide import Guide
from guidelint.prose import salary_claims
from guidelint.rules.examples import example

NAME = "stale-salary"
SEVERITY: Severity = "error"
SUMMARY = "salary figures dated older than the salary window"
OPTIONS: dict[str, object] = {}
NEEDS: frozenset[str] = frozenset()
_SOURCES = "sources:\n  - id: brief\n    title: Editorial brief (example)\n"
_BODY = "L5 PM total compensation runs roughly $350,000-$450,000[^brief].\n"
EXAMPLE_FAIL = example(_BODY, extra=_SOURCES + "salary_as_of: 2024-03\n")
EXAMPLE_PASS = example(_BODY, extra=_SOURCES + "salary_as_of: 2026-06\n")


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """Report ``salary_as_of`` once, and each stale inline marker at its figure."""
    if guide.get("draft") is True:
        return []
    claims = salary_claims(guide, ctx.pay_words)
    if not claims:
        return []
    oldest_allowed = ctx.policy.salary_window.subtract_from(ctx.today)
    window = ctx.policy.salary_window
    found: list[Diagnostic] = []
    as_of = parse_date(guide.get("salary_as_of"))
    if as_of is not None and as_of.start < oldest_allowed and any(c.marker is None for c in claims):
        found.append(
            diagnostic(
                guide,
                NAME,
                SEVERITY,
                guide.key_position("salary_as_of"),
                f"salary figures as of {as_of} are older than the {window} salary window "
                f"(anything before {oldest_allowed}); refresh them and '{guide.key_name('salary_as_of')}'",
            )
        )
    for claim in claims:
        if claim.marker is not None and claim.marker.start < oldest_allowed:
            found.append(
                diagnostic(
                    guide,
                    NAME,
                    SEVERITY,
                    guide.position(claim.figure.offset),
                    f"salary figure '{claim.figure.text.strip()}' is dated {claim.marker}, older than "
                    f"the {window} salary window (anything before {oldest_allowed}); refresh it",
                )
            )
    return found
