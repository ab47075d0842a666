"""What cites a source: a citation marker, "(Source: ...)", "according to Gartner", a cited table."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import overload

from guidelint.lazy_re import any_char, lazy
from guidelint.markdown import CITE, Body
from guidelint.prose.framing import lead_in
from guidelint.prose.statistics import SIGNS

# The patterns spell the apostrophe "'" only: _names_source reads "’" as "'"
# (a "’" in a character class costs a few ms to compile, every run).
_NAME = r"(?:[A-Z][\w&.'-]*|[a-z]{1,3}[A-Z][\w&.'-]*)"  # "Gartner", "eMarketer", "U.S."
# A name that cannot be an ordinary word capitalised at a sentence's start:
# an inner capital ("McKinsey", "IBM") or two capitalised words ("Pew Research").
_PROPER = rf"(?:[A-Za-z][a-z]*[A-Z][\w&.'-]*|{_NAME}(?:\s+{_NAME}){{1,3}})"
_REPORT = r"(?:report|survey|study|index|census|poll|analysis|data|fact\s+sheet|research)"
_YEAR = r"(?:19|20)\d\d"
_SAYS = (
    r"(?:found|finds|reported|reports|estimates|estimated|surveyed|revealed|says|said|notes|noted"
    r"|cites|cited|states|stated|measured|showed|shows|predicts|predicted)"
)
# "said Hernandez", "states Owen Fuller": the speaker named after the verb.
_SAID_NAME = re.compile(
    r"\b(?:said|says|states|stated|noted|notes|explains|explained|writes|wrote)\s+"
    r"(?:the\s+)?[A-Z][a-z]"
)
# "as pointed out by NASA", "data compiled by the Census Bureau"
_BY_NAME = re.compile(
    r"\b(?:pointed\s+out|reported|published|compiled|released|measured|conducted|collected|"
    r"estimated|found)\s+by\s+(?:the\s+)?[a-z]{0,3}[A-Z]"
)
# Citations marked by a word or sign of their own, each pattern starting with
# a literal or a set of characters, so the regex engine skips in C to the
# next place it could match: "(Source: ...)", "according to Gartner", "per
# the 2025 Carta report", Hugo's {{< ref "..." >}} link shortcode.
_MARKED = (
    ("(", re.compile(r"\(\s*(?i:source|sources|via|data|according to)\b")),
    (
        "ccording",
        re.compile(
            rf"[Aa](?<![\w][Aa])ccording\s+to\s+(?:(?:the|a|an)\s+)?(?:(?:{_YEAR}|[a-z]+)\s+){{0,2}}[a-z]{{0,3}}[A-Z]"
        ),
    ),
    ("er ", re.compile(rf"[Pp](?<![\w][Pp])er\s+(?:the\s+)?(?:[\w-]+\s+){{0,4}}?{_REPORT}\b")),
    ("{{", re.compile(r"\{\{[<%]\s*(?:rel)?ref\b")),
    ("said ", _SAID_NAME),
    ("says ", _SAID_NAME),
    ("states ", _SAID_NAME),
    ("stated ", _SAID_NAME),
    ("note", _SAID_NAME),
    ("expla", _SAID_NAME),
    ("wro", _SAID_NAME),
    (" by ", _BY_NAME),
)
# A named source ends in a word that says so ("report", "found"); the name
# is looked for just before it, in a short window.  The words are found with
# str.find: far cheaper than a regex tried at every position of every block.
_ANCHORS = {
    **dict.fromkeys(
        ("report", "survey", "study", "index", "census", "poll", "analysis", "data", "estimate"),
        True,
    ),
    "fact sheet": True,
    "research": True,
    **dict.fromkeys(_SAYS.strip("(?:)").split("|"), False),
}
_NAMES = rf"{_NAME}(?:\s+{_NAME}){{0,3}}"
# "the 2025 Carta report", "a 2024 Pew survey", "Carta's 2025 report"
_SIGN = any_char(SIGNS)
# "Nielsen's 20% estimate": a figure may stand between a possessive and its noun.
_REPORT_NAME = (
    rf"(?:\b[Tt]he\s+(?:{_YEAR}\s+)?{_NAMES}|\b{_YEAR}\s+{_NAMES}"
    rf"|\b{_NAMES}'s\s+(?:{_YEAR}\s+)?(?:{_SIGN}?[\d.,]+\s?%?\s+)?)\s*$"
)
# "... and Gartner found" (a name mid-sentence), "Pew Research reports" (a proper name)
# "Hernandez also noted", "Pew recently published": one adverb may come between.
_SAYER = rf"(?:(?<=\w\s){_NAMES}|\b{_PROPER})\s+(?:(?:also|recently|[a-z]+ly)\s+)?$"


@cache
def _named(report: bool) -> re.Pattern[str]:
    """The pattern of a name before an anchor word, compiled on first use.

    Compiling the two takes about 4 ms, and a guide whose figures all carry
    links never needs them: a pre-commit run pays only when it reads one.
    """
    return re.compile(_REPORT_NAME if report else _SAYER)


_WINDOW = 80  # characters before the anchor word where its name may stand
# A line right after a table that may caption it; it covers the table only
# when it cites ("_Source: ..._", a link), not when it only notes ("_Note: ..._").
_CAPTION_RE = re.compile(r"^\W*(?:source|sources|data|note|notes)\b", re.I)
_SOURCE_LABEL_RE = re.compile(r"^\W*(?:source|sources|data)\s*:", re.I)


# "the study", "this report", "their research": a source named or linked
# before, which the text refers back to.  The noun, in lower case, must be
# the one that speaks ("the study found", "the report from Adobe") or end
# its phrase ("findings from the report include:", "according to the data,"):
# "92% of the Data Analysts we surveyed" refers to no source.
_BACK_REFERENCE_RE = lazy(
    r"\b(?i:the|this|that|these|those|their|its)\s+(?:(?:19|20)\d\d\s+|new\s+|latest\s+|same\s+)?"
    r"(?:reports?|study|studies|survey|research|poll|analysis|findings|infographic|chart|paper|data)\b"
)
_SPEAKING = frozenset(
    [
        "found",
        "finds",
        "show",
        "shows",
        "showed",
        "shown",
        "says",
        "said",
        "report",
        "reports",
        "reported",
        "reveal",
        "reveals",
        "revealed",
        "note",
        "notes",
        "noted",
        "estimate",
        "estimates",
        "estimated",
        "include",
        "includes",
        "included",
        "examined",
        "examines",
        "suggest",
        "suggests",
        "suggested",
        "indicate",
        "indicates",
        "indicated",
        "measured",
        "highlight",
        "highlights",
        "highlighted",
        "put",
        "puts",
        "cite",
        "cites",
        "cited",
        "point",
        "points",
        "pointed",
        "illustrates",
        "illustrated",
        "states",
        "stated",
        "claims",
        "claimed",
        "concludes",
        "concluded",
        "explains",
        "explained",
        "adds",
        "added",
        "predicts",
        "predicted",
        "projects",
        "projected",
        "confirms",
        "confirmed",
        "details",
        "detailed",
        "also",
        "further",
        "recently",
        "from",
        "by",
        "of",
        "on",
        "in",
    ]
)
_BACK_NOUNS = (
    *("report", "stud", "survey", "research", "poll", "analys"),
    *("finding", "infographic", "chart", "paper", "data"),
)


def refers_back(text: str) -> bool:
    """Whether ``text`` names its source by referring back to one ("the study found")."""
    # A substring test first: most sentences name no such noun.
    if not any(noun in text for noun in _BACK_NOUNS):
        return False
    for match in _BACK_REFERENCE_RE().finditer(text):
        after = text[match.end() : match.end() + 24].lstrip()
        if not after or after[0] in ",.:;)!?":
            return True
        if after.split(None, 1)[0].rstrip(",.:;)!?").lower() in _SPEAKING:
            return True
    return False


def is_cited(text: str) -> bool:
    """Whether ``text`` holds a citation (a link, a footnote) or names its source."""
    return CITE in text or _names_source(text)


class CitedTexts(Sequence[bool]):
    """:func:`is_cited` of each text, worked out when first asked.

    Only a few blocks are ever asked about (those with statistics, around
    tables, before lists), and naming a source takes a closer read than a
    link does: most blocks are never read for one.
    """

    def __init__(self, texts: list[str], sections: Sequence[int] = ()) -> None:
        self.texts = texts
        self.sections = sections  # each block's section (its heading's index), if known
        self.known: dict[int, bool] = {}

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, index: int) -> bool: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[bool]: ...
    def __getitem__(self, index: int | slice) -> bool | Sequence[bool]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        found = self.known.get(index)
        if found is None:
            text = self.texts[index]
            found = is_cited(text) or (refers_back(text) and self.cited_before(index))
            self.known[index] = found
        return found

    def sentence(self, block_text: str, start: int, end: int, index: int) -> bool:
        """Whether the sentence ``block_text[start:end]`` of block ``index`` names its source.

        It may cite itself, refer back to a source cited before ("the study
        found"), or be followed by a parenthetical that cites: "... to shop.
        (Source: comScore, 2012)".
        """
        text = block_text[start:end]
        if is_cited(text) or (refers_back(text) and self.cited_before(index)):
            return True
        if block_text[end : end + 2].lstrip().startswith("("):
            at = block_text.index("(", end)
            close = block_text.find(")", at)
            return is_cited(block_text[at : close + 1 if close >= 0 else len(block_text)])
        return False

    def cited_before(self, index: int) -> bool:
        """Whether block ``index`` or one before it in its section cites (a link, a name).

        A text that refers back to "the study" names the source cited there.
        """
        if not self.sections:
            return False
        section = self.sections[index]
        at = index
        while at >= 0 and self.sections[at] == section:
            if is_cited(self.texts[at]):
                return True
            at -= 1
        return False


def cited_texts(texts: list[str], sections: Sequence[int] = ()) -> CitedTexts:
    """:func:`is_cited` of each text, lazily (see :class:`CitedTexts`)."""
    return CitedTexts(texts, sections)


def _names_source(text: str) -> bool:
    if "’" in text:
        text = text.replace("’", "'")
    if any(hint in text and pattern.search(text) for hint, pattern in _MARKED):
        return True
    if text.islower():
        return False  # every named source has a capital letter
    return any(
        _named_before(text, at, report)
        for word, report in _ANCHORS.items()
        if word in text
        for at in _word_starts(text, word)
    )


def _word_starts(text: str, word: str) -> list[int]:
    """Where ``word`` stands in ``text`` as a whole word."""
    found = []
    at = text.find(word)
    while at != -1:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
            found.append(at)
        at = text.find(word, end)
    return found


def _named_before(text: str, at: int, report: bool) -> bool:
    """Whether a name stands right before the anchor word at ``at``."""
    named = _named(report)
    # Searching text[begin:at] in place: "$" is the anchor word's start, and
    # the lookbehind still sees what precedes the window.
    return bool(named.search(text, max(0, at - _WINDOW), at))


def tables(body: Body, block_cited: Sequence[bool]) -> tuple[frozenset[int], dict[int, str]]:
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
        if _introduces(following.text):
            continue  # "The survey reported these figures:" is the next table's lead-in
        if block_cited[index + 1] or _SOURCE_LABEL_RE.match(following.text):
            cited.add(table)
        if block_cited[index + 1] or _CAPTION_RE.match(following.text):
            context[table] = context.get(table, "") + " " + following.text
    return frozenset(cited), context


def _introduces(text: str) -> bool:
    """Whether a paragraph introduces what follows it (it ends with a colon)."""
    return text.rstrip().endswith(":")


def lead_cited(body: Body, block_cited: Sequence[bool]) -> frozenset[int]:
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
