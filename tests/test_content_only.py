"""``check --content-only``: what pre-commit names that is not a guide is skipped."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import guide

UNSOURCED = guide("92% of PMMs agree.\n")


def test_skips_non_guides_and_files_outside_the_content_root(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for name in ("README.md", "docs/notes.md", "content/README.md", "content/_draft.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(UNSOURCED, encoding="utf-8")
    (tmp_path / "content" / "guide.md").write_text(UNSOURCED, encoding="utf-8")
    others = ("README.md", "docs/notes.md", "content/README.md", "content/_draft.md")
    args = ("check", "--today", "2026-11-26", "--content-only")
    result = run_cli(*args, *others, cwd=tmp_path)
    assert (result.code, result.stdout) == (0, "All checks passed: 0 file(s), no findings.\n")
    result = run_cli(*args, *others, "content/guide.md", cwd=tmp_path)
    assert result.code == 1
    assert {line.split(":")[0] for line in result.stdout.splitlines()[:-1]} == {"content/guide.md"}
    # Without the flag, a named file is checked whatever its name.
    assert run_cli("check", "--today", "2026-11-26", "README.md", cwd=tmp_path).code == 1
