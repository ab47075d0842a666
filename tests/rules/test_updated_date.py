"""updated-date: ``updated`` present, a date, not in the future (``reviewed`` too)."""

from __future__ import annotations

import pytest

from tests.conftest import LintFn, guide
from tests.util import spots

RULE = "updated-date"


@pytest.mark.parametrize(
    "value",
    [
        "2026-06",
        "2026-06-15",
        '"2026-06-15"',
        "'2026-06'",
        "2026-11-26",  # today itself is not the future
        "2024-01-09 14:33:00 -0500",
        "2024-01-09T14:33:00Z",
    ],
)
def test_valid_dates_pass(lint_text: LintFn, value: str) -> None:
    text = guide("Body.\n").replace("updated: 2026-06\n", f"updated: {value}\n")
    assert lint_text(text, select=RULE) == []


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("June 2026", "not a date"),
        ("2026-13", "not a date"),
        ("2026-02-30", "not a date"),
        ("26-06-15", "not a date"),
        ("2026-11-27", "in the future"),
        ("2026-12", "in the future"),
    ],
)
def test_bad_or_future_dates_are_reported_at_the_key(
    lint_text: LintFn, value: str, fragment: str
) -> None:
    text = guide("Body.\n").replace("updated: 2026-06\n", f"updated: {value}\n")
    found = lint_text(text, select=RULE)
    assert spots(found) == [(5, 1, RULE)]
    assert fragment in found[0].message


def test_missing_updated_is_reported_at_the_front_matter(lint_text: LintFn) -> None:
    text = guide("Body.\n").replace("updated: 2026-06\n", "")
    found = lint_text(text, select=RULE)
    assert spots(found) == [(1, 1, RULE)]
    assert "no 'updated'" in found[0].message


def test_reviewed_is_checked_when_present(lint_text: LintFn) -> None:
    found = lint_text(guide("Body.\n", "reviewed: 2027-01-01\n"), select=RULE)
    assert spots(found) == [(7, 1, RULE)]
    assert "'reviewed'" in found[0].message


def test_key_alias_from_config(lint_text: LintFn) -> None:
    config = {"keys": {"updated": ["lastmod"]}}
    text = guide("Body.\n").replace("updated: 2026-06\n", "lastmod: 2026-12-01\n")
    found = lint_text(text, select=RULE, config=config)
    assert spots(found) == [(5, 1, RULE)]
    assert "'lastmod'" in found[0].message
    ok = guide("Body.\n").replace("updated: 2026-06\n", "lastmod: 2026-06-01\n")
    assert lint_text(ok, config=config) == []


def test_no_front_matter_is_left_to_the_frontmatter_rule(lint_text: LintFn) -> None:
    assert lint_text("No front matter.\n", select=RULE) == []


def test_impossible_calendar_date_is_a_finding_not_a_crash(lint_text: LintFn) -> None:
    # Regression: PyYAML raised ValueError for 2026-02-30, stopping the whole run
    # (and the slug index read of every other guide).
    text = guide("Body.\n").replace("updated: 2026-06\n", "updated: 2026-02-30\n")
    other = guide("Other.\n").replace("pm-vs-pmm", "other-guide").replace("2026-06", "2026-02-31")
    found = lint_text(text, files={"other.md": other})
    assert spots(found) == [(5, 1, RULE)]
    assert "'2026-02-30', not a date" in found[0].message
