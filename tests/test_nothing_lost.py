"""Nothing lost: reading commands never write, writing commands write atomically.

``check`` and ``report`` leave every byte, mode and modification time of the
content tree as it was.  Every command that writes (``review``, ``baseline``,
``new``, ``--output``, the slug cache) goes through
:func:`guidelint.fileio.atomic_write`, changes only the bytes it was asked to,
and leaves the original intact when the write fails or the process is killed.
"""

from __future__ import annotations

import ast
import hashlib
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from guidelint import fileio
from guidelint.cli import cli
from guidelint.paths import is_guide_name
from tests.conftest import guide
from tests.util import run_main

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-26"


def snapshot(folder: Path) -> dict[str, tuple[Any, ...]]:
    """Every entry under ``folder``: its kind, bytes' hash (or link target), mode, mtime."""
    seen: dict[str, tuple[Any, ...]] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            seen[rel] = ("link", os.readlink(path))
        elif path.is_dir():
            seen[rel] = ("dir", info.st_mode)
        else:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            seen[rel] = ("file", digest, info.st_mode, info.st_mtime_ns)
    return seen


# -- check and report never write ----------------------------------------------------


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """Guides of every kind (good, broken, CRLF, BOM, read-only, links) and a config."""
    content = tmp_path / "content"
    (content / "nested").mkdir(parents=True)
    (content / "good.md").write_text(guide("A fine guide.\n"), encoding="utf-8")
    (content / "stale.md").write_text(
        guide("Churn fell 12% after launch.\n").replace("2026-06", "2024-01"), encoding="utf-8"
    )
    other = guide("Offers pay $200k base.\n").replace("slug: pm-vs-pmm", "slug: other")
    (content / "nested" / "crlf.md").write_bytes(other.replace("\n", "\r\n").encode())
    (content / "bom.md").write_bytes(b"\xef\xbb\xbf" + guide("Twice the slug.\n").encode())
    (content / "broken.md").write_bytes(b"---\ntitle: [unclosed\n---\nBody\n")
    (content / "latin1.md").write_bytes(guide("Caf\u00e9.\n").encode("latin-1"))
    readonly = content / "readonly.md"
    readonly.write_text(guide("Read only.\n").replace("pm-vs-pmm", "ro"), encoding="utf-8")
    readonly.chmod(0o444)
    (content / "link.md").symlink_to("good.md")
    (content / "dangling.md").symlink_to("gone.md")
    (tmp_path / ".guidelint.yaml").write_text(
        "content_root: content\ncache_dir: .cache\n", encoding="utf-8"
    )
    return tmp_path


def _reading_commands() -> list[list[str]]:
    from guidelint.formatters import FORMATS

    runs = [["check", "content", "--format", fmt, "--today", TODAY] for fmt in FORMATS]
    runs += [
        ["check", "--today", TODAY, "--output", "out.txt"],
        ["check", "content/good.md", "--jobs", "2", "--today", TODAY],
        ["rules"],
        ["explain", "stat-source"],
    ]
    if "report" in cli.commands:  # type: ignore[attr-defined]
        from guidelint.report_formats import FORMATS as REPORT_FORMATS

        runs += [["report", "content", "--format", fmt, "--today", TODAY] for fmt in REPORT_FORMATS]
        runs.append(["report", "--format", "html", "--output", "report.html", "--today", TODAY])
    return runs


def test_check_and_report_never_write_to_guides(
    workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(workspace / "content")
    for args in _reading_commands():
        result = run_main(capsys, monkeypatch, workspace, *args)
        assert result.code in (0, 1), (args, result.stderr)
    assert snapshot(workspace / "content") == before
    assert (workspace / "out.txt").read_text("utf-8").count("\n") > 5  # the runs did run


# -- writers change only what they were asked to -------------------------------------

ORIGINAL = (
    b"\xef\xbb\xbf---\r\n"
    b"title: 'PM vs PMM: interview loops'   # trailing comment\r\n"
    b"slug: pm-vs-pmm\r\n"
    b"category: role\r\n"
    b'updated: "2026-06"\r\n'
    b"owner: careers-editorial\r\n"
    b"tags: [pm,   pmm]\r\n"
    b"---\r\n"
    b"\r\n"
    b"Body with  two spaces, a tab\there, and no final line break."
)


def test_review_inserts_one_line_and_keeps_every_other_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "guide.md"
    target.write_bytes(ORIGINAL)
    result = run_main(capsys, monkeypatch, tmp_path, "review", "guide.md", "--today", TODAY)
    assert result.code == 0, result.stderr
    expected = ORIGINAL.replace(
        b'updated: "2026-06"\r\n', b'updated: "2026-06"\r\nreviewed: 2026-11-26\r\n'
    )
    assert target.read_bytes() == expected


def test_review_changes_only_the_date_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    original = ORIGINAL.replace(
        b'updated: "2026-06"\r\n', b'updated: "2026-06"\r\nreviewed: 2026-01-05  # by Ana\r\n'
    )
    target = tmp_path / "guide.md"
    target.write_bytes(original)
    target.chmod(0o640)
    result = run_main(capsys, monkeypatch, tmp_path, "review", "guide.md", "--today", TODAY)
    assert result.code == 0, result.stderr
    assert target.read_bytes() == original.replace(b"2026-01-05", b"2026-11-26")
    assert target.stat().st_mode & 0o777 == 0o640


def test_review_through_a_symlink_keeps_the_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real.md"
    real.write_bytes(ORIGINAL)
    (tmp_path / "link.md").symlink_to("real.md")
    result = run_main(capsys, monkeypatch, tmp_path, "review", "link.md", "--today", TODAY)
    assert result.code == 0, result.stderr
    assert (tmp_path / "link.md").is_symlink()
    assert b"reviewed: 2026-11-26\r\n" in real.read_bytes()


def test_review_refuses_a_broken_guide_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "good.md").write_bytes(ORIGINAL)
    (tmp_path / "broken.md").write_bytes(b"---\ntitle: [x\n---\n")
    before = snapshot(tmp_path)
    result = run_main(
        capsys, monkeypatch, tmp_path, "review", "good.md", "broken.md", "--today", TODAY
    )
    assert result.code == 2
    assert result.stderr.startswith("guidelint: error: broken.md: not changed: ")
    assert snapshot(tmp_path) == before  # not even good.md, named first


