"""Reading YAML safely, for front matter and config alike.

One loader (libyaml's safe loader), one guard against alias bombs and deep
nesting, and one way to describe what is wrong with a YAML text, so a guide
and a ``.guidelint.yaml`` are refused for the same reasons in the same words.
"""

from __future__ import annotations

from typing import Any

import yaml

if not hasattr(yaml, "CSafeLoader"):  # pragma: no cover - depends on the install
    raise ImportError("guidelint needs PyYAML built with libyaml (yaml.CSafeLoader)")

# A YAML alias may stand for a large subtree; past this many nodes once all
# aliases are expanded, the text is treated as hostile ("billion laughs") and
# not constructed at all.
MAX_EXPANDED_NODES = 50_000
# libyaml accepts up to 1,000 levels of nesting, but Python code that walks
# the data (ours, jsonschema's comparison of list items) recurses once or
# more per level.  Real front matter nests three or four levels.
MAX_NESTING = 64
TOO_DEEP = f"nested too deeply to read (more than {MAX_NESTING} levels)"
TOO_MANY = (
    f"expands to more than {MAX_EXPANDED_NODES} YAML nodes through aliases; refusing to load it"
)


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


class YamlProblem(Exception):
    """Why a YAML text cannot be used, and where (``mark`` is libyaml's, or ``None``).

    ``offset``, when set instead of a mark, is a byte offset into the text's
    UTF-8 encoding (libyaml's reader reports bad characters that way).
    """

    def __init__(self, reason: str, mark: yaml.Mark | None = None, offset: int = -1) -> None:
        super().__init__(reason)
        self.reason = reason
        self.mark = mark
        self.offset = offset


def compose(text: str, loader: yaml.CSafeLoader) -> yaml.Node | None:
    """The single document of ``text`` as a node tree; raises :class:`YamlProblem`."""
    try:
        node = loader.get_single_node()
    except (yaml.YAMLError, RecursionError) as exc:
        raise _problem(exc, text) from None
    # Without an alias ("*name") nothing expands: the node count is bounded
    # by the text, and counting it would cost every guide time.
    if node is not None and "*" in text and expanded_size(node) > MAX_EXPANDED_NODES:
        raise YamlProblem(TOO_MANY)
    return node


def construct(loader: yaml.CSafeLoader, node: yaml.Node) -> Any:
    """The Python data of a composed ``node``; raises :class:`YamlProblem`.

    Constructing refuses what composing cannot see: a Python tag
    (``!!python/object``) or a malformed value of a known tag.
    """
    try:
        return loader.construct_document(node)
    except (yaml.YAMLError, RecursionError) as exc:
        raise _problem(exc) from None


def _problem(exc: BaseException, text: str = "") -> YamlProblem:
    """The one description of a libyaml error."""
    if isinstance(exc, RecursionError):
        return YamlProblem(TOO_DEEP)
    if isinstance(exc, yaml.MarkedYAMLError):
        reason = exc.problem or exc.context or "invalid YAML"
        mark = _where(exc, text)
        if mark is not None and mark is not exc.problem_mark:
            opened = text[mark.index : mark.index + 1]
            what = f"the {opened!r} here" if opened in "[{" else "the quoted value starting here"
            reason = f"{reason} ({what} is never closed)"
        return YamlProblem(f"not valid YAML: {reason}", mark)
    if isinstance(exc, yaml.reader.ReaderError):
        reason = f"character U+{exc.character:04X} is not allowed ({exc.reason})"
        return YamlProblem(f"not valid YAML: {reason}", offset=exc.position)
    return YamlProblem(f"not valid YAML: {' '.join(str(exc).split())}")


def _where(exc: yaml.MarkedYAMLError, text: str) -> yaml.Mark | None:
    """Where to point: an unclosed quote or bracket where it opens, not at the end.

    libyaml notices an unclosed ``"`` or ``[`` only when the text runs out,
    and puts its problem there (for front matter, the closing ``---``); its
    context mark is the opening, unless that too is the end (``a: [``).  A
    bracket whose list runs on past its own line is reported where it opens
    too: the next line is where libyaml gave up, not what is wrong.
    """
    mark = exc.problem_mark or exc.context_mark
    context = exc.context_mark
    if mark is None or context is None:
        return mark
    # A "[" or "{" whose list runs past its line was, as a rule, never closed.
    runs_over = "flow" in (exc.context or "") and context.line < mark.line
    if text[mark.index :].strip() and not runs_over:
        return mark  # the problem is where libyaml found it
    if text[context.index :].strip():
        return context
    opening = _last_unclosed_bracket(text)
    if opening < 0:
        return mark
    line = text.count("\n", 0, opening)
    column = opening - (text.rfind("\n", 0, opening) + 1)
    return yaml.Mark(mark.name, opening, line, column, None, None)  # type: ignore[arg-type]


def _last_unclosed_bracket(text: str) -> int:
    """The index of the last ``[`` or ``{`` never closed (quotes and comments skipped), or -1."""
    stack: list[int] = []
    quote = ""
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'" and (index == 0 or text[index - 1] in " \t[{,:\n"):
            quote = char
        elif char in "[{":
            stack.append(index)
        elif char in "]}" and stack:
            stack.pop()
        elif char == "#" and (index == 0 or text[index - 1] in " \t\n"):
            quote = "\n"  # skip to the end of the comment's line
    return stack[-1] if stack else -1


def expanded_size(root: yaml.Node) -> int:
    """Node count with every alias expanded, computed without expanding (memoised)."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if done:
            total = 1 + sum(sizes.get(id(c), 1) for c in children)
            sizes[id(node)] = min(total, MAX_EXPANDED_NODES + 1)
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
