"""Dates as guides write them, and the windows policies are written in.

A guide may give a day (``2026-06-15``), a month (``2026-06``) or, in a
site generator's front matter, a timestamp (``2024-01-09 14:33:00 -0500``).
Every age counts from the first day the date could mean, so a month counts
from its first day and a year from 1 January.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from guidelint.lazy_re import lazy

Precision = Literal["day", "month", "year"]
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_DATE_RE = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?)?$"
)
_DURATION_RE = lazy(r"^\s*(?P<n>\d+)\s*(?P<unit>d|w|mo|m|y)\s*$")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to a day, a month or a year."""

    start: dt.date
    precision: Precision

    def __str__(self) -> str:
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "month":
            return self.start.strftime("%Y-%m")
        return str(self.start.year)


def parse_date(value: object) -> PartialDate | None:
    """Read a front-matter date value; ``None`` when it is not a date."""
    if isinstance(value, dt.datetime):
        return PartialDate(value.date(), "day")
    if isinstance(value, dt.date):
        return PartialDate(value, "day")
    if not isinstance(value, str):
        return None
    return _parse_text(value)


@lru_cache(maxsize=1024)
def _parse_text(value: str) -> PartialDate | None:
    # Several rules read the same dates, and a corpus repeats them: parse each text once.
    match = _DATE_RE.match(value.strip())
    if not match:
        return None
    year, month = int(match["y"]), int(match["m"])
    day = int(match["d"]) if match["d"] else None
    try:
        if day is None:
            return PartialDate(dt.date(year, month, 1), "month")
        return PartialDate(dt.date(year, month, day), "day")
    except ValueError:
        return None


def normalise_date_value(value: object) -> object:
    """Turn YAML's date objects into the ``YYYY-MM-DD`` text a schema sees.

    YAML reads an unquoted ``2026-06-15`` as a date but ``2026-06`` as a
    string; normalising makes validation identical either way.
    """
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@dataclass(frozen=True, slots=True)
class Duration:
    """A window such as ``90d``, ``6mo`` or ``1y`` (``m`` also means months)."""

    amount: int
    unit: Literal["d", "w", "mo", "y"]

    def __str__(self) -> str:
        return f"{self.amount}{self.unit}"

    def add_to(self, day: dt.date) -> dt.date:
        """The day this window ends if it starts on ``day``.

        A window that ends after the last day a date can hold (``999999y``,
        or a day near 9999-12-31) ends on that last day.
        """
        try:
            return self._shift(day, 1)
        except (OverflowError, ValueError):  # past year 9999
            return dt.date.max

    def subtract_from(self, day: dt.date) -> dt.date:
        """The day this window starts if it ends on ``day`` (at the earliest, 0001-01-01)."""
        try:
            return self._shift(day, -1)
        except (OverflowError, ValueError):  # before year 1
            return dt.date.min

    def _shift(self, day: dt.date, sign: int) -> dt.date:
        if self.unit == "d":
            return day + dt.timedelta(days=sign * self.amount)
        if self.unit == "w":
            return day + dt.timedelta(weeks=sign * self.amount)
        months = self.amount * (12 if self.unit == "y" else 1)
        return add_months(day, sign * months)


def parse_duration(text: str) -> Duration | None:
    """Read ``90d``/``2w``/``6mo``/``6m``/``1y``; ``None`` if malformed."""
    match = _DURATION_RE().match(str(text))
    if not match:
        return None
    unit = match["unit"]
    if unit == "m":
        unit = "mo"
    return Duration(int(match["n"]), unit)  # type: ignore[arg-type]


def _days_in_month(year: int, month: int) -> int:
    # calendar.monthrange would do, but importing calendar imports locale.
    following = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return (following - dt.date(year, month, 1)).days


def add_months(day: dt.date, months: int) -> dt.date:
    """Add calendar months, clamping to the month's last day (Jan 31 + 1mo = Feb 28)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = _days_in_month(year, month + 1)
    return dt.date(year, month + 1, min(day.day, last))


_DAY_FORM_RE = lazy(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def parse_today(text: str) -> dt.date:
    """Parse ``--today``/``GUIDELINT_TODAY``.

    Raises ``ValueError`` whose text ends a sentence that starts with the
    option's name: ``must be YYYY-MM-DD, got '26/11/2026'``, ``is empty: …``
    or ``'2026-02-30' does not exist: …``.
    """
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(_why_not_a_day(text)) from None


def _why_not_a_day(text: str) -> str:
    day_text = text.strip()
    if not day_text:
        return "is empty: give a day as YYYY-MM-DD"
    found = _DAY_FORM_RE().fullmatch(day_text)
    if found is None:
        return f"must be YYYY-MM-DD, got {text!r}"
    year, month, _ = (int(part) for part in found.groups())
    if year == 0:
        return f"{day_text!r} does not exist: years start at 0001"
    if not 1 <= month <= 12:
        return f"{day_text!r} does not exist: months run 01 to 12 (YYYY-MM-DD)"
    last = 31 if month == 12 else _days_in_month(year, month)  # no year 10000 to count to
    return f"{day_text!r} does not exist: {_MONTH_NAMES[month - 1]} {year} has days 01 to {last}"
