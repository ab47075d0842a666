"""The CSV report: a header and one row per guide, oldest first."""

from __future__ import annotations

import csv
import io

from guidelint.config import Policy
from guidelint.report import Report, build_report
from guidelint.report_formats import FIELDS, get_renderer
from tests.conftest import TODAY
from tests.report_corpus import GUIDES

render = get_renderer("csv")


def test_rows(corpus_report: Report) -> None:
    text = render(corpus_report)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert text.splitlines()[0] == ",".join(FIELDS)
    assert len(rows) == len(GUIDES)
    assert rows[0]["path"] == "content/undated.md" and rows[0]["age_days"] == ""
    consumer = next(r for r in rows if r["path"] == "content/consumer-pm.md")
    assert consumer["findings"] == "stale-guide:1;stat-source:1"
    assert (consumer["status"], consumer["age_days"], consumer["days_left"]) == (
        "stale",
        "513",
        "-148",
    )
    xss = next(r for r in rows if r["path"] == "content/xss.md")
    assert xss["owner"] == "<script>alert(1)</script>"  # CSV is data: kept verbatim


def test_no_guides_still_has_a_header() -> None:
    assert render(build_report([], [], Policy(), TODAY)) == ",".join(FIELDS) + "\n"
