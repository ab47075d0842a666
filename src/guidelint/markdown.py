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
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

import pyromark

from guidelint.lazy_re import lazy

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
_ENTITY_RE = lazy(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_FOOTNOTE_TEXT_RE = re.compile(r"\[\^([^\]\s]+)\]")
_COMMENT_RE = re.compile(r"<!--(.*?)-->", re.S)
# An HTML link to elsewhere, or an HTML footnote marker (href="#fn1").
_HTML_CITE_RE = lazy(r"<a\s[^>]*\bhref\s*=\s*[\"']?(?:[^#\"'\s>]|#(?:fn|foot|note|ref|cite))", re.I)

_BLOCK_STARTS: dict[str, BlockKind] = {
    "Paragraph": "paragraph",
    "Item": "item",
    "TableHead": "table-head",
    "TableRow": "table-row",
}
# Containers whose text is not prose at all.
_SKIPPED = {"CodeBlock", "Image", "MetadataBlock"}
_CONTENT = {"Paragraph", "CodeBlock", "List", "Table", "BlockQuote", "Image", "DisplayMath"}


# Named tuples, not frozen dataclasses: a guide makes hundreds (see
# docs/performance.md, "The Markdown fold").
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
    fold = _Fold(body.encode("utf-8"), base)
    stack, source = fold.stack, fold.source
    # Merged text, for fewer events; escapes and entities are split out again
    # (_add_unmerged) so positions stay exact.
    events = iter(pyromark.events_with_range(body, options=_OPTIONS, merge_text=True))
    for event, span in events:
        # Text and line breaks, the commonest events, are handled here with no
        # call (see docs/performance.md); the rest go to the fold's methods.
        text_value: Any = event.get("Text") if type(event) is dict else None  # str or None
        if text_value is not None:
            if stack:
                builder = stack[-1]
                start = span["start"]
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
            if (event == "SoftBreak" or event == "HardBreak") and stack:
                builder = stack[-1]  # a space for the line break
                builder.pieces.append((builder.length, base + span["start"], False, ()))
                builder.parts.append(" ")
                builder.length += 1
            continue
        ((kind, value),) = event.items()  # one-key dicts: {"Start": ...}
        if kind == "Start":
            if fold.start(value, span["start"]) in _SKIPPED:
                fold.skip(events)
        elif kind == "End":
            fold.end(value)
        else:
            fold.inline(kind, value, span["start"], span["end"])
    return fold.body()


class _Fold:
    """What one fold has collected, and the blocks still open.

    A plain class, not a dataclass: it is made once per guide, and a
    dataclass costs about a millisecond to create at import.
    """

    __slots__ = (
        "base",
        "blocks",
        "comments",
        "defs",
        "filled",
        "footnote_depth",
        "heading_level",
        "headings",
        "links",
        "refs",
        "source",
        "stack",
        "table_count",
    )

    def __init__(self, source: bytes, base: int) -> None:
        self.source = source
        self.base = base
        self.stack: list[_Builder] = []  # open blocks, innermost last
        self.headings: list[Heading] = []
        self.blocks: list[Block] = []
        self.refs: list[FootnoteRef] = []
        self.defs: set[str] = set()
        self.links: list[Link] = []
        self.comments: list[Comment] = []
        self.filled: set[int] = set()
        self.heading_level = 0  # of the open heading; 0 outside headings
        self.footnote_depth = 0
        self.table_count = -1

    def add_text(self, text: str, start: int, end: int) -> None:
        """Add ``text`` standing for source bytes ``start:end`` to the open block."""
        if self.stack:
            exact = end - start == len(text.encode("utf-8"))
            self.stack[-1].add(text, self.base + start, exact)

    def start(self, value: Any, start: int) -> str:
        """A container starts: open a block, a footnote or a link; return its tag."""
        tag, attrs = (value, _NO_ATTRS) if type(value) is str else _tag(value)
        if tag in _CONTENT and not self.heading_level:
            self.filled.add(len(self.headings) - 1)
        if tag == "Heading":
            self.heading_level = int(str(attrs["level"])[1:])
            self.stack.append(_Builder("heading", self.base + start, len(self.headings), -1, False))
        elif tag in _BLOCK_STARTS:
            kind = _BLOCK_STARTS[tag]
            if kind == "table-head":
                self.table_count += 1
            table = self.table_count if kind.startswith("table") else -1
            section, in_footnote = len(self.headings) - 1, self.footnote_depth > 0
            self.stack.append(_Builder(kind, self.base + start, section, table, in_footnote))
        elif tag == "TableCell":
            if self.stack and self.stack[-1].length:
                self.add_text(" | ", start, start)
        elif tag == "Link":
            dest = str(attrs.get("dest_url", ""))
            self.links.append(Link(dest, self.base + start))
            if not dest.startswith("#"):  # a link within the page cites nothing
                self.add_text(CITE, start, start)
        elif tag == "FootnoteDefinition":
            self.footnote_depth += 1
            self.defs.add(_label(value))
        return tag

    def skip(self, events: Iterator[tuple[Any, Any]]) -> None:
        """Pass over the events of a container with no prose (code, an image).

        It still fills its section, and so does any content inside it.
        """
        depth = 1
        for event, _span in events:
            if type(event) is str:
                continue
            ((kind, value),) = event.items()
            if kind != "Start" and kind != "End":
                continue
            tag = value if type(value) is str else _tag(value)[0]
            if kind == "Start":
                if tag in _CONTENT and not self.heading_level:
                    self.filled.add(len(self.headings) - 1)
                depth += tag in _SKIPPED
            elif tag in _SKIPPED:
                depth -= 1
                if not depth:
                    return

    def end(self, value: Any) -> None:
        """A container ends: close its block or footnote."""
        tag = value if type(value) is str else _tag(value)[0]
        if tag == "Heading":
            text = "".join(self.stack[-1].parts).strip()
            start = self.stack[-1].offset
            self.headings.append(Heading(self.heading_level, text, start))
            self.heading_level = 0
            _close(self.stack, self.blocks)
        elif tag in _BLOCK_STARTS:
            _close(self.stack, self.blocks)
        elif tag == "FootnoteDefinition":
            self.footnote_depth -= 1

    def inline(self, kind: str, value: Any, start: int, end: int) -> None:
        """An inline event with no container: a footnote reference, code, math, HTML."""
        if kind == "FootnoteReference":
            self.refs.append(FootnoteRef(str(value), self.base + start))
            self.add_text(CITE, start, start)
        elif kind == "InlineMath" and self.source[end : end + 1].isdigit():
            # "$200k-$300k": pulldown-cmark reads "$200k-$" as math, but (as in
            # pandoc) a closing "$" followed by a digit is a dollar sign, not math.
            self.add_text(self.source[start:end].decode("utf-8"), start, end)
        elif kind in ("Code", "InlineMath", "DisplayMath"):
            # Keep the sentence's shape (a word stood here) but none of its digits.
            self.add_text(" code ", start, start)
        elif kind in ("Html", "InlineHtml"):
            text = str(value)
            self.add_comments(text, self.base + start)
            if kind == "InlineHtml" and _HTML_CITE_RE().match(text):
                self.add_text(CITE, start, start)  # <a href="https://...">: a link, in HTML

    def add_comments(self, text: str, offset: int) -> None:
        """Record the comments in HTML ``text`` found at file byte ``offset``."""
        for match in _COMMENT_RE.finditer(text):
            begin = offset + len(text[: match.start()].encode("utf-8"))
            length = len(match.group(0).encode("utf-8"))
            self.comments.append(Comment(match.group(1).strip(), begin, begin + length))

    def body(self) -> Body:
        """The parsed body: footnote references left as text are read now."""
        refs = self.refs
        blocks = [b if "[^" not in b.text else _with_text_refs(b, refs) for b in self.blocks]
        refs.sort(key=lambda r: r.offset)
        return Body(
            tuple(self.headings),
            tuple(blocks),
            tuple(refs),
            frozenset(self.defs),
            tuple(self.links),
            tuple(self.comments),
            frozenset(self.filled),
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
        entity = _ENTITY_RE().match(raw, i) if char == "&" else None
        if entity is not None:
            from html import unescape  # here: most guides hold no entity

            decoded = unescape(entity.group(0))
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
                byte = byte_start + end - char_start if marks is None else block.byte_offset(end)
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
