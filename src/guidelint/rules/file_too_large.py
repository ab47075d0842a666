"""The file is larger than the configured limit, so it was not read.

Why: a guide is a few kilobytes.  A file of many megabytes under the content
root is almost always an export, a paste accident or a data file with the
wrong extension, and reading it would slow every commit.  The limit is
``max_file_size`` in the config (default 5 MB).

Fix: move the file out of the content root, split it, or raise
``max_file_size``.
"""

from __future__ import annotations

from collections.abc import Iterable

from guidelint.context import Context, parse_problems
from guidelint.diagnostic import Diagnostic, Severity
from guidelint.guide import Guide
from guidelint.rules.examples import example

NAME = "file-too-large"
SEVERITY: Severity = "error"
SUMMARY = "the file exceeds max_file_size and was not checked"
OPTIONS: dict[str, object] = {}
NEEDS: frozenset[str] = frozenset({"unreadable"})
# The examples are checked with max_file_size: 4096.
EXAMPLE_FAIL = example("A guide longer than 4 KB.\n\n" + "Lorem ipsum dolor sit amet. " * 200)
EXAMPLE_PASS = example("A guide of a few kilobytes.\n")


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """Report the size problem recorded when the file was read."""
    return parse_problems(guide, NAME, SEVERITY)
