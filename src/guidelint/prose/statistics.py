"""The statistic grammar: which number forms are statistics, and which are not.

Each shape (percent, money, a currency code with an amount, multiplier,
ratio) is written once below, as named fragments.  Two regexes are built
from them: :data:`GRAMMAR`, anchored, for matching at a known place and for
listing every number form; and :data:`NUMBER_LED`, the same shapes rewritten
to start by consuming one digit or currency sign, so that ``finditer`` skips
all other text at C speed (see docs/performance.md, "The statistic scan").
:func:`scan` finds every statistic-shaped match; :func:`claim_kind` then
decides from the words around a match whether it is a statistic at all.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import NamedTuple

from guidelint.lazy_re import any_char, lazy

SIGNS = "$£€¥₹"
CODES = ("USD", "EUR", "GBP", "CAD", "AUD", "INR", "JPY", "CHF", "SGD")
CURRENCY_WORDS = ("dollars", "euros", "pounds")
# "_" stands for any white space ("a hundred").
WORD_NUMBERS = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "fifty",
    "a_hundred",
    "a_thousand",
    "hundred",
    "thousand",
)

_SIGN = any_char(SIGNS)
_CODE = "|".join(CODES)
_WORD_NUMBER = "|".join(w.replace("_", r"\s+") for w in WORD_NUMBERS)
# A number: its first digit (ASCII: the fast scan consumes it) and the rest.
_FIRST_DIGIT = "[0-9]"
_NUM_REST = r"\d*(?:,\d{3})*(?:\.\d+)?"
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"  # a number inside a shape's tail
_SCALE = r"(?:\s?(?:[kKmMbB]n?|thousand|million|billion)\b)?"
_AMOUNT = rf"{_NUM}{_SCALE}"

# Each shape's tail, after its first number.
# 92%, 65 %, 20％, 5-10%, 92 percent, 3 percentage points
# (a spaced hyphen is a separator, "Stage 1 - 10%", not a range)
_PERCENT_TAIL = (
    rf"(?:(?:-|\s?[–—]\s?){_NUM})?"
    r"\s?(?:%|％|(?:percent|per\s?cent|pct|percentage\s+points?)\b)"
)
# $350,000, $200k, £90K, €1.2M, $300–500, $200,000-$500,000+
_MONEY_TAIL = rf"(?:\s?(?:[-–—]|to)\s?{_SIGN}?\s?{_AMOUNT})?\+?"
# 10,000 usd, 40,000 euros
_CODE_TAIL = rf"\s?(?:(?i:{_CODE})|{'|'.join(CURRENCY_WORDS)})\b"
# 3x, 2.5×, 60,000x, but not 2x2, 3 x 4 or "4 x Algorithm" (a count)
_MULTIPLIER_TAIL = r"(?:x|\s?×)(?![\w×])(?!\s*\d)"
# 3 out of 4, one in five, 1 in 6
_RATIO_TAIL = (
    r"\s+(?:out\s+of|in)\s+(?:every\s+)?"
    rf"(?:\d+(?!\d*\s*(?:%|percent))|{_WORD_NUMBER})\b"
)


class _Shape(NamedTuple):
    """A shape that starts at a number's first digit."""

    kind: str
    not_after: tuple[str, ...]  # what may not stand just before the number
    rest: str  # the number after its first digit
    tail: str


# In the order they win at one digit.
_NUMBER_LED = (
    _Shape("percent", (r"\w", "."), _NUM_REST, _PERCENT_TAIL),
    _Shape("money_code", (r"\w", "."), _NUM_REST + _SCALE, _CODE_TAIL),
    _Shape("multiplier", (r"\w", ".", ","), _NUM_REST, _MULTIPLIER_TAIL),
    _Shape("ratio", (r"\w", "."), r"\d*", _RATIO_TAIL),
)
# The other shapes start at a sign, at a code or at a word.
_MONEY_NOT_AFTER = r"\w"
_MONEY_REST = rf"\s?{_AMOUNT}{_MONEY_TAIL}"
# "USD 120": the code on its own (not "_USD"), in capitals, one space at most.
_CODE_NOT_AFTER = r"(?<![^\W_])"
_CODED_REST = _NUM_REST + _SCALE
# "one in five": the fast scan finds these from " in " / " out of " (see
# _worded_ratio_starts), so only after white space and before one space.
_WORDED_GUARD = r"(?<!\S)"
_WORDED_JOINER = r"(?=(?-i: (?:[iI]n|[oO]ut of) ))"


def _anchored() -> str:
    """Every shape, each starting where its text starts (a word, a code, a sign, a digit)."""
    led = [
        rf"(?P<{s.kind}>(?<![{''.join(s.not_after)}]){_FIRST_DIGIT}{s.rest}{s.tail})"
        for s in _NUMBER_LED
    ]
    return "|".join(
        [
            rf"(?P<money>(?<!{_MONEY_NOT_AFTER}){_SIGN}{_MONEY_REST})",
            rf"(?P<coded>{_CODE_NOT_AFTER}(?-i:{_CODE}) ?{_FIRST_DIGIT}{_CODED_REST})",
            *led,
            rf"(?P<worded>{_WORDED_GUARD}(?:{_WORD_NUMBER}){_WORDED_JOINER}{_RATIO_TAIL})",
        ]
    )


