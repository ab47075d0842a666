"""The single finding type every rule produces and every formatter reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

Severity = Literal["error", "warning"]
# safe: applied by --fix; unsafe: may change the meaning, only with --unsafe-fixes.
Applicability = Literal["safe", "unsafe"]


# Edit and Fix are named tuples, not dataclasses: every run imports them,
# and a named tuple is several times cheaper to create (docs/performance.md).
class Edit(NamedTuple):
    """Replace bytes ``start:end`` of the file (counted without a BOM) with ``text``."""

    start: int
    end: int
    text: str


class Fix(NamedTuple):
    """Text edits that resolve one finding, and whether they are safe to apply unasked."""

    title: str  # what the fix does, for a code action ("Remove the comment")
    edits: tuple[Edit, ...]
    applicability: Applicability = "safe"


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """One problem at one place in one file.

    ``line`` and ``column`` are 1-based and count in the whole file (front
    matter included); ``column`` counts characters, not bytes.  Field order
    is the sort order: path, then position, then rule.
    """

    path: str
    line: int
    column: int
    rule: str
    severity: Severity
    message: str
    end_line: int = 0
    end_column: int = 0
    # Not compared, sorted or shown: formats print the finding, not its fix.
    fix: Fix | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        # A message quotes the user's text (a key, a heading), which may hold a
        # line break or a control character; every format shows one finding
        # per line, so those are escaped here, once, for all of them.
        if not self.message.isprintable():
            object.__setattr__(self, "message", one_line(self.message))

    @property
    def end(self) -> tuple[int, int]:
        """End position, defaulting to the start when a rule gave none."""
        if self.end_line:
            return self.end_line, max(self.end_column, 1)
        return self.line, self.column


def one_line(text: str) -> str:
    """``text`` with every non-printable character written as its escape (``\\n``).

    The one place control characters are escaped: messages here, paths in
    the text format.
    """
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in text
    )
