"""The whole source check in one call: collect, use the cache, check the rest, save.

:func:`check_sources` is what a CLI command calls; :func:`check_sources_async`
is the same for a caller that already runs an event loop.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from guidelint.guide import Guide
from guidelint.sources.cache import SourceCache, identity
from guidelint.sources.collect import collect, sources_from_urls
from guidelint.sources.hosts import HostGate, host_key
from guidelint.sources.model import Citation, Options, Progress, ProgressFn, Result, Source

Item = Guide | Source | str


def check_sources(
    items: Iterable[Item],
    options: Options | None = None,
    cache: SourceCache | None = None,
    *,
    now: dt.datetime | None = None,
    progress: ProgressFn | None = None,
    images: bool = False,
) -> list[Result]:
    """Check every URL the guides (or bare URLs, or :class:`Source` records) cite.

    One :class:`Result` per distinct URL, sorted by URL, each with its
    citations.  ``now`` (aware; default: the clock) is the check time
    recorded and the time cache ages count from.  ``images`` also collects
    image URLs from the prose.  Never prints; ``progress`` is called as URLs
    finish and as hosts pause.  When the cache (or ``offline``) answers for
    every URL, no event loop is started and no socket opened.
    """
    plan = _plan(items, options, cache, now, images)
    checked = asyncio.run(_execute(plan, progress)) if plan.pending else []
    return _finish(plan, checked)


async def check_sources_async(
    items: Iterable[Item],
    options: Options | None = None,
    cache: SourceCache | None = None,
    *,
    now: dt.datetime | None = None,
    progress: ProgressFn | None = None,
    images: bool = False,
) -> list[Result]:
    """:func:`check_sources` inside a running event loop."""
    plan = _plan(items, options, cache, now, images)
    return _finish(plan, await _execute(plan, progress))


@dataclass
class _Plan:
    """What a run must check, and what the cache (or ``offline``) already answered."""

    options: Options
    cache: SourceCache | None
    key: str
    when: dt.datetime
    sources: list[Source]
    done: dict[str, Result]
    pending: list[Source]


def _plan(
    items: Iterable[Item],
    options: Options | None,
    cache: SourceCache | None,
    now: dt.datetime | None,
    images: bool,
) -> _Plan:
    options = options or Options()
    when = _aware(now)
    sources = gather(items, images=images)
    key = identity(options)
    cached = cache.load(key, when) if cache is not None else {}
    done = {
        s.url: replace(cached[s.url], citations=s.citations) for s in sources if s.url in cached
    }
    pending = [s for s in sources if s.url not in done]
    if options.offline:
        done.update((s.url, _skipped(s, when, "offline")) for s in pending)
        pending = []
    return _Plan(options, cache, key, when, sources, done, pending)


async def _execute(plan: _Plan, progress: ProgressFn | None) -> list[Result]:
    tracker = _Tracker(len(plan.sources), len(plan.done), progress)
    return await _check_all(plan.pending, plan.options, plan.when, tracker)


def _finish(plan: _Plan, checked: list[Result]) -> list[Result]:
    if plan.cache is not None:
        plan.cache.save(plan.key, checked, plan.when)
    done = {**plan.done, **{r.url: r for r in checked}}
    return [done[s.url] for s in plan.sources]


def gather(items: Iterable[Item], *, images: bool = False) -> list[Source]:
    """Guides, sources and bare URLs as one list of sources, a URL once, sorted."""
    guides: list[Guide] = []
    found: list[Source] = []
    for item in items:
        if isinstance(item, Guide):
            guides.append(item)
        elif isinstance(item, Source):
            found.append(item)
        else:
            found.extend(sources_from_urls([item]))
    found.extend(collect(guides, images=images))
    merged: dict[str, set[Citation]] = {}
    for source in found:
        merged.setdefault(source.url, set()).update(source.citations)
    return [Source(url, tuple(sorted(merged[url]))) for url in sorted(merged)]


@dataclass
class _Tracker:
    """Counts for the progress callback."""

    total: int
    checked: int
    callback: ProgressFn | None
    dead: int = 0
    gate: HostGate | None = None

    def emit(self) -> None:
        if self.callback is not None:
            paused = self.gate.paused() if self.gate is not None else 0
            self.callback(Progress(self.total, self.checked, self.dead, paused))

    def finished(self, result: Result) -> None:
        self.checked += 1
        self.dead += result.verdict == "dead"
        self.emit()


async def _check_all(
    sources: Sequence[Source], options: Options, now: dt.datetime, tracker: _Tracker
) -> list[Result]:
    """Check ``sources`` with a bounded pool of workers (memory stays flat however many)."""
    # Imported here: httpx costs a noticeable part of a second to import, and
    # a run whose URLs all come from the cache (or are skipped) never needs it.
    from guidelint.sources.check import open_checker

    if not sources:
        return []
    loop = asyncio.get_running_loop()
    deadline = None if options.budget is None else loop.time() + options.budget
    gate = HostGate(options.per_host, options.min_interval, deadline)
    tracker.gate = gate
    queue = iter(_interleaved(sources))
    results: list[Result] = []

    async with open_checker(options, gate, tracker.emit) as checker:

        async def worker() -> None:
            for source in queue:  # shared iterator: each source goes to one worker
                outcome = await checker.check(source.url)
                result = Result(
                    source.url,
                    outcome.verdict,
                    outcome.status,
                    outcome.new_url,
                    outcome.detail,
                    now,
                    source.citations,
                )
                results.append(result)
                tracker.finished(result)

        workers = min(len(sources), 2 * options.concurrency)
        async with asyncio.TaskGroup() as group:
            for _ in range(workers):
                group.create_task(worker())
    return results


def _interleaved(sources: Sequence[Source]) -> list[Source]:
    """One URL per host in turn, so waiting on one busy host never idles the others."""
    by_host: dict[str, list[Source]] = {}
    for source in sources:
        by_host.setdefault(host_key(source.url), []).append(source)
    rounds = itertools.zip_longest(*by_host.values())
    return [source for batch in rounds for source in batch if source is not None]


def _skipped(source: Source, now: dt.datetime, why: str) -> Result:
    return Result(source.url, "skipped", detail=why, checked_at=now, citations=source.citations)


def _aware(now: dt.datetime | None) -> dt.datetime:
    """``now`` as an aware time (a naive one is taken as UTC); the clock if ``None``."""
    if now is None:
        return dt.datetime.now(dt.UTC)
    return now if now.tzinfo is not None else now.replace(tzinfo=dt.UTC)
