"""Freshness report formats: pure functions from a :class:`Report` to text.

Each module exposes ``render(report) -> str``; :data:`FORMATS` names them and
:func:`get_renderer` imports one only when it is asked for, so ``markdown``
never pays for Jinja2.  Every format takes its cells from :func:`guide_fields`
and :func:`summary`, which is what keeps their numbers identical.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from guidelint.report import STATUS_LABELS, GuideRecord, Report

Renderer = Callable[[Report], str]

# name -> module under guidelint.report_formats
FORMATS: dict[str, str] = {
    "markdown": "markdown",
    "html": "html",
    "json": "json_report",
    "csv": "csv_report",
}


def get_renderer(name: str) -> Renderer:
    """The ``render`` function of report format ``name``."""
    module = importlib.import_module(f"guidelint.report_formats.{FORMATS[name]}")
    render: Renderer = module.render
    return render


def findings_text(record: GuideRecord) -> str:
    """``stat-source×2, stale-guide`` style list of a guide's open findings."""
    return ", ".join(rule if n == 1 else f"{rule}×{n}" for rule, n in record.findings)


# The machine-readable fields of one guide: JSON keys and CSV columns, in order.
FIELDS = (
    "path",
    "title",
    "owner",
    "status",
    "updated",
    "reviewed",
    "window",
    "age_days",
    "window_days",
    "due",
    "days_left",
    "salary_as_of",
    "salary_status",
    "errors",
    "warnings",
    "findings",
)


def guide_fields(record: GuideRecord) -> dict[str, Any]:
    """One guide's :data:`FIELDS`."""
    fields = {
        "path": record.path,
        "title": record.title,
        "owner": record.owner,
        "status": record.status,
        "updated": record.updated,
        "reviewed": record.reviewed,
        "window": record.window,
        "age_days": record.age_days,
        "window_days": record.window_days,
        "due": record.due.isoformat() if record.due else None,
        "days_left": record.days_left,
        "salary_as_of": record.salary_as_of,
        "salary_status": record.salary_status,
        "errors": record.errors,
        "warnings": record.warnings,
        "findings": dict(record.findings),
    }
    assert tuple(fields) == FIELDS
    return fields


def summary(report: Report) -> dict[str, Any]:
    """Totals by status, by owner and by rule."""
    return {
        "guides": report.totals.total,
        "by_status": {status: count for status, count in report.totals.items()},
        "by_owner": [
            {
                "owner": o.owner,
                "guides": o.counts.total,
                **{status: count for status, count in o.counts.items()},
                "findings": o.findings,
            }
            for o in report.owners
        ],
        "findings_by_rule": dict(report.findings_by_rule),
    }


def sources_text(report: Report) -> str:
    """``Sources last checked 2026-11-20 (6 d ago) by `guidelint sources`: 2 dead, 1 moved.``"""
    note = report.sources
    if note is None:
        return ""
    dead = sum(d for _, d, _ in note.by_owner)
    moved = sum(m for _, _, m in note.by_owner)
    ago = "today" if note.age_days == 0 else f"{note.age_days} d ago"
    return (
        f"Sources last checked {note.checked_on.isoformat()} ({ago}) by `guidelint sources`: "
        f"{dead} dead, {moved} moved."
    )


def sources_fields(report: Report) -> dict[str, Any] | None:
    """The last source check as JSON, or ``None`` without a recent one."""
    note = report.sources
    if note is None:
        return None
    return {
        "checked": note.checked_on.isoformat(),
        "age_days": note.age_days,
        "by_owner": [{"owner": o, "dead": d, "moved": m} for o, d, m in note.by_owner],
    }


def due_relative(record: GuideRecord) -> str:
    """``in 5 d`` / ``330 d ago`` / ``today``; empty without a due date."""
    if record.days_left is None:
        return ""
    if record.days_left < 0:
        return f"{-record.days_left} d ago"
    if record.days_left == 0:
        return "today"
    return f"in {record.days_left} d"


def due_text(record: GuideRecord) -> str:
    """``2026-12-01 (in 5 d)`` / ``2026-01-01 (330 d ago)`` / ``—`` for people."""
    if record.due is None:
        return "—"
    return f"{record.due.isoformat()} ({due_relative(record)})"


def label(status: str) -> str:
    """Human label for a status (``due-soon`` -> ``due soon``)."""
    return STATUS_LABELS.get(status, status)  # type: ignore[call-overload, no-any-return]
