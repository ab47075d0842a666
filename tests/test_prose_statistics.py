"""prose.statistics: the fast scan and the anchored grammar are one grammar.

``NUMBER_LED`` (with the worded-ratio search) must find exactly what a
left-to-right scan with ``GRAMMAR`` finds; both are built from the same
shape definitions, and these tests hold them to it on real guide text and on
random strings made of the grammar's own tokens.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from guidelint.guide import read_guide
from guidelint.prose.statistics import GRAMMAR, KINDS, scan

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GUIDELINT_SHARED", ROOT.parent / "shared"))
TOKENS = (
    *("1", "12", "3.5", "1,000", "2026", "٣", "x", "×", "%", "％", " ", " ", "\t", "\n"),
    *("-", "–", "—", "to", "+", ".", ",", "_", "(", ")", "“", "’", "\ue000", "a", "b"),
    *("$", "£", "€", "¥", "₹", "k", "K", "M", "bn", "million", "dollars", "euros"),
    *("USD", "usd", "Usd", "EUR", "eur", "percent", "per cent", "pct", "percentage points"),
    *("out of", "Out of", "in", "In", "IN", "every", "one", "Five", "a hundred", "more"),
)


def _anchored(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.lastgroup or "") for m in GRAMMAR.finditer(text)]


def _block_texts(root: Path) -> Iterator[str]:
    for path in sorted(root.rglob("*.md")):
        if "node_modules" not in path.parts:
            yield from (
                block.text for block in read_guide(str(path), path.read_bytes()).body.blocks
            )


def test_every_group_has_a_kind() -> None:
    assert set(GRAMMAR.groupindex) == set(KINDS)
    assert set(KINDS.values()) == {"percent", "money", "multiplier", "ratio"}


def test_the_forms_agree_on_random_token_strings() -> None:
    rng = random.Random(11)
    for _ in range(30_000):
        text = "".join(rng.choice(TOKENS) for _ in range(rng.randint(1, 9)))
        assert scan(text) == _anchored(text), repr(text)


def test_the_forms_agree_on_guide_text() -> None:
    found = 0
    for text in _block_texts(ROOT / "content"):
        matches = scan(text)
        assert matches == _anchored(text), text
        found += len(matches)
    assert found  # the texts hold statistics: the comparison compared something


def test_the_forms_agree_on_the_corpora_lines() -> None:
    """The labeled claims set's candidate lines (benchmarks/claims), read from the corpora."""
    if not (SHARED / "corpora").is_dir():
        pytest.skip(f"no corpora under {SHARED}")
    rows = (ROOT / "benchmarks/claims/candidates.tsv").read_text(encoding="utf-8").splitlines()
    for corpus, path, line in (row.split("\t") for row in rows):
        lines = (SHARED / "corpora" / corpus / path).read_text(encoding="utf-8").splitlines()
        text = lines[int(line) - 1]
        assert scan(text) == _anchored(text), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("USD 120 and 10,000 usd", [("USD 120", "coded"), ("10,000 usd", "money_code")]),
        ("usd 120", []),  # a code before the number is written in capitals
        ("one in five", [("one in five", "worded")]),
        ("3 out of 4 and 2x more", [("3 out of 4", "ratio"), ("2x", "multiplier")]),
        ("$200,000-$500,000+", [("$200,000-$500,000+", "money")]),
    ],
)
def test_scan_shapes(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(text[start:end], group) for start, end, group in scan(text)] == expected
