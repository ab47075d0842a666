"""The report as one self-contained HTML page: inline CSS, SVG and a little JS.

The page needs no network: no fonts, scripts or images are fetched.  It is
rendered from ``templates/report.html.j2`` by Jinja2 with autoescaping on, so
a title or owner is always shown as text.  The chart's geometry is computed
here (:func:`chart_rows`), where it can be tested, not in the template.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from guidelint import __version__
from guidelint.errors import UsageError
from guidelint.report import STATUSES, GuideRecord, Report
from guidelint.report_formats import due_relative, label, sources_text

# The chart shows age as a share of the guide's window; past this share bars
# are cut off (their label still gives the real age).
MAX_SHARE = 2.0
MIN_SHARE = 1.25
# Past this many rows a chart scrolls inside its card instead of growing the page.
LONG_LIST = 40
# The guide table's columns: heading and how the inline script sorts them.
COLUMNS = (
    ("Status", "text"),
    ("Guide", "text"),
    ("Owner", "text"),
    ("Updated", "text"),
    ("Reviewed", "text"),
    ("Age (d)", "num"),
    ("Window", "text"),
    ("Due", "num"),
    ("Salary as of", "text"),
    ("Findings", "num"),
)


@dataclass(frozen=True, slots=True)
class ChartRow:
    """Where one guide's bar, due-soon zone and labels go, in % of the plot width."""

    record: GuideRecord
    bar: float  # bar length
    zone: float  # where the due-soon zone starts (it ends at the due line)
    clipped: bool  # the bar runs past the plot's right edge
    caption: str


@dataclass(frozen=True, slots=True)
class Chart:
    """The age-against-window chart: rows, where the due line is, axis ticks."""

    rows: tuple[ChartRow, ...]
    due_at: float  # x of the due line (age = window), % of plot width
    ticks: tuple[tuple[float, str], ...]


def chart(report: Report) -> Chart:
    """Lay out one bar per guide: its age as a share of its freshness window."""
    shares = [
        r.age_days / r.window_days
        for r in report.guides
        if r.age_days is not None and r.window_days
    ]
    top = min(MAX_SHARE, max([MIN_SHARE, *shares]))
    top = math.ceil(top * 4) / 4  # whole quarters of the window
    rows = []
    for record in report.guides:
        if record.age_days is None or not record.window_days:
            why = "dated in the future" if record.updated or record.reviewed else "no usable date"
            rows.append(ChartRow(record, 100.0, 100.0, False, why))
            continue
        share = record.age_days / record.window_days
        rows.append(
            ChartRow(
                record,
                round(min(share, top) / top * 100, 2),
                round(_zone_start(record, report) / top * 100, 2),
                share > top,
                f"{record.age_days} d of {record.window_days} d",
            )
        )
    ticks = []
    step = 0.25 if top <= 1.25 else 0.5
    value = 0.0
    while value <= top + 1e-9:
        text = "due" if abs(value - 1) < 1e-9 else f"{round(value * 100)}%"
        ticks.append((round(value / top * 100, 2), text))
        value += step
    return Chart(tuple(rows), round(100 / top, 2), tuple(ticks))


def _zone_start(record: GuideRecord, report: Report) -> float:
    """Share of the window at which the guide becomes due soon."""
    assert record.due is not None and record.window_days
    margin = (record.due - report.due_within.subtract_from(record.due)).days
    return max(0.0, (record.window_days - margin) / record.window_days)


def render(report: Report) -> str:
    """The whole page as a string."""
    try:
        import jinja2
    except ImportError:  # a dependency, but a hand-trimmed install may lack it
        raise UsageError("the html report needs Jinja2: pip install 'guidelint[html]'") from None
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("guidelint", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    template = env.get_template("report.html.j2")
    return template.render(**context(report))


def context(report: Report) -> dict[str, Any]:
    """Everything the template shows."""
    biggest = max((o.counts.total for o in report.owners), default=0) or 1
    return {
        "report": report,
        "version": __version__,
        "statuses": STATUSES,
        "label": label,
        "due_relative": due_relative,
        "chart": chart(report),
        "owner_scale": 100 / biggest,
        "owners": sorted({r.owner for r in report.guides}, key=str.casefold),
        "columns": COLUMNS,
        "long_list": LONG_LIST,
        "sources_text": sources_text(report).replace("`", ""),
    }
