"""The report as one JSON document: settings, every guide, totals."""

from __future__ import annotations

import json

from guidelint.report import Report
from guidelint.report_formats import guide_fields, sources_fields, summary


def render(report: Report) -> str:
    """``{"version": 1, "today", "policy", "owner", "guides": [...], "summary": {...}}``."""
    document = {
        "version": 1,
        "today": report.today.isoformat(),
        "policy": {
            "review_every": str(report.review_every),
            "due_within": str(report.due_within),
            "salary_window": str(report.salary_window),
        },
        "owner": report.owner_filter,
        "guides": [guide_fields(record) for record in report.guides],
        "summary": summary(report),
    }
    if report.sources is not None:  # only after a recent `guidelint sources` run
        document["sources"] = sources_fields(report)
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
