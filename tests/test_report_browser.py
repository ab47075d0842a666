"""The HTML report in a real browser: headless Chromium renders it from a file URL.

The DOM Chromium dumps is the page after its script ran; the test counts one
table row and one chart mark per guide in it, and saves a screenshot that
must not be blank.  Skipped only when no Chromium is installed (``.ci/run``
installs Debian's ``chromium``).
"""

from __future__ import annotations

import html as html_lib
import itertools
import json
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path
from typing import Any

import pytest

from guidelint.config import build_config
from guidelint.report import collect
from guidelint.report_formats import get_renderer
from tests.conftest import TODAY
from tests.report_corpus import GUIDES, XSS, write_corpus

pytestmark = pytest.mark.integration

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _chromium(tmp_path: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    flags = [
        "--headless",
        "--no-sandbox",  # CI containers run as root, where the sandbox cannot start
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    return subprocess.run(
        [CHROMIUM, *flags, *args, url], capture_output=True, text=True, timeout=120, check=False
    )


def _png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and every pixel's RGB of an 8-bit RGB or RGBA PNG (enough for a screenshot)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = channels = 0
    while pos < len(data):
        (size,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + size]
        pos += 12 + size
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), f"unexpected PNG depth {depth} colour {colour}"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    rows: list[bytes] = []
    for y in range(height):
        start = y * (stride + 1)
        kind_byte, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):  # undo the PNG row filter (None, Sub, Up, Average, Paeth)
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind_byte == 1:
                line[i] = (line[i] + a) & 255
            elif kind_byte == 2:
                line[i] = (line[i] + b) & 255
            elif kind_byte == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind_byte == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, [r[i : i + 3] for r in rows for i in range(0, stride, channels)]


@pytest.fixture
def page(tmp_path: Path) -> Path:
    content = write_corpus(tmp_path)
    report = collect([content], build_config({}, tmp_path, "test"), TODAY, cwd=tmp_path)
    target = tmp_path / "report.html"
    target.write_text(get_renderer("html")(report), encoding="utf-8")
    return target


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install chromium)")
def test_rendered_dom_has_a_row_and_a_mark_per_guide(tmp_path: Path, page: Path) -> None:
    result = _chromium(tmp_path, page.as_uri(), "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert len(re.findall(r'<tr class="guide"', dom)) == len(GUIDES)
    assert len(re.findall(r'<rect class="mark [a-z-]+"', dom)) == len(GUIDES)
    # the script ran: it revealed the filter controls and counted the rows
    assert re.search(r'<div class="controls" id="controls">', dom)
    assert f"{len(GUIDES)} of {len(GUIDES)} shown" in dom
    # a title that is a script tag is text on the page, not a script
    assert XSS not in dom and "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert dom.count("<script") == 1


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install chromium)")
def test_screenshot_is_not_blank(tmp_path: Path, page: Path) -> None:
    shot = tmp_path / "report.png"
    result = _chromium(tmp_path, page.as_uri(), f"--screenshot={shot}", "--window-size=1200,900")
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    width, height, pixels = _png_pixels(shot.read_bytes())
    assert (width, height) == (1200, 900)
    colours = set(pixels)
    # A blank or failed page is one or two colours; the report has status colours,
    # text and anti-aliasing: hundreds.
    assert len(colours) > 50, len(colours)
    for status_colour in (
        b"\xc9\x25\x2d",
        b"\x1f\x7a\x3a",
        b"\xb8\x6e\x00",
    ):  # stale, fresh, due soon
        assert status_colour in colours


# Headless Chromium's window is at least 500 px wide, so the report is laid out in an
# iframe of the width under test; this script measures it once it has loaded and
# writes the figures into the outer page, where --dump-dom shows them.
_MEASURE = """<script>
document.getElementById("frame").onload = function () {
  var win = this.contentWindow, doc = this.contentDocument;
  function box(el) { var r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }
  function inner(card) {  // bottom of the card's content box, and of its last child
    var style = win.getComputedStyle(card), last = card.lastElementChild;
    return [box(card)[3] - parseFloat(style.paddingBottom) - parseFloat(style.borderBottomWidth),
            box(last)[3] + parseFloat(win.getComputedStyle(last).marginBottom)];
  }
  var q = function (s) { return Array.prototype.slice.call(doc.querySelectorAll(s)); };
  var out = {
    ticks: q("#age-chart svg.axis text").map(box),
    axis: box(doc.querySelector("#age-chart svg.axis")),
    bars: q("#age-chart svg.bar").map(box),
    owner_bars: q("#owners .rows.owners svg").map(box),
    segments: q("#owners rect.seg").map(box),
    cards: q(".two > section.card").map(inner),
    page: [doc.documentElement.scrollWidth, win.innerWidth]
  };
  var pre = document.createElement("pre");
  pre.id = "layout";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
};
</script>"""


def _layout(tmp_path: Path, page: Path, width: int) -> dict[str, list[Any]]:
    """Element boxes of the report laid out ``width`` CSS px wide."""
    outer = page.with_name(f"measure-{width}.html")
    report = html_lib.escape(page.read_text(encoding="utf-8"), quote=True)
    outer.write_text(
        '<!DOCTYPE html><html><body style="margin:0">'
        f'<iframe id="frame" width="{width}" height="900" style="border:0" srcdoc="{report}">'
        f"</iframe>{_MEASURE}</body></html>",
        encoding="utf-8",
    )
    result = _chromium(tmp_path, outer.as_uri(), "--dump-dom", "--window-size=1600,1000")
    assert result.returncode == 0, result.stderr[-2000:]
    found = re.search(r'<pre id="layout">(.*?)</pre>', result.stdout, re.S)
    assert found, result.stdout[-2000:]
    figures: dict[str, list[Any]] = json.loads(html_lib.unescape(found.group(1)))
    assert figures["page"][1] == width, figures["page"]
    return figures


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install chromium)")
@pytest.mark.parametrize("width", [390, 900, 1400])
def test_charts_lay_out_at_phone_tablet_and_desktop_widths(
    tmp_path: Path, page: Path, width: int
) -> None:
    figures = _layout(tmp_path, page, width)
    assert figures["page"][0] <= figures["page"][1], "the page scrolls sideways"
    ticks = figures["ticks"]
    assert len(ticks) >= 3
    for left, right in itertools.pairwise(ticks):  # axis labels side by side, a gap between
        assert left[2] + 4 <= right[0], (width, ticks)
    axis = figures["axis"]
    assert axis[0] - 1 <= ticks[0][0] and ticks[-1][2] <= axis[2] + 1, (axis, ticks)
    # the bars have room to show a difference between guides
    assert figures["bars"] and min(b[2] - b[0] for b in figures["bars"]) >= 150, figures["bars"]
    owner_bars = figures["owner_bars"]
    assert owner_bars and min(b[2] - b[0] for b in owner_bars) >= 80, owner_bars
    assert all(s[2] - s[0] > 0 for s in figures["segments"]), figures["segments"]
    # each card ends where its content ends: no large empty area under a short chart
    for content_bottom, last_bottom in figures["cards"]:
        assert content_bottom - last_bottom <= 24, figures["cards"]
