"""Sentence boundaries in a block's readable text, and sentences that claim nothing."""

from __future__ import annotations

import re

from guidelint.lazy_re import any_char
from guidelint.markdown import CITE, Block

ABBREVIATIONS = frozenset(
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
# nothing: those are lookbehinds (one per abbreviation length), so finding
# every boundary is one C-speed scan.
_NOT_AFTER_ABBREVIATION = "".join(
    rf"(?<!(?<![\w.])(?:{'|'.join(sorted(re.escape(w) for w in ABBREVIATIONS if len(w) == n))})\.)"
    for n in sorted({len(w) for w in ABBREVIATIONS})
)
# Classes that mix Latin-1 and other characters are spelled with any_char:
# each would otherwise take re a fraction of a millisecond to compile.
_STOP = any_char(".!?…")
_CLOSING = any_char("\"'”’)]" + CITE)
_OPENING = any_char("\"'“‘([$£€¥")
_BOUNDARY_RE = re.compile(
    rf"(?:\.(?<!{_STOP}\.)(?i:" + _NOT_AFTER_ABBREVIATION + r")(?<!(?<![\w.])[^\W\d_]\.)"
    rf"|!(?<!{_STOP}!)|\?(?<!{_STOP}\?)|…(?<!{_STOP}…))"
    # "\n" ends a text like the end of the string: on Prose.claims_text, whose
    # blocks are joined by "\n", a scan from a block's start to its end
    # finds its boundaries (lookbehinds see the "\n" before it).
    rf"{_STOP}*{_CLOSING}*(?=[^\S\n]+{_OPENING}?[A-Z0-9{CITE}]|[^\S\n]*(?:\n|$))"
)
# "If churn is 30%, ...", "For example, say the base is $200k": a premise, not
# a claim.  "When ..." opens one for the claim cues only: a sentence that
# opens with "when" states a fact as often as not.
_PREMISE_RE = re.compile(
    r"^\W*(?:(?:for\s+(?:example|instance)|e\.g\.)\s*,?\s*)?"
    r"(?:if|suppose|supposing|imagine|assume|assuming|let's\s+say|say|(?P<when>when))\b",
    re.I,
)
_ONE_UNIT = ("heading", "table-head", "table-row")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a prose block's text."""
    return _spans_from_ends(text, [match.end() for match in _BOUNDARY_RE.finditer(text)])


def spans(block: Block, text: str | None = None, begin: int = 0) -> list[tuple[int, int]]:
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


def _spans_from_ends(text: str, ends: list[int]) -> list[tuple[int, int]]:
    """Sentences of ``text`` that end at ``ends``; what is left after the last is one more."""
    found: list[tuple[int, int]] = []
    start = 0
    for end in ends:
        found.append((start, end))
        start = end
    if text[start:].strip():
        found.append((start, len(text)))
    return found


def not_a_claim(sentence: str, last: int | None = None) -> bool:
    """A question, or a hypothetical premise ("If churn is 30%, ...").

    With ``last``, where the sentence's last number stands: a sentence whose
    main clause, after the premise, holds a number still states a fact
    ("If you want one anyway, most programs charge $99").
    """
    ending = sentence.rstrip().rstrip(CITE + "\"'”’)")
    if ending.endswith("?"):
        return True
    end = premise_end(sentence)
    if end is None:
        return False
    comma = sentence.find(", ", end)  # not the one in "10,000"
    return last is None or comma < 0 or last < comma


def premise_end(sentence: str, when: bool = False) -> int | None:
    """Where the opening of a hypothetical premise ("If", "Suppose") ends, if there is one.

    With ``when``, a sentence opening with "When" counts too.
    """
    premise = _PREMISE_RE.match(sentence)
    if premise is None or (premise["when"] and not when):
        return None
    return premise.end()
