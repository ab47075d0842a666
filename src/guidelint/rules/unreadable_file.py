"""The file cannot be read as UTF-8 text.

Why: a guide is UTF-8 Markdown.  A binary file (it has NUL bytes), a file in
another encoding (Latin-1, UTF-16) or one guidelint may not read would
otherwise be skipped in silence, and its content never checked.  The message
gives the byte offset of the first bad byte.

Fix: save the file as UTF-8 (without a UTF-16 byte-order mark), fix its
permissions, or move non-guides out of the content root.
"""

from __future__ import annotations

from collections.abc import Iterable

from guidelint.context import Context, parse_problems
from guidelint.diagnostic import Diagnostic, Severity
from guidelint.guide import Guide
from guidelint.rules.examples import example

NAME = "unreadable-file"
SEVERITY: Severity = "error"
SUMMARY = "the file is binary, not UTF-8, or cannot be opened"
OPTIONS: dict[str, object] = {}
NEEDS: frozenset[str] = frozenset({"unreadable"})
EXAMPLE_FAIL = example("Caf\udce9 au lait.\n")  # a lone Latin-1 byte, written with surrogateescape
EXAMPLE_PASS = example("Café au lait.\n")


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """Report the encoding or read problem recorded when the file was read."""
    return parse_problems(guide, NAME, SEVERITY)
