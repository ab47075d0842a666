"""The freshness report's data: one frozen record per guide, plus totals.

:func:`build_report` is a pure function from parsed guides, the lint
findings for them, the policy and "today" to a :class:`Report`; every output
format (``guidelint.report_formats``) renders that same value, so the numbers
agree across formats.  :func:`collect` is the impure part: it runs
:func:`guidelint.engine.lint`, which hands each parsed guide to
:func:`guide_facts` and returns those facts with the open findings.

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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from guidelint.config import Config
from guidelint.context import Context
from guidelint.dates import Duration, PartialDate, parse_date
from guidelint.diagnostic import Diagnostic
from guidelint.guide import Guide
from guidelint.policy import Policy
from guidelint.prose import salary_claims
from guidelint.prose.statistics import CODES, CURRENCY_WORDS, SIGNS

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

# Every way the statistic grammar spells money contains one of these; a body
# without any has no salary figures, so the (costly) prose analysis can be skipped.
_MONEY_HINT = re.compile(rf"[{SIGNS}]|\b(?:{'|'.join(CODES + CURRENCY_WORDS)})\b", re.I)


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
    sources: SourcesNote | None = None  # a recent `guidelint sources` run, if any


@dataclass(frozen=True, slots=True)
class SourcesNote:
    """The last ``guidelint sources`` run the report includes: when, and its counts by owner."""

    checked_on: dt.date  # the newest check of any guide in the report
    age_days: int
    by_owner: tuple[tuple[str, int, int], ...]  # (owner, dead, moved), owners with any


@dataclass(frozen=True, slots=True)
class GuideFacts:
    """What the report needs from one parsed guide: small, picklable, no findings yet."""

    path: str
    title: str
    owner: str
    updated: str | None
    reviewed: str | None
    window: Duration
    start: dt.date | None  # the later of updated/reviewed; None if missing or in the future
    draft: bool
    salary_as_of: str | None
    salary_status: SalaryStatus
    expires: dt.date | None = None  # the guide's own due date (``expires``)


def guide_facts(guide: Guide, ctx: Context) -> GuideFacts:
    """Read one guide's dates, owner and salary facts (``engine.lint`` calls this per file)."""
    from guidelint.rules.stale_guide import expiry, freshness_base, window

    updated = parse_date(guide.get("updated"))
    reviewed = parse_date(guide.get("reviewed"))
    base = freshness_base(guide)
    start = base[1].start if base is not None and base[1].start <= ctx.today else None
    salary_date, salary_status = _salary(guide, ctx)
    return GuideFacts(
        path=guide.path,
        title=_text(guide.get("title")) or Path(guide.path).stem,
        owner=_owner(guide.get("owner")),
        updated=str(updated) if updated else None,
        reviewed=str(reviewed) if reviewed else None,
        window=window(guide, ctx.policy.review_every),
        start=start,
        draft=guide.get("draft") is True,
        salary_as_of=str(salary_date) if salary_date else None,
        salary_status=salary_status,
        expires=expires.start if (expires := expiry(guide)) is not None else None,
    )


def _owner(value: object) -> str:
    """The guide's owner; of a list (Hugo's ``authors: [a, b]``), the first listed.

    One owner per guide keeps each owner's counts adding up to the totals;
    the first listed is the lead author.
    """
    if isinstance(value, list):
        value = next((item for item in value if _text(item)), None)
    return _text(value) or NO_OWNER


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
    """The report for parsed ``guides`` with their open ``diagnostics`` on ``today``."""
    ctx = Context(today=today, policy=policy, pay_words=pay_words)
    facts = [guide_facts(guide, ctx) for guide in guides]
    return assemble(facts, diagnostics, policy, today, due_within=due_within, owner=owner)


def assemble(
    facts: Iterable[GuideFacts],
    diagnostics: Iterable[Diagnostic],
    policy: Policy,
    today: dt.date,
    *,
    due_within: Duration | None = None,
    owner: str | None = None,
) -> Report:
    """The report from each guide's facts and the run's findings."""
    margin = due_within or policy.due_soon
    by_path: dict[str, list[Diagnostic]] = {}
    for diag in diagnostics:
        by_path.setdefault(diag.path, []).append(diag)
    records = [_record(f, by_path.get(f.path, []), today, margin) for f in facts]
    if owner is not None:
        wanted = owner.casefold()
        records = [r for r in records if r.owner.casefold() == wanted]
    records = _fold_owners(records)
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


def _fold_owners(records: list[GuideRecord]) -> list[GuideRecord]:
    """One owner per name whatever its case, spelled as most of its guides spell it."""
    counts = Counter(r.owner for r in records)
    spellings: dict[str, list[str]] = {}
    for name in counts:
        spellings.setdefault(name.casefold(), []).append(name)
    rename: dict[str, str] = {}
    for names in spellings.values():
        if len(names) > 1:  # a tie goes to the first in code-point order: order-independent
            chosen = min(names, key=lambda n: (-counts[n], n))
            rename.update((n, chosen) for n in names if n != chosen)
    if not rename:
        return records
    return [replace(r, owner=rename[r.owner]) if r.owner in rename else r for r in records]


def _oldest_first(record: GuideRecord) -> tuple[int, int, str]:
    # Undated guides first (nothing says they are true), then by age, oldest first.
    return (0 if record.age_days is None else 1, -(record.age_days or 0), record.path)


