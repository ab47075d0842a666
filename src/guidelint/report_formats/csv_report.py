"""The report as CSV: one row per guide, oldest first, for spreadsheets.

Findings are one column of ``rule:count`` pairs separated by ``;``.  Totals
are not repeated as rows: a spreadsheet sums the columns.
"""

from __future__ import annotations

import csv
import io

from guidelint.report import Report
from guidelint.report_formats import FIELDS, guide_fields


def render(report: Report) -> str:
    """Header row plus one row per guide; empty cells for unknown values."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in report.guides:
        row = guide_fields(record)
        row["findings"] = ";".join(f"{rule}:{n}" for rule, n in record.findings)
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return out.getvalue()
