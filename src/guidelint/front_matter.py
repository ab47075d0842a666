"""Where a guide's front matter ends and its body begins: the one splitter.

A guide opens with a ``---`` line (trailing spaces and tabs allowed), then
YAML, then a closing ``---`` or ``...`` line.  Every reader of front matter
(the guide parser, the slug index, ``review``, the benchmark floor) splits
here, so they can never disagree about which files have front matter.
Line breaks may be LF, CRLF or a lone CR, as in CommonMark.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import yaml

from guidelint.yamlread import GuideLoader

BOM = b"\xef\xbb\xbf"
_OPEN_RE = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
# Not re.M: its ``^``/``$`` know only "\n", and a CRLF or CR file must close too.
_CLOSE_RE = re.compile(r"(?<=[\r\n])(?:---|\.\.\.)[ \t]*(?=\r|\n|\Z)")
_LINE_END_RE = re.compile(r"\r\n|\r|\n")


class Split(NamedTuple):
    """Character offsets of the parts of a guide's text.

    ``yaml_start`` is 0 when the text has no opening line; ``yaml_end`` is
    -1 when the front matter is not closed.
    """

    yaml_start: int  # first character of the YAML (after the opening line)
    yaml_end: int  # first character of the closing line
    body_start: int  # first character of the body (after the closing line)

    @property
    def opened(self) -> bool:
        """Whether the text starts with an opening ``---`` line."""
        return self.yaml_start > 0

    @property
    def closed(self) -> bool:
        """Whether a closing line was found."""
        return self.yaml_end >= 0


def split(text: str) -> Split:
    """Find the front matter of ``text`` (decoded, without a BOM)."""
    opening = _OPEN_RE.match(text)
    if not opening:
        return Split(0, -1, 0)
    closing = _CLOSE_RE.search(text, opening.end())
    if not closing:
        return Split(opening.end(), -1, 0)
    line_end = _LINE_END_RE.match(text, closing.end())
    return Split(opening.end(), closing.start(), line_end.end() if line_end else closing.end())


def quick_meta(data: bytes) -> dict[str, Any] | None:
    """The front matter of a file's bytes as a mapping, or ``None``; never raises.

    For readers that want a key or two (the slug index): no positions, no
    checks beyond "is it a mapping".  ``data`` may be just the file's head,
    as long as it holds the closing line.
    """
    text = data.removeprefix(BOM).decode("utf-8", errors="replace")
    parts = split(text)
    if not parts.closed:
        return None
    try:
        meta = yaml.load(text[parts.yaml_start : parts.yaml_end], Loader=GuideLoader)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None
