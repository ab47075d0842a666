"""A phrase that rots as the guide ages: "this year", "recently", "currently".

Why: a guide is read for months or years after it was written.  "Last year"
in a guide updated in June 2026 means 2025 only until January; "currently"
and "recently" never say when.  The reader cannot tell whether the claim is
still true, and an editor cannot tell when to check it.  Text in code,
quotations (inside “…” or "…"), sample answers under a gotcha, questions,
hypothetical premises ("If you are currently a PMM, ...") and footnotes is
not checked.

Option ``phrases``: the list of phrases to look for (replaces the default
list: this/last/next year, quarter, month and week; recently, currently,
nowadays, these days, as of now, as of today, right now, at the moment, at
present).

Fix: write the absolute date: "in 2025", "in Q3 2026", "as of June 2026".
The message suggests one from the guide's ``updated`` date; a guide with no
usable ``updated`` gets no suggestion, since nothing says which date the
phrase meant.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from guidelint.context import Context, diagnostic, text_end
from guidelint.dates import MONTH_NAMES, PartialDate, parse_date
from guidelint.diagnostic import Diagnostic, Edit, Fix, Severity
from guidelint.guide import Guide
from guidelint.lazy_re import lazy
from guidelint.markdown import Block
from guidelint.prose import Prose, own_sentences
from guidelint.rules.examples import example

NAME = "relative-time"
SEVERITY: Severity = "warning"
SUMMARY = "a relative time phrase (this year, recently, currently) that rots as the guide ages"
OPTIONS: dict[str, object] = {
    "phrases": {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
}
NEEDS: frozenset[str] = frozenset()
EXAMPLE_FAIL = example("Positioning questions became common in PM loops this year.\n")
EXAMPLE_PASS = example("Positioning questions became common in PM loops in 2026.\n")

DEFAULT_PHRASES = (
    "this year",
    "last year",
    "next year",
    "this quarter",
    "last quarter",
    "next quarter",
    "this month",
    "last month",
    "next month",
    "this week",
    "last week",
    "next week",
    "recently",
    "currently",
    "nowadays",
    "these days",
    "as of now",
    "as of today",
    "right now",
    "at the moment",
    "at present",
)
# A quotation is someone's words, not the guide's claim: “…” or "…" on one line.
_QUOTED = lazy(r"“[^”\n]*”|\"[^\"\n]*\"")


@lru_cache(maxsize=8)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted(phrases, key=len, reverse=True)  # "as of now" before "now"
    alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in words)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """One finding per relative phrase in the guide's own prose."""
    phrases: Sequence[str] = ctx.option(NAME, "phrases", DEFAULT_PHRASES)
    blocks = guide.body.blocks
    # Most guides have no such phrase: find candidate blocks before splitting
    # anything into sentences (or compiling the pattern).
    hot = _hot_blocks(guide.prose, blocks, tuple(phrases))
    if not hot:
        return []
    pattern = _pattern(tuple(phrases))
    written = parse_date(guide.get("updated"))
    found: list[Diagnostic] = []
    for index, start, sentence in own_sentences(guide, hot):
        text = _QUOTED().sub(lambda m: " " * len(m.group(0)), sentence)
        for match in pattern.finditer(text):
            phrase = " ".join(match.group(0).split())
            offset = blocks[index].byte_offset(start + match.start())
            end = blocks[index].byte_offset(start + match.end())
            found.append(
                diagnostic(
                    guide,
                    NAME,
                    SEVERITY,
                    guide.position(offset),
                    f"'{phrase}' will read wrong as the guide ages: write the absolute date "
                    f"({_suggestion(phrase.lower(), written, guide.key_name('updated'))})",
                    guide.position(text_end(blocks[index], start + match.start(), match.group(0))),
                    fix=_replacement(guide, phrase, written, offset, end),
                )
            )
    return found


def _replacement(
    guide: Guide, phrase: str, written: PartialDate | None, start: int, end: int
) -> Fix | None:
    """Writing the date the phrase meant, from ``updated``: unsafe, the sentence may need more."""
    date = None if written is None else absolute_date(phrase.lower(), written)
    if date is None or guide.source[start:end].decode("utf-8", "replace") != phrase:
        return None  # no known date, or the phrase spans markup or lines
    if phrase[:1].isupper():
        date = date[:1].upper() + date[1:]
    return Fix(f"Replace '{phrase}' with '{date}'", (Edit(start, end, date),), "unsafe")


