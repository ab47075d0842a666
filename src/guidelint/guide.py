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
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import yaml

from guidelint.dates import normalise_date_value

if TYPE_CHECKING:
    from guidelint.markdown import Body
    from guidelint.prose import Prose

if not hasattr(yaml, "CSafeLoader"):  # pragma: no cover - depends on the install
    raise ImportError("guidelint needs PyYAML built with libyaml (yaml.CSafeLoader)")

_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_OPEN_RE = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
# Not re.M: its ``^``/``$`` know only "\n", and a CRLF or CR file must close too.
_CLOSE_RE = re.compile(r"(?<=[\r\n])(?:---|\.\.\.)[ \t]*(?=\r|\n|\Z)")
# A YAML alias may stand for a large subtree; past this many nodes once all
# aliases are expanded, the front matter is treated as hostile ("billion
# laughs") and not constructed at all.
MAX_EXPANDED_NODES = 50_000
# libyaml accepts up to 1,000 levels of nesting, but Python code that walks
# the data (ours, and jsonschema's comparison of list items) recurses once or
# more per level and would hit Python's recursion limit long before that.
# Real front matter nests three or four levels (sources: a list of mappings).
MAX_NESTING = 64
_TOO_DEEP = f"front matter is nested too deeply to read (more than {MAX_NESTING} levels)"

_YAML_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")
_YAML_BREAK = re.compile("\r\n|\r|\n|\x85|\u2028|\u2029")

# The YAML starts on the line after the opening '---'.
_YAML_FIRST_LINE = 2
# Lines longer than this (in bytes) get incremental column counting.
_LONG_LINE = 1024

KeyPath = tuple[str | int, ...]


class GuideLoader(yaml.CSafeLoader):
    """libyaml's safe loader, but an impossible date (``2026-02-30``) stays text.

    PyYAML raises a bare ``ValueError`` for it, which would stop the run;
    as text, ``updated-date`` reports it like any other value that is not a date.
    """

    # Set when a mapping repeats a key: only then are key positions (which
    # report the duplicate) worked out while loading, not on first use.
    duplicate_keys = False

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)  # type: ignore[arg-type]
        except ValueError:
            return self.construct_scalar(node)  # type: ignore[arg-type]

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        # Before the parent's flatten_mapping, which rewrites node.value for "<<" merges.
        if len({str(key.value) for key, _ in node.value}) < len(node.value):
            self.duplicate_keys = True
        return super().construct_mapping(node, deep=deep)


GuideLoader.add_constructor("tag:yaml.org,2002:timestamp", GuideLoader.construct_yaml_timestamp)


@dataclass(frozen=True, slots=True)
class ParseProblem:
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


