"""``guidelint new``: a guide that only lacks what the editor must write."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidelint.guide import read_guide
from tests.util import run_main

ARGS = (
    "--title",
    "PM interview basics for first-timers",
    "--owner",
    "careers",
    "--today",
    "2026-11-26",
)


def _new(capsys, monkeypatch, root: Path, *args: str):  # type: ignore[no-untyped-def]
    (root / "content").mkdir(exist_ok=True)
    return run_main(capsys, monkeypatch, root, "new", *args)


def test_new_guide_fails_only_on_the_answers_to_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _new(capsys, monkeypatch, tmp_path, "content/pm-basics.md", *ARGS)
    assert result.code == 0, result.err
    text = (tmp_path / "content" / "pm-basics.md").read_text("utf-8")
    meta = read_guide("x", text.encode()).meta
    assert meta == {
        "title": "PM interview basics for first-timers",
        "slug": "pm-basics",
        "category": "role",
        "tags": [],
        "updated": "2026-11-26",
        "owner": "careers",
    }
    check = run_main(
        capsys, monkeypatch, tmp_path, "check", "--today", "2026-11-26", "--format", "json"
    )
    assert check.code == 1
    assert '"rule": "gotcha-answers"' in check.out
    assert check.out.count('"rule":') == 2  # the strong and the weak answer, nothing else
    written = text.replace("<!-- What a strong candidate says. -->", "Name the real rival.")
    written = written.replace(
        "<!-- What a weak candidate says, and why it falls short. -->", "There is no rival."
    )
    (tmp_path / "content" / "pm-basics.md").write_text(written, encoding="utf-8")
    check = run_main(capsys, monkeypatch, tmp_path, "check", "--today", "2026-11-26")
    assert (check.code, check.out) == (0, "All checks passed: 1 file(s), no findings.\n")


def test_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "mine.md").write_text("precious\n", encoding="utf-8")
    result = _new(capsys, monkeypatch, tmp_path, "content/mine.md", *ARGS)
    assert result.code == 2
    assert "already exists" in result.err
    assert (tmp_path / "content" / "mine.md").read_text("utf-8") == "precious\n"


def test_refuses_a_slug_another_guide_uses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "content" / "roles").mkdir(parents=True)
    (tmp_path / "content" / "roles" / "older.md").write_text(
        "---\ntitle: An older guide\nslug: pm-basics\n---\n\nBody.\n", encoding="utf-8"
    )
    result = _new(capsys, monkeypatch, tmp_path, "content/pm-basics.md", *ARGS)
    assert result.code == 2
    assert "slug 'pm-basics' is already used by content/roles/older.md" in result.err
    assert not (tmp_path / "content" / "pm-basics.md").exists()
    result = _new(capsys, monkeypatch, tmp_path, "content/pm-basics.md", *ARGS, "--slug", "pm-101")
    assert result.code == 0, result.err
    assert "slug: pm-101" in (tmp_path / "content" / "pm-basics.md").read_text("utf-8")


@pytest.mark.parametrize(
    ("path", "extra", "message"),
    [
        ("content/My Guide.md", (), "slug: 'My Guide' does not match"),
        ("content/ok.md", ("--slug", "ok", "--title", "Short"), "title: 'Short' is too short"),
        ("nowhere/ok.md", (), "folder nowhere does not exist"),
        (
            "content/ok.md",
            ("--slug", "ok", "--title", "Two lines\nof a title"),
            "the title must be one line",
        ),
        ("content/ok.md", ("--slug", "ok", "--owner", "a\u2028b"), "the owner must be one line"),
    ],
)
def test_invalid_guide_is_not_written(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    path: str,
    extra: tuple[str, ...],
    message: str,
) -> None:
    result = _new(capsys, monkeypatch, tmp_path, path, *ARGS, *extra)
    assert result.code == 2
    assert message in result.err
    assert not (tmp_path / path).exists()


def test_a_file_name_that_makes_no_slug_suggests_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _new(capsys, monkeypatch, tmp_path, "content/My Café Guide.md", *ARGS)
    assert result.code == 2
    assert "choose one with --slug my-cafe-guide" in result.err
    result = _new(
        capsys, monkeypatch, tmp_path, "content/My Café Guide.md", *ARGS, "--slug", "my-cafe-guide"
    )
    assert result.code == 0, result.err


def test_missing_folders_are_created_with_parents_and_named_without(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _new(capsys, monkeypatch, tmp_path, "content/roles/pm/basics.md", *ARGS)
    assert result.code == 2
    assert "folder content/roles/pm does not exist; add --parents to create it" in result.err
    assert not (tmp_path / "content" / "roles").exists()
    # A guide that cannot be written leaves no folder behind.
    invalid = (*ARGS, "--title", "Short", "--parents")
    assert _new(capsys, monkeypatch, tmp_path, "content/roles/pm/basics.md", *invalid).code == 2
    assert not (tmp_path / "content" / "roles").exists()
    result = _new(capsys, monkeypatch, tmp_path, "content/roles/pm/basics.md", *ARGS, "--parents")
    assert result.code == 0, result.err
    assert (tmp_path / "content" / "roles" / "pm" / "basics.md").is_file()
