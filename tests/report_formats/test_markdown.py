"""The Markdown report: a PR comment with totals, owners and every guide."""

from __future__ import annotations

import textwrap

from guidelint.config import Policy
from guidelint.diagnostic import Diagnostic
from guidelint.guide import read_guide
from guidelint.report import build_report
from guidelint.report_formats import get_renderer
from tests.conftest import TODAY

render = get_renderer("markdown")


def _guide(path: str, front: str):  # type: ignore[no-untyped-def]
    return read_guide(path, f"---\nslug: s\ncategory: role\n{front}---\nBody.\n".encode())


def test_whole_report() -> None:
    guides = [
        _guide("content/a.md", "title: Salary | bands guide\nupdated: 2025-12\nowner: ann\n"),
        _guide("content/b.md", "title: <b>Loud</b> title here\nupdated: 2024-05-02\nowner: bob\n"),
    ]
    found = [
        Diagnostic("content/b.md", 4, 1, "stale-guide", "error", "stale"),
        Diagnostic("content/b.md", 9, 1, "stat-source", "error", "x"),
        Diagnostic("content/b.md", 11, 1, "stat-source", "error", "x"),
    ]
    text = render(build_report(guides, found, Policy(), TODAY))
    assert text == textwrap.dedent(
        """\
        ## Guide freshness report

        2 guide(s) on 2026-11-26: 🔴 **1** stale, 🟠 **1** due soon, 🟢 **0** fresh, ⚪ **0** draft.

        _Window: 12mo unless a guide sets `review_every`; due soon means due within 30d; salary figures go stale after 12mo._

        ### By owner

        | owner | guides | stale | due soon | fresh | draft | open findings |
        |---|--:|--:|--:|--:|--:|--:|
        | bob | 1 | 1 | 0 | 0 | 0 | 3 |
        | ann | 1 | 0 | 1 | 0 | 0 | 0 |

        ### Guides, oldest first

        | status | guide | owner | updated | reviewed | age (d) | window | due | salary as of | open findings |
        |---|---|---|---|---|--:|---|---|---|---|
        | 🔴 stale | &lt;b&gt;Loud&lt;/b&gt; title here<br>`content/b.md` | bob | 2024-05-02 | — | 938 | 12mo | 2025-05-02 (573 d ago) | — | stale-guide, stat-source×2 |
        | 🟠 due soon | Salary \\| bands guide<br>`content/a.md` | ann | 2025-12 | — | 360 | 12mo | 2026-12-01 (in 5 d) | — | — |
        """
    )


def test_owner_filter_and_empty_report() -> None:
    guides = [_guide("a.md", "title: A guide title\nupdated: 2026-01\nowner: ann\n")]
    text = render(build_report(guides, [], Policy(), TODAY, owner="zoe"))
    assert text.startswith("## Guide freshness report for owner `zoe`\n\n0 guide(s)")
    assert "No guides matched." in text


def test_a_long_report_is_cut_to_fit_a_github_comment() -> None:
    # 1,500 guides with long titles would make a comment GitHub refuses
    # (over 65,536 characters): the freshest rows are left out, and a line
    # says how many and where to see them all.
    guides = [
        _guide(
            f"content/guide-{n:04d}.md",
            f"title: A rather long guide title that fills the cell {n:04d} ✓\n"
            f"updated: {2020 + n // 300}-{n % 12 + 1:02d}-01\nowner: owner-{n % 7}\n",
        )
        for n in range(1500)
    ]
    text = render(build_report(guides, [], Policy(), TODAY))
    assert 60_000 < len(text.encode("utf-16-le")) // 2 <= 65_536
    rows = [line for line in text.splitlines() if line.startswith("| ") and "<br>" in line]
    (note,) = [line for line in text.splitlines() if "more guide(s)" in line]
    left_out = int(note.strip("_").split()[0])
    assert len(rows) + left_out == 1500 and left_out > 0
    assert "the freshest, are not shown" in note
    assert "2020-01-01" in rows[0]  # the oldest guide is the first row kept
    assert text.endswith(note + "\n")


def test_many_owners_take_at_most_half_of_the_comment() -> None:
    guides = [
        _guide(
            f"content/g{n:04d}.md",
            f"title: Guide number {n:04d} here\nupdated: 2026-0{n % 9 + 1}-01\n"
            f"owner: a-long-team-name-for-owner-{n:04d}\n",
        )
        for n in range(3000)
    ]
    text = render(build_report(guides, [], Policy(), TODAY))
    owners_part = text.split("### Guides, oldest first")[0]
    assert len(owners_part.encode("utf-16-le")) // 2 <= 65_536 // 2
    assert "more owner(s), those with the fewest stale guides, are not shown" in owners_part
    assert "more guide(s), the freshest, are not shown" in text
    assert len(text.encode("utf-16-le")) // 2 <= 65_536