def read_guide(
    path: str,
    data: bytes,
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> Guide:
    """Parse ``data`` (the file's bytes) into a :class:`Guide`.

    ``aliases`` maps a canonical key to the keys another content set uses
    for it (``updated: [lastmod, date]``); the first one present wins.
    """
    keymap: dict[str, str] = {}
    bom = data.startswith(b"\xef\xbb\xbf")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _unreadable(
            path,
            data,
            "unreadable-file",
            "file is UTF-16 (has a UTF-16 byte-order mark); save it as UTF-8",
        )
    if b"\x00" in data:
        offset = data.index(b"\x00")
        return _unreadable(
            path,
            data,
            "unreadable-file",
            f"file contains a NUL byte at offset {offset}: binary, not a text guide",
        )
    try:
        text = data.decode("utf-8-sig" if bom else "utf-8")
    except UnicodeDecodeError as exc:
        return _unreadable(
            path,
            data,
            "unreadable-file",
            f"file is not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}; save it as UTF-8",
        )
    # Byte offsets are kept relative to the file without its BOM: the BOM is
    # invisible and column 1 is the first visible character.
    source = data[3:] if bom else data
    opening = _OPEN_RE.match(text)
    if not opening:
        problem = ParseProblem(
            "frontmatter",
            1,
            1,
            "no front matter: a guide starts with a '---' line, YAML, and another '---' line",
        )
        return Guide(path, source, (problem,), body_text=text, keymap=keymap)
    closing = _CLOSE_RE.search(text, opening.end())
    if not closing:
        problem = ParseProblem(
            "frontmatter", 1, 1, "front matter is not closed: add a '---' line after the YAML"
        )
        return Guide(path, source, (problem,), keymap=keymap)
    yaml_text = text[opening.end() : closing.start()]
    first_line = _YAML_FIRST_LINE
    after_close = closing.end()
    line_end = re.match(r"\r\n|\r|\n", text[after_close : after_close + 2])
    body_start = after_close + (line_end.end() if line_end else 0)
    body_text = text[body_start:]
    body_offset = len(text[:body_start].encode("utf-8"))

    meta, problems = _load_yaml(yaml_text, first_line)
    if meta is not None and aliases:
        for canonical, names in aliases.items():
            present = [n for n in names if n in meta]
            if canonical not in meta and present:
                keymap[canonical] = present[0]
    return Guide(path, source, tuple(problems), meta, yaml_text, body_offset, body_text, keymap)


def _unreadable(path: str, data: bytes, rule: str, message: str) -> Guide:
    return Guide(path, b"", (ParseProblem(rule, 1, 1, message),))


def _load_yaml(text: str, first_line: int) -> tuple[dict[str, Any] | None, list[ParseProblem]]:
    """The front matter as JSON-like data (``None`` if unusable) and what is wrong with it."""
    problems: list[ParseProblem] = []
    if not text.strip():
        problems.append(ParseProblem("frontmatter", first_line - 1, 1, "front matter is empty"))
        return None, problems
    marks = _MarkMap(text, first_line)  # only read when something is wrong
    loader = GuideLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            problems.append(ParseProblem("frontmatter", first_line - 1, 1, "front matter is empty"))
            return None, problems
        # Without an alias ("*name") nothing expands: the node count is
        # bounded by the text, and counting it would cost every guide time.
        if "*" in text and expanded_size(node) > MAX_EXPANDED_NODES:
            problems.append(
                ParseProblem(
                    "frontmatter",
                    first_line - 1,
                    1,
                    f"front matter expands to more than {MAX_EXPANDED_NODES} YAML nodes "
                    "through aliases; refusing to load it",
                )
            )
            return None, problems
        if not isinstance(node, yaml.MappingNode):
            kind = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
            problems.append(
                ParseProblem(
                    "frontmatter",
                    *marks(node.start_mark),
                    f"front matter is {kind}, not a mapping of keys to values",
                )
            )
            return None, problems
        data = _normalise(loader.construct_document(node))
        if loader.duplicate_keys:  # rare: find where, to report each duplicate
            problems.extend(_key_positions(text, first_line)[1])
        return data, problems
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = marks(mark) if mark else (first_line, 1)
        reason = exc.problem or exc.context or "invalid YAML"
        if mark and _char_at(text, mark.index) == "\t":
            reason = "a tab character where YAML expects spaces (YAML indents with spaces only)"
        problems.append(
            ParseProblem("frontmatter", line, column, f"front matter is not valid YAML: {reason}")
        )
        return None, problems
    except yaml.reader.ReaderError as exc:
        # libyaml gives a byte offset into the YAML, not a line: find the line.
        line, column = _offset_position(text.encode("utf-8")[: exc.position], first_line)
        problems.append(
            ParseProblem(
                "frontmatter",
                line,
                column,
                f"front matter is not valid YAML: character U+{exc.character:04X} "
                f"is not allowed ({exc.reason})",
            )
        )
        return None, problems
    except yaml.YAMLError as exc:
        reason = " ".join(str(exc).split())  # one line, whatever libyaml said
        problems.append(
            ParseProblem(
                "frontmatter", first_line - 1, 1, f"front matter is not valid YAML: {reason}"
            )
        )
        return None, problems
    except (RecursionError, _TooDeep):
        problems.append(ParseProblem("frontmatter", first_line - 1, 1, _TOO_DEEP))
        return None, problems
    finally:
        loader.dispose()


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
        for match in _YAML_BREAK.finditer(self.text):
            if match.group() not in _YAML_ONLY_BREAKS:
                file_line, line_start = file_line + 1, match.end()
            lines.append((file_line, match.end() - line_start))
        return lines

    def __call__(self, mark: yaml.Mark) -> tuple[int, int]:
        if self.lines is None or mark.line >= len(self.lines):
            return self.first_line + mark.line, mark.column + 1
        file_line, shift = self.lines[mark.line]
        return self.first_line + file_line, shift + mark.column + 1


def _char_at(text: str, index: int) -> str:
    return text[index] if 0 <= index < len(text) else ""


def _offset_position(prefix: bytes, first_line: int) -> tuple[int, int]:
    """(line, column) just after ``prefix``, the YAML's bytes up to a point."""
    breaks = list(_LINE_BREAK.finditer(prefix))
    start = breaks[-1].end() if breaks else 0
    return first_line + len(breaks), len(prefix[start:].decode("utf-8", errors="replace")) + 1


def expanded_size(root: yaml.Node) -> int:
    """Node count with every alias expanded, computed without expanding (memoised)."""
    sizes: dict[int, int] = {}
    order: list[yaml.Node] = []
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if done:
            total = 1 + sum(sizes.get(id(c), 1) for c in children)
            sizes[id(node)] = min(total, MAX_EXPANDED_NODES + 1)
            order.append(node)
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


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


def nested_deeper_than(value: Any, limit: int = MAX_NESTING) -> bool:
    """Whether ``value`` holds lists and mappings more than ``limit`` levels deep (no recursion)."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth == limit:
                return True
            stack.extend(
                (child, depth + 1) for child in (item.values() if isinstance(item, dict) else item)
            )
    return False


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
