"""The schema verdict cache: same findings, no jsonschema import when warm."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import guide
from tests.util import run_main

BAD = guide("Body.\n", "updatd: 2026-07\ncategory_x: y\n")

PROBE = textwrap.dedent(
    """
    import sys
    from guidelint.cli import main
    code = main(["check", "content", "--today", "2026-11-26", "--format", "json"])
    print("JSONSCHEMA", "jsonschema" in sys.modules, file=sys.stderr)
    raise SystemExit(code)
    """
)


def run(tmp_path: Path) -> tuple[str, bool]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode in (0, 1), done.stderr
    imported = "JSONSCHEMA True" in done.stderr
    return done.stdout, imported


def test_warm_run_gives_the_same_findings_without_importing_jsonschema(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "bad.md").write_text(BAD, encoding="utf-8")
    cold, cold_imported = run(tmp_path)
    warm, warm_imported = run(tmp_path)
    assert '"rule": "schema"' in cold
    assert warm == cold
    assert cold_imported and not warm_imported


def test_a_changed_front_matter_is_validated_again(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    path = content / "g.md"
    path.write_text(BAD, encoding="utf-8")
    first, _ = run(tmp_path)
    path.write_text(BAD.replace("updatd: 2026-07\n", ""), encoding="utf-8")
    second, imported = run(tmp_path)
    assert imported
    assert "updatd" in first and "updatd" not in second


def test_body_edits_reuse_the_verdict(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    path = content / "g.md"
    path.write_text(BAD, encoding="utf-8")
    run(tmp_path)
    path.write_text(BAD + "\nAnother paragraph.\n", encoding="utf-8")
    out, imported = run(tmp_path)
    assert not imported and "updatd" in out


def test_no_cache_means_no_cache_folder(tmp_path: Path) -> None:
    (tmp_path / ".guidelint.yaml").write_text("cache_dir: false\n", encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    (content / "g.md").write_text(BAD, encoding="utf-8")
    _, first = run(tmp_path)
    _, second = run(tmp_path)
    assert first and second
    assert not (tmp_path / ".guidelint_cache").exists()


def test_no_cache_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "g.md").write_text(BAD, encoding="utf-8")
    result = run_main(
        capsys, monkeypatch, tmp_path, "check", "content", "--today", "2026-11-26", "--no-cache"
    )
    assert result.code == 1
    assert not (tmp_path / ".guidelint_cache").exists()


def test_a_validated_config_is_not_validated_again(tmp_path: Path) -> None:
    """With a .guidelint.yaml, the warm path still needs no jsonschema."""
    (tmp_path / ".guidelint.yaml").write_text(
        "rules:\n  stat-source: {scope: paragraph}\n", encoding="utf-8"
    )
    content = tmp_path / "content"
    content.mkdir()
    (content / "g.md").write_text(BAD, encoding="utf-8")
    first, first_imported = run(tmp_path)
    second, second_imported = run(tmp_path)
    assert first == second and first_imported and not second_imported


def test_an_edited_config_is_validated_again(tmp_path: Path) -> None:
    config = tmp_path / ".guidelint.yaml"
    config.write_text("rules:\n  stat-source: {scope: paragraph}\n", encoding="utf-8")
    content = tmp_path / "content"
    content.mkdir()
    (content / "g.md").write_text(BAD, encoding="utf-8")
    run(tmp_path)
    config.write_text("rules:\n  stat-source: {scope: sentences}\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "rules.stat-source.scope" in done.stderr


def test_a_damaged_entry_is_validated_again(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "bad.md").write_text(BAD, encoding="utf-8")
    first, _ = run(tmp_path)
    entries = [p for p in (tmp_path / ".guidelint_cache").rglob("*") if p.is_file()]
    schema_entries = [p for p in entries if "schema-v1" in p.parts]
    assert schema_entries
    for entry in schema_entries:  # json raises RecursionError on this
        entry.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    second, imported = run(tmp_path)
    assert second == first and imported


def test_an_upgrade_does_not_reuse_the_old_verdicts(tmp_path: Path) -> None:
    # The verdict's messages are the old release's: a new release validates anew.
    content = tmp_path / "content"
    content.mkdir()
    (content / "bad.md").write_text(BAD, encoding="utf-8")
    run(tmp_path)
    upgraded = PROBE.replace(
        "import sys\n", "import sys\nimport guidelint\nguidelint.__version__ = '99.0'\n", 1
    )
    done = subprocess.run(
        [sys.executable, "-c", upgraded], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert "JSONSCHEMA True" in done.stderr
    assert '"rule": "schema"' in done.stdout


def test_a_remembered_verdict_keeps_the_span(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "bad.md").write_text(BAD, encoding="utf-8")
    probe = PROBE.replace('"json"', '"sarif"')
    outputs = []
    for _ in range(2):  # cold, then from the cache
        done = subprocess.run(
            [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert '"endColumn": 7' in outputs[1]  # "updatd", columns 1 to 6