def _number_led() -> str:
    """The shapes that start at a digit or a sign, each rewritten to start by consuming it.

    The regex engine can only skip text in C for a pattern that starts with a
    character class; the lookbehinds come after that first character.  A
    code before a number ("USD 120") is found at the number's first digit.
    """
    ends = "".join(sorted({code[-1] for code in CODES}))  # "DFPRY"
    common = set.intersection(*(set(s.not_after) for s in _NUMBER_LED))
    led = "|".join(
        "".join(rf"(?<!{c}{_FIRST_DIGIT})" for c in s.not_after if c not in common)
        + rf"(?P<{s.kind}>{s.rest}{s.tail})"
        for s in _NUMBER_LED
    )
    not_after = "".join(c for c in _NUMBER_LED[0].not_after if c in common)
    return (
        rf"[0-9{SIGNS}](?:"
        # Most digits stand inside a number or after a space: one cheap test
        # of the character before (a code's last letter) spares them the
        # code lookbehinds.
        rf"(?-i:(?<=[{ends}]{_FIRST_DIGIT})|(?<=[{ends}] {_FIRST_DIGIT}))"
        rf"(?-i:(?<={_CODE_NOT_AFTER}(?:{_CODE}) {_FIRST_DIGIT})"
        rf"|(?<={_CODE_NOT_AFTER}(?:{_CODE}){_FIRST_DIGIT}))"
        rf"(?P<coded>{_CODED_REST})"
        rf"|(?<={_SIGN})(?<!{_MONEY_NOT_AFTER}.)(?P<money>{_MONEY_REST})"
        # One test of the character before a digit for every shape led by it.
        rf"|(?<={_FIRST_DIGIT})(?<![{not_after}]{_FIRST_DIGIT})(?:{led}))"
    )


GRAMMAR = re.compile(_anchored(), re.IGNORECASE)
NUMBER_LED = re.compile(_number_led(), re.IGNORECASE)
# Group name -> the kind of statistic it is.
KINDS = {
    "percent": "percent",
    "money": "money",
    "coded": "money",
    "money_code": "money",
    "multiplier": "multiplier",
    "ratio": "ratio",
    "worded": "ratio",
}
_WORD_NUMBER_SET = frozenset(w.split("_")[-1] for w in WORD_NUMBERS)
_WORD_NUMBER_ENDINGS = tuple(_WORD_NUMBER_SET)
_URL_RE = lazy(r"(?:https?://|www\.)\S+", re.I)
_SHORTCODE_RE = lazy(r"\{\{[<%].*?[%>]\}\}", re.S)


def _blank(match: re.Match[str]) -> str:
    """As many spaces as ``match``: positions after it stay where they were."""
    return " " * len(match.group(0))


def scan(text: str) -> list[tuple[int, int, str]]:
    """(start, end, group) of every match of :data:`GRAMMAR` in ``text``, left to right.

    Matches never overlap: as in a left-to-right scan, a match that starts
    inside an earlier one is dropped.
    """
    found: list[tuple[int, int, str]] = []
    for match in NUMBER_LED.finditer(text):
        group, start = match.lastgroup or "", match.start()
        if group == "coded":  # "USD 120" was found at its number: start at the code
            start -= len(CODES[0]) + (text[start - 1] == " ")
        found.append((start, match.end(), group))
    worded: list[tuple[int, int, str]] = []
    if " in " in text or " out of " in text or " In " in text or " Out of " in text:
        for spot in _worded_ratio_starts(text):
            ratio = GRAMMAR.match(text, spot)
            if ratio is not None:
                worded.append((spot, ratio.end(), ratio.lastgroup or ""))
    if not worded:
        return found
    merged: list[tuple[int, int, str]] = []
    for item in sorted(found + worded):
        if not merged or item[0] >= merged[-1][1]:
            merged.append(item)
    return merged


def _worded_ratio_starts(text: str) -> Iterator[int]:
    """Starts of "one in five" / "three out of four": the word before "in"/"out of"."""
    for joiner in (" in ", " out of ", " In ", " Out of "):
        at = text.find(joiner)
        while at != -1:
            # Most "in"s follow no number word: one cheap test rules them out.
            if text[max(0, at - 8) : at].lower().endswith(_WORD_NUMBER_ENDINGS):
                # The word just before the joiner, from a short slice.
                words = text[max(0, at - 12) : at].split()
                if words and words[-1].lower() in _WORD_NUMBER_SET:
                    start = at - len(words[-1])
                    if len(words) > 1 and words[-2].lower() == "a":  # "a hundred in"
                        start = text.rfind(words[-2], 0, start)
                    yield start
            at = text.find(joiner, at + 1)


