"""A statistic whose sentence names no source.

Why: a figure without a source cannot be checked, and cannot be updated when
it goes stale.  A statistic is a claim about the world stated with a
percentage (``92%``, ``92 percent``), a ratio (``3 out of 4``, ``one in
five``), a multiplier (``3x``) or a money amount (``$350,000``, ``£90K``,
``USD 120,000``): a survey result, a market rate, a typical salary, a price
a third party charges.  Years, levels (``L5``), counts ("four rounds"),
durations and anything in code, URLs, HTML or a site generator's shortcode
are not statistics.

What is a claim: the same number forms are no claim in a policy the
author's organisation sets ("we cover 100% of premiums"), the author's own
experience ("I negotiated 10% more"), a hypothetical or worked example
("If you hold 10,000 options at $1..."; but "If you want one, most programs
charge $99" states a fact), a target or advice ("aim for 20%"), a
definition or scale, an idiom ("100% sure"), a setting ("zoom to 200%"),
quoted sample speech, a question, or a gotcha's strong or weak answer.

How guidelint tells them apart: some shapes decide alone, as the spec
names them: a question, an "if ..." premise (up to its comma), an
"Example:" label or an example heading, a command's own clause ("Set the
level to 95%"; not "Expect ...", not a fact after a semicolon), quoted
speech with a speaker ("I would ask for 30%"), "I"/"my", an idiom, a
scale ("from 0% to 100%"), and a sentence in another language (the cues
read English; ``claims: all`` checks it).  Everything else is weighed:
word families in the sentence and near the number (we/our, you, policy
and budget words, advice words, definition words, setting words, words
that report a measurement: survey, study, average, market...), who speaks
in the paragraph, the section heading and the text introducing the list
or table, whether the guide speaks as "we", arithmetic, and whether a
multiplier compares ("3x more likely").  A small linear model weighs them
(weights in ``guidelint/data/claims.json``, fitted on labeled real prose:
see docs/corpora.md); where the cues say nothing, a number is a claim.

A sentence names its source with a footnote reference ``[^id]`` (defined
in the body or as a ``sources`` entry), a link (a Hugo ``{{< ref >}}``
too), ``(Source: ...)``, or a named source ("according to Gartner", "the
2025 Carta report", "Pew Research found", "states Owen Fuller"), a
parenthetical citation right after it, or a reference back to a source
cited earlier in its section ("the study found", "findings from the
report include:").  In a table, a citation in the row, the header, the
paragraph just before the table or a caption just after it that itself
cites (``_Source: ..._``, a link; not ``_Note: ..._``) covers the row.  In a list, a citation in the paragraph or parent item that
introduces the list covers its items.

Options: ``scope``: ``sentence`` (default) or ``paragraph``, where one
citation anywhere in a paragraph covers all of it.  ``claims``: ``auto``
(default: only claims, as above) or ``all`` (every number form is checked,
for content sets that want that).

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
OPTIONS: dict[str, object] = {
    "scope": {"enum": ["sentence", "paragraph"]},
    "claims": {"enum": ["auto", "all"]},
}
NEEDS: frozenset[str] = frozenset()
_SOURCES = "sources:\n  - id: survey\n    title: PMM competency survey (example)\n"
EXAMPLE_FAIL = example("92% of surveyed product marketers rank leadership first.\n", extra=_SOURCES)
EXAMPLE_PASS = example(
    "92% of surveyed product marketers rank leadership first[^survey].\n", extra=_SOURCES
)


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """One finding per uncited sentence or table row, at its first statistic."""
    paragraph_scope = ctx.option(NAME, "scope", "sentence") == "paragraph"
    every_form = ctx.option(NAME, "claims", "auto") == "all"
    prose = guide.prose
    blocks = guide.body.blocks
    found: list[Diagnostic] = []
    for sentence in prose.sentences:
        stats = sentence.stats if every_form else sentence.claimed
        if not stats or sentence.exempt or sentence.cited or sentence.block in prose.lead_cited:
            continue
        block = blocks[sentence.block]
        if block.table >= 0 and block.table in prose.table_cited:
            continue
        if paragraph_scope and prose.block_cited[sentence.block]:
            continue
        stat = stats[0]
        unit = "table row" if block.table >= 0 else "sentence"
        message = (
            f"statistic '{stat.text.strip()}' has no source in its {unit}: cite it with "
            "[^id] (a footnote or a 'sources' entry), a link, or '(Source: ...)'"
        )
        start, end = stat.offset, text_end(stat.block, stat.char, stat.text)
        found.append(
            diagnostic(guide, NAME, SEVERITY, guide.position(start), message, guide.position(end))
        )
    return found
