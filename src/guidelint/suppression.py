"""Suppression comments and front-matter ``guidelint: {disable: [...]}``.

``<!-- guidelint-disable-next-line RULE[, RULE] -- reason -->`` silences the
next non-blank line; ``<!-- guidelint-disable RULE -->`` ...
``<!-- guidelint-enable RULE -->`` a range (to the end of the file if never
re-enabled); naming no rule means every rule.  A directive that silences
nothing is reported as ``unused-suppression``, as ruff and markdownlint do,
so stale suppressions do not pile up.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace

from guidelint.diagnostic import Diagnostic, Fix
from guidelint.guide import Guide

UNUSED = "unused-suppression"
_DIRECTIVE_RE = re.compile(
    r"^guidelint-(?P<kind>disable-next-line|disable|enable)\b(?P<rules>[^-]*(?:-(?!-)[^-]*)*)"
    r"(?:--.*)?$",
    re.S,
)
_BLANK_LINE = re.compile(rb"[ \t]*(?:\r\n|\r|\n|$)")


@dataclass(frozen=True, slots=True)
class Directive:
    """One suppression: which rules, and the lines it covers (inclusive)."""

    kind: str  # next-line, range, or file
    rules: tuple[str, ...]  # empty: every rule
    line: int
    column: int
    first: int
    last: int
    # Byte ranges of the comment, and of the enable comment that closed only
    # this range: what removing the directive removes.  Empty for ``file``.
    spans: tuple[tuple[int, int], ...] = ()

    def covers(self, diagnostic: Diagnostic) -> bool:
        """Whether this directive silences ``diagnostic``."""
        if self.rules and diagnostic.rule not in self.rules:
            return False
        return self.first <= diagnostic.line <= self.last


def directives(guide: Guide) -> list[Directive]:
    """Every suppression in ``guide``, in file order."""
    found: list[Directive] = []
    disabled = guide.get("guidelint")
    if isinstance(disabled, dict) and isinstance(disabled.get("disable"), list):
        line, column = guide.key_position("guidelint", "disable")
        rules = tuple(str(r) for r in disabled["disable"])
        found.append(Directive("file", rules, line, column, 1, 10**9))
    if not guide.source or "guidelint-" not in guide.body_text:
        return found
    open_ranges: list[Directive] = []
    for comment in guide.body.comments:
        match = _DIRECTIVE_RE.match(comment.text)
        if not match:
            continue
        rules = tuple(r.strip() for r in match["rules"].replace(",", " ").split() if r.strip())
        line, column = guide.position(comment.start)
        end_line = guide.position(comment.end)[0]
        if match["kind"] == "disable-next-line":
            target = _next_content_line(guide, comment.end, end_line)
            found.append(
                Directive(
                    "next-line",
                    rules,
                    line,
                    column,
                    target,
                    target,
                    ((comment.start, comment.end),),
                )
            )
        elif match["kind"] == "disable":
            open_ranges.append(
                Directive(
                    "range",
                    rules,
                    line,
                    column,
                    end_line + 1,
                    10**9,
                    ((comment.start, comment.end),),
                )
            )
        else:
            closed = [
                d for d in open_ranges if not rules or (set(d.rules) <= set(rules) and d.rules)
            ]
            # The enable goes with its disable only when it closes nothing else.
            spans = ((comment.start, comment.end),) if len(closed) == 1 else ()
            found.extend(replace(d, last=line - 1, spans=d.spans + spans) for d in closed)
            open_ranges = [d for d in open_ranges if all(d is not c for c in closed)]
    found.extend(open_ranges)
    return found


def _next_content_line(guide: Guide, offset: int, line: int) -> int:
    """The first line after the comment that is not blank."""
    source = guide.source
    position = source.find(b"\n", offset)
    current = line + 1
    while position != -1 and position + 1 < len(source):
        start = position + 1
        blank = _BLANK_LINE.match(source, start)
        if not blank or blank.end() == start or source[start : blank.end()].strip():
            return current
        position = source.find(b"\n", start)
        current += 1
    return current


def apply(
    guide: Guide,
    found: Iterable[Diagnostic],
    active: Collection[str],
    known: Collection[str],
) -> list[Diagnostic]:
    """Drop silenced findings; add an ``unused-suppression`` warning per idle directive.

    Only directives for rules that ran can be unused: a suppression of a rule
    switched off by the config or ``--select`` is left alone.
    """
    found = list(found)
    all_directives = directives(guide)
    if not all_directives:
        return found
    used: set[int] = set()
    kept: list[Diagnostic] = []
    for diag in found:
        silenced = False
        for number, directive in enumerate(all_directives):
            if directive.covers(diag):
                used.add(number)
                silenced = True
        if not silenced:
            kept.append(diag)
    if UNUSED not in active:
        return kept
    for number, directive in enumerate(all_directives):
        unknown = [r for r in directive.rules if r not in known]
        where = (directive.line, directive.column)
        if unknown:
            kept.append(
                _unused(guide, where, f"suppression names unknown rule(s): {', '.join(unknown)}")
            )
        elif number not in used and (
            not directive.rules or any(r in active for r in directive.rules)
        ):
            names = ", ".join(directive.rules) or "every rule"
            kept.append(
                _unused(
                    guide,
                    where,
                    f"suppression of {names} silences nothing; remove it",
                    _removal(guide, directive),
                )
            )
    return kept


def _removal(guide: Guide, directive: Directive) -> Fix | None:
    """Removing an idle directive's comment(s): safe, it silences nothing."""
    if not directive.spans:
        return None
    from guidelint.fixes import remove_span

    edits = tuple(remove_span(guide, start, end) for start, end in directive.spans)
    return Fix("Remove the unused suppression", edits, "safe")


def _unused(
    guide: Guide, where: tuple[int, int], message: str, fix: Fix | None = None
) -> Diagnostic:
    return Diagnostic(guide.path, where[0], where[1], UNUSED, "warning", message, fix=fix)
