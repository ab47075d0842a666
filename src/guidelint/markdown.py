"""The Markdown body as guidelint's rules see it, built from pyromark events.

pyromark (pulldown-cmark) hands us CommonMark events with UTF-8 byte ranges.
We fold them into a flat list of prose *blocks* (paragraphs, headings, list
items, table rows) whose text keeps only what a reader reads: code, math,
HTML and link destinations are dropped, so no rule ever matches a number in
``code`` or a ``%20`` in a URL.  Each block remembers where every piece of
its text came from, so a finding points at the exact byte in the file.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

import pyromark

BlockKind = Literal["paragraph", "heading", "item", "table-head", "table-row"]

# A character no real text uses, put in block text where a citation (a
# footnote reference or a link) stands, so sentence-level checks can see it.
CITE = "\ue000"

_OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_FOOTNOTES
    | pyromark.Options.ENABLE_MATH
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_TASKLISTS
)
_AFTER_ALL = float("inf")
_NO_ATTRS: dict[str, Any] = {}
# Characters between two marks of a long non-ASCII piece (see _marks).
_STEP = 256
# (char_start, byte_start, exact, marks) of one piece of a block's text.
Piece = tuple[int, int, bool, tuple[int, ...] | None]


def _marks(text: str) -> tuple[int, ...] | None:
    """Byte offset of every ``_STEP``-th character of ``text``; ``None`` if it is ASCII.

    Finding the byte of character N then encodes at most ``_STEP``
    characters, not the whole piece: a paragraph of one huge line with
    thousands of findings stays linear, not quadratic.
    """
    if text.isascii():
        return None
    if len(text) <= _STEP:
        return ()
    marks = [0]
    for start in range(0, len(text) - _STEP, _STEP):
        marks.append(marks[-1] + len(text[start : start + _STEP].encode("utf-8")))
    return tuple(marks)


_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_FOOTNOTE_TEXT_RE = re.compile(r"\[\^([^\]\s]+)\]")
_COMMENT_RE = re.compile(r"<!--(.*?)-->", re.S)
# An HTML link to elsewhere, or an HTML footnote marker (href="#fn1").
_HTML_CITE_RE = re.compile(
    r"<a\s[^>]*\bhref\s*=\s*[\"']?(?:[^#\"'\s>]|#(?:fn|foot|note|ref|cite))", re.I
)

_BLOCK_STARTS: dict[str, BlockKind] = {
    "Paragraph": "paragraph",
    "Item": "item",
    "TableHead": "table-head",
    "TableRow": "table-row",
}
# Containers whose text is not prose at all.
_SKIPPED = {"CodeBlock", "Image", "MetadataBlock"}
_CONTENT = {"Paragraph", "CodeBlock", "List", "Table", "BlockQuote", "Image", "DisplayMath"}


# The parsed body's records are named tuples, not frozen dataclasses: a
# guide has hundreds of them, and a tuple is made three times faster.
class FootnoteRef(NamedTuple):
    """A ``[^id]`` reference; ``offset`` is its byte offset in the file."""

    label: str
    offset: int


class Link(NamedTuple):
    """A link or image destination and where its ``[`` stands."""

    dest: str
    offset: int


class Comment(NamedTuple):
    """An HTML comment's inner text and the byte range of the comment."""

    text: str
    start: int
    end: int


class Heading(NamedTuple):
    """A heading: level 1-6, its plain text, its byte offset."""

    level: int
    text: str
    offset: int


class Block(NamedTuple):
    """A unit of prose.

    ``text`` is the readable text with :data:`CITE` where a citation stands;
    ``pieces`` maps character offsets in ``text`` back to file byte offsets:
    each entry is ``(char_start, byte_start, exact, marks)`` where ``exact``
    says the piece's characters match the source one to one and ``marks``
    (see :func:`_marks`) keeps that lookup cheap in a long piece.
    """

    kind: BlockKind
    text: str
    pieces: tuple[Piece, ...]
    offset: int
    heading: int  # index into Body.headings of the section heading, -1 before any
    table: int  # table number for table rows and heads, -1 otherwise
    in_footnote: bool

    def byte_offset(self, char: int) -> int:
        """File byte offset of character ``char`` of :attr:`text`."""
        # bisect on the tuples themselves: (char, ...) sorts by char first;
        # (char, inf) lands after every piece starting at or before char.
        i = bisect.bisect_right(self.pieces, (char, _AFTER_ALL)) - 1
        if i < 0:
            return self.offset
        char_start, byte_start, exact, marks = self.pieces[i]
        if not exact:
            return byte_start
        if marks is None:  # ASCII: one byte per character
            return byte_start + char - char_start
        if marks:  # start from the nearest mark, not the piece's start
            step = min((char - char_start) // _STEP, len(marks) - 1)
            char_start, byte_start = char_start + step * _STEP, byte_start + marks[step]
        prefix = self.text[char_start:char]
        return byte_start + len(prefix.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class Body:
    """Everything the rules read from a guide's Markdown."""

    headings: tuple[Heading, ...]
    blocks: tuple[Block, ...]
    footnote_refs: tuple[FootnoteRef, ...]
    footnote_defs: frozenset[str]
    links: tuple[Link, ...]
    comments: tuple[Comment, ...]
    # Section headings (index, -1 before any) followed by any content at all,
    # code blocks and images included: an answer that is only code is not empty.
    filled: frozenset[int] = frozenset()


@dataclass
class _Builder:
    kind: BlockKind
    offset: int
    heading: int
    table: int
    in_footnote: bool
    parts: list[str] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    length: int = 0

    def add(self, text: str, byte_start: int, exact: bool) -> None:
        self.pieces.append((self.length, byte_start, exact, _marks(text) if exact else ()))
        self.parts.append(text)
        self.length += len(text)

    def build(self) -> Block:
        return Block(
            self.kind,
            "".join(self.parts),
            tuple(self.pieces),
            self.offset,
            self.heading,
            self.table,
            self.in_footnote,
        )


def parse_body(body: str, base: int) -> Body:
    """Parse Markdown ``body`` whose first byte is at file byte ``base``."""
    headings: list[Heading] = []
    blocks: list[Block] = []
    refs: list[FootnoteRef] = []
    defs: set[str] = set()
    links: list[Link] = []
    comments: list[Comment] = []
    filled: set[int] = set()
    source = body.encode("utf-8")

    stack: list[_Builder] = []
    heading_parts: list[str] | None = None
    heading_level = 0
    heading_start = 0
    skip_depth = 0
    footnote_depth = 0
    table_count = -1

    def add_text(text: str, start: int, end: int) -> None:
        if heading_parts is not None:
            heading_parts.append(text)
        if stack:
            exact = end - start == len(text.encode("utf-8"))
            stack[-1].add(text, base + start, exact)

    # merge_text: pulldown-cmark splits text at every character that might
    # start markup ("[", "$", "&", ...); merged, a guide has a third fewer
    # events.  A merged text whose source holds an escape or an entity is
    # split again where they stand (_add_unmerged), so positions stay exact.
    for event, span in pyromark.events_with_range(body, options=_OPTIONS, merge_text=True):
        # Text is most of the events: handle it first, inline, with no
        # function call (this loop is the Markdown half of a guide's parse
        # time; _Builder.add is written out here).
        text_value: Any = event.get("Text") if type(event) is dict else None  # str or None
        if text_value is not None:
            if skip_depth:
                continue
            start = span["start"]
            if heading_parts is not None:
                heading_parts.append(text_value)
            if stack:
                builder = stack[-1]
                length = span["end"] - start
                if text_value.isascii() and length == len(text_value):
                    # Exact and one byte per character: no marks (see _marks).
                    builder.pieces.append((builder.length, base + start, True, None))
                    builder.parts.append(text_value)
                    builder.length += len(text_value)
                elif length == len(text_value.encode("utf-8")):
                    builder.add(text_value, base + start, True)
                else:
                    raw = source[start : span["end"]].decode("utf-8", "replace")
                    _add_unmerged(builder, text_value, raw, base + start)
            continue
        if isinstance(event, str):
            if skip_depth:
                continue
            if event == "SoftBreak" or event == "HardBreak":
                # add_text(" ", start, start), written out: a guide has dozens.
                if heading_parts is not None:
                    heading_parts.append(" ")
                if stack:
                    builder = stack[-1]
                    builder.pieces.append((builder.length, base + span["start"], False, ()))
                    builder.parts.append(" ")
                    builder.length += 1
            continue
        start, end = span["start"], span["end"]
        ((kind, value),) = event.items()  # one-key dicts: {"Start": ...}
        if kind == "Start":
            tag, attrs = (value, _NO_ATTRS) if type(value) is str else _tag(value)
            if tag in _CONTENT and heading_parts is None:
                filled.add(len(headings) - 1)
            if tag in _SKIPPED:
                skip_depth += 1
            elif skip_depth:
                continue
            elif tag == "Heading":
                heading_parts = []
                heading_level = int(str(attrs["level"])[1:])
                heading_start = start
                stack.append(_Builder("heading", base + start, len(headings), -1, False))
            elif tag in _BLOCK_STARTS:
                block_kind = _BLOCK_STARTS[tag]
                if block_kind == "table-head":
                    table_count += 1
                table = table_count if block_kind.startswith("table") else -1
                stack.append(
                    _Builder(block_kind, base + start, len(headings) - 1, table, footnote_depth > 0)
                )
            elif tag == "TableCell":
                if stack and stack[-1].length:
                    add_text(" | ", start, start)
            elif tag == "Link":
                dest = str(attrs.get("dest_url", ""))
                links.append(Link(dest, base + start))
                if not dest.startswith("#"):
                    add_text(CITE, start, start)
            elif tag == "FootnoteDefinition":
                footnote_depth += 1
                defs.add(_label(value))
        elif kind == "End":
            tag = value if type(value) is str else _tag(value)[0]
            if tag in _SKIPPED:
                skip_depth -= 1
            elif skip_depth:
                continue
            elif tag == "Heading" and heading_parts is not None:
                text = "".join(heading_parts).strip()
                headings.append(Heading(heading_level, text, base + heading_start))
                heading_parts = None
                _close(stack, blocks)
            elif tag in _BLOCK_STARTS:
                _close(stack, blocks)
            elif tag == "FootnoteDefinition":
                footnote_depth -= 1
        elif skip_depth:
            continue
        elif kind == "FootnoteReference":
            refs.append(FootnoteRef(str(value), base + start))
            add_text(CITE, start, start)
        elif kind == "InlineMath" and source[end : end + 1].isdigit():
            # "$200k-$300k": pulldown-cmark reads "$200k-$" as math, but (as in
            # pandoc) a closing "$" followed by a digit is a dollar sign, not math.
            add_text(source[start:end].decode("utf-8"), start, end)
        elif kind in ("Code", "InlineMath", "DisplayMath"):
            # Keep the sentence's shape (a word stood here) but none of its digits.
            add_text(" code ", start, start)
        elif kind in ("Html", "InlineHtml"):
            html = str(value)
            for match in _COMMENT_RE.finditer(html):
                offset = base + start + len(html[: match.start()].encode("utf-8"))
                length = len(match.group(0).encode("utf-8"))
                comments.append(Comment(match.group(1).strip(), offset, offset + length))
            if kind == "InlineHtml" and _HTML_CITE_RE.match(html):
                add_text(CITE, start, start)  # <a href="https://...">: a link, in HTML

    final_blocks = [b if "[^" not in b.text else _with_text_refs(b, refs) for b in blocks]
    refs.sort(key=lambda r: r.offset)
    return Body(
        tuple(headings),
        tuple(final_blocks),
        tuple(refs),
        frozenset(defs),
        tuple(links),
        tuple(comments),
        frozenset(filled),
    )


def _add_unmerged(builder: _Builder, text: str, raw: str, byte_start: int) -> None:
    """Add merged ``text`` whose source ``raw`` differs from it, in exact pieces.

    Text differs from its source only where a backslash escapes punctuation
    (the backslash is dropped) or an entity stands (``&amp;`` is "&"): the
    runs between them are exact, each entity is one inexact piece at its
    first byte.  Anything else unexpected ends the alignment, and the rest
    is one inexact piece (positions in it point at its start).
    """
    i = j = 0  # in raw, in text
    run_i, run_j = 0, 0
    byte = byte_start

    def flush() -> None:
        nonlocal byte
        if j > run_j:
            builder.add(text[run_j:j], byte, True)
        byte += len(raw[run_i:i].encode("utf-8"))

    while i < len(raw) and j < len(text):
        char = raw[i]
        if char == "\\" and i + 1 < len(raw) and raw[i + 1] in _ASCII_PUNCTUATION:
            flush()
            i += 1  # the backslash: dropped from the text
            run_i, run_j = i, j
            byte += 1
            continue
        entity = _ENTITY_RE.match(raw, i) if char == "&" else None
        if entity is not None:
            decoded = html.unescape(entity.group(0))
            if decoded != entity.group(0) and text.startswith(decoded, j):
                flush()
                builder.add(decoded, byte, False)
                byte += len(entity.group(0).encode("utf-8"))
                i, j = entity.end(), j + len(decoded)
                run_i, run_j = i, j
                continue
        if char != text[j]:
            break
        i, j = i + 1, j + 1
    flush()
    if j < len(text):
        builder.add(text[j:], byte, False)


def _tag(value: Any) -> tuple[str, dict[str, Any]]:
    if isinstance(value, str):
        return value, {}
    tag = next(iter(value))
    attrs = value[tag]
    return tag, attrs if isinstance(attrs, dict) else {}


def _label(value: Any) -> str:
    return str(value["FootnoteDefinition"]) if isinstance(value, dict) else ""


def _close(stack: list[_Builder], blocks: list[Block]) -> None:
    if not stack:
        return
    builder = stack.pop()
    if builder.length:
        blocks.append(builder.build())


def _with_text_refs(block: Block, refs: list[FootnoteRef]) -> Block:
    """Turn a literal ``[^id]`` left in text into a citation marker.

    pulldown-cmark emits a footnote reference as an event only when the body
    defines that footnote; one that points at a front-matter ``sources``
    entry (or at nothing) arrives as plain text.
    """
    if "[^" not in block.text:
        return block
    text = block.text
    pieces = block.pieces
    starts = {piece[0] for piece in pieces}
    cuts: list[Piece] = []
    parts: list[str] = []  # the text with each reference replaced
    done = 0
    for match in _FOOTNOTE_TEXT_RE.finditer(text):
        start, end = match.span()
        begin = block.byte_offset(start)
        refs.append(FootnoteRef(match.group(1), begin))
        # CITE (three bytes in UTF-8) and padding replace the reference, so
        # the text no longer matches the source byte for byte there: the
        # reference becomes a piece of its own, and what follows it starts
        # another, which keeps every offset after it exact.
        if start not in starts:  # an ASCII label: still one byte per character
            ascii_label = match.group(0).isascii()
            cuts.append((start, begin, ascii_label, None if ascii_label else ()))
        if end < len(text) and end not in starts:
            i = bisect.bisect_right(pieces, (end, _AFTER_ALL)) - 1
            char_start, byte_start, exact, marks = pieces[i]
            if exact:  # the rest of an exact piece keeps its bytes
                piece_end = pieces[i + 1][0] if i + 1 < len(pieces) else len(text)
                byte = (
                    byte_start + end - char_start if marks is None else block.byte_offset(end)
                )
                cuts.append((end, byte, True, _marks(text[end:piece_end])))
        parts += (text[done:start], CITE.ljust(end - start))
        done = end
    parts.append(text[done:])
    return Block(
        block.kind,
        "".join(parts),
        tuple(sorted((*pieces, *cuts))) if cuts else pieces,
        block.offset,
        block.heading,
        block.table,
        block.in_footnote,
    )
