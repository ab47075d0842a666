"""The facts changed but ``updated`` (or ``salary_as_of``) did not move.

Why: readers and the freshness report trust ``updated`` to say when the
content last changed.  An edit that adds a statistic, changes a salary
figure, a ``sources`` entry or a gotcha's answers without moving ``updated``
makes the guide look older than its facts; one that changes salary figures
without moving ``salary_as_of`` dates the new figures wrongly.  The guide is
compared with its version in git: the last commit (under pre-commit, the
staged change is compared with HEAD) or, with ``--diff-base REV``, the merge
base of REV and HEAD.  Prose-only edits (a typo, a reworded sentence, a
reworded answer that keeps nine tenths of its text) need no bump and get
nothing, so editors are never pushed to fake freshness.  An ``updated`` that
already is today (or this month), or that is later than the day of the
compared commit, dates the change: it satisfies the rule.  Outside git, and
for a new file, the rule says nothing.

Fix: set ``updated`` to the day of the change (and ``salary_as_of`` to the
month the new figures were true).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from guidelint.context import Context, diagnostic
from guidelint.dates import add_months, parse_date
from guidelint.diagnostic import Diagnostic, Fix, Severity
from guidelint.guide import Guide
from guidelint.prose import salary_claims, section_end
from guidelint.rules.examples import example

NAME = "updated-not-bumped"
SEVERITY: Severity = "error"
SUMMARY = "facts changed since the last commit (or --diff-base) but `updated` did not move"
OPTIONS: dict[str, object] = {}
NEEDS: frozenset[str] = frozenset({"history"})
# An answer keeping at least this share of its text was edited, not rewritten.
SAME_ANSWER = 0.9
_BODY = "Most PMM loops have four rounds; 60% include a positioning exercise[^survey].\n"
_SOURCES = "sources:\n  - id: survey\n    title: PMM loop survey (example)\n"
EXAMPLE_PREVIOUS = example(_BODY, extra=_SOURCES)  # the guide as committed
EXAMPLE_FAIL = example(_BODY.replace("60%", "70%"), extra=_SOURCES)
EXAMPLE_PASS = EXAMPLE_FAIL.replace("updated: 2026-06", "updated: 2026-11-20")


class Facts(NamedTuple):
    """What a guide asserts, as opposed to how it words it."""

    statistics: Counter[str]
    salary: Counter[str]  # figures dated by salary_as_of (not by their own marker)
    sources: Counter[str]
    answers: tuple[str, ...]  # each gotcha's strong and weak answer text, in order


def facts(guide: Guide, pay_words: tuple[str, ...] = ()) -> Facts:
    """The facts of ``guide``: statistics, salary figures, sources, gotcha answers."""
    statistics: Counter[str] = Counter()
    for sentence in guide.prose.sentences:
        if not sentence.exempt:
            statistics.update(" ".join(s.text.split()) for s in sentence.stats)
    salary: Counter[str] = Counter()
    for claim in salary_claims(guide, pay_words):
        if claim.marker is None:
            money = (s for s in claim.sentence.stats if s.kind == "money")
            salary.update(" ".join(s.text.split()) for s in money)
    raw_sources = guide.get("sources")
    sources = Counter(
        json.dumps(item, sort_keys=True, ensure_ascii=False)
        for item in (raw_sources if isinstance(raw_sources, list) else [])
    )
    body = guide.body
    answers: list[str] = []
    for gotcha in guide.prose.gotchas:
        for heading in (gotcha.strong, gotcha.weak):
            inside = range(heading, section_end(body, heading)) if heading is not None else ()
            text = " ".join(b.text for b in body.blocks if b.heading in inside)
            answers.append(" ".join(text.split()))
    return Facts(statistics, salary, sources, tuple(answers))


def _counter_change(kind: str, old: Counter[str], new: Counter[str]) -> str | None:
    added, removed = new - old, old - new
    if added and removed:  # one figure in place of another: an edit, not an addition
        return f"{kind} changed from '{next(iter(removed))}' to '{next(iter(added))}'"
    if added:
        return f"{kind} '{next(iter(added))}' added"
    if removed:
        return f"{kind} '{next(iter(removed))}' removed"
    return None


def _answers_change(old: tuple[str, ...], new: tuple[str, ...]) -> str | None:
    if len(old) != len(new):
        return "a gotcha added" if len(new) > len(old) else "a gotcha removed"
    for before, after in zip(old, new, strict=True):
        if before == after:
            continue
        if not before or not after:
            return "a gotcha answer added" if after else "a gotcha answer removed"
        from difflib import SequenceMatcher  # only when an answer changed

        if SequenceMatcher(None, before, after).ratio() < SAME_ANSWER:
            return "a gotcha answer rewritten"
    return None


def _covers_change(value: object, ctx: Context) -> bool:
    """Whether ``updated`` already dates a change made today.

    It does when its day (or month) is today or later, or when it is later
    than the day of the compared commit: set after that commit, it moved.
    """
    updated = parse_date(value)
    if updated is None:
        return False
    if updated.precision == "day":
        last_day = updated.start
    elif updated.precision == "month":
        last_day = add_months(updated.start, 1) - dt.timedelta(days=1)
    else:
        last_day = updated.start.replace(month=12, day=31)
    if last_day >= ctx.today:
        return True
    return ctx.previous_day is not None and updated.start > ctx.previous_day


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """Compare with ``ctx.previous``; report at ``updated`` and ``salary_as_of``."""
    previous = ctx.previous
    if previous is None or previous.meta is None or guide.meta is None:
        return []
    if not guide.has("updated"):
        return []  # updated-date reports that
    old, new = facts(previous, ctx.pay_words), facts(guide, ctx.pay_words)
    found: list[Diagnostic] = []
    change = (
        _counter_change("statistic", old.statistics, new.statistics)
        or _counter_change("source", old.sources, new.sources)
        or _answers_change(old.answers, new.answers)
    )
    since = f"since {ctx.previous_rev}"
    if (
        change
        and guide.get("updated") == previous.get("updated")
        and not _covers_change(guide.get("updated"), ctx)
    ):
        key = guide.key_name("updated")
        from guidelint.fixes import (
            set_value,
        )  # imported here: most guides get no such finding, and pre-commit pays every import

        edit = set_value(guide, key, ctx.today.isoformat())
        fix = Fix(f"Set '{key}' to {ctx.today}", (edit,), "safe") if edit else None
        message = (
            f"facts changed {since} ({change}) but '{key}' is still {guide.get('updated')}: "
            "set it to the day of this change"
        )
        where = guide.key_position("updated")
        found.append(diagnostic(guide, NAME, SEVERITY, where, message, fix=fix))
    salary = _counter_change("figure", old.salary, new.salary)
    if (
        salary
        and guide.has("salary_as_of")
        and guide.get("salary_as_of") == previous.get("salary_as_of")
    ):
        message = (
            f"salary figures changed {since} ({salary}) but 'salary_as_of' is still "
            f"{guide.get('salary_as_of')}: set it to when the new figures were true"
        )
        found.append(diagnostic(guide, NAME, SEVERITY, guide.key_position("salary_as_of"), message))
    return found
