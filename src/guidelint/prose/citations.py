"""What cites a source: a citation marker, "(Source: ...)", "according to Gartner", a cited table."""

from __future__ import annotations

import re

from guidelint.markdown import CITE, Body
from guidelint.prose.framing import lead_in

_NAME = r"(?:[A-Z][\w&.'’-]*|[a-z]{1,3}[A-Z][\w&.'’-]*)"  # "Gartner", "eMarketer", "U.S."
# A name that cannot be an ordinary word capitalised at a sentence's start:
# an inner capital ("McKinsey", "IBM") or two capitalised words ("Pew Research").
_PROPER = rf"(?:[A-Za-z][a-z]*[A-Z][\w&.'’-]*|{_NAME}(?:\s+{_NAME}){{1,3}})"
_REPORT = r"(?:report|survey|study|index|census|poll|analysis|data|fact\s+sheet|research)"
_YEAR = r"(?:19|20)\d\d"
_SAYS = (
    r"(?:found|finds|reported|reports|estimates|estimated|surveyed|revealed|says|said|notes|noted)"
)
# Citations that start with a character of their own: the regex engine
# jumps from one "(" / "A" / "a" / "P" / "p" / "{" to the next.
_MARKED_RE = re.compile(
    # "(Source: ...)" and the like
    r"(?i:\(\s*(?:source|sources|via|data|according to)\b)"
    # "according to Gartner", "per the 2025 Carta report"
    r"|\b[Aa]ccording\s+to\s+(?:the\s+)?[a-z]{0,3}[A-Z]"
    rf"|\b[Pp]er\s+(?:the\s+)?(?:[\w-]+\s+){{0,4}}?{_REPORT}\b"
    # a site generator's link shortcode: Hugo's {{< ref "..." >}}
    r"|\{\{[<%]\s*(?:rel)?ref\b"
)
# A named source ends in a word that says so ("report", "found"); the name
# is looked for just before it, in a short window.
_ANCHOR_RE = re.compile(rf"\b(?:(?P<report>{_REPORT})|{_SAYS})\b")
_NAMES = rf"{_NAME}(?:\s+{_NAME}){{0,3}}"
# "the 2025 Carta report", "a 2024 Pew survey", "Carta's 2025 report"
_REPORT_NAME_RE = re.compile(
    rf"(?:\bthe\s+(?:{_YEAR}\s+)?{_NAMES}|\b{_YEAR}\s+{_NAMES}|\b{_NAMES}['’]s\s+(?:{_YEAR}\s+)?)\s*$"
)
# "... and Gartner found" (a name mid-sentence), "Pew Research reports" (a proper name)
_SAYER_RE = re.compile(rf"(?:(?<=\w\s){_NAMES}|\b{_PROPER})\s+$")
_WINDOW = 80  # characters before the anchor word where its name may stand
# A line right after a table that may caption it; it covers the table only
# when it cites ("_Source: ..._", a link), not when it only notes ("_Note: ..._").
_CAPTION_RE = re.compile(r"^\W*(?:source|sources|data|note|notes)\b", re.I)
_SOURCE_LABEL_RE = re.compile(r"^\W*(?:source|sources|data)\s*:", re.I)


def is_cited(text: str) -> bool:
    """Whether ``text`` holds a citation (a link, a footnote) or names its source."""
    return CITE in text or _names_source(text)


def cited_texts(texts: list[str]) -> list[bool]:
    """:func:`is_cited` of each text (one loop: a guide has many blocks)."""
    return [CITE in text or _names_source(text) for text in texts]


def _names_source(text: str) -> bool:
    if _MARKED_RE.search(text):
        return True
    for anchor in _ANCHOR_RE.finditer(text):
        named = _REPORT_NAME_RE if anchor.group("report") else _SAYER_RE
        # Searching text[begin:start] in place: "$" is the anchor word's
        # start, and the lookbehind still sees what precedes the window.
        if named.search(text, max(0, anchor.start() - _WINDOW), anchor.start()):
            return True
    return False


def tables(body: Body, block_cited: list[bool]) -> tuple[frozenset[int], dict[int, str]]:
    """Tables cited by their header, lead-in paragraph or caption; and each table's framing text.

    The framing (header row, the paragraph right before, a caption) is where
    a date marker for the whole table may stand.
    """
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
            if before is not None and before.kind == "paragraph":
                context[table] += " " + before.text  # may date the table ("in 2025")
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is None or following.table == table or following.kind != "paragraph":
            continue
        if block_cited[index + 1] or _SOURCE_LABEL_RE.match(following.text):
            cited.add(table)
        if block_cited[index + 1] or _CAPTION_RE.match(following.text):
            context[table] = context.get(table, "") + " " + following.text
    return frozenset(cited), context


def lead_cited(body: Body, block_cited: list[bool]) -> frozenset[int]:
    """List items covered by a citation in what introduces their list.

    That is the paragraph (or, for nested items, the parent item) right
    before the list: "The levels, from [the 2025 survey](...), were:".
    """
    blocks = body.blocks
    covered: set[int] = set()
    for index, block in enumerate(blocks):
        if block.kind == "item":
            lead = lead_in(blocks, index)
            if lead is not None and block_cited[lead]:
                covered.add(index)
    return frozenset(covered)
