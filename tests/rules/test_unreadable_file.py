"""unreadable-file: binary, not UTF-8, or not openable."""

from __future__ import annotations

import pytest

from tests.conftest import LintFn, guide
from tests.util import spots

RULE = "unreadable-file"


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        pytest.param(
            guide("Caf\xe9.\n").encode("latin-1"), "not valid UTF-8: byte 0xe9", id="latin1"
        ),
        pytest.param(guide("Hi.\n").encode("utf-16"), "UTF-16", id="utf16"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", "NUL byte", id="binary"),
    ],
)
def test_unreadable_bytes_are_one_finding(lint_text: LintFn, data: bytes, fragment: str) -> None:
    found = lint_text(data)
    assert spots(found) == [(1, 1, RULE)]
    assert fragment in found[0].message


def test_utf8_with_bom_is_readable(lint_text: LintFn) -> None:
    assert lint_text(b"\xef\xbb\xbf" + guide("Café.\n").encode(), select=RULE) == []
