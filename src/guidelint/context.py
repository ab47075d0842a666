"""What a rule may know besides the guide itself.

Rules never read the clock, the environment or other files: ``today``, the
policy, their options and the corpus index all come in a :class:`Context`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guidelint.diagnostic import Diagnostic, Fix, Severity
from guidelint.guide import Guide
from guidelint.policy import Policy


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
    fix: Fix | None = None,
) -> Diagnostic:
    """Build a finding for ``guide`` at ``where`` (line, column), with its fix if any."""
    return Diagnostic(guide.path, where[0], where[1], rule, severity, message, fix=fix)


def parse_problems(guide: Guide, rule: str, severity: Severity) -> list[Diagnostic]:
    """The problems found while reading ``guide`` that belong to ``rule``."""
    return [
        Diagnostic(guide.path, p.line, p.column, rule, severity, p.message)
        for p in guide.problems
        if p.rule == rule
    ]
