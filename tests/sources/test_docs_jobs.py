"""docs/freshness.md: the sources jobs are valid YAML and every guidelint command in them parses."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import yaml

from guidelint.cli import cli

DOC = Path(__file__).resolve().parents[2] / "docs" / "freshness.md"


def _commands() -> list[list[str]]:
    section = DOC.read_text(encoding="utf-8").split("## Sources that still exist")[1]
    blocks = re.findall(r"^```yaml\n(.*?)^```$", section.split("\n## ")[0], re.S | re.M)
    lines: list[str] = []
    for block in map(yaml.safe_load, blocks):
        for job in block.get("jobs", block).values():
            if isinstance(job, dict):
                lines += [s.get("run", "") for s in job.get("steps", [])]
                lines += job.get("script", [])
    return [shlex.split(line)[1:] for line in lines if line.startswith("guidelint ")]


def test_the_jobs_run_guidelint_sources_changed_only_and_in_full() -> None:
    commands = _commands()
    assert len(commands) == 4
    assert sum("--changed-since" in c for c in commands) == 2
    for args in commands:
        command = cli.get_command(click.Context(cli), args[0])
        assert command is not None and args[0] == "sources"
        command.make_context(args[0], args[1:])  # raises on an unknown option
