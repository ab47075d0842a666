"""frontmatter: a guide starts with a YAML mapping between two '---' lines."""

from __future__ import annotations

import pytest

from tests.conftest import LintFn, guide
from tests.util import spots

RULE = "frontmatter"


@pytest.mark.parametrize(
    ("text", "where", "fragment"),
    [
        pytest.param("# Just a body\n\n92% of it.\n", (1, 1), "no front matter", id="missing"),
        pytest.param("\n---\ntitle: x\n---\n", (1, 1), "no front matter", id="not-first-line"),
        pytest.param("---\ntitle: PM vs PMM loops\n\nBody.\n", (1, 1), "not closed", id="unclosed"),
        pytest.param("---\n---\n\nBody.\n", (1, 1), "empty", id="empty"),
        pytest.param("---\n- a\n- b\n---\n", (2, 1), "a list", id="list"),
        pytest.param("---\njust text\n---\n", (2, 1), "a single value", id="scalar"),
        pytest.param(
            guide("Body.\n").replace("owner: careers-editorial", "owner: [careers"),
            (6, 8),
            "not valid YAML",
            id="invalid-yaml",
        ),
        pytest.param(
            guide("Body.\n", "title: Again, a title here\n"), (7, 1), "duplicate key", id="dup"
        ),
    ],
)
def test_front_matter_problems(
    lint_text: LintFn, text: str, where: tuple[int, int], fragment: str
) -> None:
    found = lint_text(text, select=RULE)
    assert spots(found) == [(*where, RULE)]
    assert fragment in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        guide("Body.\n"),
        guide("Body.\n").replace("---\n\n", "...\n\n"),  # YAML's document end marker closes too
        guide("Body.\n").replace("\n", "\r\n"),
    ],
)
def test_valid_front_matter_passes(lint_text: LintFn, text: str) -> None:
    assert lint_text(text, select=RULE) == []


def test_body_rules_still_read_a_guide_without_front_matter(lint_text: LintFn) -> None:
    found = lint_text("No front matter, 92% unsourced.\n")
    assert spots(found) == [(1, 1, RULE), (1, 18, "stat-source")]
