"""Golden test: ``guidelint check --format json`` on the fixed content folder."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from tests.golden import make_content
from tests.util import run_main


def test_json_golden(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_content(tmp_path)
    result = run_main(
        capsys, monkeypatch, tmp_path, "check", "--today", "2026-11-26", "--format", "json"
    )
    assert result.code == 1
    assert result.out == textwrap.dedent(
        """\
        {
          "version": 1,
          "today": "2026-11-26",
          "files": 3,
          "diagnostics": [
            {
              "path": "content/pm-vs-pmm.md",
              "line": 9,
              "column": 45,
              "rule": "stat-source",
              "severity": "error",
              "message": "statistic '92%' has no source in its sentence: cite it with [^id] (a footnote or a 'sources' entry), a link, or '(Source: ...)'"
            },
            {
              "path": "content/pm-vs-pmm.md",
              "line": 11,
              "column": 1,
              "rule": "unused-suppression",
              "severity": "warning",
              "message": "suppression of stat-source silences nothing; remove it"
            },
            {
              "path": "content/stale.md",
              "line": 5,
              "column": 1,
              "rule": "stale-guide",
              "severity": "error",
              "message": "stale: updated 2025-01 plus the 12mo window was due 2026-01-01, 329 days ago; update the content and 'updated', or record a review with 'guidelint review'"
            }
          ],
          "summary": {
            "files": 3,
            "files_with_findings": 2,
            "errors": 2,
            "warnings": 1
          }
        }
        """
    )


def test_json_empty_run_and_output_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_content(tmp_path)
    result = run_main(
        capsys,
        monkeypatch,
        tmp_path,
        "check",
        "--today",
        "2026-09-02",
        "--format",
        "json",
        "--output",
        "out.json",
        "content/ok.md",
    )
    assert (result.code, result.out) == (0, "")
    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert document == {
        "version": 1,
        "today": "2026-09-02",
        "files": 1,
        "diagnostics": [],
        "summary": {"files": 1, "files_with_findings": 0, "errors": 0, "warnings": 0},
    }


def test_json_keeps_non_ascii(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "café.md").write_text("Pas de front matter.\n", encoding="utf-8")
    result = run_main(
        capsys, monkeypatch, tmp_path, "check", "--today", "2026-11-26", "--format", "json"
    )
    assert json.loads(result.out)["diagnostics"][0]["path"] == "content/café.md"
    assert "content/café.md" in result.out
