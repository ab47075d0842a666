"""guide.read_guide: front matter split, key positions, byte positions, encodings."""

from __future__ import annotations

import pytest

from guidelint.guide import read_guide
from tests.conftest import LintFn, guide
from tests.util import spots

FRONT = "---\ntitle: PM vs PMM interview loops\nslug: pm-vs-pmm\nupdated: 2026-06-15\n---\n"

# Findings on the front matter (schema, line 7) and in the body (a gotcha with
# no weak answer, an uncited statistic after a multi-byte character, a table row).
MIXED = guide(
    """\
    Intro café line.

    ## The gotcha: what differs?

    ### Strong answer

    Text.

    ## Next

    Leaders — say 92% and earn $200k-$300k base pay.

    | é | b |
    |---|---|
    | ü | 7% |
    """,
    "updatd: 2026-07\n",
)
MIXED_EXPECTED = [
    (7, 1, "schema"),
    (12, 1, "gotcha-answers"),
    (20, 15, "stat-source"),
    (20, 28, "salary-date"),
    (24, 7, "stat-source"),
]


def test_mixed_guide_positions_with_lf(lint_text: LintFn) -> None:
    assert spots(lint_text(MIXED)) == MIXED_EXPECTED


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(MIXED.replace("\n", "\r\n").encode(), id="crlf"),
        pytest.param(b"\xef\xbb\xbf" + MIXED.encode(), id="bom"),
        pytest.param(b"\xef\xbb\xbf" + MIXED.replace("\n", "\r\n").encode(), id="bom-crlf"),
    ],
)
def test_crlf_and_bom_give_the_same_lines_and_columns(lint_text: LintFn, data: bytes) -> None:
    # Regression: a CRLF file's closing '---' was not found (re.M's $ knows only \n).
    assert spots(lint_text(data)) == MIXED_EXPECTED


def test_key_positions_are_file_lines() -> None:
    text = FRONT.replace("---\n", "---\nsources:\n  - id: a\n    title: T\n", 1)
    parsed = read_guide("g.md", (text + "\nBody.\n").encode())
    assert parsed.key_position("title") == (5, 1)
    assert parsed.key_position("sources", 0) == (3, 5)
    assert parsed.key_position("sources", 0, "title") == (4, 5)
    assert parsed.key_position("missing") == (1, 1)  # the opening '---'
    assert parsed.meta is not None and parsed.meta["updated"] == "2026-06-15"


def test_yaml_date_object_and_quoted_string_read_alike() -> None:
    quoted = read_guide("q.md", FRONT.replace("2026-06-15", '"2026-06-15"').encode())
    plain = read_guide("p.md", FRONT.encode())
    assert quoted.meta == plain.meta


def test_aliases_map_canonical_keys() -> None:
    text = FRONT.replace("updated:", "lastmod:")
    parsed = read_guide("g.md", text.encode(), {"updated": ("lastmod", "date")})
    assert parsed.get("updated") == "2026-06-15"
    assert parsed.key_name("updated") == "lastmod"
    assert parsed.key_position("updated") == (4, 1)


def test_position_counts_characters_not_bytes() -> None:
    data = (FRONT + "\nécu 92%\n").encode()
    parsed = read_guide("g.md", data)
    assert parsed.position(data.index(b"92%")) == (7, 5)


@pytest.mark.parametrize(
    ("text", "where", "fragment"),
    [
        pytest.param("Body only.\n", (1, 1), "no front matter", id="none"),
        pytest.param("---\ntitle: x\n", (1, 1), "not closed", id="unclosed"),
        pytest.param("---\n---\nBody.\n", (1, 1), "empty", id="empty"),
        pytest.param("---\n- a\n- b\n---\n", (2, 1), "a list", id="list"),
        pytest.param("---\ntitle: [x\n---\n", (2, 8), "not valid YAML", id="bad-yaml"),
        pytest.param("---\ntitle: a\ntitle: b\n---\n", (3, 1), "duplicate key", id="dup"),
    ],
)
def test_front_matter_problems(text: str, where: tuple[int, int], fragment: str) -> None:
    parsed = read_guide("g.md", text.encode())
    assert [(p.rule, p.line, p.column) for p in parsed.problems] == [("frontmatter", *where)]
    assert fragment in parsed.problems[0].message


def test_alias_bomb_is_refused_not_expanded() -> None:
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 8):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [{', '.join(['*' + chr(96 + i)] * 10)}]")
    parsed = read_guide("g.md", ("\n".join(lines) + "\n---\n").encode())
    assert parsed.meta is None
    assert "refusing" in parsed.problems[0].message


def test_body_offset_points_after_the_closing_line() -> None:
    data = (FRONT + "Body.\n").encode()
    parsed = read_guide("g.md", data)
    assert parsed.body_text == "Body.\n"
    assert data[parsed.body_offset :] == b"Body.\n"
