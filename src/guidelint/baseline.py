"""Adopting guidelint on an existing corpus: remember today's findings, report new ones.

``guidelint baseline`` writes every current finding's fingerprint (see
:mod:`guidelint.fingerprint`: path, rule, the text of its line, occurrence),
so adding or moving other lines does not turn old findings into new ones.
``check --baseline FILE`` then leaves out the findings the file lists.
Rewriting the baseline drops the findings that were fixed since.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from guidelint.engine import LintResult
from guidelint.errors import UsageError
from guidelint.fileio import atomic_write

FORMAT_VERSION = 1


def dumps(result: LintResult, fingerprints: Sequence[str]) -> str:
    """The baseline file for ``result``; line and message are there for people only."""
    entries = [
        {
            "fingerprint": fingerprint,
            "path": d.path,
            "rule": d.rule,
            "line": d.line,
            "message": d.message,
        }
        for d, fingerprint in zip(result.diagnostics, fingerprints, strict=True)
    ]
    document = {"version": FORMAT_VERSION, "findings": entries}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write(path: Path, result: LintResult, fingerprints: Sequence[str]) -> None:
    """Write the baseline atomically (a half-written baseline would hide nothing)."""
    atomic_write(path, dumps(result, fingerprints).encode("utf-8"))


def load(path: Path) -> frozenset[str]:
    """The fingerprints a baseline file lists; a bad file is a usage error."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read baseline {path}: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise UsageError(f"baseline {path} is not JSON: {exc}") from exc
    except RecursionError:  # json recurses once per nested array or object
        raise UsageError(f"baseline {path} is nested too deeply to be a baseline") from None
    if not isinstance(document, dict):
        document = {}
    findings = document.get("findings")
    if document.get("version") != FORMAT_VERSION or not isinstance(findings, list):
        raise UsageError(
            f"baseline {path} is not a guidelint baseline (version {FORMAT_VERSION}); "
            "write one with 'guidelint baseline'"
        )
    return frozenset(
        str(entry["fingerprint"])
        for entry in findings
        if isinstance(entry, dict) and "fingerprint" in entry
    )


def without_known(
    result: LintResult, fingerprints: Sequence[str], known: frozenset[str]
) -> tuple[LintResult, tuple[str, ...]]:
    """``result`` minus the findings in the baseline, and the remaining fingerprints."""
    kept = [(d, f) for d, f in zip(result.diagnostics, fingerprints, strict=True) if f not in known]
    return (
        replace(result, diagnostics=tuple(d for d, _ in kept)),
        tuple(f for _, f in kept),
    )
