"""Applying fixes: only the edited bytes change, overlaps wait, duplicates apply once."""

from __future__ import annotations

from guidelint.diagnostic import Diagnostic, Edit, Fix
from guidelint.fixes import apply_fixes, line_break, wanted
from guidelint.front_matter import BOM

TEXT = b"---\r\ntitle: x  # a comment\r\nupdated: 2026-06\r\n---\r\nBody this year.\r\n"


def _replace(old: bytes, new: str, applicability: str = "safe") -> Fix:
    start = TEXT.index(old)
    return Fix("t", (Edit(start, start + len(old), new),), applicability)  # type: ignore[arg-type]


def test_edits_change_only_their_bytes_and_keep_bom_and_crlf() -> None:
    fix = _replace(b"2026-06", "2026-11-26")
    out, applied = apply_fixes(BOM + TEXT, [fix])
    assert applied == 1
    assert out == BOM + TEXT.replace(b"2026-06", b"2026-11-26")


def test_overlapping_fix_is_skipped_and_duplicates_apply_once() -> None:
    first = _replace(b"this year", "in 2026")
    overlapping = _replace(b"year", "decade")
    out, applied = apply_fixes(TEXT, [first, overlapping, first])
    assert applied == 1
    assert out == TEXT.replace(b"this year", b"in 2026")


def test_insertions_at_one_point_apply_once_and_fixes_out_of_range_are_skipped() -> None:
    end = TEXT.index(b"---\r\nBody")
    insert = Fix("t", (Edit(end, end, "salary_as_of: 2026-06\r\n"),), "unsafe")
    beyond = Fix("t", (Edit(len(TEXT), len(TEXT) + 5, ""),))
    out, applied = apply_fixes(TEXT, [insert, insert, beyond])
    assert applied == 1 and out.count(b"salary_as_of") == 1


def test_wanted_takes_unsafe_fixes_only_when_asked() -> None:
    safe, unsafe = _replace(b"x", "y"), _replace(b"Body", "Text", "unsafe")
    found = [
        Diagnostic("g.md", 1, 1, "r", "error", "m", fix=safe),
        Diagnostic("g.md", 2, 1, "r", "error", "m", fix=unsafe),
        Diagnostic("g.md", 3, 1, "r", "error", "m"),
    ]
    assert wanted(found, unsafe=False) == [safe]
    assert wanted(found, unsafe=True) == [safe, unsafe]


def test_a_fix_does_not_change_how_findings_compare_or_print() -> None:
    plain = Diagnostic("g.md", 1, 1, "r", "error", "m")
    fixed = Diagnostic("g.md", 1, 1, "r", "error", "m", fix=_replace(b"x", "y"))
    assert plain == fixed and hash(plain) == hash(fixed) and repr(plain) == repr(fixed)


def test_line_break_is_the_files_own() -> None:
    assert line_break(TEXT) == "\r\n" and line_break(b"a\nb") == "\n" and line_break(b"") == "\n"
