"""``path:line:col: severity rule message``, sorted, with a summary line."""

from __future__ import annotations

from typing import Any

import click

from guidelint.diagnostic import Diagnostic
from guidelint.docs import docs_url
from guidelint.engine import LintResult
from guidelint.formatters import FormatInfo, hidden_note, summary_counts

# Control characters (a newline or an escape sequence in a file name or in a
# front-matter value quoted in a message) would break the one-line-per-finding
# format or reach the terminal: they are shown as escapes.
_CONTROL = {code: f"\\x{code:02x}" for code in (*range(32), 127)} | {
    ord("\n"): "\\n",
    ord("\r"): "\\r",
    ord("\t"): "\\t",
}
_STYLES: dict[str, dict[str, Any]] = {
    "error": {"fg": "red"},
    "warning": {"fg": "yellow"},
    "path": {"bold": True},
    "rule": {"dim": True},
}


def _paint(text: str, style: str, color: bool) -> str:
    return click.style(text, **_STYLES[style]) if color else text


def _shown_path(path: str) -> str:
    """The path as is, or quoted with escapes (as git does) if it holds a control character."""
    escaped = path.translate(_CONTROL)
    if escaped == path:
        return path
    return '"' + path.replace("\\", "\\\\").replace('"', '\\"').translate(_CONTROL) + '"'


def render(result: LintResult, info: FormatInfo) -> str:
    """One line per finding, then a summary line."""
    lines = []
    for d in result.diagnostics:
        location = _paint(f"{_shown_path(d.path)}:{d.line}:{d.column}:", "path", info.color)
        severity = _paint(d.severity, d.severity, info.color)
        rule = _paint(d.rule, "rule", info.color)
        link = docs_url(d.rule, info.docs_url) if info.color else None
        if link:
            # Like ruff: on a terminal the rule name links to its docs (OSC 8);
            # written by hand, as click has no helper for hyperlinks.
            rule = f"\033]8;;{link}\033\\{rule}\033]8;;\033\\"
        lines.append(f"{location} {severity} {rule} {d.message.translate(_CONTROL)}")
        if info.source_line is not None:
            lines.extend(_snippet(d, info.source_line(d.path, d.line), info.color))
    lines.append(_summary(result, info))
    return "\n".join(lines) + "\n"


# A longer source line is shown as a window around the finding.
_WIDTH = 100


def _snippet(d: Diagnostic, text: str, color: bool) -> list[str]:
    """The finding's source line with carets under its span (ruff's and Vale's "full" form)."""
    if not text.strip():
        return []
    start = d.column - 1
    if d.end_line == d.line and d.end_column > d.column:
        end = d.end_column - 1
    elif d.end_line > d.line:
        end = max(len(text), start + 1)  # the span runs on: to the end of this line
    else:
        end = start + 1
    # Tabs and control characters as one space each, so the carets line up.
    shown = "".join(c if c.isprintable() else " " for c in text)
    left = max(0, min(start - 20, len(shown) - _WIDTH))
    cut = shown[left : left + _WIDTH]
    if left:
        cut = "..." + cut[3:]
    if left + _WIDTH < len(shown):
        cut = cut[:-3] + "..."
    width = len(str(d.line))
    carets = _paint("^" * max(1, min(end, left + _WIDTH) - start), d.severity, color)
    return [
        f"{d.line} | {cut.rstrip()}",
        f"{' ' * width} | {' ' * (start - left)}{carets}",
        "",
    ]


def _summary(result: LintResult, info: FormatInfo) -> str:
    counts = summary_counts(result)
    if result.diagnostics:
        line = (
            f"Found {counts['errors']} error(s) and {counts['warnings']} warning(s) "
            f"in {counts['files_with_findings']} of {counts['files']} file(s)"
        )
    else:
        line = f"All checks passed: {counts['files']} file(s), no findings"
    note = hidden_note(info.hidden)
    return f"{line}; {note}." if note else f"{line}."


def render_statistics(result: LintResult, info: FormatInfo) -> str:
    """``check --statistics``: findings per rule, most first (as ``ruff --statistics``), then the summary."""
    counts: dict[tuple[str, str], int] = {}
    for d in result.diagnostics:
        counts[d.rule, d.severity] = counts.get((d.rule, d.severity), 0) + 1
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = max((len(str(n)) for n in counts.values()), default=1)
    name = max((len(rule) for rule, _ in counts), default=0)
    lines = [
        f"{n:>{width}}  {_paint(rule.ljust(name), 'rule', info.color)}  "
        f"{_paint(severity, severity, info.color)}"
        for (rule, severity), n in rows
    ]
    return "\n".join([*lines, _summary(result, info)]) + "\n"
