"""Small helpers shared by the rule tests."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from guidelint.diagnostic import Diagnostic

Spot = tuple[int, int, str]


BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def load_benchmark(name: str) -> ModuleType:
    """A script of ``benchmarks/`` (not a package) as a module, loaded once."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def spots(found: Iterable[Diagnostic]) -> list[Spot]:
    """``(line, column, rule)`` of each finding, in the engine's order."""
    return [(d.line, d.column, d.rule) for d in found]


def col(line: str, needle: str) -> int:
    """1-based column of ``needle`` in ``line`` (the test's own input, not the output)."""
    return line.index(needle) + 1


def write_tree(root: Path, files: Mapping[str, str]) -> Path:
    """Write ``{relative path: text}`` under ``root`` (dedented); returns ``root``."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@dataclass
class MainResult:
    """Exit code and captured streams of one ``guidelint.cli.main`` call."""

    code: int
    out: str
    err: str

    @property
    def stdout(self) -> str:
        """The same as :attr:`out` (the name ``CliResult`` uses)."""
        return self.out

    @property
    def stderr(self) -> str:
        """The same as :attr:`err`."""
        return self.err


def run_main(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    cwd: Path,
    *args: str,
    env: Mapping[str, str] | None = None,
) -> MainResult:
    """Run the console-script entry point ``main(args)`` in ``cwd``, as a user would."""
    from guidelint.cli import main

    monkeypatch.chdir(cwd)
    for var in ("GITHUB_ACTIONS", "GUIDELINT_TODAY", "NO_COLOR", "CI"):
        monkeypatch.delenv(var, raising=False)
    for var, value in (env or {}).items():
        monkeypatch.setenv(var, value)
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return MainResult(code, captured.out, captured.err)
