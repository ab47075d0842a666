"""What a guide's prose claims: sentences, statistics, citations, gotchas.

Everything here works on the readable text of :mod:`guidelint.markdown`
blocks (code, URLs and HTML already gone), never on raw Markdown.  It is
computed once per guide (``Guide.prose``) and shared by the statistic, salary
and gotcha rules.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from guidelint.dates import PartialDate
from guidelint.markdown import CITE, Block, Body

if TYPE_CHECKING:
    from guidelint.guide import Guide

_WORD_NUMBERS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"fifty|a\s+hundred|a\s+thousand|hundred|thousand"
)
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_SCALE = r"(?:\s?(?:[kKmMbB]n?|thousand|million|billion)\b)?"
_AMOUNT = rf"{_NUM}{_SCALE}"
_CODES = r"USD|EUR|GBP|CAD|AUD|INR|JPY|CHF|SGD"

_STAT_RE = re.compile(
    "|".join(
        (
            # 92%, 65 %, 20％, 5-10%, 92 percent, 3 percentage points
            # (a spaced hyphen is a separator, "Stage 1 - 10%", not a range)
            rf"(?P<percent>(?<![\w.]){_NUM}(?:(?:-|\s?[–—]\s?){_NUM})?"
            r"\s?(?:%|％|(?:percent|per\s?cent|pct|percentage\s+points?)\b))",
            # $350,000, $200k, £90K, €1.2M, $300–500, $200,000-$500,000+
            rf"(?P<money>(?<!\w)[$£€¥₹]\s?{_AMOUNT}(?:\s?(?:[-–—]|to)\s?[$£€¥₹]?\s?{_AMOUNT})?\+?)",
            # USD 120,000 / 10,000 usd / 40,000 euros
            rf"(?P<money_code>\b(?:{_CODES})\s?{_AMOUNT}|(?<![\w.]){_AMOUNT}\s?"
            rf"(?:(?i:{_CODES})|dollars|euros|pounds)\b)",
            # 3x, 2.5×, 60,000x, but not 2x2, 3 x 4 or "4 x Algorithm" (a count)
            rf"(?P<multiplier>(?<![\w.,]){_NUM}(?:x|\s?×)(?![\w×])(?!\s*\d))",
            # 3 out of 4, one in five, 1 in 6
            rf"(?P<ratio>(?<![\w.])(?:\d+|{_WORD_NUMBERS})\s+(?:out\s+of|in)\s+(?:every\s+)?"
            rf"(?:\d+(?!\d*\s*(?:%|percent))|{_WORD_NUMBERS})\b)",
        )
    ),
    re.IGNORECASE,
)
# _STAT_RE again, for finding every statistic in one finditer: every
# alternative that starts with a digit or a currency sign, rewritten to start
# by consuming that one character, so the regex engine skips everything else
# at C speed (it can only do so for a pattern that starts with a character
# class; tried at every position, _STAT_RE is about forty times slower).  The
# lookbehinds come after that first character.  Two shapes start with a word
# and are searched for separately: worded ratios ("one in five") and a
# currency code before the number ("USD 120"), which is found from the
# number and moved back to the code.
_NUM_REST = r"\d*(?:,\d{3})*(?:\.\d+)?"  # _NUM after its first digit
_CODE_ENDS = "".join(sorted({code[-1] for code in _CODES.split("|")}))  # "DFPRY"
_NUMERIC_STAT_RE = re.compile(
    r"[0-9$£€¥₹](?:"
    # A digit just after a currency code.  Most digits stand inside a number
    # or after a space: one cheap test of the character before (a code's
    # last letter) spares them the nine-way lookbehind.
    rf"(?-i:(?<=[{_CODE_ENDS}][0-9])|(?<=[{_CODE_ENDS}] [0-9]))"
    rf"(?-i:(?<=(?<![^\W_])(?:{_CODES}) [0-9])|(?<=(?<![^\W_])(?:{_CODES})[0-9]))"
    rf"(?P<coded>{_NUM_REST}{_SCALE})"
    rf"|(?<=[$£€¥₹])(?<!\w.)(?P<money>\s?{_AMOUNT}(?:\s?(?:[-–—]|to)\s?[$£€¥₹]?\s?{_AMOUNT})?\+?)"
    # A number's first digit (not after a letter, a digit or a point): one
    # test for the four shapes that start there, in the order they win.
    rf"|(?<=[0-9])(?<![\w.][0-9])(?:"
    rf"(?P<percent>{_NUM_REST}(?:(?:-|\s?[–—]\s?){_NUM})?"
    r"\s?(?:%|％|(?:percent|per\s?cent|pct|percentage\s+points?)\b))"
    rf"|(?P<money_code>{_NUM_REST}{_SCALE}\s?(?:(?i:{_CODES})|dollars|euros|pounds)\b)"
    rf"|(?<!,[0-9])(?P<multiplier>{_NUM_REST}(?:x|\s?×)(?![\w×])(?!\s*\d))"
    rf"|(?P<ratio>\d*\s+(?:out\s+of|in)\s+(?:every\s+)?"
    rf"(?:\d+(?!\d*\s*(?:%|percent))|{_WORD_NUMBERS})\b)"
    "))",
    re.IGNORECASE,
)
_WORD_NUMBER_SET = frozenset(w for w in _WORD_NUMBERS.replace("a\\s+", "").split("|") if w)
_WORD_NUMBER_ENDINGS = tuple(_WORD_NUMBER_SET)
_YEAR_HINT_RE = re.compile(r"[12][0-9]{3}")
_LOWER_WORD_RE = re.compile(r"[a-z]+")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.I)
_YEAR_RE = re.compile(r"^(?:1[89]|20|21)\d\d$")
_SOURCE_PAREN_RE = re.compile(
    # "(Source: ...)", or a named source in the sentence: "according to Gartner"
    # (a name has a capital somewhere: "according to eMarketer" too)
    r"(?i:\(\s*(?:source|sources|via|data|according to)\b)"
    r"|\b[Aa]ccording\s+to\s+(?:the\s+)?[a-z]{0,3}[A-Z]"
)


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
# "100% sure": an intensifier, not a measurement.
_HUNDRED_IDIOM_RE = re.compile(
    r"100\s?(?:%|％|percent)\s+(?:sure|certain|confident|correct|accurate|precise|right|wrong|"
    r"true|honest|safe|okay|ok|remote|free|clear|committed|positive|compliant)\b",
    re.I,
)
# "the $10 bill": a denomination, not an amount anyone measured.
_WORD_AFTER_RE = re.compile(r"[ \t]*(\w+)")
_NAME_SUFFIX_RE = re.compile(r"[-'’]\w")
_WORD_BEFORE_END_RE = re.compile(r"(\w+)[ \t]*$")
_DENOMINATION_RE = re.compile(r"\s*(?:bills?|notes?|coins?)\b", re.I)
# "If churn is 30%, ...", "For example, say the base is $200k": a premise, not a claim.
_HYPOTHETICAL_RE = re.compile(
    r"^\W*(?:(?:for\s+(?:example|instance)|e\.g\.)\s*,?\s*)?"
    r"(?:if|suppose|supposing|imagine|assume|assuming|let's\s+say|say)\b",
    re.I,
)
_CAPTION_RE = re.compile(r"^\W*(?:source|sources|data|note)s?\b", re.I)
_ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "vs",
        "etc",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "no",
        "fig",
        "approx",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "u.s",
        "u.k",
        "cf",
        "al",
    ]
)
# A sentence ends at the first of a run of . ! ? … (then closing quotes,
# brackets or a citation) before a capital, a digit or the end.  A full stop
# after an abbreviation ("e.g.", "vs.") or a lone letter ("Plan A.") ends
# nothing: those are lookbehinds (one per abbreviation length, each an
# alternation of that length), so finding every boundary is one C-speed
# scan with no Python work per full stop.
_NOT_AFTER_ABBREVIATION = "".join(
    rf"(?<!(?<![\w.])(?:{'|'.join(sorted(re.escape(w) for w in _ABBREVIATIONS if len(w) == n))})\.)"
    for n in sorted({len(w) for w in _ABBREVIATIONS})
)
_BOUNDARY_RE = re.compile(
    r"(?:\.(?<![.!?…]\.)(?i:" + _NOT_AFTER_ABBREVIATION + r")(?<!(?<![\w.])[^\W\d_]\.)"
    r"|!(?<![.!?…]!)|\?(?<![.!?…]\?)|…(?<![.!?…]…))"
    # "\n" ends a text like the end of the string: on Prose.claims_text, whose
    # blocks are joined by "\n", a scan from a block's start to its end
    # finds its boundaries (lookbehinds see the "\n" before it).
    r"[.!?…]*[\"'”’)\]\ue000]*(?=[^\S\n]+[\"'“‘(\[$£€¥]?[A-Z0-9\ue000]|[^\S\n]*(?:\n|$))"
)
_STRONG_WEAK_RE = re.compile(r"^(?:an?\s+|the\s+)?(strong|weak)(?:\s+answers?)?\s*:?$", re.I)
_GOTCHA_RE = re.compile(r"\bgotchas?\b", re.I)

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        )
    )
    for m in names.split()
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MARKER_RE = re.compile(
    rf"\bas\s+of\s+(?:(?P<mon>{_MONTH_NAMES})\.?\s+)?(?P<year>(?:19|20)\d\d)"
    rf"(?:-(?P<imon>\d\d)(?:-\d\d)?)?\b"
    rf"|\((?P<dyear>(?:19|20)\d\d)\s+data\)"
    rf"|\bin\s+(?:(?P<inmon>{_MONTH_NAMES})\.?\s+)?(?P<inyear>(?:19|20)\d\d)\b",
    re.I,
)
_PAY_WORDS = [
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
]
_PAY_WORD_SET = frozenset(_PAY_WORDS)


# Statistic and Sentence are named tuples, not frozen dataclasses: a guide
# has dozens of each and a tuple is made three times faster.
class Statistic(NamedTuple):
    """A measured quantity in prose, e.g. ``92%`` or ``$350,000``."""

    kind: str  # percent, money, multiplier or ratio
    text: str
    char: int  # where it starts in its block's text
    block: Block

    @property
    def offset(self) -> int:
        """Byte offset in the file (worked out only for a statistic a finding points at)."""
        return self.block.byte_offset(self.char)


class Sentence(NamedTuple):
    """A sentence (or a heading, or a table row) and what it claims."""

    block: int
    text: str
    stats: tuple[Statistic, ...]
    cited: bool
    exempt: bool  # a sample answer or a question: needs no source, is no salary claim


@dataclass(frozen=True, slots=True)
class Gotcha:
    """A gotcha section: its heading and its answer sub-headings."""

    heading: int  # index into Body.headings
    strong: int | None  # heading index of the strong answer, if any
    weak: int | None
    strong_empty: bool
    weak_empty: bool


@dataclass(frozen=True, slots=True)
class Prose:
    """The analysis :mod:`guidelint.rules` read; see :func:`analyse`."""

    # Only sentences that hold a statistic, outside sample answers, gotcha
    # questions and footnotes (whose statistics no rule reads).
    sentences: tuple[Sentence, ...]
    gotchas: tuple[Gotcha, ...]
    block_cited: tuple[bool, ...]  # any citation anywhere in the block
    table_cited: frozenset[int]  # tables whose header, lead-in or caption cites
    table_context: dict[int, str]  # table -> header row + caption text (for pay words, markers)
    # Blocks that are not the guide's own claims: sample answers, gotcha
    # questions, footnote definitions.
    not_claims: frozenset[int] = frozenset()
    # Every block's text joined with "\n" (block texts hold none), those in
    # not_claims left empty: one string for the rules that scan the whole
    # guide's claims for something (block i is after the i-th "\n").
    claims_text: str = ""


def analyse(guide: Guide) -> Prose:
    """Split every block into sentences and find statistics and gotchas."""
    body = guide.body
    blocks = body.blocks
    gotchas = _gotchas(body)
    # A sample answer, a gotcha's question or a footnote needs no source and
    # states no salary: no rule reads its statistics, so none are looked for.
    skipped = frozenset(
        _exempt_blocks(body, gotchas) | {i for i, b in enumerate(blocks) if b.in_footnote}
    )
    texts = [block.text for block in blocks]
    block_cited = [CITE in text or _has_source_paren(text) for text in texts]
    if skipped:
        texts = ["" if i in skipped else text for i, text in enumerate(texts)]
    starts = list(itertools.accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    claims_text = "\n".join(texts)
    sentences: list[Sentence] = []
    # Only sentences with statistics matter to any rule; most blocks have
    # none, and skipping them is most of this function's speed.
    for index, block_stats in _statistics_by_block(blocks, claims_text, starts).items():
        block = blocks[index]
        spans = _spans(block, claims_text, starts[index])
        # block_stats is in text order: each sentence takes a slice (a scan of
        # all statistics per sentence is quadratic in a huge paragraph).
        positions = [stat.char for stat in block_stats]
        for start, end in spans:
            first, last = bisect.bisect_left(positions, start), bisect.bisect_left(positions, end)
            if first == last:
                continue  # no rule looks at a sentence without a statistic
            stats = tuple(block_stats[first:last])
            text = block.text[start:end]
            sentences.append(
                Sentence(
                    index,
                    text,
                    stats,
                    CITE in text or _has_source_paren(text),
                    _not_a_claim(text),
                )
            )
    table_cited, table_context = _tables(body, block_cited)
    return Prose(
        tuple(sentences),
        tuple(gotchas),
        tuple(block_cited),
        table_cited,
        table_context,
        skipped,
        claims_text,
    )


_ONE_UNIT = ("heading", "table-head", "table-row")


def _spans(block: Block, text: str | None = None, begin: int = 0) -> list[tuple[int, int]]:
    """The sentences of a block; a heading or a table row is one unit.

    ``text``, if given, holds the block's text at ``begin`` (``Prose.claims_text``):
    scanning it there spares a copy, and gives the same boundaries.
    """
    if block.kind in _ONE_UNIT:
        return [(0, len(block.text))]
    if text is None:
        text = block.text
    scan = _BOUNDARY_RE.finditer(text, begin, begin + len(block.text))
    return _spans_from_ends(block.text, [match.end() - begin for match in scan])


def _not_a_claim(sentence: str) -> bool:
    """A question, or a hypothetical premise ("If churn is 30%, ...")."""
    ending = sentence.rstrip().rstrip(CITE + "\"'”’)")
    return ending.endswith("?") or bool(_HYPOTHETICAL_RE.match(sentence))


def _statistics_by_block(
    blocks: tuple[Block, ...], joined: str, starts: list[int]
) -> dict[int, list[Statistic]]:
    """Block index -> every statistic in it, in text order (blocks in order too).

    ``joined`` is the blocks' texts joined by "\n" (see ``Prose.claims_text``)
    and ``starts`` where each begins in it.  One pass over the whole guide's
    prose: a guide has dozens of blocks and most hold no number, so a search
    per block costs more than the search.
    """
    if "://" in joined or "www." in joined:
        joined = _URL_RE.sub(lambda m: " " * len(m.group(0)), joined)
    found: dict[int, list[Statistic]] = {}
    for start, end, kind in _statistic_matches(joined):
        index = bisect.bisect_right(starts, start) - 1
        block_end = starts[index + 1] - 1 if index + 1 < len(starts) else len(joined)
        if end > block_end:  # a \s crossed into the next block
            inside = _STAT_RE.match(joined, start, block_end)
            if inside is None:
                continue
            end, kind = inside.end(), inside.lastgroup or ""
        checked = _statistic_kind(joined, kind, start, end)
        if checked is None:
            continue
        local = start - starts[index]
        found.setdefault(index, []).append(
            Statistic(checked, joined[start:end], local, blocks[index])
        )
    return found


def _statistic_matches(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every statistic-shaped match in ``text``, in order.

    Matches never overlap: as in a left-to-right scan, a match that starts
    inside an earlier one is dropped.
    """
    found: list[tuple[int, int, str]] = []
    for match in _NUMERIC_STAT_RE.finditer(text):
        kind, start = match.lastgroup or "", match.start()
        if kind == "coded":  # "USD 120" was found at its number: start at the code
            start -= 4 if text[start - 1] == " " else 3
            kind = "money_code"
        found.append((start, match.end(), kind))
    worded: list[tuple[int, int, str]] = []
    if " in " in text or " out of " in text or " In " in text or " Out of " in text:
        for spot in _worded_ratio_starts(text):
            ratio = _STAT_RE.match(text, spot)
            if ratio is not None:
                worded.append((spot, ratio.end(), ratio.lastgroup or ""))
    if not worded:
        return found
    merged: list[tuple[int, int, str]] = []
    for item in sorted(found + worded):
        if not merged or item[0] >= merged[-1][1]:
            merged.append(item)
    return merged


