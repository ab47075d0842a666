"""The report as GitHub-flavoured Markdown, sized for a pull-request comment."""

from __future__ import annotations

from guidelint.report import Report
from guidelint.report_formats import due_text, findings_text, label

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
    if report.owners:
        lines += [
            "### By owner",
            "",
            "| owner | guides | stale | due soon | fresh | draft | open findings |",
            "|---|--:|--:|--:|--:|--:|--:|",
        ]
        for owner in report.owners:
            counts = owner.counts
            lines.append(
                f"| {_cell(owner.owner)} | {counts.total} | {counts.stale} | {counts.due_soon} "
                f"| {counts.fresh} | {counts.draft} | {owner.findings} |"
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
        used = sum(_units(line) + 1 for line in lines)
        for shown, r in enumerate(report.guides):
            salary = (
                f"{r.salary_as_of or '—'} ({r.salary_status})" if r.salary_status != "none" else "—"
            )
            row = (
                "| "
                + " | ".join(
                    (
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
                )
                + " |"
            )
            # Oldest first, so what a cut leaves out is the freshest.
            if used + _units(row) + 1 + _CUT_NOTE_UNITS > MAX_UTF16_UNITS:
                lines += ["", _cut_note(len(report.guides) - shown)]
                break
            lines.append(row)
            used += _units(row) + 1
        lines.append("")
    else:
        lines += ["No guides matched.", ""]
    return "\n".join(lines)


def _cut_note(left_out: int) -> str:
    return (
        f"_{left_out} more guide(s), the freshest, are not shown: a GitHub comment holds "
        "65,536 characters. `guidelint report --format html` (or `csv`) lists every guide._"
    )


_CUT_NOTE_UNITS = _units(_cut_note(10**9)) + 2
