"""The report of the shared test corpus, built once per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidelint.config import build_config
from guidelint.report import Report, collect
from tests.conftest import TODAY
from tests.report_corpus import write_corpus


@pytest.fixture
def corpus_report(tmp_path: Path) -> Report:
    """The freshness report of tests/report_corpus.py's guides on TODAY."""
    content = write_corpus(tmp_path)
    return collect([content], build_config({}, tmp_path, "test"), TODAY, cwd=tmp_path)
