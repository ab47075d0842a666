"""Output formats: small pure functions from a run's findings to text.

Each formatter module exposes ``render(result, info) -> str``.  The CLI picks
one by name from :data:`FORMATS` and writes what it returns; no formatter
prints.  Modules are imported only when their format is asked for, so a
plain ``check`` never pays for the XML or SARIF machinery.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from guidelint.engine import LintResult


@dataclass(frozen=True, slots=True)
class FormatInfo:
    """What a formatter may need besides the findings."""

    today: dt.date
    color: bool = False
    tool_version: str = ""
    # One per diagnostic, in order (see guidelint.fingerprint); empty: formats
    # that need them fall back to hashing path, rule and message.
    fingerprints: tuple[str, ...] = ()
    # The lowest severity that fails the run (``check``'s --strict/--fail-on);
    # formats that mark pass and fail (JUnit) follow it.
    fail_at: Literal["error", "warning", "never"] = "error"
    # The config's docs_url: where rule docs are published; None: no links.
    docs_url: str | None = None
    # Findings ``--baseline`` left out: the summary says so, so nothing hides silently.
    hidden: int = 0
    # Line n of a finding's file, for text output's "full" form (the source
    # line under each finding); None: the concise form, one line a finding.
    source_line: Callable[[str, int], str] | None = None


Formatter = Callable[[LintResult, FormatInfo], str]

# name -> module under guidelint.formatters
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_format",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
    "gitlab": "gitlab",
}
# Not a --format: ``check --statistics`` (module, function).
_EXTRA = {"statistics": ("text", "render_statistics")}


def get_formatter(name: str) -> Formatter:
    """The ``render`` function of format ``name``."""
    module_name, function = _EXTRA.get(name, (FORMATS.get(name, ""), "render"))
    module = importlib.import_module(f"guidelint.formatters.{module_name}")
    render: Formatter = getattr(module, function)
    return render


def summary_counts(result: LintResult) -> dict[str, int]:
    """Counts every format reports the same way."""
    errors = sum(1 for d in result.diagnostics if d.severity == "error")
    warnings = len(result.diagnostics) - errors
    files_with = len({d.path for d in result.diagnostics})
    return {
        "files": result.files,
        "files_with_findings": files_with,
        "errors": errors,
        "warnings": warnings,
    }


def hidden_note(hidden: int) -> str:
    """What the baseline hid, and how to see it; empty when it hid nothing."""
    if not hidden:
        return ""
    what = "1 finding" if hidden == 1 else f"{hidden} findings"
    return f"{what} hidden by the baseline (guidelint check --no-baseline to see them)"


def fingerprints_for(result: LintResult, info: FormatInfo) -> tuple[str, ...]:
    """The run's fingerprints, or (without the files' text) path, rule and order only."""
    if len(info.fingerprints) == len(result.diagnostics):
        return info.fingerprints
    from guidelint.fingerprint import fingerprints

    return fingerprints(result.diagnostics, lambda path, line: "")
