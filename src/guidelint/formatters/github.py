"""GitHub Actions workflow commands: one ``::error``/``::warning`` per finding.

Escaping follows actions/toolkit: in the message ``%``, CR and LF are
escaped; in property values ``:`` and ``,`` are escaped too.
"""

from __future__ import annotations

from itertools import groupby

from guidelint.diagnostic import Diagnostic
from guidelint.engine import LintResult
from guidelint.formatters import FormatInfo


def escape_data(text: str) -> str:
    """Escape a command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command's property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _span(d: Diagnostic) -> tuple[str, ...]:
    """``endLine``/``endColumn`` when the rule gave the span's end."""
    if not d.end_line:
        return ()
    return (f"endLine={d.end_line}", f"endColumn={d.end_column}")


def render(result: LintResult, info: FormatInfo) -> str:
    """Workflow commands grouped per file (``::group::``), one line per finding."""
    lines: list[str] = []
    for path, group in groupby(result.diagnostics, key=lambda d: d.path):
        lines.append(f"::group::{escape_data(path)}")
        for d in group:
            props = ",".join(
                (
                    f"file={escape_property(d.path)}",
                    f"line={d.line}",
                    f"col={d.column}",
                    *_span(d),
                    f"title={escape_property('guidelint ' + d.rule)}",
                )
            )
            lines.append(f"::{d.severity} {props}::{escape_data(d.message)}")
        lines.append("::endgroup::")
    return "\n".join(lines) + ("\n" if lines else "")
