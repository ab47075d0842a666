"""Fixes: building the text edits rules attach to findings, and applying them.

A :class:`~guidelint.diagnostic.Fix` is a few byte-range edits of the file
(offsets count without a BOM, like every offset of a :class:`Guide`).
Applying edits changes only their bytes: the BOM, line endings, comments and
key order around them stay as they were.  Fixes are applied all-or-nothing;
one that overlaps a fix already taken is skipped (the next pass, on the
fixed text, gets it), and identical fixes (several findings sharing one
insertion) are applied once.  ``guidelint check --fix`` and the language
server both use this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import yaml

from guidelint.diagnostic import Applicability, Diagnostic, Edit, Fix
from guidelint.front_matter import BOM
from guidelint.guide import Guide

# A fixed file is checked again and fixed again at most this many times.
MAX_PASSES = 10
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
# YAML breaks lines at these too, so a YAML mark's line would not be the file's.
_YAML_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")


def line_break(source: bytes) -> str:
    """The file's own line ending (its first one), ``\\n`` if it has none."""
    match = _LINE_BREAK.search(source)
    return match.group().decode("ascii") if match else "\n"


def remove_span(guide: Guide, start: int, end: int) -> Edit:
    """An edit removing bytes ``start:end``, with their whole line when nothing else is on it."""
    source = guide.source
    line_start = max(source.rfind(b"\n", 0, start), source.rfind(b"\r", 0, start)) + 1
    after = _LINE_BREAK.search(source, end)
    line_end = after.start() if after else len(source)
    if source[line_start:start].strip() or source[end:line_end].strip():
        return Edit(start, end, "")
    return Edit(line_start, after.end() if after else line_end, "")


def _yaml_start(guide: Guide) -> int | None:
    """Byte offset of the front matter's first YAML line, or ``None`` without one."""
    if guide.meta is None or any(c in guide.yaml_text for c in _YAML_ONLY_BREAKS):
        return None
    opening = _LINE_BREAK.search(guide.source)
    return opening.end() if opening else None


def value_span(guide: Guide, key: str) -> tuple[int, int] | None:
    """Byte range of top-level ``key``'s scalar value (quotes included), if it has one."""
    start = _yaml_start(guide)
    if start is None:
        return None
    try:
        node = yaml.compose(guide.yaml_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if key_node.value == key and isinstance(value_node, yaml.ScalarNode):
            first, last = value_node.start_mark, value_node.end_mark
            # YAML line 0 is the file's line 2 (after the opening ---).
            return (
                guide.offset(first.line + 2, first.column + 1),
                guide.offset(last.line + 2, last.column + 1),
            )
    return None


def set_value(guide: Guide, key: str, value: str) -> Edit | None:
    """An edit setting top-level ``key``'s scalar to ``value``, keeping its quotes."""
    span = value_span(guide, key)
    if span is None:
        return None
    old = guide.source[span[0] : span[1]]
    quote = old[:1].decode("ascii") if old[:1] in (b'"', b"'") else ""
    return Edit(span[0], span[1], f"{quote}{value}{quote}")


def rename_key(guide: Guide, path: tuple[str | int, ...], new: str) -> Edit | None:
    """An edit renaming the front-matter key at ``path`` (written plainly) to ``new``."""
    old = path[-1]
    if not isinstance(old, str) or path not in guide.positions or _yaml_start(guide) is None:
        return None
    start = guide.offset(*guide.positions[path])
    if guide.source[start : start + len(old.encode())] != old.encode():
        return None  # quoted or otherwise spelt: leave it to the editor
    return Edit(start, start + len(old.encode()), new)


def add_key(guide: Guide, key: str, value: str) -> Edit | None:
    """An edit adding ``key: value`` as the front matter's last line (block style only)."""
    start = _yaml_start(guide)
    if start is None or guide.yaml_text.lstrip().startswith(("{", "[")):
        return None
    end = start + len(guide.yaml_text.encode("utf-8"))
    if end > 0 and guide.source[end - 1 : end] not in (b"\n", b"\r"):
        return None
    return Edit(end, end, f"{key}: {value}{line_break(guide.source)}")


def _overlaps(a: Edit, b: Edit) -> bool:
    return a.start == b.start or (a.start < b.end and b.start < a.end)


def apply_fixes(data: bytes, fixes: Iterable[Fix]) -> tuple[bytes, int]:
    """``data`` (a file's bytes, BOM and all) with ``fixes`` applied, and how many were."""
    bom = BOM if data.startswith(BOM) else b""
    text = data[len(bom) :]
    taken: list[Edit] = []
    seen: set[tuple[Edit, ...]] = set()
    count = 0
    for fix in sorted(fixes, key=lambda f: sorted(f.edits)):
        edits = tuple(sorted(fix.edits))
        if edits in seen:
            continue  # the same fix offered by another finding
        if any(e.start > e.end or e.end > len(text) for e in edits) or any(
            _overlaps(e, t) for e in edits for t in taken
        ):
            continue
        seen.add(edits)
        taken.extend(edits)
        count += 1
    out = bytearray(text)
    for edit in sorted(taken, reverse=True):
        out[edit.start : edit.end] = edit.text.encode("utf-8")
    return bom + bytes(out), count


def wanted(diagnostics: Iterable[Diagnostic], unsafe: bool) -> list[Fix]:
    """The fixes of ``diagnostics`` to apply: safe ones, and unsafe ones if asked."""
    return [d.fix for d in diagnostics if d.fix and (unsafe or d.fix.applicability == "safe")]


def count(diagnostics: Iterable[Diagnostic], applicability: Applicability) -> int:
    """How many findings offer a fix of ``applicability``."""
    return sum(1 for d in diagnostics if d.fix and d.fix.applicability == applicability)
