"""Checking one URL over HTTP(S): the request, the redirects, the retries, the verdict.

HEAD first (no body at all); GET only when HEAD is refused, and even then the
response is closed as soon as its headers are in, so a 1 GB page costs no
more than a small one.  Redirects are followed here, hop by hop, not by
httpx: only then can a permanent move (301/308, which a guide should follow)
be told from a temporary one (which it should not), each hop go through its
own host's limits, and a loop be named as such.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import fnmatch
import os
import re
import socket
import ssl
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from guidelint import __version__
from guidelint.sources.collect import normalise
from guidelint.sources.hosts import BudgetSpent, HostGate, host_key
from guidelint.sources.model import Options, Verdict
from guidelint.sources.transport import HostPools

USER_AGENT = f"guidelint/{__version__} (source checker)"
HEAD_REFUSED = frozenset({403, 405, 501})
RETRY_STATUSES = frozenset({429, 503})
PERMANENT = frozenset({301, 308})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
GONE = frozenset({404, 410})
_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
# getaddrinfo's "no such name" answers; EAI_AGAIN (a resolver that did not
# answer) is an outage, not a verdict on the name.
_NO_SUCH_NAME = {
    getattr(socket, name) for name in ("EAI_NONAME", "EAI_NODATA") if hasattr(socket, name)
}


@dataclass(frozen=True, slots=True)
class Outcome:
    """The verdict on one URL, before citations and times are attached."""

    verdict: Verdict
    status: int = 0
    new_url: str | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    location: str | None
    retry_after: float | None


@dataclass(frozen=True, slots=True)
class _Failure:
    verdict: Verdict
    detail: str
    retry: bool  # worth one more try (a refused or dropped connection)


def is_excluded(url: str, globs: tuple[str, ...]) -> bool:
    """Whether ``url`` matches one of the ``exclude`` globs (``*`` spans ``/``)."""
    return any(fnmatch.fnmatchcase(url, glob) for glob in globs)


@asynccontextmanager
async def open_checker(
    options: Options, gate: HostGate, on_pause: Callable[[], None] | None = None
) -> AsyncIterator[Checker]:
    """A :class:`Checker` with its connection pools, closed on exit."""
    pools = HostPools(options.per_host, _tls_context(options.trust_env), options.trust_env)
    try:
        yield Checker(options, pools, gate, on_pause)
    finally:
        await pools.aclose()


def _tls_context(trust_env: bool) -> ssl.SSLContext:
    """The CA bundle httpx would use (``SSL_CERT_FILE`` honoured when trusting the environment)."""
    import certifi  # installed with httpx

    cafile = os.environ.get("SSL_CERT_FILE") if trust_env else None
    return ssl.create_default_context(cafile=cafile or certifi.where())


class Checker:
    """Checks URLs with one client under one run's limits."""

    def __init__(
        self,
        options: Options,
        pools: HostPools,
        gate: HostGate,
        on_pause: Callable[[], None] | None = None,
    ) -> None:
        self.options = options
        self.pools = pools
        self.timeouts = httpx.Timeout(options.timeout).as_dict()
        self.gate = gate
        self.on_pause = on_pause
        self.slots = asyncio.Semaphore(options.concurrency)
        self.environ = os.environ if options.environ is None else options.environ

    async def check(self, url: str) -> Outcome:
        """The verdict on ``url``; never raises for anything the network does."""
        if is_excluded(url, self.options.exclude):
            return Outcome("skipped", detail="excluded by sources.exclude")
        try:
            return await self._follow(url)
        except BudgetSpent:
            return Outcome("skipped", detail="not checked: the run's time budget ran out")

    async def _follow(self, url: str) -> Outcome:
        """Walk the redirect chain from ``url`` and judge where it ends."""
        current, seen, moved_to = url, {url}, None
        permanent = True  # every hop so far was permanent
        for _ in range(self.options.max_redirects + 1):
            answer = await self._fetch(current)
            if isinstance(answer, _Failure):
                return Outcome(answer.verdict, detail=_after(answer.detail, url, current))
            if answer.status not in REDIRECTS or not answer.location:
                return self._judge(answer.status, url, current, moved_to)
            target = normalise(urljoin(current, answer.location))
            if target is None:
                return Outcome("unreachable", answer.status, detail="redirects to a non-web URL")
            permanent = permanent and answer.status in PERMANENT
            moved_to = target if permanent else moved_to
            if target in seen:
                return Outcome("unreachable", answer.status, detail=f"redirect loop at {target}")
            seen.add(target)
            current = target
        return Outcome("unreachable", detail=f"more than {self.options.max_redirects} redirects")

    def _judge(self, status: int, url: str, final: str, moved_to: str | None) -> Outcome:
        """The verdict for the last status of a chain."""
        if 200 <= status < 300 or status in self.options.accept:
            if moved_to is not None:
                return Outcome("moved", status, moved_to, "permanent redirect")
            return Outcome("alive", status)
        if status in GONE:
            return Outcome("dead", status, detail=_after(f"HTTP {status}", url, final))
        detail = f"HTTP {status}"
        if status in RETRY_STATUSES:
            detail += " (retried, then gave up)"
        return Outcome("unreachable", status, detail=_after(detail, url, final))

    async def _fetch(self, url: str) -> _Answer | _Failure:
        """One hop: HEAD (GET if refused), retrying 429/503 and one dropped connection."""
        method, retries, connect_retry = "HEAD", 0, True
        while True:
            answer = await self._request(method, url)
            if isinstance(answer, _Failure):
                if not (answer.retry and connect_retry):
                    return answer
                connect_retry = False
                self.gate.pause(host_key(url), self.options.connect_retry_delay)
                continue
            if method == "HEAD" and answer.status in HEAD_REFUSED:
                method = "GET"
                continue
            if answer.status not in RETRY_STATUSES or retries >= self.options.retries:
                return answer
            wait = self._retry_wait(answer, retries)
            if wait is None:
                return answer
            retries += 1
            self.gate.pause(host_key(url), wait)
            if self.on_pause is not None:
                self.on_pause()

    def _retry_wait(self, answer: _Answer, retries: int) -> float | None:
        """Seconds to wait before retrying a 429/503, or ``None`` to give up now."""
        wait = answer.retry_after
        if wait is None:
            wait = self.options.backoff * 2**retries
        remaining = self.gate.remaining()
        if wait > self.options.max_retry_wait or (remaining is not None and wait >= remaining):
            return None
        return wait

    async def _request(self, method: str, url: str) -> _Answer | _Failure:
        """One request under the host's and the run's limits; the body is never read."""
        try:
            async with self.gate.slot(host_key(url)), self.slots:
                return await self._send(method, url)
        except BudgetSpent:
            raise
        except (TimeoutError, httpx.TimeoutException):
            return _Failure("unreachable", f"timed out after {self.options.timeout:g} s", False)
        except (httpx.InvalidURL, httpx.UnsupportedProtocol):
            return _Failure("dead", "not a valid URL", False)
        except (httpx.HTTPError, OSError) as exc:
            return classify(exc)
        except ValueError:  # e.g. a header value httpx refuses; its text may hold a secret
            return _Failure("unreachable", "the request could not be built", False)

    async def _send(self, method: str, url: str) -> _Answer:
        limit = self.options.timeout
        remaining = self.gate.remaining()
        if remaining is not None:
            limit = min(limit, max(remaining, 0.0))
        # httpx's timeout is per phase; this one bounds the whole exchange, so
        # a server dripping its headers a byte at a time cannot hold us.
        headers = {"User-Agent": USER_AGENT, **self._headers(url)}
        request = httpx.Request(method, url, headers=headers, extensions={"timeout": self.timeouts})
        async with asyncio.timeout(limit), self.pools.use(url) as transport:
            # The transport, not a client: see guidelint.sources.transport.
            response = await transport.handle_async_request(request)
            if method == "HEAD":
                # A HEAD answer has no body by definition; reading its end lets
                # httpcore keep the connection for the host's next URL.
                await response.aread()
            else:
                await response.aclose()  # headers only: a GET's body is never read
        return _Answer(
            response.status_code,
            response.headers.get("location"),
            parse_retry_after(response.headers.get("retry-after")),
        )

    def _headers(self, url: str) -> dict[str, str]:
        """The configured headers for ``url``'s host, ``${NAME}`` expanded from the environment.

        A header naming a variable that is not set is left out rather than
        sent with the placeholder in it.
        """
        parts = urlsplit(url)
        host = parts.hostname or ""
        configured = self.options.headers
        wanted = configured.get(f"{host}:{parts.port}") if parts.port else None
        if wanted is None:
            wanted = configured.get(host, {})
        return dict(_expanded(wanted, self.environ))


def _expanded(headers: Mapping[str, str], environ: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    for name, value in headers.items():
        names = _ENV_REF.findall(value)
        if all(var in environ for var in names):
            yield name, _ENV_REF.sub(lambda m: environ[m.group(1)], value)


def classify(exc: BaseException) -> _Failure:
    """The verdict on a request that got no HTTP answer, from the causes of ``exc``."""
    for cause in _causes(exc):
        if isinstance(cause, ssl.SSLError):
            reason = getattr(cause, "verify_message", None) or cause.reason or "handshake failed"
            return _Failure("unreachable", f"TLS failure: {reason}", False)
        if isinstance(cause, socket.gaierror):
            if cause.errno in _NO_SUCH_NAME:
                return _Failure("dead", "DNS name does not resolve", False)
            return _Failure("unreachable", "DNS lookup failed", True)
        if isinstance(cause, ConnectionRefusedError):
            return _Failure("dead", "connection refused", True)
    return _Failure("unreachable", f"connection failed ({type(exc).__name__})", True)


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and what it was raised from, outermost first (cycles cut)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def parse_retry_after(value: str | None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (delta-seconds or an HTTP date)."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def _after(detail: str, url: str, final: str) -> str:
    return detail if final == url else f"{detail} (after redirects to {final})"
