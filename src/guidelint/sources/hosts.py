"""Politeness per host: how many requests at once, how far apart, and pauses.

Each host (``name:port``, so two ports on one machine count as two hosts, as
two sites would) gets at most ``per_host`` requests in flight, request starts
at least ``min_interval`` apart, and a pause when it answers 429 or 503: a
``Retry-After`` holds back every request to that host, not only the retry.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}


class BudgetSpent(Exception):
    """The run's time budget ends before this request could start."""


def host_key(url: str) -> str:
    """``name:port`` of ``url``'s server, the unit every per-host limit counts in."""
    parts = urlsplit(url)
    port = parts.port or _DEFAULT_PORTS.get(parts.scheme, 0)
    return f"{parts.hostname or ''}:{port}"


@dataclass
class _Host:
    slots: asyncio.Semaphore
    next_start: float = 0.0  # loop time before which no request may start (interval)
    not_before: float = 0.0  # loop time the host asked us to wait for (429/503)


@dataclass
class HostGate:
    """Per-host limits for one run; ``deadline`` is loop time (``None``: no budget)."""

    per_host: int
    min_interval: float
    deadline: float | None = None
    _hosts: dict[str, _Host] = field(default_factory=dict)

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Hold one of ``host``'s request slots, once its interval and any pause are over."""
        state = self._hosts.get(host)
        if state is None:
            state = self._hosts[host] = _Host(asyncio.Semaphore(self.per_host))
        async with state.slots:
            await self._wait_turn(state)
            yield

    def pause(self, host: str, seconds: float) -> None:
        """Hold back every request to ``host`` for ``seconds`` from now."""
        state = self._hosts.get(host)
        if state is not None:
            until = asyncio.get_running_loop().time() + seconds
            state.not_before = max(state.not_before, until)

    def paused(self) -> int:
        """How many hosts are paused now (waiting on a rate limit)."""
        now = asyncio.get_running_loop().time()
        return sum(1 for state in self._hosts.values() if state.not_before > now)

    def remaining(self) -> float | None:
        """Seconds left in the run's budget (``None``: unbounded)."""
        if self.deadline is None:
            return None
        return self.deadline - asyncio.get_running_loop().time()

    async def _wait_turn(self, state: _Host) -> None:
        loop = asyncio.get_running_loop()
        while True:  # a pause may be extended while we sleep: look again after each
            now = loop.time()
            start = max(state.next_start, state.not_before, now)
            if self.deadline is not None and start >= self.deadline:
                raise BudgetSpent
            if start <= now:
                state.next_start = now + self.min_interval
                return
            await asyncio.sleep(start - now)
