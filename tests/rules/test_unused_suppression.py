"""unused-suppression: a suppression that silences nothing (see also test_suppression)."""

from __future__ import annotations

from tests.conftest import LintFn, guide
from tests.util import spots

RULE = "unused-suppression"
SOURCES = "sources:\n  - id: survey\n    title: PMM competency survey\n"


def test_used_suppression_passes(lint_text: LintFn) -> None:
    body = "<!-- guidelint-disable-next-line stat-source -->\nLeaders say 92%.\n"
    assert lint_text(guide(body)) == []


def test_suppression_left_after_the_fix_is_reported(lint_text: LintFn) -> None:
    body = (
        "<!-- guidelint-disable-next-line stat-source -- sourced since -->\n"
        "Leaders say 92%[^survey].\n"
    )
    found = lint_text(guide(body, SOURCES), select=(RULE, "stat-source"))
    assert spots(found) == [(12, 1, RULE)]
    assert found[0].severity == "warning"


def test_only_runs_through_the_engine(lint_text: LintFn) -> None:
    # Selected alone, stat-source does not run, so its suppression is not judged.
    body = "<!-- guidelint-disable-next-line stat-source -->\nNo figures.\n"
    assert lint_text(guide(body), select=RULE) == []


def test_severity_can_be_raised_to_error(lint_text: LintFn) -> None:
    body = "<!-- guidelint-disable-next-line stat-source -->\nNo figures.\n"
    found = lint_text(guide(body), config={"rules": {RULE: "error"}})
    assert [(d.rule, d.severity) for d in found] == [(RULE, "error")]
