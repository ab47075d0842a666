"""``--format gitlab``: GitLab Code Quality issues with unique, stable fingerprints."""

from __future__ import annotations

import json

from guidelint.diagnostic import Diagnostic
from guidelint.engine import LintResult
from guidelint.formatters import FormatInfo
from guidelint.formatters.gitlab import render
from tests.conftest import TODAY, guide


def test_cli_output_is_code_quality(run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "content").mkdir()
    body = guide("92% agree.\n\n92% agree.\n", extra="salary_as_of: 2099-01\n")
    (tmp_path / "content" / "a.md").write_text(body, encoding="utf-8")
    result = run_cli(
        "check", "content", "--format", "gitlab", "--today", "2026-11-26", cwd=tmp_path
    )
    issues = json.loads(result.stdout)
    assert [(i["check_name"], i["location"]["lines"]["begin"]) for i in issues] == [
        ("salary-date", 7),
        ("stat-source", 10),
        ("stat-source", 12),
    ]
    assert {i["severity"] for i in issues} == {"major"}
    assert all(i["location"]["path"] == "content/a.md" for i in issues)
    assert all(i["description"].startswith(i["check_name"] + ": ") for i in issues)
    # Two identical lines still get two fingerprints: GitLab needs them unique.
    assert len({i["fingerprint"] for i in issues}) == 3


def test_warning_is_minor_and_fallback_fingerprints_are_unique() -> None:
    findings = (
        Diagnostic("a.md", 2, 1, "unused-suppression", "warning", "same"),
        Diagnostic("a.md", 2, 9, "unused-suppression", "warning", "same"),
    )
    issues = json.loads(render(LintResult(findings, 1), FormatInfo(today=TODAY)))
    assert [i["severity"] for i in issues] == ["minor", "minor"]
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]
