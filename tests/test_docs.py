"""Rule docs: ``guidelint rules``, ``guidelint explain`` and docs/rules.md.

The docs come from the rule modules themselves; these tests check the CLI
shows every registered rule and that docs/rules.md has not drifted.  (That
each rule's examples fail and pass as written is tests/rules/test_registry.py.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from guidelint.diagnostic import Diagnostic
from guidelint.docs import DOCS_BASE, docs_url, rules_markdown
from guidelint.engine import LintResult
from guidelint.formatters import FormatInfo, get_formatter
from guidelint.rules import RULES
from tests.conftest import TODAY
from tests.util import run_main

ROOT = Path(__file__).resolve().parent.parent


def test_rules_lists_every_rule_with_severity_and_summary(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("rules")
    assert result.code == 0
    rows = [re.split(r"\s{2,}", line) for line in result.stdout.splitlines()]
    assert rows == [[name, rule.SEVERITY, rule.SUMMARY] for name, rule in RULES.items()]


@pytest.mark.parametrize("name", sorted(RULES))
def test_explain_has_what_why_examples_fix_silence_and_link(run_cli, name: str) -> None:  # type: ignore[no-untyped-def]
    rule = RULES[name]
    result = run_cli("explain", name)
    assert result.code == 0
    text = result.stdout
    first_line = (rule.__doc__ or "").strip().splitlines()[0].replace("``", "`")
    assert text.startswith(f"{name} ({rule.SEVERITY} by default)\n\n{first_line}\n")
    for part in ("Why:", "Fix:", "Fails:", "Passes:", "Silence it:"):
        assert part in text
    assert text.index("Fails:") < text.index("Passes:") < text.index("Silence it:")
    assert f"guidelint-disable-next-line {name}" in text
    assert f"Docs: {docs_url(name)}" in text
    # The failing example is shown as written (long ones are shortened).
    assert "    " + rule.EXAMPLE_FAIL.splitlines()[1] in text


@pytest.mark.parametrize("name", sorted(RULES))
def test_explain_prints_plain_text_not_restructuredtext(run_cli, name: str) -> None:  # type: ignore[no-untyped-def]
    text = run_cli("explain", name).stdout
    description = text[: text.index("\nOptions:")]
    assert "``" not in description


def test_explain_shows_code_in_single_backticks(run_cli) -> None:  # type: ignore[no-untyped-def]
    text = run_cli("explain", "stale-salary").stdout
    assert "by `salary_as_of`;" in text
    assert "(`guidelint review\n--salary` does it" in text  # a span across a line break


def test_explain_unknown_rule_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run_main(capsys, monkeypatch, tmp_path, "explain", "stat-sauce")
    assert result.code == 2
    assert "unknown rule 'stat-sauce'" in result.err and "stat-source" in result.err


def test_explain_suggests_the_rule_meant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run_main(capsys, monkeypatch, tmp_path, "explain", "stat_source")
    assert result.code == 2
    assert "unknown rule 'stat_source' (did you mean 'stat-source'?)" in result.err


def test_docs_rules_md_is_up_to_date() -> None:
    written = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert written == rules_markdown(), (
        "docs/rules.md is out of date: run `guidelint rules --format markdown > docs/rules.md`"
    )


def test_rules_markdown_is_what_the_cli_prints(run_cli) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("rules", "--format", "markdown").stdout == rules_markdown()


@pytest.mark.parametrize("name", sorted(RULES))
def test_every_docs_url_has_its_section(name: str) -> None:
    assert docs_url(name) == f"{DOCS_BASE}#{name}"
    assert f"\n## {name}\n" in rules_markdown()


FINDING = Diagnostic("a.md", 3, 1, "stat-source", "error", "statistic '92%' has no source")


def test_sarif_finding_links_its_rule_docs() -> None:
    log = json.loads(get_formatter("sarif")(LintResult((FINDING,), 1), FormatInfo(today=TODAY)))
    run = log["runs"][0]
    rule = run["tool"]["driver"]["rules"][run["results"][0]["ruleIndex"]]
    assert rule["helpUri"] == docs_url("stat-source")


def test_text_finding_links_its_rule_docs_on_a_terminal() -> None:
    render = get_formatter("text")
    colored = render(LintResult((FINDING,), 1), FormatInfo(today=TODAY, color=True))
    assert f"\033]8;;{docs_url('stat-source')}\033\\" in colored.splitlines()[0]
    plain = render(LintResult((FINDING,), 1), FormatInfo(today=TODAY, color=False))
    assert plain.splitlines()[0] == "a.md:3:1: error stat-source statistic '92%' has no source"


def test_readme_rule_table_lists_every_registered_rule_with_its_severity() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Rules\n", 1)[1].strip().split("\n\n", 1)[0]
    listed: dict[str, str] = {}
    for row in table.splitlines()[2:]:
        names, severity = row.split("|")[1:3]
        for name in re.findall(r"`([a-z-]+)`", names):
            assert name not in listed, f"{name} is listed twice in the README"
            listed[name] = severity.strip()
    assert listed == {name: rule.SEVERITY for name, rule in RULES.items()}
