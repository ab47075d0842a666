"""Shared test helpers: lint a guide written inline, run the CLI in-process.

Every test passes a fixed "today" (TODAY below); nothing here reads the real
calendar, so the suite gives the same answers in any year.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from guidelint.cli import cli
from guidelint.config import build_config
from guidelint.diagnostic import Diagnostic
from guidelint.engine import RunOptions, lint
from guidelint.rules.examples import example

TODAY = dt.date(2026, 11, 26)


def guide(body: str, extra: str = "") -> str:
    """A valid guide with ``body`` (dedented) and extra front-matter lines.

    The same guide the rule docs' examples are built on.
    """
    return example(textwrap.dedent(body), textwrap.dedent(extra))


LintFn = Callable[..., list[Diagnostic]]


@pytest.fixture
def lint_text(tmp_path: Path) -> LintFn:
    """``lint_text(text, select=..., config=..., today=..., files=...)`` -> findings.

    The guide is written to ``content/guide.md`` under a temporary folder
    (``files`` adds more guides beside it, for cross-guide rules) and checked
    with the library, not the CLI.
    """

    def run(
        text: str | bytes,
        *,
        select: str | tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        config: Mapping[str, Any] | None = None,
        today: dt.date = TODAY,
        files: Mapping[str, str] | None = None,
        name: str = "guide.md",
    ) -> list[Diagnostic]:
        root = tmp_path / "content"
        root.mkdir(exist_ok=True)
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        for other, content in (files or {}).items():
            (root / other).parent.mkdir(parents=True, exist_ok=True)
            (root / other).write_text(content, encoding="utf-8")
        chosen = frozenset((select,) if isinstance(select, str) else select)
        cfg = build_config(dict(config or {}), tmp_path, "test")
        options = RunOptions(today=today, select=chosen, ignore=frozenset(ignore), jobs=1)
        return list(lint([target], cfg, options, cwd=tmp_path).diagnostics)

    return run


@dataclass
class CliResult:
    """Exit code and captured streams of one CLI run."""

    code: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., CliResult]:
    """Run ``guidelint ARGS`` in-process in ``cwd``; returns code, stdout, stderr."""

    def run(*args: str, cwd: Path | None = None, env: Mapping[str, str] | None = None) -> CliResult:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        for var in ("GITHUB_ACTIONS", "GUIDELINT_TODAY", "NO_COLOR", "CI"):
            monkeypatch.delenv(var, raising=False)
        runner = CliRunner()
        result = runner.invoke(cli, list(args), env=dict(env or {}), catch_exceptions=False)
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run
