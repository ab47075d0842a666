"""Salary figures: pay words, 'as of' date markers, and the sentences that state pay."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, NamedTuple

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
    rf"|\(?\b(?P<dyear>(?:19|20)\d\d)\s+data\b\)?"
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


class SalaryClaim(NamedTuple):
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
    prose = guide.prose
    heads = {b.table: b.text for b in blocks if b.kind == "table-head"}
    table_markers: dict[int, PartialDate | None] = {}
    for sentence in prose.sentences:
        if sentence.exempt:
            continue
        block = blocks[sentence.block]
        head = heads.get(block.table, "")
        figures = [
            stat
            for stat, claim in zip(sentence.stats, sentence.claims, strict=True)
            if stat.kind == "money"
            and claim
            and tied_to_pay(
                sentence.text, stat.char - sentence.start, len(stat.text), head, extra_pay_words
            )
        ]
        if not figures:
            continue
        marker = date_marker(sentence.text)
        if marker is None and block.table >= 0:
            if block.table not in table_markers:  # a table's rows share its framing
                context = prose.table_context.get(block.table, "")
                table_markers[block.table] = date_marker(context) if context else None
            marker = table_markers[block.table]
        claims.append(SalaryClaim(sentence, figures[0], marker))
    return claims


# Pay words that belong to another noun: "paid leave", "pay for college".
_NOT_PAY_RE = re.compile(
    r"\b(?:paid|pay|pays|paying)\s+(?:leave|time\s+off|holidays?|sick|parental|family|vacation|"
    r"periods?|plans?|tiers?|versions?|search|ads?|advertising|media|subscriptions?|attention|"
    r"off|for\s+(?:college|school|tuition|it|a|an|the|your|their|this|that))\b"
)
# An amount whose own noun is not pay: "$500,000 in prizes", "a $2,000 desk budget",
# or that pays toward something.
_OTHER_HEAD_RE = re.compile(
    r"\+?\s*(?:(?:in|of|worth\s+of)\s+(?:\w+\s+)?(?:prizes?|grants?|funding|awards?|revenue|"
    r"sales|savings|donations|loans|aid|investments?|contracts?|spending|costs?)"
    r"|(?:[\w-]+\s+)?(?:budgets?|stipends?|allowances?|prizes?|grants?|fees?|funds?|credits?|"
    r"discounts?|gifts?|vouchers?|reimbursements?|limits?|caps?|awards?|per\s+diem)"
    # "$5,000 toward your relocation", "$1,000 a year toward coaching": paying for something.
    r"|(?:(?:a|per|each)\s+\w+\s+)?towards?)\b"
)
# "pay $20 for a megabyte": buying something.
_PURCHASE_BEFORE_RE = re.compile(r"\b(?:pay|pays|paid|paying)\s+(?:\w+\s+)?$")
_PURCHASE_AFTER_RE = re.compile(r"\+?\s*(?:for|to|per|a|an|each)\b")
_WINDOW_BEFORE, _WINDOW_AFTER = 80, 60  # characters: the amount's own clause, roughly


def tied_to_pay(
    sentence: str, at: int, length: int, head: str = "", extra: tuple[str, ...] = ()
) -> bool:
    """Whether the money amount ``sentence[at:at + length]`` states what people are paid.

    The sentence (or its table's header row, ``head``) must tie the amount
    itself to pay: a pay word near it that is not part of another noun
    ("paid leave"), and no other noun the amount belongs to ("in prizes",
    "budget") or purchase ("pay $20 for a megabyte").
    """
    lower = sentence.lower()
    end = at + length
    after = lower[end : end + _WINDOW_AFTER]
    if _OTHER_HEAD_RE.match(after):
        return False
    before = lower[max(0, at - _WINDOW_BEFORE) : at]
    if _PURCHASE_BEFORE_RE.search(before) and _PURCHASE_AFTER_RE.match(after):
        return False
    if head and has_pay_word(_NOT_PAY_RE.sub(" ", head.lower()), extra):
        return True
    return has_pay_word(_NOT_PAY_RE.sub(" ", f"{before} {after}"), extra)