def test_new_never_overwrites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "taken.md").write_bytes(ORIGINAL)
    before = snapshot(tmp_path)
    args = ("new", "taken.md", "--title", "A brand new guide title", "--owner", "me")
    result = run_main(capsys, monkeypatch, tmp_path, *args, "--today", TODAY)
    assert result.code == 2
    assert "already exists" in result.stderr
    assert snapshot(tmp_path) == before


# -- a write that fails leaves the original -----------------------------------------


def _fail(name: str) -> Callable[..., Any]:
    def failing(*args: Any, **kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")

    return failing


WRITERS: dict[str, list[str]] = {
    "review": ["review", "content/good.md", "--today", TODAY],
    "baseline": ["baseline", "content", "--output", "baseline.json", "--today", TODAY],
    "check --output": ["check", "content", "--output", "out.txt", "--today", TODAY],
    "check --fix": ["check", "content", "--unsafe-fixes", "--today", TODAY],
    "report --output": ["report", "content", "--output", "out.txt", "--today", TODAY],
    "init": ["init", "--force", "--today", TODAY],
    "sources --output": ["sources", "content", "--offline", "-o", "out.txt", "--today", TODAY],
}


def test_every_writing_command_is_covered() -> None:
    """A new writing command must join WRITERS (new is covered on its own, below)."""
    reading = {"check", "report", "rules", "explain", "lsp"}  # lsp edits buffers, never files
    assert set(cli.commands) - reading - {"new"} <= {w.split()[0] for w in WRITERS}  # type: ignore[attr-defined]


@pytest.mark.parametrize("step", ["replace", "fsync", "write"])
@pytest.mark.parametrize("writer", list(WRITERS))
def test_failed_write_keeps_the_original(
    workspace: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    writer: str,
    step: str,
) -> None:
    """Disk full at any step: exit 2 with one line, every old byte kept, no temp file."""
    command = WRITERS[writer]
    if command[0] not in cli.commands:  # type: ignore[attr-defined]
        pytest.fail(f"'{command[0]}' is gone: update WRITERS")
    for name in ("baseline.json", "out.txt"):
        (workspace / name).write_text("the old file\n", encoding="utf-8")
    before = snapshot(workspace)
    # fileio.os is the os module: the slug cache's writes fail too, which it tolerates.
    monkeypatch.setattr(fileio.os, step, _fail(step))
    result = run_main(capsys, monkeypatch, workspace, *command)
    monkeypatch.undo()
    assert result.code == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("guidelint: error: cannot write ")
    assert "No space left on device" in result.stderr
    after = snapshot(workspace)
    assert {k: v for k, v in after.items() if not k.startswith(".cache")} == {
        k: v for k, v in before.items() if not k.startswith(".cache")
    }


def test_new_failed_write_leaves_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fileio.os, "replace", _fail("replace"))
    args = ("new", "fresh.md", "--title", "A brand new guide title", "--owner", "me")
    result = run_main(capsys, monkeypatch, tmp_path, *args, "--today", TODAY)
    assert result.code == 2
    assert sorted(os.listdir(tmp_path)) == []


def test_a_cache_that_cannot_be_written_does_not_fail_the_check(
    workspace: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fileio.os, "replace", _fail("replace"))
    result = run_main(capsys, monkeypatch, workspace, "check", "content", "--today", TODAY)
    assert result.code == 1, result.stderr
    cache = workspace / ".cache"
    assert not cache.exists() or not [p for p in cache.iterdir() if p.suffix == ".tmp"]


# -- atomic_write itself -----------------------------------------------------------


