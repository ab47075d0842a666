"""One small httpx connection pool per host, used without ``httpx.AsyncClient``.

Why not one pool: httpcore's pool walks every connection it holds, for
every request, several times over (quadratic in its size).  A pool per host
holds at most ``per_host`` connections, all the per-host limit lets it use.

Why not the client: its per-request work (merging URLs, headers and cookies,
parsing every response into a cookie jar, auth and event hooks) cost about
0.3 ms of CPU per request, as much again as the transport below it, and the
checker uses none of it.  With thousands of requests on a busy machine that
CPU, not the network, set the pace (see docs/performance.md).  What the
client did that the checker needs is kept: proxies from the environment
(``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``, ``NO_PROXY``) when trusted.

Pools of hosts not used lately are closed once there are more than
``max_hosts`` of them, so open sockets stay bounded too.
"""

from __future__ import annotations

import ssl
import urllib.request
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

import httpx

from guidelint.sources.hosts import host_key


class HostPools:
    """httpx transports by host, sharing one TLS context; ``use`` marks one busy."""

    def __init__(
        self, per_host: int, verify: ssl.SSLContext, trust_env: bool, max_hosts: int = 256
    ) -> None:
        self.limits = httpx.Limits(max_connections=per_host, max_keepalive_connections=per_host)
        self.verify = verify
        self.proxies = urllib.request.getproxies_environment() if trust_env else {}
        self.max_hosts = max_hosts
        self.pools: OrderedDict[str, httpx.AsyncHTTPTransport] = OrderedDict()
        self.busy: dict[str, int] = {}  # exchanges under way, per host

    @asynccontextmanager
    async def use(self, url: str) -> AsyncIterator[httpx.AsyncHTTPTransport]:
        """The transport for ``url``'s host, not closed while the block runs."""
        key = host_key(url)
        pool = self.pools.get(key)
        if pool is None:
            await self._evict()
            pool = self.pools[key] = self._new(url)
        self.pools.move_to_end(key)
        self.busy[key] = self.busy.get(key, 0) + 1
        try:
            yield pool
        finally:
            self.busy[key] -= 1
            if not self.busy[key]:
                del self.busy[key]

    async def aclose(self) -> None:
        for pool in self.pools.values():
            await pool.aclose()
        self.pools.clear()

    def _new(self, url: str) -> httpx.AsyncHTTPTransport:
        proxy = self._proxy(url)
        return httpx.AsyncHTTPTransport(verify=self.verify, limits=self.limits, proxy=proxy)

    def _proxy(self, url: str) -> str | None:
        """The environment's proxy for ``url``, as httpx's client would pick it."""
        if not self.proxies:
            return None
        parts = urlsplit(url)
        bypass = urllib.request.proxy_bypass_environment  # type: ignore[attr-defined]  # not in typeshed
        if bypass(parts.netloc, self.proxies):
            return None
        proxy = self.proxies.get(parts.scheme) or self.proxies.get("all")
        if proxy and "://" not in proxy:
            proxy = f"http://{proxy}"  # HTTP_PROXY=host:3128, as httpx reads it
        return proxy

    async def _evict(self) -> None:
        """Close the least recently used idle pools while there are too many."""
        idle = [k for k in self.pools if not self.busy.get(k)]
        for key in idle[: max(0, len(self.pools) + 1 - self.max_hosts)]:
            await self.pools.pop(key).aclose()
