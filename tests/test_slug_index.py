"""The slug index and its cache: warm runs must see every change that matters."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from guidelint.config import build_config
from guidelint.slug_index import CACHE_VERSION, collect_slugs
from tests.conftest import guide

OLD = 1_600_000_000  # a time well outside the "modified moments ago" window


def write(root: Path, name: str, slug: str, related: str = "") -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    extra = f"related: [{related}]\n" if related else ""
    path.write_text(guide("Body.\n", extra).replace("slug: pm-vs-pmm", f"slug: {slug}"), "utf-8")
    return path


def age(root: Path) -> None:
    """Make every file and folder look untouched for years (cacheable)."""
    for folder, _, files in os.walk(root):
        for name in files:
            os.utime(Path(folder) / name, (OLD, OLD))
    for folder, _, _ in sorted(os.walk(root), reverse=True):
        os.utime(folder, (OLD, OLD))


def rewrite_in_place(path: Path, text: str) -> None:
    """Edit a file without touching its folder's mtime (as some editors do)."""
    folder_times = os.stat(path.parent)
    with open(path, "r+", encoding="utf-8") as handle:
        handle.truncate(0)
        handle.write(text)
    os.utime(path, (OLD + 10, OLD + 10))
    os.utime(path.parent, ns=(folder_times.st_atime_ns, folder_times.st_mtime_ns))


def index(tmp_path: Path, checked: list[Path], cache: bool = True) -> dict[str, tuple[str, ...]]:
    data = {} if cache else {"cache_dir": False}
    config = build_config(data, tmp_path, "test")
    return collect_slugs([tmp_path / "content"], checked, config, tmp_path, everything=True)


def test_cold_and_warm_runs_agree(tmp_path: Path) -> None:
    root = tmp_path / "content"
    for i in range(5):
        write(root, f"sub{i % 2}/g{i}.md", f"guide-{i}")
    age(root)
    cold = index(tmp_path, [])
    assert list((tmp_path / ".guidelint_cache").glob("slugs-*.json"))
    assert index(tmp_path, []) == cold == index(tmp_path, [], cache=False)
    assert cold["guide-3"] == ("content/sub1/g3.md",)


def test_added_and_removed_files_are_seen(tmp_path: Path) -> None:
    root = tmp_path / "content"
    write(root, "a.md", "a")
    gone = write(root, "b.md", "b")
    age(root)
    index(tmp_path, [])
    gone.unlink()
    write(root, "c.md", "c")
    found = index(tmp_path, [])
    assert set(found) == {"a", "c"}


def test_in_place_edit_of_a_claimant_is_rechecked(tmp_path: Path) -> None:
    """b.md claimed slug 'x' when cached, then lost it in an in-place edit."""
    root = tmp_path / "content"
    checked = write(root, "a.md", "x")
    other = write(root, "b.md", "x")
    age(root)
    assert index(tmp_path, [checked])["x"] == ("content/a.md", "content/b.md")
    rewrite_in_place(other, other.read_text("utf-8").replace("slug: x", "slug: y"))
    found = index(tmp_path, [checked])
    assert found["x"] == ("content/a.md",)


def test_related_slug_only_in_an_in_place_edit_is_found(tmp_path: Path) -> None:
    """Before saying a related slug exists nowhere, every cached entry is re-checked."""
    root = tmp_path / "content"
    checked = write(root, "a.md", "a", related="target")
    other = write(root, "b.md", "b")
    age(root)
    assert "target" not in index(tmp_path, [checked])
    rewrite_in_place(other, other.read_text("utf-8").replace("slug: b", "slug: target"))
    assert index(tmp_path, [checked])["target"] == ("content/b.md",)


def test_a_small_run_indexes_only_what_it_asks_about(tmp_path: Path) -> None:
    root = tmp_path / "content"
    checked = write(root, "a.md", "a", related="b")
    write(root, "b.md", "b")
    write(root, "c.md", "c")
    config = build_config({}, tmp_path, "test")
    found = collect_slugs([root], [checked], config, tmp_path)
    assert found == {"a": ("content/a.md",), "b": ("content/b.md",)}


@pytest.mark.parametrize(
    "damage",
    ["{not json", "[" * 100_000 + "]" * 100_000],  # the second: json's RecursionError
    ids=["not json", "nested too deeply"],
)
def test_a_broken_cache_is_ignored(tmp_path: Path, damage: str) -> None:
    root = tmp_path / "content"
    write(root, "a.md", "a")
    age(root)
    expected = index(tmp_path, [])
    for cache in (tmp_path / ".guidelint_cache").glob("slugs-*.json"):
        cache.write_text(damage, "utf-8")
    assert index(tmp_path, []) == expected


def test_files_changed_moments_ago_are_not_trusted(tmp_path: Path) -> None:
    root = tmp_path / "content"
    path = write(root, "a.md", "a")  # mtime: now, inside the racy window
    index(tmp_path, [])
    (cache,) = (tmp_path / ".guidelint_cache").glob("slugs-*.json")
    entry = json.loads(cache.read_text("utf-8"))["files"]["a.md"]
    assert entry[1] == 0  # no mtime recorded: the next run stats and re-reads it
    rewrite_in_place(path, path.read_text("utf-8").replace("slug: a", "slug: b"))
    os.utime(path)  # now again
    assert set(index(tmp_path, [])) == {"b"}


def test_large_runs_recheck_everything_and_agree_with_small_ones(tmp_path: Path) -> None:
    root = tmp_path / "content"
    paths = [write(root, f"d{i % 3}/g{i}.md", f"guide-{i % 70}") for i in range(80)]
    age(root)
    index(tmp_path, [])  # warm the cache
    rewrite_in_place(paths[5], paths[5].read_text("utf-8").replace("slug: guide-5", "slug: moved"))
    large = index(tmp_path, paths)  # 80 checked files: the re-check-everything path
    small = index(tmp_path, paths[:3])
    assert large == small == index(tmp_path, paths, cache=False)
    assert large["moved"] == ("content/d2/g5.md",)
    assert large["guide-1"] == ("content/d1/g1.md", "content/d2/g71.md")


def test_caches_of_older_formats_are_removed(tmp_path: Path) -> None:
    write(tmp_path / "content", "g.md", "guide")
    cache = tmp_path / ".guidelint_cache"
    cache.mkdir()
    (cache / "slugs-v1-0123456789abcdef.json").write_text("{}", encoding="utf-8")
    (cache / "notes.json").write_text("{}", encoding="utf-8")  # not ours to remove
    assert index(tmp_path, []) == {"guide": ("content/g.md",)}
    assert [p.name.split("-")[1] for p in cache.glob("slugs-*.json")] == [f"v{CACHE_VERSION}"]
    assert (cache / "notes.json").exists()


def test_an_upgrade_does_not_trust_the_old_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The cache records slugs as one release read them; the next may read
    # front matter differently, so it starts from the files again.
    root = tmp_path / "content"
    write(root, "a.md", "old-slug")
    age(root)
    index(tmp_path, [])
    (cache,) = (tmp_path / ".guidelint_cache").glob("slugs-*.json")
    data = json.loads(cache.read_text("utf-8"))
    data["files"]["a.md"][2] = "what-an-old-release-read"
    cache.write_text(json.dumps(data), "utf-8")
    assert "what-an-old-release-read" in index(tmp_path, [])  # the same release trusts it
    monkeypatch.setattr("guidelint.__version__", "99.0")
    assert list(index(tmp_path, [])) == ["old-slug"]
