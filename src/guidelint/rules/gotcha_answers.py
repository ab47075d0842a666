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
example answer under it.
"""

from __future__ import annotations

from collections.abc import Iterable

from guidelint.context import Context, diagnostic
from guidelint.diagnostic import Diagnostic, Severity
from guidelint.guide import Guide
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
                kind = label.split()[0].lower()
                message = (
                    f"gotcha '{heading.text}' has its {label.lower()} under a bold label, not a "
                    f"sub-heading: write it as '{sub} {label}' on a line of its own"
                    if kind in gotcha.labelled
                    else f"gotcha '{heading.text}' has no {label.lower()}: add a "
                    f"'{sub} {label}' sub-heading with an example under it"
                )
                where = guide.position(heading.offset)
                found.append(diagnostic(guide, NAME, SEVERITY, where, message))
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
