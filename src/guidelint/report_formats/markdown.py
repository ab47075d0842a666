"""The report as GitHub-flavoured Markdown, sized for a pull-request comment."""

from __future__ import annotations

from guidelint.report import GuideRecord, Report
from guidelint.report_formats import due_text, findings_text, label, sources_text

_ICONS = {"stale": "🔴", "due-soon": "🟠", "fresh": "🟢", "draft": "⚪"}
# GitHub refuses a comment longer than 65,536 characters (counted as
# JavaScript does, in UTF-16 code units); the rest of the guide table is cut,
# with a line that says so, a little before that.
MAX_UTF16_UNITS = 65_000


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cell(text: object) -> str:
    """A table cell: pipes and newlines would break the row; tags would render."""
    value = "—" if text is None or text == "" else str(text)
    value = value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    return value.replace("<", "&lt;").replace(">", "&gt;")


def render(report: Report) -> str:
    """Headline counts, per-owner totals, then every guide oldest first."""
    totals = report.totals
    scope = f" for owner `{_cell(report.owner_filter)}`" if report.owner_filter else ""
    lines = [
        f"## Guide freshness report{scope}",
        "",
        f"{totals.total} guide(s) on {report.today.isoformat()}: "
        + ", ".join(f"{_ICONS[s]} **{n}** {label(s)}" for s, n in totals.items())
        + ".",
        "",
        f"_Window: {report.review_every} unless a guide sets `review_every`; due soon means "
        f"due within {report.due_within}; salary figures go stale after {report.salary_window}._",
        "",
    ]
    lines += _sources_lines(report)
    if report.owners:
        lines += [
            "### By owner",
            "",
            "| owner | guides | stale | due soon | fresh | draft | open findings |",
            "|---|--:|--:|--:|--:|--:|--:|",
        ]
        rows = [
            f"| {_cell(owner.owner)} | {owner.counts.total} | {owner.counts.stale} "
            f"| {owner.counts.due_soon} | {owner.counts.fresh} | {owner.counts.draft} "
            f"| {owner.findings} |"
            for owner in report.owners
        ]
        # Owners come most stale first; they may take half of a comment.
        _add_rows(
            lines, rows, MAX_UTF16_UNITS // 2, "owner(s), those with the fewest stale guides,"
        )
        lines.append("")
    if report.guides:
        lines += [
            "### Guides, oldest first",
            "",
            "| status | guide | owner | updated | reviewed | age (d) | window | due "
            "| salary as of | open findings |",
            "|---|---|---|---|---|--:|---|---|---|---|",
        ]
        # Oldest first, so what a cut leaves out is the freshest.
        _add_rows(
            lines,
            [_guide_row(r) for r in report.guides],
            MAX_UTF16_UNITS,
            "guide(s), the freshest,",
        )
        lines.append("")
    else:
        lines += ["No guides matched.", ""]
    return "\n".join(lines)


def _sources_lines(report: Report) -> list[str]:
    """The last source check and its dead/moved sources by owner; nothing without one."""
    if report.sources is None:
        return []
    lines = [f"_{sources_text(report)}_", ""]
    if report.sources.by_owner:
        lines += ["| owner | dead sources | moved sources |", "|---|--:|--:|"]
        lines += [f"| {_cell(o)} | {d} | {m} |" for o, d, m in report.sources.by_owner[:50]]
        lines.append("")
    return lines


def _guide_row(r: GuideRecord) -> str:
    salary = f"{r.salary_as_of or '—'} ({r.salary_status})" if r.salary_status != "none" else "—"
    cells = (
        f"{_ICONS[r.status]} {label(r.status)}",
        f"{_cell(r.title)}<br>`{_cell(r.path)}`",
        _cell(r.owner),
        _cell(r.updated),
        _cell(r.reviewed),
        _cell(r.age_days),
        _cell(r.window),
        _cell(due_text(r)),
        _cell(salary),
        _cell(findings_text(r)),
    )
    return "| " + " | ".join(cells) + " |"


def _add_rows(lines: list[str], rows: list[str], limit: int, what: str) -> None:
    """Append table ``rows`` while the whole text stays under ``limit`` UTF-16 units.

    Rows that do not fit are left out, with a line that says how many.
    """
    used = sum(_units(line) + 1 for line in lines)
    for shown, row in enumerate(rows):
        if used + _units(row) + 1 + _CUT_NOTE_UNITS > limit:
            lines += ["", _cut_note(len(rows) - shown, what)]
            return
        lines.append(row)
        used += _units(row) + 1


def _cut_note(left_out: int, what: str) -> str:
    return (
        f"_{left_out} more {what} are not shown: a GitHub comment holds 65,536 characters. "
        "`guidelint report --format html` shows everything._"
    )


_CUT_NOTE_UNITS = _units(_cut_note(10**9, "owner(s), those with the fewest stale guides,")) + 2
