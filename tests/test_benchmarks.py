"""The benchmark harness cannot rot silently.

The floor does guidelint's parsing work; the report's verdicts follow the numbers.

``benchmarks/bench.py`` and ``benchmarks/floor.py`` are run by hand (see
docs/performance.md); here the floor runs on a tiny generated corpus and its
counts are checked against guidelint's own reading of the same files, and the
pure target/report functions of bench.py are fed known numbers.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from guidelint.engine import load_schema_validator
from guidelint.guide import read_guide
from tests.util import load_benchmark

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


floor = load_benchmark("floor")
bench = load_benchmark("bench")
gen = load_benchmark("gen_corpus")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    gen.generate(root, 20, seed=3, defect_rate=0.5)
    (root / "loose.md").write_text("No front matter, just *text*.\n", encoding="utf-8")
    (root / "broken.md").write_text("---\ntitle: [\n---\nBody.\n", encoding="utf-8")
    (root / "schema.md").write_text("---\ntitle: Short\nslug: Not A Slug\n---\nBody.\n")
    return root


def test_floor_counts_match_guidelints_reading(corpus: Path) -> None:
    paths = sorted(corpus.rglob("*.md"))
    validator = load_schema_validator(None)
    metas = blocks = errors = 0
    for path in paths:
        guide = read_guide(path.name, path.read_bytes())
        if guide.meta is not None:
            metas += 1
            errors += sum(1 for _ in validator.iter_errors(dict(guide.meta)))
        blocks += len(guide.body.blocks)
    assert floor.run(str(corpus)) == (len(paths), metas, blocks, errors)
    assert len(paths) == 23 and metas == 21 and blocks > 20 * 10 and errors > 0


def test_floor_cli_jobs_and_bare_markdown(corpus: Path) -> None:
    files, metas, blocks, errors = floor.run(str(corpus))
    script = str(BENCH / "floor.py")
    pooled = subprocess.run(
        [sys.executable, script, str(corpus), "--jobs", "2"], capture_output=True, text=True
    )
    assert pooled.returncode == 0, pooled.stderr
    assert pooled.stdout == (
        f"files={files} front_matters={metas} blocks={blocks} schema_errors={errors}\n"
    )
    bare = floor.run(str(corpus), bare_markdown=True)
    assert bare[:2] == (files, metas) and bare[3] == errors
    assert bare[2] > blocks  # raw events outnumber folded blocks


def test_floor_deals_work_as_guidelint_does() -> None:
    from guidelint import engine

    assert floor.CHUNK_FILES == engine.CHUNK_FILES


def _stats(wall: float, rss: float = 30.0) -> object:
    return bench.Stats(wall=wall, rss_mib=rss, low=wall, high=wall, runs=5)


def test_targets_pass_and_fail_by_the_numbers() -> None:
    corpus = {
        1000: {
            bench.GL2: _stats(1.2, 30.0),
            bench.FLOOR2: _stats(1.0),
            bench.MDL: _stats(20.0),
            bench.GL1: _stats(2.0, 28.0),
        },
        10000: {
            bench.GL2: _stats(14.0, 60.0),  # 1.4x the floor, 0.07x markdownlint, RSS 2x
            bench.FLOOR2: _stats(10.0),
            bench.MDL: _stats(200.0),
            bench.GL1: _stats(20.0, 41.0),  # RSS 1.46x
        },
    }
    staged = {10000: {bench.STAGED_WARM: _stats(0.13), bench.IMPORT: _stats(0.1)}}
    checks = bench.evaluate(corpus, staged)
    verdicts = {c.name: (round(c.value, 3), c.verdict) for c in checks}
    assert verdicts == {
        "1,000 guides: `--jobs 2` / floor `--jobs 2`": (1.2, "PASS"),
        "1,000 guides: `--jobs 2` / markdownlint-cli2": (0.06, "PASS"),
        "10,000 guides: `--jobs 2` / floor `--jobs 2`": (1.4, "FAIL"),
        "10,000 guides: `--jobs 2` / markdownlint-cli2": (0.07, "PASS"),
        "10,000-guide root: staged guide, warm / bare import": (1.3, "PASS"),  # limit inclusive
        "peak RSS `guidelint check --jobs 1`: 10,000 / 1,000 guides": (1.464, "PASS"),
        "peak RSS `guidelint check --jobs 2`: 10,000 / 1,000 guides": (2.0, "FAIL"),
    }
    report = bench.render(corpus, staged, checks, {"machine": "test"})
    assert "| 10,000 guides: `--jobs 2` / floor `--jobs 2` | 1.400× | ≤ 1.3× | FAIL |" in report
    assert "| `guidelint check --jobs 2` | 1.200 (1.200–1.200) | 30.0 | 14.000" in report
    assert report.startswith("- machine: test\n")


def test_missing_markdownlint_is_na_with_the_reason() -> None:
    corpus = {1000: {bench.GL2: _stats(1.0), bench.FLOOR2: _stats(1.0)}}
    checks = bench.evaluate(corpus, {}, {bench.MDL: "npm is not installed"})
    assert [(c.verdict, c.why) for c in checks] == [("PASS", ""), ("n/a", "npm is not installed")]
    report = bench.render(corpus, {}, checks)
    assert "n/a (npm is not installed) | ≤ 0.1× | n/a |" in report


instructions = load_benchmark("instructions")


def test_instruction_counts_are_read_from_callgrinds_report() -> None:
    report = "==41== Events    : Ir\n==41== Collected : 561478734\n==41==\n==41== I   refs: 561,478,734\n"
    assert instructions.collected(report) == 561478734
    with pytest.raises(bench.BenchError):
        instructions.collected("valgrind: command not found\n")


def test_the_staged_guide_may_cost_five_percent_more_and_no_more() -> None:
    assert instructions.verdict(1000, 1050).endswith("| +5.0% | ≤ +5% | PASS |")
    assert instructions.verdict(1000, 1051).endswith("| +5.1% | ≤ +5% | FAIL |")
