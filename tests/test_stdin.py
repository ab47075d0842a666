"""``check -``: one guide read from standard input, as editors pipe a buffer."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from tests.conftest import guide
from tests.util import MainResult, run_main, write_tree

UNSOURCED = guide("About 92% of PMMs agree.\n")
HELPER = guide("A helper guide.\n").replace("slug: pm-vs-pmm", "slug: helper")


def _check(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    cwd: Path,
    text: str,
    *args: str,
) -> MainResult:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    return run_main(capsys, monkeypatch, cwd, "check", "--today", "2026-11-26", "-", *args)


def test_the_buffer_is_checked_as_the_named_file_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, {"content/draft.md": guide("Nothing to cite.\n")})
    before = sorted(tmp_path.rglob("*"))
    result = _check(
        capsys, monkeypatch, tmp_path, UNSOURCED, "--stdin-filename", "content/draft.md"
    )
    assert result.code == 1
    assert result.out.startswith("content/draft.md:9:7: error stat-source statistic '92%'")
    assert result.out.endswith("in 1 of 1 file(s).\n")
    assert sorted(tmp_path.rglob("*")) == before  # no cache folder, no marker
    # A file that is not on disk yet, and no filename at all.
    new = _check(capsys, monkeypatch, tmp_path, UNSOURCED, "--stdin-filename", "content/new.md")
    assert "content/new.md:9:7: error stat-source" in new.out
    assert "content/new.md:3:1: error duplicate-slug slug 'pm-vs-pmm' is also used by" in new.out
    bare = _check(capsys, monkeypatch, tmp_path, UNSOURCED)
    assert "-:9:7: error stat-source" in bare.out


def test_config_and_overrides_match_the_filename(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = 'overrides: [{files: ["content/archive/**"], rules: {stat-source: off}}]\n'
    write_tree(tmp_path, {"site/.guidelint.yaml": config, "site/content/g.md": HELPER})
    name = "site/content/archive/old.md"
    assert _check(capsys, monkeypatch, tmp_path, UNSOURCED, "--stdin-filename", name).code == 0
    name = "site/content/new.md"
    assert _check(capsys, monkeypatch, tmp_path, UNSOURCED, "--stdin-filename", name).code == 1


def test_cross_guide_rules_and_relative_links(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, {"content/helper.md": HELPER, "content/sub/x.md": guide("x\n")})
    linked = guide("See [it](../helper.md).\n", extra="related: [helper]\n")
    name = ("--stdin-filename", "content/sub/mine.md")
    assert _check(capsys, monkeypatch, tmp_path, linked, *name).out.startswith(
        "content/sub/mine.md:3:1: error duplicate-slug slug 'pm-vs-pmm' is also used by "
        "content/sub/x.md"
    )
    broken = linked.replace("helper", "nope").replace("slug: pm-vs-pmm", "slug: mine")
    out = _check(capsys, monkeypatch, tmp_path, broken, *name).out
    assert "related guide 'nope' does not exist" in out
    assert "link to '../nope.md': no such guide" in out
    fine = linked.replace("slug: pm-vs-pmm", "slug: mine")
    assert _check(capsys, monkeypatch, tmp_path, fine, *name).code == 0


def test_stdin_filename_without_dash_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, {"content/g.md": HELPER})
    args = ("check", "--today", "2026-11-26", "--stdin-filename", "x.md", "content")
    result = run_main(capsys, monkeypatch, tmp_path, *args)
    assert result.code == 2
    assert "--stdin-filename goes with the path '-'" in result.err
