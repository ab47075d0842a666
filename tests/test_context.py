"""Findings span what they point at: rules give the end through the context helpers."""

from __future__ import annotations

import pytest

from tests.conftest import LintFn, guide


def _spans(found: list, rule: str) -> list[tuple[int, int, int, int]]:  # type: ignore[type-arg]
    return [(d.line, d.column, d.end_line, d.end_column) for d in found if d.rule == rule]


def _where(text: str, line_text: str, needle: str) -> tuple[int, int, int]:
    """(line, start column, end column just after) of ``needle`` in the line ``line_text``."""
    line = text.splitlines().index(line_text) + 1
    start = line_text.index(needle) + 1
    return line, start, start + len(needle)


@pytest.mark.parametrize(
    ("rule", "body_line", "needle"),
    [
        ("stat-source", "Most PMs, **92%**, were promoted.", "92%"),
        ("stat-source", "Conversion rose by 3 out of 4 teams.", "3 out of 4"),
        ("relative-time", "This is true this year for everyone.", "this year"),
        ("related-link", "See [the other guide](missing.md) now.", "[the other guide](missing.md)"),
        ("salary-date", "The base salary is $120,000 for seniors.", "$120,000"),
    ],
)
def test_body_findings_span_their_text(
    lint_text: LintFn, rule: str, body_line: str, needle: str
) -> None:
    text = guide(f"## Part\n\n{body_line}\n")
    line, start, end = _where(text, body_line, needle)
    assert _spans(lint_text(text, select=rule), rule) == [(line, start, line, end)]


@pytest.mark.parametrize(
    ("extra", "line_text", "needle"),
    [
        ("updatd: 2026-07\n", "updatd: 2026-07", "updatd"),
        ("related: [pm-basics, Not A Slug]\n", "related: [pm-basics, Not A Slug]", "Not A Slug"),
    ],
)
def test_schema_findings_span_the_key(
    lint_text: LintFn, extra: str, line_text: str, needle: str
) -> None:
    text = guide("Body.\n", extra)
    line, start, end = _where(text, line_text, needle)
    assert _spans(lint_text(text, select="schema"), "schema") == [(line, start, line, end)]


def test_a_missing_related_guide_spans_its_slug(lint_text: LintFn) -> None:
    text = guide("Body.\n", "related: [no-such-guide]\n")
    line, start, end = _where(text, "related: [no-such-guide]", "no-such-guide")
    assert _spans(lint_text(text, select="related-link"), "related-link") == [
        (line, start, line, end)
    ]