def absolute_date(phrase: str, written: PartialDate) -> str:
    """What ``phrase`` (lower case) meant in a guide written at ``written``: "in 2026"."""
    day = written.start
    shift = {"last": -1, "this": 0, "next": 1}.get(phrase.split()[0], 0)
    unit = phrase.split()[-1]
    if unit == "year":
        return f"in {day.year + shift}"
    if unit == "quarter":
        index = day.year * 4 + (day.month - 1) // 3 + shift
        return f"in Q{index % 4 + 1} {index // 4}"
    if unit == "month":
        index = day.year * 12 + day.month - 1 + shift
        return f"in {MONTH_NAMES[index % 12]} {index // 12}"
    month = f"{MONTH_NAMES[day.month - 1]} {day.year}"
    if unit == "week":
        return f"in {month}"  # a week is too fine for a month-dated guide
    return f"in {month}" if phrase == "recently" else f"as of {month}"


def _hot_blocks(prose: Prose, blocks: Sequence[Block], phrases: tuple[str, ...]) -> list[int]:
    """Indexes of the guide's own blocks (not sample answers) where a phrase occurs.

    A case-insensitive alternation searched over every block was this
    rule's whole cost.  Every phrase ends in a word ("year", "recently",
    "now"): each occurrence of such a last word in the lowered text is
    checked, cheaply, for the words before it; only the blocks that pass
    are searched with the pattern, which has the final say.
    """
    everything = prose.claims_text.lower()
    hot: set[int] = set()
    for last, head in _endings(phrases).items():
        at = everything.find(last)
        while at != -1:
            end = at + len(last)
            if not _is_word_char(everything, end) and (
                (head is None and not _is_word_char(everything, at - 1))
                or (head is not None and _head(head).search(everything, max(0, at - 40), at))
            ):
                # Counted, not looked up: lowering may change the length ("İ").
                hot.add(everything.count("\n", 0, at))
            at = everything.find(last, end)
    if not hot:
        return []
    pattern = _pattern(phrases)
    return [index for index in sorted(hot) if pattern.search(blocks[index].text)]


def _is_word_char(text: str, index: int) -> bool:
    """Whether ``text[index]`` exists and is a word character or a hyphen."""
    return 0 <= index < len(text) and (text[index].isalnum() or text[index] in "_-")


@lru_cache(maxsize=8)
def _endings(phrases: tuple[str, ...]) -> dict[str, str | None]:
    """Last word -> a pattern (see :func:`_head`) for the words that must come just before it.

    ``None`` when the last word is a phrase on its own ("recently", "now").
    """
    heads: dict[str, list[list[str]]] = {}
    for phrase in phrases:
        words = phrase.lower().split()
        heads.setdefault(words[-1], []).append(words[:-1])
    endings: dict[str, str | None] = {}
    for last, options in heads.items():
        if any(not option for option in options):
            endings[last] = None
            continue
        alternatives = "|".join(r"\s+".join(map(re.escape, option)) for option in options)
        endings[last] = rf"(?<![\w-])(?:{alternatives})\s+$"
    return endings


@lru_cache(maxsize=64)
def _head(source: str) -> re.Pattern[str]:
    """An ending's pattern, compiled on first use: most guides hold few of the last words."""
    return re.compile(source)


def _suggestion(phrase: str, written: PartialDate | None, updated_key: str) -> str:
    """A concrete replacement counted from the guide's ``updated`` date."""
    if written is None:  # today's year would be a guess, and wrong for an old page
        return f"the date it meant is unknown: the guide has no usable '{updated_key}' date"
    day = written.start
    month = f"{MONTH_NAMES[day.month - 1]} {day.year}"
    if phrase.split()[-1] in ("year", "quarter", "month"):
        return f"e.g. '{absolute_date(phrase, written)}'"
    if phrase == "recently":
        return f"e.g. 'since early {day.year}' or 'in {month}'"
    return f"e.g. 'as of {month}'"
