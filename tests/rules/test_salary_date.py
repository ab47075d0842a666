"""salary-date: every salary figure is dated (salary_as_of or a marker of its own)."""

from __future__ import annotations

import pytest

from tests.conftest import LintFn, guide
from tests.util import col, spots

RULE = "salary-date"
BODY_LINE = 9
PAY = "L5 PM total compensation runs roughly $350,000-$450,000."


def test_undated_salary_figure_is_reported_at_the_figure(lint_text: LintFn) -> None:
    found = lint_text(guide(PAY + "\n"), select=RULE)
    assert spots(found) == [(BODY_LINE, col(PAY, "$350,000"), RULE)]
    assert "salary_as_of" in found[0].message


@pytest.mark.parametrize(
    "word",
    [
        "salary",
        "compensation",
        "comp",
        "TC",
        "pay",
        "base",
        "bonus",
        "equity",
        "RSU",
        "offer",
        "package",
        "OTE",
        "earn",
        "earns",
        "earning",
    ],
)
def test_every_pay_word_makes_money_a_salary_figure(lint_text: LintFn, word: str) -> None:
    line = f"The {word} figure is $200k."
    found = lint_text(guide(line + "\n"), select=RULE)
    assert spots(found) == [(BODY_LINE, col(line, "$200k"), RULE)]


@pytest.mark.parametrize(
    "line",
    [
        "The company raised $20M last round.",
        "A team lunch costs $300–500.",
    ],
)
def test_money_without_pay_words_is_no_salary_figure(lint_text: LintFn, line: str) -> None:
    assert lint_text(guide(line + "\n"), select=RULE) == []


@pytest.mark.parametrize(
    ("body", "extra"),
    [
        pytest.param(PAY + "\n", "salary_as_of: 2026-06\n", id="salary_as_of-month"),
        pytest.param(PAY + "\n", "salary_as_of: 2026-06-01\n", id="salary_as_of-day"),
        pytest.param("Base pay is $200k as of Aug 2026.\n", "", id="as-of-month"),
        pytest.param("Base pay is $200k as of 2026-08.\n", "", id="as-of-iso"),
        pytest.param("Base pay is $200k (2026 data).\n", "", id="year-data"),
        pytest.param(
            "| level | base salary |\n|---|---|\n| L5 | $200k |\n\n_Source: a survey, 2026 data_\n",
            "",
            id="caption-year-data",
        ),
        pytest.param("In 2026, base pay was $200k.\n", "", id="in-year"),
        pytest.param(
            "| level | base salary (2026 data) |\n|---|---|\n| L5 | $200k |\n",
            "",
            id="table-header",
        ),
        pytest.param(
            "| level | base salary |\n|---|---|\n| L5 | $200k |\n\n_Source: survey, as of Aug 2026_\n",
            "",
            id="table-caption",
        ),
        pytest.param(
            "## The comp gotcha\n\nWould you take a $200k offer?\n\n### Strong answer\n\n"
            "I negotiated a $250k base salary.\n\n### Weak answer\n\nI took the $150k offer.\n",
            "",
            id="sample-answers",
        ),
        pytest.param("Would you take a $200k base salary?\n", "", id="question"),
        pytest.param("Pay is `$200k` in code.\n", "", id="code"),
    ],
)
def test_dated_or_exempt_figures_pass(lint_text: LintFn, body: str, extra: str) -> None:
    assert lint_text(guide(body, extra), select=RULE) == []


def test_table_header_pay_word_makes_rows_salary_figures(lint_text: LintFn) -> None:
    body = "| level | base salary |\n|---|---|\n| L5 | $200k |\n| L6 | $260k |\n"
    found = lint_text(guide(body), select=RULE)
    assert spots(found) == [(BODY_LINE + 2, 8, RULE), (BODY_LINE + 3, 8, RULE)]


def test_future_salary_as_of_is_reported_at_the_key(lint_text: LintFn) -> None:
    found = lint_text(guide(PAY + "\n", "salary_as_of: 2027-01\n"), select=RULE)
    assert spots(found) == [(7, 1, RULE)]
    assert "future" in found[0].message


def test_unparseable_salary_as_of_is_reported_and_figures_count_as_undated(
    lint_text: LintFn,
) -> None:
    found = lint_text(guide(PAY + "\n", "salary_as_of: soon\n"), select=RULE)
    assert spots(found) == [(7, 1, RULE), (BODY_LINE + 1, col(PAY, "$350,000"), RULE)]
    assert "not a date" in found[0].message


def test_salary_as_of_read_through_an_alias(lint_text: LintFn) -> None:
    config = {"keys": {"salary_as_of": ["comp_date"]}}
    text = guide(PAY + "\n", "comp_date: 2026-06\n")
    assert lint_text(text, select=RULE, config=config) == []


def test_extra_pay_words_from_config(lint_text: LintFn) -> None:
    line = "The stipend is $5,000."
    assert lint_text(guide(line + "\n"), select=RULE) == []
    found = lint_text(guide(line + "\n"), select=RULE, config={"pay_words": ["stipend"]})
    assert spots(found) == [(BODY_LINE, col(line, "$5,000"), RULE)]


@pytest.mark.parametrize(
    "body",
    [
        "The foundation offers $500,000 in prizes to winning teams.\n",
        "Most carriers make you pay $20 for a megabyte abroad.\n",
        "Paid leave is generous, and a $25,000 family planning benefit is common.\n",
        "A $2,000 desk budget is what most remote offers include.\n",
        "Some companies will pay $5,000 toward your relocation instead of a bonus.\n",
        "Some employers offer $1,000 a year toward interview coaching.\n",
        "Most offers now come with a $50 voucher for a CV review.\n",
    ],
    ids=["prizes", "purchase", "paid-leave", "budget", "toward", "a-year-toward", "voucher"],
)
def test_an_amount_not_tied_to_pay_is_no_salary_figure(lint_text: LintFn, body: str) -> None:
    assert lint_text(guide(body), select=RULE) == []


def test_an_amount_tied_to_pay_is_a_salary_figure(lint_text: LintFn) -> None:
    found = lint_text(guide("Senior PMs typically earn $180k in base pay.\n"), select=RULE)
    assert [d.rule for d in found] == [RULE]


def test_a_table_dated_in_the_paragraph_before_it_is_dated(lint_text: LintFn) -> None:
    table = "| Role | Base salary |\n|---|---|\n| PM | $150,000 |\n"
    dated = "What companies were paying new hires in 2025:\n\n" + table
    undated = "What companies pay new hires:\n\n" + table
    assert lint_text(guide(dated), select=RULE) == []
    assert [d.rule for d in lint_text(guide(undated), select=RULE)] == [RULE]
