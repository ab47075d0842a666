"""SARIF 2.1.0, the format GitHub code scanning (and most CI dashboards) read.

The driver lists every registered rule (sorted by id) with its summary, its
documentation and a link to docs/rules.md, whether or not it fired, so a
result's ``ruleIndex`` means the same thing in every run.  Output is
deterministic: no timestamps, no absolute paths, keys in a fixed order.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from guidelint.docs import docs_url, rule_description
from guidelint.engine import LintResult
from guidelint.fingerprint import VERSION
from guidelint.formatters import FormatInfo, fingerprints_for
from guidelint.rules import RULES

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"


def _rule(name: str, docs_base: str | None) -> dict[str, Any]:
    rule = RULES[name]
    entry: dict[str, Any] = {
        "id": name,
        "name": name,
        "shortDescription": {"text": rule.SUMMARY},
        "fullDescription": {"text": rule_description(rule).split("\n\n")[0]},
        # The docstrings are written to read well as Markdown too.
        "help": {"text": rule_description(rule), "markdown": rule_description(rule)},
        "defaultConfiguration": {"level": rule.SEVERITY},
    }
    link = docs_url(name, docs_base)
    if link:
        entry["helpUri"] = link
    return entry


def artifact_uri(path: str) -> str:
    """A display path as a URI reference: relative stays relative, with ``%`` escapes."""
    if PurePosixPath(path).is_absolute():
        return "file://" + quote(path)
    return quote(path)


def render(result: LintResult, info: FormatInfo) -> str:
    """One SARIF log with one run."""
    names = sorted(RULES)
    index = {name: i for i, name in enumerate(names)}
    results = []
    for d, fingerprint in zip(result.diagnostics, fingerprints_for(result, info), strict=True):
        end_line, end_column = d.end
        if (end_line, end_column) <= (d.line, d.column):
            # No extent from the rule: mark the one character the finding points at.
            end_line, end_column = d.line, d.column + 1
        results.append(
            {
                "ruleId": d.rule,
                "ruleIndex": index[d.rule],
                "level": d.severity,
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": artifact_uri(d.path)},
                            "region": {
                                "startLine": d.line,
                                "startColumn": d.column,
                                "endLine": end_line,
                                "endColumn": end_column,
                            },
                        }
                    }
                ],
                "partialFingerprints": {VERSION: fingerprint},
            }
        )
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "guidelint",
                        "version": info.tool_version or "0",
                        "rules": [_rule(name, info.docs_url) for name in names],
                    }
                },
                # Columns count characters, as everywhere in guidelint.
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
