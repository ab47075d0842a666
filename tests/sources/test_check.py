"""The checker against real servers on 127.0.0.1: every verdict, retries, limits."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from guidelint.sources import Progress, Result, check_sources
from tests.sources.conftest import NOW, fast
from tests.sources.servers import (
    HUGE,
    Gauge,
    Reply,
    Site,
    TlsSite,
    always,
    closed_port,
    self_signed,
    silent_port,
)

MakeSite = Callable[..., Site]


def one(url: str, **options: object) -> Result:
    (result,) = check_sources([url], fast(**options), now=NOW)
    return result


@pytest.mark.parametrize(
    ("path", "verdict", "status", "new_url", "detail"),
    [
        ("/ok", "alive", 200, None, ""),
        ("/head-refused", "alive", 200, None, ""),
        ("/perm1", "moved", 200, "c:/final", "permanent redirect"),
        ("/temp1", "alive", 200, None, ""),
        ("/mixed", "moved", 200, "b:/temp-then-ok", "permanent redirect"),
        ("/perm-dead", "dead", 404, None, "HTTP 404 (after redirects to b:/missing)"),
        ("/loop-a", "unreachable", 302, None, "redirect loop at a:/loop-a"),
        ("/missing", "dead", 404, None, "HTTP 404"),
        ("/gone", "dead", 410, None, "HTTP 410"),
        ("/error", "unreachable", 500, None, "HTTP 500"),
        ("/forbidden", "unreachable", 403, None, "HTTP 403"),
        ("/no-location", "unreachable", 302, None, "HTTP 302"),
    ],
)
def test_verdict_for_each_kind_of_answer(
    sites: dict[str, Site], path: str, verdict: str, status: int, new_url: str | None, detail: str
) -> None:
    def expand(text: str) -> str:
        for name, site in sites.items():
            text = text.replace(f"{name}:/", site.url("/"))
        return text

    result = one(sites["a"].url(path))
    assert (result.verdict, result.status, result.detail) == (verdict, status, expand(detail))
    assert result.new_url == (expand(new_url) if new_url else None)
    assert result.checked_at == NOW and not result.cached


def test_head_refused_then_get(sites: dict[str, Site]) -> None:
    one(sites["a"].url("/head-refused"))
    methods = [m for m, p, _ in sites["a"].requests if p == "/head-refused"]
    assert methods[-2:] == ["HEAD", "GET"]


def test_403_counts_as_alive_when_accepted(sites: dict[str, Site]) -> None:
    assert one(sites["a"].url("/forbidden"), accept=frozenset({403})).verdict == "alive"


def test_503_is_retried_three_times_then_unreachable(sites: dict[str, Site]) -> None:
    before = sites["a"].count("/unavailable")
    result = one(sites["a"].url("/unavailable"))
    assert (result.verdict, result.status) == ("unreachable", 503)
    assert result.detail == "HTTP 503 (retried, then gave up)"
    assert sites["a"].count("/unavailable") - before == 4  # one try, three retries


def test_429_waits_for_retry_after_then_alive(make_site: MakeSite) -> None:
    site = make_site(
        {"/r": lambda method, n: Reply(429, {"Retry-After": "1"}) if n == 0 else Reply(200)}
    )
    started = time.monotonic()
    result = one(site.url("/r"), backoff=30.0)  # only Retry-After can make this fast
    assert result.verdict == "alive"
    assert site.count("/r") == 2
    assert site.starts[1] - site.starts[0] >= 0.95
    assert time.monotonic() - started < 3


def test_retry_after_past_the_budget_gives_up_at_once(make_site: MakeSite) -> None:
    site = make_site({"/r": always(429, Retry_After="30")})
    started = time.monotonic()
    result = one(site.url("/r"), budget=5.0)
    assert (result.verdict, result.status) == ("unreachable", 429)
    assert site.count("/r") == 1
    assert time.monotonic() - started < 2


def test_a_huge_body_is_never_downloaded(make_site: MakeSite) -> None:
    def huge(method: str, n: int) -> Reply:  # HEAD refused: the checker must GET
        return Reply(405) if method == "HEAD" else Reply(200, {"X-Huge": "1"})

    site = make_site({"/huge": huge})
    started = time.monotonic()
    result = one(site.url("/huge"))
    assert result.verdict == "alive"
    assert time.monotonic() - started < 2
    time.sleep(0.2)  # let the server notice the client has gone
    assert site.body_bytes < 4_000_000 < HUGE  # headers read, then hung up


def test_a_server_that_never_answers_times_out() -> None:
    with silent_port() as port:
        started = time.monotonic()
        result = one(f"http://127.0.0.1:{port}/", timeout=0.3)
    assert (result.verdict, result.status) == ("unreachable", 0)
    assert result.detail == "timed out after 0.3 s"
    assert time.monotonic() - started < 2  # a timeout is not retried


def test_a_closed_port_is_dead_after_one_retry() -> None:
    started = time.monotonic()
    result = one(f"http://127.0.0.1:{closed_port()}/", connect_retry_delay=0.4)
    assert (result.verdict, result.detail) == ("dead", "connection refused")
    assert time.monotonic() - started >= 0.4  # it waited, then tried once more


def test_a_self_signed_certificate_is_unreachable_not_a_crash(tmp_path: Path) -> None:
    made = self_signed(tmp_path)
    if made is None:
        pytest.skip("neither the cryptography package nor the openssl command is here")
    site = TlsSite({"/": always(200)}, *made).start()
    try:
        result = one(site.url("/"))
    finally:
        site.stop()
    assert result.verdict == "unreachable"
    assert result.detail.startswith("TLS failure: ")
    assert "self-signed" in result.detail or "self signed" in result.detail


def _resolves_fast(name: str) -> bool:
    """Whether looking up ``name`` fails within a second here (a resolver may hang)."""
    answer: list[bool] = []

    def look() -> None:
        try:
            socket.getaddrinfo(name, 80)
        except OSError:
            answer.append(True)

    thread = threading.Thread(target=look, daemon=True)
    thread.start()
    thread.join(1.0)
    return bool(answer)


def test_a_name_that_does_not_resolve_is_dead() -> None:
    name = "guidelint-test.invalid"  # .invalid never resolves (RFC 6761)
    if not _resolves_fast(name):
        pytest.skip("this machine's resolver does not fail fast for .invalid")
    result = one(f"http://{name}/page")
    assert (result.verdict, result.detail) == ("dead", "DNS name does not resolve")


def test_per_host_limit_holds_and_hosts_run_in_parallel(make_site: MakeSite) -> None:
    hosts = [make_site({f"/{i}": always(200) for i in range(10)}, delay=0.1) for _ in range(3)]
    urls = [site.url(f"/{i}") for site in hosts for i in range(10)]
    started = time.monotonic()
    results = check_sources(urls, fast(per_host=2, concurrency=32), now=NOW)
    elapsed = time.monotonic() - started
    assert {r.verdict for r in results} == {"alive"}
    assert [site.peak for site in hosts] == [2, 2, 2]
    assert elapsed < 1.2  # 5 rounds of 0.1 s per host, hosts side by side (serial: 3 s)


def test_global_limit_holds(make_site: MakeSite) -> None:
    hosts = [make_site({f"/{i}": always(200) for i in range(4)}, delay=0.1) for _ in range(4)]
    urls = [site.url(f"/{i}") for site in hosts for i in range(4)]
    together = Gauge()
    for site in hosts:
        site.gauges.append(together)
    check_sources(urls, fast(per_host=4, concurrency=3), now=NOW)
    assert together.peak == 3


def test_minimum_interval_between_requests_to_one_host(make_site: MakeSite) -> None:
    site = make_site({f"/{i}": always(200) for i in range(4)})
    check_sources([site.url(f"/{i}") for i in range(4)], fast(min_interval=0.2), now=NOW)
    gaps = [b - a for a, b in zip(site.starts, site.starts[1:], strict=False)]
    # Measured where the server sees each request: allow for a new connection's setup.
    assert len(gaps) == 3 and min(gaps) >= 0.15 and sum(gaps) >= 0.55


def test_excluded_and_offline_urls_make_no_request(make_site: MakeSite) -> None:
    site = make_site({"/x": always(200), "/y": always(200)})
    excluded = fast(exclude=(site.url("/x*"),))
    results = check_sources([site.url("/x"), site.url("/xyz")], excluded, now=NOW)
    assert [(r.verdict, r.detail) for r in results] == [
        ("skipped", "excluded by sources.exclude")
    ] * 2
    (offline,) = check_sources([site.url("/y")], fast(offline=True), now=NOW)
    assert (offline.verdict, offline.detail) == ("skipped", "offline")
    assert site.requests == []


def test_headers_per_host_read_the_environment_and_stay_out_of_results(
    make_site: MakeSite,
) -> None:
    site = make_site({"/": always(200)})
    other = make_site({"/": always(200)})
    headers = {f"127.0.0.1:{site.port}": {"Authorization": "Bearer ${TOKEN}", "X-Unset": "${NOPE}"}}
    results = check_sources(
        [site.url("/"), other.url("/")],
        fast(headers=headers, environ={"TOKEN": "s3cret"}),
        now=NOW,
    )
    sent = site.requests[0][2]
    assert sent["Authorization"] == "Bearer s3cret"
    assert "X-Unset" not in sent  # an unset variable: the header is left out
    assert "Authorization" not in other.requests[0][2]  # another host gets nothing
    assert "s3cret" not in repr(results)
    assert sent["User-Agent"].startswith("guidelint/")


def test_progress_reports_checked_dead_and_paused_hosts(make_site: MakeSite) -> None:
    site = make_site(
        {
            "/ok": always(200),
            "/dead": always(404),
            "/slow": lambda m, n: Reply(503, {"Retry-After": "1"}) if n == 0 else Reply(200),
        }
    )
    seen: list[Progress] = []
    urls = [site.url(p) for p in ("/ok", "/dead", "/slow")]
    check_sources(urls, fast(), now=NOW, progress=seen.append)
    assert seen[-1] == Progress(total=3, checked=3, dead=1, waiting_hosts=0)
    assert any(p.waiting_hosts == 1 for p in seen)
    assert [p.checked for p in seen if p.waiting_hosts == 0][-1] == 3


def test_proxies_from_the_environment_when_trusted(
    make_site: MakeSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    proxied = "http://guidelint-test.invalid/page"  # never resolves: only a proxy can answer
    proxy = make_site({proxied: always(200)})
    direct = make_site({"/here": always(200)})
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.setenv("HTTP_PROXY", f"127.0.0.1:{proxy.port}")  # no scheme: http:// implied
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    urls = [proxied, direct.url("/here")]
    results = check_sources(urls, fast(trust_env=True), now=NOW)
    assert [r.verdict for r in results] == ["alive", "alive"]
    assert (proxy.count(proxied), direct.count("/here")) == (1, 1)
    untrusted = check_sources([proxied], fast(trust_env=False), now=NOW)
    assert untrusted[0].verdict != "alive" and proxy.count(proxied) == 1
