"""Fixtures for the source checker: real servers on loopback, a fixed clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest

from guidelint.sources import Options
from tests.sources.servers import Reply, Route, Site, always, redirect

NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)


def fast(**changes: object) -> Options:
    """Options for tests: short timeouts and waits, no proxies from the environment."""
    base: dict[str, object] = {
        "timeout": 1.0,
        "backoff": 0.05,
        "connect_retry_delay": 0.05,
        "trust_env": False,
        "environ": {},
    }
    base.update(changes)
    return Options(**base)  # type: ignore[arg-type]


def _head_refused(method: str, n: int) -> Reply:
    return Reply(405) if method == "HEAD" else Reply(200, body=b"ok")


@pytest.fixture(scope="module")
def sites() -> Iterator[dict[str, Site]]:
    """Three hosts: ``a`` answers most cases, ``b`` and ``c`` end redirect chains."""
    a = Site({})
    b = Site({})
    c = Site({})
    routes: dict[str, Route] = {
        "/ok": always(200),
        "/head-refused": _head_refused,
        "/perm1": redirect(301, b.url("/perm2")),  # 301 -> 308 -> 200, across hosts
        "/temp1": redirect(302, c.url("/temp2")),  # 302 -> 307 -> 200
        "/mixed": redirect(301, b.url("/temp-then-ok")),  # 301 -> 302 -> 200
        "/perm-dead": redirect(308, b.url("/missing")),
        "/loop-a": redirect(302, "/loop-b"),  # relative Location
        "/loop-b": redirect(302, "/loop-a"),
        "/gone": always(410),
        "/unavailable": always(503),
        "/error": always(500),
        "/forbidden": always(403),
        "/no-location": always(302),
    }
    a.routes.update(routes)
    b.routes.update(
        {
            "/perm2": redirect(308, c.url("/final")),
            "/temp-then-ok": redirect(302, c.url("/final")),
        }
    )
    c.routes.update({"/final": always(200), "/temp2": redirect(307, c.url("/final"))})
    found = {"a": a.start(), "b": b.start(), "c": c.start()}
    yield found
    for site in found.values():
        site.stop()


@pytest.fixture
def make_site() -> Iterator[Callable[..., Site]]:
    """``make_site(routes, delay=0)``: a fresh started server, stopped after the test."""
    made: list[Site] = []

    def make(routes: dict[str, Route], delay: float = 0.0) -> Site:
        made.append(Site(routes, delay).start())
        return made[-1]

    yield make
    for site in made:
        site.stop()
