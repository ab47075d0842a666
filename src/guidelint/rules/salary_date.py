"""Salary figures with no date: no ``salary_as_of`` and no marker of their own.

Why: pay moves every year, so a salary figure without a date cannot be
trusted or refreshed.  A money amount is a salary figure when its sentence
(or its table's header) speaks of pay: salary, compensation, comp, TC, pay,
base, bonus, equity, RSU, offer, package, OTE, earn (plus the config's
``pay_words``).  It is dated by the front matter's ``salary_as_of`` or by a
marker in its own sentence, table header or caption (``as of Aug 2026``,
``(2026 data)``, ``in 2025``).  A ``salary_as_of`` that is not a date or is
in the future is reported too.

Fix: add ``salary_as_of: YYYY-MM`` (the month the figures were true) to the
front matter, or an ``as of Mon YYYY`` marker to the sentence.
"""

from __future__ import annotations

from collections.abc import Iterable

from guidelint.context import Context, diagnostic, text_end, token_end
from guidelint.dates import parse_date
from guidelint.diagnostic import Diagnostic, Fix, Severity
from guidelint.guide import Guide
from guidelint.prose import salary_claims
from guidelint.rules.examples import PAY_FIGURE, example

NAME = "salary-date"
SEVERITY: Severity = "error"
SUMMARY = "salary figures with no salary_as_of or date marker (or a future one)"
OPTIONS: dict[str, object] = {}
NEEDS: frozenset[str] = frozenset()
_BODY, _SOURCES = PAY_FIGURE
EXAMPLE_FAIL = example(_BODY, extra=_SOURCES)
EXAMPLE_PASS = example(_BODY, extra=_SOURCES + "salary_as_of: 2026-06\n")


def check(guide: Guide, ctx: Context) -> Iterable[Diagnostic]:
    """Report undated salary figures, and a bad or future ``salary_as_of``."""
    key = guide.key_name("salary_as_of")
    found: list[Diagnostic] = []
    as_of = None
    if guide.has("salary_as_of"):
        value = guide.get("salary_as_of")
        as_of = parse_date(value)
        problem = None
        if as_of is None:
            problem = f"'{key}' is {value!r}, not a date: write YYYY-MM or YYYY-MM-DD"
        elif as_of.start > ctx.today:
            problem = f"'{key}' is {as_of}, in the future (today is {ctx.today})"
        if problem is not None:
            where = guide.key_position("salary_as_of")
            end = token_end(guide, where)
            found.append(diagnostic(guide, NAME, SEVERITY, where, problem, end))
    if as_of is not None:
        return found
    undated = [claim for claim in salary_claims(guide, ctx.pay_words) if claim.marker is None]
    fix = _add_as_of(guide, key) if undated else None  # one fix dates every figure
    for claim in undated:
        figure = claim.figure
        message = (
            f"salary figure '{figure.text.strip()}' has no date: add '{key}: YYYY-MM' "
            "to the front matter or 'as of Mon YYYY' to the sentence"
        )
        where = guide.position(figure.offset)
        end = guide.position(text_end(figure.block, figure.char, figure.text))
        found.append(diagnostic(guide, NAME, SEVERITY, where, message, end, fix=fix))
    return found


def _add_as_of(guide: Guide, key: str) -> Fix | None:
    """Adding ``salary_as_of`` with the month of ``updated``: unsafe, the figures may be older."""
    if guide.has("salary_as_of"):
        return None  # set but unusable: the editor must say what it meant
    written = parse_date(guide.get("updated"))
    if written is None:
        return None
    month = f"{written.start.year:04d}-{written.start.month:02d}"
    from guidelint.fixes import (
        add_key,
    )  # imported here: most guides get no such finding, and pre-commit pays every import

    edit = add_key(guide, key, month)
    return None if edit is None else Fix(f"Add '{key}: {month}'", (edit,), "unsafe")
