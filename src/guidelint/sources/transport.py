"""One small connection pool per host, behind one httpx transport.

httpcore's single pool walks every connection it holds, for every request,
several times over (quadratic in the pool's size): with forty connections
to twenty hosts that bookkeeping, not the network, set the pace.  A pool per
host holds at most ``per_host`` connections, which is all the per-host limit
ever lets it use.  Pools of hosts not used lately are closed once there are
more than ``max_hosts`` of them, so open sockets stay bounded too.
"""

from __future__ import annotations

import ssl
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable

import httpx

from guidelint.sources.hosts import host_key


class PerHostTransport(httpx.AsyncBaseTransport):
    """Routes each request to its host's own pool; pools share one TLS context."""

    def __init__(self, per_host: int, verify: ssl.SSLContext, max_hosts: int = 256) -> None:
        self.limits = httpx.Limits(max_connections=per_host, max_keepalive_connections=per_host)
        self.verify = verify
        self.max_hosts = max_hosts
        self.pools: OrderedDict[str, httpx.AsyncHTTPTransport] = OrderedDict()
        self.busy: dict[str, int] = {}  # responses still open, per host

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        key = host_key(str(request.url))
        pool = await self._pool(key)
        self.busy[key] = self.busy.get(key, 0) + 1
        try:
            response = await pool.handle_async_request(request)
        except BaseException:
            self._release(key)
            raise
        stream = _Released(response.stream, lambda: self._release(key))
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=stream,
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        for pool in self.pools.values():
            await pool.aclose()
        self.pools.clear()

    async def _pool(self, key: str) -> httpx.AsyncHTTPTransport:
        pool = self.pools.get(key)
        if pool is None:
            await self._evict()
            pool = httpx.AsyncHTTPTransport(verify=self.verify, limits=self.limits)
            self.pools[key] = pool
        self.pools.move_to_end(key)
        return pool

    async def _evict(self) -> None:
        """Close the least recently used idle pools while there are too many."""
        idle = [k for k in self.pools if not self.busy.get(k)]
        for key in idle[: max(0, len(self.pools) + 1 - self.max_hosts)]:
            await self.pools.pop(key).aclose()

    def _release(self, key: str) -> None:
        self.busy[key] -= 1
        if not self.busy[key]:
            del self.busy[key]


class _Released(httpx.AsyncByteStream):
    """A response body that tells its transport when it is closed."""

    def __init__(
        self, stream: httpx.AsyncByteStream | httpx.SyncByteStream, done: Callable[[], None]
    ) -> None:
        self.stream = stream
        self.done: Callable[[], None] | None = done

    async def __aiter__(self) -> AsyncIterator[bytes]:
        assert isinstance(self.stream, httpx.AsyncByteStream)
        async for chunk in self.stream:
            yield chunk

    async def aclose(self) -> None:
        try:
            if isinstance(self.stream, httpx.AsyncByteStream):
                await self.stream.aclose()
        finally:
            if self.done is not None:  # once, however often it is closed
                self.done()
                self.done = None
