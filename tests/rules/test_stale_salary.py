"""stale-salary: salary figures dated older than the salary window (default 12 months)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import LintFn, guide
from tests.util import col, spots

RULE = "stale-salary"
BODY_LINE = 9
PAY = "L5 PM total compensation runs roughly $350,000-$450,000."


@pytest.mark.parametrize(
    ("as_of", "stale"),
    [
        ("2026-06", False),
        ("2025-12", False),
        ("2025-11", True),  # a month counts from its first day: 2025-11-01 < 2025-11-26
        ("2025-10", True),
        ("2025-11-26", False),
        ("2025-11-25", True),
        ("2024-03", True),
    ],
)
def test_salary_as_of_against_the_window(lint_text: LintFn, as_of: str, stale: bool) -> None:
    found = lint_text(guide(PAY + "\n", f"salary_as_of: {as_of}\n"), select=RULE)
    assert spots(found) == ([(7, 1, RULE)] if stale else [])


@pytest.mark.parametrize(
    ("today", "stale"), [(dt.date(2026, 11, 1), False), (dt.date(2026, 11, 2), True)]
)
def test_month_precision_boundary(lint_text: LintFn, today: dt.date, stale: bool) -> None:
    found = lint_text(guide(PAY + "\n", "salary_as_of: 2025-11\n"), select=RULE, today=today)
    assert spots(found) == ([(7, 1, RULE)] if stale else [])


def test_finding_moves_with_today(lint_text: LintFn) -> None:
    text = guide(PAY + "\n", "salary_as_of: 2026-06\n")
    assert lint_text(text, select=RULE) == []
    assert spots(lint_text(text, select=RULE, today=dt.date(2027, 6, 2))) == [(7, 1, RULE)]


def test_policy_salary_window(lint_text: LintFn) -> None:
    text = guide(PAY + "\n", "salary_as_of: 2026-06\n")
    found = lint_text(text, select=RULE, config={"policy": {"salary_window": "3mo"}})
    assert spots(found) == [(7, 1, RULE)]
    assert "3mo" in found[0].message


@pytest.mark.parametrize(
    ("line", "stale"),
    [
        ("Base pay was $200k in 2025.", True),  # a year counts from 1 January
        ("Base pay was $200k in 2026.", False),
        ("Base pay was $200k as of Dec 2025.", False),
        ("Base pay was $200k as of Nov 2025.", True),
        ("Base pay was $200k as of Oct 2025.", True),
        ("Base pay was $200k (2024 data).", True),
    ],
)
def test_inline_marker_dates_its_own_figure(lint_text: LintFn, line: str, stale: bool) -> None:
    found = lint_text(guide(line + "\n"), select=RULE)
    assert spots(found) == ([(BODY_LINE, col(line, "$200k"), RULE)] if stale else [])


def test_nearest_marker_wins_over_salary_as_of(lint_text: LintFn) -> None:
    fresh_marker = guide("Base pay was $200k as of Aug 2026.\n", "salary_as_of: 2023-01\n")
    assert lint_text(fresh_marker, select=RULE) == []
    line = "Base pay was $200k in 2023."
    old_marker = guide(line + "\n", "salary_as_of: 2026-06\n")
    assert spots(lint_text(old_marker, select=RULE)) == [(BODY_LINE + 1, col(line, "$200k"), RULE)]


def test_table_caption_marker(lint_text: LintFn) -> None:
    body = (
        "| level | base salary |\n|---|---|\n| L5 | $200k |\n\n_Source: survey, as of Aug 2024_\n"
    )
    assert spots(lint_text(guide(body), select=RULE)) == [(BODY_LINE + 2, 8, RULE)]


def test_drafts_are_exempt(lint_text: LintFn) -> None:
    text = guide(PAY + "\n", "salary_as_of: 2023-01\ndraft: true\n")
    assert lint_text(text, select=RULE) == []


def test_no_salary_figures_no_finding(lint_text: LintFn) -> None:
    text = guide("No money here.\n", "salary_as_of: 2020-01\n")
    assert lint_text(text, select=RULE) == []


def test_a_stale_table_is_one_finding_at_its_first_stale_row(lint_text: LintFn) -> None:
    body = (
        "Base salary by level, as of Jan 2024:\n\n"
        "| Level | Base salary |\n|---|---|\n| L4 | $150,000 |\n| L5 | $190,000 |\n| L6 | $240,000 |\n"
    )
    found = lint_text(guide(body), select=RULE)
    assert [(d.line, d.rule) for d in found] == [(found[0].line, RULE)]
    assert "$150,000" in found[0].message and "the rest of its table" in found[0].message
