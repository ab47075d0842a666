"""guidelint's positions, findings and edits as the Language Server Protocol's.

guidelint counts 1-based lines and columns in characters (code points), and
edits in bytes of the file without its BOM; LSP counts 0-based lines and
columns in the units the client and server agreed on (UTF-16 unless told
otherwise).  Lines break at CR, LF and CRLF in both.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from lsprotocol import types

from guidelint.diagnostic import Diagnostic, Edit

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_QUOTED = re.compile(r"'([^'\n]+)'")
_TOKEN = re.compile(r"[^\s:]+")
_COMMENT = re.compile(r"<!--.*?-->")
_BOM = "\ufeff"


class Text:
    """One buffer's text, with what converting positions in it needs."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.data = text.encode("utf-8", "surrogatepass")
        self.bom = 1 if text.startswith(_BOM) else 0
        self.encoding = encoding
        self.starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    def line(self, index: int) -> str:
        """Line ``index`` (0-based) without its line break."""
        if index >= len(self.starts):
            return ""
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[index] : end].rstrip("\r\n")

    def units(self, text: str) -> int:
        """How many of the agreed units ``text`` takes."""
        if self.encoding == "utf-8":
            return len(text.encode("utf-8", "surrogatepass"))
        if self.encoding == "utf-32":
            return len(text)
        return len(text.encode("utf-16-le", "surrogatepass")) // 2

    def position(self, line: int, column: int) -> types.Position:
        """The LSP position of guidelint's 1-based ``line`` and character ``column``."""
        index = min(max(line - 1, 0), len(self.starts) - 1)
        text = self.line(index)
        shift = self.bom if index == 0 else 0
        return types.Position(index, self.units(text[: max(column - 1, 0) + shift]))

    def char_offset(self, offset: int) -> int:
        """Character offset in the text of byte ``offset`` (counted without a BOM)."""
        return len(self.data[: offset + 3 * self.bom].decode("utf-8", "replace"))

    def position_at(self, char: int) -> types.Position:
        """The LSP position of character offset ``char``."""
        index = bisect.bisect_right(self.starts, char) - 1
        return types.Position(index, self.units(self.text[self.starts[index] : char]))

    def char_at(self, position: types.Position) -> int:
        """Character offset of an LSP position (clamped to its line)."""
        index = min(position.line, len(self.starts) - 1)
        text = self.line(index)
        count = 0
        for chars, char in enumerate(text):
            if count >= position.character:
                return self.starts[index] + chars
            count += self.units(char)
        return self.starts[index] + len(text)


def span(line: str, column: int, message: str) -> int:
    """Characters a finding covers from 0-based ``column``: the quoted text, key or comment."""
    rest = line[column:]
    for quoted in _QUOTED.findall(message):
        if rest.startswith(quoted):
            return len(quoted)
    comment = _COMMENT.match(rest)
    if comment:
        return comment.end()
    token = _TOKEN.match(rest)
    return token.end() if token else min(1, len(rest))


def diagnostic(d: Diagnostic, text: Text, docs: str | None) -> types.Diagnostic:
    """``d`` as an LSP diagnostic: its rule as code, its span as range."""
    start = text.position(d.line, d.column)
    if d.end_line:
        end = text.position(d.end_line, max(d.end_column, 1))
    else:
        line = text.line(start.line)
        column = d.column - 1 + (text.bom if start.line == 0 else 0)
        end = text.position(d.line, d.column + span(line, column, d.message))
    return types.Diagnostic(
        range=types.Range(start, end),
        message=d.message,
        severity=(
            types.DiagnosticSeverity.Error
            if d.severity == "error"
            else types.DiagnosticSeverity.Warning
        ),
        code=d.rule,
        code_description=types.CodeDescription(href=f"{docs}#{d.rule}") if docs else None,
        source="guidelint",
    )


def text_edits(edits: Iterable[Edit], text: Text) -> list[types.TextEdit]:
    """guidelint's byte edits as LSP text edits."""
    return [
        types.TextEdit(
            range=types.Range(
                text.position_at(text.char_offset(e.start)),
                text.position_at(text.char_offset(e.end)),
            ),
            new_text=e.text,
        )
        for e in edits
    ]


def whole_change(old: Text, new: str) -> list[types.TextEdit]:
    """One edit turning ``old`` into ``new``: the part between what they share."""
    before = old.text
    if before == new:
        return []
    prefix = 0
    limit = min(len(before), len(new))
    while prefix < limit and before[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < limit - prefix and before[len(before) - 1 - suffix] == new[len(new) - 1 - suffix]
    ):
        suffix += 1
    return [
        types.TextEdit(
            range=types.Range(old.position_at(prefix), old.position_at(len(before) - suffix)),
            new_text=new[prefix : len(new) - suffix],
        )
    ]


def contains(outer: types.Range, inner: types.Range) -> bool:
    """Whether ranges ``outer`` and ``inner`` touch (an editor's cursor is an empty range)."""
    start = (outer.start.line, outer.start.character)
    end = (outer.end.line, outer.end.character)
    return (inner.start.line, inner.start.character) <= end and start <= (
        inner.end.line,
        inner.end.character,
    )
