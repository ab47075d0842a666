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
from guidelint.rules.examples import PAY_FIGURE, example

NAME = "stale-salary"
SEVERITY: Severity = "error"
SUMMARY = "salary figures dated older than the salary window"
OPTIONS: dict[str, object] = {}
NEEDS: frozenset[str] = frozenset()
_BODY, _SOURCES = PAY_FIGURE
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
    reported_tables: set[int] = set()
    blocks = guide.body.blocks
    for claim in claims:
        if claim.marker is None or claim.marker.start >= oldest_allowed:
            continue
        table = blocks[claim.sentence.block].table
        if table >= 0 and table in reported_tables:
            continue  # a stale table is one finding, at its first stale row
        reported_tables.add(table)
        figure = claim.figure.text.strip()
        message = (
            f"salary figure '{figure}' is dated {claim.marker}, older than the {window} salary "
            f"window (anything before {oldest_allowed}); refresh it"
        )
        if table >= 0:
            message += " and the rest of its table"
        where = guide.position(claim.figure.offset)
        found.append(diagnostic(guide, NAME, SEVERITY, where, message))
    return found
