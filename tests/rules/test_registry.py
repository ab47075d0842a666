"""Every rule module is registered, documented, and its examples tell the truth."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

import pytest

import guidelint.rules as rules_pkg
from guidelint.config import build_config
from guidelint.context import Context
from guidelint.diagnostic import Diagnostic
from guidelint.engine import RunOptions, lint
from guidelint.guide import read_guide
from guidelint.rules import RULES
from guidelint.rules.examples import EXAMPLE_TODAY, example
from guidelint.sources import Result

RULES_DIR = Path(rules_pkg.__file__).parent
MODULES = sorted(p.stem for p in RULES_DIR.glob("*.py") if p.stem not in ("__init__", "examples"))
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
    result = lint([target], cfg, RunOptions(today=TODAY, sources=_sources(name)), cwd=tmp_path)
    return list(result.diagnostics)


def _sources(name: str) -> dict[str, Result] | None:
    """A rule that needs the network declares EXAMPLE_SOURCES: what checking its URLs found."""
    said = getattr(RULES[name], "EXAMPLE_SOURCES", None)
    if said is None:
        return None
    return {url: Result(url, verdict, new_url=new) for url, (verdict, new) in said.items()}


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


@pytest.mark.parametrize("name", sorted(RULES))
def test_rule_needs_are_ones_the_engine_provides(name: str) -> None:
    assert rules_pkg.NEEDS.keys() >= RULES[name].NEEDS


class _Probe:
    """A rule module stand-in: records what the engine gave it."""

    NAME = "probe"
    SEVERITY = "warning"
    SUMMARY = "records its context"
    OPTIONS: ClassVar[dict[str, object]] = {}
    EXAMPLE_FAIL = EXAMPLE_PASS = ""
    __doc__ = "Probe.\n\nWhy: tests.\n\nFix: none."

    def __init__(self, needs: frozenset[str]) -> None:
        self.NEEDS = needs
        self.seen: list[Context] = []

    def check(self, guide: object, ctx: Context) -> list[Diagnostic]:
        self.seen.append(ctx)
        return []


@pytest.mark.parametrize("needs", [frozenset(), frozenset({"corpus"})])
def test_a_new_rule_gets_the_corpus_only_when_it_declares_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, needs: frozenset[str]
) -> None:
    root = tmp_path / "content"
    root.mkdir()
    (root / "a.md").write_text(example("Body.\n"), encoding="utf-8")
    (root / "b.md").write_text(NEIGHBOUR.replace("slug: pm-vs-pmm", "slug: other"), "utf-8")
    probe = _Probe(needs)
    monkeypatch.setitem(RULES, "probe", probe)  # type: ignore[arg-type]
    options = RunOptions(today=TODAY, select=frozenset({"probe"}))
    lint([root / "a.md"], build_config({}, tmp_path, "test"), options, cwd=tmp_path)
    (ctx,) = probe.seen
    assert bool(ctx.index.paths_for("pm-vs-pmm")) == ("corpus" in needs)


def test_only_a_rule_that_needs_it_runs_on_an_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "content"
    root.mkdir()
    (root / "a.md").write_bytes(b"\xff\xfe binary")
    plain, reporter = _Probe(frozenset()), _Probe(frozenset({"unreadable"}))
    monkeypatch.setitem(RULES, "plain", plain)  # type: ignore[arg-type]
    monkeypatch.setitem(RULES, "reporter", reporter)  # type: ignore[arg-type]
    options = RunOptions(today=TODAY, select=frozenset({"plain", "reporter"}))
    lint([root / "a.md"], build_config({}, tmp_path, "test"), options, cwd=tmp_path)
    assert (len(plain.seen), len(reporter.seen)) == (0, 1)
