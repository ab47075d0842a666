"""``check --fix``, ``--unsafe-fixes`` and ``--diff``, and each rule's fix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from guidelint.fixes import apply_fixes, wanted
from tests.conftest import CliResult, LintFn, guide
from tests.gitrepo import GitRepo

Run = Callable[..., CliResult]
SOURCES = "sources:\n  - id: brief\n    title: Editorial brief (example)\n"
# Four findings with fixes: an idle suppression (safe), a relative phrase,
# an unknown key one edit from a known one, an undated salary (unsafe).
BROKEN = guide(
    """\
    <!-- guidelint-disable-next-line stat-source -- sourced since -->
    Positioning questions became common this year.

    L5 PM total compensation runs roughly $350,000[^brief].
    """,
    extra="tgas: [pm]\n" + SOURCES,
)


def _fixed(lint_text: LintFn, text: str, unsafe: bool = True, **kw: object) -> str:
    found = lint_text(text, **kw)
    out, _ = apply_fixes(text.encode(), wanted(found, unsafe))
    return out.decode()


def test_unused_suppression_fix_removes_the_comment_line(lint_text: LintFn) -> None:
    out = _fixed(lint_text, BROKEN, unsafe=False, select=("unused-suppression", "stat-source"))
    assert "guidelint-disable" not in out
    assert out == BROKEN.replace(
        "<!-- guidelint-disable-next-line stat-source -- sourced since -->\n", ""
    )


def test_unused_range_fix_removes_its_enable_too(lint_text: LintFn) -> None:
    text = guide(
        "<!-- guidelint-disable stat-source -->\nPlain text.\n<!-- guidelint-enable stat-source -->\n"
    )
    assert _fixed(lint_text, text, select=("unused-suppression", "stat-source")) == guide(
        "Plain text.\n"
    )


def test_relative_time_fix_writes_the_date_from_updated(lint_text: LintFn) -> None:
    text = guide("This year loops changed; last quarter too, and recently again.\n")
    out = _fixed(lint_text, text, select="relative-time")
    assert "In 2026 loops changed; in Q1 2026 too, and in June 2026 again." in out
    [finding] = lint_text(guide("Loops changed this year.\n"), select="relative-time")
    assert finding.fix is not None and finding.fix.applicability == "unsafe"


def test_relative_time_without_updated_offers_no_fix(lint_text: LintFn) -> None:
    text = guide("Loops changed this year.\n").replace("updated: 2026-06\n", "")
    [finding] = lint_text(text, select="relative-time")
    assert finding.fix is None


def test_schema_fix_renames_a_key_one_edit_away(lint_text: LintFn) -> None:
    out = _fixed(lint_text, BROKEN, select="schema")
    assert "\ntags: [pm]\n" in out and "tgas" not in out
    far = guide("Body.\n", extra="colour: red\n")
    [finding] = lint_text(far, select="schema")
    assert finding.fix is None  # no known key one edit away


def test_schema_fix_never_makes_a_duplicate_key(lint_text: LintFn) -> None:
    [finding] = lint_text(guide("Body.\n", extra="tags: [pm]\ntgas: [x]\n"), select="schema")
    assert finding.fix is None


def test_salary_date_fix_adds_salary_as_of_from_updated(lint_text: LintFn) -> None:
    out = _fixed(lint_text, BROKEN, select="salary-date")
    assert "title: Editorial brief (example)\nsalary_as_of: 2026-06\n---\n" in out
    assert lint_text(out, select="salary-date") == []


@pytest.mark.integration
def test_updated_not_bumped_fix_sets_updated_to_today(tmp_path: Path, run_cli: Run) -> None:
    repo = GitRepo(tmp_path / "repo")
    text = guide("Loops: 60% include a positioning exercise[^brief].\n", extra=SOURCES)
    repo.commit({"content/g.md": text}, "add")
    repo.write({"content/g.md": text.replace("60%", "70%")})
    done = run_cli("check", "--today", "2026-11-26", "--fix", cwd=repo.root)
    assert done.code == 0, done.stdout
    after = (repo.root / "content/g.md").read_text()
    assert "updated: 2026-11-26\n" in after and "70%" in after


def test_fix_writes_safe_fixes_and_counts_unsafe_ones(tmp_path: Path, run_cli: Run) -> None:
    target = tmp_path / "content" / "g.md"
    target.parent.mkdir()
    target.write_bytes(BROKEN.replace("\n", "\r\n").encode())
    done = run_cli("check", "--today", "2026-11-26", "--fix", cwd=tmp_path)
    assert done.code == 1
    assert done.stdout.endswith(
        "Fixed 1 problem(s) in 1 file(s); 3 unsafe fix(es) available with --unsafe-fixes.\n"
    )
    assert "unused-suppression" not in done.stdout and "relative-time" in done.stdout
    data = target.read_bytes()
    assert b"guidelint-disable" not in data and data.count(b"\n") == data.count(b"\r\n")
    again = run_cli("check", "--today", "2026-11-26", "--unsafe-fixes", cwd=tmp_path)
    assert again.code == 0 and again.stdout.endswith("Fixed 3 problem(s) in 1 file(s).\n")
    fixed = target.read_bytes()
    assert run_cli("check", "--today", "2026-11-26", "--unsafe-fixes", cwd=tmp_path).code == 0
    assert target.read_bytes() == fixed  # idempotent: a second run changes nothing


def test_diff_prints_the_fixes_and_writes_nothing(tmp_path: Path, run_cli: Run) -> None:
    target = tmp_path / "content" / "g.md"
    target.parent.mkdir()
    target.write_text(BROKEN)
    done = run_cli("check", "--today", "2026-11-26", "--diff", "--unsafe-fixes", cwd=tmp_path)
    assert done.code == 1
    assert done.stdout.startswith("--- a/content/g.md\n+++ b/content/g.md\n")
    assert "-tgas: [pm]\n+tags: [pm]\n" in done.stdout and "+salary_as_of: 2026-06\n" in done.stdout
    assert "Would fix 4 problem(s) in 1 file(s)." in done.stderr
    assert target.read_text() == BROKEN


def test_machine_formats_get_the_fix_summary_on_stderr(tmp_path: Path, run_cli: Run) -> None:
    target = tmp_path / "content" / "g.md"
    target.parent.mkdir()
    target.write_text(BROKEN)
    done = run_cli("check", "--today", "2026-11-26", "--fix", "--format", "json", cwd=tmp_path)
    assert done.stdout.startswith("{") and "Fixed 1 problem(s)" in done.stderr


def test_gotcha_bold_labels_become_sub_headings(lint_text: LintFn) -> None:
    text = guide(
        "## The canonical PMM gotcha\n\nWhat does a PMM own?\n\n"
        "**Strong answer:** How the market understands the product.\n\n"
        "**Weak answer:** The launch email.\n"
    )
    found = lint_text(text, select="gotcha-answers")
    assert [d.fix.applicability for d in found if d.fix] == ["unsafe", "unsafe"]
    out = _fixed(lint_text, text, select="gotcha-answers")
    assert "### Strong answer\n\nHow the market" in out
    assert "### Weak answer\n\nThe launch email." in out
