"""``guidelint baseline`` and ``check --baseline``: only new findings are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import guide
from tests.util import run_main

TODAY = ("--today", "2026-11-26")
OLD = guide("## Pay\n\n92% of PMMs were promoted.\n\nEnd.\n")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "old.md").write_text(OLD, encoding="utf-8")
    return tmp_path


def _baseline(run_cli, root: Path) -> dict:  # type: ignore[no-untyped-def]
    result = run_cli("baseline", *TODAY, "content", cwd=root)
    assert result.code == 0, result.stderr
    assert result.stdout == (
        f"Wrote {result.stdout.split()[1]} finding(s) in 1 file(s) to .guidelint-baseline.json.\n"
    )
    return json.loads((root / ".guidelint-baseline.json").read_text("utf-8"))


def _check(run_cli, root: Path, *args: str):  # type: ignore[no-untyped-def]
    return run_cli("check", *TODAY, "--baseline", ".guidelint-baseline.json", *args, cwd=root)


def test_known_findings_are_not_reported(run_cli, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    document = _baseline(run_cli, corpus)
    assert [(f["path"], f["rule"], f["line"]) for f in document["findings"]] == [
        ("content/old.md", "stat-source", 11)
    ]
    result = _check(run_cli, corpus, "content")
    assert (result.code, result.stdout) == (
        0,
        "All checks passed: 1 file(s), no findings; 1 finding hidden by the baseline "
        "(guidelint check --no-baseline to see them).\n",
    )


def test_unrelated_edits_keep_old_findings_known(run_cli, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    _baseline(run_cli, corpus)
    moved = OLD.replace("## Pay\n", "## Pay\n\nAn intro paragraph.\n\nAnother one.\n")
    (corpus / "content" / "old.md").write_text(moved.replace("End.", "The end."), "utf-8")
    assert _check(run_cli, corpus, "content").code == 0


def test_new_findings_are_reported(run_cli, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    _baseline(run_cli, corpus)
    # A second identical sentence is a new finding, though its line text matches the old one.
    grown = OLD.replace("End.", "92% of PMMs were promoted.")
    (corpus / "content" / "old.md").write_text(grown, encoding="utf-8")
    result = _check(run_cli, corpus, "content", "--format", "json")
    assert result.code == 1
    found = json.loads(result.stdout)["diagnostics"]
    assert [(d["rule"], d["line"]) for d in found] == [("stat-source", 13)]


def test_fixed_findings_drop_out_on_the_next_baseline(run_cli, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    assert len(_baseline(run_cli, corpus)["findings"]) == 1
    fixed = OLD.replace("were promoted.", "were promoted (Source: PMM survey 2026).")
    (corpus / "content" / "old.md").write_text(fixed, encoding="utf-8")
    assert _baseline(run_cli, corpus)["findings"] == []
    # ...so the finding, if it comes back, is new again.
    (corpus / "content" / "old.md").write_text(OLD, encoding="utf-8")
    assert _check(run_cli, corpus, "content").code == 1


def test_baseline_output_option(run_cli, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("baseline", *TODAY, "-o", "known.json", "content", cwd=corpus)
    assert result.code == 0
    assert json.loads((corpus / "known.json").read_text("utf-8"))["version"] == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (None, "cannot read baseline"),
        ("{not json", "is not JSON"),
        ('{"version": 2, "findings": []}', "is not a guidelint baseline"),
        ("[1, 2]", "is not a guidelint baseline"),
        ("[" * 100_000 + "]" * 100_000, "is nested too deeply to be a baseline"),
    ],
)
def test_bad_baseline_is_a_usage_error(
    corpus: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    text: str | None,
    message: str,
) -> None:
    if text is not None:
        (corpus / "b.json").write_text(text, encoding="utf-8")
    result = run_main(capsys, monkeypatch, corpus, "check", *TODAY, "--baseline", "b.json")
    assert result.code == 2
    assert message in result.err


def test_the_summary_says_what_the_baseline_hid(run_cli, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    _baseline(run_cli, corpus)
    grown = OLD.replace("End.", "92% of PMMs were promoted.")
    (corpus / "content" / "old.md").write_text(grown, encoding="utf-8")
    result = _check(run_cli, corpus, "content")
    assert result.stdout.splitlines()[-1] == (
        "Found 1 error(s) and 0 warning(s) in 1 of 1 file(s); 1 finding hidden by the "
        "baseline (guidelint check --no-baseline to see them)."
    )
    assert result.stderr == ""


def test_other_formats_say_it_on_stderr(run_cli, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    _baseline(run_cli, corpus)
    result = _check(run_cli, corpus, "content", "--format", "json")
    assert json.loads(result.stdout)["diagnostics"] == []
    assert result.stderr == (
        "guidelint: 1 finding hidden by the baseline (guidelint check --no-baseline to see them)\n"
    )


def test_no_baseline_shows_everything(run_cli, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    _baseline(run_cli, corpus)
    result = _check(run_cli, corpus, "content", "--no-baseline")
    assert result.code == 1
    assert result.stdout.splitlines()[-1] == "Found 1 error(s) and 0 warning(s) in 1 of 1 file(s)."
