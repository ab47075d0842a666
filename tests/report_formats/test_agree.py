"""Every report format shows the same numbers for the same guides."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

from guidelint.report import Report
from guidelint.report_formats import get_renderer
from guidelint.report_formats.html import COLUMNS

# (path, status, age_days, due, findings) per guide, and totals by status
Row = tuple[str, str, str, str, str]


def _from_json(text: str) -> tuple[list[Row], dict[str, int]]:
    data = json.loads(text)
    rows = [
        (
            g["path"],
            g["status"],
            "" if g["age_days"] is None else str(g["age_days"]),
            g["due"] or "",
            str(sum(g["findings"].values())),
        )
        for g in data["guides"]
    ]
    return rows, data["summary"]["by_status"]


def _from_csv(text: str) -> tuple[list[Row], dict[str, int]]:
    records = list(csv.DictReader(io.StringIO(text)))
    rows = [
        (
            r["path"],
            r["status"],
            r["age_days"],
            r["due"],
            str(sum(int(p.split(":")[1]) for p in r["findings"].split(";") if p)),
        )
        for r in records
    ]
    totals: dict[str, int] = {}
    for r in records:
        totals[r["status"]] = totals.get(r["status"], 0) + 1
    return rows, totals


_LABELS = {"stale": "stale", "due soon": "due-soon", "fresh": "fresh", "draft": "draft"}


def _from_markdown(text: str) -> tuple[list[Row], dict[str, int]]:
    rows = []
    for line in text.splitlines():
        match = re.match(r"\| \S+ (stale|due soon|fresh|draft) \| .*?<br>`([^`]+)` \|", line)
        if not match:
            continue
        cells = [c.strip() for c in line.strip("|").split(" | ")]
        findings = 0
        for part in cells[9].split(", "):
            if part != "—":
                findings += int(part.split("×")[1]) if "×" in part else 1
        due = cells[7].split(" ")[0]
        rows.append(
            (
                match.group(2),
                _LABELS[match.group(1)],
                "" if cells[5] == "—" else cells[5],
                "" if due == "—" else due,
                str(findings),
            )
        )
    head = re.search(
        r"\*\*(\d+)\*\* stale, \S+ \*\*(\d+)\*\* due soon, \S+ \*\*(\d+)\*\* fresh, \S+ \*\*(\d+)\*\* draft",
        text,
    )
    assert head is not None
    totals = dict(
        zip(("stale", "due-soon", "fresh", "draft"), map(int, head.groups()), strict=True)
    )
    return rows, totals


class _Table(HTMLParser):
    """Collects each guide row's cells (by data-label) and the status tiles."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, str]] = []
        self.tiles: dict[str, int] = {}
        self.cell: str | None = None
        self.tile: str | None = None
        self.in_path = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "tr" and a.get("class") == "guide":
            self.rows.append({"status": a["data-status"] or ""})
        elif tag == "td" and self.rows:
            self.cell = COLUMNS[sum(1 for k in self.rows[-1] if k != "status" and k != "path")][0]
            self.rows[-1][self.cell] = ""
        elif tag == "span" and a.get("class") == "path":
            self.in_path = True
        elif tag == "span" and (a.get("class") or "").startswith("rel"):
            self.cell = None  # "in 5 d" is not part of the date
        elif tag == "div" and "data-status" in a:
            self.tile = a["data-status"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self.cell = None
        if tag == "span":
            self.in_path = False
        if tag == "div":
            self.tile = None

    def handle_data(self, data: str) -> None:
        if self.in_path:
            self.rows[-1]["path"] = data
        elif self.cell:
            self.rows[-1][self.cell] += data
        elif self.tile and data.strip().isdigit():
            self.tiles[self.tile] = int(data)


def _from_html(text: str) -> tuple[list[Row], dict[str, int]]:
    parser = _Table()
    parser.feed(text)
    rows = []
    for r in parser.rows:
        findings = 0
        for part in r["Findings"].strip().split(", "):
            if part != "—":
                findings += int(part.split("×")[1]) if "×" in part else 1
        age = r["Age (d)"].strip()
        due = r["Due"].strip()
        rows.append(
            (
                r["path"],
                r["status"],
                "" if age == "—" else age,
                "" if due == "—" else due,
                str(findings),
            )
        )
    return rows, parser.tiles


def test_every_format_shows_the_same_numbers(corpus_report: Report) -> None:
    parsed = {
        "json": _from_json(get_renderer("json")(corpus_report)),
        "csv": _from_csv(get_renderer("csv")(corpus_report)),
        "markdown": _from_markdown(get_renderer("markdown")(corpus_report)),
        "html": _from_html(get_renderer("html")(corpus_report)),
    }
    rows, totals = parsed["json"]
    assert len(rows) == 11 and totals == {"stale": 3, "due-soon": 2, "fresh": 5, "draft": 1}
    for name, (other_rows, other_totals) in parsed.items():
        assert other_rows == rows, name
        assert {k: v for k, v in other_totals.items() if v} == {
            k: v for k, v in totals.items() if v
        }, name
