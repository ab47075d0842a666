"""docs/ci.md: its workflows are valid YAML and every guidelint command in them parses."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from guidelint.cli import cli
from guidelint.rules import RULES

DOC = Path(__file__).resolve().parent.parent / "docs" / "ci.md"


def _blocks() -> list[Any]:
    text = DOC.read_text(encoding="utf-8")
    return [yaml.safe_load(b) for b in re.findall(r"^```yaml\n(.*?)^```$", text, re.S | re.M)]


def _github() -> dict[str, Any]:
    [workflow] = [b for b in _blocks() if "jobs" in b]
    return workflow


def _gitlab() -> dict[str, Any]:
    return {k: v for b in _blocks() if "jobs" not in b for k, v in b.items()}


def _shell_lines() -> list[str]:
    lines = [s["run"] for job in _github()["jobs"].values() for s in job["steps"] if "run" in s]
    for job in _gitlab().values():
        lines += [*job.get("before_script", []), *job.get("script", [])]
    return lines


def _guidelint_commands() -> list[list[str]]:
    return [shlex.split(line)[1:] for line in _shell_lines() if line.startswith("guidelint ")]


def _parse(args: list[str]) -> click.Context:
    """Parse ``guidelint ARGS`` as the CLI would, without running it."""
    command = cli.get_command(click.Context(cli), args[0])
    assert command is not None, f"no command 'guidelint {args[0]}'"
    return command.make_context(args[0], args[1:])


def test_both_documents_are_there() -> None:
    workflow = _github()
    # PyYAML reads the bare key `on` as True (YAML 1.1); GitHub reads it as "on".
    triggers = workflow.get("on", workflow.get(True))
    assert {"pull_request", "schedule"} <= set(triggers)
    assert set(_gitlab()) == {"guidelint", "freshness"}


@pytest.mark.parametrize("args", _guidelint_commands(), ids=" ".join)
def test_every_command_parses(args: list[str]) -> None:
    ctx = _parse(args)
    for names in (ctx.params.get("select", ()), ctx.params.get("ignore", ())):
        for name in ",".join(names).split(","):
            assert not name or name in RULES, name


def test_a_misspelt_command_would_fail() -> None:
    with pytest.raises(click.UsageError):
        _parse(["check", "--format", "sarf"])


def test_github_uploads_the_sarif_it_writes() -> None:
    steps = _github()["jobs"]["lint"]["steps"]
    [sarif] = [s for s in steps if "--format sarif" in s.get("run", "")]
    output = _parse(shlex.split(sarif["run"])[1:]).params["output"]
    [upload] = [
        s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")
    ]
    assert upload["with"]["sarif_file"] == output
    assert _github()["jobs"]["lint"]["permissions"]["security-events"] == "write"


def test_github_annotations_come_from_the_default_format() -> None:
    steps = _github()["jobs"]["lint"]["steps"]
    [step] = [s for s in steps if s.get("name") == "Annotate the pull request"]
    annotate = _parse(shlex.split(step["run"])[1:])
    assert annotate.params["fmt"] is None  # github under GITHUB_ACTIONS=true
    assert annotate.params["diff_base"]


def test_gitlab_publishes_the_reports_it_writes() -> None:
    job = _gitlab()["guidelint"]
    outputs = {}
    for line in job["script"]:
        params = _parse(shlex.split(line)[1:]).params
        if params["output"]:
            outputs[params["fmt"]] = params["output"]
    assert job["artifacts"]["reports"] == {
        "junit": outputs["junit"],
        "codequality": outputs["gitlab"],
    }
    assert job["artifacts"]["when"] == "always"
