"""Every rule module is registered, documented, and its examples tell the truth."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import guidelint.rules as rules_pkg
from guidelint.config import build_config
from guidelint.context import Context
from guidelint.diagnostic import Diagnostic
from guidelint.engine import RunOptions, lint
from guidelint.guide import read_guide
from guidelint.rules import RULES
from guidelint.rules._example import EXAMPLE_TODAY, example

RULES_DIR = Path(rules_pkg.__file__).parent
MODULES = sorted(p.stem for p in RULES_DIR.glob("*.py") if p.stem not in ("__init__", "_example"))
TODAY = dt.date(2026, 11, 26)
# Cross-guide rules' examples are checked beside another guide with this slug.
NEIGHBOUR = example("A neighbour guide.\n")


def test_every_module_file_is_registered() -> None:
    registered = {rule.__name__.rsplit(".", 1)[-1] for rule in RULES.values()}  # type: ignore[attr-defined]
    assert registered == set(MODULES)
    assert len(RULES) == len(MODULES)


def test_example_day_is_the_test_day() -> None:
    assert dt.date.fromisoformat(EXAMPLE_TODAY) == TODAY


@pytest.mark.parametrize("name", sorted(RULES))
def test_rule_metadata(name: str) -> None:
    rule = RULES[name]
    assert name == rule.NAME
    assert name == name.lower() and " " not in name
    assert rule.SEVERITY in ("error", "warning")
    assert rule.SUMMARY and "\n" not in rule.SUMMARY
    assert rule.__doc__ and "Why:" in rule.__doc__ and "Fix:" in rule.__doc__
    assert isinstance(rule.OPTIONS, dict)
    assert rule.EXAMPLE_FAIL != rule.EXAMPLE_PASS


def _run(tmp_path: Path, name: str, text: str) -> list[Diagnostic]:
    root = tmp_path / "content"
    root.mkdir(parents=True)
    target = root / "example.md"
    target.write_bytes(text.encode("utf-8", "surrogateescape"))
    config: dict[str, object] = {}
    if name == "file-too-large":
        config["max_file_size"] = 4096
    if name in ("duplicate-slug", "related-link"):
        (root / "neighbour.md").write_text(NEIGHBOUR, encoding="utf-8")
    cfg = build_config(config, tmp_path, "test")
    result = lint([target], cfg, RunOptions(today=TODAY), cwd=tmp_path)
    return list(result.diagnostics)


def _history_check(name: str, text: str) -> list[Diagnostic]:
    """A rule that compares with git declares EXAMPLE_PREVIOUS, the committed version."""
    rule = RULES[name]
    previous = read_guide("example.md", rule.EXAMPLE_PREVIOUS.encode())  # type: ignore[attr-defined]
    ctx = Context(today=TODAY, previous=previous)  # type: ignore[call-arg]
    return list(rule.check(read_guide("example.md", text.encode()), ctx))


def _findings(tmp_path: Path, name: str, text: str) -> list[Diagnostic]:
    if hasattr(RULES[name], "EXAMPLE_PREVIOUS"):
        return _history_check(name, text)
    return _run(tmp_path, name, text)


@pytest.mark.parametrize("name", sorted(RULES))
def test_example_fail_fails(tmp_path: Path, name: str) -> None:
    found = _findings(tmp_path, name, RULES[name].EXAMPLE_FAIL)
    assert name in {d.rule for d in found}, found


@pytest.mark.parametrize("name", sorted(RULES))
def test_example_pass_passes(tmp_path: Path, name: str) -> None:
    found = _findings(tmp_path, name, RULES[name].EXAMPLE_PASS)
    assert name not in {d.rule for d in found}, found
