"""The HTML report: self-contained, escaped, one row and one bar per guide."""

from __future__ import annotations

import re
import sys

import pytest

from guidelint.config import Policy
from guidelint.dates import Duration
from guidelint.errors import UsageError
from guidelint.guide import read_guide
from guidelint.report import Report, build_report
from guidelint.report_formats import get_renderer
from guidelint.report_formats.html import chart
from tests.conftest import TODAY
from tests.report_corpus import GUIDES, XSS

render = get_renderer("html")


def test_one_row_and_one_mark_per_guide(corpus_report: Report) -> None:
    page = render(corpus_report)
    assert page.count('<tr class="guide"') == len(GUIDES)
    assert len(re.findall(r'<rect class="mark [a-z-]+"', page)) == len(GUIDES)
    assert page.count('class="seg ') == sum(
        1 for o in corpus_report.owners for _, n in o.counts.items() if n
    )


def test_titles_and_owners_are_text_never_markup(corpus_report: Report) -> None:
    page = render(corpus_report)
    assert XSS not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; guide title" in page
    assert page.count("<script") == 1  # the page's own sorting script only


def test_self_contained(corpus_report: Report) -> None:
    page = render(corpus_report)
    assert not re.search(r"""(?:src|href)\s*=|<link\b|@import|@font-face|https?://""", page)
    assert re.findall(r"url\(([^)]*)\)", page) == ["#undated"]  # the in-page hatch pattern


def test_jinja2_missing_is_a_usage_error(
    corpus_report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)  # import jinja2 now raises ImportError
    with pytest.raises(UsageError, match=r"pip install 'guidelint\[html\]'"):
        render(corpus_report)


def _report(*fronts: str, due_within: Duration | None = None) -> Report:
    guides = [
        read_guide(
            f"g{i}.md",
            f"---\ntitle: Guide number {i}\nslug: g{i}\ncategory: role\nowner: a\n{f}---\n".encode(),
        )
        for i, f in enumerate(fronts)
    ]
    return build_report(guides, [], Policy(), TODAY, due_within=due_within)


def test_chart_scales_to_the_oldest_share_and_clips_past_twice_the_window() -> None:
    # ages 178/365, 452/365 (1.24 -> axis to 1.25), undated
    layout = chart(_report("updated: 2026-06\n", "updated: 2025-08-31\n", "owner: b\n"))
    assert layout.due_at == 80.0  # 100% of the window on a 0-125% axis
    assert [t[1] for t in layout.ticks] == ["0%", "25%", "50%", "75%", "due", "125%"]
    bars = {row.record.path: (row.bar, row.clipped, row.caption) for row in layout.rows}
    assert bars["g0.md"] == (round(178 / 365 / 1.25 * 100, 2), False, "178 d of 365 d")
    assert bars["g1.md"] == (round(452 / 365 / 1.25 * 100, 2), False, "452 d of 365 d")
    assert bars["g2.md"] == (100.0, False, "no usable date")

    wide = chart(_report("updated: 2020-01\n", "updated: 2026-06\n"))
    assert wide.due_at == 50.0  # the axis stops at 200%
    assert wide.rows[0].bar == 100.0 and wide.rows[0].clipped
    assert not wide.rows[1].clipped


def test_due_soon_zone_is_the_margin_before_the_due_line() -> None:
    layout = chart(_report("updated: 2026-06\n", due_within=Duration(30, "d")))
    (row,) = layout.rows
    # the window is 365 days; due soon for its last 30 days
    assert row.zone == round((365 - 30) / 365 / 1.25 * 100, 2)
