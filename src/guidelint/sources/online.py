"""A source check of guide files, as ``guidelint sources`` and ``check --online`` run it.

Finds the guides (or only those changed since a git revision), collects what
they cite, checks it with the config's ``sources`` settings and the cache,
and hands back the results by URL for the rules that need them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from guidelint.config import Config
from guidelint.guide import read_file
from guidelint.paths import display_path
from guidelint.sources.cache import SourceCache
from guidelint.sources.collect import collect
from guidelint.sources.model import Options, ProgressFn, Result, Source
from guidelint.sources.run import check_sources


@dataclass(frozen=True, slots=True)
class OnlineRun:
    """How to check: the checker's options, the cache (if any) and the changed-only base."""

    options: Options = Options()
    cache: SourceCache | None = None
    changed_since: str | None = None  # a git revision: only guides changed since it


def online_run(
    config: Config,
    *,
    refresh: bool = False,
    offline: bool = False,
    changed_since: str | None = None,
    limits: dict[str, float | int | None] | None = None,
) -> OnlineRun:
    """The run the config and the command line ask for.

    ``limits`` may set ``timeout``, ``concurrency`` and ``per_host``; ``None``
    values keep the defaults.
    """
    given = {key: value for key, value in (limits or {}).items() if value is not None}
    options = Options(
        exclude=config.sources.exclude,
        headers=config.sources.headers,
        accept=config.sources.accept,
        offline=offline,
        **given,  # type: ignore[arg-type]
    )
    cache = None
    if config.cache_dir is not None:
        cache = SourceCache(config.cache_dir, max_age(config), refresh)
    return OnlineRun(options, cache, changed_since)


def max_age(config: Config, today: dt.date | None = None) -> dt.timedelta:
    """``policy.source_cache`` as a length of time (a month counts as the one before ``today``)."""
    day = today or dt.date(2000, 3, 1)  # a fixed day: "1mo" is then always 29 days
    return day - config.policy.source_cache.subtract_from(day)


def check_files(
    paths: Sequence[Path],
    config: Config,
    run: OnlineRun,
    *,
    cwd: Path,
    now: dt.datetime | None = None,
    progress: ProgressFn | None = None,
) -> tuple[list[str], dict[str, Result]]:
    """The guide files checked (all under ``paths``, or the changed ones) and results by URL."""
    from guidelint.engine import discover_names  # the engine imports the rules: only here

    names = discover_names(list(paths) or [config.content_root], config)
    if run.changed_since is not None:
        from guidelint.history import changed_files

        names = changed_files(names, run.changed_since, cwd)
    # One guide at a time: only its citations are kept, not the parsed guide.
    found: list[Source] = []
    for name in names:
        guide = read_file(Path(name), display_path(name, cwd), config.max_file_size, config.keys)
        found.extend(collect([guide]))
    results = check_sources(found, run.options, run.cache, now=now, progress=progress)
    return names, {result.url: result for result in results}
