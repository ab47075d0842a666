"""Small helpers shared by the rule tests."""

from __future__ import annotations

from collections.abc import Iterable

from guidelint.diagnostic import Diagnostic

Spot = tuple[int, int, str]


def spots(found: Iterable[Diagnostic]) -> list[Spot]:
    """``(line, column, rule)`` of each finding, in the engine's order."""
    return [(d.line, d.column, d.rule) for d in found]


def col(line: str, needle: str) -> int:
    """1-based column of ``needle`` in ``line`` (the test's own input, not the output)."""
    return line.index(needle) + 1
