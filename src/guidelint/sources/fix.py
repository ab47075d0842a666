"""``--fix`` for moved sources: rewrite each cited URL in place, and nothing else.

Only the bytes of the URL change; every other byte of the guide stays as it
was, and each file is replaced atomically.  A citation whose text cannot be
found where it was cited, or whose new URL would not read as one URL in
Markdown or YAML, is left alone (the finding stays).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from guidelint.fileio import atomic_write
from guidelint.sources.diagnostics import replacement
from guidelint.sources.model import Citation, Result

# A URL a server sent that would break the link or the YAML around it.
_UNSAFE = re.compile(r"[\s<>()\[\]\"'`\\\x00-\x1f\x7f]")


def fix_moved(results: Iterable[Result], cwd: Path) -> dict[str, int]:
    """Rewrite every citation of a moved URL; the number of URLs rewritten per guide."""
    edits: dict[str, list[tuple[Citation, str]]] = {}
    for result in results:
        for citation in result.citations:
            new = replacement(citation, result)
            if new is not None and new != citation.text and not _UNSAFE.search(new):
                edits.setdefault(citation.path, []).append((citation, new))
    fixed: dict[str, int] = {}
    for path, items in sorted(edits.items()):
        target = cwd / path
        data, count = rewrite(target.read_bytes(), items)
        if count:
            atomic_write(target, data)
            fixed[path] = count
    return fixed


def rewrite(data: bytes, items: Iterable[tuple[Citation, str]]) -> tuple[bytes, int]:
    """``data`` with each citation's text replaced at the first place at or after it."""
    starts = [0] + [i + 1 for i, byte in enumerate(data) if byte == 0x0A]
    spans: list[tuple[int, int, bytes]] = []
    for citation, new in items:
        if citation.line > len(starts):
            continue
        line_start = starts[citation.line - 1]
        line_end = starts[citation.line] if citation.line < len(starts) else len(data)
        head = data[line_start:line_end].decode("utf-8", "surrogateescape")[: citation.column - 1]
        at = data.find(
            citation.text.encode("utf-8"), line_start + len(head.encode("utf-8", "surrogateescape"))
        )
        if at >= 0:
            spans.append((at, at + len(citation.text.encode("utf-8")), new.encode("utf-8")))
    out, end, count = bytearray(), 0, 0
    for start, stop, url in sorted(set(spans)):
        if start < end:
            continue  # overlapping: the first wins
        out += data[end:start] + url
        end, count = stop, count + 1
    return bytes(out + data[end:]), count
