"""gotcha-answers: every gotcha has a non-empty strong and weak answer."""

from __future__ import annotations

import pytest

from tests.conftest import LintFn, guide
from tests.util import spots

RULE = "gotcha-answers"
BODY_LINE = 9

FULL = """\
## The canonical PMM gotcha

What is the difference between product management and product marketing?

### Strong answer

Accountability: the PM owns what ships, the PMM owns how it is understood.

### Weak answer

The PM builds it and the PMM sells it.
"""


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(FULL, id="full"),
        pytest.param(
            FULL.replace("### Strong answer", "### strong").replace("### Weak answer", "### WEAK"),
            id="bare-words-any-case",
        ),
        pytest.param(FULL.replace("### ", "##### ").replace("## The", "#### The"), id="any-level"),
        pytest.param(
            "## Gotcha\n\n### Strong answer\n\n```\nSELECT 1;\n```\n\n### Weak answer\n\n- a list\n",
            id="code-block-and-list-are-content",
        ),
        pytest.param(
            "## Gotcha\n\n### Strong answer\n\n> Quoted answer.\n\n### Weak answer\n\n![x](x.png)\n",
            id="quote-and-image-are-content",
        ),
        pytest.param(
            "## Forgotten steps\n\nNo gotcha word as a whole word here.\n", id="not-gotcha"
        ),
        pytest.param(
            "# Gotchas\n\n" + FULL.replace("## The canonical", "## Another"),
            id="container-heading",
        ),
    ],
)
def test_complete_gotchas_pass(lint_text: LintFn, body: str) -> None:
    assert lint_text(guide(body), select=RULE) == []


def test_missing_weak_answer_is_reported_at_the_gotcha_heading(lint_text: LintFn) -> None:
    body = FULL.split("### Weak answer")[0]
    found = lint_text(guide(body), select=RULE)
    assert spots(found) == [(BODY_LINE, 1, RULE)]
    assert "no weak answer" in found[0].message
    assert "'### Weak answer'" in found[0].message


def test_missing_strong_answer(lint_text: LintFn) -> None:
    body = FULL.split("### Strong answer")[0] + "### Weak answer" + FULL.split("### Weak answer")[1]
    found = lint_text(guide(body), select=RULE)
    assert spots(found) == [(BODY_LINE, 1, RULE)]
    assert "no strong answer" in found[0].message


def test_both_missing_gives_two_findings(lint_text: LintFn) -> None:
    found = lint_text(guide("## The gotcha\n\nWhat differs?\n"), select=RULE)
    assert spots(found) == [(BODY_LINE, 1, RULE), (BODY_LINE, 1, RULE)]


def test_empty_answer_is_reported_at_its_sub_heading(lint_text: LintFn) -> None:
    body = "## The gotcha\n\nWhat differs?\n\n### Strong answer\n\n### Weak answer\n\nThey sell.\n"
    found = lint_text(guide(body), select=RULE)
    assert spots(found) == [(BODY_LINE + 4, 1, RULE)]
    assert "empty" in found[0].message


def test_answer_at_the_same_level_is_outside_the_gotcha(lint_text: LintFn) -> None:
    body = FULL.replace("### Weak answer", "## Weak answer")
    assert spots(lint_text(guide(body), select=RULE)) == [(BODY_LINE, 1, RULE)]


def test_each_gotcha_under_a_container_is_checked(lint_text: LintFn) -> None:
    body = "# Gotchas\n\n" + FULL.replace("## The canonical", "## One") + "\n## Gotcha two\n\nQ?\n"
    found = lint_text(guide(body), select=RULE)
    assert spots(found) == [(BODY_LINE + 14, 1, RULE), (BODY_LINE + 14, 1, RULE)]


@pytest.mark.parametrize("heading", ["## CSS gotchas", "## Rollback gotchas", "## Common gotchas"])
def test_a_plural_heading_naming_pitfalls_is_a_container(lint_text: LintFn, heading: str) -> None:
    body = f"{heading}\n\n- Margins collapse between siblings.\n- Rollbacks skip data fixes.\n"
    assert lint_text(guide(body), select=RULE) == []


def test_answers_written_as_bold_labels_say_a_sub_heading_is_needed(lint_text: LintFn) -> None:
    body = (
        "## The canonical PMM gotcha\n\nWhat does a PMM own?\n\n"
        "**Strong answer:** How the market understands the product.\n\n"
        "**Weak answer:** The launch email.\n"
    )
    found = lint_text(guide(body), select=RULE)
    assert len(found) == 2
    assert all("bold label" in d.message and "sub-heading" in d.message for d in found)
    assert "### Strong answer" in found[0].message
