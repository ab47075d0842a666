"""``path:line:col: severity rule message``, sorted, with a summary line."""

from __future__ import annotations

from typing import Any

import click

from guidelint.docs import docs_url
from guidelint.engine import LintResult
from guidelint.formatters import FormatInfo, summary_counts

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
    counts = summary_counts(result)
    if result.diagnostics:
        lines.append(
            f"Found {counts['errors']} error(s) and {counts['warnings']} warning(s) "
            f"in {counts['files_with_findings']} of {counts['files']} file(s)."
        )
    else:
        lines.append(f"All checks passed: {counts['files']} file(s), no findings.")
    return "\n".join(lines) + "\n"
