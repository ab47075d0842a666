"""The freshness report's data: one frozen record per guide, plus totals.

:func:`build_report` is a pure function from parsed guides, the lint
findings for them, the policy and "today" to a :class:`Report`; every output
format (``guidelint.report_formats``) renders that same value, so the numbers
agree across formats.  :func:`collect` is the impure part: it finds and reads
the guides and runs :func:`guidelint.engine.lint` for their open findings.

Freshness counts from the later of ``updated`` and ``reviewed`` (a month
counts from its first day); a guide is *stale* once its window has passed,
*due soon* when it falls due within ``due_within``, a *draft* when
``draft: true``, else *fresh*.  A guide with no usable date (missing,
unparseable or in the future) counts as stale: nothing shows it is still true.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from guidelint.config import Config, Policy
from guidelint.dates import Duration, PartialDate, parse_date
from guidelint.diagnostic import Diagnostic
from guidelint.guide import Guide

Status = Literal["fresh", "due-soon", "stale", "draft"]
STATUSES: tuple[Status, ...] = ("stale", "due-soon", "fresh", "draft")
STATUS_LABELS: dict[Status, str] = {
    "stale": "stale",
    "due-soon": "due soon",
    "fresh": "fresh",
    "draft": "draft",
}
SalaryStatus = Literal["none", "fresh", "stale", "undated"]
NO_OWNER = "(no owner)"

# Every way prose.py can spell money contains one of these; a body without any
# has no salary figures, so the (costly) prose analysis can be skipped.
_MONEY_HINT = re.compile(
    r"[$£€¥₹]|\b(?:usd|eur|gbp|cad|aud|inr|jpy|chf|sgd|dollars|euros|pounds)\b", re.I
)


@dataclass(frozen=True, slots=True)
class GuideRecord:
    """One guide's line in the report."""

    path: str
    title: str
    owner: str
    updated: str | None  # as precise as the guide wrote it: 2026-06 or 2026-06-15
    reviewed: str | None
    window: str  # the freshness window in force, e.g. 6mo
    age_days: int | None  # days since the later of updated/reviewed; None: no usable date
    window_days: int | None  # length of the window from that date, in days
    due: dt.date | None
    days_left: int | None  # negative once overdue
    status: Status
    salary_as_of: str | None  # the oldest date the guide's pay figures are held to
    salary_status: SalaryStatus
    findings: tuple[tuple[str, int], ...]  # (rule, open findings), by rule name
    errors: int
    warnings: int

    @property
    def findings_total(self) -> int:
        """All open findings in this guide."""
        return self.errors + self.warnings


@dataclass(frozen=True, slots=True)
class StatusCounts:
    """How many guides have each status."""

    stale: int = 0
    due_soon: int = 0
    fresh: int = 0
    draft: int = 0

    @property
    def total(self) -> int:
        """Guides counted."""
        return self.stale + self.due_soon + self.fresh + self.draft

    def get(self, status: Status) -> int:
        """The count for ``status``."""
        return int(getattr(self, status.replace("-", "_")))

    def items(self) -> list[tuple[Status, int]]:
        """``(status, count)`` in report order: stale first."""
        return [(status, self.get(status)) for status in STATUSES]


@dataclass(frozen=True, slots=True)
class OwnerTotals:
    """One owner's guides by status, and their open findings."""

    owner: str
    counts: StatusCounts
    findings: int


@dataclass(frozen=True, slots=True)
class Report:
    """Everything every report format shows."""

    today: dt.date
    due_within: Duration
    review_every: Duration  # the policy default; a guide may set its own
    salary_window: Duration
    owner_filter: str | None
    guides: tuple[GuideRecord, ...]  # oldest first
    totals: StatusCounts
    owners: tuple[OwnerTotals, ...]  # most stale first
    findings_by_rule: tuple[tuple[str, int], ...]


def build_report(
    guides: Sequence[Guide],
    diagnostics: Iterable[Diagnostic],
    policy: Policy,
    today: dt.date,
    *,
    due_within: Duration | None = None,
    owner: str | None = None,
    pay_words: tuple[str, ...] = (),
) -> Report:
    """The report for ``guides`` with their open ``diagnostics`` on ``today``."""
    margin = due_within or policy.due_soon
    by_path: dict[str, list[Diagnostic]] = {}
    for diag in diagnostics:
        by_path.setdefault(diag.path, []).append(diag)
    records = [
        _record(guide, by_path.get(guide.path, []), policy, today, margin, pay_words)
        for guide in guides
    ]
    if owner is not None:
        wanted = owner.casefold()
        records = [r for r in records if r.owner.casefold() == wanted]
    records.sort(key=_oldest_first)
    owners: dict[str, list[GuideRecord]] = {}
    for record in records:
        owners.setdefault(record.owner, []).append(record)
    owner_totals = [
        OwnerTotals(name, _count(group), sum(r.findings_total for r in group))
        for name, group in owners.items()
    ]
    owner_totals.sort(key=lambda o: (-o.counts.stale, -o.counts.due_soon, o.owner.casefold()))
    rule_totals: Counter[str] = Counter()
    for record in records:
        for rule, count in record.findings:
            rule_totals[rule] += count
    return Report(
        today=today,
        due_within=margin,
        review_every=policy.review_every,
        salary_window=policy.salary_window,
        owner_filter=owner,
        guides=tuple(records),
        totals=_count(records),
        owners=tuple(owner_totals),
        findings_by_rule=tuple(sorted(rule_totals.items())),
    )


