"""Collecting cited URLs from parsed guides: what counts, where, and whose."""

from __future__ import annotations

from guidelint.guide import Guide, read_guide
from guidelint.sources.collect import collect, normalise, sources_from_urls
from guidelint.sources.model import Citation

GUIDE = """\
---
title: A guide
owner: careers-editorial
sources:
  - id: survey
    title: The survey
    url: https://Example.TEST/survey#table-2
  - id: notes
    title: Notes without a URL
---
Churn fell 12% ([survey](https://example.test/survey)).
See [the other guide](other.md), [a section](#top) and [mail](mailto:a@b.test).

`https://example.test/in-code` and ![chart](https://img.test/chart.png)

    https://example.test/in-a-code-block

An [http link](http://plain.test/page?q=1) and <https://auto.test/>.
"""

OTHER = """\
---
title: Another
owner: pay-team
---
Pay data: [survey][s].

[s]: https://example.test/survey
"""


def _guides() -> list[Guide]:
    return [read_guide("content/a.md", GUIDE.encode()), read_guide("content/b.md", OTHER.encode())]


def test_sources_and_prose_links_once_each_with_every_citation() -> None:
    found = {s.url: s for s in collect(_guides())}
    assert sorted(found) == [
        "http://plain.test/page?q=1",
        "https://auto.test/",
        "https://example.test/survey",
    ]
    survey = found["https://example.test/survey"]
    assert survey.citations == (
        Citation("content/a.md", 7, 5, "source", "https://Example.TEST/survey#table-2", "careers-editorial"),
        Citation("content/a.md", 11, 17, "link", "https://example.test/survey", "careers-editorial"),
        Citation("content/b.md", 5, 11, "link", "https://example.test/survey", "pay-team"),
    )  # fmt: skip
    assert survey.owners == ("careers-editorial", "pay-team")
    assert survey.paths == ("content/a.md", "content/b.md")


def test_images_only_when_asked() -> None:
    found = {s.url: s for s in collect(_guides(), images=True)}
    (image,) = found["https://img.test/chart.png"].citations
    assert (image.kind, image.line, image.column) == ("image", 14, 36)


def test_a_guide_without_front_matter_or_with_odd_sources_still_collects() -> None:
    odd = "---\ntitle: x\nsources: [just-text, {url: 7}, {url: 'ftp://x.test/f'}]\n---\n[a](https://a.test/)\n"
    bare = "No front matter, [b](https://b.test/x).\n"
    guides = [read_guide("odd.md", odd.encode()), read_guide("bare.md", bare.encode())]
    found = collect(guides)
    assert [s.url for s in found] == ["https://a.test/", "https://b.test/x"]
    assert found[1].citations[0].owner is None


def test_normalise_keeps_web_urls_only_and_drops_the_fragment() -> None:
    assert normalise(" HTTPS://A.test/Path?x=1#frag ") == "https://a.test/Path?x=1"
    assert normalise("ftp://a.test/") is None
    assert normalise("/relative") is None
    assert normalise("https://[broken/") is None
    assert [s.url for s in sources_from_urls(["https://a.test/#x", "https://a.test/"])] == [
        "https://a.test/"
    ]
