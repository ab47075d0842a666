"""stat-source: a statistic whose sentence (or table row) names no source."""

from __future__ import annotations

import pytest

from tests.conftest import LintFn, guide
from tests.util import col, spots

RULE = "stat-source"
SOURCES = """\
sources:
  - id: survey
    title: PMM competency survey
"""
# With no extra front matter the body starts on line 9; with SOURCES on line 12.
BODY_LINE = 9
SOURCED_LINE = 12


@pytest.mark.parametrize(
    "stat",
    [
        "92%",
        "92 percent",
        "65 %",
        "20％",
        "3 out of 4",
        "one in five",
        "1 in 6",
        "3x",
        "2.5×",
        "$350,000",
        "$200k",
        "£90K",
        "€1.2M",
        "$22.5K",
        "$300–500",
        "USD 120,000",
        "USD 100,000",
        "10,000 usd",
        "$350,000-$450,000",
        "$200,000-$500,000+",
        "$200k–$300k",
    ],
)
def test_every_statistic_form_is_reported_at_its_first_character(
    lint_text: LintFn, stat: str
) -> None:
    line = f"Teams we asked report {stat} more than last year."
    found = lint_text(guide(line + "\n"), select=RULE)
    assert spots(found) == [(BODY_LINE, col(line, stat), RULE)]
    assert f"'{stat}'" in found[0].message


@pytest.mark.parametrize(
    "stat",
    ["92%", "3 out of 4", "3x", "$350,000", "€1.2M", "$350,000-$450,000", "one in five"],
)
def test_a_cited_statistic_is_not_reported(lint_text: LintFn, stat: str) -> None:
    text = guide(f"Teams we asked report {stat} on this[^survey].\n", SOURCES)
    assert lint_text(text, select=RULE) == []


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("This matters more in 2026 than it did in 2019.\n", id="years"),
        pytest.param("The loop changed on 2026-06-15, and again on 15 June 2026.\n", id="dates"),
        pytest.param("An L5 PM and an L6 PMM sit at the same band.\n", id="levels"),
        pytest.param("Expect four to five rounds, sometimes 4 rounds.\n", id="round-counts"),
        pytest.param("PMM loops run four 45-minute sessions.\n", id="durations"),
        pytest.param("Sessions last 45 minutes; the loop takes 2 weeks.\n", id="duration-words"),
        pytest.param("Draw a 2x2 of effort and impact.\n", id="2x2"),
        pytest.param("Apply the 80/20 rule to the backlog.\n", id="80/20"),
        pytest.param("Install Python 3.11 or version 2.5 of the tool.\n", id="versions"),
        pytest.param("Run `grep -c 92%` and `echo $350,000` first.\n", id="code-spans"),
        pytest.param("Intro.\n\n```\n92% of $350,000 in 3x\n```\n", id="code-block"),
        pytest.param("Intro.\n\n    92% of $350,000 indented\n", id="indented-code"),
        pytest.param("See https://example.com/a%20b?share=92%25 today.\n", id="bare-url-%20"),
        pytest.param("See <https://example.com/pay%20bands> today.\n", id="autolink-%20"),
        pytest.param("See [the bands](https://example.com/92%20percent) today.\n", id="link-dest"),
        pytest.param('Read <span title="92% of $350,000">this</span> now.\n', id="html-attr"),
        pytest.param('<div style="width: 50%">\n\nHello.\n\n</div>\n', id="html-block"),
        pytest.param("The share $p = 92\\%$ is math.\n", id="inline-math"),
        pytest.param("Intro.\n\n$$\n92\\% \\times 3x\n$$\n", id="display-math"),
        pytest.param("At Series A-B startups the PM does it all.\n", id="series-a-b"),
        pytest.param("What is something 90% of people disagree with you about?\n", id="question"),
        pytest.param("Say it[^a].\n\n[^a]: A survey where 92% agreed.\n", id="footnote-def"),
        pytest.param("Meet at 3:30 pm in room 101, the 1st floor.\n", id="times-ordinals"),
        pytest.param("Top 10 tips in 3 steps.\n", id="plain-counts"),
    ],
)
def test_exemptions_are_not_statistics(lint_text: LintFn, body: str) -> None:
    assert lint_text(guide(body), select=RULE) == []


def test_front_matter_numbers_are_not_statistics(lint_text: LintFn) -> None:
    text = guide("Plain body.\n", "tags: [92%, $350k, 3x]\n")
    assert lint_text(text, select=RULE) == []


def test_sample_answers_under_strong_and_weak_need_no_source(lint_text: LintFn) -> None:
    body = """\
        ## The metrics gotcha

        You just saw a 15% drop in signups. What do you do?

        ### Strong answer

        I lifted signup conversion by 6% and cut churn 2x at my last job.

        ### Weak answer

        I would guess 50% of it is seasonality.

        ## After the loop

        Now 40% of teams do this.
        """
    found = lint_text(guide(body), select=RULE)
    assert spots(found) == [(BODY_LINE + 14, 5, RULE)]


