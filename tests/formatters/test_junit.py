"""``--format junit``: one testcase per file, one failure per finding, parsed back."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from guidelint.diagnostic import Diagnostic
from guidelint.engine import LintResult
from guidelint.formatters import FormatInfo
from guidelint.formatters.junit import render
from tests.conftest import TODAY, guide


def _parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def test_cli_output_parses_back(run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    content = tmp_path / "content"
    content.mkdir()
    (content / "bad.md").write_text(guide("92% agree. 3x more say so.\n\n## A gotcha\n\nQ?\n"))
    (content / "good.md").write_text(guide("Fine.\n").replace("pm-vs-pmm", "good"))
    result = run_cli("check", "content", "--format", "junit", "--today", "2026-11-26", cwd=tmp_path)
    assert result.code == 1
    root = _parse(result.stdout)
    suite = root.find("testsuite")
    assert suite is not None
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert sorted(cases) == ["content/bad.md", "content/good.md"]
    assert suite.get("tests") == "2" and suite.get("failures") == "1"
    assert cases["content/good.md"].findall("failure") == []
    failures = cases["content/bad.md"].findall("failure")
    rules = sorted((f.get("message") or "").split(":")[0] for f in failures)
    assert rules == ["gotcha-answers", "gotcha-answers", "stat-source", "stat-source"]
    assert all(f.get("type") == "error" for f in failures)
    assert any((f.text or "").startswith("content/bad.md:9:1: error stat-source") for f in failures)


def test_characters_xml_cannot_carry_are_replaced() -> None:
    # A file name may hold a control character; XML 1.0 cannot, even escaped.
    finding = Diagnostic("a\x01.md", 1, 1, "frontmatter", "warning", "no front matter & <tag>")
    root = _parse(render(LintResult((finding,), 1, ("a\x01.md",)), FormatInfo(today=TODAY)))
    [case] = root.iter("testcase")
    assert case.get("name") == "a\ufffd.md"
    [failure] = case.iter("failure")
    assert failure.get("message") == "frontmatter: no front matter & <tag>"
    assert failure.get("type") == "warning"


def test_no_files_is_an_empty_suite() -> None:
    root = _parse(render(LintResult((), 0), FormatInfo(today=TODAY)))
    assert root.get("tests") == "0"
    assert list(root.iter("testcase")) == []
