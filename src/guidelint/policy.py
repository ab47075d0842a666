"""The freshness policy: how long each kind of content stays true."""

from __future__ import annotations

from dataclasses import dataclass

from guidelint.dates import Duration


@dataclass(frozen=True, slots=True)
class Policy:
    """Freshness windows: how long content stays true."""

    review_every: Duration = Duration(12, "mo")
    due_soon: Duration = Duration(30, "d")
    salary_window: Duration = Duration(12, "mo")
    source_window: Duration = Duration(3, "y")
    source_cache: Duration = Duration(7, "d")  # how long an alive source is not asked again
