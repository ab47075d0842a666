"""dangling-citation: a [^id] that matches no footnote and no sources entry."""

from __future__ import annotations

import pytest

from tests.conftest import LintFn, guide
from tests.util import col, spots

RULE = "dangling-citation"
SOURCES = "sources:\n  - id: survey\n    title: PMM competency survey\n"


@pytest.mark.parametrize(
    ("body", "extra"),
    [
        pytest.param("Leaders say 92%[^a].\n\n[^a]: A survey.\n", "", id="body-footnote"),
        pytest.param("Leaders say 92%[^survey].\n", SOURCES, id="sources-id"),
        pytest.param("Leaders say 92%.[^survey] Then more.\n", SOURCES, id="after-period"),
        pytest.param("Run `x[^nope]` in code.\n", "", id="code-span"),
        pytest.param("```\n[^nope]\n```\n", "", id="code-block"),
    ],
)
def test_resolving_references_pass(lint_text: LintFn, body: str, extra: str) -> None:
    assert lint_text(guide(body, extra), select=RULE) == []


def test_unknown_id_is_reported_at_the_reference(lint_text: LintFn) -> None:
    line = "Leaders say 92%[^survy] and 88%[^survey]."
    found = lint_text(guide(line + "\n", SOURCES), select=RULE)
    assert spots(found) == [(12, col(line, "[^survy]"), RULE)]
    assert "[^survy]" in found[0].message


def test_references_in_tables_headings_and_items(lint_text: LintFn) -> None:
    body = "## Heading[^h]\n\n- item[^i]\n\n| a | b[^t] |\n|---|---|\n| 1 | 2 |\n"
    found = lint_text(guide(body), select=RULE)
    assert spots(found) == [(9, 11, RULE), (11, 7, RULE), (13, 8, RULE)]


def test_dangling_reference_is_still_a_citation_for_stat_source(lint_text: LintFn) -> None:
    found = lint_text(guide("Leaders say 92%[^gone].\n"))
    assert spots(found) == [(9, 16, RULE)]
