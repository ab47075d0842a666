"""Suppression comments and front-matter ``guidelint: {disable: [...]}``."""

from __future__ import annotations

import pytest

from guidelint.guide import read_guide
from guidelint.suppression import directives
from tests.conftest import LintFn, guide
from tests.util import spots

STAT = "stat-source"
UNUSED = "unused-suppression"
L = 9  # first body line


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "<!-- guidelint-disable-next-line stat-source -- figure from an internal deck -->\n"
            "Leaders say 92%.\n",
            id="with-reason",
        ),
        pytest.param(
            "<!-- guidelint-disable-next-line stat-source -->\nLeaders say 92%.\n", id="no-reason"
        ),
        pytest.param(
            "<!-- guidelint-disable-next-line stat-source, salary-date -- old deck -->\n"
            "Base pay is $200k.\n",
            id="several-rules",
        ),
        pytest.param(
            "<!-- guidelint-disable-next-line stat-source salary-date -->\nBase pay is $200k.\n",
            id="several-rules-spaces",
        ),
        pytest.param(
            "<!-- guidelint-disable-next-line stat-source -->\n\nLeaders say 92%.\n",
            id="blank-line-between",
        ),
        pytest.param("<!-- guidelint-disable-next-line -->\nBase pay is $200k.\n", id="every-rule"),
        pytest.param(
            "<!-- guidelint-disable stat-source -->\nA 92%.\n\nB 88%.\n"
            "<!-- guidelint-enable stat-source -->\n",
            id="range",
        ),
        pytest.param("<!-- guidelint-disable stat-source -->\nA 92%.\n\nB 88%.\n", id="open-range"),
        pytest.param("<!-- guidelint-disable -->\nBase pay is $200k.\n", id="range-every-rule"),
    ],
)
def test_suppressed_findings_are_silent_and_directives_used(lint_text: LintFn, body: str) -> None:
    assert lint_text(guide(body)) == []


def test_next_line_silences_only_the_next_line(lint_text: LintFn) -> None:
    body = "<!-- guidelint-disable-next-line stat-source -->\nLeaders say 92%.\nOthers say 88%.\n"
    assert spots(lint_text(guide(body))) == [(L + 2, 12, STAT)]


def test_next_line_silences_only_the_named_rule(lint_text: LintFn) -> None:
    body = "<!-- guidelint-disable-next-line salary-date -->\nBase pay is $200k.\n"
    assert spots(lint_text(guide(body))) == [(L + 1, 13, STAT)]


def test_range_ends_at_enable(lint_text: LintFn) -> None:
    body = (
        "<!-- guidelint-disable stat-source -->\nA 92%.\n"
        "<!-- guidelint-enable stat-source -->\n\nC 77%.\n"
    )
    assert spots(lint_text(guide(body))) == [(L + 4, 3, STAT)]


def test_enable_without_names_closes_every_range(lint_text: LintFn) -> None:
    body = "<!-- guidelint-disable -->\nBase pay is $200k.\n<!-- guidelint-enable -->\n\nC 77%.\n"
    assert spots(lint_text(guide(body))) == [(L + 4, 3, STAT)]


def test_front_matter_disable_silences_the_whole_file(lint_text: LintFn) -> None:
    text = guide("Leaders say 92%.\n\nOthers 88%.\n", "guidelint:\n  disable: [stat-source]\n")
    assert lint_text(text) == []


def test_directive_inside_code_is_not_a_directive(lint_text: LintFn) -> None:
    body = "```\n<!-- guidelint-disable-next-line stat-source -->\n```\nLeaders say 92%.\n"
    assert spots(lint_text(guide(body))) == [(L + 3, 13, STAT)]


@pytest.mark.parametrize(
    ("body", "extra", "where"),
    [
        pytest.param(
            "<!-- guidelint-disable-next-line stat-source -->\nNo figures.\n", "", (L, 1), id="nl"
        ),
        pytest.param(
            "Intro.\n\n<!-- guidelint-disable stat-source -->\nNothing.\n"
            "<!-- guidelint-enable stat-source -->\n",
            "",
            (L + 2, 1),
            id="range",
        ),
        pytest.param("No figures.\n", "guidelint:\n  disable: [stat-source]\n", (8, 3), id="front"),
        pytest.param(
            "<!-- guidelint-disable-next-line salary-date -->\nLeaders say 92%.\n",
            "",
            (L, 1),
            id="wrong-rule",
        ),
    ],
)
def test_idle_suppression_is_a_warning(
    lint_text: LintFn, body: str, extra: str, where: tuple[int, int]
) -> None:
    found = [d for d in lint_text(guide(body, extra)) if d.rule == UNUSED]
    assert spots(found) == [(*where, UNUSED)]
    assert found[0].severity == "warning"
    assert "silences nothing" in found[0].message


def test_unknown_rule_name_is_reported(lint_text: LintFn) -> None:
    body = "<!-- guidelint-disable-next-line stat-sorce -->\nLeaders say 92%.\n"
    found = lint_text(guide(body))
    assert spots(found) == [(L, 1, UNUSED), (L + 1, 13, STAT)]
    assert "unknown rule(s): stat-sorce" in found[0].message


def test_unknown_rule_name_in_front_matter(lint_text: LintFn) -> None:
    found = lint_text(guide("Body.\n", "guidelint:\n  disable: [stat-sorce]\n"))
    assert spots(found) == [(8, 3, UNUSED)]


IDLE = "<!-- guidelint-disable-next-line stat-source -->\nNo figures.\n"


def test_not_reported_when_the_rule_is_switched_off(lint_text: LintFn) -> None:
    assert lint_text(guide(IDLE), config={"rules": {STAT: "off"}}) == []


def test_not_reported_when_the_rule_is_not_selected(lint_text: LintFn) -> None:
    assert lint_text(guide(IDLE), select=("salary-date", UNUSED)) == []


def test_not_reported_when_the_rule_is_ignored(lint_text: LintFn) -> None:
    assert lint_text(guide(IDLE), ignore=(STAT,)) == []


def test_not_reported_when_unused_suppression_is_off(lint_text: LintFn) -> None:
    assert lint_text(guide(IDLE), config={"rules": {UNUSED: "off"}}) == []


def test_suppression_works_with_crlf(lint_text: LintFn) -> None:
    body = "<!-- guidelint-disable-next-line stat-source -->\r\n\r\nLeaders say 92%.\r\nB 88%.\r\n"
    text = guide("").replace("\n", "\r\n") + body
    assert spots(lint_text(text)) == [(L + 3, 3, STAT)]


def test_directives_cover_the_expected_lines() -> None:
    text = guide(
        "<!-- guidelint-disable-next-line stat-source -- why -->\n\nA.\n"
        "<!-- guidelint-disable salary-date -->\nB.\n<!-- guidelint-enable salary-date -->\n",
        "guidelint: {disable: [schema]}\n",
    )
    found = directives(read_guide("g.md", text.encode()))
    assert [(d.kind, d.rules, d.line, d.first, d.last) for d in found] == [
        ("file", ("schema",), 7, 1, 10**9),
        ("next-line", ("stat-source",), 10, 12, 12),
        ("range", ("salary-date",), 13, 14, 14),
    ]