@pytest.fixture(params=["unnamed", "named"])
def temp_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with O_TMPFILE (Linux) and with the named temp file used elsewhere."""
    if request.param == "named":
        monkeypatch.setattr(fileio, "_write_unnamed", lambda *args: None)
    elif not getattr(os, "O_TMPFILE", 0):
        pytest.skip("no O_TMPFILE on this system")
    return str(request.param)


@pytest.mark.parametrize("step", ["write", "fsync", "link", "chmod", "replace"])
def test_atomic_write_failure_keeps_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, temp_kind: str, step: str
) -> None:
    target = tmp_path / "guide.md"
    target.write_bytes(ORIGINAL)
    monkeypatch.setattr(fileio.os, step, _fail(step))
    try:
        fileio.atomic_write(target, b"new content" * 1000)
    except fileio.WriteError as exc:
        assert str(exc) == f"cannot write {target}: No space left on device"
    else:  # an unnamed write falls back to a named temp file when link fails
        assert step == "link"  # named temp files are never linked; unnamed ones fall back
    monkeypatch.undo()
    names = os.listdir(tmp_path)
    assert names == ["guide.md"]  # no temp file left
    if step != "link":
        assert target.read_bytes() == ORIGINAL


def test_atomic_write_keeps_mode_and_uses_umask_for_new_files(
    tmp_path: Path, temp_kind: str
) -> None:
    old = tmp_path / "old.md"
    old.write_bytes(b"x")
    old.chmod(0o604)
    fileio.atomic_write(old, b"y")
    assert (old.read_bytes(), old.stat().st_mode & 0o777) == (b"y", 0o604)
    mask = os.umask(0o027)
    try:
        fileio.atomic_write(tmp_path / "new.md", b"z")
    finally:
        os.umask(mask)
    assert (tmp_path / "new.md").stat().st_mode & 0o777 == 0o640


def _umask_is_off_limits(mask: int) -> int:
    raise AssertionError(f"atomic_write called os.umask({mask:#o})")


@pytest.mark.parametrize("mask", [0o022, 0o077])
def test_atomic_write_never_touches_the_umask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, temp_kind: str, mask: int
) -> None:
    """Setting the umask to read it would race with other threads' new files."""
    old_mask = os.umask(mask)
    try:
        monkeypatch.setattr(os, "umask", _umask_is_off_limits)
        fileio.atomic_write(tmp_path / "new.md", b"z")
        (tmp_path / "old.md").write_bytes(b"x")
        (tmp_path / "old.md").chmod(0o640)
        fileio.atomic_write(tmp_path / "old.md", b"y")
        monkeypatch.undo()
    finally:
        os.umask(old_mask)
    assert (tmp_path / "new.md").stat().st_mode & 0o777 == 0o666 & ~mask
    assert ((tmp_path / "old.md").read_bytes(), (tmp_path / "old.md").stat().st_mode & 0o777) == (
        b"y",
        0o640,
    )


KILLED_WRITER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from guidelint import fileio
    if sys.argv[2] == "named":
        fileio._write_unnamed = lambda *args: None
    real_fsync = os.fsync
    def slow_fsync(fd):
        real_fsync(fd)
        print("written, not yet renamed", flush=True)
        time.sleep(60)  # killed here, mid-write
    fileio.os.fsync = slow_fsync
    fileio.atomic_write(Path(sys.argv[1]), b"NEW " * 1_000_000)
    """
)


def test_atomic_write_killed_midway_keeps_the_original(tmp_path: Path, temp_kind: str) -> None:
    """SIGKILL after the data is written but before the rename: the original is intact.

    With O_TMPFILE the half-done file has no name, so nothing is left behind;
    with the named fallback a hidden ``.guide.md.*.tmp`` remains, which is
    never taken for a guide.
    """
    target = tmp_path / "guide.md"
    target.write_bytes(ORIGINAL)
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(target), temp_kind],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "written, not yet renamed\n"
        assert target.read_bytes() == ORIGINAL  # a reader sees the old file meanwhile
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -signal.SIGKILL
    assert target.read_bytes() == ORIGINAL
    left = sorted(set(os.listdir(tmp_path)) - {"guide.md"})
    if temp_kind == "unnamed":
        assert left == []
    else:
        assert len(left) == 1 and left[0].startswith(".guide.md.") and left[0].endswith(".tmp")
        assert not is_guide_name(left[0])


# -- every write goes through atomic_write ------------------------------------------

# Writes allowed outside fileio.py, each with the reason it needs no atomicity.
ALLOWED_WRITES: set[tuple[str, str]] = (
    set()
)  # fileio.ensure_cache_folder writes the cache's .gitignore


def test_every_write_goes_through_atomic_write() -> None:
    problems: list[str] = []
    for path in sorted((ROOT / "src" / "guidelint").rglob("*.py")):
        if path.name == "fileio.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            writes = name in ("write_text", "write_bytes", "replace", "rename", "truncate")
            if name == "open" and len(node.args) > 1:
                mode = node.args[1]
                writes = isinstance(mode, ast.Constant) and any(
                    c in str(mode.value) for c in "wax+"
                )
            if name == "open" and any(k.arg == "mode" for k in node.keywords):
                writes = True
            if writes and (path.name, name) not in ALLOWED_WRITES:
                if name == "replace" and not ast.unparse(func).startswith("os."):
                    continue  # str.replace / dataclasses.replace
                problems.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:80]}")
    assert problems == []
