"""The guide has no front matter, or its front matter is not a YAML mapping.

Why: every other check reads the front matter (title, owner, dates, sources).
A guide without it, with unclosed ``---`` lines, with invalid YAML, or with a
list where a mapping belongs cannot be checked at all; a duplicate key is
reported too, because YAML silently keeps only the last value.

Fix: start the file with a ``---`` line, the YAML keys, and a closing
``---`` line; fix the YAML at the line and column given.
"""

from __future__ import annotations

from collections.abc import Iterable

from guidelint.context import Context, parse_problems
from guidelint.diagnostic import Diagnostic, Severity
from guidelint.guide import Guide
from guidelint.rules.examples import example

NAME = "frontmatter"
SEVERITY: Severity = "error"
SUMMARY = "no front matter, or front matter that is not a valid YAML mapping"
OPTIONS: dict[str, object] = {}
NEEDS: frozenset[str] = frozenset()
EXAMPLE_FAIL = example("Body.\n").replace("owner: careers-editorial", "owner: [careers")
EXAMPLE_PASS = example("Body.\n")


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """Report the front-matter problems recorded when the file was read."""
    return parse_problems(guide, NAME, SEVERITY)
