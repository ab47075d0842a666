"""The records the source checker passes around: citations, options, results.

Kept free of httpx so that code which only reads results (rules, reports)
never pays for importing an HTTP client.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

Verdict = Literal["alive", "moved", "dead", "unreachable", "skipped"]
# Verdicts worth remembering: a failure may be a passing outage, so it is
# always checked again (what users of lychee and markdown-link-check ask for).
CACHEABLE: frozenset[Verdict] = frozenset({"alive", "moved"})

CitationKind = Literal["source", "link", "image"]


@dataclass(frozen=True, slots=True, order=True)
class Citation:
    """One place a URL is cited: a ``sources[].url`` or a link in the prose.

    ``text`` is the URL exactly as written there (a fragment included), so a
    fix can rewrite it in place; ``line`` and ``column`` are 1-based in the file.
    """

    path: str
    line: int
    column: int
    kind: CitationKind
    text: str
    owner: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """A URL to check (fragment removed) and every place that cites it."""

    url: str
    citations: tuple[Citation, ...] = ()

    @property
    def owners(self) -> tuple[str, ...]:
        """The owners of the citing guides, each once, sorted."""
        return tuple(sorted({c.owner for c in self.citations if c.owner}))

    @property
    def paths(self) -> tuple[str, ...]:
        """The citing guides' display paths, each once, sorted."""
        return tuple(sorted({c.path for c in self.citations}))


@dataclass(frozen=True, slots=True)
class Result:
    """What checking one URL found.

    ``status`` is the last HTTP status seen (0: no response at all);
    ``new_url`` is set for ``moved``: where the permanent redirects lead;
    ``detail`` says why in a few words (never a header value);
    ``cached`` tells a result read from the cache from one checked this run.
    """

    url: str
    verdict: Verdict
    status: int = 0
    new_url: str | None = None
    detail: str = ""
    checked_at: dt.datetime | None = None
    citations: tuple[Citation, ...] = ()
    cached: bool = False


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a run stands, for a progress bar: the library itself never prints."""

    total: int
    checked: int = 0
    dead: int = 0
    waiting_hosts: int = 0  # hosts paused by a 429/503 (Retry-After or backoff)


ProgressFn = Callable[[Progress], None]


@dataclass(frozen=True, slots=True)
class Options:
    """How to check: limits, politeness and what counts as alive.

    ``headers`` maps a host (``example.com`` or ``example.com:8443``) to extra
    request headers; a value may name environment variables as ``${NAME}``,
    expanded only when the request is made, so a token never reaches a
    result, the cache or any output.  ``exclude`` holds URL globs
    (``https://intranet.example.com/*``) that are skipped.  ``accept`` holds
    status codes counted as alive besides 2xx (e.g. 403 for a site that
    blocks robots).  ``budget`` bounds the whole run in seconds: no retry
    waits past it and URLs not reached by then are skipped.
    """

    timeout: float = 10.0
    concurrency: int = 32
    per_host: int = 2
    min_interval: float = 0.0  # seconds between two request starts on one host
    retries: int = 3  # for 429 and 503
    backoff: float = 1.0  # first wait when no Retry-After is given; doubles each time
    max_retry_wait: float = 60.0  # a longer Retry-After is not waited for
    connect_retry_delay: float = 0.5
    max_redirects: int = 10
    budget: float | None = None
    exclude: tuple[str, ...] = ()
    headers: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    accept: frozenset[int] = frozenset()
    offline: bool = False
    trust_env: bool = True  # proxies and CA bundle from the environment, as httpx does
    environ: Mapping[str, str] | None = None  # None: os.environ (a test passes its own)
