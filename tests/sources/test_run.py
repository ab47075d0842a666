"""The whole run on real guides, and its findings: ``dead-source`` and ``moved-source``."""

from __future__ import annotations

from collections.abc import Callable

from guidelint.diagnostic import Diagnostic
from guidelint.guide import read_guide
from guidelint.sources import (
    Citation,
    Result,
    Source,
    check_sources,
    replacement,
    to_diagnostics,
)
from tests.sources.conftest import NOW, fast
from tests.sources.servers import Site, always

MakeSite = Callable[..., Site]


def test_guides_to_findings_at_each_citing_line(make_site: MakeSite) -> None:
    site = make_site(
        {"/gone": always(410), "/old": always(308, Location="/new"), "/new": always(200)}
    )
    text = f"""\
---
title: Guide
owner: careers-editorial
sources:
  - id: survey
    title: Survey
    url: {site.url("/gone")}
---
Moved: [page]({site.url("/old")}#part). Again [survey]({site.url("/gone")}).
"""
    guide = read_guide("content/g.md", text.encode())
    results = check_sources([guide], fast(), now=NOW)
    gone, old = results
    assert (gone.verdict, old.verdict) == ("dead", "moved")
    column = text.splitlines()[8].index("[survey]") + 1
    assert [c.owner for c in gone.citations] == ["careers-editorial"] * 2
    new = site.url("/new")
    assert to_diagnostics(results) == [
        Diagnostic("content/g.md", 7, 5, "dead-source", "error",
                   f"source {site.url('/gone')} is dead: HTTP 410"),
        Diagnostic("content/g.md", 9, 8, "moved-source", "warning",
                   f"link {site.url('/old')}#part has moved permanently to {new}#part; cite the new URL"),
        Diagnostic("content/g.md", 9, column, "dead-source", "error",
                   f"link {site.url('/gone')} is dead: HTTP 410"),
    ]  # fmt: skip


def test_guides_and_bare_urls_mix_and_merge(make_site: MakeSite) -> None:
    site = make_site({"/": always(200)})
    cited = Source(site.url("/"), (Citation("a.md", 3, 1, "link", site.url("/")),))
    results = check_sources([cited, site.url("/#x"), site.url("/")], fast(), now=NOW)
    assert [(r.url, r.verdict, len(r.citations)) for r in results] == [(site.url("/"), "alive", 1)]
    assert len(site.requests) == 1


def test_only_dead_and_moved_make_findings() -> None:
    cite = Citation("a.md", 1, 1, "source", "https://a.test/x#y")
    results = [
        Result(
            "https://a.test/x", verdict, new_url="https://b.test/", detail="d", citations=(cite,)
        )
        for verdict in ("alive", "unreachable", "skipped")
    ]
    assert to_diagnostics(results) == []
    moved = Result("https://a.test/x", "moved", new_url="https://b.test/#z", citations=(cite,))
    assert replacement(cite, moved) == "https://b.test/#z"  # the new URL's own fragment wins
    assert replacement(cite, results[0]) is None
