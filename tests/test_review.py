"""``guidelint review``: set ``reviewed`` changing no other byte of the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from guidelint.cli import main
from guidelint.review import ReviewError, mark_reviewed

DAY = dt.date(2026, 11, 26)
HEAD = b"---\ntitle: A guide title\n"
TAIL = b"owner: ann\n---\n\nBody with reviewed: 2020-01 in it.\n"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # the value is replaced in place, quoting kept
        (b"updated: 2026-01\nreviewed: 2026-02\n", b"updated: 2026-01\nreviewed: 2026-11-26\n"),
        (b'reviewed: "2026-02"\nupdated: 2026-01\n', b'reviewed: "2026-11-26"\nupdated: 2026-01\n'),
        (b"reviewed: '2026-02'\nupdated: 2026-01\n", b"reviewed: '2026-11-26'\nupdated: 2026-01\n"),
        # comments and spacing around the value stay
        (
            b"updated: 2026-01   # content\nreviewed:   2026-02-03 # by ann\n",
            b"updated: 2026-01   # content\nreviewed:   2026-11-26 # by ann\n",
        ),
        # an empty value gets one
        (b"updated: 2026-01\nreviewed:\n", b"updated: 2026-01\nreviewed: 2026-11-26\n"),
        (
            b"updated: 2026-01\nreviewed: # todo\n",
            b"updated: 2026-01\nreviewed: 2026-11-26 # todo\n",
        ),
        # missing: a new line right after updated's line
        (
            b"updated: 2026-01 # last edit\ntags: [a]\n",
            b"updated: 2026-01 # last edit\nreviewed: 2026-11-26\ntags: [a]\n",
        ),
        (
            b"tags: [a]\nupdated: '2026-01'\n",
            b"tags: [a]\nupdated: '2026-01'\nreviewed: 2026-11-26\n",
        ),
    ],
)
def test_only_the_reviewed_bytes_change(before: bytes, after: bytes) -> None:
    assert mark_reviewed("g.md", HEAD + before + TAIL, DAY) == HEAD + after + TAIL


def test_without_updated_the_line_goes_last() -> None:
    before = b"---\ntitle: A guide title\nowner: ann # team\n---\nBody.\n"
    after = b"---\ntitle: A guide title\nowner: ann # team\nreviewed: 2026-11-26\n---\nBody.\n"
    assert mark_reviewed("g.md", before, DAY) == after


@pytest.mark.parametrize("eol", [b"\n", b"\r\n", b"\r"])
def test_after_block_values(eol: bytes) -> None:
    before = b"---\ntitle: A guide title\nupdated: >-\n  2026-01\ntags:\n  - a\n  - b\n---\nBody.\n"
    after = mark_reviewed("g.md", before.replace(b"\n", eol), DAY, salary=True)
    assert after == before.replace(
        b"  2026-01\n", b"  2026-01\nreviewed: 2026-11-26\nsalary_as_of: 2026-11-26\n"
    ).replace(b"\n", eol)
    last = b"---\ntitle: A guide title\ntags:\n  - a\n---\n"
    assert mark_reviewed("g.md", last.replace(b"\n", eol), DAY) == last.replace(
        b"  - a\n", b"  - a\nreviewed: 2026-11-26\n"
    ).replace(b"\n", eol)


def test_crlf_and_bom_are_kept() -> None:
    before = b"\xef\xbb\xbf---\r\ntitle: A guide title\r\nupdated: 2026-01\r\nowner: ann\r\n---\r\nBody.\r\n"
    after = mark_reviewed("g.md", before, DAY)
    assert after == before.replace(
        b"updated: 2026-01\r\n", b"updated: 2026-01\r\nreviewed: 2026-11-26\r\n"
    )


def test_non_ascii_before_the_value() -> None:
    before = (
        "---\ntitle: Négociation d’offre — guide\nupdated: 2026-01\nreviewed: 2026-02\n---\nÉté.\n"
    )
    after = mark_reviewed("g.md", before.encode(), DAY)
    assert after == before.replace("reviewed: 2026-02", "reviewed: 2026-11-26").encode()


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # salary_as_of keeps its precision: a month stays a month
        (
            b"updated: 2026-01\nsalary_as_of: 2025-06\n",
            b"updated: 2026-01\nreviewed: 2026-11-26\nsalary_as_of: 2026-11\n",
        ),
        (
            b'salary_as_of: "2025-06-15"\nupdated: 2026-01\nreviewed: 2026-02\n',
            b'salary_as_of: "2026-11-26"\nupdated: 2026-01\nreviewed: 2026-11-26\n',
        ),
        # missing: inserted after reviewed
        (
            b"updated: 2026-01\nreviewed: 2026-02\ntags: [a]\n",
            b"updated: 2026-01\nreviewed: 2026-11-26\nsalary_as_of: 2026-11-26\ntags: [a]\n",
        ),
        (
            b"updated: 2026-01\ntags: [a]\n",
            b"updated: 2026-01\nreviewed: 2026-11-26\nsalary_as_of: 2026-11-26\ntags: [a]\n",
        ),
    ],
)
def test_salary_moves_salary_as_of(before: bytes, after: bytes) -> None:
    assert mark_reviewed("g.md", HEAD + before + TAIL, DAY, salary=True) == HEAD + after + TAIL


def test_aliased_keys() -> None:
    before = HEAD + b"lastmod: 2026-01-05\nlast_reviewed: 2026-02-01\n" + TAIL
    aliases = {"updated": ("lastmod",), "reviewed": ("last_reviewed",)}
    after = mark_reviewed("g.md", before, DAY, aliases=aliases)
    assert after == before.replace(b"last_reviewed: 2026-02-01", b"last_reviewed: 2026-11-26")
    without = HEAD + b"lastmod: 2026-01-05\n" + TAIL
    assert mark_reviewed("g.md", without, DAY, aliases=aliases) == without.replace(
        b"lastmod: 2026-01-05\n", b"lastmod: 2026-01-05\nreviewed: 2026-11-26\n"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"# No front matter\n", "no front matter"),
        (b"---\ntitle: [unclosed\n---\nBody.\n", "not valid YAML"),
        (b"---\nupdated: 2026-01\nupdated: 2026-02\n---\n", "duplicate key 'updated'"),
        (b"---\n- a\n- b\n---\n", "not a mapping"),
        (b"---\nupdated: 2026-01\nreviewed: |\n  2026-02\n---\n", "not a one-line date"),
        (b"---\nupdated: 2026-01\nreviewed: [2026-02]\n---\n", "not a one-line date"),
        (b"---\n{updated: 2026-01}\n---\n", "flow mapping"),
        (b"\xff\xfe---\n", "UTF-16"),
    ],
)
def test_refuses_front_matter_it_cannot_edit_safely(text: bytes, message: str) -> None:
    with pytest.raises(ReviewError, match=message):
        mark_reviewed("g.md", text, DAY)


GOOD = HEAD + b"updated: 2026-01\n" + TAIL


def test_cli_writes_every_file_atomically(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_bytes(GOOD)
    (tmp_path / "b.md").write_bytes(GOOD.replace(b"\n", b"\r\n"))
    (tmp_path / "b.md").chmod(0o640)
    assert main(["review", "a.md", "b.md", "--today", "2026-11-26"]) == 0
    assert capsys.readouterr().out == (
        "a.md: reviewed set to 2026-11-26\nb.md: reviewed set to 2026-11-26\n"
    )
    expected = GOOD.replace(b"updated: 2026-01\n", b"updated: 2026-01\nreviewed: 2026-11-26\n")
    assert (tmp_path / "a.md").read_bytes() == expected
    assert (tmp_path / "b.md").read_bytes() == expected.replace(b"\n", b"\r\n")
    assert (tmp_path / "b.md").stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md"]  # no temp files left


def test_cli_writes_nothing_when_any_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_bytes(GOOD)
    (tmp_path / "bad.md").write_bytes(b"---\ntitle: [oops\n---\n")
    assert main(["review", "a.md", "bad.md", "--today", "2026-11-26"]) == 2
    err = capsys.readouterr().err
    assert "bad.md: not changed: front matter is not valid YAML" in err
    assert (tmp_path / "a.md").read_bytes() == GOOD


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review"], "Missing argument"),
        (["review", "nope.md", "--today", "2026-11-26"], "nope.md: cannot read"),
        (["review", ".", "--today", "2026-11-26"], "is a folder"),
    ],
)
def test_cli_usage_errors(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_cli_salary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_bytes(HEAD + b"updated: 2026-01\nsalary_as_of: 2025-01\n" + TAIL)
    assert main(["review", "--salary", "a.md", "--today", "2026-11-26"]) == 0
    assert b"reviewed: 2026-11-26\nsalary_as_of: 2026-11\n" in (tmp_path / "a.md").read_bytes()


def test_cli_says_the_dates_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "month.md").write_bytes(HEAD + b"updated: 2026-01\nsalary_as_of: 2025-01\n" + TAIL)
    (tmp_path / "day.md").write_bytes(HEAD + b"updated: 2026-01\n" + TAIL)
    assert main(["review", "--salary", "month.md", "day.md", "--today", "2026-11-26"]) == 0
    assert capsys.readouterr().out == (
        "month.md: reviewed set to 2026-11-26, salary_as_of to 2026-11\n"
        "day.md: reviewed set to 2026-11-26, salary_as_of to 2026-11-26\n"
    )
