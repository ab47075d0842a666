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
from guidelint.docs import docs_url, rules_markdown
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
    assert "All rules: guidelint rules --format markdown" in text
    assert "http" not in text.rsplit("Silence it:", 1)[1]  # no link to a placeholder host
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
    assert docs_url(name, DOCS) == f"{DOCS}#{name}"
    assert docs_url(name, None) is None
    assert f"\n## {name}\n" in rules_markdown()


DOCS = "https://docs.example.org/guidelint/rules"
FINDING = Diagnostic("a.md", 3, 1, "stat-source", "error", "statistic '92%' has no source")


def test_sarif_finding_links_its_rule_docs() -> None:
    info = FormatInfo(today=TODAY, docs_url=DOCS)
    log = json.loads(get_formatter("sarif")(LintResult((FINDING,), 1), info))
    run = log["runs"][0]
    rule = run["tool"]["driver"]["rules"][run["results"][0]["ruleIndex"]]
    assert rule["helpUri"] == f"{DOCS}#stat-source"


def test_no_docs_url_no_links(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    log = json.loads(get_formatter("sarif")(LintResult((FINDING,), 1), FormatInfo(today=TODAY)))
    assert "guidelint.invalid" not in json.dumps(log)
    assert all("helpUri" not in rule for rule in log["runs"][0]["tool"]["driver"]["rules"])
    colored = get_formatter("text")(LintResult((FINDING,), 1), FormatInfo(TODAY, color=True))
    assert "\033]8;" not in colored


def test_check_links_to_the_configured_docs_url(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("No front matter.\n", encoding="utf-8")
    (tmp_path / ".guidelint.yaml").write_text(f"docs_url: {DOCS}\n", encoding="utf-8")
    result = run_cli("check", "--format", "sarif", "--today", "2026-11-26", cwd=tmp_path)
    rules = json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert {rule["helpUri"] for rule in rules if rule["id"] == "frontmatter"} == {
        f"{DOCS}#frontmatter"
    }


def test_text_finding_links_its_rule_docs_on_a_terminal() -> None:
    render = get_formatter("text")
    colored = render(LintResult((FINDING,), 1), FormatInfo(today=TODAY, color=True, docs_url=DOCS))
    assert f"\033]8;;{DOCS}#stat-source\033\\" in colored.splitlines()[0]
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


def test_readme_pre_commit_snippet_names_a_rev_a_user_can_use() -> None:
    import yaml

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "guidelint.invalid" not in readme
    snippet = readme.split("```yaml\nrepos:", 1)[1].split("```", 1)[0]
    [repo] = yaml.safe_load("repos:" + snippet)["repos"]
    # No release is tagged yet: a commit SHA is the rev that works.
    assert re.fullmatch(r"[0-9a-f]{40}", str(repo["rev"]))
    assert "pre-commit autoupdate" in readme and "tagged" in readme
