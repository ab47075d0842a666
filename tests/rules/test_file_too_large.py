"""file-too-large: a file over max_file_size is reported and not read."""

from __future__ import annotations

from tests.conftest import LintFn, guide
from tests.util import spots

RULE = "file-too-large"


def test_over_the_limit_is_one_finding_and_nothing_else(lint_text: LintFn) -> None:
    text = guide("92% unsourced. " * 400 + "\n")
    found = lint_text(text, config={"max_file_size": 4096})
    assert spots(found) == [(1, 1, RULE)]
    assert "over max_file_size (4096)" in found[0].message


def test_under_the_limit_passes(lint_text: LintFn) -> None:
    assert lint_text(guide("Short.\n"), select=RULE, config={"max_file_size": 4096}) == []


def test_default_limit_is_five_megabytes(lint_text: LintFn) -> None:
    big = guide("word " * 200_000 + "\n")  # about 1 MB
    assert lint_text(big, select=RULE) == []
