"""relative-time: phrases such as "this year" that rot as a guide ages."""

from __future__ import annotations

import pytest

from tests.conftest import LintFn, guide
from tests.util import col, spots

RULE = "relative-time"
LINE = 9  # the body's first line in tests.conftest.guide


@pytest.mark.parametrize(
    ("line", "phrases"),
    [
        ("Positioning rounds became common this year.", ["this year"]),
        ("Last year most loops added a take-home.", ["Last year"]),
        ("Loops are currently four rounds; recently a fifth was added.", ["currently", "recently"]),
        ("Nowadays, and these days, interviewers probe pricing.", ["Nowadays", "these days"]),
        ("Headcount opens next quarter, as of now.", ["next quarter", "as of now"]),
        ("Right now the bar is high.", ["Right now"]),
        # words that only contain a phrase are not it
        ("Teams work concurrently on this yearly plan.", []),
        ("The 2026 loop has four rounds.", []),
        # absolute dates are the fix
        ("In 2025 most loops added a take-home; as of June 2026 they still do.", []),
        # a phrase split over two source lines is still one phrase
        ("Loops changed this\nyear.", ["this\nyear"]),
    ],
)
def test_phrases(lint_text: LintFn, line: str, phrases: list[str]) -> None:
    found = lint_text(guide(line + "\n"), select=RULE)
    first = line.split("\n")[0]
    expected = [(LINE, col(first, p.split("\n")[0]), RULE) for p in phrases]
    assert spots(found) == expected
    assert all(d.severity == "warning" for d in found)


@pytest.mark.parametrize(
    "body",
    [
        # code spans and blocks are not prose
        "Run `guidelint --since last year` to see it.\n",
        "```\nthis year\n```\n",
        # quotations are someone else's words
        "The recruiter said “we are currently hiring” and meant it.\n",
        'Her answer, "this year we doubled revenue", landed well.\n',
        # questions and sample answers under a gotcha need no date
        "What changed in your team recently?\n",
        "If you are currently a PMM, lead with launches.\n",
        (
            "## Gotcha: why PMM?\n\nWhy product marketing?\n\n### Strong answer\n\n"
            "I currently own launches end to end.\n\n### Weak answer\n\nIt is easier these days.\n"
        ),
        # a link's destination is not prose
        "See [the survey](https://example.com/this-year/currently).\n",
    ],
)
def test_not_prose_of_the_guide(lint_text: LintFn, body: str) -> None:
    assert lint_text(guide(body), select=RULE) == []


@pytest.mark.parametrize(
    ("updated", "line", "suggestion"),
    [
        ("2026-06", "Loops changed last year.", "'in 2025'"),
        ("2026-06", "Loops change next year.", "'in 2027'"),
        ("2026-06", "Hiring resumes next quarter.", "'in Q3 2026'"),
        ("2026-11-02", "Hiring resumes next quarter.", "'in Q1 2027'"),
        ("2026-01", "Hiring paused last month.", "'in December 2025'"),
        ("2026-06", "Loops are currently four rounds.", "'as of June 2026'"),
        ("2026-06", "Loops recently grew.", "'in June 2026'"),
    ],
)
def test_suggestion_counts_from_updated(
    lint_text: LintFn, updated: str, line: str, suggestion: str
) -> None:
    text = guide(line + "\n").replace("updated: 2026-06\n", f"updated: {updated}\n")
    (finding,) = lint_text(text, select=RULE)
    assert suggestion in finding.message
    assert "write the absolute date" in finding.message


@pytest.mark.parametrize("updated", ["", "updated: sometime\n"])
@pytest.mark.parametrize("today", ["2026-11-26", "2031-03-01"])
def test_no_updated_date_says_the_meant_date_is_unknown(
    lint_text: LintFn, updated: str, today: str
) -> None:
    text = guide("Loops changed this year.\n").replace("updated: 2026-06\n", updated)
    (finding,) = lint_text(text, select=RULE, today=today)
    assert finding.message == (
        "'this year' will read wrong as the guide ages: write the absolute date "
        "(the date it meant is unknown: the guide has no usable 'updated' date)"
    )


def test_no_usable_updated_date_names_the_key_the_guide_uses(lint_text: LintFn) -> None:
    text = guide("Loops changed this year.\n").replace("updated: 2026-06\n", "lastmod: soon\n")
    config = {"keys": {"updated": ["lastmod"]}, "rules": {"schema": "off"}}
    findings = lint_text(text, select=RULE, config=config)
    assert [f.message.rsplit("(", 1)[1] for f in findings] == [
        "the date it meant is unknown: the guide has no usable 'lastmod' date)"
    ]


def test_position_after_non_ascii_and_a_second_sentence(lint_text: LintFn) -> None:
    line = "Négociation — c’est dur. Salaries rose this year."
    (finding,) = lint_text(guide(line + "\n"), select=RULE)
    assert (finding.line, finding.column) == (LINE, col(line, "this year"))


def test_blocks_after_text_that_lowers_longer_are_still_found(lint_text: LintFn) -> None:
    # "İ".lower() is two characters: the rule's lowered copy of the guide is
    # longer than the guide, and must still find the right paragraph.
    body = "İ" * 40 + " in İstanbul.\n\nOffers rose recently.\n\nA short one.\n"
    (finding,) = lint_text(guide(body), select=RULE)
    assert (finding.line, finding.column) == (LINE + 2, col("Offers rose recently.", "recently"))


def test_phrases_option_replaces_the_list(lint_text: LintFn) -> None:
    config = {"rules": {RULE: {"phrases": ["in today's market"]}}}
    text = guide("In today's market, and this year, offers are lower.\n")
    found = lint_text(text, select=RULE, config=config)
    assert [(d.line, d.column) for d in found] == [(LINE, 1)]


def test_suppression(lint_text: LintFn) -> None:
    body = "<!-- guidelint-disable-next-line relative-time -- quoting the 2026 brief -->\nLoops changed this year.\n"
    assert lint_text(guide(body), select=(RULE, "unused-suppression")) == []


@pytest.mark.parametrize("space", ["\u00a0", "\t", "  "])
def test_phrases_spaced_oddly_are_still_found(lint_text: LintFn, space: str) -> None:
    found = lint_text(guide(f"Loops got longer this{space}year for senior roles.\n"), select=RULE)
    assert [d.rule for d in found] == [RULE]
