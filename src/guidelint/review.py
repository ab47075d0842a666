"""Recording a review: set ``reviewed`` (and maybe ``salary_as_of``) in place.

An editor who has confirmed a guide is still true runs ``guidelint review``.
Only the bytes of the date values change: comments, key order, quoting, line
endings and a byte-order mark all stay as they were.  The value's exact span
comes from libyaml's node marks; a key that is missing is inserted as a new
line after ``updated`` (after ``reviewed`` for ``salary_as_of``), ending with
the file's own line break.  The edited bytes are parsed again and compared
with the original before anything is written: if any other value changed,
nothing is written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from guidelint import front_matter
from guidelint.dates import parse_date
from guidelint.errors import GuidelintError
from guidelint.guide import Guide, read_guide

_BREAK_RE = re.compile(r"\r\n|\r|\n")


class ReviewError(GuidelintError):
    """A file ``review`` refuses to edit."""


@dataclass(frozen=True, slots=True)
class _Edit:
    start: int  # character offsets in the decoded text
    end: int
    text: str


def mark_reviewed(
    path: str,
    data: bytes,
    today: dt.date,
    *,
    salary: bool = False,
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> bytes:
    """``data`` with ``reviewed: today`` (and, with ``salary``, ``salary_as_of``) set.

    Raises :class:`ReviewError` when the front matter does not parse or a
    value cannot be edited in place.
    """
    guide = read_guide(path, data, aliases)
    if guide.meta is None or guide.problems:
        why = guide.problems[0].message if guide.problems else "no front matter"
        raise ReviewError(f"{path}: not changed: {why}")
    bom = data.startswith(front_matter.BOM)
    text = data.removeprefix(front_matter.BOM).decode("utf-8")
    parts = front_matter.split(text)  # read_guide found it opened and closed
    yaml_start = parts.yaml_start
    root = _root_node(text[yaml_start : parts.yaml_end], guide)
    keys = {str(k.value): (k, v) for k, v in root.value}

    reviewed_key = guide.key_name("reviewed")
    salary_key = guide.key_name("salary_as_of")
    changes: dict[str, str] = {reviewed_key: today.isoformat()}
    edits: list[_Edit] = []
    anchor = keys.get(guide.key_name("updated"))
    try:
        edits.append(_set(text, yaml_start, keys, reviewed_key, today.isoformat(), anchor, root))
        if salary:
            old = parse_date(guide.get("salary_as_of"))
            month = old is not None and old.precision == "month"
            value = today.strftime("%Y-%m") if month else today.isoformat()
            changes[salary_key] = value
            after = keys.get(reviewed_key) or anchor
            edits.append(_set(text, yaml_start, keys, salary_key, value, after, root))
    except ReviewError as exc:
        raise ReviewError(f"{path}: not changed: {exc}") from None
    # Apply from the end so earlier offsets stay valid; two insertions at the
    # same place keep their order (reviewed, then salary_as_of).
    for _, edit in sorted(enumerate(edits), key=lambda p: (p[1].start, p[0]), reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end :]
    result = (front_matter.BOM if bom else b"") + text.encode("utf-8")
    _verify(path, guide, read_guide(path, result, aliases), changes)
    return result


def _root_node(yaml_text: str, guide: Guide) -> yaml.MappingNode:
    """The front matter's top mapping node, with marks relative to the YAML's start."""
    loader = yaml.CSafeLoader(yaml_text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    if not isinstance(node, yaml.MappingNode):  # pragma: no cover - read_guide refused it
        raise ReviewError(f"{guide.path}: not changed: front matter is not a mapping")
    if node.flow_style:
        raise ReviewError(
            f"{guide.path}: not changed: front matter written as a {{flow mapping}}; "
            "write one key per line"
        )
    return node


def _set(
    text: str,
    yaml_start: int,
    keys: Mapping[str, tuple[yaml.Node, yaml.Node]],
    key: str,
    value: str,
    after: tuple[yaml.Node, yaml.Node] | None,
    root: yaml.MappingNode,
) -> _Edit:
    """Replace ``key``'s scalar value, or insert ``key: value`` after ``after``'s line."""
    if key in keys:
        key_node, node = keys[key]
        if not isinstance(node, yaml.ScalarNode) or node.style in ("|", ">"):
            raise ReviewError(f"'{key}' is not a one-line date; fix it by hand first")
        start, end = yaml_start + node.start_mark.index, yaml_start + node.end_mark.index
        if start == end:  # "reviewed:" with no value: write it right after the colon
            colon = text.index(":", yaml_start + key_node.end_mark.index)
            return _Edit(colon + 1, colon + 1, " " + value)
        quote = node.style if node.style in ("'", '"') else ""
        return _Edit(start, end, f"{quote}{value}{quote}")
    # After the anchor's value, or at the end of the front matter without one.
    key_node, node = after if after is not None else root.value[-1]
    indent = " " * key_node.start_mark.column
    end = yaml_start + node.end_mark.index
    if end and text[end - 1] in "\r\n":
        # A block value (a list, a '|' scalar) ends where the next line starts.
        eol = "\r\n" if text[end - 2 : end] == "\r\n" else text[end - 1]
        return _Edit(end, end, f"{indent}{key}: {value}{eol}")
    line_end = _BREAK_RE.search(text, end)
    if line_end is None:  # pragma: no cover - the closing '---' line always follows
        raise ReviewError(f"cannot find where to add '{key}'")
    return _Edit(line_end.end(), line_end.end(), f"{indent}{key}: {value}{line_end.group(0)}")


def _verify(path: str, before: Guide, after: Guide, changes: Mapping[str, str]) -> None:
    """The edit changed exactly the intended values, or nothing is written."""
    expected: dict[str, Any] = dict(before.meta or {})
    expected.update(changes)
    if after.problems or after.meta is None or dict(after.meta) != expected:
        raise ReviewError(  # pragma: no cover - a bug guard, not a user path
            f"{path}: not changed: editing the front matter in place would change other values"
        )
    if after.body_text != before.body_text:  # pragma: no cover - a bug guard
        raise ReviewError(f"{path}: not changed: the edit would touch the body")


def describe(
    path: str,
    data: bytes,
    *,
    salary: bool = False,
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """What an edited file now says, e.g. ``reviewed set to 2026-11-26, salary_as_of to 2026-11``.

    Read back from the written bytes, so a month kept as a month is shown as one.
    """
    guide = read_guide(path, data, aliases)
    said = [f"{guide.key_name('reviewed')} set to {parse_date(guide.get('reviewed'))}"]
    if salary:
        said.append(f"{guide.key_name('salary_as_of')} to {parse_date(guide.get('salary_as_of'))}")
    return ", ".join(said)


def review_files(
    paths: Sequence[Path],
    today: dt.date,
    *,
    salary: bool = False,
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> list[tuple[Path, bytes]]:
    """The new bytes of every file, or :class:`ReviewError` for the first refused one.

    Nothing is written here: the caller writes all files only when all of
    them could be edited.
    """
    results: list[tuple[Path, bytes]] = []
    for path in paths:
        if path.is_dir():
            raise ReviewError(f"{path}: is a folder; name the guide files an editor reviewed")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ReviewError(f"{path}: cannot read: {exc.strerror or exc}") from exc
        results.append(
            (path, mark_reviewed(str(path), data, today, salary=salary, aliases=aliases))
        )
    return results
