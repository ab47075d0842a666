"""GitLab Code Quality: a JSON array of issues, shown in merge requests.

Each issue carries a fingerprint that stays the same when unrelated lines
move (see :mod:`guidelint.fingerprint`), which GitLab uses to tell new
findings from old ones between the source and target branches.
"""

from __future__ import annotations

import json

from guidelint.diagnostic import Diagnostic
from guidelint.engine import LintResult
from guidelint.formatters import FormatInfo, fingerprints_for

_SEVERITY = {"error": "major", "warning": "minor"}


def _lines(d: Diagnostic) -> dict[str, int]:
    """Code Quality counts whole lines: an end only for a span over several."""
    if d.end_line > d.line:
        return {"begin": d.line, "end": d.end_line}
    return {"begin": d.line}


def render(result: LintResult, info: FormatInfo) -> str:
    """The Code Quality report GitLab's ``artifacts:reports:codequality`` reads."""
    issues = [
        {
            "type": "issue",
            "check_name": d.rule,
            "description": f"{d.rule}: {d.message}",
            "categories": ["Style"],
            "severity": _SEVERITY[d.severity],
            "fingerprint": fingerprint,
            "location": {"path": d.path, "lines": _lines(d)},
        }
        for d, fingerprint in zip(result.diagnostics, fingerprints_for(result, info), strict=True)
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