def statistics_in(joined: str, starts: list[int]) -> Iterator[tuple[int, int, str, str]]:
    """(block, start, text, kind) of every statistic in blocks joined by "\\n", in order.

    ``starts`` is where each block begins in ``joined``.  One pass over the
    whole guide's prose: most blocks hold no number, so a search per block
    costs more than the search.
    """
    if "://" in joined or "www." in joined:
        joined = _URL_RE().sub(_blank, joined)
    if "{{" in joined:  # a site generator's shortcode: markup, not prose (alt="...", width=)
        joined = _SHORTCODE_RE().sub(_blank, joined)
    for start, end, group in scan(joined):
        index = bisect.bisect_right(starts, start) - 1
        block_end = starts[index + 1] - 1 if index + 1 < len(starts) else len(joined)
        if end > block_end:  # a \s crossed into the next block
            inside = GRAMMAR.match(joined, start, block_end)
            if inside is None:
                continue
            end, group = inside.end(), inside.lastgroup or ""
        kind = claim_kind(joined, KINDS[group], start, end)
        if kind is not None:
            yield index, start, joined[start:end], kind


# What the words around a number form say about it.
_YEAR_RE = re.compile(r"^(?:1[89]|20|21)\d\d$")
# "100% sure": an intensifier, not a measurement.
_HUNDRED_IDIOM_RE = re.compile(
    r"100\s?(?:%|％|percent)\s+(?:sure|certain|confident|correct|accurate|precise|right|wrong|"
    r"true|honest|safe|okay|ok|remote|free|clear|committed|positive|compliant)\b",
    re.I,
)
# "the $10 bill": a denomination, not an amount anyone measured.
# Same line only: "\n" ends a block, and the next block may start with "Note:".
_DENOMINATION_RE = re.compile(r"[ \t]*(?:bills?|notes?|coins?)\b", re.I)
_WORD_AFTER_RE = re.compile(r"[ \t]*(\w+)")
_WORD_BEFORE_END_RE = re.compile(r"(\w+)[ \t]*$")
_NAME_SUFFIX_RE = lazy(any_char("-'’") + r"\w")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# "3x" is a claim in a comparison ("3x more", "grew 3x") and usually on its
# own ("teams report 3x"), but not as a name ("the 10x program", "10x-funded")
# or a setting ("retina (2x)", "1.5x speed").
_MULTIPLIER_NEXT = _words(
    "more less fewer faster slower higher lower bigger smaller larger greater better worse "
    "cheaper quicker longer shorter as the what that increase increases growth improvement "
    "return returns roi revenue jump boost gain gap difference likely"
)
_MULTIPLIER_PREV = _words(
    "by grew grow grows rose rise rises jumped increased improved multiplied boosted up about "
    "roughly nearly almost around over than earn earns earned pay pays paid make makes made "
    "get gets receive receives see sees saw convert converts"
)
_NAME_PREV = _words(
    "for to of at the with from on into via export retina resolution speed zoom density"
)
_NAME_NEXT = _words(
    "speed zoom resolution retina density playback process phase phases program programs "
    "project projects team teams fund funds funding funded engineer engineers developer "
    "developers mindset"
)
_COPULAS = _words("is are was were")


def claim_kind(text: str, kind: str, start: int, end: int) -> str | None:
    """The kind of the number form ``text[start:end]``, or ``None`` when context shows it is no statistic.

    This is where a number form becomes a claim (or not): a ratio to a year
    ("one in 2026"), a multiplier that names something, "100% sure", "a $20 bill".
    """
    if kind == "ratio" and _YEAR_RE.match(text[start:end].split()[-1]):
        return None
    if kind == "multiplier" and not _is_comparison(text, start, end):
        return None
    if kind == "percent" and _HUNDRED_IDIOM_RE.match(text, start):
        return None
    if kind == "money" and _DENOMINATION_RE.match(text, end):
        return None
    return kind


def _is_comparison(text: str, start: int, end: int) -> bool:
    """Whether the multiplier at ``text[start:end]`` is a claim, not a name or a setting."""
    if "×" in text[start:end]:
        return True  # the multiplication sign is never a name
    # Short windows around the match: the text may be a whole guide.
    after = _WORD_AFTER_RE.match(text, end, end + 40)
    before = _WORD_BEFORE_END_RE.search(text, max(0, start - 40), start)
    following = after.group(1).lower() if after else ""
    previous = before.group(1).lower() if before else ""
    if (
        following in _MULTIPLIER_NEXT
        or previous in _MULTIPLIER_PREV
        or (previous in _COPULAS and following != "")
    ):
        return True
    if _NAME_SUFFIX_RE().match(text, end):
        return False  # "10x-funded", "10x's": a name
    # A label after punctuation or at the start ("(2x)", "Manager, 10x"), a
    # preposition's object ("submit to 10x") or a named thing ("10x process").
    return previous != "" and previous not in _NAME_PREV and following not in _NAME_NEXT
