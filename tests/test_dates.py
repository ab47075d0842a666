"""dates: the date forms front matter uses."""

from __future__ import annotations

import datetime as dt

import pytest

from guidelint.dates import parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-06", dt.date(2026, 6, 1)),
        ("2026-06-15", dt.date(2026, 6, 15)),
        ("2024-01-09 14:33:00 -0500", dt.date(2024, 1, 9)),
        # Hugo sites write single-digit hours; YAML leaves these as strings.
        ("2017-07-08 3:46:23 -0400", dt.date(2017, 7, 8)),
        ("2019-05-09T9:00:00Z", dt.date(2019, 5, 9)),
    ],
)
def test_parse_date(value: str, expected: dt.date) -> None:
    parsed = parse_date(value)
    assert parsed is not None and parsed.start == expected


@pytest.mark.parametrize("value", ["June 2026", "2026-13-01", "2017-07-08 346:23", ""])
def test_not_dates(value: str) -> None:
    assert parse_date(value) is None
