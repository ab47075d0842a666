"""Determinism: the same findings, in the same order, byte for byte.

The same corpus is checked with ``--jobs 1`` and ``--jobs N``, with a cold
and a warm cache, and in separate processes with different hash seeds (a
``set`` iterates in a different order under each seed, so this is where an
unsorted collection would show).  Every output format is compared.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guidelint.formatters import FORMATS
from guidelint.report_formats import FORMATS as REPORT_FORMATS
from tests.conftest import guide
from tests.util import load_benchmark

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-26"
COUNT = 120  # over engine.PARALLEL_THRESHOLD, so --jobs N really uses a process pool


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated corpus with planted defects, plus hostile files, and a cache folder."""
    folder = tmp_path_factory.mktemp("determinism")
    content = folder / "content"
    load_benchmark("gen_corpus").generate(content, COUNT, seed=11, defect_rate=0.4)
    (content / "manifest.json").unlink()
    hostile = content / "hostile"
    hostile.mkdir()
    (hostile / "empty.md").write_bytes(b"")
    (hostile / "latin1.md").write_bytes(guide("Caf\u00e9 12%.\n").encode("latin-1"))
    (hostile / "crlf.md").write_bytes(guide("Rose 12% today.\n").replace("\n", "\r\n").encode())
    (hostile / "dangling.md").symlink_to("nowhere.md")
    (hostile / "same slug é.md").write_text(guide("Twice.\n"), encoding="utf-8")
    (hostile / "same slug 2.md").write_text(guide("Twice.\n"), encoding="utf-8")
    (folder / ".guidelint.yaml").write_text(
        "content_root: content\ncache_dir: .cache\n", encoding="utf-8"
    )
    return folder


def run(folder: Path, *args: str, jobs: int, seed: str, cold: bool = False) -> bytes:
    """``guidelint ARGS`` in a fresh process; its stdout bytes."""
    if cold:
        shutil.rmtree(folder / ".cache", ignore_errors=True)
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "CI", "NO_COLOR")},
        "PYTHONHASHSEED": seed,
        "GUIDELINT_TODAY": TODAY,
    }
    done = subprocess.run(
        [sys.executable, "-m", "guidelint", *args, "--jobs", str(jobs)],
        cwd=folder,
        env=env,
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")
    assert done.stderr == b"", done.stderr.decode("utf-8", "replace")
    return done.stdout


def test_check_is_identical_across_jobs_caches_and_runs(corpus: Path) -> None:
    check = ("check", "--format", "json")
    first = run(corpus, *check, jobs=1, seed="0", cold=True)
    # The warm runs below must really read a cache: the first run wrote one.
    assert list((corpus / ".cache").glob("slugs-*.json"))
    variants = {
        "jobs 1, warm cache, another seed": run(corpus, *check, jobs=1, seed="1"),
        "jobs 2, cold cache": run(corpus, *check, jobs=2, seed="2", cold=True),
        "jobs 2, warm cache": run(corpus, *check, jobs=2, seed="3"),
        "jobs 3, warm cache": run(corpus, *check, jobs=3, seed="4"),
        "jobs 1, random seed": run(corpus, *check, jobs=1, seed="random"),
    }
    for name, output in variants.items():
        assert output == first, name
    document = json.loads(first)
    found = [(d["path"], d["line"], d["column"], d["rule"]) for d in document["diagnostics"]]
    assert found == sorted(found)
    # The corpus really has findings of many kinds, in many files, to order.
    assert len({d[3] for d in found}) >= 8
    assert len({d[0] for d in found}) >= 30
    assert document["files"] == COUNT + 6


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "json"])
def test_every_check_format_is_identical_with_jobs(corpus: Path, fmt: str) -> None:
    serial = run(corpus, "check", "--format", fmt, jobs=1, seed="0")
    parallel = run(corpus, "check", "--format", fmt, jobs=2, seed="5", cold=True)
    assert serial == parallel
    assert serial.strip()


@pytest.mark.parametrize("fmt", list(REPORT_FORMATS))
def test_every_report_format_is_identical_with_jobs(corpus: Path, fmt: str) -> None:
    serial = run(corpus, "report", "--format", fmt, jobs=1, seed="0")
    parallel = run(corpus, "report", "--format", fmt, jobs=2, seed="6", cold=True)
    assert serial == parallel
    assert serial.strip()