def _count(records: Iterable[GuideRecord]) -> StatusCounts:
    counts = Counter(r.status for r in records)
    return StatusCounts(counts["stale"], counts["due-soon"], counts["fresh"], counts["draft"])


def _record(
    facts: GuideFacts, found: list[Diagnostic], today: dt.date, margin: Duration
) -> GuideRecord:
    age = due = days_left = window_days = None
    if facts.start is not None:
        due = facts.window.add_to(facts.start)
        age = (today - facts.start).days
        window_days = (due - facts.start).days
        days_left = (due - today).days
    if facts.expires is not None:  # the guide's own due date wins over its window
        due = facts.expires
        days_left = (due - today).days
        window_days = (due - facts.start).days if facts.start is not None else None
    status: Status
    if facts.draft:
        status = "draft"
    elif due is None or today > due:
        status = "stale"
    elif today >= margin.subtract_from(due):
        status = "due-soon"
    else:
        status = "fresh"
    rules = Counter(d.rule for d in found)
    errors = sum(1 for d in found if d.severity == "error")
    return GuideRecord(
        path=facts.path,
        title=facts.title,
        owner=facts.owner,
        updated=facts.updated,
        reviewed=facts.reviewed,
        window=str(facts.window),
        age_days=age,
        window_days=window_days,
        due=due,
        days_left=days_left,
        status=status,
        salary_as_of=facts.salary_as_of,
        salary_status=facts.salary_status,
        findings=tuple(sorted(rules.items())),
        errors=errors,
        warnings=len(found) - errors,
    )


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _salary(guide: Guide, ctx: Context) -> tuple[PartialDate | None, SalaryStatus]:
    """The oldest date the guide's pay figures rest on, and whether it is in the window."""
    as_of = parse_date(guide.get("salary_as_of"))
    if as_of is not None and as_of.start > ctx.today:
        as_of = None  # a future date proves nothing (salary-date reports it)
    if guide.meta is None or not _MONEY_HINT.search(guide.body_text):
        claims = []
    else:
        claims = salary_claims(guide, ctx.pay_words)
    dates: list[PartialDate] = [c.marker for c in claims if c.marker is not None]
    if any(c.marker is None for c in claims) or (not claims and guide.has("salary_as_of")):
        if as_of is None:
            return None, "undated" if claims else "none"
        dates.append(as_of)
    if not dates:
        return None, "none"
    oldest = min(dates, key=lambda d: d.start)
    stale = oldest.start < ctx.policy.salary_window.subtract_from(ctx.today)
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
    from guidelint.engine import RunOptions, discover, lint, no_guides_message
    from guidelint.errors import UsageError

    cwd = cwd or Path.cwd()
    if not paths:
        if not config.content_root.is_dir():
            raise UsageError(
                f"content root {config.content_root} is not a folder; name paths to report on"
            )
        paths = [config.content_root]
    files = discover(paths, config)
    if not files:  # lint([]) would check the content root instead
        raise UsageError(no_guides_message(paths))
    # The facts are read in the lint workers from the guide they already
    # parsed, so each file is read and parsed once, in parallel.
    result = lint(files, config, RunOptions(today=today, jobs=jobs), cwd, collect=guide_facts)
    facts = [value for _, value in result.collected]
    found, checked_on = list(result.diagnostics), None
    if config.cache_dir is not None:
        recorded, checked_on = recent_sources(facts, config, today, cwd)
        found.extend(recorded)
    report = assemble(facts, found, config.policy, today, due_within=due_within, owner=owner)
    return report if checked_on is None else with_sources_note(report, checked_on)


def recent_sources(
    facts: Sequence[GuideFacts], config: Config, today: dt.date, cwd: Path
) -> tuple[list[Diagnostic], dt.date | None]:
    """The findings of each guide's last source check within ``policy.source_cache``, and
    the day of the newest such check (``None``: no recent run)."""
    import os

    from guidelint.sources.record import load_run

    assert config.cache_dir is not None
    record = load_run(config.cache_dir)
    oldest = config.policy.source_cache.subtract_from(today)
    found: list[Diagnostic] = []
    newest: dt.date | None = None
    for fact in facts:
        checked = record.get(os.path.abspath(os.path.join(cwd, fact.path)))
        if checked is None or not oldest <= checked.checked_at.date() <= today:
            continue
        newest = max(newest or checked.checked_at.date(), checked.checked_at.date())
        found.extend(
            Diagnostic(fact.path, line, column, rule, severity, message)  # type: ignore[arg-type]
            for line, column, rule, severity, message in checked.findings
        )
    return found, newest


def with_sources_note(report: Report, checked_on: dt.date) -> Report:
    """``report`` saying when sources were last checked, and dead/moved counts by owner."""
    counts: dict[str, list[int]] = {}
    for record in report.guides:
        found = dict(record.findings)
        dead, moved = found.get("dead-source", 0), found.get("moved-source", 0)
        if dead or moved:
            total = counts.setdefault(record.owner, [0, 0])
            total[0] += dead
            total[1] += moved
    by_owner = tuple((owner, d, m) for owner, (d, m) in sorted(counts.items(), key=_most_dead))
    note = SourcesNote(checked_on, (report.today - checked_on).days, by_owner)
    return replace(report, sources=note)


def _most_dead(item: tuple[str, list[int]]) -> tuple[int, int, str]:
    return (-item[1][0], -item[1][1], item[0].casefold())
