"""``--format junit``: one testcase per file, one failure per finding, parsed back."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

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
    info = FormatInfo(today=TODAY, fail_at="warning")  # --strict: the warning is a failure
    root = _parse(render(LintResult((finding,), 1, ("a\x01.md",)), info))
    [case] = root.iter("testcase")
    assert case.get("name") == "a\ufffd.md"
    [failure] = case.iter("failure")
    assert failure.get("message") == "frontmatter: no front matter & <tag>"
    assert failure.get("type") == "warning"


def test_no_files_is_an_empty_suite() -> None:
    root = _parse(render(LintResult((), 0), FormatInfo(today=TODAY)))
    assert root.get("tests") == "0"
    assert list(root.iter("testcase")) == []


WARNED = Diagnostic("w.md", 3, 1, "relative-time", "warning", "'this year' will date")
ERRED = Diagnostic("e.md", 9, 1, "stat-source", "error", "no source")


def _cases(info: FormatInfo) -> tuple[ET.Element, dict[str | None, ET.Element]]:
    result = LintResult((ERRED, WARNED), 3, ("e.md", "ok.md", "w.md"))
    root = _parse(render(result, info))
    return root, {case.get("name"): case for case in root.iter("testcase")}


def test_warnings_are_not_failures_by_default() -> None:
    root, cases = _cases(FormatInfo(today=TODAY))
    assert root.get("failures") == "1" and root.get("tests") == "3"
    assert [f.get("message") for f in cases["e.md"].iter("failure")] == ["stat-source: no source"]
    assert cases["w.md"].findall("failure") == []
    # the warning is still shown, in the test's output
    assert cases["w.md"].findtext("system-out") == (
        "w.md:3:1: warning relative-time 'this year' will date"
    )
    assert cases["ok.md"].find("system-out") is None


def test_strict_makes_warnings_failures() -> None:
    root, cases = _cases(FormatInfo(today=TODAY, fail_at="warning"))
    assert root.get("failures") == "2"
    [failure] = cases["w.md"].iter("failure")
    assert failure.get("type") == "warning" and cases["w.md"].find("system-out") is None


def test_fail_on_never_fails_no_test() -> None:
    root, cases = _cases(FormatInfo(today=TODAY, fail_at="never"))
    assert root.get("failures") == "0"
    assert cases["e.md"].findtext("system-out") == "e.md:9:1: error stat-source no source"


def test_cli_warning_only_file_passes(run_cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    content = tmp_path / "content"
    content.mkdir()
    (content / "warned.md").write_text(guide("Loops changed this year.\n"))
    result = run_cli("check", "content", "--format", "junit", "--today", "2026-11-26", cwd=tmp_path)
    assert result.code == 0, result.stdout
    root = _parse(result.stdout)
    assert root.get("tests") == "1" and root.get("failures") == "0"
    assert "warning relative-time" in (root.findtext("testsuite/testcase/system-out") or "")


def test_strict_check_makes_warning_only_guides_junit_failures(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    content = tmp_path / "content"
    content.mkdir()
    (content / "g.md").write_text(guide("Loops changed recently.\n"), encoding="utf-8")
    args = ("check", "--today", "2026-11-26", "--format", "junit", "--select", "relative-time")
    assert "<failure" not in run_cli(*args, cwd=tmp_path).stdout
    assert "<failure" in run_cli(*args, "--strict", cwd=tmp_path).stdout
