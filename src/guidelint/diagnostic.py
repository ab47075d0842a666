"""The single finding type every rule produces and every formatter reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


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

    def __post_init__(self) -> None:
        # A message quotes the user's text (a key, a heading), which may hold a
        # line break or a control character; every format shows one finding
        # per line, so those are escaped here, once, for all of them.
        if not self.message.isprintable():
            object.__setattr__(self, "message", _one_line(self.message))

    @property
    def end(self) -> tuple[int, int]:
        """End position, defaulting to the start when a rule gave none."""
        if self.end_line:
            return self.end_line, max(self.end_column, 1)
        return self.line, self.column


def _one_line(text: str) -> str:
    """``text`` with every non-printable character written as its escape (``\\n``)."""
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in text
    )
