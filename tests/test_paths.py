"""Which files are guides: ``_`` folders hold partials, not guides."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import guide
from tests.util import write_tree

PARTIAL = "Shared text, included by pages; no front matter.\n"


def test_files_under_underscore_folders_are_not_guides(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_tree(
        tmp_path,
        {
            "content/guide.md": guide("Body.\n"),
            "content/_partials/snippet.md": PARTIAL,
            "content/topic/_shared/deep.md": PARTIAL,
        },
    )
    result = run_cli("check", "--today", "2026-11-26", cwd=tmp_path)
    assert (result.code, result.stdout) == (0, "All checks passed: 1 file(s), no findings.\n")


def test_content_only_skips_a_partial_named_by_pre_commit(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_tree(tmp_path, {"content/_partials/snippet.md": PARTIAL})
    args = ("check", "--today", "2026-11-26", "--content-only", "content/_partials/snippet.md")
    result = run_cli(*args, cwd=tmp_path)
    assert result.code == 0
    assert "error" not in result.stdout
