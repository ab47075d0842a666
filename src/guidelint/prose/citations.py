"""What cites a source: a citation marker, "(Source: ...)", "according to Gartner", a cited table."""

from __future__ import annotations

import re

from guidelint.markdown import CITE, Body

_SOURCE_PAREN_RE = re.compile(
    # "(Source: ...)", or a named source in the sentence: "according to Gartner"
    # (a name has a capital somewhere: "according to eMarketer" too)
    r"(?i:\(\s*(?:source|sources|via|data|according to)\b)"
    r"|\b[Aa]ccording\s+to\s+(?:the\s+)?[a-z]{0,3}[A-Z]"
)
_CAPTION_RE = re.compile(r"^\W*(?:source|sources|data|note)s?\b", re.I)


def is_cited(text: str) -> bool:
    """Whether ``text`` holds a citation (a link, a footnote) or names its source."""
    return CITE in text or _names_source(text)


def cited_texts(texts: list[str]) -> list[bool]:
    """:func:`is_cited` of each text (one loop: a guide has many blocks)."""
    return [CITE in text or _names_source(text) for text in texts]


def _names_source(text: str) -> bool:
    return ("(" in text or "ccording" in text) and bool(_SOURCE_PAREN_RE.search(text))


def tables(body: Body, block_cited: list[bool]) -> tuple[frozenset[int], dict[int, str]]:
    """Tables cited by their header, lead-in paragraph or caption; table -> header + caption text."""
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
