"""stale-source: a `sources` entry published before the source window (default 3 years)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import LintFn, guide
from tests.util import spots

RULE = "stale-source"
BODY = "Most product marketers rank positioning first[^survey].\n"


def _sources(*published: str | None) -> str:
    lines = ["sources:"]
    for i, value in enumerate(published):
        lines.append(f"  - id: s{i}\n    title: Source {i}")
        if value is not None:
            lines.append(f"    published: {value}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("published", "stale"),
    [
        ("2026-03", False),
        ("2023-11-26", False),  # exactly three years: still inside
        ("2023-11-25", True),
        ("2023-12", False),
        ("2023-11", True),  # a month counts from its first day
        ("'2021-05-04'", True),
        (None, False),  # no date, nothing to judge
        ("soon", False),  # not a date: the schema rule reports it
    ],
)
def test_published_against_the_window(
    lint_text: LintFn, published: str | None, stale: bool
) -> None:
    found = lint_text(guide(BODY, _sources(published)), select=RULE)
    # line 7 is "sources:", 8 the id, 9 the title, 10 published
    assert spots(found) == ([(10, 5, RULE)] if stale else [])
    assert all(d.severity == "warning" for d in found)


def test_each_stale_entry_at_its_own_date(lint_text: LintFn) -> None:
    found = lint_text(guide(BODY, _sources("2020-01", "2026-01", "2019-06")), select=RULE)
    assert spots(found) == [(10, 5, RULE), (16, 5, RULE)]
    assert (
        "source 's0' was published 2020-01, more than 3y ago (before 2023-11-26)"
        in found[0].message
    )


def test_policy_window_and_today(lint_text: LintFn) -> None:
    text = guide(BODY, _sources("2025-06"))
    assert lint_text(text, select=RULE) == []
    config = {"policy": {"source_window": "1y"}}
    assert spots(lint_text(text, select=RULE, config=config)) == [(10, 5, RULE)]
    assert spots(lint_text(text, select=RULE, today=dt.date(2028, 7, 1))) == [(10, 5, RULE)]


def test_drafts_are_exempt(lint_text: LintFn) -> None:
    text = guide(BODY, _sources("2019-01") + "draft: true\n")
    assert lint_text(text, select=RULE) == []
