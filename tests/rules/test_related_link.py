"""related-link: related slugs and links to .md guides must exist."""

from __future__ import annotations

import pytest

from tests.conftest import LintFn, guide
from tests.util import col, spots

RULE = "related-link"
OTHER = guide("Other.\n").replace("slug: pm-vs-pmm", "slug: ai-pm-interview-prep")
FILES = {"ai-pm-interview-prep.md": OTHER}


def test_existing_related_slug_passes(lint_text: LintFn) -> None:
    text = guide("Body.\n", "related: [ai-pm-interview-prep]\n")
    assert lint_text(text, select=RULE, files=FILES) == []


def test_own_slug_counts_as_existing(lint_text: LintFn) -> None:
    assert lint_text(guide("Body.\n", "related: [pm-vs-pmm]\n"), select=RULE) == []


def test_missing_related_slug_is_reported_at_its_list_item(lint_text: LintFn) -> None:
    text = guide("Body.\n", "related:\n  - ai-pm-interview-prep\n  - b2b-pm-interview\n")
    found = lint_text(text, select=RULE, files=FILES)
    assert spots(found) == [(9, 5, RULE)]
    assert "'b2b-pm-interview'" in found[0].message


@pytest.mark.parametrize(
    "link",
    [
        "[AI PM](ai-pm-interview-prep.md)",
        "[AI PM](./ai-pm-interview-prep.md#loops)",
        "[site](https://example.com/missing.md)",
        "[anchor](#salary)",
        "[img](diagram.png)",
    ],
)
def test_links_that_resolve_or_are_not_local_guides_pass(lint_text: LintFn, link: str) -> None:
    assert lint_text(guide(f"See {link} too.\n"), select=RULE, files=FILES) == []


def test_link_to_a_missing_guide_is_reported_at_the_link(lint_text: LintFn) -> None:
    line = "See [B2B](b2b-pm-interview.md) and [C](sub/consumer%20pm.md) too."
    found = lint_text(guide(line + "\n"), select=RULE, files=FILES)
    assert spots(found) == [(9, col(line, "[B2B]"), RULE), (9, col(line, "[C]"), RULE)]
    assert "consumer pm.md" in found[1].message


def test_related_slug_in_a_file_not_being_checked_is_seen(lint_text: LintFn) -> None:
    # Only guide.md is linted, but the whole content root is indexed.
    nested = {"deep/more/ai.md": OTHER}
    text = guide("Body.\n", "related: [ai-pm-interview-prep]\n")
    assert lint_text(text, select=RULE, files=nested) == []


@pytest.mark.parametrize(
    "dest", ["a%00b.md", "x" * 5000 + ".md", "%C3%28.md"], ids=["NUL", "too long", "not UTF-8"]
)
def test_a_link_no_file_system_can_hold_is_a_missing_guide(lint_text: LintFn, dest: str) -> None:
    # pathlib's exists() raised OSError (ENAMETOOLONG) on a 5,000-character name.
    found = lint_text(guide(f"See [it]({dest}).\n"), select=RULE)
    assert spots(found) == [(9, 5, RULE)]


def test_a_related_guide_whose_opening_line_has_trailing_spaces_exists(lint_text: LintFn) -> None:
    other = (
        guide("Other.\n").replace("slug: pm-vs-pmm", "slug: other").replace("---\n", "---  \n", 1)
    )
    mine = guide("Body.\n", extra="related: [other]\n")
    assert lint_text(mine, select=RULE, files={"other.md": other}) == []
