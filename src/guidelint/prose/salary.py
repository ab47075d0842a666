"""Salary figures: pay words, 'as of' date markers, and the sentences that state pay."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from guidelint.dates import MONTH_NAMES, PartialDate

if TYPE_CHECKING:
    from guidelint.guide import Guide
    from guidelint.prose import Sentence, Statistic

_PAY_WORDS = frozenset(
    (
        "salary",
        "salaries",
        "compensation",
        "comp",
        "tc",
        "pay",
        "pays",
        "paid",
        "base",
        "bonus",
        "bonuses",
        "equity",
        "rsu",
        "rsus",
        "offer",
        "offers",
        "package",
        "packages",
        "ote",
        "earn",
        "earns",
        "earning",
        "earnings",
        "wage",
        "wages",
    )
)
_LOWER_WORD_RE = re.compile(r"[a-z]+")
# Month spellings: "aug", "august", and "sept".
_MONTHS = {
    spelling: number
    for number, name in enumerate(MONTH_NAMES, 1)
    for spelling in (name[:3].lower(), name.lower())
} | {"sept": 9}
_MONTH_ALTERNATIVES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR_HINT_RE = re.compile(r"[12][0-9]{3}")
_MARKER_RE = re.compile(
    rf"\bas\s+of\s+(?:(?P<mon>{_MONTH_ALTERNATIVES})\.?\s+)?(?P<year>(?:19|20)\d\d)"
    rf"(?:-(?P<imon>\d\d)(?:-\d\d)?)?\b"
    rf"|\((?P<dyear>(?:19|20)\d\d)\s+data\)"
    rf"|\bin\s+(?:(?P<inmon>{_MONTH_ALTERNATIVES})\.?\s+)?(?P<inyear>(?:19|20)\d\d)\b",
    re.I,
)


def has_pay_word(text: str, extra: tuple[str, ...] = ()) -> bool:
    """Whether ``text`` speaks of pay (salary, comp, TC, bonus, ...)."""
    words = _LOWER_WORD_RE.findall(text.lower())
    if not _PAY_WORDS.isdisjoint(words):  # stops at the first pay word
        return True
    return bool(extra) and not {w.lower() for w in extra}.isdisjoint(words)


def date_marker(text: str) -> PartialDate | None:
    """The latest explicit 'as of Aug 2026' / '(2026 data)' / 'in 2025' marker in ``text``."""
    best: PartialDate | None = None
    if not _YEAR_HINT_RE.search(text):
        return None  # every marker names a year; most sentences have none
    for match in _MARKER_RE.finditer(text):
        year = int(match["year"] or match["dyear"] or match["inyear"])
        month_name = (match["mon"] or match["inmon"] or "").lower()
        month = int(match["imon"]) if match["imon"] else _MONTHS.get(month_name)
        if month and 1 <= month <= 12:
            found = PartialDate(dt.date(year, month, 1), "month")
        else:
            found = PartialDate(dt.date(year, 1, 1), "year")
        if best is None or found.start > best.start:
            best = found
    return best


@dataclass(frozen=True, slots=True)
class SalaryClaim:
    """A sentence (or table row) with pay figures, and its own date marker."""

    sentence: Sentence
    figure: Statistic  # the first money amount
    marker: PartialDate | None  # 'as of Aug 2026' in the sentence, row, header or caption


def salary_claims(guide: Guide, extra_pay_words: tuple[str, ...] = ()) -> list[SalaryClaim]:
    """Every non-sample sentence whose money amounts are pay figures."""
    key = ("salary_claims", extra_pay_words)
    if key not in guide.memo:  # three rules ask; work it out once
        guide.memo[key] = _salary_claims(guide, extra_pay_words)
    result: list[SalaryClaim] = guide.memo[key]
    return result


def _salary_claims(guide: Guide, extra_pay_words: tuple[str, ...]) -> list[SalaryClaim]:
    claims: list[SalaryClaim] = []
    blocks = guide.body.blocks
    for sentence in guide.prose.sentences:
        if sentence.exempt:
            continue
        money = [s for s in sentence.stats if s.kind == "money"]
        if not money:
            continue
        block = blocks[sentence.block]
        context = guide.prose.table_context.get(block.table, "") if block.table >= 0 else ""
        if not has_pay_word(sentence.text + " " + context, extra_pay_words):
            continue
        marker = date_marker(sentence.text) or (date_marker(context) if context else None)
        claims.append(SalaryClaim(sentence, money[0], marker))
    return claims
