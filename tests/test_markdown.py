"""markdown.parse_body: readable prose blocks with exact byte positions."""

from __future__ import annotations

import pytest

from guidelint.markdown import CITE, parse_body


def blocks(body: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in parse_body(body, 0).blocks]


def test_block_kinds_and_text() -> None:
    body = "# Title\n\nA *para* with **bold**.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert blocks(body) == [
        ("heading", "Title"),
        ("paragraph", "A para with bold."),
        ("item", "one"),
        ("item", "two"),
        ("table-head", "a | b"),
        ("table-row", "1 | 2"),
    ]


@pytest.mark.parametrize(
    ("body", "text"),
    [
        pytest.param("Run `grep 92%` now.\n", "Run  code  now.", id="code-span"),
        pytest.param("Share $x = 92\\%$ here.\n", "Share  code  here.", id="inline-math"),
        pytest.param(
            "See [docs](https://x.example/a%20b) now.\n", f"See {CITE}docs now.", id="link"
        ),
        pytest.param("See [top](#salary) now.\n", "See top now.", id="anchor-is-no-citation"),
        pytest.param('A <b title="92%">bold</b> word.\n', "A bold word.", id="inline-html"),
        pytest.param("An ![chart 92%](c.png) here.\n", "An  here.", id="image"),
        pytest.param(
            "Pay runs $200k-$300k now.\n", "Pay runs $200k-$300k now.", id="money-not-math"
        ),
    ],
)
def test_unreadable_parts_are_dropped(body: str, text: str) -> None:
    assert blocks(body) == [("paragraph", text)]


def test_code_blocks_and_html_blocks_are_not_prose() -> None:
    body = "```\n92%\n```\n\n<div>\n92%\n</div>\n\n    indented 92%\n"
    assert blocks(body) == []


def test_pieces_map_characters_back_to_bytes() -> None:
    body = "Intro.\n\nCafé *très* `x` 92%.\n"
    base = 100
    parsed = parse_body(body, base)
    block = parsed.blocks[1]
    source = body.encode()
    char = block.text.index("92%")
    assert block.byte_offset(char) - base == source.index(b"92%")


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("Fee a\\$5 and then 92% more.\n", id="escape"),
        pytest.param("Fee &amp; &#36;5 &eacute; and then 92% more.\n", id="entities"),
        pytest.param("Fee &NotEqualTilde; and then 92% more.\n", id="two-character-entity"),
        pytest.param("£90K a quarter[^survey], then 92% more.\n", id="text-reference"),
        pytest.param("£90K a quarter[^é], then 92% more.\n", id="non-ascii-reference"),
        pytest.param("Café \\*x\\* &lt;é&gt; [^s] then 92% more.\n", id="all-at-once"),
    ],
)
def test_offsets_stay_exact_after_escapes_entities_and_references(body: str) -> None:
    # pulldown-cmark's merged text differs from its source at escapes and
    # entities, and a [^id] left as text becomes a citation marker: the
    # text after any of them still maps to its own bytes.
    (block,) = parse_body(body, 7).blocks
    assert block.byte_offset(block.text.index("92%")) - 7 == body.encode().index(b"92%")
    assert block.byte_offset(block.text.index("more")) - 7 == body.encode().index(b"more")


def test_footnotes_defined_and_referenced() -> None:
    body = "Claim[^a] and[^b].\n\n[^a]: Defined.\n"
    parsed = parse_body(body, 0)
    assert parsed.footnote_defs == frozenset({"a"})
    assert [(r.label, r.offset) for r in parsed.footnote_refs] == [("a", 5), ("b", 13)]
    # The definition's own text is a block marked as a footnote.
    assert [b.in_footnote for b in parsed.blocks] == [False, True]
    assert parsed.blocks[0].text.count(CITE) >= 2


def test_headings_levels_and_offsets() -> None:
    body = "Intro.\n\n## Gotcha: *why*\n\n### Strong\n"
    parsed = parse_body(body, 10)
    assert [(h.level, h.text, h.offset) for h in parsed.headings] == [
        (2, "Gotcha: why", 18),
        (3, "Strong", body.index("### Strong") + 10),
    ]


def test_comments_are_collected_with_byte_ranges() -> None:
    body = "Text.\n\n<!-- guidelint-disable-next-line stat-source -->\nMore <!-- inline --> text.\n"
    parsed = parse_body(body, 0)
    assert [c.text for c in parsed.comments] == [
        "guidelint-disable-next-line stat-source",
        "inline",
    ]
    first = parsed.comments[0]
    assert body.encode()[first.start : first.end].startswith(b"<!--")
    assert body.encode()[first.start : first.end].endswith(b"-->")


def test_sections_with_only_code_are_filled() -> None:
    parsed = parse_body("## A\n\n```\nx\n```\n\n## B\n\n## C\n\n> q\n", 0)
    assert parsed.filled == frozenset({0, 2})


def test_links_are_recorded() -> None:
    parsed = parse_body("[a](other.md) and [b](https://x.example).\n", 0)
    assert [(link.dest, link.offset) for link in parsed.links] == [
        ("other.md", 0),
        ("https://x.example", 18),
    ]
