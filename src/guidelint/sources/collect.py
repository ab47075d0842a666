"""Which URLs the guides cite, and where: the input of a source check.

Two kinds of citation count: every ``sources[].url`` in the front matter and
every external http(s) link in the prose.  Code never holds a link (the
Markdown parser sees none there) and images are left out unless asked for:
a broken picture is not a lost source.  Pure: it reads only what a parsed
:class:`~guidelint.guide.Guide` already holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pyromark

from guidelint.guide import Guide
from guidelint.sources.model import Citation, CitationKind, Source

_WEB_SCHEMES = ("http", "https")
# The options guidelint's own body parser uses, so an image is found where a
# reader sees one (a table cell, a footnote).
_IMAGE_OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_FOOTNOTES
    | pyromark.Options.ENABLE_MATH
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_TASKLISTS
)


def collect(guides: Iterable[Guide], *, images: bool = False) -> list[Source]:
    """Every cited web URL, once, with all its citations; sorted by URL."""
    found: dict[str, list[Citation]] = {}
    for guide in guides:
        for url, citation in _citations(guide, images):
            found.setdefault(url, []).append(citation)
    return [Source(url, tuple(sorted(set(found[url])))) for url in sorted(found)]


def sources_from_urls(urls: Iterable[str]) -> list[Source]:
    """Bare URLs (no guide cites them) as sources, for checking a list by hand."""
    keys = {key for key in map(normalise, urls) if key is not None}
    return [Source(url) for url in sorted(keys)]


def normalise(text: str) -> str | None:
    """The URL to request for ``text``, or ``None`` when it is not an absolute web URL.

    The fragment is dropped (it never reaches the server, so ``page#a`` and
    ``page#b`` are one check) and the scheme and host are lower-cased.
    """
    try:
        parts = urlsplit(text.strip())
    except ValueError:  # e.g. an unbalanced "[" in the host
        return None
    if parts.scheme.lower() not in _WEB_SCHEMES or not parts.netloc:
        return None
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, ""))


def _citations(guide: Guide, images: bool) -> Iterator[tuple[str, Citation]]:
    owner = _owner(guide)
    for index, text in _source_urls(guide):
        line, column = guide.key_position("sources", index, "url")
        yield from _cite(guide.path, line, column, "source", text, owner)
    if guide.meta is None and not guide.body_text:
        return  # unreadable: parsing an empty body would find nothing anyway
    for link in guide.body.links:
        line, column = guide.position(link.offset)
        yield from _cite(guide.path, line, column, "link", link.dest, owner)
    if images:
        for dest, offset in _images(guide):
            line, column = guide.position(offset)
            yield from _cite(guide.path, line, column, "image", dest, owner)


def _cite(
    path: str, line: int, column: int, kind: CitationKind, text: str, owner: str | None
) -> Iterator[tuple[str, Citation]]:
    url = normalise(text)
    if url is not None:
        yield url, Citation(path, line, column, kind, text, owner)


def _source_urls(guide: Guide) -> Iterator[tuple[int, str]]:
    """(index, url) of each ``sources`` entry with a text ``url``; a malformed list is skipped
    (the schema check reports it)."""
    sources = guide.get("sources")
    if not isinstance(sources, list):
        return
    for index, entry in enumerate(sources):
        url = entry.get("url") if isinstance(entry, dict) else None
        if isinstance(url, str):
            yield index, url


def _owner(guide: Guide) -> str | None:
    owner = guide.get("owner")
    return owner if isinstance(owner, str) and owner else None


def _images(guide: Guide) -> Iterator[tuple[str, int]]:
    """(destination, file byte offset) of every image in the body."""
    events = pyromark.events_with_range(guide.body_text, options=_IMAGE_OPTIONS, merge_text=True)
    for event, span in events:
        dest = _image_dest(event)
        if dest is not None:
            yield dest, guide.body_offset + span["start"]


def _image_dest(event: Any) -> str | None:
    start = event.get("Start") if isinstance(event, dict) else None
    image = start.get("Image") if isinstance(start, dict) else None
    return str(image.get("dest_url", "")) if isinstance(image, dict) else None