@pytest.mark.parametrize(
    ("body", "extra"),
    [
        pytest.param("Leaders say 92%[^a].\n\n[^a]: PMM survey.\n", "", id="footnote-in-body"),
        pytest.param("Leaders say 92%[^survey].\n", SOURCES, id="footnote-to-sources"),
        pytest.param("Leaders say 92% ([survey](https://example.com/s)).\n", "", id="inline-link"),
        pytest.param("Leaders say [92% of them](https://example.com/s).\n", "", id="link-text"),
        pytest.param("Leaders say 92% (Source: PMM survey, 2025).\n", "", id="source-paren"),
        pytest.param("Leaders say 92%.[^survey]\n", SOURCES, id="after-period"),
    ],
)
def test_citation_forms(lint_text: LintFn, body: str, extra: str) -> None:
    assert lint_text(guide(body, extra), select=RULE) == []


def test_citation_after_the_period_covers_only_its_own_sentence(lint_text: LintFn) -> None:
    line = "Leaders say 92%.[^survey] Next, peers say 88% too."
    found = lint_text(guide(line + "\n", SOURCES), select=RULE)
    assert spots(found) == [(SOURCED_LINE, col(line, "88%"), RULE)]


def test_one_finding_per_sentence_at_its_first_statistic(lint_text: LintFn) -> None:
    line = "Leaders say 92% and 3 out of 4 agree. Peers earn $200k."
    found = lint_text(guide(line + "\n"), select=RULE)
    assert spots(found) == [
        (BODY_LINE, col(line, "92%"), RULE),
        (BODY_LINE, col(line, "$200k"), RULE),
    ]


def test_headings_and_list_items_are_prose(lint_text: LintFn) -> None:
    body = "## Why 92% fail\n\n- 3 out of 4 skip prep\n- cited 60%[^survey]\n"
    found = lint_text(guide(body, SOURCES), select=RULE)
    assert spots(found) == [(SOURCED_LINE, 8, RULE), (SOURCED_LINE + 2, 3, RULE)]


def test_sentence_scope_is_the_default(lint_text: LintFn) -> None:
    line = "Leaders say 92%[^survey]. Others say 88%."
    found = lint_text(guide(line + "\n", SOURCES), select=RULE)
    assert spots(found) == [(SOURCED_LINE, col(line, "88%"), RULE)]


def test_paragraph_scope_lets_one_citation_cover_its_paragraph(lint_text: LintFn) -> None:
    body = "Leaders say 92%[^survey]. Others say 88%.\n\nAlone, 77% of them.\n"
    config = {"rules": {RULE: {"scope": "paragraph"}}}
    found = lint_text(guide(body, SOURCES), select=RULE, config=config)
    assert spots(found) == [(SOURCED_LINE + 2, 8, RULE)]


TABLE = "| role | share |\n|---|---|\n| PM | 92% |\n| PMM | 88% |\n"


def test_table_rows_are_reported_one_finding_each(lint_text: LintFn) -> None:
    found = lint_text(guide(TABLE), select=RULE)
    assert spots(found) == [(BODY_LINE + 2, 8, RULE), (BODY_LINE + 3, 9, RULE)]
    assert "table row" in found[0].message


def test_table_citation_in_a_row_covers_only_that_row(lint_text: LintFn) -> None:
    table = TABLE.replace("| 92% |", "| 92%[^survey] |")
    found = lint_text(guide(table, SOURCES), select=RULE)
    assert spots(found) == [(SOURCED_LINE + 3, 9, RULE)]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(TABLE.replace("| share |", "| share[^survey] |", 1), id="header"),
        pytest.param("Shares from the survey[^survey]:\n\n" + TABLE, id="paragraph-before"),
        pytest.param(TABLE + "\n_Source: PMM survey, as of Aug 2026_\n", id="caption-after"),
    ],
)
def test_table_citations_that_cover_every_row(lint_text: LintFn, body: str) -> None:
    assert lint_text(guide(body, SOURCES), select=RULE) == []


def test_uncited_paragraph_before_a_table_covers_nothing(lint_text: LintFn) -> None:
    found = lint_text(guide("Shares:\n\n" + TABLE), select=RULE)
    assert [s[0] for s in spots(found)] == [BODY_LINE + 4, BODY_LINE + 5]


def test_unselected_run_reports_the_statistic_among_the_other_rules(lint_text: LintFn) -> None:
    found = lint_text(guide("Leaders say 92%.\n"))
    assert spots(found) == [(BODY_LINE, 13, RULE)]


def test_money_range_is_not_swallowed_as_math(lint_text: LintFn) -> None:
    # Regression: pulldown-cmark reads "$350,000-$" as inline math.
    line = "Totals run $350,000-$450,000; others run $250,000-$350,000."
    found = lint_text(guide(line + "\n"), select=RULE)
    assert spots(found) == [(BODY_LINE, col(line, "$350,000-"), RULE)]
    assert "'$350,000-$450,000'" in found[0].message


def test_an_amount_at_the_end_of_a_row_before_a_note_is_still_a_statistic(
    lint_text: LintFn,
) -> None:
    # The check for banknotes ("a $10 bill") once read past the row's end
    # into the "Note:" paragraph and dropped the amount.
    body = "| Course | Typical price |\n|---|---|\n| Bootcamp | $10 |\n\nNote: prices vary.\n"
    assert [d.rule for d in lint_text(guide(body), select=RULE)] == [RULE]
