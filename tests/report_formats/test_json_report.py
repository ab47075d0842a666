"""The JSON report: stable keys, one object per guide, totals."""

from __future__ import annotations

import json

from guidelint.report import Report
from guidelint.report_formats import FIELDS, get_renderer
from tests.report_corpus import GUIDES


def test_document(corpus_report: Report) -> None:
    data = json.loads(get_renderer("json")(corpus_report))
    assert list(data) == ["version", "today", "policy", "owner", "guides", "summary"]
    assert data["version"] == 1 and data["today"] == "2026-11-26"
    assert data["policy"] == {"review_every": "12mo", "due_within": "30d", "salary_window": "12mo"}
    assert len(data["guides"]) == len(GUIDES)
    assert all(list(g) == list(FIELDS) for g in data["guides"])
    pmm = next(g for g in data["guides"] if g["path"] == "content/pm-vs-pmm.md")
    assert pmm == {
        "path": "content/pm-vs-pmm.md",
        "title": "PM vs PMM interview loops",
        "owner": "careers-editorial",
        "status": "due-soon",
        "updated": "2026-06",
        "reviewed": None,
        "window": "6mo",
        "age_days": 178,
        "window_days": 183,
        "due": "2026-12-01",
        "days_left": 5,
        "salary_as_of": "2026-06",
        "salary_status": "fresh",
        "errors": 0,
        "warnings": 0,
        "findings": {},
    }
    summary = data["summary"]
    assert summary["guides"] == len(GUIDES)
    assert summary["by_status"] == {"stale": 3, "due-soon": 2, "fresh": 5, "draft": 1}
    assert sum(o["guides"] for o in summary["by_owner"]) == len(GUIDES)
    assert summary["findings_by_rule"]["stale-guide"] == 2