def _statistic_kind(text: str, kind: str, start: int, end: int) -> str | None:
    """The kind of the match ``text[start:end]``, or ``None`` when context shows it is no statistic."""
    if kind == "money_code":
        kind = "money"
    if kind == "ratio" and _YEAR_RE.match(text[start:end].split()[-1]):
        return None
    if kind == "multiplier" and not _is_comparison(text, start, end):
        return None
    if kind == "percent" and _HUNDRED_IDIOM_RE.match(text, start):
        return None
    if kind == "money" and _DENOMINATION_RE.match(text, end):
        return None
    return kind


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


def _has_source_paren(text: str) -> bool:
    return ("(" in text or "ccording" in text) and bool(_SOURCE_PAREN_RE.search(text))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a prose block's text."""
    return _sentence_spans(text)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    return _spans_from_ends(text, [match.end() for match in _BOUNDARY_RE.finditer(text)])


def _spans_from_ends(text: str, ends: list[int]) -> list[tuple[int, int]]:
    """Sentences of ``text`` that end at ``ends``; what is left after the last is one more."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end in ends:
        spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


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
    if _NAME_SUFFIX_RE.match(text, end):
        return False  # "10x-funded", "10x's": a name
    # A label after punctuation or at the start ("(2x)", "Manager, 10x"), a
    # preposition's object ("submit to 10x") or a named thing ("10x process").
    return previous != "" and previous not in _NAME_PREV and following not in _NAME_NEXT


def _gotchas(body: Body) -> list[Gotcha]:
    headings = body.headings
    has_content = body.filled | {b.heading for b in body.blocks if b.kind != "heading"}
    result: list[Gotcha] = []
    for index, heading in enumerate(headings):
        if not _GOTCHA_RE.search(heading.text):
            continue
        end = section_end(body, index)
        if any(_GOTCHA_RE.search(headings[i].text) for i in range(index + 1, end)):
            continue  # a container ("Gotchas") whose sub-sections are the gotchas
        strong = weak = None
        for sub in range(index + 1, end):
            match = _STRONG_WEAK_RE.match(headings[sub].text.strip())
            if not match:
                continue
            if match.group(1).lower() == "strong" and strong is None:
                strong = sub
            elif match.group(1).lower() == "weak" and weak is None:
                weak = sub
        result.append(
            Gotcha(
                index,
                strong,
                weak,
                strong is not None and strong not in has_content,
                weak is not None and weak not in has_content,
            )
        )
    return result


def section_end(body: Body, index: int) -> int:
    """Index of the first heading after ``index`` at the same or a higher level."""
    level = body.headings[index].level
    for later in range(index + 1, len(body.headings)):
        if body.headings[later].level <= level:
            return later
    return len(body.headings)


def _exempt_blocks(body: Body, gotchas: list[Gotcha]) -> set[int]:
    """Blocks that are a gotcha's question or a sample answer."""
    exempt: set[int] = set()
    answer_headings: set[int] = set()
    for gotcha in gotchas:
        for sub in (gotcha.strong, gotcha.weak):
            if sub is not None:
                answer_headings.update(range(sub, section_end(body, sub)))
    question_of: dict[int, bool] = {g.heading: True for g in gotchas}
    for index, block in enumerate(body.blocks):
        if block.heading in answer_headings:
            exempt.add(index)
        elif block.heading in question_of:
            if block.kind == "heading":
                exempt.add(index)  # the gotcha heading states the question
            elif question_of[block.heading]:
                exempt.add(index)  # ...or its first paragraph does
                question_of[block.heading] = False
    return exempt


