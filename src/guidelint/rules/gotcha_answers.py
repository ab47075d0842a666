"""A gotcha lacks a strong or a weak answer, or one of them is empty.

Why: a gotcha question teaches by contrast: what a strong candidate says and
what a weak one says.  An edit that drops one half (it happens when sections
are moved) leaves the reader with half a lesson.  A gotcha is a heading whose
text contains the word "gotcha"; it runs to the next heading of the same or a
higher level and must contain a ``Strong answer`` and a ``Weak answer``
sub-heading (``Strong`` / ``Weak`` alone also count), each followed by text.
A heading such as "Gotchas" whose sub-sections are themselves gotchas is a
container and is not checked itself, and so is a heading that names
pitfalls in the plural ("CSS gotchas", "Rollback gotchas"): a list of
pitfalls under it needs no answers.  An answer written as a bold label
(``**Strong answer:** ...``) is still reported, with the sub-heading to
write instead.

Fix: add the missing sub-heading (one level below the gotcha) with an
example answer under it.  An answer written as a bold label is turned into
that sub-heading by ``guidelint check --unsafe-fixes`` (or the editor's quick
fix).
"""

from __future__ import annotations

from collections.abc import Iterable

from guidelint.context import Context, diagnostic
from guidelint.diagnostic import Diagnostic, Edit, Fix, Severity
from guidelint.guide import Guide
from guidelint.lazy_re import lazy
from guidelint.rules.examples import example

NAME = "gotcha-answers"
SEVERITY: Severity = "error"
SUMMARY = "a gotcha lacks a strong or a weak answer, or one is empty"
OPTIONS: dict[str, object] = {}
NEEDS: frozenset[str] = frozenset()
_GOTCHA = """## The canonical PMM gotcha

What is the difference between product management and product marketing?

### Strong answer

Accountability: the PM owns what ships, the PMM owns how the market understands it.
"""
EXAMPLE_FAIL = example(_GOTCHA)
EXAMPLE_PASS = example(_GOTCHA + "\n### Weak answer\n\nThe PM builds it and the PMM sells it.\n")


# "**Strong answer:**" (or __...__, or no emphasis) at the start of a paragraph, as written.
_LABEL_BYTES = lazy(
    rb"(?i)(?:\*\*|__)?(?:an?\s+|the\s+)?(?:strong|weak)(?:\s+answers?)?\s*:?\s*(?:\*\*|__)?:?[ \t]*"
)


def _as_heading(guide: Guide, block: int, heading: str) -> Fix | None:
    """The label of paragraph ``block`` turned into ``heading`` on a line of its own (unsafe)."""
    start = guide.body.blocks[block].offset
    label = _LABEL_BYTES().match(guide.source, start)
    if label is None:
        return None
    from guidelint.fixes import (
        line_break,
    )  # imported here: most guides get no such finding, and pre-commit pays every import

    eol = line_break(guide.source)
    edit = Edit(start, label.end(), f"{heading}{eol}{eol}")
    return Fix(f"Write it under a '{heading}' sub-heading", (edit,), "unsafe")


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """One finding per missing or empty answer, at the gotcha heading."""
    found: list[Diagnostic] = []
    headings = guide.body.headings
    for gotcha in guide.prose.gotchas:
        heading = headings[gotcha.heading]
        sub = "#" * min(heading.level + 1, 6)
        for label, index, empty in (
            ("Strong answer", gotcha.strong, gotcha.strong_empty),
            ("Weak answer", gotcha.weak, gotcha.weak_empty),
        ):
            if index is None:
                labelled = gotcha.labelled.get(label.split()[0].lower())
                message = (
                    f"gotcha '{heading.text}' has its {label.lower()} under a bold label, not a "
                    f"sub-heading: write it as '{sub} {label}' on a line of its own"
                    if labelled is not None
                    else f"gotcha '{heading.text}' has no {label.lower()}: add a "
                    f"'{sub} {label}' sub-heading with an example under it"
                )
                fix = None if labelled is None else _as_heading(guide, labelled, f"{sub} {label}")
                where = guide.position(heading.offset)
                found.append(diagnostic(guide, NAME, SEVERITY, where, message, fix=fix))
            elif empty:
                found.append(
                    diagnostic(
                        guide,
                        NAME,
                        SEVERITY,
                        guide.position(headings[index].offset),
                        f"the {label.lower()} of gotcha '{heading.text}' is empty: "
                        "write the example answer under the heading",
                    )
                )
    return found
