"""A guide shaped like the PM-vs-PMM brief, in our own words.

It has the brief's kinds of sentences: role-comparison prose, round counts,
session lengths, levels, funding stages, years, a metric drop inside a
question, rough shares, a survey percentage, salary ranges with and without
a citation, and a gotcha whose sample answers contain numbers.  The test pins
exactly which lines get stat-source and salary-date findings, and that
nothing fires on levels, round counts, durations or years.
"""

from __future__ import annotations

from tests.conftest import LintFn
from tests.util import spots

GUIDE = """\
---
title: Product manager or product marketer? How the two loops differ
slug: pm-vs-pmm
category: role
updated: 2026-06
owner: careers-editorial
calibration: strong-hire
sources:
  - id: pmm-survey
    title: Product marketing competency survey
    publisher: An industry association
  - id: comp-report
    title: Compensation report for product roles
---

# PM or PMM: what changes, and how each is interviewed

The sharpest line between the two jobs is who answers for the outcome. A PM
answers for what ships; a PMM answers for whether the market gets it. In 2026
that line matters more than it did in 2024, because building a feature has
become cheap.

At Series A-B companies without a PMM team, the PM covers launch work too.

## The PM loop

Plan for four to five rounds: product design, execution and metrics, strategy,
leadership, and sometimes estimation. In the metrics round you may hear "you
just saw a 15% drop in weekly actives, what now?"
The loop leans roughly 60% toward hypotheticals.

## The PMM loop

Expect four 45-minute sessions. Associate candidates often write a launch post
at home. This loop leans roughly 60% toward portfolio stories[^pmm-survey].

Cross-functional leadership ranks first for 92% of surveyed product marketers,
ahead of communication at 88%.

An L5 PM and an L5 PMM sit at the same level but not the same pay.

## The canonical gotcha

What separates product management from product marketing?

### Strong answer

"Ownership of the result. At my last company I moved trial-to-paid by 12% in
two quarters, and it was the positioning, not the build, that did it. In 2026
the build is the cheap part."

### Weak answer

"The PM makes it and the PMM sells it; I'd say 90% of the work is the same."

## Pay at the same level

L5 PM total compensation runs roughly $350,000-$450,000[^comp-report].
L5 PMM total compensation runs roughly $250,000-$350,000.
AI go-to-market roles now command $200,000-$500,000+ in total compensation[^comp-report].
"""


def at(needle: str) -> tuple[int, int]:
    """(line, column) of ``needle``, which stands exactly once in the guide."""
    assert GUIDE.count(needle) == 1, needle
    before = GUIDE[: GUIDE.index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def test_brief_shaped_guide_findings_are_exactly_the_unsourced_claims(lint_text: LintFn) -> None:
    expected = [
        # "The loop leans roughly 60% toward hypotheticals." is uncited; the 15%
        # before it is inside a quoted question, which needs no source.
        (*at("60% toward hypotheticals"), "stat-source"),
        # One finding for the sentence, at its first statistic (92%, not 88%).
        (*at("92% of surveyed"), "stat-source"),
        # The uncited PMM range is unsourced and undated (no salary_as_of).
        (*at("$250,000-$350,000"), "salary-date"),
        (*at("$250,000-$350,000"), "stat-source"),
        # The cited ranges are sourced but still undated.
        (*at("$350,000-$450,000"), "salary-date"),
        (*at("$200,000-$500,000+"), "salary-date"),
    ]
    assert sorted(spots(lint_text(GUIDE))) == sorted(expected)


def test_nothing_fires_on_levels_rounds_durations_or_years(lint_text: LintFn) -> None:
    quiet = [
        "gets it. In 2026",
        "than it did in 2024",
        "At Series A-B",
        "four to five rounds",
        "four 45-minute sessions",
        "An L5 PM and an L5 PMM",
        "a 15% drop",
        "trial-to-paid by 12%",
        "In 2026\nthe build",
        "90% of the work",
    ]
    lines: set[int] = set()
    for needle in quiet:
        first = at(needle)[0]
        lines.update(range(first, first + needle.count("\n") + 1))
    assert not [d for d in lint_text(GUIDE) if d.line in lines]


def test_salary_as_of_dates_every_figure(lint_text: LintFn) -> None:
    dated = GUIDE.replace("calibration:", "salary_as_of: 2026-06\ncalibration:")
    assert lint_text(dated, select=("salary-date", "stale-salary")) == []
    stale = GUIDE.replace("calibration:", "salary_as_of: 2025-06\ncalibration:")
    found = lint_text(stale, select=("salary-date", "stale-salary"))
    assert spots(found) == [(7, 1, "stale-salary")]
