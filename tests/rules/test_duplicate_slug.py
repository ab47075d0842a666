"""duplicate-slug: two guides under the content root share a slug."""

from __future__ import annotations

from tests.conftest import LintFn, guide
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
