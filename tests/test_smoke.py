"""The bundled content passes its own checks (the README's first command)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import CliResult

ROOT = Path(__file__).resolve().parent.parent


def test_bundled_content_passes(run_cli) -> None:  # type: ignore[no-untyped-def]
    result: CliResult = run_cli("check", "content", "--today", "2026-11-26", cwd=ROOT)
    assert result.code == 0, result.stdout + result.stderr
    assert "4 file(s), no findings" in result.stdout
