"""A suppression comment that silences nothing, or names an unknown rule.

Why: suppressions outlive the problems they were written for; once the
figure is sourced or the gotcha fixed, a leftover
``<!-- guidelint-disable-next-line stat-source -->`` would silently swallow
the next real problem on that line.  Reported as a warning, as ruff and
markdownlint do.  Suppressions of rules that did not run (switched off in
the config, or not in ``--select``) are never reported.

Fix: delete the comment (or the front-matter ``guidelint.disable`` entry), or
correct the rule name.
"""

from __future__ import annotations

from collections.abc import Iterable

from guidelint.context import Context
from guidelint.diagnostic import Diagnostic, Severity
from guidelint.guide import Guide
from guidelint.rules.examples import example

NAME = "unused-suppression"
SEVERITY: Severity = "warning"
SUMMARY = "a suppression comment that silences nothing"
OPTIONS: dict[str, object] = {}
NEEDS: frozenset[str] = frozenset()
_SOURCES = "sources:\n  - id: survey\n    title: PMM competency survey (example)\n"
EXAMPLE_FAIL = example(
    "<!-- guidelint-disable-next-line stat-source -- sourced since -->\n"
    "92% of surveyed product marketers rank leadership first[^survey].\n",
    extra=_SOURCES,
)
EXAMPLE_PASS = example(
    "92% of surveyed product marketers rank leadership first[^survey].\n", extra=_SOURCES
)


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """Nothing per guide: the engine reports idle directives after every rule ran.

    (``guidelint.suppression.apply`` needs every other rule's findings first,
    so this rule cannot work from the guide alone.)
    """
    return []
