"""``guidelint report``: formats, filters, output file and --fail-on exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guidelint.cli import main
from tests.report_corpus import write_corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    write_corpus(tmp_path)
    return tmp_path


def test_default_is_markdown_of_the_content_root(run_cli, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("report", "--today", "2026-11-26", cwd=corpus)
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("## Guide freshness report\n\n11 guide(s) on 2026-11-26")


def test_output_file_json_owner_and_due_within(run_cli, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    args = ("report", "content", "--today", "2026-11-26", "--format", "json")
    result = run_cli(
        *args, "--owner", "AI-DESK", "--due-within", "3w", "-o", "out.json", cwd=corpus
    )
    assert (result.code, result.stdout) == (0, "")
    data = json.loads((corpus / "out.json").read_text(encoding="utf-8"))
    assert data["owner"] == "AI-DESK" and data["policy"]["due_within"] == "3w"
    assert {g["owner"] for g in data["guides"]} == {"ai-desk"}
    # tpm-loop is due in 19 days: due soon within 3 weeks
    assert data["summary"]["by_status"] == {"stale": 0, "due-soon": 1, "fresh": 1, "draft": 1}


def test_env_today(run_cli, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("report", "--format", "csv", cwd=corpus, env={"GUIDELINT_TODAY": "2026-06-30"})
    assert result.code == 0
    row = next(line for line in result.stdout.splitlines() if line.startswith("content/ai-pm.md"))
    assert ",stale," in row  # updated 2026-10-20 is in the future on 2026-06-30


@pytest.mark.parametrize(
    ("owner", "fail_on", "code"),
    [
        (None, "stale", 1),  # consumer-pm and behavioral are stale
        ("ai-desk", "stale", 0),  # ai-desk has a due-soon guide, a fresh one and a draft
        ("ai-desk", "due", 1),
        (None, None, 0),
    ],
)
def test_fail_on(run_cli, corpus: Path, owner: str | None, fail_on: str | None, code: int) -> None:  # type: ignore[no-untyped-def]
    args = ["report", "--today", "2026-11-26", "--format", "json"]
    args += ["--owner", owner] if owner else []
    args += ["--fail-on", fail_on] if fail_on else []
    result = run_cli(*args, cwd=corpus)
    assert result.code == code, result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--due-within", "soon"], "not a window like 30d"),
        (["--today", "26/11/2026"], "--today must be YYYY-MM-DD"),
        (["--format", "pdf"], "Invalid value for '--format'"),
        (["missing-folder"], "path does not exist: missing-folder"),
    ],
)
def test_usage_errors_exit_2(
    corpus: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(corpus)
    assert main(["report", "--today", "2026-11-26", *args]) == 2
    assert message in capsys.readouterr().err
