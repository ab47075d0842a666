"""Reading a file once into the parsed :class:`Guide` every rule reads.

The file is read as bytes, decoded strictly as UTF-8, split into front
matter and body by hand (so every byte offset stays exact), the front matter
is composed with libyaml into nodes (which carry line and column) and then
constructed, and the body goes to :mod:`guidelint.markdown`.  Anything that
stops a file from being read becomes a :class:`ParseProblem`, never an
exception, so one broken file never stops a run.
"""

from __future__ import annotations

import bisect
import errno
import itertools
import os
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml

from guidelint import front_matter
from guidelint.dates import normalise_date_value
from guidelint.lazy_re import lazy
from guidelint.yamlread import (
    MAX_NESTING,
    TOO_DEEP,
    TOO_MANY,
    GuideLoader,
    YamlProblem,
    compose,
    construct,
)

if TYPE_CHECKING:
    from guidelint.markdown import Body
    from guidelint.prose import Prose

_LINE_BREAK = lazy(rb"\r\n|\r|\n")
_YAML_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")
_YAML_BREAK = lazy("\r\n|\r|\n|\x85|\u2028|\u2029")

# The YAML starts on the line after the opening '---'.
_YAML_FIRST_LINE = 2
# Lines longer than this (in bytes) get incremental column counting.
_LONG_LINE = 1024

KeyPath = tuple[str | int, ...]


