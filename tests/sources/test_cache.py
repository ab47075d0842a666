"""The cache: alive results reused, failures asked again, damage and age ignored."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from guidelint.sources import Result, SourceCache, check_sources
from guidelint.sources.cache import CACHE_NAME, identity
from guidelint.sources.model import Options
from tests.sources.conftest import NOW, fast
from tests.sources.servers import Reply, Site, always

MakeSite = Callable[..., Site]


@pytest.fixture
def site(make_site: MakeSite) -> Site:
    return make_site(
        {"/ok": always(200), "/dead": always(404), "/moved": always(301, Location="/ok")}
    )


def _run(site: Site, cache: SourceCache, now: dt.datetime = NOW) -> list[Result]:
    urls = [site.url(p) for p in ("/ok", "/dead", "/moved")]
    return check_sources(urls, fast(), cache, now=now)


def test_second_run_asks_only_about_failures(site: Site, tmp_path: Path) -> None:
    cache = SourceCache(tmp_path / "cache")
    first = _run(site, cache)
    assert [r.verdict for r in first] == ["dead", "moved", "alive"]
    asked = len(site.requests)
    second = _run(site, cache, NOW + dt.timedelta(days=6))
    assert [(r.verdict, r.cached) for r in second] == [
        ("dead", False),
        ("moved", True),
        ("alive", True),
    ]
    assert [p for _, p, _ in site.requests[asked:]] == ["/dead"]
    assert second[2].checked_at == NOW  # a cached result keeps its own check time
    assert (tmp_path / "cache" / ".gitignore").exists()


def test_results_older_than_max_age_are_checked_again(site: Site, tmp_path: Path) -> None:
    cache = SourceCache(tmp_path, max_age=dt.timedelta(days=7))
    _run(site, cache)
    asked = len(site.requests)
    later = _run(site, cache, NOW + dt.timedelta(days=7, seconds=1))
    assert not any(r.cached for r in later)
    assert len(site.requests) > asked + 2


def test_refresh_ignores_the_cache_but_still_fills_it(site: Site, tmp_path: Path) -> None:
    _run(site, SourceCache(tmp_path))
    asked = len(site.requests)
    refreshed = _run(site, SourceCache(tmp_path, refresh=True))
    assert not any(r.cached for r in refreshed)
    assert len(site.requests) > asked + 2
    assert any(r.cached for r in _run(site, SourceCache(tmp_path)))


def test_a_url_that_fails_is_dropped_from_the_cache(make_site: MakeSite, tmp_path: Path) -> None:
    state = {"up": True}
    site = make_site({"/": lambda m, n: Reply(200 if state["up"] else 404)})
    urls = [site.url("/")]
    check_sources(urls, fast(), SourceCache(tmp_path), now=NOW)
    state["up"] = False
    (refreshed,) = check_sources(urls, fast(), SourceCache(tmp_path, refresh=True), now=NOW)
    assert refreshed.verdict == "dead"
    (again,) = check_sources(urls, fast(), SourceCache(tmp_path), now=NOW)
    assert (again.verdict, again.cached) == ("dead", False)


@pytest.mark.parametrize(
    "damage",
    [
        b'{"version": 1, "identity": "x", "entries": {"http://a',  # torn mid-write
        b"\x00\xff garbage",
        b"[]",
        b'{"version": 1, "identity": null, "entries": []}',
    ],
)
def test_a_damaged_cache_is_no_cache(site: Site, tmp_path: Path, damage: bytes) -> None:
    (tmp_path / CACHE_NAME).write_bytes(damage)
    results = _run(site, SourceCache(tmp_path))
    assert not any(r.cached for r in results)
    assert json.loads((tmp_path / CACHE_NAME).read_bytes())["version"] == 1  # rewritten whole


def test_bad_entries_are_skipped_and_good_ones_kept(site: Site, tmp_path: Path) -> None:
    key = identity(fast())
    good = {
        "verdict": "alive",
        "status": 200,
        "new_url": None,
        "detail": "",
        "checked_at": NOW.isoformat(),
    }
    entries = {
        site.url("/ok"): good,
        site.url("/moved"): {**good, "checked_at": "yesterday"},
        site.url("/dead"): {**good, "verdict": "dead"},  # never written, never believed
    }
    (tmp_path / CACHE_NAME).write_text(
        json.dumps({"version": 1, "identity": key, "entries": entries})
    )
    results = _run(site, SourceCache(tmp_path))
    assert [(r.verdict, r.cached) for r in results] == [
        ("dead", False),
        ("moved", False),
        ("alive", True),
    ]  # fmt: skip


def test_another_version_or_other_options_do_not_read_the_cache(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _run(site, SourceCache(tmp_path))
    monkeypatch.setattr("guidelint.sources.cache.__version__", "9.9.9")
    assert not any(r.cached for r in _run(site, SourceCache(tmp_path)))
    monkeypatch.undo()
    other = check_sources(
        [site.url("/ok")], fast(accept=frozenset({403})), SourceCache(tmp_path), now=NOW
    )
    assert not other[0].cached


def test_two_runs_writing_at_once_keep_both_findings(site: Site, tmp_path: Path) -> None:
    # Two runs that each read the (empty) cache, then save one after the other.
    key = identity(Options())
    first, second = SourceCache(tmp_path), SourceCache(tmp_path)
    a = Result("https://a.test/", "alive", 200, checked_at=NOW)
    b = Result("https://b.test/", "alive", 200, checked_at=NOW + dt.timedelta(seconds=1))
    assert first.load(key, NOW) == second.load(key, NOW) == {}
    first.save(key, [a], NOW)
    second.save(key, [b], NOW + dt.timedelta(seconds=1))
    loaded = SourceCache(tmp_path).load(key, NOW + dt.timedelta(seconds=2))
    assert sorted(loaded) == ["https://a.test/", "https://b.test/"]
    # A failure found before another run's later success does not erase it.
    SourceCache(tmp_path).save(key, [Result("https://b.test/", "dead", 404, checked_at=NOW)], NOW)
    assert "https://b.test/" in SourceCache(tmp_path).load(key, NOW + dt.timedelta(seconds=2))


def test_secrets_never_reach_the_cache(make_site: MakeSite, tmp_path: Path) -> None:
    site = make_site({"/": always(200)})
    headers = {f"127.0.0.1:{site.port}": {"Authorization": "Bearer ${TOKEN}"}}
    options = fast(headers=headers, environ={"TOKEN": "s3cret-value"})
    check_sources([site.url("/")], options, SourceCache(tmp_path), now=NOW)
    text = (tmp_path / CACHE_NAME).read_text()
    assert "s3cret" not in text and "Authorization" in text  # the name only
