"""``guidelint init``: a starter config for an existing Hugo, Docusaurus, Jekyll or docfx site."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.util import write_tree

TODAY = ("--today", "2026-11-26")
SITES = {
    "Hugo": {
        "hugo.toml": "title = 'x'\n",
        "content/news/a.md": "---\ntitle: A\nlastmod: 2026-10-01\nauthors: [ana, bo]\n"
        "expirydate: 2026-11-01\n---\nBody.\n",
    },
    "Docusaurus": {
        "docusaurus.config.js": "module.exports = {};\n",
        "docs/intro.md": "---\nid: intro\nsidebar_label: Intro\ntitle: Intro\nauthor: ana\n---\nHi.\n",
        "docs/_partials/note.md": "No front matter.\n",
    },
    "Jekyll": {
        "_config.yml": "title: x\n",
        "_posts/2026-01-01-a.md": "---\nlayout: post\ntitle: A\ndate: 2026-01-01\nauthor: ana\n---\nx\n",
    },
    "Microsoft Docs": {
        "docfx.json": "{}\n",
        "articles/a.md": "---\ntitle: A\nms.date: 10/01/2026\nms.author: ana\n---\nx\n",
    },
}
EXPECTED_KEYS = {
    "Hugo": {"updated": ["lastmod"], "owner": ["authors"], "expires": ["expirydate"]},
    "Docusaurus": {"owner": ["author"], "slug": ["id"]},
    "Jekyll": {"updated": ["date"], "owner": ["author"]},
    "Microsoft Docs": {"updated": ["ms.date"], "owner": ["ms.author"]},
}


@pytest.mark.parametrize("generator", sorted(SITES))
def test_init_maps_a_generators_keys_and_runs_a_first_check(
    run_cli, tmp_path: Path, generator: str
) -> None:  # type: ignore[no-untyped-def]
    write_tree(tmp_path, SITES[generator])
    result = run_cli("init", *TODAY, cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert result.stdout.startswith(f"{generator} site (by its marker file ")
    config = yaml.safe_load((tmp_path / ".guidelint.yaml").read_text("utf-8"))
    assert config["keys"] == EXPECTED_KEYS[generator]
    assert config["schema"] is False  # every one of these sites uses keys ours lacks
    assert "- id: guidelint" in result.stdout and "rev: " in result.stdout
    assert "First check:" in result.stdout
    assert "schema:" not in result.stdout.split("First check:")[1]  # no schema findings
    assert "frontmatter" not in result.stdout  # a partial is no guide


def test_hugo_author_lists_and_expiry_reach_the_report(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_tree(tmp_path, SITES["Hugo"])
    assert run_cli("init", *TODAY, cwd=tmp_path).code == 0
    report = run_cli("report", "--format", "csv", *TODAY, cwd=tmp_path).stdout
    assert ",ana," in report and "2026-11-01" in report


def test_docusaurus_is_recognised_by_its_keys_without_a_marker(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_tree(tmp_path, {"site/docs/intro.md": SITES["Docusaurus"]["docs/intro.md"]})
    result = run_cli("init", "--content-root", "site", *TODAY, cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("Docusaurus site (by its front-matter keys)")
    config = yaml.safe_load((tmp_path / ".guidelint.yaml").read_text("utf-8"))
    assert config["content_root"] == "site"


def test_init_never_overwrites_a_config_without_force(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_tree(tmp_path, {**SITES["Jekyll"], ".guidelint.yaml": "# mine\n"})
    result = run_cli("init", *TODAY, cwd=tmp_path)
    assert result.code == 2
    assert ".guidelint.yaml already exists; --force replaces it" in result.stderr
    assert (tmp_path / ".guidelint.yaml").read_text("utf-8") == "# mine\n"
    assert run_cli("init", "--force", *TODAY, cwd=tmp_path).code == 0
    assert "keys:" in (tmp_path / ".guidelint.yaml").read_text("utf-8")
