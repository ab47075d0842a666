"""A statistic whose sentence names no source.

Why: a figure without a source cannot be checked, and cannot be updated when
it goes stale.  A statistic is a percentage (``92%``, ``92 percent``), a ratio
(``3 out of 4``, ``one in five``), a multiplier (``3x``) or a money amount
(``$350,000``, ``£90K``, ``USD 120,000``).  Years, levels (``L5``), counts
("four rounds"), durations ("45-minute") and anything in code, URLs or HTML
are not statistics.  A sentence names its source with a footnote reference
``[^id]`` (defined in the body or as a ``sources`` entry), a link, or
``(Source: ...)``.  In a table, a citation in the row, the header, the
paragraph just before the table or a caption line just after it
(``_Source: ..._``) covers the row.  Sample answers under a gotcha's strong
or weak answer, and questions, need no source.

Option ``scope``: ``sentence`` (default) or ``paragraph``, where one citation
anywhere in a paragraph covers all of it.

Fix: add ``[^id]`` after the figure and a matching ``sources`` entry (or a
footnote definition) that says truthfully where the figure came from.
"""

from __future__ import annotations

from collections.abc import Iterable

from guidelint.context import Context, diagnostic, text_end
from guidelint.diagnostic import Diagnostic, Severity
from guidelint.guide import Guide
from guidelint.rules.examples import example

NAME = "stat-source"
SEVERITY: Severity = "error"
SUMMARY = "a statistic (%, ratio, multiplier, money) whose sentence names no source"
OPTIONS: dict[str, object] = {"scope": {"enum": ["sentence", "paragraph"]}}
NEEDS: frozenset[str] = frozenset()
_SOURCES = "sources:\n  - id: survey\n    title: PMM competency survey (example)\n"
EXAMPLE_FAIL = example("92% of surveyed product marketers rank leadership first.\n", extra=_SOURCES)
EXAMPLE_PASS = example(
    "92% of surveyed product marketers rank leadership first[^survey].\n", extra=_SOURCES
)


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """One finding per uncited sentence or table row, at its first statistic."""
    paragraph_scope = ctx.option(NAME, "scope", "sentence") == "paragraph"
    prose = guide.prose
    blocks = guide.body.blocks
    found: list[Diagnostic] = []
    for sentence in prose.sentences:
        if not sentence.stats or sentence.exempt or sentence.cited:
            continue
        block = blocks[sentence.block]
        if block.table >= 0 and block.table in prose.table_cited:
            continue
        if paragraph_scope and prose.block_cited[sentence.block]:
            continue
        stat = sentence.stats[0]
        unit = "table row" if block.table >= 0 else "sentence"
        found.append(
            diagnostic(
                guide,
                NAME,
                SEVERITY,
                guide.position(stat.offset),
                f"statistic '{stat.text.strip()}' has no source in its {unit}: cite it with "
                "[^id] (a footnote or a 'sources' entry), a link, or '(Source: ...)'",
                guide.position(text_end(stat.block, stat.char, stat.text)),
            )
        )
    return found
