"""The rule registry: every rule guidelint knows, in one explicit list.

A rule is a module that defines the names of the :class:`Rule` protocol
below.  Adding a rule means writing its module and adding it to ``_MODULES``;
nothing is discovered by magic, and mypy checks every module against the
protocol.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from guidelint.context import Context
from guidelint.diagnostic import Diagnostic, Severity
from guidelint.guide import Guide
from guidelint.rules import (
    dangling_citation,
    dead_source,
    duplicate_slug,
    file_too_large,
    frontmatter,
    gotcha_answers,
    moved_source,
    related_link,
    relative_time,
    salary_date,
    schema,
    stale_guide,
    stale_salary,
    stale_source,
    stat_source,
    unreadable_file,
    unused_suppression,
    updated_date,
    updated_not_bumped,
)

# What a rule may ask the engine for (its module's ``NEEDS``):
NEEDS = {
    "corpus": "ctx.index holds the slug of every guide under the content root",
    "history": "ctx.previous holds the guide as it was at the compared git revision",
    "schema": "ctx.schema() gives the guide schema's validator; the rule's findings must "
    "depend only on the front matter, so small runs remember them per front matter",
    "unreadable": "the rule also runs on a file that could not be read, to say why",
    "sources": "ctx.sources holds the checked result of every URL the run's guides cite; "
    "given only under `guidelint sources` or `check --online` (the rule does not run otherwise)",
}


class Rule(Protocol):
    """What every rule module provides."""

    # Read-only properties, so a module's plain constants satisfy them.
    @property
    def NAME(self) -> str:
        """Kebab-case name used in output, config and suppression comments."""

    @property
    def SEVERITY(self) -> Severity:
        """Severity when the config says nothing."""

    @property
    def SUMMARY(self) -> str:
        """One line for ``guidelint rules``."""

    @property
    def OPTIONS(self) -> Mapping[str, Any]:
        """JSON Schema properties of the options the rule takes in the config."""

    @property
    def NEEDS(self) -> frozenset[str]:
        """What the engine must provide for this rule, from :data:`NEEDS`."""

    @property
    def EXAMPLE_FAIL(self) -> str:
        """A whole guide this rule reports."""

    @property
    def EXAMPLE_PASS(self) -> str:
        """The same guide, fixed."""

    @property
    def __doc__(self) -> str | None:  # type: ignore[override]
        """The module docstring: what, why, how to fix."""

    def check(self, guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
        """Findings for one parsed guide."""
        ...


_MODULES: tuple[Rule, ...] = (
    file_too_large,
    unreadable_file,
    frontmatter,
    schema,
    updated_date,
    updated_not_bumped,
    stale_guide,
    gotcha_answers,
    stat_source,
    dangling_citation,
    salary_date,
    stale_salary,
    stale_source,
    dead_source,
    moved_source,
    relative_time,
    related_link,
    duplicate_slug,
    unused_suppression,
)

RULES: dict[str, Rule] = {rule.NAME: rule for rule in _MODULES}
