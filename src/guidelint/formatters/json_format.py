"""One JSON object: version, today, files, diagnostics, summary."""

from __future__ import annotations

import json

from guidelint.engine import LintResult
from guidelint.formatters import FormatInfo, summary_counts


def render(result: LintResult, info: FormatInfo) -> str:
    """The JSON document the spec defines; key order is stable."""
    document = {
        "version": 1,
        "today": info.today.isoformat(),
        "files": result.files,
        "diagnostics": [
            {
                "path": d.path,
                "line": d.line,
                "column": d.column,
                "rule": d.rule,
                "severity": d.severity,
                "message": d.message,
            }
            for d in result.diagnostics
        ],
        "summary": summary_counts(result),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