def _tables(body: Body, block_cited: list[bool]) -> tuple[frozenset[int], dict[int, str]]:
    cited: set[int] = set()
    context: dict[int, str] = {}
    blocks = body.blocks
    for index, block in enumerate(blocks):
        if block.table < 0:
            continue
        table = block.table
        if block.kind == "table-head":
            context[table] = block.text
            if block_cited[index]:
                cited.add(table)
            before = blocks[index - 1] if index else None
            if before is not None and before.kind == "paragraph" and block_cited[index - 1]:
                cited.add(table)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            following is not None
            and following.table != table
            and following.kind == "paragraph"
            and _CAPTION_RE.match(following.text)
        ):
            context[table] = context.get(table, "") + " " + following.text
            cited.add(table)
    return frozenset(cited), context


def has_pay_word(text: str, extra: tuple[str, ...] = ()) -> bool:
    """Whether ``text`` speaks of pay (salary, comp, TC, bonus, ...)."""
    words = _LOWER_WORD_RE.findall(text.lower())
    if not _PAY_WORD_SET.isdisjoint(words):  # stops at the first pay word
        return True
    return bool(extra) and not {w.lower() for w in extra}.isdisjoint(words)


def date_marker(text: str) -> PartialDate | None:
    """The latest explicit 'as of Aug 2026' / '(2026 data)' / 'in 2025' marker in ``text``."""
    import datetime as dt

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


def own_sentences(guide: Guide, blocks: Iterable[int]) -> Iterator[tuple[int, int, str]]:
    """``(block, start, text)`` of each sentence in ``blocks`` that the guide itself claims.

    :attr:`Prose.sentences` keeps only sentences with statistics; rules that
    read any sentence (relative-time) use this.  What ``Sentence.exempt``
    marks is left out: sample answers, gotcha questions, questions,
    hypothetical premises, footnotes.
    """
    body = guide.body
    not_claims = guide.prose.not_claims
    for index in blocks:
        block = body.blocks[index]
        if index in not_claims:
            continue
        for start, end in _spans(block):
            text = block.text[start:end]
            if not _not_a_claim(text):
                yield index, start, text
