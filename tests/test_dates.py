"""dates: the date forms front matter uses."""

from __future__ import annotations

import datetime as dt

import pytest

from guidelint.dates import (
    Duration,
    PartialDate,
    add_months,
    normalise_date_value,
    parse_date,
    parse_duration,
    parse_today,
)


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


@pytest.mark.parametrize(
    ("value", "precision"),
    [
        (dt.date(2026, 6, 15), "day"),  # a YAML date object
        (dt.datetime(2024, 1, 9, 14, 33), "day"),
        ("2026-06-15", "day"),  # a quoted string
        ("2026-06", "month"),
        ("2024-01-09 14:33:00 -0500", "day"),
    ],
)
def test_parse_date_precision(value: object, precision: str) -> None:
    parsed = parse_date(value)
    assert parsed is not None and parsed.precision == precision


@pytest.mark.parametrize("value", [None, 2026, ["2026-06"], "2026-02-30", "2026-00"])
def test_non_date_values(value: object) -> None:
    assert parse_date(value) is None


def test_partial_date_text() -> None:
    assert str(PartialDate(dt.date(2026, 6, 1), "month")) == "2026-06"
    assert str(PartialDate(dt.date(2026, 6, 15), "day")) == "2026-06-15"
    assert str(PartialDate(dt.date(2026, 1, 1), "year")) == "2026"


def test_normalise_date_value() -> None:
    assert normalise_date_value(dt.date(2026, 6, 15)) == "2026-06-15"
    assert normalise_date_value(dt.datetime(2024, 1, 9, 14, 33)) == "2024-01-09 14:33:00"
    assert normalise_date_value("2026-06") == "2026-06"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("90d", Duration(90, "d")),
        ("2w", Duration(2, "w")),
        ("6mo", Duration(6, "mo")),
        ("6m", Duration(6, "mo")),
        ("1y", Duration(1, "y")),
        (" 12mo ", Duration(12, "mo")),
    ],
)
def test_parse_duration(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "forever", "1.5y", "-3d", "3 months"])
def test_bad_durations(text: str) -> None:
    assert parse_duration(text) is None


@pytest.mark.parametrize(
    ("duration", "start", "end"),
    [
        (Duration(90, "d"), dt.date(2026, 1, 1), dt.date(2026, 4, 1)),
        (Duration(2, "w"), dt.date(2026, 1, 1), dt.date(2026, 1, 15)),
        (Duration(1, "mo"), dt.date(2026, 1, 31), dt.date(2026, 2, 28)),  # clamped
        (Duration(12, "mo"), dt.date(2024, 2, 29), dt.date(2025, 2, 28)),
        (Duration(1, "y"), dt.date(2025, 11, 1), dt.date(2026, 11, 1)),
    ],
)
def test_windows_add_and_subtract(duration: Duration, start: dt.date, end: dt.date) -> None:
    assert duration.add_to(start) == end
    if start.day <= 28:
        assert duration.subtract_from(end) == start


@pytest.mark.parametrize(
    "duration",
    [
        Duration(1, "d"),
        Duration(10**15, "d"),  # past timedelta's own limit
        Duration(10**14, "w"),
        Duration(1, "mo"),
        Duration(10**11, "mo"),
        Duration(10**11, "y"),  # past a C int of months
    ],
)
def test_windows_past_the_calendar_stop_at_its_ends(duration: Duration) -> None:
    # A config may say 99999999999y and --today may be 0001-01-01: the window
    # then reaches the first or last day a date can hold, not a traceback.
    assert duration.add_to(dt.date.max) == dt.date.max
    assert duration.subtract_from(dt.date.min) == dt.date.min
    if duration.amount > 10**6:
        assert duration.add_to(dt.date(2026, 11, 26)) == dt.date.max
        assert duration.subtract_from(dt.date(2026, 11, 26)) == dt.date.min


def test_add_months_across_years() -> None:
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 3, 31), -13) == dt.date(2025, 2, 28)


@pytest.mark.parametrize("text", ["2026-11-26", " 2026-11-26 "])
def test_parse_today(text: str) -> None:
    assert parse_today(text) == dt.date(2026, 11, 26)


@pytest.mark.parametrize("text", ["2026-13-01", "26/11/2026", "today", "2026-11"])
def test_bad_today(text: str) -> None:
    with pytest.raises(ValueError):
        parse_today(text)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2026-02-30", "'2026-02-30' does not exist: February 2026 has days 01 to 28"),
        ("2028-02-30", "'2028-02-30' does not exist: February 2028 has days 01 to 29"),
        ("2026-04-00", "'2026-04-00' does not exist: April 2026 has days 01 to 30"),
        ("9999-12-32", "'9999-12-32' does not exist: December 9999 has days 01 to 31"),
        ("2026-13-01", "'2026-13-01' does not exist: months run 01 to 12 (YYYY-MM-DD)"),
        ("0000-01-01", "'0000-01-01' does not exist: years start at 0001"),
        ("", "is empty: give a day as YYYY-MM-DD"),
        ("  ", "is empty: give a day as YYYY-MM-DD"),
        ("26/11/2026", "must be YYYY-MM-DD, got '26/11/2026'"),
    ],
)
def test_bad_today_says_why(text: str, why: str) -> None:
    with pytest.raises(ValueError) as raised:
        parse_today(text)
    assert str(raised.value) == why
