"""Remembering what was alive, so a second run asks the network only about the rest.

One JSON file, ``<cache_dir>/sources-v1.json``: per URL the verdict, status,
new URL and check time.  Only ``alive`` and ``moved`` are kept, and reused
while younger than ``max_age``; a failure may be a passing outage and is
always checked again (and removes the URL's earlier entry).  Writing merges
with what is on disk at that moment and replaces the file atomically, so two
runs at once both keep their findings (or, at worst, the last complete write
wins) and a reader never sees half a file.  A file that is damaged, from
another guidelint version or another set of options is no cache at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guidelint import __version__
from guidelint.fileio import atomic_write, ensure_cache_folder
from guidelint.sources.model import CACHEABLE, Options, Result

CACHE_VERSION = 1
CACHE_NAME = f"sources-v{CACHE_VERSION}.json"
DEFAULT_MAX_AGE = dt.timedelta(days=7)

Entry = dict[str, Any]


def identity(options: Options) -> str:
    """What, besides the URL, decides a verdict; a cache written under another is not read.

    Header *names* only: a value may be a secret and never reaches the disk.
    """
    headers = {host: sorted(values) for host, values in sorted(options.headers.items())}
    return json.dumps([__version__, sorted(options.accept), headers], separators=(",", ":"))


@dataclass(frozen=True, slots=True)
class SourceCache:
    """The cache file under ``folder``; ``refresh`` reads nothing (but still writes)."""

    folder: Path
    max_age: dt.timedelta = DEFAULT_MAX_AGE
    refresh: bool = False

    @property
    def path(self) -> Path:
        """The cache file."""
        return self.folder / CACHE_NAME

    def load(self, key: str, now: dt.datetime) -> dict[str, Result]:
        """URL -> the cached result, for every entry still fresh at ``now``."""
        if self.refresh:
            return {}
        fresh: dict[str, Result] = {}
        for url, entry in self._entries(key).items():
            result = _decode(url, entry)
            if result is not None and self._fresh(result, now):
                fresh[url] = result
        return fresh

    def save(self, key: str, results: Iterable[Result], now: dt.datetime) -> None:
        """Merge this run's results into the file; never raises (a cache is optional)."""
        entries = self._entries(key)
        for result in results:
            if not result.cached and result.verdict != "skipped":
                _merge(entries, result)
        # Old entries go; one checked "after" now (another run's clock) stays.
        oldest = now - self.max_age
        kept = {u: e for u, e in entries.items() if _checked_after(_decode(u, e), oldest)}
        payload = {"version": CACHE_VERSION, "identity": key, "entries": kept}
        with contextlib.suppress(OSError):
            ensure_cache_folder(self.folder)
            atomic_write(self.path, json.dumps(payload, sort_keys=True).encode("utf-8"))

    def _entries(self, key: str) -> dict[str, Entry]:
        """The file's entries as written (each checked only when decoded); ``{}`` if unusable."""
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError, RecursionError):  # a damaged cache is no cache
            return {}
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return {}
        entries = data.get("entries")
        if data.get("identity") != key or not isinstance(entries, dict):
            return {}
        return {url: e for url, e in entries.items() if isinstance(e, dict)}

    def _fresh(self, result: Result | None, now: dt.datetime) -> bool:
        # A check time after "now" (a clock set back, a test's date) is not trusted.
        when = result.checked_at if result is not None else None
        return when is not None and now - self.max_age < when <= now


def _merge(entries: dict[str, Entry], result: Result) -> None:
    """Put ``result`` in ``entries`` unless the file already has a later check of the URL."""
    earlier = _decode(result.url, entries.get(result.url))
    if earlier is not None and _later(earlier.checked_at, result.checked_at):
        return  # another run checked it after us: its answer stands
    if result.verdict in CACHEABLE:
        entries[result.url] = _encode(result)
    else:
        entries.pop(result.url, None)


def _checked_after(result: Result | None, when: dt.datetime) -> bool:
    return result is not None and result.checked_at is not None and result.checked_at > when


def _later(first: dt.datetime | None, second: dt.datetime | None) -> bool:
    return first is not None and second is not None and first > second


def _encode(result: Result) -> Entry:
    checked = result.checked_at.isoformat() if result.checked_at else None
    return {
        "verdict": result.verdict,
        "status": result.status,
        "new_url": result.new_url,
        "detail": result.detail,
        "checked_at": checked,
    }


def _decode(url: str, entry: Mapping[str, Any] | None) -> Result | None:
    """The entry as a cached :class:`Result`, or ``None`` if any field is wrong."""
    if entry is None:
        return None
    verdict, status, new_url = entry.get("verdict"), entry.get("status"), entry.get("new_url")
    detail, checked = entry.get("detail", ""), _when(entry.get("checked_at"))
    if verdict not in CACHEABLE or type(status) is not int or checked is None:
        return None
    if not isinstance(detail, str) or not (new_url is None or isinstance(new_url, str)):
        return None
    return Result(url, verdict, status, new_url, detail, checked, cached=True)


def _when(value: Any) -> dt.datetime | None:
    """An aware check time from its ISO text, or ``None``."""
    if not isinstance(value, str):
        return None
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo is not None else None
