"""What a rule may know besides the guide itself.

Rules never read the clock, the environment or other files: ``today``, the
policy, their options and the corpus index all come in a :class:`Context`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guidelint.diagnostic import Diagnostic, Fix, Severity
from guidelint.guide import Guide
from guidelint.lazy_re import lazy
from guidelint.policy import Policy

if TYPE_CHECKING:
    from guidelint.sources.model import Result


@dataclass(frozen=True, slots=True)
class CorpusIndex:
    """Slugs of every guide under the content root, for cross-guide rules."""

    slugs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # slug -> display paths

    def paths_for(self, slug: str) -> tuple[str, ...]:
        """Display paths of the guides that use ``slug``."""
        return self.slugs.get(slug, ())


@dataclass(frozen=True, slots=True)
class Context:
    """The world as one rule run sees it."""

    today: dt.date
    policy: Policy = Policy()
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    index: CorpusIndex = CorpusIndex()
    pay_words: tuple[str, ...] = ()
    # Loads the guide schema's validator on first use; None when schema checks
    # are off.  A run whose verdicts are all remembered never imports jsonschema.
    schema_loader: Callable[[], Any] | None = None
    file_path: Path | None = None  # the guide's real path, for resolving relative links
    # The same guide at the commit compared with (HEAD, or --diff-base); None
    # outside git, for a new file, or when no rule compares.
    previous: Guide | None = None
    previous_rev: str = "HEAD"
    previous_day: dt.date | None = None  # the day that commit was made, when known
    # URL -> what checking it found; only under `guidelint sources` or
    # `check --online`, and only for a rule that NEEDS "sources".
    sources: Mapping[str, Result] | None = None

    def schema(self) -> Any:
        """The guide schema's validator, or ``None`` when schema checks are off."""
        return None if self.schema_loader is None else self.schema_loader()

    def option(self, rule: str, name: str, default: Any) -> Any:
        """A rule's configured option, or ``default``."""
        return self.options.get(rule, {}).get(name, default)


def diagnostic(
    guide: Guide,
    rule: str,
    severity: Severity,
    where: tuple[int, int],
    message: str,
    end: tuple[int, int] | None = None,
    fix: Fix | None = None,
) -> Diagnostic:
    """Build a finding for ``guide`` at ``where`` (line, column), spanning to ``end`` if given.

    ``end`` is the position just after the span (as SARIF's ``endColumn``);
    ``fix``, the edits that would fix it.
    """
    if end is None or end <= where:
        end = (0, 0)
    return Diagnostic(guide.path, where[0], where[1], rule, severity, message, *end, fix=fix)


def text_end(block: Any, char: int, text: str) -> int:
    """File byte offset just after ``text``, which starts at character ``char`` of ``block``."""
    text = text.rstrip()
    if not text:
        return block.byte_offset(char)  # type: ignore[no-any-return]
    last = char + len(text) - 1  # the last character's own offset: not past a closing "**"
    return block.byte_offset(last) + len(text[-1].encode("utf-8"))  # type: ignore[no-any-return]


# A YAML key or scalar as written: quoted, or plain words up to ":", ",", "]" ...
_TOKEN = lazy(r""""(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s,\[\]{}:#]+(?:[ \t]+[^\s,\[\]{}:#]+)*""")


def token_end(guide: Guide, where: tuple[int, int]) -> tuple[int, int]:
    """The end of the front-matter key or list item that starts at ``where``."""
    line, column = where
    lines = guide.source.splitlines()
    if not 0 < line <= len(lines):
        return where
    match = _TOKEN().match(lines[line - 1].decode("utf-8", "replace"), column - 1)
    return (line, match.end() + 1) if match else where


def parse_problems(guide: Guide, rule: str, severity: Severity) -> list[Diagnostic]:
    """The problems found while reading ``guide`` that belong to ``rule``."""
    return [
        Diagnostic(guide.path, p.line, p.column, rule, severity, p.message)
        for p in guide.problems
        if p.rule == rule
    ]
