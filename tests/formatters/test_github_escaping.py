"""The github format escapes exactly as actions/toolkit's ``issueCommand`` does."""

from __future__ import annotations

import pytest

from guidelint.diagnostic import Diagnostic
from guidelint.engine import LintResult
from guidelint.formatters import FormatInfo
from guidelint.formatters.github import escape_data, escape_property, render
from tests.conftest import TODAY


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        ("50% off", "50%25 off", "50%25 off"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("a: b, c", "a: b, c", "a%3A b%2C c"),
        ("%0A literal", "%250A literal", "%250A literal"),  # % first, or this would unescape
    ],
)
def test_escaping_matches_actions_toolkit(text: str, data: str, prop: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == prop


def test_line_break_in_a_file_name_stays_on_one_line() -> None:
    finding = Diagnostic("a\nb.md", 1, 1, "frontmatter", "error", "no front matter")
    lines = render(LintResult((finding,), 1), FormatInfo(today=TODAY)).splitlines()
    assert lines == [
        "::group::a%0Ab.md",
        "::error file=a%0Ab.md,line=1,col=1,title=guidelint frontmatter::no front matter",
        "::endgroup::",
    ]
