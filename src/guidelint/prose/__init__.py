"""What a guide's prose claims: sentences, statistics, citations, gotchas.

Everything here works on the readable text of :mod:`guidelint.markdown`
blocks (code, URLs and HTML already gone), never on raw Markdown.  It is
computed once per guide (``Guide.prose``) and shared by the statistic, salary
and gotcha rules.  One module per concern: :mod:`.sentences`,
:mod:`.statistics` (the statistic grammar, and what makes a number a claim),
:mod:`.citations`, :mod:`.salary`, :mod:`.gotchas`.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from guidelint.markdown import Block
from guidelint.prose.citations import CitedTexts, cited_texts, lead_cited, tables
from guidelint.prose.claims import is_claim, number_cues, sentence_cues
from guidelint.prose.framing import Framing
from guidelint.prose.gotchas import Gotcha, exempt_blocks, gotchas, section_end
from guidelint.prose.salary import SalaryClaim, date_marker, has_pay_word, salary_claims
from guidelint.prose.sentences import not_a_claim, spans, split_sentences
from guidelint.prose.statistics import statistics_in

if TYPE_CHECKING:
    from guidelint.guide import Guide

__all__ = [
    "Gotcha",
    "Prose",
    "SalaryClaim",
    "Sentence",
    "Statistic",
    "analyse",
    "date_marker",
    "has_pay_word",
    "own_sentences",
    "salary_claims",
    "section_end",
    "split_sentences",
]


# Named tuples, not frozen dataclasses: cheaper to make (docs/performance.md).
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
    exempt: bool  # a question or a hypothetical premise: needs no source, is no salary claim
    # Per statistic: the cues around it (see .claims) and whether they make it a claim.
    cues: tuple[tuple[str, ...], ...] = ()
    claims: tuple[bool, ...] = ()
    start: int = 0  # where the sentence starts in its block's text

    @property
    def claimed(self) -> tuple[Statistic, ...]:
        """The statistics the cues judge to be claims about the world."""
        return tuple(stat for stat, claim in zip(self.stats, self.claims, strict=True) if claim)


@dataclass(frozen=True, slots=True)
class Prose:
    """The analysis :mod:`guidelint.rules` read; see :func:`analyse`."""

    # Only sentences that hold a statistic, outside sample answers, gotcha
    # questions and footnotes (whose statistics no rule reads).
    sentences: tuple[Sentence, ...]
    gotchas: tuple[Gotcha, ...]
    block_cited: Sequence[bool]  # any citation anywhere in the block (worked out when asked)
    table_cited: frozenset[int]  # tables whose header, lead-in or caption cites
    table_context: dict[int, str]  # table -> header row + caption text (for pay words, markers)
    # Blocks that are not the guide's own claims: sample answers, gotcha
    # questions, footnote definitions.
    not_claims: frozenset[int] = frozenset()
    # Every block's text joined with "\n" (block texts hold none), those in
    # not_claims left empty: one string for the rules that scan the whole
    # guide's claims for something (block i is after the i-th "\n").
    claims_text: str = ""
    # List items whose introducing sentence cites: the citation covers them.
    lead_cited: frozenset[int] = frozenset()


def analyse(guide: Guide, judge_all: bool = False) -> Prose:
    """Split every block into sentences and find statistics and gotchas.

    Statistics are judged claims or not (:mod:`.claims`) only where a rule
    may report them: in a sentence no citation covers, or a money amount
    (which may be an undated salary).  ``judge_all`` judges every one (the
    claim model's training reads them all).
    """
    body = guide.body
    blocks = body.blocks
    found_gotchas = gotchas(body)
    # A sample answer, a gotcha's question or a footnote needs no source and
    # states no salary: no rule reads its statistics, so none are looked for.
    skipped = frozenset(
        exempt_blocks(body, found_gotchas) | {i for i, b in enumerate(blocks) if b.in_footnote}
    )
    texts = [block.text for block in blocks]
    block_cited = cited_texts(texts, [block.heading for block in blocks])
    if skipped:
        texts = ["" if i in skipped else text for i, text in enumerate(texts)]
    starts = list(itertools.accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    claims_text = "\n".join(texts)
    table_cited, table_context = tables(body, block_cited)
    listed = lead_cited(body, block_cited)
    covered = {i for i, b in enumerate(blocks) if b.table in table_cited} | listed
    framing = Framing(body, texts, None if judge_all else frozenset(covered))
    return Prose(
        tuple(_sentences(blocks, claims_text, starts, framing, block_cited)),
        tuple(found_gotchas),
        block_cited,
        table_cited,
        table_context,
        skipped,
        claims_text,
        listed,
    )


def _sentences(
    blocks: tuple[Block, ...],
    claims_text: str,
    starts: list[int],
    framing: Framing,
    block_cited: CitedTexts,
) -> list[Sentence]:
    """The sentences that hold a statistic, in order (no rule reads the others)."""
    by_block: dict[int, list[Statistic]] = {}
    for index, start, text, kind in statistics_in(claims_text, starts):
        stat = Statistic(kind, text, start - starts[index], blocks[index])
        by_block.setdefault(index, []).append(stat)
    sentences: list[Sentence] = []
    # Most blocks hold no statistic, and skipping them is most of the speed.
    for index, block_stats in by_block.items():
        block = blocks[index]
        # block_stats is in text order: each sentence takes a slice (a scan of
        # all statistics per sentence is quadratic in a huge paragraph).
        positions = [stat.char for stat in block_stats]
        for start, end in spans(block, claims_text, starts[index]):
            first, last = bisect.bisect_left(positions, start), bisect.bisect_left(positions, end)
            if first == last:
                continue
            stats = tuple(block_stats[first:last])
            cited = block_cited.sentence(block.text, start, end, index)
            sentences.append(_sentence(index, block, start, end, stats, framing, cited))
    return sentences


def _sentence(
    index: int,
    block: Block,
    start: int,
    end: int,
    stats: tuple[Statistic, ...],
    framing: Framing,
    cited: bool,
) -> Sentence:
    """One sentence with its statistics, judged where a rule may report them."""
    text = block.text[start:end]
    exempt = not_a_claim(text, stats[-1].char - start)
    covered = framing.covered is not None and (cited or exempt or index in framing.covered)
    # A covered sentence is reported by no rule but salary-date, and only for
    # a money amount in a sentence (or under a header) that speaks of pay.
    judged = [
        not covered or (s.kind == "money" and framing.speaks_of_pay(index, text)) for s in stats
    ]
    if not any(judged):
        return Sentence(index, text, stats, cited, exempt, (), (True,) * len(stats), start)
    lower = text.lower()
    shared = (*sentence_cues(text, lower, block.kind), *framing.cues(index))
    found = tuple(
        (*shared, *number_cues(text, lower, s.char - start, s.char - start + len(s.text), s.kind))
        if judge
        else ()
        for s, judge in zip(stats, judged, strict=True)
    )
    claims = tuple(is_claim(c) if c else True for c in found)
    return Sentence(index, text, stats, cited, exempt, found, claims, start)


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
        for start, end in spans(block):
            text = block.text[start:end]
            if not not_a_claim(text):
                yield index, start, text