class ParseProblem(NamedTuple):
    """A problem found while reading, before any rule runs."""

    rule: str
    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Guide:
    """One parsed guide: its bytes, front matter and Markdown body.

    ``meta`` is the front matter with YAML dates turned into ISO text (so
    ``2026-06-15`` and ``"2026-06-15"`` look alike); it is ``None`` when there
    is no usable front matter.  ``keymap`` maps a canonical key (``updated``)
    to the key this content set uses for it (``lastmod``).
    """

    path: str
    source: bytes
    problems: tuple[ParseProblem, ...] = ()
    meta: Mapping[str, Any] | None = None
    yaml_text: str = ""  # the front matter's YAML, for key positions on demand
    body_offset: int = 0
    body_text: str = ""
    keymap: Mapping[str, str] = field(default_factory=dict)
    # False when the file could not be read as text (too large, binary, not
    # UTF-8, unreadable): only rules that report why run on it.
    readable: bool = True
    # Analyses several rules share (e.g. salary claims), computed once per guide.
    memo: dict[object, Any] = field(default_factory=dict, compare=False, repr=False)

    # -- positions -----------------------------------------------------
    @cached_property
    def positions(self) -> Mapping[KeyPath, tuple[int, int]]:
        """(line, column) of every front-matter key and list item, by key path.

        Worked out on first use (most guides never need one: only a finding
        about a key does), by composing the YAML once more.
        """
        if self.meta is None:
            return {(): (_YAML_FIRST_LINE - 1, 1)}
        return _key_positions(self.yaml_text, _YAML_FIRST_LINE)[0]

    @cached_property
    def _line_starts(self) -> list[int]:
        # bytes.splitlines breaks at \n, \r\n and a lone \r: the same line
        # endings YAML and CommonMark use.
        starts = [0, *itertools.accumulate(map(len, self.source.splitlines(keepends=True)))]
        if self.source and not self.source.endswith((b"\n", b"\r")):
            starts.pop()  # the end of an unterminated last line starts no new line
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of file byte ``offset``; columns count characters."""
        starts = self._line_starts
        index = bisect.bisect_right(starts, offset) - 1
        line_start = starts[index]
        if offset - line_start <= _LONG_LINE:
            return index + 1, len(self.source[line_start:offset].decode("utf-8", "replace")) + 1
        # A long line: count on from the last position asked for on it, so a
        # megabyte line with thousands of findings is read once, not each time.
        begin, column = self._columns.get(line_start, (line_start, 1))
        if begin > offset:
            begin, column = line_start, 1
        column += len(self.source[begin:offset].decode("utf-8", "replace"))
        self._columns[line_start] = (offset, column)
        return index + 1, column

    def offset(self, line: int, column: int) -> int:
        """File byte offset of 1-based (``line``, ``column``): :meth:`position` reversed."""
        starts = self._line_starts
        if line > len(starts):
            return len(self.source)
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.source)
        text = self.source[start:end].decode("utf-8", "replace")
        return start + len(text[: column - 1].encode("utf-8"))

    @cached_property
    def _columns(self) -> dict[int, tuple[int, int]]:
        """Line start -> the last (offset, column) :meth:`position` found on that long line."""
        return {}

    def key_position(self, *path: str | int) -> tuple[int, int]:
        """Where a front-matter key (or list item) stands; the nearest parent if unknown."""
        key_path: KeyPath = tuple(path)
        if key_path and isinstance(key_path[0], str):
            key_path = (self.keymap.get(key_path[0], key_path[0]), *key_path[1:])
        while key_path:
            if key_path in self.positions:
                return self.positions[key_path]
            key_path = key_path[:-1]
        return self.positions.get((), (1, 1))

    # -- front matter ----------------------------------------------------
    def get(self, name: str) -> Any:
        """A front-matter value by canonical name, honouring the key mapping."""
        if self.meta is None:
            return None
        return self.meta.get(self.keymap.get(name, name))

    def has(self, name: str) -> bool:
        """Whether the front matter sets ``name`` (under its mapped key)."""
        return self.meta is not None and self.keymap.get(name, name) in self.meta

    def key_name(self, name: str) -> str:
        """The key this content set writes for canonical ``name``."""
        return self.keymap.get(name, name)

    # -- body ----------------------------------------------------------
    @cached_property
    def body(self) -> Body:
        """The parsed Markdown body (parsed on first use, then kept)."""
        from guidelint.markdown import parse_body

        return parse_body(self.body_text, self.body_offset)

    @cached_property
    def prose(self) -> Prose:
        """Sentences, statistics, gotchas and citations (computed once)."""
        from guidelint.prose import analyse

        return analyse(self)


def read_file(
    path: Path,
    display: str,
    max_size: int,
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> Guide:
    """Read and parse the file at ``path`` (shown as ``display``).

    Problems reading it become parse problems, never exceptions: one broken
    file never stops a run.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return _unreadable(display, "is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):  # reading a pipe or a device could block forever
            return _unreadable(display, "not a regular file (a pipe, socket or device)")
        size = info.st_size
        if size > max_size:
            return _too_large(display, size, max_size)
        data = path.read_bytes()
    except IsADirectoryError:
        return _unreadable(display, "is a directory, not a file")
    except PermissionError:
        return _unreadable(display, "permission denied")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return _unreadable(display, "symbolic link loop")
        if isinstance(exc, FileNotFoundError) and path.is_symlink():
            return _unreadable(display, f"dangling symbolic link to {os.readlink(path)}")
        return _unreadable(display, exc.strerror or str(exc))
    return read_guide(display, data, aliases)


def read_data(
    display: str,
    data: bytes,
    max_size: int,
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> Guide:
    """Parse ``data`` as :func:`read_file` would parse a file holding it (an editor's buffer)."""
    if len(data) > max_size:
        return _too_large(display, len(data), max_size)
    return read_guide(display, data, aliases)


def _too_large(display: str, size: int, max_size: int) -> Guide:
    message = f"file is {size} bytes, over max_file_size ({max_size}); not checked"
    return Guide(display, b"", (ParseProblem("file-too-large", 1, 1, message),), readable=False)


def _unreadable(display: str, why: str) -> Guide:
    problem = ParseProblem("unreadable-file", 1, 1, f"cannot read file: {why}")
    return Guide(display, b"", (problem,), readable=False)


def read_guide(
    path: str,
    data: bytes,
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> Guide:
    """Parse ``data`` (the file's bytes) into a :class:`Guide`.

    ``aliases`` maps a canonical key to the keys another content set uses
    for it (``updated: [lastmod, date]``); the first one present wins.
    """
    text = _decode(data)
    if isinstance(text, ParseProblem):
        return Guide(path, b"", (text,), readable=False)
    # Byte offsets are kept relative to the file without its BOM: the BOM is
    # invisible and column 1 is the first visible character.
    source = data.removeprefix(front_matter.BOM)
    parts = front_matter.split(text)
    if not parts.opened:
        return Guide(path, source, (_NO_FRONT_MATTER,), body_text=text)
    if not parts.closed:
        return Guide(path, source, (_NOT_CLOSED,))
    yaml_text = text[parts.yaml_start : parts.yaml_end]
    body_offset = len(text[: parts.body_start].encode("utf-8"))
    meta, problems = _load_yaml(yaml_text, _YAML_FIRST_LINE)
    keymap = _keymap(meta, aliases) if meta is not None and aliases else {}
    body_text = text[parts.body_start :]
    return Guide(path, source, tuple(problems), meta, yaml_text, body_offset, body_text, keymap)


_NO_FRONT_MATTER = ParseProblem(
    "frontmatter",
    1,
    1,
    "no front matter: a guide starts with a '---' line, YAML, and another '---' line",
)
_NOT_CLOSED = ParseProblem(
    "frontmatter", 1, 1, "front matter is not closed: add a '---' line after the YAML"
)


def _decode(data: bytes) -> str | ParseProblem:
    """The file's text (without a BOM), or why it is no text guide."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        why = "file is UTF-16 (has a UTF-16 byte-order mark); save it as UTF-8"
        return ParseProblem("unreadable-file", 1, 1, why)
    nul = data.find(b"\x00")
    if nul >= 0:
        why = f"file contains a NUL byte at offset {nul}: binary, not a text guide"
        return ParseProblem("unreadable-file", 1, 1, why)
    try:
        return data.removeprefix(front_matter.BOM).decode("utf-8")
    except UnicodeDecodeError as exc:
        bom = len(front_matter.BOM) if data.startswith(front_matter.BOM) else 0
        at = exc.start + bom
        why = f"file is not valid UTF-8: byte 0x{data[at]:02x} at offset {at}; save it as UTF-8"
        return ParseProblem("unreadable-file", 1, 1, why)


def _keymap(meta: Mapping[str, Any], aliases: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """Canonical key -> the first of its aliases this front matter uses."""
    keymap: dict[str, str] = {}
    for canonical, names in aliases.items():
        present = [n for n in names if n in meta]
        if canonical not in meta and present:
            keymap[canonical] = present[0]
    return keymap


def _load_yaml(text: str, first_line: int) -> tuple[dict[str, Any] | None, list[ParseProblem]]:
    """The front matter as JSON-like data (``None`` if unusable) and what is wrong with it."""
    marks = _MarkMap(text, first_line)  # only read when something is wrong
    loader = GuideLoader(text)
    try:
        node = compose(text, loader) if text.strip() else None
        if node is None:
            return None, [ParseProblem("frontmatter", first_line - 1, 1, "front matter is empty")]
        if not isinstance(node, yaml.MappingNode):
            kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
            message = f"front matter is {kind}, not a mapping of keys to values"
            return None, [ParseProblem("frontmatter", *marks(node.start_mark), message)]
        data = _normalise(construct(loader, node))
        # Rare: find where, to report each duplicate.
        problems = _key_positions(text, first_line)[1] if loader.duplicate_keys else []
        return data, problems
    except YamlProblem as exc:
        verb = "" if exc.reason == TOO_MANY else "is "
        message = f"front matter {verb}{exc.reason}"
        if exc.mark is not None and text[exc.mark.index : exc.mark.index + 1] == "\t":
            message = f"front matter is not valid YAML: {_TAB}"
        return None, [ParseProblem("frontmatter", *_problem_position(exc, marks, text), message)]
    except (RecursionError, _TooDeep):
        return None, [ParseProblem("frontmatter", first_line - 1, 1, f"front matter is {TOO_DEEP}")]
    finally:
        loader.dispose()


_TAB = "a tab character where YAML expects spaces (YAML indents with spaces only)"


def _problem_position(exc: YamlProblem, marks: _MarkMap, text: str) -> tuple[int, int]:
    """Where a YAML problem is, in the file."""
    if exc.mark is not None:
        return marks(exc.mark)
    if exc.offset >= 0:  # libyaml's reader gives a byte offset into the YAML
        return _offset_position(text.encode("utf-8")[: exc.offset], marks.first_line)
    return marks.first_line - 1, 1


def _key_positions(
    text: str, first_line: int
) -> tuple[dict[KeyPath, tuple[int, int]], list[ParseProblem]]:
    """Key path -> (line, column) for YAML that loaded fine, and its duplicate keys."""
    positions: dict[KeyPath, tuple[int, int]] = {(): (first_line - 1, 1)}
    problems: list[ParseProblem] = []
    loader = GuideLoader(text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    if node is not None:
        _record_positions(node, (), _MarkMap(text, first_line), positions, problems)
    return positions, problems


class _MarkMap:
    """libyaml's (line, column) of a mark -> the file's 1-based (line, column).

    YAML 1.1 also breaks lines at NEL, LS and PS (U+0085, U+2028, U+2029);
    guidelint, like editors, breaks only at CR and LF.  When the YAML holds
    one of those, libyaml's lines are mapped back to the file's.
    """

    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.first_line = first_line

    @cached_property
    def lines(self) -> list[tuple[int, int]] | None:
        """(file line, column shift) of each YAML line, or ``None`` when they agree."""
        if not any(char in self.text for char in _YAML_ONLY_BREAKS):
            return None
        file_line, line_start = 0, 0
        lines = [(0, 0)]
        for match in _YAML_BREAK().finditer(self.text):
            if match.group() not in _YAML_ONLY_BREAKS:
                file_line, line_start = file_line + 1, match.end()
            lines.append((file_line, match.end() - line_start))
        return lines

    def __call__(self, mark: yaml.Mark) -> tuple[int, int]:
        if self.lines is None or mark.line >= len(self.lines):
            return self.first_line + mark.line, mark.column + 1
        file_line, shift = self.lines[mark.line]
        return self.first_line + file_line, shift + mark.column + 1


def _offset_position(prefix: bytes, first_line: int) -> tuple[int, int]:
    """(line, column) just after ``prefix``, the YAML's bytes up to a point."""
    breaks = list(_LINE_BREAK().finditer(prefix))
    start = breaks[-1].end() if breaks else 0
    return first_line + len(breaks), len(prefix[start:].decode("utf-8", errors="replace")) + 1


def _record_positions(
    node: yaml.Node,
    path: KeyPath,
    marks: _MarkMap,
    positions: dict[KeyPath, tuple[int, int]],
    problems: list[ParseProblem],
) -> None:
    stack: list[tuple[yaml.Node, KeyPath]] = [(node, path)]
    seen: set[int] = set()
    while stack:
        current, current_path = stack.pop()
        if id(current) in seen:  # an alias: positions were recorded where it was defined
            continue
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            first_seen: dict[str, int] = {}
            for key_node, value_node in current.value:
                key = str(key_node.value)
                where = marks(key_node.start_mark)
                line = where[0]
                if key in first_seen:
                    problems.append(
                        ParseProblem(
                            "frontmatter",
                            *where,
                            f"duplicate key '{key}' (first set on line {first_seen[key]}); "
                            "YAML keeps only the last value",
                        )
                    )
                first_seen.setdefault(key, line)
                positions[(*current_path, key)] = where
                stack.append((value_node, (*current_path, key)))
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                positions[(*current_path, index)] = marks(item.start_mark)
                stack.append((item, (*current_path, index)))


class _TooDeep(Exception):
    """The front matter nests more than MAX_NESTING levels."""


def _normalise(value: Any, depth: int = 0) -> Any:
    """Dates to ISO text, keys to strings: the JSON view a schema validates.

    Raises _TooDeep past MAX_NESTING levels of lists and mappings.
    """
    if type(value) is str:  # most values and keys: nothing to do, no call
        return value
    if isinstance(value, dict):
        if depth == MAX_NESTING:
            raise _TooDeep
        return {
            k if type(k) is str else str(normalise_date_value(k)): _normalise(v, depth + 1)
            for k, v in value.items()
        }
    if isinstance(value, list):
        if depth == MAX_NESTING:
            raise _TooDeep
        return [_normalise(v, depth + 1) for v in value]
    return normalise_date_value(value)
