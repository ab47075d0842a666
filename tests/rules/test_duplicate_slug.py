"""duplicate-slug: two guides under the content root share a slug."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidelint.config import build_config
from guidelint.engine import RunOptions, lint
from tests.conftest import TODAY, LintFn, guide
from tests.util import spots

RULE = "duplicate-slug"


def test_unique_slug_passes(lint_text: LintFn) -> None:
    other = guide("Other.\n").replace("slug: pm-vs-pmm", "slug: other")
    assert lint_text(guide("Body.\n"), select=RULE, files={"other.md": other}) == []


def test_shared_slug_is_reported_at_the_slug_key(lint_text: LintFn) -> None:
    found = lint_text(guide("Body.\n"), select=RULE, files={"copy/pm-vs-pmm.md": guide("Copy.\n")})
    assert spots(found) == [(3, 1, RULE)]
    assert "content/copy/pm-vs-pmm.md" in found[0].message


def test_readme_and_underscore_files_are_not_guides(lint_text: LintFn) -> None:
    files = {"README.md": guide("Readme.\n"), "_draft.md": guide("Draft.\n")}
    assert lint_text(guide("Body.\n"), select=RULE, files=files) == []


def test_slug_alias_from_config(lint_text: LintFn) -> None:
    config = {"keys": {"slug": ["id"]}}
    mine = guide("Body.\n").replace("slug:", "id:")
    other = guide("Other.\n").replace("slug:", "id:")
    found = lint_text(mine, select=RULE, config=config, files={"other.md": other})
    assert spots(found) == [(3, 1, RULE)]


def test_excluded_files_do_not_count(lint_text: LintFn) -> None:
    config = {"exclude": ["content/archive/**"]}
    found = lint_text(
        guide("Body.\n"), select=RULE, config=config, files={"archive/old.md": guide("Old.\n")}
    )
    assert found == []


@pytest.mark.parametrize("others", [0, 70], ids=["small run", "large run"])
@pytest.mark.parametrize("checked", [("target.md",), ("link.md",), ("target.md", "link.md"), ()])
def test_a_symlink_to_a_guide_is_the_duplicate_in_every_run(
    tmp_path: Path, others: int, checked: tuple[str, ...]
) -> None:
    # A site built from the folder publishes the guide twice, so the symlink
    # is reported; before, a small run reported the target instead (or
    # neither), depending on the order the folder was read in.
    content = tmp_path / "content"
    content.mkdir()
    (content / "target.md").write_text(guide("Body.\n"), "utf-8")
    (content / "link.md").symlink_to("target.md")
    for n in range(others):
        other = guide("Body.\n").replace("slug: pm-vs-pmm", f"slug: other-{n}")
        (content / f"other-{n}.md").write_text(other, "utf-8")
    config = build_config({}, tmp_path, "test")
    options = RunOptions(today=TODAY, select=frozenset({RULE}), jobs=1)
    paths = [content / name for name in checked] or [content]
    found = lint(paths, config, options, cwd=tmp_path).diagnostics
    expected = [] if checked == ("target.md",) else [("content/link.md", RULE)]
    assert [(d.path, d.rule) for d in found] == expected
    assert all("also used by content/target.md" in d.message for d in found)


def test_guides_whose_opening_line_has_trailing_spaces_are_compared(lint_text: LintFn) -> None:
    # The guide reader accepts "--- " as the opening line; the slug index
    # once wanted exactly "---\n" and so missed both the duplicate and the slug.
    mine = guide("Body.\n").replace("---\n", "--- \n", 1)
    copy = guide("Copy.\n").replace("---\n", "---\t\r\n", 1)
    found = lint_text(mine, select=RULE, files={"copy.md": copy})
    assert spots(found) == [(3, 1, RULE)]