def _oldest_first(record: GuideRecord) -> tuple[int, int, str]:
    # Undated guides first (nothing says they are true), then by age, oldest first.
    return (0 if record.age_days is None else 1, -(record.age_days or 0), record.path)


def _count(records: Iterable[GuideRecord]) -> StatusCounts:
    counts = Counter(r.status for r in records)
    return StatusCounts(counts["stale"], counts["due-soon"], counts["fresh"], counts["draft"])


def _record(
    guide: Guide,
    found: list[Diagnostic],
    policy: Policy,
    today: dt.date,
    margin: Duration,
    pay_words: tuple[str, ...],
) -> GuideRecord:
    from guidelint.rules.stale_guide import freshness_base, window

    updated = parse_date(guide.get("updated"))
    reviewed = parse_date(guide.get("reviewed"))
    span = window(guide, policy.review_every)
    base = freshness_base(guide)
    age = due = days_left = window_days = None
    if base is not None and base[1].start <= today:
        start = base[1].start
        due = span.add_to(start)
        age = (today - start).days
        window_days = (due - start).days
        days_left = (due - today).days
    status: Status
    if guide.get("draft") is True:
        status = "draft"
    elif due is None or today > due:
        status = "stale"
    elif today >= margin.subtract_from(due):
        status = "due-soon"
    else:
        status = "fresh"
    salary_date, salary_status = _salary(guide, policy, today, pay_words)
    rules = Counter(d.rule for d in found)
    errors = sum(1 for d in found if d.severity == "error")
    return GuideRecord(
        path=guide.path,
        title=_text(guide.get("title")) or Path(guide.path).stem,
        owner=_text(guide.get("owner")) or NO_OWNER,
        updated=str(updated) if updated else None,
        reviewed=str(reviewed) if reviewed else None,
        window=str(span),
        age_days=age,
        window_days=window_days,
        due=due,
        days_left=days_left,
        status=status,
        salary_as_of=str(salary_date) if salary_date else None,
        salary_status=salary_status,
        findings=tuple(sorted(rules.items())),
        errors=errors,
        warnings=len(found) - errors,
    )


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _salary(
    guide: Guide, policy: Policy, today: dt.date, pay_words: tuple[str, ...]
) -> tuple[PartialDate | None, SalaryStatus]:
    """The oldest date the guide's pay figures rest on, and whether it is in the window."""
    from guidelint.prose import salary_claims

    as_of = parse_date(guide.get("salary_as_of"))
    if as_of is not None and as_of.start > today:
        as_of = None  # a future date proves nothing (salary-date reports it)
    if guide.meta is None or not _MONEY_HINT.search(guide.body_text):
        claims = []
    else:
        claims = salary_claims(guide, pay_words)
    dates: list[PartialDate] = [c.marker for c in claims if c.marker is not None]
    if any(c.marker is None for c in claims) or (not claims and guide.has("salary_as_of")):
        if as_of is None:
            return None, "undated" if claims else "none"
        dates.append(as_of)
    if not dates:
        return None, "none"
    oldest = min(dates, key=lambda d: d.start)
    stale = oldest.start < policy.salary_window.subtract_from(today)
    return oldest, "stale" if stale else "fresh"


def collect(
    paths: Sequence[Path],
    config: Config,
    today: dt.date,
    *,
    cwd: Path | None = None,
    jobs: int = 1,
    due_within: Duration | None = None,
    owner: str | None = None,
) -> Report:
    """Find and read the guides under ``paths``, lint them, and build the report."""
    from guidelint.engine import RunOptions, discover, display_path, lint, read_file
    from guidelint.errors import UsageError

    cwd = cwd or Path.cwd()
    if not paths:
        if not config.content_root.is_dir():
            raise UsageError(
                f"content root {config.content_root} is not a folder; name paths to report on"
            )
        paths = [config.content_root]
    files = discover(paths, config)
    result = lint(files, config, RunOptions(today=today, jobs=jobs), cwd)
    guides = [read_file(path, display_path(path, cwd), config) for path in files]
    return build_report(
        guides,
        result.diagnostics,
        config.policy,
        today,
        due_within=due_within,
        owner=owner,
        pay_words=config.pay_words,
    )
