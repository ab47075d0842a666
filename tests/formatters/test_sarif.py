"""``--format sarif``: valid SARIF 2.1.0, every rule documented, stable output."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from guidelint.diagnostic import Diagnostic
from guidelint.docs import docs_url
from guidelint.engine import LintResult
from guidelint.formatters import FormatInfo
from guidelint.formatters.sarif import artifact_uri, render
from guidelint.rules import RULES
from tests.conftest import TODAY, guide

SCHEMA = Path(__file__).resolve().parent.parent / "data" / "sarif-schema-2.1.0.json"
UNSOURCED = guide("## Pay\n\n92% of PMMs were promoted.\n")


def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)  # draft-04, from its $schema
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _check_sarif(run_cli, tmp_path: Path) -> dict:  # type: ignore[no-untyped-def]
    content = tmp_path / "content"
    content.mkdir()
    (content / "pay.md").write_text(UNSOURCED, encoding="utf-8")
    (content / "clean.md").write_text(guide("Clean.\n").replace("pm-vs-pmm", "clean"), "utf-8")
    result = run_cli("check", "content", "--format", "sarif", "--today", "2026-11-26", cwd=tmp_path)
    assert result.code == 1, result.stderr
    return json.loads(result.stdout)


def test_output_validates_against_the_official_schema(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    log = _check_sarif(run_cli, tmp_path)
    errors = [e.message for e in _validator().iter_errors(log)]
    assert errors == []
    assert log["version"] == "2.1.0"


def test_the_schema_check_can_fail(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    log = _check_sarif(run_cli, tmp_path)
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(_validator().iter_errors(log))


def test_result_points_at_the_statistic(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    log = _check_sarif(run_cli, tmp_path)
    [result] = log["runs"][0]["results"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert result["ruleId"] == "stat-source"
    assert rules[result["ruleIndex"]]["id"] == "stat-source"
    assert result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "content/pay.md"
    # The whole statistic, "92%": the column after its last character.
    assert location["region"] == {"startLine": 11, "startColumn": 1, "endLine": 11, "endColumn": 4}
    assert len(result["partialFingerprints"]["guidelint/v1"]) == 32


DOCS = "https://docs.example.org/guidelint/rules"


def test_driver_documents_every_rule_sorted() -> None:
    info = FormatInfo(today=TODAY, tool_version="1.2.3", docs_url=DOCS)
    log = json.loads(render(LintResult((), 0), info))
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["version"] == "1.2.3"
    assert [r["id"] for r in driver["rules"]] == sorted(RULES)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] == RULES[rule["id"]].SUMMARY
        assert rule["fullDescription"]["text"]
        assert "Fix" in rule["help"]["text"] or "fix" in rule["help"]["text"]
        assert rule["helpUri"] == docs_url(rule["id"], DOCS)
        assert rule["defaultConfiguration"]["level"] == RULES[rule["id"]].SEVERITY


def test_output_is_stable_across_runs(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = _check_sarif(run_cli, tmp_path)
    again = run_cli("check", "content", "--format", "sarif", "--today", "2026-11-26", cwd=tmp_path)
    assert json.loads(again.stdout) == first


def test_fingerprint_survives_a_line_added_above(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = _check_sarif(run_cli, tmp_path)["runs"][0]["results"][0]
    pay = tmp_path / "content" / "pay.md"
    pay.write_text(pay.read_text("utf-8").replace("## Pay\n", "## Pay\n\nA new intro.\n"), "utf-8")
    after = run_cli("check", "content", "--format", "sarif", "--today", "2026-11-26", cwd=tmp_path)
    [moved] = json.loads(after.stdout)["runs"][0]["results"]
    assert moved["locations"][0]["physicalLocation"]["region"]["startLine"] == 13
    assert moved["partialFingerprints"] == before["partialFingerprints"]


def test_region_keeps_a_given_extent() -> None:
    finding = Diagnostic("a.md", 3, 5, "stat-source", "warning", "m", end_line=4, end_column=2)
    log = json.loads(render(LintResult((finding,), 1), FormatInfo(today=TODAY)))
    [result] = log["runs"][0]["results"]
    assert result["level"] == "warning"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["endLine"], region["endColumn"]) == (4, 2)


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("content/a.md", "content/a.md"),
        ("content/my guide.md", "content/my%20guide.md"),
        ("/srv/site/100%.md", "file:///srv/site/100%25.md"),
    ],
)
def test_artifact_uri(path: str, uri: str) -> None:
    assert artifact_uri(path) == uri
