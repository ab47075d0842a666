"""prose.analyse: sentences, statistics, citations, gotchas, salary claims, markers.

(tests/test_prose.py holds the real-corpus false-positive cases; this file
covers the analysis the rules build on.)
"""

from __future__ import annotations

import datetime as dt

import pytest

from guidelint.dates import PartialDate
from guidelint.guide import read_guide
from guidelint.prose import date_marker, has_pay_word, salary_claims, split_sentences

FRONT = "---\ntitle: Prose analysis guide\n---\n"


def parse(body: str):  # type: ignore[no-untyped-def]
    return read_guide("g.md", (FRONT + body).encode())


def sentences(body: str) -> list[str]:
    """The sentences of the body's prose blocks, as the statistic rules split them."""
    return [
        block.text[start:end].strip()
        for block in parse(body).body.blocks
        for start, end in split_sentences(block.text)
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "One 1% claim. Another one! A third? Yes.\n",
            ["One 1% claim.", "Another one!", "A third?", "Yes."],
        ),
        (
            "E.g. 30% stays, i.e. whole. Then next.\n",
            ["E.g. 30% stays, i.e. whole.", "Then next."],
        ),
        ("PM vs. PMM differ 2x. Dr. Lee agrees.\n", ["PM vs. PMM differ 2x.", "Dr. Lee agrees."]),
        ("Use Python 3.11 today. Then 2.5x more.\n", ["Use Python 3.11 today.", "Then 2.5x more."]),
        ("Said 92%.[^a] Next one.\n\n[^a]: x\n", None),
    ],
)
def test_sentence_splitting(body: str, expected: list[str] | None) -> None:
    found = sentences(body)
    if expected is None:
        assert found[0].startswith("Said 92%.") and found[1] == "Next one."
    else:
        assert found == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("92%", "percent"),
        ("92 percent", "percent"),
        ("3 out of 4", "ratio"),
        ("one in five", "ratio"),
        ("2.5×", "multiplier"),
        ("£90K", "money"),
        ("USD 120,000", "money"),
        ("10,000 usd", "money"),
    ],
)
def test_statistic_kinds(text: str, kind: str) -> None:
    (sentence,) = parse(f"We saw {text} here.\n").prose.sentences
    assert [(s.kind, s.text) for s in sentence.stats] == [(kind, text)]


def test_statistic_offset_is_a_file_byte_offset() -> None:
    guide = parse("Café said 92%.\n")
    (stat,) = guide.prose.sentences[0].stats
    assert guide.source[stat.offset : stat.offset + 3] == b"92%"
    assert guide.position(stat.offset) == (4, 11)


def test_ratio_to_a_year_is_not_a_statistic() -> None:
    assert [s.stats for s in parse("One in 2026 was odd.\n").prose.sentences] == []


@pytest.mark.parametrize(
    ("body", "cited"),
    [
        ("A 92%[^a].\n\n[^a]: x\n", True),
        ("A 92% ([s](https://x.example)).\n", True),
        ("A 92% (Source: survey).\n", True),
        ("A 92% (see below).\n", False),
    ],
)
def test_cited(body: str, cited: bool) -> None:
    assert parse(body).prose.sentences[0].cited is cited


def test_gotcha_structure_and_exempt_blocks() -> None:
    guide = parse(
        "## The gotcha\n\nWhat is 90% of it?\n\nMore context 10%.\n\n"
        "### Strong answer\n\nI grew it 6%.\n\n#### Detail\n\nStill 5%.\n\n"
        "### Weak answer\n\nMaybe 3%.\n\n## Other\n\nPlain 2%.\n"
    )
    (gotcha,) = guide.prose.gotchas
    assert (gotcha.heading, gotcha.strong, gotcha.weak) == (0, 1, 3)
    # The question, the answers (and the answer's sub-section) are exempt
    # blocks: their statistics are never even collected.
    exempt = {s.text.strip(): s.exempt for s in guide.prose.sentences if s.stats}
    assert exempt == {
        "More context 10%.": False,  # only the first paragraph is the question
        "Plain 2%.": False,
    }


@pytest.mark.parametrize(
    ("text", "pay"),
    [
        ("Total comp is high", True),
        ("TC tops out", True),
        ("RSUs vest", True),
        ("OTE splits", True),
        ("She earns more", True),
        ("Companies raised money", False),
        ("The baseline moved", False),  # whole words only
    ],
)
def test_pay_words(text: str, pay: bool) -> None:
    assert has_pay_word(text) is pay


def test_extra_pay_words() -> None:
    assert has_pay_word("A stipend of", ("stipend",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("as of Aug 2026", PartialDate(dt.date(2026, 8, 1), "month")),
        ("as of August 2026", PartialDate(dt.date(2026, 8, 1), "month")),
        ("as of 2026-03", PartialDate(dt.date(2026, 3, 1), "month")),
        ("(2025 data)", PartialDate(dt.date(2025, 1, 1), "year")),
        ("in 2024", PartialDate(dt.date(2024, 1, 1), "year")),
        ("in Sept 2025", PartialDate(dt.date(2025, 9, 1), "month")),
        ("in 2024, then as of Jan 2026", PartialDate(dt.date(2026, 1, 1), "month")),
        ("no marker at all", None),
    ],
)
def test_date_markers(text: str, expected: PartialDate | None) -> None:
    assert date_marker(text) == expected


def test_salary_claims_take_the_first_money_figure_and_marker() -> None:
    guide = parse("Base pay is $200k to $250k as of Aug 2026. The office cost $2M.\n")
    (claim,) = salary_claims(guide)
    assert claim.figure.text == "$200k to $250k"
    assert claim.marker == PartialDate(dt.date(2026, 8, 1), "month")


def test_salary_claims_read_table_header_and_caption() -> None:
    guide = parse(
        "| level | base salary |\n|---|---|\n| L5 | $200k |\n\n_Source: survey, as of May 2026_\n"
    )
    (claim,) = salary_claims(guide)
    assert claim.figure.text == "$200k"
    assert claim.marker == PartialDate(dt.date(2026, 5, 1), "month")
