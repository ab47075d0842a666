"""stale-guide: the freshness window (review_every, default 12 months) has passed."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import LintFn, guide
from tests.util import spots

RULE = "stale-guide"


def dated(updated: str, extra: str = "") -> str:
    return guide("Body.\n", extra).replace("updated: 2026-06\n", f"updated: {updated}\n")


@pytest.mark.parametrize(
    ("updated", "stale"),
    [
        ("2026-06", False),
        ("2025-12", False),
        ("2025-11-26", False),  # due 2026-11-26: due today is not yet stale
        ("2025-11-25", True),
        ("2025-11", True),  # a month counts from its first day
        ("2025-01", True),
    ],
)
def test_default_window_is_twelve_months(lint_text: LintFn, updated: str, stale: bool) -> None:
    found = lint_text(dated(updated), select=RULE)
    assert spots(found) == ([(5, 1, RULE)] if stale else [])


@pytest.mark.parametrize(
    ("today", "stale"), [(dt.date(2026, 12, 1), False), (dt.date(2026, 12, 2), True)]
)
def test_month_precision_boundary(lint_text: LintFn, today: dt.date, stale: bool) -> None:
    found = lint_text(dated("2025-12"), select=RULE, today=today)
    assert spots(found) == ([(5, 1, RULE)] if stale else [])


def test_message_names_due_date_and_days_overdue(lint_text: LintFn) -> None:
    (finding,) = lint_text(dated("2025-01"), select=RULE)
    assert "2025-01 plus the 12mo window was due 2026-01-01" in finding.message
    assert "329 days ago" in finding.message


def test_reviewed_later_than_updated_resets_freshness(lint_text: LintFn) -> None:
    assert lint_text(dated("2025-01", "reviewed: 2026-10-02\n"), select=RULE) == []


def test_stale_reviewed_is_reported_at_reviewed(lint_text: LintFn) -> None:
    found = lint_text(dated("2024-01", "reviewed: 2025-02-01\n"), select=RULE)
    assert spots(found) == [(7, 1, RULE)]


@pytest.mark.parametrize(
    ("review_every", "stale"), [("90d", True), ("6mo", True), ("6m", True), ("1y", False)]
)
def test_guide_review_every_overrides_policy(
    lint_text: LintFn, review_every: str, stale: bool
) -> None:
    found = lint_text(dated("2026-03-01", f"review_every: {review_every}\n"), select=RULE)
    assert spots(found) == ([(5, 1, RULE)] if stale else [])


def test_policy_review_every(lint_text: LintFn) -> None:
    found = lint_text(dated("2026-03-01"), select=RULE, config={"policy": {"review_every": "90d"}})
    assert spots(found) == [(5, 1, RULE)]


def test_drafts_are_exempt(lint_text: LintFn) -> None:
    assert lint_text(dated("2020-01", "draft: true\n"), select=RULE) == []


def test_future_and_missing_dates_are_left_to_updated_date(lint_text: LintFn) -> None:
    assert lint_text(dated("2027-01"), select=RULE) == []
    assert lint_text(dated("soon"), select=RULE) == []


def test_yaml_timestamp_with_zone(lint_text: LintFn) -> None:
    found = lint_text(dated("2024-01-09 14:33:00 -0500"), select=RULE)
    assert spots(found) == [(5, 1, RULE)]


def test_alias_key_is_named_in_the_message(lint_text: LintFn) -> None:
    text = guide("Body.\n").replace("updated: 2026-06\n", "lastmod: 2024-01-09\n")
    found = lint_text(text, select=RULE, config={"keys": {"updated": ["lastmod"]}})
    assert spots(found) == [(5, 1, RULE)]
    assert "lastmod" in found[0].message


def test_an_expiry_key_is_the_due_date(lint_text: LintFn) -> None:
    config = {"keys": {"expires": ["expirydate", "expire_by"]}}
    # A recent guide whose expiry has passed is stale, at the expiry key.
    text = dated("2026-11-01", "expirydate: 2026-11-20\n")
    [found] = lint_text(text, select=RULE, config=config)
    assert found.message.startswith("stale: expirydate 2026-11-20 has passed, 6 days ago")
    assert found.line == text.splitlines().index("expirydate: 2026-11-20") + 1
    # An old guide whose expiry is still ahead is not.
    assert lint_text(dated("2020-01", "expire_by: 2027-01-01\n"), select=RULE, config=config) == []
