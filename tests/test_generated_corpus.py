"""A generated corpus with planted defects: guidelint finds exactly what was planted.

``benchmarks/gen_corpus.py`` writes a few hundred realistic guides, plants
every kind of defect at known lines and records them in a manifest; here the
library lints the corpus (serially and with a process pool) and the findings
must equal the manifest: precision and recall 1.0, trap text never flagged.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from guidelint.config import build_config
from guidelint.engine import RunOptions, lint
from tests.util import load_benchmark

COUNT = 300
Finding = tuple[str, int, str]


gen = load_benchmark("gen_corpus")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("corpus")
    return out, gen.generate(out, COUNT, seed=7, defect_rate=0.3)


def _lint(out: Path, manifest: dict[str, Any], jobs: int = 1) -> set[Finding]:
    """Lint the corpus with the library, as the manifest says: its today, its rules."""
    config = build_config({"content_root": str(out)}, out, "test")
    options = RunOptions(
        today=dt.date.fromisoformat(manifest["today"]),
        select=frozenset(manifest["rules"]),
        jobs=jobs,
    )
    result = lint([out], config, options, cwd=out)
    assert result.files == manifest["count"]
    return {(d.path, d.line, d.rule) for d in result.diagnostics}


def _expected(manifest: dict[str, Any]) -> set[Finding]:
    return {(d["path"], d["line"], d["rule"]) for d in manifest["defects"]}


@pytest.mark.parametrize("jobs", [1, 2])
def test_findings_equal_the_manifest(corpus: tuple[Path, dict[str, Any]], jobs: int) -> None:
    out, manifest = corpus
    found = _lint(out, manifest, jobs)
    expected = _expected(manifest)
    kinds = {(d["path"], d["line"], d["rule"]): d["kind"] for d in manifest["defects"]}
    missed = sorted((f, kinds[f]) for f in expected - found)
    extra = sorted(found - expected)
    assert (missed, extra) == ([], [])


def test_findings_equal_the_manifest_on_another_seed(tmp_path: Path) -> None:
    # Seed 1 plants "92% of the Data Analysts we surveyed": "the Data" once
    # passed for a reference back to a cited source.
    manifest = gen.generate(tmp_path, COUNT, seed=1, defect_rate=0.3)
    assert _lint(tmp_path, manifest) == _expected(manifest)


def test_every_defect_kind_is_planted(corpus: tuple[Path, dict[str, Any]]) -> None:
    _, manifest = corpus
    kinds = Counter(d["kind"].split(" (")[0] for d in manifest["defects"])
    assert set(kinds) == set(gen.DEFECTS)
    # 300 guides at 30% plant far more than one defect per kind.
    assert sum(kinds.values()) > 2 * len(gen.DEFECTS)


def test_generation_is_deterministic(tmp_path: Path) -> None:
    first = gen.generate(tmp_path / "a", 40, seed=3)
    second = gen.generate(tmp_path / "b", 40, seed=3)
    assert first == second
    names = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.md"))
    assert names == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.md"))
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert gen.generate(tmp_path / "c", 40, seed=4) != first


def test_clean_corpus_has_no_findings(tmp_path: Path) -> None:
    manifest = gen.generate(tmp_path, 80, seed=11, defect_rate=0.0)
    assert manifest["defects"] == []
    assert _lint(tmp_path, manifest) == set()


def test_manifest_is_written_next_to_the_guides(corpus: tuple[Path, dict[str, Any]]) -> None:
    out, manifest = corpus
    assert json.loads((out / gen.MANIFEST).read_text(encoding="utf-8")) == manifest
    sizes = [p.stat().st_size for p in out.rglob("*.md")]
    assert 6_500 < sum(sizes) / len(sizes) < 9_000  # realistic guides, about 7.6 KB
