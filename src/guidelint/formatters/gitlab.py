"""GitLab Code Quality: a JSON array of issues, shown in merge requests.

Each issue carries a fingerprint that stays the same when unrelated lines
move (see :mod:`guidelint.fingerprint`), which GitLab uses to tell new
findings from old ones between the source and target branches.
"""

from __future__ import annotations

import json

from guidelint.engine import LintResult
from guidelint.formatters import FormatInfo, fingerprints_for

_SEVERITY = {"error": "major", "warning": "minor"}


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
            "location": {"path": d.path, "lines": {"begin": d.line}},
        }
        for d, fingerprint in zip(result.diagnostics, fingerprints_for(result, info), strict=True)
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
